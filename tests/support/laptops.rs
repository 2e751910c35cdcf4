//! Laptops and a secretary for the bundle tests: stores side by side in one
//! temporary folder, a round loaded on each, cards filled, bundles passed on.

#![allow(dead_code)]

use std::path::Path;

use pingshen::bundle::{self, Exported, ImportReport, Trust};
use pingshen::domain::Points;
use pingshen::load::{self, Disk, LoadedRound};
use pingshen::store::{CardRef, Edit, Store};

pub const MINI: &str = "mini-2024";

pub fn mini() -> LoadedRound {
    load::round(&Disk, Path::new("tests/fixtures/mini/round.ron")).expect("the fixture round loads")
}

/// A store in `tmp/name` with `round` loaded.
pub fn store(tmp: &Path, name: &str, round: &LoadedRound) -> Store {
    let mut s = Store::open(&tmp.join(name)).expect("a new store opens");
    s.init_round(round, name).expect("the round loads");
    s
}

pub fn at<'a>(expert: &'a str, dossier: &'a str) -> CardRef<'a> {
    CardRef {
        round: MINI,
        expert,
        dossier,
    }
}

pub fn p(s: &str) -> Points {
    s.parse().expect("points")
}

/// Scores a card of the small round: A1 as given, the rest fixed; submitted or not.
pub fn score(s: &mut Store, expert: &str, dossier: &str, a1: &str, submit: bool) {
    let mut edits = vec![
        Edit::Score("A1", p(a1)),
        Edit::Score("A2", p("6")),
        Edit::Score("B1", p("8")),
        Edit::Score("B2", p("9.5")),
    ];
    if submit {
        edits.push(Edit::Submit);
    }
    s.edit(at(expert, dossier), &edits).expect("the card saves");
}

/// The laptop's key fingerprint (the key is made on first use).
pub fn fingerprint(s: &mut Store) -> String {
    bundle::laptop_identity(s).expect("a key").fingerprint()
}

pub fn export(s: &mut Store, expert: &str) -> Exported {
    bundle::export(s, MINI, expert).expect("the bundle is made")
}

/// Imports with the laptop's fingerprint confirmed for the expert.
pub fn import_trusting(
    secretary: &mut Store,
    laptop: &mut Store,
    expert: &str,
    bytes: &[u8],
) -> ImportReport {
    let trust = Trust::by("secretary").confirm(expert, &fingerprint(laptop));
    bundle::import(secretary, bytes, &trust).expect("the bundle imports")
}

pub fn value(s: &Store, expert: &str, dossier: &str, item: &str) -> Option<Points> {
    s.card(at(expert, dossier))
        .expect("the card reads")
        .and_then(|c| c.scores.get(item).copied())
}

pub fn intact(s: &Store) {
    let v = s.audit_verify(None).expect("the audit log reads");
    assert!(v.broken.is_none(), "{:?}", v.broken);
}
