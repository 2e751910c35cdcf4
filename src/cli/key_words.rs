//! What `key show`, `backup` and `restore` say about the signing key, in
//! both languages.

use std::path::PathBuf;

use crate::lang::Say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyWord {
    /// The whole SHA-256 of the public key; the fingerprint read aloud is its start.
    Full { full: String },
    /// The key file may be read or changed by others than its owner.
    OpenToOthers { file: PathBuf, mode: u32 },
    /// A backup made without the key.
    LeftOut,
    /// A backup made with the key, beside it.
    Copied { file: PathBuf },
    /// A restore that put the key back.
    Restored { file: PathBuf },
    /// A restore from a backup without the key.
    NotInBackup,
}

impl Say for KeyWord {
    fn zh(&self) -> String {
        match self {
            KeyWord::Full { full } => format!("完整指纹（SHA-256）：{full}"),
            KeyWord::OpenToOthers { file, mode } => format!(
                "警告：签名密钥文件 {} 的权限为 {mode:03o}，其他用户也能读取；请执行 chmod 600 {}",
                file.display(),
                file.display()
            ),
            KeyWord::LeftOut => {
                "签名密钥未包含在备份中（恢复后首次导出时会生成新密钥）；如需一并备份，请加 --with-key".into()
            }
            KeyWord::Copied { file } => format!(
                "签名密钥已另存为 {}（仅本人可读）；请像保管本机一样妥善保管",
                file.display()
            ),
            KeyWord::Restored { file } => {
                format!("签名密钥已从 {} 恢复（仅本人可读）", file.display())
            }
            KeyWord::NotInBackup => {
                "备份中没有签名密钥：首次导出评分包时会生成新密钥，秘书需重新当面核对指纹".into()
            }
        }
    }

    fn en(&self) -> String {
        match self {
            KeyWord::Full { full } => format!("full fingerprint (SHA-256): {full}"),
            KeyWord::OpenToOthers { file, mode } => format!(
                "warning: the signing key file {} has mode {mode:03o}, so other users can read it; run chmod 600 {}",
                file.display(),
                file.display()
            ),
            KeyWord::LeftOut => {
                "the signing key was left out of the backup (a restored store makes a new one at its first export); add --with-key to copy it too".into()
            }
            KeyWord::Copied { file } => format!(
                "the signing key was copied to {} (readable by its owner only); keep it as safe as this laptop",
                file.display()
            ),
            KeyWord::Restored { file } => format!(
                "the signing key was restored from {} (readable by its owner only)",
                file.display()
            ),
            KeyWord::NotInBackup => {
                "the backup holds no signing key: a new one is made at the first bundle export, and the secretary compares its fingerprint again".into()
            }
        }
    }
}
