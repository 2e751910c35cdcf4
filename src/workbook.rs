//! Dossiers from the secretary's spreadsheet and back: a workbook to fill
//! (sheets 申报单位, 联合申报单位, 建设指标, 财务数据, 附件), a round's dossiers
//! exported into it, and a filled workbook (`.xlsx`, `.xls`, `.ods`, `.csv`)
//! imported as one canonical RON file per applicant. The dossier's fields and
//! rules stay the domain's; this module only moves them between cells and files.

mod book;
mod cell;
pub mod columns;
mod files;
mod grid;
mod import;
mod legacy;
mod ods_cost;
mod problem;

use std::path::{Path, PathBuf};

pub use book::Layout;
pub use cell::a1;
pub use files::{Fate, Written, canonical, changes, check};
pub use import::{Imported, Read, read, read_bytes};
pub use problem::{Bad, Issue, NumberWhy, Place, Problem};

use crate::domain::dossier::Dossier;
use crate::lang::Say;

/// The workbook's bytes: the layout's sheets holding `dossiers` (none for a template).
pub fn workbook(
    layout: &Layout,
    dossiers: &[Dossier],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    book::render(layout, dossiers)
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Problems in the workbook, one a line; nothing was written.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Problems(Vec<Problem>),
    #[error("could not write the dossiers into {dir}: {detail}")]
    Write { dir: PathBuf, detail: String },
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub dir: PathBuf,
    pub written: Vec<Written>,
    /// Hidden sheets, which were not read.
    pub hidden: Vec<String>,
}

impl Report {
    pub fn count(&self, f: impl Fn(&Fate) -> bool) -> usize {
        self.written.iter().filter(|w| f(&w.fate)).count()
    }

    pub fn unchanged(&self) -> bool {
        self.written.iter().all(|w| w.fate == Fate::Same)
    }
}

/// Reads and checks the workbook, then writes one file per dossier into `dir`;
/// on any problem nothing is written.
pub fn import(file: &Path, dir: &Path) -> Result<Report, ImportError> {
    let read = read(file).map_err(ImportError::Problems)?;
    let plan = files::plan(dir, &read.dossiers).map_err(ImportError::Problems)?;
    files::write(dir, &read.dossiers, &plan).map_err(|e| ImportError::Write {
        dir: dir.to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(Report {
        dir: dir.to_path_buf(),
        written: plan,
        hidden: read.hidden,
    })
}

impl Say for Report {
    fn zh(&self) -> String {
        let n = self.written.len();
        let dir = self.dir.display();
        let mut out = if self.unchanged() {
            format!("工作簿与 {dir} 中的 {n} 份申报书完全相同，未改动任何文件")
        } else {
            format!(
                "已导入 {n} 份申报书到 {dir}：新增 {}，有变化 {}，未变 {}",
                self.count(|f| *f == Fate::New),
                self.count(|f| !matches!(f, Fate::New | Fate::Same)),
                self.count(|f| *f == Fate::Same),
            )
        };
        for w in &self.written {
            let what = match &w.fate {
                Fate::Changed(fields) => fields
                    .iter()
                    .map(|k| files::heading(k))
                    .collect::<Vec<_>>()
                    .join("、"),
                Fate::Moved => "内容未变，仅来源行变化".into(),
                Fate::Replaced => "原文件无法读取，已替换".into(),
                Fate::New | Fate::Same => continue,
            };
            out.push_str(&format!("\n  {}：{what}", w.id));
        }
        if !self.hidden.is_empty() {
            out.push_str(&format!("\n已忽略隐藏工作表：{}", self.hidden.join("、")));
        }
        out
    }

    fn en(&self) -> String {
        let n = self.written.len();
        let dir = self.dir.display();
        let mut out = if self.unchanged() {
            format!("the workbook matches the {n} dossiers in {dir}; no file changed")
        } else {
            format!(
                "imported {n} dossiers into {dir}: {} new, {} changed, {} unchanged",
                self.count(|f| *f == Fate::New),
                self.count(|f| !matches!(f, Fate::New | Fate::Same)),
                self.count(|f| *f == Fate::Same),
            )
        };
        for w in &self.written {
            let what = match &w.fate {
                Fate::Changed(fields) => fields.join(", "),
                Fate::Moved => "same content, only the source row changed".into(),
                Fate::Replaced => "the old file did not read as a dossier; replaced".into(),
                Fate::New | Fate::Same => continue,
            };
            out.push_str(&format!("\n  {}: {what}", w.id));
        }
        if !self.hidden.is_empty() {
            out.push_str(&format!(
                "\nhidden sheets left out: {}",
                self.hidden.join(", ")
            ));
        }
        out
    }
}
