//! Every kind of bad file gives its own message at its place, exit 2.

use assert_cmd::Command;

fn check(file: &str) -> (i32, String) {
    let out = Command::cargo_bin("pingshen")
        .unwrap()
        .args(["check", file])
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
        "tests/bad/truncated.ron:10:28: the file ends too early (Expected colon): a value or closing bracket is missing",
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
    let (code, out) = check("tests/bad/round-joint/round.ron");
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().nth(1),
        Some(
            "tests/bad/round-joint/dossiers/t-001.ron:12:9: 警告：申报书 T-001 形式审查不通过（联合申报单位 3 家，超过 2 家），仍载入本轮，排名中列为形式审查未通过"
        )
    );
}

#[test]
fn a_byte_order_mark_and_crlf_are_accepted() {
    let (code, out) = check("tests/bad/crlf-bom-ok.ron");
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
    assert_eq!(lines[1], "tests/bad/empty.ron:1:1: the file is empty");
    assert!(lines[2].starts_with("OK  tests/bad/ok-dossier.ron  (申报书 T-001"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 3 files are not valid"));
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
