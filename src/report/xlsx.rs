//! The workbook: the ranking on a summary sheet (汇总表, or Summary in
//! English), then one sheet per expert with that expert's scores, dossiers by
//! row and items by column. Every sheet prints landscape on A4, fitted to the
//! page's width, its heading rows repeated on each page, and every row as
//! tall as its longest wrapped text needs (LibreOffice shows only the last
//! line of a wrapped cell in a row left at the default height).

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::digest;
use super::minutes::{Case, Minutes};
use crate::domain::Points;
use crate::domain::round::Expert;
use crate::lang::Lang;

/// The summary sheet's name in Chinese.
pub const SUMMARY: &str = "汇总表";

/// The summary sheet's name in English.
pub const SUMMARY_EN: &str = "Summary";

/// The summary sheet's name in `lang`.
pub fn summary_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => SUMMARY,
        Lang::En => SUMMARY_EN,
    }
}

/// The summary's columns and their widths (in widths of a digit): rank,
/// dossier, applicant, score, experts, spread, status, remarks.
const SUMMARY_WIDTHS: [f64; 8] = [6.0, 14.0, 34.0, 9.0, 7.0, 8.0, 16.0, 60.0];

/// The height of one line of 11-point text, in points, with room for the
/// taller Chinese glyphs.
const LINE: f64 = 16.0;

/// How many lines `text` takes wrapped in a column `width` digits wide: a
/// Chinese character is two digits wide, and a cell loses about one digit
/// to its margins.
fn lines(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|l| ((l.width() as f64) / room).ceil().max(1.0) as usize)
        .sum()
}

/// Sets a row's height from the wrapped texts in it, each with its column's width.
fn fit_row(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    let n = cells.iter().map(|(t, w)| lines(t, *w)).max().unwrap_or(1);
    if n > 1 {
        ws.set_row_height(row, n as f64 * LINE)?;
    }
    Ok(())
}

/// Landscape A4, fitted to the page's width, rows `first..=last` repeated at
/// the top of each page, and the page number in the footer.
fn print_setup(ws: &mut Worksheet, first: u32, last: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(first, last)?;
    ws.set_footer("&C&P / &N");
    Ok(())
}

/// Excel's limit on a sheet name, in UTF-16 code units.
const NAME_MAX: usize = 31;

struct Formats {
    title: Format,
    head: Format,
    text: Format,
    num: Format,
    score: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(13),
            head: cell
                .clone()
                .set_bold()
                .set_background_color(0xE8E8E8)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            num: cell.clone(),
            score: cell.set_num_format("0.00"),
        }
    }
}

/// The workbook's bytes.
pub fn render(m: &Minutes) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let first = summary_name(m.lang);
    let mut names = vec![first.to_string()];
    summary(m, &f, book.add_worksheet().set_name(first)?)?;
    for e in m.scorers() {
        let name = sheet_name(&format!("{} {}", e.id, e.name), &names);
        names.push(name.clone());
        expert(m, e, &f, book.add_worksheet().set_name(name)?)?;
    }
    book.save_to_buffer()
}

fn points(p: Points) -> f64 {
    p.hundredths() as f64 / 100.0
}

fn summary(m: &Minutes, f: &Formats, ws: &mut Worksheet) -> Result<(), XlsxError> {
    let w = m.words();
    let sep = if m.lang == Lang::Zh { "；" } else { "; " };
    ws.write_string_with_format(0, 0, &m.round.title, &f.title)?;
    ws.write_string(1, 0, m.subtitle())?;
    ws.write_string(2, 0, m.basis())?;
    let head = [
        w.rank,
        w.dossier,
        w.applicant,
        w.score,
        w.experts,
        w.spread,
        w.status,
        w.remarks,
    ];
    let top = 4;
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, &f.head)?;
    }
    let heads: Vec<(&str, f64)> = head.iter().copied().zip(SUMMARY_WIDTHS).collect();
    fit_row(ws, top, &heads)?;
    let mut r = top + 1;
    for row in m.rows() {
        let e = row.entry;
        match e.rank {
            Some(n) => ws.write_number_with_format(r, 0, n, &f.num)?,
            None => ws.write_blank(r, 0, &f.num)?,
        };
        ws.write_string_with_format(r, 1, &e.dossier, &f.text)?;
        ws.write_string_with_format(r, 2, &e.applicant, &f.text)?;
        match e.score {
            Some(s) => {
                ws.write_number_with_format(r, 3, s.round_hundredths() as f64 / 100.0, &f.score)?
            }
            None => ws.write_blank(r, 3, &f.score)?,
        };
        ws.write_number_with_format(r, 4, e.experts, &f.num)?;
        match e.spread {
            Some(p) => ws.write_number_with_format(r, 5, points(p), &f.score)?,
            None => ws.write_blank(r, 5, &f.score)?,
        };
        ws.write_string_with_format(r, 6, row.status, &f.text)?;
        let remarks = m.remarks(&row).join(sep);
        ws.write_string_with_format(r, 7, &remarks, &f.text)?;
        fit_row(
            ws,
            r,
            &[
                (&e.dossier, SUMMARY_WIDTHS[1]),
                (&e.applicant, SUMMARY_WIDTHS[2]),
                (row.status, SUMMARY_WIDTHS[6]),
                (&remarks, SUMMARY_WIDTHS[7]),
            ],
        )?;
        r += 1;
    }
    r += 1;
    let pending = m.pending();
    ws.write_string_with_format(
        r,
        0,
        if pending.is_empty() {
            w.final_yes
        } else {
            w.final_no
        },
        &f.title,
    )?;
    for p in pending {
        r += 1;
        ws.write_string(r, 0, p)?;
    }
    r += 2;
    ws.write_string(r, 0, format!("{}: {}", w.generated, m.generated_text()))?;
    ws.write_string(
        r + 1,
        0,
        format!("{}: {}", w.sheet_fingerprint, m.sheet_fingerprint),
    )?;
    ws.write_string(
        r + 2,
        0,
        format!("{}: {}", w.ranking_hash, digest::ranking_hash(m.ranking)),
    )?;
    // The explanation of the check value, wrapped across the table's width.
    let plain = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.merge_range(r + 3, 0, r + 3, 7, w.hash_covers, &plain)?;
    fit_row(ws, r + 3, &[(w.hash_covers, SUMMARY_WIDTHS.iter().sum())])?;
    for (c, width) in SUMMARY_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_freeze_panes(top + 1, 0)?;
    print_setup(ws, top, top)?;
    Ok(())
}

fn expert(m: &Minutes, e: &Expert, f: &Formats, ws: &mut Worksheet) -> Result<(), XlsxError> {
    let w = m.words();
    let ids = m.sheet.entry_ids();
    let indicator = m.sheet.is_indicator_sheet();
    ws.write_string_with_format(
        0,
        0,
        format!("{} {} — {}", e.id, e.name, e.organisation),
        &f.title,
    )?;
    ws.write_string(1, 0, format!("{} · {}", m.round.title, m.stage_name()))?;
    let top = 3;
    let total_col = 2 + ids.len() as u16;
    ws.write_string_with_format(top, 0, w.dossier, &f.head)?;
    ws.write_string_with_format(top, 1, w.applicant, &f.head)?;
    // Each item column headed with its id and name, wrapped.
    let mut heads: Vec<(String, f64)> = vec![
        (w.dossier.to_string(), DOSSIER_WIDTH),
        (w.applicant.to_string(), APPLICANT_WIDTH),
    ];
    for (k, id) in ids.iter().enumerate() {
        let title = item_title(m, id);
        let head = if title == *id {
            id.to_string()
        } else {
            format!("{id} {title}")
        };
        ws.write_string_with_format(top, 2 + k as u16, head.trim_end(), &f.head)?;
        heads.push((head.trim_end().to_string(), ITEM_WIDTH));
    }
    if !indicator {
        ws.write_string_with_format(top, total_col, w.total, &f.head)?;
    }
    ws.write_string_with_format(top, total_col + 1, w.status, &f.head)?;
    let cells: Vec<(&str, f64)> = heads.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    fit_row(ws, top, &cells)?;
    // The maxima under the item ids, so each score reads against its ceiling.
    ws.write_blank(top + 1, 0, &f.text)?;
    ws.write_string_with_format(top + 1, 1, w.max, &f.text)?;
    for (k, id) in ids.iter().enumerate() {
        match m.sheet.item(id) {
            Some(i) => ws.write_number_with_format(top + 1, 2 + k as u16, points(i.max), &f.num)?,
            None => ws.write_blank(top + 1, 2 + k as u16, &f.num)?,
        };
    }
    if !indicator {
        ws.write_number_with_format(top + 1, total_col, points(m.sheet.total), &f.num)?;
    }
    ws.write_blank(top + 1, total_col + 1, &f.text)?;
    for (r, case) in (top + 2..).zip(m.cases(&e.id)) {
        ws.write_string_with_format(r, 0, case.dossier, &f.text)?;
        ws.write_string_with_format(r, 1, m.applicant(case.dossier), &f.text)?;
        let state_text = state(m, &case);
        fit_row(
            ws,
            r,
            &[
                (case.dossier, DOSSIER_WIDTH),
                (m.applicant(case.dossier), APPLICANT_WIDTH),
                (&state_text, STATE_WIDTH),
            ],
        )?;
        if let Some(card) = case.card {
            for (k, id) in ids.iter().enumerate() {
                match card.scores.get(id) {
                    Some(v) => ws.write_number_with_format(r, 2 + k as u16, points(*v), &f.num)?,
                    None => ws.write_blank(r, 2 + k as u16, &f.num)?,
                };
            }
            if !indicator {
                let total: Points = ids
                    .iter()
                    .filter_map(|id| card.scores.get(id))
                    .copied()
                    .sum();
                ws.write_number_with_format(r, total_col, points(total), &f.num)?;
            }
        }
        ws.write_string_with_format(r, total_col + 1, &state_text, &f.text)?;
    }
    ws.set_column_width(0, DOSSIER_WIDTH)?;
    ws.set_column_width(1, APPLICANT_WIDTH)?;
    for k in 0..ids.len() as u16 {
        ws.set_column_width(2 + k, ITEM_WIDTH)?;
    }
    ws.set_column_width(total_col + 1, STATE_WIDTH)?;
    ws.set_freeze_panes(top + 2, 2)?;
    print_setup(ws, top, top + 1)?;
    Ok(())
}

const DOSSIER_WIDTH: f64 = 14.0;
const APPLICANT_WIDTH: f64 = 30.0;
const ITEM_WIDTH: f64 = 11.0;
const STATE_WIDTH: f64 = 22.0;

/// An item's or indicator's name, or nothing for an id the sheet lacks.
fn item_title<'a>(m: &'a Minutes, id: &str) -> &'a str {
    m.sheet
        .item(id)
        .map(|i| i.title.as_str())
        .or_else(|| m.sheet.indicator(id).map(|i| i.title.as_str()))
        .unwrap_or("")
}

fn state(m: &Minutes, case: &Case) -> String {
    let w = m.words();
    match case.card {
        _ if case.recusal.is_some() => w.recused.to_string(),
        Some(c) if c.is_submitted() => w.submitted.to_string(),
        Some(_) => w.draft.to_string(),
        None => String::new(),
    }
}

/// A sheet name Excel accepts: none of `[]:*?/\`, no apostrophe at either
/// end, at most 31 UTF-16 units, and distinct (ignoring case) from `taken`.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    let base = if clean.is_empty() { "Sheet" } else { clean };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = NAME_MAX - suffix.encode_utf16().count();
        let mut name = String::new();
        for c in base.chars() {
            if name.encode_utf16().count() + c.len_utf16() > room {
                break;
            }
            name.push(c);
        }
        let name = format!("{}{suffix}", name.trim_end_matches('\''));
        if !taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
        {
            return name;
        }
    }
    base.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excels_rules() {
        assert_eq!(sheet_name("E1 林维舟", &[]), "E1 林维舟");
        assert_eq!(sheet_name("E2 a/b:c*d?[e]\\f", &[]), "E2 a_b_c_d__e__f");
        assert_eq!(sheet_name("'E3'", &[]), "E3");
        let long = "E4 ".to_string() + &"长".repeat(40);
        let name = sheet_name(&long, &[]);
        assert_eq!(name.encode_utf16().count(), 31);
        let taken = vec!["e5 x".to_string()];
        assert_eq!(sheet_name("E5 X", &taken), "E5 X (2)");
        let twice = vec![name.clone()];
        let again = sheet_name(&long, &twice);
        assert!(again.ends_with(" (2)") && again.encode_utf16().count() <= 31);
        // A surrogate pair is never split.
        let emoji = "E6 ".to_string() + &"😀".repeat(20);
        assert!(sheet_name(&emoji, &[]).encode_utf16().count() <= 31);
    }
}
