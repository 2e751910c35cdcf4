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
    Sheets {
        book: Box<Sheets<Cursor<Vec<u8>>>>,
        /// Whether any sheet may have merged cells: when none does, they
        /// are not looked for, which would read each sheet a second time.
        merges: bool,
    },
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
            Source::Sheets { book, merges } => {
                if !self.names.iter().any(|n| n == name) {
                    return Ok(None);
                }
                let unreadable = |e: &dyn std::fmt::Display| Issue::Unreadable {
                    detail: e.to_string(),
                };
                let cells = guarded(|| match &mut **book {
                    Sheets::Xlsx(x) => sparse(x, name),
                    other => other
                        .worksheet_range(name)
                        .map(Cells::Sheet)
                        .map_err(|e| unreadable(&e)),
                })??;
                let merged = if *merges {
                    guarded(|| merged(book, name))?.map_err(|e| unreadable(&e))?
                } else {
                    Vec::new()
                };
                Ok(Some(Grid { cells, merged }))
            }
        }
    }
}

/// Runs a call into the spreadsheet reader. A fault in the file that the
/// reader did not expect can make it panic; that becomes a problem with the
/// workbook, said like any other, and the panic is not printed.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Issue> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result.map_err(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Issue::ReaderFailed { detail }
    })
}

/// How a compound document (an `.xls` file, or a locked `.xlsx`) begins.
const COMPOUND: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Most memory reading an `.xls` or `.ods` file may take, in megabytes: their
/// reader holds every sheet whole (an `.xlsx` file is read cell by cell).
pub const MAX_READ_MB: u64 = 40;

/// At most this many cells in one sheet are read (the largest sheet of a
/// 10,000-applicant workbook has some 450,000).
pub const MAX_CELLS: usize = 1_000_000;

/// An `.xlsx` sheet's cells as they are read, only those that hold something:
/// a cell far from the others costs nothing for the empty ones between.
fn sparse<R: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<R>,
    name: &str,
) -> Result<Cells, Issue> {
    let unreadable = |e: calamine::XlsxError| Issue::Unreadable {
        detail: e.to_string(),
    };
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(r) => r,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Cells::Sparse(Vec::new())),
        Err(e) => return Err(unreadable(e)),
    };
    let mut cells: Vec<(u32, u32, Data)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let value = cell.get_value();
        if matches!(value, calamine::DataRef::Empty) {
            continue;
        }
        if cells.len() == MAX_CELLS {
            return Err(Issue::TooManyCells { limit: MAX_CELLS });
        }
        let (row, col) = cell.get_position();
        cells.push((row, col, value.clone().into()));
    }
    // In order of place; of two values for one cell, the later counts.
    cells.reverse();
    cells.sort_by_key(|c| (c.0, c.1));
    cells.dedup_by_key(|c| (c.0, c.1));
    Ok(Cells::Sparse(cells))
}

pub struct Grid {
    cells: Cells,
    /// Merged ranges, as `B3:C4`.
    pub merged: Vec<String>,
}

enum Cells {
    Sheet(Range<Data>),
    /// (row, column, value), in order, none empty.
    Sparse(Vec<(u32, u32, Data)>),
    Text(Vec<Vec<String>>),
}

impl Grid {
    /// Rows from the first (row 1), including empty ones at the top.
    pub fn height(&self) -> usize {
        match &self.cells {
            Cells::Sheet(r) => r.end().map_or(0, |(row, _)| row as usize + 1),
            Cells::Sparse(cells) => cells.last().map_or(0, |c| c.0 as usize + 1),
            Cells::Text(rows) => rows.len(),
        }
    }

    pub fn width(&self) -> usize {
        match &self.cells {
            Cells::Sheet(r) => r.end().map_or(0, |(_, col)| col as usize + 1),
            Cells::Sparse(cells) => cells.iter().map(|c| c.1 as usize + 1).max().unwrap_or(0),
            Cells::Text(rows) => rows.iter().map(Vec::len).max().unwrap_or(0),
        }
    }

    /// The rows from `first` on that may hold something, in order: every
    /// row of a dense grid, only the rows with a cell of a sparse one.
    pub fn rows(&self, first: usize) -> Box<dyn Iterator<Item = usize> + '_> {
        match &self.cells {
            Cells::Sparse(cells) => {
                let from = cells.partition_point(|c| (c.0 as usize) < first);
                let mut last = None;
                Box::new(cells[from..].iter().filter_map(move |c| {
                    let row = c.0 as usize;
                    (last.replace(row) != Some(row)).then_some(row)
                }))
            }
            _ => Box::new(first..self.height()),
        }
    }

    /// The cell at zero-based `row` and `col`.
    pub fn raw(&self, row: usize, col: usize) -> Raw<'_> {
        match &self.cells {
            Cells::Sheet(r) => match r.get_value((row as u32, col as u32)) {
                Some(d) => from_data(d),
                None => Raw::Empty,
            },
            Cells::Sparse(cells) => {
                let (Ok(row), Ok(col)) = (u32::try_from(row), u32::try_from(col)) else {
                    return Raw::Empty;
                };
                match cells.binary_search_by_key(&(row, col), |c| (c.0, c.1)) {
                    Ok(k) => from_data(&cells[k].2),
                    Err(_) => Raw::Empty,
                }
            }
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
    match ext.as_str() {
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
        "xlsx" | "xlsm" | "xls" | "ods" => {}
        _ => return Err(Issue::Extension { ext }),
    };
    let merges = match ext.as_str() {
        "xlsx" | "xlsm" => unpacked(data.get_ref(), true)?,
        "ods" => unpacked(data.get_ref(), false)?,
        _ => true,
    };
    match ext.as_str() {
        // A compound document where a zip archive belongs: a workbook locked
        // with a password (the reader would unwrap the container, and a
        // damaged one has it reading without end), or an .xls renamed.
        "xlsx" | "xlsm" if data.get_ref().starts_with(&COMPOUND) => return Err(Issue::Locked),
        "xls" => super::legacy::check(data.get_ref(), MAX_READ_MB)?,
        "ods" => super::ods_cost::check(data.get_ref(), MAX_READ_MB)?,
        _ => {}
    }
    let book = guarded(|| {
        Ok(match ext.as_str() {
            "xls" => Sheets::Xls(
                open_workbook_from_rs(data).map_err(|e| unreadable(calamine::Error::Xls(e)))?,
            ),
            "ods" => Sheets::Ods(
                open_workbook_from_rs(data).map_err(|e| unreadable(calamine::Error::Ods(e)))?,
            ),
            _ => Sheets::Xlsx(
                open_workbook_from_rs(data).map_err(|e| unreadable(calamine::Error::Xlsx(e)))?,
            ),
        })
    })??;
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
        source: Source::Sheets {
            book: Box::new(book),
            merges,
        },
    })
}

/// Most a zipped workbook may unpack to, all its parts together (a
/// 10,000-applicant workbook unpacks to 33 MB).
pub const MAX_UNPACKED: u64 = 256 << 20;

/// Most a part of a zipped workbook may unpack to for each byte it takes
/// packed, once past its first megabyte (spreadsheet programs stay far below).
pub const MAX_RATIO: u64 = 100;

/// Checks a zipped workbook's parts by the sizes it declares, before any
/// is unpacked (the zip reader then holds each part to its declared size).
/// Returns whether any part may hold merged cells, when `merges` asks.
/// An archive that does not open is left for the spreadsheet reader to refuse.
fn unpacked(bytes: &[u8], merges: bool) -> Result<bool, Issue> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(merges);
    };
    let mut total: u64 = 0;
    for k in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(k) else {
            return Ok(merges);
        };
        let (size, packed) = (part.size(), part.compressed_size());
        total = total.saturating_add(size);
        if size > 1 << 20 && size / packed.max(1) > MAX_RATIO {
            let part = part.name().map(|n| n.to_string()).unwrap_or_default();
            return Err(Issue::Packed {
                part,
                bytes: size,
                packed,
            });
        }
    }
    if total > MAX_UNPACKED {
        return Err(Issue::TooLarge {
            bytes: total,
            limit: MAX_UNPACKED,
        });
    }
    if !merges {
        return Ok(false);
    }
    for k in 0..zip.len() {
        let Ok(part) = zip.by_index(k) else {
            return Ok(true);
        };
        if mentions(part, b"mergeCell") {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether unpacked text holds `word`, or might (text that is not UTF-8
/// or ASCII-like, or that cannot be read to its end).
fn mentions(mut part: impl std::io::Read, word: &[u8]) -> bool {
    let finder = memchr::memmem::Finder::new(word);
    let keep = word.len() - 1;
    let mut buf = vec![0u8; 1 << 16];
    let mut held = 0;
    let mut first = true;
    loop {
        let n = match part.read(&mut buf[held..]) {
            Ok(0) => return false,
            Ok(n) => n,
            Err(_) => return true,
        };
        let filled = held + n;
        if first && filled >= 2 {
            // UTF-16 text (a byte-order mark, or a zero byte early on).
            if buf[..2] == [0xFF, 0xFE] || buf[..2] == [0xFE, 0xFF] || buf[..2].contains(&0) {
                return true;
            }
            first = false;
        }
        if finder.find(&buf[..filled]).is_some() {
            return true;
        }
        held = keep.min(filled);
        buf.copy_within(filled - held..filled, 0);
    }
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
