//! Wrapping for the screen: Chinese breaks between any two characters, while a
//! run of Latin letters, digits and their punctuation (`42/12/11`, `7.5`,
//! `experts'`) is kept whole, so no number is ever split across lines.
//! Closing punctuation never starts a line.

use unicode_width::UnicodeWidthChar;

/// Pieces that must stay on one line: a word or number with what clings to it,
/// or a single wide character; spaces are their own pieces.
fn pieces(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        let narrow = c.width().unwrap_or(0) < 2;
        if narrow && c != ' ' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        // Closing punctuation clings to what it closes.
        if is_closing(c)
            && let Some(last) = out.last_mut()
            && last != " "
        {
            last.push(c);
            continue;
        }
        out.push(c.to_string());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_closing(c: char) -> bool {
    "，。、；：！？）》」』】,.;:!?)".contains(c)
}

fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `s` into lines of at most `w` display columns (a piece wider than a
/// whole line is cut where it must be). Newlines in `s` start new lines.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for piece in pieces(para) {
            let pw = width(&piece);
            if used + pw > w && used > 0 {
                out.push(line.trim_end().to_string());
                line.clear();
                used = 0;
                if piece == " " {
                    continue;
                }
            }
            if pw > w {
                for c in piece.chars() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > w {
                        out.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push(c);
                    used += cw;
                }
                continue;
            }
            line.push_str(&piece);
            used += pw;
        }
        out.push(line.trim_end().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words_stay_whole() {
        assert_eq!(
            wrap("发明 42/12/11/24/18", 16),
            vec!["发明", "42/12/11/24/18"]
        );
        assert_eq!(
            wrap("the experts' scores", 14),
            vec!["the experts'", "scores"]
        );
    }

    #[test]
    fn chinese_breaks_anywhere_but_not_before_closing_punctuation() {
        assert_eq!(
            wrap("有效发明专利较多，", 10),
            vec!["有效发明专", "利较多，"]
        );
        assert_eq!(
            wrap("有效发明专利较多，", 8),
            vec!["有效发明", "专利较", "多，"]
        );
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
    }

    #[test]
    fn a_piece_wider_than_the_line_is_cut() {
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }
}
