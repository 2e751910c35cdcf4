//! Pass or fail for one dossier: an acceptance rule over indicators, with the
//! clause that decided and what is missing; or an annual score against the
//! year's pass line, compared exactly.

use chrono::NaiveDate;

use super::dossier::Dossier;
use super::explain;
use super::facts::DossierFacts;
use super::indicators::{Achievement, Evidence, IndicatorState};
use super::rules::{Cond, Facts};
use super::sheet::{PassStage, Sheet};
use super::{Points, Ratio};

/// Why an outcome cannot be computed from the sheet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error("sheet {0} has no acceptance rule")]
    NoAcceptanceRule(String),
    #[error("sheet {sheet} has no pass line for year {year}")]
    NoPassLine { sheet: String, year: u8 },
    #[error("annual assessment year is {0}, allowed 1 or 2")]
    NoSuchYear(u8),
}

/// The result of an acceptance rule for one dossier, with its reasons.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub passed: bool,
    pub evidence: Evidence,
    /// Every indicator of the sheet with its target, value and whether met.
    pub indicators: Vec<IndicatorState>,
    /// The rule as the sheet states it.
    pub rule: Cond,
    /// On a pass, the clause that decided: the rule with each `Any` narrowed
    /// to its first clause that holds.
    pub clause: Option<Cond>,
    /// On a fail, the parts that do not hold: the failing members of an `All`,
    /// otherwise the whole rule.
    pub missing: Vec<Cond>,
}

impl Verdict {
    pub fn met_count(&self) -> usize {
        self.indicators.iter().filter(|i| i.met).count()
    }

    /// The reason in Chinese, e.g. "达成 2/7，含第5项；需 3 项（含第5项）或 4 项（不含第5项）".
    pub fn zh(&self) -> String {
        explain::verdict(self, explain::Lang::Zh)
    }

    /// The reason in English.
    pub fn en(&self) -> String {
        explain::verdict(self, explain::Lang::En)
    }
}

/// Applies `sheet`'s acceptance rule to what `dossier` achieved, as of `on`.
pub fn verdict(
    sheet: &Sheet,
    dossier: &Dossier,
    on: NaiveDate,
    achievement: &Achievement,
) -> Result<Verdict, OutcomeError> {
    let rule = sheet
        .acceptance
        .clone()
        .ok_or_else(|| OutcomeError::NoAcceptanceRule(sheet.id.clone()))?;
    let facts = DossierFacts::new(dossier, on).with_met(achievement.met_ids());
    let all = sheet.indicator_ids();
    let passed = rule.eval(&facts, &all);
    let clause = passed.then(|| deciding(&rule, &facts, &all));
    let missing = if passed {
        Vec::new()
    } else {
        failing(&rule, &facts, &all)
    };
    Ok(Verdict {
        passed,
        evidence: achievement.evidence,
        indicators: achievement.indicators.clone(),
        rule,
        clause,
        missing,
    })
}

/// The rule as it held: each `Any` narrowed to its first clause that holds.
fn deciding(c: &Cond, f: &dyn Facts, all: &[&str]) -> Cond {
    match c {
        Cond::Any(cs) => cs
            .iter()
            .find(|x| x.eval(f, all))
            .map_or_else(|| c.clone(), |x| deciding(x, f, all)),
        Cond::All(cs) => Cond::All(cs.iter().map(|x| deciding(x, f, all)).collect()),
        _ => c.clone(),
    }
}

/// The parts of a failing rule that do not hold.
fn failing(c: &Cond, f: &dyn Facts, all: &[&str]) -> Vec<Cond> {
    match c {
        Cond::All(cs) => cs
            .iter()
            .filter(|x| !x.eval(f, all))
            .flat_map(|x| failing(x, f, all))
            .collect(),
        _ if c.eval(f, all) => Vec::new(),
        _ => vec![c.clone()],
    }
}

/// The pass line of an annual assessment: year 1 (Huangpu 70) or year 2, the
/// final acceptance (Huangpu 75), from the sheet.
pub fn annual_line(sheet: &Sheet, year: u8) -> Result<Points, OutcomeError> {
    let stage = match year {
        1 => PassStage::Year1,
        2 => PassStage::Year2,
        _ => return Err(OutcomeError::NoSuchYear(year)),
    };
    sheet.pass_line(stage).ok_or(OutcomeError::NoPassLine {
        sheet: sheet.id.clone(),
        year,
    })
}

/// Whether an exact score reaches a line: 70 passes at 70, 69.995 does not.
pub fn reaches(score: Ratio, line: Points) -> bool {
    score >= Ratio::from_points(line)
}

/// True when `score` is below `line` yet prints (two decimals, half up) as at
/// least the line, so the printed figure would hide the fail.
pub fn hidden_by_rounding(score: Ratio, line: Points) -> bool {
    !reaches(score, line) && score.round_hundredths() >= i128::from(line.hundredths())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{pts, sheet};

    fn annual_sheet() -> Sheet {
        let mut s = sheet(&[("S1", &[("a", 100)])], &[]);
        s.pass_lines = crate::domain::fixtures::annual_pass_lines();
        s
    }

    #[test]
    fn pass_lines_by_year() {
        let s = annual_sheet();
        assert_eq!(annual_line(&s, 1), Ok(pts("70")));
        assert_eq!(annual_line(&s, 2), Ok(pts("75")));
        assert_eq!(annual_line(&s, 3), Err(OutcomeError::NoSuchYear(3)));
        let bare = sheet(&[("S1", &[("a", 100)])], &[]);
        assert!(matches!(
            annual_line(&bare, 1),
            Err(OutcomeError::NoPassLine { year: 1, .. })
        ));
    }

    #[test]
    fn exactly_at_the_line_passes() {
        assert!(reaches(Ratio::int(70), pts("70")));
        assert!(reaches(Ratio::int(75), pts("75")));
        assert!(!reaches(Ratio::new(7499, 100), pts("75")));
        // 69.995 prints as 70.00 but fails, and says so
        let just_below = Ratio::new(69995, 1000);
        assert!(!reaches(just_below, pts("70")));
        assert_eq!(just_below.fixed2(), "70.00");
        assert!(hidden_by_rounding(just_below, pts("70")));
        // three experts totalling 209.99: 69.99666… also prints as 70.00
        assert!(hidden_by_rounding(Ratio::new(20999, 300), pts("70")));
        assert!(!hidden_by_rounding(Ratio::new(69994, 1000), pts("70")));
        assert!(!hidden_by_rounding(Ratio::int(70), pts("70")));
    }
}
