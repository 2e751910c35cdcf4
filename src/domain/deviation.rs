//! Deviation flags: an expert's total or item score far from the panel's
//! mean, for discussion before the ranking is signed.

use std::sync::Arc;

use super::aggregate::PanelScore;
pub use super::aggregate::Tally;
use super::round::Round;
use super::sheet::{Deviation, Sheet};
use super::{Points, Ratio};

/// How the panel's totals were checked: their plain mean and the allowed
/// distance. Shared by every total flag it raised.
#[derive(Debug, PartialEq, Eq)]
pub struct TotalCheck {
    /// The plain mean of all counted totals.
    pub mean: Tally,
    pub limit: Points,
}

/// An expert's total further than the check's limit from the panel mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalFlag {
    pub expert: Arc<str>,
    pub total: Points,
    pub check: Arc<TotalCheck>,
}

impl TotalFlag {
    /// How far the total is from the mean (always positive).
    pub fn distance(&self) -> Ratio {
        (Ratio::from_points(self.total) - self.check.mean.ratio()).abs()
    }
}

/// How one item's scores on a panel were checked: their mean and the
/// allowed distance, `percent`% of the item's `max`. Shared by every flag it
/// raised, so that a flag is an expert, a score and this.
#[derive(Debug, PartialEq, Eq)]
pub struct ItemCheck {
    pub item: Arc<str>,
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

/// An item score further than the check allows from the item mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemFlag {
    pub expert: Arc<str>,
    pub score: Points,
    pub check: Arc<ItemCheck>,
}

impl ItemFlag {
    pub fn distance(&self) -> Ratio {
        (Ratio::from_points(self.score) - self.check.mean.ratio()).abs()
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
pub fn deviations(
    sheet: &Sheet,
    panel: &PanelScore,
    limits: &Deviation,
) -> (Vec<TotalFlag>, Vec<ItemFlag>) {
    let mut totals = Vec::new();
    let mut items = Vec::new();
    if sheet.is_indicator_sheet() || panel.counted.is_empty() {
        return (totals, items);
    }
    let mean = Tally::of(panel.counted.iter().map(|c| c.total));
    let limit = (i128::from(limits.total_points.hundredths()), 100);
    // Made with the first flag it raises: most checks raise none.
    let mut check = None;
    for c in panel
        .counted
        .iter()
        .filter(|c| mean.further(c.total, limit))
    {
        let check = check.get_or_insert_with(|| {
            Arc::new(TotalCheck {
                mean,
                limit: limits.total_points,
            })
        });
        totals.push(TotalFlag {
            expert: c.expert.clone(),
            total: c.total,
            check: check.clone(),
        });
    }
    for (k, item) in sheet.items().enumerate() {
        // The counted values and item means are in the sheet's entry order.
        let (Some(id), Some(&mean)) = (panel.layout.ids().get(k), panel.items.get(k)) else {
            continue;
        };
        // The limit in points, percent% of max: max·percent / 10000.
        let limit = (
            i128::from(item.max.hundredths()) * i128::from(limits.item_percent),
            10_000,
        );
        let mut check = None;
        for c in &panel.counted {
            let score = c.value(k);
            // Measured before anything is built: most scores are near the mean.
            if !mean.further(score, limit) {
                continue;
            }
            let check = check.get_or_insert_with(|| {
                Arc::new(ItemCheck {
                    item: id.clone(),
                    mean,
                    max: item.max,
                    percent: limits.item_percent,
                })
            });
            items.push(ItemFlag {
                expert: c.expert.clone(),
                score,
                check: check.clone(),
            });
        }
    }
    (totals, items)
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
        let (totals, items) = deviations(&s, &p, &Deviation::default());
        assert_eq!(totals.len(), 1);
        assert_eq!(&*totals[0].expert, "E3");
        assert_eq!(totals[0].distance(), Ratio::int(20));
        assert!(items.is_empty());

        // tighter thresholds flag the item too, with its numbers
        let tight = Deviation {
            total_points: pts("20"),
            item_percent: 39,
        };
        let (totals, items) = deviations(&s, &p, &tight);
        assert!(totals.is_empty(), "20 away is not beyond 20");
        assert_eq!(
            items,
            [ItemFlag {
                expert: "E3".into(),
                score: pts("10"),
                check: Arc::new(ItemCheck {
                    item: "a".into(),
                    mean: Tally { sum: 9000, of: 3 },
                    max: pts("50"),
                    percent: 39,
                }),
            }]
        );
        assert_eq!(items[0].check.mean.ratio(), Ratio::int(30));
        assert_eq!(items[0].check.limit(), Ratio::new(195, 10));
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
