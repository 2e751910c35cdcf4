//! The real binary in a real terminal: open the demo under tmux, score every item
//! of one dossier by keyboard, submit, quit; then `score show` has exactly those scores.

use std::process::Command;

use pingshen::domain::Points;

mod common;

use common::tmux::Session;

/// A value every item accepts without needing a comment: half the maximum, on a step.
fn middle(max: Points, step: Points) -> Points {
    let steps = max.hundredths() / step.hundredths();
    Points::from_hundredths((steps / 2).max(1) * step.hundredths())
}

#[test]
#[cfg_attr(missing_tmux, ignore = "needs tmux: apt-get install tmux")]
fn score_a_dossier_by_keyboard_and_find_it_in_the_store() {
    let store = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_pingshen");
    let cmd = format!(
        "LANG=C.UTF-8 PINGSHEN_STORE='{}' '{bin}' demo; echo EXIT=$?; sleep 30",
        store.path().display()
    );
    let t = Session::start("pingshen-e2e", &cmd);

    t.wait_for("选择身份");
    t.keys(&["Enter"]); // E1
    t.wait_for("筛选: 全部");
    t.keys(&["f"]); // only those not started
    t.wait_for("筛选: 未评");
    t.keys(&["Enter"]);
    let screen = t.wait_for("满分");
    let dossier = screen
        .lines()
        .find_map(|l| {
            l.strip_prefix('┌')
                .and_then(|r| r.split_whitespace().next())
        })
        .filter(|id| id.starts_with("HP-"))
        .unwrap_or_else(|| panic!("no dossier id on screen:\n{screen}"))
        .to_string();

    let round = pingshen::samples::demo_round().unwrap();
    let mut expected = Vec::new();
    for item in round.sheet.items() {
        let v = middle(item.max, item.step);
        t.text(&v.to_string());
        t.keys(&["Enter"]);
        t.wait_for(&format!("已保存 {} = {v}", item.id));
        if item.needs_comment(v) {
            t.keys(&["Up"]);
            t.keys(&["c"]);
            t.wait_for("评分意见");
            t.text("材料齐全，符合要求");
            t.keys(&["C-s"]);
            t.wait_for(&format!("已保存 {} 的意见", item.id));
            t.keys(&["Down"]);
        }
        expected.push((item.id.clone(), v));
    }
    t.keys(&["s"]);
    t.wait_for("确认提交");
    t.keys(&["y"]);
    t.wait_for("已提交，只读");
    t.keys(&["Escape"]);
    t.wait_for("筛选");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let out = Command::new(bin)
        .args([
            "--store",
            store.path().to_str().unwrap(),
            "score",
            "show",
            "--round",
            "huangpu-2024",
        ])
        .args(["--expert", "E1", "--dossier", &dossier, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let card = &json["cards"][0];
    assert_eq!(card["status"], "submitted");
    let scores = card["scores"].as_object().unwrap();
    assert_eq!(scores.len(), expected.len(), "{card}");
    for (id, v) in &expected {
        assert_eq!(scores[id.as_str()], v.fixed2(), "item {id}");
    }
    let needing = round
        .sheet
        .items()
        .filter(|i| i.needs_comment(middle(i.max, i.step)))
        .count();
    assert!(
        needing >= 1,
        "the demo sheet has an item that always needs a comment"
    );
    let comments = card["comments"].as_object().unwrap();
    assert_eq!(comments.len(), needing, "{comments:?}");
    assert!(
        comments.values().all(|c| c == "材料齐全，符合要求"),
        "{comments:?}"
    );
}

/// Typed like a spreadsheet: a score, then ↓, never Enter. The value is in
/// the store when the program has ended.
#[test]
#[cfg_attr(missing_tmux, ignore = "needs tmux: apt-get install tmux")]
fn a_score_typed_then_down_is_in_the_store() {
    let store = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_pingshen");
    let cmd = format!(
        "LANG=C.UTF-8 PINGSHEN_STORE='{}' '{bin}' demo; echo EXIT=$?; sleep 30",
        store.path().display()
    );
    let t = Session::start("pingshen-down", &cmd);
    t.wait_for("选择身份");
    t.keys(&["Enter"]); // E1
    t.wait_for("筛选: 全部");
    t.keys(&["f"]);
    t.wait_for("筛选: 未评");
    t.keys(&["Enter"]);
    let screen = t.wait_for("满分");
    let dossier = screen
        .lines()
        .find_map(|l| {
            l.strip_prefix('┌')
                .and_then(|r| r.split_whitespace().next())
        })
        .filter(|id| id.starts_with("HP-"))
        .unwrap_or_else(|| panic!("no dossier id on screen:\n{screen}"))
        .to_string();
    let round = pingshen::samples::demo_round().unwrap();
    let first = round
        .sheet
        .items()
        .next()
        .expect("the demo sheet has items");
    let v = middle(first.max, first.step);
    t.text(&v.to_string());
    t.keys(&["Down"]);
    t.wait_for(&format!("已保存 {} = {v}", first.id));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let out = Command::new(bin)
        .args(["--store", store.path().to_str().unwrap(), "score", "show"])
        .args([
            "--round",
            "huangpu-2024",
            "--expert",
            "E1",
            "--dossier",
            &dossier,
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let scores = json["cards"][0]["scores"].as_object().unwrap();
    assert_eq!(scores.len(), 1, "{json}");
    assert_eq!(scores[first.id.as_str()], v.fixed2());
}
