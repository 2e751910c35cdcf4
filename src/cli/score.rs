//! `pingshen score …`: set, comment, submit, reopen and show scorecards. Each
//! change prints that it saved only after the store has it on disk.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};

use super::Lang;
use super::said::{CardName, Said, Saving};
use crate::domain::Points;
use crate::domain::card::Card;
use crate::error::{CommandError, Error};
use crate::store::{CardRef, Store};

#[derive(Subcommand, Debug)]
pub enum ScoreCommand {
    /// Save one item's score (and optionally its comment).
    Set {
        #[command(flatten)]
        card: CardArgs,
        #[arg(long)]
        item: String,
        /// Points, e.g. 7 or 7.5.
        #[arg(long, allow_hyphen_values = true)]
        value: String,
        #[arg(long)]
        comment: Option<String>,
    },
    /// Save one item's comment without changing its score (empty text removes it).
    Comment {
        #[command(flatten)]
        card: CardArgs,
        #[arg(long)]
        item: String,
        #[arg(long)]
        text: String,
    },
    /// Submit (sign) a complete card; it is read-only afterwards.
    Submit {
        #[command(flatten)]
        card: CardArgs,
    },
    /// Reopen a submitted card (a secretary's action, with a reason).
    Reopen {
        #[command(flatten)]
        card: CardArgs,
        #[arg(long)]
        reason: String,
        /// Who reopens it, for the audit log.
        #[arg(long, default_value = "secretary")]
        by: String,
    },
    /// Show scorecards as a table or JSON.
    Show {
        #[arg(long)]
        round: String,
        #[arg(long)]
        expert: Option<String>,
        #[arg(long)]
        dossier: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Args, Debug)]
pub struct CardArgs {
    #[arg(long)]
    round: String,
    #[arg(long)]
    expert: String,
    #[arg(long)]
    dossier: String,
    /// Read the expert's PIN from standard input (when the round asks for
    /// PINs on this laptop); without it, the PIN is asked at the terminal.
    #[arg(long)]
    pin_stdin: bool,
}

impl CardArgs {
    /// Opens the store for a change to this card, once the expert's PIN
    /// (when the round asks for one) is given.
    fn open(&self, dir: &Path, lang: Lang) -> Result<Store, Error> {
        let mut store = Store::open(dir)?;
        super::pin::unlock(&mut store, &self.round, &self.expert, self.pin_stdin, lang)?;
        Ok(store)
    }

    fn at(&self) -> CardRef<'_> {
        CardRef {
            round: &self.round,
            expert: &self.expert,
            dossier: &self.dossier,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

pub fn run(dir: &Path, cmd: ScoreCommand, lang: Lang) -> Result<(), Error> {
    match cmd {
        ScoreCommand::Set {
            card,
            item,
            value,
            comment,
        } => {
            let mut store = card.open(dir, lang)?;
            let v = parse_value(&store, &card, &item, &value)?;
            let saved = store.set_score(card.at(), &item, v, comment.as_deref())?;
            let what = Saving::Score { item, value: v };
            println!("{}", lang.say(&saved_line(&store, &saved, what)));
        }
        ScoreCommand::Comment { card, item, text } => {
            let mut store = card.open(dir, lang)?;
            let saved = store.set_comment(card.at(), &item, &text)?;
            let what = Saving::Comment { item };
            println!("{}", lang.say(&saved_line(&store, &saved, what)));
        }
        ScoreCommand::Submit { card } => {
            let mut store = card.open(dir, lang)?;
            let c = store.submit(card.at())?;
            let said = Said::Submitted {
                card: CardName::of(&c),
                total: c.total(),
            };
            println!("{}", lang.say(&said));
        }
        ScoreCommand::Reopen { card, reason, by } => {
            let mut store = card.open(dir, lang)?;
            let c = store.reopen(card.at(), &by, &reason)?;
            let said = Said::Reopened {
                card: CardName::of(&c),
                by,
                reason: reason.trim().to_string(),
            };
            println!("{}", lang.say(&said));
        }
        ScoreCommand::Show {
            round,
            expert,
            dossier,
            format,
        } => {
            let store = Store::open(dir)?;
            super::show::run(
                &store,
                &round,
                expert.as_deref(),
                dossier.as_deref(),
                format,
                lang,
            )?;
        }
    }
    Ok(())
}

/// Reads `--value`; a value that is not a number is refused with the item's
/// allowed values when the item is known.
fn parse_value(store: &Store, card: &CardArgs, item: &str, value: &str) -> Result<Points, Error> {
    value.parse::<Points>().map_err(|e| {
        let allowed = store
            .round(&card.round)
            .ok()
            .and_then(|r| r.sheet.item(item).map(|i| (i.max, i.step)));
        CommandError::BadValue {
            value: value.to_string(),
            error: e,
            allowed: allowed.map(|(max, step)| (item.to_string(), max, step)),
        }
        .into()
    })
}

fn saved_line(store: &Store, c: &Card, what: Saving) -> Said {
    let items = store
        .round(&c.round)
        .map(|r| r.sheet.entry_ids().len())
        .unwrap_or_default();
    Said::Saved {
        card: CardName::of(c),
        what,
        scored: c.scores.len(),
        items,
        total: c.total(),
    }
}
