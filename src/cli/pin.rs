//! `pingshen pin …`: PINs for experts sharing one laptop. The secretary has a
//! round's experts give PINs on this store (`require`), stops it (`release`)
//! and resets a forgotten one (`reset`); an expert sets theirs (`set`), or is
//! asked for it at first use. Every score command for that expert then asks
//! for the PIN.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
use super::clock;
use super::pin_read::PinReader;
use crate::domain::pin::{Gate, Pin, PinRefusal};
use crate::error::Error;
use crate::lang::Say;
use crate::store::{Store, StoreError};

#[derive(Subcommand, Debug)]
pub enum PinCommand {
    /// Have every expert of a round give a PIN before scoring on this laptop.
    Require(Decision),
    /// Stop asking a round's experts for PINs on this laptop (the PINs set
    /// stay, for when they are asked again).
    Release(Decision),
    /// Set an expert's first PIN (4 to 8 digits, typed twice, never shown).
    Set {
        #[arg(long)]
        round: String,
        #[arg(long)]
        expert: String,
        /// Read the PIN twice from standard input, one line each.
        #[arg(long)]
        pin_stdin: bool,
    },
    /// Forget an expert's PIN (a secretary's action, with a reason); the
    /// expert sets a new one at next use.
    Reset {
        #[arg(long)]
        round: String,
        #[arg(long)]
        expert: String,
        #[arg(long)]
        reason: String,
        /// Who resets it, for the audit log.
        #[arg(long, default_value = "secretary")]
        by: String,
    },
}

/// A secretary's decision about a round's PINs on this laptop.
#[derive(clap::Args, Debug)]
pub struct Decision {
    #[arg(long)]
    round: String,
    #[arg(long)]
    reason: String,
    /// Who decides it, for the audit log.
    #[arg(long, default_value = "secretary")]
    by: String,
}

/// What is asked at the terminal.
enum Ask<'a> {
    Pin(&'a str),
    New(&'a str),
    Again,
}

impl Say for Ask<'_> {
    fn zh(&self) -> String {
        match self {
            Ask::Pin(expert) => format!("请输入专家 {expert} 的 PIN 码："),
            Ask::New(expert) => format!("请为专家 {expert} 设置 PIN 码（4 到 8 位数字）："),
            Ask::Again => "请再输入一次：".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            Ask::Pin(expert) => format!("PIN of expert {expert}: "),
            Ask::New(expert) => format!("New PIN for expert {expert} (4 to 8 digits): "),
            Ask::Again => "The same PIN again: ".to_string(),
        }
    }
}

/// What a `pin` command did.
enum Done {
    Required {
        round: String,
        new: bool,
    },
    Released {
        round: String,
        was: bool,
    },
    Set {
        expert: String,
    },
    Reset {
        expert: String,
        by: String,
        reason: String,
    },
}

impl Say for Done {
    fn zh(&self) -> String {
        match self {
            Done::Required { round, new: true } => {
                format!("已保存：轮次 {round} 的每位专家在本机评分前须输入本人的 PIN 码")
            }
            Done::Required { round, .. } => {
                format!("轮次 {round} 已要求专家输入 PIN 码，未作更改")
            }
            Done::Released { round, was: true } => format!(
                "已保存：轮次 {round} 的专家在本机评分不再需要 PIN 码（已设置的 PIN 码保留，再次要求时仍然有效）"
            ),
            Done::Released { round, .. } => {
                format!("轮次 {round} 未要求专家输入 PIN 码，未作更改")
            }
            Done::Set { expert } => format!("已保存专家 {expert} 的 PIN 码"),
            Done::Reset { expert, by, reason } => format!(
                "已保存：{by} 重置了专家 {expert} 的 PIN 码（{reason}）；专家下次使用时设置新的 PIN 码"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Done::Required { round, new: true } => format!(
                "saved: every expert of round {round} gives their own PIN before scoring on this laptop"
            ),
            Done::Required { round, .. } => {
                format!("round {round} already asks its experts for PINs; nothing changed")
            }
            Done::Released { round, was: true } => format!(
                "saved: the experts of round {round} no longer give a PIN to score on this laptop (PINs already set are kept for when they are asked again)"
            ),
            Done::Released { round, .. } => {
                format!("round {round} does not ask its experts for PINs; nothing changed")
            }
            Done::Set { expert } => format!("saved the PIN of expert {expert}"),
            Done::Reset { expert, by, reason } => format!(
                "saved: {by} reset the PIN of expert {expert} ({reason}); the expert sets a new one at next use"
            ),
        }
    }
}

fn refused(r: PinRefusal) -> Error {
    StoreError::from(r).into()
}

/// A new PIN, typed twice.
fn new_pin(reader: &mut PinReader, expert: &str, lang: Lang) -> Result<Pin, Error> {
    let needed = || {
        refused(PinRefusal::Needed {
            expert: expert.to_string(),
        })
    };
    let first = reader
        .read(&lang.say(&Ask::New(expert)))?
        .ok_or_else(needed)?;
    Pin::parse(&first).map_err(refused)?;
    let second = reader.read(&lang.say(&Ask::Again))?.ok_or_else(needed)?;
    Pin::twice(&first, &second).map_err(refused)
}

/// Lets the command go on as `expert`: nothing when the round asks for no
/// PIN; else the expert's PIN, asked at the terminal or read from standard
/// input, or at first use at the terminal a new one typed twice. A wrong PIN
/// is counted and audited by the store; the command writes nothing else.
pub fn unlock(
    store: &mut Store,
    round: &str,
    expert: &str,
    pin_stdin: bool,
    lang: Lang,
) -> Result<(), Error> {
    let now = clock::now()?;
    let mut reader = PinReader::new(pin_stdin);
    match store.pin_gate(round, expert, now)? {
        Gate::Open => Ok(()),
        Gate::FirstUse if reader.reads_stdin() || !reader.can_ask() => {
            Err(refused(PinRefusal::NotSet {
                expert: expert.to_string(),
            }))
        }
        Gate::FirstUse => {
            let pin = new_pin(&mut reader, expert, lang)?;
            store.set_pin(round, expert, &pin, now)?;
            eprintln!(
                "{}",
                lang.say(&Done::Set {
                    expert: expert.to_string()
                })
            );
            Ok(())
        }
        Gate::Ask => {
            let typed = reader.read(&lang.say(&Ask::Pin(expert)))?;
            let Some(typed) = typed else {
                return Err(refused(PinRefusal::Needed {
                    expert: expert.to_string(),
                }));
            };
            let pin = Pin::parse(&typed).map_err(refused)?;
            Ok(store.check_pin(round, expert, Some(&pin), now)?)
        }
    }
}

pub fn run(dir: &Path, cmd: PinCommand, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let done = match cmd {
        PinCommand::Require(Decision { round, reason, by }) => {
            let new = store.ask_for_pins(&round, &by, &reason)?;
            Done::Required { round, new }
        }
        PinCommand::Release(Decision { round, reason, by }) => {
            let was = store.stop_asking_for_pins(&round, &by, &reason)?;
            Done::Released { round, was }
        }
        PinCommand::Set {
            round,
            expert,
            pin_stdin,
        } => {
            let now = clock::now()?;
            // Checked before anything is typed: the round, the expert, a PIN not yet set.
            if store.has_pin(&round, &expert)? {
                return Err(refused(PinRefusal::AlreadySet { expert }));
            }
            let mut reader = PinReader::new(pin_stdin);
            if !reader.can_ask() {
                return Err(refused(PinRefusal::Needed { expert }));
            }
            let pin = new_pin(&mut reader, &expert, lang)?;
            store.set_pin(&round, &expert, &pin, now)?;
            Done::Set { expert }
        }
        PinCommand::Reset {
            round,
            expert,
            reason,
            by,
        } => {
            store.reset_pin(&round, &expert, &by, &reason)?;
            Done::Reset {
                expert,
                by,
                reason: reason.trim().to_string(),
            }
        }
    };
    println!("{}", lang.say(&done));
    Ok(())
}
