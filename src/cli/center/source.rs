//! A round's expert-stage ranking, as the register reads it: the selection of
//! a recognition round, or a centre's score in an annual round.

use crate::domain::ranking::Ranking;
use crate::domain::round::Stage;
use crate::error::Error;
use crate::store::{Store, StoredRound};

/// The round and its expert-stage ranking, with the register's bars applied.
pub fn ranking(store: &Store, round: &str) -> Result<(StoredRound, Ranking), Error> {
    let x = crate::board::ranked(store, round, Stage::Expert)?;
    Ok((x.round, x.ranking))
}
