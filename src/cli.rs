//! The command line: clap definitions and one file per command. Only this
//! module knows clap.

mod check;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{Error, Exit};

#[derive(Parser, Debug)]
#[command(
    name = "pingshen",
    version,
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

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate sheets, dossiers, round and calendar files.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
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
    match run(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("{e}");
            e.exit() as i32
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Check { files } => check::run(&files, cli.lang),
    }
}
