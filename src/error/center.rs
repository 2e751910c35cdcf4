//! What the register's commands (`center …`) refuse, in both languages. These
//! name flags: the command line is where the reader typed them.

use chrono::NaiveDate;

use super::Exit;
use crate::domain::Points;
use crate::domain::calendar::CalendarError;
use crate::domain::points::PointsError;
use crate::domain::problem::CodeProblem;
use crate::domain::ranking::{Pending, Status};
use crate::domain::register::{Broken, OverYearlyLimit, Scheme, Uncorrectable};
use crate::domain::round::RoundKind;
use crate::lang::Say;

#[derive(Debug, thiserror::Error)]
pub enum CenterError {
    #[error("{flag} {given}: not a date; write the day as YYYY-MM-DD, e.g. 2025-07-01")]
    NotADate { flag: &'static str, given: String },
    /// A day after today: a centre's events have happened.
    #[error(
        "{flag} {given}: the day is after today ({today}); a register records what has happened"
    )]
    Future {
        flag: &'static str,
        given: NaiveDate,
        today: NaiveDate,
    },
    #[error("--code {given}: {}", .problem.en())]
    BadCode { given: String, problem: CodeProblem },
    #[error("--score {given}: {error}; allowed are 0 to 100 with at most 2 decimals, e.g. 72.5")]
    BadScore { given: String, error: PointsError },
    #[error(
        "--score {given}: an annual assessment is scored out of 100; allowed are 0 to 100 with at most 2 decimals, e.g. 72.5"
    )]
    ScoreOver100 { given: String },
    #[error("--name: the centre's name is empty; give the applicant's registered name")]
    NoName,
    #[error("give --round R, or --code and --name for one centre")]
    RoundOrCode,
    #[error("give the score with --score, or an annual round with --round")]
    ScoreOrRound,
    #[error("--date is needed with --score: the day of the assessment, as YYYY-MM-DD")]
    DateWithScore,
    /// Centres enter the register from a recognition round only.
    #[error(
        "--round {round}: it is not a recognition round; centres enter the register from a recognition round's selection"
    )]
    NotRecognition { round: String, kind: RoundKind },
    /// An assessment's score comes from an annual round only.
    #[error(
        "--round {round}: it is not an annual assessment round; an assessment takes its score from an annual round, or give it with --score"
    )]
    NotAnnual { round: String, kind: RoundKind },
    #[error(
        "the ranking of round {round} is not final; centres are registered from a final selection"
    )]
    NotFinal {
        round: String,
        pending: Vec<Pending>,
    },
    #[error("--date {on}: recognition cannot come before the round's review day {review}")]
    BeforeReview { on: NaiveDate, review: NaiveDate },
    /// No dossier of the round has the centre's code: (dossier, code) of each.
    #[error("--round {round}: no dossier of the round has the credit code {code}")]
    NoDossier {
        round: String,
        code: String,
        known: Vec<(String, String)>,
    },
    #[error("dossier {dossier} of round {round} has no complete panel score")]
    NoPanelScore {
        round: String,
        dossier: String,
        status: Option<Status>,
    },
    /// The round's sheet passes the year at another line than the scheme.
    #[error("--round {round}: its sheet passes year {year} at {sheet}, but the {} scheme passes it at {line}; give the score with --score", .scheme.key())]
    OtherLine {
        round: String,
        year: u8,
        sheet: Points,
        line: Points,
        scheme: Scheme,
    },
    #[error(transparent)]
    YearlyLimit(OverYearlyLimit),
    /// A stored history that no longer replays.
    #[error(transparent)]
    Broken(Broken),
    #[error("--from {from}: {error}; give a calendar that covers the period with --calendar FILE")]
    Calendar {
        from: NaiveDate,
        error: CalendarError,
    },
    #[error(
        "--round {round}: no centre's latest result from this round awaits publicity; name centres with --code"
    )]
    NothingToPublish { round: String },
    #[error("--reason: a correction needs its reason, for the record")]
    NoCorrectionReason,
    /// `center amend` or `center void` would leave a wrong history.
    #[error(transparent)]
    Uncorrectable(Uncorrectable),
}

impl CenterError {
    pub fn exit(&self) -> Exit {
        match self {
            CenterError::NotFinal { .. }
            | CenterError::NoPanelScore { .. }
            | CenterError::Uncorrectable(Uncorrectable::Impossible(_)) => Exit::Refused,
            CenterError::Broken(_) => Exit::Failure,
            _ => Exit::BadInput,
        }
    }
}

fn kind_zh(kind: &RoundKind) -> String {
    match kind {
        RoundKind::Recognition => "这是认定评审轮次".to_string(),
        RoundKind::Annual { year } => format!("这是第 {year} 年度考核轮次"),
        RoundKind::Acceptance => "这是验收轮次（只核对指标，不打分）".to_string(),
    }
}

fn kind_en(kind: &RoundKind) -> String {
    match kind {
        RoundKind::Recognition => "it is a recognition round".to_string(),
        RoundKind::Annual { year } => format!("it is a year-{year} annual assessment round"),
        RoundKind::Acceptance => "it is an acceptance round (indicators, no score)".to_string(),
    }
}

impl Say for CenterError {
    fn zh(&self) -> String {
        match self {
            CenterError::NotADate { flag, given } => {
                format!("{flag} {given}：不是日期；请写成 年-月-日，例如 2025-07-01")
            }
            CenterError::Future { flag, given, today } => {
                format!("{flag} {given}：晚于今天（{today}）；登记簿只记录已经发生的事")
            }
            CenterError::BadCode { given, problem } => {
                format!("--code {given}：{}", problem.zh())
            }
            CenterError::BadScore { given, error } => format!(
                "--score {given}：{}；允许 0 至 100，最多两位小数，例如 72.5",
                error.zh()
            ),
            CenterError::ScoreOver100 { given } => format!(
                "--score {given}：年度考核满分为 100 分；允许 0 至 100，最多两位小数，例如 72.5"
            ),
            CenterError::NoName => "--name：中心名称为空；请填写申报单位的登记名称".to_string(),
            CenterError::RoundOrCode => {
                "请用 --round 指定评审轮次，或用 --code 和 --name 登记一个中心".to_string()
            }
            CenterError::ScoreOrRound => {
                "请用 --score 给出分数，或用 --round 指定年度考核轮次".to_string()
            }
            CenterError::DateWithScore => {
                "使用 --score 时还需要 --date：考核日期，写成 年-月-日".to_string()
            }
            CenterError::NotRecognition { round, kind } => format!(
                "--round {round}：{}；中心只能从认定评审轮次的入选名单登记",
                kind_zh(kind)
            ),
            CenterError::NotAnnual { round, kind } => format!(
                "--round {round}：{}；考核分数取自年度考核轮次，或用 --score 直接给出",
                kind_zh(kind)
            ),
            CenterError::NotFinal { round, pending } => format!(
                "轮次 {round} 的排名尚未最终确定（{}）；中心须从最终入选名单登记",
                pending.iter().map(Say::zh).collect::<Vec<_>>().join("；")
            ),
            CenterError::BeforeReview { on, review } => {
                format!("--date {on}：认定日期不能早于该轮次的评审日 {review}")
            }
            CenterError::NoDossier { round, code, known } => format!(
                "--round {round}：该轮次没有统一社会信用代码为 {code} 的申报书；其申报书为：{}",
                known
                    .iter()
                    .map(|(d, c)| format!("{d} {c}"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            CenterError::NoPanelScore {
                round,
                dossier,
                status,
            } => format!(
                "轮次 {round} 的申报书 {dossier} 尚无完整的专家组评分（{}）；所有计分专家提交后才能记录",
                status.map_or("未排名", |s| s.zh())
            ),
            CenterError::OtherLine {
                round,
                year,
                sheet,
                line,
                scheme,
            } => format!(
                "--round {round}：其评分表第 {year} 年度合格线为 {sheet}，而{}方案的合格线为 {line}；请用 --score 直接给出分数",
                scheme.short_zh()
            ),
            CenterError::YearlyLimit(e) => e.zh(),
            CenterError::NoCorrectionReason => "--reason：更正须写明理由，以备查".to_string(),
            CenterError::Uncorrectable(e) => e.zh(),
            CenterError::Broken(e) => e.zh(),
            CenterError::Calendar { from, error } => format!(
                "--from {from}：{}；请用 --calendar 文件 指定覆盖公示期的节假日日历",
                error.zh()
            ),
            CenterError::NothingToPublish { round } => format!(
                "--round {round}：没有中心的最近一次结果来自该轮次且待公示（认定或尚未公示的合格结果）；请用 --code 指定中心"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            CenterError::BadScore { given, error } => format!(
                "--score {given}: {}; allowed are 0 to 100 with at most 2 decimals, e.g. 72.5",
                error.en()
            ),
            CenterError::NotRecognition { round, kind } => format!(
                "--round {round}: {}; centres enter the register from a recognition round's selection",
                kind_en(kind)
            ),
            CenterError::NotAnnual { round, kind } => format!(
                "--round {round}: {}; an assessment takes its score from an annual round, or give it with --score",
                kind_en(kind)
            ),
            CenterError::NotFinal { round, pending } => format!(
                "the ranking of round {round} is not final ({}); centres are registered from a final selection",
                pending.iter().map(Say::en).collect::<Vec<_>>().join("; ")
            ),
            CenterError::NoDossier { round, code, known } => format!(
                "--round {round}: no dossier of the round has the credit code {code}; its dossiers are: {}",
                known
                    .iter()
                    .map(|(d, c)| format!("{d} {c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            CenterError::NoPanelScore {
                round,
                dossier,
                status,
            } => format!(
                "dossier {dossier} of round {round} has no complete panel score ({}); it is recorded once every counted expert has submitted",
                status.map_or("not ranked", |s| s.en())
            ),
            CenterError::OtherLine {
                round,
                year,
                sheet,
                line,
                scheme,
            } => format!(
                "--round {round}: its sheet passes year {year} at {sheet}, but the {} scheme passes it at {line}; give the score with --score",
                scheme.key()
            ),
            CenterError::YearlyLimit(e) => e.en(),
            CenterError::Uncorrectable(e) => e.en(),
            CenterError::Broken(e) => e.en(),
            CenterError::Calendar { from, error } => format!(
                "--from {from}: {}; give a calendar that covers the period with --calendar FILE",
                error.en()
            ),
            CenterError::NothingToPublish { round } => format!(
                "--round {round}: no centre's latest result from this round awaits publicity (a recognition or a pass not yet published); name centres with --code"
            ),
            other => other.to_string(),
        }
    }
}
