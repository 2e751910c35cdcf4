//! One change: its values and audit entries gathered, appended to the journal
//! as one record in one write and one `fdatasync` — acknowledged from then on —
//! and then applied to sled's state, which sled writes lazily.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::audit::{Entry, Event, Head};
use super::journal::{AppendError, Op, Position};
use std::sync::atomic::Ordering;

use super::open::io_words;
use super::{Result, Store, StoreError, codec, keys};

/// The key under which sled keeps the last journal record it holds.
pub const APPLIED: &str = "applied";

/// A change being gathered: the state's new values, and the round's audit chain as it grows.
pub struct Change {
    ops: Vec<Op>,
    pub at: DateTime<Utc>,
    round: String,
    head: Head,
    /// Entries added to the chain by this change.
    pub entries: Vec<Entry>,
}

impl Store {
    /// Starts a change to one round, reading its audit chain's head.
    pub(super) fn change(&self, round: &str) -> Result<Change> {
        let head = self.get::<Head>(&keys::head(round))?.unwrap_or_default();
        Ok(Change {
            ops: Vec::new(),
            at: Utc::now(),
            round: round.to_string(),
            head,
            entries: Vec::new(),
        })
    }

    pub(super) fn encode<T: Serialize + ?Sized>(&self, value: &T) -> Result<Vec<u8>> {
        codec::encode(value).map_err(|detail| StoreError::Write {
            dir: self.dir.clone(),
            detail: detail.into(),
        })
    }

    pub(super) fn put<T: Serialize + ?Sized>(
        &self,
        c: &mut Change,
        key: Vec<u8>,
        value: &T,
    ) -> Result<()> {
        c.ops.push(Op::Put(key, self.encode(value)?));
        Ok(())
    }

    /// Adds a value already encoded.
    pub(super) fn put_bytes(&self, c: &mut Change, key: Vec<u8>, bytes: Vec<u8>) {
        c.ops.push(Op::Put(key, bytes));
    }

    pub(super) fn remove(&self, c: &mut Change, key: Vec<u8>) {
        c.ops.push(Op::Del(key));
    }

    /// Appends an audit entry to the change's round chain.
    pub(super) fn audit(&self, c: &mut Change, event: Event) -> Result<()> {
        let entry = Entry::next(&c.head, &c.round, c.at, event);
        c.head = Head {
            seq: entry.seq,
            hash: entry.hash.clone(),
        };
        c.entries.push(entry);
        Ok(())
    }

    /// Writes the change as one journal record and applies it to the state.
    pub(super) fn apply(&mut self, mut c: Change) -> Result<Vec<Entry>> {
        if !c.entries.is_empty() {
            let head = self.encode(&c.head)?;
            c.ops.push(Op::Put(keys::head(&c.round), head));
        }
        let entries = std::mem::take(&mut c.entries);
        self.commit(c.ops, &entries)?;
        Ok(entries)
    }

    /// Refuses changes to a store that cannot take them, and rebuilds a state
    /// that failed before anything is read for the next change.
    pub(super) fn ready(&mut self) -> Result<()> {
        self.check_usable()?;
        if self.state_failed.load(Ordering::SeqCst) {
            self.reload_state()?;
        }
        Ok(())
    }

    /// Appends one record and, once it is durable, applies it to sled. A
    /// record that did not reach the file leaves the store usable; one whose
    /// sync failed, or a state that could not follow, stops further changes
    /// until the store is opened again (which replays the journal).
    pub(super) fn commit(&mut self, ops: Vec<Op>, entries: &[Entry]) -> Result<()> {
        self.ready()?;
        let texts: Vec<String> = entries
            .iter()
            // An entry holds only text, numbers and a time: it always serialises.
            .map(|e| serde_json::to_string(e).unwrap_or_default())
            .collect();
        let Some(journal) = self.journal.as_mut() else {
            return Err(StoreError::Broken {
                dir: self.dir.clone(),
                detail: super::Cause::JournalClosed,
            });
        };
        let (pos, ops) = match journal.append_giving_back(ops, texts) {
            Ok(p) => p,
            Err(AppendError::NotWritten(e)) => {
                // What failed the journal may have failed sled's own writes.
                self.state_failed.store(true, Ordering::SeqCst);
                return Err(StoreError::Write {
                    dir: self.dir.clone(),
                    detail: io_words(&e),
                });
            }
            Err(AppendError::Unknown(e)) => {
                let detail = io_words(&e);
                let _ = self.broken.set(detail.clone());
                return Err(StoreError::Unconfirmed {
                    dir: self.dir.clone(),
                    detail,
                });
            }
        };
        self.project(&ops, &pos);
        Ok(())
    }

    /// Applies a change's values to sled, one by one, and then the journal
    /// position they bring the state to. The change is already durable: a
    /// failure here only stops further changes.
    ///
    /// Not as one sled batch: sled writes and syncs its log at the end of
    /// every batch, which would put a second disk write beside the journal's
    /// on every save. One by one, sled writes when its buffer fills or the
    /// store closes, and what it recovers after the process is killed is a
    /// prefix of what it was given (after a power cut, see `mark`); since the
    /// position goes last, a state that holds a position holds every value
    /// before it, and the journal gives back whatever came after.
    pub(super) fn project(&self, ops: &[Op], pos: &Position) {
        let failed = |e| super::open::sled_error(&self.dir, e, super::open::During::Write);
        let applied = || -> Result<()> {
            let p = self.encode(pos)?;
            for op in ops {
                match op {
                    Op::Put(k, v) => self.db.insert(k.as_slice(), v.as_slice()).map(drop),
                    Op::Del(k) => self.db.remove(k.as_slice()).map(drop),
                }
                .map_err(failed)?;
            }
            self.db.insert(keys::meta(APPLIED), p).map_err(failed)?;
            Ok(())
        };
        if applied().is_err() {
            self.state_failed.store(true, Ordering::SeqCst);
        }
    }

    /// Builds sled's state again from the journal, after a write failed (a
    /// full disk, say): sled's own files may then hold less than it believes,
    /// and only the journal is sure.
    fn reload_state(&mut self) -> Result<()> {
        self.close_state()?;
        let state = self.dir.join(super::open::STATE);
        if state.exists() {
            std::fs::remove_dir_all(&state).map_err(|e| StoreError::Write {
                dir: self.dir.clone(),
                detail: io_words(&e),
            })?;
        }
        self.db = super::open::open_sled(&self.dir)?;
        self.check_schema()?;
        self.journal = None;
        self.catch_up()?;
        self.state_failed.store(false, Ordering::SeqCst);
        Ok(())
    }
}
