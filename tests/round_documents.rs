//! The applicant's documents carried from the round folder into the store,
//! from the store into a round package and from the package onto each
//! expert's laptop, every one checked against the SHA-256 its dossier lists.

#[path = "support/store.rs"]
mod support;

#[path = "support/mini_round.rs"]
mod mini;

use std::path::{Path, PathBuf};

use mini::mini_round;
use support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{args:?}: {said}");
    said
}

fn fails(dir: &Path, args: &[&str], code: i32) -> String {
    let out = run(dir, args);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(code), "{args:?}: {said}");
    said
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A copy of the small round with two documents for M-002, hashed into its dossier.
fn round_folder(tmp: &Path) -> PathBuf {
    let audit: Vec<u8> = (0..200_000u32).map(|k| (k % 251) as u8).collect();
    let round = mini_round(
        tmp,
        "M-002",
        &[
            ("申报书.pdf", b"%PDF-1.4 the application\n"),
            ("审计报告.pdf", &audit),
        ],
    );
    ok(tmp, &["dossier", "hash", s(&round)]);
    round
}

fn placed(store: &Path, name: &str) -> PathBuf {
    store
        .join("attachments")
        .join(ROUND)
        .join("M-002")
        .join(name)
}

#[test]
fn documents_travel_from_the_round_folder_through_a_package_to_a_laptop() {
    let tmp = tempfile::tempdir().unwrap();
    let round = round_folder(tmp.path());
    let secretary = tmp.path().join("secretary");
    let said = ok(&secretary, &["init", s(&round.join("round.ron"))]);
    assert!(
        said.contains("2 documents checked against their SHA-256 and put in"),
        "{said}"
    );
    let original = std::fs::read(round.join("attachments/M-002/审计报告.pdf")).unwrap();
    assert_eq!(
        std::fs::read(placed(&secretary, "审计报告.pdf")).unwrap(),
        original
    );

    let pkg = tmp.path().join("mini.package");
    let said = ok(
        &secretary,
        &[
            "round",
            "export",
            "--round",
            ROUND,
            "--out",
            s(&pkg),
            "--with-attachments",
        ],
    );
    assert!(
        said.contains(
            "the package carries 2 documents, 195.3 KB, each checked against its SHA-256"
        ),
        "{said}"
    );

    let laptop = tmp.path().join("laptop");
    let said = ok(&laptop, &["init", s(&pkg), "--by", "E1"]);
    assert!(said.contains("package fingerprint:"), "{said}");
    assert!(said.contains("2 documents checked"), "{said}");
    assert_eq!(
        std::fs::read(placed(&laptop, "审计报告.pdf")).unwrap(),
        original
    );
    assert_eq!(
        std::fs::read_to_string(placed(&laptop, "申报书.pdf")).unwrap(),
        "%PDF-1.4 the application\n"
    );
    // Loaded again: the same documents, nothing left over beside them.
    ok(&laptop, &["init", s(&pkg), "--by", "E1"]);
    let names: Vec<_> = std::fs::read_dir(laptop.join("attachments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, [ROUND]);

    // Without the flag the package is the plain text it always was.
    let plain = tmp.path().join("plain.package");
    ok(
        &secretary,
        &["round", "export", "--round", ROUND, "--out", s(&plain)],
    );
    assert!(std::fs::read_to_string(&plain).is_ok());
}

/// The package with one byte of the audit report changed.
fn tampered(pkg: &Path, to: &Path) {
    let mut bytes = std::fs::read(pkg).unwrap();
    let header = "200000 M-002/审计报告.pdf\n".as_bytes();
    let at = bytes
        .windows(header.len())
        .position(|w| w == header)
        .expect("the package carries the report");
    bytes[at + header.len() + 1000] ^= 1;
    std::fs::write(to, bytes).unwrap();
}

#[test]
fn a_package_with_one_document_byte_changed_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let round = round_folder(tmp.path());
    let secretary = tmp.path().join("secretary");
    ok(&secretary, &["init", s(&round.join("round.ron"))]);
    let pkg = tmp.path().join("mini.package");
    ok(
        &secretary,
        &[
            "round",
            "export",
            "--round",
            ROUND,
            "--out",
            s(&pkg),
            "--with-attachments",
        ],
    );
    let bad = tmp.path().join("bad.package");
    tampered(&pkg, &bad);

    let laptop = tmp.path().join("laptop");
    let said = fails(&laptop, &["init", s(&bad)], 2);
    assert!(
        said.contains("document 审计报告.pdf of dossier M-002 is not the one listed"),
        "{said}"
    );
    assert!(!laptop.exists(), "a refused package leaves no store folder");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .args(["--store", s(&laptop), "--lang", "zh", "init", s(&bad)])
        .output()
        .unwrap();
    let zh = text(&out.stderr);
    assert!(
        zh.contains("申报书 M-002 的附件 审计报告.pdf 不是所列的那份"),
        "{zh}"
    );

    // Cut short in copying: refused too.
    let bytes = std::fs::read(&pkg).unwrap();
    let cut = tmp.path().join("cut.package");
    std::fs::write(&cut, &bytes[..bytes.len() - 5000]).unwrap();
    let said = fails(&laptop, &["init", s(&cut)], 2);
    assert!(said.contains("do not read after"), "{said}");
    assert!(!laptop.exists());

    // A laptop that already holds the round keeps its documents as they were.
    ok(&laptop, &["init", s(&pkg)]);
    fails(&laptop, &["init", s(&bad)], 2);
    let names: Vec<_> = std::fs::read_dir(laptop.join("attachments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, [ROUND]);
    let report = std::fs::read(placed(&laptop, "审计报告.pdf")).unwrap();
    assert_eq!(
        report,
        std::fs::read(round.join("attachments/M-002/审计报告.pdf")).unwrap()
    );
}

#[test]
fn a_round_folder_whose_document_changed_after_hashing_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let round = round_folder(tmp.path());
    std::fs::write(round.join("attachments/M-002/申报书.pdf"), "another file").unwrap();
    let store = tmp.path().join("store");
    let said = fails(&store, &["init", s(&round.join("round.ron"))], 2);
    assert!(
        said.contains("document 申报书.pdf of dossier M-002 is not the one listed"),
        "{said}"
    );
    assert!(!store.exists());
}

#[test]
fn exporting_documents_the_store_does_not_hold_is_refused() {
    // The round loaded without its documents: M-002 lists two that the
    // store folder does not hold.
    let tmp = tempfile::tempdir().unwrap();
    let round = round_folder(tmp.path());
    std::fs::rename(round.join("attachments"), tmp.path().join("elsewhere")).unwrap();
    let store = tmp.path().join("store");
    ok(&store, &["init", s(&round.join("round.ron"))]);
    assert!(!store.join("attachments").exists());
    let pkg = tmp.path().join("mini.package");
    let said = fails(
        &store,
        &[
            "round",
            "export",
            "--round",
            ROUND,
            "--out",
            s(&pkg),
            "--with-attachments",
        ],
        3,
    );
    assert!(said.contains("of dossier M-002 is not in"), "{said}");
    assert!(!pkg.exists());
}
