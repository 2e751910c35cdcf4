//! `pingshen conflict declare`: an expert's recusal from a dossier.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
use super::said::Said;
use crate::error::Error;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum ConflictCommand {
    /// Recuse an expert from a dossier; that card is excluded and cannot be scored.
    Declare {
        #[arg(long)]
        round: String,
        #[arg(long)]
        expert: String,
        #[arg(long)]
        dossier: String,
        #[arg(long)]
        reason: String,
    },
}

pub fn run(dir: &Path, cmd: ConflictCommand, lang: Lang) -> Result<(), Error> {
    let ConflictCommand::Declare {
        round,
        expert,
        dossier,
        reason,
    } = cmd;
    let mut store = Store::open(dir)?;
    let new = store.declare_conflict(&round, &expert, &dossier, &reason)?;
    let line = lang.say(&Said::Recused {
        expert,
        dossier,
        reason: reason.trim().to_string(),
        new,
    });
    println!("{line}");
    Ok(())
}
