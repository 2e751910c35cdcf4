//! `pingshen tui`: open the terminal UI on the store, at a round and a desk if given.

use std::path::Path;

use clap::Args;

use super::Lang;
use crate::error::{CommandError, Error};
use crate::store::Store;
use crate::tui::run::{Start, run as run_ui};

#[derive(Args, Debug)]
pub struct TuiArgs {
    /// The round to open (the only one is opened without asking).
    #[arg(long)]
    pub round: Option<String>,
    /// Open this expert's (or preliminary scorer's) desk; the round may be left
    /// out when the store holds only one.
    #[arg(long, conflicts_with = "secretary")]
    pub expert: Option<String>,
    /// Open the secretary's desk (of the only round, unless --round names one).
    #[arg(long)]
    pub secretary: bool,
}

pub fn run(dir: &Path, args: TuiArgs, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let mut args = args;
    // A desk without a round: the store's only round, or a list to choose from.
    if args.round.is_none() && (args.expert.is_some() || args.secretary) {
        let rounds = store.rounds()?;
        match rounds.as_slice() {
            [only] => args.round = Some(only.id.clone()),
            _ => {
                let rounds = rounds.iter().map(|r| r.id.clone()).collect();
                return Err(CommandError::WhichRound { rounds }.into());
            }
        }
    }
    // A round or desk named on the command line is checked before the screen opens.
    if let Some(id) = &args.round {
        let r = store.round(id)?;
        if let Some(e) = &args.expert
            && r.round.expert(e).is_none()
        {
            let panel = r
                .round
                .experts
                .iter()
                .chain(&r.round.preliminary)
                .map(|x| x.id.clone())
                .collect();
            return Err(CommandError::NotOnPanel {
                expert: e.clone(),
                round: id.clone(),
                panel,
            }
            .into());
        }
    }
    open(&mut store, args.round, args.expert, args.secretary, lang)
}

/// Runs the UI on an open store; a terminal is needed.
pub fn open(
    store: &mut Store,
    round: Option<String>,
    expert: Option<String>,
    secretary: bool,
    lang: Lang,
) -> Result<(), Error> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CommandError::NoTerminal.into());
    }
    let start = Start {
        lang: lang.into(),
        round,
        scorer: expert,
        secretary,
    };
    run_ui(store, &start).map_err(|e| CommandError::Terminal { why: e.to_string() }.into())
}
