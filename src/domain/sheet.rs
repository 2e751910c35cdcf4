//! A scoresheet (评分表): sections of scored items, indicators with a rule that
//! combines them, eligibility rules, pass lines and how a panel aggregates.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::dossier::{FACTS, FLAGS};
use super::invalid::{Problem, Problems};
use super::rules::{Cond, Names};
use super::{Invalid, Path, Points};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    pub id: String,
    pub title: String,
    pub version: String,
    /// Where the rules come from, and what is this project's proposal.
    #[serde(default)]
    pub note: String,
    /// The sum of all items' maxima; zero for a sheet with no scored items.
    #[serde(default)]
    pub total: Points,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// When the indicators count as achieved (acceptance rounds).
    #[serde(default)]
    pub acceptance: Option<Cond>,
    #[serde(default)]
    pub eligibility: Vec<EligibilityRule>,
    /// The most joint applicants the programme allows besides the lead.
    #[serde(default)]
    pub joint_limit: Option<u32>,
    #[serde(default)]
    pub pass_lines: Vec<PassLine>,
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Section ids whose subtotals break ties, in order.
    #[serde(default)]
    pub tie_break: Vec<String>,
    #[serde(default)]
    pub deviation: Deviation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub max: Points,
    pub step: Points,
    #[serde(default)]
    pub guidance: Vec<Band>,
    #[serde(default)]
    pub comment: CommentRule,
}

/// A scoring band: a score from `from` to `to` (inclusive) means `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: Points,
    pub to: Points,
    pub text: String,
}

/// When an expert must write a comment on an item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommentRule {
    #[default]
    Optional,
    Always,
    /// For full marks or zero.
    AtExtremes,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub title: String,
    /// 件, 万元, 项, 组 …
    pub unit: String,
    pub target: Points,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRule {
    pub id: String,
    /// Shown as the reason when a dossier fails it.
    pub title: String,
    /// The rule applies only when this holds (e.g. to enterprises).
    #[serde(default)]
    pub when: Option<Cond>,
    pub require: Cond,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PassStage {
    /// Recognition: the minimum expert score to be selected.
    Recognition,
    /// Annual assessment, year 1.
    Year1,
    /// Year 2, final acceptance (期末验收).
    Year2,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassLine {
    pub stage: PassStage,
    pub min: Points,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    Mean,
    /// Drop one highest and one lowest when at least `min_panel` experts counted.
    TrimmedMean {
        min_panel: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregation {
    pub method: Method,
}

impl Default for Aggregation {
    fn default() -> Self {
        Aggregation {
            method: Method::TrimmedMean { min_panel: 5 },
        }
    }
}

/// When an expert's scores are flagged for discussion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deviation {
    /// An expert total further than this from the panel mean.
    pub total_points: Points,
    /// An item score further than this percentage of its max from the item mean.
    pub item_percent: u32,
}

impl Default for Deviation {
    fn default() -> Self {
        Deviation {
            total_points: Points::whole(15),
            item_percent: 40,
        }
    }
}

/// Why a value typed for an item cannot be saved, as a sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("item '{0}' is not on the sheet; items are: {1}")]
    NoSuchItem(String, String),
    #[error(
        "{value} is above the maximum for item {item}: allowed values are 0 to {max} in steps of {step}"
    )]
    AboveMax {
        item: String,
        value: Points,
        max: Points,
        step: Points,
    },
    #[error(
        "{value} is not a step of {step} for item {item}: allowed values are 0 to {max} in steps of {step}"
    )]
    OffStep {
        item: String,
        value: Points,
        max: Points,
        step: Points,
    },
}

impl Sheet {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn indicator_ids(&self) -> Vec<&str> {
        self.indicators.iter().map(|i| i.id.as_str()).collect()
    }

    /// True when experts record achieved values against indicators rather than points.
    pub fn is_indicator_sheet(&self) -> bool {
        self.sections.is_empty() && !self.indicators.is_empty()
    }

    pub fn pass_line(&self, stage: PassStage) -> Option<Points> {
        self.pass_lines
            .iter()
            .find(|p| p.stage == stage)
            .map(|p| p.min)
    }

    /// The ids an expert fills in on a card: items, or indicators on an indicator sheet.
    pub fn entry_ids(&self) -> Vec<&str> {
        if self.is_indicator_sheet() {
            self.indicator_ids()
        } else {
            self.items().map(|i| i.id.as_str()).collect()
        }
    }

    /// Checks a value for an item or indicator before anything is saved.
    pub fn check_value(&self, id: &str, value: Points) -> Result<(), ValueError> {
        if self.is_indicator_sheet() && self.indicator(id).is_some() {
            return Ok(());
        }
        let Some(item) = self.item(id) else {
            return Err(ValueError::NoSuchItem(
                id.to_string(),
                self.entry_ids().join(", "),
            ));
        };
        let (max, step, item) = (item.max, item.step, id.to_string());
        if value > max {
            return Err(ValueError::AboveMax {
                item,
                value,
                max,
                step,
            });
        }
        if !value.is_multiple_of(step) {
            return Err(ValueError::OffStep {
                item,
                value,
                max,
                step,
            });
        }
        Ok(())
    }

    /// Every rule the file must keep; all problems, each with its place.
    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut p = Problems::default();
        let root = Path::root();
        let mut ids = HashSet::new();
        for (si, s) in self.sections.iter().enumerate() {
            let sp = root.field("sections").index(si);
            if !ids.insert(s.id.as_str()) {
                p.push(sp.field("id"), Problem::DuplicateId { id: s.id.clone() });
            }
            if s.items.is_empty() {
                p.push(
                    sp.field("items"),
                    Problem::EmptySection {
                        section: s.id.clone(),
                    },
                );
            }
            for (ii, it) in s.items.iter().enumerate() {
                self.validate_item(it, &sp.field("items").index(ii), &mut ids, &mut p);
            }
        }
        let sum: Points = self.items().map(|i| i.max).sum();
        if sum != self.total {
            p.push(
                root.field("total"),
                Problem::TotalMismatch {
                    sum,
                    total: self.total,
                },
            );
        }
        for (k, ind) in self.indicators.iter().enumerate() {
            if !ids.insert(ind.id.as_str()) {
                p.push(
                    root.field("indicators").index(k).field("id"),
                    Problem::DuplicateId { id: ind.id.clone() },
                );
            }
        }
        for (k, pl) in self.pass_lines.iter().enumerate() {
            if pl.min > self.total {
                p.push(
                    root.field("pass_lines").index(k).field("min"),
                    Problem::PassLineOutside {
                        min: pl.min,
                        total: self.total,
                    },
                );
            }
        }
        for (k, t) in self.tie_break.iter().enumerate() {
            if !self.sections.iter().any(|s| &s.id == t) {
                p.push(
                    root.field("tie_break").index(k),
                    Problem::TieBreakUnknown { section: t.clone() },
                );
            }
        }
        if let Method::TrimmedMean { min_panel } = self.aggregation.method
            && min_panel < 3
        {
            let at = root.field("aggregation").field("method");
            p.push(at, Problem::TrimmedPanel { min_panel });
        }
        if self.deviation.item_percent > 100 {
            let at = root.field("deviation").field("item_percent");
            p.push(
                at,
                Problem::ItemPercent {
                    percent: self.deviation.item_percent,
                },
            );
        }
        if let Some(rule) = &self.acceptance {
            self.validate_names(rule, &root.field("acceptance"), &mut p);
        }
        for (k, r) in self.eligibility.iter().enumerate() {
            let rp = root.field("eligibility").index(k);
            if !ids.insert(r.id.as_str()) {
                p.push(rp.field("id"), Problem::DuplicateId { id: r.id.clone() });
            }
            if let Some(w) = &r.when {
                self.validate_names(w, &rp.field("when"), &mut p);
            }
            self.validate_names(&r.require, &rp.field("require"), &mut p);
        }
        if self.sections.is_empty() && self.indicators.is_empty() && self.eligibility.is_empty() {
            p.push(root, Problem::NothingToScore);
        }
        p.into_result()
    }

    fn validate_item<'a>(
        &self,
        it: &'a Item,
        at: &Path,
        ids: &mut HashSet<&'a str>,
        p: &mut Problems,
    ) {
        if !ids.insert(it.id.as_str()) {
            p.push(at.field("id"), Problem::DuplicateItem { id: it.id.clone() });
        }
        if it.max == Points::ZERO {
            p.push(
                at.field("max"),
                Problem::ZeroMax {
                    item: it.id.clone(),
                },
            );
        }
        if it.step == Points::ZERO || !it.max.is_multiple_of(it.step) {
            p.push(
                at.field("step"),
                Problem::StepNotDividing {
                    step: it.step,
                    max: it.max,
                    item: it.id.clone(),
                },
            );
        }
        for (b, band) in it.guidance.iter().enumerate() {
            if band.from > band.to || band.to > it.max {
                p.push(
                    at.field("guidance").index(b),
                    Problem::BandOutside {
                        from: band.from,
                        to: band.to,
                        max: it.max,
                    },
                );
            }
        }
    }

    fn validate_names(&self, rule: &Cond, at: &Path, p: &mut Problems) {
        let mut names = Names::default();
        rule.names(&mut names);
        for f in names.facts {
            if !FACTS.iter().any(|(n, _)| *n == f) {
                p.push(
                    at.clone(),
                    Problem::UnknownFact {
                        name: f.to_string(),
                    },
                );
            }
        }
        for f in names.flags {
            if !FLAGS.iter().any(|(n, _)| *n == f) {
                p.push(
                    at.clone(),
                    Problem::UnknownFlag {
                        name: f.to_string(),
                    },
                );
            }
        }
        for i in names.indicators {
            if self.indicator(i).is_none() {
                p.push(
                    at.clone(),
                    Problem::UnknownIndicator {
                        name: i.to_string(),
                    },
                );
            }
        }
    }

    /// The guidance band a score falls in, if the sheet gives one.
    pub fn band(&self, item: &str, score: Points) -> Option<&Band> {
        self.item(item)?
            .guidance
            .iter()
            .find(|b| b.from <= score && score <= b.to)
    }
}

impl Item {
    /// Whether a comment is required for this score.
    pub fn needs_comment(&self, score: Points) -> bool {
        match self.comment {
            CommentRule::Optional => false,
            CommentRule::Always => true,
            CommentRule::AtExtremes => score == Points::ZERO || score == self.max,
        }
    }
}
