//! A card's scores: item id → points, read and written like a sorted map.
//! Cards read from the store share their round's list of sheet entries and
//! keep each score at its entry's place on that list, so that ranking a
//! panel reads by place, never by comparing ids, and a card holds no id text.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Index;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Points;
use super::sheet::Sheet;

/// A sheet's entries (items, or indicators on an indicator sheet) in sheet
/// order, with their order by id for look-ups.
#[derive(Debug, PartialEq, Eq)]
pub struct Layout {
    /// Shared with whatever names an entry (a flag, a missing item).
    ids: Vec<Arc<str>>,
    /// Places on `ids`, sorted by the id at that place.
    by_id: Vec<u32>,
}

impl Layout {
    pub fn new(ids: Vec<String>) -> Layout {
        let ids: Vec<Arc<str>> = ids.into_iter().map(Arc::from).collect();
        let mut by_id: Vec<u32> = (0..ids.len() as u32).collect();
        by_id.sort_by(|a, b| ids[*a as usize].cmp(&ids[*b as usize]));
        Layout { ids, by_id }
    }

    /// The entries of `sheet`, in its order.
    pub fn of(sheet: &Sheet) -> Layout {
        Layout::new(sheet.entry_ids().into_iter().map(str::to_string).collect())
    }

    /// The ids, in sheet order.
    pub fn ids(&self) -> &[Arc<str>] {
        &self.ids
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The place of `id` on the sheet.
    pub fn place(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|k| (*self.ids[*k as usize]).cmp(id))
            .ok()
            .map(|at| self.by_id[at] as usize)
    }

    /// Whether these are exactly `ids`, in that order.
    pub fn is(&self, ids: &[&str]) -> bool {
        self.ids.len() == ids.len() && self.ids.iter().zip(ids).all(|(a, b)| **a == **b)
    }
}

/// The value of a place with no score. Points are never negative, and a
/// value this far below zero cannot be read from any file.
const MISSING: Points = Points::from_hundredths(i64::MIN);

/// Item id → points. Equal, printed and serialised as the sorted map it
/// stands for, however it is held.
#[derive(Clone, Default)]
pub struct Scores {
    layout: Option<Arc<Layout>>,
    /// With a layout: one value per place, `MISSING` where none. Shared with
    /// the panel that counts the card, and copied only when changed.
    values: Arc<[Points]>,
    /// Scores under ids the layout does not list (every score without one).
    other: BTreeMap<String, Points>,
}

impl Scores {
    pub fn new() -> Scores {
        Scores::default()
    }

    /// Scores kept at their places on `layout`: `values` gives the value of
    /// each place in order, and places past its end have none.
    pub fn laid_out(
        layout: Arc<Layout>,
        values: impl IntoIterator<Item = Option<Points>>,
    ) -> Scores {
        let mut v: Vec<Points> = values
            .into_iter()
            .take(layout.len())
            .map(|p| p.unwrap_or(MISSING))
            .collect();
        v.resize(layout.len(), MISSING);
        Scores {
            layout: Some(layout),
            values: v.into(),
            other: BTreeMap::new(),
        }
    }

    /// The layout the scores are kept on, if any.
    pub fn layout(&self) -> Option<&Arc<Layout>> {
        self.layout.as_ref()
    }

    fn place(&self, id: &str) -> Option<usize> {
        self.layout.as_ref().and_then(|l| l.place(id))
    }

    pub fn get(&self, id: &str) -> Option<&Points> {
        match self.place(id).map(|k| &self.values[k]) {
            Some(v) if *v != MISSING => Some(v),
            _ => self.other.get(id),
        }
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Sets the score of `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, value: Points) -> Option<Points> {
        match self.place(&id) {
            Some(k) if value != MISSING => {
                let old = std::mem::replace(&mut Arc::make_mut(&mut self.values)[k], value);
                (old != MISSING)
                    .then_some(old)
                    .or_else(|| self.other.remove(&id))
            }
            Some(k) => {
                let old = std::mem::replace(&mut Arc::make_mut(&mut self.values)[k], MISSING);
                let kept = self.other.insert(id, value);
                (old != MISSING).then_some(old).or(kept)
            }
            None => self.other.insert(id, value),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Points> {
        let laid = self
            .place(id)
            .filter(|k| self.values[*k] != MISSING)
            .map(|k| std::mem::replace(&mut Arc::make_mut(&mut self.values)[k], MISSING));
        let other = self.other.remove(id);
        laid.or(other)
    }

    pub fn len(&self) -> usize {
        self.values.iter().filter(|v| **v != MISSING).count() + self.other.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// (id, score) by id.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            scores: self,
            laid: 0,
            other: self.other.iter().peekable(),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Points> {
        self.iter().map(|(_, v)| v)
    }

    /// Whether the scores are kept on exactly `layout`, with none beside it.
    fn kept_on(&self, layout: &Arc<Layout>) -> bool {
        self.other.is_empty()
            && self
                .layout
                .as_ref()
                .is_some_and(|l| Arc::ptr_eq(l, layout) || **l == **layout)
    }

    /// The scores of all of `layout`'s entries in its order, shared rather
    /// than copied when kept on that very layout; or, when some entries have
    /// none, their places.
    pub fn complete_on(&self, layout: &Arc<Layout>) -> Result<Arc<[Points]>, Vec<usize>> {
        if self.kept_on(layout) && !self.values.contains(&MISSING) {
            return Ok(self.values.clone());
        }
        let found = self.in_order_of(layout);
        let missing: Vec<usize> = (0..found.len()).filter(|k| found[*k].is_none()).collect();
        if missing.is_empty() {
            Ok(found.into_iter().flatten().collect())
        } else {
            Err(missing)
        }
    }

    /// The score of each of `layout`'s entries, in its order. Scores kept on
    /// that very layout are read by place.
    pub fn in_order_of(&self, layout: &Arc<Layout>) -> Vec<Option<Points>> {
        if self.kept_on(layout) {
            self.values
                .iter()
                .map(|v| (*v != MISSING).then_some(*v))
                .collect()
        } else {
            layout.ids.iter().map(|id| self.get(id).copied()).collect()
        }
    }
}

/// The scores in id order: the laid-out places in their id order, merged
/// with the scores under other ids.
pub struct Iter<'a> {
    scores: &'a Scores,
    /// The next index into the layout's `by_id`.
    laid: usize,
    other: std::iter::Peekable<std::collections::btree_map::Iter<'a, String, Points>>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a Points);

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.scores;
        let laid = s.layout.as_deref().and_then(|l| {
            while let Some(&k) = l.by_id.get(self.laid) {
                let v = &s.values[k as usize];
                if *v != MISSING {
                    return Some((&*l.ids[k as usize], v));
                }
                self.laid += 1;
            }
            None
        });
        match (laid, self.other.peek()) {
            (Some(a), Some((b, _))) if b.as_str() < a.0 => {
                self.other.next().map(|(k, v)| (k.as_str(), v))
            }
            (Some(a), _) => {
                self.laid += 1;
                Some(a)
            }
            (None, _) => self.other.next().map(|(k, v)| (k.as_str(), v)),
        }
    }
}

impl<'a> IntoIterator for &'a Scores {
    type Item = (&'a str, &'a Points);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl PartialEq for Scores {
    fn eq(&self, other: &Scores) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Scores {}

impl fmt::Debug for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Index<&str> for Scores {
    type Output = Points;

    fn index(&self, id: &str) -> &Points {
        match self.get(id) {
            Some(v) => v,
            None => panic!("no score for {id}"),
        }
    }
}

impl FromIterator<(String, Points)> for Scores {
    fn from_iter<I: IntoIterator<Item = (String, Points)>>(iter: I) -> Scores {
        Scores {
            layout: None,
            values: Arc::new([]),
            other: iter.into_iter().collect(),
        }
    }
}

impl<const N: usize> From<[(String, Points); N]> for Scores {
    fn from(pairs: [(String, Points); N]) -> Scores {
        pairs.into_iter().collect()
    }
}

impl Serialize for Scores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Scores {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scores, D::Error> {
        BTreeMap::<String, Points>::deserialize(d).map(|m| m.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(h: i64) -> Points {
        Points::from_hundredths(h)
    }

    fn layout() -> Arc<Layout> {
        Arc::new(Layout::new(vec!["B".into(), "A".into(), "C".into()]))
    }

    #[test]
    fn laid_out_scores_read_like_the_map_they_stand_for() {
        let mut s = Scores::laid_out(layout(), [Some(p(200)), None]);
        assert_eq!(s.get("B"), Some(&p(200)));
        assert_eq!(s.get("A"), None);
        assert_eq!(s.insert("A".into(), p(100)), None);
        assert_eq!(s.insert("Z".into(), p(900)), None);
        assert_eq!(s.insert("0".into(), p(5)), None);
        assert_eq!(s.insert("B".into(), p(250)), Some(p(200)));
        let map: Scores = [
            ("A".to_string(), p(100)),
            ("B".to_string(), p(250)),
            ("Z".to_string(), p(900)),
            ("0".to_string(), p(5)),
        ]
        .into();
        assert_eq!(s, map);
        assert_eq!(s.len(), 4);
        let keys: Vec<&str> = s.keys().collect();
        assert_eq!(keys, ["0", "A", "B", "Z"]);
        assert_eq!(format!("{s:?}"), format!("{map:?}"));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        assert_eq!(s.remove("B"), Some(p(250)));
        assert_eq!(s.remove("B"), None);
        assert!(!s.contains_key("B"));
        assert_eq!(s["A"], p(100));
    }

    #[test]
    fn the_sheet_order_is_read_by_place_or_by_id() {
        let l = layout();
        let laid = Scores::laid_out(l.clone(), [None, Some(p(1)), Some(p(3))]);
        assert_eq!(laid.in_order_of(&l), [None, Some(p(1)), Some(p(3))]);
        let free: Scores = [("C".to_string(), p(3)), ("A".to_string(), p(1))].into();
        assert_eq!(free.in_order_of(&l), laid.in_order_of(&l));
        let other = Arc::new(Layout::new(vec!["C".into(), "A".into()]));
        assert_eq!(laid.in_order_of(&other), [Some(p(3)), Some(p(1))]);
        assert_eq!(l.place("C"), Some(2));
        assert_eq!(l.place("D"), None);
    }

    #[test]
    fn a_value_that_cannot_be_kept_in_place_is_kept_by_id() {
        let l = layout();
        let mut s = Scores::laid_out(l.clone(), []);
        assert_eq!(s.insert("A".into(), MISSING), None);
        assert_eq!(s.get("A"), Some(&MISSING));
        assert_eq!(s.in_order_of(&l), [None, Some(MISSING), None]);
        assert_eq!(s.insert("A".into(), p(4)), Some(MISSING));
        assert_eq!(s.len(), 1);
    }
}
