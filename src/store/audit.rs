//! The audit log: one hash chain per round. Each entry says who did what to
//! which card, old → new, when (UTC), and carries the previous entry's hash, so
//! that any change to history shows when the chain is recomputed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use std::collections::{BTreeMap, HashMap};

use super::journal::{self, Op, Reader};
use super::replay::Replayer;
use super::{AuditFault, Result, Store, StoreError, keys};
use crate::domain::round::Stage;

/// The hash before the first entry of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A round loaded from its files.
    Init,
    /// A round's files replaced before any scoring.
    Replace,
    Score,
    Comment,
    Submit,
    Reopen,
    Conflict,
    /// The secretary's decision on a tie.
    Decision,
    /// A score bundle exported from this store.
    Export,
    /// A score bundle imported: one entry for the bundle, one per card it set.
    Import,
    /// An expert's key trusted on first use, confirmed by the secretary.
    Trust,
    /// Two sources' different submitted values for one item, or their settling.
    ScoreConflict,
    /// The secretary's value for an item that two sources disagreed on.
    Resolve,
    /// A centre entered in the register (recognised).
    Recognise,
    /// A centre's annual assessment.
    Assess,
    /// A centre's re-assessment after rectification.
    Reassess,
    /// A centre's voluntary exit.
    Withdraw,
    /// A centre's result published (公示).
    Publish,
    /// An objection lodged during publicity.
    Object,
    /// The ruling on an objection.
    Rule,
    /// An expert excused from scoring (absent), with a reason.
    Excuse,
    /// A recognition round's alternates recorded for next year.
    Alternates,
    /// The dossiers chosen to keep a service agency named by too many.
    AgencyKeep,
    /// An event of a centre moved to the day it happened, with a reason.
    Amend,
    /// An event of a centre declared void (entered in error), with a reason.
    Void,
    /// The secretary has a round's experts give PINs on this laptop.
    PinRequire,
    /// An expert set their PIN (its hash is kept, never the PIN).
    PinSet,
    /// A wrong PIN typed for an expert.
    PinWrong,
    /// An expert locked for a minute after five wrong PINs.
    PinLock,
    /// The secretary reset an expert's PIN, with a reason.
    PinReset,
    /// The secretary stopped asking a round's experts for PINs, with a reason.
    PinRelease,
}

impl Action {
    pub fn key(self) -> &'static str {
        match self {
            Action::Init => "init",
            Action::Replace => "replace",
            Action::Score => "score",
            Action::Comment => "comment",
            Action::Submit => "submit",
            Action::Reopen => "reopen",
            Action::Conflict => "conflict",
            Action::Decision => "decision",
            Action::Export => "export",
            Action::Import => "import",
            Action::Trust => "trust",
            Action::ScoreConflict => "score_conflict",
            Action::Resolve => "resolve",
            Action::Recognise => "recognise",
            Action::Assess => "assess",
            Action::Reassess => "reassess",
            Action::Withdraw => "withdraw",
            Action::Publish => "publish",
            Action::Object => "object",
            Action::Rule => "rule",
            Action::Excuse => "excuse",
            Action::Alternates => "alternates",
            Action::AgencyKeep => "agency_keep",
            Action::Amend => "amend",
            Action::Void => "void",
            Action::PinRequire => "pin_require",
            Action::PinSet => "pin_set",
            Action::PinWrong => "pin_wrong",
            Action::PinLock => "pin_lock",
            Action::PinReset => "pin_reset",
            Action::PinRelease => "pin_release",
        }
    }

    /// About this laptop's PINs, not about cards: kept out of score bundles.
    pub fn is_pin(self) -> bool {
        matches!(
            self,
            Action::PinRequire
                | Action::PinSet
                | Action::PinWrong
                | Action::PinLock
                | Action::PinReset
                | Action::PinRelease
        )
    }
}

/// What an entry is about; parts that do not apply are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    pub stage: Option<Stage>,
    pub expert: Option<String>,
    pub dossier: Option<String>,
    pub item: Option<String>,
    /// The credit code of a centre in the register. Left out when empty, so
    /// that entries written before the register hash as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre: Option<String>,
}

/// A change about to be logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub who: String,
    pub action: Action,
    pub subject: Subject,
    pub old: Option<String>,
    pub new: Option<String>,
    pub reason: Option<String>,
}

impl Event {
    pub fn new(who: &str, action: Action, subject: Subject) -> Event {
        Event {
            who: who.to_string(),
            action,
            subject,
            old: None,
            new: None,
            reason: None,
        }
    }

    pub fn change(mut self, old: Option<String>, new: Option<String>) -> Event {
        self.old = old;
        self.new = new;
        self
    }

    pub fn reason(mut self, reason: &str) -> Event {
        self.reason = Some(reason.to_string());
        self
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// 1 for a round's first entry, then one more each time.
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub who: String,
    pub action: Action,
    pub round: String,
    pub subject: Subject,
    pub old: Option<String>,
    pub new: Option<String>,
    pub reason: Option<String>,
    /// The previous entry's hash ([`GENESIS`] for the first).
    pub prev: String,
    /// SHA-256 over the previous hash and every field above.
    pub hash: String,
}

/// The last entry of a chain, kept beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub seq: u64,
    pub hash: String,
}

impl Default for Head {
    fn default() -> Self {
        Head {
            seq: 0,
            hash: GENESIS.to_string(),
        }
    }
}

impl Entry {
    pub fn next(head: &Head, round: &str, at: DateTime<Utc>, e: Event) -> Entry {
        let mut entry = Entry {
            seq: head.seq + 1,
            at,
            who: e.who,
            action: e.action,
            round: round.to_string(),
            subject: e.subject,
            old: e.old,
            new: e.new,
            reason: e.reason,
            prev: head.hash.clone(),
            hash: String::new(),
        };
        entry.hash = entry.digest();
        entry
    }

    /// The hash this entry should carry, recomputed from its fields.
    pub fn digest(&self) -> String {
        let fields = (
            self.seq,
            &self.at,
            &self.who,
            self.action,
            &self.round,
            &self.subject,
            (&self.old, &self.new, &self.reason),
        );
        let mut h = Sha256::new();
        h.update(self.prev.as_bytes());
        h.update(b"\n");
        // Serialising plain strings, numbers and options cannot fail.
        h.update(serde_json::to_vec(&fields).unwrap_or_default());
        hex(&h.finalize())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The result of recomputing the chains.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verified {
    /// Each round checked, with its number of entries.
    pub rounds: Vec<(String, u64)>,
    /// The journal's records read, and the last one's hash.
    pub records: u64,
    pub head: String,
    /// The first problem found, if any.
    pub broken: Option<Broken>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The chain at fault; empty when the fault is the journal's own.
    pub round: String,
    /// The entry at fault (0 when the fault is not one entry's); for the
    /// journal's own faults, the record's number.
    pub seq: u64,
    pub why: AuditFault,
    /// The journal's file and byte where the fault lies, when it is one record's.
    pub at: Option<(String, u64)>,
}

/// Each chain's last entry while the journal is read.
#[derive(Default)]
struct Chains {
    heads: BTreeMap<String, Head>,
}

impl Chains {
    /// Checks an entry follows its chain; the reason if it does not.
    fn follow(&mut self, e: &Entry) -> Option<AuditFault> {
        let head = self.heads.entry(e.round.clone()).or_default();
        let want = head.seq + 1;
        if e.seq != want {
            return Some(AuditFault::Missing { found: e.seq });
        }
        if e.prev != head.hash {
            return Some(AuditFault::PreviousHash);
        }
        if e.digest() != e.hash {
            return Some(AuditFault::Hash);
        }
        *head = Head {
            seq: e.seq,
            hash: e.hash.clone(),
        };
        None
    }
}

impl Store {
    /// A round's audit entries, oldest first, read from the journal.
    pub fn audit_log(&self, round: &str) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.each_record(|_, texts| {
            for t in texts {
                let e = parse_entry(t)?;
                if e.round == round {
                    out.push(e);
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each journal record's operations and entries, in order,
    /// up to the first damage (which is returned, not an error).
    fn each_record(
        &self,
        mut f: impl FnMut(&[Op], &[String]) -> std::result::Result<(), AuditFault>,
    ) -> Result<(u64, String, Option<Broken>)> {
        let jdir = self.dir.join(journal::FOLDER);
        let fail = |e: std::io::Error| StoreError::Read {
            dir: self.dir.clone(),
            detail: super::open::io_words(&e),
        };
        let mut reader = Reader::open(&jdir, None).map_err(fail)?;
        loop {
            match reader.next_record().map_err(fail)? {
                Ok(Some((rec, pos))) => {
                    if let Err(why) = f(&rec.ops, &rec.entries) {
                        let at = Some((journal::segment_name(pos.segment), pos.start));
                        let b = Broken {
                            round: String::new(),
                            seq: pos.seq,
                            why,
                            at,
                        };
                        return Ok((pos.seq, journal::hex(&pos.hash), Some(b)));
                    }
                }
                Ok(None) => break,
                Err(d) => {
                    self.mark_damaged(&d);
                    let b = Broken {
                        round: String::new(),
                        seq: d.seq,
                        why: AuditFault::Journal(d.fault.clone()),
                        at: Some((journal::segment_name(d.segment), d.offset)),
                    };
                    let last = reader.last;
                    return Ok((last.seq, journal::hex(&last.hash), Some(b)));
                }
            }
        }
        let last = reader.last;
        Ok((last.seq, journal::hex(&last.hash), None))
    }

    /// Reads the whole journal: every record's checksum and link, every
    /// round's chain of entries; then checks that the state holds exactly what
    /// the records add up to and that each round's cards are what their
    /// history says. Reports the first break; memory stays with the round's
    /// size, not its history's.
    pub fn audit_verify(&self, round: Option<&str>) -> Result<Verified> {
        let ids = match round {
            Some(r) if r == super::REGISTER => vec![r.to_string()],
            Some(r) => {
                self.round_record(r)?;
                vec![r.to_string()]
            }
            None => {
                let mut ids: Vec<String> = self.rounds()?.into_iter().map(|r| r.id).collect();
                if self.get::<Head>(&keys::head(super::REGISTER))?.is_some() {
                    ids.push(super::REGISTER.to_string());
                }
                ids
            }
        };
        let mut chains = Chains::default();
        let mut replays: BTreeMap<String, Replayer> = BTreeMap::new();
        let mut register = Vec::new();
        let mut state: HashMap<Vec<u8>, [u8; 8]> = HashMap::new();
        let mut first_break: Option<Broken> = None;
        let (records, head, damage) = self.each_record(|ops, texts| {
            for op in ops {
                match op {
                    Op::Put(k, v) => state.insert(k.clone(), short_hash(v)),
                    Op::Del(k) => state.remove(k),
                };
            }
            for t in texts {
                let e = parse_entry(t)?;
                if first_break.is_some() {
                    continue;
                }
                if let Some(why) = chains.follow(&e) {
                    first_break = Some(Broken {
                        round: e.round.clone(),
                        seq: e.seq,
                        why,
                        at: None,
                    });
                    continue;
                }
                if !ids.contains(&e.round) {
                    continue;
                }
                if e.round == super::REGISTER {
                    register.push(e);
                } else if let Err(why) = replays.entry(e.round.clone()).or_default().feed(&e) {
                    first_break = Some(Broken {
                        round: e.round.clone(),
                        seq: 0,
                        why: AuditFault::Replay(Box::new(why)),
                        at: None,
                    });
                }
            }
            Ok(())
        })?;
        let mut out = Verified {
            records,
            head,
            ..Verified::default()
        };
        for id in &ids {
            let n = chains.heads.get(id).map_or(0, |h| h.seq);
            out.rounds.push((id.clone(), n));
        }
        out.broken = damage.or(first_break);
        if out.broken.is_some() {
            return Ok(out);
        }
        out.broken = self.compare_state(&state)?;
        if out.broken.is_some() {
            return Ok(out);
        }
        for id in &ids {
            let stored = self.get::<Head>(&keys::head(id))?.unwrap_or_default();
            let logged = chains.heads.get(id).cloned().unwrap_or_default();
            let broken = |why: AuditFault| Broken {
                round: id.clone(),
                seq: 0,
                why,
                at: None,
            };
            if stored != logged {
                let why = AuditFault::Ends {
                    count: logged.seq,
                    recorded: stored.seq,
                };
                out.broken = Some(broken(why));
                break;
            }
            let mismatch = if id == super::REGISTER {
                self.compare_centres(&register)?
            } else {
                let cards = self.each_card(id)?;
                replays.remove(id).unwrap_or_default().compare_each(cards)?
            };
            if let Some(why) = mismatch {
                out.broken = Some(broken(AuditFault::Replay(Box::new(why))));
                break;
            }
        }
        Ok(out)
    }

    /// The first key whose value in sled is not what the journal's records
    /// add up to (the journal's own bookkeeping aside).
    fn compare_state(&self, state: &HashMap<Vec<u8>, [u8; 8]>) -> Result<Option<Broken>> {
        let own = [keys::meta(keys::SCHEMA), keys::meta(super::write::APPLIED)];
        let broken = |why: AuditFault| {
            Some(Broken {
                round: String::new(),
                seq: 0,
                why,
                at: None,
            })
        };
        let mut seen = 0usize;
        for kv in self.db.iter() {
            let (k, v) = kv.map_err(|e| self.read_error(e))?;
            if own.iter().any(|o| o.as_slice() == k.as_ref()) {
                continue;
            }
            seen += 1;
            let name = keys::words(&k).join(" / ");
            match state.get(k.as_ref()) {
                None => return Ok(broken(AuditFault::NotJournaled { key: name })),
                Some(h) if *h != short_hash(&v) => {
                    return Ok(broken(AuditFault::NotAsJournaled { key: name }));
                }
                Some(_) => {}
            }
        }
        if seen != state.len() {
            return Ok(broken(AuditFault::Count {
                journal: state.len(),
                state: seen,
            }));
        }
        Ok(None)
    }
}

pub(super) fn parse_entry(text: &str) -> std::result::Result<Entry, AuditFault> {
    serde_json::from_str(text).map_err(|_| AuditFault::Unreadable)
}

fn short_hash(bytes: &[u8]) -> [u8; 8] {
    let h = Sha256::digest(bytes);
    let mut out = [0u8; 8];
    out.copy_from_slice(&h[..8]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_field_change_changes_the_hash() {
        let ev =
            Event::new("E1", Action::Score, Subject::default()).change(None, Some("7.5".into()));
        let e = Entry::next(&Head::default(), "r", Utc::now(), ev);
        assert_eq!(e.digest(), e.hash);
        assert_eq!(e.prev, GENESIS);
        let mut t = e.clone();
        t.new = Some("8".into());
        assert_ne!(t.digest(), e.hash);
        let mut t = e.clone();
        t.prev = "1".repeat(64);
        assert_ne!(t.digest(), e.hash);
    }

    #[test]
    fn a_subject_without_a_centre_serialises_as_before_the_register() {
        let s = Subject {
            dossier: Some("D1".into()),
            ..Subject::default()
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"stage":null,"expert":null,"dossier":"D1","item":null}"#
        );
    }
}
