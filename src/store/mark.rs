//! Whether sled's files can be trusted after the computer went down.
//!
//! sled writes its files without a real `fsync`, so after a power cut (a dead
//! battery, a lid closed into hibernation that never woke) they may hold
//! holes that sled does not see. A process killed on a running computer
//! loses nothing of them: the system still writes out what it was given. So
//! while a store is open, a mark file names the system's boot; a store that
//! closes syncs sled's files and then removes the mark. A mark left by
//! another boot means the computer went down with the store open, and the
//! state is built again from the journal, which is synced on every save.

use std::fs;
use std::io;
use std::path::Path;

use super::journal::{sync_dir, write_whole};

/// The mark file in the store folder.
pub(super) const MARK: &str = "state-open";

/// The running system's boot, where the system says (Linux does).
fn boot() -> Option<String> {
    let id = fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    Some(id.trim().to_string()).filter(|s| !s.is_empty())
}

/// Whether a mark says the computer went down while the store was open:
/// a mark from another boot, or any mark where the boot cannot be told.
pub(super) fn went_down(dir: &Path) -> bool {
    let Ok(left) = fs::read_to_string(dir.join(MARK)) else {
        return false;
    };
    match boot() {
        Some(now) => left.trim() != now,
        None => true,
    }
}

/// Marks the store open in this boot, durably.
pub(super) fn set(dir: &Path) -> io::Result<()> {
    write_whole(
        &dir.join(MARK),
        boot().unwrap_or_default().as_bytes(),
        false,
    )
}

/// Syncs every file of sled's folder, then removes the mark: from then on
/// sled's files stand whatever happens to the computer.
pub(super) fn clear(dir: &Path, state: &Path) -> io::Result<()> {
    sync_tree(state)?;
    match fs::remove_file(dir.join(MARK)) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    sync_dir(dir)
}

/// fsyncs every file under `dir` and every folder, `dir` included.
fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            sync_tree(&entry.path())?;
        } else if kind.is_file() {
            fs::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_of_this_boot_is_a_killed_process_and_of_another_a_computer_gone_down() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!went_down(dir.path()), "no mark");
        set(dir.path()).unwrap();
        assert_eq!(went_down(dir.path()), boot().is_none());
        fs::write(dir.path().join(MARK), "another boot").unwrap();
        assert!(went_down(dir.path()));
        let state = dir.path().join("state");
        fs::create_dir_all(state.join("blobs")).unwrap();
        fs::write(state.join("blobs/1"), b"x").unwrap();
        clear(dir.path(), &state).unwrap();
        assert!(!went_down(dir.path()));
        assert!(!dir.path().join(MARK).exists());
    }
}
