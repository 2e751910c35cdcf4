//! A small multi-line text field whose cursor is placed by display width, so
//! Chinese typed through an input method lands where it is seen.

use super::text::width;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editor {
    lines: Vec<Vec<char>>,
    row: usize,
    col: usize,
    /// The text it opened with, to tell whether anything would be lost.
    start: String,
}

impl Default for Editor {
    fn default() -> Editor {
        Editor::new("")
    }
}

impl Editor {
    pub fn new(text: &str) -> Editor {
        let lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        let row = lines.len() - 1;
        let col = lines[row].len();
        Editor {
            lines,
            row,
            col,
            start: text.to_string(),
        }
    }

    /// True when closing without saving would lose typed text.
    pub fn changed(&self) -> bool {
        let now = self.text();
        now != self.start && !now.trim().is_empty()
    }

    /// The text cut into rows of at most `w` display columns, and the cursor's
    /// (column, row) among them: what a wrapping field shows.
    pub fn wrapped(&self, w: usize) -> (Vec<String>, (usize, usize)) {
        let w = w.max(2);
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        for (r, line) in self.lines.iter().enumerate() {
            let mut row = String::new();
            let mut used = 0;
            for (c, ch) in line.iter().enumerate() {
                let cw = unicode_width::UnicodeWidthChar::width(*ch).unwrap_or(0);
                if used + cw > w {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                if r == self.row && c == self.col {
                    cursor = (used, rows.len());
                }
                row.push(*ch);
                used += cw;
            }
            if r == self.row && self.col == line.len() {
                cursor = if used >= w {
                    (0, rows.len() + 1)
                } else {
                    (used, rows.len())
                };
            }
            rows.push(row);
            if r == self.row && cursor.1 == rows.len() {
                rows.push(String::new());
            }
        }
        (rows, cursor)
    }

    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn lines(&self) -> Vec<String> {
        self.lines.iter().map(|l| l.iter().collect()).collect()
    }

    pub fn insert(&mut self, c: char) {
        self.lines[self.row].insert(self.col, c);
        self.col += 1;
    }

    pub fn newline(&mut self) {
        let rest = self.lines[self.row].split_off(self.col);
        self.row += 1;
        self.lines.insert(self.row, rest);
        self.col = 0;
    }

    pub fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            self.lines[self.row].remove(self.col);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].len();
            self.lines[self.row].extend(line);
        }
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.lines[self.row].len();
        }
    }

    pub fn right(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Moves a line up or down, keeping the cursor's display column.
    pub fn vertical(&mut self, down: bool) {
        let target = if down {
            self.row + 1
        } else {
            self.row.wrapping_sub(1)
        };
        if target >= self.lines.len() {
            return;
        }
        let x = self.cursor().0;
        self.row = target;
        self.col = 0;
        while self.col < self.lines[self.row].len() && self.cursor().0 < x {
            self.col += 1;
        }
    }

    pub fn home(&mut self) {
        self.col = 0;
    }

    pub fn end(&mut self) {
        self.col = self.lines[self.row].len();
    }

    /// The cursor as (display column, row).
    pub fn cursor(&self) -> (usize, usize) {
        let before: String = self.lines[self.row][..self.col].iter().collect();
        (width(&before), self.row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_counts_display_columns() {
        let mut e = Editor::new("");
        for c in "评分a".chars() {
            e.insert(c);
        }
        assert_eq!(e.cursor(), (5, 0));
        e.left();
        assert_eq!(e.cursor(), (4, 0));
        e.newline();
        assert_eq!(e.lines(), vec!["评分", "a"]);
        assert_eq!(e.cursor(), (0, 1));
        e.backspace();
        assert_eq!(e.text(), "评分a");
        assert_eq!(e.cursor(), (4, 0));
    }

    #[test]
    fn long_text_wraps_and_the_cursor_follows_by_display_width() {
        let e = Editor::new("专家意见abc");
        let (rows, cursor) = e.wrapped(5);
        assert_eq!(rows, vec!["专家", "意见a", "bc"]);
        assert_eq!(cursor, (2, 2));
        let mut e = Editor::new("评分意见");
        e.left();
        let (rows, cursor) = e.wrapped(4);
        assert_eq!(rows, vec!["评分", "意见"]);
        assert_eq!(cursor, (2, 1), "before the last character");
        let e = Editor::new("abcd");
        assert_eq!(e.wrapped(4), (vec!["abcd".into(), String::new()], (0, 1)));
    }

    #[test]
    fn only_new_text_counts_as_unsaved() {
        let mut e = Editor::new("旧意见");
        assert!(!e.changed());
        e.insert('新');
        assert!(e.changed());
        let mut e = Editor::new("");
        e.insert(' ');
        assert!(!e.changed(), "blanks lose nothing");
    }

    #[test]
    fn vertical_moves_keep_the_column() {
        let mut e = Editor::new("专家意见\nabcdefgh");
        e.vertical(false);
        e.end();
        e.vertical(true);
        assert_eq!(e.cursor(), (8, 1));
        e.home();
        e.right();
        e.right();
        e.right();
        e.vertical(false);
        // column 3 falls inside the second character; the cursor stops after it
        assert_eq!(e.cursor(), (4, 0));
    }
}
