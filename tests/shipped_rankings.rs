//! The shipped demo rounds ranked by the secretary's arithmetic: every
//! Guangxi applicant's declared indicators give the outcome its file states,
//! and the annual and recognition rounds rank without error before any card.

use std::path::Path;

use pingshen::domain::aggregate::Recusals;
use pingshen::domain::rank::{Inputs, rank};
use pingshen::domain::ranking::{Pending, Ranking, Status};
use pingshen::domain::round::Stage;
use pingshen::load::{self, Disk, LoadedRound};

fn load(path: &str) -> LoadedRound {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    load::round(&Disk, &root.join(path)).expect("the shipped round loads")
}

fn ranked(r: &LoadedRound, stage: Stage) -> Ranking {
    let recusals = Recusals::from_conflicts(&r.round.conflicts);
    let inputs = Inputs {
        round: &r.round,
        sheet: &r.sheet,
        eligibility: r.eligibility.as_ref(),
        dossiers: &r.dossiers,
        cards: &[],
        recusals: &recusals,
        decisions: &[],
        excuses: &[],
        register: &[],
        agency: &[],
        earlier: &[],
    };
    rank(&inputs, stage).expect("the shipped round ranks")
}

#[test]
fn guangxi_demo_outcomes_match_each_applicants_stated_scenario() {
    let r = load("scoresheets/guangxi-demo/round.ron");
    let out = ranked(&r, Stage::Expert);
    let zh = |id: &str| {
        let e = out.entry(id).unwrap();
        (e.status, e.verdict.as_ref().unwrap().zh())
    };
    // 001 and 006: three including item 5; 002: four without it; 005: six.
    for id in ["GX-2022-001", "GX-2022-006"] {
        let (status, why) = zh(id);
        assert_eq!(status, Status::Passed, "{id}: {why}");
        assert!(why.contains("含第5项；符合 3 项（含第5项）"), "{id}: {why}");
    }
    let (status, why) = zh("GX-2022-002");
    assert_eq!(status, Status::Passed, "{why}");
    assert!(
        why.starts_with("达成 4/7，缺第5项；符合 4 项（不含第5项）"),
        "{why}"
    );
    let (status, why) = zh("GX-2022-005");
    assert_eq!(status, Status::Passed, "{why}");
    assert!(why.starts_with("达成 6/7"), "{why}");
    // 003: three without item 5; 004: two with it; 007: only two.
    for (id, start) in [
        ("GX-2022-003", "达成 3/7，缺第5项；需 "),
        (
            "GX-2022-004",
            "达成 2/7，含第5项；需 3 项（含第5项）或 4 项（不含第5项）",
        ),
        ("GX-2022-007", "达成 2/7"),
    ] {
        let (status, why) = zh(id);
        assert_eq!(status, Status::Failed, "{id}: {why}");
        assert!(why.starts_with(start), "{id}: {why}");
    }
    assert!(out.is_final());
}

#[test]
fn annual_demo_before_any_card_waits_for_every_centre() {
    let r = load("scoresheets/annual-demo/round.ron");
    let out = ranked(&r, Stage::Expert);
    assert_eq!(out.entries.len(), r.dossiers.len());
    assert!(out.entries.iter().all(|e| e.status == Status::Unscored));
    let unscored = out
        .pending
        .iter()
        .filter(|p| matches!(p, Pending::Unscored { .. }))
        .count();
    assert_eq!(unscored, r.dossiers.len());
    // Every expert owes a card for every centre: none has begun one.
    let owed = out.missing_cards();
    assert_eq!(owed.len(), r.dossiers.len() * r.round.experts.len());
    assert!(owed.iter().all(|(_, _, draft)| !draft));
    assert_eq!(out.pending.len(), unscored + owed.len());
}

#[test]
fn recognition_demo_ranks_both_stages_before_any_card() {
    let r = load("scoresheets/demo/round.ron");
    let pre = ranked(&r, Stage::Preliminary);
    let expert = ranked(&r, Stage::Expert);
    assert_eq!(pre.entries.len(), r.dossiers.len());
    assert_eq!(expert.entries.len(), r.dossiers.len());
    for e in &expert.entries {
        assert!(
            matches!(
                e.status,
                Status::Unscored | Status::Ineligible | Status::NotShortlisted
            ),
            "{}: {:?}",
            e.dossier,
            e.status
        );
    }
    // With no preliminary score nobody is shortlisted yet: the expert stage
    // waits only on the shortlist, which waits on a score for every eligible dossier.
    assert_eq!(expert.pending, [Pending::Shortlist]);
    let eligible = pre
        .entries
        .iter()
        .filter(|e| e.status != Status::Ineligible)
        .count();
    assert!(eligible > 40, "{eligible}");
    assert_eq!(pre.pending.len(), eligible);
    assert!(
        pre.pending
            .iter()
            .all(|p| matches!(p, Pending::Unscored { .. }))
    );
}
