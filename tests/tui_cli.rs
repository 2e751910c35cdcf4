//! `pingshen tui` on the command line: a desk named without a round opens the
//! store's only round, and asks for `--round` only when there are several.

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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim_end().to_string()
}

#[test]
fn an_expert_desk_without_a_round_opens_the_only_round() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    assert!(
        run(s, &["init", "tests/fixtures/tui/round.ron"])
            .status
            .success()
    );
    // The round is found without --round: E9 is checked against its panel.
    let out = run(s, &["tui", "--expert", "E9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("不是轮次 tui-2024 的评审专家"),
        "the only round is taken: {}",
        stderr(&out)
    );
    // E1 is on the panel: only the missing terminal stops it here.
    let out = run(s, &["tui", "--expert", "E1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("终端界面需要在终端中运行"),
        "{}",
        stderr(&out)
    );

    assert!(
        run(s, &["init", "tests/fixtures/tui-indicators/round.ron"])
            .status
            .success()
    );
    let out = run(s, &["tui", "--expert", "E1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("请用 --round 指定") && stderr(&out).contains("tui-2024"),
        "{}",
        stderr(&out)
    );
    let out = run(s, &["--lang", "en", "tui", "--secretary"]);
    assert!(
        stderr(&out).contains("name one with --round"),
        "{}",
        stderr(&out)
    );
}
