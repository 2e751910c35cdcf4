//! The scoring screen: items with scores and bands on the left, the dossier on
//! the right, the selected item's guidance and comment, and running totals.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::round::RoundKind;
use crate::domain::sheet::Sheet;
use crate::lang::Say;
use crate::tui::app::{App, Line as TableLine, Progress, Scoring, scoring_lines, section_of};
use crate::tui::layout;
use crate::tui::said::{Outcome, Step};
use crate::tui::text::truncate;
use crate::tui::theme::Theme;
use crate::tui::words::Word;
use crate::tui::wrap::wrap;

use super::facts;
use crate::domain::indicators::Achievement;
use crate::domain::outcome::{annual_line, verdict};
use crate::domain::selection::Policy;

pub fn draw(f: &mut Frame, area: Rect, app: &App, sc: &Scoring, t: &Theme) {
    let (Some(d), Some(dossier)) = (&app.data, app.dossier(&sc.dossier)) else {
        return;
    };
    let empty = Card::new(
        "",
        app.stage(),
        "",
        &sc.dossier,
        chrono::DateTime::UNIX_EPOCH,
    );
    let card = app.card(&sc.dossier).unwrap_or(&empty);
    let a = layout::scoring(area);
    items(f, a.items, app, &d.sheet, card, sc, t);
    facts::draw(f, a.facts, app, dossier, sc.facts, t);
    detail(f, a.detail, app, sc, t);
    totals(f, a.totals, app, card, sc, t);
}

fn items(
    f: &mut Frame,
    area: Rect,
    app: &App,
    sheet: &Sheet,
    card: &Card,
    sc: &Scoring,
    t: &Theme,
) {
    let lines = scoring_lines(sheet);
    let ids = sheet.entry_ids();
    let at = lines
        .iter()
        .position(|l| *l == TableLine::Entry(sc.sel))
        .unwrap_or(0);
    let n = layout::list_rows(area);
    let first = layout::offset(at, n);
    let indicators = sheet.is_indicator_sheet();
    // Wide enough: a column with the guidance band each score falls in.
    let bands = !indicators && area.width >= 64;
    let rows = lines
        .iter()
        .enumerate()
        .skip(first)
        .take(n)
        .map(|(i, l)| match *l {
            TableLine::Section(si) => {
                let sec = &sheet.sections[si];
                let max: Points = sec.items.iter().map(|x| x.max).sum();
                let got = card.section_total(sheet, &sec.id);
                let mut cells = vec![
                    sec.id.clone(),
                    sec.title.clone(),
                    max.to_string(),
                    got.to_string(),
                    String::new(),
                ];
                if bands {
                    cells.push(String::new());
                }
                Row::new(cells).style(t.section())
            }
            TableLine::Entry(k) => {
                let id = ids[k];
                let selected = i == at;
                let value = card.scores.get(id).copied();
                let shown = if selected && !sc.input.is_empty() {
                    format!("{}▏", sc.input)
                } else {
                    value.map_or("·".into(), |v| v.to_string())
                };
                let mark = mark(app, card, sheet, id, value);
                let cells = if indicators {
                    let ind = &sheet.indicators[k];
                    let met = value.map(|v| v >= ind.target);
                    vec![
                        id.to_string(),
                        ind.title.clone(),
                        format!("{}{}", ind.target, ind.unit),
                        shown,
                        match met {
                            Some(true) => "✓".into(),
                            Some(false) => "✗".into(),
                            None => mark,
                        },
                    ]
                } else {
                    let item = sheet
                        .item(id)
                        .map_or((String::new(), Points::ZERO), |x| (x.title.clone(), x.max));
                    let mut cells = vec![id.to_string(), item.0, item.1.to_string(), shown, mark];
                    if bands {
                        let band = value
                            .and_then(|v| sheet.band(id, v))
                            .map_or(String::new(), |b| b.text.clone());
                        cells.push(band);
                    }
                    cells
                };
                let style = if selected { t.selected() } else { Style::new() };
                Row::new(cells).style(style)
            }
        });
    let mut header = if indicators {
        vec![
            app.t(Label::Id),
            app.t(Label::Indicator),
            app.t(Label::Target),
            app.t(Label::Achieved),
            String::new(),
        ]
    } else {
        vec![
            app.t(Label::Id),
            app.t(Label::Item),
            app.t(Label::Max),
            app.t(Label::Score),
            String::new(),
        ]
    };
    // The maximum (or target) column as wide as its widest value: `5000万元`.
    let third = if indicators {
        sheet
            .indicators
            .iter()
            .map(|i| crate::tui::text::width(&format!("{}{}", i.target, i.unit)))
            .max()
            .unwrap_or(0)
            .max(7) as u16
    } else {
        7
    };
    let mut widths = vec![
        Constraint::Length(6),
        Constraint::Fill(2),
        Constraint::Length(third),
        Constraint::Length(7),
        Constraint::Length(2),
    ];
    if bands {
        header.push(app.t(Label::Guidance));
        widths.push(Constraint::Fill(1));
    }
    let title = format!(
        "{} {}",
        sc.dossier,
        app.dossier(&sc.dossier)
            .map_or("", |d| d.applicant.name.as_str())
    );
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.header()))
        .block(Block::bordered().title(truncate(&title, area.width.saturating_sub(4) as usize)))
        .column_spacing(1);
    f.render_widget(table, area);
}

/// Saving, saved, or a comment still required.
fn mark(app: &App, card: &Card, sheet: &Sheet, id: &str, value: Option<Points>) -> String {
    if app
        .saving
        .as_ref()
        .is_some_and(|(d, i)| *d == card.dossier && i == id)
    {
        return "…".into();
    }
    let needs = match (sheet.item(id), value) {
        (Some(item), Some(v)) => {
            item.needs_comment(v) && card.comments.get(id).is_none_or(|c| c.trim().is_empty())
        }
        _ => false,
    };
    if needs {
        "!".into()
    } else if value.is_some() {
        "✓".into()
    } else {
        String::new()
    }
}

/// The selected item's detail, scrolled; a last line says when more follows.
fn detail(f: &mut Frame, area: Rect, app: &App, sc: &Scoring, t: &Theme) {
    let lines = detail_lines(app, sc, area.width as usize, t);
    let rows = area.height as usize;
    let top = (sc.detail as usize).min(lines.len().saturating_sub(rows));
    let mut shown: Vec<Line> = lines.iter().skip(top).take(rows).cloned().collect();
    let below = lines.len().saturating_sub(top + rows);
    if below > 0
        && let Some(last) = shown.last_mut()
    {
        *last = Line::from(Span::styled(
            Word::MoreBelow(below + 1).say(app.lang),
            t.dim(),
        ));
    }
    f.render_widget(Paragraph::new(shown), area);
}

/// Every line of the selected item's detail, wrapped to `w` columns: the full
/// title, maximum and step, every guidance band (the one the score falls in
/// marked), and the comment.
pub fn detail_lines(app: &App, sc: &Scoring, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let Some(d) = &app.data else { return lines };
    let sheet = &d.sheet;
    let ids = sheet.entry_ids();
    let Some(id) = ids.get(sc.sel).copied() else {
        return lines;
    };
    let empty = Card::new(
        "",
        app.stage(),
        "",
        &sc.dossier,
        chrono::DateTime::UNIX_EPOCH,
    );
    let card = app.card(&sc.dossier).unwrap_or(&empty);
    let push = |lines: &mut Vec<Line<'static>>, text: &str, style: Style| {
        for part in wrap(text, w) {
            lines.push(Line::from(Span::styled(part, style)));
        }
    };
    let value = card.scores.get(id).copied();
    if let Some(item) = sheet.item(id) {
        let sec = &sheet.sections[section_of(sheet, sc.sel)];
        push(&mut lines, &format!("{} {}", id, item.title), t.header());
        push(
            &mut lines,
            &format!(
                "{} {} · {} {} · {}",
                app.t(Label::Max),
                item.max,
                step_word(app),
                item.step,
                sec.title
            ),
            Style::new(),
        );
        let current = value.and_then(|v| sheet.band(id, v));
        for b in &item.guidance {
            let here = current.is_some_and(|c| c.from == b.from && c.to == b.to);
            let mark = if here { "▶" } else { " " };
            let style = if here { t.selected() } else { Style::new() };
            push(
                &mut lines,
                &format!("{mark}{}–{} {}", b.from, b.to, b.text),
                style,
            );
        }
    } else if let Some(ind) = sheet.indicator(id) {
        push(&mut lines, &format!("{} {}", id, ind.title), t.header());
        let declared = app
            .dossier(&sc.dossier)
            .and_then(|d| d.targets.iter().find(|x| x.indicator == id).cloned());
        let decl = declared.map_or(String::new(), |x| {
            Word::Declared {
                target: format!("{}{}", x.target, ind.unit),
                achieved: x.achieved.map(|a| format!("{a}{}", ind.unit)),
            }
            .say(app.lang)
        });
        push(
            &mut lines,
            &format!(
                "{} ≥ {}{}{decl}",
                app.t(Label::Target),
                ind.target,
                ind.unit
            ),
            Style::new(),
        );
    }
    let comment = card.comments.get(id).filter(|c| !c.trim().is_empty());
    let needs = sheet
        .item(id)
        .zip(value)
        .is_some_and(|(i, v)| i.needs_comment(v));
    let (said, style) = match comment {
        Some(c) => (Some(c.clone()), Style::new()),
        None if needs => (Some(app.t(Label::CommentRequired).to_string()), t.warn()),
        None => (None, t.dim()),
    };
    push(&mut lines, &Word::Comment(said).say(app.lang), style);
    lines
}

fn step_word(app: &App) -> String {
    Step.say(app.lang)
}

fn totals(f: &mut Frame, area: Rect, app: &App, card: &Card, sc: &Scoring, t: &Theme) {
    let Some(d) = &app.data else { return };
    let sheet = &d.sheet;
    let mut spans = Vec::new();
    if sheet.is_indicator_sheet() {
        let achieved = Achievement::of_values(sheet, &card.scores);
        let verdict = app
            .dossier(&sc.dossier)
            .and_then(|x| verdict(sheet, x, d.round.date, &achieved).ok());
        match verdict {
            Some(v) => {
                let style = if v.passed { t.good() } else { t.bad() };
                let word = if v.passed {
                    app.t(Label::Passes)
                } else {
                    app.t(Label::Fails)
                };
                let text = Outcome(&v).say(app.lang);
                spans.push(Span::raw(truncate(
                    &text,
                    (area.width as usize).saturating_sub(12),
                )));
                spans.push(Span::raw(" → "));
                spans.push(Span::styled(word, style));
            }
            None => spans.push(Span::raw(format!(
                "{} {}/{}",
                app.t(Label::RuleCount),
                achieved.met_count(),
                sheet.indicators.len()
            ))),
        }
    } else {
        let total = card.total();
        let reach = card.reachable(sheet);
        let scored = sheet
            .items()
            .filter(|i| card.scores.contains_key(&i.id))
            .count();
        let pass = pass_line(app, sheet);
        let style = match pass {
            Some(p) if reach < p => t.bad(),
            Some(p) if total >= p => t.good(),
            Some(_) => t.warn(),
            None => Style::new(),
        };
        spans.push(Span::styled(
            format!("{} {total}/{}", app.t(Label::Total), sheet.total),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(
            " · {} {scored}/{}",
            app.t(Label::Scored),
            sheet.items().count()
        )));
        spans.push(Span::styled(
            format!(" · {} {reach}", app.t(Label::Reachable)),
            style,
        ));
        if let Some(p) = pass {
            spans.push(Span::raw(format!(" · {} {p}", app.t(Label::PassLine))));
        }
    }
    if app.progress(&sc.dossier) == Progress::Submitted {
        spans.push(Span::styled(
            format!(" · {}", app.t(Label::ReadOnly)),
            t.dim(),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The line this round's scores are held against, as the ranking holds them:
/// the year's pass line of an annual assessment, else the selection's minimum.
fn pass_line(app: &App, sheet: &Sheet) -> Option<Points> {
    let d = app.data.as_ref()?;
    match d.round.kind {
        RoundKind::Annual { year } => annual_line(sheet, year).ok(),
        _ => Policy::of(&d.round, sheet).min_score,
    }
}
