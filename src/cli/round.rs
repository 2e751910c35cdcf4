//! `pingshen round export`: a round's files as one package for the experts' laptops.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Lang;
use super::said::Said;
use crate::bundle::package::{self, documents};
use crate::domain::keyprint;
use crate::error::Error;
use crate::out::{write_out, write_out_with};
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum RoundCommand {
    /// Write the round file, its sheets and dossiers as one package file.
    Export {
        #[arg(long)]
        round: String,
        #[arg(long)]
        out: PathBuf,
        /// Carry the applicant's documents (kept in the store folder since
        /// the round was loaded) in the package too, each checked against
        /// the SHA-256 its dossier lists.
        #[arg(long)]
        with_attachments: bool,
    },
}

pub fn run(dir: &Path, cmd: RoundCommand, lang: Lang) -> Result<(), Error> {
    let RoundCommand::Export {
        round,
        out,
        with_attachments,
    } = cmd;
    let store = Store::open(dir)?;
    let bytes = package::export(&store, &round)?;
    let r = store.round(&round)?;
    let packed = if with_attachments {
        let fill = |f: &mut std::io::BufWriter<std::fs::File>| {
            documents::write(&store, &round, &r.dossiers, &bytes, f, &out).map_err(Error::from)
        };
        Some(write_out_with(&out, fill)?)
    } else {
        write_out(&out, &bytes)?;
        None
    };
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
    if let Some(p) = packed {
        println!(
            "{}",
            lang.say(&Said::DocumentsPacked {
                documents: p.documents,
                bytes: p.bytes,
            })
        );
    }
    Ok(())
}

/// A round's content fingerprint as people compare it.
pub fn short(fp: &str) -> String {
    fp.get(..keyprint::DIGITS)
        .map_or_else(|| fp.to_string(), keyprint::grouped)
}
