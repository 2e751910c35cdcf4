//! What replaying a history can find: a stored card or centre that its
//! audit entries do not rebuild, or an entry that cannot be replayed. The
//! store's audit and a bundle's check both report these.

use super::round::Stage;

/// Whose history is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Told {
    /// An expert's card for a dossier, in one stage.
    Card {
        stage: Stage,
        expert: String,
        dossier: String,
    },
    /// A centre of the register, by credit code.
    Centre { code: String },
}

/// Where a history and what it should rebuild part ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplayFault {
    /// An entry about one item names none.
    NoItem { seq: u64 },
    /// An entry's score is not a number of points.
    NotPoints { seq: u64, value: String },
    /// An import entry carries no card.
    NoCard { seq: u64 },
    /// An import entry's card does not read.
    CardUnread { seq: u64 },
    /// An import entry's card gives an item a score that is not points.
    CardScore {
        seq: u64,
        item: String,
        value: String,
    },
    /// A register entry names no event.
    NoEvent { seq: u64 },
    /// Something stored that no entry tells of.
    NoHistory { told: Told },
    /// A card stored twice.
    Twice { told: Told },
    /// A card whose scores are not those its history gives (each list as
    /// `item=score`, by item).
    Scores {
        told: Told,
        held: String,
        history: String,
    },
    /// A card whose comments are not those its history gives.
    Comments { told: Told },
    /// A card whose status (submitted or not) its history does not give.
    Status { told: Told },
    /// A centre whose records are not those its history gives.
    Records { told: Told },
    /// Something its history tells of that is not stored.
    NotStored { told: Told },
}
