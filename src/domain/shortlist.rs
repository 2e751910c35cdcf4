//! The preliminary cut of a recognition round: at least ratio × cap go on
//! to the experts, widened for ties, and everyone when few apply.

use std::collections::HashSet;

use super::dossier::Dossier;
use super::order::Order;
use super::ranking::{Basis, Boundary, Pending, Ranking, Status};
use super::round::Stage;
use super::stage_board::{Board, Inputs, Policy, mark_boundary, sort_rest};

/// The preliminary stage: who goes on to expert review.
///
/// With no more eligible applicants than `places()`, everyone eligible goes on,
/// scored or not. Otherwise the top `places()` eligible by preliminary score go
/// on. The line is drawn as every other boundary is: exact score, then the
/// sheet's tie-break sections; only dossiers still level with the last place
/// after them go on together (the floor is never broken, so this line needs no
/// decision). Eligible dossiers still without a score, and drafts left by the
/// scorers, are pending.
pub fn shortlist(inputs: &Inputs, policy: &Policy) -> Ranking {
    let board = Board::new(inputs, Stage::Preliminary);
    let places = policy.places();
    let cut = Cut::of(&board, inputs, places);
    let taken = cut.taken;
    let mut entries = board.ranked(&cut.order, |i| {
        if i < taken {
            Status::Shortlisted
        } else {
            Status::NotShortlisted
        }
    });
    if !cut.all_in {
        mark_boundary(
            &mut entries,
            &cut.order,
            places as usize,
            Boundary::Shortlist { places },
        );
    }
    let mut rest = Vec::new();
    for d in inputs.dossiers {
        let status = if !board.eligible(d) {
            Status::Ineligible
        } else if board.score(d).is_some() && !cut.all_in && !board.enough(d) {
            Status::InsufficientPanel
        } else if board.score(d).is_none() {
            if cut.all_in {
                Status::Shortlisted
            } else {
                Status::Unscored
            }
        } else {
            continue;
        };
        rest.push(board.entry(d, status));
    }
    sort_rest(&mut rest);
    entries.extend(rest);
    Ranking {
        round: inputs.round.id.clone(),
        stage: Stage::Preliminary,
        basis: Basis::Shortlist {
            places,
            eligible: cut.eligible.len() as u32,
            all_in: cut.all_in,
        },
        entries,
        unused_decisions: board.unused(&cut.order),
        pending: cut.pending,
    }
}

/// Who the shortlist sends on to the experts, and whether it is final:
/// what the expert stage needs of it, without its entries.
pub fn shortlisted<'a>(inputs: &'a Inputs<'a>, policy: &Policy) -> (HashSet<&'a str>, bool) {
    let board = Board::new(inputs, Stage::Preliminary);
    let cut = Cut::of(&board, inputs, policy.places());
    let mut on: HashSet<&'a str> = cut.order.rows[..cut.taken]
        .iter()
        .filter_map(|r| board.id(&r.candidate.dossier))
        .collect();
    if cut.all_in {
        on.extend(
            cut.eligible
                .iter()
                .filter(|d| board.score(d).is_none())
                .map(|d| d.id.as_str()),
        );
    }
    (on, cut.pending.is_empty())
}

/// Where the shortlist's line falls, and what it still waits for.
struct Cut<'a> {
    /// The eligible dossiers that count, by score and tie-break.
    order: Order,
    /// How many of `order`'s rows go on.
    taken: usize,
    /// Every eligible dossier goes on, scored or not.
    all_in: bool,
    /// The eligible dossiers, in the round's order.
    eligible: Vec<&'a Dossier>,
    /// Eligible dossiers not scored, then cards not submitted, when the line
    /// is drawn by score.
    pending: Vec<Pending>,
}

impl<'a> Cut<'a> {
    fn of(board: &Board, inputs: &Inputs<'a>, places: u32) -> Cut<'a> {
        let eligible: Vec<_> = inputs
            .dossiers
            .iter()
            .filter(|d| board.eligible(d))
            .collect();
        let all_in = eligible.len() <= places as usize;
        let counts = |d: &&&Dossier| all_in || board.enough(d);
        let order = board.order(
            eligible
                .iter()
                .filter(counts)
                .filter_map(|d| board.candidate(d))
                .collect(),
        );
        let taken = match places as usize {
            _ if all_in => order.rows.len(),
            0 => 0,
            p if order.rows.len() > p => order.straddling(p).map_or(p, |level| level.end),
            _ => order.rows.len(),
        };
        let mut pending = Vec::new();
        if !all_in {
            pending.extend(
                eligible
                    .iter()
                    .filter(|d| board.score(d).is_none())
                    .map(|d| Pending::Unscored {
                        dossier: d.id.clone(),
                    }),
            );
            pending.extend(board.missing_cards(&eligible));
        }
        Cut {
            order,
            taken,
            all_in,
            eligible,
            pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::World;
    use crate::domain::rank::rank;
    use crate::domain::ranking::BrokenBy;
    use crate::domain::rules::Cond;
    use crate::domain::sheet::EligibilityRule;

    fn shortlisted(w: &World) -> Ranking {
        rank(&w.inputs(), Stage::Preliminary).unwrap()
    }

    fn applicants(n: usize) -> World {
        World::applicants(n)
    }

    /// The expert stage reads who goes on and whether the shortlist is
    /// final without its entries: it reads what the shortlist ranks.
    #[test]
    fn the_expert_stage_reads_the_shortlist_as_it_is_ranked() {
        use crate::domain::fixtures::{card, expert};
        let mut worlds = vec![applicants(38), applicants(40), applicants(41)];
        for n in [38, 41] {
            // eligible, no preliminary score yet: on when all go on, pending otherwise
            let mut w = applicants(n);
            w.dossiers(&["X"]);
            worlds.push(w);
        }
        let mut level = applicants(42);
        level
            .cards
            .retain(|c| c.dossier != "D41" && c.dossier != "D40");
        level
            .score(Stage::Preliminary, "P1", "D41", "30", "31")
            .score(Stage::Preliminary, "P1", "D40", "30", "31");
        worlds.push(level);
        let mut draft = applicants(41);
        draft.round.preliminary.push(expert("P2"));
        draft
            .cards
            .push(card(Stage::Preliminary, "P2", "D05", &[("a", "1")], false));
        worlds.push(draft);
        let mut thin = applicants(41);
        thin.round.min_counted.preliminary = 2;
        worlds.push(thin);
        let (mut finals, mut open) = (0, 0);
        for w in &worlds {
            let inputs = w.inputs();
            let policy = Policy::of(&w.round, &w.sheet);
            let ranked = shortlist(&inputs, &policy);
            let (on, settled) = super::shortlisted(&inputs, &policy);
            let mut on: Vec<&str> = on.into_iter().collect();
            on.sort_unstable();
            let mut want = ranked.with_status(Status::Shortlisted);
            want.sort_unstable();
            assert_eq!(on, want);
            assert_eq!(settled, ranked.is_final(), "{:?}", ranked.pending);
            if settled { finals += 1 } else { open += 1 }
        }
        assert!(finals > 0 && open > 0, "{finals} final, {open} not");
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
    fn a_tie_at_the_fortieth_place_is_broken_by_sections_as_at_every_line() {
        let mut w = applicants(43);
        // D40, D41 and D42 all score 61 (the 40th score), split differently:
        // S1 puts D41 fortieth; D40 and D42, level with each other, stay out.
        w.cards
            .retain(|c| !["D40", "D41", "D42"].contains(&c.dossier.as_str()));
        w.score(Stage::Preliminary, "P1", "D40", "30", "31")
            .score(Stage::Preliminary, "P1", "D41", "30.5", "30.5")
            .score(Stage::Preliminary, "P1", "D42", "30", "31");
        w.sheet.tie_break = vec!["S1".into()];
        let r = shortlisted(&w);
        let on: Vec<_> = r.with_status(Status::Shortlisted);
        assert_eq!(on.len(), 40);
        assert_eq!(on[39], "D41");
        assert_eq!(r.with_status(Status::NotShortlisted), ["D40", "D42", "D43"]);
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
        assert_eq!(
            x.failures[0].why,
            crate::domain::eligibility::Why::Rule("不属于失信联合惩戒对象".into())
        );
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

    #[test]
    fn preliminary_scorers_divide_the_dossiers_but_leave_no_draft() {
        // 41 applicants: the cut is needed. P1 scored all; P2 began D05 and left it a draft.
        let mut w = applicants(41);
        w.round
            .preliminary
            .push(crate::domain::fixtures::expert("P2"));
        let r = shortlisted(&w);
        assert!(r.is_final(), "{:?}", r.pending);
        w.cards.push(crate::domain::fixtures::card(
            Stage::Preliminary,
            "P2",
            "D05",
            &[("a", "1")],
            false,
        ));
        let r = shortlisted(&w);
        assert_eq!(r.missing_cards(), [("P2", "D05", true)]);
        assert!(!r.is_final());
        // A preliminary min_counted of 2 leaves every entry on one card insufficient.
        w.cards.retain(|c| c.expert != "P2");
        w.round.min_counted.preliminary = 2;
        let r = shortlisted(&w);
        assert_eq!(r.with_status(Status::InsufficientPanel).len(), 41);
        assert!(r.with_status(Status::Shortlisted).is_empty());
        assert_eq!(r.entry("D01").unwrap().rank, None);
    }
}
