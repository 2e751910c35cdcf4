//! Workbooks for the import tests, built cell by cell with rust_xlsxwriter:
//! one good applicant to start from, which each test spoils in one place.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use pingshen::workbook::columns::{APPLICANTS, JOINT, Table};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// One cell as a person might have typed it.
#[derive(Clone, Debug)]
pub enum C {
    S(&'static str),
    T(String),
    N(f64),
    /// A date cell (a serial number formatted as a date).
    D(u16, u8, u8),
    /// A formula with the value the spreadsheet computed.
    F(&'static str, &'static str),
}

pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Option<C>>>,
    pub hidden: bool,
    pub merged: Vec<(u32, u16, u32, u16)>,
}

/// A sheet of `table` with its two heading rows and `rows` by heading.
pub fn sheet(table: &Table, rows: &[Vec<(&str, C)>]) -> Sheet {
    let heads = table
        .columns
        .iter()
        .map(|c| Some(C::S(c.heading)))
        .collect();
    let units = table
        .columns
        .iter()
        .map(|c| Some(C::T(if c.required { "必填" } else { "选填" }.into())))
        .collect();
    let mut out = vec![heads, units];
    for r in rows {
        let mut row: Vec<Option<C>> = vec![None; table.columns.len()];
        for (heading, value) in r {
            let k = table
                .columns
                .iter()
                .position(|c| c.heading == *heading)
                .unwrap_or_else(|| panic!("no column {heading}"));
            row[k] = Some(value.clone());
        }
        out.push(row);
    }
    Sheet {
        name: table.name.to_string(),
        rows: out,
        hidden: false,
        merged: Vec::new(),
    }
}

/// A valid applicant row (the demo's first applicant, trimmed), with `id`.
pub fn applicant(id: &str) -> Vec<(&'static str, C)> {
    vec![
        ("申报编号", C::T(id.into())),
        ("申报单位名称", C::S("广州澄岚微电子科技有限公司")),
        ("统一社会信用代码", C::S("91440112MAPCU9QY5R")),
        ("单位类型", C::S("企业")),
        ("注册日期", C::D(2010, 2, 23)),
        ("发明专利申请", C::N(606.0)),
        ("发明专利授权", C::N(277.0)),
        ("有效发明专利", C::N(238.0)),
        ("失信联合惩戒对象", C::S("否")),
    ]
}

/// Replaces (or adds) one cell of a row by heading.
pub fn with(
    mut row: Vec<(&'static str, C)>,
    heading: &'static str,
    v: C,
) -> Vec<(&'static str, C)> {
    row.retain(|(h, _)| *h != heading);
    row.push((heading, v));
    row
}

/// A joint applicant row for dossier `id`.
pub fn joint(id: &str) -> Vec<(&'static str, C)> {
    vec![
        ("申报编号", C::T(id.into())),
        ("联合单位名称", C::S("南粤临港理工大学")),
        ("统一社会信用代码", C::S("12440000MAPKD9K70F")),
        ("单位类型", C::S("高等院校")),
        ("承担角色", C::S("前沿技术研究与专利挖掘")),
    ]
}

pub fn applicants(rows: &[Vec<(&str, C)>]) -> Sheet {
    sheet(&APPLICANTS, rows)
}

pub fn joints(rows: &[Vec<(&str, C)>]) -> Sheet {
    sheet(&JOINT, rows)
}

/// The workbook's bytes.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&s.name).unwrap();
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    None => {}
                    Some(C::S(t)) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    Some(C::T(t)) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    Some(C::N(n)) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Some(C::D(y, m, d)) => {
                        let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &day, &date).unwrap();
                    }
                    Some(C::F(f, v)) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(*v))
                            .unwrap();
                    }
                }
            }
        }
        for &(r0, c0, r1, c1) in &s.merged {
            ws.merge_range(r0, c0, r1, c1, "", &Format::new()).unwrap();
        }
        if s.hidden {
            ws.set_hidden(true);
        }
    }
    book.save_to_buffer().unwrap()
}

/// Writes `bytes` as `name` in `dir` and returns its path.
pub fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}
