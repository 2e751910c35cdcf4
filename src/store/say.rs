//! The store's errors in both languages, and the typed causes they carry.
//! The store names no command of the command line; the command line adds
//! hints where it catches these.

use std::fmt;
use std::path::Path;

use super::StoreError;
use crate::domain::lifecycle::LifecycleError;
use crate::domain::register::Scheme;
use crate::domain::replay::ReplayFault;
use crate::lang::Say;

/// Why the store could not be opened, read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The disk is full, or a file size limit is reached.
    DiskFull,
    /// The system refused access; its own words kept.
    NoPermission(String),
    /// The disk is mounted read-only; the system's words kept.
    ReadOnly(String),
    /// The database found corrupt data, where it says.
    Corrupt { at: Option<String> },
    /// A stored value does not decode.
    BadValue { key: String, detail: String },
    /// The stamp of the stored layout's version does not decode.
    BadStamp(String),
    /// A dossier the round lists is not stored.
    MissingDossier { round: String, dossier: String },
    /// The store has no signing key yet.
    NoSigningKey,
    /// The database failed without saying why.
    Unreadable,
    /// The journal's files are not there, though the state says they were.
    JournalMissing,
    /// The journal is not open for writing.
    JournalClosed,
    /// A store of the earlier layout does not read, so it cannot be converted.
    EarlierLayout,
    /// The laptop's key file does not read.
    BadKeyFile,
    /// A backup file does not hold an intact journal.
    Backup(BackupFault),
    /// The operating system's or the database's own words, as data.
    System(String),
}

impl From<String> for Cause {
    fn from(s: String) -> Cause {
        Cause::System(s)
    }
}

/// What is wrong with a backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupFault {
    /// A record does not read or does not follow the one before it.
    Record {
        seq: u64,
        offset: u64,
        fault: super::Fault,
    },
    /// A record's audit entry does not read.
    Entry { seq: u64 },
    /// An audit entry does not follow its chain.
    Chain { seq: u64, entry: u64, round: String },
    /// The file holds no record.
    Empty,
}

impl Say for BackupFault {
    fn zh(&self) -> String {
        match self {
            BackupFault::Record { seq, offset, fault } => {
                format!("第 {seq} 条记录（第 {offset} 字节）：{}", fault.zh())
            }
            BackupFault::Entry { seq } => format!("第 {seq} 条记录中的审计条目无法读取"),
            BackupFault::Chain { seq, entry, round } => {
                format!("第 {seq} 条记录：{round} 的第 {entry} 条审计条目接不上其哈希链")
            }
            BackupFault::Empty => "其中没有任何记录".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            BackupFault::Record { seq, offset, fault } => {
                format!("record {seq} (byte {offset}): {}", fault.en())
            }
            BackupFault::Entry { seq } => format!("record {seq} holds an entry that does not read"),
            BackupFault::Chain { seq, entry, round } => {
                format!("record {seq}: entry {entry} of {round} does not follow its chain")
            }
            BackupFault::Empty => "it holds no records".to_string(),
        }
    }
}

/// A centre change its history or the register does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CentreFault {
    /// The same credit code twice in one registration.
    Twice,
    /// Registered under another scheme.
    OtherScheme { registered: Scheme, given: Scheme },
    /// The centre's history does not allow the event.
    Lifecycle(LifecycleError),
}

/// Why a round cannot name an earlier round's alternates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EarlierFault {
    /// The earlier round is not a recognition round, so it has no alternates.
    NotRecognition,
    /// The earlier round is not held in an earlier year.
    NotEarlier { year: i32, earlier_year: i32 },
    /// The earlier round is of another programme (its sheet's programme).
    OtherProgramme {
        programme: String,
        earlier_programme: String,
    },
    /// The round names it itself.
    Itself,
}

impl std::fmt::Display for EarlierFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EarlierFault::NotRecognition => {
                f.write_str("it is not a recognition round, so it has no alternates")
            }
            EarlierFault::NotEarlier { year, earlier_year } => write!(
                f,
                "it is held in {earlier_year}, not in a year before {year}"
            ),
            EarlierFault::OtherProgramme {
                programme,
                earlier_programme,
            } => write!(
                f,
                "it belongs to programme {earlier_programme}, not {programme}"
            ),
            EarlierFault::Itself => f.write_str("a round cannot name itself"),
        }
    }
}

impl Say for EarlierFault {
    fn zh(&self) -> String {
        match self {
            EarlierFault::NotRecognition => "该轮次不是认定评审，没有备选单位".to_string(),
            EarlierFault::NotEarlier { year, earlier_year } => {
                format!("该轮次在 {earlier_year} 年举行，不早于本轮的 {year} 年")
            }
            EarlierFault::OtherProgramme {
                programme,
                earlier_programme,
            } => format!("该轮次属于 {earlier_programme} 项目，不是本轮的 {programme} 项目"),
            EarlierFault::Itself => "不能指定本轮次自身".to_string(),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

/// Where an audit log stops accounting for the store: the entry at fault
/// or the stored values it does not explain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditFault {
    /// The entry does not decode.
    Unreadable,
    /// The entry expected here is missing; the next one found.
    Missing { found: u64 },
    /// Its previous-hash does not match the entry before it.
    PreviousHash,
    /// Its content does not match its hash.
    Hash,
    /// The log ends before the count the store recorded.
    Ends { count: u64, recorded: u64 },
    /// The stored values differ from what the log replays to.
    Replay(Box<ReplayFault>),
    /// A journal record does not read: the fault.
    Journal(super::Fault),
    /// A value of the state that no journal record set.
    NotJournaled { key: String },
    /// A value of the state other than the one the journal set.
    NotAsJournaled { key: String },
    /// The journal sets more or fewer values than the state holds.
    Count { journal: usize, state: usize },
}

impl fmt::Display for AuditFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl Say for AuditFault {
    fn zh(&self) -> String {
        match self {
            AuditFault::Unreadable => "该条记录无法读取".to_string(),
            AuditFault::Missing { found } => format!("该条记录缺失（找到的是第 {found} 条）"),
            AuditFault::PreviousHash => "其前一条哈希与上一条记录不符".to_string(),
            AuditFault::Hash => "其内容与其哈希不符".to_string(),
            AuditFault::Ends { count, recorded } => {
                format!("日志止于第 {count} 条，而存储记录的是 {recorded} 条")
            }
            AuditFault::Replay(f) => format!("按日志重放的结果与存储不同（{}）", f.zh()),
            AuditFault::Journal(f) => f.zh(),
            AuditFault::NotJournaled { key } => format!("{key} 处的值不在日志中"),
            AuditFault::NotAsJournaled { key } => format!("{key} 处的值与日志中的不同"),
            AuditFault::Count { journal, state } => {
                format!("日志中有 {journal} 个值，当前状态中有 {state} 个")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            AuditFault::Unreadable => "the entry does not read".to_string(),
            AuditFault::Missing { found } => format!("the entry is missing (found {found})"),
            AuditFault::PreviousHash => {
                "its previous-hash does not match the entry before it".to_string()
            }
            AuditFault::Hash => "its content does not match its hash".to_string(),
            AuditFault::Ends { count, recorded } => {
                format!("the log ends at entry {count}, but the store recorded {recorded} entries")
            }
            AuditFault::Replay(f) => f.en(),
            AuditFault::Journal(f) => f.en(),
            AuditFault::NotJournaled { key } => format!("the value at {key} is not in the journal"),
            AuditFault::NotAsJournaled { key } => {
                format!("the value at {key} is not the one the journal holds")
            }
            AuditFault::Count { journal, state } => {
                format!("the journal holds {journal} values, the state {state}")
            }
        }
    }
}

/// Ids as one list for logs; `none` when there are none.
pub(super) fn listed(ids: &[String]) -> String {
    if ids.is_empty() {
        "none".to_string()
    } else {
        ids.join(", ")
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl fmt::Display for CentreFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl Say for Cause {
    fn zh(&self) -> String {
        match self {
            Cause::DiskFull => "磁盘已满或已达到文件大小上限".to_string(),
            Cause::NoPermission(os) => format!("没有访问权限（系统信息：{os}）"),
            Cause::ReadOnly(os) => format!("磁盘为只读（系统信息：{os}）"),
            Cause::Corrupt { at: Some(at) } => format!("数据损坏，位置 {at}"),
            Cause::Corrupt { at: None } => "数据损坏".to_string(),
            Cause::BadValue { key, detail } => format!("{key} 处的值无法读取：{detail}"),
            Cause::BadStamp(d) => format!("存储格式版本标记无法读取：{d}"),
            Cause::MissingDossier { round, dossier } => {
                format!("轮次 {round} 的申报书 {dossier} 缺失")
            }
            Cause::NoSigningKey => "存储中还没有签名密钥".to_string(),
            Cause::Unreadable => "无法读取".to_string(),
            Cause::JournalMissing => "日志文件不见了".to_string(),
            Cause::JournalClosed => "日志没有打开".to_string(),
            Cause::EarlierLayout => "旧格式的存储文件无法读取，无法转换".to_string(),
            Cause::BadKeyFile => "本机签名密钥文件无法读取".to_string(),
            Cause::Backup(f) => format!("备份文件不完整：{}", f.zh()),
            Cause::System(words) => format!("系统信息：{words}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Cause::DiskFull => "the disk is full or the file size limit is reached".to_string(),
            Cause::NoPermission(os) => format!("permission denied ({os})"),
            Cause::ReadOnly(os) => format!("the disk is read-only ({os})"),
            Cause::Corrupt { at: Some(at) } => format!("corrupt data at {at}"),
            Cause::Corrupt { at: None } => "corrupt data".to_string(),
            Cause::BadValue { key, detail } => {
                format!("the value at {key} does not read: {detail}")
            }
            Cause::BadStamp(d) => format!("the schema stamp does not read: {d}"),
            Cause::MissingDossier { round, dossier } => {
                format!("dossier {dossier} of round {round} is missing")
            }
            Cause::NoSigningKey => "the store has no signing key yet".to_string(),
            Cause::Unreadable => "it could not be read".to_string(),
            Cause::JournalMissing => "the journal's files are missing".to_string(),
            Cause::JournalClosed => "the journal is not open".to_string(),
            Cause::EarlierLayout => {
                "the files of the earlier layout do not read, so they cannot be converted"
                    .to_string()
            }
            Cause::BadKeyFile => "the laptop's signing key file does not read".to_string(),
            Cause::Backup(f) => format!("the backup is not intact: {}", f.en()),
            Cause::System(words) => words.clone(),
        }
    }
}

impl Say for CentreFault {
    fn zh(&self) -> String {
        match self {
            CentreFault::Twice => "同一次登记中统一社会信用代码出现了两次".to_string(),
            CentreFault::OtherScheme { registered, given } => format!(
                "该中心在名录中登记的扶持办法是{}，不是{}",
                registered.short_zh(),
                given.short_zh()
            ),
            CentreFault::Lifecycle(e) => e.zh(),
        }
    }

    fn en(&self) -> String {
        match self {
            CentreFault::Twice => "the credit code appears twice in one registration".to_string(),
            CentreFault::OtherScheme { registered, given } => format!(
                "it is in the register under the scheme {}, not {}",
                registered.key(),
                given.key()
            ),
            CentreFault::Lifecycle(e) => e.en(),
        }
    }
}

fn dir(d: &Path) -> String {
    d.display().to_string()
}

impl Say for StoreError {
    fn zh(&self) -> String {
        match self {
            StoreError::InUse { dir: d, holder } => {
                let by = match holder {
                    Some(pid) => format!("（进程 {pid}）"),
                    None => " ".to_string(),
                };
                format!(
                    "存储 {} 正被另一个 pingshen{by}使用；请先在那里关闭，再重试",
                    dir(d)
                )
            }
            StoreError::Newer {
                dir: d,
                found,
                ours,
            } => format!(
                "存储 {} 由较新版本的 pingshen 写入（存储格式 {found}）；本版本只能读取格式 {ours} 及更早的存储，请使用较新的版本",
                dir(d)
            ),
            StoreError::Damaged {
                dir: d,
                detail: detail @ Cause::BadValue { .. },
            } => format!(
                "存储 {} 的当前状态中有一个值无法读取（{}）；下次打开存储时会根据日志重建，请再运行一次",
                dir(d),
                detail.zh()
            ),
            StoreError::Damaged { dir: d, detail } => {
                format!("存储 {} 已损坏，无法读取（{}）", dir(d), detail.zh())
            }
            StoreError::JournalDamaged {
                dir: d,
                segment,
                offset,
                seq,
                fault,
            } => format!(
                "存储 {} 的日志在第 {seq} 条记录处损坏（{} 第 {offset} 字节：{}）；存储现为只读",
                dir(d),
                super::journal::segment_name(*segment),
                fault.zh()
            ),
            StoreError::NotEmpty { dir: d } => {
                format!("{} 中已有存储；请恢复到一个新的空文件夹", dir(d))
            }
            StoreError::Write { dir: d, detail } => {
                format!(
                    "无法保存到存储 {}：{}；本次修改没有保存",
                    dir(d),
                    detail.zh()
                )
            }
            StoreError::Unconfirmed { dir: d, detail } => format!(
                "无法确认对存储 {} 的修改已写入磁盘（{}）；请重新启动 pingshen 后检查",
                dir(d),
                detail.zh()
            ),
            StoreError::Open { dir: d, detail } => {
                format!("无法打开存储 {}：{}", dir(d), detail.zh())
            }
            StoreError::Read { dir: d, detail } => {
                format!("无法读取存储 {}：{}", dir(d), detail.zh())
            }
            StoreError::Broken { dir: d, detail } => format!(
                "存储 {} 在一次写入失败后不再接受修改（{}）；请重新启动 pingshen",
                dir(d),
                detail.zh()
            ),
            StoreError::NoSuchRound { round, known } if known.is_empty() => {
                format!("存储中没有轮次“{round}”；存储中还没有任何轮次")
            }
            StoreError::NoSuchRound { round, known } => {
                format!("存储中没有轮次“{round}”；已有轮次：{}", known.join("、"))
            }
            StoreError::RoundInUse { round, cards } => format!(
                "轮次 {round} 已有 {cards} 张评分表，不能用内容不同的文件替换；请保留已载入的版本，或使用新的轮次编号"
            ),
            StoreError::Refused(r) => r.zh(),
            StoreError::BadDecision(e) => e.zh(),
            StoreError::Agency(e) => e.zh(),
            StoreError::Merge(m) => m.zh(),
            StoreError::Pin(p) => p.zh(),
            StoreError::NoSuchCentre { code, known } if known.is_empty() => {
                format!("名录中没有中心“{code}”；名录为空")
            }
            StoreError::NoSuchCentre { code, known } => {
                format!("名录中没有中心“{code}”；名录中的中心：{}", known.join("、"))
            }
            StoreError::Centre { code, why } => format!("中心 {code}：{}", why.zh()),
            StoreError::Earlier {
                round,
                earlier,
                why,
            } => format!(
                "轮次 {round} 不能采用轮次 {earlier} 的备选单位：{}",
                why.zh()
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            StoreError::Damaged {
                detail: Cause::BadValue { .. },
                ..
            } => format!(
                "{self}; it is rebuilt from the journal when the store next opens: run the command again"
            ),
            StoreError::Damaged { .. }
            | StoreError::Write { .. }
            | StoreError::Unconfirmed { .. }
            | StoreError::Open { .. }
            | StoreError::Read { .. }
            | StoreError::Broken { .. }
            | StoreError::InUse { .. }
            | StoreError::Newer { .. }
            | StoreError::RoundInUse { .. }
            | StoreError::NoSuchCentre { .. }
            | StoreError::Centre { .. }
            | StoreError::Earlier { .. }
            | StoreError::JournalDamaged { .. }
            | StoreError::NotEmpty { .. } => self.to_string(),
            StoreError::NoSuchRound { round, known } if known.is_empty() => {
                format!("round '{round}' is not in the store; the store holds no round yet")
            }
            StoreError::NoSuchRound { .. } => self.to_string(),
            StoreError::Refused(r) => r.en(),
            StoreError::BadDecision(e) => e.en(),
            StoreError::Agency(e) => e.en(),
            StoreError::Merge(m) => m.en(),
            StoreError::Pin(p) => p.en(),
        }
    }
}
