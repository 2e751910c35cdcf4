//! Round packages and score bundles through the real binary: what is printed,
//! the exit codes (2 bad input, 3 refused), and that refusals write nothing.

#[path = "support/store.rs"]
mod support;

use std::path::{Path, PathBuf};

use pingshen::store::Store;
use support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Runs and expects the exit code; returns stdout and stderr together.
fn fails(dir: &Path, args: &[&str], code: i32) -> String {
    let out = run(dir, args);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(code), "{args:?}: {said}");
    said
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The secretary's store with the small round, its package, and a laptop
/// loaded from that package.
fn desk() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let (tmp, secretary) = loaded_store();
    let pkg = tmp.path().join("mini.package.ron");
    ok(
        &secretary,
        &["round", "export", "--round", ROUND, "--out", s(&pkg)],
    );
    let laptop = tmp.path().join("laptop");
    ok(&laptop, &["init", s(&pkg), "--by", "E1"]);
    (tmp, secretary, pkg, laptop)
}

fn submit_card(dir: &Path, expert: &str, dossier: &str, a1: &str) {
    for (item, v) in [("A1", a1), ("A2", "6"), ("B1", "8"), ("B2", "9.5")] {
        ok(dir, &set_args(expert, dossier, item, v));
    }
    let card = ["--round", ROUND, "--expert", expert, "--dossier", dossier];
    ok(dir, &[&["score", "submit"][..], &card].concat());
}

fn key_of(dir: &Path) -> String {
    let said = ok(dir, &["key", "show"]);
    said.split_whitespace().last().unwrap().to_string()
}

#[test]
fn a_package_loads_the_identical_round_and_a_changed_one_is_refused() {
    let (tmp, secretary, pkg, laptop) = desk();
    let fp = |d: &Path| Store::open(d).unwrap().round(ROUND).unwrap().fingerprint;
    assert_eq!(fp(&secretary), fp(&laptop));
    let checked = ok(&secretary, &["check", s(&pkg)]);
    assert!(checked.contains("round package mini-2024"), "{checked}");
    let again = ok(&laptop, &["init", s(&pkg)]);
    assert!(again.contains("nothing changed"), "{again}");

    let text = std::fs::read_to_string(&pkg).unwrap();
    assert!(text.starts_with("// pingshen round package: mini-2024"));
    let edited = tmp.path().join("edited.ron");
    std::fs::write(
        &edited,
        text.replace("max: 10, step: 1", "max: 10, step: 2"),
    )
    .unwrap();
    let other = tmp.path().join("other");
    let said = fails(&other, &["init", s(&edited)], 2);
    assert!(said.contains("was changed after it was exported"), "{said}");
    let broken = tmp.path().join("broken.ron");
    std::fs::write(&broken, text.replace("Dossier(", "Dossie(")).unwrap();
    let said = fails(&other, &["init", s(&broken)], 2);
    assert!(said.contains("broken.ron[dossiers/M-001.ron]:"), "{said}");
}

#[test]
fn bundle_commands_refuse_with_exit_3_and_accept_a_confirmed_key() {
    let (tmp, secretary, _pkg, laptop) = desk();
    let fp = key_of(&laptop);
    assert_eq!(key_of(&laptop), fp, "the key is made once");
    submit_card(&laptop, "E1", "M-001", "7.5");
    let bundle = tmp.path().join("E1.bundle");
    let said = ok(
        &laptop,
        &[
            "bundle",
            "export",
            "--round",
            ROUND,
            "--expert",
            "E1",
            "--out",
            s(&bundle),
        ],
    );
    assert!(
        said.contains(&fp) && said.contains("1 cards (1 submitted)"),
        "{said}"
    );

    let before = dump(&secretary);
    let said = fails(&secretary, &["bundle", "import", s(&bundle)], 3);
    assert!(said.contains(&format!("--trust E1={fp}")), "{said}");
    let said = fails(
        &secretary,
        &["bundle", "import", s(&bundle), "--trust", "E1=xyz"],
        2,
    );
    assert!(said.contains("EXPERT=FINGERPRINT"), "{said}");
    let mut bytes = std::fs::read(&bundle).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    let tampered = tmp.path().join("tampered.bundle");
    std::fs::write(&tampered, &bytes).unwrap();
    let trust = format!("E1={fp}");
    let said = fails(
        &secretary,
        &["bundle", "import", s(&tampered), "--trust", &trust],
        3,
    );
    assert!(said.contains("the signature does not match"), "{said}");
    let missing = tmp.path().join("missing.bundle");
    fails(&secretary, &["bundle", "import", s(&missing)], 2);
    assert_eq!(dump(&secretary), before);

    let said = ok(
        &secretary,
        &["bundle", "import", s(&bundle), "--trust", &trust],
    );
    assert!(
        said.contains("1 cards imported") && said.contains("trusted key"),
        "{said}"
    );
    let said = ok(&secretary, &["bundle", "import", s(&bundle)]);
    assert!(said.contains("already imported; nothing changed"), "{said}");
    ok(&secretary, &["audit", "verify"]);
    let said = ok(&secretary, &["bundle", "conflicts", "--round", ROUND]);
    assert!(said.contains("no score conflicts"), "{said}");
}

#[test]
fn several_files_import_each_on_its_own() {
    let (tmp, secretary, _pkg, laptop) = desk();
    let fp = key_of(&laptop);
    submit_card(&laptop, "E2", "M-002", "6");
    let good = tmp.path().join("E2.bundle");
    ok(
        &laptop,
        &[
            "bundle",
            "export",
            "--round",
            ROUND,
            "--expert",
            "E2",
            "--out",
            s(&good),
        ],
    );
    let bad = tmp.path().join("bad.bundle");
    std::fs::write(&bad, "not a bundle\n").unwrap();
    let trust = format!("E2={fp}");
    let said = fails(
        &secretary,
        &["bundle", "import", s(&bad), s(&good), "--trust", &trust],
        3,
    );
    assert!(said.contains("1 of 2 bundles were not imported"), "{said}");
    assert!(said.contains("first line is not"), "{said}");
    let store = Store::open(&secretary).unwrap();
    assert_eq!(store.cards(ROUND, None).unwrap().len(), 1);
}

#[test]
fn conflicts_are_listed_and_resolved_with_a_reason() {
    let (tmp, secretary, pkg, laptop) = desk();
    let other = tmp.path().join("laptop-2");
    ok(&other, &["init", s(&pkg)]);
    submit_card(&laptop, "E1", "M-001", "7.5");
    submit_card(&other, "E1", "M-001", "9");
    for (dir, name) in [(&laptop, "a.bundle"), (&other, "b.bundle")] {
        let f = tmp.path().join(name);
        ok(
            dir,
            &[
                "bundle",
                "export",
                "--round",
                ROUND,
                "--expert",
                "E1",
                "--out",
                s(&f),
            ],
        );
        let trust = format!("E1={}", key_of(dir));
        ok(&secretary, &["bundle", "import", s(&f), "--trust", &trust]);
    }
    let listed = ok(&secretary, &["bundle", "conflicts", "--round", ROUND]);
    assert!(
        listed.contains("7.5 (key ") && listed.contains("9 (key "),
        "{listed}"
    );
    assert!(listed.contains("1 open of 1"), "{listed}");
    let json: serde_json::Value = serde_json::from_str(&ok(
        &secretary,
        &["bundle", "conflicts", "--round", ROUND, "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["conflicts"][0]["item"], "A1");
    assert_eq!(json["conflicts"][0]["open"], true);

    let resolve = |value: &'static str, reason: &'static str| -> Vec<&'static str> {
        vec![
            "bundle",
            "resolve",
            "--round",
            ROUND,
            "--expert",
            "E1",
            "--dossier",
            "M-001",
            "--item",
            "A1",
            "--value",
            value,
            "--reason",
            reason,
        ]
    };
    let rank = ["rank", "--round", ROUND, "--final"];
    let said = fails(&secretary, &rank, 3);
    assert!(
        said.contains("score conflict to resolve: E1 / M-001 / A1: 7.5 (key "),
        "{said}"
    );
    let before = dump(&secretary);
    fails(&secretary, &resolve("10.5", "核实"), 2);
    fails(&secretary, &resolve("8", " "), 2);
    assert_eq!(dump(&secretary), before);
    let said = ok(&secretary, &resolve("8", "评审会议当场核实"));
    assert!(
        said.contains("A1 = 8") && said.contains("card total 31.5"),
        "{said}"
    );
    let listed = ok(&secretary, &["bundle", "conflicts", "--round", ROUND]);
    assert!(
        listed.contains("resolved to 8 (secretary: 评审会议当场核实)"),
        "{listed}"
    );
    fails(&secretary, &resolve("9", "再改"), 3);
    let said = fails(&secretary, &rank, 3);
    assert!(!said.contains("score conflict"), "{said}");
    ok(&secretary, &["audit", "verify"]);
}
