//! Seven experts score the demo round on seven laptops, each loaded from the
//! secretary's round package; their bundles merged into the secretary's store
//! rank exactly as the same scores entered on one store.

#[path = "support/laptops.rs"]
mod laptops;

use pingshen::bundle::{self, Trust, package};
use pingshen::domain::Points;
use pingshen::domain::ranking::Ranking;
use pingshen::domain::round::Stage;
use pingshen::domain::sheet::Sheet;
use pingshen::load::LoadedRound;
use pingshen::samples;
use pingshen::store::{CardRef, Edit, Store};

/// A score on the item's steps, the same for the same expert, dossier and item.
fn made_up(sheet: &Sheet, item: &str, e: usize, d: usize, k: usize) -> Points {
    let it = sheet.item(item).expect("an item of the sheet");
    let step = it.step.hundredths().max(1);
    let steps = it.max.hundredths() / step;
    // Each dossier has a level, each expert a leaning, each item some noise.
    let level = 40 + (d * 37 % 55) as i64;
    let pct = (level + (e as i64 * 3) - 9 + ((e * 7 + d * 5 + k * 11) % 13) as i64).clamp(0, 100);
    Points::from_hundredths((steps * pct + 50) / 100 * step)
}

/// Item scores, and comments where the sheet requires them.
type Made = (Vec<(String, Points)>, Vec<(String, String)>);

/// One card's values: every item, comments where the sheet requires them.
fn card(sheet: &Sheet, e: usize, d: usize) -> Made {
    let values: Vec<(String, Points)> = sheet
        .entry_ids()
        .iter()
        .enumerate()
        .map(|(k, id)| (id.to_string(), made_up(sheet, id, e, d, k)))
        .collect();
    let comments = values
        .iter()
        .filter(|(id, v)| sheet.item(id).is_some_and(|i| i.needs_comment(*v)))
        .map(|(id, v)| (id.clone(), format!("第 {e} 位专家：该项 {v} 分")))
        .collect();
    (values, comments)
}

fn fill(s: &mut Store, round: &LoadedRound, expert: &str, e: usize, d: usize) {
    let dossier = &round.dossiers[d].id;
    let (values, comments) = card(&round.sheet, e, d);
    let mut edits: Vec<Edit> = values.iter().map(|(i, v)| Edit::Score(i, *v)).collect();
    edits.extend(comments.iter().map(|(i, t)| Edit::Comment(i, t)));
    edits.push(Edit::Submit);
    let at = CardRef {
        round: &round.round.id,
        expert,
        dossier,
    };
    s.edit(at, &edits).expect("the card saves");
}

fn recused(round: &LoadedRound, expert: &str, dossier: &str) -> bool {
    round
        .round
        .conflicts
        .iter()
        .any(|c| c.expert == expert && c.dossier == dossier)
}

/// The preliminary scorers' cards, entered on the secretary's own store.
fn preliminary(s: &mut Store, round: &LoadedRound) {
    for (p, scorer) in round.round.preliminary.iter().enumerate() {
        for d in 0..round.dossiers.len() {
            fill(s, round, &scorer.id, 10 + p, d);
        }
    }
}

fn experts_on(s: &mut Store, round: &LoadedRound, expert: &str, e: usize) -> usize {
    let mut n = 0;
    for d in 0..round.dossiers.len() {
        if !recused(round, expert, &round.dossiers[d].id) {
            fill(s, round, expert, e, d);
            n += 1;
        }
    }
    n
}

/// The ranking as the secretary's commands and screens make it.
fn ranking(s: &Store, id: &str, stage: Stage) -> Ranking {
    pingshen::board::ranked(s, id, stage).unwrap().ranking
}

#[test]
fn seven_laptops_merged_rank_as_one_store() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = samples::demo_round().unwrap();
    let id = demo.round.id.clone();
    assert_eq!(demo.round.experts.len(), 7);

    let mut secretary = laptops::store(tmp.path(), "secretary", &demo);
    preliminary(&mut secretary, &demo);
    let pkg = package::export(&secretary, &id).unwrap();
    let pkg_file = tmp.path().join("huangpu-2024.package.ron");
    std::fs::write(&pkg_file, &pkg).unwrap();

    // Each laptop on its own, as in the meeting room; the single store
    // alongside, with the same scores entered directly.
    let (mut bundles, one) = std::thread::scope(|scope| {
        let laptops: Vec<_> = demo
            .round
            .experts
            .iter()
            .enumerate()
            .map(|(e, expert)| {
                let (tmp, id, pkg_file) = (tmp.path(), &id, &pkg_file);
                scope.spawn(move || {
                    let loaded =
                        package::read(pkg_file, &std::fs::read(pkg_file).unwrap()).unwrap();
                    let mut laptop = laptops::store(tmp, &format!("laptop-{}", expert.id), &loaded);
                    let scored = experts_on(&mut laptop, &loaded, &expert.id, e);
                    let fp = laptop.round(id).unwrap().fingerprint;
                    let made = bundle::export(&mut laptop, id, &expert.id).unwrap();
                    assert_eq!((made.cards, made.submitted), (scored, scored));
                    (expert.id.clone(), made.fingerprint, made.bytes, scored, fp)
                })
            })
            .collect();
        let one = scope.spawn(|| {
            let mut one = laptops::store(tmp.path(), "one", &demo);
            preliminary(&mut one, &demo);
            for (e, expert) in demo.round.experts.iter().enumerate() {
                experts_on(&mut one, &demo, &expert.id, e);
            }
            one
        });
        let bundles: Vec<_> = laptops.into_iter().map(|h| h.join().unwrap()).collect();
        (bundles, one.join().unwrap())
    });
    let ours = secretary.round(&id).unwrap().fingerprint;
    assert!(
        bundles.iter().all(|b| b.4 == ours),
        "every laptop has the same round"
    );
    // Bundles arrive in any order.
    bundles.reverse();
    for (expert, fp, bytes, scored, _) in &bundles {
        let trust = Trust::by("secretary").confirm(expert, fp);
        let r = bundle::import(&mut secretary, bytes, &trust).unwrap();
        assert_eq!((r.imported, r.conflicts), (*scored, 0), "{expert}");
    }

    for stage in [Stage::Preliminary, Stage::Expert] {
        let merged = ranking(&secretary, &id, stage);
        let single = ranking(&one, &id, stage);
        assert_eq!(merged, single, "{stage:?}");
        let scored: Vec<_> = merged.entries.iter().filter_map(|e| e.score).collect();
        assert!(
            scored.len() > 1 && scored.first() != scored.last(),
            "{stage:?}"
        );
    }
    let expert_cards = secretary.cards(&id, Some(Stage::Expert)).unwrap();
    let possible = demo.dossiers.len() * 7 - demo.round.conflicts.len();
    assert_eq!(expert_cards.len(), possible);
    assert!(secretary.open_score_conflicts(&id).unwrap().is_empty());
    laptops::intact(&secretary);
}
