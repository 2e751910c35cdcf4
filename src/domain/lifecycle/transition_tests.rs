//! Every transition of a centre's title, the illegal ones with their sentence,
//! and the date edges: month ends, leap days, due dates.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn pts(s: &str) -> Points {
    s.parse().unwrap()
}

const L: PassLines = PassLines::HUANGPU;

fn rec(on: NaiveDate) -> Event {
    Event::Recognised { on }
}

fn assess(year: u8, score: &str, on: NaiveDate) -> Event {
    Event::Assessed {
        year,
        score: pts(score),
        on,
    }
}

fn reassess(year: u8, score: &str, on: NaiveDate) -> Event {
    Event::Reassessed {
        year,
        score: pts(score),
        on,
    }
}

fn withdraw(on: NaiveDate) -> Event {
    Event::Withdrawn {
        on,
        reason: "经营调整".into(),
    }
}

fn state(events: &[Event]) -> State {
    History::replay(events, L).unwrap().state.unwrap()
}

fn refusal(events: &[Event], next: Event) -> String {
    let mut h = History::replay(events, L).unwrap();
    let before = h.clone();
    let err = h.apply(&next, L).unwrap_err().to_string();
    assert_eq!(h, before, "a refused event changes nothing");
    err
}

/// Recognised 2024-07-01; every path through the two years.
fn base() -> Vec<Event> {
    vec![rec(d(2024, 7, 1))]
}

#[test]
fn every_legal_transition() {
    let r = d(2024, 7, 1);
    assert_eq!(state(&base()), State::Recognised { since: r });
    let y1 = [base(), vec![assess(1, "70", d(2025, 7, 1))]].concat();
    assert_eq!(
        state(&y1),
        State::Year1Passed {
            on: d(2025, 7, 1),
            since: r
        }
    );
    let y1_fail = [base(), vec![assess(1, "69.99", d(2025, 7, 1))]].concat();
    assert_eq!(
        state(&y1_fail),
        State::Rectifying {
            year: 1,
            failed: d(2025, 7, 1),
            deadline: d(2025, 9, 1)
        }
    );
    // a late year-1 failure and a pass on re-assessment: year 2 stays due two
    // years after the recognition
    let late = [
        base(),
        vec![
            assess(1, "60", d(2025, 9, 30)),
            reassess(1, "72", d(2025, 11, 30)),
        ],
    ]
    .concat();
    let s = state(&late);
    assert_eq!(
        s,
        State::Year1Passed {
            on: d(2025, 11, 30),
            since: r
        }
    );
    assert_eq!(
        s.next_deadline(),
        Some((d(2026, 7, 1), Milestone::Year2Assessment))
    );
    let y1_revoked = [y1_fail.clone(), vec![reassess(1, "69", d(2025, 8, 20))]].concat();
    assert_eq!(
        state(&y1_revoked),
        State::Revoked {
            on: d(2025, 8, 20),
            barred_until: d(2027, 8, 20)
        }
    );
    let done = [y1.clone(), vec![assess(2, "75", d(2026, 7, 1))]].concat();
    assert_eq!(state(&done), State::Completed { on: d(2026, 7, 1) });
    let y2_fail = [y1.clone(), vec![assess(2, "74.99", d(2026, 7, 1))]].concat();
    assert_eq!(
        state(&y2_fail),
        State::Rectifying {
            year: 2,
            failed: d(2026, 7, 1),
            deadline: d(2026, 9, 1)
        }
    );
    let y2_ok = [y2_fail.clone(), vec![reassess(2, "80", d(2026, 9, 1))]].concat();
    assert_eq!(state(&y2_ok), State::Completed { on: d(2026, 9, 1) });
    let y2_revoked = [y2_fail.clone(), vec![reassess(2, "74", d(2026, 8, 1))]].concat();
    assert!(matches!(state(&y2_revoked), State::Revoked { .. }));
    for path in [base(), y1, y1_fail, y2_fail] {
        let s = state(&[path.clone(), vec![withdraw(d(2026, 12, 1))]].concat());
        assert_eq!(
            s,
            State::Withdrawn {
                on: d(2026, 12, 1),
                barred_until: d(2028, 12, 1)
            },
            "{path:?}"
        );
    }
}

#[test]
fn a_revoked_centre_is_recognised_again_only_after_its_bar() {
    let revoked = [
        base(),
        vec![
            assess(1, "50", d(2025, 7, 1)),
            reassess(1, "50", d(2025, 9, 1)),
        ],
    ]
    .concat();
    assert_eq!(
        refusal(&revoked, rec(d(2027, 8, 31))),
        "the centre is barred from applying again until 2027-09-01; it may be recognised on or after that day"
    );
    let again = [revoked, vec![rec(d(2027, 9, 1))]].concat();
    assert_eq!(
        state(&again),
        State::Recognised {
            since: d(2027, 9, 1)
        }
    );
}

#[test]
fn illegal_steps_name_the_state_and_the_next_step() {
    let revoked = [
        base(),
        vec![
            assess(1, "50", d(2025, 7, 1)),
            reassess(1, "50", d(2025, 9, 1)),
        ],
    ]
    .concat();
    let gone = "it no longer holds the title and cannot be assessed or changed";
    for e in [
        assess(1, "90", d(2025, 10, 1)),
        assess(2, "90", d(2026, 10, 1)),
        reassess(1, "90", d(2025, 10, 1)),
        withdraw(d(2025, 10, 1)),
    ] {
        assert_eq!(
            refusal(&revoked, e),
            format!("the centre is revoked; {gone}")
        );
    }
    let withdrawn = [base(), vec![withdraw(d(2024, 12, 1))]].concat();
    assert_eq!(
        refusal(&withdrawn, assess(1, "90", d(2025, 7, 1))),
        format!("the centre is withdrawn; {gone}")
    );
    let done = [
        base(),
        vec![
            assess(1, "80", d(2025, 7, 1)),
            assess(2, "80", d(2026, 7, 1)),
        ],
    ]
    .concat();
    for e in [assess(2, "90", d(2026, 8, 1)), withdraw(d(2026, 8, 1))] {
        assert_eq!(
            refusal(&done, e),
            "the centre is completed; final acceptance is passed; nothing further is assessed"
        );
    }
    assert!(
        refusal(&done, rec(d(2027, 1, 1))).contains("may not be recognised again"),
        "a centre that holds its title is not recognised twice"
    );
    assert_eq!(
        refusal(&base(), reassess(1, "80", d(2025, 7, 1))),
        "the centre is recognised; the next step is the year-1 assessment"
    );
    assert_eq!(
        refusal(&base(), assess(2, "80", d(2025, 7, 1))),
        "the centre is recognised; the next step is the year-1 assessment"
    );
    let y1 = [base(), vec![assess(1, "80", d(2025, 7, 1))]].concat();
    assert_eq!(
        refusal(&y1, assess(1, "80", d(2026, 7, 1))),
        "the centre is year1_passed; the next step is the year-2 assessment"
    );
    let rect = [base(), vec![assess(1, "60", d(2025, 7, 1))]].concat();
    for e in [
        assess(1, "80", d(2025, 8, 1)),
        reassess(2, "80", d(2025, 8, 1)),
    ] {
        assert_eq!(
            refusal(&rect, e),
            "the centre is rectifying; the next step is the re-assessment of year 1"
        );
    }
    assert_eq!(
        refusal(&[], assess(1, "80", d(2025, 7, 1))),
        "the first event of a centre must be its recognition"
    );
}

#[test]
fn dates_out_of_order_are_refused() {
    assert_eq!(
        refusal(&base(), assess(1, "80", d(2025, 6, 30))),
        "the year-1 assessment on 2025-06-30 is before 2025-07-01"
    );
    let y1 = [base(), vec![assess(1, "80", d(2025, 7, 1))]].concat();
    assert_eq!(
        refusal(&y1, assess(2, "80", d(2026, 6, 30))),
        "the year-2 assessment on 2026-06-30 is before 2026-07-01"
    );
    let rect = [base(), vec![assess(1, "60", d(2025, 7, 10))]].concat();
    assert_eq!(
        refusal(&rect, reassess(1, "80", d(2025, 7, 9))),
        "the re-assessment on 2025-07-09 is before 2025-07-10"
    );
    assert_eq!(
        refusal(&base(), withdraw(d(2024, 6, 30))),
        "the withdrawal on 2024-06-30 is before 2024-07-01"
    );
    let blank = Event::Withdrawn {
        on: d(2024, 8, 1),
        reason: "  ".into(),
    };
    assert_eq!(refusal(&base(), blank), "a withdrawal needs a reason");
}

#[test]
fn rectification_ends_two_calendar_months_later_clamped_to_the_month_end() {
    let fail_on = |on: NaiveDate| {
        let events = vec![rec(add_years_back(on)), assess(1, "1", on)];
        match state(&events) {
            State::Rectifying { deadline, .. } => deadline,
            s => panic!("{s:?}"),
        }
    };
    assert_eq!(fail_on(d(2025, 1, 31)), d(2025, 3, 31));
    assert_eq!(fail_on(d(2024, 12, 31)), d(2025, 2, 28));
    assert_eq!(fail_on(d(2023, 12, 31)), d(2024, 2, 29));
    assert_eq!(fail_on(d(2024, 2, 29)), d(2024, 4, 29));
    assert_eq!(fail_on(d(2025, 8, 31)), d(2025, 10, 31));
    assert_eq!(fail_on(d(2025, 7, 31)), d(2025, 9, 30));
}

fn add_years_back(on: NaiveDate) -> NaiveDate {
    on.checked_sub_months(chrono::Months::new(12)).unwrap()
}

#[test]
fn a_leap_day_recognition_is_due_on_the_last_of_february() {
    let leap = d(2024, 2, 29);
    let s = state(&[rec(leap)]);
    assert_eq!(
        s.next_deadline(),
        Some((d(2025, 2, 28), Milestone::Year1Assessment))
    );
    let y1 = state(&[rec(leap), assess(1, "80", d(2025, 2, 28))]);
    assert_eq!(
        y1.next_deadline(),
        Some((d(2026, 2, 28), Milestone::Year2Assessment))
    );
    let revoked = state(&[
        rec(d(2023, 2, 28)),
        assess(1, "10", d(2024, 2, 28)),
        reassess(1, "10", leap),
    ]);
    assert_eq!(
        revoked,
        State::Revoked {
            on: leap,
            barred_until: d(2026, 2, 28)
        }
    );
    assert_eq!(
        revoked.next_deadline(),
        Some((d(2026, 2, 28), Milestone::MayReapply))
    );
}

#[test]
fn states_have_keys_labels_and_deadlines() {
    let all = [
        State::Recognised {
            since: d(2024, 7, 1),
        },
        State::Year1Passed {
            on: d(2025, 7, 1),
            since: d(2024, 7, 1),
        },
        State::Rectifying {
            year: 1,
            failed: d(2025, 7, 1),
            deadline: d(2025, 9, 1),
        },
        State::Completed { on: d(2026, 7, 1) },
        State::Revoked {
            on: d(2025, 9, 1),
            barred_until: d(2027, 9, 1),
        },
        State::Withdrawn {
            on: d(2025, 9, 1),
            barred_until: d(2027, 9, 1),
        },
        State::Annulled { on: d(2024, 7, 9) },
    ];
    let keys: Vec<&str> = all.iter().map(State::key).collect();
    assert_eq!(keys, State::KEYS);
    for s in &all {
        assert!(!s.zh().is_empty() && !s.en().is_empty());
    }
    let due: Vec<Option<u8>> = all.iter().map(State::year_due).collect();
    assert_eq!(
        due,
        [Some(1), Some(2), None, None, None, None, None],
        "the rectifying centre is re-assessed, not assessed"
    );
    assert_eq!(
        all[2].next_deadline().map(|x| x.1),
        Some(Milestone::Reassessment)
    );
    assert_eq!(all[3].next_deadline(), None);
    assert_eq!(all[6].next_deadline(), None);
    assert!(!all[6].holds_title());
}
