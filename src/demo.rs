//! The demo round: the built-in samples loaded into a store with scores made up
//! deterministically (a fixed seed), so that every screen has something to show:
//! every preliminary card submitted, and expert cards submitted, half-done or
//! untouched.

use crate::domain::Points;
use crate::domain::sheet::Sheet;
use crate::load::{FileError, LoadedRound};
use crate::samples;
use crate::store::{CardRef, Edit, Init, Store, StoreError};

/// The seed of the made-up scores; the same seed gives the same store.
const SEED: u64 = 0x5049_4e47_5348_454e;

/// What `build` did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Built {
    pub round: String,
    /// False when the round was already in the store with its cards.
    pub filled: bool,
    pub submitted: usize,
    pub drafts: usize,
    pub untouched: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the built-in demo files do not load:\n{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Samples(Vec<FileError>),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// Builds the built-in demo round into `store`.
pub fn build(store: &mut Store) -> Result<Built, DemoError> {
    let loaded = samples::demo_round().map_err(DemoError::Samples)?;
    Ok(build_round(store, &loaded)?)
}

/// Loads `loaded` and fills in demo scores, unless its cards are already there.
pub fn build_round(store: &mut Store, loaded: &LoadedRound) -> Result<Built, StoreError> {
    let id = loaded.round.id.clone();
    let init = store.init_round(loaded, "demo")?;
    let mut built = Built {
        round: id.clone(),
        ..Built::default()
    };
    if init == Init::Unchanged && !store.cards(&id, None)?.is_empty() {
        return Ok(built);
    }
    built.filled = true;
    let recusals = store.recusals(&id)?;
    let mut f = Filler {
        store,
        round: &id,
        sheet: &loaded.sheet,
        rng: Rng(SEED),
    };
    for (k, d) in loaded.dossiers.iter().enumerate() {
        // Each dossier has its own level, so the ranking has a shape.
        let level = 45 + (f.rng.next() % 50) as i64 + (k as i64 % 3) * 2;
        for p in &loaded.round.preliminary {
            f.fill(&p.id, &d.id, level, true)?;
            built.submitted += 1;
        }
        for e in &loaded.round.experts {
            if recusals
                .iter()
                .any(|r| r.expert == e.id && r.dossier == d.id)
            {
                continue;
            }
            match f.rng.next() % 10 {
                0..=4 => {
                    f.fill(&e.id, &d.id, level, true)?;
                    built.submitted += 1;
                }
                5..=7 => {
                    f.fill(&e.id, &d.id, level, false)?;
                    built.drafts += 1;
                }
                _ => built.untouched += 1,
            }
        }
    }
    Ok(built)
}

struct Filler<'a> {
    store: &'a mut Store,
    round: &'a str,
    sheet: &'a Sheet,
    rng: Rng,
}

impl Filler<'_> {
    /// Scores one card near `level` percent in one write; a draft gets only its
    /// first items.
    fn fill(
        &mut self,
        expert: &str,
        dossier: &str,
        level: i64,
        submit: bool,
    ) -> Result<(), StoreError> {
        let ids = self.sheet.entry_ids();
        let take = if submit {
            ids.len()
        } else {
            1 + (self.rng.next() as usize) % ids.len().max(1)
        };
        let mut values = Vec::new();
        for id in ids.iter().take(take) {
            let pct = (level + (self.rng.next() % 21) as i64 - 10).clamp(0, 100);
            values.push((id.to_string(), value(self.sheet, id, pct)));
        }
        let comments: Vec<(String, String)> = values
            .iter()
            .filter(|(id, v)| self.sheet.item(id).is_some_and(|i| i.needs_comment(*v)))
            .map(|(id, v)| (id.clone(), format!("演示意见：该项给 {v} 分")))
            .collect();
        let mut edits: Vec<Edit> = values.iter().map(|(id, v)| Edit::Score(id, *v)).collect();
        edits.extend(comments.iter().map(|(id, t)| Edit::Comment(id, t)));
        if submit {
            edits.push(Edit::Submit);
        }
        let round = self.round;
        self.store.edit(
            CardRef {
                round,
                expert,
                dossier,
            },
            &edits,
        )?;
        Ok(())
    }
}

/// `pct` percent of an item's maximum, on its step; for an indicator, of its target.
fn value(sheet: &Sheet, id: &str, pct: i64) -> Points {
    if let Some(item) = sheet.item(id) {
        let step = item.step.hundredths().max(1);
        let steps = item.max.hundredths() / step;
        return Points::from_hundredths((steps * pct + 50) / 100 * step);
    }
    let target = sheet.indicator(id).map_or(0, |i| i.target.hundredths());
    Points::from_hundredths((target * (pct + 20) / 100) / 100 * 100)
}

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
