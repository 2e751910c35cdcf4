//! Backup and restore. The journal alone rebuilds a store, so a backup is the
//! journal's records copied into one file (itself a one-segment journal, the
//! same bytes, the same hashes), written whole under its name. A restore
//! checks every record and every chain before it makes the new store.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::audit::{Broken, Entry};
use super::journal::{self, MAGIC, Reader, sync_dir};
use super::open::io_words;
use super::say::BackupFault;
use super::{Cause, Result, Store, StoreError};

/// What a backup or a restore holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub file: PathBuf,
    pub records: u64,
    /// The last record's hash: the same in the store and in the copy.
    pub head: String,
    pub bytes: u64,
    /// Where the journal stopped being readable; what precedes it was copied.
    pub damaged: Option<Broken>,
    /// The signing key's copy beside the backup, when it was asked for (on
    /// backup) or found (on restore); `None`: the key was left out.
    pub key: Option<PathBuf>,
}

/// Where a backup's copy of the signing key goes: beside it, `FILE.key`,
/// readable by its owner only. The backup itself never holds the secret.
pub fn key_beside(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(".key");
    PathBuf::from(name)
}

impl Store {
    /// Copies the journal into `out`, and with `with_key` the signing key
    /// beside it (see [`key_beside`]); without, a key file left there by an
    /// earlier backup of the same name is removed, so that the pair stays one
    /// backup. A damaged journal is copied up to the damage, and the backup
    /// says where that was.
    pub fn backup(&self, out: &Path, with_key: bool) -> Result<Backup> {
        let mut b = self.backup_journal(out)?;
        let beside = key_beside(out);
        let fail = |e: io::Error| StoreError::Write {
            dir: beside.clone(),
            detail: io_words(&e),
        };
        match self.laptop_key()? {
            Some(key) if with_key => {
                super::identity::write_key_to(&beside, &key).map_err(fail)?;
                b.key = Some(beside);
            }
            _ => match fs::remove_file(&beside) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(fail(e)),
                _ => {}
            },
        }
        Ok(b)
    }

    fn backup_journal(&self, out: &Path) -> Result<Backup> {
        let fail = |e: io::Error| StoreError::Write {
            dir: out.to_path_buf(),
            detail: io_words(&e),
        };
        let dir = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.partial"));
        let result = (|| {
            let mut w = BufWriter::new(File::create(&tmp).map_err(fail)?);
            w.write_all(MAGIC).map_err(fail)?;
            let mut bytes = MAGIC.len() as u64;
            let jdir = self.dir.join(journal::FOLDER);
            let read_fail = |e: io::Error| StoreError::Read {
                dir: self.dir.clone(),
                detail: io_words(&e),
            };
            let mut reader = Reader::open(&jdir, None).map_err(read_fail)?;
            let damaged = loop {
                match reader.next_record().map_err(read_fail)? {
                    Ok(Some(_)) => {
                        let framed = reader.framed();
                        bytes += framed.len() as u64;
                        w.write_all(&framed).map_err(fail)?;
                    }
                    Ok(None) => break None,
                    Err(d) => {
                        break Some(Broken {
                            round: String::new(),
                            seq: d.seq,
                            why: super::AuditFault::Journal(d.fault.clone()),
                            at: Some((journal::segment_name(d.segment), d.offset)),
                        });
                    }
                }
            };
            let file = w.into_inner().map_err(|e| fail(e.into_error()))?;
            file.sync_all().map_err(fail)?;
            drop(file);
            fs::rename(&tmp, out).map_err(fail)?;
            sync_dir(dir).map_err(fail)?;
            Ok(Backup {
                file: out.to_path_buf(),
                records: reader.last.seq,
                head: journal::hex(&reader.last.hash),
                bytes,
                damaged,
                key: None,
            })
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }
}

/// True when `dir` already holds a store (of either layout) or a key.
fn holds_store(dir: &Path) -> bool {
    [
        journal::FOLDER,
        super::open::STATE,
        "conf",
        "db",
        super::identity::KEY_FILE,
    ]
    .iter()
    .any(|n| dir.join(n).exists())
}

/// Makes a new store in `dir` from a backup: every record and every audit
/// chain is checked first; a damaged backup makes nothing.
pub fn restore(file: &Path, dir: &Path) -> Result<(Store, Backup)> {
    if holds_store(dir) {
        return Err(StoreError::NotEmpty {
            dir: dir.to_path_buf(),
        });
    }
    let fail = |e: io::Error| StoreError::Write {
        dir: dir.to_path_buf(),
        detail: io_words(&e),
    };
    fs::create_dir_all(dir).map_err(fail)?;
    let staging = dir.join(format!("{}.restoring", journal::FOLDER));
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(fail)?;
    }
    fs::create_dir_all(&staging).map_err(fail)?;
    let segment = staging.join(journal::segment_name(1));
    let copied = fs::copy(file, &segment).map_err(|e| StoreError::Read {
        dir: file.to_path_buf(),
        detail: io_words(&e),
    });
    let checked = copied.and_then(|bytes| check(file, &staging).map(|b| (bytes, b)));
    let (bytes, (records, head)) = match checked {
        Ok(x) => x,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let key = restore_key(file, &staging)?;
    File::open(&segment)
        .and_then(|f| f.sync_all())
        .and_then(|()| sync_dir(&staging))
        .and_then(|()| fs::rename(&staging, dir.join(journal::FOLDER)))
        .and_then(|()| match &key {
            Some(k) => super::identity::write_key_file(dir, k),
            None => Ok(()),
        })
        .and_then(|()| sync_dir(dir))
        .map_err(fail)?;
    let store = Store::open(dir)?;
    let b = Backup {
        file: file.to_path_buf(),
        records,
        head,
        bytes,
        damaged: None,
        key: key.map(|_| key_beside(file)),
    };
    Ok((store, b))
}

/// The signing key saved beside a backup, checked before anything is made;
/// a key file that does not read leaves the staging folder removed.
fn restore_key(file: &Path, staging: &Path) -> Result<Option<super::KeyRecord>> {
    let beside = key_beside(file);
    let bytes = match fs::read(&beside) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            let _ = fs::remove_dir_all(staging);
            return Err(StoreError::Read {
                dir: beside,
                detail: io_words(&e),
            });
        }
    };
    match super::codec::decode(&bytes) {
        Ok(k) => Ok(Some(k)),
        Err(_) => {
            let _ = fs::remove_dir_all(staging);
            Err(StoreError::Damaged {
                dir: beside,
                detail: Cause::BadKeyFile,
            })
        }
    }
}

/// Reads every record of a backup and follows every chain of entries.
fn check(file: &Path, staging: &Path) -> Result<(u64, String)> {
    let damaged = |fault: BackupFault| StoreError::Damaged {
        dir: file.to_path_buf(),
        detail: Cause::Backup(fault),
    };
    let read_fail = |e: io::Error| StoreError::Read {
        dir: file.to_path_buf(),
        detail: io_words(&e),
    };
    let mut reader = Reader::open(staging, None).map_err(read_fail)?;
    let mut heads: std::collections::BTreeMap<String, (u64, String)> = Default::default();
    loop {
        match reader.next_record().map_err(read_fail)? {
            Ok(Some((record, pos))) => {
                for t in &record.entries {
                    let e: Entry = serde_json::from_str(t)
                        .map_err(|_| damaged(BackupFault::Entry { seq: pos.seq }))?;
                    let head = heads
                        .entry(e.round.clone())
                        .or_insert((0, super::audit::GENESIS.to_string()));
                    if e.seq != head.0 + 1 || e.prev != head.1 || e.digest() != e.hash {
                        return Err(damaged(BackupFault::Chain {
                            seq: pos.seq,
                            entry: e.seq,
                            round: e.round.clone(),
                        }));
                    }
                    *head = (e.seq, e.hash.clone());
                }
            }
            Ok(None) => break,
            Err(d) => {
                return Err(damaged(BackupFault::Record {
                    seq: d.seq,
                    offset: d.offset,
                    fault: d.fault,
                }));
            }
        }
    }
    if reader.last.seq == 0 {
        return Err(damaged(BackupFault::Empty));
    }
    Ok((reader.last.seq, journal::hex(&reader.last.hash)))
}
