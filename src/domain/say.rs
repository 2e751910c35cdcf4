//! The domain's refusals in both languages: scores, cards, decisions, numbers.
//! Bundle refusals are in `say/merge.rs`. No command-line flag is named here;
//! the command line adds its own hints.

mod centre;
mod eligibility;
mod excuse;
mod merge;
mod pending;
mod pin;
mod replay;

use super::calendar::CalendarError;
use super::card::Gaps;
use super::decision::DecisionError;
use super::outcome::OutcomeError;
use super::points::PointsError;
use super::rank::RankError;
use super::round::Stage;
use super::scoring::{Reasoned, Refusal};
use super::sheet::ValueError;
use crate::lang::Say;

impl Say for Stage {
    fn zh(&self) -> String {
        match self {
            Stage::Preliminary => "第三方初审",
            Stage::Expert => "专家评审",
        }
        .to_string()
    }

    fn en(&self) -> String {
        match self {
            Stage::Preliminary => "preliminary",
            Stage::Expert => "expert",
        }
        .to_string()
    }
}

impl Say for ValueError {
    fn zh(&self) -> String {
        match self {
            ValueError::NoSuchItem(item, known) => {
                format!("评分表上没有评分项“{item}”；评分项有：{known}")
            }
            ValueError::AboveMax {
                item,
                value,
                max,
                step,
            } => format!("{value} 超过评分项 {item} 的满分：允许 0 至 {max} 分，每档 {step} 分"),
            ValueError::OffStep {
                item,
                value,
                max,
                step,
            } => format!("{value} 不在评分项 {item} 的档位上：允许 0 至 {max} 分，每档 {step} 分"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for Reasoned {
    fn zh(&self) -> String {
        match self {
            Reasoned::Reopen => "重新打开评分表",
            Reasoned::Recusal => "声明回避",
            Reasoned::Excuse => "登记专家缺席",
            Reasoned::PinReset => "重置 PIN 码",
            Reasoned::PinRequire => "要求专家输入 PIN 码",
            Reasoned::PinRelease => "不再要求专家输入 PIN 码",
        }
        .to_string()
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

/// The items a card still lacks, in the given language's words.
fn gaps(g: &Gaps, zh: bool) -> String {
    let mut parts = Vec::new();
    if !g.missing.is_empty() {
        parts.push(if zh {
            format!("尚未评分的项：{}", g.missing.join("、"))
        } else {
            format!("items not scored: {}", g.missing.join(", "))
        });
    }
    if !g.comments.is_empty() {
        parts.push(if zh {
            format!("需要填写意见的项：{}", g.comments.join("、"))
        } else {
            format!("items that need a comment: {}", g.comments.join(", "))
        });
    }
    parts.join(if zh { "；" } else { "; " })
}

impl Say for Refusal {
    fn zh(&self) -> String {
        match self {
            Refusal::NotOnPanel {
                round,
                expert,
                panel,
            } => format!("专家“{expert}”不在轮次 {round} 的评审名单上；名单为：{panel}"),
            Refusal::NoSuchDossier {
                round,
                dossier,
                known,
            } => format!("轮次 {round} 中没有申报书“{dossier}”；申报书有：{known}"),
            Refusal::Value(v) => v.zh(),
            Refusal::NoReason { what } => format!("{}需要填写理由", what.zh()),
            Refusal::Recused {
                expert,
                dossier,
                reason,
            } => format!("专家 {expert} 已回避申报书 {dossier}（{reason}），该评分表不能评分"),
            Refusal::Submitted { expert, dossier } => format!(
                "专家 {expert} 对申报书 {dossier} 的评分表已提交，只读；秘书可填写理由后重新打开"
            ),
            Refusal::Incomplete {
                expert,
                dossier,
                gaps: g,
            } => format!(
                "专家 {expert} 对申报书 {dossier} 的评分表还不能提交：{}",
                gaps(g, true)
            ),
            Refusal::NotSubmitted { expert, dossier } => {
                format!("专家 {expert} 对申报书 {dossier} 的评分表尚未提交，无需重新打开")
            }
            Refusal::Blind { expert, dossier } => format!(
                "专家 {expert} 须先提交本人对申报书 {dossier} 的评分，才能查看其他专家的评分"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Refusal::Value(v) => v.en(),
            other => other.to_string(),
        }
    }
}

impl Say for DecisionError {
    fn zh(&self) -> String {
        match self {
            DecisionError::NoReason => "决定需要填写理由".to_string(),
            DecisionError::TooFew(n) => format!("并列至少要有两份申报书，而不是 {n} 份"),
            DecisionError::Twice(d) => format!("申报书 {d} 被列出了两次"),
            DecisionError::NotTied(d) => format!("申报书 {d} 不在并列的申报书中"),
            DecisionError::Incomplete(missing) => {
                format!("排序必须列出全部并列的申报书；缺少：{missing}")
            }
            DecisionError::AdmitNoneOrAll => {
                "请录取并列申报书中的一部分，不能一份都不录取，也不能全部录取".to_string()
            }
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for PointsError {
    fn zh(&self) -> String {
        match self {
            PointsError::NotFinite(v) => format!("分数必须是有限的数，而不是 {v}"),
            PointsError::Negative(v) => format!("分数不能为负（读到 {v}）"),
            PointsError::TooPrecise(v) => format!("分数最多两位小数（读到 {v}）"),
            PointsError::TooLarge(v) => format!("{v} 太大"),
            PointsError::NotANumber(v) => format!("“{v}”不是数字，应写作 7 或 7.5 这样的数"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for OutcomeError {
    fn zh(&self) -> String {
        match self {
            OutcomeError::NoAcceptanceRule(sheet) => format!("评分表 {sheet} 没有验收规则"),
            OutcomeError::NoPassLine { sheet, year } => {
                format!("评分表 {sheet} 没有第 {year} 年度的及格线")
            }
            OutcomeError::NoSuchYear(y) => format!("年度考核的年度是 {y}，只允许 1 或 2"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for RankError {
    fn zh(&self) -> String {
        match self {
            RankError::NoSuchStage(stage) => {
                let name = match *stage {
                    "preliminary" => Stage::Preliminary.zh(),
                    "expert" => Stage::Expert.zh(),
                    other => other.to_string(),
                };
                format!("本轮次没有“{name}”阶段；只有认定轮次有第三方初审阶段")
            }
            RankError::Outcome(e) => e.zh(),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for CalendarError {
    fn zh(&self) -> String {
        match self {
            CalendarError::OutOfRange {
                id,
                date,
                first,
                last,
            } => format!("{date} 不在日历 {id} 的范围内（{first}–{last} 年）"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for super::agency::AgencyError {
    fn zh(&self) -> String {
        use super::agency::AgencyError as E;
        match self {
            E::NoReason => "确定保留服务机构的申报书须填写理由".to_string(),
            E::NoClash { round, code, over } if over.is_empty() => format!(
                "轮次 {round} 中没有参与服务的申报主体超过限额的服务机构，统一社会信用代码 {code} 无需确定"
            ),
            E::NoClash { round, code, over } => format!(
                "轮次 {round} 中统一社会信用代码为 {code} 的服务机构未超过限额；超过限额的服务机构：{}",
                over.join("、")
            ),
            E::TooMany { code, limit, given } => {
                format!("服务机构 {code} 至多由 {limit} 份申报书保留，而所列为 {given} 份")
            }
            E::NotNaming {
                code,
                dossier,
                naming,
            } => format!(
                "申报书 {dossier} 未联合服务机构 {code}；联合该机构的申报书为 {}",
                naming.join("、")
            ),
            E::Twice(d) => format!("申报书 {d} 被列出了两次"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}
