//! This laptop's signing key and its count of exported bundles. The key is
//! made by the bundle module on first use and kept in its own file in the
//! store folder, readable by its owner only, never in the journal (so that a
//! backup of the journal carries no secret).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{Action, Event, Subject};
use super::{Result, Store, StoreError, keys};
use crate::domain::scoring::stage_of;

/// Where stores of the earlier layout kept the key.
pub(super) const KEY: &str = "signing-key";
/// The key's file in the store folder.
pub const KEY_FILE: &str = "laptop.key";
const EXPORTS: &str = "exports";

/// The laptop's ed25519 key pair, as hexadecimal text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRecord {
    /// The 32 secret bytes.
    pub secret: String,
    /// The 32 public bytes.
    pub public: String,
    /// The fingerprint people compare, `3f2a-91bc-04de-77a1`.
    pub fingerprint: String,
    pub created: DateTime<Utc>,
}

impl Store {
    /// The laptop's key, if one was made.
    pub fn laptop_key(&self) -> Result<Option<KeyRecord>> {
        let path = self.dir.join(KEY_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(StoreError::Read {
                    dir: self.dir.clone(),
                    detail: super::open::io_words(&e),
                });
            }
        };
        super::codec::decode(&bytes)
            .map(Some)
            .map_err(|_| StoreError::Damaged {
                dir: self.dir.clone(),
                detail: super::Cause::BadKeyFile,
            })
    }

    /// The file the laptop's key is kept in.
    pub fn key_file(&self) -> std::path::PathBuf {
        self.dir.join(KEY_FILE)
    }

    /// The key file's permission bits when others than its owner may read or
    /// change it; `None` when only its owner may (or the system has no such
    /// bits, or there is no key yet).
    pub fn key_file_open_to_others(&self) -> Result<Option<u32>> {
        open_to_others(&self.key_file()).map_err(|e| StoreError::Read {
            dir: self.dir.clone(),
            detail: super::open::io_words(&e),
        })
    }

    /// The fingerprint of the laptop's key, if one was made.
    pub fn key_fingerprint(&self) -> Result<Option<String>> {
        Ok(self.laptop_key()?.map(|k| k.fingerprint))
    }

    /// Keeps a newly made key, durably. A store keeps the key it has: another
    /// one is never written over it, and the kept one is returned.
    pub fn keep_laptop_key(&mut self, key: &KeyRecord) -> Result<KeyRecord> {
        self.ready()?;
        if let Some(k) = self.laptop_key()? {
            return Ok(k);
        }
        write_key_file(&self.dir, key).map_err(|e| StoreError::Write {
            dir: self.dir.clone(),
            detail: super::open::io_words(&e),
        })?;
        Ok(key.clone())
    }

    /// Counts one more bundle of `expert`'s cards leaving this store and logs
    /// it in the round's audit chain, in one durable write; returns the
    /// bundle's sequence number, which grows with every export from this store.
    pub fn record_export(&mut self, round: &str, expert: &str, cards: usize) -> Result<u64> {
        self.ready()?;
        let r = self.round_record(round)?;
        let stage = stage_of(&r.round, expert)?;
        let sequence = self.get::<u64>(&keys::meta(EXPORTS))?.unwrap_or(0) + 1;
        let fingerprint = self.key_fingerprint()?.ok_or_else(|| StoreError::Write {
            dir: self.dir.clone(),
            detail: super::Cause::NoSigningKey,
        })?;
        let mut c = self.change(round)?;
        self.put(&mut c, keys::meta(EXPORTS), &sequence)?;
        let subject = Subject {
            stage: Some(stage),
            expert: Some(expert.to_string()),
            dossier: None,
            item: None,
            centre: None,
        };
        let event = Event::new(expert, Action::Export, subject).change(
            None,
            Some(format!(
                "bundle {sequence}, {cards} cards, key {fingerprint}"
            )),
        );
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(sequence)
    }
}

/// Writes the key's file whole and durably, readable by its owner only.
pub(super) fn write_key_file(dir: &std::path::Path, key: &KeyRecord) -> std::io::Result<()> {
    write_key_to(&dir.join(KEY_FILE), key)
}

/// Writes a key to a file of any name, whole, durably and owner-only.
pub(super) fn write_key_to(path: &std::path::Path, key: &KeyRecord) -> std::io::Result<()> {
    let bytes = super::codec::encode(key).map_err(std::io::Error::other)?;
    super::journal::write_whole(path, &bytes, true)
}

#[cfg(unix)]
fn open_to_others(path: &std::path::Path) -> std::io::Result<Option<u32>> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(path) {
        Ok(m) => {
            let mode = m.permissions().mode() & 0o777;
            Ok((mode & 0o077 != 0).then_some(mode))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn open_to_others(_: &std::path::Path) -> std::io::Result<Option<u32>> {
    Ok(None)
}
