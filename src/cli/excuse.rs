//! `pingshen excuse`: an expert recorded as absent, for one dossier or the
//! whole round, so that their cards are no longer expected.

use std::path::Path;

use clap::Args;

use super::Lang;
use crate::domain::excuse::Excuse;
use crate::error::Error;
use crate::lang::Say;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct ExcuseArgs {
    #[arg(long)]
    pub round: String,
    #[arg(long)]
    pub expert: String,
    /// The one dossier excused from; without it, every dossier of the round.
    #[arg(long)]
    pub dossier: Option<String>,
    #[arg(long)]
    pub reason: String,
    /// Who records it, for the minutes and the audit log.
    #[arg(long, default_value = "secretary")]
    pub by: String,
}

/// What `excuse` recorded, in words.
struct Recorded<'a>(&'a Excuse);

impl Say for Recorded<'_> {
    fn zh(&self) -> String {
        format!("已记录：{}", self.0.zh())
    }

    fn en(&self) -> String {
        format!("recorded: {}", self.0.en())
    }
}

pub fn run(dir: &Path, a: ExcuseArgs, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let excuse = Excuse {
        round: a.round,
        expert: a.expert,
        dossier: a.dossier,
        reason: a.reason.trim().to_string(),
        by: a.by,
        at: chrono::Utc::now(),
    };
    store.record_excuse(&excuse)?;
    println!("{}", Recorded(&excuse).say(lang.into()));
    Ok(())
}
