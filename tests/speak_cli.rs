//! Refusals from the command line and the store under the Chinese default:
//! the exact lines a secretary reads, one language to a line, exit codes as
//! before.

use std::path::{Path, PathBuf};
use std::process::Output;

use pingshen::store::Store;

const ROUND: &str = "mini-2024";
const ROUND_FILE: &str = "tests/fixtures/mini/round.ron";

/// The real binary on a store, in the default language (no `--lang`).
fn run(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .arg("--store")
        .arg(dir)
        .args(args)
        .env_remove("PINGSHEN_STORE")
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).trim_end().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim_end().to_string()
}

/// A store in a temporary folder with the small round loaded.
fn loaded(tmp: &Path, name: &str) -> PathBuf {
    let dir = tmp.join(name);
    let out = run(&dir, &["init", ROUND_FILE]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn set(value: &str, round: &str, expert: &str, dossier: &str) -> Vec<String> {
    [
        "score",
        "set",
        "--round",
        round,
        "--expert",
        expert,
        "--dossier",
        dossier,
        "--item",
        "A1",
        "--value",
        value,
    ]
    .map(str::to_string)
    .to_vec()
}

fn refused(dir: &Path, args: &[String], code: i32, said: &str) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(dir, &args);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    assert_eq!(stderr(&out), said, "{args:?}");
    assert_eq!(stdout(&out), "", "{args:?} printed something");
}

#[test]
fn a_store_in_use_is_told_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = loaded(tmp.path(), "store");
    let _held = Store::open(&dir).unwrap();
    let out = run(&dir, &["score", "show", "--round", ROUND]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!(
            "存储 {} 正被另一个 pingshen（进程 {}）使用；请先在那里关闭，再重试",
            dir.display(),
            std::process::id()
        )
    );
}

#[test]
fn values_off_the_sheet_and_unknown_ids_are_told_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = loaded(tmp.path(), "store");
    let cases = [
        (
            set("7.25", ROUND, "E1", "M-001"),
            "7.25 不在评分项 A1 的档位上：允许 0 至 10 分，每档 0.5 分",
        ),
        (
            set("10.5", ROUND, "E1", "M-001"),
            "10.5 超过评分项 A1 的满分：允许 0 至 10 分，每档 0.5 分",
        ),
        (
            set("七", ROUND, "E1", "M-001"),
            "--value 七：“七”不是数字，应写作 7 或 7.5 这样的数；评分项 A1 允许 0 至 10，每档 0.5 分",
        ),
        (
            set("7", "nope", "E1", "M-001"),
            "存储中没有轮次“nope”；已有轮次：mini-2024",
        ),
        (
            set("7", ROUND, "E9", "M-001"),
            "专家“E9”不在轮次 mini-2024 的评审名单上；名单为：E1, E2, E3, P1",
        ),
        (
            set("7", ROUND, "E1", "M-009"),
            "轮次 mini-2024 中没有申报书“M-009”；申报书有：M-001, M-002, M-003",
        ),
    ];
    for (args, said) in cases {
        refused(&dir, &args, 2, said);
    }
    let reason = [
        "conflict",
        "declare",
        "--round",
        ROUND,
        "--expert",
        "E1",
        "--dossier",
        "M-002",
        "--reason",
        " ",
    ]
    .map(str::to_string);
    refused(
        &dir,
        &reason,
        2,
        "声明回避需要填写理由\n提示：用 --reason 填写理由",
    );
}

#[test]
fn an_empty_store_hints_at_loading_a_round() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("empty");
    refused(
        &dir,
        &set("7", "nope", "E1", "M-001"),
        2,
        "存储中没有轮次“nope”；存储中还没有任何轮次\n提示：先用 pingshen init 轮次文件 载入评审轮次",
    );
}

#[test]
fn a_refused_bundle_is_told_in_chinese_with_the_trust_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let laptop = loaded(tmp.path(), "laptop");
    let secretary = loaded(tmp.path(), "secretary");
    let scored = run(
        &laptop,
        &set("7", ROUND, "E1", "M-001")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(scored.status.success(), "{}", stderr(&scored));
    let file = tmp.path().join("e1.bundle");
    let file_arg = file.display().to_string();
    let exported = run(
        &laptop,
        &[
            "bundle", "export", "--round", ROUND, "--expert", "E1", "--out", &file_arg,
        ],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    let key = run(&laptop, &["key", "show"]);
    let fp = stdout(&key)
        .split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .find(|w| w.len() == 19 && w.matches('-').count() == 3)
        .map(str::to_string)
        .unwrap_or_else(|| panic!("a fingerprint in {}", stdout(&key)));
    let import = ["bundle", "import", &file_arg].map(str::to_string);
    refused(
        &secretary,
        &import,
        3,
        &format!(
            "已拒绝：专家 E1 的密钥 {fp} 在轮次 mini-2024 中尚未受信任；请与专家当面核对该指纹后再信任\n\
             提示：请专家在本人电脑上运行 pingshen key show，当面核对指纹；一致后导入时加上 --trust E1={fp}"
        ),
    );
    let garbled = tmp.path().join("garbled.bundle");
    std::fs::write(&garbled, "not a bundle\n").unwrap();
    let import = ["bundle", "import", &garbled.display().to_string()].map(str::to_string);
    refused(
        &secretary,
        &import,
        3,
        "已拒绝：这不是本版本能读取的评分包：第一行不是“pingshen score bundle 1”",
    );
}

#[test]
fn a_damaged_store_is_told_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = loaded(tmp.path(), "store");
    std::fs::write(dir.join("conf"), "segment_size: nonsense\n").unwrap();
    let out = run(&dir, &["score", "show", "--round", ROUND]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let head = format!("存储 {} 已损坏，无法读取（", dir.display());
    assert!(err.starts_with(&head), "{err}");
    assert!(err.ends_with("）；请用备份副本恢复该文件夹"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn audit_verify_speaks_one_language_to_a_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = loaded(tmp.path(), "store");
    let scored = run(
        &dir,
        &set("7", ROUND, "E1", "M-001")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(scored.status.success(), "{}", stderr(&scored));
    let out = run(&dir, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "审计日志完整：mini-2024（2 条）");
    let out = run(&dir, &["--lang", "en", "audit", "verify"]);
    assert_eq!(stdout(&out), "audit log intact: mini-2024 (2 entries)");
}

#[test]
fn a_broken_audit_log_is_told_in_one_language() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = loaded(tmp.path(), "store");
    let scored = run(
        &dir,
        &set("7", ROUND, "E1", "M-001")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(scored.status.success(), "{}", stderr(&scored));
    {
        let db = sled::open(&dir).unwrap();
        let entry = db
            .iter()
            .filter_map(Result::ok)
            .find(|(_, v)| String::from_utf8_lossy(v).contains("\"new\":\"7\""))
            .expect("the score's audit entry");
        let text = String::from_utf8_lossy(&entry.1).replace("\"new\":\"7\"", "\"new\":\"8\"");
        db.insert(entry.0, text.as_bytes()).unwrap();
        db.flush().unwrap();
    }
    let out = run(&dir, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "审计日志（轮次 mini-2024）在第 2 条处断开：其内容与其哈希不符"
    );
    let out = run(&dir, &["--lang", "en", "audit", "verify"]);
    assert_eq!(
        stderr(&out),
        "the audit log of round mini-2024 is broken at entry 2: its content does not match its hash"
    );
}
