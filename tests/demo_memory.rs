//! The demo store: built deterministically from the shipped samples, with
//! something on every screen; and `score show` on it prints every card.
//! (How much memory `score show` takes on it is measured by the bench.)

#[path = "support/store.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::Path;

use pingshen::domain::card::Status;
use pingshen::domain::round::Stage;
use pingshen::store::Store;
use support::*;

fn demo(dir: &Path) -> String {
    let out = run(dir, &["demo", "--no-tui"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Each card's scores, comments and status, without timestamps.
fn content(dir: &Path, round: &str) -> BTreeMap<String, String> {
    let s = Store::open(dir).unwrap();
    s.cards(round, None)
        .unwrap()
        .into_iter()
        .map(|c| {
            let k = format!("{:?}/{}/{}", c.stage, c.expert, c.dossier);
            (k, format!("{:?} {:?} {:?}", c.scores, c.comments, c.status))
        })
        .collect()
}

#[test]
fn demo_fills_every_kind_of_card_the_same_way_every_time() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let said = demo(&a);
    assert!(said.contains(&a.display().to_string()), "{said}");
    assert!(demo(&a).contains("nothing changed"));
    demo(&b);

    let s = Store::open(&a).unwrap();
    let rounds = s.rounds().unwrap();
    assert_eq!(rounds.len(), 1);
    let r = s.round(&rounds[0].id).unwrap();
    let prelim = s.cards(&r.round.id, Some(Stage::Preliminary)).unwrap();
    assert_eq!(prelim.len(), r.dossiers.len() * r.round.preliminary.len());
    assert!(prelim.iter().all(|c| c.status == Status::Submitted));
    let expert = s.cards(&r.round.id, Some(Stage::Expert)).unwrap();
    let submitted = expert.iter().filter(|c| c.is_submitted()).count();
    let drafts = expert.len() - submitted;
    let possible =
        r.dossiers.len() * r.round.experts.len() - s.recusals(&r.round.id).unwrap().len();
    assert!(
        submitted > 0 && drafts > 0 && expert.len() < possible,
        "{submitted} {drafts} {possible}"
    );
    assert!(s.audit_verify(None).unwrap().broken.is_none());
    let id = r.round.id.clone();
    drop(s);
    assert_eq!(
        content(&a, &id),
        content(&b, &id),
        "the demo is not deterministic"
    );
}

#[test]
fn score_show_on_the_demo_store_prints_every_card_as_a_table_and_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    demo(&dir);
    let s = Store::open(&dir).unwrap();
    let id = s.rounds().unwrap()[0].id.clone();
    let cards = s.cards(&id, None).unwrap();
    drop(s);
    assert!(cards.len() > 300, "{} cards", cards.len());

    let out = run(&dir, &["score", "show", "--round", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("Stage"), "{table}");
    let card_lines = lines
        .iter()
        .filter(|l| l.starts_with("preliminary ") || l.starts_with("expert "))
        .count();
    assert_eq!(card_lines, cards.len(), "a line per card:\n{table}");
    let first = &cards[0];
    assert!(
        lines[2..]
            .iter()
            .any(|l| l.contains(first.dossier.as_str()) && l.contains(first.expert.as_str())),
        "{table}"
    );

    let out = run(&dir, &["score", "show", "--round", &id, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let shown = json["cards"].as_array().expect("a cards array");
    assert_eq!(shown.len(), cards.len());
    assert!(
        shown
            .iter()
            .any(|c| c["dossier"] == first.dossier.as_str() && c["expert"] == first.expert.as_str())
    );
}
