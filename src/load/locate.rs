//! Finds where a logical path (`sections[2].items[0].max`) stands in RON text,
//! so that validation errors can say `file:line:col`.

use crate::domain::{Path, Seg};

/// A line and column, both from 1; columns count characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// Where `path` is in `text`: the start of the value it names, or of the nearest
/// enclosing value that can be found.
pub fn locate(text: &str, path: &Path) -> Pos {
    let mut c = Cursor {
        s: text.chars().collect(),
        i: 0,
    };
    c.blank();
    let at = c.find(&path.0);
    position(&c.s, at)
}

fn position(s: &[char], at: usize) -> Pos {
    let before = &s[..at.min(s.len())];
    let line = 1 + before.iter().filter(|&&ch| ch == '\n').count();
    let col = 1 + before.iter().rev().take_while(|&&ch| ch != '\n').count();
    Pos { line, col }
}

struct Cursor {
    s: Vec<char>,
    i: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    /// Skips white space, a byte-order mark and comments (`//`, nested `/* */`).
    fn blank(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => self.i += 1,
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.i += 1;
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0;
                    while let Some(c) = self.peek() {
                        if c == '/' && self.peek_at(1) == Some('*') {
                            depth += 1;
                            self.i += 2;
                        } else if c == '*' && self.peek_at(1) == Some('/') {
                            depth -= 1;
                            self.i += 2;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            self.i += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.i;
        if self.peek() == Some('r') && self.peek_at(1) == Some('#') && self.peek_at(2) != Some('"')
        {
            self.i += 2;
        }
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.i += 1;
        }
        (self.i > start).then(|| {
            self.s[start..self.i]
                .iter()
                .collect::<String>()
                .trim_start_matches("r#")
                .to_string()
        })
    }

    /// Skips one string, raw string or char literal starting at the cursor.
    fn literal(&mut self) {
        match self.peek() {
            Some(q @ ('"' | '\'')) => {
                self.i += 1;
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\\' {
                        self.i += 1;
                    } else if c == q {
                        return;
                    }
                }
            }
            Some('r') => {
                self.i += 1;
                let mut hashes = 0;
                while self.peek() == Some('#') {
                    hashes += 1;
                    self.i += 1;
                }
                self.i += 1; // opening quote
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '"' && (0..hashes).all(|k| self.peek_at(k) == Some('#')) {
                        self.i += hashes;
                        return;
                    }
                }
            }
            _ => {}
        }
    }

    fn at_raw_string(&self) -> bool {
        self.peek() == Some('r') && matches!(self.peek_at(1), Some('"' | '#')) && {
            let mut k = 1;
            while self.peek_at(k) == Some('#') {
                k += 1;
            }
            self.peek_at(k) == Some('"')
        }
    }

    /// Skips one value of any shape.
    fn skip_value(&mut self) {
        self.blank();
        if matches!(self.peek(), Some('"' | '\'')) || self.at_raw_string() {
            self.literal();
            return;
        }
        if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
            self.ident();
            self.blank();
            if self.peek() != Some('(') {
                return;
            }
        }
        match self.peek() {
            Some(open @ ('(' | '[' | '{')) => {
                let close = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                self.i += 1;
                loop {
                    self.blank();
                    match self.peek() {
                        None => return,
                        Some(c) if c == close => {
                            self.i += 1;
                            return;
                        }
                        Some(',' | ':') => self.i += 1,
                        Some(_) => self.skip_value(),
                    }
                }
            }
            Some(_) => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| !",)]}:".contains(c) && !c.is_whitespace())
                {
                    self.i += 1;
                }
                if self.i == start {
                    self.i += 1; // a stray closer: step over it rather than stall
                }
            }
            None => {}
        }
    }

    /// Resolves `segs` from the value at the cursor; returns a character index.
    fn find(&mut self, segs: &[Seg]) -> usize {
        self.blank();
        let start = self.i;
        let Some(seg) = segs.first() else {
            return start;
        };
        let name = if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
            self.ident()
        } else {
            None
        };
        self.blank();
        match (self.peek(), seg) {
            (Some('('), _) if name.as_deref() == Some("Some") => {
                self.i += 1;
                self.find(segs)
            }
            (Some('('), Seg::Field(f)) => {
                self.i += 1;
                self.field(f, &segs[1..]).unwrap_or(start)
            }
            (Some('(' | '['), Seg::Index(k)) => {
                self.i += 1;
                self.element(*k, &segs[1..]).unwrap_or(start)
            }
            _ => start,
        }
    }

    fn field(&mut self, want: &str, rest: &[Seg]) -> Option<usize> {
        loop {
            self.blank();
            match self.peek()? {
                ')' => return None,
                ',' => self.i += 1,
                _ => {
                    let key_at = self.i;
                    let key = self.ident();
                    self.blank();
                    if key.is_some() && self.peek() == Some(':') {
                        self.i += 1;
                        if key.as_deref() == Some(want) {
                            return Some(if rest.is_empty() {
                                key_at
                            } else {
                                self.find(rest)
                            });
                        }
                        self.skip_value();
                    } else {
                        self.i = key_at;
                        self.skip_value();
                    }
                }
            }
        }
    }

    fn element(&mut self, want: usize, rest: &[Seg]) -> Option<usize> {
        let mut k = 0;
        loop {
            self.blank();
            match self.peek()? {
                ')' | ']' => return None,
                ',' => self.i += 1,
                _ if k == want => return Some(self.find(rest)),
                _ => {
                    self.skip_value();
                    k += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "// header\nSheet(\n  id: \"a\",\n  sections: [\n    Section(id: \"S1\", items: [\n      Item(id: \"x(\", max: 5),\n      Item(id: \"y\", max: 3, note: Some(\"中文\")),\n    ]),\n  ],\n)\n";

    fn path(segs: Vec<Seg>) -> Path {
        Path(segs)
    }

    #[test]
    fn finds_nested_fields_past_strings_and_comments() {
        use Seg::*;
        let p = path(vec![
            Field("sections"),
            Index(0),
            Field("items"),
            Index(1),
            Field("max"),
        ]);
        assert_eq!(locate(TEXT, &p), Pos { line: 7, col: 21 });
        let p = path(vec![
            Field("sections"),
            Index(0),
            Field("items"),
            Index(0),
            Field("id"),
        ]);
        assert_eq!(locate(TEXT, &p), Pos { line: 6, col: 12 });
    }

    #[test]
    fn stray_closers_do_not_stall() {
        use Seg::*;
        let p = path(vec![Field("a"), Index(3), Field("b")]);
        assert_eq!(locate("X( a: [ ] ) ] ), b: 1)", &p).line, 1);
        assert_eq!(locate("( ] ) ] ) [ ( \"", &p).line, 1);
    }

    #[test]
    fn falls_back_to_the_nearest_enclosing_value() {
        use Seg::*;
        let p = path(vec![Field("sections"), Index(0), Field("items"), Index(9)]);
        assert_eq!(locate(TEXT, &p), Pos { line: 5, col: 30 });
        assert_eq!(locate(TEXT, &Path::root()), Pos { line: 2, col: 1 });
    }
}
