//! The lifecycle's first tests: acceptance, rectification, revocation, exit and both funding schemes.

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
