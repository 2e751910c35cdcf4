//! Helpers shared by the store's tests: a store folder with the small round
//! loaded, and the real binary pointed at it.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use pingshen::load::{self, Disk, LoadedRound};
use pingshen::store::{Init, Store};

pub const ROUND: &str = "mini-2024";
pub const ROUND_FILE: &str = "tests/fixtures/mini/round.ron";

pub fn mini() -> LoadedRound {
    load::round(&Disk, Path::new(ROUND_FILE)).expect("the fixture round loads")
}

/// A temporary folder with a store in `store/` holding the small round.
pub fn loaded_store() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("store");
    let mut s = Store::open(&dir).expect("a new store opens");
    assert_eq!(
        s.init_round(&mini(), "secretary").expect("init"),
        Init::Created
    );
    (tmp, dir)
}

/// The day the binary takes as today in these tests, unless a test moves it.
pub const TODAY: &str = "2026-12-02";

thread_local! {
    static MOVED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// From now on in this test, the binary takes `day` as today (a register
/// followed over the years).
pub fn today_is(day: &str) {
    MOVED.with(|m| *m.borrow_mut() = Some(day.to_string()));
}

/// The real binary with `--store dir --lang en`, today fixed.
pub fn pingshen(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pingshen"));
    c.arg("--store").arg(dir).args(["--lang", "en"]);
    c.env_remove("PINGSHEN_STORE");
    c.env("PINGSHEN_TODAY", today());
    c
}

/// The day the binary takes as today in this test.
pub fn today() -> String {
    MOVED
        .with(|m| m.borrow().clone())
        .unwrap_or_else(|| TODAY.to_string())
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    pingshen(dir).args(args).output().expect("the binary runs")
}

/// E1 sets a first PIN, typed twice on standard input.
pub const PIN_SET: [&str; 7] = [
    "pin",
    "set",
    "--round",
    ROUND,
    "--expert",
    "E1",
    "--pin-stdin",
];

/// The binary with `input` on standard input, at the time `now` (RFC 3339).
pub fn typed(dir: &Path, args: &[&str], input: &str, now: Option<&str>) -> Output {
    let mut c = pingshen(dir);
    c.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(t) = now {
        c.env("PINGSHEN_NOW", t);
    }
    let mut child = c.spawn().expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("stdin written");
    drop(stdin);
    child.wait_with_output().expect("the binary ends")
}

/// The secretary has the round's experts give PINs on this laptop.
pub fn require_pins(dir: &Path, reason: &str) {
    let out = run(
        dir,
        &["pin", "require", "--round", ROUND, "--reason", reason],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `score set` for the small round.
pub fn set_args<'a>(
    expert: &'a str,
    dossier: &'a str,
    item: &'a str,
    value: &'a str,
) -> Vec<&'a str> {
    vec![
        "score",
        "set",
        "--round",
        ROUND,
        "--expert",
        expert,
        "--dossier",
        dossier,
        "--item",
        item,
        "--value",
        value,
    ]
}

/// Every key and value, read through a freshly opened store.
pub fn dump(dir: &Path) -> Vec<String> {
    Store::open(dir)
        .expect("the store opens")
        .dump()
        .expect("the store dumps")
}

/// What a store holds, without the times of day at which it was written: the
/// rounds, every card's scores, comments and status, the recusals, decisions,
/// score conflicts and the register. Two stores that hold the same changes
/// give the same view.
pub fn view(store: &Store) -> String {
    let mut out = String::new();
    for r in store.rounds().expect("rounds read") {
        out.push_str(&format!("round {} {}\n", r.id, r.dossiers));
        for c in store.cards(&r.id, None).expect("cards read") {
            out.push_str(&format!(
                "  card {:?} {} {} {:?} {:?} {:?}\n",
                c.stage, c.expert, c.dossier, c.status, c.scores, c.comments
            ));
        }
        for x in store.recusals(&r.id).expect("recusals read") {
            out.push_str(&format!(
                "  recusal {} {} {}\n",
                x.expert, x.dossier, x.reason
            ));
        }
        let decisions = store.decisions(&r.id).expect("decisions read");
        out.push_str(&format!("  decisions {}\n", decisions.len()));
        let clashes = store.score_conflicts(&r.id).expect("conflicts read");
        out.push_str(&format!("  score conflicts {}\n", clashes.len()));
        for e in ["E1", "E2", "E3"] {
            let keys = store.trusted_keys(&r.id, e).expect("keys read");
            out.push_str(&format!("  trusted {e} {keys:?}\n"));
        }
    }
    for c in store.centres().expect("centres read") {
        out.push_str(&format!("centre {c:?}\n"));
    }
    out
}

/// Copies a store folder (without its lock file) to `to`.
pub fn copy_store(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("the store folder reads") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_store(&entry.path(), &target);
        } else if entry.file_name() != "pingshen.lock" {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}
