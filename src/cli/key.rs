//! `pingshen key show`: this store's signing key fingerprint, made on first use.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
use super::said::Said;
use crate::bundle::laptop_identity;
use crate::error::Error;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Show the fingerprint of this store's signing key (made on first use).
    Show,
}

pub fn run(dir: &Path, cmd: KeyCommand, lang: Lang) -> Result<(), Error> {
    let KeyCommand::Show = cmd;
    let mut store = Store::open(dir)?;
    let made = store.laptop_key()?.is_none();
    let fp = laptop_identity(&mut store)?.fingerprint();
    println!(
        "{}",
        lang.say(&Said::Key {
            fingerprint: fp,
            made
        })
    );
    Ok(())
}
