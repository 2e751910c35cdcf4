//! A recognition round's alternates, recorded once when its selection enters
//! the register; audited on the round's own chain.

use chrono::Datelike;

use super::audit::{Action, Event, Subject};
use super::{EarlierFault, Result, Store, StoreError, keys};
use crate::domain::alternates::{Alternate, programme};
use crate::domain::round::{Round, RoundKind, Stage};
use crate::domain::sheet::Sheet;

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

    /// The earlier round whose alternates `round` names: named when it was
    /// loaded (`init --alternates-from`), or else in its round file.
    pub fn alternates_from(&self, round: &str) -> Result<Option<String>> {
        if let Some(from) = self.get::<String>(&keys::alternates_from(round))? {
            return Ok(Some(from));
        }
        Ok(self.round_record(round)?.round.alternates_from.clone())
    }

    /// Whether `round` (scored on `sheet`) may name the alternates of
    /// `earlier`: a recognition round of the same programme held in an
    /// earlier year, already in the store.
    pub fn check_alternates_from(&self, round: &Round, sheet: &Sheet, earlier: &str) -> Result<()> {
        let fault = |why| StoreError::Earlier {
            round: round.id.clone(),
            earlier: earlier.to_string(),
            why,
        };
        if earlier == round.id {
            return Err(fault(EarlierFault::Itself));
        }
        let e = self.round_record(earlier)?;
        if e.round.kind != RoundKind::Recognition {
            return Err(fault(EarlierFault::NotRecognition));
        }
        let (year, earlier_year) = (round.date.year(), e.round.date.year());
        if earlier_year >= year {
            return Err(fault(EarlierFault::NotEarlier { year, earlier_year }));
        }
        let (p, ep) = (programme(&sheet.id), programme(&e.sheet.id));
        if p != ep {
            return Err(fault(EarlierFault::OtherProgramme {
                programme: p.to_string(),
                earlier_programme: ep.to_string(),
            }));
        }
        Ok(())
    }

    /// Records, audited, that `round` names the alternates of `earlier`;
    /// nothing is written when that is already so.
    pub fn link_alternates(&mut self, round: &str, earlier: &str, by: &str) -> Result<bool> {
        self.check_usable()?;
        if self.alternates_from(round)?.as_deref() == Some(earlier) {
            return Ok(false);
        }
        let mut c = self.change(round)?;
        self.put(&mut c, keys::alternates_from(round), &earlier.to_string())?;
        let event = Event::new(by, Action::Alternates, Subject::default())
            .change(None, Some(format!("from {earlier}")))
            .reason("the earlier round's alternates are named in this round");
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(true)
    }
}
