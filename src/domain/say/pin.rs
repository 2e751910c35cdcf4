//! A PIN's refusals in words; a lock's end in the laptop's local time.

use chrono::{DateTime, Local, Utc};

use crate::domain::pin::{MAX_DIGITS, MIN_DIGITS, PinRefusal};
use crate::lang::Say;

/// The time a lock ends, as the laptop's clock shows it.
fn clock(until: &DateTime<Utc>) -> String {
    until.with_timezone(&Local).format("%H:%M:%S").to_string()
}

impl Say for PinRefusal {
    fn zh(&self) -> String {
        match self {
            PinRefusal::Form => format!("PIN 码应为 {MIN_DIGITS} 到 {MAX_DIGITS} 位数字"),
            PinRefusal::Differs => "两次输入的 PIN 码不一致，未保存".to_string(),
            PinRefusal::Wrong { expert, left } => {
                format!("专家 {expert} 的 PIN 码不正确；再错 {left} 次将锁定一分钟")
            }
            PinRefusal::Locked { expert, until } => format!(
                "专家 {expert} 因连续五次输错 PIN 码已被锁定，{} 后可再试",
                clock(until)
            ),
            PinRefusal::Needed { expert } => {
                format!("以专家 {expert} 的身份操作需要其 PIN 码，但未输入")
            }
            PinRefusal::NotSet { expert } => {
                format!("专家 {expert} 尚未设置 PIN 码；须先设置才能评分")
            }
            PinRefusal::AlreadySet { expert } => {
                format!("专家 {expert} 已设置 PIN 码；如已忘记，可由秘书填写理由后重置")
            }
            PinRefusal::NothingToReset { expert } => {
                format!("专家 {expert} 尚未设置 PIN 码，无需重置")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            PinRefusal::Form => format!("a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits"),
            PinRefusal::Differs => {
                "the two PINs typed are not the same; nothing was saved".to_string()
            }
            PinRefusal::Wrong { expert, left } => format!(
                "the PIN of expert {expert} is not right; {left} more wrong {} lock the expert for a minute",
                if *left == 1 { "try will" } else { "tries will" }
            ),
            PinRefusal::Locked { expert, until } => format!(
                "expert {expert} is locked after five wrong PINs; try again after {}",
                clock(until)
            ),
            PinRefusal::Needed { expert } => {
                format!("acting as expert {expert} needs their PIN, and none was given")
            }
            PinRefusal::NotSet { expert } => {
                format!("expert {expert} has no PIN yet; they set one before scoring")
            }
            PinRefusal::AlreadySet { expert } => format!(
                "expert {expert} already has a PIN; if it is forgotten, the secretary can reset it with a reason"
            ),
            PinRefusal::NothingToReset { expert } => {
                format!("expert {expert} has no PIN, so there is nothing to reset")
            }
        }
    }
}
