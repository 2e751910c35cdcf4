//! Why a document could not be carried, placed or opened, as typed values.

use std::path::PathBuf;

use crate::load::Unread;

/// What went wrong with one of the applicant's documents.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentFault {
    /// A document in a package or round folder is not the one its dossier lists.
    #[error(
        "{origin}: document {name} of dossier {dossier} is not the one listed: listed SHA-256 {listed}, the file has {found}; nothing was loaded"
    )]
    Changed {
        origin: String,
        dossier: String,
        name: String,
        listed: String,
        found: String,
    },
    /// The documents part of a package does not read: cut short or changed.
    #[error(
        "{file}: the documents carried in the package do not read after {whole} whole documents (cut short or changed in copying); nothing was loaded"
    )]
    Damaged { file: String, whole: usize },
    /// A package carries a document no dossier lists, or one twice.
    #[error(
        "{file}: the package carries {entry}, which no dossier lists, or carries it twice; nothing was loaded"
    )]
    Unexpected { file: String, entry: String },
    /// A listed document that is not at hand.
    #[error("document {name} of dossier {dossier} is not in {folder}")]
    Absent {
        dossier: String,
        name: String,
        folder: PathBuf,
    },
    /// The file at hand is not the listed one: the viewer is not started.
    #[error(
        "not opened: document {name} of dossier {dossier} is not the one submitted: listed SHA-256 {listed}, the file has {found}"
    )]
    NotOpened {
        dossier: String,
        name: String,
        listed: String,
        found: String,
    },
    /// The viewer program could not be started.
    #[error("could not start the viewer {program}: {}", crate::lang::Say::en(.why))]
    Viewer { program: String, why: Unread },
    /// A file or folder that could not be read or written.
    #[error("cannot read or write {}: {}", .path.display(), crate::lang::Say::en(.why))]
    Io { path: PathBuf, why: Unread },
}

impl DocumentFault {
    /// True when the given package or folder is wrong (exit 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            DocumentFault::Changed { .. }
                | DocumentFault::Damaged { .. }
                | DocumentFault::Unexpected { .. }
        )
    }

    /// True when the request is refused as things stand (exit 3).
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            DocumentFault::Absent { .. } | DocumentFault::NotOpened { .. }
        )
    }

    pub fn io(path: &std::path::Path, e: &std::io::Error) -> DocumentFault {
        DocumentFault::Io {
            path: path.to_path_buf(),
            why: e.into(),
        }
    }
}
