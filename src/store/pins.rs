//! PINs on a shared laptop: whether a round's experts give one here, each
//! expert's PIN hash and wrong tries. Every change is a journal record (so a
//! backup, a restore and a rebuild keep it) and, but for forgetting wrong
//! tries after the right PIN, an audit entry. The PIN itself is never kept.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::audit::{Action, Event, Subject};
use super::{Result, Store, StoreError, keys, pin_hash};
use crate::domain::pin::{Gate, Pin, PinRefusal, Tries};
use crate::domain::scoring::{Reasoned, Refusal, stage_of};

/// Who had a round's experts give PINs on this laptop, and why.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Asked {
    by: String,
    reason: String,
    at: DateTime<Utc>,
}

/// An expert's PIN as kept: its Argon2id PHC string and the wrong tries.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct PinRecord {
    hash: String,
    tries: Tries,
    set: DateTime<Utc>,
}

fn about(expert: &str) -> Subject {
    Subject {
        expert: Some(expert.to_string()),
        ..Subject::default()
    }
}

fn no_reason(what: Reasoned) -> StoreError {
    Refusal::NoReason { what }.into()
}

impl Store {
    /// Whether the round's experts give a PIN on this laptop.
    pub fn pins_asked(&self, round: &str) -> Result<bool> {
        self.round_record(round)?;
        Ok(self.get::<Asked>(&keys::pins_asked(round))?.is_some())
    }

    /// Has every expert of a round give a PIN on this laptop from now on;
    /// false when it was already so.
    pub fn ask_for_pins(&mut self, round: &str, by: &str, reason: &str) -> Result<bool> {
        self.ready()?;
        self.round_record(round)?;
        if reason.trim().is_empty() {
            return Err(no_reason(Reasoned::PinRequire));
        }
        if self.pins_asked(round)? {
            return Ok(false);
        }
        let mut c = self.change(round)?;
        let asked = Asked {
            by: by.to_string(),
            reason: reason.trim().to_string(),
            at: c.at,
        };
        self.put(&mut c, keys::pins_asked(round), &asked)?;
        let ev = Event::new(by, Action::PinRequire, Subject::default())
            .change(None, Some("asked".into()))
            .reason(&asked.reason);
        self.audit(&mut c, ev)?;
        self.apply(c)?;
        Ok(true)
    }

    /// No longer has the round's experts give PINs on this laptop; false
    /// when it did not. The PINs set stay, for when they are asked again.
    pub fn stop_asking_for_pins(&mut self, round: &str, by: &str, reason: &str) -> Result<bool> {
        self.ready()?;
        self.round_record(round)?;
        if reason.trim().is_empty() {
            return Err(no_reason(Reasoned::PinRelease));
        }
        if !self.pins_asked(round)? {
            return Ok(false);
        }
        let mut c = self.change(round)?;
        self.remove(&mut c, keys::pins_asked(round));
        let ev = Event::new(by, Action::PinRelease, Subject::default())
            .change(Some("asked".into()), None)
            .reason(reason.trim());
        self.audit(&mut c, ev)?;
        self.apply(c)?;
        Ok(true)
    }

    fn pin_record(&self, round: &str, expert: &str) -> Result<Option<PinRecord>> {
        self.get(&keys::pin(round, expert))
    }

    /// Whether an expert of the round has set a PIN on this laptop.
    pub fn has_pin(&self, round: &str, expert: &str) -> Result<bool> {
        let r = self.round_record(round)?;
        stage_of(&r.round, expert)?;
        Ok(self.pin_record(round, expert)?.is_some())
    }

    /// What a person must do to act as `expert` in `round` at `now`;
    /// refused while the expert is locked.
    pub fn pin_gate(&self, round: &str, expert: &str, now: DateTime<Utc>) -> Result<Gate> {
        let r = self.round_record(round)?;
        if !self.pins_asked(round)? {
            return Ok(Gate::Open);
        }
        stage_of(&r.round, expert)?;
        match self.pin_record(round, expert)? {
            None => Ok(Gate::FirstUse),
            Some(p) => {
                p.tries.check(expert, now)?;
                Ok(Gate::Ask)
            }
        }
    }

    /// Sets an expert's first PIN (typed twice, checked by the caller).
    pub fn set_pin(
        &mut self,
        round: &str,
        expert: &str,
        pin: &Pin,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.ready()?;
        let r = self.round_record(round)?;
        stage_of(&r.round, expert)?;
        if self.pin_record(round, expert)?.is_some() {
            return Err(PinRefusal::AlreadySet {
                expert: expert.to_string(),
            }
            .into());
        }
        let hash = pin_hash::hash(pin).map_err(|detail| StoreError::Write {
            dir: self.dir.clone(),
            detail: detail.into(),
        })?;
        let mut c = self.change(round)?;
        let record = PinRecord {
            hash,
            tries: Tries::default(),
            set: now,
        };
        self.put(&mut c, keys::pin(round, expert), &record)?;
        let ev = Event::new(expert, Action::PinSet, about(expert)).change(None, Some("set".into()));
        self.audit(&mut c, ev)?;
        self.apply(c)?;
        Ok(())
    }

    /// Lets a person act as `expert` when the round asks for no PIN, or with
    /// the expert's PIN. A wrong PIN is counted and audited (the fifth in a
    /// row locks the expert for a minute); nothing else is written.
    pub fn check_pin(
        &mut self,
        round: &str,
        expert: &str,
        pin: Option<&Pin>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let refuse = |r: PinRefusal| Err(StoreError::from(r));
        match self.pin_gate(round, expert, now)? {
            Gate::Open => return Ok(()),
            Gate::FirstUse => {
                return refuse(PinRefusal::NotSet {
                    expert: expert.to_string(),
                });
            }
            Gate::Ask => {}
        }
        let Some(pin) = pin else {
            return refuse(PinRefusal::Needed {
                expert: expert.to_string(),
            });
        };
        self.ready()?;
        let Some(mut record) = self.pin_record(round, expert)? else {
            return refuse(PinRefusal::NotSet {
                expert: expert.to_string(),
            });
        };
        let key = keys::pin(round, expert);
        if pin_hash::matches(pin, &record.hash) {
            if !record.tries.is_clear() {
                // The wrong tries before the right PIN are forgotten; they stay audited.
                record.tries = Tries::default();
                let mut c = self.change(round)?;
                self.put(&mut c, key, &record)?;
                self.apply(c)?;
            }
            return Ok(());
        }
        let before = record.tries;
        record.tries = before.wrong(now);
        let mut c = self.change(round)?;
        self.put(&mut c, key, &record)?;
        let counted = match record.tries.locked_until {
            Some(_) => crate::domain::pin::TRIES,
            None => record.tries.wrong,
        };
        let ev = Event::new(expert, Action::PinWrong, about(expert)).change(
            None,
            Some(format!("{counted}/{}", crate::domain::pin::TRIES)),
        );
        self.audit(&mut c, ev)?;
        if let Some(until) = record.tries.locked_until {
            let ev = Event::new(expert, Action::PinLock, about(expert))
                .change(None, Some(until.to_rfc3339()));
            self.audit(&mut c, ev)?;
        }
        self.apply(c)?;
        refuse(record.tries.refusal(expert))
    }

    /// The secretary forgets an expert's PIN, with a reason; the expert sets
    /// a new one at next use.
    pub fn reset_pin(&mut self, round: &str, expert: &str, by: &str, reason: &str) -> Result<()> {
        self.ready()?;
        let r = self.round_record(round)?;
        stage_of(&r.round, expert)?;
        if reason.trim().is_empty() {
            return Err(no_reason(Reasoned::PinReset));
        }
        if self.pin_record(round, expert)?.is_none() {
            return Err(PinRefusal::NothingToReset {
                expert: expert.to_string(),
            }
            .into());
        }
        let mut c = self.change(round)?;
        self.remove(&mut c, keys::pin(round, expert));
        let ev = Event::new(by, Action::PinReset, about(expert))
            .change(Some("set".into()), None)
            .reason(reason.trim());
        self.audit(&mut c, ev)?;
        self.apply(c)?;
        Ok(())
    }
}
