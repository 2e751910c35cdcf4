//! The secretary on the command line: rank, a tie across the cap refused as
//! final, decided with a reason, then the minutes written.

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

/// The UI fixture round: T-002 and T-004 score alike and tie across the cap of 2.
fn scored_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/tui/round.ron"]);
    let cards = [
        ("T-001", ["9", "5", "8", "4"]),
        ("T-002", ["7", "4", "7", "3"]),
        ("T-004", ["7", "4", "7", "3"]),
    ];
    for expert in ["E1", "E2"] {
        for (dossier, values) in &cards {
            let card = [
                "--round",
                "tui-2024",
                "--expert",
                expert,
                "--dossier",
                dossier,
            ];
            for (item, v) in ["S1.1", "S1.2", "S2.1", "S2.2"].iter().zip(values) {
                let mut args = vec!["score", "set"];
                args.extend(card);
                args.extend(["--item", item, "--value", v]);
                ok(s, &args);
            }
            let mut args = vec!["score", "comment"];
            args.extend(card);
            args.extend(["--item", "S2.2", "--text", "质押融资合同齐全"]);
            ok(s, &args);
            let mut args = vec!["score", "submit"];
            args.extend(card);
            ok(s, &args);
        }
    }
    dir
}

#[test]
fn a_tie_at_the_cap_blocks_the_final_result_until_decided() {
    let dir = scored_store();
    let s = dir.path();

    let out = run(s, &["rank", "--round", "tui-2024", "--final"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("结果尚未确定") && err.contains("T-002, T-004"),
        "{err}"
    );

    let bad = run(
        s,
        &[
            "decide",
            "--round",
            "tui-2024",
            "--dossier",
            "T-001",
            "--reason",
            "x",
        ],
    );
    assert_eq!(bad.status.code(), Some(2), "T-001 is not in the tie");
    let no_reason = run(
        s,
        &[
            "decide",
            "--round",
            "tui-2024",
            "--dossier",
            "T-004",
            "--reason",
            " ",
        ],
    );
    assert_eq!(
        no_reason.status.code(),
        Some(2),
        "a decision needs a reason"
    );

    let said = ok(
        s,
        &[
            "decide",
            "--round",
            "tui-2024",
            "--dossier",
            "T-004",
            "--reason",
            "现场答辩得分较高",
        ],
    );
    assert_eq!(said.trim_end(), "已记录决定：T-002、T-004");

    let json: serde_json::Value = serde_json::from_str(&ok(
        s,
        &["rank", "--round", "tui-2024", "--final", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["final"], true);
    let status = |d: &str| {
        json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["dossier"] == d)
            .map(|e| e["status"].clone())
            .unwrap()
    };
    assert_eq!(status("T-001"), "selected");
    assert_eq!(status("T-004"), "selected");
    assert_eq!(status("T-002"), "alternate");
    assert_eq!(status("T-003"), "ineligible");
    ok(s, &["audit", "verify", "--round", "tui-2024"]);

    // the final selection enters the register, which the minutes then include
    ok(
        s,
        &[
            "center",
            "register",
            "--round",
            "tui-2024",
            "--date",
            "2024-07-01",
        ],
    );
    let out = tempfile::tempdir().unwrap();
    let listed = ok(
        s,
        &[
            "report",
            "--round",
            "tui-2024",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(listed.contains("register.csv"), "{listed}");
    let register = std::fs::read_to_string(out.path().join("register.csv")).unwrap();
    assert!(register.starts_with('\u{feff}'));
    assert!(
        register.contains("广州澄岚微电子科技有限公司")
            && register.contains("广州穗禾智能农机装备有限公司"),
        "{register}"
    );
    assert!(
        !register.contains("广州云栖生物医药研究院有限公司"),
        "the alternate is not registered: {register}"
    );
}

#[test]
fn the_minutes_are_written_with_a_bom_csv_and_the_ranking_hash() {
    let dir = scored_store();
    let s = dir.path();
    let out = tempfile::tempdir().unwrap();
    let listed = ok(
        s,
        &[
            "report",
            "--round",
            "tui-2024",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    for f in ["ranking.csv", "ranking.md", "ranking.xlsx", "report.html"] {
        assert!(listed.contains(f), "{listed}");
        assert!(out.path().join(f).metadata().unwrap().len() > 0, "{f}");
    }
    let csv = std::fs::read(out.path().join("ranking.csv")).unwrap();
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(html.contains("专家签字") && html.contains("广州澄岚微电子科技有限公司"));
}

#[test]
fn csv_and_markdown_on_stdout() {
    let dir = scored_store();
    let s = dir.path();
    let csv = ok(s, &["rank", "--round", "tui-2024", "--format", "csv"]);
    assert!(csv.starts_with('\u{feff}'));
    let md = ok(
        s,
        &[
            "rank", "--round", "tui-2024", "--format", "md", "--lang", "en",
        ],
    );
    let first = md
        .lines()
        .find(|l| l.contains("| T-001 |"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        first.starts_with("| 1 | T-001 | 广州澄岚微电子科技有限公司 | 26.00 | 2 |"),
        "{first}"
    );
    assert!(first.contains("| selected |"), "{first}");
    let pre = run(
        s,
        &["rank", "--round", "tui-2024", "--stage", "preliminary"],
    );
    assert!(pre.status.success());
    let pre = String::from_utf8_lossy(&pre.stdout);
    // three eligible of four, under the floor of 2 × 2 places: all go on
    assert!(pre.contains("全部进入专家评审"), "{pre}");
    assert_eq!(
        pre.matches("进入专家评审").count(),
        4,
        "three entries and the basis line: {pre}"
    );
    assert!(
        pre.lines()
            .any(|l| l.contains("T-003") && l.contains("形式审查未通过")),
        "{pre}"
    );
}

#[test]
fn the_terminal_ui_refuses_an_unknown_round_or_expert_before_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    ok(s, &["init", "tests/fixtures/tui/round.ron"]);
    let out = run(s, &["tui", "--round", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("存储中没有轮次“nope”；已有轮次：tui-2024")
    );
    let out = run(s, &["tui", "--round", "tui-2024", "--expert", "E9"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "--expert E9：不是轮次 tui-2024 的评审专家；本轮专家为：E1、E2、P1"
    );
    let out = run(
        s,
        &[
            "--lang", "en", "tui", "--round", "tui-2024", "--expert", "E9",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "--expert E9: not on the panel of round tui-2024; the panel is: E1, E2, P1"
    );
}
