//! A card's content without its timestamps, as imports keep it: whole
//! hundredths in bookkeeping records, and readable text in audit entries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::Points;
use crate::domain::card::Status;
use crate::domain::merge::CardState;
use crate::domain::scores::Scores;

/// What an import set, or what a key sent, for one card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct StateRecord {
    scores: BTreeMap<String, i64>,
    comments: BTreeMap<String, String>,
    status: Status,
}

impl From<&CardState> for StateRecord {
    fn from(s: &CardState) -> Self {
        StateRecord {
            scores: s
                .scores
                .iter()
                .map(|(k, v)| (k.to_string(), v.hundredths()))
                .collect(),
            comments: s.comments.clone(),
            status: s.status,
        }
    }
}

impl From<StateRecord> for CardState {
    fn from(r: StateRecord) -> Self {
        CardState {
            scores: r
                .scores
                .into_iter()
                .map(|(k, v)| (k, Points::from_hundredths(v)))
                .collect(),
            comments: r.comments,
            status: r.status,
        }
    }
}

/// The text of an audit entry's old or new card: points written exactly.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateText {
    scores: BTreeMap<String, String>,
    comments: BTreeMap<String, String>,
    status: Status,
}

pub(super) fn text(s: &CardState) -> String {
    let t = StateText {
        scores: s
            .scores
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        comments: s.comments.clone(),
        status: s.status,
    };
    // Maps with string keys always serialise.
    serde_json::to_string(&t).unwrap_or_default()
}

/// Why a card's text does not read.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Unread {
    /// It is not a card's text at all.
    Text,
    /// One item's score is not a number of points.
    Score { item: String, value: String },
}

pub(super) fn parse(text: &str) -> Result<CardState, Unread> {
    let t: StateText = serde_json::from_str(text).map_err(|_| Unread::Text)?;
    let mut scores = Scores::new();
    for (k, v) in t.scores {
        let Ok(p) = v.parse::<Points>() else {
            return Err(Unread::Score { item: k, value: v });
        };
        scores.insert(k, p);
    }
    Ok(CardState {
        scores,
        comments: t.comments,
        status: t.status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_exactly() {
        let s = CardState {
            scores: [("A1".to_string(), Points::from_hundredths(725))].into(),
            comments: [("A1".to_string(), "满分\"理由\"\n第二行".to_string())].into(),
            status: Status::Submitted,
        };
        let t = text(&s);
        assert!(t.contains(r#""A1":"7.25""#), "{t}");
        assert_eq!(parse(&t), Ok(s.clone()));
        let r = StateRecord::from(&s);
        assert_eq!(CardState::from(r), s);
    }
}
