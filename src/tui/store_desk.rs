//! The UI's view of the store: the [`Desk`] calls mapped onto the store's API,
//! errors turned into the sentences the store gives.

use crate::domain::Points;
use crate::domain::card::Card;
use crate::store::{CardRef, Store};

use super::app::{RoundData, RoundSummary};
use std::path::Path;

use super::desk::{Board, Desk, Imported, Own};
use crate::bundle::{self, BundleError, Trust};
use crate::domain::decision::Decision;
use crate::domain::merge::MergeRefusal;
use crate::domain::register::Centre;
use crate::store::StoreError;

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

    fn key_fingerprint(&mut self) -> Option<String> {
        Store::key_fingerprint(self).ok().flatten()
    }

    fn export_bundle(
        &mut self,
        round: &str,
        scorer: &str,
        dir: &str,
    ) -> Result<(String, String), String> {
        let e = bundle::export(self, round, scorer).map_err(|e| e.to_string())?;
        let file = Path::new(dir).join(format!("{round}-{scorer}-{}.bundle", e.sequence));
        crate::out::write_out(&file, &e.bytes).map_err(|e| e.to_string())?;
        Ok((file.display().to_string(), e.fingerprint))
    }

    fn import_bundles(
        &mut self,
        path: &str,
        trust: &[(String, String)],
    ) -> Result<Vec<Imported>, String> {
        let path = Path::new(path);
        let files = if path.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "bundle"))
                .collect();
            v.sort();
            v
        } else {
            vec![path.to_path_buf()]
        };
        let confirmed = trust
            .iter()
            .fold(Trust::by("secretary"), |t, (e, fp)| t.confirm(e, fp));
        let lang = crate::lang::Lang::Zh;
        let mut out = Vec::new();
        for f in files {
            let file = f.display().to_string();
            let line = match std::fs::read(&f) {
                Err(e) => Imported {
                    file,
                    said: e.to_string(),
                    refused: true,
                    unknown_key: None,
                },
                Ok(bytes) => match bundle::import(self, &bytes, &confirmed) {
                    Ok(r) => Imported {
                        file,
                        said: bundle::summary(&r, lang),
                        refused: false,
                        unknown_key: None,
                    },
                    Err(e) => {
                        let unknown_key =
                            match &e {
                                BundleError::Store(StoreError::Merge(
                                    MergeRefusal::UnknownKey { expert, found, .. },
                                )) => Some((expert.clone(), found.clone())),
                                _ => None,
                            };
                        Imported {
                            file,
                            said: e.to_string(),
                            refused: true,
                            unknown_key,
                        }
                    }
                },
            };
            out.push(line);
        }
        Ok(out)
    }
}
