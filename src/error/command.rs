//! The command line's own refusals, in both languages. These may name flags:
//! the command line is where the reader typed them.

use std::path::PathBuf;

use super::{Exit, Said};
use crate::domain::Points;
use crate::domain::points::PointsError;
use crate::domain::rank::RankError;
use crate::lang::Say;
use crate::load::{FileError, Unread};
use crate::store::AuditFault;

/// An audit chain: a round's, or the register's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chain {
    Round(String),
    Register,
}

impl Say for Chain {
    fn zh(&self) -> String {
        match self {
            Chain::Round(id) => format!("轮次 {id}"),
            Chain::Register => "在册中心登记簿".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            Chain::Round(id) => format!("round {id}"),
            Chain::Register => "the centre register".to_string(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("there is no data folder for this user; give the store folder with --store DIR")]
    NoDataDir,
    #[error(
        "--trust {given}: give EXPERT=FINGERPRINT, the fingerprint as 16 hexadecimal digits such as E1=3f2a-91bc-04de-77a1"
    )]
    BadTrust { given: String },
    #[error("cannot read the bundle {}: {}", .file.display(), .why.en())]
    CannotReadBundle { file: PathBuf, why: Unread },
    #[error("{failed} of {all} bundles were not imported")]
    NotImported {
        failed: usize,
        all: usize,
        exit: Exit,
    },
    /// `--value` is not a number; the item's allowed values when known.
    #[error("--value {value}: {error}{}", .allowed.as_ref().map(|(i, m, s)| format!("; allowed values for item {i} are 0 to {m} in steps of {s}")).unwrap_or_default())]
    BadValue {
        value: String,
        error: PointsError,
        allowed: Option<(String, Points, Points)>,
    },
    #[error("{bad} of {all} files are not valid")]
    FilesInvalid { bad: usize, all: usize },
    /// The audit log does not verify: the entry at fault (0: the stored
    /// values it does not account for).
    #[error("the audit log of {} is broken at entry {seq}: {why}", .chain.en())]
    AuditBroken {
        chain: Chain,
        seq: u64,
        why: AuditFault,
    },
    /// The journal does not verify: the record at fault and where it lies
    /// (0: the state holds what the journal does not account for).
    #[error("the journal is damaged at record {seq}: {why}")]
    JournalBroken {
        seq: u64,
        at: Option<(String, u64)>,
        why: AuditFault,
    },
    /// A backup copied the journal only as far as it was intact.
    #[error("the journal is damaged at record {seq}: {why}; the {records} intact records before it are in {}", .file.display())]
    BackupPartial {
        seq: u64,
        at: Option<(String, u64)>,
        why: AuditFault,
        records: u64,
        file: PathBuf,
    },
    #[error("--out {}: this is a folder; give a file name", .path.display())]
    OutIsFolder { path: PathBuf },
    #[error("--out {}: the folder {} does not exist", .path.display(), .folder.display())]
    NoOutFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: there is no such file; give a file written by pingshen backup", .path.display())]
    NoBackupFile { path: PathBuf },
    #[error("--out {}: give a file name", .path.display())]
    NoFileName { path: PathBuf },
    #[error("could not write {}: {why}", .path.display())]
    CannotWrite { path: PathBuf, why: String },
    #[error("the built-in demo files do not load:\n{}", super::lines(.0))]
    Samples(Vec<FileError>),
    /// Writing to the terminal or a pipe failed; the system's words.
    #[error("{0}")]
    Output(String),
    /// `rank --final` while something is outstanding: what, one a line.
    #[error("the result is not final:\n{}", .pending.en())]
    NotFinal { pending: Said },
    /// `decide` names dossiers that are not one undecided tie.
    #[error("the dossiers named are not one tie that needs a decision: {}", .named.join(", "))]
    NotOneTie { named: Vec<String>, pending: Said },
    /// The round's stage cannot be ranked.
    #[error("round {round}: {error}")]
    Rank { round: String, error: RankError },
    /// A desk was named without a round, and the store holds these rounds.
    #[error("the store holds {} rounds; name one with --round: {}", .rounds.len(), .rounds.join(", "))]
    WhichRound { rounds: Vec<String> },
    #[error(
        "the terminal UI needs a terminal; scripts use score, rank and the other commands, or demo --no-tui"
    )]
    NoTerminal,
    #[error("--expert {expert}: not on the panel of round {round}; the panel is: {}", .panel.join(", "))]
    NotOnPanel {
        expert: String,
        round: String,
        panel: Vec<String>,
    },
    /// The terminal failed under the UI; the system's words.
    #[error("the terminal failed: {why}")]
    Terminal { why: String },
    /// A workbook with problems (listed before this line); nothing written.
    #[error("{count} problems in the workbook; nothing written")]
    WorkbookProblems { count: usize },
    #[error("cannot read {}: {why}", .path.display())]
    CannotRead { path: PathBuf, why: String },
    /// A workbook could not be built; the library's words.
    #[error("could not build the workbook: {why}")]
    Workbook { why: String },
    /// A time given in the environment (for tests) that does not read.
    #[error("{name}={given}: not a time; write it like 2025-07-01T09:30:00+08:00")]
    NotATime { name: &'static str, given: String },
}

impl CommandError {
    pub fn exit(&self) -> Exit {
        match self {
            CommandError::BadTrust { .. }
            | CommandError::CannotReadBundle { .. }
            | CommandError::BadValue { .. }
            | CommandError::FilesInvalid { .. }
            | CommandError::NoFileName { .. }
            | CommandError::OutIsFolder { .. }
            | CommandError::NoOutFolder { .. }
            | CommandError::NoBackupFile { .. }
            | CommandError::NotOneTie { .. }
            | CommandError::Rank { .. }
            | CommandError::WhichRound { .. }
            | CommandError::NoTerminal
            | CommandError::NotOnPanel { .. }
            | CommandError::WorkbookProblems { .. }
            | CommandError::CannotRead { .. }
            | CommandError::NotATime { .. } => Exit::BadInput,
            CommandError::AuditBroken { .. }
            | CommandError::JournalBroken { .. }
            | CommandError::BackupPartial { .. }
            | CommandError::NotFinal { .. } => Exit::Refused,
            CommandError::NotImported { exit, .. } => *exit,
            CommandError::NoDataDir
            | CommandError::CannotWrite { .. }
            | CommandError::Samples(_)
            | CommandError::Output(_)
            | CommandError::Terminal { .. }
            | CommandError::Workbook { .. } => Exit::Failure,
        }
    }
}

impl Say for CommandError {
    fn zh(&self) -> String {
        match self {
            CommandError::NoDataDir => {
                "当前用户没有数据文件夹；请用 --store 文件夹 指定存储位置".to_string()
            }
            CommandError::BadTrust { given } => format!(
                "--trust {given}：请写成 专家=指纹，指纹为 16 位十六进制数字，例如 E1=3f2a-91bc-04de-77a1"
            ),
            CommandError::CannotReadBundle {
                file,
                why: why @ Unread::System(_),
            } => format!("无法读取评分包 {}{}", file.display(), why.zh()),
            CommandError::CannotReadBundle { file, why } => {
                format!("无法读取评分包 {}：{}", file.display(), why.zh())
            }
            CommandError::NotImported { failed, all, .. } => {
                format!("{all} 个评分包中有 {failed} 个未导入")
            }
            CommandError::BadValue {
                value,
                error,
                allowed,
            } => match allowed {
                Some((item, max, step)) => format!(
                    "--value {value}：{}；评分项 {item} 允许 0 至 {max}，每档 {step} 分",
                    error.zh()
                ),
                None => format!("--value {value}：{}", error.zh()),
            },
            CommandError::FilesInvalid { bad, all } => {
                format!("{all} 个文件中有 {bad} 个无效")
            }
            CommandError::AuditBroken { chain, seq: 0, why } => {
                format!("审计日志与存储不符（{}）：{}", chain.zh(), why.zh())
            }
            CommandError::AuditBroken { chain, seq, why } => {
                format!(
                    "审计日志（{}）在第 {seq} 条处断开：{}",
                    chain.zh(),
                    why.zh()
                )
            }
            CommandError::NoFileName { path } => {
                format!("--out {}：请给出文件名", path.display())
            }
            CommandError::OutIsFolder { path } => {
                format!("--out {}：这是一个文件夹，请给出文件名", path.display())
            }
            CommandError::NoOutFolder { path, folder } => format!(
                "--out {}：文件夹 {} 不存在",
                path.display(),
                folder.display()
            ),
            CommandError::NoBackupFile { path } => format!(
                "{}：没有这个文件；请给出 pingshen backup 写出的备份文件",
                path.display()
            ),
            CommandError::JournalBroken { seq: 0, why, .. } => {
                format!("存储的当前状态与日志不符：{}", why.zh())
            }
            CommandError::JournalBroken { seq, at, why } => {
                format!("日志在第 {seq} 条记录处损坏{}：{}", place_zh(at), why.zh())
            }
            CommandError::BackupPartial {
                seq,
                at,
                why,
                records,
                file,
            } => format!(
                "日志在第 {seq} 条记录处损坏{}：{}；此前完好的 {records} 条记录已备份到 {}，可用 pingshen restore 恢复为新的存储",
                place_zh(at),
                why.zh(),
                file.display()
            ),
            CommandError::CannotWrite { path, why } => {
                format!("无法写入 {}（系统信息：{why}）", path.display())
            }
            CommandError::Samples(files) => format!(
                "内置演示文件无法载入：\n{}",
                files.iter().map(Say::zh).collect::<Vec<_>>().join("\n")
            ),
            CommandError::Output(why) => format!("无法输出（系统信息：{why}）"),
            CommandError::NotFinal { pending } => format!("结果尚未确定：\n{}", pending.zh()),
            CommandError::NotOneTie { named, pending } => format!(
                "所列申报书不在同一组待决定的并列中：{}\n{}",
                named.join("、"),
                if pending.is_empty() {
                    "没有需要决定的并列".to_string()
                } else {
                    pending.zh()
                }
            ),
            CommandError::Rank { round, error } => format!("轮次 {round}：{}", error.zh()),
            CommandError::WhichRound { rounds } => format!(
                "存储中有 {} 个评审轮次，请用 --round 指定：{}",
                rounds.len(),
                rounds.join("、")
            ),
            CommandError::NoTerminal => {
                "终端界面需要在终端中运行；脚本请使用 score、rank 等命令，或 demo --no-tui".into()
            }
            CommandError::NotOnPanel {
                expert,
                round,
                panel,
            } => format!(
                "--expert {expert}：不是轮次 {round} 的评审专家；本轮专家为：{}",
                panel.join("、")
            ),
            CommandError::Terminal { why } => format!("终端出错（系统信息：{why}）"),
            CommandError::WorkbookProblems { count } => {
                format!("工作簿有 {count} 处问题，未写入任何文件")
            }
            CommandError::CannotRead { path, why } => {
                format!("无法读取 {}（系统信息：{why}）", path.display())
            }
            CommandError::Workbook { why } => format!("无法生成工作簿（系统信息：{why}）"),
            CommandError::NotATime { name, given } => {
                format!("{name}={given}：不是时间；请写成 2025-07-01T09:30:00+08:00 这样的格式")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            CommandError::BadValue {
                value,
                error,
                allowed,
            } => match allowed {
                Some((item, max, step)) => format!(
                    "--value {value}: {}; allowed values for item {item} are 0 to {max} in steps of {step}",
                    error.en()
                ),
                None => format!("--value {value}: {}", error.en()),
            },
            CommandError::AuditBroken { chain, seq: 0, why } => format!(
                "the audit log does not match the stored values of {}: {}",
                chain.en(),
                why.en()
            ),
            CommandError::Samples(files) => format!(
                "the built-in demo files do not load:\n{}",
                files.iter().map(Say::en).collect::<Vec<_>>().join("\n")
            ),
            CommandError::JournalBroken { seq: 0, why, .. } => {
                format!("the store's state does not match its journal: {}", why.en())
            }
            CommandError::JournalBroken { seq, at, why } => format!(
                "the journal is damaged at record {seq}{}: {}",
                place_en(at),
                why.en()
            ),
            CommandError::BackupPartial {
                seq,
                at,
                why,
                records,
                file,
            } => format!(
                "the journal is damaged at record {seq}{}: {}; the {records} intact records before it are in {}, which pingshen restore makes into a new store",
                place_en(at),
                why.en(),
                file.display()
            ),
            CommandError::NotOneTie { named, pending } => format!(
                "the dossiers named are not one tie that needs a decision: {}\n{}",
                named.join(", "),
                if pending.is_empty() {
                    "no tie needs a decision".to_string()
                } else {
                    pending.en()
                }
            ),
            CommandError::Rank { round, error } => format!("round {round}: {}", error.en()),
            other => other.to_string(),
        }
    }
}

/// Where in the journal, `（00000001.psj 第 8 字节）`.
fn place_zh(at: &Option<(String, u64)>) -> String {
    match at {
        Some((file, offset)) => format!("（{file} 第 {offset} 字节）"),
        None => String::new(),
    }
}

/// Where in the journal, ` (00000001.psj, byte 8)`.
fn place_en(at: &Option<(String, u64)>) -> String {
    match at {
        Some((file, offset)) => format!(" ({file}, byte {offset})"),
        None => String::new(),
    }
}
