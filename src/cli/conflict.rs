//! `pingshen conflict declare`: an expert's recusal from a dossier.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
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
    let line = match (new, lang) {
        (true, Lang::Zh) => format!(
            "已登记：专家 {expert} 回避申报书 {dossier}（{}）",
            reason.trim()
        ),
        (true, Lang::En) => format!(
            "recorded: expert {expert} is recused from dossier {dossier} ({})",
            reason.trim()
        ),
        (false, Lang::Zh) => format!("专家 {expert} 已回避申报书 {dossier}，未作改动"),
        (false, Lang::En) => {
            format!("expert {expert} was already recused from dossier {dossier}; nothing changed")
        }
    };
    println!("{line}");
    Ok(())
}
