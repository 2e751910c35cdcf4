//! The store's commands driven from outside: exit codes, sentences, and that a
//! refused request leaves the store exactly as it was.

#[path = "support/store.rs"]
mod support;

use pingshen::store::Store;
use support::*;

#[test]
fn bad_values_exit_2_with_their_sentence_and_change_nothing() {
    let (_tmp, dir) = loaded_store();
    assert!(
        run(&dir, &set_args("E1", "M-001", "A1", "5"))
            .status
            .success()
    );
    let before = dump(&dir);
    let cases: &[(&[&str], &str)] = &[
        (
            &set_args("E1", "M-001", "A1", "10.5"),
            "10.5 is above the maximum for item A1: allowed values are 0 to 10 in steps of 0.5",
        ),
        (
            &set_args("E1", "M-001", "A1", "7.25"),
            "7.25 is not a step of 0.5 for item A1: allowed values are 0 to 10 in steps of 0.5",
        ),
        (
            &set_args("E1", "M-001", "A2", "6.5"),
            "6.5 is not a step of 1 for item A2: allowed values are 0 to 10 in steps of 1",
        ),
        (
            &set_args("E1", "M-001", "A1", "-1"),
            "--value -1: points must not be negative (got -1); allowed values for item A1 are 0 to 10 in steps of 0.5",
        ),
        (
            &set_args("E1", "M-001", "A1", "七"),
            "--value 七: '七' is not a number such as 7 or 7.5; allowed values for item A1 are 0 to 10 in steps of 0.5",
        ),
        (
            &set_args("E1", "M-001", "A1", "7.555"),
            "points have at most 2 decimals",
        ),
        (
            &set_args("E1", "M-001", "Z9", "1"),
            "item 'Z9' is not on the sheet; items are: A1, A2, B1, B2",
        ),
        (
            &set_args("E9", "M-001", "A1", "1"),
            "expert 'E9' is not on the panel of round mini-2024; the panel is: E1, E2, E3, P1",
        ),
        (
            &set_args("E1", "M-404", "A1", "1"),
            "dossier 'M-404' is not in round mini-2024; dossiers are: M-001, M-002, M-003",
        ),
        (
            &[
                "score",
                "set",
                "--round",
                "nope",
                "--expert",
                "E1",
                "--dossier",
                "M-001",
                "--item",
                "A1",
                "--value",
                "1",
            ],
            "round 'nope' is not in the store; rounds: mini-2024",
        ),
        (
            &[
                "conflict",
                "declare",
                "--round",
                ROUND,
                "--expert",
                "E1",
                "--dossier",
                "M-002",
                "--reason",
                " ",
            ],
            "declaring a conflict needs a reason",
        ),
    ];
    for (args, sentence) in cases {
        let out = run(&dir, args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(sentence), "{args:?}: {err}");
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {}",
            text(&out.stdout)
        );
        assert_eq!(dump(&dir), before, "{args:?} changed the store");
    }
}

#[test]
fn refused_changes_exit_3_and_change_nothing() {
    let (_tmp, dir) = loaded_store();
    for (item, v) in [("A1", "10"), ("A2", "6"), ("B1", "8")] {
        assert!(
            run(&dir, &set_args("E1", "M-001", item, v))
                .status
                .success()
        );
    }
    let before = dump(&dir);
    let submit = [
        "score",
        "submit",
        "--round",
        ROUND,
        "--expert",
        "E1",
        "--dossier",
        "M-001",
    ];
    let cases: &[(&[&str], &str)] = &[
        (
            &submit,
            "cannot be submitted: items not scored: B2; items that need a comment: A1",
        ),
        (
            &set_args("E3", "M-003", "A1", "1"),
            "expert E3 is recused from dossier M-003",
        ),
        (
            &[
                "score",
                "reopen",
                "--round",
                ROUND,
                "--expert",
                "E1",
                "--dossier",
                "M-001",
                "--reason",
                "x",
            ],
            "is not submitted, so there is nothing to reopen",
        ),
    ];
    for (args, sentence) in cases {
        let out = run(&dir, args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.contains(sentence), "{args:?}: {err}");
        assert_eq!(dump(&dir), before, "{args:?} changed the store");
    }
    let mut last = set_args("E1", "M-001", "B2", "9");
    last.extend(["--comment", "ignored"]);
    assert!(run(&dir, &last).status.success());
    let comment = [
        "score",
        "comment",
        "--round",
        ROUND,
        "--expert",
        "E1",
        "--dossier",
        "M-001",
        "--item",
        "A1",
        "--text",
        "满分：机构健全",
    ];
    assert!(run(&dir, &comment).status.success());
    let out = run(&dir, &submit);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let locked = run(&dir, &set_args("E1", "M-001", "A2", "1"));
    assert_eq!(locked.status.code(), Some(3));
    assert!(text(&locked.stderr).contains("submitted and read-only"));
}

#[test]
fn a_second_process_is_told_the_store_is_in_use_at_once() {
    let (_tmp, dir) = loaded_store();
    let held = Store::open(&dir).unwrap();
    let out = run(&dir, &["score", "show", "--round", ROUND]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("is in use by another pingshen"), "{err}");
    assert!(err.contains(&dir.display().to_string()), "{err}");
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    drop(held);
    assert!(
        run(&dir, &["score", "show", "--round", ROUND])
            .status
            .success()
    );
}

#[test]
fn init_refuses_an_invalid_round_without_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let out = pingshen(&dir)
        .args(["init", "tests/bad/round-bad-code/round.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("tests/bad/round-bad-code/dossiers/t-001.ron:"),
        "{err}"
    );
    assert!(!dir.exists(), "the store folder was created");
}

#[test]
fn init_twice_is_a_no_op_and_other_content_is_refused_once_scored() {
    let (tmp, dir) = loaded_store();
    let before = dump(&dir);
    let out = run(&dir, &["init", ROUND_FILE]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("nothing changed"));
    assert_eq!(dump(&dir), before);

    // The same round id with a different title: replaced while unscored …
    let copy = tmp.path().join("copy");
    copy_dir(std::path::Path::new("tests/fixtures/mini"), &copy);
    let round = copy.join("round.ron");
    let t = std::fs::read_to_string(&round)
        .unwrap()
        .replace("小型认定轮次", "小型认定轮次（修订）");
    std::fs::write(&round, t).unwrap();
    let out = run(&dir, &["init", round.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("replaced"),
        "{}",
        text(&out.stdout)
    );
    // … refused once a score exists.
    assert!(
        run(&dir, &set_args("E2", "M-002", "B1", "4"))
            .status
            .success()
    );
    let out = run(&dir, &["init", ROUND_FILE]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("already has 1 scorecards"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn show_aligns_chinese_columns_and_gives_json() {
    let (_tmp, dir) = loaded_store();
    assert!(
        run(&dir, &set_args("E1", "M-002", "A1", "7.5"))
            .status
            .success()
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .arg("--store")
        .arg(&dir)
        .args(["score", "show", "--round", ROUND])
        .output()
        .unwrap();
    let t = text(&out.stdout);
    assert!(t.starts_with("阶段"), "{t}");
    let lines: Vec<&str> = t.lines().collect();
    use unicode_width::UnicodeWidthStr;
    let col = |l: &str| l[..l.find("草稿").or_else(|| l.find("状态")).unwrap()].width();
    assert_eq!(col(lines[0]), col(lines[2]), "{t}");
    let json = run(
        &dir,
        &["score", "show", "--round", ROUND, "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["cards"][0]["scores"]["A1"], "7.50");
    assert_eq!(v["cards"][0]["status"], "draft");
    assert_eq!(v["recusals"][0]["expert"], "E3");
}

#[test]
fn audit_verify_finds_a_value_changed_behind_its_back() {
    let (_tmp, dir) = loaded_store();
    assert!(
        run(&dir, &set_args("E1", "M-001", "A1", "5"))
            .status
            .success()
    );
    assert!(
        run(&dir, &set_args("E1", "M-001", "A2", "6"))
            .status
            .success()
    );
    let ok = run(&dir, &["audit", "verify"]);
    assert!(ok.status.success());
    assert!(text(&ok.stdout).contains("audit log intact: mini-2024 (3 entries)"));

    // Rewrite the card's stored score directly, leaving the log alone: A1's
    // 500 hundredths become 1000 (packed: a present value, zigzag varint).
    let db = sled::Config::new()
        .path(dir.join("state"))
        .flush_every_ms(None)
        .open()
        .unwrap();
    let mut n = 0;
    for kv in db.iter() {
        let (k, v) = kv.unwrap();
        if !k.windows(4).any(|w| w == b"card") || !k.windows(5).any(|w| w == b"M-001") {
            continue;
        }
        let mut v = v.to_vec();
        let at = v
            .windows(3)
            .position(|w| w == [1, 0xE8, 0x07])
            .expect("the packed card holds 5.00");
        v[at + 1..at + 3].copy_from_slice(&[0xD0, 0x0F]);
        db.insert(k, v).unwrap();
        n += 1;
    }
    assert_eq!(n, 1, "one card tampered");
    db.flush().unwrap();
    drop(db);
    let out = run(&dir, &["audit", "verify", "--round", ROUND]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains(
            "the store's state does not match its journal: the value at card / mini-2024 / expert / E1 / M-001 is not the one the journal holds"
        ),
        "{}",
        text(&out.stderr)
    );

    // Rewrite an audit entry in the journal: its record no longer matches its checksum.
    let journal = dir.join("journal").join("00000001.psj");
    let bytes = std::fs::read(&journal).unwrap();
    let from = br#""new":"5""#;
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("the entry is in the journal");
    let mut changed = bytes.clone();
    changed[at + 7] = b'6';
    assert_ne!(changed, bytes);
    std::fs::write(&journal, &changed).unwrap();
    let out = run(&dir, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("the journal is damaged at record 2 (00000001.psj, byte "),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("its content does not match its checksum"),
        "{}",
        text(&out.stderr)
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}
