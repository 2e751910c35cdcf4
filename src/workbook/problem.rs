//! What can be wrong in a workbook, each with the cell it is in, said in
//! Chinese or English: `FILE:工作表!C12: message`.

use std::fmt;
use std::path::PathBuf;

use crate::lang::Say;

/// Where a problem is: the file, and the sheet and cell (or range) when known.
/// A CSV file has no sheets, so its cells follow the file name directly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub cell: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) => write!(f, ":{s}!{c}"),
            (Some(s), None) => write!(f, ":{s}"),
            (None, Some(c)) => write!(f, ":{c}"),
            (None, None) => Ok(()),
        }
    }
}

/// One problem, one line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {issue}")]
pub struct Problem {
    pub at: Place,
    pub issue: Issue,
}

impl Say for Problem {
    fn zh(&self) -> String {
        format!("{}: {}", self.at, self.issue.zh())
    }
    fn en(&self) -> String {
        format!("{}: {}", self.at, self.issue.en())
    }
}

/// Why a number cell does not hold an allowed number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberWhy {
    Text,
    Negative,
    Fraction,
    Decimals,
    TooLarge,
}

/// A cell that does not read as its column's kind of value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bad {
    Number { value: String, why: NumberWhy },
    Date { value: String },
    Choice { value: String, allowed: Vec<String> },
    Formula { code: String },
}

impl Bad {
    pub fn number(value: String, why: NumberWhy) -> Bad {
        Bad::Number { value, why }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Issue {
    #[error("cannot read the workbook: {detail}")]
    Unreadable { detail: String },
    #[error(
        "cannot read the workbook: the spreadsheet reader stopped on a fault in the file ({detail}); save it again from the spreadsheet program"
    )]
    ReaderFailed { detail: String },
    #[error(
        "the workbook unpacks to {bytes} bytes, more than the {limit} this reads; split it into smaller workbooks"
    )]
    TooLarge { bytes: u64, limit: u64 },
    #[error(
        "the workbook's part '{part}' unpacks from {packed} to {bytes} bytes, more than 100 times its size: not a file a spreadsheet program saves"
    )]
    Packed {
        part: String,
        bytes: u64,
        packed: u64,
    },
    #[error("the sheet holds more than {limit} cells; split it into smaller workbooks")]
    TooManyCells { limit: usize },
    #[error(
        "reading this .{ext} workbook would take more than {limit_mb} MB of memory; save it as .xlsx (Excel 2007 or later) and import that"
    )]
    CostsTooMuch { ext: String, limit_mb: u64 },
    #[error(
        "the workbook is locked with a password, or is an older .xls under another name: open it in the spreadsheet program, remove any password and save it as .xlsx"
    )]
    Locked,
    #[error(
        "the .xls workbook's contents are not where spreadsheet programs put them: open it in the spreadsheet program and save it again"
    )]
    Misplaced,
    #[error("the CSV file is neither UTF-8 nor GBK text; save it as CSV UTF-8")]
    Encoding,
    #[error("'.{ext}' is not a workbook this reads; import .xlsx, .xls, .ods or .csv")]
    Extension { ext: String },
    #[error("the workbook has no sheet named 申报单位 (applicants); its sheets: {}", .sheets.join(", "))]
    NoApplicantSheet { sheets: Vec<String> },
    #[error(
        "the sheet 申报单位 (applicants) holds no dossier: one applicant a row, from row {row}"
    )]
    NoDossiers { row: usize },
    #[error("merged cells {range}: unmerge them and give each cell its own value")]
    Merged { range: String },
    #[error("unknown column '{heading}'; the columns of this sheet are: {}", .known.join(", "))]
    UnknownColumn { heading: String, known: Vec<String> },
    #[error("the required column '{heading}' is missing")]
    MissingColumn { heading: String },
    #[error("column '{heading}' appears twice; first in {first}")]
    RepeatedColumn { heading: String, first: String },
    #[error("{}", bad_en(.heading, .bad))]
    Cell { heading: String, bad: Bad },
    #[error("'{heading}' is required and is empty")]
    Empty { heading: String },
    #[error(
        "credit code '{code}' has check character '{got}', but its first 17 characters give '{want}'"
    )]
    CheckCharacter { code: String, got: char, want: char },
    #[error(
        "'{code}' is not a unified social credit code: 18 characters, digits and capitals other than I, O, S, V, Z"
    )]
    CreditCode { code: String },
    #[error("dossier id '{id}' cannot name a file: no /, \\ or leading dot")]
    BadId { id: String },
    #[error("dossier id '{id}' is used twice; first in {first}")]
    DuplicateId { id: String, first: String },
    #[error("dossier id '{id}' is not on the sheet 申报单位 (applicants)")]
    UnknownDossier { id: String },
    /// A rule of dossiers themselves, in the words of the domain.
    #[error("{message}")]
    Rule {
        message: crate::domain::problem::Problem,
    },
}

fn bad_en(heading: &str, bad: &Bad) -> String {
    match bad {
        Bad::Number { value, why } => {
            let rule = match why {
                NumberWhy::Text => "a number",
                NumberWhy::Negative => "a number not below zero",
                NumberWhy::Fraction => "a whole number",
                NumberWhy::Decimals => "a number with at most 2 decimals",
                NumberWhy::TooLarge => "a smaller number",
            };
            format!("'{heading}' takes {rule}, not '{value}'")
        }
        Bad::Date { value } => format!(
            "'{heading}': '{value}' is not a date; write 2016-04-01, 2016/4/1, 2016年4月1日 or use a date cell"
        ),
        Bad::Choice { value, allowed } => format!(
            "'{heading}' takes one of {}, not '{value}'",
            allowed.join(", ")
        ),
        Bad::Formula { code } => {
            format!("'{heading}': the formula gives the error {code}; enter a value")
        }
    }
}

fn bad_zh(heading: &str, bad: &Bad) -> String {
    match bad {
        Bad::Number { value, why } => {
            let rule = match why {
                NumberWhy::Text => "应填数字",
                NumberWhy::Negative => "不能为负数",
                NumberWhy::Fraction => "应填整数",
                NumberWhy::Decimals => "最多两位小数",
                NumberWhy::TooLarge => "数值过大",
            };
            format!("「{heading}」{rule}，不是「{value}」")
        }
        Bad::Date { value } => format!(
            "「{heading}」的「{value}」不是日期；可填 2016-04-01、2016/4/1、2016年4月1日 或日期格式的单元格"
        ),
        Bad::Choice { value, allowed } => {
            format!(
                "「{heading}」只能填 {}，不是「{value}」",
                allowed.join("、")
            )
        }
        Bad::Formula { code } => format!("「{heading}」的公式出错（{code}），请填入数值"),
    }
}

impl Say for Issue {
    fn zh(&self) -> String {
        match self {
            Issue::Unreadable { detail } => format!("无法读取工作簿：{detail}"),
            Issue::ReaderFailed { detail } => format!(
                "无法读取工作簿：文件有错，表格读取中止（系统信息：{detail}）；请用电子表格软件重新保存"
            ),
            Issue::TooLarge { bytes, limit } => format!(
                "工作簿解压后有 {bytes} 字节，超过可读取的 {limit} 字节；请拆分为较小的工作簿"
            ),
            Issue::Packed {
                part,
                bytes,
                packed,
            } => format!(
                "工作簿中的「{part}」由 {packed} 字节解压为 {bytes} 字节，超过原大小的 100 倍：不是电子表格软件保存的文件"
            ),
            Issue::TooManyCells { limit } => {
                format!("工作表的单元格超过 {limit} 个；请拆分为较小的工作簿")
            }
            Issue::Misplaced => {
                "此 .xls 工作簿的内容不在电子表格软件存放的位置：请用电子表格软件打开后重新保存".into()
            }
            Issue::Locked => {
                "工作簿设有密码，或是改了扩展名的旧版 .xls 文件：请用电子表格软件打开，取消密码后另存为 .xlsx".into()
            }
            Issue::CostsTooMuch { ext, limit_mb } => format!(
                "读取此 .{ext} 工作簿需要超过 {limit_mb} MB 内存；请用电子表格软件另存为 .xlsx（Excel 2007 及以后的格式）后导入"
            ),
            Issue::Encoding => "CSV 文件既不是 UTF-8 也不是 GBK 编码；请另存为“CSV UTF-8”".into(),
            Issue::Extension { ext } => {
                format!("不支持「.{ext}」文件；可导入 .xlsx、.xls、.ods 或 .csv")
            }
            Issue::NoApplicantSheet { sheets } => format!(
                "工作簿中没有「申报单位」工作表；现有工作表：{}",
                sheets.join("、")
            ),
            Issue::NoDossiers { row } => {
                format!("「申报单位」工作表中没有申报书：请从第{row}行起每行填写一个申报单位")
            }
            Issue::Merged { range } => {
                format!("合并单元格 {range}：请取消合并，每个单元格各填一个值")
            }
            Issue::UnknownColumn { heading, known } => format!(
                "不认识的列「{heading}」；本工作表的列为：{}",
                known.join("、")
            ),
            Issue::MissingColumn { heading } => format!("缺少必填列「{heading}」"),
            Issue::RepeatedColumn { heading, first } => {
                format!("列「{heading}」重复，已在 {first} 出现")
            }
            Issue::Cell { heading, bad } => bad_zh(heading, bad),
            Issue::Empty { heading } => format!("「{heading}」为必填项，不能为空"),
            Issue::CheckCharacter { code, got, want } => {
                format!("统一社会信用代码 {code} 的校验位是「{got}」，按前17位应为「{want}」")
            }
            Issue::CreditCode { code } => format!(
                "「{code}」不是有效的统一社会信用代码：应为18位，由数字和除 I、O、S、V、Z 以外的大写字母组成"
            ),
            Issue::BadId { id } => {
                format!("申报编号「{id}」不能用作文件名：不能含 / 或 \\，也不能以 . 开头")
            }
            Issue::DuplicateId { id, first } => {
                format!("申报编号「{id}」重复，已在 {first} 使用")
            }
            Issue::UnknownDossier { id } => {
                format!("申报编号「{id}」不在「申报单位」工作表中")
            }
            Issue::Rule { message } => format!("不符合申报书规则：{}", message.zh()),
        }
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_problem_names_file_sheet_and_cell() {
        let p = Problem {
            at: Place {
                file: "申报.xlsx".into(),
                sheet: Some("申报单位".into()),
                cell: Some("C12".into()),
            },
            issue: Issue::Empty {
                heading: "统一社会信用代码".into(),
            },
        };
        assert_eq!(
            p.say(Lang::Zh),
            "申报.xlsx:申报单位!C12: 「统一社会信用代码」为必填项，不能为空"
        );
        assert_eq!(
            p.say(Lang::En),
            "申报.xlsx:申报单位!C12: '统一社会信用代码' is required and is empty"
        );
    }
}
