//! What the terminal UI needs from the store, and the one function that carries
//! out an effect and turns the answer into an action.

use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::decision::Decision;
use crate::domain::register::Centre;

use super::action::{Action, Effect};
use super::app::{App, Register, RoundData, RoundSummary};

/// A scorer's own cards and the dossiers they are recused from, with reasons.
pub type Own = (Vec<Card>, Vec<(String, String)>);

pub use crate::board::Board;

/// What importing one file did, in words; an unknown key is named so that the
/// secretary can confirm it and import again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub file: String,
    pub said: String,
    pub refused: bool,
    /// (expert, fingerprint) of a key seen for the first time.
    pub unknown_key: Option<(String, String)>,
}

/// The store as the UI sees it. Every write returns only once it is durable.
pub trait Desk {
    fn rounds(&mut self) -> Result<Vec<RoundSummary>, String>;
    fn open_round(&mut self, round: &str) -> Result<RoundData, String>;
    /// The scorer's own cards and the dossiers they are recused from (with reasons).
    fn desk(&mut self, round: &str, scorer: &str) -> Result<Own, String>;
    fn save_score(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        value: Points,
    ) -> Result<Card, String>;
    fn save_comment(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        text: &str,
    ) -> Result<Card, String>;
    fn submit(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Card, String>;
    fn recuse(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        reason: &str,
    ) -> Result<(), String>;
    /// Other scorers' submitted cards, given only once the scorer has submitted.
    fn peers(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Vec<Card>, String>;
    fn board(&mut self, round: &str) -> Result<Board, String>;
    /// Records the secretary's decision on a tie, durably and audited.
    fn decide(&mut self, decision: Decision) -> Result<(), String>;
    /// This laptop's signing-key fingerprint, once a key exists.
    fn key_fingerprint(&mut self) -> Option<String>;
    /// Writes the scorer's signed bundle into the folder `dir`: the file and the key's fingerprint.
    fn export_bundle(
        &mut self,
        round: &str,
        scorer: &str,
        dir: &str,
    ) -> Result<(String, String), String>;
    /// Imports a bundle file, or every `.bundle` file of a folder, with the
    /// fingerprints the secretary confirmed (expert, fingerprint).
    fn import_bundles(
        &mut self,
        path: &str,
        trust: &[(String, String)],
    ) -> Result<Vec<Imported>, String>;
    /// Every centre of the register.
    fn centres(&mut self) -> Result<Vec<Centre>, String>;
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
        Effect::LoadDesk { round, scorer } => desk
            .desk(&round, &scorer)
            .map(|(cards, recused)| Action::DeskLoaded { cards, recused }),
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
        Effect::ExportBundle { dir } => desk
            .export_bundle(r, s, &dir)
            .map(|(file, fingerprint)| Action::Exported { file, fingerprint }),
        Effect::ImportBundles { path, trust } => desk
            .import_bundles(&path, &trust)
            .map(|lines| Action::ImportedBundles { path, trust, lines }),
        Effect::LoadBoard { round } => desk.board(&round).map(|b| Action::BoardLoaded(Box::new(b))),
        Effect::LoadCentres => desk.centres().map(|centres| {
            let today = chrono::Local::now().date_naive();
            Action::CentresLoaded(Box::new(Register { centres, today }))
        }),
        Effect::Decide(mut decision) => {
            decision.at = chrono::Utc::now();
            let round = decision.round.clone();
            desk.decide(*decision)
                .and_then(|()| desk.board(&round))
                .map(|b| Action::BoardLoaded(Box::new(b)))
        }
    };
    result.unwrap_or_else(Action::Failed)
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
