//! Finds where a logical path (`sections[2].items[0].max`) stands in RON text,
//! so that validation errors can say `file:line:col`.

use std::collections::BTreeMap;

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
    locate_all(text, &[path])[0]
}

/// Where each of `paths` is in `text`, as `locate` says it, in one reading of
/// the text however many paths there are (a file with thousands of problems
/// is read once, not once per problem).
pub fn locate_all(text: &str, paths: &[&Path]) -> Vec<Pos> {
    let mut tree = Node::default();
    for (q, p) in paths.iter().enumerate() {
        tree.insert(&p.0, q);
    }
    let mut c = Cursor {
        s: text.chars().collect(),
        i: 0,
    };
    let mut at = vec![0; paths.len()];
    c.blank();
    c.find(&tree, &mut at);
    let lines = Lines::of(&c.s);
    at.into_iter().map(|a| lines.pos(a)).collect()
}

/// The paths asked for, as a tree: the asks that end at this value, and the
/// fields and elements asked for below it.
#[derive(Default)]
struct Node {
    here: Vec<usize>,
    fields: BTreeMap<&'static str, Node>,
    elements: BTreeMap<usize, Node>,
}

impl Node {
    fn insert(&mut self, segs: &[Seg], q: usize) {
        match segs.split_first() {
            None => self.here.push(q),
            Some((Seg::Field(f), rest)) => self.fields.entry(f).or_default().insert(rest, q),
            Some((Seg::Index(k), rest)) => self.elements.entry(*k).or_default().insert(rest, q),
        }
    }

    fn leaf(&self) -> bool {
        self.fields.is_empty() && self.elements.is_empty()
    }

    /// Every ask below this value (not those ending here) placed at `at`.
    fn below_at(&self, at: usize, out: &mut [usize]) {
        for child in self.fields.values().chain(self.elements.values()) {
            for &q in &child.here {
                out[q] = at;
            }
            child.below_at(at, out);
        }
    }
}

/// Where each line starts, to turn a character index into a line and column.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn of(s: &[char]) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            s.iter()
                .enumerate()
                .filter(|&(_, &ch)| ch == '\n')
                .map(|(k, _)| k + 1),
        );
        Lines {
            starts,
            len: s.len(),
        }
    }

    fn pos(&self, at: usize) -> Pos {
        let at = at.min(self.len);
        let line = self.starts.partition_point(|&s| s <= at);
        Pos {
            line,
            col: 1 + at - self.starts[line - 1],
        }
    }
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

    /// Places the asks of `node` from the value at the cursor: those ending
    /// here at its start, those below it where they are found, or else at
    /// the start of the nearest enclosing value found.
    fn find(&mut self, node: &Node, out: &mut [usize]) {
        self.blank();
        for &q in &node.here {
            out[q] = self.i;
        }
        self.below(node, out);
    }

    fn below(&mut self, node: &Node, out: &mut [usize]) {
        self.blank();
        let start = self.i;
        if node.leaf() {
            return;
        }
        node.below_at(start, out);
        let name = if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
            self.ident()
        } else {
            None
        };
        self.blank();
        match self.peek() {
            Some('(') if name.as_deref() == Some("Some") => {
                self.i += 1;
                self.below(node, out);
            }
            Some('(') => {
                let open = self.i + 1;
                if !node.fields.is_empty() {
                    self.i = open;
                    self.fields(node, out);
                }
                if !node.elements.is_empty() {
                    self.i = open;
                    self.elements(node, out);
                }
            }
            Some('[') if !node.elements.is_empty() => {
                self.i += 1;
                self.elements(node, out);
            }
            _ => {}
        }
    }

    /// The fields of a struct asked for, each at its first key.
    fn fields(&mut self, node: &Node, out: &mut [usize]) {
        let mut left = node.fields.len();
        let mut done = std::collections::BTreeSet::new();
        while left > 0 {
            self.blank();
            match self.peek() {
                None | Some(')') => return,
                Some(',') => self.i += 1,
                Some(_) => {
                    let key_at = self.i;
                    let key = self.ident();
                    self.blank();
                    if key.is_some() && self.peek() == Some(':') {
                        self.i += 1;
                        let asked = key.as_deref().and_then(|k| node.fields.get_key_value(k));
                        if let Some((&name, child)) = asked
                            && done.insert(name)
                        {
                            left -= 1;
                            for &q in &child.here {
                                out[q] = key_at;
                            }
                            if !child.leaf() {
                                let value = self.i;
                                self.below(child, out);
                                self.i = value;
                            }
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

    /// The elements of a list or tuple asked for, by their place.
    fn elements(&mut self, node: &Node, out: &mut [usize]) {
        let mut asked = node.elements.iter().peekable();
        let mut k = 0;
        while let Some(&(&want, child)) = asked.peek() {
            self.blank();
            match self.peek() {
                None | Some(')' | ']') => return,
                Some(',') => self.i += 1,
                Some(_) => {
                    if k == want {
                        asked.next();
                        let value = self.i;
                        self.find(child, out);
                        self.i = value;
                    }
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
    fn many_paths_at_once_are_where_each_is_alone() {
        use Seg::*;
        let paths = [
            path(vec![
                Field("sections"),
                Index(0),
                Field("items"),
                Index(1),
                Field("max"),
            ]),
            path(vec![
                Field("sections"),
                Index(0),
                Field("items"),
                Index(0),
                Field("id"),
            ]),
            path(vec![Field("sections"), Index(0), Field("items"), Index(9)]),
            path(vec![
                Field("sections"),
                Index(0),
                Field("items"),
                Index(1),
                Field("note"),
            ]),
            path(vec![
                Field("sections"),
                Index(0),
                Field("items"),
                Index(1),
                Field("max"),
            ]),
            path(vec![Field("nothing"), Index(2)]),
            Path::root(),
            path(vec![Field("sections")]),
        ];
        let refs: Vec<&Path> = paths.iter().collect();
        let alone: Vec<Pos> = paths.iter().map(|p| locate(TEXT, p)).collect();
        assert_eq!(locate_all(TEXT, &refs), alone);
        assert_eq!(alone[0], Pos { line: 7, col: 21 });
        assert_eq!(alone[2], Pos { line: 5, col: 30 });
        assert_eq!(alone[3], Pos { line: 7, col: 29 });
        assert_eq!(alone[5], Pos { line: 2, col: 1 });
        assert_eq!(alone[7], Pos { line: 4, col: 3 });
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
