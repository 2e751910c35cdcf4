//! The crate's errors, each with the exit code it means at the command line.

use crate::load::FileError;

/// Exit codes: 2 bad input or usage (nothing written), 3 refused, 1 anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Failure = 1,
    BadInput = 2,
    Refused = 3,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Files that do not read or validate; one line each.
    #[error("{}", lines(.0))]
    Files(Vec<FileError>),
    /// A value or argument outside what is allowed; nothing was written.
    #[error("{0}")]
    BadInput(String),
    /// A well-formed request the current state does not allow.
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Failure(String),
}

/// File errors one to a line, as every command prints them.
pub(crate) fn lines(errors: &[FileError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    pub fn exit(&self) -> Exit {
        match self {
            Error::Files(_) | Error::BadInput(_) => Exit::BadInput,
            Error::Refused(_) => Exit::Refused,
            Error::Failure(_) => Exit::Failure,
        }
    }
}

impl From<Vec<FileError>> for Error {
    fn from(e: Vec<FileError>) -> Error {
        Error::Files(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Failure(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<crate::store::StoreError> for Error {
    fn from(e: crate::store::StoreError) -> Error {
        let words = e.to_string();
        if e.is_bad_input() {
            Error::BadInput(words)
        } else if e.is_refusal() {
            Error::Refused(words)
        } else {
            Error::Failure(words)
        }
    }
}

impl From<crate::bundle::BundleError> for Error {
    fn from(e: crate::bundle::BundleError) -> Error {
        match e {
            crate::bundle::BundleError::Files(files) => Error::Files(files),
            crate::bundle::BundleError::Store(s) => s.into(),
            other if other.is_refusal() => Error::Refused(other.to_string()),
            other if other.is_bad_input() => Error::BadInput(other.to_string()),
            other => Error::Failure(other.to_string()),
        }
    }
}
