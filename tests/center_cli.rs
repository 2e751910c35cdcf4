//! The register on the command line: one centre followed from recognition
//! through a failure and rectification to acceptance, another to revocation
//! and its two-year bar in later rounds.

#[path = "support/centres.rs"]
mod centres;
#[path = "support/store.rs"]
mod support;

use centres::*;
use pingshen::domain::ranking::Status;
use pingshen::lang::Say;
use support::ROUND;

#[test]
fn a_centre_followed_from_recognition_through_a_failure_to_acceptance() {
    let (_tmp, dir) = store_dir();
    recognition(&dir);
    let register = format!("center register --round {ROUND} --date 2024-07-01");
    refused(
        &dir,
        &register,
        3,
        "the ranking of round mini-2024 is not final (dossier M-001 has no complete panel score yet",
    );
    recognition_experts(&dir);
    let out = ok(&dir, &register);
    assert!(
        out.starts_with("registered 1 centre(s) from round mini-2024, recognised on 2024-07-01"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{WINNER}  广州示例智能装备有限公司  now: recognised (year-1 assessment due); next: year-1 assessment (2025-07-01)")),
        "{out}"
    );
    let out = ok(
        &dir,
        &format!("center publicity --round {ROUND} --from 2024-07-02"),
    );
    assert!(
        out.starts_with("publicity from 2024-07-02 to 2024-07-08 (5 working days: 07-02, 07-03, 07-04, 07-05, 07-08"),
        "{out}"
    );

    // year 1 from the annual round's ranking: 65, a fail
    load_round(&dir, "tests/fixtures/centres/annual/year1.ron");
    for e in ["E1", "E2"] {
        score(
            &dir,
            "annual-2025-1",
            e,
            "A-001",
            &[("A", "30"), ("B", "35")],
        );
    }
    let out = ok(
        &dir,
        &format!("center assess --code {WINNER} --round annual-2025-1"),
    );
    assert!(
        out.contains("year-1 assessment 65.00 (65 < 70), failed. now: rectifying; next: re-assessment after rectification (2025-09-10)"),
        "{out}"
    );
    refused(
        &dir,
        &format!("center publicity --code {WINNER} --from 2025-07-11"),
        2,
        "the latest result is the failed year-1 assessment",
    );
    refused(
        &dir,
        &format!("center assess --code {WINNER} --score 80 --date 2025-08-01"),
        2,
        "the centre is rectifying; the next step is the re-assessment of year 1",
    );
    let out = ok(
        &dir,
        &format!("center reassess --code {WINNER} --score 72 --date 2025-09-05"),
    );
    assert!(
        out.contains("year-1 re-assessment 72.00 (72 ≥ 70), passed. now: year 1 passed (final acceptance due); next: year-2 assessment (final acceptance) (2026-07-01)"),
        "{out}"
    );
    ok(
        &dir,
        &format!("center publicity --code {WINNER} --from 2025-09-08"),
    );

    // year 2 from its round: 78, final acceptance
    load_round(&dir, "tests/fixtures/centres/annual/year2.ron");
    for e in ["E1", "E2"] {
        score(
            &dir,
            "annual-2026-2",
            e,
            "A-001",
            &[("A", "40"), ("B", "38")],
        );
    }
    let out = ok(
        &dir,
        &format!("center assess --code {WINNER} --round annual-2026-2"),
    );
    assert!(
        out.contains("78.00 (78 ≥ 75), passed. now: final acceptance passed"),
        "{out}"
    );
    ok(
        &dir,
        "center publicity --round annual-2026-2 --from 2026-07-13",
    );

    let show = format!("center show --code {WINNER} --format json --on");
    let c = json(&dir, &format!("{show} 2026-07-17"));
    assert_eq!(c["state"], "completed");
    let events: Vec<&str> = c["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "recognised",
            "published",
            "assessed",
            "reassessed",
            "published",
            "assessed",
            "published"
        ]
    );
    assert_eq!(c["records"][2]["round"], "annual-2025-1");
    let pay: Vec<String> = c["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["amount"], p["status"]))
        .collect();
    assert_eq!(pay, [r#""50.00" "payable""#, r#""50.00" "in_publicity""#]);
    let c = json(&dir, &format!("{show} 2026-07-18"));
    assert_eq!(c["payable"], "100.00");
    refused(
        &dir,
        &format!("center assess --code {WINNER} --score 90 --date 2026-08-01"),
        2,
        "the centre is completed; final acceptance is passed; nothing further is assessed",
    );
    let out = ok(&dir, "audit verify");
    assert!(
        out.lines()
            .any(|l| l.starts_with("audit log intact:")
                && l.ends_with("centre register (7 entries)")),
        "{out}"
    );
}

#[test]
fn a_centre_revoked_is_refused_then_barred_for_two_years_in_later_rounds() {
    let (_tmp, dir) = store_dir();
    let name = "广州乙新材料有限公司";
    zh_ok(
        &dir,
        &format!("center register --code {REVOKED} --name {name} --date 2024-03-01"),
    );
    let out = zh_ok(
        &dir,
        &format!("center assess --code {REVOKED} --score 60 --date 2025-03-03"),
    );
    assert!(
        out.contains(
            "第一年度考核 60.00 分（60 < 70），不合格。当前：整改中；下一节点：整改期满复核（2025-05-03）"
        ),
        "{out}"
    );
    let out = zh_ok(
        &dir,
        &format!("center reassess --code {REVOKED} --score 69.99 --date 2025-04-20"),
    );
    assert!(
        out.contains(
            "69.99 分（69.99 < 70），不合格。当前：已取消称号；下一节点：可重新申报（2027-04-20）"
        ),
        "{out}"
    );
    let gone = format!(
        "centre {REVOKED}: the centre is revoked; it no longer holds the title and cannot be assessed or changed"
    );
    for change in [
        "assess --score 90 --date 2025-06-01",
        "reassess --score 90 --date 2025-06-01",
        "withdraw --date 2025-06-01 --reason 经营调整",
        "publicity --from 2025-06-03",
    ] {
        let (verb, rest) = change.split_once(' ').unwrap();
        let line = format!("center {verb} --code {REVOKED} {rest}");
        let said = if verb == "publicity" {
            "the centre is revoked; it no longer holds the title; nothing of it is published"
        } else {
            &gone
        };
        refused(&dir, &line, 2, said);
    }
    // A day not yet come is refused, naming today.
    refused(
        &dir,
        &format!("center register --code {REVOKED} --name {name} --date 2027-04-19"),
        2,
        "--date 2027-04-19: the day is after today (2026-12-02); a register records what has happened",
    );
    // The register kept into 2027.
    support::today_is("2027-05-01");
    refused(
        &dir,
        &format!("center register --code {REVOKED} --name {name} --date 2027-04-19"),
        2,
        "the centre is barred from applying again until 2027-04-20",
    );

    // within two years: ineligible in the next round, with the reason
    later_round(&dir, "tests/fixtures/centres/next/y2026.ron", "next-2026");
    let r = ranking_of(&dir, "next-2026");
    let e = r.entry("N-001").unwrap();
    assert_eq!(e.status, Status::Ineligible);
    assert_eq!(
        e.failures[0].zh(),
        "申报单位（信用代码 91440101MAPMJJH73Q）的中心称号已于2025-04-20取消，2027-04-20前不得重新申报"
    );
    assert_eq!(
        e.failures[0].en(),
        "the applicant (credit code 91440101MAPMJJH73Q) lost its centre title on 2025-04-20 and may not apply again before 2027-04-20"
    );
    let ranked = json(&dir, "rank --round next-2026 --format json");
    let n1 = ranked["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["dossier"] == "N-001")
        .unwrap();
    assert_eq!(n1["status"], "ineligible");
    // the reasons are words for people: in the language asked for (English here)
    assert_eq!(
        n1["reasons"][0],
        "the applicant (credit code 91440101MAPMJJH73Q) lost its centre title on 2025-04-20 and may not apply again before 2027-04-20"
    );
    let out = ok(&dir, "center register --round next-2026 --date 2026-03-20");
    assert!(
        out.contains(OTHER) && !out.contains(&format!("{REVOKED}  ")),
        "{out}"
    );

    // two years on: eligible again; the centre recognised in 2026 is not
    later_round(&dir, "tests/fixtures/centres/next/y2027.ron", "next-2027");
    let r = ranking_of(&dir, "next-2027");
    assert_eq!(r.entry("N-001").unwrap().status, Status::Selected);
    let other = r.entry("N-002").unwrap();
    assert_eq!(other.status, Status::Ineligible);
    assert!(
        other.failures[0]
            .zh()
            .contains("已认定为高价值专利培育中心（2026-03-20），不得重复申报")
    );
    let out = ok(&dir, "center register --round next-2027 --date 2027-05-01");
    assert!(
        out.contains(&format!("{REVOKED}  {name}  now: recognised")),
        "{out}"
    );
    let list = json(&dir, "center list --on 2027-05-01 --format json");
    let states: Vec<String> = list["centres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["credit_code"], c["state"]))
        .collect();
    assert_eq!(
        states,
        [
            format!(r#""{REVOKED}" "recognised""#),
            format!(r#""{OTHER}" "recognised""#)
        ]
    );
}
