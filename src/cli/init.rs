//! `pingshen init ROUND_FILE`: validate the round completely, then load it.

use std::path::Path;

use super::Lang;
use crate::bundle::package;
use crate::error::Error;
use crate::load::{self, Disk, Files, Kind, LoadedRound};
use crate::store::{Init, Store, fingerprint};

/// Nothing is opened or written until every file of the round is valid.
pub fn run(dir: &Path, file: &Path, by: &str, lang: Lang) -> Result<(), Error> {
    let (loaded, packaged) = read(file)?;
    let mut store = Store::open(dir)?;
    let outcome = store.init_round(&loaded, by)?;
    let r = &loaded.round;
    let (n, e, p) = (loaded.dossiers.len(), r.experts.len(), r.preliminary.len());
    let line = match (outcome, lang) {
        (Init::Created, Lang::Zh) => format!(
            "已载入评审轮次 {}（申报书 {n} 份，评审专家 {e} 位，初审 {p} 位）到 {}",
            r.id,
            dir.display()
        ),
        (Init::Created, Lang::En) => format!(
            "loaded round {} ({n} dossiers, {e} experts, {p} preliminary scorers) into {}",
            r.id,
            dir.display()
        ),
        (Init::Unchanged, Lang::Zh) => format!("评审轮次 {} 已载入，内容相同，未作改动", r.id),
        (Init::Unchanged, Lang::En) => {
            format!(
                "round {} is already loaded with the same content; nothing changed",
                r.id
            )
        }
        (Init::Replaced, Lang::Zh) => format!(
            "评审轮次 {} 尚无评分，已按新文件替换（申报书 {n} 份，评审专家 {e} 位）",
            r.id
        ),
        (Init::Replaced, Lang::En) => format!(
            "round {} had no scores yet and was replaced by the new files ({n} dossiers, {e} experts)",
            r.id
        ),
    };
    println!("{line}");
    if packaged {
        let fp = super::round::short(&fingerprint(&loaded));
        match lang {
            Lang::Zh => println!("评审包指纹：{fp}（应与秘书导出时显示的一致）"),
            Lang::En => println!(
                "package fingerprint: {fp} (it matches the one shown when the secretary exported it)"
            ),
        }
    }
    Ok(())
}

/// A round file, or a round package (told apart by its first word).
fn read(file: &Path) -> Result<(LoadedRound, bool), Error> {
    let bytes = Disk.read(file).map_err(|e| {
        Error::Files(vec![load::FileError::at(
            file,
            1,
            1,
            load::Message::CannotRead((&e).into()),
        )])
    })?;
    let text = load::text(file, &bytes).map_err(|e| Error::Files(vec![e]))?;
    if load::kind(file, &text).ok() == Some(Kind::Package) {
        return Ok((package::read(file, &bytes)?, true));
    }
    Ok((load::round(&Disk, file)?, false))
}
