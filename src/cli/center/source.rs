//! A round's expert-stage ranking, as the register reads it: the selection of
//! a recognition round, or a centre's score in an annual round.

use crate::domain::ranking::{Boundary, Pending, Ranking};
use crate::domain::round::Stage;
use crate::error::Error;
use crate::store::{Store, StoredRound};

/// The round and its expert-stage ranking, with the register's bars applied.
pub fn ranking(store: &Store, round: &str) -> Result<(StoredRound, Ranking), Error> {
    let x = crate::board::ranked(store, round, Stage::Expert)?;
    Ok((x.round, x.ranking))
}

/// What keeps a ranking from being final, in words.
pub fn pending_words(r: &Ranking) -> String {
    r.pending
        .iter()
        .map(|p| match p {
            Pending::Tie {
                dossiers,
                boundary: Boundary::Cap { cap },
            } => format!(
                "{} are level across the cap of {cap} and await the secretary's decision",
                dossiers.join(", ")
            ),
            Pending::Tie { dossiers, .. } => {
                format!("{} are level and await a decision", dossiers.join(", "))
            }
            Pending::Unscored { dossier } => {
                format!("dossier {dossier} has no complete panel score yet")
            }
            Pending::Shortlist => "the preliminary shortlist is not final".to_string(),
            Pending::Card {
                expert,
                dossier,
                draft: true,
            } => format!("the card of expert {expert} for dossier {dossier} is a draft"),
            Pending::Card {
                expert, dossier, ..
            } => format!("expert {expert} has no card for dossier {dossier}"),
            Pending::Agency {
                credit_code,
                limit,
                dossiers,
                ..
            } => format!(
                "service agency {credit_code} serves {} ({}), more than {limit}: the dossiers that keep it are not chosen",
                dossiers.len(),
                dossiers.join(", ")
            ),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
