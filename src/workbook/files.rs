//! Imported dossiers as canonical RON files, one per applicant: each text is
//! read back through the dossier loader before any file is written, and a
//! file whose text is already the same is left alone.

use std::path::{Path, PathBuf};

use super::columns::{APPLICANTS, ATTACHMENTS, FINANCES, JOINT, TARGETS, get};
use super::import::Imported;
use super::problem::{Issue, Problem};
use crate::domain::dossier::Dossier;
use crate::load::{self, Disk, Files};

/// What became of one dossier's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    New,
    /// The file already held exactly this text; it was not touched.
    Same,
    /// The same dossier from another row or file: only the comment changed.
    Moved,
    /// The fields whose values changed, by key (`patents.invention.valid`,
    /// or `joint`, `targets`, `finances`, `attachments` for a whole sheet's rows).
    Changed(Vec<&'static str>),
    /// The old file did not read as a dossier; it was replaced.
    Replaced,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub id: String,
    pub file: PathBuf,
    pub fate: Fate,
}

/// A dossier's canonical text, with a first line naming where it came from.
pub fn text(imp: &Imported) -> Result<String, String> {
    let head = format!("// 来源：{}（pingshen dossier import）\n", imp.source);
    canonical(&imp.dossier, &head)
}

/// A dossier as RON laid out one way, after `head` (comment lines).
pub fn canonical(d: &Dossier, head: &str) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .escape_strings(false)
        .struct_names(false);
    let body = ron::ser::to_string_pretty(d, config).map_err(|e| e.to_string())?;
    Ok(format!("{head}Dossier{body}\n"))
}

/// Reads a text back as the loader does; it must give the same dossier.
pub fn check(file: &Path, text: &str, want: &Dossier) -> Result<(), String> {
    let one = One { file, text };
    match load::dossier(&one, file) {
        Ok((d, _)) if &d == want => Ok(()),
        Ok(_) => Err("the written file does not read back as the same dossier".into()),
        Err(errors) => Err(crate::error::lines(&errors)),
    }
}

/// Decides every file's fate and checks every text; writes nothing. The
/// dossiers are independent, so the work is shared among the machine's cores.
pub fn plan(dir: &Path, dossiers: &[Imported]) -> Result<Vec<Written>, Vec<Problem>> {
    let one = |imp: &Imported| {
        let file = dir.join(format!("{}.ron", imp.dossier.id));
        text(imp)
            .and_then(|t| check(&file, &t, &imp.dossier).map(|()| t))
            .map(|t| Written {
                id: imp.dossier.id.clone(),
                fate: fate(&file, &t, &imp.dossier),
                file,
            })
            .map_err(|message| {
                Box::new(Problem {
                    at: imp.source.clone(),
                    issue: Issue::Rule {
                        message: message.into(),
                    },
                })
            })
    };
    let results = shared(dossiers, one);
    let mut out = Vec::with_capacity(dossiers.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(w) => out.push(w),
            Err(p) => problems.push(*p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// `f` of every item, in order, the items shared among the available cores.
fn shared<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let size = items.len().div_ceil(cores.max(1)).max(256);
    if items.len() <= size {
        return items.iter().map(&f).collect();
    }
    std::thread::scope(|s| {
        let f = &f;
        let parts: Vec<_> = items
            .chunks(size)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Writes the files `plan` found new or changed, shared among the cores.
pub fn write(dir: &Path, dossiers: &[Imported], plan: &[Written]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let pairs: Vec<(&Imported, &Written)> = dossiers.iter().zip(plan).collect();
    let done = shared(&pairs, |(imp, w)| {
        if w.fate == Fate::Same {
            return Ok(());
        }
        // Written in place: the workbook is the record, a re-import repairs a cut-off file.
        std::fs::write(&w.file, text(imp).map_err(std::io::Error::other)?)
    });
    done.into_iter().collect::<std::io::Result<()>>()?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn fate(file: &Path, text: &str, new: &Dossier) -> Fate {
    let Ok(old_bytes) = std::fs::read(file) else {
        return Fate::New;
    };
    if old_bytes == text.as_bytes() {
        return Fate::Same;
    }
    match load::dossier(&Disk, file) {
        Ok((old, _)) if &old == new => Fate::Moved,
        Ok((old, _)) => Fate::Changed(changes(&old, new)),
        Err(_) => Fate::Replaced,
    }
}

/// The fields whose values differ, then the other sheets' rows that differ.
pub fn changes(old: &Dossier, new: &Dossier) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = APPLICANTS
        .columns
        .iter()
        .filter(|c| get(old, c.key) != get(new, c.key))
        .map(|c| c.key)
        .collect();
    let sheets = [
        (old.joint != new.joint, "joint"),
        (old.targets != new.targets, "targets"),
        (old.finances != new.finances, "finances"),
        (old.attachments != new.attachments, "attachments"),
    ];
    out.extend(sheets.iter().filter(|s| s.0).map(|s| s.1));
    out
}

/// A changed field as the workbook heads it: its column, or its sheet.
pub fn heading(key: &str) -> &'static str {
    match key {
        "joint" => JOINT.name,
        "targets" => TARGETS.name,
        "finances" => FINANCES.name,
        "attachments" => ATTACHMENTS.name,
        k => APPLICANTS
            .column(k)
            .map_or("", |c| APPLICANTS.columns[c].heading),
    }
}

/// One text as a file, for the loader.
struct One<'a> {
    file: &'a Path,
    text: &'a str,
}

impl Files for One<'_> {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        if path == self.file {
            Ok(self.text.as_bytes().to_vec())
        } else {
            Err(std::io::ErrorKind::NotFound.into())
        }
    }

    fn list(&self, _: &Path) -> std::io::Result<Vec<PathBuf>> {
        Ok(Vec::new())
    }
}
