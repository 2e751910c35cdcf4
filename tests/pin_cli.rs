//! PINs on a shared laptop, from the command line: a round that asks for
//! PINs lets no one score as an expert without theirs; wrong PINs are
//! counted and audited, five lock the expert for a minute; the secretary
//! resets a forgotten one with a reason. The PIN itself is never kept.

#[path = "support/store.rs"]
mod support;

use std::path::Path;

use pingshen::store::{Action, Store};
use support::*;

const PIN: &str = "97531864";

/// The journal's files, byte for byte.
fn journal(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("journal"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

fn actions(dir: &Path) -> Vec<Action> {
    let s = Store::open(dir).unwrap();
    s.audit_log(ROUND)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// Who did `action` first and why, from the audit log, whose chain verifies.
fn who_and_why(dir: &Path, action: Action) -> (String, Option<String>) {
    let entry = Store::open(dir)
        .unwrap()
        .audit_log(ROUND)
        .unwrap()
        .into_iter()
        .find(|e| e.action == action)
        .unwrap();
    let out = run(dir, &["audit", "verify"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (entry.who, entry.reason)
}

fn with_pin(args: &[&str]) -> Vec<String> {
    args.iter()
        .map(|a| a.to_string())
        .chain(["--pin-stdin".to_string()])
        .collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// A store whose round asks for PINs, E1's PIN set.
fn protected() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = loaded_store();
    require_pins(&dir, "one laptop for the panel");
    let out = typed(&dir, &PIN_SET, &format!("{PIN}\n{PIN}\n"), None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "saved the PIN of expert E1");
    (tmp, dir)
}

#[test]
fn without_the_pin_nothing_is_written_and_with_it_the_score_is_saved() {
    let (_tmp, dir) = protected();
    let cards = dump(&dir);
    let before = journal(&dir);
    let set = set_args("E1", "M-001", "A1", "5");

    // No PIN given (no terminal, no --pin-stdin), for every card change.
    let card = ["--round", ROUND, "--expert", "E1", "--dossier", "M-001"];
    let comment: Vec<&str> = ["score", "comment"]
        .into_iter()
        .chain(card)
        .chain(["--item", "A1", "--text", "fine"])
        .collect();
    let submit: Vec<&str> = ["score", "submit"].into_iter().chain(card).collect();
    let reopen: Vec<&str> = ["score", "reopen"]
        .into_iter()
        .chain(card)
        .chain(["--reason", "a second look"])
        .collect();
    for args in [&set[..], &comment[..], &submit[..], &reopen[..]] {
        let out = run(&dir, args);
        assert_eq!(
            out.status.code(),
            Some(3),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(
            text(&out.stderr),
            "acting as expert E1 needs their PIN, and none was given\nhint: a script gives it on standard input with --pin-stdin\n"
        );
    }
    // --pin-stdin with nothing on it.
    let out = typed(&dir, &strs(&with_pin(&set)), "", None);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert_eq!(journal(&dir), before, "nothing written without a PIN");
    assert_eq!(dump(&dir), cards);

    // Not a PIN at all: bad input, not a try.
    let out = typed(&dir, &strs(&with_pin(&set)), "97a\n", None);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "a PIN is 4 to 8 digits\n");
    assert_eq!(journal(&dir), before);

    // A wrong PIN: refused, no card written; the try alone is journaled and audited.
    let out = typed(&dir, &strs(&with_pin(&set)), "1234\n", None);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "the PIN of expert E1 is not right; 4 more wrong tries will lock the expert for a minute\n"
    );
    assert!(
        Store::open(&dir)
            .unwrap()
            .card(pingshen::store::CardRef {
                round: ROUND,
                expert: "E1",
                dossier: "M-001"
            })
            .unwrap()
            .is_none(),
        "no card after a wrong PIN"
    );
    assert_eq!(
        actions(&dir),
        [
            Action::Init,
            Action::PinRequire,
            Action::PinSet,
            Action::PinWrong
        ]
    );

    // The right PIN: saved. Another expert of the round has not set a PIN yet.
    let out = typed(&dir, &strs(&with_pin(&set)), &format!("{PIN}\n"), None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("saved: mini-2024"),
        "{}",
        text(&out.stdout)
    );
    let e2 = set_args("E2", "M-001", "A1", "5");
    let out = typed(&dir, &strs(&with_pin(&e2)), &format!("{PIN}\n"), None);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        text(&out.stderr),
        "expert E2 has no PIN yet; they set one before scoring\nhint: the expert sets one with pingshen pin set --round ROUND --expert E2\n"
    );

    // Only the hash is kept, and it is in the journal (a rebuilt state keeps it).
    let bytes: Vec<u8> = journal(&dir).concat();
    assert!(!bytes.windows(PIN.len()).any(|w| w == PIN.as_bytes()));
    assert!(bytes.windows(9).any(|w| w == b"$argon2id"));
    std::fs::remove_dir_all(dir.join("state")).unwrap();
    let out = run(&dir, &set);
    assert_eq!(out.status.code(), Some(3), "still asked after a rebuild");
    let out = run(&dir, &["audit", "verify"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn five_wrong_pins_lock_for_a_minute_and_the_secretary_resets_a_forgotten_one() {
    let (_tmp, dir) = protected();
    let set = with_pin(&set_args("E1", "M-001", "A1", "5"));
    let at = |s: u32| format!("2030-01-01T09:00:{s:02}+08:00");
    // A wrong PIN, then the right one: the count starts again.
    let out = typed(&dir, &strs(&set), "0000\n", Some(&at(0)));
    assert_eq!(out.status.code(), Some(3));
    let out = typed(&dir, &strs(&set), &format!("{PIN}\n"), Some(&at(0)));
    assert!(out.status.success(), "{}", text(&out.stderr));
    for n in 1..=4 {
        let out = typed(&dir, &strs(&set), "0000\n", Some(&at(n)));
        assert_eq!(out.status.code(), Some(3));
        if n == 4 {
            assert_eq!(
                text(&out.stderr),
                "the PIN of expert E1 is not right; 1 more wrong try will lock the expert for a minute\n"
            );
        }
    }
    let out = typed(&dir, &strs(&set), "0000\n", Some(&at(5)));
    assert_eq!(out.status.code(), Some(3));
    let locked = text(&out.stderr);
    assert!(
        locked.starts_with("expert E1 is locked after five wrong PINs; try again after "),
        "{locked}"
    );
    // Locked: even the right PIN is refused, and not counted.
    let before = journal(&dir);
    let out = typed(&dir, &strs(&set), &format!("{PIN}\n"), Some(&at(59)));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(text(&out.stderr), locked);
    assert_eq!(journal(&dir), before);
    // A minute after the fifth try: the right PIN works.
    let out = typed(
        &dir,
        &strs(&set),
        &format!("{PIN}\n"),
        Some("2030-01-01T09:01:05+08:00"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Forgotten: the secretary resets it with a reason; the expert sets a new one.
    let reset = ["pin", "reset", "--round", ROUND, "--expert", "E1"];
    let out = run(&dir, &reset);
    assert_eq!(out.status.code(), Some(2), "--reason is required");
    let out = run(&dir, &[&reset[..], &["--reason", " "]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "resetting a PIN needs a reason\nhint: give one with --reason\n"
    );
    let out = run(
        &dir,
        &[&reset[..], &["--reason", "forgotten", "--by", "秘书甲"]].concat(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = typed(&dir, &strs(&set), &format!("{PIN}\n"), None);
    assert_eq!(out.status.code(), Some(3), "no PIN until a new one is set");
    let pin_set = PIN_SET;
    let out = typed(&dir, &pin_set, "2222\n3333\n", None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "the two PINs typed are not the same; nothing was saved\n"
    );
    let out = typed(&dir, &pin_set, "2222\n2222\n", None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = typed(&dir, &pin_set, "4444\n4444\n", None);
    assert_eq!(
        out.status.code(),
        Some(3),
        "a second PIN is not set over the first"
    );
    let out = typed(&dir, &strs(&set), "2222\n", None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let log = actions(&dir);
    let count = |a: Action| log.iter().filter(|x| **x == a).count();
    assert_eq!(count(Action::PinWrong), 6);
    assert_eq!(count(Action::PinLock), 1);
    assert_eq!(count(Action::PinReset), 1);
    assert_eq!(count(Action::PinSet), 2);
    assert_eq!(
        who_and_why(&dir, Action::PinReset),
        ("秘书甲".into(), Some("forgotten".into()))
    );
}

#[test]
fn released_pins_are_not_asked_and_count_again_when_required_again() {
    let (_tmp, dir) = protected();
    let set = [
        "score",
        "set",
        "--round",
        ROUND,
        "--expert",
        "E1",
        "--dossier",
        "M-001",
        "--item",
        "A1",
        "--value",
        "1",
    ];
    // Without a reason nothing changes.
    let out = run(&dir, &["pin", "release", "--round", ROUND, "--reason", " "]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = typed(&dir, &set, "", None);
    assert_eq!(
        out.status.code(),
        Some(3),
        "still asked: {}",
        text(&out.stderr)
    );

    let release = [
        "pin",
        "release",
        "--round",
        ROUND,
        "--reason",
        "each expert has a laptop again",
        "--by",
        "秘书甲",
    ];
    let out = run(&dir, &release);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        format!(
            "saved: the experts of round {ROUND} no longer give a PIN to score on this laptop (PINs already set are kept for when they are asked again)"
        )
    );
    let out = run(&dir, &release);
    assert_eq!(
        text(&out.stdout).trim(),
        format!("round {ROUND} does not ask its experts for PINs; nothing changed")
    );
    // No PIN asked: the score saves with nothing on standard input.
    let out = typed(&dir, &set, "", None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // Asked again: E1's PIN set before counts.
    require_pins(&dir, "shared again");
    let set2: Vec<&str> = set
        .iter()
        .map(|a| if *a == "1" { "2" } else { a })
        .chain(["--pin-stdin"])
        .collect();
    let out = typed(&dir, &set2, "1111\n", None);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let out = typed(&dir, &set2, &format!("{PIN}\n"), None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let log = actions(&dir);
    assert_eq!(log.iter().filter(|a| **a == Action::PinRelease).count(), 1);
    assert_eq!(
        who_and_why(&dir, Action::PinRelease),
        (
            "秘书甲".into(),
            Some("each expert has a laptop again".into())
        )
    );
}
