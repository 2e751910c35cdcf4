//! Formal review (形式审查): a sheet's eligibility rules applied to one dossier,
//! each failure with the rule's title as the reason.

use chrono::NaiveDate;

use super::dossier::Dossier;
use super::facts::DossierFacts;
use super::sheet::Sheet;

/// One rule a dossier does not keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The id of the sheet the rule is on.
    pub sheet: String,
    /// The rule's id (`joint_limit` for the sheet's limit on joint applicants).
    pub rule: String,
    /// The reason shown to people, said in their language.
    pub why: Why,
}

/// Why a dossier fails formal review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// A rule of the sheet, by its title as the sheet states it (data, kept
    /// as entered in either language).
    Rule(String),
    /// More joint applicants than the sheet allows.
    JointLimit { joint: usize, limit: u32 },
    /// A service agency named by more of the round's dossiers than allowed,
    /// kept by others than this one.
    AgencyKept {
        name: String,
        credit_code: String,
        limit: u32,
        kept: Vec<String>,
        reason: String,
    },
    /// The applicant's centre was revoked, or it withdrew, and is barred
    /// until `until`.
    Barred {
        credit_code: String,
        on: NaiveDate,
        until: NaiveDate,
        withdrew: bool,
    },
    /// The applicant already holds the title.
    Recognised {
        credit_code: String,
        on: Option<NaiveDate>,
    },
    /// The applicant is an affiliate of a centre that holds the title.
    Affiliate { name: String, credit_code: String },
}

/// The outcome of formal review for one dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub dossier: String,
    /// Every rule failed, in sheet order; empty when eligible.
    pub failures: Vec<Failure>,
}

impl Review {
    pub fn eligible(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Applies every eligibility rule of `sheets` (the scoring sheet and, when the
/// round has one, its separate eligibility sheet) to `dossier` as of `on`.
///
/// A rule with a `when` applies only where that holds. A sheet's
/// `joint_limit` is checked too, so a dossier over it is never ranked.
pub fn review(dossier: &Dossier, on: NaiveDate, sheets: &[&Sheet]) -> Review {
    let facts = DossierFacts::new(dossier, on);
    let mut failures = Vec::new();
    for sheet in sheets {
        if let Some(limit) = sheet.joint_limit
            && dossier.joint.len() > limit as usize
        {
            failures.push(Failure {
                sheet: sheet.id.clone(),
                rule: "joint_limit".to_string(),
                why: Why::JointLimit {
                    joint: dossier.joint.len(),
                    limit,
                },
            });
        }
        let indicators = sheet.indicator_ids();
        for rule in &sheet.eligibility {
            let applies = rule
                .when
                .as_ref()
                .is_none_or(|w| w.eval(&facts, &indicators));
            if applies && !rule.require.eval(&facts, &indicators) {
                failures.push(Failure {
                    sheet: sheet.id.clone(),
                    rule: rule.id.clone(),
                    why: Why::Rule(rule.title.clone()),
                });
            }
        }
    }
    Review {
        dossier: dossier.id.clone(),
        failures,
    }
}

/// A service agency named as joint applicant in more of a round's dossiers
/// than the programme allows: every dossier involved, with the others named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyClash {
    /// The sheet whose `agency_limit` applies.
    pub sheet: String,
    pub credit_code: String,
    pub name: String,
    pub limit: u32,
    /// The dossiers naming the agency, by id.
    pub dossiers: Vec<String>,
}

/// The agencies over the limit of any of `sheets` across the round's dossiers.
pub fn agency_clashes(dossiers: &[Dossier], sheets: &[&Sheet]) -> Vec<AgencyClash> {
    use super::dossier::ApplicantKind;
    let Some((limit, sheet)) = sheets
        .iter()
        .filter_map(|s| Some((s.agency_limit?, s.id.clone())))
        .min()
    else {
        return Vec::new();
    };
    let mut by_code: std::collections::BTreeMap<&str, (&str, Vec<String>)> =
        std::collections::BTreeMap::new();
    for d in dossiers {
        for j in d
            .joint
            .iter()
            .filter(|j| j.kind == ApplicantKind::ServiceAgency)
        {
            let e = by_code
                .entry(j.credit_code.as_str())
                .or_insert((j.name.as_str(), Vec::new()));
            if !e.1.contains(&d.id) {
                e.1.push(d.id.clone());
            }
        }
    }
    by_code
        .into_iter()
        .filter(|(_, (_, ds))| ds.len() > limit as usize)
        .map(|(code, (name, mut ds))| {
            ds.sort();
            AgencyClash {
                sheet: sheet.clone(),
                credit_code: code.to_string(),
                name: name.to_string(),
                limit,
                dossiers: ds,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Points;
    use crate::domain::dossier::ApplicantKind;
    use crate::domain::fixtures::{date, dossier, sheet};
    use crate::domain::rules::{Cond, Expr};
    use crate::domain::sheet::EligibilityRule;

    fn rule(id: &str, title: &str, when: Option<Cond>, require: Cond) -> EligibilityRule {
        EligibilityRule {
            id: id.into(),
            title: title.into(),
            when,
            require,
        }
    }

    /// Chongqing: enterprises need ≥ 30 valid patents and ≥ 2 related inventions,
    /// a PCT application in national phase counting as half an invention.
    fn chongqing() -> Sheet {
        let mut s = sheet(&[("S1", &[("a", 10)])], &[]);
        let enterprise = || Some(Cond::ApplicantIs(vec![ApplicantKind::Enterprise]));
        s.eligibility = vec![
            rule(
                "valid",
                "企业有效专利30件以上",
                enterprise(),
                Cond::AtLeast(Expr::Fact("patents.valid".into()), Points::whole(30)),
            ),
            rule(
                "related",
                "相关有效发明专利不少于2件（PCT国家阶段按1:2抵算）",
                enterprise(),
                Cond::AtLeast(
                    Expr::Sum(vec![
                        Expr::Fact("patents.related_invention".into()),
                        Expr::Scale(
                            Box::new(Expr::Fact("patents.pct.national_phase".into())),
                            Points::from_hundredths(50),
                        ),
                    ]),
                    Points::whole(2),
                ),
            ),
            rule(
                "blacklist",
                "不属于失信联合惩戒对象",
                None,
                Cond::Not(Box::new(Cond::Flag("flags.credit_blacklist".into()))),
            ),
        ];
        s
    }

    #[test]
    fn eligible_dossier_has_no_failures() {
        let mut d = dossier("D1");
        d.patents.invention.valid = 30;
        d.patents.related_invention = 1;
        d.patents.pct.national_phase = 2; // 1 + 2 × ½ = 2
        let r = review(&d, date(2024, 6, 1), &[&chongqing()]);
        assert!(r.eligible(), "{r:?}");
    }

    #[test]
    fn each_failure_names_its_rule() {
        let mut d = dossier("D1");
        d.patents.invention.valid = 29;
        d.patents.related_invention = 1;
        d.patents.pct.national_phase = 1; // 1.5 < 2
        d.flags.credit_blacklist = true;
        let r = review(&d, date(2024, 6, 1), &[&chongqing()]);
        let titles: Vec<_> = r.failures.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(titles, ["valid", "related", "blacklist"]);
        assert_eq!(r.failures[0].why, Why::Rule("企业有效专利30件以上".into()));
        assert!(!r.eligible());
    }

    #[test]
    fn when_limits_a_rule_to_some_applicants() {
        let mut d = dossier("U1");
        d.applicant.kind = ApplicantKind::University;
        let r = review(&d, date(2024, 6, 1), &[&chongqing()]);
        assert!(r.eligible(), "{r:?}");
    }

    #[test]
    fn separate_eligibility_sheet_and_joint_limit() {
        let mut scoring = sheet(&[("S1", &[("a", 10)])], &[]);
        scoring.joint_limit = Some(0);
        let mut extra = sheet(&[], &[]);
        extra.id = "elig".into();
        extra.eligibility = vec![rule(
            "years",
            "注册满3年",
            None,
            Cond::AtLeast(Expr::Fact("years_registered".into()), Points::whole(3)),
        )];
        let mut d = dossier("D1");
        d.applicant.registered = date(2022, 6, 2);
        d.joint.push(crate::domain::fixtures::joint("甲大学"));
        let r = review(&d, date(2025, 6, 1), &[&scoring, &extra]);
        let got: Vec<_> = r
            .failures
            .iter()
            .map(|f| (f.sheet.as_str(), f.rule.as_str()))
            .collect();
        assert_eq!(got, [("t", "joint_limit"), ("elig", "years")]);
        // one day later the applicant has its three years
        assert_eq!(review(&d, date(2025, 6, 2), &[&extra]).failures, []);
    }
}
