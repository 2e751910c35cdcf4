//! A dossier seen through the rule language: its facts as of the round's date,
//! and which indicators the panel found met.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Ratio;
use super::dossier::{ApplicantKind, Dossier};
use super::rules::Facts;

/// Answers `rules::Facts` for one dossier on one day.
#[derive(Clone, Debug)]
pub struct DossierFacts<'a> {
    dossier: &'a Dossier,
    on: NaiveDate,
    met: BTreeSet<String>,
}

impl<'a> DossierFacts<'a> {
    /// Facts as of `on` (years registered are counted to it); no indicator met.
    pub fn new(dossier: &'a Dossier, on: NaiveDate) -> DossierFacts<'a> {
        DossierFacts {
            dossier,
            on,
            met: BTreeSet::new(),
        }
    }

    /// The same facts, with these indicators counted as met.
    pub fn with_met<I, S>(mut self, met: I) -> DossierFacts<'a>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.met = met.into_iter().map(Into::into).collect();
        self
    }
}

impl Facts for DossierFacts<'_> {
    fn number(&self, name: &str) -> Option<Ratio> {
        self.dossier.number(name, self.on)
    }

    fn flag(&self, name: &str) -> Option<bool> {
        self.dossier.flag(name)
    }

    fn kind(&self) -> ApplicantKind {
        self.dossier.applicant.kind
    }

    fn met(&self, indicator: &str) -> bool {
        self.met.contains(indicator)
    }
}
