//! One change: its values and audit entries gathered into a single sled batch,
//! applied atomically, flushed, then fsynced. Nothing is acknowledged before that.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::audit::{Entry, Event, Head};
use super::open::{During, sled_error};
use super::{Result, Store, StoreError, codec, keys};

/// A change being gathered: the batch, and the round's audit chain as it grows.
pub struct Change {
    batch: sled::Batch,
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
            batch: sled::Batch::default(),
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
        c.batch.insert(key, self.encode(value)?);
        Ok(())
    }

    pub(super) fn remove(&self, c: &mut Change, key: Vec<u8>) {
        c.batch.remove(key);
    }

    /// Appends an audit entry to the change's round chain.
    pub(super) fn audit(&self, c: &mut Change, event: Event) -> Result<()> {
        let entry = Entry::next(&c.head, &c.round, c.at, event);
        c.head = Head {
            seq: entry.seq,
            hash: entry.hash.clone(),
        };
        c.batch
            .insert(keys::audit(&c.round, entry.seq), self.encode(&entry)?);
        c.entries.push(entry);
        Ok(())
    }

    /// Writes the change in one atomic batch and makes it durable.
    pub(super) fn apply(&mut self, mut c: Change) -> Result<Vec<Entry>> {
        if !c.entries.is_empty() {
            let head = self.encode(&c.head)?;
            c.batch.insert(keys::head(&c.round), head);
        }
        self.commit(c.batch)?;
        Ok(c.entries)
    }

    /// Applies a batch, flushes sled and fsyncs its files. After any failure the
    /// store refuses further changes: sled may hold in memory what is not on disk.
    pub(super) fn commit(&mut self, batch: sled::Batch) -> Result<()> {
        self.check_usable()?;
        let result = self
            .db
            .apply_batch(batch)
            .and_then(|()| self.db.flush().map(|_| ()))
            .map_err(|e| sled_error(&self.dir, e, During::Write))
            .and_then(|()| {
                self.synced
                    .sync(&self.dir)
                    .map_err(|e| StoreError::Unconfirmed {
                        dir: self.dir.clone(),
                        detail: super::open::io_words(&e),
                    })
            });
        if let Err(e) = &result {
            let _ = self.broken.set(match e {
                StoreError::Write { detail, .. } | StoreError::Unconfirmed { detail, .. } => {
                    detail.clone()
                }
                other => other.to_string().into(),
            });
        }
        result
    }
}
