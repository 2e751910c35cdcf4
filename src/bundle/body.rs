//! A bundle's body: readable RON naming the round, the exact version of its
//! files, the expert, the key and the sequence number, then the expert's
//! cards, recusals and audit entries. Points are written as exact text.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{BodyFault, BundleError, FORMAT, Frame};
use crate::domain::Points;
use crate::domain::card::{Card, Status};
use crate::domain::round::Stage;
use crate::domain::scores::Scores;
use crate::domain::scoring::Recusal;
use crate::store::Entry;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Bundle", deny_unknown_fields)]
pub struct Body {
    pub format: u32,
    pub round: String,
    /// SHA-256 of the round's content (round, sheets, dossiers) as loaded.
    pub fingerprint: String,
    pub sheet: SheetRef,
    pub expert: String,
    pub stage: Stage,
    /// The signing key's public bytes, as on the key line.
    pub key: String,
    pub key_fingerprint: String,
    /// Grows with every bundle exported from the laptop's store.
    pub sequence: u64,
    pub exported: DateTime<Utc>,
    pub cards: Vec<BundleCard>,
    pub recusals: Vec<BundleRecusal>,
    /// The expert's entries from the laptop's audit log.
    pub audit: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Sheet", deny_unknown_fields)]
pub struct SheetRef {
    pub id: String,
    pub version: String,
    /// SHA-256 of the exact sheet the cards were scored on.
    pub fingerprint: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Card", deny_unknown_fields)]
pub struct BundleCard {
    pub dossier: String,
    pub status: Status,
    /// Item id → points as text (`7.5`).
    pub scores: BTreeMap<String, String>,
    pub comments: BTreeMap<String, String>,
    pub updated: DateTime<Utc>,
    pub submitted: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Recusal", deny_unknown_fields)]
pub struct BundleRecusal {
    pub dossier: String,
    pub reason: String,
    pub declared: Option<DateTime<Utc>>,
}

/// A body's text read as an import reads it, before the store is asked:
/// its cards and recusals as the domain knows them.
pub fn read(text: &str) -> Result<(Vec<Card>, Vec<Recusal>), BundleError> {
    let body = Body::parse(text)?;
    Ok((body.cards()?, body.recusals()))
}

impl BundleCard {
    pub fn of(c: &Card) -> BundleCard {
        BundleCard {
            dossier: c.dossier.clone(),
            status: c.status,
            scores: c
                .scores
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            comments: c.comments.clone(),
            updated: c.updated,
            submitted: c.submitted,
        }
    }
}

impl Body {
    /// The body as RON text: strings unescaped where possible, so that
    /// Chinese comments read as written.
    pub fn to_text(&self) -> Result<String, BundleError> {
        let config = ron::ser::PrettyConfig::new()
            .escape_strings(false)
            .struct_names(true);
        let mut text = ron::ser::to_string_pretty(self, config)
            .map_err(|e| BundleError::Body(BodyFault::Write(e.to_string())))?;
        text.push('\n');
        Ok(text)
    }

    pub fn parse(text: &str) -> Result<Body, BundleError> {
        let body: Body = ron::Options::default().from_str(text).map_err(|e| {
            BundleError::Body(BodyFault::Parse {
                line: e.span.start.line,
                col: e.span.start.col,
                error: e.code,
            })
        })?;
        if body.format != FORMAT {
            return Err(BundleError::Format(Frame::Version {
                found: body.format,
                ours: FORMAT,
            }));
        }
        Ok(body)
    }

    /// The cards as the domain knows them.
    pub fn cards(&self) -> Result<Vec<Card>, BundleError> {
        self.cards
            .iter()
            .map(|c| {
                let mut scores = Scores::new();
                for (item, v) in &c.scores {
                    let p: Points = v.parse().map_err(|error| {
                        BundleError::Body(BodyFault::Score {
                            dossier: c.dossier.clone(),
                            item: item.clone(),
                            error,
                        })
                    })?;
                    scores.insert(item.clone(), p);
                }
                Ok(Card {
                    round: self.round.clone(),
                    stage: self.stage,
                    expert: self.expert.clone(),
                    dossier: c.dossier.clone(),
                    scores,
                    comments: c.comments.clone(),
                    status: c.status,
                    updated: c.updated,
                    submitted: c.submitted,
                })
            })
            .collect()
    }

    pub fn recusals(&self) -> Vec<Recusal> {
        self.recusals
            .iter()
            .map(|r| Recusal {
                expert: self.expert.clone(),
                dossier: r.dossier.clone(),
                reason: r.reason.clone(),
                declared: r.declared,
            })
            .collect()
    }
}
