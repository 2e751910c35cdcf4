//! The minutes in every format the secretary hands out: the ranking for the
//! terminal (table), scripts (JSON), spreadsheets (CSV with a byte-order
//! mark, xlsx) and readers (Markdown), and the printable A4 HTML with the list
//! for public notice and every expert's signed score sheets.
//!
//! It only renders: everything arrives already loaded in [`Minutes`], and
//! nothing here reads the store.

mod csv;
pub mod digest;
mod html;
mod json;
mod md;
mod minutes;
mod remarks;
mod table;
mod words;
mod xlsx;

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use csv::BOM;
pub use digest::{canonical, ranking_hash};
pub use html::FONTS;
pub use minutes::Minutes;
pub use xlsx::{SUMMARY, SUMMARY_EN, sheet_name, summary_name};

/// How `rank` prints a ranking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    Md,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Table, Format::Json, Format::Csv, Format::Md];

    pub fn key(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Md => "md",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.key() == s)
            .ok_or_else(|| format!("unknown format '{s}'; formats are table, json, csv, md"))
    }
}

/// What a writer writes, as text: writing to memory does not fail, and
/// every format writes UTF-8.
fn in_memory(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The ranking in one text format. CSV starts with a byte-order mark.
pub fn render(m: &Minutes, format: Format) -> String {
    match format {
        Format::Table => table::render(m),
        Format::Json => json::render(m),
        Format::Csv => csv::render(m),
        Format::Md => md::render(m),
    }
}

/// The ranking in one text format, written to `out` as it is made, never
/// held whole in memory.
pub fn write(m: &Minutes, format: Format, out: &mut impl std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(m, out),
        Format::Table => table::write(m, out),
        Format::Csv => csv::write(m, out),
        Format::Md => md::write(m, out),
    }
}

/// The printable minutes as one self-contained HTML page.
pub fn html(m: &Minutes) -> String {
    html::render(m)
}

/// The 评审结果汇总表 alone: the page the committee signs together.
pub fn summary(m: &Minutes) -> String {
    html::summary::page(m)
}

/// Writes `summary.html` alone into `dir`.
pub fn write_summary(m: &Minutes, dir: &Path) -> Result<PathBuf, ReportError> {
    fs::create_dir_all(dir).map_err(|source| ReportError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    write_whole(dir, "summary.html", summary(m).as_bytes())
}

/// The workbook: 汇总表 and one sheet per expert.
pub fn xlsx(m: &Minutes) -> Result<Vec<u8>, ReportError> {
    xlsx::render(m).map_err(|e| ReportError::Xlsx(e.to_string()))
}

/// Why the minutes could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot build the workbook: {0}")]
    Xlsx(String),
}

/// The files [`write_all`] writes, in this order.
pub const FILES: [&str; 5] = [
    "ranking.csv",
    "ranking.md",
    "ranking.xlsx",
    "report.html",
    "ranking.canonical.txt",
];

/// Writes every file of the minutes into `dir` (created if missing) and
/// returns their paths. Each file is written whole under a temporary name
/// and then renamed, so a reader never sees half a file.
pub fn write_all(m: &Minutes, dir: &Path) -> Result<Vec<PathBuf>, ReportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ReportError::Write { path, source }
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    // The one part that can fail to be made is made before anything is written.
    let workbook = xlsx(m)?;
    let [csv_name, md_name, xlsx_name, html_name, canonical_name] = FILES;
    Ok(vec![
        write_streamed(dir, csv_name, |w| csv::write(m, w))?,
        write_streamed(dir, md_name, |w| md::write(m, w))?,
        write_whole(dir, xlsx_name, &workbook)?,
        write_streamed(dir, html_name, |w| html::write(m, w))?,
        write_whole(dir, canonical_name, canonical(m.ranking).as_bytes())?,
    ])
}

/// Writes `register.csv`: the register of recognised centres, one row each.
pub fn write_register(
    dir: &Path,
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<PathBuf, ReportError> {
    fs::create_dir_all(dir).map_err(|source| ReportError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    write_whole(dir, "register.csv", csv::table(header, rows).as_bytes())
}

/// One file written as it is made under a temporary name, then renamed into place.
fn write_streamed(
    dir: &Path,
    name: &str,
    make: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>,
) -> Result<PathBuf, ReportError> {
    let path = dir.join(name);
    let part = dir.join(format!(".{name}.part"));
    let failed = |source| ReportError::Write {
        path: part.clone(),
        source,
    };
    let mut w = std::io::BufWriter::new(fs::File::create(&part).map_err(failed)?);
    make(&mut w)
        .and_then(|()| std::io::Write::flush(&mut w))
        .map_err(failed)?;
    drop(w);
    fs::rename(&part, &path).map_err(|source| ReportError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// One file already made, written as [`write_streamed`] writes.
fn write_whole(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, ReportError> {
    write_streamed(dir, name, |w| std::io::Write::write_all(w, bytes))
}
