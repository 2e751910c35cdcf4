//! Score conflicts: different submitted values for one expert, dossier and
//! item from two sources, kept until the secretary resolves them. Resolving
//! sets the card's value, in one durable write with its audit entry.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{Action, Event, Subject};
use super::write::Change;
use super::{CardRef, Result, Store, keys};
use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::merge::{Claim, MergeRefusal, Resolution, ScoreConflict, Source};
use crate::domain::round::Stage;
use crate::domain::scoring::{Refusal, stage_of};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct ConflictRecord {
    round: String,
    stage: Stage,
    expert: String,
    dossier: String,
    item: String,
    claims: Vec<ClaimRecord>,
    resolution: Option<ResolutionRecord>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct ClaimRecord {
    /// The key's fingerprint; none for this store.
    key: Option<String>,
    /// Hundredths of a point.
    value: i64,
    at: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct ResolutionRecord {
    value: i64,
    by: String,
    reason: String,
    at: DateTime<Utc>,
}

impl From<&ScoreConflict> for ConflictRecord {
    fn from(c: &ScoreConflict) -> Self {
        ConflictRecord {
            round: c.round.clone(),
            stage: c.stage,
            expert: c.expert.clone(),
            dossier: c.dossier.clone(),
            item: c.item.clone(),
            claims: c
                .claims
                .iter()
                .map(|k| ClaimRecord {
                    key: match &k.source {
                        Source::Here => None,
                        Source::Key(fp) => Some(fp.clone()),
                    },
                    value: k.value.hundredths(),
                    at: k.at,
                })
                .collect(),
            resolution: c.resolution.as_ref().map(|r| ResolutionRecord {
                value: r.value.hundredths(),
                by: r.by.clone(),
                reason: r.reason.clone(),
                at: r.at,
            }),
        }
    }
}

impl From<ConflictRecord> for ScoreConflict {
    fn from(r: ConflictRecord) -> Self {
        ScoreConflict {
            round: r.round,
            stage: r.stage,
            expert: r.expert,
            dossier: r.dossier,
            item: r.item,
            claims: r
                .claims
                .into_iter()
                .map(|k| Claim {
                    source: k.key.map_or(Source::Here, Source::Key),
                    value: Points::from_hundredths(k.value),
                    at: k.at,
                })
                .collect(),
            resolution: r.resolution.map(|x| Resolution {
                value: Points::from_hundredths(x.value),
                by: x.by,
                reason: x.reason,
                at: x.at,
            }),
        }
    }
}

impl Store {
    /// Every score conflict of a round, open and resolved, by card and item.
    pub fn score_conflicts(&self, round: &str) -> Result<Vec<ScoreConflict>> {
        self.round_record(round)?;
        let recs: Vec<ConflictRecord> = self.scan(&keys::clashes(round, None))?;
        Ok(recs.into_iter().map(ScoreConflict::from).collect())
    }

    /// The score conflicts still waiting for the secretary.
    pub fn open_score_conflicts(&self, round: &str) -> Result<Vec<ScoreConflict>> {
        let mut all = self.score_conflicts(round)?;
        all.retain(ScoreConflict::is_open);
        Ok(all)
    }

    pub(super) fn card_conflicts(
        &self,
        round: &str,
        stage: Stage,
        expert: &str,
        dossier: &str,
    ) -> Result<Vec<ScoreConflict>> {
        let prefix = keys::clashes(round, Some((stage, expert, dossier)));
        let recs: Vec<ConflictRecord> = self.scan(&prefix)?;
        Ok(recs.into_iter().map(ScoreConflict::from).collect())
    }

    pub(super) fn put_conflict(&self, ch: &mut Change, c: &ScoreConflict) -> Result<()> {
        let key = keys::clash(&c.round, c.stage, &c.expert, &c.dossier, &c.item);
        self.put(ch, key, &ConflictRecord::from(c))
    }

    /// The secretary settles a score conflict on a value (one of the sources'
    /// or another), with a reason: the card takes the value, the conflict is
    /// marked resolved, and both are audited in one durable write.
    pub fn resolve_conflict(
        &mut self,
        c: CardRef,
        item: &str,
        value: Points,
        by: &str,
        reason: &str,
    ) -> Result<Card> {
        self.ready()?;
        let r = self.round_record(c.round)?;
        let stage = stage_of(&r.round, c.expert)?;
        let key = keys::clash(c.round, stage, c.expert, c.dossier, item);
        let no_conflict = || MergeRefusal::NoConflict {
            expert: c.expert.to_string(),
            dossier: c.dossier.to_string(),
            item: item.to_string(),
        };
        let rec: ConflictRecord = self.get(&key)?.ok_or_else(no_conflict)?;
        let mut conflict = ScoreConflict::from(rec);
        r.sheet.check_value(item, value).map_err(Refusal::Value)?;
        let mut card = self.card_at(c, stage)?.ok_or_else(no_conflict)?;
        let mut ch = self.change(c.round)?;
        conflict.resolve(value, by, reason, ch.at)?;
        let old = card.scores.insert(item.to_string(), value);
        if old != Some(value) {
            card.updated = ch.at;
            self.put_card(&mut ch, &card)?;
        }
        self.put_conflict(&mut ch, &conflict)?;
        let subject = Subject {
            stage: Some(stage),
            expert: Some(c.expert.to_string()),
            dossier: Some(c.dossier.to_string()),
            item: Some(item.to_string()),
            centre: None,
        };
        let event = Event::new(by, Action::Resolve, subject)
            .change(old.map(|p| p.to_string()), Some(value.to_string()))
            .reason(&format!(
                "{} (values were {})",
                reason.trim(),
                conflict.claims_words()
            ));
        self.audit(&mut ch, event)?;
        self.apply(ch)?;
        Ok(card)
    }
}
