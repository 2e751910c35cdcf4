//! The experts' selection in a recognition round: at most the cap, at or
//! above the minimum score, ties across the cap left to the secretary.

use super::ranking::{Basis, Boundary, Pending, Ranking, Status};
use super::round::Stage;
use super::shortlist::shortlisted;
pub use super::stage_board::Policy;
use super::stage_board::{Board, Inputs, flag_hidden_fail, mark_boundary, sort_rest};

/// The expert stage: among shortlisted dossiers at or above the minimum score,
/// the top `cap`, never more. Those level across the cap after tie-breaks are
/// `undecided` until a decision settles them; qualified ones beyond the cap are
/// alternates (or not selected). Dossiers below the minimum are ranked with the
/// rest but `below_threshold`.
pub fn select(inputs: &Inputs, policy: &Policy) -> Ranking {
    let (shortlisted, shortlist_final) = shortlisted(inputs, policy);
    let board = Board::new(inputs, Stage::Expert);
    let on_list = |id: &str| shortlisted.contains(id);
    let qualifies = |d: &super::dossier::Dossier| {
        let line = policy.min_score.map(super::Ratio::from_points);
        board.score(d).is_some_and(|s| line.is_none_or(|l| s >= l))
    };
    let mut pending = Vec::new();
    let mut rest = Vec::new();
    let mut scored = Vec::new();
    let mut in_stage = Vec::new();
    for d in inputs.dossiers {
        if !board.eligible(d) {
            rest.push(board.entry(d, Status::Ineligible));
        } else if !on_list(&d.id) {
            rest.push(board.entry(d, Status::NotShortlisted));
        } else if board.score(d).is_none() {
            pending.push(Pending::Unscored {
                dossier: d.id.clone(),
            });
            rest.push(board.entry(d, Status::Unscored));
            in_stage.push(d);
        } else if !board.enough(d) {
            rest.push(board.entry(d, Status::InsufficientPanel));
            in_stage.push(d);
        } else {
            scored.push(d);
            in_stage.push(d);
        }
    }
    in_stage.sort_by(|a, b| a.id.cmp(&b.id));
    pending.extend(board.missing_cards(&in_stage));
    let qualified = scored.iter().filter(|d| qualifies(d)).count();
    let order = board.order(scored.iter().filter_map(|d| board.candidate(d)).collect());
    let cap = policy.cap as usize;
    let straddle = (qualified > cap).then(|| order.straddling(cap)).flatten();
    let beyond = if policy.alternates {
        Status::Alternate
    } else {
        Status::NotSelected
    };
    let mut entries = board.ranked(&order, |i| match &straddle {
        _ if i >= qualified => Status::BelowThreshold,
        Some(r) if r.contains(&i) => Status::Undecided,
        Some(r) if i < r.start => Status::Selected,
        None if i < cap => Status::Selected,
        _ => beyond,
    });
    if qualified > cap
        && let Some(p) = mark_boundary(&mut entries, &order, cap, Boundary::Cap { cap: policy.cap })
    {
        pending.insert(0, p);
    }
    if let Some(line) = policy.min_score {
        entries
            .iter_mut()
            .filter(|e| e.status == Status::BelowThreshold)
            .for_each(|e| flag_hidden_fail(e, line));
    }
    if !shortlist_final {
        pending.push(Pending::Shortlist);
    }
    sort_rest(&mut rest);
    entries.extend(rest);
    Ranking {
        round: inputs.round.id.clone(),
        stage: Stage::Expert,
        basis: Basis::Selection {
            cap: policy.cap,
            min_score: policy.min_score,
            alternates: policy.alternates,
        },
        entries,
        pending,
        unused_decisions: board.unused(&order),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decision::Choice;
    use crate::domain::fixtures::{World, pts};
    use crate::domain::ranking::{BrokenBy, Mark};
    use crate::domain::{Ratio, rank::rank};

    /// Cap 2 in the expert stage: A 90; B and C 80; D 70.
    fn cap_two(b: (&str, &str), c: (&str, &str)) -> World {
        let mut w = World::new();
        w.round.selection.cap = 2;
        w.dossiers(&["A", "B", "C", "D"])
            .expert("A", "45", "45")
            .expert("B", b.0, b.1)
            .expert("C", c.0, c.1)
            .expert("D", "35", "35");
        w
    }

    fn selected(w: &World) -> Ranking {
        rank(&w.inputs(), Stage::Expert).unwrap()
    }

    #[test]
    fn a_tie_at_the_cap_is_broken_by_section_order() {
        let mut w = cap_two(("40", "40"), ("45", "35"));
        w.sheet.tie_break = vec!["S2".into(), "S1".into()];
        let r = selected(&w);
        assert_eq!(r.with_status(Status::Selected), ["A", "B"]);
        assert_eq!(r.with_status(Status::Alternate), ["C", "D"]);
        let c = r.entry("C").unwrap();
        let t = c.tie.as_ref().unwrap();
        assert_eq!(t.broken_by, Some(BrokenBy::Section("S2".into())));
        assert_eq!(t.boundary, Some(Boundary::Cap { cap: 2 }));
        assert!(!t.unresolved);
        assert_eq!(c.sections[0].value, Ratio::int(35));
        assert!(r.is_final());

        // the other order of sections selects C instead
        w.sheet.tie_break = vec!["S1".into(), "S2".into()];
        assert_eq!(selected(&w).with_status(Status::Selected), ["A", "C"]);
    }

    #[test]
    fn a_standing_tie_at_the_cap_waits_for_a_decision() {
        let mut w = cap_two(("40", "40"), ("40", "40"));
        w.sheet.tie_break = vec!["S1".into(), "S2".into()];
        let r = selected(&w);
        assert_eq!(r.with_status(Status::Selected), ["A"]);
        assert_eq!(r.with_status(Status::Undecided), ["B", "C"]);
        assert_eq!(
            (r.entry("B").unwrap().rank, r.entry("C").unwrap().rank),
            (Some(2), Some(2))
        );
        assert!(!r.is_final());
        assert_eq!(
            r.unresolved_ties(),
            [(
                &["B".to_string(), "C".to_string()][..],
                Boundary::Cap { cap: 2 }
            )]
        );
        assert!(r.entry("B").unwrap().tie.as_ref().unwrap().unresolved);

        w.decide(&["C", "B"], Choice::Admit(vec!["C".into()]));
        w.decide(&["B", "D"], Choice::Order(vec!["B".into(), "D".into()]));
        let r = selected(&w);
        assert!(r.is_final(), "{:?}", r.pending);
        assert_eq!(r.with_status(Status::Selected), ["A", "C"]);
        assert_eq!(r.with_status(Status::Alternate), ["B", "D"]);
        let c = r.entry("C").unwrap();
        assert_eq!(c.rank, Some(2));
        assert_eq!(c.decision.as_ref().unwrap().reason, "经评审委员会讨论决定");
        let b = r.entry("B").unwrap();
        assert_eq!(b.rank, Some(3));
        assert_eq!(b.tie.as_ref().unwrap().broken_by, Some(BrokenBy::Decision));
        assert!(b.decision.is_some());
        // the decision naming B and D settles nothing and is shown as unused
        assert_eq!(r.unused_decisions.len(), 1);
        assert_eq!(r.unused_decisions[0].tied, ["B", "D"]);
    }

    #[test]
    fn a_tie_below_the_cap_shares_a_rank_without_a_decision() {
        let mut w = cap_two(("40", "40"), ("40", "40"));
        w.round.selection.cap = 3;
        let r = selected(&w);
        assert_eq!(r.with_status(Status::Selected), ["A", "B", "C"]);
        assert_eq!(r.entry("C").unwrap().rank, Some(2));
        assert_eq!(r.entry("C").unwrap().tie.as_ref().unwrap().boundary, None);
        assert!(r.is_final());
    }

    #[test]
    fn never_more_than_the_cap_and_no_alternates_when_not_kept() {
        let w = cap_two(("41", "40"), ("40", "40"));
        let mut policy = Policy::of(&w.round, &w.sheet);
        policy.alternates = false;
        let r = select(&w.inputs(), &policy);
        assert_eq!(r.with_status(Status::Selected), ["A", "B"]);
        assert_eq!(r.with_status(Status::NotSelected), ["C", "D"]);
    }

    #[test]
    fn the_minimum_score_is_inclusive_and_exact() {
        let mut w = World::new();
        w.round.selection.min_score = Some(pts("75"));
        w.dossiers(&["A", "B", "C"])
            .expert("A", "37.5", "37.5")
            .expert("B", "37.5", "37.49");
        // C: three experts totalling 224.99 → 74.99666…, printed 75.00, still below
        for (e, a) in [("E1", "37.5"), ("E2", "37.5"), ("E3", "37.49")] {
            w.score(Stage::Expert, e, "C", a, "37.5");
        }
        let r = selected(&w);
        assert_eq!(r.with_status(Status::Selected), ["A"]);
        assert_eq!(r.with_status(Status::BelowThreshold), ["C", "B"]);
        let c = r.entry("C").unwrap();
        assert_eq!(c.score.unwrap().fixed2(), "75.00");
        assert!(
            c.flags
                .marks
                .contains(&Mark::BelowLineWhenPrinted { line: pts("75") })
        );
        assert_eq!(c.rank, Some(2));
        assert!(r.is_final());
    }

    #[test]
    fn the_sheet_recognition_line_is_the_default_minimum() {
        let mut w = cap_two(("40", "40"), ("45", "35"));
        w.sheet.pass_lines = vec![crate::domain::sheet::PassLine {
            stage: crate::domain::sheet::PassStage::Recognition,
            min: pts("85"),
        }];
        let r = selected(&w);
        assert_eq!(r.with_status(Status::Selected), ["A"]);
        assert_eq!(r.with_status(Status::BelowThreshold), ["B", "C", "D"]);
    }

    #[test]
    fn expert_stage_statuses_for_the_rest() {
        let mut w = World::applicants(41);
        w.dossiers(&["U"]);
        w.score(Stage::Preliminary, "P1", "U", "50", "50");
        w.expert("D01", "40", "40").expert("U", "50", "50");
        let r = selected(&w);
        assert_eq!(r.entry("D01").unwrap().status, Status::Selected);
        assert_eq!(r.entry("U").unwrap().status, Status::Selected);
        assert_eq!(r.entry("D02").unwrap().status, Status::Unscored);
        assert_eq!(r.entry("D41").unwrap().status, Status::NotShortlisted);
        assert_eq!(r.with_status(Status::NotShortlisted), ["D40", "D41"]);
        // shortlisted: U and D01–D39; two have expert scores, 38 are pending,
        // each without a score and without E1's card
        let unscored = r
            .pending
            .iter()
            .filter(|p| matches!(p, Pending::Unscored { .. }))
            .count();
        assert_eq!(unscored, 38);
        let cards = r.missing_cards();
        assert_eq!(cards.len(), 38);
        assert_eq!(cards[0], ("E1", "D02", false));
        assert_eq!(r.pending.len(), 76);
    }

    #[test]
    fn printed_alike_but_not_tied_is_flagged() {
        let mut w = World::new();
        // A: 80 exactly; B: (80.01 + 80 + 80) / 3 = 80.00333…, both print 80.00
        w.dossiers(&["A", "B"]).expert("A", "40", "40");
        for (e, a) in [("E1", "40.01"), ("E2", "40"), ("E3", "40")] {
            w.score(Stage::Expert, e, "B", a, "40");
        }
        let r = selected(&w);
        let (a, b) = (r.entry("A").unwrap(), r.entry("B").unwrap());
        assert_eq!(a.score.unwrap().fixed2(), b.score.unwrap().fixed2());
        assert_ne!(a.score, b.score);
        assert_eq!((b.rank, a.rank), (Some(1), Some(2)));
        assert!(a.tie.is_none());
        assert!(a.flags.marks.contains(&Mark::PrintsAsTied {
            with: vec!["B".into()]
        }));
        assert!(b.flags.marks.contains(&Mark::PrintsAsTied {
            with: vec!["A".into()]
        }));
    }
}
