//! Plain-text tables aligned by display width, so Chinese labels (two columns
//! wide each) line up with digits and Latin letters.

use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Renders a header and rows; columns are two spaces apart, trailing spaces trimmed.
pub fn render(header: &[&str], align: &[Align], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate().take(cols) {
            let pad = widths[i].saturating_sub(cell.width());
            if i > 0 {
                out.push_str("  ");
            }
            match align.get(i).copied().unwrap_or(Align::Left) {
                Align::Left => {
                    out.push_str(cell);
                    out.push_str(&" ".repeat(pad));
                }
                Align::Right => {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                }
            }
        }
        out.trim_end().to_string()
    };
    let mut out = vec![line(header.to_vec())];
    let total: usize = widths.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
    out.push("-".repeat(total));
    for r in rows {
        out.push(line(r.iter().map(String::as_str).collect()));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_chinese_by_display_width() {
        let rows = vec![
            vec!["王一".to_string(), "7.5".to_string()],
            vec!["Li".to_string(), "10".to_string()],
        ];
        let t = render(&["专家", "合计"], &[Align::Left, Align::Right], &rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "专家  合计");
        assert_eq!(lines[2], "王一   7.5");
        assert_eq!(lines[3], "Li      10");
        assert!(lines.iter().skip(2).all(|l| l.width() == lines[0].width()));
    }
}
