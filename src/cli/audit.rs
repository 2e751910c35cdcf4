//! `pingshen audit verify`: recompute the hash chains and compare the cards.

use std::path::Path;

use clap::Subcommand;

use super::Lang;
use crate::error::Error;
use crate::store::{REGISTER, Store};

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the audit log's hash chain and report the first broken entry.
    Verify {
        #[arg(long)]
        round: Option<String>,
    },
}

pub fn run(dir: &Path, cmd: AuditCommand, lang: Lang) -> Result<(), Error> {
    let AuditCommand::Verify { round } = cmd;
    let store = Store::open(dir)?;
    let v = store.audit_verify(round.as_deref())?;
    for (id, n) in &v.rounds {
        let ok = v.broken.as_ref().is_none_or(|b| &b.round != id);
        let id = if id == REGISTER {
            lang.pick("在册中心登记簿", "centre register")
        } else {
            id.as_str()
        };
        if ok {
            match lang {
                Lang::Zh => println!("审计日志完整：{id}（{n} 条）"),
                Lang::En => println!("audit log intact: {id} ({n} entries)"),
            }
        }
    }
    if v.rounds.is_empty() {
        println!(
            "{}",
            lang.pick("存储中还没有评审轮次", "the store holds no rounds yet")
        );
    }
    match v.broken {
        None => {
            match lang {
                Lang::Zh => println!("日志完整：{} 条记录，末条记录哈希 {}", v.records, v.head),
                Lang::En => println!(
                    "journal intact: {} records, last record's hash {}",
                    v.records, v.head
                ),
            }
            Ok(())
        }
        Some(b) if b.round.is_empty() => Err(Error::Refused({
            let place = match (&b.at, lang) {
                (Some((file, offset)), Lang::Zh) => format!("（{file} 第 {offset} 字节）"),
                (Some((file, offset)), Lang::En) => format!(" ({file}, byte {offset})"),
                (None, _) => String::new(),
            };
            match (lang, b.seq) {
                (Lang::Zh, 0) => format!("存储的当前状态与日志不符：{}", b.why),
                (Lang::En, 0) => format!("the store's state does not match its journal: {}", b.why),
                (Lang::Zh, n) => format!("日志在第 {n} 条记录处损坏{place}：{}", b.why),
                (Lang::En, n) => {
                    format!("the journal is damaged at record {n}{place}: {}", b.why)
                }
            }
        })),
        Some(mut b) => Err(Error::Refused({
            b.round = chain(&b.round, lang);
            match (lang, b.seq) {
                (Lang::Zh, 0) => format!("审计日志与评分不符（{}）：{}", b.round, b.why),
                (Lang::En, 0) => format!(
                    "the audit log does not match the stored values of {}: {}",
                    b.round, b.why
                ),
                (Lang::Zh, n) => format!("审计日志在 {} 的第 {n} 条处断开：{}", b.round, b.why),
                (Lang::En, n) => format!(
                    "the audit log of {} is broken at entry {n}: {}",
                    b.round, b.why
                ),
            }
        })),
    }
}

/// A chain's name as people read it: the round, or the register.
fn chain(id: &str, lang: Lang) -> String {
    match (id == REGISTER, lang) {
        (true, _) => lang
            .pick("在册中心登记簿", "the centre register")
            .to_string(),
        (false, Lang::Zh) => id.to_string(),
        (false, Lang::En) => format!("round {id}"),
    }
}
