//! An applicant's dossier (申报书): who applies, with whom, their patents,
//! finances, declarations, construction targets and attachments.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::invalid::{Problem, Problems};
use super::{Invalid, Path, Points, Ratio, credit_code};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    pub id: String,
    pub applicant: Applicant,
    #[serde(default)]
    pub joint: Vec<JointApplicant>,
    /// The field of technology, as the applicant names it.
    #[serde(default)]
    pub field: String,
    /// 工作基础: the applicant's own summary.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub patents: Patents,
    #[serde(default)]
    pub finances: Vec<YearFinances>,
    #[serde(default)]
    pub staff: Staff,
    #[serde(default)]
    pub management: Management,
    #[serde(default)]
    pub flags: Flags,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Credit codes of the companies the applicant declares itself an affiliate
    /// (关联公司) of; a recognised centre's affiliates may not apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliate_of: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    pub name: String,
    pub credit_code: String,
    pub kind: ApplicantKind,
    pub registered: NaiveDate,
    #[serde(default)]
    pub region: String,
    /// High-tech enterprise (高新技术企业) or IP-advantage enterprise.
    #[serde(default)]
    pub high_tech: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicantKind {
    Enterprise,
    University,
    Institute,
    ServiceAgency,
}

impl ApplicantKind {
    pub fn zh(self) -> &'static str {
        match self {
            ApplicantKind::Enterprise => "企业",
            ApplicantKind::University => "高等院校",
            ApplicantKind::Institute => "科研院所",
            ApplicantKind::ServiceAgency => "知识产权服务机构",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JointApplicant {
    pub name: String,
    pub credit_code: String,
    pub kind: ApplicantKind,
    /// What the partner does in the centre, e.g. 技术支撑 or 专利服务.
    pub role: String,
}

/// Filed / granted / valid, as on the Guangxi application form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub filed: u32,
    pub granted: u32,
    pub valid: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pct {
    pub filed: u32,
    pub granted: u32,
    pub valid: u32,
    /// Applications that entered a national phase (count 1:2 as invention patents).
    #[serde(default)]
    pub national_phase: u32,
    pub countries: u32,
}

/// Valid invention patents by the five high-value categories (a patent may be in several).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighValue {
    pub strategic_industry: u32,
    pub overseas_family: u32,
    pub maintained_10_years: u32,
    pub pledged: u32,
    pub awarded: u32,
    /// Distinct patents in at least one category.
    pub total: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patents {
    pub invention: Counts,
    pub utility: Counts,
    pub design: Counts,
    pub pct: Pct,
    #[serde(default)]
    pub high_value: HighValue,
    /// Valid invention patents related to the field of the application.
    #[serde(default)]
    pub related_invention: u32,
}

/// One year's figures, in 万元.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearFinances {
    pub year: i32,
    pub sales: Points,
    pub rd_spend: Points,
    pub ip_funding: Points,
    /// Revenue from IP services, for service agencies.
    #[serde(default)]
    pub ip_service_revenue: Points,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    pub total: u32,
    pub ip_full_time: u32,
    /// Patent attorneys and search analysts in the field (service agencies).
    #[serde(default)]
    pub field_specialists: u32,
}

/// The four yes/no items of the Guangxi form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Management {
    pub patent_system: bool,
    pub patent_database: bool,
    pub pledge_financing: bool,
    pub patent_strategy: bool,
}

/// Declarations that bar or qualify an applicant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flags {
    pub previously_recognised: bool,
    pub affiliate_of_recognised: bool,
    pub unfinished_project: bool,
    pub credit_blacklist: bool,
    pub ip_agency_scope: bool,
    pub abnormal_filings: bool,
    #[serde(default)]
    pub independent_legal_entity: Option<bool>,
    #[serde(default)]
    pub in_region: Option<bool>,
}

/// A construction target and, once known, what was achieved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub indicator: String,
    pub target: Points,
    #[serde(default)]
    pub achieved: Option<Points>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub name: String,
    pub sha256: String,
}

/// The numeric facts rules may name, with their Chinese labels.
pub const FACTS: &[(&str, &str)] = &[
    ("patents.valid", "有效专利总数"),
    ("patents.invention.filed", "发明专利申请"),
    ("patents.invention.granted", "发明专利授权"),
    ("patents.invention.valid", "有效发明专利"),
    ("patents.utility.valid", "有效实用新型"),
    ("patents.design.valid", "有效外观设计"),
    ("patents.pct.filed", "PCT申请"),
    ("patents.pct.valid", "PCT有效"),
    ("patents.pct.national_phase", "进入国家阶段的PCT申请"),
    ("patents.pct.countries", "PCT指定国"),
    ("patents.related_invention", "相关领域有效发明专利"),
    ("patents.high_value", "高价值发明专利"),
    ("joint.count", "联合申报单位数"),
    ("joint.universities", "联合高校/科研院所数"),
    ("joint.agencies", "联合服务机构数"),
    ("years_registered", "注册年限"),
    ("sales.last3.min", "近三年最低年销售收入(万元)"),
    ("sales.last", "上年度销售收入(万元)"),
    ("ip_funding.last", "上年度知识产权经费(万元)"),
    ("ip_service_revenue.last", "上年度知识产权服务收入(万元)"),
    ("staff.total", "从业人员"),
    ("staff.ip_full_time", "专职知识产权人员"),
    ("staff.field_specialists", "相关领域代理/检索人员"),
];

/// The yes/no facts rules may name.
pub const FLAGS: &[(&str, &str)] = &[
    ("flags.previously_recognised", "已认定为培育中心"),
    ("flags.affiliate_of_recognised", "已认定单位的关联公司"),
    ("flags.unfinished_project", "有未结题的往年项目"),
    ("flags.credit_blacklist", "失信联合惩戒对象"),
    ("flags.ip_agency_scope", "经营范围涉及知识产权代理"),
    ("flags.abnormal_filings", "有非正常专利申请"),
    ("flags.independent_legal_entity", "独立法人"),
    ("flags.in_region", "在本地区注册"),
    ("applicant.high_tech", "高新技术/知识产权优势企业"),
    ("management.patent_system", "建立专利管理制度"),
    ("management.patent_database", "建立专利数据库"),
    ("management.pledge_financing", "开展专利质押融资"),
    ("management.patent_strategy", "制定专利战略"),
];

impl Dossier {
    /// A numeric fact, as of `on` (the round's date, for ages).
    pub fn number(&self, name: &str, on: NaiveDate) -> Option<Ratio> {
        let p = &self.patents;
        let n = |v: u32| Some(Ratio::int(v as i128));
        let joint =
            |k: &[ApplicantKind]| self.joint.iter().filter(|j| k.contains(&j.kind)).count() as u32;
        let last = self.finances.iter().max_by_key(|f| f.year);
        match name {
            "patents.valid" => n(p.invention.valid + p.utility.valid + p.design.valid),
            "patents.invention.filed" => n(p.invention.filed),
            "patents.invention.granted" => n(p.invention.granted),
            "patents.invention.valid" => n(p.invention.valid),
            "patents.utility.valid" => n(p.utility.valid),
            "patents.design.valid" => n(p.design.valid),
            "patents.pct.filed" => n(p.pct.filed),
            "patents.pct.valid" => n(p.pct.valid),
            "patents.pct.national_phase" => n(p.pct.national_phase),
            "patents.pct.countries" => n(p.pct.countries),
            "patents.related_invention" => n(p.related_invention),
            "patents.high_value" => n(p.high_value.total),
            "joint.count" => n(self.joint.len() as u32),
            "joint.universities" => n(joint(&[
                ApplicantKind::University,
                ApplicantKind::Institute,
            ])),
            "joint.agencies" => n(joint(&[ApplicantKind::ServiceAgency])),
            "years_registered" => n(full_years(self.applicant.registered, on)),
            "sales.last3.min" => {
                let mut years: Vec<_> = self.finances.iter().collect();
                years.sort_by_key(|f| std::cmp::Reverse(f.year));
                let last3 = &years[..years.len().min(3)];
                if last3.len() < 3 {
                    return Some(Ratio::ZERO);
                }
                last3.iter().map(|f| Ratio::from_points(f.sales)).min()
            }
            "sales.last" => Some(last.map_or(Ratio::ZERO, |f| Ratio::from_points(f.sales))),
            "ip_funding.last" => {
                Some(last.map_or(Ratio::ZERO, |f| Ratio::from_points(f.ip_funding)))
            }
            "ip_service_revenue.last" => {
                Some(last.map_or(Ratio::ZERO, |f| Ratio::from_points(f.ip_service_revenue)))
            }
            "staff.total" => n(self.staff.total),
            "staff.ip_full_time" => n(self.staff.ip_full_time),
            "staff.field_specialists" => n(self.staff.field_specialists),
            _ => None,
        }
    }

    /// A yes/no fact. Unset optional declarations count as yes (the applicant's
    /// signed commitment covers them).
    pub fn flag(&self, name: &str) -> Option<bool> {
        let f = &self.flags;
        let m = &self.management;
        Some(match name {
            "flags.previously_recognised" => f.previously_recognised,
            "flags.affiliate_of_recognised" => f.affiliate_of_recognised,
            "flags.unfinished_project" => f.unfinished_project,
            "flags.credit_blacklist" => f.credit_blacklist,
            "flags.ip_agency_scope" => f.ip_agency_scope,
            "flags.abnormal_filings" => f.abnormal_filings,
            "flags.independent_legal_entity" => f.independent_legal_entity.unwrap_or(true),
            "flags.in_region" => f.in_region.unwrap_or(true),
            "applicant.high_tech" => self.applicant.high_tech,
            "management.patent_system" => m.patent_system,
            "management.patent_database" => m.patent_database,
            "management.pledge_financing" => m.pledge_financing,
            "management.patent_strategy" => m.patent_strategy,
            _ => return None,
        })
    }

    /// The applicant's declared achievement for an indicator, if any.
    pub fn achieved(&self, indicator: &str) -> Option<Points> {
        self.targets
            .iter()
            .find(|t| t.indicator == indicator)
            .and_then(|t| t.achieved)
    }

    /// Rules a dossier keeps on its own, whatever the programme.
    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut p = Problems::default();
        let root = Path::root();
        if self.id.trim().is_empty() {
            p.push(root.field("id"), Problem::EmptyDossierId);
        }
        if self.applicant.name.trim().is_empty() {
            p.push(
                root.field("applicant").field("name"),
                Problem::EmptyApplicant,
            );
        }
        if let Some(m) = credit_code::problem(&self.applicant.credit_code) {
            p.push(root.field("applicant").field("credit_code"), m);
        }
        for (k, j) in self.joint.iter().enumerate() {
            if let Some(m) = credit_code::problem(&j.credit_code) {
                p.push(root.field("joint").index(k).field("credit_code"), m);
            }
            if j.credit_code == self.applicant.credit_code {
                p.push(root.field("joint").index(k), Problem::JointIsLead);
            }
        }
        for (k, code) in self.affiliate_of.iter().enumerate() {
            let at = root.field("affiliate_of").index(k);
            if let Some(m) = credit_code::problem(code) {
                p.push(at, m);
            } else if code == &self.applicant.credit_code {
                p.push(at, Problem::SelfAffiliate);
            }
        }
        let pc = &self.patents;
        for (name, c) in [
            ("invention", pc.invention),
            ("utility", pc.utility),
            ("design", pc.design),
        ] {
            if c.granted > c.filed {
                let at = root.field("patents").field(name).field("granted");
                p.push(
                    at,
                    Problem::GrantedOverFiled {
                        kind: name,
                        granted: c.granted,
                        filed: c.filed,
                    },
                );
            }
        }
        if pc.high_value.total > pc.invention.valid {
            let at = root.field("patents").field("high_value").field("total");
            p.push(
                at,
                Problem::HighValueOverValid {
                    high: pc.high_value.total,
                    valid: pc.invention.valid,
                },
            );
        }
        let mut years = std::collections::HashSet::new();
        for (k, f) in self.finances.iter().enumerate() {
            if !years.insert(f.year) {
                p.push(
                    root.field("finances").index(k).field("year"),
                    Problem::YearTwice { year: f.year },
                );
            }
        }
        for (k, a) in self.attachments.iter().enumerate() {
            if a.sha256.len() != 64 || !a.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                let at = root.field("attachments").index(k).field("sha256");
                p.push(
                    at,
                    Problem::BadSha {
                        name: a.name.clone(),
                    },
                );
            }
        }
        p.into_result()
    }
}

/// Whole years from `from` to `to`.
pub fn full_years(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    let mut y = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        y -= 1;
    }
    y.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_years_count_birthdays() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(full_years(d(2021, 6, 1), d(2024, 5, 31)), 2);
        assert_eq!(full_years(d(2021, 6, 1), d(2024, 6, 1)), 3);
        assert_eq!(full_years(d(2030, 1, 1), d(2024, 6, 1)), 0);
    }
}
