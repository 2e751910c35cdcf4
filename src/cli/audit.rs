//! `pingshen audit verify`: recompute the hash chains and compare the cards.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
use super::said::Said;
use crate::error::{Chain, CommandError, Error};
use crate::store::{REGISTER, Store};

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the audit log's hash chain and report the first broken entry.
    Verify {
        #[arg(long)]
        round: Option<String>,
    },
}

pub fn run(dir: &Path, cmd: AuditCommand, lang: Lang) -> Result<(), Error> {
    let AuditCommand::Verify { round } = cmd;
    let store = Store::open(dir)?;
    let v = store.audit_verify(round.as_deref())?;
    for (id, n) in &v.rounds {
        let ok = v.broken.as_ref().is_none_or(|b| &b.round != id);
        if ok {
            let chain = if id == REGISTER {
                Chain::Register
            } else {
                Chain::Round(id.clone())
            };
            let said = Said::AuditIntact { chain, entries: *n };
            println!("{}", lang.say(&said));
        }
    }
    if v.rounds.is_empty() {
        println!("{}", lang.say(&Said::NoRounds));
    }
    match v.broken {
        None => {
            let said = Said::JournalIntact {
                records: v.records,
                head: v.head,
            };
            println!("{}", lang.say(&said));
            Ok(())
        }
        Some(b) if b.round.is_empty() => Err(CommandError::JournalBroken {
            seq: b.seq,
            at: b.at,
            why: b.why,
        }
        .into()),
        Some(b) => Err(CommandError::AuditBroken {
            chain: if b.round == REGISTER {
                Chain::Register
            } else {
                Chain::Round(b.round)
            },
            seq: b.seq,
            why: b.why,
        }
        .into()),
    }
}
