//! `pingshen round export`: a round's files as one package for the experts' laptops.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Lang;
use super::said::Said;
use crate::bundle::package;
use crate::domain::keyprint;
use crate::error::Error;
use crate::out::write_out;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum RoundCommand {
    /// Write the round file, its sheets and dossiers as one package file.
    Export {
        #[arg(long)]
        round: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(dir: &Path, cmd: RoundCommand, lang: Lang) -> Result<(), Error> {
    let RoundCommand::Export { round, out } = cmd;
    let store = Store::open(dir)?;
    let bytes = package::export(&store, &round)?;
    write_out(&out, &bytes)?;
    let r = store.round(&round)?;
    let fp = short(&r.fingerprint);
    let n = r.dossiers.len();
    println!(
        "{}",
        lang.say(&Said::RoundExported {
            round,
            dossiers: n,
            fingerprint: fp,
            out,
        })
    );
    Ok(())
}

/// A round's content fingerprint as people compare it.
pub fn short(fp: &str) -> String {
    fp.get(..keyprint::DIGITS)
        .map_or_else(|| fp.to_string(), keyprint::grouped)
}
