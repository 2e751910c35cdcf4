//! Why a ranking is not final yet, one thing at a time, in both languages.

use crate::domain::ranking::{Boundary, Pending};
use crate::lang::Say;

impl Say for Pending {
    fn zh(&self) -> String {
        match self {
            Pending::Tie {
                dossiers,
                boundary: Boundary::Cap { cap },
            } => format!("{} 在名额 {cap} 处并列，待秘书决定", dossiers.join("、")),
            Pending::Tie { dossiers, .. } => format!("{} 并列，待决定", dossiers.join("、")),
            Pending::Unscored { dossier } => format!("申报书 {dossier} 尚无完整的专家组评分"),
            Pending::Shortlist => "初审入围名单尚未最终确定".to_string(),
            Pending::Card {
                expert,
                dossier,
                draft: true,
            } => format!("专家 {expert} 对申报书 {dossier} 的评分表仍是草稿"),
            Pending::Card {
                expert, dossier, ..
            } => format!("专家 {expert} 尚未提交申报书 {dossier} 的评分表"),
            Pending::Agency {
                credit_code,
                name,
                limit,
                dossiers,
            } => format!(
                "服务机构{name}（{credit_code}）参与服务的申报主体超过 {limit} 家（{}），尚未确定保留该机构的申报书",
                dossiers.join("、")
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Pending::Tie {
                dossiers,
                boundary: Boundary::Cap { cap },
            } => format!(
                "{} are level across the cap of {cap} and await the secretary's decision",
                dossiers.join(", ")
            ),
            Pending::Tie { dossiers, .. } => {
                format!("{} are level and await a decision", dossiers.join(", "))
            }
            Pending::Unscored { dossier } => {
                format!("dossier {dossier} has no complete panel score yet")
            }
            Pending::Shortlist => "the preliminary shortlist is not final".to_string(),
            Pending::Card {
                expert,
                dossier,
                draft: true,
            } => format!("the card of expert {expert} for dossier {dossier} is a draft"),
            Pending::Card {
                expert, dossier, ..
            } => format!("expert {expert} has no card for dossier {dossier}"),
            Pending::Agency {
                credit_code,
                name,
                limit,
                dossiers,
            } => format!(
                "service agency {name} ({credit_code}) serves more than {limit} applicants ({}); the dossiers that keep it are not chosen yet",
                dossiers.join(", ")
            ),
        }
    }
}
