//! `pingshen center …`: the register of recognised centres through their
//! annual assessments, publicity and objections, withdrawal and funding.

mod alternates;
mod args;
mod change;
mod correct;
mod publicity;
mod read;
mod source;

use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

use super::Lang;
use super::score::Format;
use crate::domain::register::{Change, Scheme};
use crate::error::{CenterError, Error};

#[derive(Subcommand, Debug)]
pub enum CenterCommand {
    /// Every centre with its state, next deadline, days left and funding.
    List {
        /// The day days are counted from (YYYY-MM-DD; default today).
        #[arg(long)]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Instead: the alternates recorded from recognition rounds, in rank order.
        #[arg(long)]
        alternates: bool,
        /// With --alternates: only those of this year's rounds.
        #[arg(long, requires = "alternates")]
        year: Option<i32>,
    },
    /// One centre: its history, publicity, objections and payments.
    Show {
        #[arg(long)]
        code: String,
        #[arg(long)]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Enter centres: a recognition round's final selection, or one centre.
    #[command(group(ArgGroup::new("from").required(true).args(["round", "code"])))]
    Register {
        /// A recognition round whose ranking is final: its selected applicants.
        #[arg(long)]
        round: Option<String>,
        /// One centre's unified social credit code (with --name).
        #[arg(long, requires = "name")]
        code: Option<String>,
        #[arg(long)]
        name: Option<String>,
        /// The day of recognition (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        #[arg(long, value_enum, default_value_t = SchemeArg::Huangpu)]
        scheme: SchemeArg,
        #[command(flatten)]
        by: By,
    },
    /// Record an annual assessment (year 1, or year 2: final acceptance).
    Assess(Assessment),
    /// Record the re-assessment after rectification.
    Reassess(Assessment),
    /// A centre leaves of its own accord (barred from applying for 2 years).
    Withdraw {
        #[arg(long)]
        code: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        by: By,
    },
    /// Publish the latest result (recognition or pass) for 5 working days.
    #[command(group(ArgGroup::new("which").required(true).args(["round", "code"])))]
    Publicity {
        /// The first day of publicity (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// Centres whose latest result came from this round.
        #[arg(long)]
        round: Option<String>,
        /// One or more centres by credit code.
        #[arg(long)]
        code: Vec<String>,
        /// A holiday calendar file (default: the shipped calendar).
        #[arg(long)]
        calendar: Option<PathBuf>,
        #[command(flatten)]
        by: By,
    },
    /// Objections to a published result: lodge one, or rule on it.
    #[command(subcommand)]
    Objection(ObjectionCommand),
    /// Correct the day of an event: the event as entered stays, marked amended.
    Amend {
        #[arg(long)]
        code: String,
        /// The event's number, as `center show` lists it.
        #[arg(long)]
        event: usize,
        /// The day it happened (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        by: By,
    },
    /// Declare an event void (entered in error): it stays, marked void.
    Void {
        #[arg(long)]
        code: String,
        /// The event's number, as `center show` lists it.
        #[arg(long)]
        event: usize,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        by: By,
    },
}

#[derive(Subcommand, Debug)]
pub enum ObjectionCommand {
    /// Record an objection lodged during the publicity period.
    Lodge {
        #[arg(long)]
        code: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        by: By,
    },
    /// Record the finding: upheld withdraws the result, dismissed lets it stand.
    #[command(group(ArgGroup::new("finding").required(true).args(["upheld", "dismissed"])))]
    Rule {
        #[arg(long)]
        code: String,
        /// The objection's number, as `center show` lists it.
        #[arg(long)]
        number: u32,
        #[arg(long)]
        date: String,
        #[arg(long)]
        upheld: bool,
        #[arg(long)]
        dismissed: bool,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        by: By,
    },
}

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("score_from").required(true).args(["round", "score"])))]
pub struct Assessment {
    #[arg(long)]
    code: String,
    /// An annual round: the centre's panel score from its ranking.
    #[arg(long)]
    round: Option<String>,
    /// The panel's score out of 100, e.g. 72.5.
    #[arg(long)]
    score: Option<String>,
    /// The day of the assessment (default: the round's date).
    #[arg(long)]
    date: Option<String>,
    #[command(flatten)]
    by: By,
}

#[derive(Args, Debug)]
pub struct By {
    /// Who records it, for the audit log.
    #[arg(long, default_value = "secretary")]
    by: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemeArg {
    /// 黄埔区: 50万 for every annual pass.
    Huangpu,
    /// 重庆市: 40% of 50万 on approval, 60% on acceptance.
    Chongqing,
}

impl From<SchemeArg> for Scheme {
    fn from(s: SchemeArg) -> Scheme {
        match s {
            SchemeArg::Huangpu => Scheme::Huangpu,
            SchemeArg::Chongqing => Scheme::Chongqing,
        }
    }
}

pub fn run(dir: &Path, cmd: CenterCommand, lang: Lang) -> Result<(), Error> {
    match cmd {
        CenterCommand::List {
            alternates: true,
            year,
            format,
            ..
        } => alternates::list(dir, year, format, lang),
        CenterCommand::List { on, format, .. } => read::list(dir, on.as_deref(), format, lang),
        CenterCommand::Show { code, on, format } => {
            read::show(dir, &code, on.as_deref(), format, lang)
        }
        CenterCommand::Register {
            round,
            code,
            name,
            date,
            scheme,
            by,
        } => {
            let how = match (round, code, name) {
                (Some(r), _, _) => change::From::Round(r),
                (None, Some(c), Some(n)) => change::From::One { code: c, name: n },
                _ => {
                    return Err(CenterError::RoundOrCode.into());
                }
            };
            change::register(dir, how, &date, scheme.into(), &by.by, lang)
        }
        CenterCommand::Amend {
            code,
            event,
            date,
            reason,
            by,
        } => {
            let on = args::date("--date", &date)?;
            let change = Change::Date(on);
            correct::correct(dir, &code, event, change, &reason, &by.by, lang)
        }
        CenterCommand::Void {
            code,
            event,
            reason,
            by,
        } => correct::correct(dir, &code, event, Change::Void, &reason, &by.by, lang),
        CenterCommand::Assess(a) => change::assess(dir, &a, false, lang),
        CenterCommand::Reassess(a) => change::assess(dir, &a, true, lang),
        CenterCommand::Withdraw {
            code,
            date,
            reason,
            by,
        } => change::withdraw(dir, &code, &date, &reason, &by.by, lang),
        CenterCommand::Publicity {
            from,
            round,
            code,
            calendar,
            by,
        } => publicity::publish(
            dir,
            &from,
            round.as_deref(),
            &code,
            calendar.as_deref(),
            &by.by,
            lang,
        ),
        CenterCommand::Objection(cmd) => publicity::objection(dir, cmd, lang),
    }
}
