//! `pingshen dossier template|export|import`: dossiers to and from the
//! secretary's workbook.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Lang;
use crate::attachments::{self, HashError};
use crate::domain::Invalid;
use crate::domain::dossier::Dossier;
use crate::error::{CommandError, Error};
use crate::lang::Say;
use crate::load::{self, Disk, FileError, LoadedRound};
use crate::out::write_out;
use crate::store::Store;
use crate::workbook::{self, ImportError, Layout};

#[derive(Subcommand, Debug)]
pub enum DossierCommand {
    /// Write an empty workbook to fill: one row per applicant, the columns a
    /// round's eligibility rules read marked.
    Template {
        /// A round in the store, whose sheets give the indicators and the marked columns.
        #[arg(long, required_unless_present = "sheet", conflicts_with = "sheet")]
        round: Option<String>,
        /// A scoresheet file instead of a round.
        #[arg(long)]
        sheet: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a round's dossiers into the same workbook layout.
    Export {
        #[arg(long)]
        round: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Read a workbook (.xlsx, .xls, .ods or .csv) and write one RON file per
    /// dossier into a folder; on any problem nothing is written.
    Import {
        file: PathBuf,
        /// The folder for the dossier files (a round's dossiers folder).
        #[arg(long)]
        out: PathBuf,
    },
    /// Fill in or refresh the SHA-256 of each dossier's documents from the
    /// files in ROUND_DIR/attachments/<dossier id>/.
    Hash {
        round_dir: PathBuf,
        /// The dossiers folder inside the round folder.
        #[arg(long, default_value = "dossiers")]
        dossiers: String,
    },
}

/// What was written, said to the person who asked.
enum Done<'a> {
    Template {
        out: &'a Path,
        marked: usize,
    },
    Export {
        out: &'a Path,
        round: &'a str,
        n: usize,
    },
}

impl Say for Done<'_> {
    fn zh(&self) -> String {
        match self {
            Done::Template { out, marked } => format!(
                "已写出待填工作簿 {}（资格审查读取的 {marked} 列已标出）；填好后用 pingshen dossier import {} --out 文件夹 导入",
                out.display(),
                out.display()
            ),
            Done::Export { out, round, n } => {
                format!("已导出评审轮次 {round} 的 {n} 份申报书到 {}", out.display())
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Done::Template { out, marked } => format!(
                "wrote the workbook to fill to {} ({marked} columns read by eligibility rules are marked); import it with: pingshen dossier import {} --out DIR",
                out.display(),
                out.display()
            ),
            Done::Export { out, round, n } => {
                format!(
                    "wrote the {n} dossiers of round {round} to {}",
                    out.display()
                )
            }
        }
    }
}

pub fn run(store: Option<PathBuf>, cmd: DossierCommand, lang: Lang) -> Result<(), Error> {
    let l = lang.into();
    match cmd {
        DossierCommand::Template { round, sheet, out } => {
            let layout = match (round, sheet) {
                (_, Some(file)) => {
                    let (s, _) = load::sheet(&Disk, &file)?;
                    Layout::of(&[&s])
                }
                (Some(r), None) => round_of(&super::store_dir(store)?, &r)?.0,
                (None, None) => Layout::default(),
            };
            write(&out, &layout, &[])?;
            let marked = layout.marked.len();
            println!("{}", Done::Template { out: &out, marked }.say(l));
        }
        DossierCommand::Export { round, out } => {
            let (layout, dossiers) = round_of(&super::store_dir(store)?, &round)?;
            write(&out, &layout, &dossiers)?;
            let n = dossiers.len();
            let done = Done::Export {
                out: &out,
                round: &round,
                n,
            };
            println!("{}", done.say(l));
        }
        DossierCommand::Import { file, out } => match workbook::import(&file, &out) {
            Ok(report) => println!("{}", report.say(l)),
            Err(ImportError::Problems(problems)) => {
                for p in &problems {
                    eprintln!("{}", p.say(l));
                }
                let count = problems.len();
                return Err(CommandError::WorkbookProblems { count }.into());
            }
            Err(ImportError::Write { dir, detail }) => {
                return Err(CommandError::CannotWrite {
                    path: dir,
                    why: detail,
                }
                .into());
            }
        },
        DossierCommand::Hash {
            round_dir,
            dossiers,
        } => match attachments::hash(&round_dir, &dossiers) {
            Ok(done) => println!("{}", attachments::Report(&done).say(l)),
            Err(HashError::Files(errors)) => return Err(Error::Files(errors)),
            Err(HashError::Read { path, detail }) => {
                return Err(CommandError::CannotRead { path, why: detail }.into());
            }
            Err(HashError::Write { path, detail }) => {
                return Err(CommandError::CannotWrite { path, why: detail }.into());
            }
        },
    }
    Ok(())
}

fn round_of(dir: &Path, round: &str) -> Result<(Layout, Vec<Dossier>), Error> {
    let r = Store::open(dir)?.round(round)?;
    let sheets: Vec<_> = std::iter::once(&r.sheet).chain(&r.eligibility).collect();
    Ok((Layout::of(&sheets), r.dossiers))
}

fn write(out: &Path, layout: &Layout, dossiers: &[Dossier]) -> Result<(), Error> {
    let bytes = workbook::workbook(layout, dossiers)
        .map_err(|e| CommandError::Workbook { why: e.to_string() })?;
    write_out(out, &bytes)
}

/// The round's documents against their lists, for `check`: a document that is
/// not the one listed is an error on its line of the dossier; a missing one a
/// warning.
pub fn documents(round_file: &Path, r: &LoadedRound, lang: Lang) -> Result<(), Vec<FileError>> {
    let base = round_file.parent().unwrap_or(Path::new(""));
    let findings = attachments::verify(base, &r.dossiers)
        .map_err(|e| vec![FileError::at(round_file, 1, 1, e.to_string())])?;
    let mut errors = Vec::new();
    for f in findings {
        let words = f.say(lang.into());
        let attachments::Finding::Mismatch { dossier, name, .. } = &f else {
            eprintln!("{words}");
            continue;
        };
        let Some(k) = r.dossiers.iter().position(|d| &d.id == dossier) else {
            continue;
        };
        let (file_name, text) = &r.texts.dossiers[k];
        let file = base.join(&r.round.dossiers).join(file_name);
        let n = r.dossiers[k]
            .attachments
            .iter()
            .position(|a| &a.name == name)
            .unwrap_or(0);
        let at = crate::domain::Path::root()
            .field("attachments")
            .index(n)
            .field("sha256");
        errors.extend(load::place(&file, text, vec![Invalid::at(at, words)]));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
