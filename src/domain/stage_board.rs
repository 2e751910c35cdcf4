//! What every stage's rule shares: the inputs, the board of formal reviews
//! and panel scores, and how entries are ordered, marked and sorted. Each
//! stage's rule (shortlist, selection, assessment) imports this; `rank`
//! only chooses the rule.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::agency::{AgencyKeep, Settled, settle};
use super::aggregate::NotCounted;
use super::aggregate::{Mean, Names, PanelScore, Recusals, aggregate_on, layout_for};
use super::alternates::Alternate;
use super::card::Card;
use super::decision::Decision;
use super::deviation::{Deviations, Finder, thresholds};
use super::dossier::Dossier;
use super::eligibility::{Review, agency_clashes, review};
use super::excuse::{Excuse, excused};
use super::order::{Candidate, Order};
use super::ranking::{Boundary, Entry, Flags, Mark, Pending, Status};
use super::register::{Centre, bars};
use super::round::{Round, RoundKind, Stage};
use super::sheet::{PassStage, Sheet};
use super::{Points, Ratio};

/// Everything the secretary's arithmetic reads, already loaded.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    pub round: &'a Round,
    pub sheet: &'a Sheet,
    /// The round's separate eligibility sheet, if it has one.
    pub eligibility: Option<&'a Sheet>,
    pub dossiers: &'a [Dossier],
    /// Cards of every stage and expert; those of other rounds are ignored.
    pub cards: &'a [Card],
    pub recusals: &'a Recusals,
    /// The secretary's decisions on ties, of any stage.
    pub decisions: &'a [Decision],
    /// Experts excused from a dossier or from the round: their cards are not expected.
    pub excuses: &'a [Excuse],
    /// The register of centres: in a recognition round, formal review refuses
    /// a centre that holds its title or is barred, and declared affiliates.
    pub register: &'a [Centre],
    /// The secretary's choices of the dossiers that keep a service agency
    /// named by more of the round's dossiers than allowed.
    pub agency: &'a [AgencyKeep],
    /// The alternates of the earlier round this round names, if any.
    pub earlier: &'a [Alternate],
}

/// The numbers the two cuts use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// At most this many are selected.
    pub cap: u32,
    /// The shortlist holds at least `shortlist_ratio × cap`.
    pub shortlist_ratio: u32,
    /// No dossier below this expert score is selected.
    pub min_score: Option<Points>,
    /// Qualified dossiers beyond the cap are alternates (Guangxi keeps them
    /// for next year); when false they are simply not selected.
    pub alternates: bool,
}

impl Policy {
    /// The round's selection settings; the minimum score is the round's, or
    /// else the sheet's recognition pass line. Alternates are kept.
    pub fn of(round: &Round, sheet: &Sheet) -> Policy {
        Policy {
            cap: round.selection.cap,
            shortlist_ratio: round.selection.shortlist_ratio,
            min_score: round
                .selection
                .min_score
                .or_else(|| sheet.pass_line(PassStage::Recognition)),
            alternates: true,
        }
    }

    /// ratio × cap: the shortlist's floor.
    pub fn places(&self) -> u32 {
        self.shortlist_ratio.saturating_mul(self.cap)
    }
}

/// The round's service agencies over the programme's limit, with the
/// secretary's choices applied.
pub fn agencies(inputs: &Inputs) -> Settled {
    let sheets: Vec<&Sheet> = std::iter::once(inputs.sheet)
        .chain(inputs.eligibility)
        .collect();
    settle(
        agency_clashes(inputs.dossiers, &sheets),
        inputs.agency,
        &inputs.round.id,
    )
}

/// One stage's shared facts: formal review and panel score of every dossier.
pub struct Board<'a> {
    pub inputs: &'a Inputs<'a>,
    pub stage: Stage,
    pub reviews: HashMap<&'a str, Review>,
    pub panels: HashMap<&'a str, PanelScore>,
    /// Each panel's deviation flags, found while its cards are at hand and
    /// shared with its entry.
    deviations: HashMap<&'a str, Arc<Deviations>>,
    /// This round's and stage's decisions.
    pub decisions: Vec<Decision>,
    by_id: HashMap<&'a str, &'a Dossier>,
    /// The places among the sheet's sections (where a panel keeps their
    /// means) of the sections that break ties, in the sheet's tie-break order.
    tie_break: Vec<Option<usize>>,
}

impl<'a> Board<'a> {
    pub fn new(inputs: &'a Inputs<'a>, stage: Stage) -> Board<'a> {
        let round = inputs.round;
        let sheets: Vec<&Sheet> = std::iter::once(inputs.sheet)
            .chain(inputs.eligibility)
            .collect();
        // Cards by dossier, once: the panels then read only their own. Cards
        // read for a ranking come by dossier already (`Store::cards_by_panel`),
        // which the sort only confirms.
        let mut cards: Vec<&Card> = inputs
            .cards
            .iter()
            .filter(|c| c.stage == stage && c.round == round.id)
            .collect();
        cards.sort_by(|a, b| a.dossier.cmp(&b.dossier));
        let by_dossier: HashMap<&str, &[&Card]> = cards
            .chunk_by(|a, b| a.dossier == b.dossier)
            .filter_map(|own| Some((own.first()?.dossier.as_str(), own)))
            .collect();
        let mut reviews = HashMap::with_capacity(inputs.dossiers.len());
        let mut panels = HashMap::with_capacity(inputs.dossiers.len());
        let mut flags = HashMap::with_capacity(inputs.dossiers.len());
        let limits = thresholds(inputs.sheet, round);
        let mut finder = Finder::default();
        let recognition = round.kind == RoundKind::Recognition;
        let agencies = agencies(inputs);
        let layout = layout_for(inputs.sheet, cards.iter().copied());
        let names = Names::new(round.scorers(stage).iter().map(|e| e.id.as_str()));
        for d in inputs.dossiers {
            let mut r = review(d, round.date, &sheets);
            r.failures.extend(
                agencies
                    .failures
                    .iter()
                    .filter(|(x, _)| *x == d.id)
                    .map(|(_, f)| f.clone()),
            );
            if recognition {
                r.failures
                    .extend(bars(inputs.register, d, round.date, &round.id));
            }
            reviews.insert(d.id.as_str(), r);
            let own = by_dossier.get(d.id.as_str()).copied().unwrap_or_default();
            let panel = aggregate_on(
                inputs.sheet,
                &layout,
                &names,
                stage,
                &d.id,
                own.iter().copied(),
                inputs.recusals,
            );
            flags.insert(
                d.id.as_str(),
                Arc::new(finder.deviations(inputs.sheet, &panel, &limits)),
            );
            panels.insert(d.id.as_str(), panel);
        }
        let decisions = inputs
            .decisions
            .iter()
            .filter(|d| d.round == round.id && d.stage == stage)
            .cloned()
            .collect();
        Board {
            inputs,
            stage,
            reviews,
            panels,
            deviations: flags,
            decisions,
            by_id: inputs.dossiers.iter().map(|d| (d.id.as_str(), d)).collect(),
            tie_break: inputs
                .sheet
                .tie_break
                .iter()
                .map(|id| inputs.sheet.sections.iter().position(|s| s.id == *id))
                .collect(),
        }
    }

    pub fn eligible(&self, d: &Dossier) -> bool {
        self.reviews
            .get(d.id.as_str())
            .is_some_and(Review::eligible)
    }

    pub fn score(&self, d: &Dossier) -> Option<Ratio> {
        self.panels.get(d.id.as_str()).and_then(|p| p.score)
    }

    /// Whether the dossier's panel score rests on at least the round's
    /// `min_counted` cards for this stage.
    pub fn enough(&self, d: &Dossier) -> bool {
        let min = self.inputs.round.min_counted.of(self.stage);
        self.panels
            .get(d.id.as_str())
            .is_some_and(|p| p.experts() >= min)
    }

    /// The expected cards of `dossiers` not yet submitted, by expert (panel
    /// order) then dossier. In the expert stage every panel member owes a
    /// card for every dossier, unless recused or excused; in the preliminary
    /// stage the scorers may divide the dossiers, so only a card begun and
    /// left a draft is owed.
    pub fn missing_cards(&self, dossiers: &[&Dossier]) -> Vec<Pending> {
        let inputs = self.inputs;
        let mut out = Vec::new();
        for e in inputs.round.scorers(self.stage) {
            for d in dossiers {
                let id = d.id.as_str();
                if inputs.recusals.contains(&e.id, id) || excused(inputs.excuses, &e.id, id) {
                    continue;
                }
                let Some(panel) = self.panels.get(id) else {
                    continue;
                };
                if panel.counted.iter().any(|c| *c.expert == *e.id) {
                    continue;
                }
                let began = panel
                    .excluded
                    .iter()
                    .find(|x| x.expert == e.id)
                    .map(|x| x.why != NotCounted::Recused);
                let draft = match (self.stage, began) {
                    (_, Some(true)) => true,
                    (Stage::Expert, None) => false,
                    _ => continue,
                };
                out.push(Pending::Card {
                    expert: e.id.clone(),
                    dossier: d.id.clone(),
                    draft,
                });
            }
        }
        out
    }

    /// The panel's means of the sheet's tie-break sections, in its order
    /// (zero where the panel has none).
    fn tie_break_values<'s>(&'s self, d: &Dossier) -> impl Iterator<Item = Ratio> + 's {
        let sections = self
            .panels
            .get(d.id.as_str())
            .map_or(&[][..], |p| p.sections.as_slice());
        self.tie_break.iter().map(move |at| {
            at.and_then(|k| sections.get(k))
                .map_or(Ratio::ZERO, |m| m.value)
        })
    }

    fn tie_break_means(&self, d: &Dossier) -> Vec<Mean> {
        self.inputs
            .sheet
            .tie_break
            .iter()
            .zip(self.tie_break_values(d))
            .map(|(id, value)| Mean {
                id: id.clone(),
                value,
            })
            .collect()
    }

    /// The dossier as the ordering sees it, when it has a score.
    pub fn candidate(&self, d: &Dossier) -> Option<Candidate> {
        Some(Candidate {
            dossier: d.id.clone(),
            score: self.score(d)?,
            sections: self.tie_break_values(d).collect(),
        })
    }

    pub fn order(&self, candidates: Vec<Candidate>) -> Order {
        super::order::order(
            candidates,
            &self.inputs.sheet.tie_break,
            &self.decisions,
            &self.inputs.round.id,
            self.stage,
        )
    }

    /// An entry with the panel's numbers, flags and review; no rank or tie yet.
    pub fn entry(&self, d: &Dossier, status: Status) -> Entry {
        let panel = self.panels.get(d.id.as_str());
        let deviations = self
            .deviations
            .get(d.id.as_str())
            .cloned()
            .unwrap_or_default();
        Entry {
            rank: None,
            dossier: d.id.clone(),
            applicant: d.applicant.name.clone(),
            score: panel.and_then(|p| p.score),
            experts: panel.map_or(0, PanelScore::experts),
            spread: panel.and_then(|p| p.spread),
            sections: self.tie_break_means(d),
            status,
            tie: None,
            flags: Flags {
                deviations,
                marks: Vec::new(),
            },
            decision: None,
            failures: self
                .reviews
                .get(d.id.as_str())
                .map(|r| r.failures.clone())
                .unwrap_or_default(),
            verdict: None,
            earlier: self
                .inputs
                .earlier
                .iter()
                .find(|a| a.credit_code == d.applicant.credit_code)
                .cloned(),
        }
    }

    fn dossier(&self, id: &str) -> Option<&'a Dossier> {
        self.by_id.get(id).copied()
    }

    /// The round's own copy of the dossier id `id`.
    pub fn id(&self, id: &str) -> Option<&'a str> {
        self.dossier(id).map(|d| d.id.as_str())
    }

    /// Entries for the ordered rows, with ranks, ties and decisions, each with
    /// the status `status` gives its position.
    pub fn ranked(&self, order: &Order, status: impl Fn(usize) -> Status) -> Vec<Entry> {
        let mut out = Vec::new();
        for (i, row) in order.rows.iter().enumerate() {
            let Some(d) = self.dossier(&row.candidate.dossier) else {
                continue;
            };
            let mut e = self.entry(d, status(i));
            e.rank = Some(row.rank);
            e.tie = row.tie.clone();
            e.decision = row.decision.and_then(|k| self.decisions.get(k)).cloned();
            out.push(e);
        }
        flag_prints_as_tied(&mut out);
        out
    }

    /// This stage's decisions that settled nothing.
    pub fn unused(&self, order: &Order) -> Vec<Decision> {
        self.decisions
            .iter()
            .enumerate()
            .filter(|(k, _)| !order.used.contains(k))
            .map(|(_, d)| d.clone())
            .collect()
    }
}

/// Marks the tie of the same-score group around the line drawn after the
/// first `places` rows as sitting on `boundary`. A line that cuts (a cap, as
/// opposed to a floor that widens) and has a level group across it marks that
/// group unresolved and returns it as pending.
pub fn mark_boundary(
    entries: &mut [Entry],
    order: &Order,
    places: usize,
    boundary: Boundary,
) -> Option<Pending> {
    let cuts = matches!(boundary, Boundary::Cap { .. });
    if places == 0 || places >= order.rows.len() {
        return None;
    }
    let group = order.same_score(places - 1);
    if group.end <= places {
        return None;
    }
    for e in &mut entries[group] {
        if let Some(t) = &mut e.tie {
            t.boundary = Some(boundary);
        }
    }
    let straddle = order.straddling(places).filter(|_| cuts)?;
    for e in &mut entries[straddle.clone()] {
        if let Some(t) = &mut e.tie {
            t.unresolved = true;
        }
    }
    Some(Pending::Tie {
        dossiers: entries[straddle]
            .iter()
            .map(|e| e.dossier.clone())
            .collect(),
        boundary,
    })
}

/// Flags entries that print the same to two decimals without being tied.
fn flag_prints_as_tied(entries: &mut [Entry]) {
    // Entries by their printed score; only those groups need comparing.
    let mut printed: BTreeMap<i128, Vec<(usize, Ratio)>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(s) = e.score {
            printed
                .entry(s.round_hundredths())
                .or_default()
                .push((i, s));
        }
    }
    for group in printed.values().filter(|g| g.len() > 1) {
        for &(i, exact) in group {
            let with: Vec<String> = group
                .iter()
                .filter(|(_, s)| *s != exact)
                .map(|(j, _)| entries[*j].dossier.clone())
                .collect();
            if !with.is_empty() {
                entries[i].flags.push(Mark::PrintsAsTied { with });
            }
        }
    }
}

/// Adds the flag for a score below `line` that prints as the line.
pub fn flag_hidden_fail(e: &mut Entry, line: Points) {
    if e.score
        .is_some_and(|s| super::outcome::hidden_by_rounding(s, line))
    {
        e.flags.push(Mark::BelowLineWhenPrinted { line });
    }
}

/// Entries outside the competition, after the ranked ones: by status, then id.
pub fn sort_rest(rest: &mut [Entry]) {
    let weight = |s: Status| match s {
        Status::Shortlisted => 0,
        Status::Unscored => 1,
        Status::InsufficientPanel => 2,
        Status::NotShortlisted => 3,
        Status::Ineligible => 5,
        _ => 4,
    };
    rest.sort_by(|a, b| (weight(a.status), &a.dossier).cmp(&(weight(b.status), &b.dossier)));
}
