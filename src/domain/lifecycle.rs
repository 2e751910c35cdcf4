//! A recognised centre's years: recognition, the year-1 assessment (pass ≥ 70),
//! the year-2 final acceptance (pass ≥ 75), rectification after a fail, and
//! revocation or withdrawal with a two-year bar (Huangpu work plan, 六 and 七).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::{add_months, add_years};
use super::{Points, Ratio};

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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum State {
    /// Recognised; the year-1 assessment is due a year after recognition.
    Recognised {
        since: NaiveDate,
    },
    Year1Passed {
        on: NaiveDate,
    },
    /// Failed the year's assessment; re-assessed by the deadline.
    Rectifying {
        year: u8,
        failed: NaiveDate,
        deadline: NaiveDate,
    },
    /// Passed final acceptance.
    Completed {
        on: NaiveDate,
    },
    Revoked {
        on: NaiveDate,
        barred_until: NaiveDate,
    },
    Withdrawn {
        on: NaiveDate,
        barred_until: NaiveDate,
    },
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

/// Why an event cannot happen now, as a sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("the centre is {0}; {1}")]
    NotNow(String, String),
    #[error("{what} on {on} is before {since}")]
    TooEarly {
        what: String,
        on: NaiveDate,
        since: NaiveDate,
    },
    #[error("the first event of a centre must be its recognition")]
    NotRecognised,
}

impl State {
    pub fn key(&self) -> &'static str {
        match self {
            State::Recognised { .. } => "recognised",
            State::Year1Passed { .. } => "year1_passed",
            State::Rectifying { .. } => "rectifying",
            State::Completed { .. } => "completed",
            State::Revoked { .. } => "revoked",
            State::Withdrawn { .. } => "withdrawn",
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
        }
    }

    /// Whether the centre still holds its title (and so bars its own re-application).
    pub fn holds_title(&self) -> bool {
        !matches!(self, State::Revoked { .. } | State::Withdrawn { .. })
    }

    /// The next date that matters, with what it is for.
    pub fn next_deadline(&self) -> Option<(NaiveDate, &'static str)> {
        match self {
            State::Recognised { since } => Some((add_years(*since, 1), "第一年度考核")),
            State::Year1Passed { on } => Some((add_years(*on, 1), "第二年度考核（期末验收）")),
            State::Rectifying { deadline, .. } => Some((*deadline, "整改期满复核")),
            State::Revoked { barred_until, .. } | State::Withdrawn { barred_until, .. } => {
                Some((*barred_until, "可重新申报"))
            }
            State::Completed { .. } => None,
        }
    }
}

/// Applies one event to a state, or says why it cannot happen.
pub fn apply(
    state: Option<&State>,
    event: &Event,
    lines: PassLines,
) -> Result<State, LifecycleError> {
    let not_now =
        |s: &State, what: &str| LifecycleError::NotNow(s.key().to_string(), what.to_string());
    let Some(state) = state else {
        return match event {
            Event::Recognised { on } => Ok(State::Recognised { since: *on }),
            _ => Err(LifecycleError::NotRecognised),
        };
    };
    let passes = |year: u8, score: Points| score >= lines.for_year(year);
    match (state, event) {
        (State::Recognised { since }, Event::Assessed { year: 1, score, on }) => {
            early("the year-1 assessment", *on, add_years(*since, 1))?;
            Ok(if passes(1, *score) {
                State::Year1Passed { on: *on }
            } else {
                rectify(1, *on)
            })
        }
        (State::Year1Passed { on: passed }, Event::Assessed { year: 2, score, on }) => {
            early("the year-2 assessment", *on, add_years(*passed, 1))?;
            Ok(if passes(2, *score) {
                State::Completed { on: *on }
            } else {
                rectify(2, *on)
            })
        }
        (State::Rectifying { year, failed, .. }, Event::Reassessed { year: y, score, on })
            if y == year =>
        {
            early("the re-assessment", *on, *failed)?;
            Ok(match (passes(*year, *score), year) {
                (true, 1) => State::Year1Passed { on: *on },
                (true, _) => State::Completed { on: *on },
                (false, _) => State::Revoked {
                    on: *on,
                    barred_until: add_years(*on, 2),
                },
            })
        }
        (s, Event::Withdrawn { on, .. })
            if s.holds_title() && !matches!(s, State::Completed { .. }) =>
        {
            Ok(State::Withdrawn {
                on: *on,
                barred_until: add_years(*on, 2),
            })
        }
        (s @ (State::Revoked { .. } | State::Withdrawn { .. }), _) => Err(not_now(
            s,
            "it no longer holds the title and cannot be assessed or changed",
        )),
        (s @ State::Completed { .. }, _) => Err(not_now(
            s,
            "final acceptance is passed; nothing further is assessed",
        )),
        (s @ State::Rectifying { year, .. }, _) => Err(not_now(
            s,
            &format!("the next step is the re-assessment of year {year}"),
        )),
        (s @ State::Recognised { .. }, _) => {
            Err(not_now(s, "the next step is the year-1 assessment"))
        }
        (s @ State::Year1Passed { .. }, _) => {
            Err(not_now(s, "the next step is the year-2 assessment"))
        }
    }
}

fn rectify(year: u8, on: NaiveDate) -> State {
    State::Rectifying {
        year,
        failed: on,
        deadline: add_months(on, 2),
    }
}

fn early(what: &str, on: NaiveDate, since: NaiveDate) -> Result<(), LifecycleError> {
    if on < since {
        return Err(LifecycleError::TooEarly {
            what: what.to_string(),
            on,
            since,
        });
    }
    Ok(())
}

/// The state after every event, failing at the first that cannot happen.
pub fn replay(
    events: &[Event],
    lines: PassLines,
) -> Result<Option<State>, (usize, LifecycleError)> {
    let mut state = None;
    for (i, e) in events.iter().enumerate() {
        state = Some(apply(state.as_ref(), e, lines).map_err(|err| (i, err))?);
    }
    Ok(state)
}

/// How a programme pays its centres (in 万元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Funding {
    /// Huangpu: a fixed amount for every assessment passed.
    PerPass { amount: Points },
    /// Chongqing: a share on approval and the rest on acceptance.
    Split {
        total: Points,
        on_approval_percent: u32,
    },
}

/// One payment due, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub on: NaiveDate,
    pub amount: Points,
    pub reason: &'static str,
}

/// The payments a centre's history earns under a funding scheme.
pub fn ledger(events: &[Event], lines: PassLines, funding: Funding) -> Vec<Payment> {
    let mut out = Vec::new();
    let mut state: Option<State> = None;
    for e in events {
        let Ok(next) = apply(state.as_ref(), e, lines) else {
            break;
        };
        let passed = |s: &State| matches!(s, State::Year1Passed { .. } | State::Completed { .. });
        let on = match e {
            Event::Recognised { on }
            | Event::Assessed { on, .. }
            | Event::Reassessed { on, .. } => *on,
            Event::Withdrawn { on, .. } => *on,
        };
        match funding {
            Funding::PerPass { amount } if passed(&next) => {
                out.push(Payment {
                    on,
                    amount,
                    reason: "年度考核合格",
                });
            }
            Funding::Split {
                total,
                on_approval_percent,
            } => {
                let first =
                    Ratio::from_points(total) * Ratio::new(on_approval_percent as i128, 100);
                let first = Points::from_hundredths(first.round_hundredths() as i64);
                if matches!(next, State::Recognised { .. }) {
                    out.push(Payment {
                        on,
                        amount: first,
                        reason: "立项拨付",
                    });
                } else if matches!(next, State::Completed { .. }) {
                    out.push(Payment {
                        on,
                        amount: total.saturating_sub(first),
                        reason: "验收通过拨付",
                    });
                }
            }
            _ => {}
        }
        state = Some(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn pts(s: &str) -> Points {
        s.parse().unwrap()
    }

    const L: PassLines = PassLines::HUANGPU;

    #[test]
    fn a_centre_followed_to_acceptance() {
        let events = vec![
            Event::Recognised { on: d(2024, 7, 1) },
            Event::Assessed {
                year: 1,
                score: pts("70"),
                on: d(2025, 7, 10),
            },
            Event::Assessed {
                year: 2,
                score: pts("75"),
                on: d(2026, 7, 15),
            },
        ];
        assert_eq!(
            replay(&events, L).unwrap(),
            Some(State::Completed { on: d(2026, 7, 15) })
        );
        let pay = ledger(
            &events,
            L,
            Funding::PerPass {
                amount: Points::whole(50),
            },
        );
        assert_eq!(
            pay.iter().map(|p| p.amount).sum::<Points>(),
            Points::whole(100)
        );
    }

    #[test]
    fn a_fail_gives_two_months_then_revocation_and_a_two_year_bar() {
        let events = vec![
            Event::Recognised { on: d(2024, 1, 31) },
            Event::Assessed {
                year: 1,
                score: pts("69.99"),
                on: d(2025, 1, 31),
            },
        ];
        let s = replay(&events, L).unwrap().unwrap();
        assert_eq!(
            s,
            State::Rectifying {
                year: 1,
                failed: d(2025, 1, 31),
                deadline: d(2025, 3, 31)
            }
        );
        let mut events = events;
        events.push(Event::Reassessed {
            year: 1,
            score: pts("60"),
            on: d(2025, 3, 20),
        });
        let s = replay(&events, L).unwrap().unwrap();
        assert_eq!(
            s,
            State::Revoked {
                on: d(2025, 3, 20),
                barred_until: d(2027, 3, 20)
            }
        );
        assert!(!s.holds_title());
    }

    #[test]
    fn year_two_needs_75_exactly() {
        let base = vec![
            Event::Recognised { on: d(2024, 7, 1) },
            Event::Assessed {
                year: 1,
                score: pts("80"),
                on: d(2025, 7, 1),
            },
        ];
        let mut fail = base.clone();
        fail.push(Event::Assessed {
            year: 2,
            score: pts("74.99"),
            on: d(2026, 7, 1),
        });
        assert!(matches!(
            replay(&fail, L).unwrap(),
            Some(State::Rectifying { year: 2, .. })
        ));
        let mut pass = base;
        pass.push(Event::Assessed {
            year: 2,
            score: pts("75.00"),
            on: d(2026, 7, 1),
        });
        assert!(matches!(
            replay(&pass, L).unwrap(),
            Some(State::Completed { .. })
        ));
    }

    #[test]
    fn illegal_steps_say_why() {
        let revoked = State::Revoked {
            on: d(2025, 3, 1),
            barred_until: d(2027, 3, 1),
        };
        let e = Event::Assessed {
            year: 1,
            score: pts("90"),
            on: d(2025, 6, 1),
        };
        let err = apply(Some(&revoked), &e, L).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the centre is revoked; it no longer holds the title and cannot be assessed or changed"
        );
        let rec = State::Recognised {
            since: d(2024, 7, 1),
        };
        let year2 = Event::Assessed {
            year: 2,
            score: pts("90"),
            on: d(2025, 7, 1),
        };
        assert!(
            apply(Some(&rec), &year2, L)
                .unwrap_err()
                .to_string()
                .contains("year-1 assessment")
        );
        let early = Event::Assessed {
            year: 1,
            score: pts("90"),
            on: d(2025, 6, 30),
        };
        assert!(matches!(
            apply(Some(&rec), &early, L),
            Err(LifecycleError::TooEarly { .. })
        ));
        assert_eq!(apply(None, &early, L), Err(LifecycleError::NotRecognised));
    }

    #[test]
    fn voluntary_exit_bars_for_two_years_from_a_leap_day() {
        let rec = State::Recognised {
            since: d(2023, 7, 1),
        };
        let e = Event::Withdrawn {
            on: d(2024, 2, 29),
            reason: "经营调整".into(),
        };
        assert_eq!(
            apply(Some(&rec), &e, L),
            Ok(State::Withdrawn {
                on: d(2024, 2, 29),
                barred_until: d(2026, 2, 28)
            })
        );
    }

    #[test]
    fn chongqing_pays_forty_then_sixty_percent() {
        let events = vec![
            Event::Recognised { on: d(2020, 9, 1) },
            Event::Assessed {
                year: 1,
                score: pts("80"),
                on: d(2021, 9, 1),
            },
            Event::Assessed {
                year: 2,
                score: pts("80"),
                on: d(2022, 9, 1),
            },
        ];
        let pay = ledger(
            &events,
            L,
            Funding::Split {
                total: Points::whole(50),
                on_approval_percent: 40,
            },
        );
        let amounts: Vec<Points> = pay.iter().map(|p| p.amount).collect();
        assert_eq!(amounts, vec![Points::whole(20), Points::whole(30)]);
    }
}
