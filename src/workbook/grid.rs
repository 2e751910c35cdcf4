//! Workbook files as grids of cells: `.xlsx`, `.xls` and `.ods` through
//! calamine (formula cells by their value, hidden sheets left out, merged
//! ranges noted), `.csv` as UTF-8 (with or without BOM), UTF-16 or GBK.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, SheetVisible, Sheets, open_workbook_from_rs};

use super::cell::{Raw, a1};
use super::problem::Issue;

/// A workbook file, opened; its sheets are read one at a time, so that only
/// one sheet's cells are held at once.
pub struct Book {
    pub file: PathBuf,
    /// CSV has one unnamed sheet; its cells are named without a sheet.
    pub csv: bool,
    /// Sheets left out because they are hidden.
    pub hidden: Vec<String>,
    /// Every visible sheet's name.
    pub names: Vec<String>,
    source: Source,
}

enum Source {
    Sheets(Box<Sheets<Cursor<Vec<u8>>>>),
    /// The rows of a CSV file, until they are taken as the first sheet.
    Csv(Option<Vec<Vec<String>>>),
}

impl Book {
    /// The visible sheet called `name`, read now; `None` when there is none.
    /// A CSV file's one sheet is the first asked for.
    pub fn grid(&mut self, name: &str) -> Result<Option<Grid>, Issue> {
        match &mut self.source {
            Source::Csv(rows) => Ok(rows.take().map(|rows| Grid {
                cells: Cells::Text(rows),
                merged: Vec::new(),
            })),
            Source::Sheets(book) => {
                if !self.names.iter().any(|n| n == name) {
                    return Ok(None);
                }
                let unreadable = |e: &dyn std::fmt::Display| Issue::Unreadable {
                    detail: e.to_string(),
                };
                let range = book.worksheet_range(name).map_err(|e| unreadable(&e))?;
                let merged = merged(book, name).map_err(|e| unreadable(&e))?;
                Ok(Some(Grid {
                    cells: Cells::Sheet(range),
                    merged,
                }))
            }
        }
    }
}

pub struct Grid {
    cells: Cells,
    /// Merged ranges, as `B3:C4`.
    pub merged: Vec<String>,
}

enum Cells {
    Sheet(Range<Data>),
    Text(Vec<Vec<String>>),
}

impl Grid {
    /// Rows from the first (row 1), including empty ones at the top.
    pub fn height(&self) -> usize {
        match &self.cells {
            Cells::Sheet(r) => r.end().map_or(0, |(row, _)| row as usize + 1),
            Cells::Text(rows) => rows.len(),
        }
    }

    pub fn width(&self) -> usize {
        match &self.cells {
            Cells::Sheet(r) => r.end().map_or(0, |(_, col)| col as usize + 1),
            Cells::Text(rows) => rows.iter().map(Vec::len).max().unwrap_or(0),
        }
    }

    /// The cell at zero-based `row` and `col`.
    pub fn raw(&self, row: usize, col: usize) -> Raw<'_> {
        match &self.cells {
            Cells::Sheet(r) => match r.get_value((row as u32, col as u32)) {
                Some(d) => from_data(d),
                None => Raw::Empty,
            },
            Cells::Text(rows) => match rows.get(row).and_then(|r| r.get(col)) {
                Some(s) if !s.is_empty() => Raw::Text(s),
                _ => Raw::Empty,
            },
        }
    }
}

fn from_data(d: &Data) -> Raw<'_> {
    match d {
        Data::Empty => Raw::Empty,
        Data::Int(i) => Raw::Number(*i as f64),
        Data::Float(f) => Raw::Number(*f),
        Data::String(s) => Raw::Text(s),
        Data::Bool(b) => Raw::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            Raw::Date(y as i32, m as u32, day as u32)
        }
        Data::DateTime(dt) => Raw::Number(dt.as_f64()),
        // ODS keeps dates as ISO text; the date is what counts.
        Data::DateTimeIso(s) => Raw::Text(s.split('T').next().unwrap_or(s)),
        Data::DurationIso(s) => Raw::Text(s),
        Data::Error(e) => Raw::Error(e.to_string()),
    }
}

/// Opens a workbook file by its extension.
pub fn open(file: &Path) -> Result<Book, Issue> {
    let bytes = std::fs::read(file).map_err(|e| Issue::Unreadable {
        detail: e.to_string(),
    })?;
    of_bytes(file, bytes)
}

/// A workbook from its bytes, read as the format `file`'s extension names.
pub fn of_bytes(file: &Path, bytes: Vec<u8>) -> Result<Book, Issue> {
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let data = Cursor::new(bytes);
    let unreadable = |e: calamine::Error| Issue::Unreadable {
        detail: e.to_string(),
    };
    let book = match ext.as_str() {
        "csv" => {
            let rows = csv_rows(data.get_ref())?;
            return Ok(Book {
                file: file.to_path_buf(),
                csv: true,
                hidden: Vec::new(),
                names: Vec::new(),
                source: Source::Csv(Some(rows)),
            });
        }
        "xlsx" | "xlsm" => Sheets::Xlsx(
            open_workbook_from_rs(data).map_err(|e| unreadable(calamine::Error::Xlsx(e)))?,
        ),
        "xls" => Sheets::Xls(
            open_workbook_from_rs(data).map_err(|e| unreadable(calamine::Error::Xls(e)))?,
        ),
        "ods" => Sheets::Ods(
            open_workbook_from_rs(data).map_err(|e| unreadable(calamine::Error::Ods(e)))?,
        ),
        _ => return Err(Issue::Extension { ext }),
    };
    let (mut hidden, mut names) = (Vec::new(), Vec::new());
    for s in book.sheets_metadata() {
        if s.visible == SheetVisible::Visible {
            names.push(s.name.clone());
        } else {
            hidden.push(s.name.clone());
        }
    }
    Ok(Book {
        file: file.to_path_buf(),
        csv: false,
        hidden,
        names,
        source: Source::Sheets(Box::new(book)),
    })
}

/// Merged ranges of a sheet, where the format tells them.
fn merged<R: std::io::Read + std::io::Seek>(
    book: &mut Sheets<R>,
    name: &str,
) -> Result<Vec<String>, calamine::Error> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name)?,
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name)?,
        Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
    };
    Ok(dims
        .iter()
        .map(|d| {
            let (r0, c0) = d.start;
            let (r1, c1) = d.end;
            format!(
                "{}:{}",
                a1(r0 as usize, c0 as usize),
                a1(r1 as usize, c1 as usize)
            )
        })
        .collect())
}

/// A CSV file's text: UTF-8 (a BOM is dropped), UTF-16 with its BOM, or GBK
/// as older Excel writes it; then its rows, split on commas (or tabs).
fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Issue> {
    let text = decode(bytes).ok_or(Issue::Encoding)?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Issue::Unreadable {
            detail: e.to_string(),
        })?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        return enc
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|t| t.into_owned());
    }
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Some(t.to_string());
    }
    encoding_rs::GBK
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_text_is_utf8_or_gbk() {
        let (gbk, _, _) = encoding_rs::GBK.encode("申报编号,单位\nHP-1,澄岚\n");
        let rows = csv_rows(&gbk).unwrap();
        assert_eq!(rows[1], vec!["HP-1".to_string(), "澄岚".to_string()]);
        let bom = [b"\xEF\xBB\xBF".as_slice(), "申报编号\n".as_bytes()].concat();
        assert_eq!(csv_rows(&bom).unwrap()[0], vec!["申报编号".to_string()]);
        assert_eq!(csv_rows(b"a,\x81\x20\n"), Err(Issue::Encoding));
    }
}
