//! What can happen to the app: a person's command, or the answer to an effect.

use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::decision::Decision;
use crate::domain::excuse::Excuse;
use crate::domain::pin::{Gate, Pin};

use super::app::{Register, RoundData, RoundSummary};
use super::desk::{Board, Failure, Imported};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    Open,
    Back,
    Quit,
    /// Ctrl+C: asks before the program ends, never ends it silently.
    Interrupt,
    /// `n`/`N`: the next or previous item without a score, or dossier not submitted.
    NextUnscored,
    PrevUnscored,
    /// Scroll the dossier pane, or the selected item's guidance.
    FactsDown,
    FactsUp,
    DetailDown,
    DetailUp,
    Help,
    /// A digit or decimal point typed into the score entry.
    Digit(char),
    Erase,
    Confirm,
    Increment,
    Decrement,
    Submit,
    Comment,
    Recuse,
    CycleFilter,
    StartSearch,
    /// Typing into a text field (comment, reason, search).
    Text(char),
    TextNewline,
    TextBackspace,
    TextLeft,
    TextRight,
    TextUp,
    TextDown,
    TextHome,
    TextEnd,
    TextSave,
    Yes,
    No,
    /// A mouse click at a column and row of the screen.
    Click(u16, u16),
    /// The mouse wheel at a column and row.
    ScrollUp(u16, u16),
    ScrollDown(u16, u16),
    Resize(u16, u16),

    // Answers from the runtime, after it has done an effect.
    RoundsListed(Vec<RoundSummary>),
    RoundOpened(Box<RoundData>),
    /// What stands between the person and a scorer's desk: nothing, their
    /// PIN, or a first PIN to set.
    Gate {
        scorer: String,
        gate: Gate,
    },
    /// The scorer's own cards and recusals, loaded.
    DeskLoaded {
        cards: Vec<Card>,
        recused: Vec<(String, String)>,
    },
    /// A card after a durable write (score, comment or submit).
    Saved(Box<Card>),
    Peers(Vec<Card>),
    Recused {
        dossier: String,
        reason: String,
    },
    /// The secretary's board, loaded or reloaded after a decision.
    BoardLoaded(Box<Board>),
    /// Open score conflicts of the round, after the board.
    Conflicts(Vec<crate::domain::merge::ScoreConflict>),
    /// Secretary: go to what stands between the ranking and a final result.
    ShowPending,
    /// Secretary: switch between the preliminary and the expert stage.
    ToggleStage,
    /// Secretary: start a decision on the selected entry's tie.
    Decide,
    /// Secretary: record the selected scorer (or card) of the completeness
    /// tab as absent, with a reason.
    Excuse,
    /// An excuse was recorded: the board as it now stands.
    Excused {
        excuse: Box<Excuse>,
        board: Box<Board>,
    },
    /// Toggle the highlighted dossier in a choice.
    Toggle,
    /// Open the register of centres.
    OpenCentres,
    /// The register, loaded with the day to count from.
    CentresLoaded(Box<Register>),
    /// Expert: write a signed score bundle for the secretary.
    ExportBundle,
    /// Secretary: read score bundles from a USB stick.
    ImportBundles,
    /// Scorer: list the dossier's documents, to open one.
    Documents,
    /// The dossier's documents, each looked at.
    DocumentsListed {
        dossier: String,
        docs: Vec<crate::attachments::shelf::Document>,
    },
    /// The viewer was started on a document.
    DocumentOpened(String),
    /// The file an export would write, for the scorer to accept or change.
    ExportProposed(String),
    Exported {
        file: String,
        fingerprint: String,
    },
    ImportedBundles {
        path: String,
        trust: Vec<(String, String)>,
        lines: Vec<Imported>,
    },
    Failed(Failure),
}

/// What update asks the runtime to do; the runtime answers with an [`Action`].
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    OpenRound(String),
    /// Find out whether the scorer's PIN is asked before their desk opens.
    Gate {
        round: String,
        scorer: String,
    },
    /// Open the scorer's desk: the store checks the PIN first when the
    /// round asks for one.
    LoadDesk {
        round: String,
        scorer: String,
        pin: Option<Pin>,
    },
    /// Set the scorer's first PIN, then open their desk.
    SetPin {
        round: String,
        scorer: String,
        pin: Pin,
    },
    SaveScore {
        dossier: String,
        item: String,
        value: Points,
    },
    SaveComment {
        dossier: String,
        item: String,
        text: String,
    },
    Submit {
        dossier: String,
    },
    Recuse {
        dossier: String,
        reason: String,
    },
    LoadPeers {
        dossier: String,
    },
    LoadBoard {
        round: String,
    },
    LoadConflicts {
        round: String,
    },
    Decide(Box<Decision>),
    Excuse(Box<Excuse>),
    /// Work out where an export would go: a removable drive if one is mounted.
    ProposeExport,
    /// Write the bundle to `path`: a file, or a folder to put the usual name in.
    ExportBundle {
        path: String,
    },
    ImportBundles {
        path: String,
        trust: Vec<(String, String)>,
    },
    LoadCentres,
    /// Look at each listed document (name, SHA-256) of a dossier.
    ListDocuments {
        dossier: String,
        listed: Vec<(String, String)>,
    },
    /// Check a document against its SHA-256 and, if it is the listed one,
    /// start the viewer on it.
    OpenDocument {
        dossier: String,
        name: String,
        sha256: String,
    },
}
