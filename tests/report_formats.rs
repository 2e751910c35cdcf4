//! The ranking as table, JSON, CSV and Markdown, checked on a small round
//! with a broken tie, a level tie across the cap, a recusal, a deviation
//! flag, and ineligible and below-threshold dossiers.

mod builders;
mod minutes;

use pingshen::domain::ranking::Status;
use pingshen::lang::Lang;
use pingshen::report::{Format, render};
use pingshen::text::width;
use serde_json::Value;

#[test]
fn the_small_round_ranks_as_the_report_tests_expect() {
    let w = minutes::world();
    let status = |id: &str| w.ranking.entry(id).unwrap().status;
    assert_eq!(status("D1"), Status::Selected);
    assert_eq!(status("D3"), Status::Selected);
    assert_eq!(status("D4"), Status::Undecided);
    assert_eq!(status("D5"), Status::Undecided);
    assert_eq!(status("D6"), Status::Alternate);
    assert_eq!(status("D7"), Status::Ineligible);
    assert_eq!(status("D8"), Status::BelowThreshold);
    assert_eq!(w.ranking.entry("D3").unwrap().experts, 2, "E3 is recused");
}

#[test]
fn csv_is_exact_bytes_with_a_byte_order_mark_first() {
    let w = minutes::world();
    let csv = render(&w.minutes(Lang::Zh), Format::Csv);
    assert_eq!(&csv.as_bytes()[..3], b"\xEF\xBB\xBF");
    let expected = [
        "\u{feff}排名,编号,申报单位,得分,专家数,极差,状态,状态代码（供程序读取）,备注",
        "1,D1,甲科技有限公司,85.00,3,0.00,入选,selected,",
        "2,D2,乙&<丙>联合创新中心,80.00,3,0.00,入选,selected,",
        "3,D3,丙材料股份有限公司,80.00,2,0.00,入选,selected,与 D2 同分，按“培育基础”小计排序",
        "4,D4,\"丁,\"\"智造\"\"有限公司\",75.00,3,0.00,并列待定,undecided,与 D5 并列；并列跨越入选名额（4 家）线，待秘书决定",
        "4,D5,戊生物科技有限公司,75.00,3,0.00,并列待定,undecided,与 D4 并列；并列跨越入选名额（4 家）线，待秘书决定",
        "6,D6,己信息技术有限公司,60.00,3,40.00,备选,alternate,专家 E1 总分 40 偏离均值 20.00 分（阈值 15 分）；专家 E3 总分 80 偏离均值 20.00 分（阈值 15 分）",
        "7,D8,辛公司,50.17,3,0.50,未达最低分,below_threshold,",
        ",D7,庚公司,,0,,形式审查未通过,ineligible,形式审查：联合申报单位 3 家，超过 2 家",
        "",
    ]
    .join("\r\n");
    assert_eq!(csv, expected);
}

#[test]
fn csv_in_english_keeps_the_status_keys() {
    let w = minutes::world();
    let csv = render(&w.minutes(Lang::En), Format::Csv);
    assert!(csv.starts_with("\u{feff}Rank,Dossier,Applicant,Score,"));
    assert!(csv.contains("\"tied, awaiting decision\",undecided,"));
}

fn json(lang: Lang) -> Value {
    let w = minutes::world();
    serde_json::from_str(&render(&w.minutes(lang), Format::Json)).unwrap()
}

fn entry<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["dossier"] == id)
        .unwrap()
}

#[test]
fn json_has_the_documented_shape() {
    let v = json(Lang::Zh);
    assert_eq!(v["round"], "mini-2024");
    assert_eq!(v["stage"], "expert");
    assert_eq!(v["cap"], 4);
    assert_eq!(v["final"], false);
    assert_eq!(v["pending"][0]["kind"], "tie");
    assert_eq!(v["pending"][0]["dossiers"], serde_json::json!(["D4", "D5"]));
    assert_eq!(v["pending"][0]["boundary"]["cap"], 4);
    let ids: Vec<&str> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["dossier"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["D1", "D2", "D3", "D4", "D5", "D6", "D8", "D7"]);
    for e in v["entries"].as_array().unwrap() {
        for key in [
            "rank",
            "dossier",
            "applicant",
            "score",
            "experts",
            "spread",
            "status",
            "tie",
            "flags",
            "decision",
            "reasons",
        ] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
    }

    let d1 = entry(&v, "D1");
    assert_eq!(d1["rank"], 1);
    assert_eq!(d1["score"], "85.00");
    assert_eq!(d1["status"], "selected");
    assert!(d1["tie"].is_null() && d1["decision"].is_null());

    let d3 = entry(&v, "D3");
    assert_eq!(d3["experts"], 2);
    assert_eq!(d3["tie"]["with"], serde_json::json!(["D2"]));
    assert_eq!(d3["tie"]["broken_by"]["kind"], "section");
    assert_eq!(d3["tie"]["broken_by"]["section"], "S1");
    assert_eq!(d3["tie"]["unresolved"], false);

    let d4 = entry(&v, "D4");
    assert_eq!(d4["rank"], 4);
    assert_eq!(d4["status"], "undecided");
    assert_eq!(d4["tie"]["level"], serde_json::json!(["D5"]));
    assert_eq!(d4["tie"]["boundary"]["kind"], "cap");
    assert_eq!(d4["tie"]["unresolved"], true);
    assert_eq!(entry(&v, "D5")["rank"], 4);

    let d6 = entry(&v, "D6");
    assert_eq!(d6["spread"], "40.00");
    let flags = d6["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 2);
    assert_eq!(flags[0]["kind"], "total");
    assert_eq!(flags[0]["expert"], "E1");
    assert_eq!(flags[0]["total"], "40.00");

    assert_eq!(
        entry(&v, "D8")["score"],
        "50.17",
        "150.5 / 3 rounds half up"
    );
    let d7 = entry(&v, "D7");
    assert!(d7["rank"].is_null() && d7["score"].is_null() && d7["spread"].is_null());
    assert_eq!(d7["status"], "ineligible");
    assert_eq!(
        d7["reasons"],
        serde_json::json!(["联合申报单位 3 家，超过 2 家"])
    );
}

#[test]
fn json_keys_and_statuses_do_not_change_with_the_language() {
    let zh = json(Lang::Zh);
    let en = json(Lang::En);
    assert_eq!(zh["entries"][3]["status"], en["entries"][3]["status"]);
    // only the reasons, words for people, follow the language
    assert_eq!(
        entry(&en, "D7")["reasons"],
        serde_json::json!(["3 joint applicants, more than the 2 allowed"])
    );
    let without_reasons = |v: &Value| {
        let mut v = v["entries"].clone();
        for e in v.as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("reasons");
        }
        v
    };
    assert_eq!(without_reasons(&zh), without_reasons(&en));
}

/// The display column at which `needle` starts in `line`.
fn column(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {line}"));
    width(&line[..at])
}

fn table_lines(table: &str, header: &str) -> Vec<String> {
    table
        .lines()
        .skip_while(|l| !l.starts_with(header))
        .take_while(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn the_chinese_table_lines_up_by_display_width() {
    let w = minutes::world();
    let table = render(&w.minutes(Lang::Zh), Format::Table);
    let lines = table_lines(&table, "排名");
    assert_eq!(lines.len(), 2 + 8, "{table}");
    let rows = &lines[2..];
    // Every status starts in the same column as its heading, and every score
    // ends where the heading 得分 ends.
    let status_col = column(&lines[0], "状态");
    let score_end = column(&lines[0], "得分") + width("得分");
    for (row, e) in rows.iter().zip(&w.ranking.entries) {
        assert_eq!(column(row, e.status.zh()), status_col, "{row}");
        let score = e.score.map_or("-".to_string(), |s| s.fixed2());
        let at = column(row, &format!(" {score} ")) + 1;
        assert_eq!(at + width(&score), score_end, "{row}");
    }
    // Shared ranks are marked; the undecided tie is spelled out below.
    assert!(rows[3].starts_with("=4    D4") && rows[4].starts_with("=4    D5"));
    assert!(table.contains("排名前的“=”表示并列"));
    assert!(table.contains("排名尚未最终确定"));
    assert!(
        table.contains("  - D4、D5 同分并列，跨越入选名额（4 家）线：须由秘书记录决定及理由。")
    );
}

#[test]
fn the_english_table_has_english_headings_and_lines_up() {
    let w = minutes::world();
    let table = render(&w.minutes(Lang::En), Format::Table);
    let lines = table_lines(&table, "Rank  ");
    assert!(lines[0].starts_with("Rank  Dossier  Applicant"));
    let status_col = column(&lines[0], "Status");
    // One row per entry: a zip over a short table would check nothing.
    assert_eq!(lines.len() - 2, w.ranking.entries.len(), "{table}");
    for (row, e) in lines[2..].iter().zip(&w.ranking.entries) {
        assert_eq!(column(row, e.status.en()), status_col, "{row}");
    }
    assert!(table.contains(
        "D4, D5 are level across the selection cap (4): the secretary must record a decision and its reason."
    ));
}

#[test]
fn long_applicant_names_are_cut_by_width() {
    let mut w = minutes::world();
    let long = "超长名称".repeat(20);
    w.ranking.entries[0].applicant = long.clone();
    let table = render(&w.minutes(Lang::Zh), Format::Table);
    let lines = table_lines(&table, "排名");
    assert!(!table.contains(&long));
    assert!(lines[2].contains('…'));
    assert_eq!(
        column(&lines[2], "入选"),
        column(&lines[0], "状态"),
        "{}",
        lines[2]
    );
}

#[test]
fn markdown_has_a_heading_an_escaped_table_and_the_pending_items() {
    let w = minutes::world();
    let md = render(&w.minutes(Lang::Zh), Format::Md);
    assert!(md.starts_with("# 2024年度迷你认定\n\n## 专家评审排名\n"));
    assert!(md.contains("| 排名 | 编号 | 申报单位 | 得分 | 专家数 | 极差 | 状态 | 备注 |\n|---:|"));
    assert!(md.contains("| 2 | D2 | 乙\\&\\<丙\\>联合创新中心 | 80.00 | 3 | 0.00 | 入选 |  |"));
    assert!(md.contains("| =4 | D4 |"));
    assert!(md.contains("| — | 0 | — | 形式审查未通过 |"));
    assert!(
        md.contains("## 待决事项\n\n排名尚未最终确定：下列事项须先处理。\n\n- D4、D5 同分并列")
    );
    assert!(md.contains("## 回避情况\n\n- E3 王祯 — D3 丙材料股份有限公司：曾任该单位顾问\n"));
    let rows = md.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(rows, 1 + 8);
    assert!(md.contains(&pingshen::report::ranking_hash(&w.ranking)));
}

#[test]
fn formats_are_named_as_on_the_command_line() {
    for f in Format::ALL {
        assert_eq!(f.key().parse::<Format>(), Ok(f));
    }
    assert!(
        "pdf"
            .parse::<Format>()
            .unwrap_err()
            .contains("table, json, csv, md")
    );
}
