//! The UI's view of the store: the [`Desk`] calls mapped onto the store's API,
//! errors turned into the sentences the store gives.

use crate::domain::Points;
use crate::domain::card::Card;
use crate::store::{CardRef, Store};

use super::app::{RoundData, RoundSummary};
use super::desk::{Board, Desk, Own};
use crate::domain::decision::Decision;
use crate::domain::register::Centre;

impl Desk for Store {
    fn rounds(&mut self) -> Result<Vec<RoundSummary>, String> {
        let list = Store::rounds(self).map_err(|e| e.to_string())?;
        Ok(list
            .into_iter()
            .map(|r| RoundSummary {
                id: r.id,
                title: r.title,
            })
            .collect())
    }

    fn open_round(&mut self, round: &str) -> Result<RoundData, String> {
        let r = self.round(round).map_err(|e| e.to_string())?;
        Ok(RoundData {
            round: r.round,
            sheet: r.sheet,
            eligibility: r.eligibility,
            dossiers: r.dossiers,
        })
    }

    fn desk(&mut self, round: &str, scorer: &str) -> Result<Own, String> {
        let cards = self
            .expert_cards(round, scorer)
            .map_err(|e| e.to_string())?;
        let recused = self
            .recusals(round)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|r| r.expert == scorer)
            .map(|r| (r.dossier, r.reason))
            .collect();
        Ok((cards, recused))
    }

    fn save_score(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        value: Points,
    ) -> Result<Card, String> {
        let c = CardRef {
            round,
            expert: scorer,
            dossier,
        };
        self.set_score(c, item, value, None)
            .map_err(|e| e.to_string())
    }

    fn save_comment(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        text: &str,
    ) -> Result<Card, String> {
        let c = CardRef {
            round,
            expert: scorer,
            dossier,
        };
        self.set_comment(c, item, text).map_err(|e| e.to_string())
    }

    fn submit(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Card, String> {
        Store::submit(
            self,
            CardRef {
                round,
                expert: scorer,
                dossier,
            },
        )
        .map_err(|e| e.to_string())
    }

    fn recuse(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        reason: &str,
    ) -> Result<(), String> {
        self.declare_conflict(round, scorer, dossier, reason)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn peers(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Vec<Card>, String> {
        self.peer_cards(CardRef {
            round,
            expert: scorer,
            dossier,
        })
        .map_err(|e| e.to_string())
    }

    fn board(&mut self, round: &str) -> Result<Board, String> {
        Board::load(self, round).map_err(|e| e.to_string())
    }

    fn decide(&mut self, decision: Decision) -> Result<(), String> {
        self.record_decision(&decision).map_err(|e| e.to_string())
    }

    fn centres(&mut self) -> Result<Vec<Centre>, String> {
        Store::centres(self).map_err(|e| e.to_string())
    }
}
