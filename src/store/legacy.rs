//! Stores of the earlier layout — sled alone in the store folder, the audit
//! chain inside it — converted once into a journal: the state as one run of
//! records, then the audit entries as they were (their hashes unchanged). The
//! new journal is written beside, synced and renamed into place; only then are
//! the old files moved aside, so a conversion stopped halfway starts again.

use std::fs;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::audit::Entry;
use super::journal::{self, Op, Position, Writer, sync_dir};
use super::notice::Notice;
use super::open::io_words;
use super::{CACHE_BYTES, Cause, Result, StoreError, codec, keys};

/// sled's own files in a store of the earlier layout.
fn old_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == "conf" || name == "db" || name == "blobs" || name.starts_with("snap.") {
            out.push(entry.path());
        }
    }
    Ok(out)
}

pub fn is_legacy(dir: &Path) -> bool {
    dir.join("conf").is_file() || dir.join("db").is_file()
}

/// Moves the old layout's files into a dated folder; returns it.
pub fn move_aside(dir: &Path) -> io::Result<PathBuf> {
    let target = dir.join(format!("old-layout-{}", Utc::now().format("%Y%m%d-%H%M%S")));
    fs::create_dir_all(&target)?;
    for path in old_files(dir)? {
        if let Some(name) = path.file_name() {
            fs::rename(&path, target.join(name))?;
        }
    }
    sync_dir(&target)?;
    sync_dir(dir)?;
    Ok(target)
}

/// Entries or state values per record while converting.
const CHUNK: usize = 5_000;

/// Converts the store in `dir`; the caller holds its lock.
pub fn convert(dir: &Path) -> Result<Notice> {
    let fail = |e: io::Error| StoreError::Open {
        dir: dir.to_path_buf(),
        detail: io_words(&e),
    };
    let damaged = |detail: Cause| StoreError::Damaged {
        dir: dir.to_path_buf(),
        detail,
    };
    super::recover::remove_unfinished_snapshots(dir).map_err(fail)?;
    let config = sled::Config::new().path(dir).cache_capacity(CACHE_BYTES);
    let old = match catch_unwind(AssertUnwindSafe(|| config.open())) {
        Ok(Ok(db)) => db,
        Ok(Err(_)) | Err(_) => return Err(damaged(Cause::EarlierLayout)),
    };
    let tmp = dir.join(format!("{}.new", journal::FOLDER));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(fail)?;
    }
    Writer::create(&tmp).map_err(fail)?;
    let mut w = Writer::resume(&tmp, Position::default(), 1).map_err(fail)?;
    let append = |w: &mut Writer, ops: Vec<Op>, entries: Vec<String>| {
        w.append(ops, entries).map(|_| ()).map_err(|e| match e {
            journal::AppendError::NotWritten(e) | journal::AppendError::Unknown(e) => fail(e),
        })
    };
    let audit = keys::key(&["audit"]);
    let skip = [keys::meta(keys::SCHEMA), keys::meta(super::identity::KEY)];
    let mut ops = Vec::new();
    let mut entries = Vec::new();
    let mut key_record = None;
    for kv in old.iter() {
        let (k, v) = kv.map_err(|_| damaged(Cause::EarlierLayout))?;
        if k.starts_with(&audit) {
            let e: Entry = codec::decode(&v).map_err(|_| {
                damaged(Cause::BadValue {
                    key: keys::words(&k).join(" / "),
                    detail: "not an audit entry".into(),
                })
            })?;
            entries.push(serde_json::to_string(&e).unwrap_or_default());
            if entries.len() >= CHUNK {
                append(&mut w, Vec::new(), std::mem::take(&mut entries))?;
            }
        } else if k.as_ref() == skip[1].as_slice() {
            key_record = Some(v.to_vec());
        } else if k.as_ref() != skip[0].as_slice() {
            ops.push(Op::Put(k.to_vec(), v.to_vec()));
            if ops.len() >= CHUNK {
                append(&mut w, std::mem::take(&mut ops), Vec::new())?;
            }
        }
    }
    // Values and entries go in sled's key order, in chunks; the state is
    // rebuilt from all of them, and each round's entries stay in their order.
    if !ops.is_empty() || !entries.is_empty() {
        append(&mut w, ops, entries)?;
    }
    let records = w.last().seq;
    drop(w);
    drop(old);
    if let Some(bytes) = key_record {
        let record: super::KeyRecord =
            codec::decode(&bytes).map_err(|_| damaged(Cause::BadKeyFile))?;
        super::identity::write_key_file(dir, &record).map_err(fail)?;
    }
    fs::rename(&tmp, dir.join(journal::FOLDER)).map_err(fail)?;
    sync_dir(dir).map_err(fail)?;
    let moved = move_aside(dir).map_err(fail)?;
    Ok(Notice::Converted { moved, records })
}
