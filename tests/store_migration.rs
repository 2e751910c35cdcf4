//! A store written by the earlier layout (sled alone, the audit chain inside
//! it), kept as a fixture: it opens, is converted once into a journal with its
//! audit entries unchanged, and holds exactly what it held.

#[path = "support/store.rs"]
mod support;

use std::path::Path;

use support::*;

const FIXTURE: &str = "tests/fixtures/store-v1";

fn copy_fixture(to: &Path) {
    copy_store(Path::new(FIXTURE), to);
    // An empty folder of sled's is not kept in the repository.
    std::fs::create_dir_all(to.join("blobs")).unwrap();
}

#[test]
fn an_earlier_store_is_converted_once_and_holds_what_it_held() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    copy_fixture(&dir);
    let out = run(
        &dir,
        &["score", "show", "--round", ROUND, "--format", "json"],
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "the store was converted to the journal layout (1 records); the old files were moved to"
        ),
        "{err}"
    );
    let want = std::fs::read_to_string("tests/fixtures/store-v1.scores.json").unwrap();
    assert_eq!(text(&out.stdout), want);
    assert!(dir.join("journal").is_dir());
    assert!(
        !dir.join("db").exists(),
        "the old files stay in the store folder"
    );

    // The old chains go on: the same counts, and a new entry continues them.
    let out = run(&dir, &["audit", "verify"]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        said.contains("audit log intact: mini-2024 (26 entries)"),
        "{said}"
    );
    assert!(
        said.contains("audit log intact: centre register (1 entries)"),
        "{said}"
    );
    let out = run(&dir, &set_args("E3", "M-001", "A1", "5"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "the conversion is said once");
    let out = run(&dir, &["audit", "verify"]);
    assert!(
        text(&out.stdout).contains("audit log intact: mini-2024 (27 entries)"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&dir, &["center", "list"]);
    assert!(
        text(&out.stdout).contains("91440101MA59XXXX0G"),
        "{}",
        text(&out.stdout)
    );
}
