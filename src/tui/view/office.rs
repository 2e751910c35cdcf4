//! The secretary's desk: tabs over the ranking, a chart of scores with the pass
//! and cap lines, a drill-down, completeness, and the ties that need a decision.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Tabs, Wrap};

use crate::domain::Points;
use crate::domain::ranking::{Basis, Boundary, Entry, Pending, Ranking, Status};
use crate::domain::round::Stage;
use crate::lang::Say;
use crate::tui::app::{App, Office, Tab};
use crate::tui::desk_words::Desk;
use crate::tui::layout;
use crate::tui::said::StatusWord;
use crate::tui::text::{pad, pad_left, truncate, width};
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, app: &App, o: &Office, t: &Theme) {
    let (tabs_area, summary_area, main) = layout::office(area);
    let at = Tab::ALL.iter().position(|x| *x == o.tab).unwrap_or(0);
    let tabs = Tabs::new((0..Tab::ALL.len()).map(|k| app.t(Label::Tab(k))))
        .select(at)
        .highlight_style(t.selected());
    f.render_widget(tabs, tabs_area);
    let ranking = match &o.ranking {
        Ok(r) => r,
        Err(e) => {
            f.render_widget(
                Paragraph::new(Span::styled(e.clone(), t.bad())),
                summary_area,
            );
            return;
        }
    };
    f.render_widget(Paragraph::new(summary(app, o, ranking, t)), summary_area);
    match o.tab {
        Tab::Ranking => table(f, main, app, o, ranking, t),
        Tab::Chart => chart(f, main, app, o, ranking, t),
        Tab::Detail => super::drill::detail(f, main, app, o, ranking, t),
        Tab::Completeness => super::drill::completeness(f, main, app, o, t),
        Tab::Ties => ties(f, main, app, ranking, t),
    }
}

/// The stage, what the ranking rests on in words, and whether the result is
/// final: only when the ranking has nothing pending (the test `rank --final`
/// applies) and no score conflict stands; else what is left, counted.
fn summary(app: &App, o: &Office, r: &Ranking, t: &Theme) -> Line<'static> {
    let stage = if o.stage == Stage::Preliminary {
        app.t(Label::StagePreliminary)
    } else {
        app.t(Label::StageExpert)
    };
    let basis = match &r.basis {
        Basis::Shortlist {
            places,
            eligible,
            all_in,
        } => Desk::Shortlist {
            places: *places,
            eligible: *eligible,
            all_in: *all_in,
            actual: r.with_status(Status::Shortlisted).len(),
        }
        .say(app.lang),
        Basis::Selection { cap, min_score, .. } => Desk::Selection {
            cap: *cap,
            min: min_score.map(|m| m.to_string()),
        }
        .say(app.lang),
        Basis::Annual { year, line } => format!("{year} · {} {line}", app.t(Label::PassLine)),
        Basis::Acceptance => String::new(),
    };
    let conflicts = o.conflicts.iter().filter(|c| c.stage == o.stage).count();
    let owed = app.data.as_ref().map_or(0, |d| {
        crate::tui::todo::cards_owed(&crate::tui::todo::rows(d, o))
    });
    let (word, style) = if r.is_final() && conflicts == 0 {
        (app.t(Label::Final).to_string(), t.good())
    } else {
        let left = Desk::Pending {
            unscored: r
                .pending
                .iter()
                .filter(|p| matches!(p, Pending::Unscored { .. }))
                .count(),
            ties: r.unresolved_ties().len(),
            shortlist: r.pending.contains(&Pending::Shortlist),
            conflicts,
            owed,
            other: r
                .pending
                .iter()
                .filter(|p| {
                    // Cards still owed are counted from the completeness rows.
                    !matches!(
                        p,
                        Pending::Unscored { .. }
                            | Pending::Tie { .. }
                            | Pending::Shortlist
                            | Pending::Card { .. }
                    )
                })
                .count(),
        };
        (left.say(app.lang), t.warn())
    };
    let mut spans = vec![Span::styled(format!("{stage} · "), t.header())];
    if !basis.is_empty() {
        spans.push(Span::raw(format!("{basis} · ")));
    }
    spans.push(Span::styled(word, style));
    Line::from(spans)
}

pub fn status_label(app: &App, s: Status) -> String {
    StatusWord(s).say(app.lang)
}

/// The entry's rank with `=` for a shared rank.
fn rank_text(e: &Entry) -> String {
    let level = e.tie.as_ref().is_some_and(|t| !t.level.is_empty());
    match e.rank {
        Some(k) if level => format!("={k}"),
        Some(k) => k.to_string(),
        None => "—".into(),
    }
}

/// Short marks for the flags column: `!` a decision is needed, `⚑N` deviations.
fn flag_text(app: &App, e: &Entry) -> String {
    let mut out = Vec::new();
    if e.tie.as_ref().is_some_and(|t| t.unresolved) {
        out.push("!".to_string());
    }
    if e.decision.is_some() {
        out.push(app.t(Label::Decided).to_string());
    }
    if !e.flags.is_empty() {
        out.push(format!("⚑{}", e.flags.len()));
    }
    out.join(" ")
}

fn table(f: &mut Frame, area: Rect, app: &App, o: &Office, r: &Ranking, t: &Theme) {
    let n = layout::list_rows(area);
    let first = layout::offset(o.sel, n);
    let rows = r
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(n)
        .map(|(i, e)| {
            let style = if i == o.sel {
                t.selected()
            } else {
                match e.status {
                    Status::Selected | Status::Shortlisted | Status::Passed => t.good(),
                    Status::Undecided => t.warn(),
                    Status::Ineligible | Status::BelowThreshold | Status::Failed => t.bad(),
                    _ => Style::new(),
                }
            };
            Row::new(vec![
                rank_text(e),
                e.dossier.clone(),
                e.applicant.clone(),
                e.score.map_or("—".into(), |x| x.fixed2()),
                e.experts.to_string(),
                e.spread.map_or("—".into(), |x| x.to_string()),
                status_label(app, e.status).to_string(),
                flag_text(app, e),
            ])
            .style(style)
        });
    use ratatui::layout::Constraint::*;
    let widths = [
        Length(5),
        Length(12),
        Fill(1),
        Length(7),
        Length(6),
        Length(6),
        Length(14),
        Length(6),
    ];
    let header = [
        app.t(Label::Rank),
        app.t(Label::Id),
        app.t(Label::Applicant),
        app.t(Label::Score),
        app.t(Label::Experts),
        app.t(Label::Spread),
        app.t(Label::Status),
        app.t(Label::Flags),
    ];
    let title = format!("{} ({})", app.t(Label::Tab(0)), r.entries.len());
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.header()))
        .block(Block::bordered().title(title))
        .column_spacing(1);
    f.render_widget(table, area);
}

/// Horizontal bars, 0 to the sheet's total, with the pass line marked and a rule
/// under the last place within the cap.
fn chart(f: &mut Frame, area: Rect, app: &App, o: &Office, r: &Ranking, t: &Theme) {
    let Some(d) = &app.data else { return };
    let total = d.sheet.total.hundredths().max(1);
    let inner = area.width.saturating_sub(2) as usize;
    let label_w = 12;
    let bar_w = inner.saturating_sub(label_w + 9);
    let line = match &r.basis {
        Basis::Selection { min_score, .. } => *min_score,
        Basis::Annual { line, .. } => Some(*line),
        _ => None,
    };
    let cap = match &r.basis {
        Basis::Selection { cap, .. } => Some(*cap),
        Basis::Shortlist { places, .. } => Some(*places),
        _ => None,
    };
    let col = |p: Points| (p.hundredths().clamp(0, total) as usize * bar_w) / total as usize;
    let mut lines = Vec::new();
    let scored: Vec<&Entry> = r.entries.iter().filter(|e| e.score.is_some()).collect();
    for (i, e) in scored.iter().enumerate() {
        let score = e.score.map_or(0, |x| x.round_hundredths() as i64);
        let filled = col(Points::from_hundredths(score));
        let mut bar: Vec<char> = (0..bar_w)
            .map(|k| if k < filled { '█' } else { ' ' })
            .collect();
        if let Some(l) = line {
            let k = col(l).min(bar_w.saturating_sub(1));
            if k < bar.len() {
                bar[k] = if k < filled { '▓' } else { '┆' };
            }
        }
        let style = if r.entries.get(o.sel).is_some_and(|x| x.dossier == e.dossier) {
            t.selected()
        } else {
            Style::new()
        };
        let bar: String = bar.into_iter().collect();
        let score_text = e.score.map_or(String::new(), |x| x.fixed2());
        lines.push(Line::from(vec![
            Span::styled(pad(&e.dossier, label_w), style),
            Span::styled(bar, bar_style(e, t)),
            Span::raw(format!(" {}", pad_left(&score_text, 7))),
        ]));
        if cap.is_some_and(|c| i + 1 == c as usize) && i + 1 < scored.len() {
            let label = format!(" {} {} ", app.t(Label::CapLine), cap.unwrap_or(0));
            let rule = "─".repeat(inner.saturating_sub(width(&label)) / 2);
            lines.push(Line::from(Span::styled(
                format!("{rule}{label}{rule}"),
                t.warn(),
            )));
        }
    }
    let skip = o.sel.saturating_sub(area.height.saturating_sub(3) as usize);
    let title = match line {
        Some(l) => format!(
            "{} · ┆ {} {l}",
            app.t(Label::Tab(1)),
            app.t(Label::PassLine)
        ),
        None => app.t(Label::Tab(1)).to_string(),
    };
    let para = Paragraph::new(lines)
        .scroll((skip as u16, 0))
        .block(Block::bordered().title(title));
    f.render_widget(para, area);
}

fn bar_style(e: &Entry, t: &Theme) -> Style {
    match e.status {
        Status::Selected | Status::Shortlisted | Status::Passed => t.good(),
        Status::Undecided => t.warn(),
        Status::BelowThreshold | Status::Failed => t.bad(),
        _ => t.dim(),
    }
}

fn ties(f: &mut Frame, area: Rect, app: &App, r: &Ranking, t: &Theme) {
    let w = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for p in &r.pending {
        let text = match p {
            Pending::Tie { dossiers, boundary } => {
                let at = match boundary {
                    Boundary::Cap { cap } => format!("{} {cap}", app.t(Label::CapLine)),
                    Boundary::Shortlist { places } => format!("{} {places}", app.t(Label::Places)),
                };
                format!(
                    "! {} — {at}：{}（d）",
                    dossiers.join("、"),
                    app.t(Label::NeedsDecision)
                )
            }
            Pending::Unscored { dossier } => format!("· {dossier}: {}", app.t(Label::MissingCards)),
            Pending::Shortlist => format!(
                "· {}: {}",
                app.t(Label::StagePreliminary),
                app.t(Label::NotFinal)
            ),
            Pending::Card {
                expert, dossier, ..
            } => format!("· {dossier} {expert}: {}", app.t(Label::MissingCards)),
            Pending::Agency { dossiers, .. } => {
                format!("· {}: {}", dossiers.join("、"), app.t(Label::NotFinal))
            }
        };
        lines.push(Line::from(Span::styled(truncate(&text, w), t.warn())));
    }
    if r.unresolved_ties().is_empty() {
        lines.push(Line::raw(app.t(Label::NoTies)));
    }
    for e in r.entries.iter().filter(|e| e.decision.is_some()) {
        if let Some(dec) = &e.decision {
            // One line per decision, on the entry that took a place.
            let took: Vec<String> = match &dec.choice {
                crate::domain::decision::Choice::Admit(p) => p.clone(),
                crate::domain::decision::Choice::Order(p) => p.iter().take(1).cloned().collect(),
            };
            if !took.contains(&e.dossier) {
                continue;
            }
            let text = Desk::Decided {
                took,
                tied: dec.tied.clone(),
                reason: dec.reason.clone(),
                by: dec.by.clone(),
            }
            .say(app.lang);
            for part in crate::tui::wrap::wrap(&text, w) {
                lines.push(Line::from(Span::styled(part, t.good())));
            }
        }
    }
    if !r.unused_decisions.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(Label::UnusedDecisions),
            t.header(),
        )));
        for dec in &r.unused_decisions {
            lines.push(Line::raw(truncate(
                &format!("{} — {}", dec.tied.join("、"), dec.reason),
                w,
            )));
        }
    }
    let para = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(app.t(Label::Tab(4))));
    f.render_widget(para, area);
}

/// What the desk's keys may do now: a decision only on an undecided tie, the
/// stage switch only in a recognition round.
pub fn allowed(app: &App, o: &Office, a: &crate::tui::action::Action) -> bool {
    use crate::tui::action::Action;
    match a {
        Action::Decide => o.ranking.as_ref().is_ok_and(|r| {
            r.entries
                .get(o.sel)
                .and_then(|e| e.tie.as_ref())
                .is_some_and(|t| t.unresolved)
        }),
        Action::Excuse => {
            o.tab == crate::tui::app::Tab::Completeness
                && o.stage == crate::domain::round::Stage::Expert
                && app
                    .data
                    .as_ref()
                    .is_some_and(|d| !crate::tui::todo::rows(d, o).is_empty())
        }
        Action::ToggleStage => app
            .data
            .as_ref()
            .is_some_and(|d| d.round.kind == crate::domain::round::RoundKind::Recognition),
        _ => true,
    }
}
