//! The ranking the CLI, the report and the terminal UI all render: one entry
//! per dossier with its exact score, status, tie and flags, and what still
//! stands between it and a final result.

use std::sync::Arc;

use super::aggregate::Mean;
use super::alternates::Alternate;
use super::decision::Decision;
use super::deviation::{Deviations, ItemFlag, TotalFlag};
use super::eligibility::Failure;
use super::outcome::Verdict;
use super::round::Stage;
use super::{Points, Ratio};

/// Where a dossier ends up in this stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Within the cap: recognised / funded.
    Selected,
    /// Qualified beyond the cap, kept in reserve (e.g. for next year).
    Alternate,
    /// Qualified beyond the cap where the programme keeps no reserve.
    NotSelected,
    /// Level with others across the cap: waits for the secretary's decision.
    Undecided,
    /// Expert score below the round's minimum.
    BelowThreshold,
    /// Preliminary stage: goes on to expert review.
    Shortlisted,
    /// Preliminary stage: does not go on to expert review.
    NotShortlisted,
    /// Fails formal review (形式审查).
    Ineligible,
    /// No counted score yet, where one is needed.
    Unscored,
    /// Annual assessment or acceptance passed.
    Passed,
    /// Annual assessment or acceptance failed.
    Failed,
    /// Fewer counted cards than the round's `min_counted`: no rank, never
    /// selected, shortlisted or an alternate.
    InsufficientPanel,
}

impl Status {
    pub const ALL: [Status; 12] = [
        Status::Selected,
        Status::Alternate,
        Status::NotSelected,
        Status::Undecided,
        Status::BelowThreshold,
        Status::Shortlisted,
        Status::NotShortlisted,
        Status::Ineligible,
        Status::Unscored,
        Status::Passed,
        Status::Failed,
        Status::InsufficientPanel,
    ];

    /// The stable key used in JSON, CSV and scripts.
    pub fn key(self) -> &'static str {
        match self {
            Status::Selected => "selected",
            Status::Alternate => "alternate",
            Status::NotSelected => "not_selected",
            Status::Undecided => "undecided",
            Status::BelowThreshold => "below_threshold",
            Status::Shortlisted => "shortlisted",
            Status::NotShortlisted => "not_shortlisted",
            Status::Ineligible => "ineligible",
            Status::Unscored => "unscored",
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::InsufficientPanel => "insufficient_panel",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Status::Selected => "入选",
            Status::Alternate => "备选",
            Status::NotSelected => "未入选",
            Status::Undecided => "并列待定",
            Status::BelowThreshold => "未达最低分",
            Status::Shortlisted => "进入专家评审",
            Status::NotShortlisted => "未进入专家评审",
            Status::Ineligible => "形式审查未通过",
            Status::Unscored => "评分未完成",
            Status::Passed => "通过",
            Status::Failed => "不通过",
            Status::InsufficientPanel => "计分专家不足",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Status::Selected => "selected",
            Status::Alternate => "alternate",
            Status::NotSelected => "not selected",
            Status::Undecided => "tied, awaiting decision",
            Status::BelowThreshold => "below the minimum score",
            Status::Shortlisted => "shortlisted",
            Status::NotShortlisted => "not shortlisted",
            Status::Ineligible => "ineligible",
            Status::Unscored => "not yet scored",
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::InsufficientPanel => "too few counted cards",
        }
    }
}

/// A line in the ranking where a tie matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundary {
    /// The shortlist's floor of `places` (ratio × cap); a tie there widens it.
    Shortlist { places: u32 },
    /// The selection cap; a tie standing across it needs a decision.
    Cap { cap: u32 },
}

/// What placed an entry below the one directly above it with the same score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BrokenBy {
    /// The panel mean of this section's subtotals (the sheet's `tie_break`).
    Section(String),
    /// The secretary's decision.
    Decision,
}

/// How an entry stands among others with exactly the same score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    /// The other dossiers with exactly the same score, in ranking order.
    pub with: Vec<String>,
    /// Why this entry is below the one above it, when both have the same score
    /// and something separated them.
    pub broken_by: Option<BrokenBy>,
    /// Others still level after tie-breaks and decisions: they share the rank.
    pub level: Vec<String>,
    /// The boundary this group of equal scores sits on, if any.
    pub boundary: Option<Boundary>,
    /// True when the level group straddles the boundary: a decision is needed.
    pub unresolved: bool,
}

/// Something the secretary should see beside an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag<'a> {
    /// An expert total far from the panel mean.
    Total(TotalFlag<'a>),
    /// An item score far from the item mean.
    Item(ItemFlag<'a>),
    /// What the ranking marked on the entry.
    Mark(&'a Mark),
}

/// What the ranking marks on an entry beside its panel's deviations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The exact score is below `line`, yet printed to two decimals it reads as the line.
    BelowLineWhenPrinted { line: Points },
    /// Prints the same to two decimals as these dossiers, but is not tied with them.
    PrintsAsTied { with: Vec<String> },
}

/// Every flag of an entry: its panel's deviations, then the marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Shared with the board that found them.
    pub deviations: Arc<Deviations>,
    pub marks: Vec<Mark>,
}

impl Flags {
    pub fn len(&self) -> usize {
        self.deviations.len() + self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    /// The totals flagged, the item scores, then the marks.
    pub fn iter(&self) -> impl Iterator<Item = Flag<'_>> {
        self.deviations
            .totals()
            .map(Flag::Total)
            .chain(self.deviations.items().map(Flag::Item))
            .chain(self.marks.iter().map(Flag::Mark))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Competition rank (1, 2, 2, 4) among ranked entries; `None` for entries
    /// outside the competition (ineligible, unscored, not shortlisted, acceptance).
    pub rank: Option<u32>,
    pub dossier: String,
    pub applicant: String,
    /// The exact panel score; print it with `fixed2()`.
    pub score: Option<Ratio>,
    /// Experts whose cards counted.
    pub experts: u32,
    /// Highest counted total minus lowest.
    pub spread: Option<Points>,
    /// Panel means of the tie-break sections, in the sheet's `tie_break` order.
    pub sections: Vec<Mean>,
    pub status: Status,
    pub tie: Option<Tie>,
    pub flags: Flags,
    /// The decision that settled this entry's tie, when one did.
    pub decision: Option<Decision>,
    /// Formal review failures (reasons for `ineligible`).
    pub failures: Vec<Failure>,
    /// Acceptance rounds: which indicators are met and which clause decided.
    pub verdict: Option<Verdict>,
    /// The applicant was an alternate of the earlier round the round names.
    pub earlier: Option<Alternate>,
}

/// What the ranking decides, and against which numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Preliminary stage of a recognition round.
    Shortlist {
        /// ratio × cap: the shortlist holds at least this many.
        places: u32,
        eligible: u32,
        /// Everyone eligible goes on (no more than `places` eligible).
        all_in: bool,
    },
    /// Expert stage of a recognition round.
    Selection {
        cap: u32,
        min_score: Option<Points>,
        /// Whether qualified dossiers beyond the cap are alternates or not selected.
        alternates: bool,
    },
    /// Annual assessment against the year's pass line.
    Annual { year: u8, line: Points },
    /// Indicators against the sheet's acceptance rule.
    Acceptance,
}

/// Why a ranking is not yet final.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Level dossiers across a boundary, awaiting a decision.
    Tie {
        dossiers: Vec<String>,
        boundary: Boundary,
    },
    /// A dossier the result depends on has no counted score yet.
    Unscored { dossier: String },
    /// The shortlist this selection rests on is not final.
    Shortlist,
    /// An expected card not submitted: a draft, or none at all.
    Card {
        expert: String,
        dossier: String,
        draft: bool,
    },
    /// A service agency named by more of the round's dossiers than the
    /// programme allows, until the secretary records which keep it.
    Agency {
        credit_code: String,
        name: String,
        limit: u32,
        dossiers: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub round: String,
    pub stage: Stage,
    pub basis: Basis,
    /// Ranked entries best first, then the rest (unscored, not shortlisted,
    /// ineligible), each group by dossier id.
    pub entries: Vec<Entry>,
    pub pending: Vec<Pending>,
    /// Decisions for this round and stage that settle no current tie (scores
    /// changed since, or the tie was broken otherwise); shown so none is lost.
    pub unused_decisions: Vec<Decision>,
}

impl Ranking {
    /// True when nothing is pending: no unresolved boundary tie, no missing score.
    pub fn is_final(&self) -> bool {
        self.pending.is_empty()
    }

    /// The ties standing at a boundary that need a decision.
    pub fn unresolved_ties(&self) -> Vec<(&[String], Boundary)> {
        self.pending
            .iter()
            .filter_map(|p| match p {
                Pending::Tie { dossiers, boundary } => Some((dossiers.as_slice(), *boundary)),
                _ => None,
            })
            .collect()
    }

    /// The expected cards not yet submitted, as (expert, dossier, draft), by
    /// expert in panel order and then by dossier.
    pub fn missing_cards(&self) -> Vec<(&str, &str, bool)> {
        self.pending
            .iter()
            .filter_map(|p| match p {
                Pending::Card {
                    expert,
                    dossier,
                    draft,
                } => Some((expert.as_str(), dossier.as_str(), *draft)),
                _ => None,
            })
            .collect()
    }

    pub fn entry(&self, dossier: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.dossier == dossier)
    }

    /// Dossiers with a status, in ranking order.
    pub fn with_status(&self, status: Status) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|e| e.status == status)
            .map(|e| e.dossier.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_distinct_key_and_labels() {
        let keys: std::collections::BTreeSet<_> = Status::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys.len(), Status::ALL.len());
        for s in Status::ALL {
            assert!(!s.zh().is_empty() && !s.en().is_empty());
        }
        assert_eq!(Status::BelowThreshold.key(), "below_threshold");
    }
}
