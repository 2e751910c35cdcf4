//! Importing bundles into the secretary's store: which bundles are refused
//! (another round, another version of the sheet, an unknown or unpinned key),
//! replays that change nothing, newer bundles that supersede drafts, and two
//! sources that disagree until the secretary resolves it.

#[path = "support/laptops.rs"]
mod laptops;

use laptops::*;
use pingshen::bundle::{self, BundleError, Trust};
use pingshen::domain::card::Status;
use pingshen::domain::merge::{MergeRefusal, Source};
use pingshen::store::{Action, CardRef, Edit, Store, StoreError};

fn refusal(e: bundle::BundleError) -> MergeRefusal {
    match e {
        bundle::BundleError::Store(StoreError::Merge(m)) => m,
        other => panic!("not a merge refusal: {other}"),
    }
}

#[test]
fn a_bundle_for_another_round_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut other = mini();
    other.round.id = "other-2024".into();
    let mut laptop = store(tmp.path(), "laptop", &other);
    let mut secretary = store(tmp.path(), "secretary", &mini());
    laptop
        .edit(
            CardRef {
                round: "other-2024",
                expert: "E1",
                dossier: "M-001",
            },
            &[Edit::Score("A2", p("3"))],
        )
        .unwrap();
    let bytes = bundle::export(&mut laptop, "other-2024", "E1")
        .unwrap()
        .bytes;
    let before = secretary.dump().unwrap();
    let e = bundle::import(&mut secretary, &bytes, &Trust::by("secretary")).unwrap_err();
    assert!(e.is_refusal());
    let words = e.to_string();
    assert!(
        words.contains("round other-2024, which this store does not hold (rounds: mini-2024)"),
        "{words}"
    );
    assert_eq!(secretary.dump().unwrap(), before);
}

#[test]
fn a_bundle_scored_on_another_version_of_the_sheet_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut newer = mini();
    newer.sheet.version = "2".into();
    let mut laptop = store(tmp.path(), "laptop", &newer);
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut laptop, "E1", "M-001", "7", true);
    let fp = fingerprint(&mut laptop);
    let bytes = export(&mut laptop, "E1").bytes;
    let before = secretary.dump().unwrap();
    let trust = Trust::by("secretary").confirm("E1", &fp);
    let e = refusal(bundle::import(&mut secretary, &bytes, &trust).unwrap_err());
    assert!(matches!(e, MergeRefusal::OtherVersion { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("sheet mini-recognition version 2 (fingerprint ")
            && e.to_string()
                .contains("mini-recognition version 1 (fingerprint "),
        "{e}"
    );
    // A change elsewhere than the sheet is named as such.
    let mut retitled = mini();
    retitled.round.title = "另一标题".into();
    let mut laptop2 = store(tmp.path(), "laptop2", &retitled);
    let bytes = export(&mut laptop2, "E1").bytes;
    let trust = Trust::by("secretary").confirm("E1", &fingerprint(&mut laptop2));
    let e = refusal(bundle::import(&mut secretary, &bytes, &trust).unwrap_err());
    assert!(e.to_string().contains("the same sheet, but"), "{e}");
    assert_eq!(secretary.dump().unwrap(), before);
}

#[test]
fn the_same_bundle_again_or_an_older_one_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut laptop = store(tmp.path(), "laptop", &mini());
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut laptop, "E1", "M-001", "7", false);
    let first = export(&mut laptop, "E1").bytes;
    score(&mut laptop, "E1", "M-002", "6", true);
    let second = export(&mut laptop, "E1").bytes;
    let r = import_trusting(&mut secretary, &mut laptop, "E1", &second);
    assert_eq!((r.sequence, r.imported, r.again), (2, 2, false));
    let after = secretary.dump().unwrap();
    let again = import_trusting(&mut secretary, &mut laptop, "E1", &second);
    assert!(again.again);
    assert_eq!(secretary.dump().unwrap(), after);
    let older = import_trusting(&mut secretary, &mut laptop, "E1", &first);
    assert_eq!(older.superseded_by, Some(2));
    assert_eq!(secretary.dump().unwrap(), after);
    // Exported again with nothing new: recorded, but no card changes.
    let third = export(&mut laptop, "E1").bytes;
    let r = import_trusting(&mut secretary, &mut laptop, "E1", &third);
    assert_eq!((r.imported, r.skipped, r.conflicts), (0, 2, 0));
    intact(&secretary);
}

#[test]
fn a_newer_bundle_from_the_same_laptop_supersedes_its_drafts() {
    let tmp = tempfile::tempdir().unwrap();
    let mut laptop = store(tmp.path(), "laptop", &mini());
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut laptop, "E2", "M-001", "5", false);
    let draft = export(&mut laptop, "E2").bytes;
    import_trusting(&mut secretary, &mut laptop, "E2", &draft);
    assert_eq!(value(&secretary, "E2", "M-001", "A1"), Some(p("5")));
    score(&mut laptop, "E2", "M-001", "6.5", true);
    let done = export(&mut laptop, "E2").bytes;
    let r = import_trusting(&mut secretary, &mut laptop, "E2", &done);
    assert_eq!((r.imported, r.conflicts), (1, 0));
    let card = secretary.card(at("E2", "M-001")).unwrap().unwrap();
    assert_eq!(card.status, Status::Submitted);
    assert_eq!(card.scores["A1"], p("6.5"));
    intact(&secretary);
}

#[test]
fn two_laptops_disagree_on_a_submitted_value_until_the_secretary_resolves_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = store(tmp.path(), "laptop-a", &mini());
    let mut b = store(tmp.path(), "laptop-b", &mini());
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut a, "E1", "M-001", "7", true);
    score(&mut b, "E1", "M-001", "8.5", true);
    let (fa, fb) = (fingerprint(&mut a), fingerprint(&mut b));
    let from_a = export(&mut a, "E1").bytes;
    let from_b = export(&mut b, "E1").bytes;
    assert_eq!(
        import_trusting(&mut secretary, &mut a, "E1", &from_a).imported,
        1
    );
    let r = import_trusting(&mut secretary, &mut b, "E1", &from_b);
    assert_eq!((r.imported, r.conflicts), (0, 1));
    assert_eq!(value(&secretary, "E1", "M-001", "A1"), Some(p("7")));
    let open = secretary.open_score_conflicts(MINI).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].item, "A1");
    let sources: Vec<_> = open[0]
        .claims
        .iter()
        .map(|c| (c.source.clone(), c.value))
        .collect();
    assert_eq!(
        sources,
        [
            (Source::Key(fa), p("7")),
            (Source::Key(fb.clone()), p("8.5"))
        ]
    );
    // The same bundle again, or a newer one saying the same, raises nothing new.
    assert!(import_trusting(&mut secretary, &mut b, "E1", &from_b).again);
    let again = export(&mut b, "E1").bytes;
    assert_eq!(
        import_trusting(&mut secretary, &mut b, "E1", &again).conflicts,
        0
    );

    let e = secretary
        .resolve_conflict(at("E1", "M-001"), "A1", p("8"), "secretary", " ")
        .unwrap_err();
    assert!(e.is_bad_input(), "{e}");
    let e = secretary
        .resolve_conflict(at("E1", "M-001"), "B1", p("8"), "secretary", "x")
        .unwrap_err();
    assert!(
        e.is_bad_input() && e.to_string().contains("no score conflict"),
        "{e}"
    );
    let card = secretary
        .resolve_conflict(
            at("E1", "M-001"),
            "A1",
            p("8.5"),
            "secretary",
            "专家电话确认以 B 为准",
        )
        .unwrap();
    assert_eq!(card.scores["A1"], p("8.5"));
    assert!(card.is_submitted());
    assert!(secretary.open_score_conflicts(MINI).unwrap().is_empty());
    let all = secretary.score_conflicts(MINI).unwrap();
    assert_eq!(all[0].resolution.as_ref().unwrap().value, p("8.5"));
    let log = secretary.audit_log(MINI).unwrap();
    let resolved = log.iter().find(|e| e.action == Action::Resolve).unwrap();
    assert_eq!(
        (resolved.old.as_deref(), resolved.new.as_deref()),
        (Some("7"), Some("8.5"))
    );
    assert!(
        resolved
            .reason
            .as_deref()
            .unwrap()
            .starts_with("专家电话确认以 B 为准")
    );
    assert!(log.iter().any(|e| e.action == Action::ScoreConflict));
    intact(&secretary);
    let e = secretary
        .resolve_conflict(at("E1", "M-001"), "A1", p("7"), "secretary", "again")
        .unwrap_err();
    assert!(
        e.is_refusal() && e.to_string().contains("already resolved"),
        "{e}"
    );
}

#[test]
fn a_laptop_and_the_secretarys_own_store_disagree() {
    let tmp = tempfile::tempdir().unwrap();
    let mut laptop = store(tmp.path(), "laptop", &mini());
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut secretary, "E2", "M-002", "4", true);
    score(&mut laptop, "E2", "M-002", "4.5", true);
    // A draft from the laptop never replaces the submitted card held here.
    score(&mut laptop, "E2", "M-003", "3", false);
    score(&mut secretary, "E2", "M-003", "3", true);
    let bytes = export(&mut laptop, "E2").bytes;
    let r = import_trusting(&mut secretary, &mut laptop, "E2", &bytes);
    assert_eq!((r.imported, r.kept, r.conflicts), (0, 1, 1));
    let open = secretary.open_score_conflicts(MINI).unwrap();
    assert_eq!(
        open[0].claims_words(),
        format!("4 (this store), 4.5 (key {})", r.key)
    );
    // The laptop comes round to the value held here: the conflict closes itself.
    let mut laptop_edit = laptop;
    laptop_edit
        .reopen(at("E2", "M-002"), "E2", "与秘书处核对后更正")
        .unwrap();
    score(&mut laptop_edit, "E2", "M-002", "4", true);
    let bytes = export(&mut laptop_edit, "E2").bytes;
    let r = import_trusting(&mut secretary, &mut laptop_edit, "E2", &bytes);
    assert_eq!((r.conflicts, r.agreed), (0, 1));
    assert!(secretary.open_score_conflicts(MINI).unwrap().is_empty());
    intact(&secretary);
}

#[test]
fn an_unknown_key_is_refused_naming_its_fingerprint_and_trusted_when_confirmed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut laptop = store(tmp.path(), "laptop", &mini());
    let mut secretary = store(tmp.path(), "secretary", &mini());
    score(&mut laptop, "E3", "M-001", "7", true);
    let fp = fingerprint(&mut laptop);
    let bytes = export(&mut laptop, "E3").bytes;
    let before = secretary.dump().unwrap();
    let e = bundle::import(&mut secretary, &bytes, &Trust::by("secretary")).unwrap_err();
    assert!(e.is_refusal());
    assert!(
        matches!(&e, BundleError::Store(StoreError::Merge(MergeRefusal::UnknownKey { expert, found, .. })) if expert == "E3" && *found == fp),
        "{e}"
    );
    let wrong = Trust::by("secretary").confirm("E3", "0000-0000-0000-0000");
    let e = bundle::import(&mut secretary, &bytes, &wrong).unwrap_err();
    assert!(matches!(refusal(e), MergeRefusal::ConfirmedOther { .. }));
    assert_eq!(secretary.dump().unwrap(), before);

    let trust = Trust::by("秘书 周").confirm("E3", &fp.to_uppercase().replace('-', ""));
    let r = bundle::import(&mut secretary, &bytes, &trust).unwrap();
    assert_eq!(r.imported, 1);
    assert_eq!(
        secretary.trusted_keys(MINI, "E3").unwrap(),
        vec![fp.clone()]
    );
    let log = secretary.audit_log(MINI).unwrap();
    let t = log.iter().find(|e| e.action == Action::Trust).unwrap();
    assert_eq!(
        (t.who.as_str(), t.new.as_deref()),
        ("秘书 周", Some(fp.as_str()))
    );
    // Trusted from now on, for this expert only.
    score(&mut laptop, "E3", "M-002", "6", true);
    let next = export(&mut laptop, "E3").bytes;
    assert_eq!(
        bundle::import(&mut secretary, &next, &Trust::by("secretary"))
            .unwrap()
            .imported,
        1
    );
    score(&mut laptop, "E1", "M-002", "6", true);
    let other_expert = export(&mut laptop, "E1").bytes;
    assert!(bundle::import(&mut secretary, &other_expert, &Trust::by("secretary")).is_err());
    intact(&secretary);
}

#[test]
fn a_pinned_key_decides_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut laptop = Store::open(&tmp.path().join("laptop")).unwrap();
    let fp = fingerprint(&mut laptop);
    let mut pinned = mini();
    pinned.round.experts[0].key = Some(fp.clone());
    pinned.round.experts[1].key = Some("0123-4567-89ab-cdef".into());
    laptop.init_round(&pinned, "E1").unwrap();
    let mut secretary = store(tmp.path(), "secretary", &pinned);
    score(&mut laptop, "E1", "M-001", "7", true);
    score(&mut laptop, "E2", "M-001", "7", true);
    let e1 = export(&mut laptop, "E1").bytes;
    let e2 = export(&mut laptop, "E2").bytes;
    let r = bundle::import(&mut secretary, &e1, &Trust::by("secretary")).unwrap();
    assert_eq!(r.imported, 1);
    let before = secretary.dump().unwrap();
    let confirmed = Trust::by("secretary").confirm("E2", &fp);
    let e = refusal(bundle::import(&mut secretary, &e2, &confirmed).unwrap_err());
    assert_eq!(
        e.to_string(),
        format!(
            "refused: the bundle of expert E2 is signed with key {fp}, but round mini-2024 pins key 0123-4567-89ab-cdef for that expert"
        )
    );
    assert_eq!(secretary.dump().unwrap(), before);
}
