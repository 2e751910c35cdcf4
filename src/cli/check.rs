//! `pingshen check FILE...`: validate each file by its kind.

use std::path::{Path, PathBuf};

mod words;

use super::Lang;
use crate::error::{CommandError, Error};
use crate::lang::Say;
use crate::load::{self, Disk, FileError, Kind};
use words::Summary;

/// Prints `OK  path  (kind, summary)` or every error; fails when any file does.
pub fn run(files: &[PathBuf], lang: Lang) -> Result<(), Error> {
    let mut bad = 0;
    for f in files {
        match summary(f, lang) {
            Ok(s) => {
                println!("OK  {}  ({s})", f.display());
                for w in super::review::warnings(f, lang.into()) {
                    println!("{w}");
                }
            }
            Err(errors) => {
                bad += 1;
                for e in errors {
                    println!("{}", e.say(lang.into()));
                }
            }
        }
    }
    if bad == 0 {
        Ok(())
    } else {
        Err(CommandError::FilesInvalid {
            bad,
            all: files.len(),
        }
        .into())
    }
}

fn summary(f: &Path, lang: Lang) -> Result<String, Vec<FileError>> {
    // A package's text only: the documents it may carry after it are not read.
    let text = crate::bundle::package::documents::read_text(f).map_err(|e| vec![e])?;
    let said = match load::kind(f, &text).map_err(|e| vec![e])? {
        Kind::Sheet => {
            let (s, _) = load::sheet(&Disk, f)?;
            Summary::Sheet {
                items: s.items().count(),
                sections: s.sections.len(),
                indicators: s.indicators.len(),
                rules: s.eligibility.len(),
                total: s.total,
                id: s.id,
            }
        }
        Kind::Dossier => {
            let (d, _) = load::dossier(&Disk, f)?;
            Summary::Dossier {
                joint: d.joint.len(),
                id: d.id,
                applicant: d.applicant.name,
            }
        }
        Kind::Round => {
            let r = load::round(&Disk, f)?;
            super::dossier::documents(f, &r, lang)?;
            round_summary(&r, None)
        }
        Kind::Package => {
            let r = crate::bundle::package::read(f, text.as_bytes()).map_err(|e| match e {
                crate::bundle::BundleError::Files(errors) => errors,
                // Said now, in the reader's language, as the file's one problem.
                other => vec![FileError::at(f, 1, 1, other.say(lang.into()))],
            })?;
            let fp = super::round::short(&crate::store::fingerprint(&r));
            round_summary(&r, Some(fp))
        }
        Kind::Calendar => {
            let (c, _) = load::calendar(&Disk, f)?;
            Summary::Calendar {
                id: c.id,
                first: c.first_year,
                last: c.last_year,
                holidays: c.holidays.len(),
                workdays: c.workdays.len(),
            }
        }
    };
    Ok(lang.say(&said))
}

/// A round (or a package of one): its id, sheet, dossiers and panel.
fn round_summary(r: &crate::load::LoadedRound, package: Option<String>) -> Summary {
    Summary::Round {
        id: r.round.id.clone(),
        sheet: r.sheet.id.clone(),
        dossiers: r.dossiers.len(),
        experts: r.round.experts.len(),
        package,
    }
}
