//! From a round's cards to its ranking: which rule each round kind and stage
//! applies. What the rules share lives in `stage_board`.

use super::outcome::OutcomeError;
use super::ranking::Ranking;
use super::round::{RoundKind, Stage};
use super::{assessment, selection, shortlist};

pub use super::stage_board::Inputs;
use super::stage_board::{Policy, agencies};

/// Why a ranking cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RankError {
    #[error("this round has no {0} stage; only recognition rounds have a preliminary stage")]
    NoSuchStage(&'static str),
    #[error(transparent)]
    Outcome(#[from] OutcomeError),
}

/// The ranking of one stage of the round, by the rules of its kind: the
/// shortlist or selection of a recognition round, the pass line of an annual
/// assessment, or the acceptance rule over indicators.
pub fn rank(inputs: &Inputs, stage: Stage) -> Result<Ranking, RankError> {
    let policy = Policy::of(inputs.round, inputs.sheet);
    let mut ranking = match (inputs.round.kind, stage) {
        (RoundKind::Recognition, Stage::Preliminary) => shortlist::shortlist(inputs, &policy),
        (RoundKind::Recognition, Stage::Expert) => selection::select(inputs, &policy),
        (RoundKind::Annual { year }, Stage::Expert) => assessment::annual(inputs, year)?,
        (RoundKind::Acceptance, Stage::Expert) => assessment::acceptance(inputs)?,
        (_, s) => return Err(RankError::NoSuchStage(s.key())),
    };
    // Formal review is not settled while an agency's dossiers wait for a choice.
    ranking.pending.extend(agencies(inputs).pending());
    Ok(ranking)
}
