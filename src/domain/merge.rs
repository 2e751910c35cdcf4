//! Merging score bundles from many laptops into one store: what a card from a
//! laptop does to the card held here, which keys are accepted, and what a
//! bundle's cards must satisfy. Pure rules; the store reads, asks, then writes.

mod conflict;
mod refusal;

use std::collections::BTreeMap;
use std::fmt;

use super::Points;
use super::card::{Card, Status};
use super::keyprint;
use super::round::{Round, Stage};
use super::scores::Scores;
use super::scoring::{Refusal, stage_of};
use super::sheet::Sheet;

pub use conflict::{Claim, Resolution, ScoreConflict};
pub use refusal::{CardFault, Differs, HistoryFault, MergeRefusal};

/// Where a card's content came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// Entered on this store, or changed here after it was imported.
    Here,
    /// A laptop, named by its key's fingerprint.
    Key(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Here => write!(f, "this store"),
            Source::Key(fp) => write!(f, "key {fp}"),
        }
    }
}

/// What a card says, without its timestamps: the part two sources can differ on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardState {
    pub scores: Scores,
    pub comments: BTreeMap<String, String>,
    pub status: Status,
}

impl CardState {
    pub fn of(card: &Card) -> CardState {
        CardState {
            scores: card.scores.clone(),
            comments: card.comments.clone(),
            status: card.status,
        }
    }

    pub fn is_submitted(&self) -> bool {
        self.status == Status::Submitted
    }
}

/// What this store holds for the card a bundle brings.
#[derive(Clone, Copy, Debug, Default)]
pub struct Held<'a> {
    pub card: Option<&'a Card>,
    /// The source whose import last set the stored card, and what it set.
    pub owner: Option<(&'a Source, &'a CardState)>,
    /// What the bundle's own source sent for this card before.
    pub last: Option<&'a CardState>,
}

impl Held<'_> {
    /// Whose the stored card's content is: its importer's while the card still
    /// says what that import set, otherwise this store's.
    pub fn owner(&self) -> Source {
        match (self.card, self.owner) {
            (Some(c), Some((src, state))) if CardState::of(c) == *state => src.clone(),
            _ => Source::Here,
        }
    }
}

/// One item on which two submitted cards differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub item: String,
    pub held: Points,
    pub incoming: Points,
}

/// Why the held card stays as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// A draft never replaces another source's submitted card.
    DraftUnderSubmitted,
    /// Two sources' drafts: the held one stays until either is submitted.
    TwoDrafts,
    /// Both submitted with the same scores; only comments differ.
    SameScores,
}

/// What a card from a bundle does to the card held here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Merge {
    /// The source sent this card as it did before: nothing new.
    Unchanged,
    /// The store already holds exactly this card.
    Same,
    /// The incoming card is the first, supersedes its own source's older one,
    /// or is submitted where another source has only a draft.
    Take,
    Keep(Kept),
    /// Both submitted with different scores: the held card stays and each
    /// difference waits for the secretary.
    Conflict(Vec<Difference>),
}

/// What `incoming`, sent by `from`, does to what the store holds. Two
/// different submitted values from two sources are never settled silently.
pub fn merge(incoming: &Card, from: &Source, held: Held) -> Merge {
    let new = CardState::of(incoming);
    if held.last == Some(&new) {
        return Merge::Unchanged;
    }
    let Some(card) = held.card else {
        return Merge::Take;
    };
    let cur = CardState::of(card);
    if cur == new {
        return Merge::Same;
    }
    if held.owner() == *from {
        return Merge::Take;
    }
    match (cur.is_submitted(), new.is_submitted()) {
        (false, true) => Merge::Take,
        (true, false) => Merge::Keep(Kept::DraftUnderSubmitted),
        (false, false) => Merge::Keep(Kept::TwoDrafts),
        (true, true) => {
            let diffs = differences(&cur, &new);
            if diffs.is_empty() {
                Merge::Keep(Kept::SameScores)
            } else {
                Merge::Conflict(diffs)
            }
        }
    }
}

fn differences(held: &CardState, incoming: &CardState) -> Vec<Difference> {
    held.scores
        .iter()
        .filter_map(|(item, &h)| {
            let &i = incoming.scores.get(item)?;
            (h != i).then(|| Difference {
                item: item.to_string(),
                held: h,
                incoming: i,
            })
        })
        .collect()
}

/// Why a bundle's key is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAccepted {
    /// The round file pins this fingerprint for the expert.
    Pinned,
    /// The secretary confirmed it on an earlier import.
    Trusted,
    /// The secretary confirms it with this import (trust on first use).
    Confirmed,
}

/// Whether a bundle signed with the key `found` may speak for `expert`: a
/// fingerprint pinned in the round decides alone; otherwise one trusted
/// before, or confirmed now by the secretary.
pub fn accept_key(
    round: &Round,
    expert: &str,
    found: &str,
    trusted: &[String],
    confirmed: Option<&str>,
) -> Result<KeyAccepted, MergeRefusal> {
    let pinned = round.expert(expert).and_then(|e| e.key.as_deref());
    if let Some(p) = pinned {
        return if keyprint::same(p, found) {
            Ok(KeyAccepted::Pinned)
        } else {
            Err(MergeRefusal::PinnedMismatch {
                round: round.id.clone(),
                expert: expert.to_string(),
                pinned: keyprint::normalise(p).unwrap_or_else(|| p.to_string()),
                found: found.to_string(),
            })
        };
    }
    if trusted.iter().any(|t| keyprint::same(t, found)) {
        return Ok(KeyAccepted::Trusted);
    }
    match confirmed {
        Some(c) if keyprint::same(c, found) => Ok(KeyAccepted::Confirmed),
        Some(c) => Err(MergeRefusal::ConfirmedOther {
            expert: expert.to_string(),
            confirmed: keyprint::normalise(c).unwrap_or_else(|| c.to_string()),
            found: found.to_string(),
        }),
        None => Err(MergeRefusal::UnknownKey {
            round: round.id.clone(),
            expert: expert.to_string(),
            found: found.to_string(),
        }),
    }
}

/// What every card of a bundle must be: the bundle's expert, in their stage,
/// for a dossier of the round, with values the sheet allows, and complete
/// when submitted.
pub fn check_incoming(
    round: &Round,
    sheet: &Sheet,
    dossiers: &[String],
    expert: &str,
    card: &Card,
) -> Result<(), MergeRefusal> {
    let bad = |why: CardFault| MergeRefusal::BadCard {
        dossier: card.dossier.clone(),
        why: Box::new(why),
    };
    let stage: Stage = stage_of(round, expert).map_err(|e| bad(e.into()))?;
    if card.round != round.id || card.expert != expert || card.stage != stage {
        return Err(bad(CardFault::NotTheirs {
            round: card.round.clone(),
            stage: card.stage.key(),
            expert: card.expert.clone(),
            bundle_expert: expert.to_string(),
            bundle_round: round.id.clone(),
        }));
    }
    if !dossiers.contains(&card.dossier) {
        return Err(bad(CardFault::NoSuchDossier {
            round: round.id.clone(),
        }));
    }
    for (item, &v) in &card.scores {
        sheet
            .check_value(item, v)
            .map_err(|e| bad(Refusal::from(e).into()))?;
    }
    let entries = sheet.entry_ids();
    if let Some(item) = card
        .comments
        .keys()
        .find(|k| !entries.contains(&k.as_str()))
    {
        return Err(bad(CardFault::CommentOffSheet { item: item.clone() }));
    }
    if card.is_submitted() {
        let gaps = card.gaps(sheet);
        if !gaps.is_empty() {
            let mut missing = gaps.missing;
            missing.extend(gaps.comments);
            return Err(bad(CardFault::SubmittedIncomplete { missing }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
