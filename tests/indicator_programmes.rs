//! Every clause of the four indicator programmes in the seeds, built here as
//! sheets: Guangxi (3 incl. item 5, or 4 excl. item 5), Chongqing (20
//! inventions and 1 PCT and 3 of 10), Xinyang (3 of 8) and Fangchenggang
//! direction 6 (with its either/or).

mod builders;

use builders::{card, date, declaring, dossier, indicator_sheet};
use pingshen::domain::aggregate::{Recusals, aggregate};
use pingshen::domain::card::Card;
use pingshen::domain::dossier::Dossier;
use pingshen::domain::indicators::{Evidence, achievement};
use pingshen::domain::outcome::{Verdict, verdict};
use pingshen::domain::round::Stage;
use pingshen::domain::rules::Cond;
use pingshen::domain::sheet::Sheet;

fn judge(sheet: &Sheet, d: &Dossier, cards: &[Card]) -> Verdict {
    let panel = aggregate(sheet, Stage::Expert, &d.id, cards, &Recusals::default());
    let a = achievement(sheet, d, &panel);
    verdict(sheet, d, date(2025, 12, 31), &a).unwrap()
}

fn met(id: &str) -> Cond {
    Cond::Met(id.into())
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---------- Guangxi (000): 3 of 7 including item 5, or 4 not counting item 5

fn guangxi() -> Sheet {
    let mut s = indicator_sheet(
        "guangxi",
        &[
            ("G1", "战略性新兴产业有效发明专利", "件", "5"),
            ("G2", "海外同族专利权有效发明专利", "件", "2"),
            ("G3", "维持年限超过10年有效发明专利", "件", "5"),
            ("G4", "专利质押融资", "万元", "100"),
            ("G5", "国家科学技术奖或中国专利奖", "项", "1"),
            ("G6", "专利产品销售收入", "万元", "5000"),
            ("G7", "战略性新兴产业专利导航项目", "项", "1"),
        ],
    );
    s.acceptance = Some(Cond::Any(vec![
        Cond::All(vec![
            met("G5"),
            Cond::CountMet {
                min: 3,
                of: vec![],
                excluding: vec![],
            },
        ]),
        Cond::CountMet {
            min: 4,
            of: vec![],
            excluding: ids(&["G5"]),
        },
    ]));
    s
}

/// Declares the listed Guangxi indicators achieved (exactly at target) and the rest at zero.
fn guangxi_with(met: &[&str]) -> (Sheet, Dossier) {
    let s = guangxi();
    let values: Vec<(&str, String)> = s
        .indicators
        .iter()
        .map(|i| {
            let v = if met.contains(&i.id.as_str()) {
                i.target.to_string()
            } else {
                "0".to_string()
            };
            (i.id.as_str(), v)
        })
        .collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let d = declaring("GX", &pairs, &s);
    (s, d)
}

#[test]
fn guangxi_three_including_item_five_passes_by_the_first_clause() {
    let (s, d) = guangxi_with(&["G1", "G2", "G5"]);
    let v = judge(&s, &d, &[]);
    assert!(v.passed);
    assert_eq!(v.evidence, Evidence::Declared);
    assert_eq!(
        v.zh(),
        "达成 3/7，含第5项；符合 3 项（含第5项）（依据申报数据）"
    );
    assert_eq!(
        v.en(),
        "met 3 of 7, including item 5; meets 3 items including item 5 (declared values)"
    );
}

#[test]
fn guangxi_four_without_item_five_passes_by_the_second_clause() {
    let (s, d) = guangxi_with(&["G1", "G2", "G3", "G4"]);
    let v = judge(&s, &d, &[]);
    assert!(v.passed);
    assert_eq!(
        v.clause,
        Some(Cond::CountMet {
            min: 4,
            of: vec![],
            excluding: ids(&["G5"])
        })
    );
    assert!(
        v.zh()
            .starts_with("达成 4/7，缺第5项；符合 4 项（不含第5项）")
    );
}

#[test]
fn guangxi_two_including_item_five_fails_and_says_what_is_needed() {
    let (s, d) = guangxi_with(&["G1", "G5"]);
    let v = judge(&s, &d, &[]);
    assert!(!v.passed);
    assert_eq!(
        v.zh(),
        "达成 2/7，含第5项；需 3 项（含第5项）或 4 项（不含第5项）（依据申报数据）"
    );
}

#[test]
fn guangxi_three_without_item_five_fail() {
    let (s, d) = guangxi_with(&["G1", "G2", "G3"]);
    let v = judge(&s, &d, &[]);
    assert!(!v.passed);
    assert!(v.zh().starts_with("达成 3/7，缺第5项；需 "));
    // item 5 with two others passes; item 5 with one other does not
    assert!(
        judge(
            &guangxi_with(&["G5", "G6", "G7"]).0,
            &guangxi_with(&["G5", "G6", "G7"]).1,
            &[]
        )
        .passed
    );
    assert!(
        !judge(
            &guangxi_with(&["G5", "G6"]).0,
            &guangxi_with(&["G5", "G6"]).1,
            &[]
        )
        .passed
    );
}

#[test]
fn guangxi_with_both_clauses_true_names_the_first() {
    let (s, d) = guangxi_with(&["G1", "G2", "G3", "G4", "G5"]);
    let v = judge(&s, &d, &[]);
    assert!(v.zh().contains("符合 3 项（含第5项）"));
}

#[test]
fn guangxi_one_below_target_is_not_met() {
    let s = guangxi();
    let d = declaring(
        "GX",
        &[("G1", "5"), ("G2", "2"), ("G5", "1"), ("G6", "4999.99")],
        &s,
    );
    let v = judge(&s, &d, &[]);
    assert_eq!(v.met_count(), 3);
    assert!(!v.indicators[5].met);
    assert!(v.passed);
}

// ---------- Chongqing (003): ≥ 20 new inventions AND ≥ 1 new PCT AND 3 of 10

fn chongqing() -> Sheet {
    let mut ind = vec![
        ("C1", "新增发明专利", "件", "20"),
        ("C2", "新增PCT专利申请", "件", "1"),
    ];
    let targets = [
        ("T1", "新增专利产品年度销售收入", "万元", "3000"),
        ("T2", "新增专利转让许可收益", "万元", "1000"),
        ("T3", "新增专利质押融资额", "万元", "1000"),
        ("T4", "专利作价入股新增", "万元", "500"),
        ("T5", "获得知识产权投融资", "万元", "100"),
        ("T6", "组建产业知识产权联盟并建立专利池", "个", "1"),
        ("T7", "与培育相关的专利获中国专利奖", "项", "1"),
        ("T8", "专利技术纳入国家或行业标准", "项", "1"),
        ("T9", "无效宣告维持或侵权诉讼胜诉", "项", "1"),
        ("T10", "专利或相关产品获国际、国家级奖励", "项", "1"),
    ];
    ind.extend(targets);
    let mut s = indicator_sheet("chongqing", &ind);
    s.acceptance = Some(Cond::All(vec![
        met("C1"),
        met("C2"),
        Cond::CountMet {
            min: 3,
            of: ids(&["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"]),
            excluding: vec![],
        },
    ]));
    s
}

/// Three experts' cards; each value list gives C1, C2, T1…T10.
fn panel(sheet: &Sheet, d: &str, cards: [[&str; 12]; 3]) -> Vec<Card> {
    let ids: Vec<&str> = sheet.indicators.iter().map(|i| i.id.as_str()).collect();
    ["E1", "E2", "E3"]
        .iter()
        .zip(cards)
        .map(|(e, values)| {
            let scores: Vec<(&str, &str)> = ids.iter().copied().zip(values).collect();
            card("r", Stage::Expert, e, d, &scores, true)
        })
        .collect()
}

#[test]
fn chongqing_passes_with_all_three_clauses() {
    let s = chongqing();
    // T1, T3, T8 met by every expert; T2 by only one expert (not a majority)
    let row = [
        "20", "1", "3000", "0", "1000", "0", "0", "0", "0", "1", "0", "0",
    ];
    let mut one = row;
    one[3] = "1000";
    let cards = panel(&s, "CQ", [row, row, one]);
    let v = judge(&s, &dossier("CQ"), &cards);
    assert!(v.passed, "{}", v.zh());
    assert_eq!(v.evidence, Evidence::Panel { experts: 3 });
    assert_eq!(v.indicators[3].votes, 1);
    assert_eq!(
        v.zh(),
        "达成 5/12，含第1项，含第2项；符合 第1项且第2项且第3–12项中 3 项"
    );
}

#[test]
fn chongqing_nineteen_inventions_fail_the_first_clause() {
    let s = chongqing();
    let row = [
        "19", "1", "3000", "1000", "1000", "0", "0", "0", "0", "0", "0", "0",
    ];
    let v = judge(&s, &dossier("CQ"), &panel(&s, "CQ", [row, row, row]));
    assert!(!v.passed);
    assert_eq!(v.missing, [met("C1")]);
    assert!(v.zh().ends_with("；未满足 第1项"), "{}", v.zh());
}

#[test]
fn chongqing_no_pct_fails_the_second_clause() {
    let s = chongqing();
    let row = [
        "25", "0", "3000", "1000", "1000", "0", "0", "0", "0", "0", "0", "0",
    ];
    // two of three experts see a PCT application: the majority decides it is met
    let mut seen = row;
    seen[1] = "1";
    let v = judge(&s, &dossier("CQ"), &panel(&s, "CQ", [row, row, seen]));
    assert!(!v.passed);
    assert_eq!(v.missing, [met("C2")]);
    let v = judge(&s, &dossier("CQ"), &panel(&s, "CQ", [row, seen, seen]));
    assert!(v.passed);
}

#[test]
fn chongqing_two_of_ten_fail_the_third_clause() {
    let s = chongqing();
    let row = [
        "25", "2", "3000", "1000", "999.99", "0", "0", "0", "0", "0", "0", "0",
    ];
    let v = judge(&s, &dossier("CQ"), &panel(&s, "CQ", [row, row, row]));
    assert!(!v.passed);
    assert_eq!(v.missing.len(), 1);
    assert!(v.zh().ends_with("；未满足 第3–12项中 3 项"), "{}", v.zh());
    assert!(v.en().ends_with("; not met: 3 of items 3–12"), "{}", v.en());
}

// ---------- Xinyang (004): at least 3 of 8

fn xinyang() -> Sheet {
    let mut s = indicator_sheet(
        "xinyang",
        &[
            ("X1", "高价值专利组合（发明专利20件以上）", "个", "2"),
            ("X2", "新增专利产品销售收入", "万元", "500"),
            ("X3", "新增专利转让许可收益", "万元", "300"),
            ("X4", "新增专利质押融资额", "万元", "2000"),
            ("X5", "新增PCT专利申请", "件", "1"),
            ("X6", "产业知识产权联盟并建专利池", "个", "1"),
            ("X7", "中国专利奖优秀奖以上", "项", "1"),
            ("X8", "纳入国家及行业标准必要专利", "项", "1"),
        ],
    );
    s.acceptance = Some(Cond::CountMet {
        min: 3,
        of: vec![],
        excluding: vec![],
    });
    s
}

#[test]
fn xinyang_three_of_eight_pass_two_fail() {
    let s = xinyang();
    let three = declaring("XY", &[("X2", "500"), ("X5", "1"), ("X8", "3")], &s);
    let v = judge(&s, &three, &[]);
    assert!(v.passed);
    assert_eq!(v.zh(), "达成 3/8；符合 3 项（依据申报数据）");
    let two = declaring("XY", &[("X2", "500"), ("X5", "1"), ("X4", "1999")], &s);
    let v = judge(&s, &two, &[]);
    assert!(!v.passed);
    assert_eq!(v.zh(), "达成 2/8；需 3 项（依据申报数据）");
}

// ---------- Fangchenggang (002) direction 6: all of (1), (3) and either pledge or output

fn fangchenggang() -> Sheet {
    let mut s = indicator_sheet(
        "fangchenggang-6",
        &[
            ("F1", "高价值专利组合", "组", "2"),
            ("F2", "培育专利", "项", "20"),
            ("F3", "其中高价值发明专利", "项", "10"),
            ("F4", "新增专利质押融资额", "万元", "100"),
            ("F5", "新增专利产品产值", "万元", "1000"),
            ("F6", "开展专利奖申报", "项", "1"),
        ],
    );
    s.acceptance = Some(Cond::All(vec![
        met("F1"),
        met("F2"),
        met("F3"),
        Cond::Any(vec![met("F4"), met("F5")]),
        met("F6"),
    ]));
    s
}

fn fcg(values: [&str; 6]) -> Verdict {
    let s = fangchenggang();
    let ids = ["F1", "F2", "F3", "F4", "F5", "F6"];
    let scores: Vec<(&str, &str)> = ids.into_iter().zip(values).collect();
    let cards = vec![card("r", Stage::Expert, "E1", "FC", &scores, true)];
    judge(&s, &dossier("FC"), &cards)
}

#[test]
fn fangchenggang_pledge_or_output_either_passes() {
    let pledge = fcg(["2", "20", "10", "100", "0", "1"]);
    assert!(pledge.passed);
    assert_eq!(
        pledge.zh(),
        "达成 5/6，含第1项，含第2项，含第3项，含第4项，缺第5项，含第6项；符合 第1项且第2项且第3项且第4项且第6项"
    );
    let output = fcg(["2", "20", "10", "0", "1000", "1"]);
    assert!(output.passed);
    assert!(
        output
            .zh()
            .ends_with("符合 第1项且第2项且第3项且第5项且第6项")
    );
}

#[test]
fn fangchenggang_neither_pledge_nor_output_fails() {
    let v = fcg(["2", "20", "10", "99.99", "999.99", "1"]);
    assert!(!v.passed);
    assert_eq!(v.missing, [Cond::Any(vec![met("F4"), met("F5")])]);
    assert!(v.zh().ends_with("；未满足 第4项或第5项"), "{}", v.zh());
    assert!(
        v.zh()
            .contains("需 第1项且第2项且第3项且（第4项或第5项）且第6项"),
        "{}",
        v.zh()
    );
}

#[test]
fn fangchenggang_each_required_clause_fails_alone() {
    let full = ["2", "20", "10", "100", "1000", "1"];
    for (k, id) in [(0, "F1"), (1, "F2"), (2, "F3"), (5, "F6")] {
        let mut v = full;
        v[k] = "0";
        let verdict = fcg(v);
        assert!(!verdict.passed, "{id}");
        assert_eq!(verdict.missing, [met(id)]);
    }
    assert!(fcg(full).passed);
}
