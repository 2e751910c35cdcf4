//! `pingshen backup` and `pingshen restore`: the journal to one file and back.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Lang;
use crate::error::{CommandError, Error};
use crate::store::{self, Backup, Store};

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// The file to write (for example on a USB stick).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// A file written by `pingshen backup`.
    pub file: PathBuf,
}

pub fn backup(dir: &Path, a: BackupArgs, lang: Lang) -> Result<(), Error> {
    if a.out.is_dir() {
        return Err(CommandError::OutIsFolder { path: a.out }.into());
    }
    let store = Store::open(dir)?;
    let b = store.backup(&a.out)?;
    print_backup(&b, lang, true);
    if let Some(d) = b.damaged {
        return Err(CommandError::BackupPartial {
            seq: d.seq,
            at: d.at,
            why: d.why,
            records: b.records,
            file: b.file,
        }
        .into());
    }
    Ok(())
}

pub fn restore(dir: &Path, a: RestoreArgs, lang: Lang) -> Result<(), Error> {
    let (_store, b) = store::restore(&a.file, dir)?;
    print_backup(&b, lang, false);
    match lang {
        Lang::Zh => println!("已恢复到 {}", dir.display()),
        Lang::En => println!("restored into {}", dir.display()),
    }
    Ok(())
}

fn print_backup(b: &Backup, lang: Lang, written: bool) {
    match (lang, written) {
        (Lang::Zh, true) => println!(
            "已备份 {} 条记录（{} 字节）到 {}\n末条记录哈希：{}",
            b.records,
            b.bytes,
            b.file.display(),
            b.head
        ),
        (Lang::En, true) => println!(
            "backed up {} records ({} bytes) to {}\nlast record's hash: {}",
            b.records,
            b.bytes,
            b.file.display(),
            b.head
        ),
        (Lang::Zh, false) => println!(
            "备份 {} 完好：{} 条记录，末条记录哈希 {}",
            b.file.display(),
            b.records,
            b.head
        ),
        (Lang::En, false) => println!(
            "the backup {} is intact: {} records, last record's hash {}",
            b.file.display(),
            b.records,
            b.head
        ),
    }
}
