//! `center list` and `center show`: the register as a table or JSON.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::super::Lang;
use super::super::score::Format;
use super::super::table::{Align, render};
use super::args;
use crate::domain::Points;
use crate::domain::lifecycle::{Event, History, Payment};
use crate::domain::register::{Centre, Row, rows, table};
use crate::error::Error;
use crate::store::Store;

pub fn list(dir: &Path, on: Option<&str>, format: Format, lang: Lang) -> Result<(), Error> {
    let today = args::on_or_today(on)?;
    let store = Store::open(dir)?;
    let centres = store.centres()?;
    if format == Format::Json {
        let out: Vec<Value> = rows(&centres, today).iter().map(row_json).collect();
        let text = serde_json::to_string_pretty(&json!({ "on": today, "centres": out }));
        return print(&text.unwrap_or_default());
    }
    if centres.is_empty() {
        return print(lang.pick(
            "登记簿中还没有中心（用 center register 登记）",
            "the register holds no centres yet (add them with center register)",
        ));
    }
    let (header, cells) = table(&centres, today, lang.into());
    use Align::{Left as L, Right as R};
    let align = [L, L, L, L, L, L, R, R, R];
    let head = match lang {
        Lang::Zh => format!("在册中心 {} 个（{today}）", centres.len()),
        Lang::En => format!("{} centres in the register on {today}", centres.len()),
    };
    print(&format!("{head}\n{}", render(&header, &align, &cells)))
}

fn row_json(r: &Row) -> Value {
    json!({
        "credit_code": r.credit_code,
        "name": r.name,
        "scheme": r.scheme.key(),
        "state": r.state.as_ref().map(|s| s.key()),
        "next": r.next.map(|(d, m)| json!({ "date": d, "what": m.en() })),
        "days_left": r.days_left,
        "payable": r.payable.fixed2(),
        "pending": r.pending.fixed2(),
        "withheld": r.withheld.fixed2(),
    })
}

pub fn show(
    dir: &Path,
    code: &str,
    on: Option<&str>,
    format: Format,
    lang: Lang,
) -> Result<(), Error> {
    let today = args::on_or_today(on)?;
    let code = args::code(code)?;
    let store = Store::open(dir)?;
    let c = store.centre(&code)?;
    let h = c.history().map_err(|e| Error::Failure(e.to_string()))?;
    let pay = c.ledger();
    if format == Format::Json {
        return print(
            &serde_json::to_string_pretty(&centre_json(&c, &h, &pay, today)).unwrap_or_default(),
        );
    }
    let row = Row::of(&c, today);
    let mut out = vec![match lang {
        Lang::Zh => format!("{}（{}）· {}", c.name, c.credit_code, c.scheme.zh()),
        Lang::En => format!("{} ({}) · {}", c.name, c.credit_code, c.scheme.en()),
    }];
    let next = match (row.next, lang) {
        (Some((d, m)), Lang::Zh) => {
            format!(
                "；下一节点：{} {d}，剩余 {}",
                m.zh(),
                row.days_words(lang.into())
            )
        }
        (Some((d, m)), Lang::En) => format!(
            "; next: {} on {d}, days left {}",
            m.en(),
            row.days_words(lang.into())
        ),
        (None, _) => String::new(),
    };
    out.push(format!(
        "{}{}{next}",
        lang.pick("状态：", "state: "),
        row.state_words(lang.into())
    ));
    out.push(String::new());
    out.push(history_table(&c, lang));
    if h.objections().next().is_some() {
        out.push(String::new());
        out.push(objections_table(&h, lang));
    }
    out.push(String::new());
    out.push(ledger_table(&pay, today, lang));
    out.push(match lang {
        Lang::Zh => format!(
            "合计：可拨付 {} 万元；待定 {} 万元；不予扶持 {} 万元",
            row.payable.fixed2(),
            row.pending.fixed2(),
            row.withheld.fixed2()
        ),
        Lang::En => format!(
            "total: payable {} 万元; pending {} 万元; withheld {} 万元",
            row.payable.fixed2(),
            row.pending.fixed2(),
            row.withheld.fixed2()
        ),
    });
    print(&out.join("\n"))
}

/// What an event was, in words: its kind and its details.
fn describe(e: &Event, c: &Centre, lang: Lang) -> (String, String) {
    let zh = lang == Lang::Zh;
    let verdict = |year: u8, score: Points| {
        let pass = score >= c.scheme.lines().for_year(year);
        match (zh, pass) {
            (true, true) => format!("{} 分，合格", score.fixed2()),
            (true, false) => format!("{} 分，不合格", score.fixed2()),
            (false, true) => format!("{}, passed", score.fixed2()),
            (false, false) => format!("{}, failed", score.fixed2()),
        }
    };
    let year_zh = |y: u8| {
        if y == 1 {
            "第一年度"
        } else {
            "第二年度"
        }
    };
    match e {
        Event::Recognised { .. } => (lang.pick("认定", "recognised").into(), String::new()),
        Event::Assessed { year, score, .. } => (
            if zh {
                format!("{}考核", year_zh(*year))
            } else {
                format!("year-{year} assessment")
            },
            verdict(*year, *score),
        ),
        Event::Reassessed { year, score, .. } => (
            if zh {
                format!("{}整改后复核", year_zh(*year))
            } else {
                format!("year-{year} re-assessment")
            },
            verdict(*year, *score),
        ),
        Event::Withdrawn { reason, .. } => (lang.pick("退出", "withdrawn").into(), reason.clone()),
        Event::Published { until, .. } => (
            lang.pick("公示", "published").into(),
            format!("{}{until}", lang.pick("至 ", "to ")),
        ),
        Event::Objected { reason, .. } => (lang.pick("异议", "objection").into(), reason.clone()),
        Event::Ruled {
            number,
            upheld,
            reason,
            ..
        } => (
            if zh {
                format!("异议 {number} 结论")
            } else {
                format!("finding on objection {number}")
            },
            format!(
                "{}{reason}",
                match (zh, upheld) {
                    (true, true) => "成立：",
                    (true, false) => "不成立：",
                    (false, true) => "upheld: ",
                    (false, false) => "dismissed: ",
                }
            ),
        ),
    }
}

fn history_table(c: &Centre, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => ["日期", "事项", "详情", "来源轮次"],
        Lang::En => ["Date", "Event", "Details", "Round"],
    };
    let cells: Vec<Vec<String>> = c
        .records
        .iter()
        .map(|r| {
            let (what, details) = describe(&r.event, c, lang);
            vec![
                r.event.date().to_string(),
                what,
                details,
                r.round.clone().unwrap_or_default(),
            ]
        })
        .collect();
    render(&header, &[Align::Left; 4], &cells)
}

fn objections_table(h: &History, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => ["编号", "提出日期", "异议对象", "理由", "结论"],
        Lang::En => ["No.", "Lodged", "Against", "Reason", "Finding"],
    };
    let mut cells = Vec::new();
    for n in &h.notices {
        for o in &n.objections {
            let finding = match (&o.ruling, lang) {
                (None, Lang::Zh) => "调查中".to_string(),
                (None, Lang::En) => "under investigation".to_string(),
                (Some(r), Lang::Zh) => {
                    format!("{}（{}）", if r.upheld { "成立" } else { "不成立" }, r.on)
                }
                (Some(r), Lang::En) => {
                    format!(
                        "{} ({})",
                        if r.upheld { "upheld" } else { "dismissed" },
                        r.on
                    )
                }
            };
            cells.push(vec![
                o.number.to_string(),
                o.lodged.to_string(),
                lang.pick(n.what.zh(), n.what.en()).to_string(),
                o.reason.clone(),
                finding,
            ]);
        }
    }
    render(&header, &[Align::Left; 5], &cells)
}

fn ledger_table(pay: &[Payment], today: NaiveDate, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => ["日期", "事由", "金额(万元)", "状态"],
        Lang::En => ["Date", "For", "Amount (万元)", "Status"],
    };
    let cells: Vec<Vec<String>> = pay
        .iter()
        .map(|p| {
            vec![
                p.on.to_string(),
                lang.pick(p.reason.zh(), p.reason.en()).to_string(),
                p.amount.fixed2(),
                lang.pick(p.status.zh(today), p.status.en(today))
                    .to_string(),
            ]
        })
        .collect();
    use Align::{Left as L, Right as R};
    render(&header, &[L, L, R, L], &cells)
}

fn centre_json(c: &Centre, h: &History, pay: &[Payment], today: NaiveDate) -> Value {
    let row = Row::of(c, today);
    let records: Vec<Value> = c
        .records
        .iter()
        .map(|r| {
            let mut v = event_json(&r.event);
            v["round"] = json!(r.round);
            v
        })
        .collect();
    let objections: Vec<Value> = h
        .notices
        .iter()
        .flat_map(|n| n.objections.iter().map(move |o| (n, o)))
        .map(|(n, o)| {
            json!({
                "number": o.number,
                "lodged": o.lodged,
                "against": n.what.en(),
                "reason": o.reason,
                "ruling": o.ruling.as_ref().map(|r| json!({
                    "on": r.on, "upheld": r.upheld, "reason": r.reason,
                })),
            })
        })
        .collect();
    let payments: Vec<Value> = pay
        .iter()
        .map(|p| {
            json!({
                "on": p.on,
                "for": p.reason.en(),
                "amount": p.amount.fixed2(),
                "status": p.status.key(today),
            })
        })
        .collect();
    let mut out = row_json(&row);
    out["on"] = json!(today);
    out["records"] = json!(records);
    out["objections"] = json!(objections);
    out["payments"] = json!(payments);
    out
}

fn event_json(e: &Event) -> Value {
    let mut v = json!({ "event": e.key(), "date": e.date() });
    match e {
        Event::Recognised { .. } => {}
        Event::Assessed { year, score, .. } | Event::Reassessed { year, score, .. } => {
            v["year"] = json!(year);
            v["score"] = json!(score.fixed2());
        }
        Event::Withdrawn { reason, .. } | Event::Objected { reason, .. } => {
            v["reason"] = json!(reason);
        }
        Event::Published { until, .. } => v["until"] = json!(until),
        Event::Ruled {
            number,
            upheld,
            reason,
            ..
        } => {
            v["number"] = json!(number);
            v["upheld"] = json!(upheld);
            v["reason"] = json!(reason);
        }
    }
    v
}

/// Prints a long text; a reader that stops early (`| head`) is not an error.
fn print(text: &str) -> Result<(), Error> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
