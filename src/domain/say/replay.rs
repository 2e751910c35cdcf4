//! What replaying a history finds, in both languages.

use crate::domain::replay::{ReplayFault, Told};
use crate::lang::Say;

impl Say for Told {
    fn zh(&self) -> String {
        match self {
            Told::Card {
                stage,
                expert,
                dossier,
            } => format!(
                "{}阶段专家 {expert} 对申报书 {dossier} 的评分表",
                stage.zh()
            ),
            Told::Centre { code } => format!("统一社会信用代码为 {code} 的中心"),
        }
    }

    fn en(&self) -> String {
        match self {
            Told::Card {
                stage,
                expert,
                dossier,
            } => format!("the card {} / {expert} / {dossier}", stage.key()),
            Told::Centre { code } => format!("centre {code}"),
        }
    }
}

impl Say for ReplayFault {
    fn zh(&self) -> String {
        match self {
            ReplayFault::NoItem { seq } => format!("第 {seq} 条记录未写明评分项"),
            ReplayFault::NotPoints { seq, value } if value.is_empty() => {
                format!("第 {seq} 条记录未给出分值")
            }
            ReplayFault::NotPoints { seq, value } => {
                format!("第 {seq} 条记录中的“{value}”不是有效分值")
            }
            ReplayFault::NoCard { seq } => format!("第 {seq} 条导入记录未附评分表"),
            ReplayFault::CardUnread { seq } => format!("第 {seq} 条导入记录中的评分表无法读取"),
            ReplayFault::CardScore { seq, item, value } => {
                format!("第 {seq} 条导入记录中评分项 {item} 的“{value}”不是有效分值")
            }
            ReplayFault::NoEvent { seq } => format!("第 {seq} 条登记簿记录未写明所记事项"),
            ReplayFault::NoHistory { told } => format!("{}在审计日志中没有记录", told.zh()),
            ReplayFault::Twice { told } => format!("{}存储了两份", told.zh()),
            ReplayFault::Scores {
                told,
                held,
                history,
            } => format!(
                "{}存有的分数为 {held}，而按审计记录应为 {history}",
                told.zh()
            ),
            ReplayFault::Comments { told } => format!("{}的评语与审计记录不符", told.zh()),
            ReplayFault::Status { told } => format!("{}的提交状态与审计记录不符", told.zh()),
            ReplayFault::Records { told } => format!("{}的登记信息与审计日志不符", told.zh()),
            ReplayFault::NotStored { told } => match told {
                Told::Centre { .. } => {
                    format!("{}在审计日志中有记载，但在册中心登记簿中没有", told.zh())
                }
                Told::Card { .. } => {
                    format!("{}在审计日志中有记载，但存储中没有该评分表", told.zh())
                }
            },
        }
    }

    fn en(&self) -> String {
        match self {
            ReplayFault::NoItem { seq } => format!("entry {seq} names no item"),
            ReplayFault::NotPoints { seq, value } if value.is_empty() => {
                format!("entry {seq} gives no score")
            }
            ReplayFault::NotPoints { seq, value } => format!("entry {seq} has the score '{value}'"),
            ReplayFault::NoCard { seq } => format!("entry {seq} imports no card"),
            ReplayFault::CardUnread { seq } => {
                format!("entry {seq} holds a card that does not read")
            }
            ReplayFault::CardScore { seq, item, value } => {
                format!("entry {seq} holds a card whose score for {item} is '{value}'")
            }
            ReplayFault::NoEvent { seq } => format!("entry {seq} does not name an event"),
            ReplayFault::NoHistory { told } => {
                format!("{} has no history in the audit log", told.en())
            }
            ReplayFault::Twice { told } => format!("{} is stored twice", told.en()),
            ReplayFault::Scores {
                told,
                held,
                history,
            } => format!(
                "{} holds scores {held} but its history says {history}",
                told.en()
            ),
            ReplayFault::Comments { told } => {
                format!("{} holds comments its history does not", told.en())
            }
            ReplayFault::Status { told } => {
                format!("{} has a status its history does not", told.en())
            }
            ReplayFault::Records { told } => {
                format!("{} holds a history its audit log does not", told.en())
            }
            ReplayFault::NotStored { told } => match told {
                Told::Centre { .. } => {
                    format!("{} is in the audit log but not in the register", told.en())
                }
                Told::Card { .. } => {
                    format!("{} is in the audit log but not in the store", told.en())
                }
            },
        }
    }
}
