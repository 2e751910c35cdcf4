//! The UI's view of the store: the [`Desk`] calls mapped onto the store's API,
//! errors turned into the sentences the store gives.

use crate::attachments::shelf::{self, Document};
use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::pin::{Gate, Pin};
use crate::store::{CardRef, Store};
use chrono::{DateTime, Utc};

use super::app::{RoundData, RoundSummary};
use std::path::Path;

use super::desk::{Board, Desk, DeskError, Imported, Own, Said};
use crate::bundle::{self, BundleError, Trust};
use crate::domain::decision::Decision;
use crate::domain::excuse::Excuse;
use crate::domain::merge::{MergeRefusal, ScoreConflict};
use crate::domain::register::Centre;
use crate::lang::{Lang, Say};
use crate::store::StoreError;

impl Desk for Store {
    fn documents(
        &mut self,
        round: &str,
        dossier: &str,
        listed: &[(String, String)],
    ) -> Result<Vec<Document>, DeskError> {
        Ok(shelf::list(self.dir(), round, dossier, listed))
    }

    fn open_document(
        &mut self,
        round: &str,
        dossier: &str,
        name: &str,
        sha256: &str,
    ) -> Result<String, DeskError> {
        shelf::open(self.dir(), round, dossier, name, sha256)
            .map(|p| p.display().to_string())
            .map_err(DeskError::Document)
    }

    fn rounds(&mut self) -> Result<Vec<RoundSummary>, DeskError> {
        let list = Store::rounds(self)?;
        Ok(list
            .into_iter()
            .map(|r| RoundSummary {
                id: r.id,
                title: r.title,
            })
            .collect())
    }

    fn open_round(&mut self, round: &str) -> Result<RoundData, DeskError> {
        let r = self.round(round)?;
        Ok(RoundData {
            round: r.round,
            sheet: r.sheet,
            eligibility: r.eligibility,
            dossiers: r.dossiers,
        })
    }

    fn gate(&mut self, round: &str, scorer: &str, now: DateTime<Utc>) -> Result<Gate, DeskError> {
        Ok(self.pin_gate(round, scorer, now)?)
    }

    fn desk(
        &mut self,
        round: &str,
        scorer: &str,
        pin: Option<&Pin>,
        now: DateTime<Utc>,
    ) -> Result<Own, DeskError> {
        self.check_pin(round, scorer, pin, now)?;
        let cards = self.expert_cards(round, scorer)?;
        let recused = self
            .recusals(round)?
            .into_iter()
            .filter(|r| r.expert == scorer)
            .map(|r| (r.dossier, r.reason))
            .collect();
        Ok((cards, recused))
    }

    fn set_pin(
        &mut self,
        round: &str,
        scorer: &str,
        pin: &Pin,
        now: DateTime<Utc>,
    ) -> Result<(), DeskError> {
        Ok(Store::set_pin(self, round, scorer, pin, now)?)
    }

    fn save_score(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        value: Points,
    ) -> Result<Card, DeskError> {
        let c = CardRef {
            round,
            expert: scorer,
            dossier,
        };
        Ok(self.set_score(c, item, value, None)?)
    }

    fn save_comment(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        item: &str,
        text: &str,
    ) -> Result<Card, DeskError> {
        let c = CardRef {
            round,
            expert: scorer,
            dossier,
        };
        Ok(self.set_comment(c, item, text)?)
    }

    fn submit(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Card, DeskError> {
        Ok(Store::submit(
            self,
            CardRef {
                round,
                expert: scorer,
                dossier,
            },
        )?)
    }

    fn recuse(
        &mut self,
        round: &str,
        scorer: &str,
        dossier: &str,
        reason: &str,
    ) -> Result<(), DeskError> {
        self.declare_conflict(round, scorer, dossier, reason)?;
        Ok(())
    }

    fn peers(&mut self, round: &str, scorer: &str, dossier: &str) -> Result<Vec<Card>, DeskError> {
        Ok(self.peer_cards(CardRef {
            round,
            expert: scorer,
            dossier,
        })?)
    }

    fn board(&mut self, round: &str) -> Result<Board, DeskError> {
        Ok(Board::load(self, round)?)
    }

    fn open_conflicts(&mut self, round: &str) -> Result<Vec<ScoreConflict>, DeskError> {
        Ok(self.open_score_conflicts(round)?)
    }

    fn decide(&mut self, decision: Decision) -> Result<(), DeskError> {
        Ok(self.record_decision(&decision)?)
    }

    fn excuse(&mut self, excuse: Excuse) -> Result<(), DeskError> {
        Ok(self.record_excuse(&excuse)?)
    }

    fn centres(&mut self) -> Result<Vec<Centre>, DeskError> {
        Ok(Store::centres(self)?)
    }

    fn key_fingerprint(&mut self) -> Option<String> {
        Store::key_fingerprint(self).ok().flatten()
    }

    fn propose_export(&mut self, round: &str, scorer: &str) -> Result<String, DeskError> {
        let e = bundle::export(self, round, scorer)?;
        let dir = removable_drive().unwrap_or_else(|| {
            std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."))
        });
        let file = dir.join(format!("{round}-{scorer}-{}.bundle", e.sequence));
        Ok(file.display().to_string())
    }

    fn export_bundle(
        &mut self,
        round: &str,
        scorer: &str,
        path: &str,
    ) -> Result<(String, String), DeskError> {
        let e = bundle::export(self, round, scorer)?;
        let path = Path::new(path);
        let file = if path.is_dir() {
            path.join(format!("{round}-{scorer}-{}.bundle", e.sequence))
        } else {
            path.to_path_buf()
        };
        crate::out::write_out(&file, &e.bytes).map_err(DeskError::Written)?;
        Ok((file.display().to_string(), e.fingerprint))
    }

    fn import_bundles(
        &mut self,
        path: &str,
        trust: &[(String, String)],
    ) -> Result<Vec<Imported>, DeskError> {
        let path = Path::new(path);
        let files = if path.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(path)
                .map_err(|source| DeskError::File {
                    path: path.display().to_string(),
                    source,
                })?
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
        let mut out = Vec::new();
        for f in files {
            let file = f.display().to_string();
            let line = match std::fs::read(&f) {
                Err(source) => Imported {
                    said: said(&DeskError::File {
                        path: file.clone(),
                        source,
                    }),
                    file,
                    refused: true,
                    unknown_key: None,
                },
                Ok(bytes) => match bundle::import(self, &bytes, &confirmed) {
                    Ok(r) => Imported {
                        file,
                        said: Said {
                            zh: bundle::summary(&r, Lang::Zh),
                            en: bundle::summary(&r, Lang::En),
                        },
                        refused: false,
                        unknown_key: None,
                    },
                    Err(e) => {
                        let unknown_key =
                            match &e {
                                BundleError::Store(StoreError::Merge(
                                    MergeRefusal::UnknownKey { expert, found, .. },
                                )) => Some(super::desk::NewKey {
                                    expert: expert.clone(),
                                    fingerprint: found.clone(),
                                    full: bundle::open(&bytes)
                                        .ok()
                                        .map(|o| bundle::key::full_fingerprint(&o.public)),
                                }),
                                _ => None,
                            };
                        Imported {
                            file,
                            said: said(&DeskError::from(e)),
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

/// The first removable drive mounted for this user (`/media/USER/…` or
/// `/run/media/USER/…`), where a USB stick appears on a desktop.
fn removable_drive() -> Option<std::path::PathBuf> {
    let user = std::env::var("USER").ok()?;
    ["/media", "/run/media"].iter().find_map(|root| {
        let mut found: Vec<_> = std::fs::read_dir(Path::new(root).join(&user))
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        found.into_iter().next()
    })
}

/// A refusal in both languages, for the import's report.
fn said(e: &DeskError) -> Said {
    Said {
        zh: e.zh(),
        en: e.en(),
    }
}
