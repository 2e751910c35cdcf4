//! `pingshen agency keep`: which dossiers keep a service agency that more of
//! the round's dossiers name than the programme allows. The others then fail
//! formal review with this choice as the reason.

use std::path::Path;

use clap::{Args, Subcommand};

use super::Lang;
use crate::domain::agency::AgencyKeep;
use crate::error::Error;
use crate::lang::Say;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum AgencyCommand {
    /// Record the dossiers (at most the programme's limit) that keep a
    /// service agency named by too many of the round's dossiers.
    Keep(KeepArgs),
}

#[derive(Args, Debug)]
pub struct KeepArgs {
    #[arg(long)]
    pub round: String,
    /// The agency's unified social credit code.
    #[arg(long)]
    pub code: String,
    /// A dossier that keeps the agency (repeat for several).
    #[arg(long = "dossier", required = true)]
    pub dossiers: Vec<String>,
    #[arg(long)]
    pub reason: String,
    /// Who records it, for the minutes and the audit log.
    #[arg(long, default_value = "secretary")]
    pub by: String,
}

/// What `agency keep` recorded, in words.
struct Recorded<'a>(&'a AgencyKeep);

impl Say for Recorded<'_> {
    fn zh(&self) -> String {
        let k = self.0;
        format!(
            "已记录：服务机构 {} 由 {} 保留（{}）；联合该机构的其他申报书形式审查不通过",
            k.credit_code,
            k.dossiers.join("、"),
            k.reason
        )
    }

    fn en(&self) -> String {
        let k = self.0;
        format!(
            "recorded: service agency {} is kept by {} ({}); the other dossiers naming it fail formal review",
            k.credit_code,
            k.dossiers.join(", "),
            k.reason
        )
    }
}

pub fn run(dir: &Path, c: AgencyCommand, lang: Lang) -> Result<(), Error> {
    match c {
        AgencyCommand::Keep(a) => keep(dir, a, lang),
    }
}

fn keep(dir: &Path, a: KeepArgs, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let k = AgencyKeep {
        round: a.round,
        credit_code: a.code.trim().to_string(),
        dossiers: a.dossiers,
        reason: a.reason.trim().to_string(),
        by: a.by,
        at: chrono::Utc::now(),
    };
    store.record_agency_keep(&k)?;
    println!("{}", Recorded(&k).say(lang.into()));
    Ok(())
}
