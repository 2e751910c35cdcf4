//! `pingshen dossier hash ROUND_DIR`: the documents under
//! attachments/<dossier id>/ hashed into each dossier's list.

use std::path::Path;

use assert_cmd::Command;

#[path = "support/mini_round.rs"]
mod mini;

use mini::mini_round;
use pingshen::load::{self, Disk};

fn hash(dir: &Path, lang: &str) -> (i32, String) {
    let out = Command::cargo_bin("pingshen")
        .unwrap()
        .current_dir(dir)
        .args(["--lang", lang, "dossier", "hash", "round"])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

const SHA_OF_ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

#[test]
fn hashes_fill_in_refresh_and_warn() {
    let dir = tempfile::tempdir().unwrap();
    let round = dir.path().join("round");
    std::fs::create_dir_all(round.join("dossiers")).unwrap();
    std::fs::copy(
        "scoresheets/demo/dossiers/HP-2024-001.ron",
        round.join("dossiers/HP-2024-001.ron"),
    )
    .unwrap();
    let docs = round.join("attachments/HP-2024-001");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("申报书.pdf"), "abc").unwrap();
    std::fs::write(docs.join("补充说明.pdf"), "abc").unwrap();

    let (code, said) = hash(dir.path(), "zh");
    assert_eq!(code, 0, "{said}");
    assert_eq!(
        said.lines().next(),
        Some(
            "HP-2024-001：新增 补充说明.pdf；哈希已更新 申报书.pdf；警告：缺少文件 营业执照副本.pdf、2021-2023年度财务审计报告.pdf、有效专利清单.xlsx、知识产权管理制度汇编.pdf、联合申报协议.pdf"
        )
    );
    let file = round.join("dossiers/HP-2024-001.ron");
    let (d, text) = load::dossier(&Disk, &file).unwrap();
    assert!(
        text.starts_with("// 示例申报书"),
        "the file's comment stays: {text}"
    );
    assert_eq!(d.attachments.len(), 7);
    assert_eq!(d.attachments[0].name, "申报书.pdf");
    assert_eq!(d.attachments[0].sha256, SHA_OF_ABC);
    assert_eq!(d.attachments[6].name, "补充说明.pdf");
    assert_eq!(d.attachments[6].sha256, SHA_OF_ABC);

    let (code, again) = hash(dir.path(), "en");
    assert_eq!(code, 0);
    assert!(
        again.ends_with("1 dossiers, 0 with their attachment list updated\n"),
        "{again}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn a_round_folder_without_dossiers_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = hash(dir.path(), "zh");
    assert_eq!(code, 2);
}

fn check(dir: &Path, lang: &str) -> (i32, String, String) {
    let out = Command::cargo_bin("pingshen")
        .unwrap()
        .current_dir(dir)
        .args(["--lang", lang, "check", "round/round.ron"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_compares_each_present_document_with_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let round = mini_round(
        dir.path(),
        "M-002",
        &[("申报书.pdf", b"abc"), ("审计报告.pdf", b"2023")],
    );
    let docs = round.join("attachments/M-002");
    assert_eq!(hash(dir.path(), "zh").0, 0);
    let (code, out, _) = check(dir.path(), "zh");
    assert_eq!(code, 0, "{out}");

    std::fs::write(docs.join("申报书.pdf"), "abd").unwrap();
    std::fs::remove_file(docs.join("审计报告.pdf")).unwrap();
    let (code, out, err) = check(dir.path(), "zh");
    assert_eq!(code, 2);
    let text = std::fs::read_to_string(round.join("dossiers/M-002.ron")).unwrap();
    let line = 1 + text.lines().position(|l| l.contains(SHA_OF_ABC)).unwrap();
    let found = "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9"; // SHA-256 of "abd"
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("round/dossiers/M-002.ron:{line}:")),
        "{out}"
    );
    assert!(
        first.ends_with(&format!(
            ": M-002 的附件 申报书.pdf 与申报书所列不符：所列 SHA-256 {SHA_OF_ABC}，文件实为 {found}"
        )),
        "{first}"
    );
    assert!(
        err.contains("警告：M-002 的附件 审计报告.pdf 不在 attachments/M-002/ 中"),
        "{err}"
    );
}
