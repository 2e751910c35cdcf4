//! A panel's score for one dossier: which cards count, the exact (trimmed)
//! mean, the spread, and the section and item means that break ties and
//! anchor deviation flags.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::card::Card;
use super::round::{Conflict, Stage};
use super::scores::Layout;
use super::sheet::{Method, Sheet};
use super::{Points, Ratio};

/// Who may not score whom: (expert, dossier) pairs from declared conflicts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recusals {
    /// Expert → the dossiers they may not score.
    pairs: BTreeMap<String, BTreeSet<String>>,
}

impl Recusals {
    pub fn new<I, E, D>(pairs: I) -> Recusals
    where
        I: IntoIterator<Item = (E, D)>,
        E: Into<String>,
        D: Into<String>,
    {
        let mut r = Recusals::default();
        for (e, d) in pairs {
            r.pairs.entry(e.into()).or_default().insert(d.into());
        }
        r
    }

    pub fn from_conflicts(conflicts: &[Conflict]) -> Recusals {
        Recusals::new(conflicts.iter().map(|c| (&*c.expert, &*c.dossier)))
    }

    pub fn contains(&self, expert: &str, dossier: &str) -> bool {
        self.pairs.get(expert).is_some_and(|d| d.contains(dossier))
    }
}

/// Why an expert's card for a dossier does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotCounted {
    /// The expert declared a conflict with this dossier.
    Recused,
    /// Not yet submitted.
    Draft,
    /// Submitted, yet some items have no score (it should not happen; never counted).
    Incomplete { missing: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    pub expert: String,
    pub why: NotCounted,
}

/// An expert whose card counts, with the scores of the sheet's entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    /// Shared with the flags that name the expert.
    pub expert: Arc<str>,
    /// The sum of the sheet's items (values of ids not on the sheet are ignored).
    pub total: Points,
    /// The scores (or achieved values) in the sheet's entry order: the order of
    /// `Sheet::entry_ids`, so that every pass over a panel indexes, never
    /// searches. Shared with the card read from the store.
    pub values: Arc<[Points]>,
}

impl Counted {
    /// The value of the sheet's `k`-th entry.
    pub fn value(&self, k: usize) -> Points {
        self.values.get(k).copied().unwrap_or_default()
    }
}

/// A panel mean as it is made: `sum` hundredths over `of` experts, with no
/// fraction reduced until one is asked for (`ratio`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    pub sum: i128,
    pub of: u32,
}

impl Tally {
    /// The tally of `values`.
    pub fn of(values: impl IntoIterator<Item = Points>) -> Tally {
        values
            .into_iter()
            .fold(Tally { sum: 0, of: 0 }, |t, v| Tally {
                sum: t.sum + i128::from(v.hundredths()),
                of: t.of + 1,
            })
    }

    /// The mean, exactly.
    pub fn ratio(self) -> Ratio {
        Ratio::new(self.sum, 100 * i128::from(self.of))
    }

    /// The scores no further than `limit` (p/q points, p ≥ 0, q > 0) from
    /// the mean: a score lies strictly further exactly when it is outside.
    /// Worked out once per check, so that each score is two comparisons.
    ///
    /// |s/100 − sum/(100·n)| > p/q ⇔ |s·n − sum|·q > 100·n·p ⇔ |s·n − sum| > t
    /// with t = ⌊100·n·p / q⌋ (both sides integers); and for n > 0,
    /// s·n > sum + t ⇔ s > ⌊(sum + t)/n⌋, s·n < sum − t ⇔ s < ⌈(sum − t)/n⌉.
    pub(super) fn within(self, (p, q): (i128, i128)) -> Within {
        let n = i128::from(self.of);
        if n == 0 || q <= 0 {
            // No score is measured against an empty panel, nor against a
            // limit that is not a distance (every limit made is over 100
            // or 10,000).
            return Within {
                lo: i128::MIN,
                hi: i128::MAX,
            };
        }
        let t = (100 * n * p).div_euclid(q);
        Within {
            lo: -(t - self.sum).div_euclid(n),
            hi: (self.sum + t).div_euclid(n),
        }
    }
}

/// The hundredths `lo..=hi`: the scores a check lets through (`Tally::within`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Within {
    lo: i128,
    hi: i128,
}

impl Within {
    pub fn holds(self, score: Points) -> bool {
        let s = i128::from(score.hundredths());
        // Both sides measured, so that no branch waits on the first.
        (self.lo <= s) & (s <= self.hi)
    }
}

/// The experts' ids of a round, each held once and shared by every panel
/// and flag that names it, where each counted card would hold its own.
#[derive(Clone, Debug, Default)]
pub struct Names(Vec<Arc<str>>);

impl Names {
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Names {
        let mut v: Vec<Arc<str>> = ids.into_iter().map(Arc::from).collect();
        v.sort_unstable();
        v.dedup();
        Names(v)
    }

    /// The shared id `id`, or one of its own when the round does not list it.
    pub fn get(&self, id: &str) -> Arc<str> {
        match self.0.binary_search_by(|n| (**n).cmp(id)) {
            Ok(k) => self.0[k].clone(),
            Err(_) => Arc::from(id),
        }
    }
}

/// An exact panel mean of one section's subtotals or one item's scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mean {
    pub id: String,
    pub value: Ratio,
}

/// Everything the secretary's arithmetic knows about one dossier in one stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelScore {
    pub dossier: String,
    pub stage: Stage,
    /// Counted experts, by expert id.
    pub counted: Vec<Counted>,
    /// Cards that exist but do not count, by expert id.
    pub excluded: Vec<Excluded>,
    /// Whether one highest and one lowest total were dropped.
    pub trimmed: bool,
    /// The panel score: the mean or trimmed mean of counted totals.
    pub score: Option<Ratio>,
    /// The plain mean of all counted totals (the anchor of deviation flags).
    pub mean: Option<Ratio>,
    /// Highest counted total minus lowest.
    pub spread: Option<Points>,
    /// Mean section subtotals over the cards whose totals count (a trimmed
    /// card decides no tie), in sheet order.
    pub sections: Vec<Mean>,
    /// Mean item scores (or achieved values) over all counted experts, in
    /// the order of `layout` (the sheet's entries); empty with no counted expert.
    pub items: Arc<[Tally]>,
    /// The sheet's entries the item means follow.
    pub layout: Arc<Layout>,
}

impl PanelScore {
    pub fn experts(&self) -> u32 {
        self.counted.len() as u32
    }

    pub fn item(&self, id: &str) -> Option<Ratio> {
        self.layout
            .place(id)
            .and_then(|k| self.items.get(k))
            .map(|t| t.ratio())
    }

    /// Whether any card for the dossier exists, counted or not.
    pub fn has_cards(&self) -> bool {
        !self.counted.is_empty() || !self.excluded.is_empty()
    }
}

/// The panel score of `dossier` in `stage` from every card given (cards for
/// other dossiers or stages are skipped).
///
/// A card counts when it is submitted, scores every entry of the sheet and its
/// expert is not recused. Should two cards of one expert reach this function,
/// the submitted one updated last is taken, so an expert counts once.
pub fn aggregate<'c>(
    sheet: &Sheet,
    stage: Stage,
    dossier: &str,
    cards: impl IntoIterator<Item = &'c Card>,
    recusals: &Recusals,
) -> PanelScore {
    let layout = Arc::new(Layout::of(sheet));
    let own = cards
        .into_iter()
        .filter(|c| c.stage == stage && c.dossier == dossier);
    aggregate_on(
        sheet,
        &layout,
        &Names::default(),
        stage,
        dossier,
        own,
        recusals,
    )
}

/// The sheet's entries as cards read from the store keep them (they share
/// one layout), or as `sheet` lists them: the layout to aggregate on, so that
/// each card's values are read by place.
pub fn layout_for<'c>(sheet: &Sheet, cards: impl IntoIterator<Item = &'c Card>) -> Arc<Layout> {
    let entries = sheet.entry_ids();
    cards
        .into_iter()
        .find_map(|c| c.scores.layout().filter(|l| l.is(&entries)).cloned())
        .unwrap_or_else(|| Arc::new(Layout::of(sheet)))
}

/// `aggregate` of cards already chosen, all of `dossier` in `stage` (a
/// board groups them once for every panel), with the sheet's entries given
/// as `layout` (see `layout_for`) and the round's experts as `names`.
pub fn aggregate_on<'c>(
    sheet: &Sheet,
    layout: &Arc<Layout>,
    names: &Names,
    stage: Stage,
    dossier: &str,
    cards: impl IntoIterator<Item = &'c Card>,
    recusals: &Recusals,
) -> PanelScore {
    // Each expert's cards together, the submitted one updated last first
    // (and of two alike, the first given): that one is the expert's.
    let mut latest: Vec<&Card> = cards.into_iter().collect();
    latest.sort_by(|a, b| {
        a.expert
            .cmp(&b.expert)
            .then_with(|| (b.is_submitted(), b.updated).cmp(&(a.is_submitted(), a.updated)))
    });
    latest.dedup_by(|later, first| later.expert == first.expert);
    let entries = layout.ids();
    let mut counted = Vec::with_capacity(latest.len());
    let mut excluded = Vec::new();
    for card in latest {
        let expert = card.expert.as_str();
        let why = if recusals.contains(expert, dossier) {
            NotCounted::Recused
        } else if !card.is_submitted() {
            NotCounted::Draft
        } else {
            // The values in sheet order, or the places of those missing.
            match card.scores.complete_on(layout) {
                Ok(values) => {
                    counted.push(Counted {
                        expert: names.get(expert),
                        total: values.iter().copied().sum(),
                        values,
                    });
                    continue;
                }
                Err(places) => NotCounted::Incomplete {
                    missing: places.iter().map(|k| entries[*k].to_string()).collect(),
                },
            }
        };
        excluded.push(Excluded {
            expert: expert.to_string(),
            why,
        });
    }
    summarise(sheet, layout, stage, dossier, counted, excluded)
}

fn summarise(
    sheet: &Sheet,
    layout: &Arc<Layout>,
    stage: Stage,
    dossier: &str,
    counted: Vec<Counted>,
    excluded: Vec<Excluded>,
) -> PanelScore {
    let totals: Vec<Points> = counted.iter().map(|c| c.total).collect();
    let (score, trimmed) = match panel_mean(&totals, sheet.aggregation.method) {
        Some((s, t)) => (Some(s), t),
        None => (None, false),
    };
    let mean = panel_mean(&totals, Method::Mean).map(|(m, _)| m);
    let spread = match (totals.iter().max(), totals.iter().min()) {
        (Some(hi), Some(lo)) => Some(hi.saturating_sub(*lo)),
        _ => None,
    };
    let n = counted.len() as i128;
    let mean_of = |id: &str, value: &dyn Fn(&Counted) -> Points| Mean {
        id: id.to_string(),
        value: Ratio::new(
            counted.iter().map(|c| value(c).hundredths() as i128).sum(),
            100 * n,
        ),
    };
    let (sections, items) = if n == 0 {
        (Vec::new(), Arc::default())
    } else {
        let mut start = 0;
        let sections = sheet
            .sections
            .iter()
            .map(|s| {
                let range = start..start + s.items.len();
                start = range.end;
                let subtotal = |c: &Counted| range.clone().map(|k| c.value(k)).sum::<Points>();
                if trimmed {
                    trimmed_mean_of(&s.id, &counted, &subtotal)
                } else {
                    mean_of(&s.id, &subtotal)
                }
            })
            .collect();
        let items = (0..layout.len())
            .map(|k| Tally::of(counted.iter().map(|c| c.value(k))))
            .collect();
        (sections, items)
    };
    PanelScore {
        dossier: dossier.to_string(),
        stage,
        counted,
        excluded,
        trimmed,
        score,
        mean,
        spread,
        sections,
        items,
        layout: layout.clone(),
    }
}

/// The mean of one value of each card over the cards whose totals count in a
/// trimmed mean: one card of the highest total and one of the lowest are
/// dropped. When several cards share the highest (or lowest) total, the card
/// dropped counts as their average, so no arbitrary choice among equal totals
/// decides a tie.
fn trimmed_mean_of(id: &str, counted: &[Counted], value: &dyn Fn(&Counted) -> Points) -> Mean {
    let hi = counted.iter().map(|c| c.total).max().unwrap_or_default();
    let lo = counted.iter().map(|c| c.total).min().unwrap_or_default();
    // Integer hundredths summed: all cards, those of the highest total, those
    // of the lowest, and how many each group holds.
    let (mut all, mut sum_hi, mut sum_lo, mut n_hi, mut n_lo) = (0i128, 0i128, 0i128, 0i128, 0i128);
    for c in counted {
        let v = i128::from(value(c).hundredths());
        all += v;
        if c.total == hi {
            sum_hi += v;
            n_hi += 1;
        }
        if c.total == lo {
            sum_lo += v;
            n_lo += 1;
        }
    }
    let (n_hi, n_lo) = (n_hi.max(1), n_lo.max(1));
    // (all − sum_hi / n_hi − sum_lo / n_lo) / (n − 2), in hundredths: one
    // division, over the common denominator.
    let kept = all * n_hi * n_lo - sum_hi * n_lo - sum_lo * n_hi;
    let rest = (counted.len() as i128 - 2).max(1);
    Mean {
        id: id.to_string(),
        value: Ratio::new(kept, 100 * n_hi * n_lo * rest),
    }
}

/// The exact mean of `totals`, or their trimmed mean when the method asks for
/// one and enough are counted; `None` for no totals. The flag says whether one
/// highest and one lowest were dropped.
pub fn panel_mean(totals: &[Points], method: Method) -> Option<(Ratio, bool)> {
    if totals.is_empty() {
        return None;
    }
    let sum: i128 = totals.iter().map(|t| t.hundredths() as i128).sum();
    let n = totals.len() as i128;
    let trim = match method {
        Method::Mean => false,
        // A panel of fewer than 3 would have nothing left; validation refuses it anyway.
        Method::TrimmedMean { min_panel } => n >= i128::from(min_panel.max(3)),
    };
    if !trim {
        return Some((Ratio::new(sum, 100 * n), false));
    }
    let hi = totals.iter().max()?.hundredths() as i128;
    let lo = totals.iter().min()?.hundredths() as i128;
    Some((Ratio::new(sum - hi - lo, 100 * (n - 2)), true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{card, pts, sheet};

    fn two_sections() -> Sheet {
        sheet(
            &[("S1", &[("a", 30), ("b", 30)]), ("S2", &[("c", 40)])],
            &[],
        )
    }

    fn full(expert: &str, a: &str, b: &str, c: &str) -> Card {
        card(
            Stage::Expert,
            expert,
            "D1",
            &[("a", a), ("b", b), ("c", c)],
            true,
        )
    }

    fn r(num: i128, den: i128) -> Ratio {
        Ratio::new(num, den)
    }

    /// The definition `Tally::within` works out: |s/100 − sum/(100·n)| > p/q,
    /// compared crosswise in integers.
    fn further(t: Tally, score: i128, (p, q): (i128, i128)) -> bool {
        let n = i128::from(t.of);
        (score * n - t.sum).abs() * q > 100 * n * p
    }

    #[test]
    fn a_round_names_each_of_its_experts_once() {
        let names = Names::new(["E2", "E1", "E2"]);
        assert!(Arc::ptr_eq(&names.get("E1"), &names.get("E1")));
        assert_eq!(&*names.get("E3"), "E3", "an expert the round does not list");
        assert!(!Arc::ptr_eq(&names.get("E3"), &names.get("E3")));
        let cards = [full("E1", "20", "20", "20"), full("E2", "20", "20", "20")];
        let s = two_sections();
        let layout = Arc::new(Layout::of(&s));
        let p = aggregate_on(
            &s,
            &layout,
            &names,
            Stage::Expert,
            "D1",
            &cards,
            &Recusals::default(),
        );
        assert!(Arc::ptr_eq(&p.counted[0].expert, &names.get("E1")));
        assert!(Arc::ptr_eq(&p.counted[1].expert, &names.get("E2")));
    }

    #[test]
    fn within_lets_through_exactly_the_scores_not_further_than_the_limit() {
        let mut checked = 0;
        for of in 1..=7u32 {
            for sum in (-40..=1500).step_by(37) {
                for (p, q) in [
                    (0, 1),
                    (1, 1),
                    (15, 1),
                    (40, 100),
                    (2500 * 39, 10_000),
                    (7, 3),
                ] {
                    let t = Tally { sum, of };
                    let w = t.within((p, q));
                    for s in -50..=600 {
                        let flagged = further(t, s, (p, q));
                        assert_eq!(
                            !w.holds(Points::from_hundredths(s as i64)),
                            flagged,
                            "sum {sum} of {of}, limit {p}/{q}, score {s}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1_000_000);
        // An empty panel flags nothing.
        let none = Tally { sum: 0, of: 0 }.within((0, 1));
        assert!(none.holds(Points::from_hundredths(i64::MAX)));
    }

    #[test]
    fn trimmed_mean_with_five_experts_drops_highest_and_lowest() {
        // totals 60, 70, 75, 80, 95 → (70 + 75 + 80) / 3 = 75
        let cards = [
            full("E1", "20", "20", "20"),
            full("E2", "20", "20", "30"),
            full("E3", "25", "20", "30"),
            full("E4", "25", "25", "30"),
            full("E5", "30", "30", "35"),
        ];
        let p = aggregate(
            &two_sections(),
            Stage::Expert,
            "D1",
            &cards,
            &Recusals::default(),
        );
        assert_eq!(p.experts(), 5);
        assert!(p.trimmed);
        assert_eq!(p.score, Some(Ratio::int(75)));
        assert_eq!(p.mean, Some(Ratio::int(76)));
        assert_eq!(p.spread, Some(Points::whole(35)));
        // section means over the three cards that count (E2, E3, E4):
        // S1 (40+45+50)/3, S2 (30+30+30)/3
        let sections: Vec<(&str, Ratio)> = p
            .sections
            .iter()
            .map(|m| (m.id.as_str(), m.value))
            .collect();
        assert_eq!(sections, [("S1", Ratio::int(45)), ("S2", Ratio::int(30))]);
        assert_eq!(p.item("a"), Some(Ratio::int(24)));
    }

    #[test]
    fn four_experts_give_a_plain_mean() {
        // totals 60, 70, 75, 80.01 → 285.01 / 4 = 71.2525, printed 71.25
        let cards = [
            full("E1", "20", "20", "20"),
            full("E2", "20", "20", "30"),
            full("E3", "25", "20", "30"),
            full("E4", "25", "25", "30.01"),
        ];
        let p = aggregate(
            &two_sections(),
            Stage::Expert,
            "D1",
            &cards,
            &Recusals::default(),
        );
        assert!(!p.trimmed);
        assert_eq!(p.score, Some(r(28501, 400)));
        assert_eq!(p.score.unwrap().fixed2(), "71.25");
    }

    #[test]
    fn recused_draft_and_incomplete_cards_do_not_count() {
        let cards = [
            full("E1", "20", "20", "20"),
            full("E2", "30", "30", "40"),
            card(
                Stage::Expert,
                "E3",
                "D1",
                &[("a", "1"), ("b", "1"), ("c", "1")],
                false,
            ),
            card(Stage::Expert, "E4", "D1", &[("a", "1"), ("b", "1")], true),
            full("E5", "1", "1", "1"),
        ];
        let rec = Recusals::new([("E5", "D1"), ("E1", "D2")]);
        let p = aggregate(&two_sections(), Stage::Expert, "D1", &cards, &rec);
        assert_eq!(p.experts(), 2);
        assert_eq!(p.score, Some(Ratio::int(80)));
        let why: Vec<_> = p
            .excluded
            .iter()
            .map(|e| (e.expert.as_str(), e.why.clone()))
            .collect();
        assert_eq!(
            why,
            [
                ("E3", NotCounted::Draft),
                (
                    "E4",
                    NotCounted::Incomplete {
                        missing: vec!["c".into()]
                    }
                ),
                ("E5", NotCounted::Recused),
            ]
        );
    }

    #[test]
    fn other_stages_and_dossiers_are_ignored_and_no_cards_give_no_score() {
        let cards = [
            card(
                Stage::Preliminary,
                "P1",
                "D1",
                &[("a", "1"), ("b", "1"), ("c", "1")],
                true,
            ),
            card(
                Stage::Expert,
                "E1",
                "D2",
                &[("a", "1"), ("b", "1"), ("c", "1")],
                true,
            ),
        ];
        let p = aggregate(
            &two_sections(),
            Stage::Expert,
            "D1",
            &cards,
            &Recusals::default(),
        );
        assert_eq!((p.score, p.mean, p.spread), (None, None, None));
        assert!(!p.has_cards());
        assert!(p.sections.is_empty());
    }

    #[test]
    fn an_expert_counts_once() {
        let mut old = full("E1", "10", "10", "10");
        old.updated = crate::domain::fixtures::at(5);
        let mut new = full("E1", "20", "20", "20");
        new.updated = crate::domain::fixtures::at(9);
        let p = aggregate(
            &two_sections(),
            Stage::Expert,
            "D1",
            &[new, old],
            &Recusals::default(),
        );
        assert_eq!(p.experts(), 1);
        assert_eq!(p.score, Some(Ratio::int(60)));
    }

    #[test]
    fn stray_scores_do_not_add_to_the_total() {
        let mut c = full("E1", "10", "10", "10");
        c.scores.insert("old-item".into(), pts("5"));
        let p = aggregate(
            &two_sections(),
            Stage::Expert,
            "D1",
            &[c],
            &Recusals::default(),
        );
        assert_eq!(p.score, Some(Ratio::int(30)));
    }

    #[test]
    fn panel_mean_methods() {
        let t = |v: &[i64]| v.iter().map(|x| Points::whole(*x)).collect::<Vec<_>>();
        let five = Method::TrimmedMean { min_panel: 5 };
        assert_eq!(panel_mean(&[], five), None);
        assert_eq!(panel_mean(&t(&[1, 2, 3, 4]), five), Some((r(5, 2), false)));
        assert_eq!(
            panel_mean(&t(&[1, 2, 3, 4, 100]), five),
            Some((Ratio::int(3), true))
        );
        // equal extremes: only one of each is dropped
        assert_eq!(
            panel_mean(&t(&[9, 9, 1, 1, 5]), five),
            Some((r(15, 3), true))
        );
        let three = Method::TrimmedMean { min_panel: 3 };
        assert_eq!(
            panel_mean(&t(&[1, 2, 10]), three),
            Some((Ratio::int(2), true))
        );
        assert_eq!(
            panel_mean(&t(&[1, 2, 10]), Method::Mean),
            Some((Ratio::int(13).div_int(3), false))
        );
    }
}
