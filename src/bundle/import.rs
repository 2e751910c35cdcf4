//! Importing a bundle into the secretary's store: the frame and signature
//! first, then the body, then everything the store checks and merges.

use crate::lang::Lang;
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

/// One import in a line (two when a key was trusted or conflicts wait).
pub fn summary(r: &ImportReport, lang: Lang) -> String {
    let who = match lang {
        Lang::Zh => format!(
            "评分包 {}（{} 专家 {}，密钥 {}）",
            r.sequence, r.round, r.expert, r.key
        ),
        Lang::En => format!(
            "bundle {} ({} expert {}, key {})",
            r.sequence, r.round, r.expert, r.key
        ),
    };
    let mut line = match (lang, r.again, r.superseded_by) {
        (Lang::Zh, true, _) => format!("{who} 已导入过，未作改动"),
        (Lang::En, true, _) => format!("{who} was already imported; nothing changed"),
        (Lang::Zh, _, Some(n)) => format!("{who} 早于已导入的评分包 {n}，未作改动"),
        (Lang::En, _, Some(n)) => {
            format!("{who} is older than bundle {n}, already imported; nothing changed")
        }
        (Lang::Zh, _, None) => format!(
            "已导入{who}：导入 {} 张，跳过 {} 张，保留现有 {} 张，分歧 {} 项，新回避 {} 项",
            r.imported, r.skipped, r.kept, r.conflicts, r.recusals
        ),
        (Lang::En, _, None) => format!(
            "imported {who}: {} cards imported, {} skipped, {} kept as held, {} conflicts, {} new recusals",
            r.imported, r.skipped, r.kept, r.conflicts, r.recusals
        ),
    };
    if r.accepted == Some(crate::domain::merge::KeyAccepted::Confirmed) && !r.again {
        line.push_str(&match lang {
            Lang::Zh => format!(
                "\n已信任专家 {} 的密钥 {}（已记入审计日志）",
                r.expert, r.key
            ),
            Lang::En => format!(
                "\ntrusted key {} for expert {} (recorded in the audit log)",
                r.key, r.expert
            ),
        });
    }
    if r.conflicts > 0 {
        line.push_str(&match lang {
            Lang::Zh => format!(
                "\n有评分分歧待秘书处理：pingshen bundle conflicts --round {}",
                r.round
            ),
            Lang::En => format!(
                "\nscore conflicts wait for the secretary: pingshen bundle conflicts --round {}",
                r.round
            ),
        });
    }
    line
}
