//! Drawing: the frame every screen shares (title, note, hints), then the screen
//! and any popup. Reads the app, changes nothing.

mod centres;
mod documents;
mod drill;
mod facts;
mod lists;
mod office;
mod popup;
mod scoring;

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Action;
use super::app::{App, Popup, Progress, Screen, Tone};
use super::command::{BINDINGS, Binding, TYPING, context};
use super::layout;
use super::text;
use super::theme::Theme;
use super::words::Hint;
use crate::lang::Say;

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if layout::too_small(area) {
        let msg = format!(
            "{}\n({}×{})",
            app.t(Label::TooSmall),
            area.width,
            area.height
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let t = Theme::new(app.plain);
    let fr = layout::frame(area);
    f.render_widget(
        Paragraph::new(title(app, fr.title.width as usize)).style(t.title()),
        fr.title,
    );
    match &app.screen {
        Screen::Rounds { sel } => lists::rounds(f, fr.body, app, *sel, &t),
        Screen::Roles { sel } => lists::roles(f, fr.body, app, *sel, &t),
        Screen::Dossiers => lists::dossiers(f, fr.body, app, &t),
        Screen::Scoring(sc) => scoring::draw(f, fr.body, app, sc, &t),
        Screen::Office(o) => office::draw(f, fr.body, app, o, &t),
        Screen::Centres { sel } => centres::draw(f, fr.body, app, *sel, &t),
    }
    note(f, fr.note, app, &t);
    hints(f, fr.hints, app, &t);
    if let Some(p) = &app.popup {
        popup::draw(f, area, app, p, &t);
    }
    if let Some(q) = &app.ask {
        popup::question(f, area, app, q, &t);
    }
}

/// How many lines of the open dossier's pane lie beyond its bottom.
pub fn facts_overflow(app: &App) -> u16 {
    let Screen::Scoring(sc) = &app.screen else {
        return 0;
    };
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let a = layout::scoring(layout::frame(area).body);
    let Some(dossier) = app.dossier(&sc.dossier) else {
        return 0;
    };
    let n = facts::lines(
        app,
        dossier,
        a.facts.width.saturating_sub(2) as usize,
        &Theme::new(true),
    )
    .len();
    (n as u16).saturating_sub(a.facts.height.saturating_sub(2))
}

/// How many lines of the selected item's detail lie beyond its area.
pub fn detail_overflow(app: &App) -> u16 {
    let Screen::Scoring(sc) = &app.screen else {
        return 0;
    };
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let a = layout::scoring(layout::frame(area).body);
    let n = scoring::detail_lines(app, sc, a.detail.width as usize, &Theme::new(true)).len();
    (n as u16).saturating_sub(a.detail.height)
}

/// The title bar; the laptop's key is read out to the secretary, so it is
/// always shown whole, and the round's title gives way first.
fn title(app: &App, width: usize) -> String {
    let mut parts = vec![format!(" {}", app.t(Label::App))];
    if let Some(d) = &app.data {
        parts.push(d.round.title.clone());
    }
    if app.scorer.is_some() {
        parts.push(app.scorer_name());
    } else if app.office().is_some() {
        parts.push(app.t(Label::Secretary).to_string());
    }
    let left = parts.join(" · ");
    match &app.key {
        Some(k) => {
            let key = format!(" · {} {k}", app.t(Label::Key));
            let room = width.saturating_sub(text::width(&key));
            format!("{}{key}", text::truncate(&left, room))
        }
        None => left,
    }
}

fn note(f: &mut Frame, area: Rect, app: &App, t: &Theme) {
    let Some(n) = &app.note else { return };
    let style = match n.tone {
        Tone::Info => t.dim(),
        Tone::Saved => t.good(),
        Tone::Error => t.bad(),
    };
    let line = text::truncate(&n.text, area.width as usize);
    f.render_widget(Paragraph::new(Line::from(Span::styled(line, style))), area);
}

/// The bottom bar, from the same bindings the keys resolve through: only what
/// the state allows, most needed first, and help and quit always at the end.
fn hints(f: &mut Frame, area: Rect, app: &App, t: &Theme) {
    let ctx = context(app);
    let mut offered: Vec<(&Binding, String)> = TYPING
        .iter()
        .chain(BINDINGS)
        .filter(|b| b.ctx.contains(&ctx) && b.hint.is_some() && allowed(app, &b.action))
        .map(|b| (b, hint_words(app, b)))
        .collect();
    offered.sort_by_key(|(b, _)| b.hint);
    let last = |b: &Binding| matches!(b.action, Action::Help | Action::Quit);
    let cost = |(b, words): &(&Binding, String)| text::width(b.label) + text::width(words) + 3;
    let mut room = (area.width as usize).saturating_sub(
        offered
            .iter()
            .filter(|x| last(x.0))
            .map(cost)
            .sum::<usize>(),
    );
    let mut shown = Vec::new();
    for x in offered.iter().filter(|x| !last(x.0)) {
        if cost(x) <= room {
            room -= cost(x);
            shown.push(x);
        }
    }
    shown.extend(offered.iter().filter(|x| last(x.0)));
    let mut spans = Vec::new();
    for (b, words) in shown {
        spans.push(Span::styled(b.label, t.key()));
        spans.push(Span::raw(format!(" {words}  ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The keys a popup offers, as one line in the popup itself.
pub fn hint_line(app: &App) -> String {
    let ctx = context(app);
    let mut offered: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx) && b.hint.is_some() && allowed(app, &b.action))
        .collect();
    offered.sort_by_key(|b| b.hint);
    offered
        .iter()
        .map(|b| format!("{} {}", b.label, hint_words(app, b)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What a key is called in the hint bar where the state gives it a sharper name.
fn hint_words(app: &App, b: &Binding) -> String {
    match (&app.popup, &b.action) {
        (Some(Popup::ConfirmSubmit { gaps, .. }), Action::Confirm) => {
            let first = gaps.missing.iter().chain(&gaps.comments).next();
            Hint::GoTo(first.cloned().unwrap_or_default()).say(app.lang)
        }
        (Some(Popup::ConfirmSubmit { .. }), Action::Yes) => Hint::SubmitNow.say(app.lang),
        (Some(Popup::ImportResult { .. }), Action::Yes) => Hint::TrustKey.say(app.lang),
        (Some(Popup::ImportResult { .. }), Action::No) => Hint::DoNotTrust.say(app.lang),
        (Some(Popup::ImportResult { .. }), Action::Confirm) => Hint::Close.say(app.lang),
        _ => b.say(app.lang),
    }
}

/// Whether the state allows what a key does: a submitted card offers no typing,
/// a blocked submission no "yes", a dossier already locked no recusal.
pub fn allowed(app: &App, a: &Action) -> bool {
    if let Some(p) = &app.popup {
        return match p {
            Popup::ConfirmSubmit { gaps, .. } => match a {
                Action::Yes => gaps.is_empty(),
                Action::Confirm => !gaps.is_empty(),
                _ => true,
            },
            Popup::ImportResult { lines, .. } => {
                let asking = lines.iter().any(|l| l.unknown_key.is_some());
                match a {
                    Action::Yes | Action::No => asking,
                    Action::Confirm => !asking,
                    _ => true,
                }
            }
            _ => true,
        };
    }
    match &app.screen {
        Screen::Scoring(sc) if app.progress(&sc.dossier) == Progress::Submitted => !matches!(
            a,
            Action::Digit(_)
                | Action::Confirm
                | Action::Increment
                | Action::Decrement
                | Action::Comment
                | Action::Submit
                | Action::Recuse
        ),
        Screen::Dossiers => match a {
            Action::Recuse => app.visible_dossiers().get(app.list.sel).is_some_and(|d| {
                matches!(
                    app.progress(&d.id),
                    Progress::Unscored | Progress::InProgress
                )
            }),
            Action::Open => !app.visible_dossiers().is_empty(),
            _ => true,
        },
        Screen::Office(o) => office::allowed(app, o, a),
        _ => true,
    }
}
