//! `pingshen backup` and `pingshen restore`: the journal to one file and back.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Lang;
use crate::error::Error;
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
        return Err(Error::BadInput(match lang {
            Lang::Zh => format!("--out {}：这是一个文件夹，请给出文件名", a.out.display()),
            Lang::En => format!(
                "--out {}: this is a folder; give a file name",
                a.out.display()
            ),
        }));
    }
    let store = Store::open(dir)?;
    let b = store.backup(&a.out)?;
    print_backup(&b, lang, true);
    if let Some(d) = &b.damaged {
        let (file, offset) = d.at.clone().unwrap_or_default();
        return Err(Error::Refused(match lang {
            Lang::Zh => format!(
                "日志在第 {} 条记录处损坏（{file} 第 {offset} 字节：{}）；此前完好的 {} 条记录已备份到 {}，可用 pingshen restore 恢复为新的存储",
                d.seq,
                d.why,
                b.records,
                b.file.display()
            ),
            Lang::En => format!(
                "the journal is damaged at record {} ({file}, byte {offset}: {}); the {} intact records before it are in {}, which pingshen restore makes into a new store",
                d.seq,
                d.why,
                b.records,
                b.file.display()
            ),
        }));
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
