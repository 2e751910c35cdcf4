//! Recusals: conflicts of interest from the round file and those declared later.
//! A recused expert's card for that dossier cannot be scored and does not count.

use super::audit::{Action, Event, Subject};
use super::{Result, Store, keys};
use crate::domain::scoring::{Recusal, Refusal, stage_of};

impl Store {
    /// Every recusal of a round, from the file and declared.
    pub fn recusals(&self, round: &str) -> Result<Vec<Recusal>> {
        self.scan(&keys::recusals(round))
    }

    /// Records that an expert is recused from a dossier. Declaring the same
    /// recusal again changes nothing and returns false.
    pub fn declare_conflict(
        &mut self,
        round: &str,
        expert: &str,
        dossier: &str,
        reason: &str,
    ) -> Result<bool> {
        self.check_usable()?;
        let r = self.round_record(round)?;
        let stage = stage_of(&r.round, expert)?;
        if !r.dossiers.iter().any(|d| d == dossier) {
            return Err(Refusal::NoSuchDossier {
                round: round.to_string(),
                dossier: dossier.to_string(),
                known: r.dossiers.join(", "),
            }
            .into());
        }
        if reason.trim().is_empty() {
            return Err(Refusal::NoReason {
                what: crate::domain::scoring::Reasoned::Recusal,
            }
            .into());
        }
        let key = keys::recusal(round, expert, dossier);
        if self.get::<Recusal>(&key)?.is_some() {
            return Ok(false);
        }
        let mut c = self.change(round)?;
        let recusal = Recusal {
            expert: expert.to_string(),
            dossier: dossier.to_string(),
            reason: reason.trim().to_string(),
            declared: Some(c.at),
        };
        self.put(&mut c, key, &recusal)?;
        let subject = Subject {
            stage: Some(stage),
            expert: Some(expert.to_string()),
            dossier: Some(dossier.to_string()),
            item: None,
            centre: None,
        };
        let event = Event::new(expert, Action::Conflict, subject)
            .change(None, Some("recused".to_string()))
            .reason(&recusal.reason);
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(true)
    }
}
