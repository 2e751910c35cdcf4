//! Why a centre's event cannot happen now, in both languages.

use crate::domain::lifecycle::{LifecycleError, NotNow, Reasoned, State, Step, Unpublished};
use crate::domain::register::{Broken, Uncorrectable};
use crate::lang::Say;

/// The step the state allows next.
fn next_zh(s: &State) -> &'static str {
    match s {
        State::Recognised { .. } => "下一步是第一年度考核",
        State::Year1Passed { .. } => "下一步是第二年度考核",
        State::Rectifying { year: 1, .. } => "下一步是第一年度整改复核",
        State::Rectifying { .. } => "下一步是第二年度整改复核",
        State::Completed { .. } => "已通过期末验收，不再考核",
        _ => "已不再持有称号，不能再考核或变更",
    }
}

fn next_en(s: &State) -> &'static str {
    match s {
        State::Recognised { .. } => "the next step is the year-1 assessment",
        State::Year1Passed { .. } => "the next step is the year-2 assessment",
        State::Rectifying { year: 1, .. } => "the next step is the re-assessment of year 1",
        State::Rectifying { .. } => "the next step is the re-assessment of year 2",
        State::Completed { .. } => "final acceptance is passed; nothing further is assessed",
        _ => "it no longer holds the title and cannot be assessed or changed",
    }
}

fn step_zh(s: Step) -> String {
    match s {
        Step::Year1 => "第一年度考核".to_string(),
        Step::Year2 => "第二年度考核".to_string(),
        Step::Reassessment => "整改复核".to_string(),
        Step::Withdrawal => "退出".to_string(),
        Step::Recognition => "重新认定".to_string(),
        Step::Publicity(n) => format!("{}的公示", n.zh()),
        Step::PublicityEnd => "公示结束日".to_string(),
        Step::Ruling(n) => format!("对第 {n} 号异议的裁定"),
    }
}

fn step_en(s: Step) -> String {
    match s {
        Step::Year1 => "the year-1 assessment".to_string(),
        Step::Year2 => "the year-2 assessment".to_string(),
        Step::Reassessment => "the re-assessment".to_string(),
        Step::Withdrawal => "the withdrawal".to_string(),
        Step::Recognition => "the new recognition".to_string(),
        Step::Publicity(n) => format!("the publicity of the {}", n.en()),
        Step::PublicityEnd => "the end of the publicity".to_string(),
        Step::Ruling(n) => format!("the ruling on objection {n}"),
    }
}

fn numbers(ns: &[u32], sep: &str) -> String {
    ns.iter().map(u32::to_string).collect::<Vec<_>>().join(sep)
}

impl Say for LifecycleError {
    fn zh(&self) -> String {
        match self {
            LifecycleError::NotNow(s, why) => {
                let why = match why {
                    NotNow::RecognisedAgain => {
                        format!("已认定并持有称号，不能再次认定；{}", next_zh(s))
                    }
                    NotNow::NoTitle => "已不再持有称号，不能再考核或变更".to_string(),
                    NotNow::OtherStep => next_zh(s).to_string(),
                    NotNow::NotPublished => "已不再持有称号，没有可公示的结果".to_string(),
                };
                format!("该中心目前{}；{why}", s.zh())
            }
            LifecycleError::TooEarly { what, on, since } => {
                format!("{}的日期 {on} 早于 {since}", step_zh(*what))
            }
            LifecycleError::NotRecognised => "中心的第一个事件必须是认定".to_string(),
            LifecycleError::Barred { until } => {
                format!("该中心在 {until} 之前不得再次申报；当天或之后方可再次认定")
            }
            LifecycleError::NothingToPublish(Unpublished::Failed(year)) => format!(
                "最近的结果是第{}年度考核不合格；只公示认定结果和考核合格",
                year_zh(*year)
            ),
            LifecycleError::NothingToPublish(Unpublished::NoPeriod) => {
                "该中心没有正在公示的结果；异议只能在公示期内登记".to_string()
            }
            LifecycleError::AlreadyPublished { what, from, until } => {
                format!("{}已于 {from} 至 {until} 公示过", what.zh())
            }
            LifecycleError::OutsidePeriod {
                on,
                what,
                from,
                until,
            } => format!(
                "{on} 提出的异议不在{}的公示期（{from} 至 {until}）内；异议只在公示期内登记",
                what.zh()
            ),
            LifecycleError::NoSuchObjection { number, open } if open.is_empty() => {
                format!("没有第 {number} 号异议；目前没有待裁定的异议")
            }
            LifecycleError::NoSuchObjection { number, open } => format!(
                "没有第 {number} 号异议；待裁定的异议：{}",
                numbers(open, "、")
            ),
            LifecycleError::AlreadyRuled { number, on, upheld } => format!(
                "第 {number} 号异议已于 {on} 裁定（{}）",
                if *upheld {
                    "异议成立"
                } else {
                    "异议不成立"
                }
            ),
            LifecycleError::NoReason(what) => format!(
                "{}需要填写理由",
                match what {
                    Reasoned::Withdrawal => "退出",
                    Reasoned::Objection => "异议",
                    Reasoned::Ruling => "异议裁定",
                }
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            LifecycleError::NotNow(s, why) => {
                let why = match why {
                    NotNow::RecognisedAgain => format!(
                        "it was recognised and holds the title, so it may not be recognised again; {}",
                        next_en(s)
                    ),
                    NotNow::NoTitle => {
                        "it no longer holds the title and cannot be assessed or changed".to_string()
                    }
                    NotNow::OtherStep => next_en(s).to_string(),
                    NotNow::NotPublished => {
                        "it no longer holds the title; nothing of it is published".to_string()
                    }
                };
                format!("the centre is {}; {why}", s.key())
            }
            LifecycleError::TooEarly { what, on, since } => {
                format!("{} on {on} is before {since}", step_en(*what))
            }
            LifecycleError::NotRecognised => {
                "the first event of a centre must be its recognition".to_string()
            }
            LifecycleError::Barred { until } => format!(
                "the centre is barred from applying again until {until}; it may be recognised on or after that day"
            ),
            LifecycleError::NothingToPublish(Unpublished::Failed(year)) => format!(
                "the latest result is the failed year-{year} assessment; only a recognition or a passed assessment is published"
            ),
            LifecycleError::NothingToPublish(Unpublished::NoPeriod) => {
                "no result of the centre is being published; an objection is recorded during a publicity period".to_string()
            }
            LifecycleError::AlreadyPublished { what, from, until } => {
                format!("the {} was already published from {from} to {until}", what.en())
            }
            LifecycleError::OutsidePeriod {
                on,
                what,
                from,
                until,
            } => format!(
                "an objection lodged on {on} is outside the publicity period of the {}, from {from} to {until}; objections are recorded only during the period",
                what.en()
            ),
            LifecycleError::NoSuchObjection { number, open } if open.is_empty() => {
                format!("objection {number} does not exist; no objection awaits a ruling")
            }
            LifecycleError::NoSuchObjection { number, open } => format!(
                "objection {number} does not exist; objections awaiting a ruling: {}",
                numbers(open, ", ")
            ),
            LifecycleError::AlreadyRuled { number, on, upheld } => format!(
                "objection {number} was already ruled on {on} ({})",
                if *upheld { "upheld" } else { "dismissed" }
            ),
            LifecycleError::NoReason(what) => format!(
                "{} needs a reason",
                match what {
                    Reasoned::Withdrawal => "a withdrawal",
                    Reasoned::Objection => "an objection",
                    Reasoned::Ruling => "a ruling on an objection",
                }
            ),
        }
    }
}

fn year_zh(year: u8) -> &'static str {
    match year {
        1 => "一",
        2 => "二",
        _ => "某",
    }
}

impl Say for Broken {
    fn zh(&self) -> String {
        format!(
            "中心 {} 的第 {} 个事件不能成立：{}",
            self.code,
            self.index + 1,
            self.error.zh()
        )
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for Uncorrectable {
    fn zh(&self) -> String {
        match self {
            Uncorrectable::NoSuchEvent { number, count } => {
                format!("没有第 {number} 个事件；该中心共有 {count} 个事件")
            }
            Uncorrectable::Void { number } => format!("第 {number} 个事件已作废"),
            Uncorrectable::Publicity { number } => format!(
                "第 {number} 个事件是公示期，按工作日从首日起算，不能改日期；请作废后重新公示"
            ),
            Uncorrectable::Impossible(b) => format!("更正后的历史不能成立：{}", b.zh()),
        }
    }

    fn en(&self) -> String {
        match self {
            Uncorrectable::Impossible(b) => {
                format!("the corrected history cannot have happened: {}", b.en())
            }
            other => other.to_string(),
        }
    }
}
