//! `pingshen score …`: set, comment, submit, reopen and show scorecards. Each
//! change prints that it saved only after the store has it on disk.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};

use super::Lang;
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
}

impl CardArgs {
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
            let mut store = Store::open(dir)?;
            let v = parse_value(&store, &card, &item, &value)?;
            let saved = store.set_score(card.at(), &item, v, comment.as_deref())?;
            let what = format!("{item} = {v}");
            println!("{}", saved_line(&store, &saved, &what, lang));
        }
        ScoreCommand::Comment { card, item, text } => {
            let mut store = Store::open(dir)?;
            let saved = store.set_comment(card.at(), &item, &text)?;
            let what = lang.pick("意见", "comment");
            println!(
                "{}",
                saved_line(&store, &saved, &format!("{item} {what}"), lang)
            );
        }
        ScoreCommand::Submit { card } => {
            let mut store = Store::open(dir)?;
            let c = store.submit(card.at())?;
            match lang {
                Lang::Zh => println!(
                    "已提交：{} 专家 {} 对申报书 {} 的评分表，合计 {}，现为只读",
                    c.round,
                    c.expert,
                    c.dossier,
                    c.total()
                ),
                Lang::En => println!(
                    "submitted: {} expert {}'s card for dossier {}, total {}; it is now read-only",
                    c.round,
                    c.expert,
                    c.dossier,
                    c.total()
                ),
            }
        }
        ScoreCommand::Reopen { card, reason, by } => {
            let mut store = Store::open(dir)?;
            let c = store.reopen(card.at(), &by, &reason)?;
            match lang {
                Lang::Zh => println!(
                    "已退回修改：{} 专家 {} 对申报书 {} 的评分表（{by}：{}）",
                    c.round,
                    c.expert,
                    c.dossier,
                    reason.trim()
                ),
                Lang::En => println!(
                    "reopened: {} expert {}'s card for dossier {} ({by}: {})",
                    c.round,
                    c.expert,
                    c.dossier,
                    reason.trim()
                ),
            }
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

fn saved_line(store: &Store, c: &Card, what: &str, lang: Lang) -> String {
    let items = store
        .round(&c.round)
        .map(|r| r.sheet.entry_ids().len())
        .unwrap_or_default();
    let n = c.scores.len();
    match lang {
        Lang::Zh => format!(
            "已保存：{} 专家 {} 申报书 {} {what}（已评 {n}/{items} 项，合计 {}）",
            c.round,
            c.expert,
            c.dossier,
            c.total()
        ),
        Lang::En => format!(
            "saved: {} expert {} dossier {} {what} ({n}/{items} items scored, total {})",
            c.round,
            c.expert,
            c.dossier,
            c.total()
        ),
    }
}
