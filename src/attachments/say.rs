//! The documents' faults in both languages.

use super::fault::DocumentFault;
use crate::lang::Say;

impl Say for DocumentFault {
    fn zh(&self) -> String {
        match self {
            DocumentFault::Changed {
                origin,
                dossier,
                name,
                listed,
                found,
            } => format!(
                "{origin}：申报书 {dossier} 的附件 {name} 不是所列的那份：所列 SHA-256 {listed}，文件实为 {found}；未载入任何内容"
            ),
            DocumentFault::Damaged { file, whole } => format!(
                "{file}：包中携带的附件在第 {whole} 份完整附件之后无法读取（复制时被截断或改动）；未载入任何内容"
            ),
            DocumentFault::Unexpected { file, entry } => format!(
                "{file}：包中携带的 {entry} 没有任何申报书列出（或重复出现）；未载入任何内容"
            ),
            DocumentFault::Absent {
                dossier,
                name,
                folder,
            } => format!(
                "申报书 {dossier} 的附件 {name} 不在 {} 中",
                folder.display()
            ),
            DocumentFault::NotOpened {
                dossier,
                name,
                listed,
                found,
            } => format!(
                "未打开：申报书 {dossier} 的附件 {name} 不是提交的那份：所列 SHA-256 {listed}，文件实为 {found}"
            ),
            DocumentFault::Viewer { program, why } => {
                format!("无法启动查看程序 {program}：{}", why.zh())
            }
            DocumentFault::Io { path, why } => {
                format!("无法读写 {}：{}", path.display(), why.zh())
            }
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}
