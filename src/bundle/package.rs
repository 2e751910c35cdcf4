//! Round packages: the exact texts of a round file, its sheets and dossiers in
//! one RON file, so that every expert's laptop loads the identical round (same
//! fingerprint) with `pingshen init PACKAGE`:
//!
//! ```text
//! Package(
//!     format: 1,
//!     fingerprint: "…",
//!     round: r#"Round( … )"#,
//!     sheet: r#"Sheet( … )"#,
//!     eligibility: Some(r#"Sheet( … )"#),
//!     dossiers: [("HP-2024-001.ron", r#"Dossier( … )"#), …],
//! )
//! ```

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

pub mod documents;

use super::{BundleError, FORMAT};
use crate::domain::round::Round;
use crate::load::{self, FileError, Files, LoadedRound};
use crate::store::{Store, fingerprint};

/// Where the round file stands among the package's files.
const ROUND_FILE: &str = "round.ron";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Package", deny_unknown_fields)]
struct PackageDoc {
    format: u32,
    /// The round's fingerprint when it was exported.
    fingerprint: String,
    round: String,
    sheet: String,
    eligibility: Option<String>,
    /// File name and text of each dossier.
    dossiers: Vec<(String, String)>,
}

/// The package of a round held in the store, as file bytes. The package is
/// read back before it is returned, and must give the stored fingerprint.
pub fn export(store: &Store, round: &str) -> Result<Vec<u8>, BundleError> {
    let r = store.round(round)?;
    let texts = store
        .round_texts(round)?
        .ok_or_else(|| BundleError::NoTexts(round.to_string()))?;
    let doc = PackageDoc {
        format: FORMAT,
        fingerprint: r.fingerprint.clone(),
        round: texts.round,
        sheet: texts.sheet,
        eligibility: texts.eligibility,
        dossiers: texts.dossiers,
    };
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(true);
    let body = ron::ser::to_string_pretty(&doc, config)
        .map_err(|e| BundleError::Body(super::BodyFault::Write(e.to_string())))?;
    let text = format!(
        "// pingshen round package: {} ({}), {} dossiers\n// load it with: pingshen init FILE\n{body}\n",
        r.round.id,
        r.round.title.replace('\n', " "),
        r.dossiers.len()
    );
    read(Path::new(round), text.as_bytes())?;
    Ok(text.into_bytes())
}

/// The round a package holds, loaded and validated like files on disk, and
/// checked against the fingerprint it carries.
pub fn read(file: &Path, bytes: &[u8]) -> Result<LoadedRound, BundleError> {
    let text = load::text(file, bytes).map_err(|e| BundleError::Files(vec![e]))?;
    let doc: PackageDoc = load::parse(file, &text).map_err(|e| BundleError::Files(vec![e]))?;
    if doc.format != FORMAT {
        let msg = load::Message::PackageFormat {
            found: doc.format,
            ours: FORMAT,
        };
        return Err(BundleError::Files(vec![FileError::at(file, 1, 1, msg)]));
    }
    let files = PackageFiles::new(file, &doc)?;
    let loaded = load::round(&files, Path::new(ROUND_FILE)).map_err(|errors| {
        BundleError::Files(errors.into_iter().map(|e| within(file, e)).collect())
    })?;
    let found = fingerprint(&loaded);
    if found != doc.fingerprint {
        return Err(BundleError::PackageChanged {
            file: file.display().to_string(),
            declared: doc.fingerprint,
            found,
        });
    }
    Ok(loaded)
}

/// An error in a file inside the package, named `package[inner]`.
fn within(package: &Path, mut e: FileError) -> FileError {
    e.file = PathBuf::from(format!("{}[{}]", package.display(), e.file.display()));
    e
}

/// The package's texts as files, at the paths the round file names.
struct PackageFiles {
    files: BTreeMap<String, Vec<u8>>,
}

impl PackageFiles {
    fn new(file: &Path, doc: &PackageDoc) -> Result<PackageFiles, BundleError> {
        let inner = Path::new(ROUND_FILE);
        let round: Round = load::parse(inner, &doc.round)
            .map_err(|e| BundleError::Files(vec![within(file, e)]))?;
        let mut files = BTreeMap::new();
        files.insert(ROUND_FILE.to_string(), doc.round.clone().into_bytes());
        files.insert(key(Path::new(&round.sheet)), doc.sheet.clone().into_bytes());
        if let (Some(path), Some(text)) = (&round.eligibility, &doc.eligibility) {
            files.insert(key(Path::new(path)), text.clone().into_bytes());
        }
        let dir = Path::new(&round.dossiers);
        for (name, text) in &doc.dossiers {
            let bare = Path::new(name)
                .file_name()
                .is_some_and(|n| n == name.as_str());
            if !bare {
                let msg = load::Message::PlainName { name: name.clone() };
                return Err(BundleError::Files(vec![FileError::at(file, 1, 1, msg)]));
            }
            files.insert(key(&dir.join(name)), text.clone().into_bytes());
        }
        Ok(PackageFiles { files })
    }
}

/// A path as a key: `a/b/../c` is `a/c`, and nothing climbs above the top.
fn key(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

impl Files for PackageFiles {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let k = key(path);
        self.files
            .get(&k)
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, k))
    }

    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let prefix = match key(dir) {
            d if d.is_empty() => String::new(),
            d => format!("{d}/"),
        };
        Ok(self
            .files
            .keys()
            .filter(|k| k.ends_with(".ron"))
            .filter(|k| {
                k.strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains('/'))
            })
            .map(PathBuf::from)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_climb_no_higher_than_the_top() {
        assert_eq!(key(Path::new("../huangpu.ron")), "huangpu.ron");
        assert_eq!(key(Path::new("a/./b/../c.ron")), "a/c.ron");
        assert_eq!(key(Path::new("dossiers")), "dossiers");
    }
}
