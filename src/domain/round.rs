//! A round (评审轮次): one competition or assessment, its sheet, dossiers, panel
//! and settings.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::invalid::{Problem, Problems};
use super::sheet::Deviation;
use super::{Invalid, Path, Points};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: String,
    pub title: String,
    pub kind: RoundKind,
    /// The day of the review; ages and years registered are counted to it.
    pub date: NaiveDate,
    /// The scoresheet, relative to the round file.
    pub sheet: String,
    /// A sheet of eligibility rules checked in formal review, if separate.
    #[serde(default)]
    pub eligibility: Option<String>,
    /// The folder of dossier files, relative to the round file.
    pub dossiers: String,
    pub experts: Vec<Expert>,
    /// Third-party preliminary scorers (初审); recognition rounds only.
    #[serde(default)]
    pub preliminary: Vec<Expert>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    #[serde(default)]
    pub selection: Selection,
    /// Overrides the sheet's deviation thresholds.
    #[serde(default)]
    pub deviation: Option<Deviation>,
    /// The fewest counted cards a panel score may rest on, per stage.
    #[serde(default)]
    pub min_counted: MinCounted,
    /// Where and when the panel meets, for the summary the committee signs.
    #[serde(default)]
    pub meeting: Option<Meeting>,
    /// The time zone times are printed in (default Asia/Shanghai).
    #[serde(default)]
    pub time_zone: Option<String>,
    /// An earlier recognition round of the same programme whose alternates
    /// (可作为下一年度备选建设主体) this round's formal review names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternates_from: Option<String>,
}

/// The panel's meeting: its day and place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub date: NaiveDate,
    pub place: String,
}

/// The time zones times may be printed in, with their offset from UTC in
/// minutes. China has kept UTC+8 without daylight saving since 1991.
pub const TIME_ZONES: &[(&str, i32)] = &[
    ("Asia/Shanghai", 480),
    ("Asia/Chongqing", 480),
    ("Asia/Hong_Kong", 480),
    ("Asia/Macau", 480),
    ("Asia/Taipei", 480),
    ("UTC", 0),
];

/// A time zone of `TIME_ZONES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    pub minutes: i32,
}

impl Zone {
    /// `2024-09-20 16:15 UTC+08:00 (Asia/Shanghai)`: the local time to the minute, with its zone.
    pub fn local(self, at: chrono::DateTime<chrono::Utc>) -> String {
        let when = chrono::FixedOffset::east_opt(self.minutes * 60).map_or_else(
            || at.format("%Y-%m-%d %H:%M").to_string(),
            |o| at.with_timezone(&o).format("%Y-%m-%d %H:%M").to_string(),
        );
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let m = self.minutes.abs();
        format!(
            "{when} UTC{sign}{:02}:{:02} ({})",
            m / 60,
            m % 60,
            self.name
        )
    }
}

/// The fewest counted cards a panel score may rest on: below it an entry is
/// `insufficient_panel`, unranked and never selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinCounted {
    #[serde(default = "three")]
    pub expert: u32,
    #[serde(default = "one")]
    pub preliminary: u32,
}

fn three() -> u32 {
    3
}

fn one() -> u32 {
    1
}

impl Default for MinCounted {
    fn default() -> Self {
        MinCounted {
            expert: three(),
            preliminary: one(),
        }
    }
}

impl MinCounted {
    pub fn of(self, stage: Stage) -> u32 {
        match stage {
            Stage::Expert => self.expert,
            Stage::Preliminary => self.preliminary,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundKind {
    /// 认定: preliminary scoring to a shortlist, then expert review to a selection.
    Recognition,
    /// 年度考核, year 1 (pass ≥ 70) or year 2 / final acceptance (pass ≥ 75).
    Annual { year: u8 },
    /// 验收: achieved values against the sheet's indicators.
    Acceptance,
}

impl RoundKind {
    /// The stages in which cards are scored.
    pub fn stages(self) -> &'static [Stage] {
        match self {
            RoundKind::Recognition => &[Stage::Preliminary, Stage::Expert],
            _ => &[Stage::Expert],
        }
    }
}

/// Who scores: the third party's preliminary scoring, or the expert panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    Preliminary,
    Expert,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::Preliminary => "preliminary",
            Stage::Expert => "expert",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    pub id: String,
    pub name: String,
    pub organisation: String,
    /// The fingerprint of the expert's signing key, when pinned in advance.
    #[serde(default)]
    pub key: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub expert: String,
    pub dossier: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The most that may be selected (Huangpu: 20).
    pub cap: u32,
    /// The shortlist holds at least `shortlist_ratio × cap` (Huangpu: 1:2).
    pub shortlist_ratio: u32,
    /// No dossier below this expert score is selected.
    #[serde(default)]
    pub min_score: Option<Points>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            cap: 20,
            shortlist_ratio: 2,
            min_score: None,
        }
    }
}

impl Round {
    /// The round's time zone; Asia/Shanghai unless it names another.
    pub fn zone(&self) -> Zone {
        let name = self.time_zone.as_deref().unwrap_or("Asia/Shanghai");
        TIME_ZONES.iter().find(|(n, _)| *n == name).map_or(
            Zone {
                name: "Asia/Shanghai",
                minutes: 480,
            },
            |(name, minutes)| Zone {
                name,
                minutes: *minutes,
            },
        )
    }

    pub fn expert(&self, id: &str) -> Option<&Expert> {
        self.experts
            .iter()
            .chain(&self.preliminary)
            .find(|e| e.id == id)
    }

    /// The people who score in a stage.
    pub fn scorers(&self, stage: Stage) -> &[Expert] {
        match stage {
            Stage::Preliminary => &self.preliminary,
            Stage::Expert => &self.experts,
        }
    }

    /// Rules the round file keeps on its own; cross-file checks live in `load`.
    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut p = Problems::default();
        let root = Path::root();
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            p.push(
                root.field("id"),
                Problem::BadRoundId {
                    id: self.id.clone(),
                },
            );
        }
        if self.experts.is_empty() {
            p.push(root.field("experts"), Problem::NoExperts);
        }
        let mut ids = HashSet::new();
        for (list, people) in [
            ("experts", &self.experts),
            ("preliminary", &self.preliminary),
        ] {
            for (k, e) in people.iter().enumerate() {
                if !ids.insert(e.id.as_str()) {
                    p.push(
                        root.field(list).index(k).field("id"),
                        Problem::DuplicateExpert { id: e.id.clone() },
                    );
                }
                if let Some(key) = &e.key
                    && super::keyprint::normalise(key).is_none()
                {
                    p.push(
                        root.field(list).index(k).field("key"),
                        Problem::BadKey {
                            key: key.clone(),
                            expert: e.id.clone(),
                        },
                    );
                }
            }
        }
        if self.kind == RoundKind::Recognition && self.preliminary.is_empty() {
            p.push(root.field("preliminary"), Problem::NoPreliminary);
        }
        if let RoundKind::Annual { year } = self.kind
            && !(1..=2).contains(&year)
        {
            p.push(root.field("kind"), Problem::BadYear { year });
        }
        if self.selection.cap == 0 {
            p.push(root.field("selection").field("cap"), Problem::ZeroCap);
        }
        if self.selection.shortlist_ratio == 0 {
            p.push(
                root.field("selection").field("shortlist_ratio"),
                Problem::ZeroRatio,
            );
        }
        for (stage, n) in [
            ("expert", self.min_counted.expert),
            ("preliminary", self.min_counted.preliminary),
        ] {
            if n == 0 {
                p.push(
                    root.field("min_counted").field(stage),
                    format!("min_counted.{stage} is 0, allowed 1 or more"),
                );
            }
        }
        if let Some(z) = &self.time_zone
            && !TIME_ZONES.iter().any(|(n, _)| n == z)
        {
            let allowed: Vec<&str> = TIME_ZONES.iter().map(|(n, _)| *n).collect();
            p.push(
                root.field("time_zone"),
                format!(
                    "time zone '{z}' is not known; allowed: {}",
                    allowed.join(", ")
                ),
            );
        }
        if let Some(m) = &self.meeting
            && m.place.trim().is_empty()
        {
            p.push(
                root.field("meeting").field("place"),
                "the meeting's place is empty; name the room or the building",
            );
        }
        for (k, c) in self.conflicts.iter().enumerate() {
            if self.expert(&c.expert).is_none() {
                let at = root.field("conflicts").index(k).field("expert");
                p.push(
                    at,
                    Problem::ConflictExpert {
                        expert: c.expert.clone(),
                    },
                );
            }
            if c.reason.trim().is_empty() {
                p.push(
                    root.field("conflicts").index(k).field("reason"),
                    Problem::ConflictNoReason,
                );
            }
        }
        p.into_result()
    }
}
