//! Imports of score bundles. The bundle's round, version, expert and key are
//! checked, every card is merged by the domain's rules, and everything the
//! import brings (cards, conflicts, recusals, trust, the laptop's own audit
//! entries, bookkeeping and this store's audit entries) goes into one durable
//! write, or nothing does.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{Action, Entry, Event, Subject};
use super::rounds::RoundRecord;
use super::state::{self, StateRecord};
use super::write::Change;
use super::{CardRef, Result, Store, keys};
use crate::domain::card::Card;
use crate::domain::keyprint;
use crate::domain::merge::{
    self, CardState, Held, KeyAccepted, Merge, MergeRefusal, Resolution, ScoreConflict, Source,
};
use crate::domain::scoring::{Recusal, stage_of};

/// A bundle whose signature has been checked, as the store takes it.
#[derive(Clone, Copy, Debug)]
pub struct Incoming<'a> {
    pub round: &'a str,
    /// The fingerprint of the round's content the cards were scored on.
    pub fingerprint: &'a str,
    pub sheet_id: &'a str,
    pub sheet_version: &'a str,
    /// The fingerprint of the exact sheet the cards were scored on.
    pub sheet_fingerprint: &'a str,
    pub expert: &'a str,
    /// The signing key's fingerprint, `3f2a-91bc-04de-77a1`.
    pub key: &'a str,
    /// The signing key's 32 public bytes in hexadecimal.
    pub public: &'a str,
    pub sequence: u64,
    /// SHA-256 of the whole bundle file, to know it again.
    pub digest: &'a str,
    pub cards: &'a [Card],
    pub recusals: &'a [Recusal],
    /// The expert's entries from the laptop's audit log.
    pub history: &'a [Entry],
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub round: String,
    pub expert: String,
    pub key: String,
    pub sequence: u64,
    /// How the key was accepted.
    pub accepted: Option<KeyAccepted>,
    /// This very bundle was imported before: nothing changed.
    pub again: bool,
    /// A later bundle from the same key was imported before: nothing changed.
    pub superseded_by: Option<u64>,
    /// Cards set from the bundle: new ones, newer ones from the same laptop,
    /// and submitted cards where another source had only a draft.
    pub imported: usize,
    /// Cards with nothing new, or already held exactly as they are.
    pub skipped: usize,
    /// Cards where another source's card stays (a draft under a submitted
    /// card, two drafts, or the same scores with other comments).
    pub kept: usize,
    /// Items in conflict opened or updated by this bundle.
    pub conflicts: usize,
    /// Conflicts closed because every source now gives the same value.
    pub agreed: usize,
    /// Recusals declared on the laptop and new here.
    pub recusals: usize,
}

/// A key the secretary confirmed for an expert of a round.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct TrustRecord {
    fingerprint: String,
    public: String,
    by: String,
    at: DateTime<Utc>,
}

/// The last bundle imported from one key for one expert.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct SourceRecord {
    fingerprint: String,
    public: String,
    sequence: u64,
    digest: String,
    at: DateTime<Utc>,
}

/// Which key's import set a stored card, and what it set.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct OwnerRecord {
    key: String,
    state: StateRecord,
}

impl Store {
    /// The keys the secretary has confirmed for an expert of a round.
    pub fn trusted_keys(&self, round: &str, expert: &str) -> Result<Vec<String>> {
        let recs: Vec<TrustRecord> = self.scan(&keys::trusted(round, expert))?;
        Ok(recs.into_iter().map(|t| t.fingerprint).collect())
    }

    /// Imports a verified bundle: refused whole on any mismatch, nothing
    /// written when this bundle or a later one from the same key is already
    /// in, otherwise merged in one durable write. `confirmed` is the
    /// fingerprint the secretary confirmed for the bundle's expert, if any.
    pub fn import_bundle(
        &mut self,
        b: &Incoming,
        confirmed: Option<&str>,
        by: &str,
    ) -> Result<Imported> {
        self.ready()?;
        let r = self.bundle_round(b)?;
        let stage = stage_of(&r.round, b.expert).map_err(|_| MergeRefusal::NotOnPanel {
            round: b.round.to_string(),
            expert: b.expert.to_string(),
        })?;
        let trusted = self.trusted_keys(b.round, b.expert)?;
        let accepted = merge::accept_key(&r.round, b.expert, b.key, &trusted, confirmed)?;
        check_contents(&r, b)?;
        let mut out = Imported {
            round: b.round.to_string(),
            expert: b.expert.to_string(),
            key: b.key.to_string(),
            sequence: b.sequence,
            accepted: Some(accepted),
            ..Imported::default()
        };
        let source_key = keys::source(b.round, b.expert, b.key);
        let before: Option<SourceRecord> = self.get(&source_key)?;
        if let Some(s) = &before {
            if s.sequence == b.sequence && s.digest == b.digest {
                out.again = true;
                return Ok(out);
            }
            if s.sequence == b.sequence {
                return Err(MergeRefusal::SequenceReused {
                    sequence: b.sequence,
                    key: b.key.to_string(),
                }
                .into());
            }
            if s.sequence > b.sequence {
                out.superseded_by = Some(s.sequence);
                return Ok(out);
            }
        }
        let mut ch = self.change(b.round)?;
        let subject = Subject {
            stage: Some(stage),
            expert: Some(b.expert.to_string()),
            dossier: None,
            item: None,
            centre: None,
        };
        let mut first = Vec::new();
        if accepted == KeyAccepted::Confirmed {
            let rec = TrustRecord {
                fingerprint: b.key.to_string(),
                public: b.public.to_string(),
                by: by.to_string(),
                at: ch.at,
            };
            self.put(&mut ch, keys::trust(b.round, b.expert, b.key), &rec)?;
            let ev = Event::new(by, Action::Trust, subject.clone())
                .change(None, Some(b.key.to_string()))
                .reason(&format!("key confirmed on import of bundle {}", b.sequence));
            first.push(ev);
        }
        let mut events = Vec::new();
        let from = Source::Key(b.key.to_string());
        for card in b.cards {
            self.merge_card(&mut ch, &mut events, &mut out, b, &from, card, by)?;
        }
        for rec in b.recusals {
            let key = keys::recusal(b.round, &rec.expert, &rec.dossier);
            if self.get::<Recusal>(&key)?.is_none() {
                self.put(&mut ch, key, rec)?;
                let mut s = subject.clone();
                s.dossier = Some(rec.dossier.clone());
                let ev = Event::new(b.expert, Action::Conflict, s)
                    .change(None, Some("recused".to_string()))
                    .reason(&rec.reason);
                events.push(ev);
                out.recusals += 1;
            }
        }
        for e in b.history {
            self.put(&mut ch, keys::remote(b.round, b.key, e.seq), e)?;
        }
        let record = SourceRecord {
            fingerprint: b.key.to_string(),
            public: b.public.to_string(),
            sequence: b.sequence,
            digest: b.digest.to_string(),
            at: ch.at,
        };
        self.put(&mut ch, source_key, &record)?;
        let summary = format!(
            "bundle {} from key {}: {} imported, {} skipped, {} kept, {} in conflict",
            b.sequence, b.key, out.imported, out.skipped, out.kept, out.conflicts
        );
        let was = before.map(|s| format!("bundle {}", s.sequence));
        first.push(Event::new(by, Action::Import, subject).change(was, Some(summary)));
        for ev in first.into_iter().chain(events) {
            self.audit(&mut ch, ev)?;
        }
        self.apply(ch)?;
        Ok(out)
    }

    /// The bundle's round, held here with the same content.
    fn bundle_round(&self, b: &Incoming) -> Result<RoundRecord> {
        let Some(r) = self.get::<RoundRecord>(&keys::round(b.round))? else {
            let known: Vec<String> = self.rounds()?.into_iter().map(|r| r.id).collect();
            return Err(MergeRefusal::OtherRound {
                round: b.round.to_string(),
                known: if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                },
            }
            .into());
        };
        if r.fingerprint != b.fingerprint {
            let ours = crate::fingerprint::sheet(&r.sheet);
            let what = if ours != b.sheet_fingerprint {
                merge::Differs::Sheet {
                    theirs: Box::new(
                        [b.sheet_id, b.sheet_version, &short(b.sheet_fingerprint)]
                            .map(str::to_string),
                    ),
                    ours: Box::new(
                        [&r.sheet.id, &r.sheet.version, &short(&ours)].map(|s| s.to_string()),
                    ),
                }
            } else {
                merge::Differs::Files
            };
            return Err(MergeRefusal::OtherVersion {
                round: b.round.to_string(),
                what,
                theirs: short(b.fingerprint),
                ours: short(&r.fingerprint),
            }
            .into());
        }
        Ok(r)
    }

    /// Merges one card of the bundle into the change.
    #[allow(clippy::too_many_arguments)]
    fn merge_card(
        &self,
        ch: &mut Change,
        events: &mut Vec<Event>,
        out: &mut Imported,
        b: &Incoming,
        from: &Source,
        card: &Card,
        by: &str,
    ) -> Result<()> {
        let (stage, d) = (card.stage, card.dossier.as_str());
        let at = CardRef {
            round: b.round,
            expert: b.expert,
            dossier: d,
        };
        let held = self.card_at(at, stage)?;
        let owner: Option<(Source, CardState)> = self
            .get::<OwnerRecord>(&keys::owner(b.round, stage, b.expert, d))?
            .map(|o| (Source::Key(o.key), o.state.into()));
        let last: Option<CardState> = self
            .get::<StateRecord>(&keys::sent(b.round, stage, b.expert, d, b.key))?
            .map(CardState::from);
        let view = Held {
            card: held.as_ref(),
            owner: owner.as_ref().map(|(s, st)| (s, st)),
            last: last.as_ref(),
        };
        let outcome = merge::merge(card, from, view);
        if outcome == Merge::Unchanged {
            out.skipped += 1;
            return Ok(());
        }
        let new = CardState::of(card);
        self.put(
            ch,
            keys::sent(b.round, stage, b.expert, d, b.key),
            &StateRecord::from(&new),
        )?;
        let subject = |item: Option<&str>| Subject {
            stage: Some(stage),
            expert: Some(b.expert.to_string()),
            dossier: Some(d.to_string()),
            item: item.map(str::to_string),
            centre: None,
        };
        let mut conflicts: BTreeMap<String, ScoreConflict> = self
            .card_conflicts(b.round, stage, b.expert, d)?
            .into_iter()
            .map(|c| (c.item.clone(), c))
            .collect();
        let mut changed = BTreeSet::new();
        // Only a submitted value speaks in a conflict: a draft never opens
        // or reopens one.
        for (item, c) in conflicts.iter_mut() {
            if let Some(&v) = card.scores.get(item)
                && card.is_submitted()
                && c.claim(from, v, ch.at)
            {
                changed.insert(item.clone());
            }
        }
        match outcome {
            Merge::Take => {
                self.put_card(ch, card)?;
                let owner = OwnerRecord {
                    key: b.key.to_string(),
                    state: StateRecord::from(&new),
                };
                self.put(ch, keys::owner(b.round, stage, b.expert, d), &owner)?;
                let old = held.as_ref().map(|h| state::text(&CardState::of(h)));
                let ev = Event::new(by, Action::Import, subject(None))
                    .change(old, Some(state::text(&new)))
                    .reason(&format!("bundle {} from key {}", b.sequence, b.key));
                events.push(ev);
                out.imported += 1;
            }
            Merge::Conflict(diffs) => {
                let holder = view.owner();
                for diff in diffs {
                    let c = conflicts
                        .entry(diff.item.clone())
                        .or_insert_with(|| ScoreConflict {
                            round: b.round.to_string(),
                            stage,
                            expert: b.expert.to_string(),
                            dossier: d.to_string(),
                            item: diff.item.clone(),
                            claims: Vec::new(),
                            resolution: None,
                        });
                    c.claim(&holder, diff.held, ch.at);
                    c.claim(from, diff.incoming, ch.at);
                    changed.insert(diff.item.clone());
                    let ev = Event::new(by, Action::ScoreConflict, subject(Some(&diff.item)))
                        .change(Some(diff.held.to_string()), Some(diff.incoming.to_string()))
                        .reason(&format!(
                            "bundle {} from key {}; values {}; the card keeps {} until the secretary resolves it",
                            b.sequence,
                            b.key,
                            c.claims_words(),
                            diff.held
                        ));
                    events.push(ev);
                    out.conflicts += 1;
                }
            }
            Merge::Keep(_) => out.kept += 1,
            Merge::Same | Merge::Unchanged => out.skipped += 1,
        }
        for item in changed {
            let Some(c) = conflicts.get_mut(&item) else {
                continue;
            };
            if let (true, Some(v)) = (c.is_open(), c.agreed()) {
                let reason = format!("every source now gives {v}");
                c.resolution = Some(Resolution {
                    value: v,
                    by: by.to_string(),
                    reason: reason.clone(),
                    at: ch.at,
                });
                let ev = Event::new(by, Action::ScoreConflict, subject(Some(&item)))
                    .change(Some("open".to_string()), Some(format!("agreed {v}")))
                    .reason(&reason);
                events.push(ev);
                out.agreed += 1;
            }
            self.put_conflict(ch, c)?;
        }
        Ok(())
    }
}

/// What the bundle carries must make sense on its own: valid cards, one per
/// dossier, recusals of its expert, and cards that are what its own audit
/// entries say.
fn check_contents(r: &RoundRecord, b: &Incoming) -> Result<(), MergeRefusal> {
    let mut seen = BTreeSet::new();
    for card in b.cards {
        merge::check_incoming(&r.round, &r.sheet, &r.dossiers, b.expert, card)?;
        if !seen.insert(card.dossier.as_str()) {
            return Err(MergeRefusal::BadCard {
                dossier: card.dossier.clone(),
                why: Box::new(merge::CardFault::TwoCards),
            });
        }
    }
    for rec in b.recusals {
        if rec.expert != b.expert || !r.dossiers.contains(&rec.dossier) {
            return Err(MergeRefusal::BadCard {
                dossier: rec.dossier.clone(),
                why: Box::new(merge::CardFault::OtherRecusal {
                    expert: rec.expert.clone(),
                    round: r.round.id.clone(),
                }),
            });
        }
    }
    for e in b.history {
        if e.round != b.round || e.digest() != e.hash {
            return Err(MergeRefusal::History(merge::HistoryFault::EntryHash {
                seq: e.seq,
            }));
        }
    }
    match super::replay::compare(b.history, b.cards) {
        Some(why) => Err(MergeRefusal::History(merge::HistoryFault::Replay(
            Box::new(why),
        ))),
        None => Ok(()),
    }
}

/// The first 16 digits of a content fingerprint, grouped, for messages.
fn short(fp: &str) -> String {
    match fp.get(..keyprint::DIGITS) {
        Some(head) => keyprint::grouped(head),
        None => fp.to_string(),
    }
}
