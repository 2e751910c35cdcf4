//! The store: one folder holding the journal — every change as one record,
//! synced before it is acknowledged, which is also the hash-chained audit log —
//! and a sled database with the current state the journal adds up to (rounds,
//! cards, recusals, decisions, the register). Only this module knows sled.
//! Nothing durable depends on sled: a sled that does not open, or disagrees
//! with the journal, is moved aside and rebuilt from it.

mod agency;
mod alternates;
mod audit;
mod backup;
mod cards;
mod centres;
mod codec;
mod conflicts;
mod decisions;
mod excuses;
mod identity;
mod imports;
mod journal;
mod keys;
mod legacy;
mod mark;
pub mod notice;
mod open;
mod packed;
mod pin_hash;
mod pins;
mod recover;
mod replay;
mod rounds;
mod say;
mod score_conflicts;
mod segment;
mod state;
mod write;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::domain::scoring::Refusal;

pub use audit::{Action, Broken, Entry, Subject, Verified};
pub use backup::{Backup, key_beside, restore};
pub use cards::Edit;
pub use centres::{Enrolment, REGISTER};
pub use identity::KeyRecord;
pub use imports::{Imported, Incoming};
pub use journal::Fault;
pub use notice::{Notice, on_notice};
pub use rounds::{Init, RoundInfo, StoredRound, fingerprint};
pub use say::{AuditFault, BackupFault, Cause, CentreFault, EarlierFault};
pub use segment::{SegmentDamage, SegmentRead, read_segment};

/// The version of the stored values' layout; a store with a higher one is refused.
/// 2: the journal is the record of truth and the audit log; sled holds the state.
/// 3: cards are packed (binary, scores at their place on the sheet); JSON cards still read.
pub const SCHEMA: u32 = 3;

/// sled's page cache; its default of 1 GB is far beyond what a round needs.
const CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// An open store. Only one process may hold a store folder at a time.
pub struct Store {
    // Dropped first: sled flushes and releases its own lock before ours goes.
    db: sled::Db,
    dir: PathBuf,
    /// Set after a write failed to reach the disk, or when the journal is
    /// damaged before its end; further changes are refused.
    broken: OnceLock<Cause>,
    /// Set when sled failed to take a change the journal holds: the state is
    /// reloaded from the journal before the next change.
    state_failed: std::sync::atomic::AtomicBool,
    /// Appends to the journal; none while the journal is damaged.
    journal: Option<journal::Writer>,
    /// Where the journal stops being readable before its end, if it does.
    damaged: Option<journal::Damage>,
    /// What opening the store had to do and a person should know.
    notices: Vec<Notice>,
    /// Each round's sheet entries as packed cards number them, once read.
    items: std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<packed::Items>>>,
    /// Each round's stored record, once read: every save checks against it.
    rounds:
        std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<rounds::RoundRecord>>>,
    _lock: File,
}

/// One card: a round, an expert and a dossier (the stage follows from the expert).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardRef<'a> {
    pub round: &'a str,
    pub expert: &'a str,
    pub dossier: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store {} is in use by another pingshen{}; close it there and try again", .dir.display(), .holder.as_ref().map(|p| format!(" (process {p})")).unwrap_or_default())]
    InUse {
        dir: PathBuf,
        /// The id of the process that holds the store, when it wrote one.
        holder: Option<String>,
    },
    #[error(
        "the store {} was written by a newer pingshen (store schema {found}); this version reads schema {ours} and older: use the newer version",
        .dir.display()
    )]
    Newer { dir: PathBuf, found: u32, ours: u32 },
    #[error("the store {} is damaged and cannot be read ({detail})", .dir.display())]
    Damaged { dir: PathBuf, detail: Cause },
    #[error(
        "the journal of the store {} is damaged at record {seq} ({}, byte {offset}: {fault}); the store is read-only",
        .dir.display(), journal::segment_name(*segment)
    )]
    JournalDamaged {
        dir: PathBuf,
        segment: u32,
        offset: u64,
        seq: u64,
        fault: journal::Fault,
    },
    #[error("{} already holds a store; restore into a new, empty folder", .dir.display())]
    NotEmpty { dir: PathBuf },
    #[error("could not save to the store {}: {detail}; the change is not saved", .dir.display())]
    Write { dir: PathBuf, detail: Cause },
    #[error(
        "could not confirm that the change to the store {} reached the disk ({detail}); check it after restarting pingshen",
        .dir.display()
    )]
    Unconfirmed { dir: PathBuf, detail: Cause },
    #[error("cannot open the store {}: {detail}", .dir.display())]
    Open { dir: PathBuf, detail: Cause },
    #[error("cannot read the store {}: {detail}", .dir.display())]
    Read { dir: PathBuf, detail: Cause },
    #[error(
        "the store {} accepts no more changes after a failed write ({detail}); restart pingshen",
        .dir.display()
    )]
    Broken { dir: PathBuf, detail: Cause },
    #[error("round '{round}' is not in the store; rounds: {}", say::listed(.known))]
    NoSuchRound { round: String, known: Vec<String> },
    #[error(
        "round {round} already has {cards} scorecards, so its files cannot be replaced with different content; keep the loaded version or start a new round id"
    )]
    RoundInUse { round: String, cards: usize },
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{0}")]
    BadDecision(#[from] crate::domain::decision::DecisionError),
    /// A choice of the dossiers that keep a service agency the round's
    /// clashes do not allow; nothing was written.
    #[error("{0}")]
    Agency(#[from] crate::domain::agency::AgencyError),
    /// The earlier round a round names for its alternates cannot be named.
    #[error("round {round} cannot name the alternates of round {earlier}: {why}")]
    Earlier {
        round: String,
        earlier: String,
        why: EarlierFault,
    },
    #[error("{0}")]
    Merge(#[from] crate::domain::merge::MergeRefusal),
    #[error("centre '{code}' is not in the register; centres in the register: {}", say::listed(.known))]
    NoSuchCentre { code: String, known: Vec<String> },
    /// A change the centre's history does not allow; nothing was written.
    #[error("centre {code}: {why}")]
    Centre { code: String, why: CentreFault },
    /// A PIN not accepted, not set, or not given.
    #[error("{0}")]
    Pin(#[from] crate::domain::pin::PinRefusal),
}

impl StoreError {
    /// True when the request itself is wrong (unknown round, item, value, expert).
    pub fn is_bad_input(&self) -> bool {
        match self {
            StoreError::NoSuchRound { .. }
            | StoreError::NotEmpty { .. }
            | StoreError::BadDecision(_)
            | StoreError::Agency(_)
            | StoreError::Earlier { .. }
            | StoreError::NoSuchCentre { .. }
            | StoreError::Centre { .. } => true,
            StoreError::Refused(r) => r.is_bad_input(),
            StoreError::Merge(m) => m.is_bad_input(),
            StoreError::Pin(p) => p.is_bad_input(),
            _ => false,
        }
    }

    /// True when a well-formed request is refused by the state (in use, locked, newer).
    pub fn is_refusal(&self) -> bool {
        match self {
            StoreError::InUse { .. }
            | StoreError::Newer { .. }
            | StoreError::RoundInUse { .. }
            | StoreError::JournalDamaged { .. } => true,
            StoreError::Refused(r) => !r.is_bad_input(),
            StoreError::Merge(m) => !m.is_bad_input(),
            StoreError::Pin(p) => !p.is_bad_input(),
            _ => false,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Where the store lives when no folder is given: the platform's data folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pingshen").map(|d| d.data_dir().join("store"))
}

impl Drop for Store {
    /// sled writes what it holds; its files are then synced and the store's
    /// open mark removed (see `mark`), before the lock is let go.
    fn drop(&mut self) {
        if self.db.flush().is_ok() {
            let _ = mark::clear(&self.dir, &self.dir.join(open::STATE));
        }
    }
}

impl Store {
    /// Opens (or creates) the store in `dir`; fails at once if another process has it.
    pub fn open(dir: &Path) -> Result<Store> {
        open::open(dir)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What opening the store had to do (a cut tail, a rebuilt state, a
    /// converted store), for the person to be told.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Every key and value, one readable line each, in key order (for tests and support).
    pub fn dump(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for kv in self.db.iter() {
            let (k, v) = kv.map_err(|e| self.read_error(e))?;
            let words = keys::words(&k);
            let key = words.join(" / ");
            let value = match words.get(1) {
                // A packed card is shown as the JSON it stands for.
                Some(round) if words[0] == "card" && packed::is_packed(&v) => {
                    let items = self.items(round)?;
                    let card = self.decode_card(&k, &v, &items)?;
                    let json =
                        codec::encode(&cards::CardRecord::from(&card)).map_err(|detail| {
                            StoreError::Read {
                                dir: self.dir.clone(),
                                detail: detail.into(),
                            }
                        })?;
                    format!("packed {}", String::from_utf8_lossy(&json))
                }
                _ => String::from_utf8_lossy(&v).into_owned(),
            };
            out.push(format!("{key} = {value}"));
        }
        Ok(out)
    }

    /// A failed read; a full disk found by sled's own background writing
    /// surfaces here too, and then the store takes no more changes.
    fn read_error(&self, e: sled::Error) -> StoreError {
        let err = open::sled_error(&self.dir, e, open::During::Read);
        if let StoreError::Write { .. } = &err {
            self.state_failed
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
        err
    }

    /// Refuses changes once a write has failed: sled may hold in memory what
    /// is not on disk.
    fn check_usable(&self) -> Result<()> {
        if let Some(d) = &self.damaged {
            return Err(self.journal_damaged(d));
        }
        match self.broken.get() {
            Some(detail) => Err(StoreError::Broken {
                dir: self.dir.clone(),
                detail: detail.clone(),
            }),
            None => Ok(()),
        }
    }

    fn journal_damaged(&self, d: &journal::Damage) -> StoreError {
        StoreError::JournalDamaged {
            dir: self.dir.clone(),
            segment: d.segment,
            offset: d.offset,
            seq: d.seq,
            fault: d.fault.clone(),
        }
    }

    /// One stored value, decoded.
    fn get<T: serde::de::DeserializeOwned>(&self, key: &[u8]) -> Result<Option<T>> {
        match self.db.get(key).map_err(|e| self.read_error(e))? {
            None => Ok(None),
            Some(bytes) => self.decode(key, &bytes).map(Some),
        }
    }

    /// Every value under a key prefix, in key order.
    fn scan<T: serde::de::DeserializeOwned>(&self, prefix: &[u8]) -> Result<Vec<T>> {
        let mut out = Vec::new();
        for kv in self.db.scan_prefix(prefix) {
            let (k, v) = kv.map_err(|e| self.read_error(e))?;
            out.push(self.decode(&k, &v)?);
        }
        Ok(out)
    }

    fn decode<T: serde::de::DeserializeOwned>(&self, key: &[u8], bytes: &[u8]) -> Result<T> {
        codec::decode(bytes).map_err(|e| self.decode_failed(key, e))
    }

    /// A value that did not read: written by a newer layout, or damaged.
    fn decode_failed(&self, key: &[u8], e: codec::DecodeError) -> StoreError {
        match e {
            codec::DecodeError::Newer(found) => StoreError::Newer {
                dir: self.dir.clone(),
                found,
                ours: SCHEMA,
            },
            codec::DecodeError::Bad(detail) => {
                // The state is rebuilt from the journal when the store next opens.
                let _ = std::fs::write(self.dir.join(recover::SUSPECT), b"");
                StoreError::Damaged {
                    dir: self.dir.clone(),
                    detail: Cause::BadValue {
                        key: keys::words(key).join(" / "),
                        detail,
                    },
                }
            }
        }
    }
}
