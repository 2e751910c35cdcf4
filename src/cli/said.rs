//! What the command line reports after a command did its work, in both
//! languages: one variant a line, its Chinese and English side by side.

use std::path::PathBuf;

use crate::attachments::Size;
use crate::domain::Points;
use crate::error::Chain;
use crate::lang::Say;
use crate::store::Init;

/// What a saved change was: a score or a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    Score { item: String, value: Points },
    Comment { item: String },
}

/// One card named in a report: round, expert, dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardName {
    pub round: String,
    pub expert: String,
    pub dossier: String,
}

impl CardName {
    pub fn of(c: &crate::domain::card::Card) -> CardName {
        CardName {
            round: c.round.clone(),
            expert: c.expert.clone(),
            dossier: c.dossier.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    Key {
        fingerprint: String,
        made: bool,
    },
    RoundExported {
        round: String,
        dossiers: usize,
        fingerprint: String,
        out: PathBuf,
    },
    RoundLoaded {
        outcome: Init,
        round: String,
        dossiers: usize,
        experts: usize,
        preliminary: usize,
        dir: PathBuf,
    },
    PackageFingerprint(String),
    /// The applicant's documents written into a package.
    DocumentsPacked {
        documents: usize,
        bytes: u64,
    },
    /// The applicant's documents put into the store folder, each verified.
    DocumentsPlaced {
        documents: usize,
        dir: PathBuf,
    },
    Recused {
        expert: String,
        dossier: String,
        reason: String,
        new: bool,
    },
    Saved {
        card: CardName,
        what: Saving,
        scored: usize,
        items: usize,
        total: Points,
    },
    Submitted {
        card: CardName,
        total: Points,
    },
    Reopened {
        card: CardName,
        by: String,
        reason: String,
    },
    AuditIntact {
        chain: Chain,
        entries: u64,
    },
    NoRounds,
    /// The journal read whole: its records and the last one's hash.
    JournalIntact {
        records: u64,
        head: String,
    },
    /// A backup written: what it holds and the last record's hash.
    BackedUp {
        records: u64,
        bytes: u64,
        file: PathBuf,
        head: String,
    },
    /// A backup checked whole before a store was made from it.
    BackupIntact {
        file: PathBuf,
        records: u64,
        head: String,
    },
    Restored {
        dir: PathBuf,
    },
    BundleExported {
        sequence: u64,
        round: String,
        expert: String,
        cards: usize,
        submitted: usize,
        recusals: usize,
        out: PathBuf,
        fingerprint: String,
    },
    NoConflicts {
        round: String,
    },
    /// The heads of the list of score conflicts, separated by tabs.
    ConflictHeads,
    /// Open, or resolved to a value by someone for a reason.
    ConflictStatus {
        resolved: Option<(Points, String, String)>,
    },
    ConflictsOpen {
        open: usize,
        all: usize,
    },
    Resolved {
        card: CardName,
        item: String,
        value: Points,
        by: String,
        reason: String,
        total: Points,
    },
    DemoBuilt {
        round: String,
        dir: PathBuf,
        submitted: usize,
        drafts: usize,
        untouched: usize,
    },
    DemoThere {
        round: String,
        dir: PathBuf,
    },
}

impl Say for Said {
    fn zh(&self) -> String {
        match self {
            Said::Key {
                fingerprint,
                made: false,
            } => format!("本机签名密钥指纹：{fingerprint}"),
            Said::Key {
                fingerprint,
                made: true,
            } => format!("已生成本机签名密钥，指纹：{fingerprint}"),
            Said::RoundExported {
                round,
                dossiers,
                fingerprint,
                out,
            } => format!(
                "已导出评审包：{round}（申报书 {dossiers} 份，指纹 {fingerprint}）→ {}；在各专家电脑上用 pingshen init {} 载入",
                out.display(),
                out.display()
            ),
            Said::RoundLoaded {
                outcome,
                round,
                dossiers,
                experts,
                preliminary,
                dir,
            } => match outcome {
                Init::Created => format!(
                    "已载入评审轮次 {round}（申报书 {dossiers} 份，评审专家 {experts} 位，初审 {preliminary} 位）到 {}",
                    dir.display()
                ),
                Init::Unchanged => format!("评审轮次 {round} 已载入，内容相同，未作改动"),
                Init::Replaced => format!(
                    "评审轮次 {round} 尚无评分，已按新文件替换（申报书 {dossiers} 份，评审专家 {experts} 位）"
                ),
            },
            Said::PackageFingerprint(fp) => {
                format!("评审包指纹：{fp}（应与秘书导出时显示的一致）")
            }
            Said::DocumentsPacked { documents, bytes } => format!(
                "包中携带附件 {documents} 份，共 {}，每份均已核对 SHA-256",
                Size(*bytes).zh()
            ),
            Said::DocumentsPlaced { documents, dir } => {
                format!("附件 {documents} 份已核对 SHA-256 并放入 {}", dir.display())
            }
            Said::Recused {
                expert,
                dossier,
                reason,
                new: true,
            } => format!("已登记：专家 {expert} 回避申报书 {dossier}（{reason}）"),
            Said::Recused {
                expert, dossier, ..
            } => format!("专家 {expert} 已回避申报书 {dossier}，未作改动"),
            Said::Saved {
                card,
                what,
                scored,
                items,
                total,
            } => {
                let what = match what {
                    Saving::Score { item, value } => format!("{item} = {value}"),
                    Saving::Comment { item } => format!("{item} 意见"),
                };
                format!(
                    "已保存：{} 专家 {} 申报书 {} {what}（已评 {scored}/{items} 项，合计 {total}）",
                    card.round, card.expert, card.dossier
                )
            }
            Said::Submitted { card, total } => format!(
                "已提交：{} 专家 {} 对申报书 {} 的评分表，合计 {total}，现为只读",
                card.round, card.expert, card.dossier
            ),
            Said::Reopened { card, by, reason } => format!(
                "已退回修改：{} 专家 {} 对申报书 {} 的评分表（{by}：{reason}）",
                card.round, card.expert, card.dossier
            ),
            Said::AuditIntact {
                chain: Chain::Round(id),
                entries,
            } => format!("审计日志完整：{id}（{entries} 条）"),
            Said::AuditIntact {
                chain: Chain::Register,
                entries,
            } => format!("审计日志完整：在册中心登记簿（{entries} 条）"),
            Said::NoRounds => "存储中还没有评审轮次".to_string(),
            Said::JournalIntact { records, head } => {
                format!("日志完整：{records} 条记录，末条记录哈希 {head}")
            }
            Said::BackedUp {
                records,
                bytes,
                file,
                head,
            } => format!(
                "已备份 {records} 条记录（{bytes} 字节）到 {}\n末条记录哈希：{head}",
                file.display()
            ),
            Said::BackupIntact {
                file,
                records,
                head,
            } => format!(
                "备份 {} 完好：{records} 条记录，末条记录哈希 {head}",
                file.display()
            ),
            Said::Restored { dir } => format!("已恢复到 {}", dir.display()),
            Said::BundleExported {
                sequence,
                round,
                expert,
                cards,
                submitted,
                recusals,
                out,
                fingerprint,
            } => format!(
                "已导出评分包 {sequence}：{round} 专家 {expert}，评分表 {cards} 张（已提交 {submitted} 张），回避 {recusals} 项 → {}\n签名密钥指纹：{fingerprint}（秘书首次导入时核对）",
                out.display()
            ),
            Said::NoConflicts { round } => format!("{round} 没有评分分歧"),
            Said::ConflictHeads => "专家\t申报书\t评分项\t各来源分值\t状态".to_string(),
            Said::ConflictStatus { resolved: None } => "待处理".to_string(),
            Said::ConflictStatus {
                resolved: Some((value, by, reason)),
            } => format!("已定为 {value}（{by}：{reason}）"),
            Said::ConflictsOpen { open, all } => format!("待处理 {open} 项，共 {all} 项"),
            Said::Resolved {
                card,
                item,
                value,
                by,
                reason,
                total,
            } => format!(
                "已处理评分分歧：{} 专家 {} 申报书 {} {item} = {value}（{by}：{reason}），该表合计 {total}",
                card.round, card.expert, card.dossier
            ),
            Said::DemoBuilt {
                round,
                dir,
                submitted,
                drafts,
                untouched,
            } => format!(
                "演示轮次 {round} 已建在 {}：已提交 {submitted} 份评分表，草稿 {drafts} 份，未评 {untouched} 份",
                dir.display()
            ),
            Said::DemoThere { round, dir } => {
                format!("演示轮次 {round} 已在 {}，未作改动", dir.display())
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Said::Key {
                fingerprint,
                made: false,
            } => format!("this store's signing key fingerprint: {fingerprint}"),
            Said::Key {
                fingerprint,
                made: true,
            } => format!("made this store's signing key; fingerprint: {fingerprint}"),
            Said::RoundExported {
                round,
                dossiers,
                fingerprint,
                out,
            } => format!(
                "wrote the package of round {round} ({dossiers} dossiers, fingerprint {fingerprint}) to {}; load it on each expert's laptop with: pingshen init {}",
                out.display(),
                out.display()
            ),
            Said::RoundLoaded {
                outcome,
                round,
                dossiers,
                experts,
                preliminary,
                dir,
            } => match outcome {
                Init::Created => format!(
                    "loaded round {round} ({dossiers} dossiers, {experts} experts, {preliminary} preliminary scorers) into {}",
                    dir.display()
                ),
                Init::Unchanged => format!(
                    "round {round} is already loaded with the same content; nothing changed"
                ),
                Init::Replaced => format!(
                    "round {round} had no scores yet and was replaced by the new files ({dossiers} dossiers, {experts} experts)"
                ),
            },
            Said::PackageFingerprint(fp) => format!(
                "package fingerprint: {fp} (it matches the one shown when the secretary exported it)"
            ),
            Said::DocumentsPacked { documents, bytes } => format!(
                "the package carries {documents} documents, {}, each checked against its SHA-256",
                Size(*bytes).en()
            ),
            Said::DocumentsPlaced { documents, dir } => format!(
                "{documents} documents checked against their SHA-256 and put in {}",
                dir.display()
            ),
            Said::Recused {
                expert,
                dossier,
                reason,
                new: true,
            } => format!("recorded: expert {expert} is recused from dossier {dossier} ({reason})"),
            Said::Recused {
                expert, dossier, ..
            } => format!(
                "expert {expert} was already recused from dossier {dossier}; nothing changed"
            ),
            Said::Saved {
                card,
                what,
                scored,
                items,
                total,
            } => {
                let what = match what {
                    Saving::Score { item, value } => format!("{item} = {value}"),
                    Saving::Comment { item } => format!("{item} comment"),
                };
                format!(
                    "saved: {} expert {} dossier {} {what} ({scored}/{items} items scored, total {total})",
                    card.round, card.expert, card.dossier
                )
            }
            Said::Submitted { card, total } => format!(
                "submitted: {} expert {}'s card for dossier {}, total {total}; it is now read-only",
                card.round, card.expert, card.dossier
            ),
            Said::Reopened { card, by, reason } => format!(
                "reopened: {} expert {}'s card for dossier {} ({by}: {reason})",
                card.round, card.expert, card.dossier
            ),
            Said::AuditIntact {
                chain: Chain::Round(id),
                entries,
            } => format!("audit log intact: {id} ({entries} entries)"),
            Said::AuditIntact {
                chain: Chain::Register,
                entries,
            } => format!("audit log intact: centre register ({entries} entries)"),
            Said::NoRounds => "the store holds no rounds yet".to_string(),
            Said::JournalIntact { records, head } => {
                format!("journal intact: {records} records, last record's hash {head}")
            }
            Said::BackedUp {
                records,
                bytes,
                file,
                head,
            } => format!(
                "backed up {records} records ({bytes} bytes) to {}\nlast record's hash: {head}",
                file.display()
            ),
            Said::BackupIntact {
                file,
                records,
                head,
            } => format!(
                "the backup {} is intact: {records} records, last record's hash {head}",
                file.display()
            ),
            Said::Restored { dir } => format!("restored into {}", dir.display()),
            Said::BundleExported {
                sequence,
                round,
                expert,
                cards,
                submitted,
                recusals,
                out,
                fingerprint,
            } => format!(
                "exported bundle {sequence} of round {round}, expert {expert}: {cards} cards ({submitted} submitted), {recusals} recusals, to {}\nsigning key fingerprint: {fingerprint} (the secretary checks it on first import)",
                out.display()
            ),
            Said::NoConflicts { round } => format!("round {round} has no score conflicts"),
            Said::ConflictHeads => "expert\tdossier\titem\tvalues\tstatus".to_string(),
            Said::ConflictStatus { resolved: None } => "open".to_string(),
            Said::ConflictStatus {
                resolved: Some((value, by, reason)),
            } => format!("resolved to {value} ({by}: {reason})"),
            Said::ConflictsOpen { open, all } => format!("{open} open of {all}"),
            Said::Resolved {
                card,
                item,
                value,
                by,
                reason,
                total,
            } => format!(
                "resolved: {} expert {} dossier {} {item} = {value} ({by}: {reason}); card total {total}",
                card.round, card.expert, card.dossier
            ),
            Said::DemoBuilt {
                round,
                dir,
                submitted,
                drafts,
                untouched,
            } => format!(
                "demo round {round} is in {}: {submitted} cards submitted, {drafts} drafts, {untouched} not started",
                dir.display()
            ),
            Said::DemoThere { round, dir } => format!(
                "demo round {round} is already in {}; nothing changed",
                dir.display()
            ),
        }
    }
}
