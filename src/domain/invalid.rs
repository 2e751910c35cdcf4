//! Validation errors that name the place in a file by its logical path.

use std::fmt;

pub use super::problem::Problem;

/// One step into a document: a named field or a list element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

/// Where in a document something is, as `sections[2].items[0].max`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    pub fn field(&self, name: &'static str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Field(name));
        p
    }

    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Seg::Field(n) if i == 0 => write!(f, "{n}")?,
                Seg::Field(n) => write!(f, ".{n}")?,
                Seg::Index(k) => write!(f, "[{k}]")?,
            }
        }
        Ok(())
    }
}

/// A rule a document breaks, with where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub path: Path,
    pub message: Problem,
}

impl Invalid {
    pub fn at(path: Path, message: impl Into<Problem>) -> Invalid {
        Invalid {
            path,
            message: message.into(),
        }
    }
}

/// Collects every problem in a document rather than stopping at the first.
#[derive(Default)]
pub struct Problems(pub Vec<Invalid>);

impl Problems {
    pub fn push(&mut self, path: Path, message: impl Into<Problem>) {
        self.0.push(Invalid::at(path, message));
    }

    pub fn into_result(self) -> Result<(), Vec<Invalid>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
