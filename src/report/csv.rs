//! The ranking as CSV that Excel and WPS open with Chinese intact: UTF-8
//! with a byte-order mark, CRLF line ends, RFC 4180 quoting.

use super::minutes::Minutes;
use crate::lang::Lang;

/// Tells Excel and WPS the file is UTF-8.
pub const BOM: char = '\u{feff}';

pub fn render(m: &Minutes) -> String {
    super::in_memory(|out| write(m, out))
}

/// The CSV written to `out` row by row.
pub fn write(m: &Minutes, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let sep = if m.lang == Lang::Zh { "；" } else { "; " };
    let mut line = String::new();
    line.push(BOM);
    record(&mut line, &m.columns());
    out.write_all(line.as_bytes())?;
    for r in m.rows() {
        let e = r.entry;
        let rank = e.rank.map(|n| n.to_string()).unwrap_or_default();
        let experts = e.experts.to_string();
        let remarks = m.remarks(&r).join(sep);
        line.clear();
        record(
            &mut line,
            &[
                &rank,
                &e.dossier,
                &e.applicant,
                r.score.as_deref().unwrap_or(""),
                &experts,
                r.spread.as_deref().unwrap_or(""),
                r.status,
                e.status.key(),
                &remarks,
            ],
        );
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Any table as CSV with the byte-order mark: a header row, then the rows.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    record(&mut out, header);
    for r in rows {
        record(&mut out, &r.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

fn record(out: &mut String, fields: &[&str]) {
    let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One field, quoted when it holds a comma, quote or line break. Text that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) is kept as
/// text with a leading apostrophe.
pub fn field(s: &str) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_only_where_needed_and_defuses_formulas() {
        assert_eq!(field("普通"), "普通");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-1,2"), "\"'-1,2\"");
        assert_eq!(field(""), "");
    }
}
