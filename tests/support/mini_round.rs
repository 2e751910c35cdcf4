//! A copy of the small round (`tests/fixtures/mini`) in a folder of its own,
//! with the applicant's documents written under `attachments/<dossier>/`.

use std::path::{Path, PathBuf};

/// `tmp/round` holding the small round and, for `dossier`, each of
/// `documents` (file name, bytes). The dossiers' hashes are not filled in.
pub fn mini_round(tmp: &Path, dossier: &str, documents: &[(&str, &[u8])]) -> PathBuf {
    let round = tmp.join("round");
    std::fs::create_dir_all(round.join("dossiers")).unwrap();
    for f in [
        "round.ron",
        "sheet.ron",
        "dossiers/M-001.ron",
        "dossiers/M-002.ron",
        "dossiers/M-003.ron",
    ] {
        std::fs::copy(Path::new("tests/fixtures/mini").join(f), round.join(f)).unwrap();
    }
    let docs = round.join("attachments").join(dossier);
    std::fs::create_dir_all(&docs).unwrap();
    for (name, bytes) in documents {
        std::fs::write(docs.join(name), bytes).unwrap();
    }
    round
}
