//! Popups over a screen: help, submit confirmation, comment and reason editors.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::lang::Lang;
use crate::tui::app::{App, PathFor, Popup, Screen};
use crate::tui::command::{BINDINGS, Ctx, TYPING, context};
use crate::tui::editor::Editor;
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, app: &App, p: &Popup, t: &Theme) {
    match p {
        Popup::Help => help(f, area, app, t),
        Popup::ConfirmSubmit { gaps, .. } => {
            let s = app.s();
            let mut lines = Vec::new();
            if gaps.is_empty() {
                lines.push(Line::raw(s.submit_ok));
            } else {
                lines.push(Line::from(Span::styled(s.submit_blocked, t.bad())));
                if !gaps.missing.is_empty() {
                    lines.push(Line::raw(format!(
                        "{}：{}",
                        s.submit_missing,
                        gaps.missing.join("、")
                    )));
                }
                if !gaps.comments.is_empty() {
                    lines.push(Line::raw(format!(
                        "{}：{}",
                        s.submit_comments,
                        gaps.comments.join("、")
                    )));
                }
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(s.yes_no, t.key())));
            let r = layout::centred(area, 64, 10);
            f.render_widget(Clear, r);
            let para = Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(s.submit_title));
            f.render_widget(para, r);
        }
        Popup::Comment { item, editor, .. } => {
            let s = app.s();
            let title = format!("{} {item} · {}", s.comment_title, s.comment_keys);
            edit(f, layout::centred(area, 70, 12), &title, editor);
        }
        Popup::Decide(c) => decide(f, area, app, c, t),
        Popup::Path { purpose, editor } => {
            let title = match (purpose, app.lang) {
                (PathFor::Export, Lang::Zh) => "导出评分包到文件夹（如U盘）· 回车确认 · Esc 取消",
                (PathFor::Export, Lang::En) => {
                    "Export the bundle into a folder (a USB stick) · Enter · Esc"
                }
                (PathFor::Import, Lang::Zh) => "导入评分包：文件或文件夹 · 回车确认 · Esc 取消",
                (PathFor::Import, Lang::En) => "Import bundles: a file or a folder · Enter · Esc",
            };
            edit(f, layout::centred(area, 74, 3), title, editor);
        }
        Popup::ImportResult { lines, .. } => imported(f, area, app, lines, t),
        Popup::Recuse { dossier, editor } => {
            let s = app.s();
            let title = format!("{} {dossier} · {}", s.recuse_title, s.recuse_prompt);
            edit(f, layout::centred(area, 70, 5), &title, editor);
        }
    }
}

/// A text field with the terminal cursor where the next character will go.
fn edit(f: &mut Frame, r: Rect, title: &str, editor: &Editor) {
    f.render_widget(Clear, r);
    let inner_w = r.width.saturating_sub(2) as usize;
    let (col, row) = editor.cursor();
    let rows = r.height.saturating_sub(2) as usize;
    let top = row.saturating_sub(rows.saturating_sub(1));
    let left = col.saturating_sub(inner_w.saturating_sub(1));
    let lines: Vec<Line> = editor
        .lines()
        .into_iter()
        .skip(top)
        .take(rows)
        .map(|l| Line::raw(crate::tui::text::truncate(&skip_cols(&l, left), inner_w)))
        .collect();
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title.to_string())),
        r,
    );
    f.set_cursor_position(Position {
        x: r.x + 1 + (col - left) as u16,
        y: r.y + 1 + (row - top) as u16,
    });
}

/// Drops the first `cols` display columns of a line (for horizontal scrolling).
fn skip_cols(s: &str, cols: usize) -> String {
    let mut used = 0;
    s.chars()
        .skip_while(|c| {
            let skip = used < cols;
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            skip
        })
        .collect()
}

/// Help: every binding of the screen underneath, from the same table as the hints.
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
    let mut lines = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.ctx.contains(&ctx)) {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<8}", b.label), t.key()),
            Span::raw(b.words(app.lang)),
        ]));
    }
    for (ctxs, keys, zh, en) in TYPING {
        if ctxs.contains(&ctx)
            || (matches!(app.screen, Screen::Scoring(_)) && ctxs.contains(&Ctx::Editor))
        {
            let words = if app.lang == crate::lang::Lang::Zh {
                zh
            } else {
                en
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:<8}"), t.key()),
                Span::raw(*words),
            ]));
        }
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = layout::centred(area, 50, h);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(app.s().help_title)),
        r,
    );
}

/// The choice of which level dossiers take the places left, then the reason.
fn decide(f: &mut Frame, area: Rect, app: &App, c: &crate::tui::app::Choosing, t: &Theme) {
    let s = app.s();
    if let Some(editor) = &c.reason {
        let title = format!("{} · {}", s.decide_title, s.decide_reason);
        edit(f, layout::centred(area, 70, 5), &title, editor);
        return;
    }
    let mut lines = vec![Line::raw(format!(
        "{} {} / {}",
        s.decide_pick,
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
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(s.decide_title)),
        r,
    );
}

/// What an import did, file by file, and the key to confirm if one is new.
fn imported(f: &mut Frame, area: Rect, app: &App, lines: &[crate::tui::desk::Imported], t: &Theme) {
    let zh = app.lang == Lang::Zh;
    let mut out = Vec::new();
    for l in lines {
        let style = if l.refused { t.bad() } else { t.good() };
        out.push(Line::from(Span::styled(l.file.clone(), t.header())));
        out.push(Line::from(Span::styled(l.said.clone(), style)));
    }
    if lines.is_empty() {
        out.push(Line::raw(if zh {
            "没有找到 .bundle 文件"
        } else {
            "no .bundle files found"
        }));
    }
    out.push(Line::raw(""));
    let ask = match lines.iter().find_map(|l| l.unknown_key.as_ref()) {
        Some((expert, fp)) if zh => {
            format!("y 核对后信任专家 {expert} 的密钥 {fp} 并重新导入 · n 关闭")
        }
        Some((expert, fp)) => {
            format!("y trust {expert}'s key {fp} (after comparing it) and import again · n close")
        }
        None if zh => "n 关闭".to_string(),
        None => "n close".to_string(),
    };
    out.push(Line::from(Span::styled(ask, t.key())));
    let title = if zh {
        "导入评分包"
    } else {
        "Import bundles"
    };
    let r = layout::centred(area, 90, (out.len() as u16 + 2).max(6));
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(out)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(title)),
        r,
    );
}
