//! A draft never reopens a settled score conflict; a new submitted value
//! that differs from the resolution does.

#[path = "support/laptops.rs"]
mod laptops;

use laptops::{MINI, at, export, fingerprint, import_trusting, mini, p, score, store};

#[test]
fn a_draft_never_reopens_a_settled_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let mut la = store(tmp.path(), "laptop-a", &mini());
    let mut lb = store(tmp.path(), "laptop-b", &mini());
    let mut lc = store(tmp.path(), "laptop-c", &mini());
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut la, "E1", "M-001", "2", true);
    score(&mut lb, "E1", "M-001", "3", true);
    let from_a = export(&mut la, "E1").bytes;
    let from_b = export(&mut lb, "E1").bytes;
    import_trusting(&mut secretary, &mut la, "E1", &from_a);
    let r = import_trusting(&mut secretary, &mut lb, "E1", &from_b);
    assert_eq!(r.conflicts, 1);
    secretary
        .resolve_conflict(at("E1", "M-001"), "A1", p("2.5"), "secretary", "会上核定")
        .unwrap();
    assert!(secretary.open_score_conflicts(MINI).unwrap().is_empty());

    // Laptop C only saves a draft of 1 and exports it.
    score(&mut lc, "E1", "M-001", "1", false);
    let from_c = export(&mut lc, "E1").bytes;
    let r = import_trusting(&mut secretary, &mut lc, "E1", &from_c);
    assert_eq!(r.conflicts, 0);
    assert!(
        secretary.open_score_conflicts(MINI).unwrap().is_empty(),
        "a draft reopened the conflict"
    );
    let settled = &secretary.score_conflicts(MINI).unwrap()[0];
    assert_eq!(settled.resolution.as_ref().unwrap().value, p("2.5"));
    assert_eq!(settled.claims.len(), 2, "{:?}", settled.claims);

    // Submitted, C's different value does reopen it.
    let fc = fingerprint(&mut lc);
    score(&mut lc, "E1", "M-001", "1", true);
    let from_c = export(&mut lc, "E1").bytes;
    import_trusting(&mut secretary, &mut lc, "E1", &from_c);
    let open = secretary.open_score_conflicts(MINI).unwrap();
    assert_eq!(open.len(), 1);
    assert!(
        open[0].claims_words().contains(&format!("1 (key {fc})")),
        "{}",
        open[0].claims_words()
    );
}
