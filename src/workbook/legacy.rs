//! The legacy `.xls` format: what reading a file would cost, found before the
//! spreadsheet reader is given it.
//!
//! That reader takes every sheet at once as a grid of every cell between the
//! outermost ones, first makes room for as many cells as a sheet's header
//! declares, copies a shared string into each cell that names it, and spells
//! formulas out in full: a file of a few kilobytes can ask for gigabytes. Here
//! the file's records are walked as the reader walks them and the memory it
//! would take is added up, at most; a file over the limit is refused with the
//! way out (saved as `.xlsx`, a workbook is read cell by cell).

use std::io::{Cursor, Read};

use super::problem::Issue;

/// Most bytes of records walked, all sheets together: the reader walks a
/// sheet once for every entry naming it, and several may name the same one.
const MAX_WALKED: u64 = 64 << 20;

/// Most continuation records one record may have: the reader takes them
/// from the front of a list, one at a time, in time growing as their square.
const MAX_CONTINUED: usize = 4096;

/// A cell with its place, while a sheet is read.
const CELL: u64 = 40;
/// A place in a sheet's grid: a value, or a formula's text.
const SLOT: u64 = 32;

/// Formulas are spelled out by inserting text at the front of what is
/// already spelled, so their time grows as the square of their length:
/// the sum of the squares of their token bytes, and of the spaces they ask
/// for, is bounded (ordinary formulas are tens of bytes).
const MAX_FORMULA_SQUARES: u64 = 25_000_000;
/// Bytes of text, at most, for one character or byte of the file.
const CHAR: u64 = 6;

/// Refuses an `.xls` file whose reading would take more than `limit_mb`.
/// A file that is not a compound document is refused as unreadable; one
/// without a workbook stream is left for the reader to refuse.
pub fn check(bytes: &[u8], limit_mb: u64) -> Result<(), Issue> {
    let unreadable = |e: std::io::Error| Issue::Unreadable {
        detail: e.to_string(),
    };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(unreadable)?;
    // The reader takes the first entry named so, anywhere in the file: one
    // at the top, and no other, is what spreadsheet programs write.
    let named = |n: &str| n.eq_ignore_ascii_case("Workbook") || n.eq_ignore_ascii_case("Book");
    let entries: Vec<(String, bool)> = file
        .walk()
        .filter(|e| named(e.name()))
        .map(|e| (e.path().to_string_lossy().into_owned(), e.is_stream()))
        .collect();
    let path = match entries.as_slice() {
        [] => return Ok(()),
        [(path, true)] if path.matches('/').count() == 1 => path.clone(),
        _ => return Err(Issue::Misplaced),
    };
    let stream = file.open_stream(&path).map_err(unreadable)?;
    let mut data = Vec::new();
    stream
        .take(MAX_WALKED)
        .read_to_end(&mut data)
        .map_err(unreadable)?;
    match cost(&data) {
        Some(b) if b <= limit_mb << 20 => Ok(()),
        _ => Err(Issue::CostsTooMuch {
            ext: "xls".into(),
            limit_mb,
        }),
    }
}

/// One record as the reader sees it: its type, its data, and the data of the
/// continuation records that follow it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

/// The records from a place in the stream on.
struct Records<'a> {
    stream: &'a [u8],
}

/// Why the records stop before the stream's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// Where the reader stops with an error too, reading nothing more.
    Reader,
    /// Past what this walk follows, where the reader goes on.
    Unbounded,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Stop>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stream.len() < 4 {
            return (!self.stream.is_empty()).then_some(Err(Stop::Reader));
        }
        let typ = u16_at(self.stream, 0)?;
        let len = u16_at(self.stream, 2)? as usize;
        if self.stream.len() < len + 4 {
            return Some(Err(Stop::Reader));
        }
        let (record, next) = self.stream.split_at(len + 4);
        self.stream = next;
        let mut cont = Vec::new();
        while self.stream.len() > 4 && u16_at(self.stream, 0) == Some(0x003C) {
            let len = u16_at(self.stream, 2)? as usize;
            if self.stream.len() < len + 4 {
                return Some(Err(Stop::Reader));
            }
            if cont.len() == MAX_CONTINUED {
                return Some(Err(Stop::Unbounded));
            }
            let (c, next) = self.stream.split_at(len + 4);
            cont.push(&c[4..]);
            self.stream = next;
        }
        Some(Ok(Record {
            typ,
            data: &record[4..],
            cont,
        }))
    }
}

impl Record<'_> {
    /// Bytes of the record and its continuations.
    fn len(&self) -> u64 {
        (self.data.len() + self.cont.iter().map(|c| c.len()).sum::<usize>()) as u64
    }
}

/// The most memory, in bytes, reading the workbook stream would take; `None`
/// when it cannot be bounded.
fn cost(stream: &[u8]) -> Option<u64> {
    let mut sheets = Vec::new();
    let mut strings: Vec<u16> = Vec::new();
    let mut longest_name = 31u64;
    for record in (Records { stream }) {
        let r = match record {
            Ok(r) => r,
            Err(Stop::Reader) => return Some(0),
            Err(Stop::Unbounded) => return None,
        };
        match r.typ {
            // A password: the reader stops there.
            0x002F if u16_at(r.data, 0) != Some(0) => return Some(0),
            0x0085 => {
                let (Some(pos), Some(name)) = (u32_at(r.data, 0), r.data.get(6)) else {
                    return Some(0);
                };
                longest_name = longest_name.max(u64::from(*name));
                sheets.push(pos as usize);
            }
            0x0018 => {
                let Some(name) = r.data.get(3) else {
                    return Some(0);
                };
                longest_name = longest_name.max(u64::from(*name));
            }
            0x00FC => match shared_strings(&r) {
                Some(s) => strings = s,
                None => return Some(0),
            },
            0x000A => break,
            _ => {}
        }
    }
    let shared: u64 = strings.iter().map(|&n| CHAR * u64::from(n) + SLOT).sum();
    // A formula's tokens spell out at most a name, a sheet's name and a
    // cell reference for every five bytes, and a function's name or an
    // operator for each shorter token.
    let per_formula_byte = 16 + (CHAR * longest_name + 32) / 5;
    let mut kept = 0u64;
    let mut passing = 0u64;
    let mut walked = 0u64;
    let mut squares = 0u64;
    for pos in sheets {
        let Some(from) = stream.get(pos..) else {
            // The reader stops there.
            break;
        };
        let sheet = Sheet::walk(from, &strings, per_formula_byte, &mut walked, &mut squares)?;
        kept += sheet.kept();
        passing = passing.max(sheet.passing());
        if sheet.stopped {
            break;
        }
    }
    Some(shared + kept + passing)
}

/// The lengths, in characters, of the shared strings the reader would read
/// from an SST record; `None` where it would stop with an error.
fn shared_strings(r: &Record) -> Option<Vec<u16>> {
    let mut data = r.data.get(8..)?;
    let mut cont = r.cont.iter();
    let mut out = Vec::new();
    loop {
        if data.is_empty() {
            match cont.next() {
                Some(next) => data = next,
                None => return Some(out),
            }
            if data.is_empty() {
                out.push(0);
                continue;
            }
        }
        let cch = u16_at(data, 0)?;
        let flags = *data.get(2)?;
        data = &data[3..];
        let mut high = flags & 0x1 != 0;
        let mut runs = 0usize;
        let mut extra = 0usize;
        if flags & 0x8 != 0 {
            runs = u16_at(data, 0)? as usize;
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            extra = u32_at(data, 0)? as i32 as usize;
            data = &data[4..];
        }
        let mut left = cch as usize;
        while left > 0 {
            let n = if high {
                (data.len() / 2).min(left)
            } else {
                data.len().min(left)
            };
            data = &data[if high { 2 * n } else { n }..];
            left -= n;
            if left > 0 {
                data = cont.next()?;
                high = *data.first()? & 0x1 != 0;
                data = &data[1..];
            }
        }
        out.push(cch);
        let mut skip = runs.checked_mul(4)?.checked_add(extra)?;
        while skip > 0 {
            if data.is_empty() {
                data = cont.next()?;
                continue;
            }
            let n = skip.min(data.len());
            data = &data[n..];
            skip -= n;
        }
    }
}

/// What reading one sheet takes.
#[derive(Default)]
struct Sheet {
    /// Cells gathered, and room made for them at the sheet's header.
    cells: u64,
    reserved: u64,
    formulas: u64,
    values: Bounds,
    formula_places: Bounds,
    text: u64,
    formula_text: u64,
    /// The reader stopped with an error in this sheet.
    stopped: bool,
}

#[derive(Default)]
struct Bounds(Option<(u32, u32, u32, u32)>);

impl Bounds {
    fn take(&mut self, row: u32, col: u32) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn area(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }
}

impl Sheet {
    /// Walks a sheet as the reader does; `None` when the walking itself, or
    /// the spelling of formulas, over every sheet so far passes its bound
    /// ([`MAX_WALKED`], [`MAX_FORMULA_SQUARES`]).
    fn walk(
        from: &[u8],
        strings: &[u16],
        per_formula_byte: u64,
        walked: &mut u64,
        walked_squares: &mut u64,
    ) -> Option<Sheet> {
        let mut s = Sheet::default();
        let mut formula_at = (0u32, 0u32);
        let mut depth = 0usize;
        let mut seen_bof = false;
        for record in (Records { stream: from }) {
            let r = match record {
                Ok(r) => r,
                Err(Stop::Reader) => {
                    s.stopped = true;
                    break;
                }
                Err(Stop::Unbounded) => return None,
            };
            *walked += r.len() + 4;
            if *walked > MAX_WALKED {
                return None;
            }
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let place = || Some((u32::from(u16_at(r.data, 0)?), u32::from(u16_at(r.data, 2)?)));
            match r.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => match dimensions(r.data) {
                    Some(n) => s.reserved = s.reserved.max(n),
                    None => {
                        s.stopped = true;
                        break;
                    }
                },
                0x0203 | 0x0205 | 0x027E => match place() {
                    Some((row, col)) => s.cell(row, col, 0),
                    None => {
                        s.stopped = true;
                        break;
                    }
                },
                0x0204 | 0x00D6 => match place() {
                    Some((row, col)) => s.cell(row, col, text(r.data, 6, r.len())),
                    None => {
                        s.stopped = true;
                        break;
                    }
                },
                0x0207 => s.cell(formula_at.0, formula_at.1, text(r.data, 0, r.len())),
                0x00FD => {
                    let (Some((row, col)), Some(i)) = (place(), u32_at(r.data, 6)) else {
                        s.stopped = true;
                        break;
                    };
                    if let Some(&n) = strings.get(i as usize) {
                        s.cell(row, col, CHAR * u64::from(n));
                    }
                }
                0x00BD => {
                    let d = r.data;
                    let (Some(row), Some(first), Some(last)) = (
                        u16_at(d, 0),
                        u16_at(d, 2),
                        d.len().checked_sub(2).and_then(|at| u16_at(d, at)),
                    ) else {
                        s.stopped = true;
                        break;
                    };
                    let n = last.wrapping_sub(first).wrapping_add(1) as usize;
                    if d.len() != 6 + 6 * n {
                        s.stopped = true;
                        break;
                    }
                    for k in 0..n as u32 {
                        s.cell(u32::from(row), u32::from(first) + k, 0);
                    }
                }
                0x0006 => {
                    let Some((row, col)) = place().filter(|_| r.data.len() >= 20) else {
                        s.stopped = true;
                        break;
                    };
                    formula_at = (row, col);
                    s.cell(row, col, 0);
                    s.formulas += 1;
                    s.formula_places.take(row, col);
                    s.formula_text += 128 + per_formula_byte * (r.len() - 20);
                    let tokens = r.data.get(20..).unwrap_or_default();
                    let spaces: u64 = tokens
                        .windows(3)
                        .filter(|w| w[0] == 0x19 && w[1] & 0x40 != 0)
                        .map(|w| u64::from(w[2]))
                        .sum();
                    let n = tokens.len() as u64;
                    *walked_squares = walked_squares.saturating_add(n * n + spaces * spaces);
                    if *walked_squares > MAX_FORMULA_SQUARES {
                        return None;
                    }
                }
                0x000A => break,
                _ => {}
            }
        }
        Some(s)
    }

    fn cell(&mut self, row: u32, col: u32, text: u64) {
        self.cells += 1;
        self.values.take(row, col);
        self.text += text;
    }

    /// What stays once the sheet is read: its grid of values and of formulas.
    fn kept(&self) -> u64 {
        SLOT * (self.values.area() + self.formula_places.area()) + self.text + self.formula_text
    }

    /// What is held only while it is read, and again when it is handed out.
    fn passing(&self) -> u64 {
        CELL * (self.cells.max(self.reserved) + self.formulas)
            + SLOT * self.values.area()
            + self.text
    }
}

/// The text a record's string takes: room made for as many bytes as its
/// length field says, and what its bytes decode to.
fn text(data: &[u8], at: usize, len: u64) -> u64 {
    u64::from(u16_at(data, at).unwrap_or(0)) + CHAR * len + SLOT
}

/// The cells the reader makes room for at a sheet's dimensions record;
/// `None` where it would stop with an error.
fn dimensions(d: &[u8]) -> Option<u64> {
    let (rf, rl, mut cf, cl) = match d.len() {
        10 => (
            u32::from(u16_at(d, 0)?),
            u32::from(u16_at(d, 2)?),
            u32::from(u16_at(d, 4)?),
            u32::from(u16_at(d, 6)?),
        ),
        14 | 16 => (
            u32_at(d, 0)?,
            u32_at(d, 4)?,
            u32::from(u16_at(d, 8)?),
            u32::from(u16_at(d, 10)?),
        ),
        _ => return None,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    // As the reader counts, in wrapping arithmetic.
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1) as u64;
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1) as u64;
    Some(rows.saturating_mul(cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&col.to_le_bytes());
        d.extend_from_slice(&[0; 10]);
        record(0x0203, &d)
    }

    /// A workbook stream: globals naming one sheet, then the sheet's records.
    fn stream(sheet: &[Vec<u8>]) -> Vec<u8> {
        stream_after(&[], sheet)
    }

    /// A workbook stream whose globals begin with `first`.
    fn stream_after(first: &[u8], sheet: &[Vec<u8>]) -> Vec<u8> {
        let mut globals = record(0x0809, &[0; 16]);
        globals.extend_from_slice(first);
        let bound_at = globals.len();
        globals.extend(record(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
        globals.extend(record(0x000A, &[]));
        let pos = globals.len() as u32;
        globals[bound_at + 4..bound_at + 8].copy_from_slice(&pos.to_le_bytes());
        globals.extend(record(0x0809, &[0; 16]));
        for r in sheet {
            globals.extend_from_slice(r);
        }
        globals.extend(record(0x000A, &[]));
        globals
    }

    const MAX_MB: u64 = 40;

    #[test]
    fn a_small_sheet_costs_little() {
        let s = stream(&[number(0, 0), number(9, 3)]);
        let c = cost(&s).unwrap();
        assert!(c < 4096, "{c}");
    }

    #[test]
    fn two_cells_far_apart_cost_the_grid_between() {
        let s = stream(&[number(0, 0), number(65_535, 255)]);
        assert!(cost(&s).unwrap() > (MAX_MB << 20), "{:?}", cost(&s));
    }

    #[test]
    fn a_declared_size_is_counted_before_any_cell() {
        let mut d = 0u32.to_le_bytes().to_vec();
        d.extend_from_slice(&1_000_000u32.to_le_bytes());
        d.extend_from_slice(&0u16.to_le_bytes());
        d.extend_from_slice(&200u16.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        let s = stream(&[record(0x0200, &d)]);
        assert!(cost(&s).unwrap() > (MAX_MB << 20));
    }

    #[test]
    fn a_long_shared_string_named_by_many_cells_is_counted_each_time() {
        // One shared string of 60,000 one-byte characters, in continuations.
        let mut sst = vec![0u8; 8];
        sst.extend_from_slice(&60_000u16.to_le_bytes());
        sst.push(0);
        sst.extend(vec![b'x'; 8000]);
        let mut globals = record(0x0809, &[0; 16]);
        let bound_at = globals.len();
        globals.extend(record(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
        globals.extend(record(0x00FC, &sst));
        let mut left = 60_000 - 8000;
        while left > 0 {
            let n = left.min(8000);
            let mut c = vec![0u8];
            c.extend(vec![b'x'; n]);
            globals.extend(record(0x003C, &c));
            left -= n;
        }
        globals.extend(record(0x000A, &[]));
        let pos = globals.len() as u32;
        globals[bound_at + 4..bound_at + 8].copy_from_slice(&pos.to_le_bytes());
        globals.extend(record(0x0809, &[0; 16]));
        for row in 0..1000u16 {
            let mut d = row.to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
            globals.extend(record(0x00FD, &d));
        }
        globals.extend(record(0x000A, &[]));
        assert!(cost(&globals).unwrap() > (MAX_MB << 20));
    }

    /// A file the reader goes on with, where the walk would have stopped:
    /// many continuations, a password record that asks for none.
    #[test]
    fn what_the_reader_reads_on_is_walked_on_or_refused() {
        let far = [number(0, 0), number(65_535, 255)];
        let mut many = record(0x0042, &[0xB0, 0x04]);
        for _ in 0..5000 {
            many.extend(record(0x003C, &[]));
        }
        assert_eq!(cost(&stream_after(&many, &far)), None);
        let asks_none = record(0x002F, &[0, 0]);
        assert!(cost(&stream_after(&asks_none, &far)).unwrap() > (MAX_MB << 20));
        let asks = record(0x002F, &[1, 0]);
        assert_eq!(cost(&stream_after(&asks, &far)), Some(0));
    }

    #[test]
    fn a_label_counts_the_room_its_length_asks_for() {
        let mut labels = Vec::new();
        for row in 0..2000u16 {
            let mut d = row.to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 0, 0, 0xFF, 0xFF, 0]);
            labels.push(record(0x0204, &d));
        }
        assert!(cost(&stream(&labels)).unwrap() > 2000 * 0xFFFF);
    }

    #[test]
    fn formulas_too_long_to_spell_out_in_time_are_refused() {
        let mut d = vec![0u8; 20];
        for _ in 0..8000 {
            d.extend_from_slice(&[0x19, 0x40, 0x00, 0xFF]);
        }
        let formulas: Vec<Vec<u8>> = (0..2).map(|_| record(0x0006, &d)).collect();
        assert_eq!(cost(&stream(&formulas)), None);
        let mut short = vec![0u8; 20];
        short.extend_from_slice(&[0x1E, 0x01, 0x00]);
        let ordinary: Vec<Vec<u8>> = (0..2000).map(|_| record(0x0006, &short)).collect();
        assert!(cost(&stream(&ordinary)).is_some());
    }

    #[test]
    fn a_sheet_named_again_and_again_is_walked_within_bounds() {
        let mut globals = record(0x0809, &[0; 16]);
        let n = 20_000;
        for _ in 0..n {
            globals.extend(record(0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']));
        }
        globals.extend(record(0x000A, &[]));
        // Every entry names the start of the stream, globals and all.
        assert_eq!(cost(&globals), None);
    }

    fn compound(stream: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        file.create_stream("/Workbook")
            .unwrap()
            .write_all(stream)
            .unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn a_file_is_refused_by_what_it_would_take_and_a_small_one_passes() {
        let small = compound(&stream(&[number(0, 0), number(9, 3)]));
        assert!(check(&small, MAX_MB).is_ok());
        let far = compound(&stream(&[number(0, 0), number(65_535, 255)]));
        assert_eq!(
            check(&far, MAX_MB),
            Err(Issue::CostsTooMuch {
                ext: "xls".into(),
                limit_mb: MAX_MB
            })
        );
    }

    #[test]
    fn a_file_that_is_no_compound_document_is_unreadable() {
        assert!(matches!(
            check(b"not a workbook", MAX_MB),
            Err(Issue::Unreadable { .. })
        ));
    }
}
