//! Builders for the domain's integration tests: sheets, dossiers, cards, rounds.
#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use pingshen::domain::Points;
use pingshen::domain::card::{Card, Status};
use pingshen::domain::dossier::{Applicant, ApplicantKind, Dossier, Target};
use pingshen::domain::round::{Expert, Round, RoundKind, Selection, Stage};
use pingshen::domain::sheet::{Aggregation, Deviation, Indicator, Item, Method, Section, Sheet};

pub fn pts(s: &str) -> Points {
    s.parse().unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn dossier(id: &str) -> Dossier {
    Dossier {
        id: id.into(),
        applicant: Applicant {
            name: format!("{id}有限公司"),
            credit_code: "91440101MA5D000000".into(),
            kind: ApplicantKind::Enterprise,
            registered: date(2015, 1, 1),
            region: String::new(),
            high_tech: true,
        },
        joint: vec![],
        field: String::new(),
        summary: String::new(),
        patents: Default::default(),
        finances: vec![],
        staff: Default::default(),
        management: Default::default(),
        flags: Default::default(),
        targets: vec![],
        attachments: vec![],
        affiliate_of: vec![],
    }
}

/// A dossier declaring achieved values for indicators.
pub fn declaring(id: &str, achieved: &[(&str, &str)], sheet: &Sheet) -> Dossier {
    let mut d = dossier(id);
    d.targets = achieved
        .iter()
        .map(|(ind, v)| Target {
            indicator: (*ind).into(),
            target: sheet.indicator(ind).unwrap().target,
            achieved: Some(pts(v)),
        })
        .collect();
    d
}

fn base(id: &str) -> Sheet {
    Sheet {
        id: id.into(),
        title: id.into(),
        version: "1".into(),
        note: String::new(),
        total: Points::ZERO,
        sections: vec![],
        indicators: vec![],
        acceptance: None,
        eligibility: vec![],
        joint_limit: None,
        yearly_limit: None,
        agency_limit: None,
        pass_lines: vec![],
        aggregation: Aggregation {
            method: Method::TrimmedMean { min_panel: 5 },
        },
        tie_break: vec![],
        deviation: Deviation::default(),
    }
}

/// An indicator sheet: `(id, title, unit, target)`.
pub fn indicator_sheet(id: &str, indicators: &[(&str, &str, &str, &str)]) -> Sheet {
    let mut s = base(id);
    s.indicators = indicators
        .iter()
        .map(|(iid, title, unit, target)| Indicator {
            id: (*iid).into(),
            title: (*title).into(),
            unit: (*unit).into(),
            target: pts(target),
        })
        .collect();
    s
}

/// A scored sheet: sections of `(item id, max)` with step 0.01.
pub fn scored_sheet(sections: &[(&str, &[(&str, &str)])]) -> Sheet {
    let mut s = base("scored");
    s.sections = sections
        .iter()
        .map(|(sid, items)| Section {
            id: (*sid).into(),
            title: (*sid).into(),
            items: items
                .iter()
                .map(|(iid, max)| Item {
                    id: (*iid).into(),
                    title: (*iid).into(),
                    max: pts(max),
                    step: Points::from_hundredths(1),
                    guidance: vec![],
                    comment: Default::default(),
                })
                .collect(),
        })
        .collect();
    s.total = s.items().map(|i| i.max).sum();
    s
}

pub fn card(
    round: &str,
    stage: Stage,
    expert: &str,
    dossier: &str,
    scores: &[(&str, &str)],
    submitted: bool,
) -> Card {
    let t = Utc.with_ymd_and_hms(2024, 6, 1, 9, 0, 0).unwrap();
    let mut c = Card::new(round, stage, expert, dossier, t);
    for (item, v) in scores {
        c.scores.insert((*item).into(), pts(v));
    }
    if submitted {
        c.status = Status::Submitted;
        c.submitted = Some(t);
    }
    c
}

pub fn round(kind: RoundKind, experts: &[&str]) -> Round {
    let people = |ids: &[&str]| {
        ids.iter()
            .map(|id| Expert {
                id: (*id).into(),
                name: format!("{id}专家"),
                organisation: "某大学".into(),
                key: None,
            })
            .collect()
    };
    Round {
        id: "r".into(),
        title: "测试".into(),
        kind,
        date: date(2024, 6, 1),
        sheet: "sheet.ron".into(),
        eligibility: None,
        dossiers: "dossiers".into(),
        experts: people(experts),
        preliminary: people(&["P1"]),
        conflicts: vec![],
        selection: Selection::default(),
        deviation: None,
        min_counted: Default::default(),
        meeting: None,
        time_zone: None,
        alternates_from: None,
    }
}
