//! What each scorer still owes in a stage, as the secretary's completeness
//! tab lists it: one heading per scorer, then each card not yet submitted,
//! drafts told apart from cards not started. Only dossiers that need a card
//! count: not those failing formal review, nor those off the shortlist, nor
//! those the scorer is recused from.

use crate::domain::aggregate::Recusals;
use crate::domain::card::Status as CardStatus;
use crate::domain::ranking::{Ranking, Status};

use super::app::{Office, RoundData};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Todo {
    Scorer {
        id: String,
        name: String,
        submitted: usize,
        owed: usize,
    },
    Card {
        expert: String,
        dossier: String,
        state: Owed,
    },
}

/// A card not yet submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owed {
    /// Some scores saved, not submitted.
    Draft {
        scored: usize,
        items: usize,
    },
    NotStarted,
}

/// The dossiers of a ranking that need every scorer's card.
pub fn needing_cards(r: &Ranking) -> Vec<&str> {
    r.entries
        .iter()
        .filter(|e| !matches!(e.status, Status::Ineligible | Status::NotShortlisted))
        .map(|e| e.dossier.as_str())
        .collect()
}

/// Every scorer of the stage with what they still owe, in panel order.
pub fn rows(d: &RoundData, o: &Office) -> Vec<Todo> {
    let Ok(r) = &o.ranking else {
        return Vec::new();
    };
    let rec = Recusals::new(
        o.board
            .recusals
            .iter()
            .map(|(e, x)| (e.as_str(), x.as_str())),
    );
    let needed = needing_cards(r);
    let items = d.sheet.entry_ids().len();
    let mut out = Vec::new();
    for e in d.round.scorers(o.stage) {
        let assigned: Vec<&str> = needed
            .iter()
            .copied()
            .filter(|x| !rec.contains(&e.id, x))
            .collect();
        let card = |x: &str| {
            o.board
                .cards
                .iter()
                .find(|c| c.expert == e.id && c.dossier == x && c.stage == o.stage)
        };
        let owed: Vec<Todo> = assigned
            .iter()
            .filter_map(|x| {
                let state = match card(x) {
                    Some(c) if c.status == CardStatus::Submitted => return None,
                    Some(c) if !c.scores.is_empty() || !c.comments.is_empty() => Owed::Draft {
                        scored: c.scores.len(),
                        items,
                    },
                    _ => Owed::NotStarted,
                };
                Some(Todo::Card {
                    expert: e.id.clone(),
                    dossier: x.to_string(),
                    state,
                })
            })
            .collect();
        out.push(Todo::Scorer {
            id: e.id.clone(),
            name: e.name.clone(),
            submitted: assigned.len() - owed.len(),
            owed: assigned.len(),
        });
        out.extend(owed);
    }
    out
}

/// How many cards are still owed in all.
pub fn cards_owed(rows: &[Todo]) -> usize {
    rows.iter()
        .filter(|t| matches!(t, Todo::Card { .. }))
        .count()
}
