//! What `check` says of a valid file, in both languages.

use crate::domain::Points;
use crate::lang::Say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Summary {
    Sheet {
        id: String,
        sections: usize,
        items: usize,
        indicators: usize,
        rules: usize,
        total: Points,
    },
    Dossier {
        id: String,
        applicant: String,
        joint: usize,
    },
    /// A round, or the round a package holds with its fingerprint.
    Round {
        id: String,
        sheet: String,
        dossiers: usize,
        experts: usize,
        package: Option<String>,
    },
    Calendar {
        id: String,
        first: i32,
        last: i32,
        holidays: usize,
        workdays: usize,
    },
}

impl Say for Summary {
    fn zh(&self) -> String {
        match self {
            Summary::Sheet {
                id,
                sections,
                items,
                indicators,
                rules,
                total,
            } => format!(
                "评分表 {id}，{sections} 个一级指标，{items} 个评分项，{indicators} 个建设指标，{rules} 条资格规则，满分 {total}"
            ),
            Summary::Dossier {
                id,
                applicant,
                joint,
            } => format!("申报书 {id}，{applicant}，联合申报单位 {joint} 家"),
            Summary::Round {
                id,
                sheet,
                dossiers,
                experts,
                package: None,
            } => format!("评审轮次 {id}，评分表 {sheet}，申报书 {dossiers} 份，专家 {experts} 位"),
            Summary::Round {
                id,
                sheet,
                dossiers,
                experts,
                package: Some(fp),
            } => format!(
                "评审包 {id}，评分表 {sheet}，申报书 {dossiers} 份，专家 {experts} 位，指纹 {fp}"
            ),
            Summary::Calendar {
                id,
                first,
                last,
                holidays,
                workdays,
            } => format!(
                "节假日日历 {id}，{first}–{last} 年，{holidays} 个假期，{workdays} 个调休上班日"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Summary::Sheet {
                id,
                sections,
                items,
                indicators,
                rules,
                total,
            } => format!(
                "sheet {id}, {sections} sections, {items} items, {indicators} indicators, {rules} eligibility rules, total {total}"
            ),
            Summary::Dossier {
                id,
                applicant,
                joint,
            } => format!("dossier {id}, {applicant}, {joint} joint applicants"),
            Summary::Round {
                id,
                sheet,
                dossiers,
                experts,
                package: None,
            } => format!("round {id}, sheet {sheet}, {dossiers} dossiers, {experts} experts"),
            Summary::Round {
                id,
                sheet,
                dossiers,
                experts,
                package: Some(fp),
            } => format!(
                "round package {id}, sheet {sheet}, {dossiers} dossiers, {experts} experts, fingerprint {fp}"
            ),
            Summary::Calendar {
                id,
                first,
                last,
                holidays,
                workdays,
            } => format!(
                "calendar {id}, {first}–{last}, {holidays} holidays, {workdays} make-up working days"
            ),
        }
    }
}
