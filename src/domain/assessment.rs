//! Rounds where each dossier passes or fails on its own: annual assessment
//! against the year's pass line, and acceptance against the indicator rule.

use super::indicators::{Evidence, achievement};
use super::outcome::{OutcomeError, annual_line, reaches, verdict};
use super::ranking::{Basis, Entry, Pending, Ranking, Status};
use super::round::Stage;
use super::stage_board::{Board, Inputs, flag_hidden_fail, sort_rest};

/// Annual assessment: passed when the exact panel score reaches the year's
/// line (70.00 passes; 69.99666… fails and is flagged if it prints as 70.00).
/// Ranked by score for the minutes; ties need no decision.
pub fn annual(inputs: &Inputs, year: u8) -> Result<Ranking, OutcomeError> {
    let line = annual_line(inputs.sheet, year)?;
    let board = Board::new(inputs, Stage::Expert);
    let mut rest = Vec::new();
    let mut pending = Vec::new();
    let mut candidates = Vec::new();
    let mut in_stage = Vec::new();
    for d in inputs.dossiers {
        if !board.eligible(d) {
            rest.push(board.entry(d, Status::Ineligible));
            continue;
        }
        in_stage.push(d);
        match board.candidate(d) {
            Some(_) if !board.enough(d) => {
                rest.push(board.entry(d, Status::InsufficientPanel));
            }
            Some(c) => candidates.push(c),
            None => {
                pending.push(Pending::Unscored {
                    dossier: d.id.clone(),
                });
                rest.push(board.entry(d, Status::Unscored));
            }
        }
    }
    in_stage.sort_by(|a, b| a.id.cmp(&b.id));
    pending.extend(board.missing_cards(&in_stage));
    let order = board.order(candidates);
    let mut entries = board.ranked(&order, |i| {
        if reaches(order.rows[i].candidate.score, line) {
            Status::Passed
        } else {
            Status::Failed
        }
    });
    for e in &mut entries {
        flag_hidden_fail(e, line);
    }
    sort_rest(&mut rest);
    entries.extend(rest);
    Ok(Ranking {
        round: inputs.round.id.clone(),
        stage: Stage::Expert,
        basis: Basis::Annual { year, line },
        entries,
        pending,
        unused_decisions: board.unused(&order),
    })
}

/// Acceptance: each dossier's indicators (from the panel's counted cards, or
/// declared when no card exists) against the sheet's acceptance rule. Passed
/// first, then by indicators met; no ranks, since nothing is competed for.
pub fn acceptance(inputs: &Inputs) -> Result<Ranking, OutcomeError> {
    if inputs.sheet.acceptance.is_none() {
        return Err(OutcomeError::NoAcceptanceRule(inputs.sheet.id.clone()));
    }
    let board = Board::new(inputs, Stage::Expert);
    let mut judged: Vec<Entry> = Vec::new();
    let mut rest = Vec::new();
    let mut pending = Vec::new();
    for d in inputs.dossiers {
        let Some(panel) = board.panels.get(d.id.as_str()) else {
            continue;
        };
        let a = achievement(inputs.sheet, d, panel);
        if !board.eligible(d) {
            rest.push(board.entry(d, Status::Ineligible));
        } else if a.evidence == Evidence::Pending {
            pending.push(Pending::Unscored {
                dossier: d.id.clone(),
            });
            rest.push(board.entry(d, Status::Unscored));
        } else {
            let v = verdict(inputs.sheet, d, inputs.round.date, &a)?;
            let status = if v.passed {
                Status::Passed
            } else {
                Status::Failed
            };
            let mut e = board.entry(d, status);
            e.verdict = Some(v);
            judged.push(e);
        }
    }
    let met = |e: &Entry| e.verdict.as_ref().map_or(0, |v| v.met_count());
    judged.sort_by(|a, b| {
        (b.status == Status::Passed, met(b))
            .cmp(&(a.status == Status::Passed, met(a)))
            .then_with(|| a.dossier.cmp(&b.dossier))
    });
    sort_rest(&mut rest);
    let mut entries: Vec<Entry> = judged.into_iter().chain(rest).collect();
    for e in &mut entries {
        // Sums of achieved values in different units are no score.
        e.score = None;
        e.spread = None;
        e.sections.clear();
    }
    Ok(Ranking {
        round: inputs.round.id.clone(),
        stage: Stage::Expert,
        basis: Basis::Acceptance,
        entries,
        pending,
        unused_decisions: board.decisions.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{World, card, pts, sheet};
    use crate::domain::rank::{RankError, rank};
    use crate::domain::ranking::Mark;
    use crate::domain::round::RoundKind;
    use crate::domain::rules::Cond;

    fn annual_world(year: u8) -> World {
        let mut w = World::new();
        w.round.kind = RoundKind::Annual { year };
        w.sheet.pass_lines = crate::domain::fixtures::annual_pass_lines();
        w
    }

    #[test]
    fn year_one_passes_at_exactly_seventy() {
        let mut w = annual_world(1);
        w.dossiers(&["A", "B", "C"])
            .expert("A", "35", "35")
            .expert("B", "35", "34.99");
        // C: (70 + 70 + 69.99) / 3 = 69.99666…, printed 70.00, fails
        for (e, b) in [("E1", "35"), ("E2", "35"), ("E3", "34.99")] {
            w.score(Stage::Expert, e, "C", "35", b);
        }
        let r = rank(&w.inputs(), Stage::Expert).unwrap();
        assert_eq!(
            r.basis,
            Basis::Annual {
                year: 1,
                line: pts("70")
            }
        );
        assert_eq!(r.with_status(Status::Passed), ["A"]);
        assert_eq!(r.with_status(Status::Failed), ["C", "B"]);
        let c = r.entry("C").unwrap();
        assert_eq!(c.score.unwrap().fixed2(), "70.00");
        assert!(
            c.flags
                .marks
                .contains(&Mark::BelowLineWhenPrinted { line: pts("70") })
        );
        assert!(r.is_final());
    }

    #[test]
    fn year_two_fails_at_seventy_four_ninety_nine() {
        let mut w = annual_world(2);
        w.dossiers(&["A", "B", "C"])
            .expert("A", "37.5", "37.5")
            .expert("B", "37.5", "37.49");
        let r = rank(&w.inputs(), Stage::Expert).unwrap();
        assert_eq!(r.entry("A").unwrap().status, Status::Passed);
        let b = r.entry("B").unwrap();
        assert_eq!(
            (b.status, b.score.unwrap().fixed2()),
            (Status::Failed, "74.99".into())
        );
        assert_eq!(r.entry("C").unwrap().status, Status::Unscored);
        assert!(!r.is_final());
    }

    #[test]
    fn annual_rounds_need_their_line_and_have_no_preliminary_stage() {
        let mut w = annual_world(2);
        w.sheet.pass_lines.clear();
        assert!(matches!(
            rank(&w.inputs(), Stage::Expert),
            Err(RankError::Outcome(OutcomeError::NoPassLine { year: 2, .. }))
        ));
        assert_eq!(
            rank(&w.inputs(), Stage::Preliminary),
            Err(RankError::NoSuchStage("preliminary"))
        );
    }

    #[test]
    fn acceptance_ranks_passes_first_with_reasons() {
        let mut w = World::new();
        w.round.kind = RoundKind::Acceptance;
        w.sheet = sheet(&[], &[("I1", 1), ("I2", 1), ("I3", 1)]);
        w.sheet.acceptance = Some(Cond::CountMet {
            min: 2,
            of: vec![],
            excluding: vec![],
        });
        w.dossiers(&["A", "B", "C", "D"]);
        let mut add = |d: &str, v: [&str; 3], submitted: bool| {
            let scores = [("I1", v[0]), ("I2", v[1]), ("I3", v[2])];
            w.cards
                .push(card(Stage::Expert, "E1", d, &scores, submitted));
        };
        add("A", ["0", "1", "0"], true);
        add("B", ["1", "1", "0"], true);
        add("C", ["1", "1", "1"], false);
        let r = rank(&w.inputs(), Stage::Expert).unwrap();
        let order: Vec<_> = r
            .entries
            .iter()
            .map(|e| (e.dossier.as_str(), e.status))
            .collect();
        assert_eq!(
            order,
            [
                ("B", Status::Passed),
                ("A", Status::Failed),
                ("D", Status::Failed),
                ("C", Status::Unscored)
            ]
        );
        let b = r.entry("B").unwrap();
        assert_eq!(b.verdict.as_ref().unwrap().zh(), "达成 2/3；符合 2 项");
        assert_eq!(b.score, None);
        // D has no card: its (absent) declared values decide
        let d = r.entry("D").unwrap().verdict.clone().unwrap();
        assert_eq!(d.zh(), "达成 0/3；需 2 项（依据申报数据）");
        assert_eq!(d.en(), "met 0 of 3; needs 2 items (declared values)");
        assert!(!r.is_final());
    }

    #[test]
    fn an_annual_score_on_too_few_cards_neither_passes_nor_fails() {
        let mut w = annual_world(1);
        w.round.min_counted.expert = 3;
        w.round.experts = ["E1", "E2", "E3"]
            .map(crate::domain::fixtures::expert)
            .to_vec();
        w.dossiers(&["A"]);
        for e in ["E1", "E2"] {
            w.score(Stage::Expert, e, "A", "40", "40");
        }
        let r = rank(&w.inputs(), Stage::Expert).unwrap();
        let a = r.entry("A").unwrap();
        assert_eq!(
            (a.status, a.rank, a.experts),
            (Status::InsufficientPanel, None, 2)
        );
        assert_eq!(r.missing_cards(), [("E3", "A", false)]);
        // E3 excused: nothing is owed, and two cards are still too few.
        w.excuses.push(crate::domain::excuse::Excuse {
            round: "r".into(),
            expert: "E3".into(),
            dossier: None,
            reason: "因病缺席".into(),
            by: "秘书".into(),
            at: crate::domain::fixtures::at(3),
        });
        let r = rank(&w.inputs(), Stage::Expert).unwrap();
        assert!(r.is_final());
        assert_eq!(r.with_status(Status::InsufficientPanel), ["A"]);
    }
}
