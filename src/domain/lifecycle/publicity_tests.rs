//! Publicity and objections, and the payments they hold back or release.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const L: PassLines = PassLines::HUANGPU;

fn pts(s: &str) -> Points {
    s.parse().unwrap()
}

fn publish(from: NaiveDate, until: NaiveDate) -> Event {
    Event::Published { from, until }
}

fn object(on: NaiveDate) -> Event {
    Event::Objected {
        on,
        reason: "申报材料中的专利数量与实际不符".into(),
    }
}

fn rule(number: u32, on: NaiveDate, upheld: bool) -> Event {
    Event::Ruled {
        number,
        on,
        upheld,
        reason: "经第三方机构调查核实".into(),
    }
}

fn assess(year: u8, score: &str, on: NaiveDate) -> Event {
    Event::Assessed {
        year,
        score: pts(score),
        on,
    }
}

/// Recognised 2024-09-20, published from 9/27 through 10/9 (National Day between).
fn published() -> Vec<Event> {
    vec![
        Event::Recognised { on: d(2024, 9, 20) },
        publish(d(2024, 9, 27), d(2024, 10, 9)),
    ]
}

fn try_next(events: &[Event], e: Event) -> Result<History, String> {
    let mut h = History::replay(events, L).map_err(|(_, e)| e.to_string())?;
    h.apply(&e, L).map_err(|e| e.to_string())?;
    Ok(h)
}

#[test]
fn objections_are_recorded_only_during_the_period() {
    for on in [d(2024, 9, 27), d(2024, 10, 3), d(2024, 10, 9)] {
        let h = try_next(&published(), object(on)).unwrap();
        assert_eq!(h.notices[0].objections[0].lodged, on);
        assert_eq!(h.notices[0].objections[0].number, 1);
    }
    assert_eq!(
        try_next(&published(), object(d(2024, 10, 10))).unwrap_err(),
        "an objection lodged on 2024-10-10 is outside the publicity period of the recognition, from 2024-09-27 to 2024-10-09; objections are recorded only during the period"
    );
    assert!(
        try_next(&published(), object(d(2024, 9, 26)))
            .unwrap_err()
            .contains("from 2024-09-27 to 2024-10-09")
    );
    let unpublished = &published()[..1];
    assert!(
        try_next(unpublished, object(d(2024, 9, 27)))
            .unwrap_err()
            .starts_with("no result of the centre is being published")
    );
    let blank = Event::Objected {
        on: d(2024, 9, 30),
        reason: String::new(),
    };
    assert_eq!(
        try_next(&published(), blank).unwrap_err(),
        "an objection needs a reason"
    );
}

#[test]
fn an_upheld_objection_withdraws_the_recognition_without_a_bar() {
    let mut events = published();
    events.push(object(d(2024, 9, 30)));
    let h = try_next(&events, rule(1, d(2024, 11, 15), true)).unwrap();
    assert_eq!(
        h.state,
        Some(State::Annulled {
            on: d(2024, 11, 15)
        })
    );
    assert!(h.notices[0].withdrawn());
    events.push(rule(1, d(2024, 11, 15), true));
    // never recognised, so it may be recognised in a later round at once
    let again = try_next(&events, Event::Recognised { on: d(2025, 6, 1) }).unwrap();
    assert_eq!(
        again.state,
        Some(State::Recognised {
            since: d(2025, 6, 1)
        })
    );
    assert!(
        try_next(&events, assess(1, "90", d(2025, 9, 20)))
            .unwrap_err()
            .contains("no longer holds the title")
    );
}

#[test]
fn a_dismissed_objection_lets_the_result_stand() {
    let mut events = published();
    events.push(object(d(2024, 9, 30)));
    events.push(object(d(2024, 10, 8)));
    events.push(rule(2, d(2024, 10, 20), false));
    let h = History::replay(&events, L).unwrap();
    assert_eq!(
        h.state,
        Some(State::Recognised {
            since: d(2024, 9, 20)
        })
    );
    assert_eq!(h.notices[0].open().count(), 1, "objection 1 still open");
    let h = try_next(&events, rule(1, d(2024, 10, 21), false)).unwrap();
    assert!(!h.notices[0].withdrawn());
    assert_eq!(h.notices[0].open().count(), 0);
}

#[test]
fn rulings_name_the_objection_and_come_once() {
    let mut events = published();
    events.push(object(d(2024, 9, 30)));
    assert_eq!(
        try_next(&events, rule(2, d(2024, 10, 20), true)).unwrap_err(),
        "objection 2 does not exist; objections awaiting a ruling: 1"
    );
    assert_eq!(
        try_next(&events, rule(1, d(2024, 9, 29), true)).unwrap_err(),
        "the ruling on objection 1 on 2024-09-29 is before 2024-09-30"
    );
    events.push(rule(1, d(2024, 10, 20), false));
    assert_eq!(
        try_next(&events, rule(1, d(2024, 10, 21), true)).unwrap_err(),
        "objection 1 was already ruled on 2024-10-20 (dismissed)"
    );
    assert_eq!(
        try_next(&events, rule(3, d(2024, 10, 21), true)).unwrap_err(),
        "objection 3 does not exist; no objection awaits a ruling"
    );
}

#[test]
fn only_the_latest_recognition_or_pass_is_published_once() {
    assert_eq!(
        try_next(&published(), publish(d(2024, 10, 10), d(2024, 10, 16))).unwrap_err(),
        "the recognition was already published from 2024-09-27 to 2024-10-09"
    );
    let rec = &published()[..1];
    assert_eq!(
        try_next(rec, publish(d(2024, 9, 19), d(2024, 9, 25))).unwrap_err(),
        "the publicity of the recognition on 2024-09-19 is before 2024-09-20"
    );
    let mut failed = published();
    failed.push(assess(1, "60", d(2025, 9, 22)));
    assert_eq!(
        try_next(&failed, publish(d(2025, 9, 23), d(2025, 9, 29))).unwrap_err(),
        "the latest result is the failed year-1 assessment; only a recognition or a passed assessment is published"
    );
    let mut passed = published();
    passed.push(assess(1, "80", d(2025, 9, 22)));
    let h = try_next(&passed, publish(d(2025, 9, 23), d(2025, 9, 29))).unwrap();
    assert_eq!(h.notices[1].what, Notified::Pass { year: 1 });
    assert_eq!(
        h.notices[1].period,
        Some(Period {
            from: d(2025, 9, 23),
            until: d(2025, 9, 29)
        })
    );
}

#[test]
fn huangpu_pays_each_pass_once_its_publicity_ends_clean() {
    let huangpu = Funding::PerPass {
        amount: Points::whole(50),
    };
    let mut events = published();
    events.push(assess(1, "80", d(2025, 9, 22)));
    let pay = ledger(&events, L, huangpu);
    assert_eq!(pay.len(), 1, "recognition itself is not paid in Huangpu");
    assert_eq!(pay[0].status, PaymentStatus::AwaitingPublicity);
    assert_eq!(pay[0].reason, Grant::Pass { year: 1 });
    events.push(publish(d(2025, 9, 23), d(2025, 9, 29)));
    let pay = ledger(&events, L, huangpu);
    let until = d(2025, 9, 29);
    assert_eq!(pay[0].status, PaymentStatus::Publicised { until });
    assert!(!pay[0].status.payable(until));
    assert!(pay[0].status.payable(d(2025, 9, 30)));
    events.push(object(d(2025, 9, 29)));
    assert_eq!(
        ledger(&events, L, huangpu)[0].status,
        PaymentStatus::UnderInvestigation
    );
    let mut upheld = events.clone();
    upheld.push(rule(1, d(2025, 10, 20), true));
    let h = History::replay(&upheld, L).unwrap();
    assert!(
        matches!(h.state, Some(State::Year1Passed { .. })),
        "an upheld objection to a pass withholds the funding, not the pass"
    );
    assert_eq!(
        ledger(&upheld, L, huangpu)[0].status,
        PaymentStatus::Withheld
    );
    events.push(rule(1, d(2025, 10, 20), false));
    events.push(assess(2, "75", d(2026, 9, 21)));
    events.push(publish(d(2026, 9, 22), d(2026, 9, 30)));
    let pay = ledger(&events, L, huangpu);
    let total: Points = pay
        .iter()
        .filter(|p| p.status.payable(d(2026, 10, 8)))
        .map(|p| p.amount)
        .sum();
    assert_eq!(total, Points::whole(100));
}

#[test]
fn chongqing_pays_forty_percent_on_approval_and_sixty_on_acceptance() {
    let chongqing = Funding::Split {
        total: Points::whole(50),
        on_approval_percent: 40,
    };
    let mut events = published();
    events.push(assess(1, "70", d(2025, 9, 22)));
    events.push(assess(2, "60", d(2026, 9, 21)));
    events.push(Event::Reassessed {
        year: 2,
        score: pts("76"),
        on: d(2026, 11, 20),
    });
    let pay = ledger(&events, L, chongqing);
    let got: Vec<(Grant, Points)> = pay.iter().map(|p| (p.reason, p.amount)).collect();
    assert_eq!(
        got,
        [
            (Grant::Approval, Points::whole(20)),
            (Grant::Acceptance, Points::whole(30))
        ]
    );
    assert_eq!(
        pay[1].on,
        d(2026, 11, 20),
        "paid on the re-assessment's pass"
    );
    assert!(pay[0].status.payable(d(2024, 10, 10)));
    // an upheld objection to the approval: nothing is paid, nothing follows
    let mut annulled = published();
    annulled.push(object(d(2024, 10, 8)));
    annulled.push(rule(1, d(2024, 10, 30), true));
    let pay = ledger(&annulled, L, chongqing);
    assert_eq!(pay.len(), 1);
    assert_eq!(pay[0].status, PaymentStatus::Withheld);
    assert_eq!(pay[0].status.zh(d(2025, 1, 1)), "异议成立，不予扶持");
}

#[test]
fn a_revoked_centre_keeps_what_it_earned_before() {
    let huangpu = Funding::PerPass {
        amount: Points::whole(50),
    };
    let events = vec![
        Event::Recognised { on: d(2024, 7, 1) },
        assess(1, "71", d(2025, 7, 1)),
        publish(d(2025, 7, 2), d(2025, 7, 8)),
        assess(2, "70", d(2026, 7, 1)),
        Event::Reassessed {
            year: 2,
            score: pts("74.99"),
            on: d(2026, 9, 1),
        },
    ];
    let pay = ledger(&events, L, huangpu);
    assert_eq!(pay.len(), 1);
    assert!(pay[0].status.payable(d(2025, 7, 9)));
    assert!(matches!(
        replay(&events, L).unwrap(),
        Some(State::Revoked { .. })
    ));
}
