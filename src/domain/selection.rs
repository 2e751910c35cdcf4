//! A recognition round's two cuts: the preliminary shortlist (at least
//! ratio × cap, widened for ties, everyone when few apply) and the experts'
//! selection (at most the cap, at or above the minimum score).

use super::Points;
use super::rank::{Board, Inputs, mark_boundary, sort_rest};
use super::ranking::{Basis, Boundary, Pending, Ranking, Status};
use super::round::{Round, Stage};
use super::sheet::{PassStage, Sheet};

/// The numbers the two cuts use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// At most this many are selected.
    pub cap: u32,
    /// The shortlist holds at least `shortlist_ratio × cap`.
    pub shortlist_ratio: u32,
    /// No dossier below this expert score is selected.
    pub min_score: Option<Points>,
    /// Qualified dossiers beyond the cap are alternates (Guangxi keeps them
    /// for next year); when false they are simply not selected.
    pub alternates: bool,
}

impl Policy {
    /// The round's selection settings; the minimum score is the round's, or
    /// else the sheet's recognition pass line. Alternates are kept.
    pub fn of(round: &Round, sheet: &Sheet) -> Policy {
        Policy {
            cap: round.selection.cap,
            shortlist_ratio: round.selection.shortlist_ratio,
            min_score: round
                .selection
                .min_score
                .or_else(|| sheet.pass_line(PassStage::Recognition)),
            alternates: true,
        }
    }

    /// ratio × cap: the shortlist's floor.
    pub fn places(&self) -> u32 {
        self.shortlist_ratio.saturating_mul(self.cap)
    }
}

/// The preliminary stage: who goes on to expert review.
///
/// With no more eligible applicants than `places()`, everyone eligible goes on,
/// scored or not. Otherwise the top `places()` eligible by preliminary score go
/// on, plus everyone with exactly the same score as the last of them: the
/// floor is never broken and an equal score is never cut by a tie-break, so
/// this line needs no decision. Eligible dossiers still without a score are
/// pending.
pub fn shortlist(inputs: &Inputs, policy: &Policy) -> Ranking {
    let board = Board::new(inputs, Stage::Preliminary);
    let places = policy.places();
    let eligible: Vec<_> = inputs
        .dossiers
        .iter()
        .filter(|d| board.eligible(d))
        .collect();
    let all_in = eligible.len() <= places as usize;
    let order = board.order(eligible.iter().filter_map(|d| board.candidate(d)).collect());
    let taken = match places as usize {
        _ if all_in => order.rows.len(),
        0 => 0,
        p if order.rows.len() > p => order.same_score(p - 1).end,
        _ => order.rows.len(),
    };
    let mut entries = board.ranked(&order, |i| {
        if i < taken {
            Status::Shortlisted
        } else {
            Status::NotShortlisted
        }
    });
    let mut pending = Vec::new();
    if !all_in {
        mark_boundary(
            &mut entries,
            &order,
            places as usize,
            Boundary::Shortlist { places },
        );
    }
    let mut rest = Vec::new();
    for d in inputs.dossiers {
        if !board.eligible(d) {
            rest.push(board.entry(d, Status::Ineligible));
        } else if board.score(d).is_none() {
            if all_in {
                rest.push(board.entry(d, Status::Shortlisted));
            } else {
                pending.push(Pending::Unscored {
                    dossier: d.id.clone(),
                });
                rest.push(board.entry(d, Status::Unscored));
            }
        }
    }
    sort_rest(&mut rest);
    entries.extend(rest);
    Ranking {
        round: inputs.round.id.clone(),
        stage: Stage::Preliminary,
        basis: Basis::Shortlist {
            places,
            eligible: eligible.len() as u32,
            all_in,
        },
        entries,
        pending,
        unused_decisions: board.unused(&order),
    }
}

/// The expert stage: among shortlisted dossiers at or above the minimum score,
/// the top `cap`, never more. Those level across the cap after tie-breaks are
/// `undecided` until a decision settles them; qualified ones beyond the cap are
/// alternates (or not selected). Dossiers below the minimum are ranked with the
/// rest but `below_threshold`.
pub fn select(inputs: &Inputs, policy: &Policy) -> Ranking {
    let prelim = shortlist(inputs, policy);
    let board = Board::new(inputs, Stage::Expert);
    let on_list = |id: &str| {
        prelim
            .entry(id)
            .is_some_and(|e| e.status == Status::Shortlisted)
    };
    let qualifies = |d: &super::dossier::Dossier| {
        let line = policy.min_score.map(super::Ratio::from_points);
        board.score(d).is_some_and(|s| line.is_none_or(|l| s >= l))
    };
    let mut pending = Vec::new();
    let mut rest = Vec::new();
    let mut scored = Vec::new();
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
        } else {
            scored.push(d);
        }
    }
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
            .for_each(|e| super::rank::flag_hidden_fail(e, line));
    }
    if !prelim.is_final() {
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
    use crate::domain::ranking::{Boundary, BrokenBy, Flag};
    use crate::domain::rules::Cond;
    use crate::domain::sheet::EligibilityRule;
    use crate::domain::{Ratio, rank::rank};

    fn ids(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("D{i:02}")).collect()
    }

    /// `n` eligible dossiers, preliminary scores 100, 99, … (a + b, split evenly).
    fn applicants(n: usize) -> World {
        let mut w = World::new();
        for (k, id) in ids(n).iter().enumerate() {
            w.dossiers(&[id]);
            let half = format!("{}", 50 - k as i64 / 2);
            let other = format!("{}", 50 - (k as i64 + 1) / 2);
            w.score(Stage::Preliminary, "P1", id, &half, &other);
        }
        w
    }

    fn shortlisted(w: &World) -> Ranking {
        rank(&w.inputs(), Stage::Preliminary).unwrap()
    }

    #[test]
    fn thirty_nine_applicants_all_go_on_scored_or_not() {
        let mut w = applicants(38);
        w.dossiers(&["X"]); // eligible, no preliminary score yet
        let r = shortlisted(&w);
        assert_eq!(r.with_status(Status::Shortlisted).len(), 39);
        assert_eq!(r.entry("X").unwrap().status, Status::Shortlisted);
        assert_eq!(
            r.basis,
            Basis::Shortlist {
                places: 40,
                eligible: 39,
                all_in: true
            }
        );
        assert!(r.is_final());
    }

    #[test]
    fn forty_applicants_all_go_on() {
        let r = shortlisted(&applicants(40));
        assert_eq!(r.with_status(Status::Shortlisted).len(), 40);
        assert!(r.with_status(Status::NotShortlisted).is_empty());
    }

    #[test]
    fn forty_one_applicants_take_the_top_forty() {
        let r = shortlisted(&applicants(41));
        assert_eq!(r.with_status(Status::Shortlisted).len(), 40);
        assert_eq!(r.with_status(Status::NotShortlisted), ["D41"]);
        assert_eq!(r.entry("D41").unwrap().rank, Some(41));
        assert!(r.is_final());
    }

    #[test]
    fn a_tie_at_the_fortieth_place_takes_everyone_tied() {
        let mut w = applicants(43);
        // D40, D41 and D42 all score 61 (the 40th score), split differently:
        // tie-breaks order them but none is cut, since the shortlist is a floor.
        w.cards
            .retain(|c| !["D40", "D41", "D42"].contains(&c.dossier.as_str()));
        w.score(Stage::Preliminary, "P1", "D40", "30", "31")
            .score(Stage::Preliminary, "P1", "D41", "30.5", "30.5")
            .score(Stage::Preliminary, "P1", "D42", "30", "31");
        w.sheet.tie_break = vec!["S1".into()];
        let r = shortlisted(&w);
        let on: Vec<_> = r.with_status(Status::Shortlisted);
        assert_eq!(on.len(), 42);
        assert_eq!(&on[39..], ["D41", "D40", "D42"]);
        assert_eq!(r.with_status(Status::NotShortlisted), ["D43"]);
        let t = r.entry("D40").unwrap().tie.clone().unwrap();
        assert_eq!(t.boundary, Some(Boundary::Shortlist { places: 40 }));
        assert_eq!(t.broken_by, Some(BrokenBy::Section("S1".into())));
        assert_eq!(t.level, ["D42"]);
        assert!(!t.unresolved);
        assert_eq!(r.entry("D42").unwrap().rank, Some(41));
        assert!(r.is_final());
    }

    #[test]
    fn a_level_tie_across_the_floor_is_widened_not_decided() {
        let mut w = applicants(42);
        // D40 and D41 identical in every section: level across the 40th place
        w.cards.retain(|c| c.dossier != "D41");
        w.score(Stage::Preliminary, "P1", "D41", "30", "31");
        w.cards.retain(|c| c.dossier != "D40");
        w.score(Stage::Preliminary, "P1", "D40", "30", "31");
        w.sheet.tie_break = vec!["S1".into(), "S2".into()];
        let r = shortlisted(&w);
        assert_eq!(r.with_status(Status::NotShortlisted), ["D42"]);
        let t = r.entry("D41").unwrap().tie.clone().unwrap();
        assert_eq!(
            (t.level.as_slice(), t.unresolved),
            (&["D40".to_string()][..], false)
        );
        assert_eq!(t.boundary, Some(Boundary::Shortlist { places: 40 }));
        assert!(r.is_final());
    }

    #[test]
    fn ineligible_and_unscored_at_the_shortlist() {
        let mut w = applicants(41);
        w.dossiers(&["X", "Y"]);
        w.dossiers[41].flags.credit_blacklist = true;
        w.sheet.eligibility = vec![EligibilityRule {
            id: "credit".into(),
            title: "不属于失信联合惩戒对象".into(),
            when: None,
            require: Cond::Not(Box::new(Cond::Flag("flags.credit_blacklist".into()))),
        }];
        let r = shortlisted(&w);
        let x = r.entry("X").unwrap();
        assert_eq!((x.status, x.rank), (Status::Ineligible, None));
        assert_eq!(x.failures[0].title, "不属于失信联合惩戒对象");
        assert_eq!(r.entry("Y").unwrap().status, Status::Unscored);
        assert_eq!(
            r.pending,
            [Pending::Unscored {
                dossier: "Y".into()
            }]
        );
        let tail: Vec<_> = r.entries[41..].iter().map(|e| e.dossier.as_str()).collect();
        assert_eq!(tail, ["Y", "X"]);
    }

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
                .contains(&Flag::BelowLineWhenPrinted { line: pts("75") })
        );
        assert_eq!(c.rank, Some(2));
        assert!(r.is_final());
    }

    #[test]
    fn the_sheet_recognition_line_is_the_default_minimum() {
        let mut w = cap_two(("40", "40"), ("45", "35"));
        w.sheet.pass_lines = vec![crate::domain::sheet::PassLine {
            stage: PassStage::Recognition,
            min: pts("85"),
        }];
        let r = selected(&w);
        assert_eq!(r.with_status(Status::Selected), ["A"]);
        assert_eq!(r.with_status(Status::BelowThreshold), ["B", "C", "D"]);
    }

    #[test]
    fn expert_stage_statuses_for_the_rest() {
        let mut w = applicants(41);
        w.dossiers(&["U"]);
        w.score(Stage::Preliminary, "P1", "U", "50", "50");
        w.expert("D01", "40", "40").expert("U", "50", "50");
        let r = selected(&w);
        assert_eq!(r.entry("D01").unwrap().status, Status::Selected);
        assert_eq!(r.entry("U").unwrap().status, Status::Selected);
        assert_eq!(r.entry("D02").unwrap().status, Status::Unscored);
        assert_eq!(r.entry("D41").unwrap().status, Status::NotShortlisted);
        assert_eq!(r.with_status(Status::NotShortlisted), ["D40", "D41"]);
        // shortlisted: U and D01–D39; two have expert scores, 38 are pending
        assert_eq!(r.pending.len(), 38);
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
        assert!(a.flags.contains(&Flag::PrintsAsTied {
            with: vec!["B".into()]
        }));
        assert!(b.flags.contains(&Flag::PrintsAsTied {
            with: vec!["A".into()]
        }));
    }
}
