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

use crate::load::FileError;
use crate::store::StoreError;

pub use envelope::{HEADER, SIGNATURE};
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
    Format(String),
    #[error(
        "refused: the signature does not match the content: the bundle was changed after it was signed (or damaged in copying)"
    )]
    Signature,
    #[error("refused: the bundle's content does not read: {0}")]
    Body(String),
    #[error("refused: {0}")]
    KeyMismatch(String),
    #[error(
        "refused: this store's audit log is broken ({0}); no bundle is made from it until pingshen audit verify passes"
    )]
    Broken(String),
    #[error(
        "round {0} was loaded before the store kept its files' texts; load the same round file again with pingshen init (nothing changes) and export again"
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
    #[error("could not make a signing key: {0}")]
    Random(String),
    #[error("the store's signing key does not read ({0}); the store may be damaged")]
    BadKey(String),
    #[error("{0}")]
    Store(#[from] StoreError),
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
            _ => false,
        }
    }

    /// True when the request or the given file is wrong (exit 2).
    pub fn is_bad_input(&self) -> bool {
        match self {
            BundleError::Files(_) | BundleError::PackageChanged { .. } => true,
            BundleError::Store(e) => e.is_bad_input(),
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
