//! Writing a file that leaves the laptop (a package, a bundle): written
//! beside its place, flushed to the device, then renamed, so that a USB stick
//! pulled early holds the old file or the new one, never half of one.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use crate::error::{CommandError, Error};

pub fn write_out(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_out_with(path, |f| {
        f.write_all(bytes).map_err(|e| cannot_write(path, &e))
    })
}

/// The same, for a file written in pieces by `fill` (a package carrying large
/// documents): nothing of it stays behind when `fill` fails.
pub fn write_out_with<T>(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<File>) -> Result<T, Error>,
) -> Result<T, Error> {
    let Some(name) = path.file_name() else {
        return Err(CommandError::NoFileName {
            path: path.to_path_buf(),
        }
        .into());
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    let mut f = std::io::BufWriter::new(File::create(&tmp).map_err(|e| cannot_write(path, &e))?);
    let filled = fill(&mut f);
    let written = filled.and_then(|value| {
        (|| -> std::io::Result<()> {
            f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            fs::rename(&tmp, path)?;
            // The folder's entry for the new name; not every file system allows it.
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })()
        .map_err(|e| cannot_write(path, &e))
        .map(|()| value)
    });
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Error {
    CommandError::CannotWrite {
        path: path.to_path_buf(),
        why: e.to_string(),
    }
    .into()
}
