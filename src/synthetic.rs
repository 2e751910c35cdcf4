//! Deterministic synthetic rounds of any size, for benchmarks and tests: the
//! same seed gives the same sheet, dossiers, panel and scores every time.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::Points;
use crate::domain::card::{Card, Status};
use crate::domain::credit_code;
use crate::domain::dossier::{Applicant, ApplicantKind, Counts, Dossier, Patents};
use crate::domain::round::{Expert, Round, RoundKind, Selection, Stage};
use crate::domain::scores::Scores;
use crate::domain::sheet::{Aggregation, Item, Method, Section, Sheet};
use crate::load::LoadedRound;

/// A small, fast, reproducible generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The shape of a synthetic round.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub dossiers: usize,
    pub experts: usize,
    pub items: usize,
    pub seed: u64,
}

/// A sheet of `items` items of 2.5 points each (step 0.5) in sections of eight.
pub fn sheet(items: usize) -> Sheet {
    let mut sections = Vec::new();
    for (s, chunk) in (0..items).collect::<Vec<_>>().chunks(8).enumerate() {
        let items = chunk
            .iter()
            .map(|i| Item {
                id: format!("I{:03}", i + 1),
                title: format!("评分项{}：高价值专利培育成效", i + 1),
                max: Points::from_hundredths(250),
                step: Points::from_hundredths(50),
                guidance: Vec::new(),
                comment: Default::default(),
            })
            .collect();
        sections.push(Section {
            id: format!("S{}", s + 1),
            title: format!("一级指标{}", s + 1),
            items,
        });
    }
    Sheet {
        id: format!("synthetic-{items}"),
        title: "合成评分表".into(),
        version: "1".into(),
        note: String::new(),
        total: Points::from_hundredths(250 * items as i64),
        tie_break: sections.iter().map(|s| s.id.clone()).collect(),
        sections,
        indicators: Vec::new(),
        acceptance: None,
        eligibility: Vec::new(),
        joint_limit: None,
        yearly_limit: None,
        agency_limit: None,
        pass_lines: Vec::new(),
        aggregation: Aggregation {
            method: Method::TrimmedMean { min_panel: 5 },
        },
        deviation: Default::default(),
    }
}

/// A credit code with a valid check character, unique for `n`.
pub fn credit_code(n: usize) -> String {
    let head = format!("91440116MA{n:07}");
    let check = credit_code::check_char(&head).unwrap_or('0');
    format!("{head}{check}")
}

pub fn dossier(n: usize, rng: &mut Rng) -> Dossier {
    let c = |rng: &mut Rng, top: u64| {
        let filed = rng.below(top) as u32;
        let granted = filed / 2;
        Counts {
            filed,
            granted,
            valid: granted,
        }
    };
    Dossier {
        id: format!("D{n:05}"),
        applicant: Applicant {
            name: format!("合成科技有限公司第{n}号"),
            credit_code: credit_code(n),
            kind: ApplicantKind::Enterprise,
            registered: NaiveDate::from_ymd_opt(2010 + (n % 12) as i32, 1, 1).unwrap_or_default(),
            region: "广州市黄埔区".into(),
            high_tech: true,
        },
        joint: Vec::new(),
        field: String::new(),
        summary: String::new(),
        patents: Patents {
            invention: c(rng, 200),
            utility: c(rng, 200),
            design: c(rng, 20),
            ..Default::default()
        },
        finances: Vec::new(),
        staff: Default::default(),
        management: Default::default(),
        flags: Default::default(),
        targets: Vec::new(),
        attachments: Vec::new(),
        affiliate_of: Vec::new(),
    }
}

pub fn round(size: Size, sheet: &Sheet) -> Round {
    let person = |p: &str, i: usize| Expert {
        id: format!("{p}{}", i + 1),
        name: format!("专家{}", i + 1),
        organisation: "合成大学".into(),
        key: None,
    };
    Round {
        id: format!(
            "synthetic-{}x{}x{}",
            size.dossiers, size.experts, size.items
        ),
        title: "合成评审轮次".into(),
        kind: RoundKind::Recognition,
        date: NaiveDate::from_ymd_opt(2024, 6, 20).unwrap_or_default(),
        sheet: format!("{}.ron", sheet.id),
        eligibility: None,
        dossiers: "dossiers".into(),
        experts: (0..size.experts).map(|i| person("E", i)).collect(),
        preliminary: vec![person("P", 0)],
        conflicts: Vec::new(),
        selection: Selection {
            cap: 20,
            shortlist_ratio: 2,
            min_score: None,
        },
        deviation: None,
        min_counted: Default::default(),
        meeting: None,
        time_zone: None,
        alternates_from: None,
    }
}

/// Every expert's submitted card for every dossier, scores on the sheet's steps.
pub fn cards(size: Size, round: &Round, sheet: &Sheet, dossiers: &[Dossier]) -> Vec<Card> {
    let mut rng = Rng::new(size.seed ^ 0x5eed);
    let at = DateTime::<Utc>::from_timestamp(1_718_870_400, 0).unwrap_or_default();
    let mut out = Vec::with_capacity(dossiers.len() * round.experts.len());
    for d in dossiers {
        let strength = rng.below(3) as i64;
        for e in &round.experts {
            let mut scores = Scores::new();
            for item in sheet.items() {
                let steps = item.max.hundredths() / item.step.hundredths();
                let v = (rng.below(steps as u64 + 1) as i64 + strength).min(steps);
                scores.insert(
                    item.id.clone(),
                    Points::from_hundredths(v * item.step.hundredths()),
                );
            }
            out.push(Card {
                round: round.id.clone(),
                stage: Stage::Expert,
                expert: e.id.clone(),
                dossier: d.id.clone(),
                scores,
                comments: BTreeMap::new(),
                status: Status::Submitted,
                updated: at,
                submitted: Some(at),
            });
        }
    }
    out
}

/// A whole synthetic round: sheet, round, dossiers and submitted cards.
pub fn generate(size: Size) -> (Sheet, Round, Vec<Dossier>, Vec<Card>) {
    let sheet = sheet(size.items);
    let round = round(size, &sheet);
    let mut rng = Rng::new(size.seed);
    let dossiers: Vec<Dossier> = (0..size.dossiers)
        .map(|n| dossier(n + 1, &mut rng))
        .collect();
    let cards = cards(size, &round, &sheet, &dossiers);
    (sheet, round, dossiers, cards)
}

/// A whole synthetic round as loaded from its files, and its cards.
pub fn loaded(size: Size) -> (LoadedRound, Vec<Card>) {
    let (sheet, round, dossiers, cards) = generate(size);
    let loaded = LoadedRound {
        round,
        sheet,
        eligibility: None,
        dossiers,
        texts: Default::default(),
    };
    (loaded, cards)
}

/// A workbook of `n` applicants to import: the demo round's dossiers over
/// and over, each with its own id and credit code, in the template's layout.
pub fn big_workbook(n: usize) -> Result<Vec<u8>, String> {
    let demo = crate::samples::demo_round().map_err(|e| format!("{e:?}"))?;
    let dossiers: Vec<Dossier> = (0..n)
        .map(|k| {
            let mut d = demo.dossiers[k % demo.dossiers.len()].clone();
            d.id = format!("BIG-{:05}", k + 1);
            d.applicant.credit_code = credit_code(k);
            d.joint.retain(|j| j.credit_code != d.applicant.credit_code);
            d
        })
        .collect();
    let sheets: Vec<&Sheet> = std::iter::once(&demo.sheet)
        .chain(&demo.eligibility)
        .collect();
    crate::workbook::workbook(&crate::workbook::Layout::of(&sheets), &dossiers)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_round() {
        let size = Size {
            dossiers: 30,
            experts: 7,
            items: 12,
            seed: 42,
        };
        let (sheet, round, dossiers, cards) = generate(size);
        assert!(sheet.validate().is_ok());
        assert!(round.validate().is_ok());
        assert!(dossiers.iter().all(|d| d.validate().is_ok()));
        assert_eq!(cards.len(), 30 * 7);
        assert!(cards.iter().all(|c| c.gaps(&sheet).is_empty()));
        let again = generate(size).3;
        assert_eq!(cards, again);
        let other = generate(Size { seed: 43, ..size }).3;
        assert_ne!(cards, other);
    }
}
