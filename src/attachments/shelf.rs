//! The documents of one dossier as the scoring screen shows them (name, size,
//! whether the file is the listed one), and opening one with the system's
//! viewer once its hash is checked again.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::fault::DocumentFault;
use super::sha256;
use super::stage::{plain, round_folder};

/// The environment variable naming the program that opens a document
/// (given the file as its one argument) instead of the system's viewer.
pub const VIEWER_VAR: &str = "PINGSHEN_OPEN";

/// What a document's file is, compared with its dossier's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The file's SHA-256 is the listed one.
    Verified,
    /// The file is there but is another one.
    Changed,
    /// No such file in the store folder.
    Missing,
}

/// One listed document, looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub size: Option<u64>,
    pub check: Check,
}

/// Where a dossier's document is kept in the store folder.
pub fn path(store: &Path, round: &str, dossier: &str, name: &str) -> Option<PathBuf> {
    (plain(round) && plain(dossier) && plain(name))
        .then(|| round_folder(store, round).join(dossier).join(name))
}

/// Each listed document (name, SHA-256) of a dossier, hashed and compared.
pub fn list(
    store: &Path,
    round: &str,
    dossier: &str,
    listed: &[(String, String)],
) -> Vec<Document> {
    listed
        .iter()
        .map(|(name, sum)| {
            let file = path(store, round, dossier, name).filter(|p| p.is_file());
            let size = file
                .as_ref()
                .and_then(|p| std::fs::metadata(p).ok())
                .map(|m| m.len());
            let check = match file.map(|p| sha256(&p)) {
                Some(Ok(found)) if found == *sum => Check::Verified,
                Some(Ok(_)) => Check::Changed,
                _ => Check::Missing,
            };
            Document {
                name: name.clone(),
                size,
                check,
            }
        })
        .collect()
}

/// Checks the document against its listed SHA-256 and, only when it is the
/// listed one, starts the viewer on it; the path opened is returned.
pub fn open(
    store: &Path,
    round: &str,
    dossier: &str,
    name: &str,
    listed: &str,
) -> Result<PathBuf, DocumentFault> {
    let folder = round_folder(store, round).join(dossier);
    let absent = || DocumentFault::Absent {
        dossier: dossier.to_string(),
        name: name.to_string(),
        folder: folder.clone(),
    };
    let file = path(store, round, dossier, name)
        .filter(|p| p.is_file())
        .ok_or_else(absent)?;
    let found = sha256(&file).map_err(|e| DocumentFault::io(&file, &e))?;
    if found != listed {
        return Err(DocumentFault::NotOpened {
            dossier: dossier.to_string(),
            name: name.to_string(),
            listed: listed.to_string(),
            found,
        });
    }
    let (program, args) = viewer(std::env::var_os(VIEWER_VAR));
    let child = Command::new(&program)
        .args(&args)
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| DocumentFault::Viewer {
            program: program.to_string_lossy().into_owned(),
            why: (&e).into(),
        })?;
    // The viewer runs on its own; its end is collected so it leaves no zombie.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(file)
}

/// The program (and its leading arguments) that opens a file here.
fn viewer(over: Option<std::ffi::OsString>) -> (std::ffi::OsString, Vec<&'static str>) {
    if let Some(p) = over.filter(|p| !p.is_empty()) {
        return (p, vec![]);
    }
    if cfg!(target_os = "macos") {
        ("open".into(), vec![])
    } else if cfg!(windows) {
        ("cmd".into(), vec!["/C", "start", ""])
    } else {
        ("xdg-open".into(), vec![])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_overrides_the_system_viewer() {
        assert_eq!(viewer(Some("/bin/v".into())).0, "/bin/v");
        assert_ne!(viewer(None).0, "");
        assert_eq!(viewer(Some("".into())).0, viewer(None).0);
    }
}
