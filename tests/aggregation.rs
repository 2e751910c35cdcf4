//! The secretary's arithmetic end to end through the public API, and a
//! property test against a plain reference implementation in big rationals.

mod builders;

use std::collections::BTreeMap;

use builders::{card, dossier, pts, round, scored_sheet};
use num_bigint::BigInt;
use num_rational::BigRational;
use pingshen::domain::Ratio;
use pingshen::domain::aggregate::Recusals;
use pingshen::domain::card::Card;
use pingshen::domain::dossier::Dossier;
use pingshen::domain::rank::{Inputs, rank};
use pingshen::domain::ranking::{Ranking, Status};
use pingshen::domain::round::{Conflict, Round, RoundKind, Stage};
use pingshen::domain::sheet::{Method, Sheet};
use proptest::prelude::*;

fn sheet() -> Sheet {
    scored_sheet(&[("S1", &[("a", "30"), ("b", "20")]), ("S2", &[("c", "50")])])
}

fn ranking(
    round: &Round,
    sheet: &Sheet,
    dossiers: &[Dossier],
    cards: &[Card],
    stage: Stage,
) -> Ranking {
    let recusals = Recusals::from_conflicts(&round.conflicts);
    let inputs = Inputs {
        round,
        sheet,
        eligibility: None,
        dossiers,
        cards,
        recusals: &recusals,
        decisions: &[],
        excuses: &[],
        register: &[],
        agency: &[],
        earlier: &[],
    };
    rank(&inputs, stage).unwrap()
}

fn full(expert: &str, d: &str, a: &str, b: &str, c: &str) -> Card {
    card(
        "r",
        Stage::Expert,
        expert,
        d,
        &[("a", a), ("b", b), ("c", c)],
        true,
    )
}

#[test]
fn five_experts_trimmed_four_plain_one_recused_one_draft() {
    let s = sheet();
    let mut r = round(
        RoundKind::Recognition,
        &["E1", "E2", "E3", "E4", "E5", "E6"],
    );
    r.conflicts.push(Conflict {
        expert: "E6".into(),
        dossier: "B".into(),
        reason: "同一单位".into(),
    });
    let ds = vec![dossier("A"), dossier("B")];
    let mut cards = Vec::new();
    // A: 60, 70, 75, 80, 95 → trimmed (70 + 75 + 80) / 3 = 75
    for (e, t) in [
        ("E1", "10"),
        ("E2", "20"),
        ("E3", "25"),
        ("E4", "30"),
        ("E5", "45"),
    ] {
        cards.push(full(e, "A", "30", "20", t));
    }
    // B: 60, 70, 75, 80.01 counted → 285.01 / 4 = 71.2525; E5 a draft, E6 recused
    for (e, t) in [("E1", "10"), ("E2", "20"), ("E3", "25"), ("E4", "30.01")] {
        cards.push(full(e, "B", "30", "20", t));
    }
    cards.push(card(
        "r",
        Stage::Expert,
        "E5",
        "B",
        &[("a", "30"), ("b", "20"), ("c", "50")],
        false,
    ));
    cards.push(full("E6", "B", "30", "20", "50"));
    let out = ranking(&r, &s, &ds, &cards, Stage::Expert);
    let a = out.entry("A").unwrap();
    assert_eq!(
        (a.score, a.experts, a.spread),
        (Some(Ratio::int(75)), 5, Some(pts("35")))
    );
    let b = out.entry("B").unwrap();
    assert_eq!(b.score, Some(Ratio::new(28501, 400)));
    assert_eq!(b.score.unwrap().fixed2(), "71.25");
    assert_eq!(b.experts, 4);
    assert_eq!(out.with_status(Status::Selected), ["A", "B"]);
    // Not final: E6 owes a card for A, and E5's card for B is a draft.
    assert_eq!(out.missing_cards(), [("E5", "B", true), ("E6", "A", false)]);
    assert!(!out.is_final());
}

#[test]
fn a_trimmed_card_decides_no_tie() {
    // X: totals 50, 60, 60, 60, 90 with S1 20, 20, 20, 20, 40;
    // Y: totals 55, 60, 60, 60, 65 with S1 22 each. Both score 60.00.
    let mut s = sheet();
    s.aggregation.method = Method::TrimmedMean { min_panel: 5 };
    s.tie_break = vec!["S1".into()];
    let experts = ["E1", "E2", "E3", "E4", "E5"];
    let mut r = round(RoundKind::Recognition, &experts);
    r.selection.cap = 1;
    let ds = vec![dossier("X"), dossier("Y")];
    let mut cards = Vec::new();
    for (e, (a, b, c)) in experts.iter().zip([
        ("20", "0", "30"),
        ("20", "0", "40"),
        ("20", "0", "40"),
        ("20", "0", "40"),
        ("30", "10", "50"),
    ]) {
        cards.push(full(e, "X", a, b, c));
    }
    for (e, c) in experts.iter().zip(["33", "38", "38", "38", "43"]) {
        cards.push(full(e, "Y", "22", "0", c));
    }
    let out = ranking(&r, &s, &ds, &cards, Stage::Expert);
    let (x, y) = (out.entry("X").unwrap(), out.entry("Y").unwrap());
    assert_eq!(
        (x.score, y.score),
        (Some(Ratio::int(60)), Some(Ratio::int(60)))
    );
    // S1 over the three cards that count: X 20, Y 22 — the 90-point card decides nothing.
    assert_eq!(x.sections[0].value, Ratio::int(20));
    assert_eq!(y.sections[0].value, Ratio::int(22));
    assert_eq!(out.with_status(Status::Selected), ["Y"]);
    assert_eq!(out.with_status(Status::Alternate), ["X"]);
}

// ---------- the property test

#[derive(Clone, Debug)]
enum Kind {
    Missing,
    Draft,
    Incomplete,
    Submitted,
}

#[derive(Clone, Debug)]
struct Panel {
    method: Method,
    cap: u32,
    min_score: Option<i64>,
    tie_break: Vec<String>,
    experts: usize,
    /// The round's `min_counted` for the expert stage.
    min_counted: u32,
    /// Per dossier, per expert: the card's kind, its three scores, whether recused.
    cells: Vec<Vec<(Kind, [i64; 3], bool)>>,
}

/// Hundredths for an item with this max: mostly coarse values (ties are common), some fine.
fn value(max: i64) -> impl Strategy<Value = i64> {
    prop_oneof![
        3 => (0..=max / 5).prop_map(|k| k * 500),
        1 => 0..=max * 100,
    ]
}

fn cell() -> impl Strategy<Value = (Kind, [i64; 3], bool)> {
    let kind = prop_oneof![
        1 => Just(Kind::Missing),
        1 => Just(Kind::Draft),
        1 => Just(Kind::Incomplete),
        8 => Just(Kind::Submitted),
    ];
    (
        kind,
        [value(30), value(20), value(50)],
        prop::bool::weighted(0.1),
    )
}

fn panel() -> impl Strategy<Value = Panel> {
    let method = prop_oneof![
        Just(Method::Mean),
        (3u32..=6).prop_map(|min_panel| Method::TrimmedMean { min_panel }),
    ];
    let tie_break = prop_oneof![
        Just(vec![]),
        Just(vec!["S1".to_string()]),
        Just(vec!["S2".to_string(), "S1".to_string()]),
    ];
    (
        method,
        1u32..=5,
        prop::option::of(0i64..=100),
        tie_break,
        (1usize..=7, 1u32..=3),
        1usize..=8,
    )
        .prop_flat_map(|(method, cap, min_score, tie_break, experts, n)| {
            let cells = prop::collection::vec(prop::collection::vec(cell(), experts.0), n);
            // Some dossiers copy the previous one's cards: exact, unbreakable ties.
            let copies = prop::collection::vec(prop::bool::weighted(0.3), n);
            (
                Just((method, cap, min_score, tie_break, experts)),
                cells,
                copies,
            )
        })
        .prop_map(
            |((method, cap, min_score, tie_break, experts), mut cells, copies)| {
                for d in 1..cells.len() {
                    if copies[d] {
                        cells[d] = cells[d - 1].clone();
                    }
                }
                (method, cap, min_score, tie_break, experts, cells)
            },
        )
        .prop_map(
            |(method, cap, min_score, tie_break, (experts, min_counted), cells)| Panel {
                method,
                cap,
                min_score,
                tie_break,
                experts,
                min_counted,
                cells,
            },
        )
}

fn big(h: i64, den: i64) -> BigRational {
    BigRational::new(BigInt::from(h), BigInt::from(den))
}

fn from_ratio(r: Ratio) -> BigRational {
    BigRational::new(BigInt::from(r.num()), BigInt::from(r.den()))
}

/// What the reference computes for one dossier.
#[derive(Clone, Debug)]
struct Expected {
    id: String,
    score: Option<BigRational>,
    key: Vec<BigRational>,
    /// Cards that count.
    counted: u32,
    /// Whether an expert not recused owes a submitted card.
    owed: bool,
}

fn reference_scores(p: &Panel) -> Vec<Expected> {
    p.cells
        .iter()
        .enumerate()
        .map(|(d, row)| {
            let counted: Vec<[i64; 3]> = row
                .iter()
                .filter(|(kind, _, recused)| matches!(kind, Kind::Submitted) && !recused)
                .map(|(_, v, _)| *v)
                .collect();
            let n = counted.len() as i64;
            let mut totals: Vec<i64> = counted.iter().map(|v| v.iter().sum()).collect();
            totals.sort();
            let trim = match p.method {
                Method::Mean => false,
                Method::TrimmedMean { min_panel } => n >= i64::from(min_panel.max(3)),
            };
            let score = (n > 0).then(|| {
                let kept = if trim {
                    &totals[1..totals.len() - 1]
                } else {
                    &totals[..]
                };
                big(kept.iter().sum(), 100 * kept.len() as i64)
            });
            // Sections over the cards whose totals count: with a trimmed mean
            // one card of the highest total and one of the lowest drop out;
            // among cards of equal extreme total the one dropped is their average.
            let sub = |v: &[i64; 3], id: &str| if id == "S1" { v[0] + v[1] } else { v[2] };
            let section = |id: &str| {
                let all: i64 = counted.iter().map(|v| sub(v, id)).sum();
                if !trim {
                    return big(all, 100 * n.max(1));
                }
                let avg_at = |t: i64| {
                    let group: Vec<i64> = counted
                        .iter()
                        .filter(|v| v.iter().sum::<i64>() == t)
                        .map(|v| sub(v, id))
                        .collect();
                    big(group.iter().sum(), 100 * group.len() as i64)
                };
                let (lo, hi) = (totals[0], totals[totals.len() - 1]);
                (big(all, 100) - avg_at(hi) - avg_at(lo)) / big(n - 2, 1)
            };
            let key = p.tie_break.iter().map(|s| section(s)).collect();
            Expected {
                id: format!("D{d}"),
                score,
                key,
                counted: n as u32,
                owed: row
                    .iter()
                    .any(|(kind, _, recused)| !recused && !matches!(kind, Kind::Submitted)),
            }
        })
        .collect()
}

/// Ranks and statuses by the rules, written the plain way.
fn reference_ranking(p: &Panel, scores: &[Expected]) -> BTreeMap<String, (Option<u32>, Status)> {
    let mut out = BTreeMap::new();
    let enough = |e: &Expected| e.counted >= p.min_counted;
    let mut scored: Vec<&Expected> = scores
        .iter()
        .filter(|e| e.score.is_some() && enough(e))
        .collect();
    scored.sort_by(|a, b| (&b.score, &b.key).cmp(&(&a.score, &a.key)));
    let same = |a: &Expected, b: &Expected| a.score == b.score && a.key == b.key;
    let line = p.min_score.map(|m| big(m * 100, 100));
    let qualified = scored
        .iter()
        .filter(|e| line.as_ref().is_none_or(|l| e.score.as_ref().unwrap() >= l))
        .count();
    let cap = p.cap as usize;
    let cut_level = qualified > cap && same(scored[cap - 1], scored[cap]);
    for (i, e) in scored.iter().enumerate() {
        let rank = scored.iter().position(|o| same(o, e)).unwrap() as u32 + 1;
        let status = if i >= qualified {
            Status::BelowThreshold
        } else if cut_level && same(e, scored[cap]) {
            Status::Undecided
        } else if i < cap {
            Status::Selected
        } else {
            Status::Alternate
        };
        out.insert(e.id.clone(), (Some(rank), status));
    }
    for e in scores.iter().filter(|e| e.score.is_none()) {
        out.insert(e.id.clone(), (None, Status::Unscored));
    }
    for e in scores.iter().filter(|e| e.score.is_some() && !enough(e)) {
        out.insert(e.id.clone(), (None, Status::InsufficientPanel));
    }
    out
}

fn build(p: &Panel) -> (Round, Sheet, Vec<Dossier>, Vec<Card>) {
    let mut s = sheet();
    s.aggregation.method = p.method;
    s.tie_break = p.tie_break.clone();
    let experts: Vec<String> = (0..p.experts).map(|e| format!("E{e}")).collect();
    let refs: Vec<&str> = experts.iter().map(String::as_str).collect();
    let mut r = round(RoundKind::Recognition, &refs);
    r.selection.cap = p.cap;
    // Room for every dossier on the shortlist: this test is about the expert stage.
    r.selection.shortlist_ratio = 8;
    r.selection.min_score = p.min_score.map(|m| pts(&m.to_string()));
    r.min_counted.expert = p.min_counted;
    let mut ds = Vec::new();
    let mut cards = Vec::new();
    for (d, row) in p.cells.iter().enumerate() {
        let id = format!("D{d}");
        ds.push(dossier(&id));
        for (e, (kind, v, recused)) in row.iter().enumerate() {
            let h = |x: i64| format!("{}.{:02}", x / 100, x % 100);
            let (a, b, c) = (h(v[0]), h(v[1]), h(v[2]));
            let scores = [("a", a.as_str()), ("b", b.as_str()), ("c", c.as_str())];
            // A recusal is declared whether or not the expert began a card.
            if *recused {
                r.conflicts.push(Conflict {
                    expert: experts[e].clone(),
                    dossier: id.clone(),
                    reason: "回避".into(),
                });
            }
            let c = match kind {
                Kind::Missing => continue,
                Kind::Draft => card("r", Stage::Expert, &experts[e], &id, &scores, false),
                Kind::Incomplete => card("r", Stage::Expert, &experts[e], &id, &scores[..2], true),
                Kind::Submitted => card("r", Stage::Expert, &experts[e], &id, &scores, true),
            };
            cards.push(c);
        }
    }
    (r, s, ds, cards)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_panels_match_the_big_rational_reference(p in panel()) {
        let (r, s, ds, cards) = build(&p);
        let got = ranking(&r, &s, &ds, &cards, Stage::Expert);
        let scores = reference_scores(&p);
        for e in &scores {
            let entry = got.entry(&e.id).unwrap();
            prop_assert_eq!(entry.score.map(from_ratio), e.score.clone(), "score of {}", e.id);
        }
        let want = reference_ranking(&p, &scores);
        for (id, (rank, status)) in &want {
            let entry = got.entry(id).unwrap();
            prop_assert_eq!((entry.rank, entry.status), (*rank, *status), "{}", id);
        }
        prop_assert!(got.with_status(Status::Selected).len() <= p.cap as usize);
        // Final exactly when the reference leaves no tie to decide, no
        // dossier without a score and no card owed.
        let undecided = want.values().any(|(_, s)| *s == Status::Undecided);
        let unscored = want.values().any(|(_, s)| *s == Status::Unscored);
        let owed = scores.iter().any(|e| e.owed);
        prop_assert_eq!(got.is_final(), !undecided && !unscored && !owed);
    }

    #[test]
    fn the_shortlist_keeps_its_floor_and_every_tie(
        scores in prop::collection::vec(0i64..=6, 30..=50),
    ) {
        // One preliminary scorer; scores 0–60 in steps of 10 make many ties.
        let s = sheet();
        let r = round(RoundKind::Recognition, &["E1"]);
        let ds: Vec<Dossier> = (0..scores.len()).map(|d| dossier(&format!("D{d:02}"))).collect();
        let cards: Vec<Card> = scores
            .iter()
            .enumerate()
            .map(|(d, k)| {
                let c = (k * 10).to_string();
                card("r", Stage::Preliminary, "P1", &format!("D{d:02}"), &[("a", "0"), ("b", "0"), ("c", &c)], true)
            })
            .collect();
        let got = ranking(&r, &s, &ds, &cards, Stage::Preliminary);
        let mut sorted = scores.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        let expected: Vec<String> = if scores.len() <= 40 {
            ds.iter().map(|d| d.id.clone()).collect()
        } else {
            let floor = sorted[39];
            (0..scores.len())
                .filter(|d| scores[*d] >= floor)
                .map(|d| format!("D{d:02}"))
                .collect()
        };
        let mut on: Vec<String> = got
            .with_status(Status::Shortlisted)
            .into_iter()
            .map(String::from)
            .collect();
        on.sort();
        prop_assert!(on.len() >= 40.min(scores.len()));
        prop_assert_eq!(on, expected);
        prop_assert!(got.is_final());
    }
}
