//! `pingshen round export`: a round's files as one package for the experts' laptops.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::Lang;
use crate::bundle::package;
use crate::domain::keyprint;
use crate::error::Error;
use crate::out::write_out;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum RoundCommand {
    /// Write the round file, its sheets and dossiers as one package file.
    Export {
        #[arg(long)]
        round: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(dir: &Path, cmd: RoundCommand, lang: Lang) -> Result<(), Error> {
    let RoundCommand::Export { round, out } = cmd;
    let store = Store::open(dir)?;
    let bytes = package::export(&store, &round)?;
    write_out(&out, &bytes)?;
    let r = store.round(&round)?;
    let fp = short(&r.fingerprint);
    let n = r.dossiers.len();
    match lang {
        Lang::Zh => println!(
            "已导出评审包：{round}（申报书 {n} 份，指纹 {fp}）→ {}；在各专家电脑上用 pingshen init {} 载入",
            out.display(),
            out.display()
        ),
        Lang::En => println!(
            "wrote the package of round {round} ({n} dossiers, fingerprint {fp}) to {}; load it on each expert's laptop with: pingshen init {}",
            out.display(),
            out.display()
        ),
    }
    Ok(())
}

/// A round's content fingerprint as people compare it.
pub fn short(fp: &str) -> String {
    fp.get(..keyprint::DIGITS)
        .map_or_else(|| fp.to_string(), keyprint::grouped)
}
