//! What a document breaks, as a typed value said in either language.

use std::fmt;

use crate::lang::Say;

/// One rule a sheet, dossier, round or calendar breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Words without a type of their own yet, shown as they are.
    Text(String),
}

impl From<String> for Problem {
    fn from(s: String) -> Problem {
        Problem::Text(s)
    }
}

impl From<&str> for Problem {
    fn from(s: &str) -> Problem {
        Problem::Text(s.to_string())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl Say for Problem {
    fn zh(&self) -> String {
        match self {
            Problem::Text(s) => s.clone(),
        }
    }

    fn en(&self) -> String {
        match self {
            Problem::Text(s) => s.clone(),
        }
    }
}
