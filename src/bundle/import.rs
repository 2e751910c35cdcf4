//! Importing a bundle into the secretary's store: the frame and signature
//! first, then the body, then everything the store checks and merges.

use crate::lang::{Lang, Say};
use sha2::{Digest, Sha256};

use super::body::Body;
use super::key::fingerprint;
use super::{BundleError, KeyMismatch, Trust, envelope, hex};
use crate::store::{Imported, Incoming, Store};

/// What an import did: counts of cards imported, skipped, kept and in conflict.
pub type ImportReport = Imported;

/// Verifies and imports one bundle file's bytes. A bundle that fails any
/// check is refused whole and nothing is written; the same bundle again, or
/// an older one from the same laptop, changes nothing.
pub fn import(store: &mut Store, bytes: &[u8], trust: &Trust) -> Result<ImportReport, BundleError> {
    let opened = envelope::open(bytes)?;
    let body = Body::parse(opened.body)?;
    let public = hex(&opened.public);
    if body.key != public {
        return Err(BundleError::KeyMismatch(KeyMismatch::Keys));
    }
    let key = fingerprint(&opened.public);
    if body.key_fingerprint != key {
        return Err(BundleError::KeyMismatch(KeyMismatch::Fingerprint {
            given: body.key_fingerprint.clone(),
            actual: key.clone(),
        }));
    }
    let cards = body.cards()?;
    let recusals = body.recusals();
    let digest = hex(&Sha256::digest(bytes));
    let incoming = Incoming {
        round: &body.round,
        fingerprint: &body.fingerprint,
        sheet_id: &body.sheet.id,
        sheet_version: &body.sheet.version,
        sheet_fingerprint: &body.sheet.fingerprint,
        expert: &body.expert,
        key: &key,
        public: &public,
        sequence: body.sequence,
        digest: &digest,
        cards: &cards,
        recusals: &recusals,
        history: &body.audit,
    };
    Ok(store.import_bundle(&incoming, trust.for_expert(&body.expert), &trust.by)?)
}

/// One import in a line (two when a key was trusted or conflicts wait), in
/// the reader's language.
pub fn summary(r: &ImportReport, lang: Lang) -> String {
    r.say(lang)
}
