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

/// Decides every file's fate and checks every text it will write; writes
/// nothing. The dossiers are independent, so the work is shared among the
/// machine's cores. The texts are not kept: for 10,000 dossiers they take
/// some 30 MB, which with the dossiers would pass the import's memory bound;
/// `write` makes each again.
pub fn plan(dir: &Path, dossiers: &[Imported]) -> Result<Vec<Written>, Vec<Problem>> {
    // A folder not there yet holds no file: none is looked for.
    let fresh = !dir.exists();
    let one = |imp: &Imported| {
        let file = dir.join(format!("{}.ron", imp.dossier.id));
        text(imp)
            .and_then(|t| {
                let fate = if fresh {
                    Fate::New
                } else {
                    fate(&file, &t, &imp.dossier)
                };
                if fate != Fate::Same {
                    // A file that holds this very text already is not written: nothing to check.
                    check(&file, &t, &imp.dossier)?;
                }
                Ok(fate)
            })
            .map(|fate| Written {
                id: imp.dossier.id.clone(),
                fate,
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
    shared_among(cores, items, f)
}

/// `f` of every item, in order, the items shared among `threads` threads.
fn shared_among<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let size = items.len().div_ceil(threads.max(1)).max(256);
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

/// Writes the files `plan` found new or changed (shared among the cores),
/// then makes them durable: when this returns, every file written and the
/// folder's entries for them are on the disk, so a dossier said to be
/// imported is still there after a power cut. The files are synced together
/// once all are written, not one by one as each is written (see `sync`).
pub fn write(dir: &Path, dossiers: &[Imported], plan: &[Written]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let folder = Folder::open(dir)?;
    let jobs: Vec<(&Imported, &Written)> = dossiers
        .iter()
        .zip(plan)
        .filter(|(_, w)| w.fate != Fate::Same)
        .collect();
    let done = shared(&jobs, |(imp, w)| {
        let text = text(imp).map_err(std::io::Error::other)?;
        // Written in place: the workbook is the record, a re-import repairs a cut-off file.
        let mut f = std::fs::File::create(&w.file)?;
        std::io::Write::write_all(&mut f, text.as_bytes())?;
        Ok(folder.leaves_out(&f)?.then_some(w.file.as_path()))
    });
    let own = done
        .into_iter()
        .filter_map(Result::transpose)
        .collect::<std::io::Result<Vec<&Path>>>()?;
    // Syncing waits on the disk, not the processor: more threads than cores.
    let synced = shared_among(16, &own, |file| {
        std::fs::OpenOptions::new()
            .write(true)
            .open(file)?
            .sync_all()
    });
    synced.into_iter().collect::<std::io::Result<()>>()?;
    folder.sync()
}

/// The folder written into, for putting what was written on the disk.
///
/// On Linux one `syncfs` of the folder's file system writes back all the
/// files at once and flushes the disk's cache once, where syncing 10,000
/// files one by one flushes it 10,000 times; only a file on another file
/// system (a symbolic link the import wrote through) is synced on its own.
/// Elsewhere every file is synced on its own, then the folder.
struct Folder {
    /// Not every system opens a folder as a file; Linux does.
    dir: Option<std::fs::File>,
    #[cfg(target_os = "linux")]
    dev: u64,
}

impl Folder {
    #[cfg(target_os = "linux")]
    fn open(dir: &Path) -> std::io::Result<Folder> {
        let dir = std::fs::File::open(dir)?;
        Ok(Folder {
            dev: std::os::unix::fs::MetadataExt::dev(&dir.metadata()?),
            dir: Some(dir),
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn open(dir: &Path) -> std::io::Result<Folder> {
        Ok(Folder {
            dir: std::fs::File::open(dir).ok(),
        })
    }

    /// Whether `sync` leaves this file out, so that it is synced on its own.
    fn leaves_out(&self, f: &std::fs::File) -> std::io::Result<bool> {
        #[cfg(target_os = "linux")]
        return Ok(std::os::unix::fs::MetadataExt::dev(&f.metadata()?) != self.dev);
        #[cfg(not(target_os = "linux"))]
        {
            let _ = f;
            Ok(true)
        }
    }

    fn sync(&self) -> std::io::Result<()> {
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            unsafe extern "C" {
                fn syncfs(fd: std::ffi::c_int) -> std::ffi::c_int;
            }
            let Some(dir) = &self.dir else {
                return Ok(());
            };
            // SAFETY: syncfs reads nothing of ours but the descriptor, which `dir` keeps open.
            if unsafe { syncfs(dir.as_raw_fd()) } == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            // Where a folder opens as a file, its entries are synced too.
            if let Some(dir) = &self.dir {
                let _ = dir.sync_all();
            }
            Ok(())
        }
    }
}

fn fate(file: &Path, text: &str, new: &Dossier) -> Fate {
    let Ok(old_bytes) = std::fs::read(file) else {
        return Fate::New;
    };
    if old_bytes == text.as_bytes() {
        return Fate::Same;
    }
    // Only the first line (the source row) differs: no need to read the old file.
    fn after_head(b: &[u8]) -> Option<&[u8]> {
        b.iter().position(|&c| c == b'\n').map(|k| &b[k..])
    }
    let moved = old_bytes.starts_with(b"//")
        && after_head(&old_bytes).is_some_and(|rest| Some(rest) == after_head(text.as_bytes()));
    if moved {
        return Fate::Moved;
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
