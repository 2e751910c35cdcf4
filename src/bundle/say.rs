//! Why a bundle or a round package is refused, in both languages.

use super::{BadKey, BodyFault, BundleError, Frame, KeyMismatch};
use crate::domain::merge::KeyAccepted;
use crate::lang::Say;
use crate::store::Imported;

impl Say for Frame {
    fn zh(&self) -> String {
        match self {
            Frame::CrLf => "复制时行尾被改成了 CR LF；请原样复制文件，不要转换".to_string(),
            Frame::FirstLine => "第一行不是“pingshen score bundle 1”".to_string(),
            Frame::NoKeyLine => "缺少密钥行".to_string(),
            Frame::KeyLine => "第二行不是“key: ”加 64 位小写十六进制数字".to_string(),
            Frame::NoFinalBreak => "文件在签名之后没有以换行结束".to_string(),
            Frame::SignatureLine => {
                "最后一行不是“signature: ”加 128 位小写十六进制数字".to_string()
            }
            Frame::PublicKey => "密钥行中的公钥无效".to_string(),
            Frame::Version { found, ours } => {
                format!("内容为第 {found} 版格式；本版本读取第 {ours} 版格式")
            }
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for BodyFault {
    fn zh(&self) -> String {
        match self {
            BodyFault::NotUtf8(detail) => format!("不是 UTF-8 文本（{detail}）"),
            BodyFault::Parse { line, col, error } => format!(
                "第 {line} 行第 {col} 列：{}",
                crate::load::syntax_words(error, crate::lang::Lang::Zh)
            ),
            BodyFault::Score {
                dossier,
                item,
                error,
            } => format!("申报书 {dossier} 评分项 {item}：{}", error.zh()),
            BodyFault::Write(detail) => format!("无法写出（{detail}）"),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for KeyMismatch {
    fn zh(&self) -> String {
        match self {
            KeyMismatch::Keys => "密钥行与内容中写的密钥不同".to_string(),
            KeyMismatch::Fingerprint { given, actual } => {
                format!("内容中的指纹是 {given}，而密钥的指纹是 {actual}")
            }
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for BadKey {
    fn zh(&self) -> String {
        match self {
            BadKey::Secret => "私钥不是 64 位十六进制数字".to_string(),
            BadKey::Halves => "其公钥与私钥不匹配".to_string(),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Say for BundleError {
    fn zh(&self) -> String {
        match self {
            BundleError::Format(f) => {
                format!("已拒绝：这不是本版本能读取的评分包：{}", f.zh())
            }
            BundleError::Signature => {
                "已拒绝：签名与内容不符：评分包在签名后被改动过（或复制时损坏）".to_string()
            }
            BundleError::Body(b) => format!("已拒绝：评分包的内容无法读取：{}", b.zh()),
            BundleError::KeyMismatch(k) => format!("已拒绝：{}", k.zh()),
            BundleError::Broken(why) => format!(
                "已拒绝：本存储的审计日志已断开（{}）；审计日志校验通过之前不能导出评分包",
                why.zh()
            ),
            BundleError::NoTexts(round) => format!(
                "轮次 {round} 是在存储保留文件原文之前载入的；请再次载入同一轮次文件（不会改变任何内容）后重新导出"
            ),
            BundleError::Files(files) => {
                let lines: Vec<String> = files.iter().map(Say::zh).collect();
                format!("轮次包无法载入：\n{}", lines.join("\n"))
            }
            BundleError::PackageChanged {
                file,
                declared,
                found,
            } => format!(
                "轮次包 {file} 在导出后被改动过：其中文件的指纹是 {found}，而包上写的是 {declared}；请向秘书重新索取轮次包"
            ),
            BundleError::Random(detail) => format!("无法生成签名密钥：{detail}"),
            BundleError::BadKey(k) => {
                format!("存储中的签名密钥无法读取（{}）；存储可能已损坏", k.zh())
            }
            BundleError::Documents(f) => f.zh(),
            BundleError::Store(e) => e.zh(),
        }
    }

    fn en(&self) -> String {
        match self {
            BundleError::Files(files) => {
                let lines: Vec<String> = files.iter().map(Say::en).collect();
                format!("the round package does not load:\n{}", lines.join("\n"))
            }
            BundleError::Body(BodyFault::Score {
                dossier,
                item,
                error,
            }) => format!(
                "refused: the bundle's content does not read: dossier {dossier} item {item}: {}",
                error.en()
            ),
            BundleError::Broken(why) => format!(
                "refused: this store's audit log is broken ({}); no bundle is made from it until the audit log verifies",
                why.en()
            ),
            BundleError::Store(e) => e.en(),
            other => other.to_string(),
        }
    }
}

impl Say for Imported {
    fn zh(&self) -> String {
        let r = self;
        let who = format!(
            "评分包 {}（{} 专家 {}，密钥 {}）",
            r.sequence, r.round, r.expert, r.key
        );
        let mut line = match (r.again, r.superseded_by) {
            (true, _) => format!("{who} 已导入过，未作改动"),
            (_, Some(n)) => format!("{who} 早于已导入的评分包 {n}，未作改动"),
            (_, None) => format!(
                "已导入{who}：导入 {} 张，跳过 {} 张，保留现有 {} 张，分歧 {} 项，新回避 {} 项",
                r.imported, r.skipped, r.kept, r.conflicts, r.recusals
            ),
        };
        if r.accepted == Some(KeyAccepted::Confirmed) && !r.again {
            line.push_str(&format!(
                "\n已信任专家 {} 的密钥 {}（已记入审计日志）",
                r.expert, r.key
            ));
        }
        if r.conflicts > 0 {
            line.push_str("\n有评分分歧待秘书处理");
        }
        line
    }

    fn en(&self) -> String {
        let r = self;
        let who = format!(
            "bundle {} ({} expert {}, key {})",
            r.sequence, r.round, r.expert, r.key
        );
        let mut line = match (r.again, r.superseded_by) {
            (true, _) => format!("{who} was already imported; nothing changed"),
            (_, Some(n)) => {
                format!("{who} is older than bundle {n}, already imported; nothing changed")
            }
            (_, None) => format!(
                "imported {who}: {} cards imported, {} skipped, {} kept as held, {} conflicts, {} new recusals",
                r.imported, r.skipped, r.kept, r.conflicts, r.recusals
            ),
        };
        if r.accepted == Some(KeyAccepted::Confirmed) && !r.again {
            line.push_str(&format!(
                "\ntrusted key {} for expert {} (recorded in the audit log)",
                r.key, r.expert
            ));
        }
        if r.conflicts > 0 {
            line.push_str("\nscore conflicts wait for the secretary");
        }
        line
    }
}
