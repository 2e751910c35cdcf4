//! What the register bars in a recognition round's formal review: a centre
//! that holds its title, or its declared affiliates, may not apply again
//! (Huangpu 五(一)); a revoked or withdrawn centre may not for two years (六, 七).

use chrono::NaiveDate;

use super::Centre;
use crate::domain::dossier::Dossier;
use crate::domain::eligibility::Failure;
use crate::domain::lifecycle::State;

/// The `sheet` the register's failures name, beside the scoring sheets' ids.
pub const BAR_SHEET: &str = "register";

/// The reasons the register gives to refuse a dossier in a recognition round
/// reviewed on `on`; events from `round` itself do not count.
pub fn bars(register: &[Centre], dossier: &Dossier, on: NaiveDate, round: &str) -> Vec<Failure> {
    let fail = |rule: &str, title: String| Failure {
        sheet: BAR_SHEET.to_string(),
        rule: rule.to_string(),
        title,
    };
    let mut out = Vec::new();
    let code = &dossier.applicant.credit_code;
    let standing = |c: &Centre| c.state_on(on, Some(round));
    if let Some(c) = register.iter().find(|c| &c.credit_code == code) {
        match standing(c) {
            Some(State::Revoked { on: at, barred_until }) if on < barred_until => out.push(fail(
                "barred",
                format!(
                    "申报单位（信用代码 {code}）的中心称号已于{at}取消，{barred_until}前不得重新申报"
                ),
            )),
            Some(State::Withdrawn { on: at, barred_until }) if on < barred_until => {
                out.push(fail(
                    "barred",
                    format!(
                        "申报单位（信用代码 {code}）已于{at}退出中心建设，{barred_until}前不得重新申报"
                    ),
                ))
            }
            Some(s) if s.holds_title() => out.push(fail(
                "recognised",
                format!(
                    "申报单位（信用代码 {code}）已认定为高价值专利培育中心（{}），不得重复申报",
                    c.recognised_on().map(|d| d.to_string()).unwrap_or_default()
                ),
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
                format!(
                    "申报单位为已认定中心{}（信用代码 {}）的关联公司，不得重复申报",
                    c.name, c.credit_code
                ),
            ));
        }
    }
    out
}
