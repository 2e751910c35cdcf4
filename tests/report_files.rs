//! The files of the minutes: what `write_all` writes, the printable HTML
//! (escaping, A4, one signed sheet per expert and dossier), the workbook read
//! back with calamine, and the ranking's reproducible hash.

mod builders;
mod minutes;

use calamine::{Data, Reader, Xlsx, open_workbook};
use pingshen::lang::Lang;
use pingshen::report::{self, FILES, SUMMARY};
use sha2::{Digest, Sha256};

#[test]
fn write_all_writes_every_file_whole() {
    let w = minutes::world();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes");
    let written = report::write_all(&w.minutes(Lang::Zh), &out).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, FILES);
    let mut listed: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    listed.sort();
    let mut expected = FILES.map(String::from).to_vec();
    expected.sort();
    assert_eq!(listed, expected, "no temporary file is left behind");
    let csv = std::fs::read(out.join("ranking.csv")).unwrap();
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let canonical = std::fs::read(out.join("ranking.canonical.txt")).unwrap();
    let hash: String = Sha256::digest(&canonical)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hash,
        report::ranking_hash(&w.ranking),
        "sha256sum of the file"
    );
    let md = std::fs::read_to_string(out.join("ranking.md")).unwrap();
    assert!(md.starts_with("# 2024年度迷你认定"));
}

#[test]
fn write_all_reports_where_it_cannot_write() {
    let w = minutes::world();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = report::write_all(&w.minutes(Lang::Zh), &file).unwrap_err();
    assert!(err.to_string().contains("not-a-dir"), "{err}");
}

#[test]
fn the_hash_covers_the_canonical_text_and_nothing_else() {
    let mut w = minutes::world();
    let canonical = report::canonical(&w.ranking);
    let lines: Vec<&str> = canonical.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "pingshen ranking v1",
            "round\tmini-2024",
            "stage\texpert",
            "1\tD1\t甲科技有限公司\t85/1\t85.00\t3\tselected",
        ]
    );
    assert_eq!(lines[9], "7\tD8\t辛公司\t301/6\t50.17\t3\tbelow_threshold");
    assert_eq!(lines[10], "-\tD7\t庚公司\t-\t-\t0\tineligible");
    assert_eq!(lines.len(), 3 + 8);
    let hash = report::ranking_hash(&w.ranking);
    let direct: String = Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hash, direct);
    // Language, time and remarks are not covered; a status is.
    let html_zh = report::html(&w.minutes(Lang::Zh));
    let html_en = report::html(&w.minutes(Lang::En));
    assert!(html_zh.contains(&hash) && html_en.contains(&hash));
    w.ranking.entries[5].flags = Default::default();
    assert_eq!(report::ranking_hash(&w.ranking), hash);
    w.ranking.entries[5].status = pingshen::domain::ranking::Status::NotSelected;
    assert_ne!(report::ranking_hash(&w.ranking), hash);
}

#[test]
fn html_escapes_every_text_and_needs_no_network() {
    let w = minutes::world();
    let html = report::html(&w.minutes(Lang::Zh));
    assert!(html.contains("乙&amp;&lt;丙&gt;联合创新中心"));
    assert!(!html.contains("<丙>"));
    assert!(html.contains("丁,&quot;智造&quot;有限公司"));
    assert!(
        html.contains("专利储备扎实 &lt;满分&gt;"),
        "item comments are printed"
    );
    assert!(html.contains("建议入选"), "an overall comment is printed");
    for outside in ["http://", "https://", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("\"Noto Sans CJK SC\", \"Noto Sans SC\""));
    assert!(html.contains("WenQuanYi Micro Hei"));
}

#[test]
fn html_has_the_ranking_the_notice_list_and_one_signed_sheet_per_expert_and_dossier() {
    let w = minutes::world();
    let html = report::html(&w.minutes(Lang::Zh));
    // Three parts: ranking, notice, sheets; the notice lists the selected in rank order.
    let notice = &html[html.find("入选名单（公示）").unwrap()..];
    let notice = &notice[..notice.find("</section>").unwrap()];
    let order: Vec<usize> = ["D1", "D2", "D3"]
        .iter()
        .map(|id| notice.find(&format!(">{id}<")).unwrap())
        .collect();
    assert!(order.windows(2).all(|p| p[0] < p[1]));
    assert!(
        !notice.contains(">D4<"),
        "an undecided tie is not on the list"
    );
    assert!(notice.contains("排名尚未最终确定，本名单待上述事项处理后方可公示。"));
    // E1 and E2 scored seven dossiers; E3 six and recused from D3 (card not counted).
    let sheets = html.matches("<article class=\"sheet\">").count();
    assert_eq!(sheets, 7 + 7 + 7);
    assert_eq!(
        html.matches("专家签字：________  日期：________").count(),
        sheets
    );
    assert_eq!(html.matches("回避理由：曾任该单位顾问").count(), 1);
    // A sheet: items with maxima and scores, section subtotals, the total.
    let first = &html[html.find("<article class=\"sheet\">").unwrap()..];
    let first = &first[..first.find("</article>").unwrap()];
    assert!(first.contains("E1 张衡") && first.contains("甲科技有限公司"));
    assert!(
        first.contains("培育基础（小计）</td><td class=\"num\">60</td><td class=\"num\">60</td>")
    );
    assert!(
        first.contains("建设目标（小计）</td><td class=\"num\">40</td><td class=\"num\">25</td>")
    );
    assert!(first.contains("<td>合计</td><td class=\"num\">100</td><td class=\"num\">85</td>"));
    // Local time with its zone, not UTC.
    assert!(first.contains("已提交 2024-06-01 17:00 UTC+08:00 (Asia/Shanghai)"));
    // The pending tie and the verification block.
    assert!(html.contains("D4、D5 同分并列，跨越入选名额（4 家）线：须由秘书记录决定及理由。"));
    assert!(html.contains("评分表指纹：<code>sha256:0123abcd</code>"));
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_workbook_opens_with_a_summary_and_one_sheet_per_expert() {
    let w = minutes::world();
    let dir = tempfile::tempdir().unwrap();
    report::write_all(&w.minutes(Lang::Zh), dir.path()).unwrap();
    let mut book: Xlsx<_> = open_workbook(dir.path().join("ranking.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [SUMMARY, "E1 张衡", "E2 李冰", "E3 王祯"].map(String::from)
    );

    let sum = book.worksheet_range(SUMMARY).unwrap();
    assert_eq!(cell(&sum, 0, 0), Data::String("2024年度迷你认定".into()));
    let head: Vec<Data> = (0..9).map(|c| cell(&sum, 4, c)).collect();
    assert_eq!(
        head,
        [
            "排名",
            "编号",
            "申报单位",
            "得分",
            "专家数",
            "极差",
            "状态",
            "备注"
        ]
        .map(|s| Data::String(s.into()))
        .into_iter()
        .chain([Data::Empty])
        .collect::<Vec<_>>(),
        "no empty tie column and no status key for people to read"
    );
    assert_eq!(cell(&sum, 5, 0), Data::Float(1.0));
    assert_eq!(cell(&sum, 5, 1), Data::String("D1".into()));
    assert_eq!(cell(&sum, 5, 3), Data::Float(85.0));
    assert_eq!(cell(&sum, 6, 2), Data::String("乙&<丙>联合创新中心".into()));
    assert_eq!(
        cell(&sum, 8, 7),
        Data::String("与 D5 并列；并列跨越入选名额（4 家）线，待秘书决定".into())
    );
    assert_eq!(cell(&sum, 11, 3), Data::Float(50.17));
    assert_eq!(cell(&sum, 12, 6), Data::String("形式审查未通过".into()));
    assert_eq!(cell(&sum, 12, 3), Data::Empty);

    let e1 = book.worksheet_range("E1 张衡").unwrap();
    assert_eq!(cell(&e1, 3, 2), Data::String("a".into()));
    assert_eq!(cell(&e1, 3, 5), Data::String("合计".into()));
    assert_eq!(cell(&e1, 4, 5), Data::Float(100.0), "the maxima row");
    assert_eq!(cell(&e1, 5, 0), Data::String("D1".into()));
    assert_eq!(cell(&e1, 5, 2), Data::Float(30.0));
    assert_eq!(cell(&e1, 5, 5), Data::Float(85.0));
    assert_eq!(cell(&e1, 5, 6), Data::String("已提交".into()));

    let e3 = book.worksheet_range("E3 王祯").unwrap();
    assert_eq!(cell(&e3, 7, 0), Data::String("D3".into()));
    assert_eq!(cell(&e3, 7, 6), Data::String("已声明回避，不计入".into()));
    assert_eq!(cell(&e3, 11, 4), Data::Float(20.5));
}

#[test]
fn expert_sheet_names_are_made_safe_for_excel() {
    let mut w = minutes::world();
    w.round.experts[0].name = "张/衡:[特聘]*专家?".into();
    w.round.experts[1].name = "很长的名字".repeat(8);
    w.round.experts[2].id = "E1".into();
    w.round.experts[2].name = "张/衡:[特聘]*专家?".into();
    let bytes = report::xlsx(&w.minutes(Lang::Zh)).unwrap();
    let book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[1], "E1 张_衡__特聘__专家_");
    assert_eq!(names[2].encode_utf16().count(), 31);
    assert_eq!(names[3], "E1 张_衡__特聘__专家_ (2)");
}

#[test]
fn an_acceptance_round_prints_its_verdicts_and_indicator_sheets() {
    use chrono::{TimeZone, Utc};
    use pingshen::domain::aggregate::Recusals;
    use pingshen::domain::rank::{Inputs, rank};
    use pingshen::domain::round::Stage;
    use pingshen::load::{self, Disk};

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = load::round(&Disk, &root.join("scoresheets/guangxi-demo/round.ron")).unwrap();
    let d = &r.dossiers[0];
    let mut card = builders::card(
        &r.round.id,
        Stage::Expert,
        "E2",
        &d.id,
        &[("G1", "6"), ("G5", "1")],
        true,
    );
    card.comments.insert("G5".into(), "获中国专利优秀奖".into());
    let cards = vec![card];
    let recusals = Recusals::from_conflicts(&r.round.conflicts);
    let inputs = Inputs {
        round: &r.round,
        sheet: &r.sheet,
        eligibility: r.eligibility.as_ref(),
        dossiers: &r.dossiers,
        cards: &cards,
        recusals: &recusals,
        decisions: &[],
        excuses: &[],
        register: &[],
        agency: &[],
        earlier: &[],
    };
    let ranking = rank(&inputs, Stage::Expert).unwrap();
    let m = report::Minutes {
        round: &r.round,
        sheet: &r.sheet,
        dossiers: &r.dossiers,
        ranking: &ranking,
        cards: &cards,
        conflicts: &r.round.conflicts,
        excuses: &[],
        generated: Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
        sheet_fingerprint: "fp".into(),
        lang: Lang::Zh,
    };
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&m, report::Format::Json)).unwrap();
    assert!(json["cap"].is_null());
    let first = &json["entries"][0];
    assert!(first["reasons"][0].as_str().unwrap().starts_with("达成 "));
    let html = report::html(&m);
    assert!(html.contains("通过名单（公示）"));
    assert!(html.contains("<th>目标</th><th>实际完成</th>"));
    assert!(html.contains(
        "战略性新兴产业有效发明专利</td><td class=\"num\">5 件</td><td class=\"num\">6</td>"
    ));
    assert!(html.contains("获中国专利优秀奖"));
    // Submitted, the card is printed for signing; a draft never is.
    assert!(
        html.contains("已提交 2024-06-01 17:00 UTC+08:00 (Asia/Shanghai)"),
        "{html}"
    );
    assert!(!html.contains("未提交（草稿），不计入"));
    let book = report::xlsx(&m).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(book)).unwrap();
    let e2 = book.worksheet_range(&book.sheet_names()[2]).unwrap();
    assert_eq!(
        cell(&e2, 3, 2),
        Data::String("G1 战略性新兴产业有效发明专利".into())
    );
    assert_eq!(cell(&e2, 5, 2), Data::Float(6.0));
}

#[test]
fn every_printed_page_says_what_it_continues_and_the_check_value_in_plain_words() {
    let w = minutes::world();
    for (lang, title, gone) in [
        (
            Lang::Zh,
            "@top-center { content: \"2024年度迷你认定 · 专家评审排名\"",
            ["pingshen ranking v1", "制表符", "状态代码"],
        ),
        (
            Lang::En,
            "@top-center { content: \"2024年度迷你认定 · Ranking: expert review\"",
            ["pingshen ranking v1", "tab-separated", "Status key"],
        ),
    ] {
        let html = report::html(&w.minutes(lang));
        assert!(html.contains(title), "{}", &html[..2000.min(html.len())]);
        for g in gone {
            assert!(!html.contains(g), "{g}");
        }
    }
    let html = report::html(&w.minutes(Lang::Zh));
    assert!(html.contains("排名校验值（SHA-256）：<code>"));
    assert!(html.contains("table.ranking col.c-status { width: 15%; }"));
}
