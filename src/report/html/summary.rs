//! The page the committee signs together (评审结果汇总表), and the annex on the
//! completeness of the cards. The summary stands on its own: the round, the
//! meeting's day and place, who was present and who excused, the ranking
//! with statuses and what is pending, and a signature line for every expert
//! present, the panel chair and the secretary.

use std::fmt::Write as _;

use super::{colon, esc, list};
use crate::domain::round::Expert;
use crate::lang::Lang;
use crate::report::minutes::Minutes;

/// Whether the expert is excused from the whole round.
fn absent(m: &Minutes, e: &Expert) -> bool {
    m.excuses
        .iter()
        .any(|x| x.expert == e.id && x.dossier.is_none())
}

/// Each excuse as a line: who, from what, why.
fn excuse_lines(m: &Minutes) -> Vec<String> {
    let w = m.words();
    let zh = m.lang == Lang::Zh;
    m.excuses
        .iter()
        .map(|x| {
            let from = x
                .dossier
                .clone()
                .unwrap_or_else(|| w.whole_round.to_string());
            format!(
                "{} — {from}{}{}",
                m.expert_label(&x.expert),
                colon(zh),
                x.reason
            )
        })
        .collect()
}

/// The expected cards not submitted, one line per expert.
fn missing_lines(m: &Minutes) -> Vec<String> {
    let zh = m.lang == Lang::Zh;
    let mut by: Vec<(&str, Vec<String>)> = Vec::new();
    for (e, d, draft) in m.ranking.missing_cards() {
        let d = match (draft, zh) {
            (true, true) => format!("{d}（草稿）"),
            (true, false) => format!("{d} (draft)"),
            (false, _) => d.to_string(),
        };
        match by.iter_mut().find(|(x, _)| *x == e) {
            Some((_, ds)) => ds.push(d),
            None => by.push((e, vec![d])),
        }
    }
    by.into_iter()
        .map(|(e, ds)| {
            let sep = if zh { "、" } else { ", " };
            format!("{}{}{}", m.expert_label(e), colon(zh), ds.join(sep))
        })
        .collect()
}

/// The annex: every expected card not submitted, and every excuse.
pub fn completeness(m: &Minutes, out: &mut String) {
    let w = m.words();
    let _ = write!(
        out,
        "<section class=\"part annex\">\n<h1>{}</h1>\n<h2>{}</h2>\n",
        esc(&m.round.title),
        esc(w.completeness)
    );
    let missing = missing_lines(m);
    if missing.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(w.all_in));
    }
    list(out, w.missing_cards, &missing);
    list(out, w.excused, &excuse_lines(m));
    out.push_str("</section>\n");
}

/// The summary as a section of the minutes.
pub fn section(m: &Minutes, out: &mut String) {
    let w = m.words();
    let zh = m.lang == Lang::Zh;
    let _ = write!(
        out,
        "<section class=\"part summary\">\n<h1>{}</h1>\n<h2>{}</h2>\n<p class=\"meta\">{}</p>\n",
        esc(&m.round.title),
        esc(w.summary),
        esc(&m.subtitle())
    );
    if let Some(meeting) = &m.round.meeting {
        let _ = writeln!(
            out,
            "<p>{}{}{} {}</p>",
            w.meeting,
            colon(zh),
            meeting.date,
            esc(&meeting.place)
        );
    }
    let (present, away): (Vec<&Expert>, Vec<&Expert>) =
        m.scorers().iter().partition(|e| !absent(m, e));
    let names = |v: &[&Expert]| {
        v.iter()
            .map(|e| format!("{} {}", e.id, e.name))
            .collect::<Vec<_>>()
            .join(if zh { "、" } else { ", " })
    };
    let prelim = m.ranking.stage == crate::domain::round::Stage::Preliminary;
    let (present_label, chair) = if prelim {
        (w.prelim_present, w.prelim_chair)
    } else {
        (w.present, w.chair_signature)
    };
    let _ = writeln!(
        out,
        "<p>{}{}{}</p>",
        present_label,
        colon(zh),
        esc(&names(&present))
    );
    if !away.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}{}{}</p>",
            w.excused,
            colon(zh),
            esc(&names(&away))
        );
    }
    let (class, state) = if m.ranking.is_final() {
        ("state final", w.final_yes)
    } else {
        ("state draft", w.final_no)
    };
    let _ = writeln!(out, "<p class=\"{class}\">{}</p>", esc(state));
    let _ = write!(
        out,
        "<table class=\"notice\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.rank, w.dossier, w.applicant, w.score, w.status
    );
    for r in m.rows() {
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            r.rank(),
            esc(&r.entry.dossier),
            esc(&r.entry.applicant),
            r.score.as_deref().unwrap_or("—"),
            esc(r.status)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    list(out, w.pending, &m.pending());
    let mut signs: Vec<String> = present
        .iter()
        .map(|e| format!("{} {} {}", e.id, e.name, w.sign_here))
        .collect();
    signs.push(chair.to_string());
    signs.push(w.secretary_line.to_string());
    let _ = writeln!(out, "<p class=\"sign\">{}</p>", esc(&signs.join("\n")));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}{}{}</p>",
        w.generated,
        colon(zh),
        m.generated_text()
    );
    out.push_str("</section>\n");
}

/// The summary alone, as a page of its own (`report --summary`).
pub fn page(m: &Minutes) -> String {
    let mut out = super::head(m);
    section(m, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}
