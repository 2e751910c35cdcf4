//! Why a dossier fails formal review, in both languages. A sheet's own rule
//! is said by its title, as the sheet states it.

use crate::domain::eligibility::{Failure, Why};
use crate::lang::Say;

impl Say for Why {
    fn zh(&self) -> String {
        match self {
            Why::Rule(title) => title.clone(),
            Why::JointLimit { joint, limit } => {
                format!("联合申报单位 {joint} 家，超过 {limit} 家")
            }
            Why::AgencyKept {
                name,
                credit_code,
                limit,
                kept,
                reason,
            } => format!(
                "服务机构{name}（{credit_code}）参与服务的申报主体超过 {limit} 家，经确定由 {} 保留该机构（{reason}）",
                if kept.is_empty() {
                    "无".to_string()
                } else {
                    kept.join("、")
                }
            ),
            Why::Barred {
                credit_code,
                on,
                until,
                withdrew: false,
            } => format!(
                "申报单位（信用代码 {credit_code}）的中心称号已于{on}取消，{until}前不得重新申报"
            ),
            Why::Barred {
                credit_code,
                on,
                until,
                withdrew: true,
            } => format!(
                "申报单位（信用代码 {credit_code}）已于{on}退出中心建设，{until}前不得重新申报"
            ),
            Why::Recognised { credit_code, on } => format!(
                "申报单位（信用代码 {credit_code}）已认定为高价值专利培育中心（{}），不得重复申报",
                on.map(|d| d.to_string()).unwrap_or_default()
            ),
            Why::Affiliate { name, credit_code } => format!(
                "申报单位为已认定中心{name}（信用代码 {credit_code}）的关联公司，不得重复申报"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Why::Rule(title) => title.clone(),
            Why::JointLimit { joint, limit } => {
                format!("{joint} joint applicants, more than the {limit} allowed")
            }
            Why::AgencyKept {
                name,
                credit_code,
                limit,
                kept,
                reason,
            } => format!(
                "service agency {name} ({credit_code}) serves more than {limit} applicants of the round; it was kept by {} ({reason})",
                if kept.is_empty() {
                    "none".to_string()
                } else {
                    kept.join(", ")
                }
            ),
            Why::Barred {
                credit_code,
                on,
                until,
                withdrew: false,
            } => format!(
                "the applicant (credit code {credit_code}) lost its centre title on {on} and may not apply again before {until}"
            ),
            Why::Barred {
                credit_code,
                on,
                until,
                withdrew: true,
            } => format!(
                "the applicant (credit code {credit_code}) withdrew from the programme on {on} and may not apply again before {until}"
            ),
            Why::Recognised { credit_code, on } => format!(
                "the applicant (credit code {credit_code}) is already a recognised centre ({}) and may not apply again",
                on.map(|d| d.to_string()).unwrap_or_default()
            ),
            Why::Affiliate { name, credit_code } => format!(
                "the applicant is an affiliate of the recognised centre {name} (credit code {credit_code}) and may not apply"
            ),
        }
    }
}

impl Say for Failure {
    fn zh(&self) -> String {
        self.why.zh()
    }

    fn en(&self) -> String {
        self.why.en()
    }
}
