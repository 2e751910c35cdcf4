//! Keys: a list of words, each prefixed by its length, so that ids may hold any
//! character and a key made of the first words is a prefix of every longer key.

use crate::domain::round::Stage;

pub fn key(words: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.iter().map(|w| w.len() + 4).sum());
    for w in words {
        out.extend_from_slice(&(w.len() as u32).to_be_bytes());
        out.extend_from_slice(w.as_bytes());
    }
    out
}

/// The words of a key, for messages and dumps; bytes that do not parse are shown raw.
pub fn words(key: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = key;
    while rest.len() >= 4 {
        let n = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let Some(w) = rest.get(4..4 + n) else { break };
        out.push(String::from_utf8_lossy(w).into_owned());
        rest = &rest[4 + n..];
    }
    if !rest.is_empty() {
        out.push(format!("{rest:?}"));
    }
    out
}

/// The words of a key as they are stored, each without its length.
fn raw_words(key: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = key;
    std::iter::from_fn(move || {
        let n = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let end = n.checked_add(4)?;
        let w = rest.get(4..end)?;
        rest = rest.get(end..)?;
        Some(w)
    })
}

/// A card key (`card`, round, stage, expert, dossier) as a ranking orders
/// cards: stage, dossier, expert. A key that does not parse orders by its
/// bytes, after every one that does.
pub fn panel_order(key: &[u8]) -> (bool, [&[u8]; 3], &[u8]) {
    let mut w = raw_words(key).skip(2);
    match (w.next(), w.next(), w.next()) {
        (Some(stage), Some(expert), Some(dossier)) => (false, [stage, dossier, expert], &[]),
        _ => (true, [&[], &[], &[]], key),
    }
}

pub const SCHEMA: &str = "schema";

pub fn meta(name: &str) -> Vec<u8> {
    key(&["meta", name])
}

pub fn rounds() -> Vec<u8> {
    key(&["round"])
}

pub fn round(id: &str) -> Vec<u8> {
    key(&["round", id])
}

pub fn dossier(round: &str, id: &str) -> Vec<u8> {
    key(&["dossier", round, id])
}

/// All cards of a round, or of one stage.
pub fn cards(round: &str, stage: Option<Stage>) -> Vec<u8> {
    match stage {
        Some(s) => key(&["card", round, s.key()]),
        None => key(&["card", round]),
    }
}

/// One expert's cards in a round's stage.
pub fn expert_cards(round: &str, stage: Stage, expert: &str) -> Vec<u8> {
    key(&["card", round, stage.key(), expert])
}

/// A card's key: expert before dossier, so that an expert's cards are read
/// together (see `panel_order` for the ranking's order).
pub fn card(round: &str, stage: Stage, expert: &str, dossier: &str) -> Vec<u8> {
    key(&["card", round, stage.key(), expert, dossier])
}

pub fn recusals(round: &str) -> Vec<u8> {
    key(&["recusal", round])
}

pub fn recusal(round: &str, expert: &str, dossier: &str) -> Vec<u8> {
    key(&["recusal", round, expert, dossier])
}

pub fn decisions(round: &str) -> Vec<u8> {
    key(&["decision", round])
}

pub fn decision(round: &str, n: usize) -> Vec<u8> {
    key(&["decision", round, &format!("{n:06}")])
}

pub fn excuses(round: &str) -> Vec<u8> {
    key(&["excuse", round])
}

pub fn excuse(round: &str, n: usize) -> Vec<u8> {
    key(&["excuse", round, &format!("{n:06}")])
}

pub fn agency_keeps(round: &str) -> Vec<u8> {
    key(&["agency", round])
}

pub fn agency_keep(round: &str, n: usize) -> Vec<u8> {
    key(&["agency", round, &format!("{n:06}")])
}

/// The earlier round whose alternates a round names, when named at loading.
pub fn alternates_from(round: &str) -> Vec<u8> {
    key(&["alternates_from", round])
}

pub fn alternates(round: Option<&str>) -> Vec<u8> {
    match round {
        Some(r) => key(&["alternate", r]),
        None => key(&["alternate"]),
    }
}

pub fn alternate(round: &str, order: u32) -> Vec<u8> {
    key(&["alternate", round, &format!("{order:06}")])
}

/// A round whose experts give a PIN on this laptop: who asked, and why.
pub fn pins_asked(round: &str) -> Vec<u8> {
    key(&["pins", round])
}

/// An expert's PIN hash and wrong tries in a round.
pub fn pin(round: &str, expert: &str) -> Vec<u8> {
    key(&["pin", round, expert])
}

/// Every centre of the register.
pub fn centres() -> Vec<u8> {
    key(&["centre"])
}

pub fn centre(code: &str) -> Vec<u8> {
    key(&["centre", code])
}

/// The last audit entry's number and hash, kept beside the chain so that a cut
/// tail shows.
pub fn head(round: &str) -> Vec<u8> {
    key(&["head", round])
}

/// The exact texts a round was loaded from, for round packages.
pub fn texts(round: &str) -> Vec<u8> {
    key(&["texts", round])
}

/// Keys an expert's bundles may be signed with in a round, confirmed by the secretary.
pub fn trusted(round: &str, expert: &str) -> Vec<u8> {
    key(&["trust", round, expert])
}

pub fn trust(round: &str, expert: &str, fingerprint: &str) -> Vec<u8> {
    key(&["trust", round, expert, fingerprint])
}

/// The last bundle imported from one key for one expert of a round.
pub fn source(round: &str, expert: &str, fingerprint: &str) -> Vec<u8> {
    key(&["source", round, expert, fingerprint])
}

/// Which import set a stored card, and what it set.
pub fn owner(round: &str, stage: Stage, expert: &str, dossier: &str) -> Vec<u8> {
    key(&["owner", round, stage.key(), expert, dossier])
}

/// What one key sent last for one card.
pub fn sent(round: &str, stage: Stage, expert: &str, dossier: &str, fingerprint: &str) -> Vec<u8> {
    key(&["sent", round, stage.key(), expert, dossier, fingerprint])
}

/// Score conflicts of a round, or of one card.
pub fn clashes(round: &str, card: Option<(Stage, &str, &str)>) -> Vec<u8> {
    match card {
        Some((stage, expert, dossier)) => key(&["clash", round, stage.key(), expert, dossier]),
        None => key(&["clash", round]),
    }
}

pub fn clash(round: &str, stage: Stage, expert: &str, dossier: &str, item: &str) -> Vec<u8> {
    key(&["clash", round, stage.key(), expert, dossier, item])
}

/// A laptop's own audit entry, as its bundle carried it.
pub fn remote(round: &str, fingerprint: &str, seq: u64) -> Vec<u8> {
    key(&["remote", round, fingerprint, &format!("{seq:012}")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorter_keys_are_prefixes_and_ids_may_hold_anything() {
        let c = card("r", Stage::Expert, "E/1", "D\0x");
        assert!(c.starts_with(&cards("r", Some(Stage::Expert))));
        assert!(c.starts_with(&cards("r", None)));
        assert!(!c.starts_with(&cards("r2", None)));
        assert!(
            !card("r", Stage::Expert, "E", "1").starts_with(&key(&["card", "r", "expert", "E/"]))
        );
        assert_eq!(words(&c), ["card", "r", "expert", "E/1", "D\0x"]);
    }

    #[test]
    fn a_ranking_orders_cards_by_stage_then_dossier_then_expert() {
        let mut ks = [
            card("r", Stage::Expert, "E2", "D1"),
            card("r", Stage::Expert, "E1", "D2"),
            card("r", Stage::Preliminary, "P1", "D9"),
            card("r", Stage::Expert, "E1", "D1"),
            b"not a key".to_vec(),
        ];
        ks.sort_by(|a, b| panel_order(a).cmp(&panel_order(b)));
        let read: Vec<Vec<String>> = ks.iter().map(|k| words(k)).collect();
        assert_eq!(read[0], ["card", "r", "expert", "E1", "D1"]);
        assert_eq!(read[1], ["card", "r", "expert", "E2", "D1"]);
        assert_eq!(read[2], ["card", "r", "expert", "E1", "D2"]);
        assert_eq!(read[3], ["card", "r", "preliminary", "P1", "D9"]);
        assert_eq!(ks[4], b"not a key", "a key that does not parse comes last");
    }
}
