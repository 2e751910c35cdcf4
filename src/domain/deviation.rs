//! Deviation flags: an expert's total or item score far from the panel's
//! mean, for discussion before the ranking is signed.

use std::sync::Arc;

use super::aggregate::PanelScore;
use super::round::Round;
use super::sheet::{Deviation, Sheet};
use super::{Points, Ratio};

/// An expert's total further than `limit` points from the panel mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalFlag {
    pub expert: Arc<str>,
    pub total: Points,
    /// The plain mean of all counted totals.
    pub mean: Ratio,
    pub limit: Points,
}

impl TotalFlag {
    /// How far the total is from the mean (always positive).
    pub fn distance(&self) -> Ratio {
        (Ratio::from_points(self.total) - self.mean).abs()
    }
}

/// An item score further than `percent`% of the item's `max` from the item mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemFlag {
    pub expert: Arc<str>,
    pub item: Arc<str>,
    pub score: Points,
    pub mean: Ratio,
    pub max: Points,
    pub percent: u32,
}

impl ItemFlag {
    pub fn distance(&self) -> Ratio {
        (Ratio::from_points(self.score) - self.mean).abs()
    }

    /// The allowed distance in points: `percent`% of `max`.
    pub fn limit(&self) -> Ratio {
        Ratio::from_points(self.max) * Ratio::new(i128::from(self.percent), 100)
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
    if sheet.is_indicator_sheet() {
        return (totals, items);
    }
    if let Some(mean) = panel.mean {
        for c in &panel.counted {
            let flag = TotalFlag {
                expert: c.expert.clone(),
                total: c.total,
                mean,
                limit: limits.total_points,
            };
            if flag.distance() > Ratio::from_points(flag.limit) {
                totals.push(flag);
            }
        }
    }
    for (k, item) in sheet.items().enumerate() {
        // `panel.items` is in the sheet's entry order, as are the counted values.
        let (Some(&mean), Some(id)) = (panel.items.get(k), panel.layout.ids().get(k)) else {
            continue;
        };
        // The limit in points, percent% of max: max·percent / 10000.
        let limit = (
            i128::from(item.max.hundredths()) * i128::from(limits.item_percent),
            10_000,
        );
        for c in &panel.counted {
            let score = &c.value(k);
            // Measured before anything is built: most scores are near the mean.
            if further(*score, mean, limit) {
                items.push(ItemFlag {
                    expert: c.expert.clone(),
                    item: id.clone(),
                    score: *score,
                    mean,
                    max: item.max,
                    percent: limits.item_percent,
                });
            }
        }
    }
    (totals, items)
}

/// Whether `score` lies strictly further than `limit` (p/q points, p ≥ 0,
/// q > 0) from `mean`, compared crosswise in integers:
/// |s/100 − a/b| > p/q ⇔ |s·b − 100·a|·q > 100·b·p.
fn further(score: Points, mean: Ratio, (p, q): (i128, i128)) -> bool {
    let s = i128::from(score.hundredths());
    let gap = (s * mean.den() - 100 * mean.num()).abs();
    gap * q > 100 * mean.den() * p
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
                item: "a".into(),
                score: pts("10"),
                mean: Ratio::int(30),
                max: pts("50"),
                percent: 39,
            }]
        );
        assert_eq!(items[0].limit(), Ratio::new(195, 10));
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
