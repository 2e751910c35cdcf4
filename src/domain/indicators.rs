//! What a dossier achieved against each indicator of an indicator sheet, and
//! whether the indicator is met: by the panel's counted cards, or by the
//! applicant's own declaration when no card exists.
//!
//! The panel's value is the largest value a strict majority of counted cards
//! reach (for three cards the median, for four the second lowest); an
//! indicator is met when that value reaches the target, that is, when more
//! than half of the counted cards record at least the target. An even split
//! is not a majority: the indicator is not met until the panel agrees.

use super::Points;
use super::aggregate::{NotCounted, PanelScore};
use super::dossier::Dossier;
use super::sheet::Sheet;

/// Where the achieved values come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// The counted cards of this many experts.
    Panel { experts: u32 },
    /// The applicant's declared values: no expert card exists (or only recused ones).
    Declared,
    /// Cards exist but none counts yet (drafts): no result until they do.
    Pending,
}

/// One indicator, its target and what was achieved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorState {
    pub id: String,
    /// Its place on the sheet, from 1: "第5项".
    pub number: usize,
    pub title: String,
    pub unit: String,
    pub target: Points,
    pub achieved: Option<Points>,
    /// Counted cards recording at least the target (0 for declared values).
    pub votes: u32,
    pub met: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Achievement {
    pub evidence: Evidence,
    /// Every indicator of the sheet, in sheet order.
    pub indicators: Vec<IndicatorState>,
}

impl Achievement {
    /// One scorer's own values (a card being filled in), met against the sheet's targets.
    pub fn of_values(sheet: &Sheet, values: &super::scores::Scores) -> Achievement {
        let indicators = sheet
            .indicators
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let achieved = values.get(&i.id).copied();
                let met = achieved.is_some_and(|v| v >= i.target);
                IndicatorState {
                    id: i.id.clone(),
                    number: k + 1,
                    title: i.title.clone(),
                    unit: i.unit.clone(),
                    target: i.target,
                    achieved,
                    votes: u32::from(met),
                    met,
                }
            })
            .collect();
        Achievement {
            evidence: Evidence::Panel { experts: 1 },
            indicators,
        }
    }

    pub fn met_ids(&self) -> Vec<&str> {
        self.indicators
            .iter()
            .filter(|i| i.met)
            .map(|i| i.id.as_str())
            .collect()
    }

    pub fn met_count(&self) -> usize {
        self.indicators.iter().filter(|i| i.met).count()
    }

    pub fn number(&self, id: &str) -> Option<usize> {
        self.indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.number)
    }
}

/// The achievement of `dossier` from its expert-stage `panel` on `sheet`.
pub fn achievement(sheet: &Sheet, dossier: &Dossier, panel: &PanelScore) -> Achievement {
    let evidence = if !panel.counted.is_empty() {
        Evidence::Panel {
            experts: panel.experts(),
        }
    } else if panel.excluded.iter().any(|e| e.why != NotCounted::Recused) {
        Evidence::Pending
    } else {
        Evidence::Declared
    };
    let indicators = sheet
        .indicators
        .iter()
        .enumerate()
        .map(|(k, ind)| {
            let (achieved, votes) = match evidence {
                Evidence::Panel { .. } => {
                    let values: Vec<Points> = panel.counted.iter().map(|c| c.value(k)).collect();
                    let votes = values.iter().filter(|v| **v >= ind.target).count() as u32;
                    (majority_value(values), votes)
                }
                Evidence::Declared => (dossier.achieved(&ind.id), 0),
                Evidence::Pending => (None, 0),
            };
            IndicatorState {
                id: ind.id.clone(),
                number: k + 1,
                title: ind.title.clone(),
                unit: ind.unit.clone(),
                target: ind.target,
                achieved,
                votes,
                met: achieved.is_some_and(|a| a >= ind.target),
            }
        })
        .collect();
    Achievement {
        evidence,
        indicators,
    }
}

/// The largest value that more than half of `values` reach.
pub fn majority_value(mut values: Vec<Points>) -> Option<Points> {
    values.sort_unstable_by(|a, b| b.cmp(a));
    let need = values.len() / 2 + 1;
    values.get(need - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::{Recusals, aggregate};
    use crate::domain::dossier::Target;
    use crate::domain::fixtures::{card, dossier, pts, sheet};
    use crate::domain::round::Stage;

    fn two() -> Sheet {
        sheet(&[], &[("I1", 20), ("I2", 1)])
    }

    fn c(e: &str, i1: &str, i2: &str, submitted: bool) -> crate::domain::card::Card {
        card(Stage::Expert, e, "D1", &[("I1", i1), ("I2", i2)], submitted)
    }

    #[test]
    fn majority_value_is_what_more_than_half_reach() {
        let v = |xs: &[&str]| xs.iter().map(|x| pts(x)).collect::<Vec<_>>();
        assert_eq!(majority_value(v(&[])), None);
        assert_eq!(majority_value(v(&["5"])), Some(pts("5")));
        assert_eq!(majority_value(v(&["5", "9"])), Some(pts("5")));
        assert_eq!(majority_value(v(&["9", "1", "5"])), Some(pts("5")));
        assert_eq!(majority_value(v(&["1", "9", "5", "7"])), Some(pts("5")));
    }

    #[test]
    fn panel_majority_decides() {
        // I1: 25, 20, 19 → two of three reach 20: met, value 20.
        // I2: 1, 0, 0, 1 with four cards would be an even split; here 1, 0, 0: not met.
        let cards = [
            c("E1", "25", "1", true),
            c("E2", "20", "0", true),
            c("E3", "19", "0", true),
        ];
        let s = two();
        let p = aggregate(&s, Stage::Expert, "D1", &cards, &Recusals::default());
        let a = achievement(&s, &dossier("D1"), &p);
        assert_eq!(a.evidence, Evidence::Panel { experts: 3 });
        assert_eq!(a.indicators[0].achieved, Some(pts("20")));
        assert_eq!((a.indicators[0].votes, a.indicators[0].met), (2, true));
        assert_eq!((a.indicators[1].votes, a.indicators[1].met), (1, false));
        assert_eq!(a.met_ids(), ["I1"]);
        assert_eq!(a.number("I2"), Some(2));
    }

    #[test]
    fn an_even_split_is_not_met() {
        let cards = [c("E1", "20", "1", true), c("E2", "19", "0", true)];
        let s = two();
        let p = aggregate(&s, Stage::Expert, "D1", &cards, &Recusals::default());
        let a = achievement(&s, &dossier("D1"), &p);
        assert_eq!(a.met_count(), 0);
        assert_eq!(a.indicators[0].votes, 1);
    }

    #[test]
    fn declared_when_no_card_pending_when_only_drafts() {
        let s = two();
        let mut d = dossier("D1");
        d.targets = vec![
            Target {
                indicator: "I1".into(),
                target: pts("20"),
                achieved: Some(pts("21")),
            },
            Target {
                indicator: "I2".into(),
                target: pts("1"),
                achieved: None,
            },
        ];
        let none = aggregate(&s, Stage::Expert, "D1", &[], &Recusals::default());
        let a = achievement(&s, &d, &none);
        assert_eq!(a.evidence, Evidence::Declared);
        assert_eq!(a.met_ids(), ["I1"]);
        assert_eq!(a.indicators[1].achieved, None);

        let rec = Recusals::new([("E1", "D1")]);
        let recused = aggregate(&s, Stage::Expert, "D1", &[c("E1", "0", "0", true)], &rec);
        assert_eq!(achievement(&s, &d, &recused).evidence, Evidence::Declared);

        let drafts = [c("E1", "25", "1", false)];
        let p = aggregate(&s, Stage::Expert, "D1", &drafts, &Recusals::default());
        let a = achievement(&s, &d, &p);
        assert_eq!(a.evidence, Evidence::Pending);
        assert_eq!(a.met_count(), 0);
    }
}
