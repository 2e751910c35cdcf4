//! Dossiers → workbook → dossiers: the demo rounds come back equal, an
//! unchanged workbook changes no file, a changed one names what changed; the
//! template marks what the eligibility rules read.

mod workbooks;

use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use pingshen::domain::dossier::Dossier;
use pingshen::lang::{Lang, Say};
use pingshen::load::{self, Disk};
use pingshen::workbook::{self, Fate, Layout};

fn pingshen(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("pingshen").unwrap();
    c.current_dir(dir).env_remove("PINGSHEN_STORE");
    c
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = pingshen(dir).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn loaded(dir: &Path, ids: impl Iterator<Item = String>) -> Vec<Dossier> {
    ids.map(|id| {
        let f = dir.join(format!("{id}.ron"));
        load::dossier(&Disk, &f)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .0
    })
    .collect()
}

fn round_trip(round_file: &str) {
    let original = load::round(&Disk, Path::new(round_file)).unwrap();
    let sheets: Vec<_> = std::iter::once(&original.sheet)
        .chain(&original.eligibility)
        .collect();
    let bytes = workbook::workbook(&Layout::of(&sheets), &original.dossiers).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let book = workbooks::file(dir.path(), "round.xlsx", &bytes);
    let out = dir.path().join("dossiers");
    let report = workbook::import(&book, &out).unwrap();
    assert_eq!(report.count(|f| *f == Fate::New), original.dossiers.len());
    let ids = original.dossiers.iter().map(|d| d.id.clone());
    let back = loaded(&out, ids);
    assert_eq!(back.len(), original.dossiers.len());
    for (a, b) in original.dossiers.iter().zip(&back) {
        assert_eq!(a, b, "dossier {} changed on the way", a.id);
    }
}

#[test]
fn the_demo_dossiers_come_back_equal() {
    round_trip("scoresheets/demo/round.ron");
}

/// A partner's own facts (Chongqing 二(三), Xinyang 四(一)3) go through the
/// workbook's joint-applicant sheet and come back.
#[test]
fn joint_applicants_own_facts_come_back_equal() {
    let original = load::round(&Disk, Path::new("scoresheets/demo/round.ron")).unwrap();
    let mut dossiers = original.dossiers.clone();
    let mut given = 0;
    for (k, d) in dossiers.iter_mut().enumerate() {
        for j in &mut d.joint {
            j.in_region = Some(k % 2 == 0);
            j.staff = Some(12 + k as u32);
            j.field_staff = Some(3);
            j.revenue = Some(pingshen::domain::Points::from_hundredths(150_050));
            given += 1;
        }
    }
    assert!(given > 0, "the demo has joint applicants");
    let sheets: Vec<_> = std::iter::once(&original.sheet)
        .chain(&original.eligibility)
        .collect();
    let bytes = workbook::workbook(&Layout::of(&sheets), &dossiers).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let book = workbooks::file(dir.path(), "round.xlsx", &bytes);
    let out = dir.path().join("dossiers");
    workbook::import(&book, &out).unwrap();
    let back = loaded(&out, dossiers.iter().map(|d| d.id.clone()));
    for (a, b) in dossiers.iter().zip(&back) {
        assert_eq!(a.joint, b.joint, "dossier {}", a.id);
    }
}

#[test]
fn indicator_targets_come_back_equal() {
    round_trip("scoresheets/guangxi-demo/round.ron");
}

#[test]
fn export_then_import_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::env::current_dir().unwrap();
    let round = root.join("scoresheets/demo/round.ron");
    let d = dir.path();
    run(d, &["--store", "s", "init", round.to_str().unwrap()]);
    let said = run(
        d,
        &[
            "--store",
            "s",
            "dossier",
            "export",
            "--round",
            "huangpu-2024",
            "--out",
            "d.xlsx",
        ],
    );
    assert_eq!(
        said.trim(),
        "已导出评审轮次 huangpu-2024 的 48 份申报书到 d.xlsx"
    );
    let first = run(d, &["dossier", "import", "d.xlsx", "--out", "out"]);
    assert_eq!(
        first.trim(),
        "已导入 48 份申报书到 out：新增 48，有变化 0，未变 0"
    );
    let before: Vec<_> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.clone(),
                std::fs::read(&p).unwrap(),
                p.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect();
    assert_eq!(before.len(), 48);

    let again = run(d, &["dossier", "import", "d.xlsx", "--out", "out"]);
    assert_eq!(
        again.trim(),
        "工作簿与 out 中的 48 份申报书完全相同，未改动任何文件"
    );
    let en = run(
        d,
        &[
            "--lang", "en", "dossier", "import", "d.xlsx", "--out", "out",
        ],
    );
    assert_eq!(
        en.trim(),
        "the workbook matches the 48 dossiers in out; no file changed"
    );
    for (p, bytes, modified) in &before {
        assert_eq!(&std::fs::read(p).unwrap(), bytes);
        assert_eq!(
            &p.metadata().unwrap().modified().unwrap(),
            modified,
            "{p:?} was rewritten"
        );
    }
    let checked = pingshen(d).arg("check").arg(&before[0].0).output().unwrap();
    assert!(String::from_utf8_lossy(&checked.stdout).starts_with("OK  "));
}

#[test]
fn a_changed_workbook_names_the_changed_fields() {
    let original = load::round(&Disk, Path::new("scoresheets/demo/round.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dossiers");
    let book = dir.path().join("d.xlsx");
    let write = |ds: &[Dossier]| {
        std::fs::write(&book, workbook::workbook(&Layout::default(), ds).unwrap()).unwrap();
    };
    write(&original.dossiers);
    workbook::import(&book, &out).unwrap();

    let mut changed = original.dossiers.clone();
    changed[2].patents.invention.valid += 1;
    changed[2].joint.pop();
    changed[5].applicant.region = "广州市天河区".into();
    write(&changed);
    let report = workbook::import(&book, &out).unwrap();
    assert_eq!(
        report.say(Lang::Zh),
        format!(
            "已导入 48 份申报书到 {}：新增 0，有变化 2，未变 46\n  HP-2024-003：有效发明专利、联合申报单位\n  HP-2024-006：注册地",
            out.display()
        )
    );
    assert_eq!(
        report.say(Lang::En),
        format!(
            "imported 48 dossiers into {}: 0 new, 2 changed, 46 unchanged\n  HP-2024-003: patents.invention.valid, joint\n  HP-2024-006: applicant.region",
            out.display()
        )
    );
    let back = loaded(&out, changed.iter().map(|d| d.id.clone()));
    assert_eq!(back, changed);
}

fn cell(ws: &calamine::Range<Data>, row: u32, col: u32) -> String {
    ws.get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[test]
fn the_template_marks_what_eligibility_reads() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::env::current_dir().unwrap();
    let sheet = root.join("scoresheets/huangpu-eligibility.ron");
    let said = run(
        dir.path(),
        &[
            "dossier",
            "template",
            "--sheet",
            sheet.to_str().unwrap(),
            "--out",
            "t.xlsx",
        ],
    );
    assert!(
        said.starts_with("已写出待填工作簿 t.xlsx（资格审查读取的 7 列已标出）"),
        "{said}"
    );
    let mut book: Xlsx<_> = open_workbook(dir.path().join("t.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["申报单位", "联合申报单位", "建设指标", "财务数据", "附件"]
    );
    let ws = book.worksheet_range("申报单位").unwrap();
    let head: Vec<String> = (0..46).map(|c| cell(&ws, 0, c)).collect();
    let unit: Vec<String> = (0..46).map(|c| cell(&ws, 1, c)).collect();
    let at = |h: &str| head.iter().position(|x| x == h).unwrap();
    assert_eq!(unit[at("申报编号")], "必填");
    assert_eq!(unit[at("有效发明专利")], "件 · 选填");
    assert_eq!(unit[at("失信联合惩戒对象")], "是/否 · 选填 · 资格审查");
    assert_eq!(unit[at("单位类型")], "必填 · 资格审查");
    assert_eq!(unit[at("从业人员")], "人 · 选填");
    assert_eq!(ws.height(), 2, "a template has no rows yet");
}

#[test]
fn template_for_a_round_in_the_store_needs_the_round() {
    let dir = tempfile::tempdir().unwrap();
    let out = pingshen(dir.path())
        .args([
            "--store", "s", "dossier", "template", "--round", "nope", "--out", "t.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("t.xlsx").exists());
}
