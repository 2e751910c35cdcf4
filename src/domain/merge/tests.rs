use chrono::Utc;

use super::*;
use crate::domain::round::Expert;

fn card(status: Status, a1: i64) -> Card {
    let mut c = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
    c.scores.insert("A1".into(), Points::whole(a1));
    c.scores.insert("A2".into(), Points::whole(5));
    c.status = status;
    c
}

fn key(fp: &str) -> Source {
    Source::Key(fp.into())
}

#[test]
fn a_first_card_is_taken_and_the_same_card_again_is_unchanged() {
    let c = card(Status::Draft, 7);
    assert_eq!(merge(&c, &key("a"), Held::default()), Merge::Take);
    let sent = CardState::of(&c);
    let held = Held {
        card: Some(&c),
        owner: None,
        last: Some(&sent),
    };
    assert_eq!(merge(&c, &key("a"), held), Merge::Unchanged);
}

#[test]
fn a_newer_card_from_the_same_source_supersedes_its_draft() {
    let old = card(Status::Draft, 7);
    let state = CardState::of(&old);
    let a = key("a");
    let held = Held {
        card: Some(&old),
        owner: Some((&a, &state)),
        last: Some(&state),
    };
    assert_eq!(merge(&card(Status::Submitted, 8), &a, held), Merge::Take);
    // Another source's draft does not replace it; its submitted card does.
    assert_eq!(
        merge(&card(Status::Draft, 9), &key("b"), held),
        Merge::Keep(Kept::TwoDrafts)
    );
    assert_eq!(
        merge(&card(Status::Submitted, 9), &key("b"), held),
        Merge::Take
    );
}

#[test]
fn two_submitted_values_from_two_sources_are_a_conflict() {
    let here = card(Status::Submitted, 7);
    let held = Held {
        card: Some(&here),
        ..Held::default()
    };
    assert_eq!(held.owner(), Source::Here);
    let m = merge(&card(Status::Submitted, 8), &key("a"), held);
    assert_eq!(
        m,
        Merge::Conflict(vec![Difference {
            item: "A1".into(),
            held: Points::whole(7),
            incoming: Points::whole(8),
        }])
    );
    assert_eq!(
        merge(&card(Status::Draft, 8), &key("a"), held),
        Merge::Keep(Kept::DraftUnderSubmitted)
    );
    let mut commented = card(Status::Submitted, 7);
    commented.comments.insert("A1".into(), "另一意见".into());
    assert_eq!(
        merge(&commented, &key("a"), held),
        Merge::Keep(Kept::SameScores)
    );
    assert_eq!(
        merge(&card(Status::Submitted, 7), &key("a"), held),
        Merge::Same
    );
}

#[test]
fn a_card_changed_here_after_import_belongs_to_this_store() {
    let imported = card(Status::Submitted, 7);
    let state = CardState::of(&imported);
    let changed = card(Status::Submitted, 6);
    let a = key("a");
    let held = Held {
        card: Some(&changed),
        owner: Some((&a, &state)),
        last: Some(&state),
    };
    assert_eq!(held.owner(), Source::Here);
    assert!(matches!(
        merge(&card(Status::Submitted, 9), &a, held),
        Merge::Conflict(_)
    ));
}

fn round(pinned: Option<&str>) -> Round {
    let mut r: Round = serde_json::from_value(serde_json::json!({
        "id": "r", "title": "t", "kind": "Acceptance", "date": "2024-06-01",
        "sheet": "s", "dossiers": "d", "experts": []
    }))
    .unwrap();
    r.experts.push(Expert {
        id: "E1".into(),
        name: "n".into(),
        organisation: "o".into(),
        key: pinned.map(str::to_string),
    });
    r
}

#[test]
fn keys_are_pinned_trusted_or_confirmed() {
    let fp = "3f2a-91bc-04de-77a1";
    let other = "0000-0000-0000-0001";
    let pinned = round(Some("3F2A91BC04DE77A1"));
    assert_eq!(
        accept_key(&pinned, "E1", fp, &[], None),
        Ok(KeyAccepted::Pinned)
    );
    let e = accept_key(&pinned, "E1", other, &[fp.into()], Some(other)).unwrap_err();
    assert!(
        e.to_string().contains("pins key 3f2a-91bc-04de-77a1"),
        "{e}"
    );
    let open = round(None);
    assert_eq!(
        accept_key(&open, "E1", fp, &[fp.into()], None),
        Ok(KeyAccepted::Trusted)
    );
    assert_eq!(
        accept_key(&open, "E1", fp, &[], Some(fp)),
        Ok(KeyAccepted::Confirmed)
    );
    let e = accept_key(&open, "E1", fp, &[], None).unwrap_err();
    assert!(
        matches!(&e, MergeRefusal::UnknownKey { expert, found, .. } if expert == "E1" && found == fp),
        "{e}"
    );
    assert!(
        !e.to_string().contains("--"),
        "the domain names no flag: {e}"
    );
    assert!(matches!(
        accept_key(&open, "E1", fp, &[], Some(other)),
        Err(MergeRefusal::ConfirmedOther { .. })
    ));
}

#[test]
fn a_conflict_reopens_on_a_new_value_and_closes_when_sources_agree() {
    let now = Utc::now();
    let mut c = ScoreConflict {
        round: "r".into(),
        stage: Stage::Expert,
        expert: "E1".into(),
        dossier: "D1".into(),
        item: "A1".into(),
        claims: vec![],
        resolution: None,
    };
    assert!(c.claim(&Source::Here, Points::whole(7), now));
    assert!(c.claim(&key("a"), Points::whole(8), now));
    assert!(!c.claim(&key("a"), Points::whole(8), now));
    assert_eq!(c.agreed(), None);
    assert_eq!(c.claims_words(), "7 (this store), 8 (key a)");
    assert_eq!(
        c.resolve(Points::whole(8), "秘书", " ", now),
        Err(MergeRefusal::NoReason)
    );
    c.resolve(Points::whole(8), "秘书", "电话核实", now)
        .unwrap();
    assert!(!c.is_open());
    assert!(c.resolve(Points::whole(8), "秘书", "again", now).is_err());
    c.claim(&Source::Here, Points::whole(8), now);
    assert!(
        !c.is_open(),
        "agreeing with the resolution keeps it settled"
    );
    assert_eq!(c.agreed(), Some(Points::whole(8)));
    c.claim(&key("a"), Points::whole(9), now);
    assert!(c.is_open(), "a new value reopens it");
}

#[test]
fn a_round_refuses_a_pinned_key_that_is_not_a_fingerprint() {
    let mut r = round(Some("3f2a-91bc-04de-77a"));
    r.experts[0].id = "E1".into();
    let problems = r.validate().unwrap_err();
    assert!(
        problems.iter().any(|p| p
            .message
            .to_string()
            .contains("key '3f2a-91bc-04de-77a' of expert E1")),
        "{problems:?}"
    );
    assert!(round(Some("3F2A 91BC 04DE 77A1")).validate().is_ok());
}
