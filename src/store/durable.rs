//! Making a flushed change durable. sled 0.34's `flush` ends in
//! `sync_file_range`, which flushes neither the drive's cache nor the file's
//! metadata, so after it every file sled writes is fsynced, and so are the
//! folders that name them: the log `db`, its settings `conf`, snapshots `snap.*`
//! and large values under `blobs/`.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

/// fsyncs every file sled keeps in `dir`, then `blobs/` and `dir` themselves.
pub fn sync_store(dir: &Path) -> io::Result<()> {
    sync_file(&dir.join("db"))?;
    sync_file(&dir.join("conf"))?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with("snap.") {
            sync_file(&entry.path())?;
        }
    }
    let blobs = dir.join("blobs");
    if blobs.is_dir() {
        for entry in fs::read_dir(&blobs)? {
            sync_file(&entry?.path())?;
        }
        sync_dir(&blobs)?;
    }
    sync_dir(dir)
}

/// fsyncs the folder that holds `dir`, so a newly made store folder stays named.
pub fn sync_parent(dir: &Path) -> io::Result<()> {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => sync_dir(p),
        _ => sync_dir(Path::new(".")),
    }
}

fn sync_file(path: &Path) -> io::Result<()> {
    // Windows flushes only handles opened for writing; Unix fsyncs any descriptor.
    let file = OpenOptions::new()
        .read(true)
        .write(cfg!(windows))
        .open(path);
    match file {
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
