//! A centre's whole history: its title's state and every result open to
//! publicity (公示) — the recognition and each assessment passed — with the
//! publicity period and the objections lodged and ruled (Huangpu 五(四), 六(三)).

use chrono::NaiveDate;

use super::{Event, LifecycleError, NotNow, PassLines, Reasoned, State, Step, Unpublished, step};

/// What a notice publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notified {
    Recognition,
    /// An annual assessment passed (year 2 is final acceptance).
    Pass {
        year: u8,
    },
}

impl Notified {
    pub fn zh(self) -> &'static str {
        match self {
            Notified::Recognition => "认定结果",
            Notified::Pass { year: 1 } => "第一年度考核合格",
            Notified::Pass { .. } => "第二年度考核（期末验收）合格",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Notified::Recognition => "recognition",
            Notified::Pass { year: 1 } => "year-1 pass",
            Notified::Pass { .. } => "year-2 pass (final acceptance)",
        }
    }
}

/// The days a result is published: `from` through `until`, the fifth working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ruling {
    pub on: NaiveDate,
    pub upheld: bool,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Objection {
    /// 1, 2, … in the order lodged, across the centre's history.
    pub number: u32,
    pub lodged: NaiveDate,
    pub reason: String,
    pub ruling: Option<Ruling>,
}

/// A result open to publicity, with its period and objections once they exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub what: Notified,
    /// The day of the result.
    pub on: NaiveDate,
    pub period: Option<Period>,
    pub objections: Vec<Objection>,
}

impl Notice {
    /// Withdrawn by an upheld objection.
    pub fn withdrawn(&self) -> bool {
        self.objections
            .iter()
            .any(|o| o.ruling.as_ref().is_some_and(|r| r.upheld))
    }

    /// Objections still under investigation.
    pub fn open(&self) -> impl Iterator<Item = &Objection> {
        self.objections.iter().filter(|o| o.ruling.is_none())
    }
}

/// The state and the notices after a sequence of events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub state: Option<State>,
    pub notices: Vec<Notice>,
    /// The current term's recognition.
    recognised: Option<NaiveDate>,
}

impl History {
    /// Every event applied in order, failing at the first that cannot happen.
    pub fn replay(events: &[Event], lines: PassLines) -> Result<History, (usize, LifecycleError)> {
        let mut h = History::default();
        for (i, e) in events.iter().enumerate() {
            h.apply(e, lines).map_err(|err| (i, err))?;
        }
        Ok(h)
    }

    /// The history up to the first event that cannot happen.
    pub fn lenient(events: &[Event], lines: PassLines) -> History {
        let mut h = History::default();
        for e in events {
            if h.apply(e, lines).is_err() {
                break;
            }
        }
        h
    }

    /// Applies one event; on an error the history is unchanged.
    pub fn apply(&mut self, e: &Event, lines: PassLines) -> Result<(), LifecycleError> {
        match e {
            Event::Published { from, until } => self.publish(*from, *until),
            Event::Objected { on, reason } => self.object(*on, reason),
            Event::Ruled {
                number,
                on,
                upheld,
                reason,
            } => self.rule(*number, *on, *upheld, reason),
            _ => {
                let next = step(self.state.as_ref(), e, lines, self.recognised)?;
                let notice = match (&next, e) {
                    (State::Recognised { since }, _) => {
                        self.recognised = Some(*since);
                        Some(Notified::Recognition)
                    }
                    (State::Year1Passed { .. }, _) => Some(Notified::Pass { year: 1 }),
                    (State::Completed { .. }, _) => Some(Notified::Pass { year: 2 }),
                    _ => None,
                };
                if let Some(what) = notice {
                    self.notices.push(Notice {
                        what,
                        on: e.date(),
                        period: None,
                        objections: Vec::new(),
                    });
                }
                self.state = Some(next);
                Ok(())
            }
        }
    }

    /// The notice the next publicity is for: the latest result, when it is a
    /// recognition or a pass of a centre that holds its title.
    fn publishable(&mut self) -> Result<&mut Notice, LifecycleError> {
        let state = self.state.as_ref().ok_or(LifecycleError::NotRecognised)?;
        if !state.holds_title() {
            return Err(LifecycleError::NotNow(state.clone(), NotNow::NotPublished));
        }
        if let State::Rectifying { year, .. } = state {
            return Err(LifecycleError::NothingToPublish(Unpublished::Failed(*year)));
        }
        self.notices.last_mut().ok_or(LifecycleError::NotRecognised)
    }

    fn publish(&mut self, from: NaiveDate, until: NaiveDate) -> Result<(), LifecycleError> {
        let n = self.publishable()?;
        if let Some(p) = n.period {
            return Err(LifecycleError::AlreadyPublished {
                what: n.what,
                from: p.from,
                until: p.until,
            });
        }
        if from < n.on {
            return Err(LifecycleError::TooEarly {
                what: Step::Publicity(n.what),
                on: from,
                since: n.on,
            });
        }
        if until < from {
            return Err(LifecycleError::TooEarly {
                what: Step::PublicityEnd,
                on: until,
                since: from,
            });
        }
        n.period = Some(Period { from, until });
        Ok(())
    }

    fn object(&mut self, on: NaiveDate, reason: &str) -> Result<(), LifecycleError> {
        if reason.trim().is_empty() {
            return Err(LifecycleError::NoReason(Reasoned::Objection));
        }
        let number = self.objections().count() as u32 + 1;
        let Some((n, p)) = self
            .notices
            .last_mut()
            .and_then(|n| n.period.map(|p| (n, p)))
        else {
            return Err(LifecycleError::NothingToPublish(Unpublished::NoPeriod));
        };
        if on < p.from || on > p.until {
            return Err(LifecycleError::OutsidePeriod {
                on,
                what: n.what,
                from: p.from,
                until: p.until,
            });
        }
        n.objections.push(Objection {
            number,
            lodged: on,
            reason: reason.trim().to_string(),
            ruling: None,
        });
        Ok(())
    }

    fn rule(
        &mut self,
        number: u32,
        on: NaiveDate,
        upheld: bool,
        reason: &str,
    ) -> Result<(), LifecycleError> {
        if reason.trim().is_empty() {
            return Err(LifecycleError::NoReason(Reasoned::Ruling));
        }
        let open: Vec<u32> = self
            .objections()
            .filter(|o| o.ruling.is_none())
            .map(|o| o.number)
            .collect();
        let last_recognition = self
            .notices
            .iter()
            .rposition(|n| n.what == Notified::Recognition);
        let found = self.notices.iter_mut().enumerate().find_map(|(k, n)| {
            let what = n.what;
            n.objections
                .iter_mut()
                .find(|o| o.number == number)
                .map(|o| (k, what, o))
        });
        let Some((k, what, o)) = found else {
            return Err(LifecycleError::NoSuchObjection { number, open });
        };
        if let Some(r) = &o.ruling {
            return Err(LifecycleError::AlreadyRuled {
                number,
                on: r.on,
                upheld: r.upheld,
            });
        }
        if on < o.lodged {
            return Err(LifecycleError::TooEarly {
                what: Step::Ruling(number),
                on,
                since: o.lodged,
            });
        }
        o.ruling = Some(Ruling {
            on,
            upheld,
            reason: reason.trim().to_string(),
        });
        let this_term = Some(k) == last_recognition && what == Notified::Recognition;
        if upheld && this_term && self.state.as_ref().is_some_and(State::holds_title) {
            self.state = Some(State::Annulled { on });
        }
        Ok(())
    }

    /// Every objection, in the order lodged.
    pub fn objections(&self) -> impl Iterator<Item = &Objection> {
        self.notices.iter().flat_map(|n| &n.objections)
    }

    /// The notice an objection belongs to.
    pub fn notice_of(&self, number: u32) -> Option<&Notice> {
        self.notices
            .iter()
            .find(|n| n.objections.iter().any(|o| o.number == number))
    }
}
