//! `pingshen sheets`: the sheets, calendars and sample rounds built into the
//! binary, listed, or written out to a folder to start a new round from.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Lang;
use super::table::{self, Align};
use crate::error::{Error, SheetsError};
use crate::lang::Say;
use crate::load::{self, Kind};
use crate::samples::{self, Embedded};

#[derive(Args, Debug)]
pub struct SheetsArgs {
    #[command(subcommand)]
    pub command: Option<SheetsCommand>,
}

#[derive(Subcommand, Debug)]
pub enum SheetsCommand {
    /// Write every shipped file into DIR (made if missing), keeping their
    /// folders; refuses, writing nothing, if any of them is already there.
    Export { dir: PathBuf },
}

pub fn run(args: SheetsArgs, lang: Lang) -> Result<(), Error> {
    match args.command {
        None => {
            // A reader that stops early (`| head`) is not an error.
            let _ = writeln!(std::io::stdout(), "{}", listing()?.say(lang.into()));
            Ok(())
        }
        Some(SheetsCommand::Export { dir }) => match export(&dir) {
            Ok(done) => {
                println!("{}", done.say(lang.into()));
                Ok(())
            }
            Err(e) => Err(e.into()),
        },
    }
}

/// A shipped file a person starts from (dossiers are counted in their round).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shipped {
    Sheet {
        id: String,
        title: String,
        /// The full marks, when the sheet has scored items.
        total: Option<String>,
        items: usize,
        indicators: usize,
        rules: usize,
    },
    Calendar {
        id: String,
        title: String,
        first_year: i32,
        last_year: i32,
    },
    Round {
        id: String,
        title: String,
        dossiers: usize,
    },
}

/// Every shipped sheet, calendar and round, with its path as exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing(pub Vec<(String, Shipped)>);

/// Where a shipped file goes below the export folder (and `/usr/share/pingshen`).
fn exported_path(shipped: &str) -> &str {
    shipped.strip_prefix("scoresheets/").unwrap_or(shipped)
}

/// Reads every shipped file from the binary; a file that does not load is a
/// build defect and is reported as such.
pub fn listing() -> Result<Listing, Error> {
    let mut sheets = Vec::new();
    let mut calendars = Vec::new();
    let mut rounds = Vec::new();
    for p in samples::paths() {
        let path = Path::new(p);
        let text = load::read_text(&Embedded, path).map_err(|e| Error::Files(vec![e]))?;
        let at = exported_path(p).to_string();
        match load::kind(path, &text).map_err(|e| Error::Files(vec![e]))? {
            Kind::Sheet => {
                let (s, _) = load::sheet(&Embedded, path)?;
                let items = s.items().count();
                let shipped = Shipped::Sheet {
                    total: (items > 0).then(|| s.total.to_string()),
                    items,
                    indicators: s.indicators.len(),
                    rules: s.eligibility.len(),
                    id: s.id,
                    title: s.title,
                };
                sheets.push((at, shipped));
            }
            Kind::Calendar => {
                let (c, _) = load::calendar(&Embedded, path)?;
                calendars.push((
                    at,
                    Shipped::Calendar {
                        id: c.id,
                        title: c.title,
                        first_year: c.first_year,
                        last_year: c.last_year,
                    },
                ));
            }
            Kind::Round => {
                let r = load::round(&Embedded, path)?;
                let dossiers = r.dossiers.len();
                let (id, title) = (r.round.id, r.round.title);
                rounds.push((
                    at,
                    Shipped::Round {
                        id,
                        title,
                        dossiers,
                    },
                ));
            }
            Kind::Dossier | Kind::Package => {}
        }
    }
    sheets.extend(calendars);
    sheets.extend(rounds);
    Ok(Listing(sheets))
}

impl Listing {
    fn table(&self, lang: crate::lang::Lang) -> String {
        let rows: Vec<Vec<String>> = self
            .0
            .iter()
            .map(|(path, s)| {
                let (kind, id, title, what) = s.cells(lang);
                vec![path.clone(), kind, id.to_string(), what, title.to_string()]
            })
            .collect();
        let header = match lang {
            crate::lang::Lang::Zh => ["文件", "类别", "编号", "内容", "名称"],
            crate::lang::Lang::En => ["file", "kind", "id", "contents", "title"],
        };
        table::render(&header, &[Align::Left; 5], &rows)
    }
}

impl Shipped {
    /// Kind, id, title and a short account of the contents.
    fn cells(&self, lang: crate::lang::Lang) -> (String, &str, &str, String) {
        let zh = lang == crate::lang::Lang::Zh;
        match self {
            Shipped::Sheet {
                id,
                title,
                total,
                items,
                indicators,
                rules,
            } => {
                let mut what = Vec::new();
                if let Some(total) = total {
                    what.push(if zh {
                        format!("满分 {total}，评分项 {items} 个")
                    } else {
                        format!("total {total}, {items} items")
                    });
                }
                if *indicators > 0 {
                    what.push(if zh {
                        format!("建设指标 {indicators} 项")
                    } else {
                        format!("{indicators} indicators")
                    });
                }
                if *rules > 0 {
                    what.push(if zh {
                        format!("资格规则 {rules} 条")
                    } else {
                        format!("{rules} eligibility rules")
                    });
                }
                let what = what.join(pick(zh, "，", ", ").as_str());
                (pick(zh, "评分表", "sheet"), id, title, what)
            }
            Shipped::Calendar {
                id,
                title,
                first_year,
                last_year,
            } => {
                let what = if zh {
                    format!("{first_year}–{last_year} 年")
                } else {
                    format!("{first_year}–{last_year}")
                };
                (pick(zh, "节假日日历", "calendar"), id, title, what)
            }
            Shipped::Round {
                id,
                title,
                dossiers,
            } => {
                let what = if zh {
                    format!("申报书 {dossiers} 份")
                } else {
                    format!("{dossiers} dossiers")
                };
                (pick(zh, "示例轮次", "sample round"), id, title, what)
            }
        }
    }
}

fn pick(zh: bool, chinese: &str, english: &str) -> String {
    if zh { chinese } else { english }.to_string()
}

impl Say for Listing {
    fn zh(&self) -> String {
        format!(
            "{}\n\n内置文件可写到文件夹：pingshen sheets export 文件夹",
            self.table(crate::lang::Lang::Zh)
        )
    }

    fn en(&self) -> String {
        format!(
            "{}\n\nWrite them to a folder: pingshen sheets export DIR",
            self.table(crate::lang::Lang::En)
        )
    }
}

/// What `sheets export` wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub dir: PathBuf,
    pub files: usize,
}

impl Say for Exported {
    fn zh(&self) -> String {
        format!("已将 {} 个内置文件写到 {}", self.files, self.dir.display())
    }

    fn en(&self) -> String {
        format!(
            "wrote {} shipped files to {}",
            self.files,
            self.dir.display()
        )
    }
}

/// Writes every shipped file below `dir`, all or nothing: an existing file
/// refuses the whole export, and a failed write removes what was written.
pub fn export(dir: &Path) -> Result<Exported, SheetsError> {
    if dir.exists() && !dir.is_dir() {
        return Err(SheetsError::NotAFolder(dir.to_path_buf()));
    }
    let files: Vec<(PathBuf, &str)> = samples::paths()
        .map(|p| (dir.join(exported_path(p)), p))
        .collect();
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(to, _)| to)
        .filter(|to| to.symlink_metadata().is_ok())
        .collect();
    if let Some(first) = existing.first() {
        return Err(SheetsError::Exists {
            first: (*first).clone(),
            more: existing.len() - 1,
        });
    }
    let mut written: Vec<&Path> = Vec::new();
    for (to, from) in &files {
        if let Err(source) = write_new(to, from) {
            for w in written.iter().rev() {
                let _ = std::fs::remove_file(w);
            }
            return Err(SheetsError::Write {
                path: to.clone(),
                source,
            });
        }
        written.push(to);
    }
    Ok(Exported {
        dir: dir.to_path_buf(),
        files: written.len(),
    })
}

fn write_new(to: &Path, shipped: &str) -> std::io::Result<()> {
    use crate::load::Files;
    use std::io::Write;
    let bytes = Embedded.read(Path::new(shipped))?;
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)?;
    f.write_all(&bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_below_scoresheets_exports_without_that_folder() {
        assert_eq!(
            exported_path("scoresheets/calendars/cn-2024-2026.ron"),
            "calendars/cn-2024-2026.ron"
        );
    }
}
