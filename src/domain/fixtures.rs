//! Small builders for the domain's unit tests.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::Points;
use super::aggregate::Recusals;
use super::card::{Card, Status};
use super::decision::{Choice, Decision};
use super::dossier::{Applicant, ApplicantKind, Dossier, JointApplicant};
use super::rank::Inputs;
use super::round::{Expert, Round, RoundKind, Selection, Stage};
use super::sheet::{
    Aggregation, Deviation, Indicator, Item, Method, PassLine, PassStage, Section, Sheet,
};

/// The Huangpu annual assessment's lines: 70 in year 1, 75 at final acceptance.
pub fn annual_pass_lines() -> Vec<PassLine> {
    vec![
        PassLine {
            stage: PassStage::Year1,
            min: Points::whole(70),
        },
        PassLine {
            stage: PassStage::Year2,
            min: Points::whole(75),
        },
    ]
}

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
        affiliate_of: vec![],
    }
}

pub fn joint(name: &str) -> JointApplicant {
    JointApplicant {
        name: name.into(),
        credit_code: "12440000455000000X".into(),
        kind: ApplicantKind::University,
        role: "技术支撑".into(),
        in_region: None,
        staff: None,
        field_staff: None,
        revenue: None,
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

pub fn expert(id: &str) -> Expert {
    Expert {
        id: id.into(),
        name: format!("{id}专家"),
        organisation: "某大学".into(),
        key: None,
    }
}

/// A recognition round: cap 20, ratio 2, on 2024-06-01.
pub fn round() -> Round {
    Round {
        id: "r".into(),
        title: "测试轮次".into(),
        kind: RoundKind::Recognition,
        date: date(2024, 6, 1),
        sheet: "sheet.ron".into(),
        eligibility: None,
        dossiers: "dossiers".into(),
        experts: vec![expert("E1")],
        preliminary: vec![expert("P1")],
        conflicts: vec![],
        selection: Selection::default(),
        deviation: None,
        min_counted: crate::domain::round::MinCounted {
            expert: 1,
            preliminary: 1,
        },
        meeting: None,
        time_zone: None,
        alternates_from: None,
    }
}

/// A round with its sheet, dossiers, cards and decisions, for ranking tests.
pub struct World {
    pub round: Round,
    pub sheet: Sheet,
    pub dossiers: Vec<Dossier>,
    pub cards: Vec<Card>,
    pub recusals: Recusals,
    pub decisions: Vec<Decision>,
    pub excuses: Vec<crate::domain::excuse::Excuse>,
    pub register: Vec<crate::domain::register::Centre>,
}

impl World {
    /// Sheet: S1 {a: 50}, S2 {b: 50}; a recognition round, cap 20, ratio 2.
    pub fn new() -> World {
        World {
            round: round(),
            sheet: sheet(&[("S1", &[("a", 50)]), ("S2", &[("b", 50)])], &[]),
            dossiers: vec![],
            cards: vec![],
            recusals: Recusals::default(),
            decisions: vec![],
            excuses: vec![],
            register: vec![],
        }
    }

    /// `n` eligible dossiers D01…, preliminary scores 100, 99, … (a + b, split evenly).
    pub fn applicants(n: usize) -> World {
        let mut w = World::new();
        for k in 0..n {
            let id = format!("D{:02}", k + 1);
            w.dossiers(&[&id]);
            let half = format!("{}", 50 - k as i64 / 2);
            let other = format!("{}", 50 - (k as i64 + 1) / 2);
            w.score(Stage::Preliminary, "P1", &id, &half, &other);
        }
        w
    }

    pub fn dossiers(&mut self, ids: &[&str]) -> &mut World {
        self.dossiers.extend(ids.iter().map(|id| dossier(id)));
        self
    }

    /// A submitted card scoring a and b.
    pub fn score(&mut self, stage: Stage, expert: &str, d: &str, a: &str, b: &str) -> &mut World {
        self.cards
            .push(card(stage, expert, d, &[("a", a), ("b", b)], true));
        self
    }

    /// Expert E1 scores `d` with a and b.
    pub fn expert(&mut self, d: &str, a: &str, b: &str) -> &mut World {
        self.score(Stage::Expert, "E1", d, a, b)
    }

    pub fn inputs(&self) -> Inputs<'_> {
        Inputs {
            round: &self.round,
            sheet: &self.sheet,
            eligibility: None,
            dossiers: &self.dossiers,
            cards: &self.cards,
            recusals: &self.recusals,
            decisions: &self.decisions,
            excuses: &self.excuses,
            register: &self.register,
            agency: &[],
            earlier: &[],
        }
    }

    pub fn decide(&mut self, tied: &[&str], choice: Choice) -> &mut World {
        self.decisions.push(Decision {
            round: self.round.id.clone(),
            stage: Stage::Expert,
            tied: tied.iter().map(|s| s.to_string()).collect(),
            choice,
            reason: "经评审委员会讨论决定".into(),
            by: "秘书甲".into(),
            at: at(40),
        });
        self
    }
}
