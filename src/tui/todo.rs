//! What each scorer still owes in a stage, as the secretary's completeness
//! tab lists it: one heading per scorer, then each card not yet submitted,
//! drafts told apart from cards not started. The cards owed are the
//! ranking's own (`Pending::Card`), so this tab and `rank --final` never
//! disagree: recused and excused cards, dossiers failing formal review or off
//! the shortlist, and (in the preliminary stage) dossiers another scorer took
//! are not owed.

use crate::domain::card::Status as CardStatus;
use crate::domain::excuse::Excuse;
use crate::domain::ranking::{Pending, Ranking, Status};

use super::app::{Office, RoundData};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Todo {
    Scorer {
        id: String,
        name: String,
        submitted: usize,
        owed: usize,
        /// Recorded as absent from the whole round.
        excused: bool,
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

/// The dossiers of a ranking that need the scorers' cards.
pub fn needing_cards(r: &Ranking) -> Vec<&str> {
    r.entries
        .iter()
        .filter(|e| !matches!(e.status, Status::Ineligible | Status::NotShortlisted))
        .map(|e| e.dossier.as_str())
        .collect()
}

/// Whether `expert` is recorded as absent from the whole round.
fn absent(excuses: &[Excuse], expert: &str) -> bool {
    excuses
        .iter()
        .any(|x| x.expert == expert && x.dossier.is_none())
}

/// Every scorer of the stage with what they still owe, in panel order.
pub fn rows(d: &RoundData, o: &Office) -> Vec<Todo> {
    let Ok(r) = &o.ranking else {
        return Vec::new();
    };
    let needed = needing_cards(r);
    let items = d.sheet.entry_ids().len();
    let mut out = Vec::new();
    for e in d.round.scorers(o.stage) {
        let submitted = o
            .board
            .cards
            .iter()
            .filter(|c| {
                c.expert == e.id
                    && c.stage == o.stage
                    && c.status == CardStatus::Submitted
                    && needed.contains(&c.dossier.as_str())
            })
            .count();
        let owed: Vec<Todo> =
            r.pending
                .iter()
                .filter_map(|p| match p {
                    Pending::Card {
                        expert,
                        dossier,
                        draft,
                    } if *expert == e.id => Some((dossier, *draft)),
                    _ => None,
                })
                .map(|(dossier, draft)| {
                    let card =
                        o.board.cards.iter().find(|c| {
                            c.expert == e.id && &c.dossier == dossier && c.stage == o.stage
                        });
                    let state = match card {
                        Some(c) if draft => Owed::Draft {
                            scored: c.scores.len(),
                            items,
                        },
                        _ => Owed::NotStarted,
                    };
                    Todo::Card {
                        expert: e.id.clone(),
                        dossier: dossier.clone(),
                        state,
                    }
                })
                .collect();
        out.push(Todo::Scorer {
            id: e.id.clone(),
            name: e.name.clone(),
            submitted,
            owed: submitted + owed.len(),
            excused: absent(&o.board.excuses, &e.id),
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
