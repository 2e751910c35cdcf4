//! A recognition round's alternates, recorded once when its selection enters
//! the register; audited on the round's own chain.

use super::audit::{Action, Event, Subject};
use super::{Result, Store, keys};
use crate::domain::alternates::Alternate;
use crate::domain::round::Stage;

impl Store {
    /// Every alternate recorded, by round and order.
    pub fn alternates(&self) -> Result<Vec<Alternate>> {
        self.scan(&keys::alternates(None))
    }

    /// Records a round's alternates, unless they are recorded already; returns
    /// whether anything was written.
    pub fn record_alternates(&mut self, round: &str, list: &[Alternate], by: &str) -> Result<bool> {
        self.check_usable()?;
        self.round_record(round)?;
        let known: Vec<Alternate> = self.scan(&keys::alternates(Some(round)))?;
        if !known.is_empty() || list.is_empty() {
            return Ok(false);
        }
        let mut c = self.change(round)?;
        for a in list {
            self.put(&mut c, keys::alternate(round, a.order), a)?;
        }
        let subject = Subject {
            stage: Some(Stage::Expert),
            expert: None,
            dossier: None,
            item: None,
            centre: None,
        };
        let names: Vec<&str> = list.iter().map(|a| a.dossier.as_str()).collect();
        let event = Event::new(by, Action::Alternates, subject)
            .change(None, Some(names.join(",")))
            .reason("qualified beyond the places: next year's alternates");
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(true)
    }
}
