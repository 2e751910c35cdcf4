//! Cards as sled keeps them: compact binary (postcard), each score at its
//! entry's place on the round's sheet instead of under its id as text. A
//! packed value starts with a zero byte (a JSON value never does), then the
//! layout's version, so that a card written by a newer layout is refused and
//! cards written as JSON by earlier versions still read.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::SCHEMA;
use super::codec::DecodeError;
use crate::domain::Points;
use crate::domain::card::{Card, Status};
use crate::domain::round::Stage;
use crate::domain::scores::{Layout, Scores};
use crate::domain::sheet::Sheet;

/// The first byte of a packed value.
const PACKED: u8 = 0;

/// A round's sheet entries, numbered in sheet order, and a short mark of
/// the list so that a card is never read against another list than its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Items {
    /// Shared by every card read against it.
    layout: Arc<Layout>,
    mark: u32,
}

impl Items {
    pub fn of(sheet: &Sheet) -> Items {
        let layout = Layout::of(sheet);
        let mut h = Sha256::new();
        for id in layout.ids() {
            h.update(id.as_bytes());
            h.update([0]);
        }
        let d = h.finalize();
        Items {
            layout: Arc::new(layout),
            mark: u32::from_le_bytes([d[0], d[1], d[2], d[3]]),
        }
    }

    fn place(&self, id: &str) -> Option<u32> {
        self.layout.place(id).map(|k| k as u32)
    }
}

/// A time as seconds and nanoseconds: exact, and small.
type Stamp = (i64, u32);

fn stamp(t: DateTime<Utc>) -> Stamp {
    (t.timestamp(), t.timestamp_subsec_nanos())
}

fn time(s: Stamp) -> Result<DateTime<Utc>, DecodeError> {
    DateTime::from_timestamp(s.0, s.1).ok_or_else(|| DecodeError::Bad("a time out of range".into()))
}

#[derive(Serialize, Deserialize)]
struct Packed {
    /// The mark of the sheet's entries the places refer to.
    sheet: u32,
    round: String,
    stage: Stage,
    expert: String,
    dossier: String,
    /// Hundredths at each entry's place, up to the last scored one.
    scores: Vec<Option<i64>>,
    /// Scores under ids the sheet does not list (none are saved today).
    other_scores: Vec<(String, i64)>,
    comments: Vec<(u32, String)>,
    other_comments: Vec<(String, String)>,
    status: Status,
    updated: Stamp,
    submitted: Option<Stamp>,
}

/// A card in the packed layout.
pub fn encode(card: &Card, items: &Items) -> Result<Vec<u8>, String> {
    let mut scores: Vec<Option<i64>> = Vec::new();
    let mut other_scores = Vec::new();
    for (id, v) in &card.scores {
        match items.place(id) {
            Some(k) => {
                let k = k as usize;
                if scores.len() <= k {
                    scores.resize(k + 1, None);
                }
                scores[k] = Some(v.hundredths());
            }
            None => other_scores.push((id.to_string(), v.hundredths())),
        }
    }
    let mut comments = Vec::new();
    let mut other_comments = Vec::new();
    for (id, text) in &card.comments {
        match items.place(id) {
            Some(k) => comments.push((k, text.clone())),
            None => other_comments.push((id.clone(), text.clone())),
        }
    }
    let packed = Packed {
        sheet: items.mark,
        round: card.round.clone(),
        stage: card.stage,
        expert: card.expert.clone(),
        dossier: card.dossier.clone(),
        scores,
        other_scores,
        comments,
        other_comments,
        status: card.status,
        updated: stamp(card.updated),
        submitted: card.submitted.map(stamp),
    };
    let mut out = vec![PACKED];
    out = postcard::to_extend(&SCHEMA, out).map_err(|e| e.to_string())?;
    postcard::to_extend(&packed, out).map_err(|e| e.to_string())
}

/// Whether a stored value is in the packed layout (else it is JSON).
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.first() == Some(&PACKED)
}

/// A packed card, read against its round's sheet entries.
pub fn decode(bytes: &[u8], items: &Items) -> Result<Card, DecodeError> {
    let bad = |e: postcard::Error| DecodeError::Bad(e.to_string());
    let rest = bytes
        .strip_prefix(&[PACKED])
        .ok_or_else(|| DecodeError::Bad("not a packed value".into()))?;
    let (v, rest): (u32, &[u8]) = postcard::take_from_bytes(rest).map_err(bad)?;
    if v > SCHEMA {
        return Err(DecodeError::Newer(v));
    }
    let p: Packed = postcard::from_bytes(rest).map_err(bad)?;
    if p.sheet != items.mark || p.scores.len() > items.layout.len() {
        return Err(DecodeError::Bad(
            "the card was written against another list of items".into(),
        ));
    }
    let name = |k: u32| {
        items
            .layout
            .ids()
            .get(k as usize)
            .map(|id| id.to_string())
            .ok_or_else(|| DecodeError::Bad(format!("no item at place {k}")))
    };
    // Each score stays at its place, on the layout every card of the round shares.
    let mut scores = Scores::laid_out(
        items.layout.clone(),
        p.scores.iter().map(|v| v.map(Points::from_hundredths)),
    );
    for (id, v) in p.other_scores {
        scores.insert(id, Points::from_hundredths(v));
    }
    let mut comments = BTreeMap::new();
    for (k, text) in p.comments {
        comments.insert(name(k)?, text);
    }
    comments.extend(p.other_comments);
    Ok(Card {
        round: p.round,
        stage: p.stage,
        expert: p.expert,
        dossier: p.dossier,
        scores,
        comments,
        status: p.status,
        updated: time(p.updated)?,
        submitted: p.submitted.map(time).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{card, sheet};

    fn items() -> Items {
        Items::of(&sheet(
            &[("S1", &[("b", 30), ("a", 30)]), ("S2", &[("c", 40)])],
            &[],
        ))
    }

    #[test]
    fn a_card_round_trips_exactly_and_small() {
        let mut c = card(
            Stage::Expert,
            "E1",
            "D1",
            &[("a", "7.25"), ("c", "40")],
            true,
        );
        c.comments.insert("c".into(), "满分：理由".into());
        c.comments
            .insert("gone".into(), "an id the sheet lost".into());
        c.scores.insert("gone".into(), Points::from_hundredths(-5));
        c.updated = DateTime::from_timestamp(1_700_000_000, 123_456_789).unwrap();
        let bytes = encode(&c, &items()).unwrap();
        assert!(is_packed(&bytes));
        assert_eq!(decode(&bytes, &items()).unwrap(), c);
        let json = serde_json::to_vec(&c).unwrap();
        assert!(
            bytes.len() * 2 < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
    }

    #[test]
    fn a_newer_layout_and_another_sheet_are_refused() {
        let c = card(Stage::Expert, "E1", "D1", &[("a", "1")], false);
        let mut bytes = encode(&c, &items()).unwrap();
        bytes[1] = (SCHEMA + 1) as u8;
        assert!(matches!(decode(&bytes, &items()), Err(DecodeError::Newer(v)) if v == SCHEMA + 1));
        let bytes = encode(&c, &items()).unwrap();
        let other = Items::of(&sheet(&[("S1", &[("a", 30), ("b", 30)])], &[]));
        assert!(matches!(decode(&bytes, &other), Err(DecodeError::Bad(_))));
        assert!(matches!(
            decode(b"\x00", &items()),
            Err(DecodeError::Bad(_))
        ));
        assert!(!is_packed(br#"{"v":2}"#));
    }
}
