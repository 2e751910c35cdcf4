//! `pingshen init ROUND_FILE`: validate the round completely, then load it.

use std::path::Path;

use super::Lang;
use super::said::Said;
use crate::bundle::package;
use crate::error::Error;
use crate::load::{self, Disk, Files, Kind, LoadedRound};
use crate::store::{Store, fingerprint};

/// Nothing is opened or written until every file of the round is valid.
pub fn run(dir: &Path, file: &Path, by: &str, lang: Lang) -> Result<(), Error> {
    let (loaded, packaged) = read(file)?;
    let mut store = Store::open(dir)?;
    let outcome = store.init_round(&loaded, by)?;
    let r = &loaded.round;
    let (n, e, p) = (loaded.dossiers.len(), r.experts.len(), r.preliminary.len());
    println!(
        "{}",
        lang.say(&Said::RoundLoaded {
            outcome,
            round: r.id.clone(),
            dossiers: n,
            experts: e,
            preliminary: p,
            dir: dir.to_path_buf(),
        })
    );
    if packaged {
        let fp = super::round::short(&fingerprint(&loaded));
        println!("{}", lang.say(&Said::PackageFingerprint(fp)));
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
