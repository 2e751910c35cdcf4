//! The audit log: one hash chain per round. Each entry says who did what to
//! which card, old → new, when (UTC), and carries the previous entry's hash, so
//! that any change to history shows when the chain is recomputed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Result, Store, keys};
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
        }
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
    /// The first problem found, if any.
    pub broken: Option<Broken>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub round: String,
    /// The entry at fault (0 when the fault is not one entry's).
    pub seq: u64,
    pub why: super::AuditFault,
}

impl Store {
    /// A round's audit entries, oldest first.
    pub fn audit_log(&self, round: &str) -> Result<Vec<Entry>> {
        self.scan(&keys::audits(round))
    }

    /// Recomputes the chain of one round, or of every round, and checks that
    /// the stored cards are what their history says; reports the first break.
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
        let mut out = Verified::default();
        for id in ids {
            let (count, broken) = self.verify_round(&id)?;
            out.rounds.push((id, count));
            if broken.is_some() {
                out.broken = broken;
                break;
            }
        }
        Ok(out)
    }

    fn verify_round(&self, round: &str) -> Result<(u64, Option<Broken>)> {
        let broken = |seq, why: super::AuditFault| Broken {
            round: round.to_string(),
            seq,
            why,
        };
        let mut prev = Head::default();
        let mut entries = Vec::new();
        for kv in self.db.scan_prefix(keys::audits(round)) {
            let (k, v) = kv.map_err(|e| self.read_error(e))?;
            let want = prev.seq + 1;
            let e: Entry = match super::codec::decode(&v) {
                Ok(e) => e,
                Err(_) => return Ok((want, Some(broken(want, super::AuditFault::Unreadable)))),
            };
            if k.as_ref() != keys::audit(round, e.seq).as_slice() || e.seq != want {
                return Ok((
                    want,
                    Some(broken(want, super::AuditFault::Missing { found: e.seq })),
                ));
            }
            if e.prev != prev.hash {
                return Ok((want, Some(broken(want, super::AuditFault::PreviousHash))));
            }
            if e.digest() != e.hash {
                return Ok((want, Some(broken(want, super::AuditFault::Hash))));
            }
            prev = Head {
                seq: e.seq,
                hash: e.hash.clone(),
            };
            entries.push(e);
        }
        let count = prev.seq;
        let head = self.get::<Head>(&keys::head(round))?.unwrap_or_default();
        if head != prev {
            let why = super::AuditFault::Ends {
                count,
                recorded: head.seq,
            };
            return Ok((count, Some(broken(count + 1, why))));
        }
        let mismatch = if round == super::REGISTER {
            self.compare_centres(&entries)?
        } else {
            let cards = self.all_cards(round, None)?;
            super::replay::compare(&entries, &cards)
        };
        Ok((count, mismatch.map(|why| broken(0, why.into()))))
    }
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
