//! Publicity on the command line: five working days on the holiday calendar
//! (National Day and a make-up Sunday inside), objections within the period,
//! findings that withdraw a result or let it stand; and the register's
//! refusals of bad input, each exit 2 with a sentence and nothing written.

#[path = "support/centres.rs"]
mod centres;
#[path = "support/store.rs"]
mod support;

use centres::*;
use support::{ROUND, run, text};

#[test]
fn publicity_counts_working_days_across_national_day_and_takes_objections_within_it() {
    let (_tmp, dir) = store_dir();
    let first = "广州示例智能装备有限公司";
    let second = "广州丙生物科技有限公司";
    ok(
        &dir,
        &format!(
            "center register --code {WINNER} --name {first} --date 2024-09-20 --scheme chongqing"
        ),
    );
    ok(
        &dir,
        &format!("center register --code {OTHER} --name {second} --date 2023-09-20"),
    );
    let out = zh_ok(
        &dir,
        &format!("center publicity --code {WINNER} --from 2024-09-27"),
    );
    assert!(
        out.starts_with("公示期：2024-09-27 至 2024-10-09（5个工作日：09-27、09-29、09-30、10-08、10-09；日历 cn-2024-2026）"),
        "{out}"
    );
    let lodge = format!("center objection lodge --code {WINNER} --reason 专利数量不实 --date");
    refused(
        &dir,
        &format!("{lodge} 2024-10-10"),
        2,
        "an objection lodged on 2024-10-10 is outside the publicity period of the recognition, from 2024-09-27 to 2024-10-09",
    );
    refused(
        &dir,
        &format!("center objection lodge --code {OTHER} --date 2024-10-08 --reason 存疑"),
        2,
        "no result of the centre is being published",
    );
    let out = ok(&dir, &format!("{lodge} 2024-10-08"));
    assert!(
        out.starts_with("recorded objection 1 to the recognition"),
        "{out}"
    );
    let rule = format!("center objection rule --code {WINNER} --date 2024-10-20");
    refused(
        &dir,
        &format!("{rule} --number 2 --upheld --reason 属实"),
        2,
        "objection 2 does not exist; objections awaiting a ruling: 1",
    );
    let show = format!("center show --code {WINNER} --format json --on");
    let c = json(&dir, &format!("{show} 2024-10-20"));
    assert_eq!(c["payments"][0]["status"], "under_investigation");
    let out = zh_ok(
        &dir,
        &format!("{rule} --number 1 --upheld --reason 经核实申报材料不实"),
    );
    assert!(
        out.starts_with(&format!(
            "异议 1 成立：{first}不予认定。当前：异议成立，不予认定"
        )),
        "{out}"
    );
    let c = json(&dir, &format!("{show} 2024-11-01"));
    assert_eq!(c["state"], "annulled");
    assert_eq!(c["payments"][0]["status"], "withheld");
    assert_eq!(
        c["withheld"], "20.00",
        "Chongqing's 40% on approval is withheld"
    );

    // a pass published from a calendar file, an objection dismissed: the 50万 stands
    ok(
        &dir,
        &format!("center assess --code {OTHER} --score 70 --date 2024-09-23"),
    );
    let calendar = "--calendar scoresheets/calendars/cn-2024-2026.ron";
    ok(
        &dir,
        &format!("center publicity --code {OTHER} --from 2024-09-27 {calendar}"),
    );
    ok(
        &dir,
        &format!("center objection lodge --code {OTHER} --date 2024-09-29 --reason 考核材料存疑"),
    );
    let out = ok(
        &dir,
        &format!(
            "center objection rule --code {OTHER} --number 1 --date 2024-10-15 --dismissed --reason 经核实材料属实"
        ),
    );
    assert!(
        out.starts_with(&format!(
            "objection 1 dismissed: the year-1 pass of {second} stands"
        )),
        "{out}"
    );
    let c = json(
        &dir,
        &format!("center show --code {OTHER} --on 2024-10-15 --format json"),
    );
    assert_eq!(c["payable"], "50.00");
    let bad = "--calendar tests/bad/ok-sheet.ron";
    let out = run(
        &dir,
        &words(&format!(
            "center publicity --code {OTHER} --from 2024-09-27 {bad}"
        )),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("tests/bad/ok-sheet.ron:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_shipped_calendar_counts_national_day_and_make_up_sundays() {
    let cal = pingshen::samples::calendar().unwrap();
    let days = |y, m, d| {
        let from = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        cal.working_days(from, 5)
            .unwrap()
            .iter()
            .map(|d| d.format("%m-%d").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        days(2024, 9, 27),
        ["09-27", "09-29", "09-30", "10-08", "10-09"]
    );
    assert_eq!(
        days(2025, 9, 26),
        ["09-26", "09-28", "09-29", "09-30", "10-09"]
    );
    assert_eq!(
        days(2024, 10, 3),
        ["10-08", "10-09", "10-10", "10-11", "10-12"],
        "a start inside the holiday counts from the next working day; Saturday 10-12 is a make-up day"
    );
}

#[test]
fn bad_input_names_the_flag_and_what_is_allowed() {
    let (_tmp, dir) = store_dir();
    recognition(&dir);
    load_round(&dir, "tests/fixtures/centres/annual/year1.ron");
    ok(
        &dir,
        &format!(
            "center register --code {WINNER} --name 广州示例智能装备有限公司 --date 2024-07-01"
        ),
    );
    let assess = format!("center assess --code {WINNER}");
    let cases: &[(String, &str)] = &[
        (
            "center register --round annual-2025-1 --date 2025-08-01".into(),
            "--round annual-2025-1: it is a year-1 annual assessment round; centres enter the register from a recognition round's selection",
        ),
        (
            format!("{assess} --round {ROUND}"),
            "--round mini-2024: it is a recognition round; an assessment takes its score from an annual round, or give it with --score",
        ),
        (
            format!("{assess} --score 70 --date 2025-7-1x"),
            "--date 2025-7-1x: not a date; write the day as YYYY-MM-DD, e.g. 2025-07-01",
        ),
        (
            format!("{assess} --score 七十 --date 2025-07-01"),
            "--score 七十: '七十' is not a number such as 7 or 7.5; allowed are 0 to 100 with at most 2 decimals",
        ),
        (
            format!("{assess} --score 100.01 --date 2025-07-01"),
            "--score 100.01: an annual assessment is scored out of 100",
        ),
        (
            format!("center assess --code {OTHER} --score 70 --date 2025-07-01"),
            "centre '91440112MAPQRL916Q' is not in the register; centres in the register: 91440116MA5C8K2X1Y",
        ),
        (
            format!("{assess} --score 70 --date 2025-06-30"),
            "the year-1 assessment on 2025-06-30 is before 2025-07-01",
        ),
        (
            "center show --code 9144".into(),
            "--code 9144: credit code '9144' has 4 characters; a unified social credit code has 18",
        ),
        (
            format!("center register --code {OTHER} --name x --date 2024-08-01 --scheme shenzhen"),
            "[possible values: huangpu, chongqing]",
        ),
        (
            format!("center publicity --code {WINNER} --from 2026-12-28"),
            "--from 2026-12-28: 2027-01-01 is outside the calendar cn-2024-2026, which covers 2024–2026; give a calendar that covers the period with --calendar FILE",
        ),
    ];
    // The last days of 2026, so that the period runs past the calendar.
    support::today_is("2026-12-31");
    for (line, said) in cases {
        refused(&dir, line, 2, said);
    }
    let blank = [
        "center",
        "withdraw",
        "--code",
        WINNER,
        "--date",
        "2025-01-01",
        "--reason",
        " ",
    ];
    refused_args(
        &dir,
        &blank,
        2,
        "a withdrawal needs a reason\nhint: give one with --reason",
    );
    // the annual round's panel is incomplete: refused, not bad input
    refused(
        &dir,
        &format!("{assess} --round annual-2025-1"),
        3,
        "dossier A-001 of round annual-2025-1 has no complete panel score (not yet scored)",
    );
}
