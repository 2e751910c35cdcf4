//! A round file with everything it names: the sheet, the eligibility sheet and
//! every dossier, checked across files.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};

use super::{FileError, Files, dossier, place, sheet};
use crate::domain::dossier::Dossier;
use crate::domain::problem::Problem;
use crate::domain::round::Round;
use crate::domain::sheet::Sheet;
use crate::domain::{Invalid, Path};

/// A round and all it refers to, valid together.
#[derive(Clone, Debug)]
pub struct LoadedRound {
    pub round: Round,
    pub sheet: Sheet,
    pub eligibility: Option<Sheet>,
    pub dossiers: Vec<Dossier>,
    /// The exact texts read, by role, for fingerprints and packages.
    pub texts: Texts,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Texts {
    pub round: String,
    pub sheet: String,
    pub eligibility: Option<String>,
    pub dossiers: Vec<(String, String)>,
}

/// Reads and validates a round file and everything it names; all errors at once.
pub fn round(files: &dyn Files, file: &FsPath) -> Result<LoadedRound, Vec<FileError>> {
    let (round, round_text) = super::document(files, file, Round::validate)?;
    let base = file.parent().unwrap_or(FsPath::new("")).to_path_buf();
    let mut errors = Vec::new();
    let at = |path: Path, msg: Problem| place(file, &round_text, vec![Invalid::at(path, msg)]);

    let sheet_path = base.join(&round.sheet);
    let mut load_sheet = |p: &FsPath| sheet(files, p).map_err(|e| errors.extend(e)).ok();
    let main = load_sheet(&sheet_path);
    let elig = round
        .eligibility
        .as_ref()
        .and_then(|p| load_sheet(&base.join(p)));
    let (sheet, sheet_text) = main.map_or((None, String::new()), |(s, t)| (Some(s), t));
    let (elig, elig_text) = elig.map_or((None, None), |(s, t)| (Some(s), Some(t)));

    let dir = base.join(&round.dossiers);
    let listed = files.list(&dir).unwrap_or_else(|e| {
        let msg = Problem::DossierFolder {
            folder: round.dossiers.clone(),
            why: e.to_string(),
        };
        errors.extend(at(Path::root().field("dossiers"), msg));
        Vec::new()
    });
    if listed.is_empty() && errors.is_empty() {
        errors.extend(at(
            Path::root().field("dossiers"),
            Problem::NoDossiers {
                folder: round.dossiers.clone(),
            },
        ));
    }
    let mut dossiers: Vec<(PathBuf, Dossier, String)> = Vec::new();
    for f in listed {
        match dossier(files, &f) {
            Ok((d, t)) => dossiers.push((f, d, t)),
            Err(e) => errors.extend(e),
        }
    }

    let mut seen: HashMap<&str, &PathBuf> = HashMap::new();
    for (f, d, t) in &dossiers {
        if let Some(first) = seen.insert(d.id.as_str(), f) {
            let msg = Problem::DossierIdTwice {
                id: d.id.clone(),
                first: first.display().to_string(),
            };
            errors.extend(place(
                f,
                t,
                vec![Invalid::at(Path::root().field("id"), msg)],
            ));
        }
        for s in sheet.iter().chain(&elig) {
            errors.extend(place(f, t, programme_problems(s, d)));
        }
    }
    for (k, c) in round.conflicts.iter().enumerate() {
        if !dossiers.iter().any(|(_, d, _)| d.id == c.dossier) {
            let msg = Problem::ConflictDossier {
                dossier: c.dossier.clone(),
                folder: round.dossiers.clone(),
            };
            errors.extend(at(
                Path::root().field("conflicts").index(k).field("dossier"),
                msg,
            ));
        }
    }
    if let (Some(s), Some(min)) = (&sheet, round.selection.min_score)
        && min > s.total
        && !s.sections.is_empty()
    {
        let msg = Problem::MinScore {
            min,
            total: s.total,
        };
        errors.extend(at(Path::root().field("selection").field("min_score"), msg));
    }

    let (Some(sheet), true) = (sheet, errors.is_empty()) else {
        return Err(errors);
    };
    let texts = Texts {
        round: round_text,
        sheet: sheet_text,
        eligibility: elig_text,
        dossiers: dossiers
            .iter()
            .map(|(f, _, t)| (file_name(f), t.clone()))
            .collect(),
    };
    let dossiers = dossiers.into_iter().map(|(_, d, _)| d).collect();
    Ok(LoadedRound {
        round,
        sheet,
        eligibility: elig,
        dossiers,
        texts,
    })
}

fn file_name(f: &FsPath) -> String {
    f.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What a programme's sheet demands of every dossier's shape (not eligibility).
fn programme_problems(sheet: &Sheet, d: &Dossier) -> Vec<Invalid> {
    let mut out = Vec::new();
    if let Some(limit) = sheet.joint_limit
        && d.joint.len() > limit as usize
    {
        out.push(Invalid::at(
            Path::root().field("joint").index(limit as usize),
            Problem::JointLimit {
                count: d.joint.len(),
                limit,
                title: sheet.title.clone(),
                sheet: sheet.id.clone(),
            },
        ));
    }
    if !sheet.indicators.is_empty() {
        for (k, t) in d.targets.iter().enumerate() {
            if sheet.indicator(&t.indicator).is_none() {
                out.push(Invalid::at(
                    Path::root().field("targets").index(k).field("indicator"),
                    Problem::UnknownTarget {
                        indicator: t.indicator.clone(),
                        sheet: sheet.id.clone(),
                        known: sheet
                            .indicator_ids()
                            .into_iter()
                            .map(str::to_string)
                            .collect(),
                    },
                ));
            }
        }
    }
    out
}
