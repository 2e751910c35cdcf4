//! The crate's errors, each with the exit code it means at the command line.
//! Every error stays typed up to the command line, which says it once in the
//! reader's language (`Say`) and adds its own hints; `Display` is English, for
//! logs.

mod center;
mod command;
mod said;
mod sheets;

use crate::bundle::BundleError;
use crate::lang::Say;
use crate::load::FileError;
use crate::store::StoreError;

pub use center::CenterError;
pub use command::{Chain, CommandError};
pub use said::Said;
pub use sheets::SheetsError;

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
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Bundle(BundleError),
    /// The command line's own refusals: its arguments, files it reads and writes.
    #[error(transparent)]
    Command(CommandError),
    /// The register's commands' own refusals.
    #[error(transparent)]
    Center(CenterError),
    /// `sheets export` wrote nothing.
    #[error(transparent)]
    Sheets(SheetsError),
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
            Error::Files(_) => Exit::BadInput,
            Error::Center(e) => e.exit(),
            Error::Sheets(e) => e.exit(),
            Error::Store(e) => store_exit(e),
            Error::Bundle(e) => bundle_exit(e),
            Error::Command(e) => e.exit(),
        }
    }
}

fn store_exit(e: &StoreError) -> Exit {
    if e.is_bad_input() {
        Exit::BadInput
    } else if e.is_refusal() {
        Exit::Refused
    } else {
        Exit::Failure
    }
}

fn bundle_exit(e: &BundleError) -> Exit {
    match e {
        BundleError::Files(_) => Exit::BadInput,
        BundleError::Store(s) => store_exit(s),
        other if other.is_refusal() => Exit::Refused,
        other if other.is_bad_input() => Exit::BadInput,
        _ => Exit::Failure,
    }
}

impl Say for Error {
    fn zh(&self) -> String {
        match self {
            Error::Files(files) => files.iter().map(Say::zh).collect::<Vec<_>>().join("\n"),
            Error::Store(e) => e.zh(),
            Error::Bundle(e) => e.zh(),
            Error::Command(e) => e.zh(),
            Error::Center(e) => e.zh(),
            Error::Sheets(e) => e.zh(),
        }
    }

    fn en(&self) -> String {
        match self {
            Error::Files(files) => files.iter().map(Say::en).collect::<Vec<_>>().join("\n"),
            Error::Store(e) => e.en(),
            Error::Bundle(e) => e.en(),
            Error::Command(e) => e.en(),
            Error::Center(e) => e.en(),
            Error::Sheets(e) => e.en(),
        }
    }
}

impl From<Vec<FileError>> for Error {
    fn from(e: Vec<FileError>) -> Error {
        Error::Files(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        Error::Store(e)
    }
}

impl From<BundleError> for Error {
    fn from(e: BundleError) -> Error {
        match e {
            BundleError::Files(files) => Error::Files(files),
            BundleError::Store(s) => Error::Store(s),
            other => Error::Bundle(other),
        }
    }
}

impl From<CenterError> for Error {
    fn from(e: CenterError) -> Error {
        Error::Center(e)
    }
}

impl From<SheetsError> for Error {
    fn from(e: SheetsError) -> Error {
        Error::Sheets(e)
    }
}

impl From<CommandError> for Error {
    fn from(e: CommandError) -> Error {
        Error::Command(e)
    }
}

/// Writing to the terminal or a pipe failed.
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Command(CommandError::Output(e.to_string()))
    }
}
