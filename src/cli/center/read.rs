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
use crate::domain::register::{Centre, Change, Correction, Row, rows, table};
use crate::error::{CenterError, Error};
use crate::lang::Say;
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
        return print(&lang.say(&Empty));
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
    // As of a day: what had happened by then, every state and payment as it stood.
    let c = match on {
        Some(_) => c.as_of(today),
        None => c,
    };
    let h = c.history().map_err(CenterError::Broken)?;
    let pay = c.ledger();
    if format == Format::Json {
        return print(
            &serde_json::to_string_pretty(&centre_json(&c, &h, &pay, today)).unwrap_or_default(),
        );
    }
    let row = Row::of(&c, today);
    let mut out = vec![match (lang, on) {
        (Lang::Zh, None) => format!("{}（{}）· {}", c.name, c.credit_code, c.scheme.zh()),
        (Lang::En, None) => format!("{} ({}) · {}", c.name, c.credit_code, c.scheme.en()),
        (Lang::Zh, Some(_)) => format!(
            "{}（{}）· {} · 截至 {today}",
            c.name,
            c.credit_code,
            c.scheme.zh()
        ),
        (Lang::En, Some(_)) => format!(
            "{} ({}) · {} · as of {today}",
            c.name,
            c.credit_code,
            c.scheme.en()
        ),
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
    let state = row.state_words(lang.into());
    out.push(match lang {
        Lang::Zh => format!("状态：{state}{next}"),
        Lang::En => format!("state: {state}{next}"),
    });
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

/// The register holds no centres yet.
struct Empty;

impl Say for Empty {
    fn zh(&self) -> String {
        "登记簿中还没有中心（用 center register 登记）".to_string()
    }

    fn en(&self) -> String {
        "the register holds no centres yet (add them with center register)".to_string()
    }
}

/// What an event was, in words: its kind, then its details.
struct Described<'a> {
    event: &'a Event,
    centre: &'a Centre,
}

impl Described<'_> {
    /// The score against the year's pass line, exactly: `69.99 < 70`.
    fn verdict(&self, year: u8, score: Points) -> (bool, String) {
        let line = self.centre.scheme.lines().for_year(year);
        let passed = score >= line;
        let sign = if passed { "≥" } else { "<" };
        (passed, format!("{score} {sign} {line}"))
    }

    fn kind_zh(&self) -> String {
        let year = |y: u8| {
            if y == 1 {
                "第一年度"
            } else {
                "第二年度"
            }
        };
        match self.event {
            Event::Recognised { .. } => "认定".to_string(),
            Event::Assessed { year: y, .. } => format!("{}考核", year(*y)),
            Event::Reassessed { year: y, .. } => format!("{}整改后复核", year(*y)),
            Event::Withdrawn { .. } => "退出".to_string(),
            Event::Published { .. } => "公示".to_string(),
            Event::Objected { .. } => "异议".to_string(),
            Event::Ruled { number, .. } => format!("异议 {number} 结论"),
        }
    }

    fn kind_en(&self) -> String {
        match self.event {
            Event::Recognised { .. } => "recognised".to_string(),
            Event::Assessed { year, .. } => format!("year-{year} assessment"),
            Event::Reassessed { year, .. } => format!("year-{year} re-assessment"),
            Event::Withdrawn { .. } => "withdrawn".to_string(),
            Event::Published { .. } => "published".to_string(),
            Event::Objected { .. } => "objection".to_string(),
            Event::Ruled { number, .. } => format!("finding on objection {number}"),
        }
    }

    fn details_zh(&self) -> String {
        match self.event {
            Event::Recognised { .. } => String::new(),
            Event::Assessed { year, score, .. } | Event::Reassessed { year, score, .. } => {
                let (passed, cmp) = self.verdict(*year, *score);
                let verdict = if passed { "合格" } else { "不合格" };
                format!("{} 分（{cmp}），{verdict}", score.fixed2())
            }
            Event::Withdrawn { reason, .. } | Event::Objected { reason, .. } => reason.clone(),
            Event::Published { until, .. } => format!("至 {until}"),
            Event::Ruled { upheld, reason, .. } => {
                format!("{}{reason}", if *upheld { "成立：" } else { "不成立：" })
            }
        }
    }

    fn details_en(&self) -> String {
        match self.event {
            Event::Recognised { .. } => String::new(),
            Event::Assessed { year, score, .. } | Event::Reassessed { year, score, .. } => {
                let (passed, cmp) = self.verdict(*year, *score);
                let verdict = if passed { "passed" } else { "failed" };
                format!("{} ({cmp}), {verdict}", score.fixed2())
            }
            Event::Withdrawn { reason, .. } | Event::Objected { reason, .. } => reason.clone(),
            Event::Published { until, .. } => format!("to {until}"),
            Event::Ruled { upheld, reason, .. } => {
                format!(
                    "{}{reason}",
                    if *upheld { "upheld: " } else { "dismissed: " }
                )
            }
        }
    }

    /// The kind and the details, as the history table's two cells.
    fn cells(&self, lang: Lang) -> (String, String) {
        match lang {
            Lang::Zh => (self.kind_zh(), self.details_zh()),
            Lang::En => (self.kind_en(), self.details_en()),
        }
    }
}

fn history_table(c: &Centre, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => ["序号", "日期", "事项", "详情", "来源轮次", "更正"],
        Lang::En => ["No.", "Date", "Event", "Details", "Round", "Correction"],
    };
    let mut cells: Vec<Vec<String>> = Vec::new();
    for (i, r) in c.records.iter().enumerate() {
        let row = |event: &Event, note: String| {
            let (what, details) = Described { event, centre: c }.cells(lang);
            vec![
                (i + 1).to_string(),
                event.date().to_string(),
                what,
                details,
                r.round.clone().unwrap_or_default(),
                note,
            ]
        };
        let notes: Vec<String> = r
            .corrections
            .iter()
            .map(|k| Mark::Correction(k).say(lang.into()))
            .collect();
        let sep = match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        };
        cells.push(row(&r.event, notes.join(sep)));
        if let (Some(now), false) = (r.standing(), r.corrections.is_empty()) {
            cells.push(row(&now, Mark::AsCorrected.say(lang.into())));
        }
    }
    render(&header, &[Align::Left; 6], &cells)
}

/// The marks of the history table's correction column.
enum Mark<'a> {
    /// The event as entered, corrected by this.
    Correction(&'a Correction),
    /// The event as it stands after its corrections.
    AsCorrected,
}

impl Say for Mark<'_> {
    fn zh(&self) -> String {
        match self {
            Mark::Correction(Correction {
                change: Change::Date(d),
                reason,
            }) => format!("已更正，日期应为 {d}：{reason}"),
            Mark::Correction(Correction {
                change: Change::Void,
                reason,
            }) => format!("已作废：{reason}"),
            Mark::AsCorrected => "更正后".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            Mark::Correction(Correction {
                change: Change::Date(d),
                reason,
            }) => format!("amended, happened on {d}: {reason}"),
            Mark::Correction(Correction {
                change: Change::Void,
                reason,
            }) => format!("void: {reason}"),
            Mark::AsCorrected => "as corrected".to_string(),
        }
    }
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
                match lang {
                    Lang::Zh => n.what.zh(),
                    Lang::En => n.what.en(),
                }
                .to_string(),
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
                match lang {
                    Lang::Zh => p.reason.zh().to_string(),
                    Lang::En => p.reason.en().to_string(),
                },
                p.amount.fixed2(),
                match lang {
                    Lang::Zh => p.status.zh(today),
                    Lang::En => p.status.en(today),
                }
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
        .enumerate()
        .map(|(i, r)| {
            let mut v = event_json(&r.event);
            v["number"] = json!(i + 1);
            v["round"] = json!(r.round);
            if !r.corrections.is_empty() {
                v["corrections"] = json!(
                    r.corrections
                        .iter()
                        .map(|k| match k.change {
                            Change::Date(d) => json!({ "amended": d, "reason": k.reason }),
                            Change::Void => json!({ "void": true, "reason": k.reason }),
                        })
                        .collect::<Vec<_>>()
                );
                v["standing"] = r.standing().map_or(Value::Null, |e| event_json(&e));
            }
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
