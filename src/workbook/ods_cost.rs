//! The OpenDocument `.ods` format: what reading a file would cost, found
//! before the spreadsheet reader is given it.
//!
//! An `.ods` sheet says "this cell, 16,384 times across" and "this row,
//! a million times down" in a few bytes, and the reader spells every copy
//! out, each with its own copy of the cell's text, for every sheet at once:
//! a file of a few hundred bytes can ask for gigabytes. Here the sheets are
//! walked once, in order, and the memory the reader would take is added up,
//! at most; a file over the limit is refused with the way out (saved as
//! `.xlsx`, a workbook is read cell by cell).

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::problem::Issue;

/// The reader's limits: rows in a sheet, columns in a row, cells in a sheet.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
const MAX_CELLS: u64 = 100_000_000;

/// A cell in the reader's memory: its value (32 bytes) and its formula (24),
/// twice over for the room a growing list keeps.
const CELL: u64 = 112;
/// The least a copied text takes.
const TEXT: u64 = 32;

/// Refuses an `.ods` file whose reading would take more than `limit_mb`.
/// A file that is no zip archive or has no content is left for the reader
/// to refuse.
pub fn check(bytes: &[u8], limit_mb: u64) -> Result<(), Issue> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut walk = Walk::default();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => walk.start(&e),
            Ok(Event::End(e)) => walk.end(e.name().as_ref()),
            Ok(Event::Text(t)) => walk.text(t.len() as u64),
            Ok(Event::CData(t)) => walk.text(t.len() as u64),
            Ok(Event::GeneralRef(t)) => walk.text(t.len() as u64 + 2),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
    // The reader reads a cell's content to its end: one the file never
    // ends keeps it reading.
    let unended = walk.cell.is_some();
    if !unended && walk.cost() <= limit_mb << 20 {
        Ok(())
    } else {
        Err(Issue::CostsTooMuch {
            ext: "ods".into(),
            limit_mb,
        })
    }
}

/// Where the walk is, and what it has added up.
#[derive(Default)]
struct Walk {
    table: Option<Table>,
    row: Option<Row>,
    cell: Option<Cell>,
    /// Depth inside a cell's content, whose elements are its text.
    inside: usize,
    /// Every sheet's grids, kept once read.
    kept: u64,
    /// The most held only while one sheet is read or handed out.
    passing: u64,
}

#[derive(Default)]
struct Table {
    rows: u64,
    /// Rows from the first that holds something to the last.
    span: u64,
    /// Rows since the last that holds something.
    gap: u64,
    columns: Option<(u64, u64)>,
    /// Cells gathered row by row, before the grid is made.
    gathered: u64,
    gathered_text: u64,
    /// Text in the grid: each row's text times its repeats.
    text: u64,
}

#[derive(Default)]
struct Row {
    repeats: u64,
    /// Cells gathered in the row, and empty ones waiting for a next value.
    len: u64,
    waiting: u64,
    columns: Option<(u64, u64)>,
    text: u64,
}

struct Cell {
    /// The element's name: its content ends at the end of an element so named.
    name: String,
    repeats: u64,
    holds: bool,
    text: u64,
}

/// A number attribute as the reader takes it: with its entities replaced.
fn number(e: &BytesStart, key: &str) -> u64 {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(1)
}

impl Walk {
    fn start(&mut self, e: &BytesStart) {
        if let Some(c) = self.cell.as_mut() {
            let name = e.name();
            if name.as_ref() == c.name {
                self.inside += 1;
            } else if name.as_ref() == "text:s" {
                // Spaces, as many as it says, spelled out.
                c.text = c.text.saturating_add(number(e, "text:c"));
            }
            return;
        }
        match e.name().as_ref() {
            "table:table" if self.table.is_none() => self.table = Some(Table::default()),
            "table:table-row" if self.table.is_some() && self.row.is_none() => {
                self.row = Some(Row {
                    repeats: number(e, "table:number-rows-repeated"),
                    ..Row::default()
                });
            }
            "table:table-cell" | "table:covered-table-cell" if self.row.is_some() => {
                let mut holds = false;
                let mut text = 0;
                for a in e.attributes().with_checks(false).flatten() {
                    let key = a.key.as_ref();
                    let value: &str = a.value.as_ref();
                    holds |= matches!(
                        key,
                        "office:value"
                            | "office:string-value"
                            | "office:date-value"
                            | "office:time-value"
                            | "office:boolean-value"
                            | "table:formula"
                    ) || (key == "office:value-type" && value == "string")
                        || key == "calcext:value-type";
                    text += value.len() as u64;
                }
                self.cell = Some(Cell {
                    name: e.name().as_ref().to_string(),
                    repeats: number(e, "table:number-columns-repeated"),
                    holds,
                    text,
                });
                self.inside = 1;
            }
            _ => {}
        }
    }

    fn text(&mut self, len: u64) {
        if let Some(c) = self.cell.as_mut() {
            c.text = c.text.saturating_add(len);
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(c) = self.cell.as_ref() {
            if name == c.name {
                self.inside -= 1;
                if self.inside == 0 {
                    self.end_cell();
                }
            }
            return;
        }
        match name {
            "table:table-row" => self.end_row(),
            "table:table" => self.end_table(),
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        let (Some(c), Some(row)) = (self.cell.take(), self.row.as_mut()) else {
            return;
        };
        let room = |row: &Row| MAX_COLUMNS.saturating_sub(row.len);
        if c.holds {
            row.len += row.waiting.min(room(row));
            row.waiting = 0;
            let n = c.repeats.min(room(row));
            if n > 0 {
                let (first, last) = (row.len, row.len + n - 1);
                row.columns = Some(match row.columns {
                    None => (first, last),
                    Some((a, b)) => (a.min(first), b.max(last)),
                });
            }
            row.len += n;
            row.text = row.text.saturating_add(n.saturating_mul(c.text + TEXT));
        } else {
            row.waiting = row.waiting.saturating_add(c.repeats);
        }
    }

    fn end_row(&mut self) {
        let (Some(row), Some(t)) = (self.row.take(), self.table.as_mut()) else {
            return;
        };
        let repeats = row.repeats.min(MAX_ROWS.saturating_sub(t.rows));
        t.rows += repeats;
        t.gathered += row.len;
        t.gathered_text = t.gathered_text.saturating_add(row.text);
        match row.columns {
            Some((a, b)) => {
                t.span = if t.columns.is_some() {
                    t.span + t.gap + repeats
                } else {
                    repeats
                };
                t.gap = 0;
                t.columns = Some(match t.columns {
                    None => (a, b),
                    Some((x, y)) => (x.min(a), y.max(b)),
                });
                t.text = t.text.saturating_add(repeats.saturating_mul(row.text));
            }
            None if t.columns.is_some() => t.gap += repeats,
            None => {}
        }
    }

    fn end_table(&mut self) {
        let Some(t) = self.table.take() else {
            return;
        };
        let area = t
            .columns
            .map_or(0, |(a, b)| t.span.saturating_mul(b - a + 1))
            .min(MAX_CELLS);
        let grid = area.saturating_mul(CELL).saturating_add(t.text);
        self.kept = self.kept.saturating_add(grid);
        let gathered = t
            .gathered
            .saturating_mul(CELL)
            .saturating_add(t.gathered_text);
        self.passing = self.passing.max(gathered.saturating_add(grid));
    }

    fn cost(&self) -> u64 {
        self.kept.saturating_add(self.passing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods(content: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("content.xml", options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn sheet(rows: &str) -> Vec<u8> {
        ods(&format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        ))
    }

    #[test]
    fn a_small_sheet_with_empty_trailing_rows_and_columns_passes() {
        // As LibreOffice saves: a row of values, then empty cells and rows
        // repeated to the sheet's end.
        let row = r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell office:value-type="string"><text:p>甲</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>"#;
        let tail = r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
        let file = sheet(&format!("{}{tail}", row.repeat(100)));
        assert_eq!(check(&file, 40), Ok(()));
    }

    #[test]
    fn a_value_repeated_across_and_down_is_refused() {
        let bomb = r#"<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
        assert_eq!(
            check(&sheet(bomb), 40),
            Err(Issue::CostsTooMuch {
                ext: "ods".into(),
                limit_mb: 40
            })
        );
    }

    #[test]
    fn a_long_text_repeated_across_is_counted_each_time() {
        let text = "x".repeat(10_000);
        let bomb = format!(
            r#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>{text}</text:p></table:table-cell></table:table-row>"#
        );
        assert!(check(&sheet(&bomb), 40).is_err());
    }

    #[test]
    fn rows_between_two_values_far_apart_are_counted() {
        let value = r#"<table:table-row><table:table-cell office:value="1" table:number-columns-repeated="1000"/></table:table-row>"#;
        let gap = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>"#;
        assert!(check(&sheet(&format!("{value}{gap}{value}")), 40).is_err());
        assert_eq!(check(&sheet(&format!("{value}{value}")), 40), Ok(()));
    }

    fn refused(file: &[u8]) -> bool {
        check(file, 40).is_err()
    }

    #[test]
    fn elements_inside_a_cell_do_not_end_it_out_of_step() {
        // Paragraphs left open in a cell, a bomb after it, and their ends
        // after the table: the cell ends where the reader ends it.
        let opened = "<text:p>".repeat(50);
        let closed = "</text:p>".repeat(50);
        let bomb = r#"<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
        let file = ods(&format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value="1">{opened}</table:table-cell></table:table-row>{bomb}</table:table>{closed}</office:spreadsheet></office:body></office:document-content>"#
        ));
        assert!(refused(&file));
    }

    #[test]
    fn spaces_asked_for_by_number_are_counted() {
        let cell = r#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="1000"><text:p><text:s text:c="100000"/></text:p></table:table-cell></table:table-row>"#;
        assert!(refused(&sheet(cell)));
    }

    #[test]
    fn repeats_written_with_entities_are_read_as_the_reader_reads_them() {
        let bomb = r#"<table:table-row table:number-rows-repeated="&#49;00000"><table:table-cell office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
        assert!(refused(&sheet(bomb)));
    }

    #[test]
    fn a_cell_the_file_never_ends_is_refused() {
        let file = ods(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><office:annotation>"#,
        );
        assert!(refused(&file));
    }
}
