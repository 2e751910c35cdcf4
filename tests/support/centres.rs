//! Helpers for the register's command-line tests: rounds loaded and scored
//! through the store, and the binary driven with one line of words.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use pingshen::board::Board;
use pingshen::domain::Points;
use pingshen::domain::ranking::Ranking;
use pingshen::domain::round::Stage;
use pingshen::load::{self, Disk};
use pingshen::store::{CardRef, Edit, Store};
use serde_json::Value;

use super::support::{ROUND, dump, mini, run, text};

/// M-001 of the small recognition round; A-001 of the annual rounds.
pub const WINNER: &str = "91440116MA5C8K2X1Y";
/// N-001 of the later rounds.
pub const REVOKED: &str = "91440101MAPMJJH73Q";
/// N-002 of the later rounds.
pub const OTHER: &str = "91440112MAPQRL916Q";

pub fn store_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    (tmp, dir)
}

pub fn load_round(dir: &Path, file: &str) {
    let mut s = Store::open(dir).unwrap();
    let r = load::round(&Disk, Path::new(file)).unwrap();
    s.init_round(&r, "secretary").unwrap();
}

/// A submitted card with these item values.
pub fn score(dir: &Path, round: &str, expert: &str, dossier: &str, items: &[(&str, &str)]) {
    let mut s = Store::open(dir).unwrap();
    let mut edits: Vec<Edit> = items
        .iter()
        .map(|(i, v)| Edit::Score(i, v.parse::<Points>().unwrap()))
        .collect();
    edits.push(Edit::Submit);
    let at = CardRef {
        round,
        expert,
        dossier,
    };
    s.edit(at, &edits).unwrap();
}

/// Every item of the small recognition sheet at one value.
pub fn mini_all(v: &str) -> Vec<(&'static str, &str)> {
    vec![("A1", v), ("A2", v), ("B1", v), ("B2", v)]
}

/// The small recognition round with its preliminary scores; experts to come.
pub fn recognition(dir: &Path) {
    let mut s = Store::open(dir).unwrap();
    s.init_round(&mini(), "secretary").unwrap();
    drop(s);
    for (d, v) in [("M-001", "9"), ("M-002", "8"), ("M-003", "7")] {
        score(dir, ROUND, "P1", d, &mini_all(v));
    }
}

/// The experts' cards that select M-001 alone.
pub fn recognition_experts(dir: &Path) {
    for e in ["E1", "E2", "E3"] {
        score(dir, ROUND, e, "M-001", &mini_all("9"));
        score(dir, ROUND, e, "M-002", &mini_all("7"));
    }
}

/// A later recognition round scored so that N-001 leads N-002.
pub fn later_round(dir: &Path, file: &str, round: &str) {
    load_round(dir, file);
    for (d, v) in [("N-001", "9"), ("N-002", "8")] {
        score(dir, round, "P1", d, &mini_all(v));
        score(dir, round, "E1", d, &mini_all(v));
    }
}

/// The expert-stage ranking of a round, with the register's bars, as the
/// secretary's desk shows it.
pub fn ranking_of(dir: &Path, round: &str) -> Ranking {
    let s = Store::open(dir).unwrap();
    let r = s.round(round).unwrap();
    let board = Board::load(&s, round).unwrap();
    board
        .rank(&r.round, &r.sheet, None, &r.dossiers, Stage::Expert)
        .unwrap()
}

/// A command line's words (none of them holds a space).
pub fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// Runs a command in English that must succeed; its output.
pub fn ok(dir: &Path, line: &str) -> String {
    let out = run(dir, &words(line));
    assert!(
        out.status.success(),
        "{line}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Runs a command in Chinese, the default language.
pub fn zh(dir: &Path, line: &str) -> Output {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_pingshen"));
    c.arg("--store").arg(dir).args(words(line));
    c.env_remove("PINGSHEN_STORE");
    c.env("PINGSHEN_TODAY", super::support::today());
    c.output().unwrap()
}

/// Chinese output of a command that must succeed.
pub fn zh_ok(dir: &Path, line: &str) -> String {
    let out = zh(dir, line);
    assert!(out.status.success(), "{line}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// A command refused with `code`, saying `said`, writing nothing.
pub fn refused_args(dir: &Path, args: &[&str], code: i32, said: &str) {
    let before = dump(dir);
    let out = run(dir, args);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(said), "{args:?}\nwanted: {said}\ngot: {err}");
    assert_eq!(dump(dir), before, "{args:?} wrote something");
}

pub fn refused(dir: &Path, line: &str, code: i32, said: &str) {
    refused_args(dir, &words(line), code, said);
}

pub fn json(dir: &Path, line: &str) -> Value {
    serde_json::from_str(&ok(dir, line)).unwrap()
}
