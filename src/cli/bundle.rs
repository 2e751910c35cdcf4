//! `pingshen bundle …`: signed score bundles between laptops and the
//! secretary's store, and the score conflicts they can bring.

mod conflicts;

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Lang;
use super::hint::Hint;
use super::said::Said;
use crate::bundle::{self, Trust};
use crate::domain::keyprint;
use crate::error::{CommandError, Error};
use crate::out::write_out;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum BundleCommand {
    /// Write one expert's cards, recusals and audit entries as a signed bundle.
    Export {
        #[arg(long)]
        round: String,
        #[arg(long)]
        expert: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify and import bundles; a bundle that fails any check is refused whole.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Trust an expert's key on first use: EXPERT=FINGERPRINT, as the
        /// expert reads it from `pingshen key show` on their laptop.
        #[arg(long, value_name = "EXPERT=FINGERPRINT")]
        trust: Vec<String>,
        /// Who imports, for the audit log.
        #[arg(long, default_value = "secretary")]
        by: String,
    },
    /// List the score conflicts of a round: different submitted values from two sources.
    Conflicts {
        #[arg(long)]
        round: String,
        #[arg(long, value_enum, default_value_t = conflicts::Format::Table)]
        format: conflicts::Format,
    },
    /// Settle a score conflict on a value, with a reason.
    Resolve {
        #[arg(long)]
        round: String,
        #[arg(long)]
        expert: String,
        #[arg(long)]
        dossier: String,
        #[arg(long)]
        item: String,
        #[arg(long, allow_hyphen_values = true)]
        value: String,
        #[arg(long)]
        reason: String,
        /// Who resolves it, for the audit log.
        #[arg(long, default_value = "secretary")]
        by: String,
    },
}

pub fn run(dir: &Path, cmd: BundleCommand, lang: Lang) -> Result<(), Error> {
    match cmd {
        BundleCommand::Export { round, expert, out } => export(dir, &round, &expert, &out, lang),
        BundleCommand::Import { files, trust, by } => {
            let trust = parse_trust(&trust, &by)?;
            import(dir, &files, &trust, lang)
        }
        BundleCommand::Conflicts { round, format } => conflicts::list(dir, &round, format, lang),
        BundleCommand::Resolve {
            round,
            expert,
            dossier,
            item,
            value,
            reason,
            by,
        } => {
            let card = crate::store::CardRef {
                round: &round,
                expert: &expert,
                dossier: &dossier,
            };
            conflicts::resolve(dir, card, &item, &value, &reason, &by, lang)
        }
    }
}

fn export(dir: &Path, round: &str, expert: &str, out: &Path, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let e = bundle::export(&mut store, round, expert)?;
    write_out(out, &e.bytes)?;
    println!(
        "{}",
        lang.say(&Said::BundleExported {
            sequence: e.sequence,
            round: round.to_string(),
            expert: expert.to_string(),
            cards: e.cards,
            submitted: e.submitted,
            recusals: e.recusals,
            out: out.to_path_buf(),
            fingerprint: e.fingerprint.clone(),
        })
    );
    Ok(())
}

/// `E1=3f2a-91bc-04de-77a1`, each checked before anything is opened.
fn parse_trust(given: &[String], by: &str) -> Result<Trust, Error> {
    let mut trust = Trust::by(by);
    for t in given {
        let parsed = t.split_once('=').and_then(|(e, fp)| {
            let e = e.trim();
            (!e.is_empty()).then_some(())?;
            keyprint::normalise(fp).map(|fp| (e.to_string(), fp))
        });
        let Some((expert, fp)) = parsed else {
            return Err(CommandError::BadTrust { given: t.clone() }.into());
        };
        trust = trust.confirm(&expert, &fp);
    }
    Ok(trust)
}

fn import(dir: &Path, files: &[PathBuf], trust: &Trust, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let mut failed: Vec<Error> = Vec::new();
    for f in files {
        let result = std::fs::read(f)
            .map_err(|e| {
                Error::from(CommandError::CannotReadBundle {
                    file: f.clone(),
                    why: (&e).into(),
                })
            })
            .and_then(|bytes| Ok(bundle::import(&mut store, &bytes, trust)?));
        match result {
            Ok(report) => {
                println!("{}: {}", f.display(), lang.say(&report));
                if report.conflicts > 0 {
                    let hint = Hint::Conflicts {
                        round: report.round.clone(),
                    };
                    println!("{}", lang.say(&hint));
                }
            }
            Err(e) => {
                if files.len() > 1 {
                    eprintln!("{}: {}", f.display(), super::tell(&e, lang));
                }
                failed.push(e);
            }
        }
    }
    match (files.len(), failed.len()) {
        (_, 0) => Ok(()),
        (1, _) => Err(failed.remove(0)),
        (all, n) => Err(CommandError::NotImported {
            failed: n,
            all,
            exit: failed[0].exit(),
        }
        .into()),
    }
}
