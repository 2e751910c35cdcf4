//! Making a flushed change durable. sled 0.34's `flush` ends in
//! `sync_file_range`, which flushes neither the drive's cache nor the file's
//! metadata, so after it every file sled writes is fsynced, and so are the
//! folders that name them: the log `db`, its settings `conf`, snapshots `snap.*`
//! and large values under `blobs/`.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::open::LOCK;

/// What has been made durable so far: every file sled keeps, with the length
/// and modification time it had when last synced. A save then costs one
/// `fdatasync` of the log plus an `fsync` of only what changed since: a new or
/// rewritten snapshot, a blob, the settings, and the folder when files came or went.
#[derive(Debug, Default)]
pub struct Synced {
    files: BTreeMap<PathBuf, (u64, Option<SystemTime>)>,
}

impl Synced {
    /// fsyncs what sled changed in `dir` since the last call (everything, the first time).
    pub fn sync(&mut self, dir: &Path) -> io::Result<()> {
        let mut now = BTreeMap::new();
        let mut dirs_changed = Vec::new();
        for folder in [dir.to_path_buf(), dir.join("blobs")] {
            if !folder.is_dir() {
                continue;
            }
            let mut listed = false;
            for entry in fs::read_dir(&folder)? {
                let entry = entry?;
                let path = entry.path();
                // sled removes old snapshots as it goes, also between the
                // listing and the look at the file: what is gone needs no sync.
                let meta = match entry.metadata() {
                    Ok(m) => m,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(e),
                };
                if path.file_name().is_some_and(|n| n == LOCK) || !meta.is_file() {
                    continue;
                }
                let stamp = (meta.len(), meta.modified().ok());
                match self.files.get(&path) {
                    Some(old) if *old == stamp && path.file_name().is_some_and(|n| n != "db") => {}
                    Some(_) => sync_file(&path, path.file_name().is_some_and(|n| n == "db"))?,
                    None => {
                        sync_file(&path, false)?;
                        listed = true;
                    }
                }
                now.insert(path, stamp);
            }
            if listed
                || self
                    .files
                    .keys()
                    .any(|p| p.parent() == Some(&folder) && !now.contains_key(p))
            {
                dirs_changed.push(folder);
            }
        }
        for folder in dirs_changed {
            sync_dir(&folder)?;
        }
        self.files = now;
        Ok(())
    }
}

/// fsyncs the folder that holds `dir`, so a newly made store folder stays named.
pub fn sync_parent(dir: &Path) -> io::Result<()> {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => sync_dir(p),
        _ => sync_dir(Path::new(".")),
    }
}

/// `fdatasync` for the log, whose data changes on every save; `fsync` otherwise.
fn sync_file(path: &Path, data_only: bool) -> io::Result<()> {
    // Windows flushes only handles opened for writing; Unix fsyncs any descriptor.
    let file = OpenOptions::new()
        .read(true)
        .write(cfg!(windows))
        .open(path);
    match file {
        Ok(f) if data_only => f.sync_data(),
        Ok(f) => f.sync_all(),
        // sled removes old snapshots and blobs as it goes; what is gone needs no sync.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// Windows keeps folder entries with the files; there is no folder to fsync.
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}
