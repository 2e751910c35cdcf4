//! The shipped sheets, sample dossiers and demo round, built into the binary.

use std::path::{Path, PathBuf};

use crate::domain::calendar::Calendar;
use crate::load::{self, FileError, Files, LoadedRound};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/samples.rs"));
}

/// The round file `pingshen demo` opens.
pub const DEMO_ROUND: &str = "scoresheets/demo/round.ron";

/// The shipped holiday calendar, used when no other is given.
pub const CALENDAR: &str = "scoresheets/calendars/cn-2024-2026.ron";

/// Reads shipped files from the binary instead of the disk.
pub struct Embedded;

fn key(path: &Path) -> String {
    // Normalise `a/b/../c` the way the round file's relative paths need.
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

impl Files for Embedded {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let k = key(path);
        embedded::FILES
            .iter()
            .find(|(p, _)| *p == k)
            .map(|(_, b)| b.to_vec())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, k))
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let prefix = format!("{}/", key(dir));
        Ok(embedded::FILES
            .iter()
            .filter(|(p, _)| {
                p.strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains('/'))
            })
            .map(|(p, _)| PathBuf::from(p))
            .collect())
    }
}

/// Every shipped file's path.
pub fn paths() -> impl Iterator<Item = &'static str> {
    embedded::FILES.iter().map(|(p, _)| *p)
}

/// The shipped holiday calendar, from the binary.
pub fn calendar() -> Result<Calendar, Vec<FileError>> {
    load::calendar(&Embedded, Path::new(CALENDAR)).map(|(c, _)| c)
}

/// The demo round with its sheet and dossiers, from the binary.
pub fn demo_round() -> Result<LoadedRound, Vec<FileError>> {
    load::round(&Embedded, Path::new(DEMO_ROUND))
}
