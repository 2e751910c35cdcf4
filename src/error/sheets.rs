//! Why `sheets export` wrote nothing (or took back what it had written).

use std::path::PathBuf;

use super::Exit;
use crate::lang::Say;

#[derive(Debug, thiserror::Error)]
pub enum SheetsError {
    #[error("{} is not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("{} already exists ({more} more of the shipped files too); nothing was written", first.display())]
    Exists { first: PathBuf, more: usize },
    #[error("cannot write {}: {source}; nothing was kept", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl SheetsError {
    pub fn exit(&self) -> Exit {
        match self {
            SheetsError::NotAFolder(_) => Exit::BadInput,
            SheetsError::Exists { .. } => Exit::Refused,
            SheetsError::Write { .. } => Exit::Failure,
        }
    }
}

impl Say for SheetsError {
    fn zh(&self) -> String {
        match self {
            SheetsError::NotAFolder(p) => format!("{} 不是文件夹，未写入任何文件", p.display()),
            SheetsError::Exists { first, more: 0 } => format!(
                "{} 已存在，未写入任何文件；不会覆盖已有文件，请导出到新的或空的文件夹",
                first.display()
            ),
            SheetsError::Exists { first, more } => format!(
                "{} 等 {} 个文件已存在，未写入任何文件；不会覆盖已有文件，请导出到新的或空的文件夹",
                first.display(),
                more + 1
            ),
            SheetsError::Write { path, source } => format!(
                "无法写入 {}：{}；已写的文件均已删除",
                path.display(),
                io_zh(source)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            SheetsError::NotAFolder(p) => {
                format!("{} is not a folder; nothing was written", p.display())
            }
            SheetsError::Exists { first, more: 0 } => format!(
                "{} already exists; nothing was written. Existing files are never overwritten: export into a new or empty folder",
                first.display()
            ),
            SheetsError::Exists { first, more } => format!(
                "{} and {more} more of the shipped files already exist; nothing was written. Existing files are never overwritten: export into a new or empty folder",
                first.display()
            ),
            SheetsError::Write { path, source } => format!(
                "cannot write {}: {source}; the files written so far were removed",
                path.display()
            ),
        }
    }
}

fn io_zh(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "没有写入权限".into(),
        std::io::ErrorKind::StorageFull => "磁盘已满".into(),
        std::io::ErrorKind::ReadOnlyFilesystem => "只读文件系统".into(),
        _ => e.to_string(),
    }
}
