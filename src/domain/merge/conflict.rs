//! A score conflict: two or more sources' different submitted values for one
//! expert, dossier and item, open until the secretary settles it with a reason
//! (or until every source gives the same value).

use chrono::{DateTime, Utc};

use super::{MergeRefusal, Source};
use crate::domain::Points;
use crate::domain::round::Stage;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreConflict {
    pub round: String,
    pub stage: Stage,
    pub expert: String,
    pub dossier: String,
    pub item: String,
    /// Each source's latest value, in the order the sources first spoke.
    pub claims: Vec<Claim>,
    pub resolution: Option<Resolution>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub source: Source,
    pub value: Points,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub value: Points,
    pub by: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

impl ScoreConflict {
    pub fn is_open(&self) -> bool {
        self.resolution.is_none()
    }

    /// Records a source's value, replacing its earlier one. A value not heard
    /// before from that source reopens a settled conflict. Returns whether
    /// anything changed.
    pub fn claim(&mut self, source: &Source, value: Points, at: DateTime<Utc>) -> bool {
        match self.claims.iter_mut().find(|c| &c.source == source) {
            Some(c) if c.value == value => return false,
            Some(c) => {
                c.value = value;
                c.at = at;
            }
            None => self.claims.push(Claim {
                source: source.clone(),
                value,
                at,
            }),
        }
        let settled_on = self.resolution.as_ref().map(|r| r.value);
        if settled_on.is_some_and(|v| v != value) {
            self.resolution = None;
        }
        true
    }

    /// The value every source gives, when they agree.
    pub fn agreed(&self) -> Option<Points> {
        let first = self.claims.first()?.value;
        self.claims
            .iter()
            .all(|c| c.value == first)
            .then_some(first)
    }

    /// The secretary settles the conflict on a value, with a reason.
    pub fn resolve(
        &mut self,
        value: Points,
        by: &str,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<(), MergeRefusal> {
        if reason.trim().is_empty() {
            return Err(MergeRefusal::NoReason);
        }
        if let Some(r) = &self.resolution {
            return Err(MergeRefusal::AlreadyResolved {
                expert: self.expert.clone(),
                dossier: self.dossier.clone(),
                item: self.item.clone(),
                value: r.value,
                by: r.by.clone(),
            });
        }
        self.resolution = Some(Resolution {
            value,
            by: by.to_string(),
            reason: reason.trim().to_string(),
            at,
        });
        Ok(())
    }

    /// The claims in words: `7.5 (this store), 8 (key 3f2a-…)`.
    pub fn claims_words(&self) -> String {
        self.claims
            .iter()
            .map(|c| format!("{} ({})", c.value, c.source))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
