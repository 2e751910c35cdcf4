//! Many laptops, no network: round packages that carry a round's exact files
//! to every expert's laptop, and signed score bundles that carry each expert's
//! cards back to the secretary. Only this module and `load` know RON; the
//! merge rules live in the domain, the writes in the store.

mod body;
mod envelope;
mod export;
mod import;
pub mod key;
pub mod package;
mod say;

use crate::load::FileError;
use crate::store::StoreError;

pub use body::read as read_body;
pub use envelope::{HEADER, Opened, SIGNATURE, open};
pub use export::{Exported, export};
pub use import::{ImportReport, import, summary};
pub use key::{Identity, laptop_identity};

/// The version of the bundle and package formats this build writes and reads.
pub const FORMAT: u32 = 1;

/// The fingerprints the secretary confirmed in person for experts whose keys
/// are not pinned in the round (trust on first use), and who imports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trust {
    confirmed: Vec<(String, String)>,
    /// Who imports, for the audit log.
    pub by: String,
}

impl Trust {
    /// No confirmed fingerprints: only pinned or already trusted keys pass.
    pub fn by(who: &str) -> Trust {
        Trust {
            confirmed: Vec::new(),
            by: who.to_string(),
        }
    }

    /// Adds an expert's fingerprint, as read out by the expert.
    pub fn confirm(mut self, expert: &str, fingerprint: &str) -> Trust {
        self.confirmed
            .push((expert.to_string(), fingerprint.to_string()));
        self
    }

    /// The fingerprint confirmed for an expert (the last one given).
    pub fn for_expert(&self, expert: &str) -> Option<&str> {
        self.confirmed
            .iter()
            .rev()
            .find(|(e, _)| e == expert)
            .map(|(_, fp)| fp.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("refused: this is not a score bundle that this version reads: {0}")]
    Format(Frame),
    #[error(
        "refused: the signature does not match the content: the bundle was changed after it was signed (or damaged in copying)"
    )]
    Signature,
    #[error("refused: the bundle's content does not read: {0}")]
    Body(BodyFault),
    #[error("refused: {0}")]
    KeyMismatch(KeyMismatch),
    #[error(
        "refused: this store's audit log is broken ({0}); no bundle is made from it until the audit log verifies"
    )]
    Broken(crate::store::AuditFault),
    #[error(
        "round {0} was loaded before the store kept its files' texts; load the same round file again (nothing changes) and export again"
    )]
    NoTexts(String),
    #[error("the round package does not load:\n{}", crate::error::lines(.0))]
    Files(Vec<FileError>),
    #[error(
        "the round package {file} was changed after it was exported: its files give fingerprint {found}, but it says {declared}; ask the secretary for the package again"
    )]
    PackageChanged {
        file: String,
        declared: String,
        found: String,
    },
    /// The operating system gave no random bytes; its words kept.
    #[error("could not make a signing key: {0}")]
    Random(String),
    #[error("the store's signing key does not read ({0}); the store may be damaged")]
    BadKey(BadKey),
    /// The applicant's documents carried in a package, or placed from one.
    #[error("{0}")]
    Documents(crate::attachments::DocumentFault),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What is wrong with a bundle's frame: its first, key and signature lines.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Frame {
    #[error(
        "its line ends were changed to CR LF in copying; copy the file as it is, without converting it"
    )]
    CrLf,
    #[error("the first line is not 'pingshen score bundle 1'")]
    FirstLine,
    #[error("the key line is missing")]
    NoKeyLine,
    #[error("the second line is not 'key: ' and 64 lower-case hexadecimal digits")]
    KeyLine,
    #[error("the file does not end with a line break after the signature")]
    NoFinalBreak,
    #[error("the last line is not 'signature: ' and 128 lower-case hexadecimal digits")]
    SignatureLine,
    #[error("the key line does not hold a valid public key")]
    PublicKey,
    #[error("the body is in format {found}; this version reads format {ours}")]
    Version { found: u32, ours: u32 },
}

/// Why a bundle's body does not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BodyFault {
    #[error("it is not UTF-8 text ({0})")]
    NotUtf8(String),
    #[error("line {line}, column {col}: {}", crate::load::syntax_words(.error, crate::lang::Lang::En))]
    Parse {
        line: usize,
        col: usize,
        error: ron::Error,
    },
    #[error("dossier {dossier} item {item}: {error}")]
    Score {
        dossier: String,
        item: String,
        error: crate::domain::points::PointsError,
    },
    /// The writer's words, as data.
    #[error("{0}")]
    Write(String),
}

/// The key line and the body disagree.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyMismatch {
    #[error("the key line and the body name different keys")]
    Keys,
    #[error("the body gives fingerprint {given}, but the key's is {actual}")]
    Fingerprint { given: String, actual: String },
}

/// Why the store's own signing key does not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BadKey {
    #[error("the secret is not 64 hexadecimal digits")]
    Secret,
    #[error("its public half does not belong to its secret")]
    Halves,
}

impl BundleError {
    /// True when the bundle or the state refuses the request (exit 3).
    pub fn is_refusal(&self) -> bool {
        match self {
            BundleError::Format(_)
            | BundleError::Signature
            | BundleError::Body(_)
            | BundleError::KeyMismatch(_)
            | BundleError::Broken(_)
            | BundleError::NoTexts(_) => true,
            BundleError::Store(e) => e.is_refusal(),
            BundleError::Documents(f) => f.is_refusal(),
            _ => false,
        }
    }

    /// True when the request or the given file is wrong (exit 2).
    pub fn is_bad_input(&self) -> bool {
        match self {
            BundleError::Files(_) | BundleError::PackageChanged { .. } => true,
            BundleError::Store(e) => e.is_bad_input(),
            BundleError::Documents(f) => f.is_bad_input(),
            _ => false,
        }
    }
}

/// Lower-case hexadecimal.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Exactly `N` bytes from `2N` lower-case hexadecimal digits, nothing else.
fn unhex<const N: usize>(text: &[u8]) -> Option<[u8; N]> {
    if text.len() != 2 * N {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; N];
    for (k, pair) in text.chunks(2).enumerate() {
        out[k] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_strict_lower_case() {
        assert_eq!(unhex::<2>(b"0aff"), Some([0x0a, 0xff]));
        assert_eq!(unhex::<2>(b"0AFF"), None);
        assert_eq!(unhex::<2>(b"0af"), None);
        assert_eq!(unhex::<2>(b"0af f"), None);
        assert_eq!(hex(&[0x0a, 0xff]), "0aff");
    }

    #[test]
    fn the_last_confirmed_fingerprint_counts() {
        let t = Trust::by("秘书").confirm("E1", "a").confirm("E1", "b");
        assert_eq!(t.for_expert("E1"), Some("b"));
        assert_eq!(t.for_expert("E2"), None);
    }
}
