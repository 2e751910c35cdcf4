//! One entry point per reader of bytes that come from outside the room, for
//! the fuzz targets in `fuzz/` and for the test that replays their corpus.
//! Each reads bytes only from memory and writes nothing; it returns what the
//! reader promised and did not keep, and panics only where the reader does.

use std::path::{Path, PathBuf};

use crate::lang::Say;
use crate::load::{self, FileError, Files};
use crate::samples::{DEMO_ROUND, Embedded};

/// A promise a reader broke for some input (beyond panicking or hanging,
/// which the fuzzer sees for itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// An error in a format with lines and columns, without a place.
    NoPlace { said: String },
    /// An error with no words in one of the two languages.
    NoWords { said: String },
    /// The reader said it stopped somewhere outside the bytes it was given.
    Outside { offset: u64, len: u64 },
}

/// A reader under test: bytes in, a broken promise out.
pub type Target = fn(&[u8]) -> Result<(), Broken>;

/// The fuzz targets, by name, each with its reader.
pub const TARGETS: &[(&str, Target)] = &[
    ("sheet", sheet),
    ("dossier", dossier),
    ("round", round),
    ("calendar", calendar),
    ("package", package),
    ("bundle_frame", bundle_frame),
    ("bundle_body", bundle_body),
    ("journal", journal),
    ("workbook", workbook),
    ("csv", csv),
];

/// Serves the bytes under test at one path, and the shipped files elsewhere.
struct Given<'a> {
    path: &'a Path,
    bytes: &'a [u8],
}

impl Files for Given<'_> {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        if path == self.path {
            Ok(self.bytes.to_vec())
        } else {
            Embedded.read(path)
        }
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        Embedded.list(dir)
    }
}

fn placed(errors: &[FileError]) -> Result<(), Broken> {
    for e in errors {
        if e.line < 1 || e.col < 1 {
            return Err(Broken::NoPlace {
                said: e.to_string(),
            });
        }
        if e.message.zh().is_empty() || e.message.en().is_empty() {
            return Err(Broken::NoWords {
                said: e.to_string(),
            });
        }
    }
    Ok(())
}

fn said(e: &impl Say) -> Result<(), Broken> {
    if e.zh().trim().is_empty() || e.en().trim().is_empty() {
        return Err(Broken::NoWords { said: e.en() });
    }
    Ok(())
}

/// A scoresheet file.
pub fn sheet(bytes: &[u8]) -> Result<(), Broken> {
    let path = Path::new("sheet.ron");
    match load::sheet(&Given { path, bytes }, path) {
        Ok(_) => Ok(()),
        Err(errors) => placed(&errors),
    }
}

/// A dossier file.
pub fn dossier(bytes: &[u8]) -> Result<(), Broken> {
    let path = Path::new("dossier.ron");
    match load::dossier(&Given { path, bytes }, path) {
        Ok(_) => Ok(()),
        Err(errors) => placed(&errors),
    }
}

/// A round file, beside the demo round's shipped sheet and dossiers.
pub fn round(bytes: &[u8]) -> Result<(), Broken> {
    let path = Path::new(DEMO_ROUND);
    match load::round(&Given { path, bytes }, path) {
        Ok(_) => Ok(()),
        Err(errors) => placed(&errors),
    }
}

/// A holiday calendar file.
pub fn calendar(bytes: &[u8]) -> Result<(), Broken> {
    let path = Path::new("calendar.ron");
    match load::calendar(&Given { path, bytes }, path) {
        Ok(_) => Ok(()),
        Err(errors) => placed(&errors),
    }
}

/// A round package, as `init` and `bundle` read it.
pub fn package(bytes: &[u8]) -> Result<(), Broken> {
    match crate::bundle::package::read(Path::new("round.pkg"), bytes) {
        Ok(_) => Ok(()),
        Err(crate::bundle::BundleError::Files(errors)) => placed(&errors),
        Err(e) => said(&e),
    }
}

/// A score bundle's frame (first line, key line, signature line) and, when
/// its signature holds, its body.
pub fn bundle_frame(bytes: &[u8]) -> Result<(), Broken> {
    match crate::bundle::open(bytes) {
        Ok(opened) => match crate::bundle::read_body(opened.body) {
            Ok(_) => Ok(()),
            Err(e) => said(&e),
        },
        Err(e) => said(&e),
    }
}

/// A score bundle's body text, past its signature.
pub fn bundle_body(bytes: &[u8]) -> Result<(), Broken> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    match crate::bundle::read_body(text) {
        Ok(_) => Ok(()),
        Err(
            e @ crate::bundle::BundleError::Body(crate::bundle::BodyFault::Parse {
                line, col, ..
            }),
        ) => {
            if line < 1 || col < 1 {
                return Err(Broken::NoPlace {
                    said: e.to_string(),
                });
            }
            said(&e)
        }
        Err(e) => said(&e),
    }
}

/// A journal segment, read as recovery reads it: records, entries, replay.
pub fn journal(bytes: &[u8]) -> Result<(), Broken> {
    let read = crate::store::read_segment(bytes);
    match read.damage {
        Some(d) if d.offset > read.len => Err(Broken::Outside {
            offset: d.offset,
            len: read.len,
        }),
        Some(d) => said(&d.fault),
        None => Ok(()),
    }
}

/// A workbook: the first byte picks the format (`.xlsx`, `.xls`, `.ods`),
/// the rest is the file.
pub fn workbook(bytes: &[u8]) -> Result<(), Broken> {
    let Some((pick, rest)) = bytes.split_first() else {
        return Ok(());
    };
    let name = match pick % 3 {
        0 => "book.xlsx",
        1 => "book.xls",
        _ => "book.ods",
    };
    problems(crate::workbook::read_bytes(Path::new(name), rest.to_vec()))
}

/// A CSV file of dossiers.
pub fn csv(bytes: &[u8]) -> Result<(), Broken> {
    problems(crate::workbook::read_bytes(
        Path::new("book.csv"),
        bytes.to_vec(),
    ))
}

fn problems(
    read: Result<crate::workbook::Read, Vec<crate::workbook::Problem>>,
) -> Result<(), Broken> {
    use crate::workbook::Issue;
    let Err(problems) = read else {
        return Ok(());
    };
    for p in &problems {
        said(p)?;
        let on_a_cell = matches!(
            p.issue,
            Issue::Cell { .. }
                | Issue::Empty { .. }
                | Issue::CheckCharacter { .. }
                | Issue::CreditCode { .. }
        );
        if on_a_cell && p.at.cell.is_none() {
            return Err(Broken::NoPlace {
                said: p.to_string(),
            });
        }
    }
    Ok(())
}
