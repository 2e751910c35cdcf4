//! The register corrected and read as of a day: a day not yet come is
//! refused, an event's day is amended or the event voided (both versions
//! shown, the correction audited), a correction that leaves an impossible
//! history is refused naming the event, and a panel mean that prints as 70.00
//! is seen to fall below the line.

#[path = "support/centres.rs"]
mod centres;
#[path = "support/store.rs"]
mod support;

use centres::*;

const NAME: &str = "广州示例智能装备有限公司";

fn registered() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = store_dir();
    zh_ok(
        &dir,
        &format!("center register --code {WINNER} --name {NAME} --date 2024-07-01"),
    );
    (tmp, dir)
}

#[test]
fn a_day_after_today_is_refused_naming_today() {
    let (_tmp, dir) = registered();
    refused(
        &dir,
        &format!("center assess --code {WINNER} --score 80 --date 2052-07-01"),
        2,
        "--date 2052-07-01: the day is after today (2026-12-02); a register records what has happened",
    );
    let out = zh(
        &dir,
        &format!("center withdraw --code {WINNER} --date 2026-12-03 --reason 经营调整"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        support::text(&out.stderr).trim_end(),
        "--date 2026-12-03：晚于今天（2026-12-02）；登记簿只记录已经发生的事"
    );
    // today itself is not after today
    zh_ok(
        &dir,
        &format!("center assess --code {WINNER} --score 80 --date 2026-12-02"),
    );
}

#[test]
fn an_amended_day_keeps_the_entry_as_made_and_recomputes_the_history() {
    let (_tmp, dir) = registered();
    zh_ok(
        &dir,
        &format!("center assess --code {WINNER} --score 72 --date 2025-07-10"),
    );
    let out = zh_ok(
        &dir,
        &format!(
            "center amend --code {WINNER} --event 2 --date 2025-07-01 --reason 录入时日期写错"
        ),
    );
    assert_eq!(
        out.trim_end(),
        format!(
            "已更正：{NAME}（{WINNER}）第 2 个事件的日期改为 2025-07-01，原记录保留。当前：第一年度考核合格（待期末验收）；下一节点：第二年度考核（期末验收）（2026-07-01）"
        )
    );
    let show = zh_ok(
        &dir,
        &format!("center show --code {WINNER} --on 2026-01-01"),
    );
    let history: Vec<&str> = show
        .lines()
        .skip_while(|l| !l.starts_with("序号"))
        .skip(2)
        .take_while(|l| !l.is_empty())
        .map(str::trim_end)
        .collect();
    assert_eq!(
        history,
        [
            "1     2024-07-01  认定",
            "2     2025-07-10  第一年度考核  72.00 分（72 ≥ 70），合格            已更正，日期应为 2025-07-01：录入时日期写错",
            "2     2025-07-01  第一年度考核  72.00 分（72 ≥ 70），合格            更正后",
        ]
    );
    // The payment follows the corrected day.
    assert!(
        show.contains("2025-07-01  第一年度考核合格       50.00"),
        "{show}"
    );
    // audited: one entry with its reason, and the log still rebuilds the register
    let out = ok(&dir, "audit verify");
    assert!(
        out.lines()
            .any(|l| l.starts_with("audit log intact:")
                && l.ends_with("centre register (3 entries)")),
        "{out}"
    );
    let en = ok(&dir, &format!("center show --code {WINNER}"));
    assert!(
        en.contains("amended, happened on 2025-07-01: 录入时日期写错"),
        "{en}"
    );
    let j = json(&dir, &format!("center show --code {WINNER} --format json"));
    assert_eq!(j["records"][1]["date"], "2025-07-10");
    assert_eq!(j["records"][1]["corrections"][0]["amended"], "2025-07-01");
    assert_eq!(j["records"][1]["standing"]["date"], "2025-07-01");
}

#[test]
fn a_void_that_leaves_an_impossible_history_is_refused_naming_the_event() {
    let (_tmp, dir) = registered();
    zh_ok(
        &dir,
        &format!("center assess --code {WINNER} --score 60 --date 2025-07-01"),
    );
    // the assessment rests on the recognition
    let out = zh(
        &dir,
        &format!("center void --code {WINNER} --event 1 --reason 误录"),
    );
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        support::text(&out.stderr).trim_end(),
        format!(
            "更正后的历史不能成立：中心 {WINNER} 的第 2 个事件不能成立：中心的第一个事件必须是认定"
        )
    );
    refused(
        &dir,
        &format!("center void --code {WINNER} --event 1 --reason mistake"),
        3,
        &format!(
            "the corrected history cannot have happened: event 2 of centre {WINNER} cannot happen"
        ),
    );
    refused(
        &dir,
        &format!("center void --code {WINNER} --event 3 --reason mistake"),
        2,
        "there is no event 3; the centre has 2",
    );
    // voiding the failed assessment puts the centre back before it
    let out = ok(
        &dir,
        &format!("center void --code {WINNER} --event 2 --reason entered-twice"),
    );
    assert_eq!(
        out.trim_end(),
        format!(
            "voided: event 2 of {NAME} ({WINNER}); the entry as made stays. now: recognised (year-1 assessment due); next: year-1 assessment (2025-07-01)"
        )
    );
    let show = zh_ok(&dir, &format!("center show --code {WINNER}"));
    assert!(
        show.contains("2     2025-07-01  第一年度考核  60.00 分（60 < 70），不合格            已作废：entered-twice"),
        "{show}"
    );
    refused(
        &dir,
        &format!("center amend --code {WINNER} --event 2 --date 2025-07-02 --reason x"),
        2,
        "event 2 is void already",
    );
}

#[test]
fn the_register_as_of_a_day_shows_what_had_happened_by_then() {
    let (_tmp, dir) = registered();
    zh_ok(
        &dir,
        &format!("center assess --code {WINNER} --score 72 --date 2025-07-01"),
    );
    zh_ok(
        &dir,
        &format!("center publicity --code {WINNER} --from 2025-07-02"),
    );
    let before = zh_ok(
        &dir,
        &format!("center show --code {WINNER} --on 2025-03-01"),
    );
    assert_eq!(
        before.trim_end(),
        format!(
            "{NAME}（{WINNER}）· 黄埔区（每年度考核合格扶持50万元） · 截至 2025-03-01
状态：建设中（待第一年度考核）；下一节点：第一年度考核 2025-07-01，剩余 122天

序号  日期        事项  详情  来源轮次  更正
--------------------------------------------
1     2024-07-01  认定

日期  事由  金额(万元)  状态
----------------------------
合计：可拨付 0.00 万元；待定 0.00 万元；不予扶持 0.00 万元"
        )
    );
    // during publicity the pass is pending; after it, payable
    let j = json(
        &dir,
        &format!("center show --code {WINNER} --on 2025-07-03 --format json"),
    );
    assert_eq!(j["records"].as_array().map(Vec::len), Some(3));
    assert_eq!(j["pending"], "50.00");
    assert_eq!(j["payable"], "0.00");
    let j = json(
        &dir,
        &format!("center show --code {WINNER} --on 2025-07-01 --format json"),
    );
    assert_eq!(j["records"].as_array().map(Vec::len), Some(2));
    let j = json(&dir, &format!("center show --code {WINNER} --format json"));
    assert_eq!(j["payable"], "50.00");
}

#[test]
fn a_mean_printed_as_70_is_seen_to_fall_below_the_line() {
    let (_tmp, dir) = registered();
    load_round(&dir, "tests/fixtures/centres/exact/year1.ron");
    score(
        &dir,
        "exact-2025-1",
        "E1",
        "A-001",
        &[("A", "35"), ("B", "34.99")],
    );
    score(
        &dir,
        "exact-2025-1",
        "E2",
        "A-001",
        &[("A", "35"), ("B", "35")],
    );
    let out = zh_ok(
        &dir,
        &format!("center assess --code {WINNER} --round exact-2025-1"),
    );
    assert!(
        out.starts_with(&format!(
            "已记录：{NAME}（{WINNER}）第一年度考核 69.99 分（专家组均分 69.995 < 70），不合格。"
        )),
        "{out}"
    );
    let en = ok(&dir, &format!("center show --code {WINNER}"));
    assert!(
        en.contains("year-1 assessment  69.99 (69.99 < 70), failed  exact-2025-1"),
        "{en}"
    );
}
