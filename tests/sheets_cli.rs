//! `pingshen sheets` and `--version`: what a secretary without the source tree
//! sees, and what an export writes (or refuses to).

use std::path::Path;
use std::process::{Command, Output};

fn pingshen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .args(args)
        .env_remove("PINGSHEN_STORE")
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}

#[test]
fn version_names_the_version_a_commit_and_the_build_date() {
    let out = pingshen(&["--version"]);
    assert!(out.status.success());
    let line = text(&out.stdout);
    let line = line.trim_end();
    let rest = line
        .strip_prefix(&format!("pingshen {} (", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("no name and version first: {line:?}"));
    let inner = rest.strip_suffix(')').expect("ends with a parenthesis");
    let (commit, date) = inner.split_once(' ').expect("a commit and a date");
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "commit {commit:?}"
    );
    assert!(
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
        "date {date:?}"
    );
}

#[test]
fn sheets_lists_every_shipped_sheet_calendar_and_round_in_chinese() {
    let out = pingshen(&["sheets"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].starts_with("文件"), "{s}");
    let row = |file: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(file))
            .unwrap_or_else(|| panic!("no row for {file}:\n{s}"))
            .split("  ")
            .filter(|c| !c.is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        row("huangpu-recognition.ron")[..4],
        [
            "huangpu-recognition.ron",
            "评分表",
            "huangpu-recognition",
            "满分 100，评分项 24 个"
        ]
    );
    assert_eq!(
        row("calendars/cn-2024-2026.ron")[..4],
        [
            "calendars/cn-2024-2026.ron",
            "节假日日历",
            "cn-2024-2026",
            "2024–2026 年"
        ]
    );
    assert_eq!(
        row("demo/round.ron")[..4],
        ["demo/round.ron", "示例轮次", "huangpu-2024", "申报书 48 份"]
    );
    // Dossiers are counted in their round, not listed one by one.
    assert!(!s.contains("dossiers/"), "{s}");
    assert!(s.contains("pingshen sheets export"), "{s}");
}

#[test]
fn sheets_in_english_has_no_chinese_labels() {
    let out = pingshen(&["--lang", "en", "sheets"]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["file", "kind", "id", "contents", "title"]
    );
    let calendar = lines
        .iter()
        .find(|l| l.starts_with("calendars/"))
        .expect("a calendar row");
    // Everything before the title (the data, as entered) is English.
    let title_at = lines[0].find("title").expect("a title column");
    let before: String = calendar.chars().take(title_at).collect();
    assert!(!before.chars().any(is_cjk), "{calendar}");
    assert!(before.contains("calendar") && before.contains("2024–2026"));
    let footer = lines.last().expect("a footer");
    assert_eq!(
        *footer,
        "Write them to a folder: pingshen sheets export DIR"
    );
}

#[test]
fn export_writes_every_shipped_file_and_the_sample_rounds_check() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sheets");
    let out = pingshen(&["sheets", "export", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.starts_with("已将 ") && said.contains("个内置文件写到"),
        "{said}"
    );
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("scoresheets/huangpu-recognition.ron");
    assert_eq!(
        std::fs::read(dir.join("huangpu-recognition.ron")).unwrap(),
        std::fs::read(shipped).unwrap()
    );
    let round = dir.join("demo/round.ron");
    let check = pingshen(&["check", round.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    assert!(text(&check.stdout).starts_with("OK  "));
}

/// Every file below `dir` with its bytes, for before/after comparisons.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn export_refuses_to_overwrite_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("demo")).unwrap();
    std::fs::write(dir.join("demo/round.ron"), "my own round\n").unwrap();
    let before = snapshot(dir);
    let out = pingshen(&["sheets", "export", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains("demo/round.ron 已存在，未写入任何文件；不会覆盖已有文件"),
        "{err}"
    );
    assert_eq!(snapshot(dir), before, "nothing was written or changed");

    let out = pingshen(&["--lang", "en", "sheets", "export", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains("demo/round.ron already exists; nothing was written."),
        "{err}"
    );
    assert!(!err.chars().any(is_cjk), "{err}");
    assert_eq!(snapshot(dir), before);
}

#[test]
fn export_into_a_file_is_bad_input() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let out = pingshen(&["--lang", "en", "sheets", "export", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("notes.txt is not a folder; nothing was written"));
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}
