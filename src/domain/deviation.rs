//! Deviation flags: an expert's total or item score far from the panel's
//! mean, for discussion before the ranking is signed.
//!
//! A synthetic round scored at random raises a flag on one score in seven,
//! so the flags of a panel are kept as numbers and places: the panel's
//! experts and the sheet's entries are named once, and each flag is the
//! place of its expert, the place of its check and the score.

use std::sync::Arc;

use super::aggregate::PanelScore;
pub use super::aggregate::Tally;
use super::round::Round;
use super::scores::Layout;
use super::sheet::{Deviation, Sheet};
use super::{Points, Ratio};

/// How the panel's totals were checked: their plain mean and the allowed
/// distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TotalCheck {
    /// The plain mean of all counted totals.
    pub mean: Tally,
    pub limit: Points,
}

/// How one item's scores on a panel were checked: their mean and the
/// allowed distance, `percent`% of the item's `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemCheck {
    pub mean: Tally,
    pub max: Points,
    pub percent: u32,
}

impl ItemCheck {
    /// The allowed distance in points: `percent`% of `max`.
    pub fn limit(&self) -> Ratio {
        Ratio::from_points(self.max) * Ratio::new(i128::from(self.percent), 100)
    }
}

/// An expert's total further than the check's limit from the panel mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TotalFlag<'a> {
    pub expert: &'a str,
    pub total: Points,
    pub check: &'a TotalCheck,
}

impl TotalFlag<'_> {
    /// How far the total is from the mean (always positive).
    pub fn distance(&self) -> Ratio {
        (Ratio::from_points(self.total) - self.check.mean.ratio()).abs()
    }
}

/// An item score further than the check allows from the item mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemFlag<'a> {
    pub expert: &'a str,
    pub item: &'a str,
    pub score: Points,
    pub check: ItemCheck,
}

impl ItemFlag<'_> {
    pub fn distance(&self) -> Ratio {
        (Ratio::from_points(self.score) - self.check.mean.ratio()).abs()
    }
}

/// An item check that flagged a score, as it is kept: the item's place on
/// the sheet's entries (where its mean is) and its maximum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Checked {
    place: u32,
    max: Points,
}

/// One score a check flagged, as it is kept: the places of its expert
/// (among the panel's counted experts) and of its check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Strayed {
    expert: u32,
    check: u32,
    score: Points,
}

/// The deviation flags of one panel: its totals' check and the totals
/// beyond it, then every item's check that flagged a score and the scores
/// it flagged, in the sheet's order and the panel's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deviations {
    /// The panel's counted experts, in its order; empty with no flag.
    experts: Box<[Arc<str>]>,
    /// The sheet's entries the item checks name by place; none with no flag.
    layout: Option<Arc<Layout>>,
    /// The panel's item means, by place (shared with the panel).
    means: Arc<[Tally]>,
    /// The item limit's percentage of each item's maximum.
    percent: u32,
    /// The totals' check, when it flagged a total.
    total: Option<TotalCheck>,
    /// (expert place, total) beyond the totals' check.
    totals: Box<[(u32, Points)]>,
    /// The item checks that flagged a score.
    checks: Box<[Checked]>,
    items: Box<[Strayed]>,
}

impl Deviations {
    pub fn len(&self) -> usize {
        self.totals.len() + self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn expert(&self, place: u32) -> Option<&str> {
        self.experts.get(place as usize).map(|e| &**e)
    }

    /// The totals flagged, in the panel's order.
    pub fn totals(&self) -> impl Iterator<Item = TotalFlag<'_>> {
        self.total.iter().flat_map(move |check| {
            self.totals.iter().filter_map(move |&(e, total)| {
                Some(TotalFlag {
                    expert: self.expert(e)?,
                    total,
                    check,
                })
            })
        })
    }

    /// The item scores flagged, by item in sheet order, then in the panel's order.
    pub fn items(&self) -> impl Iterator<Item = ItemFlag<'_>> {
        self.items.iter().filter_map(move |s| {
            let checked = self.checks.get(s.check as usize)?;
            let place = checked.place as usize;
            Some(ItemFlag {
                expert: self.expert(s.expert)?,
                item: self.layout.as_ref()?.ids().get(place)?,
                score: s.score,
                check: ItemCheck {
                    mean: *self.means.get(place)?,
                    max: checked.max,
                    percent: self.percent,
                },
            })
        })
    }
}

/// The thresholds in force: the round's when it sets them, else the sheet's.
pub fn thresholds(sheet: &Sheet, round: &Round) -> Deviation {
    round
        .deviation
        .clone()
        .unwrap_or_else(|| sheet.deviation.clone())
}

/// Every total and item of the counted cards that strays further than the
/// thresholds (strictly further: a distance equal to the limit is not flagged).
///
/// Totals are measured from the plain mean of all counted totals, items from
/// the item's mean, so a trimmed expert is still flagged. Indicator sheets have
/// no points to compare and give no flags.
pub fn deviations(sheet: &Sheet, panel: &PanelScore, limits: &Deviation) -> Deviations {
    Finder::default().deviations(sheet, panel, limits)
}

/// Finds the deviations of panel after panel: what it finds is gathered in
/// lists kept from one panel to the next, and each panel's flags are copied
/// out at their size, so that a round of thousands of panels allocates what
/// it keeps and no more.
#[derive(Default)]
pub struct Finder {
    checks: Vec<Checked>,
    items: Vec<Strayed>,
}

impl Finder {
    /// As [`deviations`].
    pub fn deviations(
        &mut self,
        sheet: &Sheet,
        panel: &PanelScore,
        limits: &Deviation,
    ) -> Deviations {
        if sheet.is_indicator_sheet() || panel.counted.is_empty() {
            return Deviations::default();
        }
        let mean = Tally::of(panel.counted.iter().map(|c| c.total));
        let near = mean.within((i128::from(limits.total_points.hundredths()), 100));
        let totals: Box<[(u32, Points)]> = panel
            .counted
            .iter()
            .enumerate()
            .filter(|(_, c)| !near.holds(c.total))
            .map(|(e, c)| (e as u32, c.total))
            .collect();
        self.checks.clear();
        self.items.clear();
        for (k, item) in sheet.items().enumerate() {
            // The counted values and item means are in the sheet's entry order.
            let Some(&mean) = panel.items.get(k) else {
                continue;
            };
            // The limit in points, percent% of max: max·percent / 10000.
            let near = mean.within((
                i128::from(item.max.hundredths()) * i128::from(limits.item_percent),
                10_000,
            ));
            let check = self.checks.len() as u32;
            let before = self.items.len();
            for (e, c) in panel.counted.iter().enumerate() {
                let score = c.value(k);
                // Written, then kept only when it strays, with no branch on
                // that: in a panel scored at random which scores stray
                // cannot be foreseen, and a branch guessed wrong on each
                // costs more than the comparison.
                self.items.push(Strayed {
                    expert: e as u32,
                    check,
                    score,
                });
                let kept = self.items.len() - usize::from(near.holds(score));
                self.items.truncate(kept);
            }
            if self.items.len() > before {
                self.checks.push(Checked {
                    place: k as u32,
                    max: item.max,
                });
            }
        }
        if totals.is_empty() && self.items.is_empty() {
            return Deviations::default();
        }
        Deviations {
            experts: panel.counted.iter().map(|c| c.expert.clone()).collect(),
            layout: Some(panel.layout.clone()),
            means: panel.items.clone(),
            percent: limits.item_percent,
            total: (!totals.is_empty()).then_some(TotalCheck {
                mean,
                limit: limits.total_points,
            }),
            totals,
            checks: self.checks.as_slice().into(),
            items: self.items.as_slice().into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::{Recusals, aggregate};
    use crate::domain::fixtures::{card, pts, sheet};
    use crate::domain::round::Stage;

    #[test]
    fn flags_strictly_beyond_the_thresholds() {
        let s = sheet(&[("S1", &[("a", 50), ("b", 50)])], &[]);
        // totals 80, 80, 50 → mean 70: 50 is 20 away (> 15), 80 is 10 away.
        // item a: 40, 40, 10 → mean 30; 40% of 50 = 20: 10 is 20 away, not beyond.
        // item b: 40, 40, 40 → nothing.
        let cards = [
            card(Stage::Expert, "E1", "D1", &[("a", "40"), ("b", "40")], true),
            card(Stage::Expert, "E2", "D1", &[("a", "40"), ("b", "40")], true),
            card(Stage::Expert, "E3", "D1", &[("a", "10"), ("b", "40")], true),
        ];
        let p = aggregate(&s, Stage::Expert, "D1", &cards, &Recusals::default());
        let d = deviations(&s, &p, &Deviation::default());
        let totals: Vec<TotalFlag> = d.totals().collect();
        assert_eq!(totals.len(), 1);
        assert_eq!(totals[0].expert, "E3");
        assert_eq!(totals[0].total, pts("50"));
        assert_eq!(totals[0].distance(), Ratio::int(20));
        assert_eq!(d.items().count(), 0);
        assert_eq!(d.len(), 1);

        // tighter thresholds flag the item too, with its numbers
        let tight = Deviation {
            total_points: pts("20"),
            item_percent: 39,
        };
        let d = deviations(&s, &p, &tight);
        assert_eq!(d.totals().count(), 0, "20 away is not beyond 20");
        let items: Vec<ItemFlag> = d.items().collect();
        assert_eq!(
            items,
            [ItemFlag {
                expert: "E3",
                item: "a",
                score: pts("10"),
                check: ItemCheck {
                    mean: Tally { sum: 9000, of: 3 },
                    max: pts("50"),
                    percent: 39,
                },
            }]
        );
        assert_eq!(items[0].check.mean.ratio(), Ratio::int(30));
        assert_eq!(items[0].check.limit(), Ratio::new(195, 10));
        assert_eq!(items[0].distance(), Ratio::int(20));
    }

    #[test]
    fn each_flag_names_its_own_expert_and_item() {
        // item a: 40, 10, 40 → E2 strays; item b: 10, 40, 40 → E1 strays;
        // item c: all 20. Each flag keeps the places of its expert and check.
        let s = sheet(&[("S1", &[("a", 50), ("b", 50), ("c", 50)])], &[]);
        let cards = [
            card(
                Stage::Expert,
                "E1",
                "D1",
                &[("a", "40"), ("b", "10"), ("c", "20")],
                true,
            ),
            card(
                Stage::Expert,
                "E2",
                "D1",
                &[("a", "10"), ("b", "40"), ("c", "20")],
                true,
            ),
            card(
                Stage::Expert,
                "E3",
                "D1",
                &[("a", "40"), ("b", "40"), ("c", "20")],
                true,
            ),
        ];
        let p = aggregate(&s, Stage::Expert, "D1", &cards, &Recusals::default());
        let tight = Deviation {
            total_points: pts("100"),
            item_percent: 30,
        };
        let d = deviations(&s, &p, &tight);
        let seen: Vec<(&str, &str, Points)> =
            d.items().map(|f| (f.expert, f.item, f.score)).collect();
        assert_eq!(seen, [("E2", "a", pts("10")), ("E1", "b", pts("10"))]);
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn no_flag_keeps_no_names() {
        let s = sheet(&[("S1", &[("a", 50)])], &[]);
        let cards = [
            card(Stage::Expert, "E1", "D1", &[("a", "40")], true),
            card(Stage::Expert, "E2", "D1", &[("a", "40")], true),
        ];
        let p = aggregate(&s, Stage::Expert, "D1", &cards, &Recusals::default());
        let d = deviations(&s, &p, &Deviation::default());
        assert!(d.is_empty());
        assert_eq!(d, Deviations::default());
    }

    #[test]
    fn round_thresholds_override_the_sheet() {
        let s = sheet(&[("S1", &[("a", 50)])], &[]);
        let mut round = crate::domain::fixtures::round();
        assert_eq!(thresholds(&s, &round), s.deviation);
        let own = Deviation {
            total_points: pts("5"),
            item_percent: 10,
        };
        round.deviation = Some(own.clone());
        assert_eq!(thresholds(&s, &round), own);
    }
}
