//! Replaying a round's audit log into cards, to show whether the stored cards
//! are exactly what their history says (a value changed behind the log's back
//! breaks verification even when the chain itself is intact).

use std::collections::BTreeMap;

use super::audit::{Action, Entry};
use crate::domain::Points;
use crate::domain::card::{Card, Status};
use crate::domain::round::Stage;

type Key = (Stage, String, String);

#[derive(Default, PartialEq)]
struct Replayed {
    scores: BTreeMap<String, Points>,
    comments: BTreeMap<String, String>,
    submitted: bool,
}

/// The first difference between the log's story and the stored cards, in
/// words. A bundle's own cards and entries are checked the same way.
pub fn compare(entries: &[Entry], cards: &[Card]) -> Option<String> {
    let replayed = match replay(entries) {
        Ok(r) => r,
        Err(why) => return Some(why),
    };
    let mut stored: BTreeMap<Key, &Card> = BTreeMap::new();
    for c in cards {
        stored.insert((c.stage, c.expert.clone(), c.dossier.clone()), c);
    }
    for (k, c) in &stored {
        let name = format!("{} / {} / {}", k.0.key(), k.1, k.2);
        let Some(r) = replayed.get(k) else {
            return Some(format!("the card {name} has no history in the audit log"));
        };
        if r.scores != c.scores {
            return Some(format!(
                "the card {name} holds scores {} but its history says {}",
                show(&c.scores),
                show(&r.scores)
            ));
        }
        if r.comments != c.comments {
            return Some(format!(
                "the card {name} holds comments its history does not"
            ));
        }
        if r.submitted != (c.status == Status::Submitted) {
            return Some(format!("the card {name} has a status its history does not"));
        }
    }
    replayed.keys().find(|k| !stored.contains_key(*k)).map(|k| {
        format!(
            "the card {} / {} / {} is in the audit log but not in the store",
            k.0.key(),
            k.1,
            k.2
        )
    })
}

fn show(scores: &BTreeMap<String, Points>) -> String {
    let parts: Vec<String> = scores.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("[{}]", parts.join(", "))
}

fn replay(entries: &[Entry]) -> Result<BTreeMap<Key, Replayed>, String> {
    let mut cards: BTreeMap<Key, Replayed> = BTreeMap::new();
    for e in entries {
        let s = &e.subject;
        let (Some(stage), Some(expert), Some(dossier)) = (s.stage, &s.expert, &s.dossier) else {
            continue;
        };
        let key = (stage, expert.clone(), dossier.clone());
        let item = || {
            s.item
                .clone()
                .ok_or_else(|| format!("entry {} names no item", e.seq))
        };
        match e.action {
            Action::Score => {
                let card = cards.entry(key).or_default();
                match &e.new {
                    Some(v) => {
                        let p: Points = v
                            .parse()
                            .map_err(|_| format!("entry {} has the score '{v}'", e.seq))?;
                        card.scores.insert(item()?, p);
                    }
                    None => {
                        card.scores.remove(&item()?);
                    }
                }
            }
            Action::Comment => {
                let card = cards.entry(key).or_default();
                match &e.new {
                    Some(t) => card.comments.insert(item()?, t.clone()),
                    None => card.comments.remove(&item()?),
                };
            }
            Action::Submit => cards.entry(key).or_default().submitted = true,
            Action::Reopen => cards.entry(key).or_default().submitted = false,
            Action::Import => {
                let Some(text) = &e.new else {
                    return Err(format!("entry {} imports no card", e.seq));
                };
                let s = super::state::parse(text).map_err(|why| {
                    format!("entry {} holds a card that does not read: {why}", e.seq)
                })?;
                let card = cards.entry(key).or_default();
                card.scores = s.scores;
                card.comments = s.comments;
                card.submitted = s.status == Status::Submitted;
            }
            Action::Resolve => {
                let v = e.new.as_deref().unwrap_or_default();
                let p: Points = v
                    .parse()
                    .map_err(|_| format!("entry {} resolves to '{v}'", e.seq))?;
                cards.entry(key).or_default().scores.insert(item()?, p);
            }
            _ => {}
        }
    }
    Ok(cards)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::domain::merge::CardState;
    use crate::store::audit::{Event, Head, Subject};

    fn imported(card: &Card) -> Entry {
        let subject = Subject {
            stage: Some(card.stage),
            expert: Some(card.expert.clone()),
            dossier: Some(card.dossier.clone()),
            item: None,
            centre: None,
        };
        let state = super::super::state::text(&CardState::of(card));
        let ev = Event::new("secretary", Action::Import, subject).change(None, Some(state));
        Entry::next(&Head::default(), "r", Utc::now(), ev)
    }

    #[test]
    fn an_imported_card_replays_and_a_changed_one_does_not() {
        let mut card = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
        card.scores
            .insert("A1".into(), Points::from_hundredths(750));
        card.status = Status::Submitted;
        let log = [imported(&card)];
        assert_eq!(compare(&log, std::slice::from_ref(&card)), None);
        let mut changed = card.clone();
        changed.scores.insert("A1".into(), Points::whole(8));
        let why = compare(&log, &[changed]).unwrap();
        assert!(
            why.contains("holds scores [A1=8] but its history says [A1=7.5]"),
            "{why}"
        );
        let mut reopened = card.clone();
        reopened.status = Status::Draft;
        assert!(compare(&log, &[reopened]).is_some());
    }
}
