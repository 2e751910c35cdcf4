//! The register of centres: one value per credit code holding the centre's
//! name, scheme and events. Every change is checked against the centre's
//! history by the domain first, then written in one batch with one audit
//! entry per event on the register's own chain.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::audit::{Action, Entry, Event, Subject};
use super::{CentreFault, Result, Store, StoreError, keys};
use crate::domain::lifecycle::Event as Happened;
use crate::domain::register::{Centre, Change, Correction, Record, Scheme, Uncorrectable};
use crate::domain::replay::{ReplayFault, Told};

/// The audit chain of the register; `@` keeps it apart from every round id.
pub const REGISTER: &str = "@centres";

/// A centre entering the register, or recognised again once its bar is over.
#[derive(Clone, Debug, PartialEq)]
pub struct Enrolment {
    pub code: String,
    pub name: String,
    pub scheme: Scheme,
    /// The recognition.
    pub record: Record,
}

/// What an audit entry of the register carries as its new value, so that the
/// log alone rebuilds every centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Logged {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scheme: Option<Scheme>,
    /// A new event; absent for a correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    record: Option<Record>,
    /// A correction of event `number` (counted from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    corrected: Option<Corrected>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Corrected {
    number: usize,
    correction: Correction,
}

impl Logged {
    fn action(&self) -> Action {
        match (&self.record, &self.corrected) {
            (_, Some(c)) if c.correction.change == Change::Void => Action::Void,
            (_, Some(_)) => Action::Amend,
            (Some(r), None) => action(&r.event),
            (None, None) => Action::Amend,
        }
    }

    fn reason(&self) -> Option<&str> {
        match (&self.record, &self.corrected) {
            (_, Some(c)) => Some(&c.correction.reason),
            (Some(r), None) => reason(&r.event),
            (None, None) => None,
        }
    }
}

fn action(e: &Happened) -> Action {
    match e {
        Happened::Recognised { .. } => Action::Recognise,
        Happened::Assessed { .. } => Action::Assess,
        Happened::Reassessed { .. } => Action::Reassess,
        Happened::Withdrawn { .. } => Action::Withdraw,
        Happened::Published { .. } => Action::Publish,
        Happened::Objected { .. } => Action::Object,
        Happened::Ruled { .. } => Action::Rule,
    }
}

fn reason(e: &Happened) -> Option<&str> {
    match e {
        Happened::Withdrawn { reason, .. }
        | Happened::Objected { reason, .. }
        | Happened::Ruled { reason, .. } => Some(reason),
        _ => None,
    }
}

impl Store {
    /// Every centre in the register, by credit code.
    pub fn centres(&self) -> Result<Vec<Centre>> {
        self.scan(&keys::centres())
    }

    /// One centre, or a sentence naming the codes the register holds.
    pub fn centre(&self, code: &str) -> Result<Centre> {
        match self.get::<Centre>(&keys::centre(code))? {
            Some(c) => Ok(c),
            None => Err(self.no_such_centre(code)?),
        }
    }

    fn no_such_centre(&self, code: &str) -> Result<StoreError> {
        let known: Vec<String> = self.centres()?.into_iter().map(|c| c.credit_code).collect();
        Ok(StoreError::NoSuchCentre {
            code: code.to_string(),
            known,
        })
    }

    /// Enters centres in the register in one write, or none of them: a centre
    /// already there is recognised again only when its history allows it.
    pub fn enrol(&mut self, new: &[Enrolment], by: &str) -> Result<Vec<Centre>> {
        self.ready()?;
        let mut seen = BTreeSet::new();
        let mut changes = Vec::new();
        for e in new {
            if !seen.insert(e.code.as_str()) {
                return Err(StoreError::Centre {
                    code: e.code.clone(),
                    why: CentreFault::Twice,
                });
            }
            let mut centre = match self.get::<Centre>(&keys::centre(&e.code))? {
                Some(c) if c.scheme != e.scheme => {
                    return Err(StoreError::Centre {
                        code: e.code.clone(),
                        why: CentreFault::OtherScheme {
                            registered: c.scheme,
                            given: e.scheme,
                        },
                    });
                }
                Some(c) => c,
                None => Centre {
                    credit_code: e.code.clone(),
                    name: e.name.clone(),
                    scheme: e.scheme,
                    records: Vec::new(),
                },
            };
            let old = centre.state().map(|s| s.key().to_string());
            centre
                .record(e.record.clone())
                .map_err(|err| lifecycle(&e.code, err))?;
            centre.name = e.name.clone();
            let logged = Logged {
                name: Some(e.name.clone()),
                scheme: Some(e.scheme),
                record: Some(e.record.clone()),
                corrected: None,
            };
            changes.push((centre, old, logged));
        }
        self.write_centres(changes, by)
    }

    /// Records events of centres already in the register, in one write or not
    /// at all; each is checked against its centre's history (and the events
    /// before it in the same call).
    pub fn record_centres(&mut self, events: &[(String, Record)], by: &str) -> Result<Vec<Centre>> {
        self.ready()?;
        let mut working: BTreeMap<String, Centre> = BTreeMap::new();
        let mut changes = Vec::new();
        for (code, record) in events {
            if !working.contains_key(code) {
                let c = self.centre(code)?;
                working.insert(code.clone(), c);
            }
            let Some(centre) = working.get_mut(code) else {
                continue;
            };
            let old = centre.state().map(|s| s.key().to_string());
            centre
                .record(record.clone())
                .map_err(|err| lifecycle(code, err))?;
            let logged = Logged {
                name: None,
                scheme: None,
                record: Some(record.clone()),
                corrected: None,
            };
            changes.push((centre.clone(), old, logged));
        }
        self.write_centres(changes, by)
    }

    /// Corrects event `number` of a centre (counted from 1): the event as
    /// entered stays, the correction is logged with its reason, and the whole
    /// corrected history must still replay. The inner error is the domain's
    /// refusal, with nothing written.
    pub fn correct_centre(
        &mut self,
        code: &str,
        number: usize,
        correction: Correction,
        by: &str,
    ) -> Result<std::result::Result<Centre, Uncorrectable>> {
        self.ready()?;
        let mut centre = self.centre(code)?;
        let old = centre.state().map(|s| s.key().to_string());
        if let Err(why) = centre.correct(number, correction.clone()) {
            return Ok(Err(why));
        }
        let logged = Logged {
            name: None,
            scheme: None,
            record: None,
            corrected: Some(Corrected { number, correction }),
        };
        let mut done = self.write_centres(vec![(centre, old, logged)], by)?;
        match done.pop() {
            Some(c) => Ok(Ok(c)),
            None => Err(self.no_such_centre(code)?),
        }
    }

    fn write_centres(
        &mut self,
        changes: Vec<(Centre, Option<String>, Logged)>,
        by: &str,
    ) -> Result<Vec<Centre>> {
        let mut c = self.change(REGISTER)?;
        let mut last: BTreeMap<String, Centre> = BTreeMap::new();
        for (centre, old, logged) in changes {
            let subject = Subject {
                centre: Some(centre.credit_code.clone()),
                ..Subject::default()
            };
            let new = serde_json::to_string(&logged).map_err(|e| StoreError::Write {
                dir: self.dir.clone(),
                detail: e.to_string().into(),
            })?;
            let mut entry = Event::new(by, logged.action(), subject).change(old, Some(new));
            if let Some(r) = logged.reason() {
                entry = entry.reason(r);
            }
            self.audit(&mut c, entry)?;
            last.insert(centre.credit_code.clone(), centre);
        }
        for centre in last.values() {
            self.put(&mut c, keys::centre(&centre.credit_code), centre)?;
        }
        self.apply(c)?;
        Ok(last.into_values().collect())
    }

    /// The first difference between the register and what its audit log says.
    pub(super) fn compare_centres(&self, entries: &[Entry]) -> Result<Option<ReplayFault>> {
        let told = |code: &str| Told::Centre {
            code: code.to_string(),
        };
        let mut rebuilt: BTreeMap<String, Centre> = BTreeMap::new();
        for e in entries {
            let Some(code) = &e.subject.centre else {
                continue;
            };
            let Some(logged) = e
                .new
                .as_deref()
                .and_then(|t| serde_json::from_str::<Logged>(t).ok())
            else {
                return Ok(Some(ReplayFault::NoEvent { seq: e.seq }));
            };
            let c = rebuilt.entry(code.clone()).or_insert_with(|| Centre {
                credit_code: code.clone(),
                name: String::new(),
                scheme: logged.scheme.unwrap_or(Scheme::Huangpu),
                records: Vec::new(),
            });
            if let Some(n) = logged.name {
                c.name = n;
            }
            if let Some(s) = logged.scheme {
                c.scheme = s;
            }
            if let Some(r) = logged.record {
                c.records.push(r);
            }
            if let Some(k) = logged.corrected
                && let Some(r) = k.number.checked_sub(1).and_then(|i| c.records.get_mut(i))
            {
                r.corrections.push(k.correction);
            }
        }
        let stored: BTreeMap<String, Centre> = self
            .centres()?
            .into_iter()
            .map(|c| (c.credit_code.clone(), c))
            .collect();
        for (code, c) in &stored {
            match rebuilt.get(code) {
                None => return Ok(Some(ReplayFault::NoHistory { told: told(code) })),
                Some(r) if r != c => return Ok(Some(ReplayFault::Records { told: told(code) })),
                Some(_) => {}
            }
        }
        Ok(rebuilt
            .keys()
            .find(|k| !stored.contains_key(*k))
            .map(|k| ReplayFault::NotStored { told: told(k) }))
    }
}

fn lifecycle(code: &str, err: crate::domain::lifecycle::LifecycleError) -> StoreError {
    StoreError::Centre {
        code: code.to_string(),
        why: CentreFault::Lifecycle(err),
    }
}
