//! The right-hand pane of the scoring screen: what the dossier says, whether it
//! is eligible, and — after one's own submission — the panel's other cards.

use crate::tui::label::Label;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::domain::dossier::Dossier;
use crate::domain::eligibility::review;
use crate::domain::sheet::Sheet;
use crate::lang::Say;
use crate::tui::app::{App, Progress};
use crate::tui::theme::Theme;
use crate::tui::words::Punct;
use crate::tui::wrap::wrap;

/// The pane inside its border, scrolled by `scroll` lines; the title says
/// which lines show when there are more than fit.
pub fn draw(f: &mut Frame, area: Rect, app: &App, dossier: &Dossier, scroll: u16, t: &Theme) {
    let w = area.width.saturating_sub(2) as usize;
    let lines = lines(app, dossier, w, t);
    let rows = area.height.saturating_sub(2) as usize;
    let top = (scroll as usize).min(lines.len().saturating_sub(rows));
    let mut title = app.t(Label::Facts).to_string();
    if lines.len() > rows {
        let last = (top + rows).min(lines.len());
        title = format!("{title} {}–{}/{} [ ]", top + 1, last, lines.len());
    }
    let block = Block::bordered().title(title);
    f.render_widget(
        Paragraph::new(lines).scroll((top as u16, 0)).block(block),
        area,
    );
}

/// Every line of the pane, wrapped to `w` columns.
pub fn lines(app: &App, dossier: &Dossier, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let text = |l: &mut Vec<Line>, str: String, style| {
        for part in wrap(&str, w) {
            l.push(Line::from(Span::styled(part, style)));
        }
    };
    let plain = ratatui::style::Style::new();

    if app.progress(&dossier.id) == Progress::Submitted {
        text(&mut lines, app.t(Label::Peers).to_string(), t.header());
        for c in &app.peers {
            let name = app
                .data
                .as_ref()
                .and_then(|d| d.round.expert(&c.expert))
                .map_or("", |e| e.name.as_str());
            text(
                &mut lines,
                format!("{} {name}  {}", c.expert, c.total()),
                plain,
            );
        }
        if app.peers.is_empty() {
            text(&mut lines, "—".into(), t.dim());
        }
    } else {
        text(&mut lines, app.t(Label::PeersBlind).to_string(), t.dim());
    }
    lines.push(Line::raw(""));

    let a = &dossier.applicant;
    text(&mut lines, a.name.clone(), t.header());
    text(
        &mut lines,
        format!(
            "{} · {} {}",
            super::lists::kind_label(app, a.kind),
            app.t(Label::CreditCode),
            a.credit_code
        ),
        plain,
    );
    text(
        &mut lines,
        format!(
            "{} {}{}",
            app.t(Label::Registered),
            a.registered,
            region(&a.region)
        ),
        plain,
    );
    if !dossier.field.is_empty() {
        text(
            &mut lines,
            format!("{}{}", colon(app, &app.t(Label::Field)), dossier.field),
            plain,
        );
    }
    if !dossier.joint.is_empty() {
        text(&mut lines, colon(app, &app.t(Label::Joint)), t.header());
        for j in &dossier.joint {
            text(
                &mut lines,
                format!(
                    "· {}{}",
                    j.name,
                    paren(
                        app,
                        &Punct::List(vec![
                            super::lists::kind_label(app, j.kind).to_string(),
                            j.role.clone()
                        ])
                        .say(app.lang)
                    )
                ),
                plain,
            );
        }
    }
    let p = &dossier.patents;
    text(
        &mut lines,
        format!(
            "{}{}",
            app.t(Label::Patents),
            paren(app, &app.t(Label::FiledGrantedValid))
        ),
        t.header(),
    );
    for (label, c) in [
        (app.t(Label::Invention), p.invention),
        (app.t(Label::Utility), p.utility),
        (app.t(Label::Design), p.design),
    ] {
        text(
            &mut lines,
            format!("{label} {}/{}/{}", c.filed, c.granted, c.valid),
            plain,
        );
    }
    let pct = p.pct;
    text(
        &mut lines,
        format!(
            "{} {}/{}/{}/{}/{}",
            app.t(Label::Pct),
            pct.filed,
            pct.granted,
            pct.valid,
            pct.national_phase,
            pct.countries
        ),
        plain,
    );
    text(
        &mut lines,
        format!("{} {}", app.t(Label::HighValue), p.high_value.total),
        plain,
    );
    if let Some(last) = dossier.finances.iter().max_by_key(|f| f.year) {
        text(
            &mut lines,
            format!(
                "{}{}",
                colon(app, &format!("{} {}", app.t(Label::Finances), last.year)),
                app.t(Label::SalesRdIp)
            ),
            t.header(),
        );
        text(
            &mut lines,
            format!("{} / {} / {}", last.sales, last.rd_spend, last.ip_funding),
            plain,
        );
    }
    if !dossier.targets.is_empty() {
        text(&mut lines, colon(app, &app.t(Label::Targets)), t.header());
        for x in &dossier.targets {
            let unit = app
                .sheet()
                .and_then(|sh| sh.indicator(&x.indicator))
                .map_or("", |i| i.unit.as_str());
            let got = x.achieved.map_or("—".to_string(), |a| format!("{a}{unit}"));
            text(
                &mut lines,
                format!(
                    "{} {} {}{unit} · {} {got}",
                    x.indicator,
                    app.t(Label::Target),
                    x.target,
                    app.t(Label::Achieved)
                ),
                plain,
            );
        }
    }
    if let Some(d) = &app.data {
        let sheets: Vec<&Sheet> = d.eligibility.iter().chain(Some(&d.sheet)).collect();
        eligibility(&mut lines, app, &sheets, dossier, d.round.date, w, t);
    }
    if !dossier.summary.is_empty() {
        text(&mut lines, colon(app, &app.t(Label::Summary)), t.header());
        text(&mut lines, dossier.summary.clone(), plain);
    }
    lines
}

fn region(r: &str) -> String {
    if r.is_empty() {
        String::new()
    } else {
        format!(" · {r}")
    }
}

/// The formal review as the secretary's ranking makes it (`domain::eligibility`):
/// one line when every condition holds, else each failed rule's reason.
fn eligibility(
    lines: &mut Vec<Line<'static>>,
    app: &App,
    sheets: &[&Sheet],
    dossier: &Dossier,
    on: chrono::NaiveDate,
    w: usize,
    t: &Theme,
) {
    let rules: usize = sheets
        .iter()
        .map(|x| x.eligibility.len() + usize::from(x.joint_limit.is_some()))
        .sum();
    if rules == 0 {
        return;
    }
    lines.push(Line::from(Span::styled(
        colon(app, &app.t(Label::Eligibility)),
        t.header(),
    )));
    let verdict = review(dossier, on, sheets);
    if verdict.eligible() {
        let text = format!("✓ {}{}", app.t(Label::Ok), paren(app, &rules.to_string()));
        lines.push(Line::from(Span::styled(text, t.good())));
    }
    for f in verdict.failures {
        for part in wrap(&format!("✗ {}", f.say(app.lang)), w) {
            lines.push(Line::from(Span::styled(part, t.bad())));
        }
    }
}

fn colon(app: &App, label: &str) -> String {
    Punct::Colon(label.to_string()).say(app.lang)
}

fn paren(app: &App, inner: &str) -> String {
    Punct::Paren(inner.to_string()).say(app.lang)
}
