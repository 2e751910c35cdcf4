//! Where things are on the screen, computed once for drawing and for mouse clicks.

use ratatui::layout::{Constraint, Layout, Rect};

pub const MIN_W: u16 = 80;
pub const MIN_H: u16 = 24;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_W || area.height < MIN_H
}

/// Title bar, body, note line, hint bar.
pub struct Frame {
    pub title: Rect,
    pub body: Rect,
    pub note: Rect,
    pub hints: Rect,
}

pub fn frame(area: Rect) -> Frame {
    let [title, body, note, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Frame {
        title,
        body,
        note,
        hints,
    }
}

/// A bordered list with a header row: how many data rows fit.
pub fn list_rows(list: Rect) -> usize {
    list.height.saturating_sub(3) as usize
}

/// The first row shown so that `sel` stays visible in `rows` rows.
pub fn offset(sel: usize, rows: usize) -> usize {
    if rows == 0 {
        0
    } else {
        sel.saturating_sub(rows - 1)
    }
}

/// Which data row a click at screen row `y` hits in a bordered list with a header.
pub fn clicked_row(list: Rect, y: u16, sel: usize) -> Option<usize> {
    let first = list.y + 2;
    let rows = list_rows(list);
    (y >= first && ((y - first) as usize) < rows).then(|| offset(sel, rows) + (y - first) as usize)
}

/// The dossier list screen: a progress line above the list.
pub fn dossiers(body: Rect) -> (Rect, Rect) {
    let [gauge, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    (gauge, list)
}

/// The scoring screen: items left, facts right, detail and totals below.
pub struct ScoringAreas {
    pub items: Rect,
    pub facts: Rect,
    pub detail: Rect,
    pub totals: Rect,
}

pub fn scoring(body: Rect) -> ScoringAreas {
    // The detail (full title, every guidance band) gets a third of the height.
    let detail_h = (body.height / 3).clamp(5, 10);
    let [top, detail, totals] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(detail_h),
        Constraint::Length(1),
    ])
    .areas(body);
    let [items, facts] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(top);
    ScoringAreas {
        items,
        facts,
        detail,
        totals,
    }
}

/// A popup centred in `area`, `w` columns by `h` rows at most.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The secretary's desk: a tab bar, a summary line, then the tab's content.
pub fn office(body: Rect) -> (Rect, Rect, Rect) {
    let [tabs, summary, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    (tabs, summary, main)
}

/// The register: the list of centres above the selected centre's details.
pub fn centres(body: Rect) -> (Rect, Rect) {
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(body);
    (list, detail)
}
