//! Popups over a screen: help, submit confirmation, comment and reason editors.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::lang::Say;
use crate::tui::app::{App, PinPrompt, Popup, Question, Screen};
use crate::tui::command::{BINDINGS, Binding, Ctx, TYPING, context};
use crate::tui::editor::Editor;
use crate::tui::layout;
use crate::tui::pin_words::PinWord;
use crate::tui::text::pad;
use crate::tui::theme::Theme;
use crate::tui::words::{Marks, Punct, Word};
use crate::tui::wrap::wrap;

pub fn draw(f: &mut Frame, area: Rect, app: &App, p: &Popup, t: &Theme) {
    match p {
        Popup::Help => help(f, area, app, t),
        Popup::ConfirmSubmit { gaps, .. } => {
            let w = 64u16.min(area.width);
            let mut lines = Vec::new();
            let text = |l: &mut Vec<Line<'static>>, x: &str, style| {
                for part in wrap(x, w.saturating_sub(2) as usize) {
                    l.push(Line::from(Span::styled(part, style)));
                }
            };
            let plain = ratatui::style::Style::new();
            if gaps.is_empty() {
                text(&mut lines, &app.t(Label::SubmitOk), plain);
            } else {
                text(&mut lines, &app.t(Label::SubmitBlocked), t.bad());
                if !gaps.missing.is_empty() {
                    let l = Punct::Colon(app.t(Label::SubmitMissing)).say(app.lang);
                    text(
                        &mut lines,
                        &format!("{l}{}", gaps.missing.join("、")),
                        plain,
                    );
                }
                if !gaps.comments.is_empty() {
                    let l = Punct::Colon(app.t(Label::SubmitComments)).say(app.lang);
                    text(
                        &mut lines,
                        &format!("{l}{}", gaps.comments.join("、")),
                        plain,
                    );
                }
            }
            lines.push(Line::raw(""));
            let keys = crate::tui::view::hint_line(app);
            lines.push(Line::from(Span::styled(keys, t.key())));
            let r = layout::centred(area, w, lines.len() as u16 + 2);
            open(f, r);
            let para =
                Paragraph::new(lines).block(Block::bordered().title(app.t(Label::SubmitTitle)));
            f.render_widget(para, r);
        }
        Popup::Comment { item, editor, .. } => {
            let title = format!(
                "{} {item} · {}",
                app.t(Label::CommentTitle),
                app.t(Label::CommentKeys)
            );
            edit(f, layout::centred(area, 70, 12), &title, editor);
        }
        Popup::Decide(c) => decide(f, area, app, c, t),
        Popup::Path { purpose, editor } => {
            let title = Word::PathTitle(*purpose).say(app.lang);
            edit(f, layout::centred(area, 74, 4), &title, editor);
        }
        Popup::ImportResult { lines, .. } => imported(f, area, app, lines, t),
        Popup::Pin(p) => pin(f, area, app, p, t),
        Popup::Documents { dossier, docs, sel } => {
            super::documents::draw(f, area, app, dossier, docs, *sel, t)
        }
        Popup::Name { editor, .. } => {
            edit(
                f,
                layout::centred(area, 70, 3),
                &Word::NameTitle.say(app.lang),
                editor,
            );
        }
        Popup::Excuse {
            expert,
            dossier,
            editor,
        } => {
            let title = Word::ExcuseTitle {
                expert: expert.clone(),
                dossier: dossier.clone(),
            };
            edit(
                f,
                layout::centred(area, 70, 5),
                &title.say(app.lang),
                editor,
            );
        }
        Popup::Recuse { dossier, editor } => {
            let title = format!(
                "{} {dossier} · {}",
                app.t(Label::RecuseTitle),
                app.t(Label::RecusePrompt)
            );
            edit(f, layout::centred(area, 70, 5), &title, editor);
        }
    }
}

/// The PIN asked before an expert's desk opens: what to type, a ● for each
/// digit typed, why the last PIN was not taken, and the keys.
fn pin(f: &mut Frame, area: Rect, app: &App, p: &PinPrompt, t: &Theme) {
    let w = 62u16.min(area.width);
    let inner = w.saturating_sub(2) as usize;
    let who = app
        .data
        .as_ref()
        .and_then(|d| d.round.expert(&p.expert))
        .map_or(p.expert.clone(), |e| format!("{} {}", e.id, e.name));
    let mut lines: Vec<Line> = wrap(&PinWord::Ask(&p.step).say(app.lang), inner)
        .into_iter()
        .map(Line::raw)
        .collect();
    lines.push(Line::raw(""));
    let dots = "●".repeat(p.typed.chars().count());
    lines.push(Line::from(Span::styled(format!(" {dots}"), t.key())));
    lines.push(Line::raw(""));
    if let Some(why) = &p.refused {
        for part in wrap(&why.say(app.lang), inner) {
            lines.push(Line::from(Span::styled(part, t.bad())));
        }
        lines.push(Line::raw(""));
    }
    let keys = crate::tui::view::hint_line(app);
    lines.push(Line::from(Span::styled(keys, t.key())));
    let r = layout::centred(area, w, lines.len() as u16 + 2);
    open(f, r);
    let title = PinWord::Title(&who).say(app.lang);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        r,
    );
}

/// A text field that wraps, with the terminal cursor where the next character
/// will go (placed by display width) and the rows scrolled to keep it in view.
fn edit(f: &mut Frame, r: Rect, title: &str, editor: &Editor) {
    open(f, r);
    let inner_w = r.width.saturating_sub(2) as usize;
    let rows = r.height.saturating_sub(2) as usize;
    let (wrapped, (col, row)) = editor.wrapped(inner_w);
    let top = row.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = wrapped
        .into_iter()
        .skip(top)
        .take(rows)
        .map(Line::raw)
        .collect();
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title.to_string())),
        r,
    );
    f.set_cursor_position(Position {
        x: r.x + 1 + col as u16,
        y: r.y + 1 + (row - top) as u16,
    });
}

/// Clears a popup's area, and the wide character under its left border too:
/// one that straddles the border column would otherwise hide the border.
pub fn open(f: &mut Frame, r: Rect) {
    f.render_widget(Clear, r);
    if r.x == 0 {
        return;
    }
    let buf = f.buffer_mut();
    for y in r.y..r.y + r.height {
        let cell = &mut buf[(r.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A yes/no question over everything else, in the current language.
pub fn question(f: &mut Frame, area: Rect, app: &App, q: &Question, t: &Theme) {
    let w = 64.min(area.width);
    let text = q.say(app.lang);
    let mut lines: Vec<Line> = wrap(&text, w.saturating_sub(2) as usize)
        .into_iter()
        .map(Line::raw)
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(Word::YesNo.say(app.lang), t.key())));
    let r = layout::centred(area, w, lines.len() as u16 + 2);
    open(f, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().border_style(t.warn())),
        r,
    );
}

/// Help: every binding of the screen underneath, from the same table as the
/// hints, then what each mark on that screen means.
fn help(f: &mut Frame, area: Rect, app: &App, t: &Theme) {
    let under = {
        let mut a = app.clone();
        a.popup = None;
        context(&a)
    };
    let ctx = if under == Ctx::Search {
        Ctx::Dossiers
    } else {
        under
    };
    let typing = TYPING.iter().filter(|b| {
        b.ctx.contains(&ctx)
            || (matches!(app.screen, Screen::Scoring(_)) && b.ctx.contains(&Ctx::Editor))
    });
    let all: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx))
        .chain(typing)
        .collect();
    // A key written with its pair (`+/-`, `n/N`) is not listed again alone.
    let shown: Vec<&Binding> = all
        .iter()
        .copied()
        .filter(|b| {
            !all.iter().any(|o| {
                o.label != b.label
                    && o.label.contains('/')
                    && o.label.split('/').any(|p| p == b.label)
            })
        })
        .collect();
    let entry = |b: &Binding| {
        Line::from(vec![
            Span::styled(pad(b.label, 8), t.key()),
            Span::raw(b.say(app.lang)),
        ])
    };
    let marks = Marks(ctx).say(app.lang);
    let two = shown.len() + 4 > area.height as usize;
    let w = if two {
        area.width.saturating_sub(4).min(100)
    } else {
        area.width.saturating_sub(4).min(64)
    };
    let mark_lines: Vec<String> = if marks.is_empty() {
        Vec::new()
    } else {
        wrap(&marks, w.saturating_sub(2) as usize)
    };
    let room = area.height.saturating_sub(2 + mark_lines.len() as u16 + 1) as usize;
    let mut lines = Vec::new();
    if shown.len() <= room {
        lines.extend(shown.iter().map(|b| entry(b)));
    } else {
        // Two columns when one does not fit.
        let half = shown.len().div_ceil(2);
        let col = (w.saturating_sub(2) / 2) as usize;
        for k in 0..half {
            let mut spans = entry(shown[k]).spans;
            let used: usize = spans.iter().map(|s| s.width()).sum();
            spans.push(Span::raw(" ".repeat(col.saturating_sub(used))));
            if let Some(b) = shown.get(k + half) {
                spans.extend(entry(b).spans);
            }
            lines.push(Line::from(spans));
        }
    }
    if !mark_lines.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(mark_lines.into_iter().map(Line::raw));
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = layout::centred(area, w, h);
    open(f, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(app.t(Label::HelpTitle))),
        r,
    );
}

/// The choice of which level dossiers take the places left, then the reason.
fn decide(f: &mut Frame, area: Rect, app: &App, c: &crate::tui::app::Choosing, t: &Theme) {
    if let Some(editor) = &c.reason {
        let title = format!(
            "{} · {}",
            app.t(Label::DecideTitle),
            app.t(Label::DecideReason)
        );
        edit(f, layout::centred(area, 70, 5), &title, editor);
        return;
    }
    let mut lines = vec![Line::raw(format!(
        "{} {} / {}",
        app.t(Label::DecidePick),
        c.places,
        c.tied.len()
    ))];
    for (i, d) in c.tied.iter().enumerate() {
        let mark = if c.picked.contains(d) { "[x]" } else { "[ ]" };
        let name = app.dossier(d).map_or("", |x| x.applicant.name.as_str());
        let style = if i == c.sel {
            t.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(Span::styled(
            format!("{mark} {d} {name}"),
            style,
        )));
    }
    let r = layout::centred(area, 70, c.tied.len() as u16 + 4);
    open(f, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(app.t(Label::DecideTitle))),
        r,
    );
}

/// What an import did, file by file; a key seen for the first time is a
/// question, with the whole fingerprint to compare in person.
fn imported(f: &mut Frame, area: Rect, app: &App, lines: &[crate::tui::desk::Imported], t: &Theme) {
    let w = 90.min(area.width);
    let inner = w.saturating_sub(2) as usize;
    let mut out = Vec::new();
    let mut text = |x: &str, style| {
        for part in wrap(x, inner) {
            out.push(Line::from(Span::styled(part, style)));
        }
    };
    let unknown = lines.iter().find_map(|l| l.unknown_key.as_ref());
    for l in lines {
        let style = if l.refused { t.bad() } else { t.good() };
        text(&l.file, t.header());
        let said = match &l.unknown_key {
            Some(k) => Word::NewKey(k.expert.clone()).say(app.lang),
            None => l.said.say(app.lang),
        };
        text(&said, style);
    }
    if lines.is_empty() {
        text(&Word::NoBundles.say(app.lang), ratatui::style::Style::new());
    }
    if let Some(k) = unknown {
        text("", ratatui::style::Style::new());
        let ask = Word::CompareKey {
            expert: k.expert.clone(),
            fingerprint: k.fingerprint.clone(),
        };
        text(&ask.say(app.lang), t.warn());
        if let Some(full) = &k.full {
            // Eight groups a line, so that no group is cut by the popup's edge.
            let groups: Vec<&str> = full.split('-').collect();
            text(&Word::FullKey.say(app.lang), ratatui::style::Style::new());
            for half in groups.chunks(8) {
                text(&half.join("-"), t.warn());
            }
        }
    }
    out.push(Line::raw(""));
    out.push(Line::from(Span::styled(
        crate::tui::view::hint_line(app),
        t.key(),
    )));
    let r = layout::centred(area, w, (out.len() as u16 + 2).max(6));
    open(f, r);
    f.render_widget(
        Paragraph::new(out).block(Block::bordered().title(Word::ImportTitle.say(app.lang))),
        r,
    );
}
