//! What a person types in a cell, read into a value: numbers and dates as
//! spreadsheets hold them or as text, full-width forms made plain, spaces trimmed.

use chrono::NaiveDate;

use super::problem::{Bad, NumberWhy};
use crate::domain::Points;
use crate::domain::dossier::ApplicantKind;

/// One cell as a reader hands it over, before the column gives it a meaning.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Bool(bool),
    /// A number the spreadsheet formats as a date: (year, month, day).
    Date(i32, u32, u32),
    /// A formula that failed, such as `#DIV/0!`.
    Error(String),
}

/// A cell's value, read for its column.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Whole(u32),
    Amount(Points),
    Date(NaiveDate),
    Bool(bool),
    Kind(ApplicantKind),
    Codes(Vec<String>),
}

/// How a column reads its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text, kept as typed (only trimmed).
    Text,
    /// An identifier: plain characters, no spaces inside.
    Id,
    /// A unified social credit code: plain characters, capitals.
    Code,
    /// Several credit codes, separated by commas, 、 or semicolons.
    Codes,
    Whole,
    Amount,
    Date,
    YesNo,
    Organisation,
}

/// Full-width ASCII forms (`１２３`, `，`, `．`) and the ideographic space as
/// their plain forms; other characters unchanged.
pub fn narrow(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            other => other,
        })
        .collect()
}

/// The answers a yes/no column takes, first the ones the template offers.
pub const YES: &[&str] = &["是", "有", "Y", "YES", "TRUE", "1", "√", "✓"];
pub const NO: &[&str] = &["否", "无", "N", "NO", "FALSE", "0", "×", "✗"];

/// The words for each kind of applicant, the template's first.
pub fn kind_words(k: ApplicantKind) -> &'static [&'static str] {
    match k {
        ApplicantKind::Enterprise => &["企业", "Enterprise"],
        ApplicantKind::University => &["高等院校", "高校", "大学", "University"],
        ApplicantKind::Institute => &["科研院所", "科研机构", "Institute"],
        ApplicantKind::ServiceAgency => &[
            "知识产权服务机构",
            "服务机构",
            "ServiceAgency",
            "Service agency",
        ],
    }
}

pub const KINDS: [ApplicantKind; 4] = [
    ApplicantKind::Enterprise,
    ApplicantKind::University,
    ApplicantKind::Institute,
    ApplicantKind::ServiceAgency,
];

/// Reads a non-empty cell for a column of `kind`; `None` for an empty one.
pub fn read(raw: &Raw<'_>, kind: Kind) -> Result<Option<Value>, Bad> {
    let text = match raw {
        Raw::Empty => return Ok(None),
        Raw::Error(code) => return Err(Bad::Formula { code: code.clone() }),
        Raw::Text(t) if t.trim().is_empty() => return Ok(None),
        Raw::Text(t) => Some(t.trim()),
        _ => None,
    };
    let value = match kind {
        Kind::Text => Value::Text(text.map_or_else(|| plain(raw), str::to_string)),
        Kind::Id => Value::Text(token(&text.map_or_else(|| plain(raw), narrow))),
        Kind::Code => Value::Text(token(&text.map_or_else(|| plain(raw), narrow)).to_uppercase()),
        Kind::Codes => Value::Codes(codes(&text.map_or_else(|| plain(raw), narrow))),
        Kind::Whole => Value::Whole(whole(raw, text)?),
        Kind::Amount => Value::Amount(amount(raw, text)?),
        Kind::Date => Value::Date(date(raw, text)?),
        Kind::YesNo => Value::Bool(yes_no(raw, text)?),
        Kind::Organisation => Value::Kind(applicant_kind(raw, text)?),
    };
    Ok(Some(value))
}

/// A non-text cell as the text it shows.
fn plain(raw: &Raw<'_>) -> String {
    match raw {
        Raw::Text(t) => t.trim().to_string(),
        Raw::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Raw::Number(n) => n.to_string(),
        Raw::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Raw::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        Raw::Error(e) => e.clone(),
        Raw::Empty => String::new(),
    }
}

/// Spaces dropped: ids and codes never hold them, but pasted ones often do.
fn token(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn codes(s: &str) -> Vec<String> {
    s.split(|c: char| matches!(c, ',' | ';' | '、') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(str::to_uppercase)
        .collect()
}

fn shown(raw: &Raw<'_>, text: Option<&str>) -> String {
    text.map_or_else(|| plain(raw), str::to_string)
}

fn whole(raw: &Raw<'_>, text: Option<&str>) -> Result<u32, Bad> {
    let p = amount(raw, text)?;
    let h = p.hundredths();
    if h % 100 != 0 {
        return Err(Bad::number(shown(raw, text), NumberWhy::Fraction));
    }
    u32::try_from(h / 100).map_err(|_| Bad::number(shown(raw, text), NumberWhy::TooLarge))
}

fn amount(raw: &Raw<'_>, text: Option<&str>) -> Result<Points, Bad> {
    use crate::domain::points::PointsError as E;
    let why = |e: E| match e {
        E::Negative(_) => NumberWhy::Negative,
        E::TooPrecise(_) => NumberWhy::Decimals,
        E::TooLarge(_) | E::NotFinite(_) => NumberWhy::TooLarge,
        E::NotANumber(_) => NumberWhy::Text,
    };
    let shown = shown(raw, text);
    match (raw, text) {
        (Raw::Number(n), _) => Points::from_f64(*n).map_err(|e| Bad::number(shown, why(e))),
        (_, Some(t)) => {
            let t = ungroup(&narrow(t));
            t.parse::<Points>().map_err(|e| Bad::number(shown, why(e)))
        }
        _ => Err(Bad::number(shown, NumberWhy::Text)),
    }
}

/// `1,234,567.5` without its thousands separators; anything else unchanged.
fn ungroup(s: &str) -> String {
    let s = s.trim();
    let (int, frac) = s.split_once('.').map_or((s, None), |(a, b)| (a, Some(b)));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return s.to_string();
    }
    let joined = groups.concat();
    frac.map_or_else(|| joined.clone(), |f| format!("{joined}.{f}"))
}

fn date(raw: &Raw<'_>, text: Option<&str>) -> Result<NaiveDate, Bad> {
    let bad = || Bad::Date {
        value: shown(raw, text),
    };
    match (raw, text) {
        (Raw::Date(y, m, d), _) => NaiveDate::from_ymd_opt(*y, *m, *d).ok_or_else(bad),
        (Raw::Number(n), _) => serial(*n).ok_or_else(bad),
        (_, Some(t)) => text_date(&narrow(t)).ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// An Excel serial day number (1900 system) as a date.
pub fn serial(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    // Excel counts a 29 February 1900 that never was: from day 61 on, day 0 is 1899-12-30.
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if n < 61.0 { n as i64 + 1 } else { n as i64 };
    epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?)
}

/// `2016/4/1`, `2016-04-01`, `2016.4.1`, `2016年4月1日`, or a serial number typed as text.
fn text_date(t: &str) -> Option<NaiveDate> {
    let t = t.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && t.len() <= 7 {
        return serial(t.parse().ok()?);
    }
    let body = t.strip_suffix('日').unwrap_or(t);
    let parts: Vec<&str> = if body.contains('年') {
        let (y, rest) = body.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        vec![y, m, d]
    } else {
        let sep = ['-', '/', '.'].into_iter().find(|s| body.contains(*s))?;
        body.split(sep).collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str, max: usize| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if y.trim().len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)
}

fn yes_no(raw: &Raw<'_>, text: Option<&str>) -> Result<bool, Bad> {
    let word = narrow(&shown(raw, text)).to_uppercase();
    if let Raw::Bool(b) = raw {
        return Ok(*b);
    }
    if YES.contains(&word.as_str()) {
        Ok(true)
    } else if NO.contains(&word.as_str()) {
        Ok(false)
    } else {
        Err(Bad::Choice {
            value: shown(raw, text),
            allowed: vec!["是".into(), "否".into()],
        })
    }
}

fn applicant_kind(raw: &Raw<'_>, text: Option<&str>) -> Result<ApplicantKind, Bad> {
    let word = shown(raw, text);
    let plain = narrow(&word);
    KINDS
        .into_iter()
        .find(|k| {
            kind_words(*k)
                .iter()
                .any(|w| w.eq_ignore_ascii_case(plain.trim()))
        })
        .ok_or_else(|| Bad::Choice {
            value: word,
            allowed: KINDS.iter().map(|k| k.zh().to_string()).collect(),
        })
}

/// The A1 name of a cell, from zero-based row and column.
pub fn a1(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push(b'A' + r as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn names_cells_the_way_spreadsheets_do() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 2), "C12");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(4, 52), "BA5");
    }

    #[test]
    fn reads_every_date_people_type() {
        for t in [
            "2016/4/1",
            "2016-04-01",
            "2016年4月1日",
            "２０１６年４月１日",
            "2016.4.1",
            "42461",
        ] {
            let v = read(&Raw::Text(t), Kind::Date).unwrap();
            assert_eq!(v, Some(Value::Date(d(2016, 4, 1))), "{t}");
        }
        assert_eq!(
            read(&Raw::Number(42461.0), Kind::Date).unwrap(),
            Some(Value::Date(d(2016, 4, 1)))
        );
        assert_eq!(serial(1.0), Some(d(1900, 1, 1)));
        assert!(read(&Raw::Text("2016/13/1"), Kind::Date).is_err());
        assert!(read(&Raw::Text("16/4/1"), Kind::Date).is_err());
        assert!(read(&Raw::Text("去年"), Kind::Date).is_err());
    }

    #[test]
    fn numbers_take_full_width_digits_and_grouping() {
        let n = |t| read(&Raw::Text(t), Kind::Whole);
        assert_eq!(n("１２３").unwrap(), Some(Value::Whole(123)));
        assert_eq!(n(" 1,234 ").unwrap(), Some(Value::Whole(1234)));
        assert_eq!(n("1，234").unwrap(), Some(Value::Whole(1234)));
        assert!(n("1,5").is_err());
        assert!(n("12件").is_err());
        assert!(n("2.5").is_err());
        assert!(n("-3").is_err());
        let a = read(&Raw::Text("６５２０７．６９"), Kind::Amount).unwrap();
        assert_eq!(a, Some(Value::Amount(Points::from_hundredths(6_520_769))));
        assert!(read(&Raw::Number(1.234), Kind::Amount).is_err());
    }

    #[test]
    fn yes_no_and_kinds_accept_their_words() {
        let b = |t| read(&Raw::Text(t), Kind::YesNo).unwrap();
        assert_eq!(b("是"), Some(Value::Bool(true)));
        assert_eq!(b("ｙｅｓ"), Some(Value::Bool(true)));
        assert_eq!(b("否"), Some(Value::Bool(false)));
        assert_eq!(b("  "), None);
        assert!(read(&Raw::Text("也许"), Kind::YesNo).is_err());
        assert_eq!(
            read(&Raw::Text("高校"), Kind::Organisation).unwrap(),
            Some(Value::Kind(ApplicantKind::University))
        );
    }

    #[test]
    fn codes_are_trimmed_capitalised_and_split() {
        assert_eq!(
            read(&Raw::Text(" ９１４４ 0112mapcu9qy5r "), Kind::Code).unwrap(),
            Some(Value::Text("91440112MAPCU9QY5R".into()))
        );
        assert_eq!(
            read(&Raw::Text("A1，B2、C3; D4"), Kind::Codes).unwrap(),
            Some(Value::Codes(vec![
                "A1".into(),
                "B2".into(),
                "C3".into(),
                "D4".into()
            ]))
        );
    }
}
