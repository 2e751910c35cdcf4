//! What the terminal UI says beyond its fixed labels: messages and questions,
//! each a typed value rendered in either language through [`Say`].

use crate::domain::decision::Choice;
use crate::domain::ranking::Status;
use crate::lang::Say;

use super::app::Question;
use super::command::Ctx;

/// A message on the note line, or a phrase of a popup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    AllSubmitted,
    AllScored,
    ReadOnly,
    /// What was typed is not a number at all.
    NotANumber(String),
    /// A refusal, then that nothing was saved.
    NotSaved(String),
    /// ` S1.1 的意见` after “已保存”.
    CommentSaved(String),
    DecisionReasonNeeded,
    RecusalReasonNeeded,
    NameNeeded,
    NameTitle,
    ExcuseReasonNeeded,
    /// `e` pressed where no scorer or card is selected.
    ExcuseWhere,
    /// An excuse recorded, as it was recorded.
    ExcuseRecorded(Box<crate::domain::excuse::Excuse>),
    /// The title of the reason field for an excuse.
    ExcuseTitle {
        expert: String,
        dossier: Option<String>,
    },
    /// A key to press for yes and no.
    YesNo,
    /// The last line of a scrolled text: how many lines follow.
    MoreBelow(usize),
    /// What the dossier declares for an indicator, after its target.
    Declared {
        target: String,
        achieved: Option<String>,
    },
    /// The comment line of the detail: the text, or `None` for a dash.
    Comment(Option<String>),
    /// A decision recorded: each tied dossier with the status it now has.
    DecisionRecorded(Vec<(String, Status)>),
    NoTie(String),
    PickCount {
        places: usize,
        picked: usize,
    },
    /// An import refused because the expert's key has not been seen before.
    NewKey(String),
    /// The in-person check of a new key: the whole fingerprint, as a question.
    CompareKey {
        expert: String,
        fingerprint: String,
    },
    /// Introduces the key's whole SHA-256, for a closer comparison.
    FullKey,
    NoBundles,
    ImportTitle,
    /// The title of the path field: where an export goes, or what to import.
    PathTitle(super::app::PathFor),
    Exported {
        file: String,
        fingerprint: String,
    },
}

impl Say for Word {
    fn zh(&self) -> String {
        match self {
            Word::AllSubmitted => "没有未完成的申报书".into(),
            Word::AllScored => "全部评分项都已评分".into(),
            Word::ReadOnly => "已提交，只读".into(),
            Word::NotANumber(t) => format!("“{t}”不是分数：请输入数字，如 7 或 7.5"),
            Word::CommentSaved(item) => format!(" {item} 的意见"),
            Word::NotSaved(why) => format!("{why}；未保存"),
            Word::DecisionReasonNeeded => "请填写决定理由".into(),
            Word::RecusalReasonNeeded => "请填写回避理由".into(),
            Word::NameNeeded => "请填写记录决定的秘书姓名".into(),
            Word::ExcuseReasonNeeded => "请填写缺席理由".into(),
            Word::ExcuseWhere => {
                "请在“完成情况”页（专家评审阶段）选中一位专家或一张评分表，再按 e 记录缺席".into()
            }
            Word::ExcuseRecorded(e) => format!("已记录：{}", e.zh()),
            Word::ExcuseTitle {
                expert,
                dossier: Some(d),
            } => format!("记录缺席：专家 {expert} 不评 {d} · 理由"),
            Word::ExcuseTitle {
                expert,
                dossier: None,
            } => format!("记录缺席：专家 {expert} 缺席本轮（全部申报书）· 理由"),
            Word::NameTitle => "秘书姓名（记入决定，本次只问一次）· 回车确认".into(),
            Word::YesNo => "y 是 · n 否".into(),
            Word::MoreBelow(n) => format!("▼ 下面还有 {n} 行（}} 向下翻，或滚轮）"),
            Word::Declared { target, achieved } => match achieved {
                Some(a) => format!(" · 申报 {target} / 自报达成 {a}"),
                None => format!(" · 申报 {target}"),
            },
            Word::Comment(c) => format!("意见：{}", c.as_deref().unwrap_or("—")),
            Word::DecisionRecorded(places) => {
                let each: Vec<String> = places
                    .iter()
                    .map(|(d, s)| format!("{d} {}", s.zh()))
                    .collect();
                format!("已记录决定：{}", each.join("；"))
            }
            Word::NoTie(d) => format!("{d} 没有需要决定的并列"),
            Word::NewKey(e) => format!("未导入：专家 {e} 的密钥是第一次出现，需先当面核对"),
            Word::CompareKey {
                expert,
                fingerprint,
            } => format!("请与专家 {expert} 当面核对指纹 {fingerprint}：一致吗？(y/n)"),
            Word::FullKey => "完整指纹（SHA-256，开头即上面的指纹）：".into(),
            Word::NoBundles => "没有找到 .bundle 文件".into(),
            Word::ImportTitle => "导入评分包".into(),
            Word::PathTitle(super::app::PathFor::Export) => {
                "导出评分包：文件或文件夹（如U盘）· 回车确认 · Esc 取消".into()
            }
            Word::PathTitle(super::app::PathFor::Import) => {
                "导入评分包：文件或文件夹 · 回车确认 · Esc 取消".into()
            }
            Word::Exported { file, fingerprint } => {
                format!("已导出评分包 {file} · 本机密钥 {fingerprint}")
            }
            Word::PickCount { places, picked } => {
                format!("请选出 {places} 家（已选 {picked} 家）")
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Word::AllSubmitted => "no dossier left to finish".into(),
            Word::AllScored => "every item has a score".into(),
            Word::ReadOnly => "submitted, read-only".into(),
            Word::NotANumber(t) => format!("'{t}' is not a score: type a number such as 7 or 7.5"),
            Word::CommentSaved(item) => format!(" the comment on {item}"),
            Word::NotSaved(why) => format!("{why}; not saved"),
            Word::DecisionReasonNeeded => "Please give the reason for the decision".into(),
            Word::RecusalReasonNeeded => "Please give the reason for the conflict".into(),
            Word::NameNeeded => "Please give the name the decision is recorded under".into(),
            Word::ExcuseReasonNeeded => "Please give the reason for the absence".into(),
            Word::ExcuseWhere => "Select an expert or one of their cards on the completeness tab (expert stage), then press e to record an absence".into(),
            Word::ExcuseRecorded(e) => format!("recorded: {}", e.en()),
            Word::ExcuseTitle {
                expert,
                dossier: Some(d),
            } => format!("Record an absence: expert {expert} does not score {d} · reason"),
            Word::ExcuseTitle {
                expert,
                dossier: None,
            } => format!("Record an absence: expert {expert} is absent from the round (every dossier) · reason"),
            Word::NameTitle => {
                "Secretary's name (recorded with decisions, asked once) · Enter".into()
            }
            Word::YesNo => "y yes · n no".into(),
            Word::MoreBelow(n) => format!("▼ {n} more lines (}} scrolls down, or the wheel)"),
            Word::Declared { target, achieved } => match achieved {
                Some(a) => format!(" · declared {target} / self-reported {a}"),
                None => format!(" · declared {target}"),
            },
            Word::Comment(c) => format!("Comment: {}", c.as_deref().unwrap_or("—")),
            Word::DecisionRecorded(places) => {
                let each: Vec<String> = places
                    .iter()
                    .map(|(d, s)| format!("{d} {}", s.en()))
                    .collect();
                format!("decision recorded: {}", each.join("; "))
            }
            Word::NoTie(d) => format!("{d} has no tie that needs a decision"),
            Word::NewKey(e) => {
                format!("not imported: expert {e}'s key is new and must be compared in person")
            }
            Word::CompareKey {
                expert,
                fingerprint,
            } => format!(
                "Compare the fingerprint {fingerprint} with expert {expert} in person: do they match? (y/n)"
            ),
            Word::FullKey => "full fingerprint (SHA-256, starting with the one above):".into(),
            Word::NoBundles => "no .bundle files found".into(),
            Word::ImportTitle => "Import bundles".into(),
            Word::PathTitle(super::app::PathFor::Export) => {
                "Export the bundle: a file or a folder (a USB stick) · Enter · Esc".into()
            }
            Word::PathTitle(super::app::PathFor::Import) => {
                "Import bundles: a file or a folder · Enter · Esc".into()
            }
            Word::Exported { file, fingerprint } => {
                format!("bundle written to {file} · this laptop's key {fingerprint}")
            }
            Word::PickCount { places, picked } => format!("pick {places} (picked {picked})"),
        }
    }
}

impl Say for Question {
    fn zh(&self) -> String {
        match self {
            Question::Discard => "放弃尚未保存的文字吗？(y/n)".into(),
            Question::Quit { unsaved: true } => {
                "有尚未保存的文字，退出将丢失。仍要退出吗？(y/n)".into()
            }
            Question::Quit { unsaved: false } => "退出评审吗？(y/n)".into(),
            Question::Recuse { dossier, reason } => format!(
                "声明回避 {dossier}，理由：{reason}。声明后不能再对该申报书评分，也不能撤销。确认吗？(y/n)"
            ),
            Question::Excuse(e) => format!(
                "记录缺席：{}。记录人：{}。将记入审计日志。确认吗？(y/n)",
                e.zh(),
                e.by
            ),
            Question::Decide(d) => {
                let picked = match &d.choice {
                    Choice::Admit(p) | Choice::Order(p) => p.join("、"),
                };
                format!(
                    "记录决定：{} 并列，由 {picked} 取得名额。理由：{}。记录人：{}。决定将记入审计日志。确认吗？(y/n)",
                    d.tied.join("、"),
                    d.reason,
                    d.by
                )
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Question::Discard => "Throw away the text not yet saved? (y/n)".into(),
            Question::Quit { unsaved: true } => {
                "Some text is not saved and will be lost. Quit anyway? (y/n)".into()
            }
            Question::Quit { unsaved: false } => "Quit? (y/n)".into(),
            Question::Recuse { dossier, reason } => format!(
                "Declare a conflict on {dossier}, reason: {reason}. You will not be able to score it, and this cannot be undone. Go ahead? (y/n)"
            ),
            Question::Excuse(e) => format!(
                "Record an absence: {}. Recorded by {}. It goes into the audit log. Go ahead? (y/n)",
                e.en(),
                e.by
            ),
            Question::Decide(d) => {
                let picked = match &d.choice {
                    Choice::Admit(p) | Choice::Order(p) => p.join(", "),
                };
                format!(
                    "Record the decision: of {} (level), {picked} take the place(s). Reason: {}. Recorded by {}. It goes into the audit log. Go ahead? (y/n)",
                    d.tied.join(", "),
                    d.reason,
                    d.by
                )
            }
        }
    }
}

/// Names a key takes in the hint bar when the state makes its meaning sharper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Enter on a blocked submission: go to the first item that stops it.
    GoTo(String),
    SubmitNow,
    TrustKey,
    DoNotTrust,
    Close,
}

impl Say for Hint {
    fn zh(&self) -> String {
        match self {
            Hint::GoTo(item) => format!("转到 {item}"),
            Hint::SubmitNow => "确认提交".into(),
            Hint::TrustKey => "一致，信任并导入".into(),
            Hint::DoNotTrust => "不一致，不导入".into(),
            Hint::Close => "关闭".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            Hint::GoTo(item) => format!("go to {item}"),
            Hint::SubmitNow => "submit".into(),
            Hint::TrustKey => "they match: trust and import".into(),
            Hint::DoNotTrust => "they differ: import nothing".into(),
            Hint::Close => "close".into(),
        }
    }
}

/// What the marks of a screen mean, for its help.
pub struct Marks(pub Ctx);

impl Say for Marks {
    fn zh(&self) -> String {
        match self.0 {
            Ctx::Scoring => "标记：· 未评分  ✓ 已评分  ! 需填写意见  … 保存中  ▏ 输入中（离开该项时保存）\n✗ 未达目标  ▶ 当前分数所在的评分指引档".into(),
            Ctx::Dossiers => "状态：未评 / 评分中（已保存部分分数）/ 已提交 / 回避".into(),
            Ctx::Office => "标记：=3 并列名次  ! 并列跨越名额线，需决定  ⚑2 评分偏离（专家数）\n已决定：秘书已记录决定".into(),
            _ => String::new(),
        }
    }

    fn en(&self) -> String {
        match self.0 {
            Ctx::Scoring => "Marks: · not scored  ✓ scored  ! needs a comment  … saving  ▏ typing (saved on leaving the item)\n✗ below target  ▶ the guidance band the score falls in".into(),
            Ctx::Dossiers => "Status: not started / in progress (some scores saved) / submitted / recused".into(),
            Ctx::Office => "Marks: =3 shared rank  ! level across the cap, needs a decision  ⚑2 deviating scores (experts)\ndecided: the secretary recorded a decision".into(),
            _ => String::new(),
        }
    }
}

/// Punctuation after words of either language: full-width after Chinese,
/// ASCII with a space after English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Punct {
    /// `label：` or `label: `
    Colon(String),
    /// `（inner）` or ` (inner)`
    Paren(String),
    /// Items joined by `，` or `, `
    List(Vec<String>),
}

impl Say for Punct {
    fn zh(&self) -> String {
        match self {
            Punct::Colon(l) => format!("{l}："),
            Punct::Paren(x) => format!("（{x}）"),
            Punct::List(xs) => xs.join("，"),
        }
    }

    fn en(&self) -> String {
        match self {
            Punct::Colon(l) => format!("{l}: "),
            Punct::Paren(x) => format!(" ({x})"),
            Punct::List(xs) => xs.join(", "),
        }
    }
}
