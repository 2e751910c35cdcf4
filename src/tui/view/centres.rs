//! The register screen: every centre with its state, next deadline and days
//! left (the nearest first), and the selected centre's details below.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row as TableRow, Table};

use crate::domain::register::{Centre, Row};
use crate::lang::{Lang, Say};
use crate::tui::app::{App, Register};
use crate::tui::layout;
use crate::tui::said::{Latest, Money, NextStep, SchemeWords, ShortMilestone, ShortState};
use crate::tui::text;
use crate::tui::theme::Theme;

/// Wide enough for the credit code and the funding columns.
const WIDE: u16 = 110;

pub fn draw(f: &mut Frame, area: Rect, app: &App, sel: usize, t: &Theme) {
    let Some(reg) = &app.register else { return };
    let title = format!(
        "{} ({}) · {} {}",
        app.t(Label::CentresTitle),
        reg.centres.len(),
        app.t(Label::Today),
        reg.today
    );
    if reg.centres.is_empty() {
        let lines: Vec<Line> = text::wrap(
            &app.t(Label::NoCentres),
            area.width.saturating_sub(2) as usize,
        )
        .into_iter()
        .map(Line::from)
        .collect();
        let p = Paragraph::new(lines).block(Block::bordered().title(title));
        f.render_widget(p, area);
        return;
    }
    let (list, detail) = layout::centres(area);
    let rows = reg.rows();
    let wide = area.width >= WIDE;
    let mut header = vec![
        app.t(Label::Applicant),
        app.t(Label::Status),
        app.t(Label::NextStep),
        app.t(Label::Due),
        app.t(Label::DaysLeft),
    ];
    // Columns as wide as what they hold, in either language.
    let widest = |cells: Vec<String>, head: Label| {
        cells
            .iter()
            .map(|c| text::width(c))
            .chain([text::width(&app.t(head))])
            .max()
            .unwrap_or(8) as u16
    };
    let state_w = widest(
        rows.iter()
            .map(|r| ShortState(r.state.as_ref()).say(app.lang))
            .collect(),
        Label::Status,
    );
    let next_w = widest(
        rows.iter()
            .filter_map(|r| r.next.map(|(_, m)| ShortMilestone(m).say(app.lang)))
            .collect(),
        Label::NextStep,
    );
    // As wide as the longest count of days, so `逾期419天` keeps its 天.
    let days_w = rows
        .iter()
        .map(|r| text::width(&r.days_words(app.lang)))
        .chain([text::width(&app.t(Label::DaysLeft))])
        .max()
        .unwrap_or(8) as u16;
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(state_w),
        Constraint::Length(next_w),
        Constraint::Length(10),
        Constraint::Length(days_w),
    ];
    if wide {
        header.insert(0, app.t(Label::CreditCode));
        widths.insert(0, Constraint::Length(18));
        header.push(app.t(Label::Payable));
        widths.push(Constraint::Length(8));
    }
    let n = layout::list_rows(list);
    let first = layout::offset(sel, n);
    let shown = rows.iter().enumerate().skip(first).take(n).map(|(i, r)| {
        let mut cells = vec![
            r.name.clone(),
            ShortState(r.state.as_ref()).say(app.lang),
            r.next
                .map_or("—".to_string(), |(_, m)| ShortMilestone(m).say(app.lang)),
            r.next
                .map_or_else(|| "—".to_string(), |(d, _)| d.to_string()),
            r.days_words(app.lang),
        ];
        if wide {
            cells.insert(0, r.credit_code.clone());
            cells.push(r.payable.fixed2());
        }
        let style = if i == sel {
            t.selected()
        } else {
            urgency(r, t)
        };
        TableRow::new(cells).style(style)
    });
    let table = Table::new(shown, widths)
        .header(TableRow::new(header).style(t.header()))
        .block(Block::bordered().title(title))
        .column_spacing(1);
    f.render_widget(table, list);
    if let Some(r) = rows.get(sel) {
        details(f, detail, app, reg, r, t);
    }
}

/// Overdue in red, due within 30 days in yellow, no longer holding the title dimmed.
fn urgency(r: &Row, t: &Theme) -> Style {
    match (r.days_left, &r.state) {
        (_, Some(s)) if !s.holds_title() => t.dim(),
        (Some(d), _) if d < 0 => t.bad(),
        (Some(d), _) if d <= 30 => t.warn(),
        _ => Style::new(),
    }
}

fn details(f: &mut Frame, area: Rect, app: &App, reg: &Register, r: &Row, t: &Theme) {
    let Some(c) = reg.centres.iter().find(|c| c.credit_code == r.credit_code) else {
        return;
    };
    let width = area.width.saturating_sub(2) as usize;
    let scheme = SchemeWords(r.scheme).say(app.lang);
    let mut lines = vec![Line::from(text::truncate(
        &format!("{}  {}  {scheme}", r.name, r.credit_code),
        width,
    ))];
    let recognised = c.recognised_on().map(|d| d.to_string()).unwrap_or_default();
    let next = match (r.next, r.days_left) {
        (Some((on, milestone)), Some(days)) => NextStep {
            on,
            milestone,
            days,
            days_zh: r.days_words(Lang::Zh),
        }
        .say(app.lang),
        _ => String::new(),
    };
    lines.push(Line::from(text::truncate(
        &format!(
            "{} {recognised} · {}{next}",
            app.t(Label::RecognisedOn),
            r.state_words(app.lang)
        ),
        width,
    )));
    let money = |p| Money(p).say(app.lang);
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} {}", app.t(Label::Payable), money(r.payable)),
            t.good(),
        ),
        Span::raw(format!(
            " · {} {} · {} {}",
            app.t(Label::PendingMoney),
            money(r.pending),
            app.t(Label::Withheld),
            money(r.withheld),
        )),
    ]));
    lines.push(Line::from(Span::styled(
        text::truncate(&latest(c, app.lang, &app.t(Label::Latest)), width),
        t.dim(),
    )));
    f.render_widget(Paragraph::new(lines).block(Block::bordered()), area);
}

/// The latest event, in a few words.
fn latest(c: &Centre, lang: Lang, label: &str) -> String {
    c.records.last().map_or(String::new(), |record| {
        Latest {
            label: label.to_string(),
            record,
        }
        .say(lang)
    })
}
