//! A service agency serving more of a round's applicants than the programme
//! allows (Chongqing 二(三)4: 每家服务机构参与服务的申报主体不超过2家). Every
//! dossier naming it is held in formal review until the secretary records
//! which of them (at most the limit) keep the agency; the others then fail
//! formal review with that choice as the reason.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::eligibility::{AgencyClash, Failure, Why};
use super::ranking::Pending;

/// The secretary's choice of the dossiers that keep an agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyKeep {
    pub round: String,
    /// The agency's unified social credit code.
    pub credit_code: String,
    /// The dossiers that keep the agency, at most the limit.
    pub dossiers: Vec<String>,
    pub reason: String,
    /// Who chose, for the minutes and the audit log.
    pub by: String,
    pub at: DateTime<Utc>,
}

/// Why a choice of the dossiers keeping an agency is not recorded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgencyError {
    #[error("the choice of the dossiers that keep a service agency needs a reason")]
    NoReason,
    #[error(
        "round {round}: no service agency with credit code {code} serves more applicants than allowed; agencies over the limit: {}",
        if .over.is_empty() { "none".to_string() } else { .over.join(", ") }
    )]
    NoClash {
        round: String,
        code: String,
        /// The credit codes over the limit in the round.
        over: Vec<String>,
    },
    #[error("service agency {code}: at most {limit} dossiers may keep it, {given} named")]
    TooMany {
        code: String,
        limit: u32,
        given: usize,
    },
    #[error(
        "dossier {dossier} does not name service agency {code}; the dossiers naming it are {}",
        .naming.join(", ")
    )]
    NotNaming {
        code: String,
        dossier: String,
        naming: Vec<String>,
    },
    #[error("dossier {0} is named twice")]
    Twice(String),
}

impl AgencyKeep {
    /// Checks the choice against the round's clashes before it is stored.
    pub fn check(&self, clashes: &[AgencyClash]) -> Result<(), AgencyError> {
        if self.reason.trim().is_empty() {
            return Err(AgencyError::NoReason);
        }
        let Some(clash) = clashes.iter().find(|c| c.credit_code == self.credit_code) else {
            return Err(AgencyError::NoClash {
                round: self.round.clone(),
                code: self.credit_code.clone(),
                over: clashes.iter().map(|c| c.credit_code.clone()).collect(),
            });
        };
        let mut seen = BTreeSet::new();
        for d in &self.dossiers {
            if !seen.insert(d.as_str()) {
                return Err(AgencyError::Twice(d.clone()));
            }
            if !clash.dossiers.contains(d) {
                return Err(AgencyError::NotNaming {
                    code: self.credit_code.clone(),
                    dossier: d.clone(),
                    naming: clash.dossiers.clone(),
                });
            }
        }
        if self.dossiers.len() > clash.limit as usize {
            return Err(AgencyError::TooMany {
                code: self.credit_code.clone(),
                limit: clash.limit,
                given: self.dossiers.len(),
            });
        }
        Ok(())
    }
}

/// The round's clashes once the secretary's choices are applied: the
/// dossiers that lose the agency, with the failure formal review gives
/// them, and the clashes still waiting for a choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settled {
    pub failures: Vec<(String, Failure)>,
    pub open: Vec<AgencyClash>,
}

impl Settled {
    /// Each open clash as a pending item of the ranking.
    pub fn pending(&self) -> Vec<Pending> {
        self.open
            .iter()
            .map(|c| Pending::Agency {
                credit_code: c.credit_code.clone(),
                name: c.name.clone(),
                limit: c.limit,
                dossiers: c.dossiers.clone(),
            })
            .collect()
    }
}

/// Applies the latest valid choice recorded for each clash of the round.
pub fn settle(clashes: Vec<AgencyClash>, keeps: &[AgencyKeep], round: &str) -> Settled {
    let mut out = Settled::default();
    for clash in clashes {
        let keep = keeps
            .iter()
            .filter(|k| k.round == round && k.credit_code == clash.credit_code)
            .rfind(|k| k.check(std::slice::from_ref(&clash)).is_ok());
        let Some(keep) = keep else {
            out.open.push(clash);
            continue;
        };
        for d in clash.dossiers.iter().filter(|d| !keep.dossiers.contains(d)) {
            out.failures.push((
                d.clone(),
                Failure {
                    sheet: clash.sheet.clone(),
                    rule: "agency_limit".to_string(),
                    why: Why::AgencyKept {
                        name: clash.name.clone(),
                        credit_code: clash.credit_code.clone(),
                        limit: clash.limit,
                        kept: keep.dossiers.clone(),
                        reason: keep.reason.trim().to_string(),
                    },
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn clash() -> AgencyClash {
        AgencyClash {
            sheet: "cq".into(),
            credit_code: "A".into(),
            name: "某代理".into(),
            limit: 2,
            dossiers: vec!["C-1".into(), "C-2".into(), "C-3".into()],
        }
    }

    fn keep(ds: &[&str]) -> AgencyKeep {
        AgencyKeep {
            round: "r".into(),
            credit_code: "A".into(),
            dossiers: ds.iter().map(|s| s.to_string()).collect(),
            reason: "签约在先".into(),
            by: "秘书".into(),
            at: Utc
                .with_ymd_and_hms(2020, 6, 20, 2, 0, 0)
                .single()
                .unwrap_or_default(),
        }
    }

    #[test]
    fn an_open_clash_is_pending_until_chosen() {
        let s = settle(vec![clash()], &[], "r");
        assert_eq!(s.failures, []);
        assert_eq!(s.pending().len(), 1);
        let s = settle(vec![clash()], &[keep(&["C-1", "C-3"])], "r");
        assert_eq!(s.open, []);
        let lost: Vec<_> = s.failures.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(lost, ["C-2"]);
        assert_eq!(
            crate::lang::Say::zh(&s.failures[0].1),
            "服务机构某代理（A）参与服务的申报主体超过 2 家，经确定由 C-1、C-3 保留该机构（签约在先）"
        );
    }

    #[test]
    fn a_choice_is_checked() {
        let c = [clash()];
        assert_eq!(
            keep(&["C-1", "C-2", "C-3"]).check(&c),
            Err(AgencyError::TooMany {
                code: "A".into(),
                limit: 2,
                given: 3
            })
        );
        assert!(matches!(
            keep(&["C-9"]).check(&c),
            Err(AgencyError::NotNaming { .. })
        ));
        assert_eq!(
            keep(&["C-1", "C-1"]).check(&c),
            Err(AgencyError::Twice("C-1".into()))
        );
        let mut k = keep(&["C-1"]);
        k.credit_code = "B".into();
        assert!(matches!(k.check(&c), Err(AgencyError::NoClash { .. })));
        k = keep(&["C-1"]);
        k.reason = " ".into();
        assert_eq!(k.check(&c), Err(AgencyError::NoReason));
        assert_eq!(keep(&["C-2"]).check(&c), Ok(()));
    }
}
