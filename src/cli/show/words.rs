//! The words of `score show`: column heads, a card's status and stage, the
//! line above one card and the recusals below, in both languages.

use crate::domain::Points;
use crate::domain::card::Status;
use crate::domain::round::Stage;
use crate::lang::Say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    Status(Status),
    Stage(Stage),
    NoCards,
    /// The heads of the list of cards.
    ListHeads,
    /// The heads of one card's items.
    CardHeads,
    /// The line above one card.
    CardHead {
        round: String,
        stage: Stage,
        expert: String,
        dossier: String,
        status: Status,
        total: Points,
    },
    Recused {
        expert: String,
        dossier: String,
        reason: String,
    },
}

/// Heads separated by a tab, split again by the table.
const LIST_ZH: &str = "阶段\t专家\t申报书\t申报单位\t状态\t已评\t合计\t更新时间";
const LIST_EN: &str = "Stage\tExpert\tDossier\tApplicant\tStatus\tScored\tTotal\tUpdated";

impl Say for Word {
    fn zh(&self) -> String {
        match self {
            Word::Status(Status::Draft) => "草稿".to_string(),
            Word::Status(Status::Submitted) => "已提交".to_string(),
            Word::Stage(Stage::Preliminary) => "初审".to_string(),
            Word::Stage(Stage::Expert) => "专家评审".to_string(),
            Word::NoCards => "没有符合条件的评分表".to_string(),
            Word::ListHeads => LIST_ZH.to_string(),
            Word::CardHeads => "评分项\t名称\t得分\t满分\t意见".to_string(),
            Word::CardHead {
                round,
                stage,
                expert,
                dossier,
                status,
                total,
            } => format!(
                "{round} · {} · 专家 {expert} · 申报书 {dossier} · {} · 合计 {}",
                Word::Stage(*stage).zh(),
                Word::Status(*status).zh(),
                total.fixed2()
            ),
            Word::Recused {
                expert,
                dossier,
                reason,
            } => format!("回避：专家 {expert} — 申报书 {dossier}（{reason}）"),
        }
    }

    fn en(&self) -> String {
        match self {
            Word::Status(Status::Draft) => "draft".to_string(),
            Word::Status(Status::Submitted) => "submitted".to_string(),
            Word::Stage(Stage::Preliminary) => "preliminary".to_string(),
            Word::Stage(Stage::Expert) => "expert".to_string(),
            Word::NoCards => "no scorecards match".to_string(),
            Word::ListHeads => LIST_EN.to_string(),
            Word::CardHeads => "Item\tTitle\tScore\tMax\tComment".to_string(),
            Word::CardHead {
                round,
                stage,
                expert,
                dossier,
                status,
                total,
            } => format!(
                "{round} · {} · expert {expert} · dossier {dossier} · {} · total {}",
                Word::Stage(*stage).en(),
                Word::Status(*status).en(),
                total.fixed2()
            ),
            Word::Recused {
                expert,
                dossier,
                reason,
            } => format!("recused: expert {expert} — dossier {dossier} ({reason})"),
        }
    }
}
