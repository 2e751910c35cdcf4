//! Every kind of bad file gives its own message at its place, exit 2.

use assert_cmd::Command;

/// `check FILE` in English.
fn check(file: &str) -> (i32, String) {
    check_in("en", file)
}

/// `check FILE` in a language (`zh` is also the default).
fn check_in(lang: &str, file: &str) -> (i32, String) {
    let out = Command::cargo_bin("pingshen")
        .unwrap()
        .args(["--lang", lang, "check", file])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

const CASES: &[(&str, &str)] = &[
    (
        "missing-bracket",
        "tests/bad/missing-bracket.ron:12:5: expected a field name here: a bracket may be missing or misplaced",
    ),
    (
        "truncated",
        "tests/bad/truncated.ron:10:28: the file ends too early (expected a colon): a value or closing bracket is missing",
    ),
    (
        "unknown-field",
        "tests/bad/unknown-field.ron:6:5: unknown field 'colour' in Sheet; allowed fields: id, title, version, note, total, sections, indicators, acceptance, eligibility, joint_limit, yearly_limit, agency_limit, pass_lines, aggregation, tie_break, deviation",
    ),
    (
        "wrong-type",
        "tests/bad/wrong-type.ron:9:49: Expected a number of points such as 10 or 2.5 but found the string \"ten\" instead",
    ),
    (
        "duplicate-item",
        "tests/bad/duplicate-item.ron:10:18: duplicate item id 'A1'",
    ),
    (
        "total-mismatch",
        "tests/bad/total-mismatch.ron:6:5: the items' maxima add up to 20, but total is 100",
    ),
    (
        "step-not-dividing",
        "tests/bad/step-not-dividing.ron:10:52: step 3 does not divide the maximum 10 of item 'A2'",
    ),
    (
        "pass-line-outside",
        "tests/bad/pass-line-outside.ron:13:33: pass line 140 is outside 0..20 (the sheet's total)",
    ),
    (
        "rule-missing-item",
        "tests/bad/rule-missing-item.ron:14:5: rule names item 'G9', which is not an indicator of this sheet",
    ),
    (
        "nan-points",
        "tests/bad/nan-points.ron:9:48: points must be a finite number, not NaN",
    ),
    (
        "inf-points",
        "tests/bad/inf-points.ron:9:48: points must be a finite number, not inf",
    ),
    (
        "negative-points",
        "tests/bad/negative-points.ron:10:49: points must not be negative (got -10)",
    ),
    (
        "bad-credit-code",
        "tests/bad/bad-credit-code.ron:5:9: credit code '91440116MA5C8K2X10' has check character '0', but its first 17 characters give 'Y'",
    ),
    (
        "bad-affiliate",
        "tests/bad/bad-affiliate.ron:10:42: credit code '91440101MAPMJJH73' has 17 characters; a unified social credit code has 18",
    ),
    ("empty", "tests/bad/empty.ron:1:1: the file is empty"),
    (
        "not-utf8",
        "tests/bad/not-utf8.ron:3:14: the file is not UTF-8 text (byte 0xC6); save it as UTF-8",
    ),
];

/// The same files under the Chinese default: the place, then the message in
/// the reader's words (the parser's own terse words never show).
const ZH_CASES: &[(&str, &str)] = &[
    (
        "missing-bracket",
        "tests/bad/missing-bracket.ron:12:5: 此处应为字段名：可能缺少括号或括号位置不对",
    ),
    (
        "truncated",
        "tests/bad/truncated.ron:10:28: 文件提前结束（缺少冒号）：缺少一个值或右括号",
    ),
    (
        "unknown-field",
        "tests/bad/unknown-field.ron:6:5: Sheet 中没有字段“colour”；允许的字段：id, title, version, note, total, sections, indicators, acceptance, eligibility, joint_limit, yearly_limit, agency_limit, pass_lines, aggregation, tie_break, deviation",
    ),
    (
        "wrong-type",
        "tests/bad/wrong-type.ron:9:49: 应为分数（如 10 或 2.5），实际是文字 \"ten\"",
    ),
    (
        "duplicate-item",
        "tests/bad/duplicate-item.ron:10:18: 评分项编号“A1”重复",
    ),
    (
        "total-mismatch",
        "tests/bad/total-mismatch.ron:6:5: 各评分项满分合计 20，但 total 是 100",
    ),
    (
        "step-not-dividing",
        "tests/bad/step-not-dividing.ron:10:52: 档位 3 不能整除评分项“A2”的满分 10",
    ),
    (
        "pass-line-outside",
        "tests/bad/pass-line-outside.ron:13:33: 及格线 140 超出 0..20（评分表满分）",
    ),
    (
        "rule-missing-item",
        "tests/bad/rule-missing-item.ron:14:5: 规则中的“G9”不是本评分表的建设指标",
    ),
    (
        "nan-points",
        "tests/bad/nan-points.ron:9:48: 分数必须是有限的数，而不是 NaN",
    ),
    (
        "inf-points",
        "tests/bad/inf-points.ron:9:48: 分数必须是有限的数，而不是 inf",
    ),
    (
        "negative-points",
        "tests/bad/negative-points.ron:10:49: 分数不能为负（读到 -10）",
    ),
    (
        "bad-credit-code",
        "tests/bad/bad-credit-code.ron:5:9: 统一社会信用代码“91440116MA5C8K2X10”的校验位是“0”，但按前 17 位应为“Y”",
    ),
    (
        "bad-affiliate",
        "tests/bad/bad-affiliate.ron:10:42: 统一社会信用代码“91440101MAPMJJH73”有 17 位；统一社会信用代码应为 18 位",
    ),
    ("empty", "tests/bad/empty.ron:1:1: 文件是空的"),
    (
        "not-utf8",
        "tests/bad/not-utf8.ron:3:14: 文件不是 UTF-8 文本（字节 0xC6）；请另存为 UTF-8",
    ),
];

#[test]
fn each_bad_file_is_told_in_chinese_by_default() {
    for (name, want) in ZH_CASES {
        let out = Command::cargo_bin("pingshen")
            .unwrap()
            .args(["check", &format!("tests/bad/{name}.ron")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: exit code");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim_end(),
            *want,
            "{name}"
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim_end(),
            "1 个文件中有 1 个无效",
            "{name}"
        );
    }
}

#[test]
fn each_bad_file_gives_its_message_and_exit_2() {
    for (name, want) in CASES {
        let (code, out) = check(&format!("tests/bad/{name}.ron"));
        assert_eq!(code, 2, "{name}: exit code");
        assert_eq!(out.trim_end(), *want, "{name}");
    }
}

#[test]
fn too_many_joint_applicants_is_a_formal_review_warning_not_a_bad_round() {
    let (code, out) = check_in("zh", "tests/bad/round-joint/round.ron");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().nth(1),
        Some(
            "tests/bad/round-joint/dossiers/t-001.ron:12:9: 警告：申报书 T-001 形式审查不通过（联合申报单位 3 家，超过 2 家），仍载入本轮，排名中列为形式审查未通过"
        )
    );
    let (code, out) = check_in("en", "tests/bad/round-joint/round.ron");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().nth(1),
        Some(
            "tests/bad/round-joint/dossiers/t-001.ron:12:9: warning: dossier T-001 fails formal review (3 joint applicants, more than the 2 allowed); it loads and is ranked ineligible"
        )
    );
}

#[test]
fn a_byte_order_mark_and_crlf_are_accepted() {
    let (code, out) = check_in("zh", "tests/bad/crlf-bom-ok.ron");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("OK  tests/bad/crlf-bom-ok.ron  (评分表 mini"),
        "{out}"
    );
}

#[test]
fn several_files_report_each_and_fail_together() {
    let out = Command::cargo_bin("pingshen")
        .unwrap()
        .args([
            "check",
            "tests/bad/ok-sheet.ron",
            "tests/bad/empty.ron",
            "tests/bad/ok-dossier.ron",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].starts_with("OK  tests/bad/ok-sheet.ron"));
    assert_eq!(lines[1], "tests/bad/empty.ron:1:1: 文件是空的");
    assert!(lines[2].starts_with("OK  tests/bad/ok-dossier.ron  (申报书 T-001"));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "3 个文件中有 1 个无效"
    );
}

#[test]
fn a_missing_file_is_named() {
    let (code, out) = check("tests/bad/no-such-file.ron");
    assert_eq!(code, 2);
    assert_eq!(
        out.trim_end(),
        "tests/bad/no-such-file.ron:1:1: cannot read the file: no such file"
    );
}

#[test]
fn a_missing_file_is_named_in_chinese_by_default() {
    let (code, out) = check_in("zh", "tests/bad/no-such-file.ron");
    assert_eq!(code, 2);
    assert_eq!(
        out.trim_end(),
        "tests/bad/no-such-file.ron:1:1: 无法读取文件：没有这个文件"
    );
}
