//! Rounds in the store: loaded once from their files with sheet, dossiers,
//! panel and settings; reloaded only with identical content once scoring began.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{Action, Event, Subject};
use super::{Result, Store, StoreError, keys};
use crate::domain::dossier::Dossier;
use crate::domain::round::{Round, RoundKind};
use crate::domain::scoring::Recusal;
use crate::domain::sheet::Sheet;
use crate::load::{LoadedRound, Texts};

/// How a round is kept: everything but the dossiers, which have keys of their own.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct RoundRecord {
    pub round: Round,
    pub sheet: Sheet,
    pub eligibility: Option<Sheet>,
    /// Dossier ids in the order of the files.
    pub dossiers: Vec<String>,
    pub fingerprint: String,
    pub loaded: DateTime<Utc>,
}

/// A round as the store hands it out: the round, its sheets and dossiers.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRound {
    pub round: Round,
    pub sheet: Sheet,
    pub eligibility: Option<Sheet>,
    pub dossiers: Vec<Dossier>,
    /// SHA-256 of the round's content as loaded.
    pub fingerprint: String,
    pub loaded: DateTime<Utc>,
}

/// A line of the list of rounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundInfo {
    pub id: String,
    pub title: String,
    pub kind: RoundKind,
    pub dossiers: usize,
    pub loaded: DateTime<Utc>,
}

/// What `init_round` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    Created,
    /// The same content was already loaded; nothing changed.
    Unchanged,
    /// Different content replaced the round before any card existed.
    Replaced,
}

/// SHA-256 over the round's content, as parsed (so layout and comments in the
/// files do not count).
pub fn fingerprint(r: &LoadedRound) -> String {
    crate::fingerprint::of(&(&r.round, &r.sheet, &r.eligibility, &r.dossiers))
}

impl Store {
    /// Loads a validated round. The same content again changes nothing; other
    /// content replaces the round only while it has no cards.
    pub fn init_round(&mut self, loaded: &LoadedRound, by: &str) -> Result<Init> {
        self.ready()?;
        let id = loaded.round.id.as_str();
        let fp = fingerprint(loaded);
        let old = self.get::<RoundRecord>(&keys::round(id))?;
        if old.as_ref().is_some_and(|o| o.fingerprint == fp) {
            self.keep_texts(id, &loaded.texts)?;
            return Ok(Init::Unchanged);
        }
        let cards = self.db.scan_prefix(keys::cards(id, None)).count();
        if old.is_some() && cards > 0 {
            return Err(StoreError::RoundInUse {
                round: id.to_string(),
                cards,
            });
        }
        let mut c = self.change(id)?;
        let record = RoundRecord {
            round: loaded.round.clone(),
            sheet: loaded.sheet.clone(),
            eligibility: loaded.eligibility.clone(),
            dossiers: loaded.dossiers.iter().map(|d| d.id.clone()).collect(),
            fingerprint: fp.clone(),
            loaded: c.at,
        };
        let kept = match &old {
            Some(o) => self.clear_for_replace(&mut c, o, &record)?,
            None => Vec::new(),
        };
        self.put(&mut c, keys::round(id), &record)?;
        self.put(&mut c, keys::texts(id), &loaded.texts)?;
        for d in &loaded.dossiers {
            self.put(&mut c, keys::dossier(id, &d.id), d)?;
        }
        let from_file = loaded.round.conflicts.iter().map(|k| Recusal {
            expert: k.expert.clone(),
            dossier: k.dossier.clone(),
            reason: k.reason.clone(),
            declared: None,
        });
        for r in from_file.chain(kept) {
            self.put(&mut c, keys::recusal(id, &r.expert, &r.dossier), &r)?;
        }
        let (action, was) = match &old {
            Some(o) => (Action::Replace, Some(o.fingerprint.clone())),
            None => (Action::Init, None),
        };
        self.audit(
            &mut c,
            Event::new(by, action, Subject::default()).change(was, Some(fp)),
        )?;
        self.forget_items();
        let applied = self.apply(c);
        // Cards are numbered against the sheet now stored.
        self.forget_items();
        applied?;
        Ok(if old.is_some() {
            Init::Replaced
        } else {
            Init::Created
        })
    }

    /// Keeps the texts of a round loaded before the store kept them, so that
    /// it can be exported as a package; the content is the same, so the round
    /// does not change and nothing is audited.
    fn keep_texts(&mut self, id: &str, texts: &Texts) -> Result<()> {
        if texts.round.is_empty() || self.get::<Texts>(&keys::texts(id))?.is_some() {
            return Ok(());
        }
        let ops = vec![super::journal::Op::Put(
            keys::texts(id),
            self.encode(texts)?,
        )];
        self.commit(ops, &[])
    }

    /// The exact texts the round was loaded from, when the store has them.
    pub fn round_texts(&self, id: &str) -> Result<Option<Texts>> {
        self.round_record(id)?;
        self.get(&keys::texts(id))
    }

    /// Removes what the old files brought; returns the declared recusals that
    /// still name an expert and a dossier of the new content.
    fn clear_for_replace(
        &self,
        c: &mut super::write::Change,
        old: &RoundRecord,
        new: &RoundRecord,
    ) -> Result<Vec<Recusal>> {
        let id = &old.round.id;
        for d in &old.dossiers {
            self.remove(c, keys::dossier(id, d));
        }
        let mut kept = Vec::new();
        for r in self.recusals(id)? {
            self.remove(c, keys::recusal(id, &r.expert, &r.dossier));
            let still = new.round.expert(&r.expert).is_some() && new.dossiers.contains(&r.dossier);
            if r.declared.is_some() && still {
                kept.push(r);
            }
        }
        Ok(kept)
    }

    /// Every round, by id.
    pub fn rounds(&self) -> Result<Vec<RoundInfo>> {
        let records: Vec<RoundRecord> = self.scan(&keys::rounds())?;
        Ok(records
            .into_iter()
            .map(|r| RoundInfo {
                id: r.round.id,
                title: r.round.title,
                kind: r.round.kind,
                dossiers: r.dossiers.len(),
                loaded: r.loaded,
            })
            .collect())
    }

    /// A round with its sheets and dossiers.
    pub fn round(&self, id: &str) -> Result<StoredRound> {
        let r = self.round_record(id)?;
        let mut dossiers = Vec::with_capacity(r.dossiers.len());
        for d in &r.dossiers {
            let found: Option<Dossier> = self.get(&keys::dossier(id, d))?;
            dossiers.push(found.ok_or_else(|| StoreError::Damaged {
                dir: self.dir.clone(),
                detail: super::Cause::MissingDossier {
                    round: id.to_string(),
                    dossier: d.clone(),
                },
            })?);
        }
        Ok(StoredRound {
            round: r.round.clone(),
            sheet: r.sheet.clone(),
            eligibility: r.eligibility.clone(),
            dossiers,
            fingerprint: r.fingerprint.clone(),
            loaded: r.loaded,
        })
    }

    /// A round's stored record, read once and then kept until a round is
    /// loaded or replaced or the state is read again.
    pub(super) fn round_record(&self, id: &str) -> Result<Arc<RoundRecord>> {
        let kept = |s: &Self| {
            s.rounds
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(id)
                .cloned()
        };
        if let Some(r) = kept(self) {
            return Ok(r);
        }
        match self.get::<RoundRecord>(&keys::round(id))? {
            Some(r) => {
                let r = Arc::new(r);
                self.rounds
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(id.to_string(), r.clone());
                Ok(r)
            }
            None => {
                let known: Vec<String> = self.rounds()?.into_iter().map(|r| r.id).collect();
                Err(StoreError::NoSuchRound {
                    round: id.to_string(),
                    known,
                })
            }
        }
    }
}
