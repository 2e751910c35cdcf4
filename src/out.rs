//! Writing a file that leaves the laptop (a package, a bundle): written
//! beside its place, flushed to the device, then renamed, so that a USB stick
//! pulled early holds the old file or the new one, never half of one.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use crate::error::{CommandError, Error};

pub fn write_out(path: &Path, bytes: &[u8]) -> Result<(), Error> {
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
    let written = (|| -> std::io::Result<()> {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // The folder's entry for the new name; not every file system allows it.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        CommandError::CannotWrite {
            path: path.to_path_buf(),
            why: e.to_string(),
        }
        .into()
    })
}
