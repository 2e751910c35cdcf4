//! Next year's alternates: recorded with a round's selection, listed by
//! `center list --alternates [--year Y]`.

use std::path::Path;

use chrono::Datelike;
use serde_json::json;

use super::super::Lang;
use super::super::score::Format;
use super::super::table::{Align, render};
use crate::domain::alternates::{Alternate, of_ranking};
use crate::error::Error;
use crate::lang::Say;
use crate::store::Store;

/// The alternates of a round's final ranking.
pub fn of_round(store: &Store, round: &str) -> Result<Vec<Alternate>, Error> {
    let (r, ranking) = super::source::ranking(store, round)?;
    let year = r.round.date.year();
    Ok(of_ranking(&ranking, year, |id| {
        r.dossiers
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.applicant.credit_code.clone())
    }))
}

/// What registering recorded of the alternates.
pub struct Recorded<'a>(pub &'a [Alternate]);

impl Say for Recorded<'_> {
    fn zh(&self) -> String {
        let names: Vec<String> = self
            .0
            .iter()
            .map(|a| format!("{}. {} {}", a.order, a.dossier, a.name))
            .collect();
        format!(
            "已记录下一年度备选单位 {} 家：{}",
            self.0.len(),
            names.join("；")
        )
    }

    fn en(&self) -> String {
        let names: Vec<String> = self
            .0
            .iter()
            .map(|a| format!("{}. {} {}", a.order, a.dossier, a.name))
            .collect();
        format!(
            "recorded {} alternate(s) for next year: {}",
            self.0.len(),
            names.join("; ")
        )
    }
}

pub fn list(dir: &Path, year: Option<i32>, format: Format, lang: Lang) -> Result<(), Error> {
    let store = Store::open(dir)?;
    let all: Vec<Alternate> = store
        .alternates()?
        .into_iter()
        .filter(|a| year.is_none_or(|y| a.year == y))
        .collect();
    if format == Format::Json {
        let rows: Vec<_> = all
            .iter()
            .map(|a| {
                json!({
                    "round": a.round, "year": a.year, "order": a.order, "dossier": a.dossier,
                    "credit_code": a.credit_code, "name": a.name, "score": a.score,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "alternates": rows })).unwrap_or_default()
        );
        return Ok(());
    }
    let zh = lang == Lang::Zh;
    if all.is_empty() {
        println!(
            "{}",
            if zh {
                "尚未记录备选单位"
            } else {
                "no alternates recorded"
            }
        );
        return Ok(());
    }
    let header: Vec<&str> = if zh {
        vec![
            "年度",
            "轮次",
            "顺位",
            "编号",
            "信用代码",
            "申报单位",
            "得分",
        ]
    } else {
        vec![
            "Year",
            "Round",
            "Order",
            "Dossier",
            "Credit code",
            "Applicant",
            "Score",
        ]
    };
    let cells: Vec<Vec<String>> = all
        .iter()
        .map(|a| {
            vec![
                a.year.to_string(),
                a.round.clone(),
                a.order.to_string(),
                a.dossier.clone(),
                a.credit_code.clone(),
                a.name.clone(),
                a.score.clone(),
            ]
        })
        .collect();
    use Align::{Left as L, Right as R};
    println!("{}", render(&header, &[R, L, R, L, L, L, R], &cells));
    Ok(())
}
