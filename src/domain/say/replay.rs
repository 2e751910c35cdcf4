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
            } => format!("{}中专家 {expert} 对 {dossier} 的评分表", stage.zh()),
            Told::Centre { code } => format!("中心 {code}"),
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
            ReplayFault::NotPoints { seq, value } => {
                format!("第 {seq} 条记录的分值“{value}”不是分数")
            }
            ReplayFault::NoCard { seq } => format!("第 {seq} 条记录导入的评分表是空的"),
            ReplayFault::CardUnread { seq } => format!("第 {seq} 条记录中的评分表无法读取"),
            ReplayFault::NoEvent { seq } => format!("第 {seq} 条记录未写明事项"),
            ReplayFault::NoHistory { told } => format!("{}在审计日志中没有记录", told.zh()),
            ReplayFault::Scores {
                told,
                held,
                history,
            } => format!("{}存有分数 {held}，而按其记录应为 {history}", told.zh()),
            ReplayFault::Comments { told } => format!("{}的评语与其记录不同", told.zh()),
            ReplayFault::Status { told } => format!("{}的提交状态与其记录不同", told.zh()),
            ReplayFault::Records { told } => format!("{}的记录与其审计日志不同", told.zh()),
            ReplayFault::NotStored { told } => format!("{}在审计日志中有记录，但未存储", told.zh()),
        }
    }

    fn en(&self) -> String {
        match self {
            ReplayFault::NoItem { seq } => format!("entry {seq} names no item"),
            ReplayFault::NotPoints { seq, value } => format!("entry {seq} has the score '{value}'"),
            ReplayFault::NoCard { seq } => format!("entry {seq} imports no card"),
            ReplayFault::CardUnread { seq } => {
                format!("entry {seq} holds a card that does not read")
            }
            ReplayFault::NoEvent { seq } => format!("entry {seq} does not name an event"),
            ReplayFault::NoHistory { told } => {
                format!("{} has no history in the audit log", told.en())
            }
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
