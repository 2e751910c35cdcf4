//! Hints the command line adds to an error: the flag or command that helps.
//! The layers below never name a flag; this is the one place that knows which
//! error a flag answers.

use crate::bundle::BundleError;
use crate::domain::lifecycle::LifecycleError;
use crate::domain::merge::MergeRefusal;
use crate::domain::pin::PinRefusal;
use crate::domain::scoring::Refusal;
use crate::error::Error;
use crate::lang::Say;
use crate::store::{Cause, CentreFault, StoreError};

/// One hint, said after the error on a line of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Give the reason with `--reason`.
    Reason,
    /// Confirm an expert's key in person, then import trusting it.
    Trust { expert: String, found: String },
    /// Load a round first.
    Init,
    /// Enter centres in the register first.
    Register,
    /// The scheme the centre is registered under.
    Scheme(&'static str),
    /// Find the break in the audit log.
    AuditVerify,
    /// A secretary may reopen a submitted card.
    Reopen,
    /// Make a new store from a backup.
    Restore,
    /// Copy what is intact of a damaged journal, then make a new store from it.
    BackupThenRestore,
    /// Score conflicts wait: where to list them.
    Conflicts { round: String },
    /// The expert sets their first PIN.
    PinSet { expert: String },
    /// A script gives the PIN on standard input.
    PinStdin,
}

impl Say for Hint {
    fn zh(&self) -> String {
        match self {
            Hint::Reason => "提示：用 --reason 填写理由".to_string(),
            Hint::Trust { expert, found } => format!(
                "提示：请专家在本人电脑上运行 pingshen key show，当面核对指纹；一致后导入时加上 --trust {expert}={found}"
            ),
            Hint::Init => "提示：先用 pingshen init 轮次文件 载入评审轮次".to_string(),
            Hint::Register => "提示：先用 pingshen center register 登记中心".to_string(),
            Hint::Scheme(key) => format!("提示：用 --scheme {key}"),
            Hint::AuditVerify => "提示：运行 pingshen audit verify 查看断开之处".to_string(),
            Hint::Reopen => {
                "提示：秘书可用 pingshen score reopen … --reason 理由 重新打开".to_string()
            }
            Hint::Restore => {
                "提示：用 pingshen --store 新文件夹 restore 备份文件 从备份建立新的存储".to_string()
            }
            Hint::BackupThenRestore => "提示：先用 pingshen backup --out 文件 复制完好的记录，再用 pingshen --store 新文件夹 restore 文件 建立新的存储".to_string(),
            Hint::Conflicts { round } => {
                format!("提示：用 pingshen bundle conflicts --round {round} 查看评分分歧")
            }
            Hint::PinSet { expert } => format!(
                "提示：请专家本人用 pingshen pin set --round 轮次 --expert {expert} 设置 PIN 码"
            ),
            Hint::PinStdin => "提示：脚本可加 --pin-stdin，从标准输入读入 PIN 码".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            Hint::Reason => "hint: give one with --reason".to_string(),
            Hint::Trust { expert, found } => format!(
                "hint: check that fingerprint with the expert (pingshen key show on their laptop) and import again with --trust {expert}={found}"
            ),
            Hint::Init => "hint: load a round first with pingshen init ROUND_FILE".to_string(),
            Hint::Register => "hint: add centres with pingshen center register".to_string(),
            Hint::Scheme(key) => format!("hint: use --scheme {key}"),
            Hint::AuditVerify => "hint: run pingshen audit verify to find the break".to_string(),
            Hint::Reopen => {
                "hint: a secretary can reopen it with pingshen score reopen … --reason TEXT"
                    .to_string()
            }
            Hint::Restore => {
                "hint: make a new store from a backup with pingshen --store NEW_FOLDER restore FILE"
                    .to_string()
            }
            Hint::BackupThenRestore => "hint: copy what is intact with pingshen backup --out FILE, then make a new store with pingshen --store NEW_FOLDER restore FILE".to_string(),
            Hint::Conflicts { round } => {
                format!("hint: list them with pingshen bundle conflicts --round {round}")
            }
            Hint::PinSet { expert } => format!(
                "hint: the expert sets one with pingshen pin set --round ROUND --expert {expert}"
            ),
            Hint::PinStdin => "hint: a script gives it on standard input with --pin-stdin".to_string(),
        }
    }
}

/// The hints for an error, in order; none for most.
pub fn hints(e: &Error) -> Vec<Hint> {
    match e {
        Error::Store(s) | Error::Bundle(BundleError::Store(s)) => store(s),
        Error::Bundle(BundleError::Broken(_)) => vec![Hint::AuditVerify],
        Error::Bundle(BundleError::NoTexts(_)) => vec![Hint::Init],
        _ => Vec::new(),
    }
}

fn store(e: &StoreError) -> Vec<Hint> {
    match e {
        StoreError::NoSuchRound { known, .. } if known.is_empty() => vec![Hint::Init],
        StoreError::NoSuchCentre { known, .. } if known.is_empty() => vec![Hint::Register],
        StoreError::Refused(Refusal::NoReason { .. })
        | StoreError::Merge(MergeRefusal::NoReason)
        | StoreError::Centre {
            why: CentreFault::Lifecycle(LifecycleError::NoReason(_)),
            ..
        } => vec![Hint::Reason],
        StoreError::Refused(Refusal::Submitted { .. }) => vec![Hint::Reopen],
        StoreError::Damaged {
            detail: Cause::BadValue { .. },
            ..
        } => Vec::new(),
        StoreError::Damaged { .. } => vec![Hint::Restore],
        StoreError::JournalDamaged { .. } => vec![Hint::BackupThenRestore],
        StoreError::Merge(MergeRefusal::UnknownKey { expert, found, .. }) => vec![Hint::Trust {
            expert: expert.clone(),
            found: found.clone(),
        }],
        StoreError::Centre {
            why: CentreFault::OtherScheme { registered, .. },
            ..
        } => vec![Hint::Scheme(registered.key())],
        StoreError::Pin(PinRefusal::NotSet { expert }) => vec![Hint::PinSet {
            expert: expert.clone(),
        }],
        StoreError::Pin(PinRefusal::Needed { .. }) => vec![Hint::PinStdin],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hint_is_a_line_of_its_own_in_either_language() {
        let all = [
            Hint::Reason,
            Hint::Trust {
                expert: "E1".into(),
                found: "3f2a-91bc-04de-77a1".into(),
            },
            Hint::Init,
            Hint::Register,
            Hint::Scheme("huangpu"),
            Hint::AuditVerify,
            Hint::Reopen,
            Hint::Conflicts { round: "r".into() },
            Hint::PinSet {
                expert: "E1".into(),
            },
            Hint::PinStdin,
        ];
        for h in &all {
            assert!(h.zh().starts_with("提示："), "{h:?}: {}", h.zh());
            assert!(h.en().starts_with("hint: "), "{h:?}: {}", h.en());
            assert!(!h.zh().contains('\n') && !h.en().contains('\n'), "{h:?}");
        }
    }

    #[test]
    fn an_unknown_key_gets_the_trust_hint_with_its_fingerprint() {
        let e = Error::Store(StoreError::Merge(MergeRefusal::UnknownKey {
            round: "r".into(),
            expert: "E1".into(),
            found: "3f2a-91bc-04de-77a1".into(),
        }));
        let said: Vec<String> = hints(&e).iter().map(Say::en).collect();
        assert_eq!(
            said,
            [
                "hint: check that fingerprint with the expert (pingshen key show on their laptop) and import again with --trust E1=3f2a-91bc-04de-77a1"
            ]
        );
    }
}
