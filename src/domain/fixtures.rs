//! Small builders for the domain's unit tests.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::Points;
use super::card::{Card, Status};
use super::dossier::{Applicant, ApplicantKind, Dossier, JointApplicant};
use super::round::Stage;
use super::sheet::{Aggregation, Deviation, Indicator, Item, Method, Section, Sheet};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, 1, 9, minute, 0).unwrap()
}

/// `"7.5"` → 7.50 points.
pub fn pts(s: &str) -> Points {
    s.parse().unwrap()
}

pub fn dossier(id: &str) -> Dossier {
    Dossier {
        id: id.into(),
        applicant: Applicant {
            name: format!("{id}公司"),
            credit_code: "91440101MA5D000000".into(),
            kind: ApplicantKind::Enterprise,
            registered: date(2015, 1, 1),
            region: String::new(),
            high_tech: false,
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
    }
}

pub fn joint(name: &str) -> JointApplicant {
    JointApplicant {
        name: name.into(),
        credit_code: "12440000455000000X".into(),
        kind: ApplicantKind::University,
        role: "技术支撑".into(),
    }
}

/// A sheet with sections of `(item id, whole max)` and indicators of `(id, whole target)`.
pub fn sheet(sections: &[(&str, &[(&str, i64)])], indicators: &[(&str, i64)]) -> Sheet {
    let sections: Vec<Section> = sections
        .iter()
        .map(|(id, items)| Section {
            id: (*id).into(),
            title: format!("{id}标题"),
            items: items
                .iter()
                .map(|(iid, max)| Item {
                    id: (*iid).into(),
                    title: format!("{iid}标题"),
                    max: Points::whole(*max),
                    step: Points::from_hundredths(1),
                    guidance: vec![],
                    comment: Default::default(),
                })
                .collect(),
        })
        .collect();
    let total = sections.iter().flat_map(|s| &s.items).map(|i| i.max).sum();
    Sheet {
        id: "t".into(),
        title: "测试评分表".into(),
        version: "1".into(),
        note: String::new(),
        total,
        sections,
        indicators: indicators
            .iter()
            .map(|(id, target)| Indicator {
                id: (*id).into(),
                title: format!("{id}指标"),
                unit: "项".into(),
                target: Points::whole(*target),
            })
            .collect(),
        acceptance: None,
        eligibility: vec![],
        joint_limit: None,
        pass_lines: vec![],
        aggregation: Aggregation {
            method: Method::TrimmedMean { min_panel: 5 },
        },
        tie_break: vec![],
        deviation: Deviation::default(),
    }
}

/// A card with `(item, score)` pairs, submitted or a draft.
pub fn card(
    stage: Stage,
    expert: &str,
    dossier: &str,
    scores: &[(&str, &str)],
    submitted: bool,
) -> Card {
    let mut c = Card::new("r", stage, expert, dossier, at(0));
    for (item, v) in scores {
        c.scores.insert((*item).into(), pts(v));
    }
    if submitted {
        c.status = Status::Submitted;
        c.submitted = Some(at(1));
    }
    c
}
