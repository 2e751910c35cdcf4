//! Fingerprints: SHA-256 over a value's content as parsed, so layout and comments
//! in the files do not change them, and every laptop can compare the sheet it scores.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::domain::sheet::Sheet;

/// Lower-case hex SHA-256 of the value's JSON form.
pub fn of<T: Serialize + ?Sized>(value: &T) -> String {
    let mut h = Sha256::new();
    h.update(serde_json::to_vec(value).unwrap_or_default());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The exact sheet the cards are scored on.
pub fn sheet(sheet: &Sheet) -> String {
    of(sheet)
}
