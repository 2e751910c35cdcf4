//! A scorecard: one expert's scores for one dossier in one stage.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Points;
use super::round::Stage;
use super::scores::Scores;
use super::sheet::Sheet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Submitted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub round: String,
    pub stage: Stage,
    pub expert: String,
    pub dossier: String,
    /// Item id → score (or achieved value on an indicator sheet).
    pub scores: Scores,
    pub comments: BTreeMap<String, String>,
    pub status: Status,
    pub updated: DateTime<Utc>,
    pub submitted: Option<DateTime<Utc>>,
}

/// What stops a card from being submitted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gaps {
    pub missing: Vec<String>,
    pub comments: Vec<String>,
}

impl Gaps {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.comments.is_empty()
    }
}

impl Card {
    pub fn new(round: &str, stage: Stage, expert: &str, dossier: &str, now: DateTime<Utc>) -> Card {
        Card {
            round: round.to_string(),
            stage,
            expert: expert.to_string(),
            dossier: dossier.to_string(),
            scores: Scores::new(),
            comments: BTreeMap::new(),
            status: Status::Draft,
            updated: now,
            submitted: None,
        }
    }

    pub fn total(&self) -> Points {
        self.scores.values().copied().sum()
    }

    /// Sum of one section's items.
    pub fn section_total(&self, sheet: &Sheet, section: &str) -> Points {
        sheet
            .sections
            .iter()
            .filter(|s| s.id == section)
            .flat_map(|s| &s.items)
            .filter_map(|i| self.scores.get(&i.id))
            .copied()
            .sum()
    }

    /// Items not yet scored and required comments not yet written.
    pub fn gaps(&self, sheet: &Sheet) -> Gaps {
        let mut g = Gaps::default();
        for id in sheet.entry_ids() {
            if !self.scores.contains_key(id) {
                g.missing.push(id.to_string());
            }
        }
        for item in sheet.items() {
            let Some(score) = self.scores.get(&item.id) else {
                continue;
            };
            let written = self
                .comments
                .get(&item.id)
                .is_some_and(|c| !c.trim().is_empty());
            if item.needs_comment(*score) && !written {
                g.comments.push(item.id.clone());
            }
        }
        g
    }

    /// The highest total still reachable: the current total plus the maxima of unscored items.
    pub fn reachable(&self, sheet: &Sheet) -> Points {
        self.total()
            + sheet
                .items()
                .filter(|i| !self.scores.contains_key(&i.id))
                .map(|i| i.max)
                .sum()
    }

    pub fn is_submitted(&self) -> bool {
        self.status == Status::Submitted
    }
}
