//! The store's library API on a small round: loading, scoring, submitting,
//! reopening, recusal, blind scoring and the audit chain.

use std::path::Path;

use pingshen::domain::Points;
use pingshen::domain::card::Status;
use pingshen::domain::round::Stage;
use pingshen::load::{self, Disk, LoadedRound};
use pingshen::store::{CardRef, Edit, Init, Store, StoreError};

fn mini() -> LoadedRound {
    load::round(&Disk, Path::new("tests/fixtures/mini/round.ron")).unwrap()
}

fn at<'a>(expert: &'a str, dossier: &'a str) -> CardRef<'a> {
    CardRef {
        round: "mini-2024",
        expert,
        dossier,
    }
}

fn p(s: &str) -> Points {
    s.parse().unwrap()
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("store")).unwrap();
    assert_eq!(s.init_round(&mini(), "secretary").unwrap(), Init::Created);
    (dir, s)
}

fn complete(s: &mut Store, c: CardRef) {
    let edits = [
        Edit::Score("A1", p("7.5")),
        Edit::Score("A2", p("6")),
        Edit::Score("B1", p("8")),
        Edit::Score("B2", p("9.5")),
    ];
    s.edit(c, &edits).unwrap();
}

#[test]
fn init_is_idempotent_and_lists_the_round() {
    let (_d, mut s) = fresh();
    assert_eq!(s.init_round(&mini(), "secretary").unwrap(), Init::Unchanged);
    let rounds = s.rounds().unwrap();
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].dossiers, 3);
    let r = s.round("mini-2024").unwrap();
    assert_eq!(r.dossiers.len(), 3);
    assert_eq!(r.sheet, mini().sheet);
    assert_eq!(r.round, mini().round);
    assert_eq!(s.recusals("mini-2024").unwrap().len(), 1);
    assert_eq!(s.audit_log("mini-2024").unwrap().len(), 1);
}

#[test]
fn different_content_replaces_only_before_scoring() {
    let (_d, mut s) = fresh();
    let mut changed = mini();
    changed.round.title = "改过的标题".into();
    assert_eq!(s.init_round(&changed, "secretary").unwrap(), Init::Replaced);
    assert_eq!(s.round("mini-2024").unwrap().round.title, "改过的标题");
    s.set_score(at("E1", "M-001"), "A2", p("5"), None).unwrap();
    let err = s.init_round(&mini(), "secretary").unwrap_err();
    assert!(
        matches!(err, StoreError::RoundInUse { cards: 1, .. }),
        "{err}"
    );
    assert!(err.is_refusal());
    assert_eq!(
        s.init_round(&changed, "secretary").unwrap(),
        Init::Unchanged
    );
    assert!(s.audit_verify(None).unwrap().broken.is_none());
}

#[test]
fn stage_follows_the_scorer() {
    let (_d, mut s) = fresh();
    let c = s.set_score(at("P1", "M-002"), "A1", p("3"), None).unwrap();
    assert_eq!(c.stage, Stage::Preliminary);
    let c = s.set_score(at("E2", "M-002"), "A1", p("3"), None).unwrap();
    assert_eq!(c.stage, Stage::Expert);
    assert_eq!(
        s.cards("mini-2024", Some(Stage::Preliminary))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(s.cards("mini-2024", None).unwrap().len(), 2);
    assert_eq!(s.expert_cards("mini-2024", "E2").unwrap().len(), 1);
}

#[test]
fn bad_requests_write_nothing() {
    let (_d, mut s) = fresh();
    let before = s.dump().unwrap();
    let cases: [(CardRef, &str, &str); 6] = [
        (at("E1", "M-001"), "A1", "10.5"),
        (at("E1", "M-001"), "A1", "7.25"),
        (at("E1", "M-001"), "A2", "6.5"),
        (at("E1", "M-001"), "Z9", "1"),
        (at("E9", "M-001"), "A1", "1"),
        (at("E1", "M-009"), "A1", "1"),
    ];
    for (c, item, v) in cases {
        let e = s.set_score(c, item, p(v), None).unwrap_err();
        assert!(e.is_bad_input(), "{e}");
    }
    let recused = s
        .set_score(at("E3", "M-003"), "A1", p("1"), None)
        .unwrap_err();
    assert!(recused.is_refusal(), "{recused}");
    assert_eq!(s.dump().unwrap(), before);
}

#[test]
fn submit_needs_a_complete_card_then_locks_it_until_reopened() {
    let (_d, mut s) = fresh();
    let c = at("E1", "M-001");
    s.set_score(c, "A1", p("10"), None).unwrap();
    let e = s.submit(c).unwrap_err().to_string();
    assert!(
        e.contains("items not scored: A2, B1, B2") && e.contains("need a comment: A1"),
        "{e}"
    );
    complete(&mut s, c);
    s.set_score(c, "A1", p("10"), Some("机构健全，专职人员充足"))
        .unwrap();
    let card = s.submit(c).unwrap();
    assert_eq!(card.status, Status::Submitted);
    assert_eq!(card.total(), p("33.5"));
    let locked = s.set_score(c, "A2", p("1"), None).unwrap_err();
    assert!(
        locked.is_refusal() && locked.to_string().contains("read-only"),
        "{locked}"
    );
    assert!(s.reopen(c, "secretary", "  ").unwrap_err().is_bad_input());
    let card = s.reopen(c, "secretary", "专家要求更正 A2").unwrap();
    assert_eq!(card.status, Status::Draft);
    s.set_score(c, "A2", p("7"), None).unwrap();
    let log = s.audit_log("mini-2024").unwrap();
    let reopen = log
        .iter()
        .find(|e| e.action == pingshen::store::Action::Reopen)
        .unwrap();
    assert_eq!(reopen.who, "secretary");
    assert_eq!(reopen.reason.as_deref(), Some("专家要求更正 A2"));
    assert!(s.audit_verify(Some("mini-2024")).unwrap().broken.is_none());
}

#[test]
fn peers_are_blind_until_own_submission() {
    let (_d, mut s) = fresh();
    for e in ["E1", "E2"] {
        complete(&mut s, at(e, "M-002"));
        s.set_comment(at(e, "M-002"), "A1", "").unwrap();
    }
    s.submit(at("E2", "M-002")).unwrap();
    let blind = s.peer_cards(at("E1", "M-002")).unwrap_err();
    assert!(blind.is_refusal(), "{blind}");
    s.submit(at("E1", "M-002")).unwrap();
    let peers = s.peer_cards(at("E1", "M-002")).unwrap();
    assert_eq!(peers.len(), 1);
    assert_eq!(peers[0].expert, "E2");
}

#[test]
fn declared_conflicts_stop_scoring_and_are_audited() {
    let (_d, mut s) = fresh();
    assert!(
        s.declare_conflict("mini-2024", "E1", "M-002", "近三年有合作")
            .unwrap()
    );
    assert!(
        !s.declare_conflict("mini-2024", "E1", "M-002", "近三年有合作")
            .unwrap()
    );
    assert!(
        s.declare_conflict("mini-2024", "E1", "M-003", " ")
            .unwrap_err()
            .is_bad_input()
    );
    let e = s
        .set_score(at("E1", "M-002"), "A1", p("1"), None)
        .unwrap_err();
    assert!(e.to_string().contains("recused"), "{e}");
    let log = s.audit_log("mini-2024").unwrap();
    assert_eq!(
        log.last().unwrap().action,
        pingshen::store::Action::Conflict
    );
}

#[test]
fn same_value_again_changes_nothing() {
    let (_d, mut s) = fresh();
    s.set_score(at("E1", "M-001"), "A1", p("5"), None).unwrap();
    let before = s.dump().unwrap();
    s.set_score(at("E1", "M-001"), "A1", p("5"), None).unwrap();
    assert_eq!(s.dump().unwrap(), before);
}

#[test]
fn scores_are_stored_as_hundredths() {
    let (_d, mut s) = fresh();
    s.set_score(at("E1", "M-001"), "A1", p("7.5"), None)
        .unwrap();
    let dump = s.dump().unwrap().join("\n");
    assert!(dump.contains(r#""scores":{"A1":750}"#), "{dump}");
}
