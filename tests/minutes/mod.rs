//! A small recognition round, ranked by the real arithmetic, for the report
//! tests: a tie broken by a section, a level tie across the cap, a recused
//! expert, a deviation flag, an ineligible and a below-threshold dossier, and
//! applicant names with the characters each format must escape.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use pingshen::domain::aggregate::Recusals;
use pingshen::domain::card::Card;
use pingshen::domain::dossier::{ApplicantKind, Dossier, JointApplicant};
use pingshen::domain::rank::{Inputs, rank};
use pingshen::domain::ranking::Ranking;
use pingshen::domain::round::{Conflict, Round, RoundKind, Selection, Stage};
use pingshen::domain::sheet::{Method, Sheet};
use pingshen::lang::Lang;
use pingshen::report::Minutes;
use pingshen::synthetic::credit_code;

use super::builders::{card, dossier, pts, round, scored_sheet};

pub struct World {
    pub round: Round,
    pub sheet: Sheet,
    pub dossiers: Vec<Dossier>,
    pub cards: Vec<Card>,
    pub ranking: Ranking,
}

impl World {
    pub fn minutes(&self, lang: Lang) -> Minutes<'_> {
        Minutes {
            round: &self.round,
            sheet: &self.sheet,
            dossiers: &self.dossiers,
            ranking: &self.ranking,
            cards: &self.cards,
            conflicts: &self.round.conflicts,
            excuses: &[],
            generated: Utc.with_ymd_and_hms(2024, 9, 20, 8, 30, 0).unwrap(),
            sheet_fingerprint: "sha256:0123abcd".into(),
            lang,
        }
    }
}

fn named(id: &str, name: &str) -> Dossier {
    let mut d = dossier(id);
    d.applicant.name = name.into();
    d
}

pub fn world() -> World {
    let mut sheet = scored_sheet(&[("S1", &[("a", "30"), ("b", "30")]), ("S2", &[("c", "40")])]);
    sheet.id = "mini".into();
    sheet.title = "迷你评分表".into();
    sheet.sections[0].title = "培育基础".into();
    sheet.sections[1].title = "建设目标".into();
    sheet.tie_break = vec!["S1".into()];
    sheet.joint_limit = Some(2);
    sheet.aggregation.method = Method::Mean;

    let mut round = round(RoundKind::Recognition, &["E1", "E2", "E3"]);
    round.id = "mini-2024".into();
    round.title = "2024年度迷你认定".into();
    round.experts[0].name = "张衡".into();
    round.experts[1].name = "李冰".into();
    round.experts[2].name = "王祯".into();
    round.selection = Selection {
        cap: 4,
        shortlist_ratio: 2,
        min_score: Some(pts("60")),
    };
    // D3 rests on two cards (E3 is recused); the minutes are about other things.
    round.min_counted.expert = 2;
    round.conflicts.push(Conflict {
        expert: "E3".into(),
        dossier: "D3".into(),
        reason: "曾任该单位顾问".into(),
    });

    let mut d7 = named("D7", "庚公司");
    d7.joint = (1..=3)
        .map(|n| JointApplicant {
            name: format!("联合单位{n}"),
            credit_code: credit_code(100 + n),
            kind: ApplicantKind::University,
            role: "技术支撑".into(),
            in_region: None,
            staff: None,
            field_staff: None,
            revenue: None,
        })
        .collect();
    let dossiers = vec![
        named("D1", "甲科技有限公司"),
        named("D2", "乙&<丙>联合创新中心"),
        named("D3", "丙材料股份有限公司"),
        named("D4", "丁,\"智造\"有限公司"),
        named("D5", "戊生物科技有限公司"),
        named("D6", "己信息技术有限公司"),
        d7,
        named("D8", "辛公司"),
    ];

    let scores: &[(&str, &str, [&str; 3])] = &[
        ("D1", "E1", ["30", "30", "25"]),
        ("D1", "E2", ["30", "30", "25"]),
        ("D1", "E3", ["30", "30", "25"]),
        ("D2", "E1", ["25", "25", "30"]),
        ("D2", "E2", ["25", "25", "30"]),
        ("D2", "E3", ["25", "25", "30"]),
        ("D3", "E1", ["20", "25", "35"]),
        ("D3", "E2", ["20", "25", "35"]),
        ("D3", "E3", ["10", "10", "10"]),
        ("D4", "E1", ["20", "25", "30"]),
        ("D4", "E2", ["20", "25", "30"]),
        ("D4", "E3", ["20", "25", "30"]),
        ("D5", "E1", ["25", "20", "30"]),
        ("D5", "E2", ["25", "20", "30"]),
        ("D5", "E3", ["25", "20", "30"]),
        ("D6", "E1", ["10", "10", "20"]),
        ("D6", "E2", ["20", "20", "20"]),
        ("D6", "E3", ["25", "25", "30"]),
        ("D8", "E1", ["15", "15", "20"]),
        ("D8", "E2", ["15", "15", "20"]),
        ("D8", "E3", ["15", "15", "20.5"]),
    ];
    let mut cards: Vec<Card> = scores
        .iter()
        .map(|(d, e, [a, b, c])| {
            card(
                "mini-2024",
                Stage::Expert,
                e,
                d,
                &[("a", a), ("b", b), ("c", c)],
                true,
            )
        })
        .collect();
    cards[0]
        .comments
        .insert("a".into(), "专利储备扎实 <满分>".into());
    cards[0]
        .comments
        .insert("overall".into(), "建议入选".into());

    let recusals = Recusals::from_conflicts(&round.conflicts);
    let inputs = Inputs {
        round: &round,
        sheet: &sheet,
        eligibility: None,
        dossiers: &dossiers,
        cards: &cards,
        recusals: &recusals,
        decisions: &[],
        excuses: &[],
        register: &[],
        agency: &[],
        earlier: &[],
    };
    let ranking = rank(&inputs, Stage::Expert).unwrap();
    World {
        round,
        sheet,
        dossiers,
        cards,
        ranking,
    }
}
