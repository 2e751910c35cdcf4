//! Domain values as the terminal UI says them, through [`Say`]: an applicant's
//! kind, a ranking status, an outcome, a centre's state, milestone and latest
//! event. The domain keeps its own words; these choose between them (or add the
//! screen's shorter ones) so the views never match on the language.

use chrono::NaiveDate;

use crate::domain::dossier::ApplicantKind;
use crate::domain::lifecycle::{Event, Milestone, State};
use crate::domain::outcome::Verdict;
use crate::domain::ranking::Status;
use crate::domain::register::Record;
use crate::lang::Say;

pub struct Kind(pub ApplicantKind);

impl Say for Kind {
    fn zh(&self) -> String {
        match self.0 {
            ApplicantKind::Enterprise => "企业",
            ApplicantKind::University => "高校",
            ApplicantKind::Institute => "科研院所",
            ApplicantKind::ServiceAgency => "服务机构",
        }
        .into()
    }

    fn en(&self) -> String {
        match self.0 {
            ApplicantKind::Enterprise => "company",
            ApplicantKind::University => "university",
            ApplicantKind::Institute => "institute",
            ApplicantKind::ServiceAgency => "agency",
        }
        .into()
    }
}

pub struct StatusWord(pub Status);

impl Say for StatusWord {
    fn zh(&self) -> String {
        self.0.zh().into()
    }
    fn en(&self) -> String {
        self.0.en().into()
    }
}

pub struct Outcome<'a>(pub &'a Verdict);

impl Say for Outcome<'_> {
    fn zh(&self) -> String {
        self.0.zh()
    }
    fn en(&self) -> String {
        self.0.en()
    }
}

/// The scoring step's label beside an item's maximum.
pub struct Step;

impl Say for Step {
    fn zh(&self) -> String {
        "步长".into()
    }
    fn en(&self) -> String {
        "step".into()
    }
}

/// A centre's state in the register's narrow column; `None` when its record
/// does not replay.
pub struct ShortState<'a>(pub Option<&'a State>);

impl Say for ShortState<'_> {
    fn zh(&self) -> String {
        match self.0 {
            None => "记录有误",
            Some(State::Recognised { .. }) => "建设中",
            Some(State::Year1Passed { .. }) => "一年度合格",
            Some(State::Rectifying { .. }) => "整改中",
            Some(State::Completed { .. }) => "验收合格",
            Some(State::Revoked { .. }) => "已取消称号",
            Some(State::Withdrawn { .. }) => "已退出",
            Some(State::Annulled { .. }) => "不予认定",
        }
        .into()
    }

    fn en(&self) -> String {
        match self.0 {
            None => "broken",
            Some(State::Recognised { .. }) => "recognised",
            Some(State::Year1Passed { .. }) => "year 1 passed",
            Some(State::Rectifying { .. }) => "rectifying",
            Some(State::Completed { .. }) => "completed",
            Some(State::Revoked { .. }) => "revoked",
            Some(State::Withdrawn { .. }) => "withdrawn",
            Some(State::Annulled { .. }) => "annulled",
        }
        .into()
    }
}

/// A milestone in the register's narrow column.
pub struct ShortMilestone(pub Milestone);

impl Say for ShortMilestone {
    fn zh(&self) -> String {
        match self.0 {
            Milestone::Year1Assessment => "第一年度考核",
            Milestone::Year2Assessment => "期末验收",
            Milestone::Reassessment => "整改复核",
            Milestone::MayReapply => "可重新申报",
        }
        .into()
    }

    fn en(&self) -> String {
        match self.0 {
            Milestone::Year1Assessment => "year 1",
            Milestone::Year2Assessment => "year 2",
            Milestone::Reassessment => "re-assessment",
            Milestone::MayReapply => "may reapply",
        }
        .into()
    }
}

/// The next step of a centre with its date and the days to it (negative: overdue).
pub struct NextStep {
    pub on: NaiveDate,
    pub milestone: Milestone,
    pub days: i64,
    /// The register's own words for the days, in Chinese.
    pub days_zh: String,
}

impl Say for NextStep {
    fn zh(&self) -> String {
        format!(
            " · 下一节点 {} {}（{}）",
            self.milestone.zh(),
            self.on,
            self.days_zh
        )
    }

    fn en(&self) -> String {
        let m = self.milestone.en();
        if self.days < 0 {
            format!(" · next: {m} on {} ({} days overdue)", self.on, -self.days)
        } else {
            format!(" · next: {m} on {} (in {} days)", self.on, self.days)
        }
    }
}

/// A centre's latest event, in a few words, after `label`.
pub struct Latest<'a> {
    pub label: String,
    pub record: &'a Record,
}

impl Say for Latest<'_> {
    fn zh(&self) -> String {
        let what = match &self.record.event {
            Event::Recognised { .. } => "认定".to_string(),
            Event::Assessed { year, score, .. } => {
                format!("{}考核 {} 分", year_zh(*year), score.fixed2())
            }
            Event::Reassessed { year, score, .. } => {
                format!("{}整改后复核 {} 分", year_zh(*year), score.fixed2())
            }
            Event::Withdrawn { reason, .. } => format!("退出 {reason}"),
            Event::Published { until, .. } => format!("公示 → {until}"),
            Event::Objected { reason, .. } => format!("异议 {reason}"),
            Event::Ruled { number, upheld, .. } if *upheld => format!("异议 {number} 成立"),
            Event::Ruled { number, .. } => format!("异议 {number} 不成立"),
        };
        format!(
            "{}：{} {what}{}",
            self.label,
            self.record.event.date(),
            self.round()
        )
    }

    fn en(&self) -> String {
        let what = match &self.record.event {
            Event::Recognised { .. } => "recognised".to_string(),
            Event::Assessed { year, score, .. } => {
                format!("year-{year} assessment {}", score.fixed2())
            }
            Event::Reassessed { year, score, .. } => {
                format!("year-{year} re-assessment {}", score.fixed2())
            }
            Event::Withdrawn { reason, .. } => format!("withdrawn {reason}"),
            Event::Published { until, .. } => format!("published → {until}"),
            Event::Objected { reason, .. } => format!("objection {reason}"),
            Event::Ruled { number, upheld, .. } if *upheld => format!("objection {number} upheld"),
            Event::Ruled { number, .. } => format!("objection {number} dismissed"),
        };
        format!(
            "{}: {} {what}{}",
            self.label,
            self.record.event.date(),
            self.round()
        )
    }
}

impl Latest<'_> {
    fn round(&self) -> String {
        self.record
            .round
            .as_deref()
            .map(|x| format!(" · {x}"))
            .unwrap_or_default()
    }
}

fn year_zh(year: u8) -> &'static str {
    if year == 1 {
        "第一年度"
    } else {
        "第二年度"
    }
}

/// A sum held in 万元 (ten thousand yuan): `12.50 万元`, or in English
/// `CNY 125,000`, since 万 is no English unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money(pub crate::domain::Points);

impl Say for Money {
    fn zh(&self) -> String {
        format!("{} 万元", self.0.fixed2())
    }

    fn en(&self) -> String {
        // A hundredth of 万元 is 100 yuan.
        let yuan = self.0.hundredths() * 100;
        let digits = yuan.unsigned_abs().to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if yuan < 0 { "-" } else { "" };
        format!("CNY {sign}{grouped}")
    }
}

/// A funding scheme in words, its sums in the reader's units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchemeWords(pub crate::domain::register::Scheme);

impl Say for SchemeWords {
    fn zh(&self) -> String {
        self.0.zh().to_string()
    }

    fn en(&self) -> String {
        use crate::domain::register::Scheme;
        match self.0 {
            Scheme::Huangpu => "Huangpu (CNY 500,000 per annual pass)".into(),
            Scheme::Chongqing => {
                "Chongqing (CNY 500,000: 40% on approval, 60% on acceptance)".into()
            }
        }
    }
}
