//! Why a bundle is refused, or a score conflict cannot be resolved, in both
//! languages.

use crate::domain::merge::{CardFault, Differs, HistoryFault, MergeRefusal};
use crate::domain::round::Stage;
use crate::lang::Say;

impl Say for MergeRefusal {
    fn zh(&self) -> String {
        match self {
            MergeRefusal::OtherRound { round, known } => {
                format!("已拒绝：评分包属于轮次 {round}，本存储中没有该轮次（已有轮次：{known}）")
            }
            MergeRefusal::OtherVersion {
                round,
                what,
                theirs,
                ours,
            } => format!(
                "已拒绝：评分包是按轮次 {round} 的另一版本文件评分的（{}）；评分包指纹 {theirs}，本存储 {ours}",
                what.zh()
            ),
            MergeRefusal::NotOnPanel { round, expert } => {
                format!("已拒绝：专家“{expert}”不在轮次 {round} 的评审名单上")
            }
            MergeRefusal::PinnedMismatch {
                round,
                expert,
                pinned,
                found,
            } => format!(
                "已拒绝：专家 {expert} 的评分包由密钥 {found} 签名，但轮次 {round} 为该专家指定的密钥是 {pinned}"
            ),
            MergeRefusal::UnknownKey {
                round,
                expert,
                found,
            } => format!(
                "已拒绝：专家 {expert} 的密钥 {found} 在轮次 {round} 中尚未受信任；请与专家当面核对该指纹后再信任"
            ),
            MergeRefusal::ConfirmedOther {
                expert,
                confirmed,
                found,
            } => format!(
                "已拒绝：专家 {expert} 的评分包由密钥 {found} 签名，而不是为该专家确认的密钥 {confirmed}"
            ),
            MergeRefusal::BadCard { dossier, why } => {
                format!(
                    "已拒绝：评分包中申报书 {dossier} 的评分表无效：{}",
                    why.zh()
                )
            }
            MergeRefusal::History(why) => {
                format!(
                    "已拒绝：评分包中的评分表与其自带的审计记录不符：{}",
                    why.zh()
                )
            }
            MergeRefusal::SequenceReused { sequence, key } => format!(
                "已拒绝：此前已导入过密钥 {key} 的另一个序号为 {sequence} 的评分包；同一台电脑不会重复使用序号，两个文件中有一个不是该电脑导出的"
            ),
            MergeRefusal::NoConflict {
                expert,
                dossier,
                item,
            } => format!("专家 {expert}、申报书 {dossier}、评分项 {item} 没有评分冲突"),
            MergeRefusal::AlreadyResolved {
                expert,
                dossier,
                item,
                value,
                by,
            } => format!(
                "专家 {expert}、申报书 {dossier}、评分项 {item} 的评分冲突已由 {by} 裁定为 {value}"
            ),
            MergeRefusal::NoReason => "裁定评分冲突需要填写理由".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            MergeRefusal::BadCard { dossier, why } => format!(
                "refused: the bundle's card for dossier {dossier} is not valid: {}",
                why.en()
            ),
            other => other.to_string(),
        }
    }
}

impl Say for CardFault {
    fn zh(&self) -> String {
        match self {
            CardFault::Refused(r) => r.zh(),
            CardFault::NotTheirs {
                round,
                stage,
                expert,
                bundle_expert,
                bundle_round,
            } => format!(
                "这是 {round} / {} / {expert} 的评分表，不是轮次 {bundle_round} 中专家 {bundle_expert} 的",
                match *stage {
                    "preliminary" => Stage::Preliminary.zh(),
                    "expert" => Stage::Expert.zh(),
                    other => other.to_string(),
                }
            ),
            CardFault::NoSuchDossier { round } => format!("轮次 {round} 中没有该申报书"),
            CardFault::CommentOffSheet { item } => {
                format!("其中有对评分项“{item}”的意见，而评分表上没有该项")
            }
            CardFault::SubmittedIncomplete { missing } => {
                format!("标记为已提交，但尚不完整：{}", missing.join("、"))
            }
            CardFault::TwoCards => "评分包中有两张该申报书的评分表".to_string(),
            CardFault::OtherRecusal { expert, round } => {
                format!("其回避声明中的专家是 {expert}，或申报书不属于轮次 {round}")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            CardFault::Refused(r) => r.en(),
            other => other.to_string(),
        }
    }
}

impl Say for HistoryFault {
    fn zh(&self) -> String {
        match self {
            HistoryFault::EntryHash { seq } => format!("第 {seq} 条记录与其自身的哈希不符"),
            HistoryFault::Replay(f) => format!("按审计记录重放的结果不同（{}）", f.zh()),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for Differs {
    fn zh(&self) -> String {
        match self {
            Differs::Sheet { theirs, ours } => format!(
                "评分包中是评分表 {} 第 {} 版（指纹 {}），本机是 {} 第 {} 版（指纹 {}）",
                theirs[0], theirs[1], theirs[2], ours[0], ours[1], ours[2]
            ),
            Differs::Files => "评分表相同，但轮次文件、评分表或申报书有不同".to_string(),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}
