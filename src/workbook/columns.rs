//! The workbook's layout: its sheets and their columns, each with its heading,
//! unit, whether it is required, and the dossier field it holds. One list,
//! read by the template, the export and the import alike.

use chrono::NaiveDate;

use super::cell::{Kind, Value};
use crate::domain::Points;
use crate::domain::dossier::{Applicant, ApplicantKind, Dossier};

/// One column of a sheet.
pub struct Column {
    /// The dossier field, as the domain names its place (`patents.invention.valid`).
    pub key: &'static str,
    pub heading: &'static str,
    /// 件, 万元, 人 — or empty.
    pub unit: &'static str,
    pub kind: Kind,
    pub required: bool,
}

/// One sheet of the workbook.
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// The column widths people need, in characters.
    pub widths: &'static [(usize, f64)],
}

impl Table {
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}

/// Headings a sheet may carry beyond its own, which the import passes over.
pub const IGNORED: &[&str] = &["序号", "备注"];

const fn col(
    key: &'static str,
    heading: &'static str,
    unit: &'static str,
    kind: Kind,
    required: bool,
) -> Column {
    Column {
        key,
        heading,
        unit,
        kind,
        required,
    }
}

const fn count(key: &'static str, heading: &'static str, unit: &'static str) -> Column {
    col(key, heading, unit, Kind::Whole, false)
}

const fn yes_no(key: &'static str, heading: &'static str) -> Column {
    col(key, heading, "是/否", Kind::YesNo, false)
}

/// The dossier id column every sheet starts with.
pub const ID: &str = "id";

pub const APPLICANTS: Table = Table {
    name: "申报单位",
    columns: &[
        col(ID, "申报编号", "", Kind::Id, true),
        col("applicant.name", "申报单位名称", "", Kind::Text, true),
        col(
            "applicant.credit_code",
            "统一社会信用代码",
            "",
            Kind::Code,
            true,
        ),
        col("applicant.kind", "单位类型", "", Kind::Organisation, true),
        col("applicant.registered", "注册日期", "日期", Kind::Date, true),
        col("applicant.region", "注册地", "", Kind::Text, false),
        yes_no("applicant.high_tech", "高新技术/知识产权优势企业"),
        col("field", "技术领域", "", Kind::Text, false),
        col("summary", "工作基础", "", Kind::Text, false),
        count("patents.invention.filed", "发明专利申请", "件"),
        count("patents.invention.granted", "发明专利授权", "件"),
        count("patents.invention.valid", "有效发明专利", "件"),
        count("patents.utility.filed", "实用新型申请", "件"),
        count("patents.utility.granted", "实用新型授权", "件"),
        count("patents.utility.valid", "有效实用新型", "件"),
        count("patents.design.filed", "外观设计申请", "件"),
        count("patents.design.granted", "外观设计授权", "件"),
        count("patents.design.valid", "有效外观设计", "件"),
        count("patents.pct.filed", "PCT申请", "件"),
        count("patents.pct.granted", "PCT授权", "件"),
        count("patents.pct.valid", "PCT有效", "件"),
        count("patents.pct.national_phase", "PCT进入国家阶段", "件"),
        count("patents.pct.countries", "PCT指定国", "个"),
        count(
            "patents.high_value.strategic_industry",
            "高价值：战略性新兴产业",
            "件",
        ),
        count(
            "patents.high_value.overseas_family",
            "高价值：有海外同族",
            "件",
        ),
        count(
            "patents.high_value.maintained_10_years",
            "高价值：维持10年以上",
            "件",
        ),
        count("patents.high_value.pledged", "高价值：质押融资", "件"),
        count("patents.high_value.awarded", "高价值：获奖", "件"),
        count("patents.high_value.total", "高价值发明专利", "件"),
        count("patents.related_invention", "相关领域有效发明专利", "件"),
        count("staff.total", "从业人员", "人"),
        count("staff.ip_full_time", "专职知识产权人员", "人"),
        count("staff.field_specialists", "相关领域代理/检索人员", "人"),
        yes_no("management.patent_system", "建立专利管理制度"),
        yes_no("management.patent_database", "建立专利数据库"),
        yes_no("management.pledge_financing", "开展专利质押融资"),
        yes_no("management.patent_strategy", "制定专利战略"),
        yes_no("flags.previously_recognised", "已认定为培育中心"),
        yes_no("flags.affiliate_of_recognised", "已认定单位的关联公司"),
        yes_no("flags.unfinished_project", "有未结题的往年项目"),
        yes_no("flags.credit_blacklist", "失信联合惩戒对象"),
        yes_no("flags.ip_agency_scope", "经营范围涉及知识产权代理"),
        yes_no("flags.abnormal_filings", "有非正常专利申请"),
        yes_no("flags.independent_legal_entity", "独立法人"),
        yes_no("flags.in_region", "在本地区注册"),
        col("affiliate_of", "关联公司信用代码", "", Kind::Codes, false),
    ],
    widths: &[
        (0, 14.0),
        (1, 34.0),
        (2, 22.0),
        (3, 16.0),
        (4, 12.0),
        (8, 40.0),
    ],
};

pub const JOINT: Table = Table {
    name: "联合申报单位",
    columns: &[
        col(ID, "申报编号", "", Kind::Id, true),
        col("name", "联合单位名称", "", Kind::Text, true),
        col("credit_code", "统一社会信用代码", "", Kind::Code, true),
        col("kind", "单位类型", "", Kind::Organisation, true),
        col("role", "承担角色", "", Kind::Text, true),
        // The partner's own facts, where a programme sets conditions on its
        // partners (Chongqing 二(三), Xinyang 四(一)3); empty where it does not.
        col("in_region", "注册在本地区", "是/否", Kind::YesNo, false),
        col("staff", "从业人员", "人", Kind::Whole, false),
        col(
            "field_staff",
            "本领域专利代理及检索人员",
            "人",
            Kind::Whole,
            false,
        ),
        col(
            "revenue",
            "上年知识产权服务收入",
            "万元",
            Kind::Amount,
            false,
        ),
    ],
    widths: &[
        (0, 14.0),
        (1, 34.0),
        (2, 22.0),
        (3, 16.0),
        (4, 30.0),
        (5, 14.0),
        (6, 12.0),
        (7, 16.0),
        (8, 16.0),
    ],
};

pub const TARGETS: Table = Table {
    name: "建设指标",
    columns: &[
        col(ID, "申报编号", "", Kind::Id, true),
        col("indicator", "指标编号", "", Kind::Id, true),
        col("target", "目标值", "", Kind::Amount, true),
        col("achieved", "完成值", "", Kind::Amount, false),
    ],
    widths: &[(0, 14.0), (1, 12.0)],
};

pub const FINANCES: Table = Table {
    name: "财务数据",
    columns: &[
        col(ID, "申报编号", "", Kind::Id, true),
        col("year", "年度", "", Kind::Whole, true),
        col("sales", "销售收入", "万元", Kind::Amount, true),
        col("rd_spend", "研发投入", "万元", Kind::Amount, true),
        col("ip_funding", "知识产权经费", "万元", Kind::Amount, true),
        col(
            "ip_service_revenue",
            "知识产权服务收入",
            "万元",
            Kind::Amount,
            false,
        ),
    ],
    widths: &[(0, 14.0), (2, 14.0), (3, 14.0), (4, 14.0), (5, 16.0)],
};

pub const ATTACHMENTS: Table = Table {
    name: "附件",
    columns: &[
        col(ID, "申报编号", "", Kind::Id, true),
        col("name", "文件名", "", Kind::Text, true),
        col("sha256", "SHA-256", "", Kind::Id, true),
    ],
    widths: &[(0, 14.0), (1, 36.0), (2, 68.0)],
};

/// Every sheet, in the workbook's order.
pub const TABLES: [&Table; 5] = [&APPLICANTS, &JOINT, &TARGETS, &FINANCES, &ATTACHMENTS];

/// A dossier with nothing filled in, for the import to fill.
pub fn blank() -> Dossier {
    Dossier {
        id: String::new(),
        applicant: Applicant {
            name: String::new(),
            credit_code: String::new(),
            kind: ApplicantKind::Enterprise,
            registered: NaiveDate::MIN,
            region: String::new(),
            high_tech: false,
        },
        joint: Vec::new(),
        field: String::new(),
        summary: String::new(),
        patents: Default::default(),
        finances: Vec::new(),
        staff: Default::default(),
        management: Default::default(),
        flags: Default::default(),
        targets: Vec::new(),
        attachments: Vec::new(),
        affiliate_of: Vec::new(),
    }
}

/// A field of the applicants sheet as a cell value; `None` for an empty cell.
pub fn get(d: &Dossier, key: &str) -> Option<Value> {
    if let Some(n) = whole_field(d, key) {
        return Some(Value::Whole(n));
    }
    if let Some(b) = bool_field(d, key) {
        return b.map(Value::Bool);
    }
    let text = |s: &str| (!s.is_empty()).then(|| Value::Text(s.to_string()));
    let a = &d.applicant;
    match key {
        ID => text(&d.id),
        "applicant.name" => text(&a.name),
        "applicant.credit_code" => text(&a.credit_code),
        "applicant.kind" => Some(Value::Kind(a.kind)),
        "applicant.registered" => Some(Value::Date(a.registered)),
        "applicant.region" => text(&a.region),
        "field" => text(&d.field),
        "summary" => text(&d.summary),
        "affiliate_of" => {
            (!d.affiliate_of.is_empty()).then(|| Value::Codes(d.affiliate_of.clone()))
        }
        _ => None,
    }
}

/// Sets a field of the applicants sheet from a cell's value.
pub fn set(d: &mut Dossier, key: &str, v: Value) {
    match v {
        Value::Whole(n) => {
            if let Some(f) = whole_mut(d, key) {
                *f = n;
            }
        }
        Value::Bool(b) => set_bool(d, key, b),
        Value::Text(s) => match key {
            ID => d.id = s,
            "applicant.name" => d.applicant.name = s,
            "applicant.credit_code" => d.applicant.credit_code = s,
            "applicant.region" => d.applicant.region = s,
            "field" => d.field = s,
            "summary" => d.summary = s,
            _ => {}
        },
        Value::Kind(k) => d.applicant.kind = k,
        Value::Date(day) => d.applicant.registered = day,
        Value::Codes(c) => d.affiliate_of = c,
        Value::Amount(_) => {}
    }
}

/// The whole-number fields of the applicants sheet, read and written by key.
macro_rules! wholes {
    ($($key:literal => $($f:ident).+,)*) => {
        fn whole_field(d: &Dossier, key: &str) -> Option<u32> {
            Some(match key {
                $($key => d.$($f).+,)*
                _ => return None,
            })
        }

        fn whole_mut<'a>(d: &'a mut Dossier, key: &str) -> Option<&'a mut u32> {
            Some(match key {
                $($key => &mut d.$($f).+,)*
                _ => return None,
            })
        }
    };
}

wholes! {
    "patents.invention.filed" => patents.invention.filed,
    "patents.invention.granted" => patents.invention.granted,
    "patents.invention.valid" => patents.invention.valid,
    "patents.utility.filed" => patents.utility.filed,
    "patents.utility.granted" => patents.utility.granted,
    "patents.utility.valid" => patents.utility.valid,
    "patents.design.filed" => patents.design.filed,
    "patents.design.granted" => patents.design.granted,
    "patents.design.valid" => patents.design.valid,
    "patents.pct.filed" => patents.pct.filed,
    "patents.pct.granted" => patents.pct.granted,
    "patents.pct.valid" => patents.pct.valid,
    "patents.pct.national_phase" => patents.pct.national_phase,
    "patents.pct.countries" => patents.pct.countries,
    "patents.high_value.strategic_industry" => patents.high_value.strategic_industry,
    "patents.high_value.overseas_family" => patents.high_value.overseas_family,
    "patents.high_value.maintained_10_years" => patents.high_value.maintained_10_years,
    "patents.high_value.pledged" => patents.high_value.pledged,
    "patents.high_value.awarded" => patents.high_value.awarded,
    "patents.high_value.total" => patents.high_value.total,
    "patents.related_invention" => patents.related_invention,
    "staff.total" => staff.total,
    "staff.ip_full_time" => staff.ip_full_time,
    "staff.field_specialists" => staff.field_specialists,
}

/// A yes/no field: `Some(None)` for an optional declaration left empty.
fn bool_field(d: &Dossier, key: &str) -> Option<Option<bool>> {
    let (m, f) = (&d.management, &d.flags);
    Some(Some(match key {
        "applicant.high_tech" => d.applicant.high_tech,
        "management.patent_system" => m.patent_system,
        "management.patent_database" => m.patent_database,
        "management.pledge_financing" => m.pledge_financing,
        "management.patent_strategy" => m.patent_strategy,
        "flags.previously_recognised" => f.previously_recognised,
        "flags.affiliate_of_recognised" => f.affiliate_of_recognised,
        "flags.unfinished_project" => f.unfinished_project,
        "flags.credit_blacklist" => f.credit_blacklist,
        "flags.ip_agency_scope" => f.ip_agency_scope,
        "flags.abnormal_filings" => f.abnormal_filings,
        "flags.independent_legal_entity" => return Some(f.independent_legal_entity),
        "flags.in_region" => return Some(f.in_region),
        _ => return None,
    }))
}

fn set_bool(d: &mut Dossier, key: &str, b: bool) {
    let (m, f) = (&mut d.management, &mut d.flags);
    let slot = match key {
        "applicant.high_tech" => &mut d.applicant.high_tech,
        "management.patent_system" => &mut m.patent_system,
        "management.patent_database" => &mut m.patent_database,
        "management.pledge_financing" => &mut m.pledge_financing,
        "management.patent_strategy" => &mut m.patent_strategy,
        "flags.previously_recognised" => &mut f.previously_recognised,
        "flags.affiliate_of_recognised" => &mut f.affiliate_of_recognised,
        "flags.unfinished_project" => &mut f.unfinished_project,
        "flags.credit_blacklist" => &mut f.credit_blacklist,
        "flags.ip_agency_scope" => &mut f.ip_agency_scope,
        "flags.abnormal_filings" => &mut f.abnormal_filings,
        "flags.independent_legal_entity" => {
            f.independent_legal_entity = Some(b);
            return;
        }
        "flags.in_region" => {
            f.in_region = Some(b);
            return;
        }
        _ => return,
    };
    *slot = b;
}

/// The applicants-sheet columns a rule's fact or flag reads: most facts are
/// one field, a few are sums or read other sheets.
pub fn columns_of(fact: &str) -> Vec<(&'static Table, &'static str)> {
    let a = |k: &'static str| (&APPLICANTS, k);
    let f = |k: &'static str| (&FINANCES, k);
    match fact {
        "patents.valid" => vec![
            a("patents.invention.valid"),
            a("patents.utility.valid"),
            a("patents.design.valid"),
        ],
        "patents.high_value" => vec![a("patents.high_value.total")],
        "years_registered" => vec![a("applicant.registered")],
        "sales.last3.min" | "sales.last" => vec![f("sales")],
        "ip_funding.last" => vec![f("ip_funding")],
        "ip_service_revenue.last" => vec![f("ip_service_revenue")],
        "joint.count" | "joint.universities" | "joint.agencies" => {
            vec![(&JOINT, "kind")]
        }
        other => APPLICANTS
            .columns
            .iter()
            .filter(|c| c.key == other)
            .map(|c| a(c.key))
            .collect(),
    }
}

/// An amount as a number a spreadsheet holds.
pub fn number(p: Points) -> f64 {
    p.hundredths() as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_applicant_column_reads_and_writes_its_field() {
        let mut d = blank();
        for (k, c) in APPLICANTS.columns.iter().enumerate() {
            let v = match c.kind {
                Kind::Whole => Value::Whole(k as u32 + 1),
                Kind::YesNo => Value::Bool(true),
                Kind::Date => Value::Date(NaiveDate::from_ymd_opt(2016, 4, 1).unwrap()),
                Kind::Organisation => Value::Kind(ApplicantKind::Institute),
                Kind::Codes => Value::Codes(vec![format!("C{k}")]),
                Kind::Amount => continue,
                Kind::Text | Kind::Id | Kind::Code => Value::Text(format!("t{k}")),
            };
            set(&mut d, c.key, v.clone());
            assert_eq!(get(&d, c.key), Some(v), "{}", c.key);
        }
    }

    #[test]
    fn rule_facts_point_at_columns() {
        assert_eq!(columns_of("patents.valid").len(), 3);
        assert_eq!(
            columns_of("flags.credit_blacklist")[0].1,
            "flags.credit_blacklist"
        );
        assert_eq!(columns_of("sales.last3.min")[0].0.name, "财务数据");
        assert!(columns_of("no.such.fact").is_empty());
    }
}
