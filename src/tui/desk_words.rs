//! What the secretary's desk says: what the ranking rests on, what is left
//! before it is final, each decision, and each row of the completeness tab.

use crate::lang::Say;

/// The secretary's desk: what the ranking rests on, and what is left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Desk {
    Shortlist {
        places: u32,
        eligible: u32,
        all_in: bool,
        actual: usize,
    },
    Selection {
        cap: u32,
        min: Option<String>,
    },
    /// What stands between the ranking and a final result, counted.
    Pending {
        unscored: usize,
        ties: usize,
        shortlist: bool,
        conflicts: usize,
        owed: usize,
        /// Anything else the ranking lists as pending.
        other: usize,
    },
    /// A decision on a tie: who took the place(s), of which level dossiers.
    Decided {
        took: Vec<String>,
        tied: Vec<String>,
        reason: String,
        by: String,
    },
}

impl Say for Desk {
    fn zh(&self) -> String {
        match self {
            Desk::Shortlist {
                all_in: true,
                eligible,
                places,
                ..
            } => {
                format!("入围：全部 {eligible} 份合格申报书（不足 {places} 名）")
            }
            Desk::Shortlist { places, actual, .. } if *actual as u32 > *places => {
                format!("入围：前 {places} 名 · 实际 {actual}（含并列）")
            }
            Desk::Shortlist { places, actual, .. } => {
                format!("入围：前 {places} 名 · 实际 {actual}")
            }
            Desk::Selection { cap, min: Some(m) } => format!("名额 {cap} · 最低分 {m}"),
            Desk::Selection { cap, min: None } => format!("名额 {cap}"),
            Desk::Pending {
                unscored,
                ties,
                shortlist,
                conflicts,
                owed,
                other,
            } => {
                let mut parts = Vec::new();
                if *owed > 0 {
                    parts.push(format!("{owed} 张未提交"));
                }
                if *other > 0 {
                    parts.push(format!("{other} 项其他待办"));
                }
                if *unscored > 0 {
                    parts.push(format!("{unscored} 份未评完"));
                }
                if *ties > 0 {
                    parts.push(format!("{ties} 项待决定"));
                }
                if *conflicts > 0 {
                    parts.push(format!("{conflicts} 项评分分歧"));
                }
                if *shortlist {
                    parts.push("初审结果未确定".into());
                }
                format!("结果未确定：{}（t 查看）", parts.join(" · "))
            }
            Desk::Decided {
                took,
                tied,
                reason,
                by,
            } => format!(
                "已决定：{} 取得名额（{} 并列）— {reason}（{by}）",
                took.join("、"),
                tied.join("、")
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Desk::Shortlist {
                all_in: true,
                eligible,
                places,
                ..
            } => {
                format!("shortlist: all {eligible} eligible dossiers (fewer than {places})")
            }
            Desk::Shortlist { places, actual, .. } if *actual as u32 > *places => {
                format!("shortlist: top {places} · {actual} with ties")
            }
            Desk::Shortlist { places, actual, .. } => format!("shortlist: top {places} · {actual}"),
            Desk::Selection { cap, min: Some(m) } => format!("{cap} places · minimum {m}"),
            Desk::Selection { cap, min: None } => format!("{cap} places"),
            Desk::Pending {
                unscored,
                ties,
                shortlist,
                conflicts,
                owed,
                other,
            } => {
                let mut parts = Vec::new();
                if *owed > 0 {
                    parts.push(count(*owed, "card", "cards") + " not submitted");
                }
                if *other > 0 {
                    parts.push(count(*other, "other item", "other items") + " pending");
                }
                if *unscored > 0 {
                    parts.push(count(*unscored, "dossier", "dossiers") + " not fully scored");
                }
                if *ties > 0 {
                    parts.push(count(*ties, "tie", "ties") + " to decide");
                }
                if *conflicts > 0 {
                    parts.push(count(*conflicts, "score conflict", "score conflicts"));
                }
                if *shortlist {
                    parts.push("shortlist not final".into());
                }
                format!("not final: {} (t shows)", parts.join(" · "))
            }
            Desk::Decided {
                took,
                tied,
                reason,
                by,
            } => format!(
                "decided: {} took the place(s) (level: {}) — {reason} ({by})",
                took.join(", "),
                tied.join(", ")
            ),
        }
    }
}

/// A row of the completeness tab.
impl Say for super::todo::Todo {
    fn zh(&self) -> String {
        use super::todo::{Owed, Todo};
        match self {
            Todo::Scorer {
                id,
                name,
                submitted,
                owed,
                excused: true,
            } => format!("{id} {name}  已记录缺席，已提交 {submitted}/{owed}"),
            Todo::Scorer {
                id,
                name,
                submitted,
                owed,
                ..
            } if submitted == owed => {
                format!("{id} {name}  {submitted}/{owed} 全部已提交")
            }
            Todo::Scorer {
                id,
                name,
                submitted,
                owed,
                ..
            } => {
                format!(
                    "{id} {name}  已提交 {submitted}/{owed}，未提交 {}",
                    owed - submitted
                )
            }
            Todo::Card {
                dossier,
                state: Owed::Draft { scored, items },
                ..
            } => {
                format!("  {dossier}  草稿：已评 {scored}/{items}，未提交")
            }
            Todo::Card {
                dossier,
                state: Owed::NotStarted,
                ..
            } => format!("  {dossier}  未开始"),
        }
    }

    fn en(&self) -> String {
        use super::todo::{Owed, Todo};
        match self {
            Todo::Scorer {
                id,
                name,
                submitted,
                owed,
                excused: true,
            } => format!("{id} {name}  excused, submitted {submitted}/{owed}"),
            Todo::Scorer {
                id,
                name,
                submitted,
                owed,
                ..
            } if submitted == owed => {
                format!("{id} {name}  {submitted}/{owed} all submitted")
            }
            Todo::Scorer {
                id,
                name,
                submitted,
                owed,
                ..
            } => format!(
                "{id} {name}  submitted {submitted}/{owed}, {} to go",
                owed - submitted
            ),
            Todo::Card {
                dossier,
                state: Owed::Draft { scored, items },
                ..
            } => {
                format!("  {dossier}  draft: {scored}/{items} scored, not submitted")
            }
            Todo::Card {
                dossier,
                state: Owed::NotStarted,
                ..
            } => {
                format!("  {dossier}  not started")
            }
        }
    }
}

/// `1 tie`, `2 ties`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
