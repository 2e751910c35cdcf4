//! Scorecards: one per round, stage, expert and dossier. Every change is checked
//! by the domain's rules first; a refused change writes nothing.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{Action, Event, Subject};
use super::packed::{self, Items};
use super::rounds::RoundRecord;
use super::{CardRef, Result, Store, StoreError, keys};
use crate::domain::Points;
use crate::domain::card::{Card, Status};
use crate::domain::round::Stage;
use crate::domain::scoring::{self, Panel, Recusal};

/// How earlier versions kept a card, as JSON: scores as whole hundredths of a
/// point under their ids. Still read; cards are written packed.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct CardRecord {
    round: String,
    stage: Stage,
    expert: String,
    dossier: String,
    /// Item id → hundredths of a point.
    scores: BTreeMap<String, i64>,
    comments: BTreeMap<String, String>,
    status: Status,
    updated: DateTime<Utc>,
    submitted: Option<DateTime<Utc>>,
}

impl From<&Card> for CardRecord {
    fn from(c: &Card) -> Self {
        CardRecord {
            round: c.round.clone(),
            stage: c.stage,
            expert: c.expert.clone(),
            dossier: c.dossier.clone(),
            scores: c
                .scores
                .iter()
                .map(|(k, v)| (k.to_string(), v.hundredths()))
                .collect(),
            comments: c.comments.clone(),
            status: c.status,
            updated: c.updated,
            submitted: c.submitted,
        }
    }
}

impl From<CardRecord> for Card {
    fn from(r: CardRecord) -> Self {
        Card {
            round: r.round,
            stage: r.stage,
            expert: r.expert,
            dossier: r.dossier,
            scores: r
                .scores
                .into_iter()
                .map(|(k, v)| (k, Points::from_hundredths(v)))
                .collect(),
            comments: r.comments,
            status: r.status,
            updated: r.updated,
            submitted: r.submitted,
        }
    }
}

/// One change to a card; several go into one durable write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit<'a> {
    Score(&'a str, Points),
    /// An empty or blank text removes the comment.
    Comment(&'a str, &'a str),
    Submit,
}

impl Store {
    /// One card, if the expert has started it.
    pub fn card(&self, c: CardRef) -> Result<Option<Card>> {
        let r = self.round_record(c.round)?;
        let stage = scoring::stage_of(&r.round, c.expert)?;
        self.card_at(c, stage)
    }

    pub(super) fn card_at(&self, c: CardRef, stage: Stage) -> Result<Option<Card>> {
        let key = keys::card(c.round, stage, c.expert, c.dossier);
        match self.db.get(&key).map_err(|e| self.read_error(e))? {
            None => Ok(None),
            Some(bytes) => {
                let items = self.items(c.round)?;
                self.decode_card(&key, &bytes, &items).map(Some)
            }
        }
    }

    /// A stored card: packed, or JSON as earlier versions wrote it.
    pub(super) fn decode_card(&self, key: &[u8], bytes: &[u8], items: &Items) -> Result<Card> {
        if packed::is_packed(bytes) {
            packed::decode(bytes, items).map_err(|e| self.decode_failed(key, e))
        } else {
            self.decode::<CardRecord>(key, bytes).map(Card::from)
        }
    }

    /// Adds a card, as it now is, to a change.
    pub(super) fn put_card(&self, ch: &mut super::write::Change, card: &Card) -> Result<()> {
        let key = keys::card(&card.round, card.stage, &card.expert, &card.dossier);
        let items = self.items(&card.round)?;
        let bytes = packed::encode(card, &items).map_err(|detail| StoreError::Write {
            dir: self.dir.clone(),
            detail: detail.into(),
        })?;
        self.put_bytes(ch, key, bytes);
        Ok(())
    }

    /// The round's sheet entries as packed cards number them; read once per
    /// round and kept while the store is open.
    pub(super) fn items(&self, round: &str) -> Result<Arc<Items>> {
        if let Some(i) = self.items_cache().get(round) {
            return Ok(i.clone());
        }
        let r = self.round_record(round)?;
        let items = Arc::new(Items::of(&r.sheet));
        self.items_cache().insert(round.to_string(), items.clone());
        Ok(items)
    }

    fn items_cache(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Items>>> {
        // A panic while the lock was held leaves a map that is still whole.
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets the kept sheet entries, after a round was loaded or replaced
    /// or the state was read again from the journal.
    pub(super) fn forget_items(&self) {
        self.items_cache().clear();
        self.rounds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Every card of a round, or of one stage of it.
    pub fn cards(&self, round: &str, stage: Option<Stage>) -> Result<Vec<Card>> {
        self.round_record(round)?;
        self.all_cards(round, stage)
    }

    /// Every card of a round, by stage, then dossier, then expert: the order
    /// a ranking reads them in. The keys are read first and the cards made
    /// in that order, so that the cards of one panel lie together in memory
    /// (stored by expert, they would lie a round's dossiers apart).
    pub fn cards_by_panel(&self, round: &str) -> Result<Vec<Card>> {
        self.round_record(round)?;
        let items = self.items(round)?;
        let stored = self
            .db
            .scan_prefix(keys::cards(round, None))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.read_error(e))?;
        let mut order: Vec<_> = stored
            .iter()
            .enumerate()
            .map(|(at, (k, _))| (keys::panel_order(k), at))
            .collect();
        order.sort_unstable();
        order
            .into_iter()
            .map(|(_, at)| {
                let (k, v) = &stored[at];
                self.decode_card(k, v, &items)
            })
            .collect()
    }

    pub(super) fn all_cards(&self, round: &str, stage: Option<Stage>) -> Result<Vec<Card>> {
        self.cards_under(round, keys::cards(round, stage))
    }

    /// The cards of a round whose keys start with `prefix`.
    fn cards_under(&self, round: &str, prefix: Vec<u8>) -> Result<Vec<Card>> {
        self.each_card_under(round, prefix)?.collect()
    }

    /// Every card of a round, read one at a time.
    pub(super) fn each_card(&self, round: &str) -> Result<impl Iterator<Item = Result<Card>>> {
        self.each_card_under(round, keys::cards(round, None))
    }

    fn each_card_under(
        &self,
        round: &str,
        prefix: Vec<u8>,
    ) -> Result<impl Iterator<Item = Result<Card>>> {
        let items = self.items(round)?;
        Ok(self.db.scan_prefix(prefix).map(move |kv| {
            let (k, v) = kv.map_err(|e| self.read_error(e))?;
            self.decode_card(&k, &v, &items)
        }))
    }

    /// One expert's own cards in a round.
    pub fn expert_cards(&self, round: &str, expert: &str) -> Result<Vec<Card>> {
        let r = self.round_record(round)?;
        let stage = scoring::stage_of(&r.round, expert)?;
        self.cards_under(round, keys::expert_cards(round, stage, expert))
    }

    /// Saves one item's score (and, if given, its comment) in one durable write.
    pub fn set_score(
        &mut self,
        c: CardRef,
        item: &str,
        value: Points,
        comment: Option<&str>,
    ) -> Result<Card> {
        let mut edits = vec![Edit::Score(item, value)];
        if let Some(text) = comment {
            edits.push(Edit::Comment(item, text));
        }
        self.edit(c, &edits)
    }

    pub fn set_comment(&mut self, c: CardRef, item: &str, text: &str) -> Result<Card> {
        self.edit(c, &[Edit::Comment(item, text)])
    }

    /// Submits (signs) a complete card; it is read-only afterwards.
    pub fn submit(&mut self, c: CardRef) -> Result<Card> {
        self.edit(c, &[Edit::Submit])
    }

    /// Applies edits to a card in order, all or nothing, in one durable write
    /// with one audit entry per change. Edits that change nothing are skipped.
    pub fn edit(&mut self, c: CardRef, edits: &[Edit]) -> Result<Card> {
        self.ready()?;
        let (r, recusals) = self.context(c.round)?;
        let panel = Panel {
            round: &r.round,
            sheet: &r.sheet,
            dossiers: &r.dossiers,
            recusals: &recusals,
        };
        let stage = scoring::stage_of(&r.round, c.expert)?;
        let mut ch = self.change(c.round)?;
        let mut card = self
            .card_at(c, stage)?
            .unwrap_or_else(|| Card::new(c.round, stage, c.expert, c.dossier, ch.at));
        let subject = |item: Option<&str>| Subject {
            stage: Some(stage),
            expert: Some(c.expert.to_string()),
            dossier: Some(c.dossier.to_string()),
            item: item.map(str::to_string),
            centre: None,
        };
        let mut events = Vec::new();
        for e in edits {
            match *e {
                Edit::Score(item, value) => {
                    panel.check_score(c.expert, c.dossier, item, value)?;
                    scoring::check_open(&card)?;
                    let old = card.scores.insert(item.to_string(), value);
                    if old != Some(value) {
                        let ev = Event::new(c.expert, Action::Score, subject(Some(item)));
                        events.push(ev.change(old.map(|p| p.to_string()), Some(value.to_string())));
                    }
                }
                Edit::Comment(item, text) => {
                    panel.check_comment(c.expert, c.dossier, item)?;
                    scoring::check_open(&card)?;
                    let new = Some(text.trim())
                        .filter(|t| !t.is_empty())
                        .map(str::to_string);
                    let old = match &new {
                        Some(t) => card.comments.insert(item.to_string(), t.clone()),
                        None => card.comments.remove(item),
                    };
                    if old != new {
                        let ev = Event::new(c.expert, Action::Comment, subject(Some(item)));
                        events.push(ev.change(old, new));
                    }
                }
                Edit::Submit => {
                    panel.writable(c.expert, c.dossier)?;
                    scoring::check_submit(&card, &r.sheet)?;
                    card.status = Status::Submitted;
                    card.submitted = Some(ch.at);
                    let ev = Event::new(c.expert, Action::Submit, subject(None));
                    events.push(ev.change(Some("draft".into()), Some("submitted".into())));
                }
            }
        }
        if events.is_empty() {
            return Ok(card);
        }
        card.updated = ch.at;
        self.put_card(&mut ch, &card)?;
        for ev in events {
            self.audit(&mut ch, ev)?;
        }
        self.apply(ch)?;
        Ok(card)
    }

    /// A secretary reopens a submitted card, with a reason; it is a draft again.
    pub fn reopen(&mut self, c: CardRef, by: &str, reason: &str) -> Result<Card> {
        self.ready()?;
        let r = self.round_record(c.round)?;
        let stage = scoring::stage_of(&r.round, c.expert)?;
        let mut ch = self.change(c.round)?;
        let mut card = self
            .card_at(c, stage)?
            .unwrap_or_else(|| Card::new(c.round, stage, c.expert, c.dossier, ch.at));
        scoring::check_reopen(&card, reason)?;
        card.status = Status::Draft;
        card.submitted = None;
        card.updated = ch.at;
        self.put_card(&mut ch, &card)?;
        let subject = Subject {
            stage: Some(stage),
            expert: Some(c.expert.to_string()),
            dossier: Some(c.dossier.to_string()),
            item: None,
            centre: None,
        };
        let ev = Event::new(by, Action::Reopen, subject)
            .change(Some("submitted".into()), Some("draft".into()))
            .reason(reason.trim());
        self.audit(&mut ch, ev)?;
        self.apply(ch)?;
        Ok(card)
    }

    /// Blind scoring: the other experts' submitted cards for a dossier in the
    /// expert's stage, given only once the expert's own card is submitted.
    /// Recused experts' cards are left out.
    pub fn peer_cards(&self, c: CardRef) -> Result<Vec<Card>> {
        let (r, recusals) = self.context(c.round)?;
        let stage = scoring::stage_of(&r.round, c.expert)?;
        let own = self.card_at(c, stage)?;
        scoring::check_peers_visible(own.as_ref(), c.expert, c.dossier)?;
        let recused = |e: &str| {
            recusals
                .iter()
                .any(|x| x.expert == e && x.dossier == c.dossier)
        };
        Ok(self
            .all_cards(c.round, Some(stage))?
            .into_iter()
            .filter(|k| k.dossier == c.dossier && k.expert != c.expert)
            .filter(|k| k.is_submitted() && !recused(&k.expert))
            .collect())
    }

    fn context(&self, round: &str) -> Result<(Arc<RoundRecord>, Vec<Recusal>)> {
        let r = self.round_record(round)?;
        let recusals = self.recusals(round)?;
        Ok((r, recusals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::CardState;
    use crate::load::LoadedRound;
    use crate::store::codec;
    use crate::synthetic::{self, Size};

    /// A store holding a synthetic round with every card's scores saved.
    fn scored(size: Size) -> (tempfile::TempDir, Store, LoadedRound) {
        let dir = tempfile::tempdir().unwrap();
        let (loaded, cards) = synthetic::loaded(size);
        let mut s = Store::open(dir.path()).unwrap();
        s.init_round(&loaded, "secretary").unwrap();
        for c in &cards {
            let edits: Vec<Edit> = c.scores.iter().map(|(i, v)| Edit::Score(i, *v)).collect();
            let at = CardRef {
                round: &c.round,
                expert: &c.expert,
                dossier: &c.dossier,
            };
            s.edit(at, &edits).unwrap();
        }
        (dir, s, loaded)
    }

    #[test]
    fn cards_read_for_a_ranking_come_by_panel_and_are_the_round_s_cards() {
        let (_dir, s, loaded) = scored(Size {
            dossiers: 4,
            experts: 3,
            items: 5,
            seed: 9,
        });
        let id = &loaded.round.id;
        let by_panel = s.cards_by_panel(id).unwrap();
        let place = |c: &Card| (c.stage.key(), c.dossier.clone(), c.expert.clone());
        let order: Vec<_> = by_panel.iter().map(place).collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted);
        assert_ne!(
            by_panel.iter().map(place).collect::<Vec<_>>(),
            s.cards(id, None)
                .unwrap()
                .iter()
                .map(place)
                .collect::<Vec<_>>(),
            "stored by expert, read by dossier"
        );
        let mut stored = s.cards(id, None).unwrap();
        stored.sort_by_key(place);
        assert_eq!(by_panel, stored);
        assert_eq!(by_panel.len(), 12);
        assert!(matches!(
            s.cards_by_panel("no-such-round"),
            Err(StoreError::NoSuchRound { .. })
        ));
    }

    /// A store whose journal holds a card as the earlier layout wrote it:
    /// JSON with its items as text.
    #[test]
    fn a_card_written_as_json_reads_verifies_and_is_packed_when_changed() {
        let dir = tempfile::tempdir().unwrap();
        let (loaded, cards) = synthetic::loaded(Size {
            dossiers: 2,
            experts: 5,
            items: 6,
            seed: 3,
        });
        let card = cards[0].clone();
        let at = CardRef {
            round: &card.round,
            expert: &card.expert,
            dossier: &card.dossier,
        };
        let key = keys::card(&card.round, card.stage, &card.expert, &card.dossier);
        {
            let mut s = Store::open(dir.path()).unwrap();
            s.init_round(&loaded, "secretary").unwrap();
            let mut ch = s.change(&card.round).unwrap();
            s.put(&mut ch, key.clone(), &CardRecord::from(&card))
                .unwrap();
            let subject = Subject {
                stage: Some(card.stage),
                expert: Some(card.expert.clone()),
                dossier: Some(card.dossier.clone()),
                item: None,
                centre: None,
            };
            let text = super::super::state::text(&CardState::of(&card));
            let ev = Event::new("secretary", Action::Import, subject).change(None, Some(text));
            s.audit(&mut ch, ev).unwrap();
            s.apply(ch).unwrap();
        }
        // The state is built again from the journal, as after an upgrade.
        std::fs::remove_dir_all(dir.path().join(super::super::open::STATE)).unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let stored = s.db.get(&key).unwrap().unwrap();
        assert_eq!(stored.first(), Some(&b'{'), "kept as the journal has it");
        assert_eq!(s.card(at).unwrap(), Some(card.clone()));
        assert_eq!(s.cards(&card.round, None).unwrap(), vec![card.clone()]);
        assert_eq!(s.audit_verify(None).unwrap().broken, None);

        // Reopened and changed: written packed, much smaller, and still true.
        s.reopen(at, "secretary", "a second look").unwrap();
        let item = card.scores.keys().next().unwrap().to_string();
        let changed = s.set_score(at, &item, Points::whole(0), None).unwrap();
        let stored = s.db.get(&key).unwrap().unwrap();
        assert!(packed::is_packed(&stored));
        assert!(stored.len() * 2 < codec::encode(&CardRecord::from(&changed)).unwrap().len());
        assert_eq!(s.card(at).unwrap(), Some(changed));
        assert_eq!(s.audit_verify(None).unwrap().broken, None);
    }

    /// An expert's cards are read by their keys alone: E1's are not E10's.
    #[test]
    fn an_experts_cards_are_theirs_alone() {
        let (_dir, s, loaded) = scored(Size {
            dossiers: 3,
            experts: 11,
            items: 4,
            seed: 5,
        });
        let round = &loaded.round.id;
        for expert in ["E1", "E10", "E11"] {
            let mine = s.expert_cards(round, expert).unwrap();
            let want: Vec<Card> = s
                .cards(round, None)
                .unwrap()
                .into_iter()
                .filter(|c| c.expert == expert)
                .collect();
            assert_eq!(mine.len(), 3, "{expert}");
            assert_eq!(mine, want, "{expert}");
        }
    }
}
