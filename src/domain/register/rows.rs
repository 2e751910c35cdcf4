//! The register as rows: one line per centre with its state, next deadline,
//! days left and funding, for the command line, the terminal UI and the report.

use chrono::NaiveDate;

use super::{Centre, Scheme};
use crate::domain::Points;
use crate::domain::lifecycle::{Milestone, PaymentStatus, State};
use crate::lang::Lang;

/// One centre as the register's table shows it on a given day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub credit_code: String,
    pub name: String,
    pub scheme: Scheme,
    /// `None` when the stored history no longer replays.
    pub state: Option<State>,
    pub next: Option<(NaiveDate, Milestone)>,
    /// Days from today to the next deadline; negative when it has passed.
    pub days_left: Option<i64>,
    /// Earned and past publicity with no objection standing.
    pub payable: Points,
    /// Earned, waiting for publicity or a ruling.
    pub pending: Points,
    /// Not paid: an objection was upheld.
    pub withheld: Points,
}

impl Row {
    pub fn of(c: &Centre, today: NaiveDate) -> Row {
        let state = c.state();
        let next = state.as_ref().and_then(State::next_deadline);
        let mut row = Row {
            credit_code: c.credit_code.clone(),
            name: c.name.clone(),
            scheme: c.scheme,
            state,
            next,
            days_left: next.map(|(d, _)| (d - today).num_days()),
            payable: Points::ZERO,
            pending: Points::ZERO,
            withheld: Points::ZERO,
        };
        for p in c.ledger() {
            let bucket = match p.status {
                PaymentStatus::Withheld => &mut row.withheld,
                s if s.payable(today) => &mut row.payable,
                _ => &mut row.pending,
            };
            *bucket = *bucket + p.amount;
        }
        row
    }

    pub fn state_words(&self, lang: Lang) -> &'static str {
        match (&self.state, lang) {
            (Some(s), Lang::Zh) => s.zh(),
            (Some(s), Lang::En) => s.en(),
            (None, Lang::Zh) => "记录有误",
            (None, Lang::En) => "history does not replay",
        }
    }

    pub fn next_words(&self, lang: Lang) -> String {
        match (self.next, lang) {
            (Some((_, m)), Lang::Zh) => m.zh().to_string(),
            (Some((_, m)), Lang::En) => m.en().to_string(),
            (None, _) => "—".to_string(),
        }
    }

    pub fn days_words(&self, lang: Lang) -> String {
        match (self.days_left, lang) {
            (None, _) => "—".to_string(),
            (Some(n), Lang::Zh) if n < 0 => format!("逾期{}天", -n),
            (Some(n), Lang::Zh) => format!("{n}天"),
            (Some(n), Lang::En) if n < 0 => format!("{} overdue", -n),
            (Some(n), Lang::En) => format!("{n}"),
        }
    }

    /// The cells under [`header`], in that order.
    pub fn cells(&self, lang: Lang) -> Vec<String> {
        let scheme = match lang {
            Lang::Zh => self.scheme.short_zh(),
            Lang::En => self.scheme.key(),
        };
        vec![
            self.credit_code.clone(),
            self.name.clone(),
            scheme.to_string(),
            self.state_words(lang).to_string(),
            self.next_words(lang),
            self.next
                .map_or_else(|| "—".to_string(), |(d, _)| d.to_string()),
            self.days_words(lang),
            self.payable.fixed2(),
            self.pending.fixed2(),
        ]
    }
}

/// The column titles of the register's table.
pub fn header(lang: Lang) -> Vec<&'static str> {
    match lang {
        Lang::Zh => vec![
            "信用代码",
            "单位名称",
            "项目",
            "状态",
            "下一节点",
            "日期",
            "剩余",
            "可拨付(万元)",
            "待定(万元)",
        ],
        Lang::En => vec![
            "Credit code",
            "Name",
            "Scheme",
            "State",
            "Next",
            "Date",
            "Days left",
            "Payable (万元)",
            "Pending (万元)",
        ],
    }
}

/// Every centre's row on `today`, by credit code.
pub fn rows(centres: &[Centre], today: NaiveDate) -> Vec<Row> {
    let mut out: Vec<Row> = centres.iter().map(|c| Row::of(c, today)).collect();
    out.sort_by(|a, b| a.credit_code.cmp(&b.credit_code));
    out
}

/// The register as a table of text: the header and one line of cells per centre.
pub fn table(
    centres: &[Centre],
    today: NaiveDate,
    lang: Lang,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let cells = rows(centres, today).iter().map(|r| r.cells(lang)).collect();
    (header(lang), cells)
}
