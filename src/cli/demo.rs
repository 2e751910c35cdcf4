//! `pingshen demo`: build the demo round in the store and say where it is.

use std::path::Path;

use super::Lang;
use crate::demo;
use crate::error::{CommandError, Error};
use crate::store::Store;

pub fn run(dir: &Path, no_tui: bool, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let built = demo::build(&mut store).map_err(|e| match e {
        demo::DemoError::Store(s) => Error::from(s),
        demo::DemoError::Samples(files) => CommandError::Samples(files).into(),
    })?;
    let d = dir.display();
    match (built.filled, lang) {
        (true, Lang::Zh) => println!(
            "演示轮次 {} 已建在 {d}：已提交 {} 份评分表，草稿 {} 份，未评 {} 份",
            built.round, built.submitted, built.drafts, built.untouched
        ),
        (true, Lang::En) => println!(
            "demo round {} is in {d}: {} cards submitted, {} drafts, {} not started",
            built.round, built.submitted, built.drafts, built.untouched
        ),
        (false, Lang::Zh) => println!("演示轮次 {} 已在 {d}，未作改动", built.round),
        (false, Lang::En) => println!(
            "demo round {} is already in {d}; nothing changed",
            built.round
        ),
    }
    if !no_tui {
        super::tui::open(&mut store, Some(built.round.clone()), None, false, lang)?;
    }
    Ok(())
}
