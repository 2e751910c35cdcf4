//! Exporting one expert's cards from a laptop's store as a signed bundle.

use chrono::Utc;

use super::body::{Body, BundleCard, BundleRecusal, SheetRef};
use super::key::laptop_identity;
use super::{BundleError, FORMAT, envelope};
use crate::domain::scoring::stage_of;
use crate::store::{Store, StoreError};

/// A bundle made, with what the person exporting needs to hear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub round: String,
    pub expert: String,
    pub sequence: u64,
    /// The signing key's fingerprint, to read out to the secretary.
    pub fingerprint: String,
    pub cards: usize,
    pub submitted: usize,
    pub recusals: usize,
}

/// Makes a signed bundle of `expert`'s cards, the recusals they declared and
/// their audit entries. The store's key is made on first use; the export
/// itself is counted and logged (the sequence number grows each time).
pub fn export(store: &mut Store, round: &str, expert: &str) -> Result<Exported, BundleError> {
    let r = store.round(round)?;
    let stage = stage_of(&r.round, expert).map_err(StoreError::from)?;
    let verified = store.audit_verify(Some(round))?;
    if let Some(b) = verified.broken {
        return Err(BundleError::Broken(b.why));
    }
    let identity = laptop_identity(store)?;
    let cards = store.expert_cards(round, expert)?;
    let recusals: Vec<BundleRecusal> = store
        .recusals(round)?
        .into_iter()
        .filter(|x| x.expert == expert && x.declared.is_some())
        .map(|x| BundleRecusal {
            dossier: x.dossier,
            reason: x.reason,
            declared: x.declared,
        })
        .collect();
    let sequence = store.record_export(round, expert, cards.len())?;
    // Entries about the expert's own cards and recusals (whoever made them),
    // so that the secretary can replay the cards from them. This laptop's
    // PIN entries stay on it.
    let audit = store
        .audit_log(round)?
        .into_iter()
        .filter(|e| e.subject.expert.as_deref() == Some(expert) && !e.action.is_pin())
        .collect();
    let body = Body {
        format: FORMAT,
        round: round.to_string(),
        fingerprint: r.fingerprint.clone(),
        sheet: SheetRef {
            id: r.sheet.id.clone(),
            version: r.sheet.version.clone(),
            fingerprint: crate::fingerprint::sheet(&r.sheet),
        },
        expert: expert.to_string(),
        stage,
        key: identity.public_hex(),
        key_fingerprint: identity.fingerprint(),
        sequence,
        exported: Utc::now(),
        cards: cards.iter().map(BundleCard::of).collect(),
        recusals,
        audit,
    };
    let bytes = envelope::seal(&identity, &body.to_text()?);
    Ok(Exported {
        bytes,
        round: round.to_string(),
        expert: expert.to_string(),
        sequence,
        fingerprint: identity.fingerprint(),
        cards: cards.len(),
        submitted: cards.iter().filter(|c| c.is_submitted()).count(),
        recusals: body.recusals.len(),
    })
}
