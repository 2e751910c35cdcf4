//! `pingshen init ROUND_FILE`: validate the round completely, then load it.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::Lang;
use super::said::Said;
use crate::attachments::{self, stage::Staging};
use crate::bundle::{BundleError, package, package::documents};
use crate::domain::alternates::Alternate;
use crate::error::Error;
use crate::lang::Say;
use crate::load::{self, Disk, Kind, LoadedRound};
use crate::store::{Store, fingerprint};

/// The earlier round's alternates the new round names, in words.
struct Earlier<'a> {
    round: &'a str,
    alternates: &'a [Alternate],
}

impl Earlier<'_> {
    /// Each alternate as `order. dossier name`, in rank order.
    fn listed(&self) -> Vec<String> {
        self.alternates
            .iter()
            .map(|a| format!("{}. {} {}", a.order, a.dossier, a.name))
            .collect()
    }
}

impl Say for Earlier<'_> {
    fn zh(&self) -> String {
        if self.alternates.is_empty() {
            return format!(
                "本轮采用轮次 {} 的备选单位；该轮次尚未记录备选单位（pingshen center register --round {}）",
                self.round, self.round
            );
        }
        let list = self.listed();
        format!(
            "本轮采用轮次 {}（{} 年）的备选单位 {} 家，形式审查与排名中注明：{}",
            self.round,
            self.alternates[0].year,
            self.alternates.len(),
            list.join("；")
        )
    }

    fn en(&self) -> String {
        if self.alternates.is_empty() {
            return format!(
                "this round names the alternates of round {}; that round has none recorded yet (pingshen center register --round {})",
                self.round, self.round
            );
        }
        let list = self.listed();
        format!(
            "this round names the {} alternates of round {} ({}); formal review and the ranking say so: {}",
            self.alternates.len(),
            self.round,
            self.alternates[0].year,
            list.join("; ")
        )
    }
}

/// Nothing is opened or written until every file of the round is valid; the
/// applicant's documents (carried in a package, or in the round folder's
/// `attachments/`) are staged and verified first, and put in place only once
/// the round is loaded.
pub fn run(
    dir: &Path,
    file: &Path,
    by: &str,
    alternates_from: Option<&str>,
    lang: Lang,
) -> Result<(), Error> {
    let (loaded, packaged, staged) = read(file, dir)?;
    let mut store = Store::open(dir)?;
    let earlier = alternates_from.or(loaded.round.alternates_from.as_deref());
    if let Some(e) = earlier {
        store.check_alternates_from(&loaded.round, &loaded.sheet, e)?;
    }
    let outcome = store.init_round(&loaded, by)?;
    let placed = staged
        .map(Staging::commit)
        .transpose()
        .map_err(BundleError::Documents)?;
    if let Some(e) = alternates_from {
        store.link_alternates(&loaded.round.id, e, by)?;
    }
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
    if let Some(e) = earlier {
        let alternates: Vec<Alternate> = store
            .alternates()?
            .into_iter()
            .filter(|a| a.round == e)
            .collect();
        let said = Earlier {
            round: e,
            alternates: &alternates,
        };
        println!("{}", said.say(lang.into()));
    }
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
