//! What is wrong at one place in a file, as a typed value said in either
//! language: the file itself, the RON syntax, or the domain's validation.

use std::fmt;

use crate::domain::invalid::Problem;
use crate::domain::points::PointsError;
use crate::lang::Say;

/// One problem in a file, without its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Empty,
    NotUtf8 {
        byte: u8,
    },
    CannotRead(Unread),
    /// The first word names no kind of file.
    UnknownKind,
    /// The RON parser's complaint; `early` when the file ends before it.
    Syntax {
        error: ron::Error,
        early: bool,
    },
    /// The domain's validation of what the file says.
    Invalid(Problem),
    /// A round package in a format this version does not read.
    PackageFormat {
        found: u32,
        ours: u32,
    },
    /// A round package names a dossier file by a path, not a plain name.
    PlainName {
        name: String,
    },
}

/// Why a file (or folder) could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    NotFound,
    NoPermission,
    /// The system's own words.
    System(String),
}

impl From<&std::io::Error> for Unread {
    fn from(e: &std::io::Error) -> Unread {
        match e.kind() {
            std::io::ErrorKind::NotFound => Unread::NotFound,
            std::io::ErrorKind::PermissionDenied => Unread::NoPermission,
            _ => Unread::System(e.to_string()),
        }
    }
}

impl From<Problem> for Message {
    fn from(p: Problem) -> Message {
        Message::Invalid(p)
    }
}

/// Words not yet given a type of their own are the domain's free text.
impl From<String> for Message {
    fn from(s: String) -> Message {
        Message::Invalid(Problem::from(s))
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Message {
        Message::from(s.to_string())
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl Say for Unread {
    fn zh(&self) -> String {
        match self {
            Unread::NotFound => "没有这个文件".to_string(),
            Unread::NoPermission => "没有访问权限".to_string(),
            Unread::System(words) => format!("（系统信息：{words}）"),
        }
    }

    fn en(&self) -> String {
        match self {
            Unread::NotFound => "no such file".to_string(),
            Unread::NoPermission => "permission denied".to_string(),
            Unread::System(words) => words.clone(),
        }
    }
}

impl Say for Message {
    fn zh(&self) -> String {
        match self {
            Message::Empty => "文件是空的".to_string(),
            Message::NotUtf8 { byte } => {
                format!("文件不是 UTF-8 文本（字节 0x{byte:02X}）；请另存为 UTF-8")
            }
            Message::CannotRead(why @ Unread::System(_)) => format!("无法读取文件{}", why.zh()),
            Message::CannotRead(why) => format!("无法读取文件：{}", why.zh()),
            Message::UnknownKind => {
                "文件开头应为 Sheet(…)、Dossier(…)、Round(…)、Calendar(…) 或 Package(…)".to_string()
            }
            Message::Syntax { error, early: true } => format!(
                "文件提前结束（{}）：缺少一个值或右括号",
                super::syntax::zh(error)
            ),
            Message::Syntax { error, .. } => super::syntax::zh(error),
            Message::Invalid(p) => p.zh(),
            Message::PackageFormat { found, ours } => {
                format!("轮次包为第 {found} 版格式；本版本读取第 {ours} 版格式")
            }
            Message::PlainName { name } => {
                format!("申报书文件名“{name}”必须是单纯的文件名，不能带路径")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Message::Empty => "the file is empty".to_string(),
            Message::NotUtf8 { byte } => {
                format!("the file is not UTF-8 text (byte 0x{byte:02X}); save it as UTF-8")
            }
            Message::CannotRead(why) => format!("cannot read the file: {}", why.en()),
            Message::UnknownKind => "expected Sheet(…), Dossier(…), Round(…), Calendar(…) or Package(…) at the start of the file".to_string(),
            Message::Syntax { error, early: true } => format!(
                "the file ends too early ({}): a value or closing bracket is missing",
                super::syntax::en(error)
            ),
            Message::Syntax { error, .. } => super::syntax::en(error),
            Message::Invalid(p) => p.en(),
            Message::PackageFormat { found, ours } => {
                format!("the package is in format {found}; this version reads format {ours}")
            }
            Message::PlainName { name } => {
                format!("dossier file name '{name}' must be a plain file name")
            }
        }
    }
}

/// A points error a custom deserializer gave as text, read back into its
/// type (the loader owns both ends of that text).
pub(super) fn points_error(text: &str) -> Option<PointsError> {
    let after = |prefix: &str| text.strip_prefix(prefix).map(str::to_string);
    let inside = |prefix: &str, suffix: &str| {
        text.strip_prefix(prefix)
            .and_then(|t| t.strip_suffix(suffix))
            .map(str::to_string)
    };
    after("points must be a finite number, not ")
        .map(PointsError::NotFinite)
        .or_else(|| inside("points must not be negative (got ", ")").map(PointsError::Negative))
        .or_else(|| {
            inside("points have at most 2 decimals (got ", ")").map(PointsError::TooPrecise)
        })
        .or_else(|| inside("", " is too large").map(PointsError::TooLarge))
}
