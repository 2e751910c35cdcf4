//! `pingshen backup` and `pingshen restore`: the journal to one file and back.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Lang;
use super::key_words::KeyWord;
use super::said::Said;
use crate::error::{CommandError, Error};
use crate::store::{self, Backup, Store};

#[derive(Args, Debug)]
pub struct BackupArgs {
    /// The file to write (for example on a USB stick).
    #[arg(long)]
    pub out: PathBuf,
    /// Also copy this laptop's signing key, beside the backup as FILE.key
    /// (readable by its owner only). Without it the key is left out.
    #[arg(long)]
    pub with_key: bool,
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
    if let Some(folder) = a.out.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.is_dir()
    {
        let folder = folder.to_path_buf();
        return Err(CommandError::NoOutFolder {
            path: a.out,
            folder,
        }
        .into());
    }
    let store = Store::open(dir)?;
    let b = store.backup(&a.out, a.with_key)?;
    print_backup(&b, lang, true);
    let key = match &b.key {
        Some(file) => KeyWord::Copied { file: file.clone() },
        None => KeyWord::LeftOut,
    };
    println!("{}", lang.say(&key));
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
    if !a.file.is_file() {
        return Err(CommandError::NoBackupFile { path: a.file }.into());
    }
    let (_store, b) = store::restore(&a.file, dir)?;
    print_backup(&b, lang, false);
    let key = match &b.key {
        Some(file) => KeyWord::Restored { file: file.clone() },
        None => KeyWord::NotInBackup,
    };
    println!("{}", lang.say(&key));
    let said = Said::Restored {
        dir: dir.to_path_buf(),
    };
    println!("{}", lang.say(&said));
    Ok(())
}

fn print_backup(b: &Backup, lang: Lang, written: bool) {
    let said = if written {
        Said::BackedUp {
            records: b.records,
            bytes: b.bytes,
            file: b.file.clone(),
            head: b.head.clone(),
        }
    } else {
        Said::BackupIntact {
            file: b.file.clone(),
            records: b.records,
            head: b.head.clone(),
        }
    };
    println!("{}", lang.say(&said));
}
