//! The applicant's documents carried after a package's text, streamed both
//! ways so that a package of any size needs little memory:
//!
//! ```text
//! Package( … )            the package's text, as without documents
//! %% pingshen documents 1
//! 18341 HP-2024-001/申报书.pdf
//! <18341 bytes>
//! …
//! %% end
//! ```
//!
//! Each document is checked against the SHA-256 its dossier lists, and the
//! dossiers are covered by the round's fingerprint: a changed byte anywhere
//! refuses the package.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, Read, Write};
use std::path::Path;

use crate::attachments::DocumentFault;
use crate::attachments::stage::{Staging, copy_hashed, plain, round_folder};
use crate::bundle::BundleError;
use crate::domain::dossier::Dossier;
use crate::load::LoadedRound;
use crate::store::Store;

/// The line between the package's text and its documents.
pub const MARK: &str = "%% pingshen documents 1";
/// The line after the last document.
const END: &str = "%% end";
/// The longest header line read (size, dossier id, name).
const LINE: u64 = 4096;

/// What the documents part of a written package holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packed {
    pub documents: usize,
    pub bytes: u64,
}

/// Writes every listed document of the round, from the store folder, after
/// `text` into `to` (the file `out`), checking each against its hash as it goes.
pub fn write(
    store: &Store,
    round: &str,
    dossiers: &[Dossier],
    text: &[u8],
    to: &mut impl Write,
    out: &Path,
) -> Result<Packed, BundleError> {
    let put = |e: std::io::Error| BundleError::Documents(DocumentFault::io(out, &e));
    to.write_all(text).map_err(put)?;
    writeln!(to, "{MARK}").map_err(put)?;
    let folder = round_folder(store.dir(), round);
    let mut packed = Packed {
        documents: 0,
        bytes: 0,
    };
    for d in dossiers {
        for a in &d.attachments {
            let path = folder.join(&d.id).join(&a.name);
            let absent = || {
                BundleError::Documents(DocumentFault::Absent {
                    dossier: d.id.clone(),
                    name: a.name.clone(),
                    folder: folder.join(&d.id),
                })
            };
            if !(plain(&d.id) && plain(&a.name) && path.is_file()) {
                return Err(absent());
            }
            let read = |e: std::io::Error| BundleError::Documents(DocumentFault::io(&path, &e));
            let mut f = File::open(&path).map_err(read)?;
            let size = f.metadata().map_err(read)?.len();
            writeln!(to, "{size} {}/{}", d.id, a.name).map_err(put)?;
            let (found, n) = copy_hashed(&mut (&mut f).take(size), to).map_err(put)?;
            if found != a.sha256 || n != size {
                return Err(BundleError::Documents(DocumentFault::Changed {
                    origin: folder.join(&d.id).display().to_string(),
                    dossier: d.id.clone(),
                    name: a.name.clone(),
                    listed: a.sha256.clone(),
                    found,
                }));
            }
            writeln!(to).map_err(put)?;
            packed.documents += 1;
            packed.bytes += size;
        }
    }
    writeln!(to, "{END}").map_err(put)?;
    Ok(packed)
}

/// A file's text up to the documents' mark (all of it for any other file),
/// read without reading the documents after it.
pub fn read_text(file: &Path) -> Result<String, crate::load::FileError> {
    use crate::load::{FileError, Message};
    let unread = |e: std::io::Error| FileError::at(file, 1, 1, Message::CannotRead((&e).into()));
    let mut from = std::io::BufReader::new(File::open(file).map_err(unread)?);
    let (bytes, _) = head(&mut from).map_err(unread)?;
    crate::load::text(file, &bytes)
}

/// The package's text: every line up to the documents' mark (or the end),
/// and whether documents follow.
pub fn head(from: &mut impl BufRead) -> std::io::Result<(Vec<u8>, bool)> {
    let mut text = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if from.read_until(b'\n', &mut line)? == 0 {
            return Ok((text, false));
        }
        if trim(&line) == MARK.as_bytes() {
            return Ok((text, true));
        }
        text.extend_from_slice(&line);
    }
}

fn trim(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Reads the documents after the mark into a staging folder of the store,
/// each checked against the hash its dossier lists.
pub fn unpack(
    file: &Path,
    from: &mut impl BufRead,
    loaded: &LoadedRound,
    store: &Path,
) -> Result<Staging, BundleError> {
    let name = file.display().to_string();
    let fault = |f: DocumentFault| BundleError::Documents(f);
    let damaged = |whole: usize| {
        fault(DocumentFault::Damaged {
            file: name.clone(),
            whole,
        })
    };
    let round = &loaded.round.id;
    let mut expected: BTreeMap<String, (&str, &str, &str)> = BTreeMap::new();
    for d in &loaded.dossiers {
        for a in &d.attachments {
            expected.insert(
                format!("{}/{}", d.id, a.name),
                (d.id.as_str(), a.name.as_str(), a.sha256.as_str()),
            );
        }
    }
    if !plain(round) {
        return Err(fault(DocumentFault::Unexpected {
            file: name.clone(),
            entry: round.clone(),
        }));
    }
    let mut staging = Staging::new(store, round).map_err(fault)?;
    let mut line = Vec::new();
    loop {
        let whole = staging.documents;
        line.clear();
        let n = from
            .by_ref()
            .take(LINE)
            .read_until(b'\n', &mut line)
            .map_err(|e| fault(DocumentFault::io(file, &e)))?;
        if n == 0 || !line.ends_with(b"\n") {
            return Err(damaged(whole));
        }
        let header = std::str::from_utf8(trim(&line)).map_err(|_| damaged(whole))?;
        if header == END {
            break;
        }
        let (size, entry) = header.split_once(' ').ok_or_else(|| damaged(whole))?;
        let size: u64 = match size.parse() {
            Ok(s) if size.bytes().all(|b| b.is_ascii_digit()) => s,
            _ => return Err(damaged(whole)),
        };
        let Some((dossier, doc, listed)) = expected.remove(entry) else {
            return Err(fault(DocumentFault::Unexpected {
                file: name.clone(),
                entry: entry.to_string(),
            }));
        };
        if !plain(dossier) || !plain(doc) {
            return Err(fault(DocumentFault::Unexpected {
                file: name.clone(),
                entry: entry.to_string(),
            }));
        }
        let before = staging.bytes;
        let found = staging
            .put(dossier, doc, &mut from.by_ref().take(size))
            .map_err(fault)?;
        let mut end = [0u8; 1];
        let cut = staging.bytes - before != size || from.read_exact(&mut end).is_err();
        if cut || end != *b"\n" {
            return Err(damaged(whole));
        }
        if found != listed {
            return Err(fault(DocumentFault::Changed {
                origin: name.clone(),
                dossier: dossier.to_string(),
                name: doc.to_string(),
                listed: listed.to_string(),
                found,
            }));
        }
    }
    Ok(staging)
}
