//! The documents of a round folder (`attachments/<dossier id>/`), copied into
//! the store folder when the round is loaded, each checked against its hash.

use std::fs::File;
use std::path::Path;

use super::FOLDER;
use super::fault::DocumentFault;
use super::stage::{Staging, plain};
use crate::domain::dossier::Dossier;

/// Stages every listed document present under `round_dir/attachments/`; a
/// round without that folder, or without a document present, stages nothing.
/// A document that is not the listed one refuses the whole load.
pub fn stage(
    round_dir: &Path,
    store: &Path,
    round: &str,
    dossiers: &[Dossier],
) -> Result<Option<Staging>, DocumentFault> {
    let root = round_dir.join(FOLDER);
    let present = |d: &Dossier, name: &str| {
        plain(&d.id) && plain(name) && root.join(&d.id).join(name).is_file()
    };
    let any = dossiers
        .iter()
        .any(|d| d.attachments.iter().any(|a| present(d, &a.name)));
    if !root.is_dir() || !any || !plain(round) {
        return Ok(None);
    }
    let mut staging = Staging::new(store, round)?;
    for d in dossiers {
        for a in d.attachments.iter().filter(|a| present(d, &a.name)) {
            let path = root.join(&d.id).join(&a.name);
            let mut f = File::open(&path).map_err(|e| DocumentFault::io(&path, &e))?;
            let found = staging.put(&d.id, &a.name, &mut f)?;
            if found != a.sha256 {
                return Err(DocumentFault::Changed {
                    origin: root.display().to_string(),
                    dossier: d.id.clone(),
                    name: a.name.clone(),
                    listed: a.sha256.clone(),
                    found,
                });
            }
        }
    }
    Ok(Some(staging))
}
