//! `center publicity` and `center objection`: five working days of publicity
//! counted on the holiday calendar, objections lodged within them, and the
//! finding on each.

use std::path::Path;

use chrono::NaiveDate;

use super::super::Lang;
use super::change::now;
use super::{ObjectionCommand, args};
use crate::domain::calendar::Calendar;
use crate::domain::lifecycle::{Event, Notified};
use crate::domain::register::{Centre, Record};
use crate::error::{CenterError, Error};
use crate::load::{self, Disk};
use crate::store::Store;

/// Working days a result is published (Huangpu 五(四), 六(三)).
pub const DAYS: usize = 5;

fn calendar(file: Option<&Path>) -> Result<Calendar, Error> {
    match file {
        Some(f) => Ok(load::calendar(&Disk, f)?.0),
        None => Ok(crate::samples::calendar()?),
    }
}

/// The publicity period from `from`: its working days, or why they cannot be counted.
pub fn period(cal: &Calendar, from: NaiveDate) -> Result<Vec<NaiveDate>, Error> {
    cal.working_days(from, DAYS)
        .map_err(|error| CenterError::Calendar { from, error }.into())
}

pub fn publish(
    dir: &Path,
    from: &str,
    round: Option<&str>,
    codes: &[String],
    calendar_file: Option<&Path>,
    by: &str,
    lang: Lang,
) -> Result<(), Error> {
    let from = args::date("--from", from)?;
    let codes = codes
        .iter()
        .map(|c| args::code(c))
        .collect::<Result<Vec<_>, _>>()?;
    let cal = calendar(calendar_file)?;
    let days = period(&cal, from)?;
    let Some(&until) = days.last() else {
        return Ok(());
    };
    let mut store = Store::open(dir)?;
    let event = Event::Published { from, until };
    let targets = match round {
        Some(r) => awaiting(&store.centres()?, r, &event)?,
        None => codes,
    };
    let records: Vec<(String, Record)> = targets
        .iter()
        .map(|c| (c.clone(), Record::new(event.clone())))
        .collect();
    let changed = store.record_centres(&records, by)?;
    let list: Vec<String> = days.iter().map(|d| d.format("%m-%d").to_string()).collect();
    match lang {
        Lang::Zh => println!(
            "公示期：{from} 至 {until}（{DAYS}个工作日：{}；日历 {}）",
            list.join("、"),
            cal.id
        ),
        Lang::En => println!(
            "publicity from {from} to {until} ({DAYS} working days: {}; calendar {})",
            list.join(", "),
            cal.id
        ),
    }
    for c in &changed {
        let what = c
            .history()
            .ok()
            .and_then(|h| h.notices.last().map(|n| n.what))
            .map_or("", |w| match lang {
                Lang::Zh => w.zh(),
                Lang::En => w.en(),
            });
        println!("  {}  {}  {what}", c.credit_code, c.name);
    }
    Ok(())
}

/// The centres whose latest result came from `round` and may be published now.
fn awaiting(centres: &[Centre], round: &str, event: &Event) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for c in centres {
        let latest = c.records.iter().rev().find(|r| {
            matches!(
                r.event,
                Event::Recognised { .. } | Event::Assessed { .. } | Event::Reassessed { .. }
            )
        });
        if latest.and_then(|r| r.round.as_deref()) != Some(round) {
            continue;
        }
        let mut trial = c.clone();
        if trial.record(Record::new(event.clone())).is_ok() {
            out.push(c.credit_code.clone());
        }
    }
    if out.is_empty() {
        return Err(CenterError::NothingToPublish {
            round: round.to_string(),
        }
        .into());
    }
    Ok(out)
}

pub fn objection(dir: &Path, cmd: ObjectionCommand, lang: Lang) -> Result<(), Error> {
    match cmd {
        ObjectionCommand::Lodge {
            code,
            date,
            reason,
            by,
        } => {
            let code = args::code(&code)?;
            let on = args::date("--date", &date)?;
            let mut store = Store::open(dir)?;
            let event = Event::Objected {
                on,
                reason: reason.trim().to_string(),
            };
            let changed = store.record_centres(&[(code, Record::new(event))], &by.by)?;
            let Some(c) = changed.first() else {
                return Ok(());
            };
            lodged(c, lang);
        }
        ObjectionCommand::Rule {
            code,
            number,
            date,
            upheld,
            reason,
            by,
            ..
        } => {
            let code = args::code(&code)?;
            let on = args::date("--date", &date)?;
            let mut store = Store::open(dir)?;
            let event = Event::Ruled {
                number,
                on,
                upheld,
                reason: reason.trim().to_string(),
            };
            let changed = store.record_centres(&[(code, Record::new(event))], &by.by)?;
            let Some(c) = changed.first() else {
                return Ok(());
            };
            ruled(c, number, upheld, lang);
        }
    }
    Ok(())
}

fn lodged(c: &Centre, lang: Lang) {
    let Ok(h) = c.history() else { return };
    let Some(n) = h.notices.iter().rev().find(|n| !n.objections.is_empty()) else {
        return;
    };
    let (Some(o), Some(p)) = (n.objections.last(), n.period) else {
        return;
    };
    match lang {
        Lang::Zh => println!(
            "已登记异议 {}：{}（{}）的{}（公示期 {} 至 {}），{}提出。调查核实后以 center objection rule 记录结论",
            o.number,
            c.name,
            c.credit_code,
            n.what.zh(),
            p.from,
            p.until,
            o.lodged
        ),
        Lang::En => println!(
            "recorded objection {} to the {} of {} ({}), lodged {} within the publicity from {} to {}; record the finding with center objection rule",
            o.number,
            n.what.en(),
            c.name,
            c.credit_code,
            o.lodged,
            p.from,
            p.until
        ),
    }
}

fn ruled(c: &Centre, number: u32, upheld: bool, lang: Lang) {
    let what = c
        .history()
        .ok()
        .and_then(|h| h.notice_of(number).map(|n| n.what));
    let Some(what) = what else { return };
    let line = match (lang, upheld, what) {
        (Lang::Zh, true, Notified::Recognition) => {
            format!("异议 {number} 成立：{}不予认定", c.name)
        }
        (Lang::Zh, true, w) => format!("异议 {number} 成立：{}{}不予资金扶持", c.name, w.zh()),
        (Lang::Zh, false, w) => format!("异议 {number} 不成立：{}{}不受影响", c.name, w.zh()),
        (Lang::En, true, Notified::Recognition) => {
            format!("objection {number} upheld: {} is not recognised", c.name)
        }
        (Lang::En, true, w) => format!(
            "objection {number} upheld: no funding for the {} of {}",
            w.en(),
            c.name
        ),
        (Lang::En, false, w) => format!(
            "objection {number} dismissed: the {} of {} stands",
            w.en(),
            c.name
        ),
    };
    let stop = match lang {
        Lang::Zh => "。",
        Lang::En => ". ",
    };
    println!("{line}{stop}{}", now(c, lang));
}
