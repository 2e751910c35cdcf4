//! `center register`, `assess`, `reassess` and `withdraw`: each checked
//! against the centre's history before anything is written.

use std::path::Path;

use chrono::NaiveDate;

use super::super::Lang;
use super::{Assessment, args, source};
use crate::domain::Points;
use crate::domain::lifecycle::{Event, State};
use crate::domain::ranking::{Basis, Status};
use crate::domain::register::{Centre, Record, Scheme};
use crate::domain::round::RoundKind;
use crate::error::{CenterError, Error};
use crate::lang::Say;
use crate::store::{Enrolment, Store};

/// Where centres to register come from.
pub enum From {
    Round(String),
    One { code: String, name: String },
}

pub fn register(
    dir: &Path,
    how: From,
    date: &str,
    scheme: Scheme,
    by: &str,
    lang: Lang,
) -> Result<(), Error> {
    let on = args::date("--date", date)?;
    let mut store = Store::open(dir)?;
    let (enrolments, source) = match how {
        From::One { code, name } => {
            let code = args::code(&code)?;
            if name.trim().is_empty() {
                return Err(CenterError::NoName.into());
            }
            let record = Record::new(Event::Recognised { on });
            let e = Enrolment {
                code,
                name: name.trim().to_string(),
                scheme,
                record,
            };
            (vec![e], None)
        }
        From::Round(round) => (selection(&store, &round, on, scheme)?, Some(round)),
    };
    let alternates = match &source {
        Some(round) => super::alternates::of_round(&store, round)?,
        None => Vec::new(),
    };
    if enrolments.is_empty() {
        println!(
            "{}",
            match lang {
                Lang::Zh => "该轮次没有入选的申报单位，未登记任何中心".to_string(),
                Lang::En => "the round selected no applicant; nothing was registered".to_string(),
            }
        );
        return Ok(());
    }
    let codes: Vec<&str> = enrolments.iter().map(|e| e.code.as_str()).collect();
    crate::domain::register::check_yearly_limit(&store.centres()?, scheme, on, &codes)
        .map_err(CenterError::YearlyLimit)?;
    let centres = store.enrol(&enrolments, by)?;
    let from = source.as_ref().map(|r| match lang {
        Lang::Zh => format!("（来自评审轮次 {r}）"),
        Lang::En => format!(" from round {r}"),
    });
    match lang {
        Lang::Zh => println!(
            "已登记 {} 个中心{}，认定日期 {on}，{}：",
            centres.len(),
            from.unwrap_or_default(),
            scheme.zh()
        ),
        Lang::En => println!(
            "registered {} centre(s){}, recognised on {on}, {}:",
            centres.len(),
            from.unwrap_or_default(),
            scheme.en()
        ),
    }
    for c in &centres {
        println!("  {}  {}  {}", c.credit_code, c.name, now(c, lang));
    }
    if let Some(round) = &source
        && store.record_alternates(round, &alternates, by)?
    {
        println!(
            "{}",
            super::alternates::Recorded(&alternates).say(lang.into())
        );
    }
    Ok(())
}

/// The selected applicants of a recognition round whose ranking is final.
fn selection(
    store: &Store,
    round: &str,
    on: NaiveDate,
    scheme: Scheme,
) -> Result<Vec<Enrolment>, Error> {
    let (r, ranking) = source::ranking(store, round)?;
    if r.round.kind != RoundKind::Recognition {
        return Err(CenterError::NotRecognition {
            round: round.to_string(),
            kind: r.round.kind,
        }
        .into());
    }
    if !ranking.is_final() {
        return Err(CenterError::NotFinal {
            round: round.to_string(),
            pending: ranking.pending.clone(),
        }
        .into());
    }
    if on < r.round.date {
        return Err(CenterError::BeforeReview {
            on,
            review: r.round.date,
        }
        .into());
    }
    let mut out = Vec::new();
    for id in ranking.with_status(Status::Selected) {
        let Some(d) = r.dossiers.iter().find(|d| d.id == id) else {
            continue;
        };
        out.push(Enrolment {
            code: d.applicant.credit_code.clone(),
            name: d.applicant.name.clone(),
            scheme,
            record: Record::from_round(Event::Recognised { on }, round),
        });
    }
    Ok(out)
}

/// A score taken from an annual round's ranking: the year, the score, the day.
struct FromRound {
    year: u8,
    score: Points,
    /// The panel's mean exactly, when it has more than two decimals.
    exact: Option<String>,
    on: NaiveDate,
}

fn from_round(store: &Store, round: &str, centre: &Centre) -> Result<FromRound, Error> {
    let (r, ranking) = source::ranking(store, round)?;
    let RoundKind::Annual { year } = r.round.kind else {
        return Err(CenterError::NotAnnual {
            round: round.to_string(),
            kind: r.round.kind,
        }
        .into());
    };
    let code = &centre.credit_code;
    let Some(d) = r.dossiers.iter().find(|d| &d.applicant.credit_code == code) else {
        let known = r
            .dossiers
            .iter()
            .map(|d| (d.id.clone(), d.applicant.credit_code.clone()))
            .collect();
        return Err(CenterError::NoDossier {
            round: round.to_string(),
            code: code.clone(),
            known,
        }
        .into());
    };
    let entry = ranking.entry(&d.id);
    let score = entry.and_then(|e| e.score).filter(|_| {
        entry.is_some_and(|e| e.status == Status::Passed || e.status == Status::Failed)
    });
    let Some(score) = score else {
        return Err(CenterError::NoPanelScore {
            round: round.to_string(),
            dossier: d.id.clone(),
            status: entry.map(|e| e.status),
        }
        .into());
    };
    let line = centre.scheme.lines().for_year(year);
    if let Basis::Annual { line: sheet, .. } = ranking.basis
        && sheet != line
    {
        return Err(CenterError::OtherLine {
            round: round.to_string(),
            year,
            sheet,
            line,
            scheme: centre.scheme,
        }
        .into());
    }
    // Rounded down, the score compares with the line exactly as the panel's does.
    let exact = score.exact();
    let floored = Points::from_hundredths(score.floor_hundredths() as i64);
    Ok(FromRound {
        year,
        score: floored,
        exact: (exact != floored.to_string()).then_some(exact),
        on: r.round.date,
    })
}

pub fn assess(dir: &Path, a: &Assessment, again: bool, lang: Lang) -> Result<(), Error> {
    let code = args::code(&a.code)?;
    let given = a
        .date
        .as_deref()
        .map(|d| args::date("--date", d))
        .transpose()?;
    let score = a.score.as_deref().map(args::score).transpose()?;
    let mut store = Store::open(dir)?;
    let centre = store.centre(&code)?;
    let mut exact = None;
    let (year, score, on) = match (&a.round, score) {
        (Some(r), _) => {
            let f = from_round(&store, r, &centre)?;
            exact = f.exact;
            (Some(f.year), f.score, given.unwrap_or(f.on))
        }
        (None, Some(s)) => {
            let on = given.ok_or(CenterError::DateWithScore)?;
            (None, s, on)
        }
        (None, None) => {
            return Err(CenterError::ScoreOrRound.into());
        }
    };
    let year = year.unwrap_or_else(|| match centre.state() {
        Some(State::Rectifying { year, .. }) => year,
        Some(s) => s.year_due().unwrap_or(1),
        None => 1,
    });
    let event = if again {
        Event::Reassessed { year, score, on }
    } else {
        Event::Assessed { year, score, on }
    };
    let record = match &a.round {
        Some(r) => Record::from_round(event, r),
        None => Record::new(event),
    };
    let changed = store.record_centres(&[(code, record)], &a.by.by)?;
    let Some(c) = changed.first() else {
        return Ok(());
    };
    let line = c.scheme.lines().for_year(year);
    let passed = score >= line;
    // The exact comparison, so that a mean printed 70.00 in the minutes is
    // seen to fall below 70 here.
    let sign = if passed { "≥" } else { "<" };
    let cmp = match (&exact, lang) {
        (Some(x), Lang::Zh) => format!("专家组均分 {x} {sign} {line}"),
        (Some(x), Lang::En) => format!("panel mean {x} {sign} {line}"),
        (None, _) => format!("{score} {sign} {line}"),
    };
    let what = match (again, year, lang) {
        (false, 1, Lang::Zh) => "第一年度考核".to_string(),
        (false, _, Lang::Zh) => "第二年度考核（期末验收）".to_string(),
        (true, y, Lang::Zh) => format!("第{}年度考核整改后复核", if y == 1 { "一" } else { "二" }),
        (false, 1, Lang::En) => "year-1 assessment".to_string(),
        (false, _, Lang::En) => "year-2 assessment (final acceptance)".to_string(),
        (true, y, Lang::En) => format!("year-{y} re-assessment"),
    };
    match lang {
        Lang::Zh => println!(
            "已记录：{}（{}）{what} {} 分（{cmp}），{}。{}",
            c.name,
            c.credit_code,
            score.fixed2(),
            if passed { "合格" } else { "不合格" },
            now(c, lang)
        ),
        Lang::En => println!(
            "recorded: {} ({}) {what} {} ({cmp}), {}. {}",
            c.name,
            c.credit_code,
            score.fixed2(),
            if passed { "passed" } else { "failed" },
            now(c, lang)
        ),
    }
    Ok(())
}

pub fn withdraw(
    dir: &Path,
    code: &str,
    date: &str,
    reason: &str,
    by: &str,
    lang: Lang,
) -> Result<(), Error> {
    let code = args::code(code)?;
    let on = args::date("--date", date)?;
    let mut store = Store::open(dir)?;
    let event = Event::Withdrawn {
        on,
        reason: reason.trim().to_string(),
    };
    let changed = store.record_centres(&[(code, Record::new(event))], by)?;
    if let Some(c) = changed.first() {
        match lang {
            Lang::Zh => println!(
                "已记录退出：{}（{}）。{}",
                c.name,
                c.credit_code,
                now(c, lang)
            ),
            Lang::En => println!(
                "recorded the exit: {} ({}). {}",
                c.name,
                c.credit_code,
                now(c, lang)
            ),
        }
    }
    Ok(())
}

/// Where a centre stands now and what comes next, in one sentence.
pub fn now(c: &Centre, lang: Lang) -> String {
    let Some(s) = c.state() else {
        return String::new();
    };
    let next = s.next_deadline();
    match (lang, next) {
        (Lang::Zh, Some((d, m))) => format!("当前：{}；下一节点：{}（{d}）", s.zh(), m.zh()),
        (Lang::Zh, None) => format!("当前：{}", s.zh()),
        (Lang::En, Some((d, m))) => format!("now: {}; next: {} ({d})", s.en(), m.en()),
        (Lang::En, None) => format!("now: {}", s.en()),
    }
}
