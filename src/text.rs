//! Text measured in display columns, so Chinese lines up: never `len()`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `w` columns, ending with `…` when cut.
pub fn truncate(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// Pads `s` with spaces on the right to exactly `w` columns (cutting if longer).
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(n))
}

/// Pads on the left, for numbers.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(n))
}

/// Breaks text into lines of at most `w` columns, at any character (Chinese has
/// no spaces to break at); keeps the text's own line breaks.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > w {
                out.push(std::mem::take(&mut line));
                used = 0;
                if c == ' ' {
                    continue;
                }
            }
            line.push(c);
            used += cw;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_two_columns() {
        assert_eq!(width("评审"), 4);
        assert_eq!(pad("评审", 6), "评审  ");
        assert_eq!(pad_left("7.5", 5), "  7.5");
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("高价值专利培育", 7), "高价值…");
        assert_eq!(width(&truncate("高价值专利培育", 8)), 7);
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn wraps_chinese_by_width() {
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        assert_eq!(wrap("ab\ncd", 10), vec!["ab", "cd"]);
    }
}
