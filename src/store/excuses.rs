//! Experts excused from scoring (absent, with a reason): kept with the round,
//! each one audited. An excused card is no longer expected.

use super::audit::{Action, Event, Subject};
use super::{Result, Store, keys};
use crate::domain::excuse::Excuse;
use crate::domain::round::Stage;

impl Store {
    /// Every excuse recorded for a round, oldest first.
    pub fn excuses(&self, round: &str) -> Result<Vec<Excuse>> {
        self.scan(&keys::excuses(round))
    }

    /// Records an excuse after checking it against the round; one durable
    /// write with its audit entry.
    pub fn record_excuse(&mut self, e: &Excuse) -> Result<()> {
        self.check_usable()?;
        let r = self.round_record(&e.round)?;
        e.check(&r.round, &r.dossiers)?;
        let n = self.excuses(&e.round)?.len();
        let mut c = self.change(&e.round)?;
        self.put(&mut c, keys::excuse(&e.round, n + 1), e)?;
        let subject = Subject {
            stage: Some(Stage::Expert),
            expert: Some(e.expert.clone()),
            dossier: e.dossier.clone(),
            item: None,
            centre: None,
        };
        let event = Event::new(&e.by, Action::Excuse, subject)
            .change(None, Some("excused".to_string()))
            .reason(&e.reason);
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(())
    }
}
