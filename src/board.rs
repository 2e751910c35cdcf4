//! The secretary's board: every card, recusal and decision of a round, read
//! from the store once, and the ranking of a stage computed from it. The
//! command line and the terminal UI rank through this one place.

use crate::domain::agency::AgencyKeep;
use crate::domain::aggregate::Recusals;
use crate::domain::alternates::Alternate;
use crate::domain::card::Card;
use crate::domain::decision::Decision;
use crate::domain::dossier::Dossier;
use crate::domain::excuse::Excuse;
use crate::domain::rank::{Inputs, RankError, rank};
use crate::domain::ranking::Ranking;
use crate::domain::register::Centre;
use crate::domain::round::{Round, Stage};
use crate::domain::sheet::Sheet;
use crate::error::{CommandError, Error};
use crate::store::{Store, StoreError, StoredRound};

/// A stored round, its board, and the ranking of one stage.
pub struct Ranked {
    pub round: StoredRound,
    pub board: Board,
    pub ranking: Ranking,
}

/// Reads a round and its board from the store and ranks one stage.
pub fn ranked(store: &Store, round: &str, stage: Stage) -> Result<Ranked, Error> {
    let r = store.round(round)?;
    let board = Board::load(store, round)?;
    Ranked::of(r, board, stage)
}

impl Ranked {
    /// Ranks one stage of a round already read, with no store open: a
    /// command reads everything first and lets the store go, so that a
    /// large round's ranking is made beside its cards, not beside the
    /// store's cache of them too.
    pub fn of(round: StoredRound, board: Board, stage: Stage) -> Result<Ranked, Error> {
        let ranking = board
            .rank(
                &round.round,
                &round.sheet,
                round.eligibility.as_ref(),
                &round.dossiers,
                stage,
            )
            .map_err(|error| CommandError::Rank {
                round: round.round.id.clone(),
                error,
            })?;
        Ok(Ranked {
            round,
            board,
            ranking,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Board {
    pub cards: Vec<Card>,
    /// (expert, dossier) pairs, from the round file and declared.
    pub recusals: Vec<(String, String)>,
    pub decisions: Vec<Decision>,
    /// Experts excused from a dossier or the whole round.
    pub excuses: Vec<Excuse>,
    /// The register of centres: formal review of a recognition round refuses
    /// centres that hold their title or are barred, and their affiliates.
    pub centres: Vec<Centre>,
    /// The secretary's choices of the dossiers that keep a service agency.
    pub agency: Vec<AgencyKeep>,
    /// The alternates of the earlier round the round names.
    pub earlier: Vec<Alternate>,
}

impl Board {
    pub fn load(store: &Store, round: &str) -> Result<Board, StoreError> {
        let cards = store.cards_by_panel(round)?;
        let recusals = store
            .recusals(round)?
            .into_iter()
            .map(|r| (r.expert, r.dossier))
            .collect();
        let decisions = store.decisions(round)?;
        let excuses = store.excuses(round)?;
        let centres = store.centres()?;
        let agency = store.agency_keeps(round)?;
        let earlier = match store.alternates_from(round)? {
            Some(from) => store
                .alternates()?
                .into_iter()
                .filter(|a| a.round == from)
                .collect(),
            None => Vec::new(),
        };
        Ok(Board {
            cards,
            recusals,
            decisions,
            excuses,
            centres,
            agency,
            earlier,
        })
    }

    /// The ranking of one stage of the round.
    pub fn rank(
        &self,
        round: &Round,
        sheet: &Sheet,
        eligibility: Option<&Sheet>,
        dossiers: &[Dossier],
        stage: Stage,
    ) -> Result<Ranking, RankError> {
        let recusals = Recusals::new(self.recusals.iter().map(|(e, d)| (e.as_str(), d.as_str())));
        let inputs = Inputs {
            round,
            sheet,
            eligibility,
            dossiers,
            cards: &self.cards,
            recusals: &recusals,
            decisions: &self.decisions,
            excuses: &self.excuses,
            register: &self.centres,
            agency: &self.agency,
            earlier: &self.earlier,
        };
        rank(&inputs, stage)
    }
}
