//! The secretary's recorded decision on a tie that the sheet's tie-breaks
//! leave standing: which dossiers, what was chosen, why, by whom and when.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::round::Stage;

/// What the secretary chose for a group of level dossiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    /// These go ahead of the rest of the tie (e.g. into the last places left
    /// under the cap); they stay level among themselves, as do the others.
    Admit(Vec<String>),
    /// Every tied dossier in the order chosen, best first.
    Order(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub round: String,
    pub stage: Stage,
    /// The dossiers that were level when the decision was taken. It settles a
    /// tie only while exactly these are level; if scores change, it lapses.
    pub tied: Vec<String>,
    pub choice: Choice,
    pub reason: String,
    /// Who decided (the secretary, for the minutes).
    pub by: String,
    pub at: DateTime<Utc>,
}

/// Why a decision cannot be recorded, as a sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    #[error("a decision needs a reason")]
    NoReason,
    #[error("a tie needs at least two dossiers, not {0}")]
    TooFew(usize),
    #[error("dossier {0} is named twice")]
    Twice(String),
    #[error("dossier {0} is not among the tied dossiers")]
    NotTied(String),
    #[error("the order must name every tied dossier; missing: {0}")]
    Incomplete(String),
    #[error("admit some of the tied dossiers, not none and not all")]
    AdmitNoneOrAll,
}

impl Decision {
    /// Checks the decision on its own, before it is stored.
    pub fn check(&self) -> Result<(), DecisionError> {
        if self.reason.trim().is_empty() {
            return Err(DecisionError::NoReason);
        }
        let tied = distinct(&self.tied)?;
        if tied.len() < 2 {
            return Err(DecisionError::TooFew(tied.len()));
        }
        let chosen = match &self.choice {
            Choice::Admit(v) | Choice::Order(v) => distinct(v)?,
        };
        if let Some(d) = chosen.difference(&tied).next() {
            return Err(DecisionError::NotTied(d.to_string()));
        }
        match &self.choice {
            Choice::Order(_) if chosen.len() < tied.len() => {
                let missing: Vec<_> = tied.difference(&chosen).copied().collect();
                Err(DecisionError::Incomplete(missing.join(", ")))
            }
            Choice::Admit(_) if chosen.is_empty() || chosen.len() == tied.len() => {
                Err(DecisionError::AdmitNoneOrAll)
            }
            _ => Ok(()),
        }
    }

    /// Whether this decision settles a group in which exactly `level` are level.
    pub fn settles(&self, round: &str, stage: Stage, level: &BTreeSet<&str>) -> bool {
        self.round == round
            && self.stage == stage
            && self.check().is_ok()
            && self
                .tied
                .iter()
                .map(String::as_str)
                .collect::<BTreeSet<_>>()
                == *level
    }

    /// Where the decision puts `dossier` inside its group: lower comes first.
    pub fn position(&self, dossier: &str) -> usize {
        match &self.choice {
            Choice::Order(v) => v.iter().position(|d| d == dossier).unwrap_or(v.len()),
            Choice::Admit(v) => usize::from(!v.iter().any(|d| d == dossier)),
        }
    }
}

fn distinct(v: &[String]) -> Result<BTreeSet<&str>, DecisionError> {
    let mut set = BTreeSet::new();
    for d in v {
        if !set.insert(d.as_str()) {
            return Err(DecisionError::Twice(d.clone()));
        }
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::at;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn decision(tied: &[&str], choice: Choice) -> Decision {
        Decision {
            round: "r".into(),
            stage: Stage::Expert,
            tied: ids(tied),
            choice,
            reason: "会议表决".into(),
            by: "秘书甲".into(),
            at: at(30),
        }
    }

    #[test]
    fn checks_what_is_chosen() {
        let ok = decision(&["A", "B", "C"], Choice::Admit(ids(&["B"])));
        assert_eq!(ok.check(), Ok(()));
        assert_eq!(
            decision(&["A", "B"], Choice::Order(ids(&["B"]))).check(),
            Err(DecisionError::Incomplete("A".into()))
        );
        assert_eq!(
            decision(&["A", "B"], Choice::Order(ids(&["B", "X"]))).check(),
            Err(DecisionError::NotTied("X".into()))
        );
        assert_eq!(
            decision(&["A", "B"], Choice::Admit(ids(&["A", "B"]))).check(),
            Err(DecisionError::AdmitNoneOrAll)
        );
        assert_eq!(
            decision(&["A"], Choice::Admit(vec![])).check(),
            Err(DecisionError::TooFew(1))
        );
        assert_eq!(
            decision(&["A", "A"], Choice::Admit(vec![])).check(),
            Err(DecisionError::Twice("A".into()))
        );
        let mut blank = ok.clone();
        blank.reason = " ".into();
        assert_eq!(blank.check(), Err(DecisionError::NoReason));
    }

    #[test]
    fn settles_only_the_same_group() {
        let d = decision(&["A", "B"], Choice::Order(ids(&["B", "A"])));
        let ab: BTreeSet<&str> = ["B", "A"].into();
        let abc: BTreeSet<&str> = ["A", "B", "C"].into();
        assert!(d.settles("r", Stage::Expert, &ab));
        assert!(!d.settles("r", Stage::Expert, &abc));
        assert!(!d.settles("r", Stage::Preliminary, &ab));
        assert!(!d.settles("other", Stage::Expert, &ab));
        assert_eq!((d.position("B"), d.position("A")), (0, 1));
        let admit = decision(&["A", "B", "C"], Choice::Admit(ids(&["C"])));
        assert_eq!(
            (
                admit.position("C"),
                admit.position("A"),
                admit.position("B")
            ),
            (0, 1, 1)
        );
    }
}
