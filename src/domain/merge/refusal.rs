//! Why a bundle is refused whole, or a conflict cannot be resolved, as a sentence.

use crate::domain::Points;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeRefusal {
    #[error(
        "refused: the bundle is for round {round}, which this store does not hold (rounds: {known})"
    )]
    OtherRound { round: String, known: String },
    #[error(
        "refused: the bundle was scored on another version of round {round}'s files ({what}); bundle fingerprint {theirs}, this store {ours}"
    )]
    OtherVersion {
        round: String,
        what: String,
        theirs: String,
        ours: String,
    },
    #[error("refused: expert '{expert}' is not on the panel of round {round}")]
    NotOnPanel { round: String, expert: String },
    #[error(
        "refused: the bundle of expert {expert} is signed with key {found}, but round {round} pins key {pinned} for that expert"
    )]
    PinnedMismatch {
        round: String,
        expert: String,
        pinned: String,
        found: String,
    },
    #[error(
        "refused: expert {expert}'s key {found} is not yet trusted in round {round}; check that fingerprint with the expert (pingshen key show on their laptop) and import again with --trust {expert}={found}"
    )]
    UnknownKey {
        round: String,
        expert: String,
        found: String,
    },
    #[error(
        "refused: the bundle of expert {expert} is signed with key {found}, not with the key {confirmed} given with --trust"
    )]
    ConfirmedOther {
        expert: String,
        confirmed: String,
        found: String,
    },
    #[error("refused: the bundle's card for dossier {dossier} is not valid: {why}")]
    BadCard { dossier: String, why: String },
    #[error("refused: the bundle's cards do not match its own audit entries: {0}")]
    History(String),
    #[error(
        "refused: a different bundle with sequence {sequence} from key {key} was already imported; a laptop never reuses a sequence number, so one of the two files is not what that laptop exported"
    )]
    SequenceReused { sequence: u64, key: String },
    #[error("there is no score conflict for expert {expert}, dossier {dossier}, item {item}")]
    NoConflict {
        expert: String,
        dossier: String,
        item: String,
    },
    #[error(
        "the score conflict for expert {expert}, dossier {dossier}, item {item} was already resolved to {value} by {by}"
    )]
    AlreadyResolved {
        expert: String,
        dossier: String,
        item: String,
        value: Points,
        by: String,
    },
    #[error("resolving a score conflict needs a reason; give one with --reason")]
    NoReason,
}

impl MergeRefusal {
    /// True when the request itself is wrong (exit 2); a refused bundle is a refusal (exit 3).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            MergeRefusal::NoConflict { .. } | MergeRefusal::NoReason
        )
    }
}
