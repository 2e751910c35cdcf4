//! Opening a store: our own lock first (so a second process is told at once who
//! holds the store), then sled with a small cache, then the schema check.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::OnceLock;

use super::{CACHE_BYTES, Cause, Result, SCHEMA, Store, StoreError, codec, durable, keys};

/// The lock file in the store folder; it holds the id of the process that has it.
pub(super) const LOCK: &str = "pingshen.lock";

#[derive(Clone, Copy)]
pub enum During {
    Open,
    Read,
    Write,
}

pub fn open(dir: &Path) -> Result<Store> {
    let fail = |e: io::Error| StoreError::Open {
        dir: dir.to_path_buf(),
        detail: io_words(&e),
    };
    let created = !dir.exists();
    fs::create_dir_all(dir).map_err(fail)?;
    let lock = lock(dir)?;
    let db = open_sled(dir)?;
    if created {
        durable::sync_parent(dir).map_err(fail)?;
    }
    let mut store = Store {
        db,
        dir: dir.to_path_buf(),
        broken: OnceLock::new(),
        synced: durable::Synced::default(),
        _lock: lock,
    };
    store.check_schema()?;
    Ok(store)
}

/// Takes the store's lock without waiting; if another process has it, says which.
fn lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK);
    let fail = |e: io::Error| StoreError::Open {
        dir: dir.to_path_buf(),
        detail: Cause::System(format!("{}: {e}", path.display())),
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(fail)?;
    match try_lock(&mut file) {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            let holder = Some(pid.trim().to_string()).filter(|p| !p.is_empty());
            return Err(StoreError::InUse {
                dir: dir.to_path_buf(),
                holder,
            });
        }
        Err(TryLockError::Error(e)) => return Err(fail(e)),
    }
    file.set_len(0).map_err(fail)?;
    file.rewind().map_err(fail)?;
    write!(file, "{}", std::process::id()).map_err(fail)?;
    Ok(file)
}

/// Tries the lock without blocking, a few times over a tenth of a second: a
/// lock can be held for microseconds through a descriptor that a process forked
/// elsewhere has not yet closed on exec, and that must not read as "in use".
fn try_lock(file: &mut File) -> std::result::Result<(), TryLockError> {
    retrying(
        20,
        5,
        || file.try_lock(),
        |r| matches!(r, Err(TryLockError::WouldBlock)),
    )
}

/// Calls `attempt` until `again` says its result is not worth another try, at
/// most `tries` times more, `pause_ms` apart; the last result either way.
fn retrying<T>(
    tries: u32,
    pause_ms: u64,
    mut attempt: impl FnMut() -> T,
    again: impl Fn(&T) -> bool,
) -> T {
    let mut result = attempt();
    for _ in 0..tries {
        if !again(&result) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(pause_ms));
        result = attempt();
    }
    result
}

fn open_sled(dir: &Path) -> Result<sled::Db> {
    let config = sled::Config::new()
        .path(dir)
        .cache_capacity(CACHE_BYTES)
        // Every change is flushed and fsynced by the store itself; no timer thread.
        .flush_every_ms(None);
    // sled reports some damage by panicking; a damaged store must be an error.
    // Our own lock is held, so sled's lock on its log can only be held by
    // this process: a store just closed whose last background work has not
    // yet let go of the file. It does within moments.
    let held = |r: &std::thread::Result<sled::Result<sled::Db>>| matches!(r, Ok(Err(sled::Error::Io(e))) if e.to_string().contains("could not acquire lock"));
    let result = retrying(
        100,
        10,
        || catch_unwind(AssertUnwindSafe(|| config.open())),
        held,
    );
    match result {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(e)) => Err(sled_error(dir, e, During::Open)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .map_or(Cause::Unreadable, Cause::System);
            Err(StoreError::Damaged {
                dir: dir.to_path_buf(),
                detail: what,
            })
        }
    }
}

/// Turns sled's error into ours, in words a secretary can act on.
pub fn sled_error(dir: &Path, e: sled::Error, during: During) -> StoreError {
    let dir = dir.to_path_buf();
    match (e, during) {
        (sled::Error::Corruption { at, .. }, _) => StoreError::Damaged {
            dir,
            detail: Cause::Corrupt {
                at: at.map(|at| format!("{at:?}")),
            },
        },
        // Only writing fills a disk, whichever call the failure surfaces in.
        (sled::Error::Io(io), _) if is_full(&io) => StoreError::Write {
            dir,
            detail: io_words(&io),
        },
        (sled::Error::Io(io), During::Write) => StoreError::Write {
            dir,
            detail: io_words(&io),
        },
        (sled::Error::Io(io), During::Read) => StoreError::Read {
            dir,
            detail: io_words(&io),
        },
        (sled::Error::Io(io), During::Open) if io.kind() == io::ErrorKind::InvalidData => {
            StoreError::Damaged {
                dir,
                detail: Cause::System(io.to_string()),
            }
        }
        (sled::Error::Io(io), _) => StoreError::Open {
            dir,
            detail: io_words(&io),
        },
        (other, During::Write) => StoreError::Write {
            dir,
            detail: Cause::System(other.to_string()),
        },
        (other, During::Open | During::Read) => StoreError::Damaged {
            dir,
            detail: Cause::System(other.to_string()),
        },
    }
}

fn is_full(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::FileTooLarge | io::ErrorKind::QuotaExceeded
    )
}

/// An I/O failure as a cause a person can act on; a full disk is named as such.
pub fn io_words(e: &io::Error) -> Cause {
    match e.kind() {
        _ if is_full(e) => Cause::DiskFull,
        io::ErrorKind::PermissionDenied => Cause::NoPermission(e.to_string()),
        io::ErrorKind::ReadOnlyFilesystem => Cause::ReadOnly(e.to_string()),
        _ => Cause::System(e.to_string()),
    }
}

impl Store {
    /// Refuses a store written by a newer layout; stamps a new store with ours.
    fn check_schema(&mut self) -> Result<()> {
        let key = keys::meta(keys::SCHEMA);
        match self.db.get(&key).map_err(|e| self.read_error(e))? {
            Some(bytes) => {
                let found: u32 = codec::decode(&bytes).map_err(|e| match e {
                    codec::DecodeError::Newer(found) => StoreError::Newer {
                        dir: self.dir.clone(),
                        found,
                        ours: SCHEMA,
                    },
                    codec::DecodeError::Bad(d) => StoreError::Damaged {
                        dir: self.dir.clone(),
                        detail: Cause::BadStamp(d),
                    },
                })?;
                if found > SCHEMA {
                    return Err(StoreError::Newer {
                        dir: self.dir.clone(),
                        found,
                        ours: SCHEMA,
                    });
                }
                Ok(())
            }
            None => {
                let mut batch = sled::Batch::default();
                batch.insert(key, self.encode(&SCHEMA)?);
                self.commit(batch)
            }
        }
    }
}
