//! Ordering scored dossiers: exact score first, then the tie-break sections'
//! panel means in the sheet's order, then any decision that settles what is
//! still level; competition ranks and tie details follow from that order.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::ops::Range;

use super::Ratio;
use super::decision::Decision;
use super::ranking::{BrokenBy, Tie};
use super::round::Stage;

/// A dossier with a score, as the ordering sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub dossier: String,
    pub score: Ratio,
    /// Panel means of the tie-break sections, in the sheet's `tie_break` order.
    pub sections: Vec<Ratio>,
}

/// One candidate in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub candidate: Candidate,
    pub rank: u32,
    pub tie: Option<Tie>,
    /// The index (into the decisions given) of the decision that settled its group.
    pub decision: Option<usize>,
    /// Where a decision put it inside its level group (0 when none applied).
    position: usize,
}

/// Candidates best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    pub rows: Vec<Placed>,
    /// Indices of the decisions that settled a group.
    pub used: BTreeSet<usize>,
}

fn by_merit(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .cmp(&a.score)
        .then_with(|| b.sections.cmp(&a.sections))
}

fn level(a: &Placed, b: &Placed) -> bool {
    by_merit(&a.candidate, &b.candidate).is_eq() && a.position == b.position
}

/// Consecutive runs of `rows` for which `same` holds pairwise with the run's first.
fn runs<T>(rows: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=rows.len() {
        if i == rows.len() || !same(&rows[start], &rows[i]) {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Orders `candidates`, applying `decisions` (for this round and stage) to
/// groups that tie-breaks leave level. Fully level dossiers share a rank and
/// are listed by dossier id.
pub fn order(
    mut candidates: Vec<Candidate>,
    tie_break: &[String],
    decisions: &[Decision],
    round: &str,
    stage: Stage,
) -> Order {
    candidates.sort_by(|a, b| by_merit(a, b).then_with(|| a.dossier.cmp(&b.dossier)));
    let mut rows: Vec<Placed> = candidates
        .into_iter()
        .map(|candidate| Placed {
            candidate,
            rank: 0,
            tie: None,
            decision: None,
            position: 0,
        })
        .collect();
    let mut used = BTreeSet::new();
    for group in runs(&rows, |a, b| by_merit(&a.candidate, &b.candidate).is_eq()) {
        if group.len() < 2 {
            continue;
        }
        let members: BTreeSet<&str> = rows[group.clone()]
            .iter()
            .map(|r| r.candidate.dossier.as_str())
            .collect();
        let chosen = decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.settles(round, stage, &members))
            .max_by_key(|(i, d)| (d.at, *i));
        let Some((k, d)) = chosen else { continue };
        used.insert(k);
        for r in &mut rows[group.clone()] {
            r.position = d.position(&r.candidate.dossier);
            r.decision = Some(k);
        }
        rows[group].sort_by(|a, b| {
            (a.position, &a.candidate.dossier).cmp(&(b.position, &b.candidate.dossier))
        });
    }
    for run in runs(&rows, level) {
        for i in run.clone() {
            rows[i].rank = run.start as u32 + 1;
        }
    }
    describe_ties(&mut rows, tie_break);
    Order { rows, used }
}

fn describe_ties(rows: &mut [Placed], tie_break: &[String]) {
    let ids = |r: Range<usize>, rows: &[Placed], me: usize| -> Vec<String> {
        r.filter(|&j| j != me)
            .map(|j| rows[j].candidate.dossier.clone())
            .collect()
    };
    for same_score in runs(rows, |a, b| a.candidate.score == b.candidate.score) {
        if same_score.len() < 2 {
            continue;
        }
        let levels = runs(&rows[same_score.clone()], level);
        for lv in levels {
            let lv = lv.start + same_score.start..lv.end + same_score.start;
            for i in lv.clone() {
                let broken_by = (i > same_score.start && !lv.contains(&(i - 1)))
                    .then(|| separator(&rows[i - 1], &rows[i], tie_break));
                let tie = Tie {
                    with: ids(same_score.clone(), rows, i),
                    broken_by,
                    level: ids(lv.clone(), rows, i),
                    boundary: None,
                    unresolved: false,
                };
                rows[i].tie = Some(tie);
            }
        }
    }
}

/// What separates two adjacent rows with the same score.
fn separator(above: &Placed, below: &Placed, tie_break: &[String]) -> BrokenBy {
    let (a, b) = (&above.candidate.sections, &below.candidate.sections);
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(k) => BrokenBy::Section(tie_break.get(k).cloned().unwrap_or_default()),
        None => BrokenBy::Decision,
    }
}

impl Order {
    /// The rows of the level group cut by a line drawn after the first
    /// `places` rows, when the rows on either side of it are level.
    pub fn straddling(&self, places: usize) -> Option<Range<usize>> {
        if places == 0 || places >= self.rows.len() {
            return None;
        }
        if !level(&self.rows[places - 1], &self.rows[places]) {
            return None;
        }
        let mut start = places - 1;
        while start > 0 && level(&self.rows[start - 1], &self.rows[start]) {
            start -= 1;
        }
        let mut end = places + 1;
        while end < self.rows.len() && level(&self.rows[end - 1], &self.rows[end]) {
            end += 1;
        }
        Some(start..end)
    }

    /// The rows with the same exact score as the row at `at`.
    pub fn same_score(&self, at: usize) -> Range<usize> {
        let Some(row) = self.rows.get(at) else {
            return at..at;
        };
        let s = row.candidate.score;
        let mut start = at;
        while start > 0 && self.rows[start - 1].candidate.score == s {
            start -= 1;
        }
        let mut end = at + 1;
        while end < self.rows.len() && self.rows[end].candidate.score == s {
            end += 1;
        }
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decision::Choice;
    use crate::domain::fixtures::at;

    fn cand(d: &str, score: i128, sections: &[i128]) -> Candidate {
        Candidate {
            dossier: d.into(),
            score: Ratio::int(score),
            sections: sections.iter().map(|s| Ratio::int(*s)).collect(),
        }
    }

    fn tb() -> Vec<String> {
        vec!["S1".into(), "S2".into()]
    }

    fn view(o: &Order) -> Vec<(&str, u32)> {
        o.rows
            .iter()
            .map(|r| (r.candidate.dossier.as_str(), r.rank))
            .collect()
    }

    #[test]
    fn sections_break_ties_in_order() {
        let o = order(
            vec![
                cand("A", 80, &[40, 40]),
                cand("B", 80, &[40, 41]),
                cand("C", 80, &[41, 0]),
                cand("D", 90, &[0, 0]),
            ],
            &tb(),
            &[],
            "r",
            Stage::Expert,
        );
        assert_eq!(view(&o), [("D", 1), ("C", 2), ("B", 3), ("A", 4)]);
        let b = o.rows[2].tie.as_ref().unwrap();
        assert_eq!(b.with, ["C", "A"]);
        assert_eq!(b.broken_by, Some(BrokenBy::Section("S1".into())));
        assert!(b.level.is_empty());
        let a = o.rows[3].tie.as_ref().unwrap();
        assert_eq!(a.broken_by, Some(BrokenBy::Section("S2".into())));
        assert_eq!(o.rows[1].tie.as_ref().unwrap().broken_by, None);
        assert!(o.rows[0].tie.is_none());
        assert_eq!(o.straddling(2), None);
    }

    #[test]
    fn level_rows_share_a_rank_until_a_decision() {
        let cands = vec![
            cand("A", 80, &[40, 40]),
            cand("B", 80, &[40, 40]),
            cand("C", 80, &[40, 40]),
            cand("D", 70, &[0, 0]),
        ];
        let o = order(cands.clone(), &tb(), &[], "r", Stage::Expert);
        assert_eq!(view(&o), [("A", 1), ("B", 1), ("C", 1), ("D", 4)]);
        assert_eq!(o.straddling(1), Some(0..3));
        assert_eq!(o.straddling(3), None);
        assert_eq!(o.rows[1].tie.as_ref().unwrap().level, ["A", "C"]);

        let d = Decision {
            round: "r".into(),
            stage: Stage::Expert,
            tied: vec!["C".into(), "B".into(), "A".into()],
            choice: Choice::Admit(vec!["C".into()]),
            reason: "专利质量更优".into(),
            by: "秘书".into(),
            at: at(10),
        };
        let o = order(cands, &tb(), &[d], "r", Stage::Expert);
        assert_eq!(view(&o), [("C", 1), ("A", 2), ("B", 2), ("D", 4)]);
        assert_eq!(o.straddling(1), None);
        assert_eq!(o.straddling(2), Some(1..3));
        assert_eq!(o.used, BTreeSet::from([0]));
        let a = o.rows[1].tie.as_ref().unwrap();
        assert_eq!(a.broken_by, Some(BrokenBy::Decision));
        assert_eq!(a.level, ["B"]);
        assert_eq!(o.rows[1].decision, Some(0));
    }

    #[test]
    fn the_latest_fitting_decision_wins() {
        let mk = |first: &str, second: &str, minute| Decision {
            round: "r".into(),
            stage: Stage::Expert,
            tied: vec!["A".into(), "B".into()],
            choice: Choice::Order(vec![first.into(), second.into()]),
            reason: "复议".into(),
            by: "秘书".into(),
            at: at(minute),
        };
        let cands = vec![cand("A", 80, &[]), cand("B", 80, &[])];
        let o = order(
            cands,
            &[],
            &[mk("A", "B", 5), mk("B", "A", 9)],
            "r",
            Stage::Expert,
        );
        assert_eq!(view(&o), [("B", 1), ("A", 2)]);
        assert_eq!(o.used, BTreeSet::from([1]));
    }
}
