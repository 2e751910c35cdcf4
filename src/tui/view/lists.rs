//! The list screens: rounds, roles, and the scorer's dossiers.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Row, Table};

use crate::tui::app::{App, Filter, Progress};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// What a list shows: its title, columns and rows, and which row is selected.
struct List {
    title: String,
    header: Vec<String>,
    widths: Vec<Constraint>,
    rows: Vec<Vec<String>>,
    sel: usize,
}

/// A bordered table showing only the rows that fit, the selection kept visible.
fn table(f: &mut Frame, area: Rect, list: List, t: &Theme, style_of: impl Fn(usize) -> Style) {
    let List {
        title,
        header,
        widths,
        rows,
        sel,
    } = list;
    let n = layout::list_rows(area);
    let first = layout::offset(sel, n);
    let shown = rows
        .into_iter()
        .enumerate()
        .skip(first)
        .take(n)
        .map(|(i, cells)| {
            let style = if i == sel { t.selected() } else { style_of(i) };
            Row::new(cells).style(style)
        });
    let table = Table::new(shown, widths)
        .header(Row::new(header).style(t.header()))
        .block(Block::bordered().title(title))
        .column_spacing(1);
    f.render_widget(table, area);
}

pub fn rounds(f: &mut Frame, area: Rect, app: &App, sel: usize, t: &Theme) {
    if app.rounds.is_empty() {
        f.render_widget(
            Paragraph::new(app.t(Label::NoRounds))
                .block(Block::bordered().title(app.t(Label::PickRound))),
            area,
        );
        return;
    }
    let rows = app
        .rounds
        .iter()
        .map(|r| vec![r.id.clone(), r.title.clone()])
        .collect();
    let widths = vec![Constraint::Length(22), Constraint::Fill(1)];
    let list = List {
        title: app.t(Label::PickRound),
        header: vec![app.t(Label::Id), app.t(Label::App)],
        widths,
        rows,
        sel,
    };
    table(f, area, list, t, |_| Style::new());
}

pub fn roles(f: &mut Frame, area: Rect, app: &App, sel: usize, t: &Theme) {
    let Some(d) = &app.data else { return };
    let mut rows = Vec::new();
    for (people, role) in [
        (&d.round.experts, app.t(Label::Expert)),
        (&d.round.preliminary, app.t(Label::Preliminary)),
    ] {
        for e in people {
            rows.push(vec![
                e.id.clone(),
                e.name.clone(),
                role.to_string(),
                e.organisation.clone(),
            ]);
        }
    }
    rows.push(vec![
        String::new(),
        app.t(Label::Secretary).to_string(),
        app.t(Label::Secretary).to_string(),
        String::new(),
    ]);
    let widths = vec![
        Constraint::Length(6),
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Fill(1),
    ];
    let list = List {
        title: app.t(Label::PickRole),
        header: vec![
            app.t(Label::Id),
            app.t(Label::Name),
            app.t(Label::Role),
            app.t(Label::Organisation),
        ],
        widths,
        rows,
        sel,
    };
    table(f, area, list, t, |_| Style::new());
}

pub fn dossiers(f: &mut Frame, area: Rect, app: &App, t: &Theme) {
    let (gauge_area, list) = layout::dossiers(area);
    let Some(d) = &app.data else { return };
    let total = d
        .dossiers
        .iter()
        .filter(|x| app.progress(&x.id) != Progress::Recused)
        .count();
    let done = d
        .dossiers
        .iter()
        .filter(|x| app.progress(&x.id) == Progress::Submitted)
        .count();
    let ratio = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    let gauge = Gauge::default()
        .ratio(ratio)
        .label(format!("{} {done}/{total}", app.t(Label::Progress)))
        .gauge_style(t.good());
    f.render_widget(gauge, gauge_area);

    let visible = app.visible_dossiers();
    let rows = visible
        .iter()
        .map(|x| {
            let p = app.progress(&x.id);
            let total = app
                .card(&x.id)
                .filter(|_| p != Progress::Recused)
                .map(|c| c.total().to_string());
            vec![
                x.id.clone(),
                x.applicant.name.clone(),
                kind_label(app, x.applicant.kind),
                app.progress_label(p).to_string(),
                total.unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    let filter = match app.list.filter {
        Filter::All => app.t(Label::All),
        Filter::Only(p) => app.progress_label(p),
    };
    let search = if app.list.search.is_empty() && !app.list.searching {
        String::new()
    } else {
        format!(
            " · {}: {}{}",
            app.t(Label::Search),
            app.list.search,
            if app.list.searching { "▏" } else { "" }
        )
    };
    let title = format!(
        "{} ({}) · {}: {filter}{search}",
        app.t(Label::Dossiers),
        visible.len(),
        app.t(Label::Filter)
    );
    // The kind and status columns as wide as their words in this language.
    let widest = |words: Vec<String>, head: Label| {
        words
            .iter()
            .map(|w| crate::tui::text::width(w))
            .chain([crate::tui::text::width(&app.t(head))])
            .max()
            .unwrap_or(8) as u16
    };
    let kind_w = widest(
        visible
            .iter()
            .map(|x| kind_label(app, x.applicant.kind))
            .collect(),
        Label::Kind,
    );
    let status_w = widest(
        visible
            .iter()
            .map(|x| app.progress_label(app.progress(&x.id)))
            .collect(),
        Label::Status,
    );
    let widths = vec![
        Constraint::Length(12),
        Constraint::Fill(1),
        Constraint::Length(kind_w),
        Constraint::Length(status_w),
        Constraint::Length(7),
    ];
    let header = vec![
        app.t(Label::Id),
        app.t(Label::Applicant),
        app.t(Label::Kind),
        app.t(Label::Status),
        app.t(Label::Total),
    ];
    let styles: Vec<Style> = visible
        .iter()
        .map(|x| match app.progress(&x.id) {
            Progress::Submitted => t.good(),
            Progress::Recused => t.dim(),
            Progress::InProgress => t.warn(),
            Progress::Unscored => Style::new(),
        })
        .collect();
    let spec = List {
        title,
        header,
        widths,
        rows,
        sel: app.list.sel,
    };
    table(f, list, spec, t, |i| styles[i]);
    if visible.is_empty() {
        let inner = Rect {
            x: list.x + 2,
            y: list.y + 2,
            width: list.width.saturating_sub(4),
            height: 1,
        };
        f.render_widget(
            Paragraph::new(Line::from(Span::styled("—", t.dim()))),
            inner,
        );
    }
}

pub fn kind_label(app: &App, k: crate::domain::dossier::ApplicantKind) -> String {
    crate::lang::Say::say(&crate::tui::said::Kind(k), app.lang)
}
