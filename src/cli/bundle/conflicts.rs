//! `pingshen bundle conflicts` and `bundle resolve`: the secretary's list of
//! different submitted values from two sources, and settling one of them.

use std::path::Path;

use clap::ValueEnum;
use serde_json::json;

use super::super::Lang;
use super::super::said::{CardName, Said};
use super::super::table::{Align, render};
use crate::domain::Points;
use crate::domain::merge::ScoreConflict;
use crate::error::{CommandError, Error};
use crate::store::{CardRef, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

pub fn list(dir: &Path, round: &str, format: Format, lang: Lang) -> Result<(), Error> {
    let store = Store::open(dir)?;
    let all = store.score_conflicts(round)?;
    if format == Format::Json {
        let items: Vec<_> = all.iter().map(conflict_json).collect();
        let out = json!({ "round": round, "conflicts": items });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return Ok(());
    }
    if all.is_empty() {
        let said = Said::NoConflicts {
            round: round.to_string(),
        };
        println!("{}", lang.say(&said));
        return Ok(());
    }
    let heads = lang.say(&Said::ConflictHeads);
    let header: Vec<&str> = heads.split('\t').collect();
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|c| {
            let status = lang.say(&Said::ConflictStatus {
                resolved: c
                    .resolution
                    .as_ref()
                    .map(|r| (r.value, r.by.clone(), r.reason.clone())),
            });
            vec![
                c.expert.clone(),
                c.dossier.clone(),
                c.item.clone(),
                c.claims_words(),
                status,
            ]
        })
        .collect();
    println!("{}", render(&header, &[Align::Left; 5], &rows));
    let open = all.iter().filter(|c| c.is_open()).count();
    let said = Said::ConflictsOpen {
        open,
        all: all.len(),
    };
    println!("{}", lang.say(&said));
    Ok(())
}

fn conflict_json(c: &ScoreConflict) -> serde_json::Value {
    json!({
        "stage": c.stage.key(),
        "expert": c.expert,
        "dossier": c.dossier,
        "item": c.item,
        "values": c.claims.iter().map(|k| json!({
            "source": k.source.to_string(),
            "value": k.value.to_string(),
            "at": k.at,
        })).collect::<Vec<_>>(),
        "open": c.is_open(),
        "resolution": c.resolution.as_ref().map(|r| json!({
            "value": r.value.to_string(),
            "by": r.by,
            "reason": r.reason,
            "at": r.at,
        })),
    })
}

pub fn resolve(
    dir: &Path,
    card: CardRef,
    item: &str,
    value: &str,
    reason: &str,
    by: &str,
    lang: Lang,
) -> Result<(), Error> {
    let v: Points = value.parse().map_err(|error| CommandError::BadValue {
        value: value.to_string(),
        error,
        allowed: None,
    })?;
    let mut store = Store::open(dir)?;
    let c = store.resolve_conflict(card, item, v, by, reason)?;
    let said = Said::Resolved {
        card: CardName::of(&c),
        item: item.to_string(),
        value: v,
        by: by.to_string(),
        reason: reason.trim().to_string(),
        total: c.total(),
    };
    println!("{}", lang.say(&said));
    Ok(())
}
