//! The dossier's documents over the scoring screen: name, size and whether
//! the file is the listed one, the chosen one highlighted, keys at the foot.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::popup::open;
use crate::attachments::Size;
use crate::attachments::shelf::{Check, Document};
use crate::lang::Say;
use crate::text::{pad, pad_left, truncate, width};
use crate::tui::app::App;
use crate::tui::documents::Shelf;
use crate::tui::layout;
use crate::tui::theme::Theme;

pub fn draw(
    f: &mut Frame,
    area: Rect,
    app: &App,
    dossier: &str,
    docs: &[Document],
    sel: usize,
    t: &Theme,
) {
    let w = 76u16.min(area.width);
    let inner = w.saturating_sub(2) as usize;
    let state = |d: &Document| Shelf::State(d.check).say(app.lang);
    let size = |d: &Document| match d.size {
        Some(n) => Size(n).say(app.lang),
        None => Shelf::NoSize.say(app.lang),
    };
    let state_w = docs.iter().map(|d| width(&state(d))).max().unwrap_or(0);
    let size_w = docs.iter().map(|d| width(&size(d))).max().unwrap_or(0);
    let name_w = inner.saturating_sub(state_w + size_w + 4);
    let rows = (area.height.saturating_sub(4) as usize).max(1);
    let top = sel.saturating_sub(rows - 1);
    let mut lines: Vec<Line> = docs
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(k, d)| {
            let tone = match d.check {
                Check::Verified => t.good(),
                Check::Changed => t.bad(),
                Check::Missing => t.dim(),
            };
            let name = pad(&truncate(&d.name, name_w), name_w);
            let mut spans = vec![
                Span::raw(format!("{}{name} ", if k == sel { "▶" } else { " " })),
                Span::raw(pad_left(&size(d), size_w)),
                Span::raw("  "),
                Span::styled(pad(&state(d), state_w), tone),
            ];
            if k == sel {
                spans = spans
                    .into_iter()
                    .map(|s| {
                        let style = s.style.patch(t.selected());
                        s.style(style)
                    })
                    .collect();
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::raw(""));
    let keys = crate::tui::view::hint_line(app);
    lines.push(Line::from(Span::styled(keys, t.key())));
    let r = layout::centred(area, w, lines.len() as u16 + 2);
    open(f, r);
    let title = Shelf::Title(dossier.to_string()).say(app.lang);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        r,
    );
}
