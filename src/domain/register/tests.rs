//! The register: its bars in a later round's formal review, and its rows.

use super::*;
use crate::domain::fixtures::{World, date, dossier, pts};
use crate::domain::lifecycle::Milestone;
use crate::domain::rank::rank;
use crate::domain::ranking::Status;
use crate::domain::round::{RoundKind, Stage};
use crate::lang::Lang;

const CODE: &str = "91440116MA5C8K2X1Y";
const OTHER: &str = "91440101MAPMJJH73Q";

fn centre(code: &str, events: Vec<Event>) -> Centre {
    Centre {
        credit_code: code.into(),
        name: "广州示例智能装备有限公司".into(),
        scheme: Scheme::Huangpu,
        records: events.into_iter().map(Record::new).collect(),
    }
}

/// Recognised 2022-07-01, failed year 1 and its re-assessment: revoked on
/// 2023-09-01, barred until 2025-09-01.
fn revoked() -> Centre {
    centre(
        CODE,
        vec![
            Event::Recognised {
                on: date(2022, 7, 1),
            },
            Event::Assessed {
                year: 1,
                score: pts("60"),
                on: date(2023, 7, 1),
            },
            Event::Reassessed {
                year: 1,
                score: pts("65"),
                on: date(2023, 9, 1),
            },
        ],
    )
}

fn applying(code: &str) -> crate::domain::dossier::Dossier {
    let mut d = dossier("D01");
    d.applicant.credit_code = code.into();
    d
}

fn reasons(register: &[Centre], d: &crate::domain::dossier::Dossier, on: NaiveDate) -> Vec<String> {
    bars(register, d, on, "next")
        .into_iter()
        .map(|f| format!("{}/{}: {}", f.sheet, f.rule, crate::lang::Say::zh(&f)))
        .collect()
}

#[test]
fn a_revoked_centre_is_ineligible_for_two_years_then_eligible() {
    let reg = [revoked()];
    let d = applying(CODE);
    assert_eq!(
        reasons(&reg, &d, date(2025, 8, 31)),
        [
            "register/barred: 申报单位（信用代码 91440116MA5C8K2X1Y）的中心称号已于2023-09-01取消，2025-09-01前不得重新申报"
        ]
    );
    assert!(reasons(&reg, &d, date(2025, 9, 1)).is_empty());
    assert!(
        reasons(&reg, &d, date(2023, 8, 31))[0].contains("已认定"),
        "before the revocation it still held the title"
    );
    assert!(reasons(&reg, &applying(OTHER), date(2024, 1, 1)).is_empty());
}

#[test]
fn the_bar_shows_in_the_next_rounds_ranking_and_lifts_after_two_years() {
    let mut w = World::applicants(3);
    w.dossiers[1].applicant.credit_code = CODE.into();
    w.register = vec![revoked()];
    w.round.date = date(2024, 6, 1);
    let r = rank(&w.inputs(), Stage::Preliminary).unwrap();
    let e = r.entry("D02").unwrap();
    assert_eq!(e.status, Status::Ineligible);
    assert_eq!(e.failures[0].sheet, BAR_SHEET);
    assert!(crate::lang::Say::zh(&e.failures[0]).contains("2025-09-01前不得重新申报"));
    w.round.date = date(2025, 9, 1);
    let r = rank(&w.inputs(), Stage::Preliminary).unwrap();
    assert_ne!(r.entry("D02").unwrap().status, Status::Ineligible);
}

#[test]
fn annual_rounds_assess_the_register_s_own_centres() {
    use crate::domain::sheet::{PassLine, PassStage};
    let mut w = World::applicants(2);
    w.round.kind = RoundKind::Annual { year: 1 };
    w.sheet.pass_lines = vec![PassLine {
        stage: PassStage::Year1,
        min: pts("70"),
    }];
    w.dossiers[0].applicant.credit_code = CODE.into();
    let mut c = revoked();
    c.records.truncate(1);
    w.register = vec![c];
    w.expert("D01", "40", "40");
    let r = rank(&w.inputs(), Stage::Expert).unwrap();
    let e = r.entry("D01").unwrap();
    assert_eq!(e.status, Status::Passed, "{:?}", e.failures);
    assert!(e.failures.is_empty());
}

#[test]
fn recognised_centres_and_their_declared_affiliates_may_not_apply() {
    let holder = centre(
        OTHER,
        vec![
            Event::Recognised {
                on: date(2023, 7, 1),
            },
            Event::Assessed {
                year: 1,
                score: pts("80"),
                on: date(2024, 7, 1),
            },
            Event::Assessed {
                year: 2,
                score: pts("80"),
                on: date(2025, 7, 1),
            },
        ],
    );
    let reg = [holder, revoked()];
    let on = date(2026, 1, 10);
    assert_eq!(
        reasons(&reg, &applying(OTHER), on),
        [
            "register/recognised: 申报单位（信用代码 91440101MAPMJJH73Q）已认定为高价值专利培育中心（2023-07-01），不得重复申报"
        ],
        "a completed centre still holds its title"
    );
    let mut affiliate = applying("91440112MAPQRL916Q");
    affiliate.affiliate_of = vec![OTHER.into(), CODE.into()];
    assert_eq!(
        reasons(&reg, &affiliate, on),
        [
            "register/affiliate: 申报单位为已认定中心广州示例智能装备有限公司（信用代码 91440101MAPMJJH73Q）的关联公司，不得重复申报"
        ],
        "an affiliate of a revoked centre is not barred"
    );
}

#[test]
fn a_round_s_own_recognitions_and_later_events_do_not_count() {
    let mut c = centre(CODE, vec![]);
    c.records.push(Record::from_round(
        Event::Recognised {
            on: date(2024, 6, 1),
        },
        "r2024",
    ));
    let d = applying(CODE);
    assert!(bars(std::slice::from_ref(&c), &d, date(2024, 6, 1), "r2024").is_empty());
    assert_eq!(
        bars(std::slice::from_ref(&c), &d, date(2024, 6, 1), "r2025").len(),
        1
    );
    assert!(
        bars(&[c], &d, date(2024, 5, 31), "r2025").is_empty(),
        "recognised after the review day"
    );
}

#[test]
fn a_withdrawn_centre_is_barred_two_years_from_its_exit() {
    let c = centre(
        CODE,
        vec![
            Event::Recognised {
                on: date(2024, 2, 29),
            },
            Event::Withdrawn {
                on: date(2024, 12, 31),
                reason: "经营调整".into(),
            },
        ],
    );
    let reg = [c];
    let d = applying(CODE);
    assert!(reasons(&reg, &d, date(2026, 12, 30))[0].contains("已于2024-12-31退出中心建设"));
    assert!(reasons(&reg, &d, date(2026, 12, 31)).is_empty());
}

#[test]
fn rows_show_the_next_deadline_days_left_and_money() {
    let mut c = centre(
        CODE,
        vec![
            Event::Recognised {
                on: date(2024, 7, 1),
            },
            Event::Assessed {
                year: 1,
                score: pts("72"),
                on: date(2025, 7, 1),
            },
            Event::Published {
                from: date(2025, 7, 2),
                until: date(2025, 7, 8),
            },
        ],
    );
    c.name = "广州岑溪半导体材料有限公司".into();
    let row = Row::of(&c, date(2025, 7, 8));
    assert_eq!(
        row.next,
        Some((date(2026, 7, 1), Milestone::Year2Assessment))
    );
    assert_eq!(row.days_left, Some(358));
    assert_eq!(
        (row.payable, row.pending),
        (Points::ZERO, Points::whole(50))
    );
    let row = Row::of(&c, date(2026, 7, 3));
    assert_eq!(
        (row.payable, row.pending),
        (Points::whole(50), Points::ZERO)
    );
    assert_eq!(row.days_words(Lang::Zh), "逾期2天");
    assert_eq!(row.days_words(Lang::En), "2 overdue");
    let (head, cells) = table(&[c], date(2025, 7, 9), Lang::Zh);
    assert_eq!(head.len(), cells[0].len());
    assert_eq!(
        cells[0],
        [
            CODE,
            "广州岑溪半导体材料有限公司",
            "黄埔",
            "第一年度考核合格（待期末验收）",
            "第二年度考核（期末验收）",
            "2026-07-01",
            "357天",
            "50.00",
            "0.00"
        ]
    );
}

#[test]
fn recording_checks_the_history_and_changes_nothing_on_refusal() {
    let mut c = revoked();
    let before = c.clone();
    let err = c
        .record(Record::new(Event::Assessed {
            year: 1,
            score: pts("90"),
            on: date(2024, 7, 1),
        }))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the centre is revoked; it no longer holds the title and cannot be assessed or changed"
    );
    assert_eq!(c, before);
    assert_eq!(c.recognised_on(), Some(date(2022, 7, 1)));
    assert!(matches!(c.state(), Some(State::Revoked { .. })));
}

fn void(reason: &str) -> Correction {
    Correction {
        change: Change::Void,
        reason: reason.into(),
    }
}

#[test]
fn voiding_the_failed_reassessment_lifts_the_revocation_and_its_bar() {
    let mut c = revoked();
    assert_eq!(c.state().map(|s| s.key()), Some("revoked"));
    let h = c.correct(3, void("录入错误")).unwrap();
    assert_eq!(h.state.map(|s| s.key()), Some("rectifying"));
    // the entry as made stays, marked
    assert_eq!(c.records.len(), 3);
    assert!(c.records[2].is_void());
    assert_eq!(c.events().len(), 2);
}

#[test]
fn a_correction_that_breaks_the_history_is_refused_naming_the_event_and_changes_nothing() {
    let mut c = revoked();
    let before = c.clone();
    let e = c.correct(1, void("误录")).unwrap_err();
    let Uncorrectable::Impossible(b) = &e else {
        panic!("{e:?}");
    };
    // the assessment (event 2) cannot stand without the recognition
    assert_eq!(b.index + 1, 2);
    assert_eq!(c, before);
    assert_eq!(
        c.correct(4, void("x")),
        Err(Uncorrectable::NoSuchEvent {
            number: 4,
            count: 3
        })
    );
    // moving the re-assessment before the assessment it follows
    let moved = Correction {
        change: Change::Date(date(2023, 6, 1)),
        reason: "x".into(),
    };
    assert!(matches!(
        c.correct(3, moved),
        Err(Uncorrectable::Impossible(Broken { index: 2, .. }))
    ));
}

#[test]
fn as_of_a_day_keeps_only_what_had_happened_by_then() {
    let c = revoked();
    let then = c.as_of(date(2023, 8, 1));
    assert_eq!(then.records.len(), 2);
    assert_eq!(then.state().map(|s| s.key()), Some("rectifying"));
    assert_eq!(c.as_of(date(2022, 6, 30)).records.len(), 0);
}
