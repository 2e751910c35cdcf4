//! `pingshen dossier import`: every bad cell refused with its line and
//! nothing written; what people type (dates, full-width digits, formulas,
//! GBK CSV) read as they meant it.

mod workbooks;

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use pingshen::load::{self, Disk};
use workbooks::{C, Sheet, applicant, applicants, file, joint, joints, with, xlsx};

/// Runs `dossier import NAME --out out` in `dir`; returns (exit code, stdout, stderr).
fn import(dir: &Path, name: &str, lang: &str) -> (i32, String, String) {
    let out = Command::cargo_bin("pingshen")
        .unwrap()
        .current_dir(dir)
        .args(["--lang", lang, "dossier", "import", name, "--out", "out"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A workbook that must be refused with exactly `line` (among its lines), nothing written.
fn refused(name: &str, sheets: &[Sheet], lang: &str, line: &str) {
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), name, &xlsx(sheets));
    let (code, _, err) = import(dir.path(), name, lang);
    assert_eq!(code, 2, "{name}: {err}");
    assert!(
        err.lines().any(|l| l == line),
        "{name}: expected the line\n{line}\ngot:\n{err}"
    );
    assert!(
        !dir.path().join("out").exists(),
        "{name}: something was written"
    );
}

#[test]
fn a_wrong_check_character_names_both() {
    let row = with(
        applicant("HP-1"),
        "统一社会信用代码",
        C::S("91440112MAPCU9QY5S"),
    );
    refused(
        "check.xlsx",
        &[applicants(&[row])],
        "zh",
        "check.xlsx:申报单位!C3: 统一社会信用代码 91440112MAPCU9QY5S 的校验位是「S」，按前17位应为「R」",
    );
}

#[test]
fn text_in_a_number_column() {
    let row = with(applicant("HP-1"), "有效发明专利", C::S("二百"));
    refused(
        "text.xlsx",
        &[applicants(&[row])],
        "zh",
        "text.xlsx:申报单位!L3: 「有效发明专利」应填数字，不是「二百」",
    );
}

#[test]
fn an_empty_required_cell() {
    let row = with(applicant("HP-1"), "申报单位名称", C::S("  "));
    refused(
        "empty.xlsx",
        &[applicants(&[row])],
        "zh",
        "empty.xlsx:申报单位!B3: 「申报单位名称」为必填项，不能为空",
    );
}

#[test]
fn a_duplicated_dossier_id() {
    refused(
        "twice.xlsx",
        &[applicants(&[applicant("HP-1"), applicant("HP-1")])],
        "zh",
        "twice.xlsx:申报单位!A4: 申报编号「HP-1」重复，已在 A3 使用",
    );
}

#[test]
fn joint_applicants_for_an_unknown_dossier() {
    refused(
        "joint.xlsx",
        &[
            applicants(&[applicant("HP-1")]),
            joints(&[joint("HP-1"), joint("HP-9")]),
        ],
        "zh",
        "joint.xlsx:联合申报单位!A4: 申报编号「HP-9」不在「申报单位」工作表中",
    );
}

#[test]
fn merged_cells_are_refused_with_their_range() {
    let mut s = applicants(&[applicant("HP-1")]);
    s.merged.push((2, 1, 3, 2));
    refused(
        "merged.xlsx",
        &[s],
        "zh",
        "merged.xlsx:申报单位!B3:C4: 合并单元格 B3:C4：请取消合并，每个单元格各填一个值",
    );
}

#[test]
fn a_date_that_is_not_one() {
    let row = with(applicant("HP-1"), "注册日期", C::S("2016/13/45"));
    refused(
        "date.xlsx",
        &[applicants(&[row])],
        "zh",
        "date.xlsx:申报单位!E3: 「注册日期」的「2016/13/45」不是日期；可填 2016-04-01、2016/4/1、2016年4月1日 或日期格式的单元格",
    );
}

#[test]
fn a_kind_off_the_list() {
    let row = with(applicant("HP-1"), "单位类型", C::S("公司"));
    refused(
        "kind.xlsx",
        &[applicants(&[row])],
        "zh",
        "kind.xlsx:申报单位!D3: 「单位类型」只能填 企业、高等院校、科研院所、知识产权服务机构，不是「公司」",
    );
}

#[test]
fn an_unknown_column_lists_the_known_ones() {
    let mut s = applicants(&[applicant("HP-1")]);
    s.rows[0].push(Some(C::S("联系人")));
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "col.xlsx", &xlsx(&[s]));
    let (code, _, err) = import(dir.path(), "col.xlsx", "zh");
    assert_eq!(code, 2);
    let line = err.lines().next().unwrap_or_default();
    assert!(
        line.starts_with(
            "col.xlsx:申报单位!AU1: 不认识的列「联系人」；本工作表的列为：申报编号、申报单位名称"
        ),
        "{err}"
    );
}

#[test]
fn the_dossier_rules_speak_through_the_cell() {
    let row = with(applicant("HP-1"), "发明专利授权", C::N(700.0));
    refused(
        "rule.xlsx",
        &[applicants(&[row])],
        "zh",
        "rule.xlsx:申报单位!K3: 不符合申报书规则：发明：授权 700 件多于申请 606 件",
    );
}

#[test]
fn english_lines_name_the_same_cell() {
    let row = with(
        applicant("HP-1"),
        "统一社会信用代码",
        C::S("91440112MAPCU9QY5S"),
    );
    refused(
        "check.xlsx",
        &[applicants(&[row])],
        "en",
        "check.xlsx:申报单位!C3: credit code '91440112MAPCU9QY5S' has check character 'S', but its first 17 characters give 'R'",
    );
}

#[test]
fn every_problem_is_listed_at_once_in_sheet_order() {
    let bad = with(applicant("HP-2"), "有效发明专利", C::S("很多"));
    let dir = tempfile::tempdir().unwrap();
    let sheets = [
        applicants(&[applicant("HP-1"), bad, applicant("HP-1")]),
        joints(&[joint("HP-7")]),
    ];
    file(dir.path(), "many.xlsx", &xlsx(&sheets));
    let (code, _, err) = import(dir.path(), "many.xlsx", "zh");
    assert_eq!(code, 2);
    let cells: Vec<&str> = err
        .lines()
        .filter_map(|l| l.split(": ").next())
        .filter(|p| p.starts_with("many.xlsx:"))
        .collect();
    assert_eq!(
        cells,
        [
            "many.xlsx:申报单位!L4",
            "many.xlsx:申报单位!A5",
            "many.xlsx:联合申报单位!A3"
        ]
    );
    assert_eq!(
        err.lines().last(),
        Some("工作簿有 3 处问题，未写入任何文件")
    );
}

fn registered(dir: &Path, id: &str) -> NaiveDate {
    let f = dir.join("out").join(format!("{id}.ron"));
    load::dossier(&Disk, &f).unwrap().0.applicant.registered
}

#[test]
fn serial_and_text_dates_are_the_same_day() {
    let rows: Vec<_> = [
        C::D(2016, 4, 1),
        C::N(42461.0),
        C::S("2016/4/1"),
        C::S("2016-04-01"),
        C::S("2016年4月1日"),
        C::S("２０１６年４月１日"),
    ]
    .into_iter()
    .enumerate()
    .map(|(k, d)| with(applicant(&format!("D-{k}")), "注册日期", d))
    .collect();
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "dates.xlsx", &xlsx(&[applicants(&rows)]));
    let (code, out, err) = import(dir.path(), "dates.xlsx", "zh");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("新增 6"), "{out}");
    for k in 0..6 {
        let day = registered(dir.path(), &format!("D-{k}"));
        assert_eq!(day, NaiveDate::from_ymd_opt(2016, 4, 1).unwrap(), "D-{k}");
    }
}

#[test]
fn full_width_spaces_and_formulas_read_as_meant() {
    let row = applicant(" HP－１ ");
    let row = with(row, "申报单位名称", C::S("  广州澄岚微电子科技有限公司 "));
    let row = with(
        row,
        "统一社会信用代码",
        C::S("９１４４０１１２ＭＡＰＣＵ９ＱＹ５Ｒ"),
    );
    let row = with(row, "有效发明专利", C::S("２３８"));
    let row = with(row, "发明专利授权", C::F("=200+77", "277"));
    let row = with(row, "从业人员", C::S("1,493"));
    let row = with(row, "失信联合惩戒对象", C::S("ｎｏ"));
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "wide.xlsx", &xlsx(&[applicants(&[row])]));
    let (code, _, err) = import(dir.path(), "wide.xlsx", "zh");
    assert_eq!(code, 0, "{err}");
    let (d, text) = load::dossier(&Disk, &dir.path().join("out/HP-1.ron")).unwrap();
    assert_eq!(d.id, "HP-1");
    assert_eq!(d.applicant.name, "广州澄岚微电子科技有限公司");
    assert_eq!(d.applicant.credit_code, "91440112MAPCU9QY5R");
    assert_eq!(d.patents.invention.valid, 238);
    assert_eq!(d.patents.invention.granted, 277);
    assert_eq!(d.staff.total, 1493);
    assert!(!d.flags.credit_blacklist);
    assert!(
        text.starts_with("// 来源：wide.xlsx:申报单位!A3"),
        "the file names its source row: {text}"
    );
}

#[test]
fn hidden_sheets_are_left_out_and_said() {
    let mut hidden = joints(&[joint("HP-404")]);
    hidden.hidden = true;
    let dir = tempfile::tempdir().unwrap();
    file(
        dir.path(),
        "hidden.xlsx",
        &xlsx(&[applicants(&[applicant("HP-1")]), hidden]),
    );
    let (code, out, err) = import(dir.path(), "hidden.xlsx", "zh");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已忽略隐藏工作表：联合申报单位"), "{out}");
    let (d, _) = load::dossier(&Disk, &dir.path().join("out/HP-1.ron")).unwrap();
    assert!(d.joint.is_empty());
}

/// The applicants sheet as CSV text, headings and unit row included.
fn csv_text(ids: &[&str]) -> String {
    let heads = [
        "申报编号",
        "申报单位名称",
        "统一社会信用代码",
        "单位类型",
        "注册日期",
        "有效发明专利",
    ];
    let mut s = format!("{}\n", heads.join(","));
    s.push_str("必填,必填,必填,必填,日期 · 必填,件 · 选填\n");
    for id in ids {
        s.push_str(&format!(
            "{id},\"广州澄岚微电子科技有限公司\",91440112MAPCU9QY5R,企业,2016年4月1日,\"1,238\"\n"
        ));
    }
    s
}

#[test]
fn a_gbk_csv_from_older_excel_is_decoded() {
    let text = csv_text(&["GBK-1", "GBK-2"]);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture really is GBK"
    );
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "gbk.csv", &gbk);
    let (code, _, err) = import(dir.path(), "gbk.csv", "zh");
    assert_eq!(code, 0, "{err}");
    let (d, _) = load::dossier(&Disk, &dir.path().join("out/GBK-2.ron")).unwrap();
    assert_eq!(d.applicant.name, "广州澄岚微电子科技有限公司");
    assert_eq!(d.patents.invention.valid, 1238);
}

#[test]
fn a_utf8_csv_with_a_bom_and_its_errors_without_a_sheet() {
    let text = format!("\u{feff}{}", csv_text(&["U-1"]))
        .replace("91440112MAPCU9QY5R", "91440112MAPCU9QY5");
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "bom.csv", text.as_bytes());
    let (code, _, err) = import(dir.path(), "bom.csv", "zh");
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next(),
        Some(
            "bom.csv:C3: 「91440112MAPCU9QY5」不是有效的统一社会信用代码：应为18位，由数字和除 I、O、S、V、Z 以外的大写字母组成"
        )
    );
    let fixed = text.replace("91440112MAPCU9QY5,", "91440112MAPCU9QY5R,");
    file(dir.path(), "bom.csv", fixed.as_bytes());
    let (code, _, err) = import(dir.path(), "bom.csv", "zh");
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("out/U-1.ron").exists());
}

#[test]
fn an_empty_template_is_not_an_import() {
    let dir = tempfile::tempdir().unwrap();
    file(dir.path(), "blank.xlsx", &xlsx(&[applicants(&[])]));
    let (code, _, err) = import(dir.path(), "blank.xlsx", "zh");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("blank.xlsx:申报单位!A3: 「申报单位」工作表中没有申报书"),
        "{err}"
    );
}

/// Copies a committed fixture from tests/workbooks into `dir`.
fn fixture(dir: &Path, name: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/workbooks")
        .join(name);
    std::fs::copy(from, dir.join(name)).unwrap();
}

#[test]
fn xls_and_ods_workbooks_read_like_xlsx() {
    for name in ["two.xls", "two.ods"] {
        let dir = tempfile::tempdir().unwrap();
        fixture(dir.path(), name);
        let (code, out, err) = import(dir.path(), name, "zh");
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("新增 2"), "{name}: {out}");
        for id in ["OLD-1", "OLD-2"] {
            let day = registered(dir.path(), id);
            assert_eq!(
                day,
                NaiveDate::from_ymd_opt(2016, 4, 1).unwrap(),
                "{name} {id}"
            );
        }
        let (d, _) = load::dossier(&Disk, &dir.path().join("out/OLD-1.ron")).unwrap();
        assert_eq!(d.patents.invention.valid, 238, "{name}");
        assert_eq!(d.joint.len(), 1, "{name}");
    }
}

#[test]
fn merged_cells_in_an_xls_workbook() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), "merged.xls");
    let (code, _, err) = import(dir.path(), "merged.xls", "en");
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next(),
        Some(
            "merged.xls:申报单位!B3:C3: merged cells B3:C3: unmerge them and give each cell its own value"
        )
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn an_ods_sheet_whose_repeats_would_take_gigabytes_is_refused_with_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    // A value repeated across every column and down 100,000 rows: 409 bytes.
    let bomb = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/workbook/repeated-cells.ods"),
    )
    .unwrap();
    std::fs::write(dir.path().join("big.ods"), &bomb[1..]).unwrap();
    for (lang, line) in [
        (
            "zh",
            "big.ods: 读取此 .ods 工作簿需要超过 40 MB 内存；请用电子表格软件另存为 .xlsx（Excel 2007 及以后的格式）后导入",
        ),
        (
            "en",
            "big.ods: reading this .ods workbook would take more than 40 MB of memory; save it as .xlsx (Excel 2007 or later) and import that",
        ),
    ] {
        let (code, _, err) = import(dir.path(), "big.ods", lang);
        assert_eq!(code, 2, "{err}");
        assert_eq!(err.lines().next(), Some(line), "{err}");
        assert!(!dir.path().join("out").exists());
    }
}

#[test]
fn a_locked_workbook_is_refused_without_unwrapping_it() {
    let dir = tempfile::tempdir().unwrap();
    // A compound document under .xlsx whose sector chain loops: the reader
    // unwrapping it for a password grew without end.
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/regressions/workbook/compound-loop-1.xlsx"),
    )
    .unwrap();
    std::fs::write(dir.path().join("locked.xlsx"), &bytes[1..]).unwrap();
    let (code, _, err) = import(dir.path(), "locked.xlsx", "zh");
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err.lines().next(),
        Some(
            "locked.xlsx: 工作簿设有密码，或是改了扩展名的旧版 .xls 文件：请用电子表格软件打开，取消密码后另存为 .xlsx"
        )
    );
    assert!(!dir.path().join("out").exists());
}
