//! What a document breaks, as a typed value said in either language: the
//! rules of sheets, dossiers, rounds and calendars, and of a round's files
//! taken together.

use std::fmt;

use chrono::{NaiveDate, Weekday};

use super::Points;
use crate::lang::Say;

/// One rule a sheet, dossier, round or calendar breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // Sheets.
    DuplicateId {
        id: String,
    },
    EmptySection {
        section: String,
    },
    TotalMismatch {
        sum: Points,
        total: Points,
    },
    PassLineOutside {
        min: Points,
        total: Points,
    },
    TieBreakUnknown {
        section: String,
    },
    TrimmedPanel {
        min_panel: u32,
    },
    ItemPercent {
        percent: u32,
    },
    NothingToScore,
    DuplicateItem {
        id: String,
    },
    ZeroMax {
        item: String,
    },
    StepNotDividing {
        step: Points,
        max: Points,
        item: String,
    },
    BandOutside {
        from: Points,
        to: Points,
        max: Points,
    },
    UnknownFact {
        name: String,
    },
    UnknownFlag {
        name: String,
    },
    UnknownIndicator {
        name: String,
    },
    // Dossiers.
    EmptyDossierId,
    EmptyApplicant,
    CreditCode(CodeProblem),
    JointIsLead,
    SelfAffiliate,
    GrantedOverFiled {
        kind: &'static str,
        granted: u32,
        filed: u32,
    },
    HighValueOverValid {
        high: u32,
        valid: u32,
    },
    YearTwice {
        year: i32,
    },
    BadSha {
        name: String,
    },
    // Rounds.
    BadRoundId {
        id: String,
    },
    NoExperts,
    DuplicateExpert {
        id: String,
    },
    BadKey {
        key: String,
        expert: String,
    },
    NoPreliminary,
    BadYear {
        year: u8,
    },
    ZeroCap,
    ZeroRatio,
    ConflictExpert {
        expert: String,
    },
    ConflictNoReason,
    // Calendars.
    YearsReversed {
        first: i32,
        last: i32,
    },
    HolidayReversed {
        name: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    HolidayOutside {
        name: String,
        first: i32,
        last: i32,
    },
    NotWeekend {
        day: NaiveDate,
        weekday: Weekday,
    },
    HolidayAndWorkday {
        day: NaiveDate,
    },
    DayOutside {
        day: NaiveDate,
        first: i32,
        last: i32,
    },
    // A round's files together.
    DossierFolder {
        folder: String,
        why: String,
    },
    NoDossiers {
        folder: String,
    },
    DossierIdTwice {
        id: String,
        first: String,
    },
    ConflictDossier {
        dossier: String,
        folder: String,
    },
    MinScore {
        min: Points,
        total: Points,
    },
    JointLimit {
        count: usize,
        limit: u32,
        title: String,
        sheet: String,
    },
    UnknownTarget {
        indicator: String,
        sheet: String,
        known: Vec<String>,
    },
    /// Words without a type of their own, shown as they are.
    Text(String),
}

/// Why a unified social credit code is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    Length { code: String, n: usize },
    Character { code: String, c: char, at: usize },
    Check { code: String, got: char, want: char },
}

impl From<CodeProblem> for Problem {
    fn from(c: CodeProblem) -> Problem {
        Problem::CreditCode(c)
    }
}

impl From<String> for Problem {
    fn from(s: String) -> Problem {
        Problem::Text(s)
    }
}

impl From<&str> for Problem {
    fn from(s: &str) -> Problem {
        Problem::Text(s.to_string())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl fmt::Display for CodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl Say for CodeProblem {
    fn zh(&self) -> String {
        match self {
            CodeProblem::Length { code, n } => {
                format!("统一社会信用代码“{code}”有 {n} 位；统一社会信用代码应为 18 位")
            }
            CodeProblem::Character { code, c, at } => format!(
                "统一社会信用代码“{code}”第 {at} 位是“{c}”；只允许 0-9 和除 I、O、S、V、Z 以外的 A-Y"
            ),
            CodeProblem::Check { code, got, want } => {
                format!("统一社会信用代码“{code}”的校验位是“{got}”，但按前 17 位应为“{want}”")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            CodeProblem::Length { code, n } => {
                format!(
                    "credit code '{code}' has {n} characters; a unified social credit code has 18"
                )
            }
            CodeProblem::Character { code, c, at } => format!(
                "credit code '{code}' has '{c}' at position {at}; allowed are 0-9 and A-Y without I, O, S, V, Z"
            ),
            CodeProblem::Check { code, got, want } => format!(
                "credit code '{code}' has check character '{got}', but its first 17 characters give '{want}'"
            ),
        }
    }
}

fn kind_zh(kind: &str) -> &str {
    match kind {
        "invention" => "发明",
        "utility" => "实用新型",
        "design" => "外观设计",
        other => other,
    }
}

fn weekday_zh(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

impl Say for Problem {
    fn zh(&self) -> String {
        match self {
            Problem::DuplicateId { id } => format!("编号“{id}”重复"),
            Problem::EmptySection { section } => format!("一级指标“{section}”没有评分项"),
            Problem::TotalMismatch { sum, total } => {
                format!("各评分项满分合计 {sum}，但 total 是 {total}")
            }
            Problem::PassLineOutside { min, total } => {
                format!("及格线 {min} 超出 0..{total}（评分表满分）")
            }
            Problem::TieBreakUnknown { section } => {
                format!("tie_break 中的一级指标“{section}”不在评分表上")
            }
            Problem::TrimmedPanel { min_panel } => {
                format!("去掉最高最低分的平均至少需要 3 位专家，而不是 {min_panel} 位")
            }
            Problem::ItemPercent { percent } => {
                format!("item_percent 是 {percent}，只允许 0..100")
            }
            Problem::NothingToScore => "评分表既没有一级指标，也没有建设指标和资格规则".to_string(),
            Problem::DuplicateItem { id } => format!("评分项编号“{id}”重复"),
            Problem::ZeroMax { item } => format!("评分项“{item}”的满分是 0"),
            Problem::StepNotDividing { step, max, item } => {
                format!("档位 {step} 不能整除评分项“{item}”的满分 {max}")
            }
            Problem::BandOutside { from, to, max } => {
                format!("分档 {from}..{to} 超出 0..{max} 或上下颠倒")
            }
            Problem::UnknownFact { name } => format!("规则中的事实“{name}”在申报书中没有"),
            Problem::UnknownFlag { name } => format!("规则中的标记“{name}”在申报书中没有"),
            Problem::UnknownIndicator { name } => {
                format!("规则中的“{name}”不是本评分表的建设指标")
            }
            Problem::EmptyDossierId => "申报书编号为空".to_string(),
            Problem::EmptyApplicant => "申报单位名称为空".to_string(),
            Problem::CreditCode(c) => c.zh(),
            Problem::JointIsLead => "联合申报单位的信用代码与牵头申报单位相同".to_string(),
            Problem::SelfAffiliate => {
                "申报单位不能是自身的关联企业：affiliate_of 列出的是其他企业的信用代码".to_string()
            }
            Problem::GrantedOverFiled {
                kind,
                granted,
                filed,
            } => format!("{}：授权 {granted} 件多于申请 {filed} 件", kind_zh(kind)),
            Problem::HighValueOverValid { high, valid } => {
                format!("高价值发明专利 {high} 件，但有效发明专利只有 {valid} 件")
            }
            Problem::YearTwice { year } => format!("{year} 年出现了两次"),
            Problem::BadSha { name } => format!("“{name}”的 sha256 必须是 64 位十六进制数字"),
            Problem::BadRoundId { id } => {
                format!("轮次编号“{id}”只能使用字母、数字、“-”、“_”和“.”")
            }
            Problem::NoExperts => "本轮次没有评审专家".to_string(),
            Problem::DuplicateExpert { id } => format!("专家编号“{id}”重复"),
            Problem::BadKey { key, expert } => format!(
                "专家 {expert} 的密钥“{key}”不是 16 位十六进制数字的指纹（例如 3f2a-91bc-04de-77a1）"
            ),
            Problem::NoPreliminary => "认定轮次至少需要一位第三方初审评分人".to_string(),
            Problem::BadYear { year } => format!("年度考核的年度是 {year}，只允许 1 或 2"),
            Problem::ZeroCap => "cap 是 0，至少为 1".to_string(),
            Problem::ZeroRatio => "shortlist_ratio 是 0，至少为 1".to_string(),
            Problem::ConflictExpert { expert } => {
                format!("回避声明中的专家“{expert}”不在评审名单上")
            }
            Problem::ConflictNoReason => "回避声明需要填写理由".to_string(),
            Problem::YearsReversed { first, last } => {
                format!("first_year {first} 晚于 last_year {last}")
            }
            Problem::HolidayReversed { name, from, to } => {
                format!("假期“{name}”的结束日（{to}）早于开始日（{from}）")
            }
            Problem::HolidayOutside { name, first, last } => {
                format!("假期“{name}”超出 {first}–{last} 年")
            }
            Problem::NotWeekend { day, weekday } => {
                format!("调休上班日 {day} 是{}，不是周末", weekday_zh(*weekday))
            }
            Problem::HolidayAndWorkday { day } => format!("{day} 既是假期又是调休上班日"),
            Problem::DayOutside { day, first, last } => {
                format!("{day} 超出 {first}–{last} 年")
            }
            Problem::DossierFolder { folder, why } => {
                format!("无法读取申报书文件夹“{folder}”（系统信息：{why}）")
            }
            Problem::NoDossiers { folder } => format!("“{folder}”中没有 .ron 申报书"),
            Problem::DossierIdTwice { id, first } => {
                format!("申报书编号“{id}”也被 {first} 使用")
            }
            Problem::ConflictDossier { dossier, folder } => {
                format!("回避声明中的申报书“{dossier}”不在“{folder}”中")
            }
            Problem::MinScore { min, total } => {
                format!("min_score {min} 超出 0..{total}（评分表满分）")
            }
            Problem::JointLimit {
                count,
                limit,
                title,
                sheet,
            } => format!("联合申报单位 {count} 家；{title}（{sheet}）最多允许 {limit} 家"),
            Problem::UnknownTarget {
                indicator,
                sheet,
                known,
            } => format!(
                "建设目标中的指标“{indicator}”不在 {sheet} 中；其指标有：{}",
                known.join("、")
            ),
            Problem::Text(s) => s.clone(),
        }
    }

    fn en(&self) -> String {
        match self {
            Problem::DuplicateId { id } => format!("duplicate id '{id}'"),
            Problem::EmptySection { section } => format!("section '{section}' has no items"),
            Problem::TotalMismatch { sum, total } => {
                format!("the items' maxima add up to {sum}, but total is {total}")
            }
            Problem::PassLineOutside { min, total } => {
                format!("pass line {min} is outside 0..{total} (the sheet's total)")
            }
            Problem::TieBreakUnknown { section } => {
                format!("tie_break names section '{section}', which is not on the sheet")
            }
            Problem::TrimmedPanel { min_panel } => {
                format!("a trimmed mean needs a panel of at least 3, not {min_panel}")
            }
            Problem::ItemPercent { percent } => {
                format!("item_percent is {percent}, allowed 0..100")
            }
            Problem::NothingToScore => {
                "the sheet has no sections, no indicators and no eligibility rules".to_string()
            }
            Problem::DuplicateItem { id } => format!("duplicate item id '{id}'"),
            Problem::ZeroMax { item } => format!("item '{item}' has a maximum of 0"),
            Problem::StepNotDividing { step, max, item } => {
                format!("step {step} does not divide the maximum {max} of item '{item}'")
            }
            Problem::BandOutside { from, to, max } => {
                format!("band {from}..{to} is outside 0..{max} or reversed")
            }
            Problem::UnknownFact { name } => {
                format!("rule names fact '{name}', which dossiers do not have")
            }
            Problem::UnknownFlag { name } => {
                format!("rule names flag '{name}', which dossiers do not have")
            }
            Problem::UnknownIndicator { name } => {
                format!("rule names item '{name}', which is not an indicator of this sheet")
            }
            Problem::EmptyDossierId => "the dossier id is empty".to_string(),
            Problem::EmptyApplicant => "the applicant's name is empty".to_string(),
            Problem::CreditCode(c) => c.en(),
            Problem::JointIsLead => {
                "a joint applicant has the lead applicant's credit code".to_string()
            }
            Problem::SelfAffiliate => "the applicant cannot be an affiliate of itself: affiliate_of lists other companies' credit codes".to_string(),
            Problem::GrantedOverFiled {
                kind,
                granted,
                filed,
            } => format!("{kind}: granted {granted} is more than filed {filed}"),
            Problem::HighValueOverValid { high, valid } => format!(
                "{high} high-value invention patents, but only {valid} valid invention patents"
            ),
            Problem::YearTwice { year } => format!("year {year} appears twice"),
            Problem::BadSha { name } => {
                format!("sha256 of '{name}' must be 64 hexadecimal digits")
            }
            Problem::BadRoundId { id } => {
                format!("round id '{id}' may use only letters, digits, '-', '_' and '.'")
            }
            Problem::NoExperts => "the round has no experts".to_string(),
            Problem::DuplicateExpert { id } => format!("duplicate expert id '{id}'"),
            Problem::BadKey { key, expert } => format!(
                "key '{key}' of expert {expert} is not a fingerprint of 16 hexadecimal digits such as 3f2a-91bc-04de-77a1"
            ),
            Problem::NoPreliminary => {
                "a recognition round needs at least one preliminary scorer".to_string()
            }
            Problem::BadYear { year } => {
                format!("annual assessment year is {year}, allowed 1 or 2")
            }
            Problem::ZeroCap => "cap is 0, allowed 1 or more".to_string(),
            Problem::ZeroRatio => "shortlist_ratio is 0, allowed 1 or more".to_string(),
            Problem::ConflictExpert { expert } => {
                format!("conflict names expert '{expert}', who is not on the panel")
            }
            Problem::ConflictNoReason => "a conflict needs a reason".to_string(),
            Problem::YearsReversed { first, last } => {
                format!("first_year {first} is after last_year {last}")
            }
            Problem::HolidayReversed { name, from, to } => {
                format!("holiday '{name}' ends ({to}) before it starts ({from})")
            }
            Problem::HolidayOutside { name, first, last } => {
                format!("holiday '{name}' is outside {first}–{last}")
            }
            Problem::NotWeekend { day, weekday } => {
                format!("make-up working day {day} is a {weekday}, not a weekend day")
            }
            Problem::HolidayAndWorkday { day } => {
                format!("{day} is both a holiday and a make-up working day")
            }
            Problem::DayOutside { day, first, last } => {
                format!("{day} is outside {first}–{last}")
            }
            Problem::DossierFolder { folder, why } => {
                format!("cannot read the dossier folder '{folder}': {why}")
            }
            Problem::NoDossiers { folder } => format!("no .ron dossiers in '{folder}'"),
            Problem::DossierIdTwice { id, first } => {
                format!("dossier id '{id}' is also used by {first}")
            }
            Problem::ConflictDossier { dossier, folder } => {
                format!("conflict names dossier '{dossier}', which is not in '{folder}'")
            }
            Problem::MinScore { min, total } => {
                format!("min_score {min} is outside 0..{total} (the sheet's total)")
            }
            Problem::JointLimit {
                count,
                limit,
                title,
                sheet,
            } => format!("{count} joint applicants; {title} ({sheet}) allows at most {limit}"),
            Problem::UnknownTarget {
                indicator,
                sheet,
                known,
            } => format!(
                "target names indicator '{indicator}', which {sheet} does not have; it has {}",
                known.join(", ")
            ),
            Problem::Text(s) => s.clone(),
        }
    }
}
