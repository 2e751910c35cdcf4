//! Why a bundle is refused whole, or a conflict cannot be resolved, as a sentence.

use crate::domain::Points;
use crate::domain::replay::ReplayFault;
use crate::domain::scoring::Refusal;
use crate::lang::Say;

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
        what: Differs,
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
        "refused: expert {expert}'s key {found} is not yet trusted in round {round}; check that fingerprint with the expert in person before trusting it"
    )]
    UnknownKey {
        round: String,
        expert: String,
        found: String,
    },
    #[error(
        "refused: the bundle of expert {expert} is signed with key {found}, not with the key {confirmed} confirmed for that expert"
    )]
    ConfirmedOther {
        expert: String,
        confirmed: String,
        found: String,
    },
    #[error("refused: the bundle's card for dossier {dossier} is not valid: {why}")]
    BadCard {
        dossier: String,
        why: Box<CardFault>,
    },
    #[error("refused: the bundle's cards do not match its own audit entries: {0}")]
    History(HistoryFault),
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
    #[error("resolving a score conflict needs a reason")]
    NoReason,
}

/// How a bundle's round differs from the store's.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Differs {
    /// Another sheet: id, version and short fingerprint, theirs and ours.
    #[error(
        "sheet {} version {} (fingerprint {}) in the bundle, {} version {} (fingerprint {}) here",
        .theirs[0], .theirs[1], .theirs[2], .ours[0], .ours[1], .ours[2]
    )]
    Sheet {
        theirs: Box<[String; 3]>,
        ours: Box<[String; 3]>,
    },
    #[error("the same sheet, but the round file, a sheet or a dossier differs")]
    Files,
}

/// What is wrong with one card (or recusal) of a bundle.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CardFault {
    /// The card breaks a rule of scoring (panel, dossier, value).
    #[error("{0}")]
    Refused(Box<Refusal>),
    #[error(
        "it is the card of {round} / {stage} / {expert}, not of expert {bundle_expert} in round {bundle_round}"
    )]
    NotTheirs {
        round: String,
        stage: &'static str,
        expert: String,
        bundle_expert: String,
        bundle_round: String,
    },
    #[error("round {round} has no such dossier")]
    NoSuchDossier { round: String },
    #[error("it comments on item '{item}', which is not on the sheet")]
    CommentOffSheet { item: String },
    #[error("it is marked submitted but incomplete: {}", .missing.join(", "))]
    SubmittedIncomplete { missing: Vec<String> },
    #[error("the bundle holds two cards for it")]
    TwoCards,
    #[error("its recusal names expert {expert} and a dossier of round {round}")]
    OtherRecusal { expert: String, round: String },
}

/// How a bundle's audit entries fail to account for its cards.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HistoryFault {
    #[error("entry {seq} does not match its own hash")]
    EntryHash { seq: u64 },
    #[error("{}", .0.en())]
    Replay(Box<ReplayFault>),
}

impl From<Refusal> for CardFault {
    fn from(r: Refusal) -> CardFault {
        CardFault::Refused(Box::new(r))
    }
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
