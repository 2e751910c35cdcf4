//! Documents put into the store folder (`STORE/attachments/<round>/<dossier>/`):
//! first into a folder of their own beside it, each hashed as it is written,
//! and moved into place only once the round is loaded. Dropped before that,
//! the staging folder goes away and the store folder is as it was.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{FOLDER, fault::DocumentFault};

/// The folder holding a round's documents in the store folder.
pub fn round_folder(store: &Path, round: &str) -> PathBuf {
    store.join(FOLDER).join(round)
}

/// A name that is one plain path component (no folder, no `..`).
pub fn plain(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).file_name().is_some_and(|n| n == name)
}

/// Copies `from` to `to` in pieces, returning the SHA-256 (lower-case hex) and
/// the number of bytes; memory stays small whatever the size.
pub fn copy_hashed(from: &mut impl Read, to: &mut impl Write) -> io::Result<(String, u64)> {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut n = 0u64;
    loop {
        let k = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(k) => k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        h.update(&buf[..k]);
        to.write_all(&buf[..k])?;
        n += k as u64;
    }
    Ok((hex(&h.finalize()), n))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A round's documents on their way into the store folder.
pub struct Staging {
    store: PathBuf,
    tmp: PathBuf,
    dest: PathBuf,
    /// The store folder did not exist before: it goes too if nothing is kept.
    made_store: bool,
    done: bool,
    pub documents: usize,
    pub bytes: u64,
}

impl Staging {
    pub fn new(store: &Path, round: &str) -> Result<Staging, DocumentFault> {
        let made_store = !store.exists();
        let root = store.join(FOLDER);
        let tmp = root.join(format!(".incoming-{round}"));
        let fail = |e: io::Error| DocumentFault::io(&tmp, &e);
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(fail)?;
        }
        fs::create_dir_all(&tmp).map_err(fail)?;
        Ok(Staging {
            store: store.to_path_buf(),
            dest: round_folder(store, round),
            tmp,
            made_store,
            done: false,
            documents: 0,
            bytes: 0,
        })
    }

    /// Writes one document from `from`, returning its SHA-256.
    pub fn put(
        &mut self,
        dossier: &str,
        name: &str,
        from: &mut impl Read,
    ) -> Result<String, DocumentFault> {
        let dir = self.tmp.join(dossier);
        fs::create_dir_all(&dir).map_err(|e| DocumentFault::io(&dir, &e))?;
        let path = dir.join(name);
        let written = (|| -> io::Result<(String, u64)> {
            let mut f = io::BufWriter::new(File::create(&path)?);
            let got = copy_hashed(from, &mut f)?;
            f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            Ok(got)
        })();
        let (sum, n) = written.map_err(|e| DocumentFault::io(&path, &e))?;
        self.documents += 1;
        self.bytes += n;
        Ok(sum)
    }

    /// Moves the documents into place, replacing the round's earlier ones.
    pub fn commit(mut self) -> Result<(usize, PathBuf), DocumentFault> {
        let fail = |p: &Path, e: io::Error| DocumentFault::io(p, &e);
        if self.dest.exists() {
            fs::remove_dir_all(&self.dest).map_err(|e| fail(&self.dest, e))?;
        }
        fs::rename(&self.tmp, &self.dest).map_err(|e| fail(&self.dest, e))?;
        if let Ok(d) = File::open(self.store.join(FOLDER)) {
            let _ = d.sync_all();
        }
        self.done = true;
        Ok((self.documents, self.dest.clone()))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let _ = fs::remove_dir_all(&self.tmp);
        // Only empty folders go: whatever else is there stays.
        let _ = fs::remove_dir(self.store.join(FOLDER));
        if self.made_store {
            let _ = fs::remove_dir(&self.store);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_pass() {
        assert!(plain("申报书.pdf"));
        assert!(!plain("../x.pdf"));
        assert!(!plain("a/b.pdf"));
        assert!(!plain(".."));
        assert!(!plain(""));
    }
}
