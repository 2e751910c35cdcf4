//! The secretary's decisions on ties: stored with the round, never changed, each
//! one audited with its reason.

use super::audit::{Action, Event, Subject};
use super::{Result, Store, keys};
use crate::domain::decision::Decision;
use crate::domain::scoring::Refusal;

impl Store {
    /// Every decision recorded for a round, oldest first.
    pub fn decisions(&self, round: &str) -> Result<Vec<Decision>> {
        self.scan(&keys::decisions(round))
    }

    /// Records a decision after checking it; one durable write with its audit entry.
    pub fn record_decision(&mut self, d: &Decision) -> Result<()> {
        let r = self.round_record(&d.round)?;
        d.check()?;
        if let Some(x) = d.tied.iter().find(|x| !r.dossiers.contains(x)) {
            let known = r.dossiers.join(", ");
            return Err(Refusal::NoSuchDossier {
                round: d.round.clone(),
                dossier: x.clone(),
                known,
            }
            .into());
        }
        let n = self.decisions(&d.round)?.len();
        let mut c = self.change(&d.round)?;
        self.put(&mut c, keys::decision(&d.round, n + 1), d)?;
        let subject = Subject {
            stage: Some(d.stage),
            expert: None,
            dossier: None,
            item: None,
            centre: None,
        };
        let chosen = match &d.choice {
            crate::domain::decision::Choice::Admit(v) => format!("admit {}", v.join(",")),
            crate::domain::decision::Choice::Order(v) => format!("order {}", v.join(",")),
        };
        let event = Event::new(&d.by, Action::Decision, subject)
            .change(Some(format!("tied {}", d.tied.join(","))), Some(chosen))
            .reason(&d.reason);
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(())
    }
}
