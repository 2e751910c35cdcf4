//! What the terminal UI needs from the store, and the one function that carries
//! out an effect and turns the answer into an action.

use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::decision::Decision;
use crate::domain::excuse::Excuse;
use crate::domain::merge::ScoreConflict;
use crate::domain::pin::{Gate, Pin};
use crate::domain::register::Centre;
use chrono::{DateTime, Utc};

use super::action::{Action, Effect};
use super::app::{App, Register, RoundData, RoundSummary};
use crate::attachments::DocumentFault;
use crate::attachments::shelf::{Check, Document};
use crate::bundle::BundleError;
use crate::lang::Say;
use crate::store::StoreError;

/// A scorer's own cards and the dossiers they are recused from, with reasons.
pub type Own = (Vec<Card>, Vec<(String, String)>);

pub use crate::board::Board;

/// Why the store could not do what the UI asked: the store's or the bundles'
/// own error, kept typed up to the screen and rendered there in its language.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// A file that could not be written whole (a bundle on a USB stick).
    #[error(transparent)]
    Written(crate::error::Error),
    /// A document that could not be listed or opened.
    #[error(transparent)]
    Document(DocumentFault),
    /// A file or folder that could not be read or written.
    #[error("{path}: {source}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Say for DeskError {
    fn zh(&self) -> String {
        match self {
            DeskError::Store(e) => e.zh(),
            DeskError::Bundle(e) => e.zh(),
            DeskError::Written(e) => e.zh(),
            DeskError::Document(e) => e.zh(),
            DeskError::File { path, source } => format!("无法读写 {path}：{source}"),
        }
    }

    fn en(&self) -> String {
        match self {
            DeskError::Store(e) => e.en(),
            DeskError::Bundle(e) => e.en(),
            DeskError::Written(e) => e.en(),
            DeskError::Document(e) => e.en(),
            DeskError::File { path, source } => format!("cannot read or write {path}: {source}"),
        }
    }
}

/// A desk error as an action carries it: shared, compared by what it says.
#[derive(Clone, Debug)]
pub struct Failure(pub std::sync::Arc<DeskError>);

impl PartialEq for Failure {
    fn eq(&self, other: &Failure) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl From<DeskError> for Failure {
    fn from(e: DeskError) -> Failure {
        Failure(std::sync::Arc::new(e))
    }
}

impl Say for Failure {
    fn zh(&self) -> String {
        self.0.zh()
    }
    fn en(&self) -> String {
        self.0.en()
    }
}

/// A sentence worked out at the desk in both languages, chosen on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub zh: String,
    pub en: String,
}

impl Say for Said {
    fn zh(&self) -> String {
        self.zh.clone()
    }
    fn en(&self) -> String {
        self.en.clone()
    }
}

/// What importing one file did, in words; an unknown key is named so that the
/// secretary can confirm it and import again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub file: String,
    pub said: Said,
    pub refused: bool,
    /// A key seen for the first time.
    pub unknown_key: Option<NewKey>,
}

/// An expert's key seen for the first time, to be compared in person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewKey {
    pub expert: String,
    /// The fingerprint read aloud (16 digits).
    pub fingerprint: String,
    /// The whole SHA-256 of the key, when the bundle's key line reads.
    pub full: Option<String>,
}

/// The store as the UI sees it. Every write returns only once it is durable.
pub trait Desk {
    fn rounds(&mut self) -> Result<Vec<RoundSummary>, DeskError>;
    fn open_round(&mut self, round: &str) -> Result<RoundData, DeskError>;
    /// What stands between a person and the scorer's desk at `now`: nothing,
    /// their PIN, or a first PIN to set; refused while the scorer is locked.
    fn gate(&mut self, round: &str, scorer: &str, now: DateTime<Utc>) -> Result<Gate, DeskError>;
    /// The scorer's own cards and the dossiers they are recused from (with
    /// reasons), once their PIN is checked when the round asks for one (a
    /// wrong PIN is counted).
    fn desk(
        &mut self,
        round: &str,
        scorer: &str,
        pin: Option<&Pin>,
        now: DateTime<Utc>,
    ) -> Result<Own, DeskError>;
    /// Sets the scorer's first PIN.
    fn set_pin(
        &mut self,
        round: &str,
        scorer: &str,
        pin: &Pin,
        now: DateTime<Utc>,
    ) -> Result<(), DeskError>;
    fn save_score(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        value: Points,
    ) -> Result<Card, DeskError>;
    fn save_comment(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        text: &str,
    ) -> Result<Card, DeskError>;
    fn submit(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Card, DeskError>;
    fn recuse(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        reason: &str,
    ) -> Result<(), DeskError>;
    /// Other scorers' submitted cards, given only once the scorer has submitted.
    fn peers(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Vec<Card>, DeskError>;
    fn board(&mut self, round: &str) -> Result<Board, DeskError>;
    /// Score conflicts from imported bundles not yet resolved: `rank --final`
    /// refuses while any stands in the stage.
    fn open_conflicts(&mut self, round: &str) -> Result<Vec<ScoreConflict>, DeskError>;
    /// Records the secretary's decision on a tie, durably and audited.
    fn decide(&mut self, decision: Decision) -> Result<(), DeskError>;
    /// Records an expert as absent from a dossier or the round.
    fn excuse(&mut self, excuse: Excuse) -> Result<(), DeskError>;
    /// This laptop's signing-key fingerprint, once a key exists.
    fn key_fingerprint(&mut self) -> Option<String>;
    /// Where the scorer's bundle would go: a folder (a removable drive when one
    /// is mounted) and a file named by round, expert and sequence.
    fn propose_export(&mut self, round: &str, scorer: &str) -> Result<String, DeskError>;
    /// Writes the scorer's signed bundle to `path` (a file, or a folder to put
    /// the usual name in): the file written and the key's fingerprint.
    fn export_bundle(
        &mut self,
        round: &str,
        scorer: &str,
        path: &str,
    ) -> Result<(String, String), DeskError>;
    /// Imports a bundle file, or every `.bundle` file of a folder, with the
    /// fingerprints the secretary confirmed (expert, fingerprint).
    fn import_bundles(
        &mut self,
        path: &str,
        trust: &[(String, String)],
    ) -> Result<Vec<Imported>, DeskError>;
    /// Every centre of the register.
    fn centres(&mut self) -> Result<Vec<Centre>, DeskError>;
    /// Each listed document (name, SHA-256) of a dossier: its size, and
    /// whether the file kept for it is the listed one. None kept by default.
    fn documents(
        &mut self,
        _round: &str,
        _dossier: &str,
        listed: &[(String, String)],
    ) -> Result<Vec<Document>, DeskError> {
        Ok(listed
            .iter()
            .map(|(name, _)| Document {
                name: name.clone(),
                size: None,
                check: Check::Missing,
            })
            .collect())
    }
    /// Starts the viewer on a document once its hash is the listed one; the
    /// file opened. None kept by default.
    fn open_document(
        &mut self,
        round: &str,
        dossier: &str,
        name: &str,
        _sha256: &str,
    ) -> Result<String, DeskError> {
        Err(DeskError::Document(DocumentFault::Absent {
            dossier: dossier.to_string(),
            name: name.to_string(),
            folder: std::path::Path::new(round).join(dossier),
        }))
    }
}

/// Carries out one effect against the store and reports back as an action.
pub fn perform(desk: &mut dyn Desk, app: &App, effect: Effect) -> Action {
    let round = app
        .data
        .as_ref()
        .map(|d| d.round.id.clone())
        .unwrap_or_default();
    let scorer = app.scorer.clone().unwrap_or_default();
    let (r, s) = (round.as_str(), scorer.as_str());
    let result = match effect {
        Effect::OpenRound(id) => desk
            .open_round(&id)
            .map(|d| Action::RoundOpened(Box::new(d))),
        Effect::Gate { round, scorer } => desk
            .gate(&round, &scorer, Utc::now())
            .map(|gate| Action::Gate { scorer, gate }),
        Effect::LoadDesk { round, scorer, pin } => desk
            .desk(&round, &scorer, pin.as_ref(), Utc::now())
            .map(|(cards, recused)| Action::DeskLoaded { cards, recused }),
        Effect::SetPin { round, scorer, pin } => {
            let now = Utc::now();
            desk.set_pin(&round, &scorer, &pin, now)
                .and_then(|()| desk.desk(&round, &scorer, Some(&pin), now))
                .map(|(cards, recused)| Action::DeskLoaded { cards, recused })
        }
        Effect::SaveScore {
            dossier,
            item,
            value,
        } => desk
            .save_score(r, s, &dossier, &item, value)
            .map(|c| Action::Saved(Box::new(c))),
        Effect::SaveComment {
            dossier,
            item,
            text,
        } => desk
            .save_comment(r, s, &dossier, &item, &text)
            .map(|c| Action::Saved(Box::new(c))),
        Effect::Submit { dossier } => desk
            .submit(r, s, &dossier)
            .map(|c| Action::Saved(Box::new(c))),
        Effect::Recuse { dossier, reason } => desk
            .recuse(r, s, &dossier, &reason)
            .map(|()| Action::Recused { dossier, reason }),
        Effect::LoadPeers { dossier } => desk.peers(r, s, &dossier).map(Action::Peers),
        Effect::ProposeExport => desk.propose_export(r, s).map(Action::ExportProposed),
        Effect::ExportBundle { path } => desk
            .export_bundle(r, s, &path)
            .map(|(file, fingerprint)| Action::Exported { file, fingerprint }),
        Effect::ImportBundles { path, trust } => desk
            .import_bundles(&path, &trust)
            .map(|lines| Action::ImportedBundles { path, trust, lines }),
        Effect::LoadBoard { round } => desk.board(&round).map(|b| Action::BoardLoaded(Box::new(b))),
        Effect::LoadConflicts { round } => desk.open_conflicts(&round).map(Action::Conflicts),
        Effect::LoadCentres => desk.centres().map(|centres| {
            let today = chrono::Local::now().date_naive();
            Action::CentresLoaded(Box::new(Register { centres, today }))
        }),
        Effect::ListDocuments { dossier, listed } => desk
            .documents(r, &dossier, &listed)
            .map(|docs| Action::DocumentsListed { dossier, docs }),
        Effect::OpenDocument {
            dossier,
            name,
            sha256,
        } => desk
            .open_document(r, &dossier, &name, &sha256)
            .map(|_| Action::DocumentOpened(name)),
        Effect::Decide(mut decision) => {
            decision.at = chrono::Utc::now();
            let round = decision.round.clone();
            desk.decide(*decision)
                .and_then(|()| desk.board(&round))
                .map(|b| Action::BoardLoaded(Box::new(b)))
        }
        Effect::Excuse(mut excuse) => {
            excuse.at = chrono::Utc::now();
            let round = excuse.round.clone();
            desk.excuse((*excuse).clone())
                .and_then(|()| desk.board(&round))
                .map(|b| Action::Excused {
                    excuse,
                    board: Box::new(b),
                })
        }
    };
    result.unwrap_or_else(|e| Action::Failed(e.into()))
}

/// Applies an action and every action its effects lead to, in order.
pub fn dispatch(desk: &mut dyn Desk, app: &mut App, action: Action) {
    let mut queue = std::collections::VecDeque::from([action]);
    while let Some(a) = queue.pop_front() {
        for e in super::update::update(app, a) {
            let answer = perform(desk, app, e);
            queue.push_back(answer);
        }
    }
}
