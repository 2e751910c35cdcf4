//! A recognised centre's years: recognition, the year-1 assessment (pass ≥ 70),
//! the year-2 final acceptance (pass ≥ 75), rectification after a fail, and
//! revocation or withdrawal with a two-year bar (Huangpu work plan, 六 and 七);
//! the publicity of each result and the objections to it (五(四), 六(三)); and
//! what each scheme pays ([`funding`]).

mod funding;
mod publicity;
#[cfg(test)]
mod publicity_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod transition_tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Points;
use super::calendar::{add_months, add_years};

pub use funding::{Funding, Grant, Payment, PaymentStatus, ledger, payments};
pub use publicity::{History, Notice, Notified, Objection, Period, Ruling};

/// What happened to a centre, in order; the state is derived from these.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    Recognised {
        on: NaiveDate,
    },
    /// An annual assessment (year 1 or 2) with the panel's score in hundredths.
    Assessed {
        year: u8,
        score: Points,
        on: NaiveDate,
    },
    /// The re-assessment after rectification.
    Reassessed {
        year: u8,
        score: Points,
        on: NaiveDate,
    },
    Withdrawn {
        on: NaiveDate,
        reason: String,
    },
    /// The latest result (the recognition, or an assessment passed) published
    /// (公示) from `from` through `until`, the fifth working day.
    Published {
        from: NaiveDate,
        until: NaiveDate,
    },
    /// An objection lodged during the publicity period.
    Objected {
        on: NaiveDate,
        reason: String,
    },
    /// The finding on objection `number` (numbered 1, 2, … per centre): upheld
    /// withdraws the result, dismissed lets it stand.
    Ruled {
        number: u32,
        on: NaiveDate,
        upheld: bool,
        reason: String,
    },
}

impl Event {
    /// The same event on another day (a publicity period moved whole).
    pub fn on_day(&self, day: NaiveDate) -> Event {
        let mut e = self.clone();
        match &mut e {
            Event::Recognised { on }
            | Event::Assessed { on, .. }
            | Event::Reassessed { on, .. }
            | Event::Withdrawn { on, .. }
            | Event::Objected { on, .. }
            | Event::Ruled { on, .. } => *on = day,
            Event::Published { from, until } => {
                *until += day - *from;
                *from = day;
            }
        }
        e
    }

    /// The day the event happened (a publicity's first day).
    pub fn date(&self) -> NaiveDate {
        match self {
            Event::Recognised { on }
            | Event::Assessed { on, .. }
            | Event::Reassessed { on, .. }
            | Event::Withdrawn { on, .. }
            | Event::Objected { on, .. }
            | Event::Ruled { on, .. } => *on,
            Event::Published { from, .. } => *from,
        }
    }

    /// A stable word for the event, for logs and JSON.
    pub fn key(&self) -> &'static str {
        match self {
            Event::Recognised { .. } => "recognised",
            Event::Assessed { .. } => "assessed",
            Event::Reassessed { .. } => "reassessed",
            Event::Withdrawn { .. } => "withdrawn",
            Event::Published { .. } => "published",
            Event::Objected { .. } => "objected",
            Event::Ruled { .. } => "ruled",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum State {
    /// Recognised; the year-1 assessment is due a year after recognition.
    Recognised { since: NaiveDate },
    /// Passed year 1; final acceptance is due two years after recognition (`since`).
    Year1Passed { on: NaiveDate, since: NaiveDate },
    /// Failed the year's assessment; re-assessed by the deadline.
    Rectifying {
        year: u8,
        failed: NaiveDate,
        deadline: NaiveDate,
    },
    /// Passed final acceptance.
    Completed { on: NaiveDate },
    Revoked {
        on: NaiveDate,
        barred_until: NaiveDate,
    },
    Withdrawn {
        on: NaiveDate,
        barred_until: NaiveDate,
    },
    /// An objection to the recognition was upheld (不予认定): never recognised, no bar.
    Annulled { on: NaiveDate },
}

/// The pass lines of the annual sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassLines {
    pub year1: Points,
    pub year2: Points,
}

impl PassLines {
    pub const HUANGPU: PassLines = PassLines {
        year1: Points::whole(70),
        year2: Points::whole(75),
    };

    pub fn for_year(self, year: u8) -> Points {
        if year == 1 { self.year1 } else { self.year2 }
    }
}

/// Why an event cannot happen now; `Display` is the English of its `Say`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LifecycleError {
    /// The centre's state does not allow the event.
    NotNow(State, NotNow),
    TooEarly {
        what: Step,
        on: NaiveDate,
        since: NaiveDate,
    },
    NotRecognised,
    Barred {
        until: NaiveDate,
    },
    NothingToPublish(Unpublished),
    AlreadyPublished {
        what: publicity::Notified,
        from: NaiveDate,
        until: NaiveDate,
    },
    OutsidePeriod {
        on: NaiveDate,
        what: publicity::Notified,
        from: NaiveDate,
        until: NaiveDate,
    },
    /// `open` lists the objections that await a ruling.
    NoSuchObjection {
        number: u32,
        open: Vec<u32>,
    },
    AlreadyRuled {
        number: u32,
        on: NaiveDate,
        upheld: bool,
    },
    NoReason(Reasoned),
}

/// Why the state does not allow an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotNow {
    /// It holds the title, so it may not be recognised again.
    RecognisedAgain,
    /// It no longer holds the title.
    NoTitle,
    /// Another step comes next.
    OtherStep,
    /// It no longer holds the title, so nothing of it is published.
    NotPublished,
}

/// An event that may not come before another date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Year1,
    Year2,
    Reassessment,
    Withdrawal,
    Recognition,
    Publicity(publicity::Notified),
    PublicityEnd,
    Ruling(u32),
}

/// Why there is nothing to publish, or to object to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unpublished {
    /// The latest result is a failed assessment of this year.
    Failed(u8),
    /// No result is being published.
    NoPeriod,
}

/// An event recorded only with a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reasoned {
    Withdrawal,
    Objection,
    Ruling,
}

impl std::fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::Say::en(self))
    }
}

impl std::error::Error for LifecycleError {}

/// What comes next for a centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Milestone {
    Year1Assessment,
    Year2Assessment,
    Reassessment,
    MayReapply,
}

impl Milestone {
    pub fn zh(self) -> &'static str {
        match self {
            Milestone::Year1Assessment => "第一年度考核",
            Milestone::Year2Assessment => "第二年度考核（期末验收）",
            Milestone::Reassessment => "整改期满复核",
            Milestone::MayReapply => "可重新申报",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Milestone::Year1Assessment => "year-1 assessment",
            Milestone::Year2Assessment => "year-2 assessment (final acceptance)",
            Milestone::Reassessment => "re-assessment after rectification",
            Milestone::MayReapply => "may apply again",
        }
    }
}

impl State {
    pub const KEYS: [&'static str; 7] = [
        "recognised",
        "year1_passed",
        "rectifying",
        "completed",
        "revoked",
        "withdrawn",
        "annulled",
    ];

    pub fn key(&self) -> &'static str {
        match self {
            State::Recognised { .. } => "recognised",
            State::Year1Passed { .. } => "year1_passed",
            State::Rectifying { .. } => "rectifying",
            State::Completed { .. } => "completed",
            State::Revoked { .. } => "revoked",
            State::Withdrawn { .. } => "withdrawn",
            State::Annulled { .. } => "annulled",
        }
    }

    pub fn zh(&self) -> &'static str {
        match self {
            State::Recognised { .. } => "建设中（待第一年度考核）",
            State::Year1Passed { .. } => "第一年度考核合格（待期末验收）",
            State::Rectifying { .. } => "整改中",
            State::Completed { .. } => "期末验收合格",
            State::Revoked { .. } => "已取消称号",
            State::Withdrawn { .. } => "已退出",
            State::Annulled { .. } => "异议成立，不予认定",
        }
    }

    pub fn en(&self) -> &'static str {
        match self {
            State::Recognised { .. } => "recognised (year-1 assessment due)",
            State::Year1Passed { .. } => "year 1 passed (final acceptance due)",
            State::Rectifying { .. } => "rectifying",
            State::Completed { .. } => "final acceptance passed",
            State::Revoked { .. } => "title revoked",
            State::Withdrawn { .. } => "withdrawn",
            State::Annulled { .. } => "recognition withdrawn on objection",
        }
    }

    /// Whether the centre still holds its title (and so bars its own re-application).
    pub fn holds_title(&self) -> bool {
        !matches!(
            self,
            State::Revoked { .. } | State::Withdrawn { .. } | State::Annulled { .. }
        )
    }

    /// The day the centre entered this state.
    pub fn since(&self) -> NaiveDate {
        match self {
            State::Recognised { since } => *since,
            State::Rectifying { failed, .. } => *failed,
            State::Year1Passed { on, .. }
            | State::Completed { on }
            | State::Revoked { on, .. }
            | State::Withdrawn { on, .. }
            | State::Annulled { on } => *on,
        }
    }

    /// The end of a bar on applying again, for revoked and withdrawn centres.
    pub fn barred_until(&self) -> Option<NaiveDate> {
        match self {
            State::Revoked { barred_until, .. } | State::Withdrawn { barred_until, .. } => {
                Some(*barred_until)
            }
            _ => None,
        }
    }

    /// The next date that matters, with what it is for.
    pub fn next_deadline(&self) -> Option<(NaiveDate, Milestone)> {
        match self {
            State::Recognised { since } => Some((add_years(*since, 1), Milestone::Year1Assessment)),
            State::Year1Passed { since, .. } => {
                Some((add_years(*since, 2), Milestone::Year2Assessment))
            }
            State::Rectifying { deadline, .. } => Some((*deadline, Milestone::Reassessment)),
            State::Revoked { barred_until, .. } | State::Withdrawn { barred_until, .. } => {
                Some((*barred_until, Milestone::MayReapply))
            }
            State::Completed { .. } | State::Annulled { .. } => None,
        }
    }

    /// The annual assessment due next, if one is.
    pub fn year_due(&self) -> Option<u8> {
        match self {
            State::Recognised { .. } => Some(1),
            State::Year1Passed { .. } => Some(2),
            _ => None,
        }
    }
}

/// Applies one title event (recognition, assessment, re-assessment,
/// withdrawal) to a state, or says why it cannot happen. Publicity events
/// leave the state as it is here; [`History`] is where they count.
pub fn apply(
    state: Option<&State>,
    event: &Event,
    lines: PassLines,
) -> Result<State, LifecycleError> {
    step(state, event, lines, None)
}

/// [`apply`], knowing when the current term's recognition was (so that a
/// year-1 pass on re-assessment keeps year 2 due two years after it).
pub(crate) fn step(
    state: Option<&State>,
    event: &Event,
    lines: PassLines,
    recognised: Option<NaiveDate>,
) -> Result<State, LifecycleError> {
    let not_now = |s: &State, why: NotNow| LifecycleError::NotNow(s.clone(), why);
    let Some(state) = state else {
        return match event {
            Event::Recognised { on } => Ok(State::Recognised { since: *on }),
            _ => Err(LifecycleError::NotRecognised),
        };
    };
    let passes = |year: u8, score: Points| score >= lines.for_year(year);
    match (state, event) {
        (_, Event::Published { .. } | Event::Objected { .. } | Event::Ruled { .. }) => {
            Ok(state.clone())
        }
        (State::Recognised { since }, Event::Assessed { year: 1, score, on }) => {
            early(Step::Year1, *on, add_years(*since, 1))?;
            Ok(if passes(1, *score) {
                State::Year1Passed {
                    on: *on,
                    since: *since,
                }
            } else {
                rectify(1, *on)
            })
        }
        (State::Year1Passed { since, on: passed }, Event::Assessed { year: 2, score, on }) => {
            early(Step::Year2, *on, add_years(*since, 2).max(*passed))?;
            Ok(if passes(2, *score) {
                State::Completed { on: *on }
            } else {
                rectify(2, *on)
            })
        }
        (State::Rectifying { year, failed, .. }, Event::Reassessed { year: y, score, on })
            if y == year =>
        {
            early(Step::Reassessment, *on, *failed)?;
            Ok(match (passes(*year, *score), year) {
                (true, 1) => State::Year1Passed {
                    on: *on,
                    since: recognised.unwrap_or_else(|| years_before(*failed, 1)),
                },
                (true, _) => State::Completed { on: *on },
                (false, _) => State::Revoked {
                    on: *on,
                    barred_until: add_years(*on, 2),
                },
            })
        }
        (s, Event::Withdrawn { on, reason })
            if s.holds_title() && !matches!(s, State::Completed { .. }) =>
        {
            if reason.trim().is_empty() {
                return Err(LifecycleError::NoReason(Reasoned::Withdrawal));
            }
            early(Step::Withdrawal, *on, s.since())?;
            Ok(State::Withdrawn {
                on: *on,
                barred_until: add_years(*on, 2),
            })
        }
        (s, Event::Recognised { on }) if !s.holds_title() => {
            if let Some(until) = s.barred_until().filter(|u| on < u) {
                return Err(LifecycleError::Barred { until });
            }
            early(Step::Recognition, *on, s.since())?;
            Ok(State::Recognised { since: *on })
        }
        (s, Event::Recognised { .. }) => Err(not_now(s, NotNow::RecognisedAgain)),
        (s @ (State::Revoked { .. } | State::Withdrawn { .. } | State::Annulled { .. }), _) => {
            Err(not_now(s, NotNow::NoTitle))
        }
        (s, _) => Err(not_now(s, NotNow::OtherStep)),
    }
}

/// A year-1 failure comes a year after recognition at the earliest: the best
/// guess at the recognition when only the failure's date is at hand.
fn years_before(d: NaiveDate, years: u32) -> NaiveDate {
    d.checked_sub_months(chrono::Months::new(years * 12))
        .unwrap_or(NaiveDate::MIN)
}

fn rectify(year: u8, on: NaiveDate) -> State {
    State::Rectifying {
        year,
        failed: on,
        deadline: add_months(on, 2),
    }
}

fn early(what: Step, on: NaiveDate, since: NaiveDate) -> Result<(), LifecycleError> {
    if on < since {
        return Err(LifecycleError::TooEarly { what, on, since });
    }
    Ok(())
}

/// The state after every event, failing at the first that cannot happen.
pub fn replay(
    events: &[Event],
    lines: PassLines,
) -> Result<Option<State>, (usize, LifecycleError)> {
    History::replay(events, lines).map(|h| h.state)
}
