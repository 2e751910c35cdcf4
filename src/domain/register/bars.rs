//! What the register bars in a recognition round's formal review: a centre
//! that holds its title, or its declared affiliates, may not apply again
//! (Huangpu 五(一)); a revoked or withdrawn centre may not for two years (六, 七).

use chrono::NaiveDate;

use super::Centre;
use crate::domain::dossier::Dossier;
use crate::domain::eligibility::{Failure, Why};
use crate::domain::lifecycle::State;

/// The `sheet` the register's failures name, beside the scoring sheets' ids.
pub const BAR_SHEET: &str = "register";

/// The reasons the register gives to refuse a dossier in a recognition round
/// reviewed on `on`; events from `round` itself do not count.
pub fn bars(register: &[Centre], dossier: &Dossier, on: NaiveDate, round: &str) -> Vec<Failure> {
    let fail = |rule: &str, why: Why| Failure {
        sheet: BAR_SHEET.to_string(),
        rule: rule.to_string(),
        why,
    };
    let mut out = Vec::new();
    let code = &dossier.applicant.credit_code;
    let standing = |c: &Centre| c.state_on(on, Some(round));
    if let Some(c) = register.iter().find(|c| &c.credit_code == code) {
        let now = standing(c);
        match now {
            Some(
                State::Revoked {
                    on: at,
                    barred_until,
                }
                | State::Withdrawn {
                    on: at,
                    barred_until,
                },
            ) if on < barred_until => out.push(fail(
                "barred",
                Why::Barred {
                    credit_code: code.clone(),
                    on: at,
                    until: barred_until,
                    withdrew: matches!(now, Some(State::Withdrawn { .. })),
                },
            )),
            Some(s) if s.holds_title() => out.push(fail(
                "recognised",
                Why::Recognised {
                    credit_code: code.clone(),
                    on: c.recognised_on(),
                },
            )),
            _ => {}
        }
    }
    for parent in &dossier.affiliate_of {
        let holder = register
            .iter()
            .filter(|c| &c.credit_code == parent)
            .find(|c| standing(c).is_some_and(|s| s.holds_title()));
        if let Some(c) = holder {
            out.push(fail(
                "affiliate",
                Why::Affiliate {
                    name: c.name.clone(),
                    credit_code: c.credit_code.clone(),
                },
            ));
        }
    }
    out
}
