//! A workbook read into dossiers: every sheet, row and cell checked, and the
//! dossiers checked by the domain's own rules, before anything is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::cell::{self, Kind, Raw, Value, a1};
use super::columns::{
    self, APPLICANTS, ATTACHMENTS, FINANCES, ID, IGNORED, JOINT, TABLES, TARGETS, Table,
};
use super::grid::{self, Book, Grid};
use super::problem::{Issue, Place, Problem};
use crate::domain::dossier::{
    ApplicantKind, Attachment, Dossier, JointApplicant, Target, YearFinances,
};
use crate::domain::{Points, Seg, credit_code};

/// A dossier read from a workbook, with the rows it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub dossier: Dossier,
    /// Where its applicants-sheet row is, for the comment in its file.
    pub source: Place,
    rows: Rows,
}

/// The zero-based rows a dossier's parts are on, sheet by sheet.
#[derive(Clone, Debug, Default, PartialEq)]
struct Rows {
    main: usize,
    joint: Vec<usize>,
    targets: Vec<usize>,
    finances: Vec<usize>,
    attachments: Vec<usize>,
}

/// What a workbook holds, read and checked.
#[derive(Debug)]
pub struct Read {
    pub dossiers: Vec<Imported>,
    /// Hidden sheets, which were not read.
    pub hidden: Vec<String>,
}

/// Reads and checks a workbook; every problem at once, or the dossiers.
pub fn read(file: &Path) -> Result<Read, Vec<Problem>> {
    checked(file, grid::open(file))
}

/// Reads and checks a workbook's bytes, in the format `file`'s extension names.
pub fn read_bytes(file: &Path, bytes: Vec<u8>) -> Result<Read, Vec<Problem>> {
    checked(file, grid::of_bytes(file, bytes))
}

fn checked(file: &Path, book: Result<Book, Issue>) -> Result<Read, Vec<Problem>> {
    let mut book = book.map_err(|issue| {
        let at = Place {
            file: file.to_path_buf(),
            sheet: None,
            cell: None,
        };
        vec![Problem { at, issue }]
    })?;
    let mut r = Reader {
        file: book.file.clone(),
        csv: book.csv,
        problems: Vec::new(),
        dossiers: Vec::new(),
        by_id: HashMap::new(),
    };
    r.all(&mut book);
    let Reader {
        mut problems,
        dossiers,
        ..
    } = r;
    if problems.is_empty() {
        return Ok(Read {
            dossiers,
            hidden: book.hidden,
        });
    }
    problems.sort_by_key(|p| p.0);
    Err(problems.into_iter().map(|(_, p)| p).collect())
}

/// Problems sort by sheet, row, column.
type Key = (usize, usize, usize);

struct Reader {
    file: PathBuf,
    csv: bool,
    problems: Vec<(Key, Problem)>,
    dossiers: Vec<Imported>,
    by_id: HashMap<String, usize>,
}

/// A sheet's headings, found: which grid column holds which table column.
struct Heads {
    /// (grid column, table column)
    map: Vec<(usize, usize)>,
    first_row: usize,
}

impl Reader {
    /// Each sheet in turn, read, checked and let go before the next.
    fn all(&mut self, book: &mut Book) {
        let main = match book.grid(APPLICANTS.name) {
            Ok(Some(g)) => g,
            Ok(None) => {
                let sheets = book.names.clone();
                self.problem((0, 0, 0), None, None, Issue::NoApplicantSheet { sheets });
                return;
            }
            Err(issue) => return self.problem((0, 0, 0), None, None, issue),
        };
        self.table(&main, &APPLICANTS);
        drop(main);
        for (t, table) in [&JOINT, &TARGETS, &FINANCES, &ATTACHMENTS]
            .into_iter()
            .enumerate()
        {
            match book.grid(table.name) {
                Ok(Some(g)) => self.table_part(&g, table, t + 1),
                Ok(None) => {}
                Err(issue) => self.problem((t + 1, 0, 0), Some(table.name), None, issue),
            }
        }
        if self.problems.is_empty() {
            self.rules();
        }
    }

    fn place(&self, sheet: Option<&str>, cell: Option<String>) -> Place {
        Place {
            file: self.file.clone(),
            sheet: if self.csv {
                None
            } else {
                sheet.map(str::to_string)
            },
            cell,
        }
    }

    fn problem(&mut self, key: Key, sheet: Option<&str>, cell: Option<String>, issue: Issue) {
        let at = self.place(sheet, cell);
        self.problems.push((key, Problem { at, issue }));
    }

    fn at(&mut self, t: usize, table: &Table, row: usize, col: usize, issue: Issue) {
        self.problem((t, row, col), Some(table.name), Some(a1(row, col)), issue);
    }

    /// Finds the headings in row 1 (and skips the template's unit row).
    fn heads(&mut self, g: &Grid, table: &Table, t: usize) -> Option<Heads> {
        let before = self.problems.len();
        for m in &g.merged {
            let issue = Issue::Merged { range: m.clone() };
            self.problem((t, 0, 0), Some(table.name), Some(m.clone()), issue);
        }
        let mut map = Vec::new();
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for c in 0..g.width() {
            let heading = cell::narrow(&text_of(&g.raw(0, c)));
            let heading = heading.trim();
            if heading.is_empty() || IGNORED.contains(&heading) {
                continue;
            }
            match table
                .columns
                .iter()
                .position(|col| cell::narrow(col.heading) == heading)
            {
                Some(k) => {
                    if let Some(first) = seen.insert(k, c) {
                        let issue = Issue::RepeatedColumn {
                            heading: heading.to_string(),
                            first: a1(0, first),
                        };
                        self.at(t, table, 0, c, issue);
                    }
                    map.push((c, k));
                }
                None => {
                    let known = table
                        .columns
                        .iter()
                        .map(|c| c.heading.to_string())
                        .collect();
                    let issue = Issue::UnknownColumn {
                        heading: heading.to_string(),
                        known,
                    };
                    self.at(t, table, 0, c, issue);
                }
            }
        }
        for (k, col) in table.columns.iter().enumerate() {
            if col.required && !seen.contains_key(&k) {
                let issue = Issue::MissingColumn {
                    heading: col.heading.to_string(),
                };
                self.problem((t, 0, 0), Some(table.name), Some("1:1".into()), issue);
            }
        }
        if self.problems.len() > before {
            return None;
        }
        let unit_row = (0..g.width()).any(|c| {
            let t = text_of(&g.raw(1, c));
            t.contains("必填") || t.contains("选填")
        });
        Some(Heads {
            map,
            first_row: if unit_row { 2 } else { 1 },
        })
    }

    /// The values of one row, by table column; `None` for an empty row.
    fn row(
        &mut self,
        g: &Grid,
        table: &Table,
        t: usize,
        h: &Heads,
        row: usize,
    ) -> Option<Vec<Option<Value>>> {
        if h.map.iter().all(|&(c, _)| blank(&g.raw(row, c))) {
            return None;
        }
        let mut values = vec![None; table.columns.len()];
        for &(c, k) in &h.map {
            let col = &table.columns[k];
            match cell::read(&g.raw(row, c), col.kind) {
                Ok(None) if col.required => {
                    let issue = Issue::Empty {
                        heading: col.heading.to_string(),
                    };
                    self.at(t, table, row, c, issue);
                }
                Ok(v) => {
                    if let Some(Value::Text(code)) = &v
                        && col.kind == Kind::Code
                    {
                        self.code(t, table, row, c, code);
                    }
                    if let Some(Value::Codes(codes)) = &v {
                        for code in codes {
                            self.code(t, table, row, c, code);
                        }
                    }
                    values[k] = v;
                }
                Err(bad) => {
                    let issue = Issue::Cell {
                        heading: col.heading.to_string(),
                        bad,
                    };
                    self.at(t, table, row, c, issue);
                }
            }
        }
        Some(values)
    }

    /// A credit code checked by the domain's rule, said with the cell.
    fn code(&mut self, t: usize, table: &Table, row: usize, col: usize, code: &str) {
        if credit_code::problem(code).is_none() {
            return;
        }
        let head: String = code.chars().take(17).collect();
        let issue = match (
            code.chars().count() == 18,
            credit_code::check_char(&head),
            code.chars().last(),
        ) {
            (true, Some(want), Some(got)) if want != got => Issue::CheckCharacter {
                code: code.to_string(),
                got,
                want,
            },
            _ => Issue::CreditCode {
                code: code.to_string(),
            },
        };
        self.at(t, table, row, col, issue);
    }

    fn table(&mut self, g: &Grid, table: &Table) {
        let Some(h) = self.heads(g, table, 0) else {
            return;
        };
        let id_col = grid_col(&h, table, ID);
        for row in g.rows(h.first_row) {
            let Some(values) = self.row(g, table, 0, &h, row) else {
                continue;
            };
            let mut d = columns::blank();
            for (k, v) in values.into_iter().enumerate() {
                if let Some(v) = v {
                    columns::set(&mut d, table.columns[k].key, v);
                }
            }
            if d.id.is_empty() {
                continue;
            }
            if d.id.contains(['/', '\\']) || d.id.starts_with('.') {
                let issue = Issue::BadId { id: d.id.clone() };
                self.at(0, table, row, id_col, issue);
            }
            if let Some(&first) = self.by_id.get(&d.id) {
                let issue = Issue::DuplicateId {
                    id: d.id.clone(),
                    first: a1(self.dossiers[first].rows.main, id_col),
                };
                self.at(0, table, row, id_col, issue);
                continue;
            }
            self.by_id.insert(d.id.clone(), self.dossiers.len());
            let mut source = self.place(Some(table.name), Some(a1(row, 0)));
            // The file's name alone: the comment should not change when the workbook moves.
            source.file = source
                .file
                .file_name()
                .map_or_else(Default::default, Into::into);
            self.dossiers.push(Imported {
                dossier: d,
                source,
                rows: Rows {
                    main: row,
                    ..Rows::default()
                },
            });
        }
        if self.dossiers.is_empty() && self.problems.is_empty() {
            let row = h.first_row + 1;
            let cell = Some(a1(h.first_row, 0));
            self.problem(
                (0, h.first_row, 0),
                Some(table.name),
                cell,
                Issue::NoDossiers { row },
            );
        }
    }

    /// Rows of a sheet that belong to a dossier by its id.
    fn table_part(&mut self, g: &Grid, table: &'static Table, t: usize) {
        let Some(h) = self.heads(g, table, t) else {
            return;
        };
        let id_col = grid_col(&h, table, ID);
        for row in g.rows(h.first_row) {
            let Some(v) = self.row(g, table, t, &h, row) else {
                continue;
            };
            let Some(Value::Text(id)) = v[0].clone() else {
                continue;
            };
            let Some(&k) = self.by_id.get(&id) else {
                self.at(t, table, row, id_col, Issue::UnknownDossier { id });
                continue;
            };
            let imported = &mut self.dossiers[k];
            let (d, rows) = (&mut imported.dossier, &mut imported.rows);
            match table.name {
                n if n == JOINT.name => {
                    d.joint.push(JointApplicant {
                        name: text(&v[1]),
                        credit_code: text(&v[2]),
                        kind: match &v[3] {
                            Some(Value::Kind(k)) => *k,
                            _ => ApplicantKind::Enterprise,
                        },
                        role: text(&v[4]),
                        in_region: match &v[5] {
                            Some(Value::Bool(b)) => Some(*b),
                            _ => None,
                        },
                        staff: whole(&v[6]),
                        field_staff: whole(&v[7]),
                        revenue: amount(&v[8]),
                    });
                    rows.joint.push(row);
                }
                n if n == TARGETS.name => {
                    d.targets.push(Target {
                        indicator: text(&v[1]),
                        target: amount(&v[2]).unwrap_or_default(),
                        achieved: amount(&v[3]),
                    });
                    rows.targets.push(row);
                }
                n if n == FINANCES.name => {
                    let year = match &v[1] {
                        Some(Value::Whole(y)) => i32::try_from(*y).unwrap_or(i32::MAX),
                        _ => 0,
                    };
                    d.finances.push(YearFinances {
                        year,
                        sales: amount(&v[2]).unwrap_or_default(),
                        rd_spend: amount(&v[3]).unwrap_or_default(),
                        ip_funding: amount(&v[4]).unwrap_or_default(),
                        ip_service_revenue: amount(&v[5]).unwrap_or_default(),
                    });
                    rows.finances.push(row);
                }
                _ => {
                    d.attachments.push(Attachment {
                        name: text(&v[1]),
                        sha256: text(&v[2]).to_lowercase(),
                    });
                    rows.attachments.push(row);
                }
            }
        }
    }

    /// The domain's rules for each dossier, each problem placed on its cell.
    fn rules(&mut self) {
        let mut found = Vec::new();
        for imp in &self.dossiers {
            if let Err(invalid) = imp.dossier.validate() {
                for i in invalid {
                    found.push((cell_of(&i.path.0, &imp.rows), i.message));
                }
            }
        }
        for ((t, row, col), message) in found {
            let table = TABLES[t];
            self.at(t, table, row, col, Issue::Rule { message });
        }
    }
}

/// The grid column that holds a table's column, or the first.
fn grid_col(h: &Heads, table: &Table, key: &str) -> usize {
    let k = table.column(key).unwrap_or(0);
    h.map.iter().find(|&&(_, t)| t == k).map_or(0, |&(c, _)| c)
}

/// Where a domain path points: (sheet, row, column). Columns are placed as
/// the template lays them out; the place names the row, which is what counts.
fn cell_of(path: &[Seg], rows: &Rows) -> Key {
    let list = |t: usize, table: &Table, rows: &[usize], k: usize, rest: &[Seg]| {
        let key = match rest.first() {
            Some(Seg::Field(f)) => *f,
            _ => ID,
        };
        let row = rows.get(k).copied().unwrap_or(0);
        (t, row, table.column(key).unwrap_or(0))
    };
    match path {
        [Seg::Field("joint"), Seg::Index(k), rest @ ..] => list(1, &JOINT, &rows.joint, *k, rest),
        [Seg::Field("targets"), Seg::Index(k), rest @ ..] => {
            list(2, &TARGETS, &rows.targets, *k, rest)
        }
        [Seg::Field("finances"), Seg::Index(k), rest @ ..] => {
            list(3, &FINANCES, &rows.finances, *k, rest)
        }
        [Seg::Field("attachments"), Seg::Index(k), rest @ ..] => {
            list(4, &ATTACHMENTS, &rows.attachments, *k, rest)
        }
        _ => {
            let key: Vec<&str> = path
                .iter()
                .filter_map(|s| match s {
                    Seg::Field(f) => Some(*f),
                    Seg::Index(_) => None,
                })
                .collect();
            let col = APPLICANTS.column(&key.join(".")).unwrap_or(0);
            (0, rows.main, col)
        }
    }
}

fn text_of(raw: &Raw<'_>) -> String {
    match raw {
        Raw::Text(t) => t.to_string(),
        _ => String::new(),
    }
}

fn blank(raw: &Raw<'_>) -> bool {
    match raw {
        Raw::Empty => true,
        Raw::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

fn text(v: &Option<Value>) -> String {
    match v {
        Some(Value::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

fn amount(v: &Option<Value>) -> Option<Points> {
    match v {
        Some(Value::Amount(p)) => Some(*p),
        _ => None,
    }
}

fn whole(v: &Option<Value>) -> Option<u32> {
    match v {
        Some(Value::Whole(n)) => Some(*n),
        _ => None,
    }
}
