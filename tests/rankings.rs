//! Rankings a secretary can sign: a final ranking needs every expected card,
//! an absent expert is excused with a reason, and a panel score rests on at
//! least `min_counted` cards.

mod builders;

use std::path::Path;
use std::process::{Command, Output};

fn run(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .unwrap()
}

fn ok(store: &Path, args: &[&str]) -> String {
    let out = run(store, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Scores a card of round `round`, items A1 A2 B1 B2, and submits it if asked.
fn card(s: &Path, round: &str, expert: &str, dossier: &str, v: [&str; 4], submit: bool) {
    let who = ["--round", round, "--expert", expert, "--dossier", dossier];
    for (item, value) in ["A1", "A2", "B1", "B2"].iter().zip(v) {
        let mut args = vec!["score", "set"];
        args.extend(who);
        args.extend(["--item", item, "--value", value]);
        ok(s, &args);
    }
    if submit {
        let mut args = vec!["score", "submit"];
        args.extend(who);
        ok(s, &args);
    }
}

fn json(s: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(s, args)).unwrap()
}

fn status(v: &serde_json::Value, dossier: &str) -> (String, serde_json::Value) {
    let e = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["dossier"] == dossier)
        .unwrap();
    (e["status"].as_str().unwrap().to_string(), e["rank"].clone())
}

/// E1 and E2 submit every dossier; E3 (recused from M-003) submits M-001 and
/// leaves M-002 a draft.
fn panel_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/panel/round.ron"]);
    let r = "panel-2024";
    for e in ["E1", "E2"] {
        card(s, r, e, "M-001", ["8", "8", "8", "8"], true);
        card(s, r, e, "M-002", ["7", "7", "7", "7"], true);
        card(s, r, e, "M-003", ["6", "6", "6", "6"], true);
    }
    card(s, r, "E3", "M-001", ["9", "9", "9", "9"], true);
    card(s, r, "E3", "M-002", ["5", "5", "5", "5"], false);
    dir
}

#[test]
fn a_draft_card_keeps_the_ranking_from_being_final_until_the_expert_is_excused() {
    let dir = panel_store();
    let s = dir.path();

    let out = run(s, &["rank", "--round", "panel-2024", "--final"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "结果尚未确定：\n\
         应交未交的评分表 1 份（专家：申报书；草稿已标注；缺席可用 pingshen excuse 记录）：\n  \
         E3（1 份）：M-002（草稿）"
    );
    let out = run(
        s,
        &["--lang", "en", "rank", "--round", "panel-2024", "--final"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("  E3 (1): M-002 (draft)"), "{err}");

    // Without --final the same is shown as pending, and nothing is final.
    let v = json(s, &["rank", "--round", "panel-2024", "--format", "json"]);
    assert_eq!(v["final"], false);
    assert_eq!(
        v["pending"],
        serde_json::json!([{"kind": "card", "expert": "E3", "dossier": "M-002", "draft": true}])
    );
    // M-003 rests on two counted cards (E3 is recused): below the default of 3.
    assert_eq!(
        status(&v, "M-003"),
        ("insufficient_panel".into(), serde_json::Value::Null)
    );
    assert_eq!(status(&v, "M-001"), ("selected".into(), 1.into()));

    // An excuse needs a reason and a panel member; nothing is written otherwise.
    let bad = run(
        s,
        &[
            "excuse",
            "--round",
            "panel-2024",
            "--expert",
            "P9",
            "--reason",
            "缺席",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    let bad = run(
        s,
        &[
            "excuse",
            "--round",
            "panel-2024",
            "--expert",
            "E3",
            "--reason",
            " ",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));

    let said = ok(
        s,
        &[
            "excuse",
            "--round",
            "panel-2024",
            "--expert",
            "E3",
            "--dossier",
            "M-002",
            "--reason",
            "临时离场",
        ],
    );
    assert_eq!(
        said.trim_end(),
        "已记录：专家 E3 不评申报书 M-002（临时离场），该评分表不再计为缺项"
    );
    let v = json(
        s,
        &[
            "rank",
            "--round",
            "panel-2024",
            "--format",
            "json",
            "--final",
        ],
    );
    assert_eq!(v["final"], true);
    // With E3's draft not counted, M-002 too rests on two cards only.
    assert_eq!(
        status(&v, "M-002"),
        ("insufficient_panel".into(), serde_json::Value::Null)
    );
    let audit = ok(s, &["audit", "verify", "--round", "panel-2024"]);
    assert!(!audit.is_empty());
}

#[test]
fn a_round_excuse_covers_every_card_of_the_absent_expert() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/panel/round.ron"]);
    card(s, "panel-2024", "E1", "M-001", ["8", "8", "8", "8"], true);
    let out = run(s, &["rank", "--round", "panel-2024", "--final"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        err.contains("  E1（2 份）：M-002、M-003")
            && err.contains("  E2（3 份）：M-001、M-002、M-003")
            && err.contains("  E3（2 份）：M-001、M-002"),
        "{err}"
    );
    ok(
        s,
        &[
            "excuse",
            "--round",
            "panel-2024",
            "--expert",
            "E2",
            "--reason",
            "因病缺席",
        ],
    );
    let out = run(s, &["rank", "--round", "panel-2024", "--final"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("E2"), "{err}");
    assert!(err.contains("  E3（2 份）：M-001、M-002"), "{err}");
}

#[test]
fn the_register_refuses_a_round_with_missing_cards_and_names_them() {
    let dir = panel_store();
    let s = dir.path();
    let out = run(
        s,
        &[
            "center",
            "register",
            "--round",
            "panel-2024",
            "--date",
            "2024-07-01",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("E3") && err.contains("M-002"), "{err}");
}

/// Scores one preliminary card of the tie-break round and submits it.
fn prelim(s: &Path, dossier: &str, s1: &str, s2: &str) {
    let who = [
        "--round",
        "tiebreak-2024",
        "--expert",
        "P1",
        "--dossier",
        dossier,
    ];
    for (item, value) in [("S1.1", s1), ("S2.1", s2)] {
        let mut args = vec!["score", "set"];
        args.extend(who);
        args.extend(["--item", item, "--value", value]);
        ok(s, &args);
    }
    let mut args = vec!["score", "submit"];
    args.extend(who);
    ok(s, &args);
}

#[test]
fn sections_break_a_tie_at_the_shortlist_line_as_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/tiebreak/round.ron"]);
    prelim(s, "X", "9", "9");
    prelim(s, "Y", "6", "4");
    prelim(s, "Z", "5", "5");
    let v = json(
        s,
        &[
            "rank",
            "--round",
            "tiebreak-2024",
            "--stage",
            "preliminary",
            "--format",
            "json",
            "--final",
        ],
    );
    assert_eq!(status(&v, "X"), ("shortlisted".into(), 1.into()));
    assert_eq!(status(&v, "Y"), ("shortlisted".into(), 2.into()));
    assert_eq!(status(&v, "Z"), ("not_shortlisted".into(), 3.into()));
    let z = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["dossier"] == "Z")
        .unwrap();
    assert_eq!(
        z["tie"]["broken_by"],
        serde_json::json!({"kind": "section", "section": "S1"})
    );
    assert_eq!(z["tie"]["level"], serde_json::json!([]));
}

#[test]
fn a_dossier_over_the_joint_limit_loads_and_is_ranked_ineligible_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/bad/round-joint/round.ron"]);
    let v = json(s, &["rank", "--round", "joint-test", "--format", "json"]);
    let e = &v["entries"][0];
    assert_eq!(e["dossier"], "T-001");
    assert_eq!(e["status"], "ineligible");
    assert_eq!(
        e["reasons"],
        serde_json::json!(["联合申报单位 3 家，超过 2 家"])
    );
}

#[test]
fn a_round_cap_beyond_the_programmes_yearly_limit_fails_check() {
    let out = Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .args(["check", "tests/fixtures/cap25/round.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().next(),
        Some(
            "tests/fixtures/cap25/round.ron:12:17: 名额 25 超过了本项目的年度上限：广州开发区 广州市黄埔区高价值专利培育布局中心认定评分表（huangpu-recognition）每年最多认定 20 家"
        )
    );
}

/// A valid credit code from its number `n`.
fn code(n: u32) -> String {
    let first = format!("91440101MA{n:07}");
    let check = pingshen::domain::credit_code::check_char(&first).unwrap();
    format!("{first}{check}")
}

#[test]
fn a_twenty_first_huangpu_centre_in_one_year_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    for n in 1..=20 {
        let (c, name) = (code(n), format!("中心{n}"));
        let date = format!("2024-{:02}-01", 1 + n % 12);
        ok(
            s,
            &[
                "center", "register", "--code", &c, "--name", &name, "--date", &date,
            ],
        );
    }
    let c21 = code(21);
    let out = run(
        s,
        &[
            "center",
            "register",
            "--code",
            &c21,
            "--name",
            "中心21",
            "--date",
            "2024-12-30",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("黄埔每年认定不超过 20 家：2024 年已认定 20 家（")
            && err.contains(&code(1))
            && err.trim_end().ends_with("），再登记 1 家将超过上限"),
        "{err}"
    );
    let list = ok(s, &["center", "list", "--format", "json"]);
    assert!(!list.contains(&c21));
    // The next year counts afresh.
    ok(
        s,
        &[
            "center",
            "register",
            "--code",
            &c21,
            "--name",
            "中心21",
            "--date",
            "2025-01-02",
        ],
    );
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_minutes_print_no_draft_for_signing_and_list_what_is_missing() {
    let dir = panel_store();
    let s = dir.path();
    ok(
        s,
        &[
            "excuse",
            "--round",
            "panel-2024",
            "--expert",
            "E2",
            "--dossier",
            "M-003",
            "--reason",
            "临时离场",
        ],
    );
    let out = s.join("minutes");
    let out_s = out.to_str().unwrap();
    ok(s, &["report", "--round", "panel-2024", "--out", out_s]);
    let html = read(&out.join("report.html"));
    // Signed sheets: E1 and E2 for each dossier they submitted, E3 for M-001 and its recusal.
    assert_eq!(
        html.matches("<article class=\"sheet\">").count(),
        8,
        "{html}"
    );
    assert!(
        !html.contains("未提交（草稿），不计入"),
        "a draft is printed for signing"
    );
    assert!(html.contains("<h2>评分完整性附录</h2>"));
    assert!(html.contains("<li>E3 张三：M-002（草稿）</li>"), "{html}");
    assert!(
        html.contains("<li>E2 李二 — M-003：临时离场</li>"),
        "{html}"
    );
    // Times are local with their zone; UTC only in the canonical texts.
    assert!(html.contains("UTC+08:00 (Asia/Shanghai)"));
    assert!(
        !html.contains(" UTC<") && !html.contains(" UTC "),
        "a UTC time is printed"
    );
    assert!(html.contains("<h2>评审结果汇总表</h2>"));

    let alone = s.join("summary");
    ok(
        s,
        &[
            "report",
            "--round",
            "panel-2024",
            "--out",
            alone.to_str().unwrap(),
            "--summary",
        ],
    );
    let summary = read(&alone.join("summary.html"));
    assert!(!alone.join("report.html").exists());
    assert!(summary.contains("<h2>评审结果汇总表</h2>"));
    assert!(summary.contains("出席专家：E1 王一、E2 李二、E3 张三"));
    assert!(
        summary.contains("E1 王一 签字：________\nE2 李二 签字：________\nE3 张三 签字：________\n专家组组长签字：________\n秘书签字：________"),
        "{summary}"
    );
    assert!(summary.contains("排名尚未最终确定"));

    // The preliminary stage speaks of its own scorers.
    for k in 1..=3 {
        let d = format!("M-00{k}");
        let who = [
            "--round",
            "panel-2024",
            "--expert",
            "P1",
            "--dossier",
            d.as_str(),
        ];
        for item in ["A1", "A2", "B1", "B2"] {
            let mut args = vec!["score", "set"];
            args.extend(who);
            args.extend(["--item", item, "--value", "5"]);
            ok(s, &args);
        }
        let mut args = vec!["score", "submit"];
        args.extend(who);
        ok(s, &args);
    }
    let pre = s.join("prelim");
    ok(
        s,
        &[
            "report",
            "--round",
            "panel-2024",
            "--stage",
            "preliminary",
            "--out",
            pre.to_str().unwrap(),
        ],
    );
    let html = read(&pre.join("report.html"));
    assert!(html.contains("<h2>初审评分表</h2>") && html.contains("初审人员签字"));
    assert!(
        !html.contains("专家签字") && !html.contains("专家评分表"),
        "expert words in the preliminary minutes"
    );
}

#[test]
fn a_score_that_prints_as_the_line_shows_the_exact_comparison() {
    use builders::{card, dossier, round, scored_sheet};
    use pingshen::domain::aggregate::Recusals;
    use pingshen::domain::rank::{Inputs, rank};
    use pingshen::domain::ranking::Status;
    use pingshen::domain::round::{RoundKind, Stage};
    use pingshen::domain::sheet::{PassLine, PassStage};
    use pingshen::lang::Lang;
    use pingshen::report::{Format, Minutes, render};

    let mut sheet = scored_sheet(&[("S1", &[("a", "100")])]);
    sheet.pass_lines = vec![PassLine {
        stage: PassStage::Year1,
        min: builders::pts("70"),
    }];
    let mut r = round(RoundKind::Annual { year: 1 }, &["E1", "E2"]);
    r.min_counted.expert = 2;
    let ds = vec![dossier("A")];
    let cards = vec![
        card("r", Stage::Expert, "E1", "A", &[("a", "70")], true),
        card("r", Stage::Expert, "E2", "A", &[("a", "69.99")], true),
    ];
    let recusals = Recusals::default();
    let inputs = Inputs {
        round: &r,
        sheet: &sheet,
        eligibility: None,
        dossiers: &ds,
        cards: &cards,
        recusals: &recusals,
        decisions: &[],
        excuses: &[],
        register: &[],
        agency: &[],
        earlier: &[],
    };
    let ranking = rank(&inputs, Stage::Expert).unwrap();
    let a = ranking.entry("A").unwrap();
    assert_eq!(
        (a.status, a.score.unwrap().fixed2()),
        (Status::Failed, "70.00".into())
    );
    let m = |lang| Minutes {
        round: &r,
        sheet: &sheet,
        dossiers: &ds,
        ranking: &ranking,
        cards: &cards,
        conflicts: &[],
        excuses: &[],
        generated: chrono::Utc::now(),
        sheet_fingerprint: "fp".into(),
        lang,
    };
    let zh = render(&m(Lang::Zh), Format::Csv);
    assert!(
        zh.contains("精确得分 69.995 < 70，未达线；两位小数显示为 70.00"),
        "{zh}"
    );
    let en = render(&m(Lang::En), Format::Csv);
    assert!(
        en.contains("the exact score 69.995 < 70: below the line, though it prints as 70.00"),
        "{en}"
    );
}

#[test]
fn registering_a_round_records_its_alternates_for_next_year() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/panel/cap1.ron"]);
    for e in ["E1", "E2", "E3"] {
        card(s, "panel-cap1", e, "M-001", ["8", "8", "8", "8"], true);
        card(s, "panel-cap1", e, "M-002", ["7", "7", "7", "7"], true);
        card(s, "panel-cap1", e, "M-003", ["6", "6", "6", "6"], true);
    }
    let said = ok(
        s,
        &[
            "center",
            "register",
            "--round",
            "panel-cap1",
            "--date",
            "2024-07-01",
        ],
    );
    assert!(
        said.contains("已记录下一年度备选单位 2 家：1. M-002 广州示例新材料有限公司；2. M-003"),
        "{said}"
    );
    let v: serde_json::Value = serde_json::from_str(&ok(
        s,
        &[
            "center",
            "list",
            "--alternates",
            "--year",
            "2024",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    let got: Vec<(String, u64)> = v["alternates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["dossier"].as_str().unwrap().to_string(),
                a["order"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("M-002".to_string(), 1), ("M-003".to_string(), 2)]);
    let none = ok(s, &["center", "list", "--alternates", "--year", "2025"]);
    assert_eq!(none.trim_end(), "尚未记录备选单位");
    let table = ok(s, &["center", "list", "--alternates"]);
    assert!(
        table.contains("M-002") && table.contains("panel-cap1"),
        "{table}"
    );
    assert!(ok(s, &["audit", "verify"]).contains("panel-cap1"));
}

#[test]
fn check_warns_of_an_agency_serving_more_applicants_than_allowed() {
    let out = Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .args(["check", "tests/fixtures/agency/round.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let agency: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("参与服务的申报主体超过"))
        .collect();
    assert_eq!(
        agency,
        [
            "tests/fixtures/agency/dossiers/C-1.ron:10:9: 警告：申报书 C-1 联合的服务机构 重庆某知识产权代理有限公司（124400004558612340）参与服务的申报主体超过 2 家，另见 C-2、C-3；须确定保留该机构的申报书（至多 2 份）",
            "tests/fixtures/agency/dossiers/C-2.ron:10:9: 警告：申报书 C-2 联合的服务机构 重庆某知识产权代理有限公司（124400004558612340）参与服务的申报主体超过 2 家，另见 C-1、C-3；须确定保留该机构的申报书（至多 2 份）",
            "tests/fixtures/agency/dossiers/C-3.ron:10:9: 警告：申报书 C-3 联合的服务机构 重庆某知识产权代理有限公司（124400004558612340）参与服务的申报主体超过 2 家，另见 C-1、C-2；须确定保留该机构的申报书（至多 2 份）",
        ]
    );
}

#[test]
fn an_agency_serving_three_applicants_holds_formal_review_until_the_secretary_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/agency/round.ron"]);
    let code = "124400004558612340";
    // Until a choice is recorded the ranking is not final.
    let out = run(s, &["rank", "--round", "agency-2020", "--final"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "结果尚未确定：\n服务机构重庆某知识产权代理有限公司（124400004558612340）参与服务的申报主体超过 2 家：\
         C-1、C-2、C-3 形式审查待定，须确定保留该机构的申报书（pingshen agency keep --code 124400004558612340 --dossier …）"
    );
    let plain = ok(s, &["rank", "--round", "agency-2020"]);
    assert!(
        plain.contains(
            "  - 服务机构重庆某知识产权代理有限公司（124400004558612340）参与服务的申报主体超过 2 家（C-1、C-2、C-3）：\
             须确定保留该机构的申报书（至多 2 份），其余形式审查不通过。"
        ),
        "{plain}"
    );
    // A choice must name at most two dossiers that name the agency.
    let keep = |ds: &[&str], reason: &str| {
        let mut args = vec![
            "agency",
            "keep",
            "--round",
            "agency-2020",
            "--code",
            code,
            "--reason",
            reason,
        ];
        for d in ds {
            args.extend(["--dossier", d]);
        }
        run(s, &args)
    };
    let refused = |out: Output| {
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        String::from_utf8_lossy(&out.stderr).trim_end().to_string()
    };
    assert_eq!(
        refused(keep(&["C-1", "C-2", "C-3"], "都要")),
        "服务机构 124400004558612340 至多由 2 份申报书保留，而所列为 3 份"
    );
    assert_eq!(
        refused(keep(&["C-9"], "x")),
        "申报书 C-9 未联合服务机构 124400004558612340；联合该机构的申报书为 C-1、C-2、C-3"
    );
    assert_eq!(
        refused(keep(&["C-1"], " ")),
        "确定保留服务机构的申报书须填写理由"
    );
    assert!(
        ok(s, &["audit", "verify"]).contains("agency-2020（1 条）"),
        "a refused choice writes nothing"
    );
    let said = ok(
        s,
        &[
            "agency",
            "keep",
            "--round",
            "agency-2020",
            "--code",
            code,
            "--dossier",
            "C-1",
            "--dossier",
            "C-3",
            "--reason",
            "签约在先",
        ],
    );
    assert_eq!(
        said.trim_end(),
        "已记录：服务机构 124400004558612340 由 C-1、C-3 保留（签约在先）；联合该机构的其他申报书形式审查不通过"
    );
    // Now C-2 fails formal review with the choice as its reason, and nothing
    // about the agency is pending.
    let v = json(
        s,
        &[
            "rank",
            "--round",
            "agency-2020",
            "--final",
            "--format",
            "json",
        ],
    );
    let reasons = |d: &str| -> Vec<String> {
        let e = v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["dossier"] == d)
            .unwrap();
        e["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .filter(|r| r.contains("服务机构重庆某"))
            .collect()
    };
    assert_eq!(
        reasons("C-2"),
        [
            "服务机构重庆某知识产权代理有限公司（124400004558612340）参与服务的申报主体超过 2 家，经确定由 C-1、C-3 保留该机构（签约在先）"
        ]
    );
    assert_eq!(reasons("C-1"), Vec::<String>::new());
    assert_eq!(reasons("C-3"), Vec::<String>::new());
    assert_eq!(v["pending"], serde_json::json!([]));
    assert!(ok(s, &["audit", "verify"]).contains("agency-2020（2 条）"));
}

#[test]
fn in_english_the_pending_agency_is_said_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/agency/round.ron"]);
    let out = run(
        s,
        &["--lang", "en", "rank", "--round", "agency-2020", "--final"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "the result is not final:\nservice agency 重庆某知识产权代理有限公司 (124400004558612340) serves more than 2 applicants: \
         formal review of C-1, C-2, C-3 is pending until the dossiers that keep it are chosen \
         (pingshen agency keep --code 124400004558612340 --dossier …)"
    );
}

/// panel-cap1 scored and registered: M-001 selected, M-002 and M-003 its alternates.
fn registered_with_alternates(s: &Path) {
    ok(s, &["init", "tests/fixtures/panel/cap1.ron"]);
    for e in ["E1", "E2", "E3"] {
        card(s, "panel-cap1", e, "M-001", ["8", "8", "8", "8"], true);
        card(s, "panel-cap1", e, "M-002", ["7", "7", "7", "7"], true);
        card(s, "panel-cap1", e, "M-003", ["6", "6", "6", "6"], true);
    }
    ok(
        s,
        &[
            "center",
            "register",
            "--round",
            "panel-cap1",
            "--date",
            "2024-07-01",
        ],
    );
}

fn remarks_of(v: &serde_json::Value, dossier: &str) -> serde_json::Value {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["dossier"] == dossier)
        .unwrap()["earlier_alternate"]
        .clone()
}

#[test]
fn a_later_round_names_the_earlier_rounds_alternates_from_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    registered_with_alternates(s);
    let said = ok(s, &["init", "tests/fixtures/panel/next.ron"]);
    assert_eq!(
        said.lines().nth(1),
        Some(
            "本轮采用轮次 panel-cap1（2024 年）的备选单位 2 家，形式审查与排名中注明：\
             1. M-002 广州示例新材料有限公司；2. M-003 广州示例生物医药有限公司"
        ),
        "{said}"
    );
    let table = ok(
        s,
        &["rank", "--round", "panel-2025", "--stage", "preliminary"],
    );
    let lines: Vec<&str> = table
        .lines()
        .filter(|l| l.contains("备选单位"))
        .map(|l| l.split("    ").last().unwrap_or("").trim())
        .collect();
    assert_eq!(
        lines,
        [
            "曾为 2024 年轮次 panel-cap1 的第 1 位备选单位（原编号 M-002，28.00 分）",
            "曾为 2024 年轮次 panel-cap1 的第 2 位备选单位（原编号 M-003，24.00 分）",
        ],
        "{table}"
    );
    // The centre recognised last year is refused; the alternates are not.
    let v = json(
        s,
        &[
            "rank",
            "--round",
            "panel-2025",
            "--stage",
            "preliminary",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        remarks_of(&v, "M-002"),
        serde_json::json!({"round": "panel-cap1", "year": 2024, "order": 1, "dossier": "M-002"})
    );
    assert_eq!(remarks_of(&v, "M-001"), serde_json::Value::Null);
    let en = ok(
        s,
        &[
            "--lang",
            "en",
            "rank",
            "--round",
            "panel-2025",
            "--stage",
            "preliminary",
        ],
    );
    assert!(
        en.contains("was alternate no. 2 of round panel-cap1 (2024; dossier M-003, 24.00 points)"),
        "{en}"
    );
}

#[test]
fn init_names_the_earlier_round_and_refuses_one_that_cannot_have_alternates() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    // Not in the store yet: bad input, nothing loaded.
    let out = run(
        s,
        &[
            "init",
            "tests/fixtures/panel/next-flag.ron",
            "--alternates-from",
            "panel-cap1",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("存储中没有轮次“panel-cap1”"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    registered_with_alternates(s);
    // A round of the same year cannot name it.
    let out = run(
        s,
        &[
            "init",
            "tests/fixtures/panel/cap1.ron",
            "--alternates-from",
            "panel-cap1",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "轮次 panel-cap1 不能采用轮次 panel-cap1 的备选单位：不能指定本轮次自身"
    );
    let said = ok(
        s,
        &[
            "init",
            "tests/fixtures/panel/next-flag.ron",
            "--alternates-from",
            "panel-cap1",
        ],
    );
    assert!(said.contains("备选单位 2 家"), "{said}");
    let v = json(
        s,
        &[
            "rank",
            "--round",
            "panel-2025b",
            "--stage",
            "preliminary",
            "--format",
            "json",
        ],
    );
    assert_eq!(remarks_of(&v, "M-003")["order"], 2);
    let audit = ok(s, &["audit", "verify"]);
    assert!(audit.contains("panel-2025b（2 条）"), "{audit}");
    let out = run(
        s,
        &[
            "--lang",
            "en",
            "init",
            "tests/fixtures/panel/cap1.ron",
            "--alternates-from",
            "panel-2025b",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "round panel-cap1 cannot name the alternates of round panel-2025b: it is held in 2025, not in a year before 2024"
    );
}
