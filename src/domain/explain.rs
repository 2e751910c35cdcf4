//! Acceptance rules and verdicts as sentences people read in the minutes:
//! "达成 2/7，含第5项；需 3 项（含第5项）或 4 项（不含第5项）".
//! Indicators are named by their place on the sheet (第5项 / item 5).

use super::dossier::{ApplicantKind, FACTS, FLAGS};
use super::indicators::Evidence;
use super::outcome::Verdict;
use super::rules::{Cond, Expr};

pub(crate) use crate::lang::Lang;

struct Words<'a> {
    lang: Lang,
    number: &'a dyn Fn(&str) -> Option<usize>,
}

/// The whole reason: what was achieved, then the clause that decided or what is needed.
pub(crate) fn verdict(v: &Verdict, lang: Lang) -> String {
    let number = |id: &str| v.indicators.iter().find(|i| i.id == id).map(|i| i.number);
    let w = Words {
        lang,
        number: &number,
    };
    let mut out = summary(v, &w);
    let zh = lang == Lang::Zh;
    match (&v.clause, v.passed) {
        (Some(clause), true) => {
            out += if zh { "；符合 " } else { "; meets " };
            out += &cond(clause, &w);
        }
        _ => {
            out += if zh { "；需 " } else { "; needs " };
            out += &cond(&v.rule, &w);
            if v.missing.len() > 1 || v.missing.first().is_some_and(|m| *m != v.rule) {
                out += if zh { "；未满足 " } else { "; not met: " };
                let parts: Vec<String> = v.missing.iter().map(|m| cond(m, &w)).collect();
                out += &parts.join(if zh { "、" } else { ", " });
            }
        }
    }
    if v.evidence == Evidence::Declared {
        out += if zh {
            "（依据申报数据）"
        } else {
            " (declared values)"
        };
    }
    out
}

/// "达成 2/7，含第5项": how many are met, and each indicator the rule singles out.
fn summary(v: &Verdict, w: &Words) -> String {
    let met = v.indicators.iter().filter(|i| i.met).count();
    let n = v.indicators.len();
    let mut singled = Vec::new();
    singled_out(&v.rule, &mut singled);
    let mut singled: Vec<_> = v
        .indicators
        .iter()
        .filter(|i| singled.contains(&i.id.as_str()))
        .collect();
    singled.sort_by_key(|i| i.number);
    let mut out = match w.lang {
        Lang::Zh => format!("达成 {met}/{n}"),
        Lang::En => format!("met {met} of {n}"),
    };
    for i in singled {
        out += &match (w.lang, i.met) {
            (Lang::Zh, true) => format!("，含第{}项", i.number),
            (Lang::Zh, false) => format!("，缺第{}项", i.number),
            (Lang::En, true) => format!(", including item {}", i.number),
            (Lang::En, false) => format!(", not item {}", i.number),
        };
    }
    out
}

/// Indicators the rule names one by one (`Met`, or excluded from a count).
fn singled_out<'a>(c: &'a Cond, out: &mut Vec<&'a str>) {
    match c {
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|x| singled_out(x, out)),
        Cond::Not(x) => singled_out(x, out),
        Cond::Met(id) => out.push(id),
        Cond::CountMet { excluding, .. } => out.extend(excluding.iter().map(String::as_str)),
        _ => {}
    }
}

fn cond(c: &Cond, w: &Words) -> String {
    let zh = w.lang == Lang::Zh;
    match c {
        Cond::Met(id) => items(std::slice::from_ref(id), w),
        Cond::CountMet { min, of, excluding } => count(*min, of, excluding, w),
        Cond::All(cs) => including(cs, w).unwrap_or_else(|| {
            join(
                cs,
                if zh { "且" } else { " and " },
                w,
                |x| matches!(x, Cond::Any(v) if v.len() > 1),
            )
        }),
        Cond::Any(cs) => join(
            cs,
            if zh { "或" } else { " or " },
            w,
            |x| matches!(x, Cond::All(v) if v.len() > 1 && including(v, w).is_none()),
        ),
        Cond::Not(x) if zh => format!("非（{}）", cond(x, w)),
        Cond::Not(x) => format!("not ({})", cond(x, w)),
        Cond::AtLeast(e, n) => format!("{} ≥ {n}", expr(e, w)),
        Cond::AtMost(e, n) => format!("{} ≤ {n}", expr(e, w)),
        Cond::Flag(name) if zh => label(FLAGS, name).to_string(),
        Cond::Flag(name) => label(FLAGS_EN, name).to_string(),
        Cond::ApplicantIs(kinds) if zh => {
            let k: Vec<_> = kinds.iter().map(|k| k.zh()).collect();
            format!("申报单位为{}", k.join("或"))
        }
        Cond::ApplicantIs(kinds) => {
            let k: Vec<_> = kinds.iter().map(|k| kind_en(*k)).collect();
            format!("applicant is {}", k.join(" or "))
        }
    }
}

fn join(cs: &[Cond], sep: &str, w: &Words, wrap: impl Fn(&Cond) -> bool) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|x| match (wrap(x), w.lang) {
            (true, Lang::Zh) => format!("（{}）", cond(x, w)),
            (true, Lang::En) => format!("({})", cond(x, w)),
            (false, _) => cond(x, w),
        })
        .enumerate()
        // Chinese text keeps a space before an Arabic numeral: "或 4 项".
        .map(|(k, p)| match w.lang {
            Lang::Zh if k > 0 && p.starts_with(|c: char| c.is_ascii_digit()) => format!(" {p}"),
            _ => p,
        })
        .collect();
    parts.join(sep)
}

/// `All([Met(5), CountMet{3}])` reads "3 项（含第5项）".
fn including(cs: &[Cond], w: &Words) -> Option<String> {
    let counts: Vec<_> = cs
        .iter()
        .filter(|c| matches!(c, Cond::CountMet { .. }))
        .collect();
    let mets: Vec<String> = cs
        .iter()
        .filter_map(|c| match c {
            Cond::Met(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    if counts.len() != 1 || mets.is_empty() || counts.len() + mets.len() != cs.len() {
        return None;
    }
    // "3 items including item 5" only when item 5 is one of those counted.
    if let Cond::CountMet { of, excluding, .. } = counts[0]
        && !mets
            .iter()
            .all(|m| (of.is_empty() || of.contains(m)) && !excluding.contains(m))
    {
        return None;
    }
    let base = cond(counts[0], w);
    Some(match w.lang {
        Lang::Zh => format!("{base}（含{}）", items(&mets, w)),
        Lang::En => format!("{base} including {}", items(&mets, w)),
    })
}

fn count(min: u32, of: &[String], excluding: &[String], w: &Words) -> String {
    match w.lang {
        Lang::Zh => {
            let pool = if of.is_empty() {
                String::new()
            } else {
                format!("{}中 ", items(of, w))
            };
            let excl = if excluding.is_empty() {
                String::new()
            } else {
                format!("（不含{}）", items(excluding, w))
            };
            format!("{pool}{min} 项{excl}")
        }
        Lang::En => {
            let base = if of.is_empty() {
                format!("{min} items")
            } else {
                format!("{min} of {}", items(of, w))
            };
            if excluding.is_empty() {
                base
            } else {
                format!("{base} excluding {}", items(excluding, w))
            }
        }
    }
}

/// "第5项", "第1、3–12项" / "item 5", "items 1, 3–12"; runs of three or more are spans.
fn items(ids: &[String], w: &Words) -> String {
    let numbers: Option<Vec<usize>> = ids.iter().map(|id| (w.number)(id)).collect();
    let Some(mut numbers) = numbers else {
        return ids.join(if w.lang == Lang::Zh { "、" } else { ", " });
    };
    numbers.sort_unstable();
    numbers.dedup();
    let mut parts = Vec::new();
    let mut k = 0;
    while k < numbers.len() {
        let mut end = k;
        while end + 1 < numbers.len() && numbers[end + 1] == numbers[end] + 1 {
            end += 1;
        }
        if end >= k + 2 {
            parts.push(format!("{}–{}", numbers[k], numbers[end]));
        } else {
            parts.extend(numbers[k..=end].iter().map(|n| n.to_string()));
        }
        k = end + 1;
    }
    match w.lang {
        Lang::Zh => format!("第{}项", parts.join("、")),
        Lang::En if numbers.len() == 1 => format!("item {}", parts.join(", ")),
        Lang::En => format!("items {}", parts.join(", ")),
    }
}

fn expr(e: &Expr, w: &Words) -> String {
    match e {
        Expr::Fact(name) if w.lang == Lang::Zh => label(FACTS, name).to_string(),
        Expr::Fact(name) => label(FACTS_EN, name).to_string(),
        Expr::Num(p) => p.to_string(),
        Expr::Sum(xs) => {
            let parts: Vec<String> = xs.iter().map(|x| expr(x, w)).collect();
            parts.join(" + ")
        }
        Expr::Scale(x, k) => format!("{} × {k}", expr(x, w)),
    }
}

/// The numeric facts in English, as `FACTS` gives them in Chinese.
const FACTS_EN: &[(&str, &str)] = &[
    ("patents.valid", "valid patents"),
    ("patents.invention.filed", "invention patent applications"),
    ("patents.invention.granted", "invention patents granted"),
    ("patents.invention.valid", "valid invention patents"),
    ("patents.utility.valid", "valid utility models"),
    ("patents.design.valid", "valid designs"),
    ("patents.pct.filed", "PCT applications"),
    ("patents.pct.valid", "valid PCT patents"),
    (
        "patents.pct.national_phase",
        "PCT applications in national phase",
    ),
    ("patents.pct.countries", "PCT designated countries"),
    (
        "patents.related_invention",
        "valid invention patents in the field",
    ),
    ("patents.high_value", "high-value invention patents"),
    ("joint.count", "joint applicants"),
    ("joint.universities", "joint universities and institutes"),
    ("joint.agencies", "joint service agencies"),
    ("joint.enterprises", "joint enterprises"),
    (
        "joint.enterprises.in_region",
        "joint enterprises in the region",
    ),
    (
        "joint.agencies.staff.min",
        "staff of the smallest joint agency",
    ),
    (
        "joint.agencies.field_staff.min",
        "attorneys and searchers in the field at the least-staffed joint agency",
    ),
    (
        "joint.agencies.revenue.min",
        "lowest IP service revenue of a joint agency last year (万元)",
    ),
    ("years_registered", "years registered"),
    (
        "sales.last3.min",
        "lowest yearly sales of the last three years (万元)",
    ),
    ("sales.last", "last year's sales (万元)"),
    ("ip_funding.last", "last year's IP funding (万元)"),
    (
        "ip_service_revenue.last",
        "last year's IP service revenue (万元)",
    ),
    ("staff.total", "staff"),
    ("staff.ip_full_time", "full-time IP staff"),
    (
        "staff.field_specialists",
        "attorneys and searchers in the field",
    ),
];

/// The yes/no facts in English, as `FLAGS` gives them in Chinese.
const FLAGS_EN: &[(&str, &str)] = &[
    (
        "flags.previously_recognised",
        "already recognised as a centre",
    ),
    (
        "flags.affiliate_of_recognised",
        "an affiliate of a recognised centre",
    ),
    (
        "flags.unfinished_project",
        "an unfinished project of earlier years",
    ),
    ("flags.credit_blacklist", "on the credit blacklist"),
    ("flags.ip_agency_scope", "business scope includes IP agency"),
    ("flags.abnormal_filings", "abnormal patent filings"),
    (
        "flags.independent_legal_entity",
        "an independent legal entity",
    ),
    ("flags.in_region", "registered in the region"),
    (
        "applicant.high_tech",
        "a high-tech or IP-advantage enterprise",
    ),
    ("management.patent_system", "a patent management system"),
    ("management.patent_database", "a patent database"),
    ("management.pledge_financing", "patent pledge financing"),
    ("management.patent_strategy", "a patent strategy"),
];

fn label<'a>(table: &[(&str, &'a str)], name: &'a str) -> &'a str {
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(name, |(_, l)| l)
}

fn kind_en(k: ApplicantKind) -> &'static str {
    match k {
        ApplicantKind::Enterprise => "an enterprise",
        ApplicantKind::University => "a university",
        ApplicantKind::Institute => "a research institute",
        ApplicantKind::ServiceAgency => "an IP service agency",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Points;
    use crate::domain::indicators::IndicatorState;

    fn state(k: usize, met: bool) -> IndicatorState {
        IndicatorState {
            id: format!("I{k}"),
            number: k,
            title: String::new(),
            unit: "项".into(),
            target: Points::whole(1),
            achieved: Some(Points::whole(u32::from(met).into())),
            votes: 0,
            met,
        }
    }

    fn say(rule: Cond, met: &[usize], passed: bool, lang: Lang) -> String {
        let v = Verdict {
            passed,
            evidence: Evidence::Panel { experts: 3 },
            indicators: (1..=12).map(|k| state(k, met.contains(&k))).collect(),
            clause: passed.then(|| rule.clone()),
            missing: if passed { vec![] } else { vec![rule.clone()] },
            rule,
        };
        verdict(&v, lang)
    }

    fn ids(v: &[usize]) -> Vec<String> {
        v.iter().map(|k| format!("I{k}")).collect()
    }

    #[test]
    fn item_lists_become_spans() {
        let of = ids(&[1, 3, 4, 5, 7, 8]);
        let rule = Cond::CountMet {
            min: 2,
            of,
            excluding: ids(&[4]),
        };
        assert_eq!(
            say(rule.clone(), &[1], false, Lang::Zh),
            "达成 1/12，缺第4项；需 第1、3–5、7、8项中 2 项（不含第4项）"
        );
        assert_eq!(
            say(rule, &[1], false, Lang::En),
            "met 1 of 12, not item 4; needs 2 of items 1, 3–5, 7, 8 excluding item 4"
        );
    }

    #[test]
    fn facts_flags_and_kinds_read_as_labels() {
        let rule = Cond::All(vec![
            Cond::AtLeast(
                Expr::Sum(vec![
                    Expr::Fact("patents.invention.valid".into()),
                    Expr::Scale(
                        Box::new(Expr::Fact("patents.pct.national_phase".into())),
                        Points::from_hundredths(50),
                    ),
                ]),
                Points::whole(10),
            ),
            Cond::Not(Box::new(Cond::Flag("flags.credit_blacklist".into()))),
            Cond::ApplicantIs(vec![ApplicantKind::Enterprise, ApplicantKind::University]),
        ]);
        assert_eq!(
            say(rule.clone(), &[], true, Lang::Zh),
            "达成 0/12；符合 有效发明专利 + 进入国家阶段的PCT申请 × 0.5 ≥ 10且非（失信联合惩戒对象）且申报单位为企业或高等院校"
        );
        assert_eq!(
            say(rule, &[], true, Lang::En),
            "met 0 of 12; meets valid invention patents + PCT applications in national phase × 0.5 ≥ 10 and not (on the credit blacklist) and applicant is an enterprise or a university"
        );
    }
}
