//! Opening a store: our own lock first (so a second process is told at once who
//! holds the store), the journal (made, or converted from the earlier layout),
//! then sled's state with a small cache, brought up to the journal's end.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::OnceLock;

use super::journal::{self, sync_dir};
use super::{CACHE_BYTES, Cause, Result, SCHEMA, Store, StoreError, codec, keys, legacy};

/// The lock file in the store folder; it holds the id of the process that has it.
pub(super) const LOCK: &str = "pingshen.lock";
/// sled's folder inside the store folder.
pub(super) const STATE: &str = "state";

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
    if created {
        sync_parent(dir).map_err(fail)?;
    }
    let lock = lock(dir)?;
    let mut notices = Vec::new();
    let jdir = dir.join(journal::FOLDER);
    if !jdir.is_dir() {
        if legacy::is_legacy(dir) {
            notices.push(legacy::convert(dir)?);
        } else {
            journal::Writer::create(&jdir).map_err(fail)?;
            sync_dir(dir).map_err(fail)?;
        }
    } else if legacy::is_legacy(dir) {
        // Converted, and stopped before the old files were moved aside.
        legacy::move_aside(dir).map_err(fail)?;
    }
    let suspect = dir.join(super::recover::SUSPECT);
    // Read before this open marks the store open in this boot.
    let went_down = dir.join(STATE).exists() && super::mark::went_down(dir);
    super::mark::set(dir).map_err(fail)?;
    // A journal with records and no state: the state is rebuilt, and said.
    if !dir.join(STATE).exists() && journal::has_records(&jdir).map_err(fail)? {
        notices.push(super::Notice::Rebuilt {
            why: super::notice::RebuildWhy::Missing,
            moved: None,
            records: 0,
        });
    }
    let db = match open_sled(dir) {
        Ok(db) if !suspect.exists() && !went_down => db,
        Ok(db) => {
            drop(db);
            let moved = super::recover::move_state_aside(dir).map_err(fail)?;
            let why = if suspect.exists() {
                fs::remove_file(&suspect).map_err(fail)?;
                super::notice::RebuildWhy::Disagrees
            } else {
                super::notice::RebuildWhy::WentDown
            };
            notices.push(super::Notice::Rebuilt {
                why,
                moved: Some(moved),
                records: 0,
            });
            open_sled(dir)?
        }
        Err(StoreError::Damaged { .. }) => {
            let moved = super::recover::move_state_aside(dir).map_err(fail)?;
            notices.push(super::Notice::Rebuilt {
                why: super::notice::RebuildWhy::Unreadable,
                moved: Some(moved),
                records: 0,
            });
            open_sled(dir)?
        }
        Err(e) => return Err(e),
    };
    let mut store = Store {
        db,
        dir: dir.to_path_buf(),
        broken: OnceLock::new(),
        state_failed: Default::default(),
        journal: None,
        damaged: None,
        notices,
        items: Default::default(),
        rounds: Default::default(),
        _lock: lock,
    };
    store.check_schema()?;
    store.catch_up()?;
    for n in &store.notices {
        super::notice::tell(n);
    }
    Ok(store)
}

/// fsyncs the folder that holds `dir`, so a newly made store folder stays named.
fn sync_parent(dir: &Path) -> io::Result<()> {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => sync_dir(p),
        _ => sync_dir(Path::new(".")),
    }
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

/// Opens sled's state, first removing snapshots a stopped process left half
/// written (sled never reads them, but a half-written one can stop it opening).
pub(super) fn open_sled(dir: &Path) -> Result<sled::Db> {
    let state = dir.join(STATE);
    super::recover::remove_unfinished_snapshots(&state).map_err(|e| StoreError::Open {
        dir: dir.to_path_buf(),
        detail: io_words(&e),
    })?;
    let config = sled::Config::new()
        .path(&state)
        .cache_capacity(CACHE_BYTES)
        // Nothing durable depends on sled: it writes when its buffers fill and
        // when the store closes, never on a timer thread.
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
    pub(super) fn check_schema(&mut self) -> Result<()> {
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
                if found < SCHEMA {
                    // Values of the earlier layout still read; what this
                    // version writes does not read in the earlier one.
                    self.stamp_schema()?;
                }
                Ok(())
            }
            // The stamp describes sled's values, which are rebuilt from the
            // journal; it is state, not history, so it is not journaled.
            None => self.stamp_schema(),
        }
    }

    fn stamp_schema(&self) -> Result<()> {
        let stamp = self.encode(&SCHEMA)?;
        self.db
            .insert(keys::meta(keys::SCHEMA), stamp)
            .map_err(|e| sled_error(&self.dir, e, During::Write))?;
        Ok(())
    }
}
