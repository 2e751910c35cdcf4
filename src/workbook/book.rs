//! The workbook to fill in, empty (a template) or holding a round's dossiers
//! (an export): Chinese headings, a second heading row with the unit and
//! whether the column is required, drop-down lists, and the columns the
//! round's eligibility rules read marked.

use rust_xlsxwriter::{
    DataValidation, ExcelDateTime, Format, FormatBorder, Note, Workbook, Worksheet, XlsxError,
};

use super::cell::{KINDS, Kind, Value};
use super::columns::{self, APPLICANTS, ATTACHMENTS, FINANCES, JOINT, TABLES, TARGETS, Table};
use crate::domain::dossier::Dossier;
use crate::domain::rules::{Cond, Names};
use crate::domain::sheet::Sheet;

/// What a round's sheets add to the layout.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// (sheet, column key, titles of the eligibility rules that read it)
    pub marked: Vec<(&'static str, &'static str, Vec<String>)>,
    /// The indicators a target may name: id, title, unit.
    pub indicators: Vec<(String, String, String)>,
}

impl Layout {
    /// The layout for a programme's sheets (the round's sheet and its eligibility sheet).
    pub fn of(sheets: &[&Sheet]) -> Layout {
        let mut l = Layout::default();
        for s in sheets {
            for rule in &s.eligibility {
                let mut names = Names::default();
                rule.require.names(&mut names);
                if let Some(w) = &rule.when {
                    w.names(&mut names);
                }
                let kind = reads_kind(&rule.require) || rule.when.as_ref().is_some_and(reads_kind);
                if kind {
                    l.mark(APPLICANTS.name, "applicant.kind", &rule.title);
                }
                for fact in names.facts.iter().chain(&names.flags) {
                    for (table, key) in columns::columns_of(fact) {
                        l.mark(table.name, key, &rule.title);
                    }
                }
            }
            for i in &s.indicators {
                if !l.indicators.iter().any(|x| x.0 == i.id) {
                    l.indicators
                        .push((i.id.clone(), i.title.clone(), i.unit.clone()));
                }
            }
        }
        l
    }

    fn mark(&mut self, sheet: &'static str, key: &'static str, rule: &str) {
        match self.marked.iter_mut().find(|m| m.0 == sheet && m.1 == key) {
            Some(m) if !m.2.iter().any(|r| r == rule) => m.2.push(rule.to_string()),
            Some(_) => {}
            None => self.marked.push((sheet, key, vec![rule.to_string()])),
        }
    }

    fn rules(&self, sheet: &str, key: &str) -> Option<&[String]> {
        self.marked
            .iter()
            .find(|m| m.0 == sheet && m.1 == key)
            .map(|m| m.2.as_slice())
    }
}

/// Whether a condition asks what kind of applicant it is.
fn reads_kind(c: &Cond) -> bool {
    match c {
        Cond::ApplicantIs(_) => true,
        Cond::All(cs) | Cond::Any(cs) => cs.iter().any(reads_kind),
        Cond::Not(c) => reads_kind(c),
        _ => false,
    }
}

/// Rows with drop-down lists, beyond the rows written.
const SPARE_ROWS: u32 = 1000;

struct Formats {
    head: Format,
    marked: Format,
    unit: Format,
    date: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        let head = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_background_color(0xDDEBF7)
            .set_text_wrap();
        Formats {
            marked: head.clone().set_background_color(0xFCE4D6),
            head,
            unit: Format::new()
                .set_italic()
                .set_font_color(0x595959)
                .set_border(FormatBorder::Thin),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            text: Format::new().set_num_format("@"),
        }
    }
}

/// The workbook's bytes: every sheet with its headings, then the dossiers' rows.
pub fn render(layout: &Layout, dossiers: &[Dossier]) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    for table in TABLES {
        let ws = book.add_worksheet().set_name(table.name)?;
        heads(ws, table, layout, &f)?;
        let rows = body(ws, table, dossiers, &f)?;
        lists(ws, table, layout, 2 + rows + SPARE_ROWS)?;
    }
    book.save_to_buffer()
}

fn heads(ws: &mut Worksheet, t: &Table, layout: &Layout, f: &Formats) -> Result<(), XlsxError> {
    for (c, col) in t.columns.iter().enumerate() {
        let c16 = c as u16;
        let rules = layout.rules(t.name, col.key);
        let need = if col.required { "必填" } else { "选填" };
        let mut unit = [col.unit, need]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        if let Some(rules) = rules {
            unit.push_str(" · 资格审查");
            let note = format!("资格审查规则读取此列：\n{}", rules.join("\n"));
            ws.insert_note(0, c16, &Note::new(note).set_author("pingshen"))?;
        }
        let head = if rules.is_some() { &f.marked } else { &f.head };
        ws.write_string_with_format(0, c16, col.heading, head)?;
        ws.write_string_with_format(1, c16, &unit, &f.unit)?;
        ws.set_column_width(c16, 12)?;
    }
    for &(c, w) in t.widths {
        ws.set_column_width(c as u16, w)?;
    }
    if t.name == TARGETS.name && !layout.indicators.is_empty() {
        let list: Vec<String> = layout
            .indicators
            .iter()
            .map(|(id, title, unit)| format!("{id}：{title}（{unit}）"))
            .collect();
        let note = format!("本轮建设指标：\n{}", list.join("\n"));
        ws.insert_note(0, 1, &Note::new(note).set_author("pingshen"))?;
    }
    ws.set_freeze_panes(2, 1)?;
    Ok(())
}

fn lists(ws: &mut Worksheet, t: &Table, layout: &Layout, last: u32) -> Result<(), XlsxError> {
    let kinds: Vec<&str> = KINDS.iter().map(|k| k.zh()).collect();
    let ids: Vec<&str> = layout.indicators.iter().map(|i| i.0.as_str()).collect();
    for (c, col) in t.columns.iter().enumerate() {
        let list: &[&str] = match col.kind {
            Kind::YesNo => &["是", "否"],
            Kind::Organisation => &kinds,
            _ if t.name == TARGETS.name && col.key == "indicator" && !ids.is_empty() => &ids,
            _ => continue,
        };
        let v = DataValidation::new().allow_list_strings(list)?;
        ws.add_data_validation(2, c as u16, last, c as u16, &v)?;
    }
    Ok(())
}

/// Writes the dossiers' rows; returns how many.
fn body(ws: &mut Worksheet, t: &Table, ds: &[Dossier], f: &Formats) -> Result<u32, XlsxError> {
    let mut row = 2u32;
    for d in ds {
        let cells: Vec<Vec<Option<Value>>> = match t.name {
            n if n == APPLICANTS.name => {
                vec![t.columns.iter().map(|c| columns::get(d, c.key)).collect()]
            }
            n if n == JOINT.name => d
                .joint
                .iter()
                .map(|j| {
                    vec![
                        id(d),
                        text(&j.name),
                        text(&j.credit_code),
                        Some(Value::Kind(j.kind)),
                        text(&j.role),
                        j.in_region.map(Value::Bool),
                        j.staff.map(Value::Whole),
                        j.field_staff.map(Value::Whole),
                        j.revenue.map(Value::Amount),
                    ]
                })
                .collect(),
            n if n == TARGETS.name => d
                .targets
                .iter()
                .map(|x| {
                    vec![
                        id(d),
                        text(&x.indicator),
                        Some(Value::Amount(x.target)),
                        x.achieved.map(Value::Amount),
                    ]
                })
                .collect(),
            n if n == FINANCES.name => d
                .finances
                .iter()
                .map(|y| {
                    vec![
                        id(d),
                        Some(Value::Whole(y.year.max(0) as u32)),
                        Some(Value::Amount(y.sales)),
                        Some(Value::Amount(y.rd_spend)),
                        Some(Value::Amount(y.ip_funding)),
                        Some(Value::Amount(y.ip_service_revenue)),
                    ]
                })
                .collect(),
            n if n == ATTACHMENTS.name => d
                .attachments
                .iter()
                .map(|a| vec![id(d), text(&a.name), text(&a.sha256)])
                .collect(),
            _ => Vec::new(),
        };
        for values in cells {
            for (c, v) in values.into_iter().enumerate() {
                if let Some(v) = v {
                    put(ws, row, c as u16, v, f)?;
                }
            }
            row += 1;
        }
    }
    Ok(row - 2)
}

fn id(d: &Dossier) -> Option<Value> {
    text(&d.id)
}

fn text(s: &str) -> Option<Value> {
    Some(Value::Text(s.to_string()))
}

fn put(ws: &mut Worksheet, row: u32, col: u16, v: Value, f: &Formats) -> Result<(), XlsxError> {
    match v {
        Value::Text(s) => ws.write_string_with_format(row, col, s, &f.text)?,
        Value::Whole(n) => ws.write_number(row, col, n)?,
        Value::Amount(p) => ws.write_number(row, col, columns::number(p))?,
        Value::Date(d) => {
            use chrono::Datelike;
            let year = u16::try_from(d.year()).unwrap_or(0);
            match ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8) {
                Ok(day) => ws.write_datetime_with_format(row, col, &day, &f.date)?,
                // Before 1900 a spreadsheet has no date cells; the text reads back the same.
                Err(_) => ws.write_string(row, col, d.format("%Y-%m-%d").to_string())?,
            }
        }
        Value::Bool(b) => ws.write_string(row, col, if b { "是" } else { "否" })?,
        Value::Kind(k) => ws.write_string(row, col, k.zh())?,
        Value::Codes(c) => ws.write_string_with_format(row, col, c.join("、"), &f.text)?,
    };
    Ok(())
}
