//! `pingshen key show`: this store's signing key fingerprint, made on first use.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
use super::key_words::KeyWord;
use super::said::Said;
use crate::bundle::laptop_identity;
use crate::error::Error;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Show the fingerprint of this store's signing key (made on first use).
    Show {
        /// Also print the full SHA-256 fingerprint.
        #[arg(long)]
        full: bool,
    },
}

pub fn run(dir: &Path, cmd: KeyCommand, lang: Lang) -> Result<(), Error> {
    let KeyCommand::Show { full } = cmd;
    let mut store = Store::open(dir)?;
    let made = store.laptop_key()?.is_none();
    let id = laptop_identity(&mut store)?;
    println!(
        "{}",
        lang.say(&Said::Key {
            fingerprint: id.fingerprint(),
            made
        })
    );
    if full {
        let full = id.full_fingerprint();
        println!("{}", lang.say(&KeyWord::Full { full }));
    }
    if let Some(mode) = store.key_file_open_to_others()? {
        let file = store.key_file();
        eprintln!("{}", lang.say(&KeyWord::OpenToOthers { file, mode }));
    }
    Ok(())
}
