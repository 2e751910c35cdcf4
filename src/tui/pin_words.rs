//! What the PIN prompt says, in either language.

use crate::domain::pin::{MAX_DIGITS, MIN_DIGITS};
use crate::lang::Say;

use super::app::PinStep;

#[derive(Clone, Debug, PartialEq)]
pub enum PinWord<'a> {
    /// The popup's title: whose desk it opens.
    Title(&'a str),
    /// What to type at this step.
    Ask(&'a PinStep),
}

impl Say for PinWord<'_> {
    fn zh(&self) -> String {
        match self {
            PinWord::Title(who) => format!("专家 {who} · PIN 码"),
            PinWord::Ask(PinStep::Enter) => {
                format!("请输入您的 PIN 码（{MIN_DIGITS} 到 {MAX_DIGITS} 位数字）")
            }
            PinWord::Ask(PinStep::New) => format!(
                "首次使用：请设置您的 PIN 码（{MIN_DIGITS} 到 {MAX_DIGITS} 位数字），以后在本机评分前输入"
            ),
            PinWord::Ask(PinStep::Again(_)) => "请再输入一次同一个 PIN 码".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            PinWord::Title(who) => format!("Expert {who} · PIN"),
            PinWord::Ask(PinStep::Enter) => {
                format!("Type your PIN ({MIN_DIGITS} to {MAX_DIGITS} digits)")
            }
            PinWord::Ask(PinStep::New) => format!(
                "First use: choose a PIN of {MIN_DIGITS} to {MAX_DIGITS} digits, to type before scoring on this laptop"
            ),
            PinWord::Ask(PinStep::Again(_)) => "Type the same PIN again".into(),
        }
    }
}
