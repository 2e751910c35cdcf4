//! `pingshen demo`: build the demo round in the store and say where it is.

use std::path::Path;

use super::Lang;
use super::said::Said;
use crate::demo;
use crate::error::{CommandError, Error};
use crate::store::Store;

pub fn run(dir: &Path, no_tui: bool, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let built = demo::build(&mut store).map_err(|e| match e {
        demo::DemoError::Store(s) => Error::from(s),
        demo::DemoError::Samples(files) => CommandError::Samples(files).into(),
    })?;
    let said = if built.filled {
        Said::DemoBuilt {
            round: built.round.clone(),
            dir: dir.to_path_buf(),
            submitted: built.submitted,
            drafts: built.drafts,
            untouched: built.untouched,
        }
    } else {
        Said::DemoThere {
            round: built.round.clone(),
            dir: dir.to_path_buf(),
        }
    };
    println!("{}", lang.say(&said));
    if !no_tui {
        super::tui::open(&mut store, Some(built.round.clone()), None, false, lang)?;
    }
    Ok(())
}
