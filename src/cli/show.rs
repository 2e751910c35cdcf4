//! `pingshen score show`: the cards of a round as a table (one line per card,
//! or item by item for one card) or as JSON.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

mod words;

use super::Lang;
use super::score::Format;
use super::table::{Align, render};
use crate::domain::card::{Card, Status};
use crate::error::Error;
use crate::store::{Store, StoredRound};
use words::Word;

pub fn run(
    store: &Store,
    round: &str,
    expert: Option<&str>,
    dossier: Option<&str>,
    format: Format,
    lang: Lang,
) -> Result<(), Error> {
    let r = store.round(round)?;
    let mut cards: Vec<Card> = store
        .cards(round, None)?
        .into_iter()
        .filter(|c| expert.is_none_or(|e| c.expert == e))
        .filter(|c| dossier.is_none_or(|d| c.dossier == d))
        .collect();
    // Preliminary first, then dossiers and experts in the round file's order.
    cards.sort_by_key(|c| {
        let d = r.dossiers.iter().position(|d| d.id == c.dossier);
        let mut panel = r.round.preliminary.iter().chain(&r.round.experts);
        (c.stage, d, panel.position(|e| e.id == c.expert))
    });
    let recusals = store.recusals(round)?;
    if format == Format::Json {
        let out = json!({
            "round": round,
            "cards": cards.iter().map(card_json).collect::<Vec<_>>(),
            "recusals": recusals,
        });
        return print(&serde_json::to_string_pretty(&out).unwrap_or_default());
    }
    let mut text = match (expert, dossier) {
        (Some(_), Some(_)) if cards.len() == 1 => one_card(&r, &cards[0], lang),
        _ => card_list(&r, &cards, lang),
    };
    for x in recusals
        .iter()
        .filter(|x| expert.is_none_or(|e| x.expert == e) && dossier.is_none_or(|d| x.dossier == d))
    {
        text.push('\n');
        text.push_str(&lang.say(&Word::Recused {
            expert: x.expert.clone(),
            dossier: x.dossier.clone(),
            reason: x.reason.clone(),
        }));
    }
    print(&text)
}

/// Prints a long text; a reader that stops early (`| head`) is not an error.
fn print(text: &str) -> Result<(), Error> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn card_json(c: &Card) -> Value {
    json!({
        "stage": c.stage.key(),
        "expert": c.expert,
        "dossier": c.dossier,
        "status": status_key(c.status),
        "scores": c.scores.iter().map(|(k, v)| (k.to_string(), Value::String(v.fixed2()))).collect::<serde_json::Map<_, _>>(),
        "comments": c.comments,
        "total": c.total().fixed2(),
        "updated": c.updated,
        "submitted": c.submitted,
    })
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Submitted => "submitted",
    }
}

fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn card_list(r: &StoredRound, cards: &[Card], lang: Lang) -> String {
    if cards.is_empty() {
        return lang.say(&Word::NoCards);
    }
    let items = r.sheet.entry_ids().len();
    let heads = lang.say(&Word::ListHeads);
    let header: Vec<&str> = heads.split('\t').collect();
    let rows: Vec<Vec<String>> = cards
        .iter()
        .map(|c| {
            let applicant = r
                .dossiers
                .iter()
                .find(|d| d.id == c.dossier)
                .map(|d| d.applicant.name.clone())
                .unwrap_or_default();
            vec![
                lang.say(&Word::Stage(c.stage)),
                c.expert.clone(),
                c.dossier.clone(),
                applicant,
                lang.say(&Word::Status(c.status)),
                format!("{}/{items}", c.scores.len()),
                c.total().fixed2(),
                when(c.updated),
            ]
        })
        .collect();
    use Align::{Left as L, Right as R};
    render(&header, &[L, L, L, L, L, R, R, L], &rows)
}

fn one_card(r: &StoredRound, c: &Card, lang: Lang) -> String {
    let heads = lang.say(&Word::CardHeads);
    let header: Vec<&str> = heads.split('\t').collect();
    let mut rows = Vec::new();
    for item in r.sheet.items() {
        rows.push(vec![
            item.id.clone(),
            item.title.clone(),
            c.scores
                .get(&item.id)
                .map(|p| p.fixed2())
                .unwrap_or_else(|| "—".into()),
            item.max.fixed2(),
            c.comments.get(&item.id).cloned().unwrap_or_default(),
        ]);
    }
    for ind in &r.sheet.indicators {
        if r.sheet.is_indicator_sheet() {
            rows.push(vec![
                ind.id.clone(),
                format!("{}（{}）", ind.title, ind.unit),
                c.scores
                    .get(&ind.id)
                    .map(|p| p.fixed2())
                    .unwrap_or_else(|| "—".into()),
                ind.target.fixed2(),
                c.comments.get(&ind.id).cloned().unwrap_or_default(),
            ]);
        }
    }
    use Align::{Left as L, Right as R};
    let table = render(&header, &[L, L, R, R, L], &rows);
    let head = lang.say(&Word::CardHead {
        round: r.round.id.clone(),
        stage: c.stage,
        expert: c.expert.clone(),
        dossier: c.dossier.clone(),
        status: c.status,
        total: c.total(),
    });
    format!("{head}\n{table}")
}
