//! Drawing: the frame every screen shares (title, note, hints), then the screen
//! and any popup. Reads the app, changes nothing.

mod centres;
mod drill;
mod facts;
mod lists;
mod office;
mod popup;
mod scoring;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen, Tone};
use super::command::{TYPING, bindings, context};
use super::layout;
use super::text;
use super::theme::Theme;

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if layout::too_small(area) {
        let msg = format!("{}\n({}×{})", app.s().too_small, area.width, area.height);
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let t = Theme::new(app.plain);
    let fr = layout::frame(area);
    f.render_widget(Paragraph::new(title(app)).style(t.title()), fr.title);
    match &app.screen {
        Screen::Rounds { sel } => lists::rounds(f, fr.body, app, *sel, &t),
        Screen::Roles { sel } => lists::roles(f, fr.body, app, *sel, &t),
        Screen::Dossiers => lists::dossiers(f, fr.body, app, &t),
        Screen::Scoring(sc) => scoring::draw(f, fr.body, app, sc, &t),
        Screen::Office => office::draw(f, fr.body, app, &t),
        Screen::Centres { sel } => centres::draw(f, fr.body, app, *sel, &t),
    }
    note(f, fr.note, app, &t);
    hints(f, fr.hints, app, &t);
    if let Some(p) = &app.popup {
        popup::draw(f, area, app, p, &t);
    }
}

fn title(app: &App) -> String {
    let s = app.s();
    let mut parts = vec![format!(" {}", s.app)];
    if let Some(d) = &app.data {
        parts.push(d.round.title.clone());
    }
    if app.scorer.is_some() {
        parts.push(app.scorer_name());
    } else if app.office.is_some() {
        parts.push(s.secretary.to_string());
    }
    if let Some(k) = &app.key {
        parts.push(format!("{} {k}", s.key));
    }
    parts.join(" · ")
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

/// The bottom bar, from the same bindings the keys resolve through.
fn hints(f: &mut Frame, area: Rect, app: &App, t: &Theme) {
    let ctx = context(app);
    // Typing comes first where it is how the screen is used (scores, text).
    let typing = TYPING
        .iter()
        .filter(|(c, ..)| c.first() == Some(&ctx))
        .take(1)
        .map(|(_, keys, zh, en)| {
            (
                *keys,
                if app.lang == crate::lang::Lang::Zh {
                    *zh
                } else {
                    *en
                },
            )
        });
    let keys = bindings(ctx)
        .filter(|b| b.hint)
        .map(|b| (b.label, b.words(app.lang)));
    let mut spans = Vec::new();
    let mut used = 0;
    for (label, words) in typing.chain(keys) {
        let w = text::width(label) + text::width(words) + 3;
        if used + w > area.width as usize {
            break;
        }
        spans.push(Span::styled(label, t.key()));
        spans.push(Span::raw(format!(" {words}  ")));
        used += w;
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
