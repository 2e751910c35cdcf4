//! The secretary's drill-down into one dossier (every expert's scores, the flags
//! highlighted) and the completeness of every scorer's cards.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use crate::domain::aggregate::{NotCounted, Recusals, aggregate};
use crate::domain::ranking::{Flag, Ranking};
use crate::lang::Say;
use crate::tui::app::{App, Office};
use crate::tui::layout;
use crate::tui::text::truncate;
use crate::tui::theme::Theme;
use crate::tui::todo::{Owed, Todo};

fn recusals(o: &Office) -> Recusals {
    Recusals::new(
        o.board
            .recusals
            .iter()
            .map(|(e, d)| (e.as_str(), d.as_str())),
    )
}

pub fn detail(f: &mut Frame, area: Rect, app: &App, o: &Office, r: &Ranking, t: &Theme) {
    let (Some(d), Some(e)) = (&app.data, r.entries.get(o.sel)) else {
        return;
    };
    let sheet = &d.sheet;
    let panel = aggregate(sheet, o.stage, &e.dossier, &o.board.cards, &recusals(o));
    let experts: Vec<&str> = panel.counted.iter().map(|c| &*c.expert).collect();
    let flagged_item = |ex: &str, item: &str| {
        e.flags
            .iter()
            .any(|f| matches!(f, Flag::Item(x) if x.expert == ex && x.item == item))
    };
    let flagged_total = |ex: &str| {
        e.flags
            .iter()
            .any(|f| matches!(f, Flag::Total(x) if x.expert == ex))
    };

    let [head, body] =
        ratatui::layout::Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let mut info = vec![Line::from(vec![
        Span::styled(format!("{} {}", e.dossier, e.applicant), t.header()),
        Span::raw(format!(
            "  {} {} · {} {} · {}",
            app.t(Label::Score),
            e.score.map_or("—".into(), |x| x.fixed2()),
            app.t(Label::Experts),
            e.experts,
            super::office::status_label(app, e.status)
        )),
    ])];
    let mut notes: Vec<String> = e.failures.iter().map(|x| x.say(app.lang)).collect();
    for x in &panel.excluded {
        let why = match &x.why {
            NotCounted::Recused => app.t(Label::Recused).to_string(),
            NotCounted::Draft => app.t(Label::InProgress).to_string(),
            NotCounted::Incomplete { .. } => app.t(Label::Unscored).to_string(),
        };
        notes.push(format!(
            "{} {}（{why}）",
            x.expert,
            app.t(Label::NotCounted)
        ));
    }
    if let Some(v) = &e.verdict {
        notes.push(crate::tui::said::Outcome(v).say(app.lang));
    }
    if !notes.is_empty() {
        let text = format!("{}：{}", app.t(Label::Reasons), notes.join("；"));
        info.push(Line::raw(truncate(&text, area.width as usize)));
    }
    f.render_widget(Paragraph::new(info), head);

    let ids = sheet.entry_ids();
    let n = layout::list_rows(body);
    let mut rows: Vec<Row> = Vec::new();
    for (row, id) in ids.iter().enumerate() {
        let title = sheet
            .item(id)
            .map(|i| i.title.clone())
            .or_else(|| sheet.indicator(id).map(|i| i.title.clone()));
        let max = sheet.item(id).map_or(String::new(), |i| i.max.to_string());
        let mut cells = vec![
            Span::raw(id.to_string()),
            Span::raw(title.unwrap_or_default()),
            Span::raw(max),
        ];
        for c in &panel.counted {
            let v = c.value(row).to_string();
            let style = if flagged_item(&c.expert, id) {
                t.bad()
            } else {
                Style::new()
            };
            cells.push(Span::styled(v, style));
        }
        cells.push(Span::raw(panel.item(id).map_or("—".into(), |m| m.fixed2())));
        rows.push(Row::new(cells));
    }
    let mut total = vec![
        Span::styled(app.t(Label::Total), t.header()),
        Span::raw(""),
        Span::raw(sheet.total.to_string()),
    ];
    for c in &panel.counted {
        let style = if flagged_total(&c.expert) {
            t.bad()
        } else {
            t.header()
        };
        total.push(Span::styled(c.total.to_string(), style));
    }
    total.push(Span::styled(
        panel.mean.map_or("—".into(), |m| m.fixed2()),
        t.header(),
    ));
    let rows: Vec<Row> = rows
        .into_iter()
        .take(n.saturating_sub(1))
        .chain([Row::new(total)])
        .collect();
    let mut widths = vec![
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(5),
    ];
    widths.extend(experts.iter().map(|_| Constraint::Length(6)));
    widths.push(Constraint::Length(7));
    let mut header = vec![
        app.t(Label::Id).to_string(),
        app.t(Label::Item).to_string(),
        app.t(Label::Max).to_string(),
    ];
    header.extend(experts.iter().map(|x| x.to_string()));
    header.push(app.t(Label::Mean).to_string());
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.header()))
        .block(Block::bordered().title(app.t(Label::Tab(2))))
        .column_spacing(1);
    f.render_widget(table, body);
}

/// Every scorer of the stage and the cards they still owe, drafts told apart
/// from cards not started; Enter on a card opens that dossier's drill-down.
pub fn completeness(f: &mut Frame, area: Rect, app: &App, o: &Office, t: &Theme) {
    let Some(d) = &app.data else { return };
    let rows = crate::tui::todo::rows(d, o);
    let n = area.height.saturating_sub(2) as usize;
    let first = o.todo.saturating_sub(n.saturating_sub(1));
    let w = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(n)
        .map(|(i, row)| {
            let style = match row {
                _ if i == o.todo => t.selected(),
                Todo::Scorer {
                    submitted, owed, ..
                } if submitted == owed => t.good(),
                Todo::Scorer { .. } => t.header(),
                Todo::Card {
                    state: Owed::Draft { .. },
                    ..
                } => t.warn(),
                Todo::Card { .. } => Style::new(),
            };
            Line::from(Span::styled(truncate(&row.say(app.lang), w), style))
        })
        .collect();
    let owed = crate::tui::todo::cards_owed(&rows);
    let title = format!("{} ({owed})", app.t(Label::Tab(3)));
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        area,
    );
}
