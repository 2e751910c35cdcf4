//! The register screen: every centre with its state, next deadline and days
//! left (the nearest first), and the selected centre's details below.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row as TableRow, Table};

use crate::domain::lifecycle::{Milestone, State};
use crate::domain::register::{Centre, Row};
use crate::lang::{Lang, Say};
use crate::tui::words::{Money, SchemeWords};
use crate::tui::app::{App, Register};
use crate::tui::layout;
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
        let lines: Vec<Line> = text::wrap(&app.t(Label::NoCentres), area.width.saturating_sub(2) as usize)
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
    let mut header = vec![app.t(Label::Applicant), app.t(Label::Status), app.t(Label::NextStep), app.t(Label::Due), app.t(Label::DaysLeft)];
    let (state_w, next_w) = match app.lang {
        Lang::Zh => (10, 12),
        Lang::En => (13, 13),
    };
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
            short_state(r.state.as_ref(), app.lang).to_string(),
            r.next
                .map_or("—", |(_, m)| short_milestone(m, app.lang))
                .to_string(),
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
    let zh = app.lang == Lang::Zh;
    let width = area.width.saturating_sub(2) as usize;
    let scheme = SchemeWords(r.scheme).say(app.lang);
    let mut lines = vec![Line::from(text::truncate(
        &format!("{}  {}  {scheme}", r.name, r.credit_code),
        width,
    ))];
    let recognised = c.recognised_on().map(|d| d.to_string()).unwrap_or_default();
    let next = match (r.next, r.days_left) {
        (Some((d, m)), Some(_)) if zh => format!(
            " · {} {} {d}（{}）",
            app.t(Label::NextStep),
            m.zh(),
            r.days_words(app.lang)
        ),
        (Some((d, m)), Some(n)) if n < 0 => {
            format!(" · next: {} on {d} ({} days overdue)", m.en(), -n)
        }
        (Some((d, m)), Some(n)) => format!(" · next: {} on {d} (in {n} days)", m.en()),
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
        Span::styled(format!("{} {}", app.t(Label::Payable), money(r.payable)), t.good()),
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
    use crate::domain::lifecycle::Event;
    let Some(r) = c.records.last() else {
        return String::new();
    };
    let zh = lang == Lang::Zh;
    let what = match &r.event {
        Event::Recognised { .. } => if zh { "认定" } else { "recognised" }.to_string(),
        Event::Assessed { year, score, .. } | Event::Reassessed { year, score, .. } => {
            let again = matches!(r.event, Event::Reassessed { .. });
            match (zh, again) {
                (true, false) => format!("{}考核 {} 分", year_zh(*year), score.fixed2()),
                (true, true) => format!("{}整改后复核 {} 分", year_zh(*year), score.fixed2()),
                (false, false) => format!("year-{year} assessment {}", score.fixed2()),
                (false, true) => format!("year-{year} re-assessment {}", score.fixed2()),
            }
        }
        Event::Withdrawn { reason, .. } => {
            format!("{} {reason}", if zh { "退出" } else { "withdrawn" })
        }
        Event::Published { until, .. } => {
            format!("{} → {until}", if zh { "公示" } else { "published" })
        }
        Event::Objected { reason, .. } => {
            format!("{} {reason}", if zh { "异议" } else { "objection" })
        }
        Event::Ruled { number, upheld, .. } => match (zh, upheld) {
            (true, true) => format!("异议 {number} 成立"),
            (true, false) => format!("异议 {number} 不成立"),
            (false, true) => format!("objection {number} upheld"),
            (false, false) => format!("objection {number} dismissed"),
        },
    };
    let round = r
        .round
        .as_deref()
        .map(|x| format!(" · {x}"))
        .unwrap_or_default();
    let colon = if zh { "：" } else { ": " };
    format!("{label}{colon}{} {what}{round}", r.event.date())
}

fn year_zh(year: u8) -> &'static str {
    if year == 1 {
        "第一年度"
    } else {
        "第二年度"
    }
}

fn short_state(s: Option<&State>, lang: Lang) -> &'static str {
    let zh = lang == Lang::Zh;
    match s {
        None => {
            if zh {
                "记录有误"
            } else {
                "broken"
            }
        }
        Some(State::Recognised { .. }) => {
            if zh {
                "建设中"
            } else {
                "recognised"
            }
        }
        Some(State::Year1Passed { .. }) => {
            if zh {
                "一年度合格"
            } else {
                "year 1 passed"
            }
        }
        Some(State::Rectifying { .. }) => {
            if zh {
                "整改中"
            } else {
                "rectifying"
            }
        }
        Some(State::Completed { .. }) => {
            if zh {
                "验收合格"
            } else {
                "completed"
            }
        }
        Some(State::Revoked { .. }) => {
            if zh {
                "已取消称号"
            } else {
                "revoked"
            }
        }
        Some(State::Withdrawn { .. }) => {
            if zh {
                "已退出"
            } else {
                "withdrawn"
            }
        }
        Some(State::Annulled { .. }) => {
            if zh {
                "不予认定"
            } else {
                "annulled"
            }
        }
    }
}

fn short_milestone(m: Milestone, lang: Lang) -> &'static str {
    let zh = lang == Lang::Zh;
    match m {
        Milestone::Year1Assessment => {
            if zh {
                "第一年度考核"
            } else {
                "year 1"
            }
        }
        Milestone::Year2Assessment => {
            if zh {
                "期末验收"
            } else {
                "year 2"
            }
        }
        Milestone::Reassessment => {
            if zh {
                "整改复核"
            } else {
                "re-assessment"
            }
        }
        Milestone::MayReapply => {
            if zh {
                "可重新申报"
            } else {
                "may reapply"
            }
        }
    }
}
