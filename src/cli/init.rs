//! `pingshen init ROUND_FILE`: validate the round completely, then load it.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::Lang;
use super::said::Said;
use crate::attachments::{self, stage::Staging};
use crate::bundle::{BundleError, package, package::documents};
use crate::error::Error;
use crate::load::{self, Disk, Kind, LoadedRound};
use crate::store::{Store, fingerprint};

/// Nothing is opened or written until every file of the round is valid; the
/// applicant's documents (carried in a package, or in the round folder's
/// `attachments/`) are staged and verified first, and put in place only once
/// the round is loaded.
pub fn run(dir: &Path, file: &Path, by: &str, lang: Lang) -> Result<(), Error> {
    let (loaded, packaged, staged) = read(file, dir)?;
    let mut store = Store::open(dir)?;
    let outcome = store.init_round(&loaded, by)?;
    let placed = staged
        .map(Staging::commit)
        .transpose()
        .map_err(BundleError::Documents)?;
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
    if let Some((documents, dir)) = placed {
        println!("{}", lang.say(&Said::DocumentsPlaced { documents, dir }));
    }
    Ok(())
}

/// A round file, or a round package (told apart by its first word), with the
/// documents it brings staged in the store folder `dir`.
fn read(file: &Path, dir: &Path) -> Result<(LoadedRound, bool, Option<Staging>), Error> {
    let unreadable = |e: std::io::Error| {
        Error::Files(vec![load::FileError::at(
            file,
            1,
            1,
            load::Message::CannotRead((&e).into()),
        )])
    };
    let mut from = BufReader::new(File::open(file).map_err(unreadable)?);
    let (bytes, more) = documents::head(&mut from).map_err(unreadable)?;
    let text = load::text(file, &bytes).map_err(|e| Error::Files(vec![e]))?;
    if load::kind(file, &text).ok() == Some(Kind::Package) {
        let loaded = package::read(file, &bytes)?;
        let staged = match more {
            true => Some(documents::unpack(file, &mut from, &loaded, dir)?),
            false => None,
        };
        return Ok((loaded, true, staged));
    }
    let loaded = load::round(&Disk, file)?;
    let base = file.parent().unwrap_or(Path::new(""));
    let staged = attachments::folder::stage(base, dir, &loaded.round.id, &loaded.dossiers)
        .map_err(BundleError::Documents)?;
    Ok((loaded, false, staged))
}
