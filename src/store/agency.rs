//! The secretary's choices of the dossiers that keep a service agency named
//! by more of a round's dossiers than the programme allows: stored with the
//! round, never changed (a later choice for the same agency is a new record
//! that supersedes it), each one audited with its reason.

use super::audit::{Action, Event, Subject};
use super::{Result, Store, keys};
use crate::domain::agency::AgencyKeep;
use crate::domain::eligibility::agency_clashes;

impl Store {
    /// Every choice recorded for a round, oldest first.
    pub fn agency_keeps(&self, round: &str) -> Result<Vec<AgencyKeep>> {
        self.scan(&keys::agency_keeps(round))
    }

    /// Records a choice after checking it against the round's dossiers; one
    /// durable write with its audit entry.
    pub fn record_agency_keep(&mut self, k: &AgencyKeep) -> Result<()> {
        self.check_usable()?;
        let r = self.round(&k.round)?;
        let sheets: Vec<_> = std::iter::once(&r.sheet).chain(&r.eligibility).collect();
        k.check(&agency_clashes(&r.dossiers, &sheets))?;
        let n = self.agency_keeps(&k.round)?.len();
        let mut c = self.change(&k.round)?;
        self.put(&mut c, keys::agency_keep(&k.round, n + 1), k)?;
        let subject = Subject {
            stage: None,
            expert: None,
            dossier: None,
            item: None,
            centre: None,
        };
        let event = Event::new(&k.by, Action::AgencyKeep, subject)
            .change(
                None,
                Some(format!("{} keep {}", k.credit_code, k.dossiers.join(","))),
            )
            .reason(&k.reason);
        self.audit(&mut c, event)?;
        self.apply(c)?;
        Ok(())
    }
}
