//! The applicant's documents: files in the round folder under
//! `attachments/<dossier id>/`, listed in each dossier with their SHA-256.
//! `hash` fills in or refreshes those lists from the files; loading a round
//! copies them into the store folder, where the scoring screen opens them.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::dossier::{Attachment, Dossier};
use crate::lang::Say;
use crate::load::{self, Disk, FileError, Files};
use crate::workbook;

mod fault;
pub mod folder;
mod say;
pub mod shelf;
pub mod stage;

pub use fault::DocumentFault;

/// Where a round's attachments live, beside its dossiers folder.
pub const FOLDER: &str = "attachments";

/// Lower-case hex SHA-256 of a file, read in pieces (any size, little memory).
pub fn sha256(path: &Path) -> std::io::Result<String> {
    let mut f = File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// A file's size as people read it: bytes, KB, MB or GB (of 1024).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size(pub u64);

impl Size {
    /// Tenths of the largest unit the size reaches, rounded down (exact).
    fn scaled(self) -> Option<String> {
        let (mut unit, mut div) = (None, 1u64);
        for u in ["KB", "MB", "GB"] {
            if self.0 < div * 1024 {
                break;
            }
            div *= 1024;
            unit = Some(u);
        }
        let tenths = u128::from(self.0) * 10 / u128::from(div);
        unit.map(|u| format!("{}.{} {u}", tenths / 10, tenths % 10))
    }
}

impl Say for Size {
    fn zh(&self) -> String {
        self.scaled().unwrap_or_else(|| format!("{} 字节", self.0))
    }
    fn en(&self) -> String {
        self.scaled().unwrap_or_else(|| format!("{} bytes", self.0))
    }
}

/// What `hash` found for one dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hashed {
    pub id: String,
    pub added: Vec<String>,
    pub refreshed: Vec<String>,
    /// Listed in the dossier, but no such file.
    pub missing: Vec<String>,
    pub unchanged: usize,
}

impl Hashed {
    fn changed(&self) -> bool {
        !self.added.is_empty() || !self.refreshed.is_empty()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("{}", crate::error::lines(.0))]
    Files(Vec<FileError>),
    #[error("cannot read {path}: {detail}")]
    Read { path: PathBuf, detail: String },
    #[error("cannot write {path}: {detail}")]
    Write { path: PathBuf, detail: String },
}

/// Hashes every dossier's attachments under `round_dir` and rewrites the
/// dossiers whose list changed; reads and checks everything before writing.
pub fn hash(round_dir: &Path, dossiers: &str) -> Result<Vec<Hashed>, HashError> {
    let dir = round_dir.join(dossiers);
    let files = Disk.list(&dir).map_err(|e| HashError::Read {
        path: dir.clone(),
        detail: e.to_string(),
    })?;
    let mut plan = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match load::dossier(&Disk, &f) {
            Ok((d, text)) => plan.push((f, d, text)),
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(HashError::Files(errors));
    }
    let mut out = Vec::new();
    let mut writes = Vec::new();
    for (f, mut d, text) in plan {
        let folder = round_dir.join(FOLDER).join(&d.id);
        let found = refresh(&mut d, &folder)?;
        if found.changed() {
            let head: String = text
                .lines()
                .take_while(|l| l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            let new = workbook::canonical(&d, &head).map_err(|detail| HashError::Write {
                path: f.clone(),
                detail,
            })?;
            workbook::check(&f, &new, &d).map_err(|detail| HashError::Write {
                path: f.clone(),
                detail,
            })?;
            writes.push((f, new));
        }
        out.push(found);
    }
    for (f, text) in writes {
        std::fs::write(&f, text).map_err(|e| HashError::Write {
            path: f.clone(),
            detail: e.to_string(),
        })?;
    }
    Ok(out)
}

/// The dossier's list brought up to date with the files in `folder`.
fn refresh(d: &mut Dossier, folder: &Path) -> Result<Hashed, HashError> {
    let mut names: Vec<String> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    let mut h = Hashed {
        id: d.id.clone(),
        ..Hashed::default()
    };
    let digest = |name: &str| {
        let p = folder.join(name);
        sha256(&p).map_err(|e| HashError::Read {
            path: p,
            detail: e.to_string(),
        })
    };
    for a in &mut d.attachments {
        if !names.contains(&a.name) {
            h.missing.push(a.name.clone());
            continue;
        }
        let sum = digest(&a.name)?;
        if sum == a.sha256 {
            h.unchanged += 1;
        } else {
            a.sha256 = sum;
            h.refreshed.push(a.name.clone());
        }
    }
    for name in names {
        if !d.attachments.iter().any(|a| a.name == name) {
            let sha256 = digest(&name)?;
            d.attachments.push(Attachment {
                name: name.clone(),
                sha256,
            });
            h.added.push(name);
        }
    }
    Ok(h)
}

/// All dossiers' outcomes, one line each where something happened.
pub struct Report<'a>(pub &'a [Hashed]);

impl Say for Report<'_> {
    fn zh(&self) -> String {
        let mut out = Vec::new();
        for h in self.0 {
            let mut parts = Vec::new();
            if !h.added.is_empty() {
                parts.push(format!("新增 {}", h.added.join("、")));
            }
            if !h.refreshed.is_empty() {
                parts.push(format!("哈希已更新 {}", h.refreshed.join("、")));
            }
            if !h.missing.is_empty() {
                parts.push(format!("警告：缺少文件 {}", h.missing.join("、")));
            }
            if !parts.is_empty() {
                out.push(format!("{}：{}", h.id, parts.join("；")));
            }
        }
        let changed = self.0.iter().filter(|h| h.changed()).count();
        out.push(format!(
            "{} 份申报书，其中 {changed} 份的附件清单已更新",
            self.0.len()
        ));
        out.join("\n")
    }

    fn en(&self) -> String {
        let mut out = Vec::new();
        for h in self.0 {
            let mut parts = Vec::new();
            if !h.added.is_empty() {
                parts.push(format!("added {}", h.added.join(", ")));
            }
            if !h.refreshed.is_empty() {
                parts.push(format!("hash refreshed {}", h.refreshed.join(", ")));
            }
            if !h.missing.is_empty() {
                parts.push(format!("warning: no file for {}", h.missing.join(", ")));
            }
            if !parts.is_empty() {
                out.push(format!("{}: {}", h.id, parts.join("; ")));
            }
        }
        let changed = self.0.iter().filter(|h| h.changed()).count();
        out.push(format!(
            "{} dossiers, {changed} with their attachment list updated",
            self.0.len()
        ));
        out.join("\n")
    }
}

/// What `check` finds when it compares a round's documents with their lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The file is there but is not the one listed: an error.
    Mismatch {
        dossier: String,
        name: String,
        listed: String,
        found: String,
    },
    /// The list names a file that is not there: a warning.
    Missing { dossier: String, name: String },
}

impl Say for Finding {
    fn zh(&self) -> String {
        match self {
            Finding::Mismatch {
                dossier,
                name,
                listed,
                found,
            } => format!(
                "{dossier} 的附件 {name} 与申报书所列不符：所列 SHA-256 {listed}，文件实为 {found}"
            ),
            Finding::Missing { dossier, name } => {
                format!("警告：{dossier} 的附件 {name} 不在 {FOLDER}/{dossier}/ 中")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Finding::Mismatch {
                dossier,
                name,
                listed,
                found,
            } => format!(
                "{dossier}: attachment {name} is not the one listed: listed SHA-256 {listed}, the file has {found}"
            ),
            Finding::Missing { dossier, name } => {
                format!("warning: {dossier}: attachment {name} is not in {FOLDER}/{dossier}/")
            }
        }
    }
}

/// Compares every listed document present under `round_dir/attachments/`
/// with its hash. A round without that folder carries no documents: nothing
/// to compare, nothing said.
pub fn verify(round_dir: &Path, dossiers: &[Dossier]) -> Result<Vec<Finding>, HashError> {
    let root = round_dir.join(FOLDER);
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for d in dossiers {
        for a in &d.attachments {
            let path = root.join(&d.id).join(&a.name);
            if !path.is_file() {
                out.push(Finding::Missing {
                    dossier: d.id.clone(),
                    name: a.name.clone(),
                });
                continue;
            }
            let found = sha256(&path).map_err(|e| HashError::Read {
                path: path.clone(),
                detail: e.to_string(),
            })?;
            if found != a.sha256 {
                out.push(Finding::Mismatch {
                    dossier: d.id.clone(),
                    name: a.name.clone(),
                    listed: a.sha256.clone(),
                    found,
                });
            }
        }
    }
    Ok(out)
}
