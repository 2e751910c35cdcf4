//! An expert excused from scoring (absent, with a reason): from one dossier or
//! from the whole round. An excused card is no longer expected, so a ranking
//! can be final without it; a card the expert did submit still counts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::round::Round;
use super::scoring::Refusal;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excuse {
    pub round: String,
    pub expert: String,
    /// The one dossier excused from, or `None` for every dossier of the round.
    pub dossier: Option<String>,
    pub reason: String,
    /// Who recorded it (the secretary).
    pub by: String,
    pub at: DateTime<Utc>,
}

impl Excuse {
    /// Whether this excuse covers `expert`'s card for `dossier`.
    pub fn covers(&self, expert: &str, dossier: &str) -> bool {
        self.expert == expert && self.dossier.as_deref().is_none_or(|d| d == dossier)
    }

    /// Checks the excuse against the round before it is stored: a panel
    /// member of the expert stage, a dossier of the round, a reason.
    pub fn check(&self, round: &Round, dossiers: &[String]) -> Result<(), Refusal> {
        if self.reason.trim().is_empty() {
            return Err(Refusal::NoReason {
                what: crate::domain::scoring::Reasoned::Excuse,
            });
        }
        if !round.experts.iter().any(|e| e.id == self.expert) {
            return Err(Refusal::NotOnPanel {
                round: round.id.clone(),
                expert: self.expert.clone(),
                panel: round
                    .experts
                    .iter()
                    .map(|e| e.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        if let Some(d) = &self.dossier
            && !dossiers.contains(d)
        {
            return Err(Refusal::NoSuchDossier {
                round: round.id.clone(),
                dossier: d.clone(),
                known: dossiers.join(", "),
            });
        }
        Ok(())
    }
}

/// Whether any of `excuses` covers `expert`'s card for `dossier`.
pub fn excused(excuses: &[Excuse], expert: &str, dossier: &str) -> bool {
    excuses.iter().any(|e| e.covers(expert, dossier))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::at;

    fn excuse(dossier: Option<&str>, reason: &str) -> Excuse {
        Excuse {
            round: "r".into(),
            expert: "E7".into(),
            dossier: dossier.map(Into::into),
            reason: reason.into(),
            by: "秘书".into(),
            at: at(1),
        }
    }

    #[test]
    fn a_round_excuse_covers_every_dossier_a_dossier_excuse_one() {
        let all = excuse(None, "因病缺席");
        assert!(all.covers("E7", "D1") && all.covers("E7", "D2"));
        assert!(!all.covers("E1", "D1"));
        let one = excuse(Some("D1"), "临时离场");
        assert!(one.covers("E7", "D1") && !one.covers("E7", "D2"));
    }

    #[test]
    fn an_excuse_names_a_panel_member_a_dossier_and_a_reason() {
        let ds = vec!["D1".to_string()];
        let mut round = crate::domain::fixtures::round();
        round.experts.push(crate::domain::fixtures::expert("E7"));
        assert_eq!(excuse(None, "缺席").check(&round, &ds), Ok(()));
        assert!(matches!(
            excuse(None, " ").check(&round, &ds),
            Err(Refusal::NoReason { .. })
        ));
        let e = excuse(Some("D9"), "缺席").check(&round, &ds).unwrap_err();
        assert_eq!(
            e.to_string(),
            "dossier 'D9' is not in round r; dossiers are: D1"
        );
        round.experts.pop();
        let e = excuse(None, "缺席").check(&round, &ds).unwrap_err();
        assert!(e.is_bad_input(), "{e}");
        assert!(e.to_string().contains("the panel is: E1"), "{e}");
    }
}
