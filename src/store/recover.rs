//! Bringing sled's state up to the journal on open: the records past the last
//! one sled holds are applied; a record cut short at the very end (never
//! acknowledged) is cut off; a state that disagrees with the journal is moved
//! aside and rebuilt; damage before the end makes the store read-only.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::journal::{self, Damage, Fault, Op, Position, Reader, Writer, sync_dir};
use super::notice::{Notice, RebuildWhy};
use super::open::{STATE, io_words, open_sled};
use super::write::APPLIED;
use super::{Result, SCHEMA, Store, StoreError, keys};

/// Records applied to sled in one batch while catching up.
const BATCH_OPS: usize = 20_000;

impl Store {
    /// Applies what the journal holds past sled's last record, then opens the
    /// journal for appending after its last good record.
    pub(super) fn catch_up(&mut self) -> Result<()> {
        self.forget_items();
        let jdir = self.dir.join(journal::FOLDER);
        let fail = |dir: &Path, e: io::Error| StoreError::Open {
            dir: dir.to_path_buf(),
            detail: io_words(&e),
        };
        if let Some(v) = journal::newer_format(&jdir).map_err(|e| fail(&self.dir, e))? {
            return Err(StoreError::Newer {
                dir: self.dir.clone(),
                found: u32::from(v),
                ours: u32::from(journal::MAGIC[7]),
            });
        }
        if let Some(d) = known_damage(&jdir) {
            self.notices.push(Notice::Damaged {
                seq: d.seq,
                segment: journal::segment_name(d.segment),
                offset: d.offset,
            });
            self.damaged = Some(d);
            return Ok(());
        }
        let applied: Option<Position> = self.get(&keys::meta(APPLIED))?;
        if let Some(p) = applied {
            match journal::read_at(&jdir, &p).map_err(|e| fail(&self.dir, e))? {
                Some(h) if h == p.hash => {}
                // The record the state last took is there but reads otherwise:
                // an acknowledged record is damaged. Nothing is guessed.
                Some(_) => {
                    let d = Damage {
                        segment: p.segment,
                        offset: p.start,
                        seq: p.seq,
                        fault: Fault::Checksum,
                        at_end: false,
                    };
                    self.mark_damaged(&d);
                    self.notices.push(Notice::Damaged {
                        seq: d.seq,
                        segment: journal::segment_name(d.segment),
                        offset: d.offset,
                    });
                    self.damaged = Some(d);
                    return Ok(());
                }
                None => {
                    if journal::segments(&jdir)
                        .map_err(|e| fail(&self.dir, e))?
                        .is_empty()
                    {
                        return Err(StoreError::Damaged {
                            dir: self.dir.clone(),
                            detail: super::Cause::JournalMissing,
                        });
                    }
                    return self.rebuild(RebuildWhy::Disagrees);
                }
            }
        }
        let mut reader = Reader::open(&jdir, applied).map_err(|e| fail(&self.dir, e))?;
        let mut batch = sled::Batch::default();
        let mut pending = 0usize;
        let mut records = 0u64;
        let damage = loop {
            let next = reader.next_record().map_err(|e| fail(&self.dir, e))?;
            match next {
                Ok(Some((record, pos))) => {
                    records += 1;
                    for op in record.ops {
                        pending += 1;
                        match op {
                            Op::Put(k, v) => batch.insert(k, v),
                            Op::Del(k) => batch.remove(k),
                        }
                    }
                    if pending >= BATCH_OPS {
                        self.apply_caught_up(std::mem::take(&mut batch), &pos)?;
                        pending = 0;
                    }
                }
                Ok(None) => break None,
                Err(d) => break Some(d),
            }
        };
        let last = reader.last;
        self.apply_caught_up(batch, &last)?;
        if let Some(n) = self.notices.iter_mut().find_map(|n| match n {
            Notice::Rebuilt { records: r, .. } => Some(r),
            _ => None,
        }) {
            *n = records + applied.map_or(0, |p| p.seq);
        }
        let newest = reader.files().last().map_or(1, |s| s.0);
        match damage {
            Some(Damage {
                fault: Fault::Newer(_),
                ..
            }) => {
                return Err(StoreError::Newer {
                    dir: self.dir.clone(),
                    found: SCHEMA + 1,
                    ours: SCHEMA,
                });
            }
            Some(d) if d.at_end => {
                let kept = keep_cut(&jdir, &d).map_err(|e| fail(&self.dir, e))?;
                self.notices.push(Notice::TailCut {
                    segment: journal::segment_name(d.segment),
                    offset: d.offset,
                    kept,
                });
                // Resuming cuts the segment back to the last good record.
                self.journal =
                    Some(Writer::resume(&jdir, last, newest).map_err(|e| fail(&self.dir, e))?);
            }
            Some(d) => {
                self.mark_damaged(&d);
                self.notices.push(Notice::Damaged {
                    seq: d.seq,
                    segment: journal::segment_name(d.segment),
                    offset: d.offset,
                });
                self.damaged = Some(d);
            }
            None => {
                self.journal =
                    Some(Writer::resume(&jdir, last, newest).map_err(|e| fail(&self.dir, e))?);
            }
        }
        if records > BATCH_OPS as u64 {
            // A long replay is kept, so the next open need not repeat it.
            let _ = self.db.flush();
        }
        Ok(())
    }

    /// Lets go of sled's files (sled does so only when its last handle goes).
    pub(super) fn close_state(&mut self) -> Result<()> {
        let placeholder = sled::Config::new().temporary(true).open();
        let placeholder = placeholder
            .map_err(|e| super::open::sled_error(&self.dir, e, super::open::During::Open))?;
        drop(std::mem::replace(&mut self.db, placeholder));
        Ok(())
    }

    /// Records damage found before the journal's end, so that every later
    /// open refuses changes too (best effort: the damage is also reported).
    pub(super) fn mark_damaged(&self, d: &Damage) {
        let jdir = self.dir.join(journal::FOLDER);
        if let Ok(text) = serde_json::to_vec(d) {
            let _ = journal::write_whole(&jdir.join(journal::DAMAGED), &text, false);
        }
    }

    fn apply_caught_up(&self, mut batch: sled::Batch, pos: &Position) -> Result<()> {
        if pos.seq == 0 {
            return Ok(());
        }
        batch.insert(keys::meta(APPLIED), self.encode(pos)?);
        self.db
            .apply_batch(batch)
            .map_err(|e| super::open::sled_error(&self.dir, e, super::open::During::Write))
    }

    /// Moves sled's files aside and builds its state again from the journal.
    fn rebuild(&mut self, why: RebuildWhy) -> Result<()> {
        let fail = |dir: &Path, e: io::Error| StoreError::Open {
            dir: dir.to_path_buf(),
            detail: io_words(&e),
        };
        // sled lets go of its files only when the last handle goes.
        let placeholder = sled::Config::new().temporary(true).open();
        let placeholder = placeholder
            .map_err(|e| super::open::sled_error(&self.dir, e, super::open::During::Open))?;
        drop(std::mem::replace(&mut self.db, placeholder));
        let moved = move_state_aside(&self.dir).map_err(|e| fail(&self.dir, e))?;
        self.db = open_sled(&self.dir)?;
        self.notices.push(Notice::Rebuilt {
            why,
            moved: Some(moved),
            records: 0,
        });
        self.check_schema()?;
        self.catch_up()
    }
}

/// Moves sled's folder into a dated folder inside the store; returns where.
pub(super) fn move_state_aside(dir: &Path) -> io::Result<PathBuf> {
    let stamp = Utc::now().format("%Y%m%d-%H%M%S");
    let mut target = dir.join(format!("state-moved-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("state-moved-{stamp}-{n}"));
    }
    let state = dir.join(STATE);
    if state.exists() {
        fs::rename(&state, &target)?;
    } else {
        fs::create_dir_all(&target)?;
    }
    sync_dir(dir)?;
    Ok(target)
}

/// Removes `snap.*.generating` files: snapshots a stopped process had not
/// finished, which sled never uses.
pub(super) fn remove_unfinished_snapshots(state: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(state) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut removed = false;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            fs::remove_file(entry.path())?;
            removed = true;
        }
    }
    if removed {
        sync_dir(state)?;
    }
    Ok(())
}

/// Keeps the bytes of a cut record beside the journal when they hold anything
/// but zeros, so that nothing is thrown away unseen; returns the file.
fn keep_cut(jdir: &Path, d: &Damage) -> io::Result<Option<PathBuf>> {
    let path = jdir.join(journal::segment_name(d.segment));
    let mut file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    file.seek(SeekFrom::Start(d.offset))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let kept_len = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    if kept_len == 0 {
        return Ok(None);
    }
    bytes.truncate(kept_len);
    let kept = jdir.join(format!(
        "cut-{:08}-{}-{}.bin",
        d.segment,
        d.offset,
        Utc::now().format("%Y%m%d-%H%M%S")
    ));
    journal::write_whole(&kept, &bytes, false)?;
    Ok(Some(kept))
}

/// Damage an earlier open or check found, if any.
fn known_damage(jdir: &Path) -> Option<Damage> {
    let bytes = fs::read(jdir.join(journal::DAMAGED)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The file that asks for the state to be rebuilt at the next open: a value
/// in it did not read.
pub(super) const SUSPECT: &str = "state-damaged";
