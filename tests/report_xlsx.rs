//! The workbook as a secretary prints it: landscape A4 fitted to the width,
//! heading rows repeated on each page, rows as tall as their wrapped names,
//! item columns headed with the items' names, and the summary sheet named in
//! the reader's language. Read from the file's own XML, as LibreOffice and
//! Excel read it.

mod builders;
mod minutes;

use std::io::Read;

use pingshen::lang::Lang;
use pingshen::report;

/// Every part of the workbook the test reads, by name.
fn parts(bytes: Vec<u8>) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for k in 0..zip.len() {
        let mut f = zip.by_index(k).unwrap();
        let mut text = String::new();
        if f.read_to_string(&mut text).is_ok() {
            out.insert(f.name().unwrap().to_string(), text);
        }
    }
    out
}

/// The `<row r="N" …>` opening tag of row N (1-based), as written.
fn row_tag(xml: &str, n: u32) -> String {
    let at = xml.find(&format!("<row r=\"{n}\"")).unwrap();
    xml[at..at + xml[at..].find('>').unwrap() + 1].to_string()
}

#[test]
fn every_sheet_prints_landscape_fitted_to_the_width_with_its_heading_repeated() {
    let w = minutes::world();
    let p = parts(report::xlsx(&w.minutes(Lang::Zh)).unwrap());
    let sheets: Vec<&String> = p
        .keys()
        .filter(|k| k.starts_with("xl/worksheets/sheet"))
        .collect();
    assert_eq!(sheets.len(), 4, "the summary and three experts");
    for s in &sheets {
        let xml = &p[*s];
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{s}");
        assert!(
            xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\""),
            "{s}: {xml}"
        );
        assert!(
            xml.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"),
            "{s}"
        );
    }
    let book = &p["xl/workbook.xml"];
    // The summary repeats its heading row (row 5), each expert sheet its
    // heading and maxima rows (rows 4–5).
    assert!(
        book.contains(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">汇总表!$5:$5</definedName>"
        ),
        "{book}"
    );
    assert!(
        book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'E1 张衡'!$4:$5</definedName>"),
        "{book}"
    );
}

#[test]
fn rows_are_as_tall_as_their_wrapped_text() {
    let mut w = minutes::world();
    // A name of 40 Chinese characters wraps to three lines in a column 34 digits wide.
    let long = "广州市黄埔区某某高价值专利培育运营中心暨知识产权协同创新研究院有限责任公司";
    w.dossiers[0].applicant.name = long.into();
    w.ranking.entries[0].applicant = long.into();
    let p = parts(report::xlsx(&w.minutes(Lang::Zh)).unwrap());
    let summary = &p["xl/worksheets/sheet1.xml"];
    // Row 6 holds D1 with the long name; row 7 (D2) keeps one line.
    assert!(
        row_tag(summary, 6).contains("ht=\"48\" customHeight=\"1\""),
        "{}",
        row_tag(summary, 6)
    );
    assert!(
        !row_tag(summary, 7).contains("customHeight"),
        "{}",
        row_tag(summary, 7)
    );
    // On E1's sheet the long name wraps in a column 30 digits wide: three lines.
    let e1 = &p["xl/worksheets/sheet2.xml"];
    assert!(row_tag(e1, 6).contains("ht=\"48\""), "{}", row_tag(e1, 6));
}

#[test]
fn item_columns_are_headed_with_the_items_names() {
    let mut w = minutes::world();
    for s in &mut w.sheet.sections {
        for i in &mut s.items {
            if i.id == "a" {
                i.title = "专利布局与储备情况".into();
            }
        }
    }
    let bytes = report::xlsx(&w.minutes(Lang::Zh)).unwrap();
    let p = parts(bytes);
    let strings = &p["xl/sharedStrings.xml"];
    assert!(strings.contains("<t>a 专利布局与储备情况</t>"), "{strings}");
    // The heading row grows to fit the wrapped names (9 characters in a column 11 digits wide).
    let e1 = &p["xl/worksheets/sheet2.xml"];
    assert!(
        row_tag(e1, 4).contains("customHeight=\"1\""),
        "{}",
        row_tag(e1, 4)
    );
}

#[test]
fn the_summary_sheet_is_named_in_the_readers_language() {
    let w = minutes::world();
    let p = parts(report::xlsx(&w.minutes(Lang::En)).unwrap());
    let book = &p["xl/workbook.xml"];
    assert!(
        book.contains("<sheet name=\"Summary\" sheetId=\"1\""),
        "{book}"
    );
    assert!(!book.contains("汇总表"), "{book}");
    let p = parts(report::xlsx(&w.minutes(Lang::Zh)).unwrap());
    assert!(p["xl/workbook.xml"].contains("<sheet name=\"汇总表\" sheetId=\"1\""));
}

#[test]
fn the_check_value_is_explained_in_plain_words() {
    let w = minutes::world();
    for lang in [Lang::Zh, Lang::En] {
        let p = parts(report::xlsx(&w.minutes(lang)).unwrap());
        let strings = &p["xl/sharedStrings.xml"];
        assert!(!strings.contains("pingshen ranking v1"), "{strings}");
        assert!(!strings.contains("制表符") && !strings.contains("tab-separated"));
        assert!(!strings.contains("状态代码") && !strings.contains("Status key"));
        assert!(strings.contains("ranking.canonical.txt"), "{strings}");
    }
}
