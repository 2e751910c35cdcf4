//! Replaying a round's audit log into cards, to show whether the stored cards
//! are exactly what their history says (a value changed behind the log's back
//! breaks verification even when the chain itself is intact).

use std::collections::BTreeMap;

use super::audit::{Action, Entry};
use crate::domain::Points;
use crate::domain::card::{Card, Status};
use crate::domain::replay::{ReplayFault, Told};
use crate::domain::round::Stage;
use crate::domain::scores::Scores;

type Key = (Stage, String, String);

/// An item without a score: no score text reads this far below zero.
const UNSET: Points = Points::from_hundredths(i64::MIN);

/// A card as its history tells it; items by their number in the round's
/// history, so that a large round's replay stays small in memory.
#[derive(Default, PartialEq)]
struct Replayed {
    /// By item number; `UNSET` where the history gives no score.
    scores: Vec<Points>,
    comments: BTreeMap<u16, String>,
    submitted: bool,
    /// Already compared with a stored card: what it told is let go.
    compared: bool,
}

/// Cards rebuilt from a round's audit entries, fed one at a time.
#[derive(Default)]
pub struct Replayer {
    items: BTreeMap<String, u16>,
    names: Vec<String>,
    cards: BTreeMap<Key, Replayed>,
}

/// The first difference between the log's story and the stored cards, in
/// words. A bundle's own cards and entries are checked the same way.
pub fn compare(entries: &[Entry], cards: &[Card]) -> Option<ReplayFault> {
    let mut r = Replayer::default();
    for e in entries {
        if let Err(why) = r.feed(e) {
            return Some(why);
        }
    }
    r.compare(cards)
}

impl Replayer {
    fn item(&mut self, id: &str) -> u16 {
        if let Some(n) = self.items.get(id) {
            return *n;
        }
        let n = self.names.len() as u16;
        self.items.insert(id.to_string(), n);
        self.names.push(id.to_string());
        n
    }

    fn scores_of(&self, r: &Replayed) -> Scores {
        r.scores
            .iter()
            .enumerate()
            .filter(|(_, p)| **p != UNSET)
            .map(|(i, p)| (self.names[i].clone(), *p))
            .collect()
    }

    /// Whether the card holds exactly the replayed scores, read without
    /// building them again.
    fn same_scores(&self, r: &Replayed, scores: &Scores) -> bool {
        let set = r.scores.iter().filter(|p| **p != UNSET).count();
        set == scores.len()
            && scores.iter().all(|(id, v)| {
                self.items
                    .get(id)
                    .and_then(|i| r.scores.get(*i as usize))
                    .is_some_and(|p| *p != UNSET && p == v)
            })
    }

    fn comments_of(&self, r: &Replayed) -> BTreeMap<String, String> {
        r.comments
            .iter()
            .map(|(i, t)| (self.names[*i as usize].clone(), t.clone()))
            .collect()
    }

    fn set_score(&mut self, key: Key, item: &str, p: Option<Points>) {
        let i = self.item(item) as usize;
        // Room for every item the round has named so far, once: a card is
        // scored item by item.
        let named = self.names.len();
        let card = self.cards.entry(key).or_default();
        if card.scores.len() <= i {
            card.scores
                .reserve_exact(named.max(i + 1) - card.scores.len());
            card.scores.resize(i + 1, UNSET);
        }
        card.scores[i] = p.unwrap_or(UNSET);
    }

    /// Takes one entry into the story.
    pub fn feed(&mut self, e: &Entry) -> Result<(), ReplayFault> {
        let s = &e.subject;
        let (Some(stage), Some(expert), Some(dossier)) = (s.stage, &s.expert, &s.dossier) else {
            return Ok(());
        };
        let key = (stage, expert.clone(), dossier.clone());
        let item = || s.item.clone().ok_or(ReplayFault::NoItem { seq: e.seq });
        let points = |v: &str| {
            v.parse::<Points>().map_err(|_| ReplayFault::NotPoints {
                seq: e.seq,
                value: v.to_string(),
            })
        };
        match e.action {
            Action::Score => {
                let p = match &e.new {
                    Some(v) => Some(points(v)?),
                    None => None,
                };
                self.set_score(key, &item()?, p);
            }
            Action::Comment => {
                let i = self.item(&item()?);
                let card = self.cards.entry(key).or_default();
                match &e.new {
                    Some(t) => card.comments.insert(i, t.clone()),
                    None => card.comments.remove(&i),
                };
            }
            Action::Submit => self.cards.entry(key).or_default().submitted = true,
            Action::Reopen => self.cards.entry(key).or_default().submitted = false,
            Action::Import => {
                let Some(text) = &e.new else {
                    return Err(ReplayFault::NoCard { seq: e.seq });
                };
                let s = super::state::parse(text).map_err(|why| match why {
                    super::state::Unread::Text => ReplayFault::CardUnread { seq: e.seq },
                    super::state::Unread::Score { item, value } => ReplayFault::CardScore {
                        seq: e.seq,
                        item,
                        value,
                    },
                })?;
                let mut card = Replayed {
                    submitted: s.status == Status::Submitted,
                    ..Replayed::default()
                };
                for (k, t) in s.comments {
                    card.comments.insert(self.item(&k), t);
                }
                self.cards.insert(key.clone(), card);
                for (k, p) in &s.scores {
                    self.set_score(key.clone(), k, Some(*p));
                }
            }
            Action::Resolve => {
                let p = points(e.new.as_deref().unwrap_or_default())?;
                self.set_score(key, &item()?, Some(p));
            }
            _ => {}
        }
        Ok(())
    }

    /// The first difference between the story so far and the stored cards.
    pub fn compare(self, cards: &[Card]) -> Option<ReplayFault> {
        let each = cards.iter().map(Ok::<_, std::convert::Infallible>);
        match self.compare_each(each) {
            Ok(found) => found,
            Err(never) => match never {},
        }
    }

    /// The same, with the stored cards read one at a time (a large round's
    /// cards are never all held at once); each card's story is let go once
    /// compared. A card read twice is said to be stored twice.
    pub fn compare_each<C, E>(
        mut self,
        cards: impl IntoIterator<Item = Result<C, E>>,
    ) -> Result<Option<ReplayFault>, E>
    where
        C: std::borrow::Borrow<Card>,
    {
        for c in cards {
            let c = c?;
            let c = c.borrow();
            let k = (c.stage, c.expert.clone(), c.dossier.clone());
            let Some(kept) = self.cards.get_mut(&k) else {
                return Ok(Some(ReplayFault::NoHistory { told: told(k) }));
            };
            if kept.compared {
                return Ok(Some(ReplayFault::Twice { told: told(k) }));
            }
            let done = Replayed {
                compared: true,
                ..Replayed::default()
            };
            let r = std::mem::replace(kept, done);
            if !self.same_scores(&r, &c.scores) {
                return Ok(Some(ReplayFault::Scores {
                    told: told(k),
                    held: show(&c.scores),
                    history: show(&self.scores_of(&r)),
                }));
            }
            if self.comments_of(&r) != c.comments {
                return Ok(Some(ReplayFault::Comments { told: told(k) }));
            }
            if r.submitted != (c.status == Status::Submitted) {
                return Ok(Some(ReplayFault::Status { told: told(k) }));
            }
        }
        Ok(self
            .cards
            .into_iter()
            .find(|(_, r)| !r.compared)
            .map(|(k, _)| ReplayFault::NotStored { told: told(k) }))
    }
}

fn told((stage, expert, dossier): Key) -> Told {
    Told::Card {
        stage,
        expert,
        dossier,
    }
}

fn show(scores: &Scores) -> String {
    let parts: Vec<String> = scores.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("[{}]", parts.join(", "))
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
        assert_eq!(
            why,
            ReplayFault::Scores {
                told: told((Stage::Expert, "E1".into(), "D1".into())),
                held: "[A1=8]".into(),
                history: "[A1=7.5]".into(),
            }
        );
        let mut reopened = card.clone();
        reopened.status = Status::Draft;
        assert!(compare(&log, &[reopened]).is_some());
    }

    #[test]
    fn a_card_stored_twice_or_missing_is_named_as_such() {
        let mut card = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
        card.scores.insert("A1".into(), Points::whole(3));
        let log = [imported(&card)];
        let e1 = || told((Stage::Expert, "E1".into(), "D1".into()));
        assert_eq!(
            compare(&log, &[card.clone(), card.clone()]),
            Some(ReplayFault::Twice { told: e1() })
        );
        assert_eq!(
            compare(&log, &[]),
            Some(ReplayFault::NotStored { told: e1() })
        );
        let mut other = card.clone();
        other.expert = "E2".into();
        assert_eq!(
            compare(&log, &[card, other]),
            Some(ReplayFault::NoHistory {
                told: told((Stage::Expert, "E2".into(), "D1".into()))
            })
        );
    }

    #[test]
    fn a_stored_value_that_reads_as_no_score_is_not_taken_for_one() {
        // The history scores A1 only; the card holds A1 and, under A2, the
        // value that stands for "no score" in a replayed card.
        let mut card = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
        card.scores.insert("A1".into(), Points::whole(3));
        let log = [imported(&card)];
        let mut r = Replayer::default();
        r.feed(&log[0]).unwrap();
        r.set_score((Stage::Expert, "E1".into(), "D1".into()), "A2", None);
        let mut odd = card.clone();
        odd.scores.remove("A1");
        odd.scores.insert("A2".into(), UNSET);
        assert!(matches!(
            r.compare(&[odd]),
            Some(ReplayFault::Scores { .. })
        ));
    }

    #[test]
    fn an_imported_card_with_a_score_that_is_not_points_is_named() {
        let mut card = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
        card.scores.insert("A1".into(), Points::whole(3));
        let mut e = imported(&card);
        e.new = e.new.map(|t| t.replace("\"3\"", "\"three\""));
        assert_eq!(
            Replayer::default().feed(&e),
            Err(ReplayFault::CardScore {
                seq: e.seq,
                item: "A1".into(),
                value: "three".into(),
            })
        );
    }
}
