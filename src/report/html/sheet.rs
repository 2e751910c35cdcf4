//! One expert's score sheet for one dossier, as signed on paper: every item
//! with its maximum and score, section subtotals, the total, the comments,
//! and the signature line.

use std::fmt::Write as _;

use super::{colon, esc};
use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::round::Expert;
use crate::domain::sheet::Sheet;
use crate::lang::Lang;
use crate::report::minutes::{Case, Minutes};

pub fn render(m: &Minutes, expert: &Expert, case: &Case, out: &mut String) {
    let w = m.words();
    let zh = m.lang == Lang::Zh;
    // The third party's scorers sign a preliminary sheet, not an expert's.
    let prelim = m.ranking.stage == crate::domain::round::Stage::Preliminary;
    let (title, who, signature) = if prelim {
        (w.prelim_sheet, w.prelim_scorer, w.prelim_signature)
    } else {
        (w.score_sheet, w.expert, w.expert_signature)
    };
    let _ = write!(
        out,
        "<article class=\"sheet\">\n<h2>{}</h2>\n<p class=\"sub\">{} · {}</p>\n\
         <table class=\"fields\">\n<colgroup><col class=\"c-label\"><col><col class=\"c-label\"><col></colgroup>\n\
         <tr><th>{}</th><td>{} {}</td><th>{}</th><td>{}</td></tr>\n\
         <tr><th>{}</th><td class=\"nowrap\">{}</td><th>{}</th><td>{}</td></tr>\n\
         <tr><th>{}</th><td colspan=\"3\">{}（{}）</td></tr>\n\
         <tr><th>{}</th><td colspan=\"3\">{}</td></tr>\n</table>\n",
        title,
        esc(&m.round.title),
        esc(&m.stage_name()),
        who,
        esc(&expert.id),
        esc(&expert.name),
        w.organisation,
        esc(&expert.organisation),
        w.dossier,
        esc(case.dossier),
        w.applicant,
        esc(m.applicant(case.dossier)),
        w.sheet,
        esc(&m.sheet.title),
        esc(&m.sheet.version),
        w.status,
        esc(&state(m, case)),
    );
    if let Some(r) = case.recusal {
        let _ = writeln!(
            out,
            "<p class=\"banner\">{}{}{}</p>",
            esc(w.recusal_reason),
            colon(zh),
            esc(&r.reason)
        );
    }
    if let Some(card) = case.card {
        if m.sheet.is_indicator_sheet() {
            indicators(m, card, out);
        } else {
            items(m, card, out);
        }
        overall(m, card, out);
    }
    let _ = write!(
        out,
        "<p class=\"sign\">{}</p>\n</article>\n",
        esc(signature)
    );
}

/// Submitted (when), a draft, or recused.
fn state(m: &Minutes, case: &Case) -> String {
    let w = m.words();
    match case.card {
        _ if case.recusal.is_some() => w.recused.to_string(),
        Some(c) if c.is_submitted() => match c.submitted {
            Some(at) => format!("{} {}", w.submitted, m.round.zone().local(at)),
            None => w.submitted.to_string(),
        },
        Some(_) => w.draft.to_string(),
        None => w.none.to_string(),
    }
}

fn score(card: &Card, id: &str) -> String {
    card.scores
        .get(id)
        .map_or_else(|| "—".to_string(), ToString::to_string)
}

fn comment(card: &Card, id: &str) -> String {
    card.comments.get(id).map_or_else(String::new, |c| esc(c))
}

fn items(m: &Minutes, card: &Card, out: &mut String) {
    let w = m.words();
    let sheet: &Sheet = m.sheet;
    let _ = write!(
        out,
        "<table class=\"items\">\n<colgroup><col class=\"c-no\"><col><col class=\"c-pt\"><col class=\"c-pt\"><col class=\"c-comment\"></colgroup>\n\
         <thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.no, w.item, w.max, w.score, w.comment
    );
    let mut total = Points::ZERO;
    for s in &sheet.sections {
        // The section's row carries its subtotal, so each sheet fits one page.
        let max: Points = s.items.iter().map(|i| i.max).sum();
        let sub: Points = s
            .items
            .iter()
            .filter_map(|i| card.scores.get(&i.id))
            .copied()
            .sum();
        total = total + sub;
        let _ = writeln!(
            out,
            "<tr class=\"section\"><td class=\"nowrap\">{}</td><td>{}（{}）</td>\
             <td class=\"num\">{max}</td><td class=\"num\">{sub}</td><td></td></tr>",
            esc(&s.id),
            esc(&s.title),
            w.subtotal
        );
        for i in &s.items {
            let _ = writeln!(
                out,
                "<tr><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"comment\">{}</td></tr>",
                esc(&i.id),
                esc(&i.title),
                i.max,
                score(card, &i.id),
                comment(card, &i.id)
            );
        }
    }
    let _ = write!(
        out,
        "<tr class=\"total\"><td></td><td>{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{total}</td><td></td></tr>\n</tbody>\n</table>\n",
        w.total, sheet.total
    );
}

/// An indicator sheet: target and achieved value per indicator; no points.
fn indicators(m: &Minutes, card: &Card, out: &mut String) {
    let w = m.words();
    let (target, achieved) = match m.lang {
        Lang::Zh => ("目标", "实际完成"),
        Lang::En => ("Target", "Achieved"),
    };
    let _ = write!(
        out,
        "<table class=\"items\">\n<thead><tr><th>{}</th><th>{}</th><th>{target}</th><th>{achieved}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.no, w.item, w.comment
    );
    for (k, i) in m.sheet.indicators.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{} {}</td>\
             <td class=\"num\">{}</td><td class=\"comment\">{}</td></tr>",
            k + 1,
            esc(&i.title),
            i.target,
            esc(&i.unit),
            score(card, &i.id),
            comment(card, &i.id)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Comments not tied to an entry of the sheet (an overall opinion).
fn overall(m: &Minutes, card: &Card, out: &mut String) {
    let entries = m.sheet.entry_ids();
    let rest: Vec<&String> = card
        .comments
        .iter()
        .filter(|(k, v)| !entries.contains(&k.as_str()) && !v.trim().is_empty())
        .map(|(_, v)| v)
        .collect();
    if rest.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>", m.words().overall_comment);
    for c in rest {
        let _ = writeln!(out, "<p>{}</p>", esc(c));
    }
}
