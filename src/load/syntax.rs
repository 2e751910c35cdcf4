//! The RON parser's complaints in a person's words, in either language.

use ron::Error;

use super::message::points_error;
use crate::lang::Say;

/// What the parser expected, in Chinese, for the terse "expected X" errors.
fn expected_zh(e: &Error) -> Option<&'static str> {
    Some(match e {
        Error::ExpectedArray => "应为“[”",
        Error::ExpectedArrayEnd => "缺少“]”",
        Error::ExpectedAttribute => "应为 #![enable(...)] 属性",
        Error::ExpectedAttributeEnd => "属性未正确结束",
        Error::ExpectedBoolean => "应为 true 或 false",
        Error::ExpectedComma => "缺少逗号",
        Error::ExpectedChar => "应为一个字符",
        Error::ExpectedByteLiteral => "应为字节字面量",
        Error::ExpectedFloat => "应为小数",
        Error::FloatUnderscore => "小数中不能有下划线",
        Error::ExpectedInteger => "应为整数",
        Error::ExpectedOption => "应为 Some(…) 或 None",
        Error::ExpectedOptionEnd => "Some(…) 缺少右括号",
        Error::ExpectedMap => "应为“{”",
        Error::ExpectedMapColon => "缺少冒号",
        Error::ExpectedMapEnd => "缺少“}”",
        Error::ExpectedStructLike => "应为“(”",
        Error::ExpectedStructLikeEnd => "缺少“)”",
        Error::ExpectedUnit => "应为 ()",
        Error::ExpectedString => "应为带引号的文字",
        Error::ExpectedByteString => "应为字节串",
        Error::ExpectedStringEnd => "文字缺少结束引号",
        Error::ExpectedIdentifier => "此处应为字段名：可能缺少括号或括号位置不对",
        Error::IntegerOutOfBounds => "整数超出范围",
        Error::UnclosedBlockComment => "块注释没有结束",
        Error::UnclosedLineComment => "行注释没有结束",
        Error::UnderscoreAtBeginning => "数字不能以下划线开头",
        Error::TrailingCharacters => "文件末尾有多余的字符",
        Error::ExpectedRawValue => "应为一个值",
        Error::ExceededRecursionLimit => "嵌套层数太多",
        Error::ExpectedRangeSyntax => "应为范围",
        Error::Eof => "文件意外结束",
        _ => return None,
    })
}

fn expected_en(e: &Error) -> Option<&'static str> {
    Some(match e {
        Error::Eof => "unexpected end of file",
        Error::ExpectedIdentifier => {
            "expected a field name here: a bracket may be missing or misplaced"
        }
        Error::ExpectedArray => "expected '['",
        Error::ExpectedArrayEnd => "expected a closing ']'",
        Error::ExpectedBoolean => "expected true or false",
        Error::ExpectedComma => "expected a comma",
        Error::ExpectedFloat => "expected a decimal number",
        Error::ExpectedInteger => "expected a whole number",
        Error::ExpectedOption => "expected Some(…) or None",
        Error::ExpectedOptionEnd => "expected a closing ')' after Some(…",
        Error::ExpectedMap => "expected '{'",
        Error::ExpectedMapColon => "expected a colon",
        Error::ExpectedMapEnd => "expected a closing '}'",
        Error::ExpectedStructLike => "expected '('",
        Error::ExpectedStructLikeEnd => "expected a closing ')'",
        Error::ExpectedString => "expected text in double quotes",
        Error::ExpectedStringEnd => "the text has no closing quote",
        Error::UnclosedBlockComment => "a block comment is not closed",
        Error::TrailingCharacters => "there are extra characters at the end of the file",
        _ => return None,
    })
}

/// A value serde found where another was expected, as serde describes it.
fn found_zh(found: &str) -> String {
    if let Some(s) = found.strip_prefix("the string ") {
        return format!("文字 {s}");
    }
    for (en, zh) in [
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "布尔值 "),
        ("unsigned integer ", "整数 "),
    ] {
        if let Some(v) = found.strip_prefix(en) {
            return format!("{zh}{}", v.trim_matches('`'));
        }
    }
    match found {
        "unit value" => "()".to_string(),
        "a sequence" | "sequence" => "列表".to_string(),
        "a map" | "map" => "映射".to_string(),
        "Option value" => "Some/None".to_string(),
        other => format!("“{other}”"),
    }
}

/// What a type expects, for the types the files hold.
fn wanted_zh(expected: &str) -> String {
    match expected {
        "a number of points such as 10 or 2.5" => "分数（如 10 或 2.5）".to_string(),
        "a string" => "带引号的文字".to_string(),
        "a borrowed string" => "带引号的文字".to_string(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "整数".to_string(),
        "a boolean" => "true 或 false".to_string(),
        "a sequence" => "列表 […]".to_string(),
        "a formatted date string" | "a valid date" => "日期（如 \"2024-05-31\"）".to_string(),
        other => format!("“{other}”"),
    }
}

fn outer_zh(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map_or_else(|| "此处".to_string(), |o| format!("{o} 中"))
}

pub fn zh(e: &Error) -> String {
    if let Some(words) = expected_zh(e) {
        return words.to_string();
    }
    match e {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "{}没有字段“{found}”；允许的字段：{}",
            outer_zh(outer),
            expected.join(", ")
        ),
        Error::MissingStructField { field, outer } => {
            format!("{}缺少字段“{field}”", outer_zh(outer))
        }
        Error::DuplicateStructField { field, outer } => {
            format!("{}字段“{field}”出现了两次", outer_zh(outer))
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "{}不允许“{found}”；允许：{}",
            outer_zh(outer),
            expected.join(", ")
        ),
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("应为 {expected}(…)，而不是 {found}(…)")
        }
        Error::ExpectedNamedStructLike(name) => format!("应为 {name}(…)"),
        Error::ExpectedStructName(name) => format!("应为 {name}(…)"),
        Error::InvalidValueForType { expected, found } => {
            format!("应为{}，实际是{}", wanted_zh(expected), found_zh(found))
        }
        Error::ExpectedDifferentLength { expected, found } => {
            format!("应有 {expected}，实际有 {found} 个元素")
        }
        Error::InvalidEscape(what) => format!("转义字符无效（{what}）"),
        Error::InvalidIntegerDigit { digit, base } => {
            format!("数字“{digit}”在 {base} 进制中无效")
        }
        Error::UnexpectedChar(c) => format!("此处不应出现字符“{c}”"),
        Error::Utf8Error(u) => format!("不是 UTF-8 文本（{u}）"),
        Error::NoSuchExtension(x) => format!("没有扩展“{x}”"),
        Error::InvalidIdentifier(x) | Error::SuggestRawIdentifier(x) => {
            format!("标识符“{x}”无效")
        }
        Error::Message(m) => match points_error(m) {
            Some(p) => p.zh(),
            None => format!("无法读取（{m}）"),
        },
        Error::Io(m) => format!("无法读取（系统信息：{m}）"),
        Error::Fmt => "无法格式化".to_string(),
        other => format!("无法读取（{other}）"),
    }
}

pub fn en(e: &Error) -> String {
    if let Some(words) = expected_en(e) {
        return words.to_string();
    }
    match e {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let outer = outer.as_deref().unwrap_or("this");
            format!(
                "unknown field '{found}' in {outer}; allowed fields: {}",
                expected.join(", ")
            )
        }
        Error::MissingStructField { field, outer } => {
            format!(
                "missing field '{field}' in {}",
                outer.as_deref().unwrap_or("this")
            )
        }
        Error::Message(m) => match points_error(m) {
            Some(p) => p.en(),
            None => m.clone(),
        },
        other => other.to_string(),
    }
}
