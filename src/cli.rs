//! The command line: clap definitions and one file per command. Only this
//! module knows clap.

mod agency;
mod audit;
mod backup;
mod bundle;
mod center;
mod check;
mod clock;
mod conflict;
mod demo;
mod dossier;
mod excuse;
mod hint;
mod init;
mod key;
mod key_words;
mod pin;
mod pin_read;
mod rank;
mod review;
mod round;
mod said;
mod score;
mod sheets;
mod show;
mod table;
mod tui;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{CommandError, Error, Exit};
use crate::lang::Say;

/// The version, the commit it was built from and the build date, as
/// `--version` prints them: `pingshen 0.1.0 (3f2a91bc04de 2026-12-01)`.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("PINGSHEN_COMMIT"),
    " ",
    env!("PINGSHEN_BUILD_DATE"),
    ")"
);

#[derive(Parser, Debug)]
#[command(
    name = "pingshen",
    version = VERSION,
    about = "评审 — offline scoring for expert panels"
)]
pub struct Cli {
    /// The store folder (default: $PINGSHEN_STORE, else the platform data folder).
    #[arg(long, global = true, env = "PINGSHEN_STORE")]
    pub store: Option<PathBuf>,
    /// Language of labels.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

impl From<Lang> for crate::lang::Lang {
    fn from(l: Lang) -> crate::lang::Lang {
        match l {
            Lang::Zh => crate::lang::Lang::Zh,
            Lang::En => crate::lang::Lang::En,
        }
    }
}

impl Lang {
    /// Any value a person reads, in this language.
    pub fn say(self, words: &impl Say) -> String {
        words.say(self.into())
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate sheets, dossiers, round and calendar files.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Build the demo round from the built-in samples, with scores, and open it.
    Demo {
        /// Only build the demo store and say where it is.
        #[arg(long)]
        no_tui: bool,
    },
    /// Open the terminal UI: experts score, the secretary ranks and decides.
    Tui(tui::TuiArgs),
    /// Rank a stage: shortlist, selection, annual pass/fail or acceptance.
    Rank(rank::RankArgs),
    /// Record the secretary's decision on a tie across a boundary.
    Decide(rank::DecideArgs),
    /// Service agencies named by more of a round's dossiers than allowed.
    #[command(subcommand)]
    Agency(agency::AgencyCommand),
    /// Write the minutes: ranking.csv, ranking.xlsx, report.html, ranking.md.
    Report(rank::ReportArgs),
    /// Load a round (sheet, dossiers, experts, settings) into the store, from
    /// its round file or from a round package.
    Init {
        round_file: PathBuf,
        /// Who loads it, for the audit log.
        #[arg(long, default_value = "secretary")]
        by: String,
        /// An earlier recognition round of the same programme whose
        /// alternates this round's formal review names.
        #[arg(long, value_name = "ROUND")]
        alternates_from: Option<String>,
    },
    /// Enter, submit, reopen and show scores.
    #[command(subcommand)]
    Score(score::ScoreCommand),
    /// PINs for experts who share one laptop: require, release, set, reset.
    #[command(subcommand)]
    Pin(pin::PinCommand),
    /// Declare conflicts of interest (recusals).
    #[command(subcommand)]
    Conflict(conflict::ConflictCommand),
    /// Record an expert as absent (excused), for one dossier or the whole round.
    Excuse(excuse::ExcuseArgs),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Export a round as one package file for the experts' laptops.
    #[command(subcommand)]
    Round(round::RoundCommand),
    /// Signed score bundles: export, import, conflicts and their resolution.
    #[command(subcommand)]
    Bundle(bundle::BundleCommand),
    /// This store's signing key.
    #[command(subcommand)]
    Key(key::KeyCommand),
    /// The register of recognised centres: assessments, publicity, objections, funding.
    #[command(subcommand)]
    Center(center::CenterCommand),
    /// Copy the store's journal (which alone rebuilds the store) to one file.
    Backup(backup::BackupArgs),
    /// Make a new store in the --store folder from a backup file.
    Restore(backup::RestoreArgs),
    /// List the shipped sheets, calendars and sample rounds, or write them to a folder.
    Sheets(sheets::SheetsArgs),
    /// Dossiers from and to workbooks: template, export, import.
    #[command(subcommand)]
    Dossier(dossier::DossierCommand),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Exit::BadInput as i32
            } else {
                0
            };
        }
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("{}", tell(&e, lang));
            e.exit() as i32
        }
    }
}

/// An error in the reader's language, then the command line's hints, one a line.
pub(crate) fn tell(e: &Error, lang: Lang) -> String {
    let lang = crate::lang::Lang::from(lang);
    let mut out = e.say(lang);
    for h in hint::hints(e) {
        out.push('\n');
        out.push_str(&h.say(lang));
    }
    out
}

fn run(cli: Cli) -> Result<(), Error> {
    let lang = cli.lang;
    let store = cli.store;
    let words: crate::lang::Lang = lang.into();
    crate::store::on_notice(move |n| {
        eprintln!("{}", crate::lang::Say::say(n, words));
    });
    match cli.command {
        Command::Check { files } => check::run(&files, lang),
        Command::Demo { no_tui } => demo::run(&store_dir(store)?, no_tui, lang),
        Command::Rank(a) => rank::rank(&store_dir(store)?, a, lang),
        Command::Decide(a) => rank::decide(&store_dir(store)?, a, lang),
        Command::Agency(c) => agency::run(&store_dir(store)?, c, lang),
        Command::Report(a) => rank::report(&store_dir(store)?, a, lang),
        Command::Tui(args) => tui::run(&store_dir(store)?, args, lang),
        Command::Init {
            round_file,
            by,
            alternates_from,
        } => init::run(
            &store_dir(store)?,
            &round_file,
            &by,
            alternates_from.as_deref(),
            lang,
        ),
        Command::Score(c) => score::run(&store_dir(store)?, c, lang),
        Command::Pin(c) => pin::run(&store_dir(store)?, c, lang),
        Command::Conflict(c) => conflict::run(&store_dir(store)?, c, lang),
        Command::Excuse(a) => excuse::run(&store_dir(store)?, a, lang),
        Command::Audit(c) => audit::run(&store_dir(store)?, c, lang),
        Command::Round(c) => round::run(&store_dir(store)?, c, lang),
        Command::Bundle(c) => bundle::run(&store_dir(store)?, c, lang),
        Command::Key(c) => key::run(&store_dir(store)?, c, lang),
        Command::Center(c) => center::run(&store_dir(store)?, c, lang),
        Command::Backup(a) => backup::backup(&store_dir(store)?, a, lang),
        Command::Restore(a) => backup::restore(&store_dir(store)?, a, lang),
        Command::Sheets(a) => sheets::run(a, lang),
        Command::Dossier(c) => dossier::run(store, c, lang),
    }
}

/// The store folder: `--store`, else `PINGSHEN_STORE` (both through clap), else
/// the platform's data folder.
fn store_dir(given: Option<PathBuf>) -> Result<PathBuf, Error> {
    given
        .or_else(crate::store::default_dir)
        .ok_or_else(|| CommandError::NoDataDir.into())
}
