//! The rule language of sheets: eligibility over dossier facts and acceptance
//! over indicators ("3 of these including item 5, or 4 excluding it").

use serde::{Deserialize, Serialize};

use super::dossier::ApplicantKind;
use super::{Points, Ratio};

/// A number computed from a dossier's facts, exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    /// A named fact of the dossier, e.g. `"patents.invention.valid"`.
    Fact(String),
    Num(Points),
    Sum(Vec<Expr>),
    /// A fact counted at a fraction, e.g. a PCT application in national phase at 0.5.
    Scale(Box<Expr>, Points),
}

/// A condition that holds or not, for one dossier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// `expr >= n`
    AtLeast(Expr, Points),
    /// `expr <= n`
    AtMost(Expr, Points),
    /// A yes/no fact of the dossier, e.g. `"flags.credit_blacklist"`.
    Flag(String),
    ApplicantIs(Vec<ApplicantKind>),
    /// One indicator of the sheet is met.
    Met(String),
    /// At least `min` of the indicators `of` (all indicators when empty) are met,
    /// not counting those in `excluding`.
    CountMet {
        min: u32,
        #[serde(default)]
        of: Vec<String>,
        #[serde(default)]
        excluding: Vec<String>,
    },
}

/// What a rule is evaluated against: the facts of one dossier and which
/// indicators are met.
pub trait Facts {
    fn number(&self, name: &str) -> Option<Ratio>;
    fn flag(&self, name: &str) -> Option<bool>;
    fn kind(&self) -> ApplicantKind;
    fn met(&self, indicator: &str) -> bool;
}

impl Expr {
    pub fn eval(&self, f: &dyn Facts) -> Ratio {
        match self {
            Expr::Fact(n) => f.number(n).unwrap_or(Ratio::ZERO),
            Expr::Num(p) => Ratio::from_points(*p),
            Expr::Sum(xs) => xs.iter().map(|x| x.eval(f)).sum(),
            Expr::Scale(x, k) => x.eval(f) * Ratio::from_points(*k),
        }
    }

    /// Every fact name this expression reads.
    pub fn facts<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Fact(n) => out.push(n),
            Expr::Num(_) => {}
            Expr::Sum(xs) => xs.iter().for_each(|x| x.facts(out)),
            Expr::Scale(x, _) => x.facts(out),
        }
    }
}

impl Cond {
    pub fn eval(&self, f: &dyn Facts, all_indicators: &[&str]) -> bool {
        match self {
            Cond::All(cs) => cs.iter().all(|c| c.eval(f, all_indicators)),
            Cond::Any(cs) => cs.iter().any(|c| c.eval(f, all_indicators)),
            Cond::Not(c) => !c.eval(f, all_indicators),
            Cond::AtLeast(x, n) => x.eval(f) >= Ratio::from_points(*n),
            Cond::AtMost(x, n) => x.eval(f) <= Ratio::from_points(*n),
            Cond::Flag(n) => f.flag(n).unwrap_or(false),
            Cond::ApplicantIs(ks) => ks.contains(&f.kind()),
            Cond::Met(id) => f.met(id),
            Cond::CountMet { min, of, excluding } => {
                count_met(f, of, excluding, all_indicators) >= *min as usize
            }
        }
    }

    /// Every fact name, flag name and indicator id this condition reads, for validation.
    pub fn names<'a>(&'a self, out: &mut Names<'a>) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.names(out)),
            Cond::Not(c) => c.names(out),
            Cond::AtLeast(x, _) | Cond::AtMost(x, _) => x.facts(&mut out.facts),
            Cond::Flag(n) => out.flags.push(n),
            Cond::ApplicantIs(_) => {}
            Cond::Met(id) => out.indicators.push(id),
            Cond::CountMet { of, excluding, .. } => out
                .indicators
                .extend(of.iter().chain(excluding).map(String::as_str)),
        }
    }
}

/// Names a rule refers to, gathered for validation.
#[derive(Default)]
pub struct Names<'a> {
    pub facts: Vec<&'a str>,
    pub flags: Vec<&'a str>,
    pub indicators: Vec<&'a str>,
}

/// How many of the named indicators are met (all indicators when `of` is empty).
pub fn count_met(f: &dyn Facts, of: &[String], excluding: &[String], all: &[&str]) -> usize {
    let pool: Vec<&str> = if of.is_empty() {
        all.to_vec()
    } else {
        of.iter().map(String::as_str).collect()
    };
    pool.iter()
        .filter(|id| !excluding.iter().any(|e| e == *id))
        .filter(|id| f.met(id))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Met(&'static [&'static str]);
    impl Facts for Met {
        fn number(&self, name: &str) -> Option<Ratio> {
            match name {
                "pct" => Some(Ratio::int(3)),
                "inv" => Some(Ratio::int(8)),
                _ => None,
            }
        }
        fn flag(&self, _: &str) -> Option<bool> {
            Some(false)
        }
        fn kind(&self) -> ApplicantKind {
            ApplicantKind::Enterprise
        }
        fn met(&self, id: &str) -> bool {
            self.0.contains(&id)
        }
    }

    const ALL: [&str; 7] = ["G1", "G2", "G3", "G4", "G5", "G6", "G7"];

    fn guangxi() -> Cond {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Cond::Any(vec![
            Cond::All(vec![
                Cond::Met("G5".into()),
                Cond::CountMet {
                    min: 3,
                    of: vec![],
                    excluding: vec![],
                },
            ]),
            Cond::CountMet {
                min: 4,
                of: vec![],
                excluding: ids(&["G5"]),
            },
        ])
    }

    #[test]
    fn guangxi_three_with_item_five_or_four_without() {
        let rule = guangxi();
        assert!(rule.eval(&Met(&["G1", "G2", "G5"]), &ALL));
        assert!(!rule.eval(&Met(&["G1", "G2", "G3"]), &ALL));
        assert!(rule.eval(&Met(&["G1", "G2", "G3", "G4"]), &ALL));
        // item 5 plus two others is enough; three others without it are not
        assert!(rule.eval(&Met(&["G5", "G6", "G7"]), &ALL));
        assert!(!rule.eval(&Met(&["G5", "G6"]), &ALL));
    }

    #[test]
    fn pct_counts_at_one_half() {
        // 8 inventions + 3 PCT at 1:2 = 9.5: ≥ 9.5 holds, ≥ 10 does not.
        let e = Expr::Sum(vec![
            Expr::Fact("inv".into()),
            Expr::Scale(
                Box::new(Expr::Fact("pct".into())),
                Points::from_hundredths(50),
            ),
        ]);
        let f = Met(&[]);
        assert!(Cond::AtLeast(e.clone(), Points::from_hundredths(950)).eval(&f, &ALL));
        assert!(!Cond::AtLeast(e, Points::whole(10)).eval(&f, &ALL));
    }
}
