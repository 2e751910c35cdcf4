//! What opening a store had to do that a person should know: each said in one
//! sentence, in either language, by whoever shows it.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::lang::Say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The last record was cut short by a crash; it was never acknowledged.
    TailCut {
        segment: String,
        offset: u64,
        /// Where the cut bytes were kept, when they held anything.
        kept: Option<PathBuf>,
    },
    /// The state could not be used and was rebuilt from the journal.
    Rebuilt {
        why: RebuildWhy,
        /// Where the old state files were moved, if there were any.
        moved: Option<PathBuf>,
        records: u64,
    },
    /// A store of the earlier layout was converted to a journal.
    Converted { moved: PathBuf, records: u64 },
    /// The journal cannot be read past a damaged record; the store is read-only.
    Damaged {
        seq: u64,
        segment: String,
        offset: u64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RebuildWhy {
    /// sled would not open.
    Unreadable,
    /// sled's state does not match the journal.
    Disagrees,
    /// sled's files were not there.
    Missing,
    /// The computer went down while the store was open: sled's files may
    /// hold less than sled believes.
    WentDown,
}

type Sink = Box<dyn Fn(&Notice) + Send + Sync>;

static SINK: OnceLock<Sink> = OnceLock::new();

/// Where notices go as stores open (the command line prints them); set once.
pub fn on_notice(f: impl Fn(&Notice) + Send + Sync + 'static) {
    let _ = SINK.set(Box::new(f));
}

pub(super) fn tell(n: &Notice) {
    if let Some(f) = SINK.get() {
        f(n);
    }
}

impl Say for Notice {
    fn zh(&self) -> String {
        match self {
            Notice::TailCut {
                segment,
                offset,
                kept,
            } => {
                let mut s = format!(
                    "日志末尾有一条因中断而未写完的记录（{segment} 第 {offset} 字节），它从未被确认保存，已截去"
                );
                if let Some(p) = kept {
                    s.push_str(&format!("；截去的字节保存在 {}", p.display()));
                }
                s
            }
            Notice::Rebuilt {
                why,
                moved,
                records,
            } => {
                let mut s = format!(
                    "{}，已根据日志重建（{records} 条记录）",
                    match why {
                        RebuildWhy::Unreadable => "存储的当前状态文件无法读取",
                        RebuildWhy::Disagrees => "存储的当前状态与日志不一致",
                        RebuildWhy::Missing => "存储的当前状态文件不见了",
                        RebuildWhy::WentDown => {
                            "上次使用时电脑在存储打开期间断电或关机，当前状态文件可能不完整"
                        }
                    }
                );
                if let Some(m) = moved {
                    s.push_str(&format!("；原文件移到了 {}", m.display()));
                }
                s
            }
            Notice::Converted { moved, records } => format!(
                "已将旧格式的存储转换为日志格式（{records} 条记录）；旧文件移到了 {}",
                moved.display()
            ),
            Notice::Damaged {
                seq,
                segment,
                offset,
            } => format!(
                "日志在第 {seq} 条记录处损坏（{segment} 第 {offset} 字节），之后的记录无法读取；存储现为只读"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Notice::TailCut {
                segment,
                offset,
                kept,
            } => {
                let mut s = format!(
                    "the journal ended in a record cut short by an interruption ({segment}, byte {offset}); it was never acknowledged and has been removed"
                );
                if let Some(p) = kept {
                    s.push_str(&format!("; its bytes are kept in {}", p.display()));
                }
                s
            }
            Notice::Rebuilt {
                why,
                moved,
                records,
            } => {
                let mut s = format!(
                    "{}, so it was rebuilt from the journal ({records} records)",
                    match why {
                        RebuildWhy::Unreadable => "the store's current state could not be read",
                        RebuildWhy::Disagrees => {
                            "the store's current state did not match its journal"
                        }
                        RebuildWhy::Missing => "the store's current state was missing",
                        RebuildWhy::WentDown => {
                            "the computer went down while the store was open, so its current state may be incomplete"
                        }
                    }
                );
                if let Some(m) = moved {
                    s.push_str(&format!("; the old files were moved to {}", m.display()));
                }
                s
            }
            Notice::Converted { moved, records } => format!(
                "the store was converted to the journal layout ({records} records); the old files were moved to {}",
                moved.display()
            ),
            Notice::Damaged {
                seq,
                segment,
                offset,
            } => format!(
                "the journal is damaged at record {seq} ({segment}, byte {offset}) and cannot be read past it; the store is read-only"
            ),
        }
    }
}
