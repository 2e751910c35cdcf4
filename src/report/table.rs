//! The ranking as a plain-text table for the terminal, aligned by display
//! width so Chinese names line up, with what is pending spelled out below.

use std::io::Write;

use super::minutes::{Minutes, Row};
use crate::lang::Lang;
use crate::text::{pad, pad_left, width};

/// Applicant names wider than this are cut with `…`.
const APPLICANT_MAX: usize = 40;
const GAP: &str = "  ";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

pub fn render(m: &Minutes) -> String {
    super::in_memory(|out| write(m, out))
}

/// The table written to `out` row by row: each row's remarks are made as it
/// is written (the last column runs on, so no width depends on them).
pub fn write(m: &Minutes, out: &mut impl Write) -> std::io::Result<()> {
    let w = m.words();
    let rows = m.rows();
    let sep = if m.lang == Lang::Zh { "；" } else { "; " };
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            [
                r.rank(),
                r.entry.dossier.clone(),
                r.entry.applicant.clone(),
                r.score.clone().unwrap_or_else(|| "-".into()),
                r.entry.experts.to_string(),
                r.spread.clone().unwrap_or_else(|| "-".into()),
                r.status.to_string(),
            ]
        })
        .collect();
    let header = [
        w.rank,
        w.dossier,
        w.applicant,
        w.score,
        w.experts,
        w.spread,
        w.status,
        w.remarks,
    ]
    .map(String::from);
    let align = [
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
        Align::Left,
    ];
    let mut widths = header.clone().map(|h| width(&h));
    for c in &cells {
        for (k, v) in c.iter().enumerate() {
            widths[k] = widths[k].max(width(v));
        }
    }
    widths[2] = widths[2].min(APPLICANT_MAX.max(width(&header[2])));

    write!(
        out,
        "{}\n{}\n{}\n\n",
        m.round.title,
        m.subtitle(),
        m.basis()
    )?;
    out.write_all(line(&header, &widths, &align).as_bytes())?;
    // The last column runs on, so its rule is only as wide as its heading.
    let mut rule = widths.map(|n| "-".repeat(n.max(1)));
    rule[7] = "-".repeat(width(&header[7]));
    out.write_all(line(&rule, &widths, &align).as_bytes())?;
    for (r, [rank, id, name, score, experts, spread, status]) in rows.iter().zip(cells) {
        let remarks = m.remarks(r).join(sep);
        let full = [rank, id, name, score, experts, spread, status, remarks];
        out.write_all(line(&full, &widths, &align).as_bytes())?;
    }
    if rows.is_empty() {
        writeln!(out, "{}", w.no_entries)?;
    }
    out.write_all(footnotes(m, &rows).as_bytes())
}

/// One line: every column padded to its width except the last, which runs on.
fn line(cells: &[String; 8], widths: &[usize; 8], align: &[Align; 8]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(8);
    for (k, v) in cells.iter().enumerate() {
        parts.push(if k == cells.len() - 1 {
            v.clone()
        } else if align[k] == Align::Right {
            pad_left(v, widths[k])
        } else {
            pad(v, widths[k])
        });
    }
    let mut s = parts.join(GAP).trim_end().to_string();
    s.push('\n');
    s
}

/// The legend for shared ranks, then what is pending or that the ranking is final.
fn footnotes(m: &Minutes, rows: &[Row]) -> String {
    let w = m.words();
    let colon = if m.lang == Lang::Zh { "：" } else { ":" };
    let mut out = String::from("\n");
    if rows.iter().any(|r| r.level) {
        out += w.level_legend;
        out.push('\n');
    }
    let pending = m.pending();
    if pending.is_empty() {
        out += w.final_yes;
        out.push('\n');
    } else {
        out += w.final_no;
        out.push('\n');
        out += &format!("{}{colon}\n", w.pending);
        for p in pending {
            out += &format!("  - {p}\n");
        }
    }
    let unused = m.unused_decisions();
    if !unused.is_empty() {
        out += &format!("{}{colon}\n", w.unused_decisions);
        for u in unused {
            out += &format!("  - {u}\n");
        }
    }
    out
}
