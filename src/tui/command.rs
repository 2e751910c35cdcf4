//! Keys to actions, by context, from one table that also feeds the hint bar and
//! the help popup.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::Action;
use super::app::{App, Popup, Screen};
use crate::lang::Say;

/// Where a key is pressed: the screen, or the popup over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    Rounds,
    Roles,
    Dossiers,
    Search,
    Scoring,
    Help,
    Confirm,
    Editor,
    Reason,
    Office,
    Choice,
    Centres,
    /// A yes/no question over everything else.
    Question,
    /// The dossier's documents over the scoring screen.
    Documents,
    /// An expert's PIN being typed, before their desk opens.
    Pin,
}

pub struct Binding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [KeyCode],
    /// How the key is written in hints and help.
    pub label: &'static str,
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
    /// Place in the bottom hint bar, most needed first (the help lists all);
    /// `None` for keys only the help names.
    pub hint: Option<u8>,
}

use Ctx::*;
use KeyCode::*;

const LISTS: &[Ctx] = &[
    Rounds, Roles, Dossiers, Scoring, Office, Choice, Centres, Documents,
];

/// Every binding. Typing classes (digits in Scoring, characters in text fields)
/// are resolved in [`resolve`] and listed here for help only.
pub const BINDINGS: &[Binding] = &[
    Binding {
        ctx: LISTS,
        keys: &[Char('j'), KeyCode::Down],
        label: "j/↓",
        action: Action::Down,
        zh: "下一项",
        en: "next",
        hint: None,
    },
    Binding {
        ctx: LISTS,
        keys: &[Char('k'), KeyCode::Up],
        label: "k/↑",
        action: Action::Up,
        zh: "上一项",
        en: "previous",
        hint: None,
    },
    Binding {
        ctx: LISTS,
        keys: &[KeyCode::PageDown],
        label: "PgDn",
        action: Action::PageDown,
        zh: "下翻页",
        en: "page down",
        hint: None,
    },
    Binding {
        ctx: LISTS,
        keys: &[KeyCode::PageUp],
        label: "PgUp",
        action: Action::PageUp,
        zh: "上翻页",
        en: "page up",
        hint: None,
    },
    Binding {
        ctx: LISTS,
        keys: &[Char('g'), KeyCode::Home],
        label: "g",
        action: Action::Top,
        zh: "第一项",
        en: "first",
        hint: None,
    },
    Binding {
        ctx: LISTS,
        keys: &[Char('G'), KeyCode::End],
        label: "G",
        action: Action::Bottom,
        zh: "最后一项",
        en: "last",
        hint: None,
    },
    Binding {
        ctx: &[Rounds, Roles, Dossiers],
        keys: &[Enter, Right, Char('l')],
        label: "Enter",
        action: Action::Open,
        zh: "打开",
        en: "open",
        hint: Some(1),
    },
    Binding {
        ctx: &[Rounds],
        keys: &[Char('c')],
        label: "c",
        action: Action::OpenCentres,
        zh: "在册中心",
        en: "centres",
        hint: Some(3),
    },
    Binding {
        ctx: &[Roles, Dossiers, Scoring, Centres],
        keys: &[Esc, Left, Char('h')],
        label: "Esc",
        action: Action::Back,
        zh: "返回",
        en: "back",
        hint: Some(8),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Tab],
        label: "Tab",
        action: Action::NextSection,
        zh: "下一部分",
        en: "next section",
        hint: Some(6),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[BackTab],
        label: "S-Tab",
        action: Action::PrevSection,
        zh: "上一部分",
        en: "previous section",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Enter],
        label: "Enter",
        action: Action::Confirm,
        zh: "确认分数",
        en: "confirm score",
        hint: Some(1),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('+'), Char('=')],
        label: "+/-",
        action: Action::Increment,
        zh: "加减一档",
        en: "step up/down",
        hint: Some(5),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('-')],
        label: "-",
        action: Action::Decrement,
        zh: "减一档",
        en: "step down",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Backspace],
        label: "⌫",
        action: Action::Erase,
        zh: "删除输入",
        en: "erase input",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('c')],
        label: "c",
        action: Action::Comment,
        zh: "意见",
        en: "comment",
        hint: Some(3),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('s')],
        label: "s",
        action: Action::Submit,
        zh: "提交",
        en: "submit",
        hint: Some(2),
    },
    Binding {
        ctx: &[Dossiers, Scoring],
        keys: &[Char('r')],
        label: "r",
        action: Action::Recuse,
        zh: "声明回避",
        en: "declare conflict",
        hint: Some(7),
    },
    Binding {
        ctx: &[Dossiers, Scoring],
        keys: &[Char('n')],
        label: "n/N",
        action: Action::NextUnscored,
        zh: "下个未完成",
        en: "next unfinished",
        hint: Some(4),
    },
    Binding {
        ctx: &[Dossiers, Scoring],
        keys: &[Char('N')],
        label: "N",
        action: Action::PrevUnscored,
        zh: "上一个未完成",
        en: "previous unfinished",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char(']')],
        label: "[/]",
        action: Action::FactsDown,
        zh: "申报材料翻页",
        en: "scroll the dossier",
        hint: Some(9),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('[')],
        label: "[",
        action: Action::FactsUp,
        zh: "申报材料上翻",
        en: "scroll the dossier up",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('}')],
        label: "{/}",
        action: Action::DetailDown,
        zh: "评分指引翻页",
        en: "scroll the guidance",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('{')],
        label: "{",
        action: Action::DetailUp,
        zh: "评分指引上翻",
        en: "scroll the guidance up",
        hint: None,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('o')],
        label: "o",
        action: Action::Documents,
        zh: "附件",
        en: "documents",
        hint: Some(6),
    },
    Binding {
        ctx: &[Question],
        keys: &[Char('y'), Char('Y')],
        label: "y",
        action: Action::Yes,
        zh: "是",
        en: "yes",
        hint: Some(1),
    },
    Binding {
        ctx: &[Question],
        keys: &[Char('n'), Char('N'), Esc],
        label: "n",
        action: Action::No,
        zh: "否",
        en: "no",
        hint: Some(2),
    },
    Binding {
        ctx: &[Dossiers],
        keys: &[Char('f')],
        label: "f",
        action: Action::CycleFilter,
        zh: "按状态筛选",
        en: "filter by status",
        hint: Some(6),
    },
    Binding {
        ctx: &[Dossiers],
        keys: &[Char('/')],
        label: "/",
        action: Action::StartSearch,
        zh: "搜索",
        en: "search",
        hint: Some(5),
    },
    Binding {
        ctx: &[Rounds, Roles, Dossiers, Scoring, Centres],
        keys: &[Char('?'), F(1)],
        label: "?",
        action: Action::Help,
        zh: "帮助",
        en: "help",
        hint: Some(98),
    },
    Binding {
        ctx: &[Rounds, Roles, Dossiers, Scoring, Centres],
        keys: &[Char('q')],
        label: "q",
        action: Action::Quit,
        zh: "退出",
        en: "quit",
        hint: Some(99),
    },
    Binding {
        ctx: &[Help],
        keys: &[Esc, Char('?'), Char('q'), Enter],
        label: "Esc",
        action: Action::Back,
        zh: "关闭帮助",
        en: "close help",
        hint: Some(8),
    },
    Binding {
        ctx: &[Confirm],
        keys: &[Char('y')],
        label: "y",
        action: Action::Yes,
        zh: "确认",
        en: "confirm",
        hint: Some(1),
    },
    Binding {
        ctx: &[Confirm],
        keys: &[Enter],
        label: "Enter",
        action: Action::Confirm,
        zh: "确定",
        en: "OK",
        hint: Some(1),
    },
    Binding {
        ctx: &[Confirm],
        keys: &[Char('n'), Esc],
        label: "n",
        action: Action::No,
        zh: "取消",
        en: "cancel",
        hint: Some(2),
    },
    Binding {
        ctx: &[Pin],
        keys: &[Enter],
        label: "Enter",
        action: Action::Confirm,
        zh: "确认",
        en: "confirm",
        hint: Some(1),
    },
    Binding {
        ctx: &[Pin],
        keys: &[Esc],
        label: "Esc",
        action: Action::Back,
        zh: "返回",
        en: "back",
        hint: Some(2),
    },
    Binding {
        ctx: &[Search],
        keys: &[Enter, Esc],
        label: "Enter",
        action: Action::Confirm,
        zh: "结束搜索",
        en: "end search",
        hint: Some(1),
    },
    Binding {
        ctx: &[Reason],
        keys: &[Enter],
        label: "Enter",
        action: Action::TextSave,
        zh: "确认",
        en: "confirm",
        hint: Some(1),
    },
    Binding {
        ctx: &[Editor, Reason],
        keys: &[Esc],
        label: "Esc",
        action: Action::No,
        zh: "取消",
        en: "cancel",
        hint: Some(2),
    },
    Binding {
        ctx: &[Office],
        keys: &[Tab],
        label: "Tab",
        action: Action::NextSection,
        zh: "下一页",
        en: "next tab",
        hint: Some(1),
    },
    Binding {
        ctx: &[Office],
        keys: &[BackTab],
        label: "S-Tab",
        action: Action::PrevSection,
        zh: "上一页",
        en: "previous tab",
        hint: None,
    },
    Binding {
        ctx: &[Office],
        keys: &[Enter],
        label: "Enter",
        action: Action::Open,
        zh: "查看详情",
        en: "details",
        hint: Some(1),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('t')],
        label: "t",
        action: Action::ShowPending,
        zh: "查看待办",
        en: "what is pending",
        hint: Some(2),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('p')],
        label: "p",
        action: Action::ToggleStage,
        zh: "初审/专家评审",
        en: "preliminary/expert",
        hint: Some(4),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('d')],
        label: "d",
        action: Action::Decide,
        zh: "决定并列",
        en: "decide a tie",
        hint: Some(2),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('e')],
        label: "e",
        action: Action::Excuse,
        zh: "记录缺席",
        en: "excuse an absent expert",
        hint: Some(2),
    },
    Binding {
        ctx: &[Office],
        keys: &[Esc],
        label: "Esc",
        action: Action::Back,
        zh: "返回",
        en: "back",
        hint: Some(8),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('?'), F(1)],
        label: "?",
        action: Action::Help,
        zh: "帮助",
        en: "help",
        hint: Some(98),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('q')],
        label: "q",
        action: Action::Quit,
        zh: "退出",
        en: "quit",
        hint: Some(99),
    },
    Binding {
        ctx: &[Choice],
        keys: &[Char(' ')],
        label: "空格",
        action: Action::Toggle,
        zh: "选入/取消",
        en: "pick/unpick",
        hint: Some(1),
    },
    Binding {
        ctx: &[Choice],
        keys: &[Enter],
        label: "Enter",
        action: Action::Confirm,
        zh: "填写理由",
        en: "give the reason",
        hint: Some(1),
    },
    Binding {
        ctx: &[Choice],
        keys: &[Esc],
        label: "Esc",
        action: Action::No,
        zh: "取消",
        en: "cancel",
        hint: Some(2),
    },
    Binding {
        ctx: &[Dossiers],
        keys: &[Char('x')],
        label: "x",
        action: Action::ExportBundle,
        zh: "导出评分包",
        en: "export bundle",
        hint: Some(3),
    },
    Binding {
        ctx: &[Documents],
        keys: &[Enter, Char('o')],
        label: "Enter",
        action: Action::Open,
        zh: "用查看程序打开",
        en: "open in the viewer",
        hint: Some(1),
    },
    Binding {
        ctx: &[Documents],
        keys: &[Esc, Char('q')],
        label: "Esc",
        action: Action::Back,
        zh: "关闭",
        en: "close",
        hint: Some(2),
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('i')],
        label: "i",
        action: Action::ImportBundles,
        zh: "导入评分包",
        en: "import bundles",
        hint: Some(3),
    },
];

/// Typing classes, for the help popup.
pub const TYPING: &[Binding] = &[
    Binding {
        ctx: &[Pin],
        keys: &[],
        label: "0-9",
        action: Action::Digit('0'),
        zh: "输入 PIN 码",
        en: "type the PIN",
        hint: Some(0),
    },
    Binding {
        ctx: &[Scoring],
        keys: &[],
        label: "0-9 .",
        action: Action::Digit('0'),
        zh: "输入分数",
        en: "type a score",
        hint: Some(0),
    },
    Binding {
        ctx: &[Editor],
        keys: &[],
        label: "Ctrl+S",
        action: Action::TextSave,
        zh: "保存意见",
        en: "save the comment",
        hint: Some(0),
    },
    Binding {
        ctx: &[Editor],
        keys: &[],
        label: "Enter",
        action: Action::TextNewline,
        zh: "换行",
        en: "new line",
        hint: None,
    },
    Binding {
        ctx: &[
            Rounds, Roles, Dossiers, Scoring, Office, Centres, Editor, Reason, Pin,
        ],
        keys: &[],
        label: "Ctrl+C",
        action: Action::Interrupt,
        zh: "退出（先询问）",
        en: "quit (asks first)",
        hint: None,
    },
];

impl Say for Binding {
    fn zh(&self) -> String {
        self.zh.to_string()
    }
    fn en(&self) -> String {
        self.en.to_string()
    }
}

/// The context keys are read in now.
pub fn context(app: &App) -> Ctx {
    if app.ask.is_some() {
        return Question;
    }
    match &app.popup {
        Some(Popup::Help) => return Help,
        Some(Popup::ConfirmSubmit { .. }) => return Confirm,
        Some(Popup::Comment { .. }) => return Editor,
        Some(Popup::Recuse { .. }) => return Reason,
        Some(Popup::Decide(c)) if c.reason.is_some() => return Reason,
        Some(Popup::Decide(_)) => return Choice,
        Some(Popup::Path { .. } | Popup::Name { .. } | Popup::Excuse { .. }) => return Reason,
        Some(Popup::ImportResult { .. }) => return Confirm,
        Some(Popup::Documents { .. }) => return Documents,
        Some(Popup::Pin(_)) => return Pin,
        None => {}
    }
    match &app.screen {
        Screen::Rounds { .. } => Rounds,
        Screen::Roles { .. } => Roles,
        Screen::Dossiers if app.list.searching => Search,
        Screen::Dossiers => Dossiers,
        Screen::Scoring(_) => Scoring,
        Screen::Office(_) => Office,
        Screen::Centres { .. } => Centres,
    }
}

/// The bindings that apply in a context, in table order.
pub fn bindings(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.ctx.contains(&ctx))
}

/// Turns a key into an action for the current context; `None` when it means nothing.
pub fn resolve(app: &App, key: KeyEvent) -> Option<Action> {
    let ctx = context(app);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == Char('c') {
        return Some(Action::Interrupt);
    }
    match ctx {
        Editor | Reason | Search => {
            if let Some(a) = text_key(ctx, key, ctrl) {
                return Some(a);
            }
        }
        Scoring => {
            if let Char(c @ ('0'..='9' | '.')) = key.code {
                return Some(Action::Digit(c));
            }
        }
        Pin => match key.code {
            Char(c @ '0'..='9') => return Some(Action::Digit(c)),
            Backspace => return Some(Action::TextBackspace),
            _ => {}
        },
        _ => {}
    }
    bindings(ctx)
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action.clone())
}

fn text_key(ctx: Ctx, key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        Char('s') if ctrl && ctx == Editor => Action::TextSave,
        Char(c) if !ctrl => Action::Text(c),
        Enter if ctx == Editor => Action::TextNewline,
        Backspace => Action::TextBackspace,
        Left => Action::TextLeft,
        Right => Action::TextRight,
        Up if ctx == Editor => Action::TextUp,
        Down if ctx == Editor => Action::TextDown,
        Home => Action::TextHome,
        End => Action::TextEnd,
        _ => return None,
    })
}

/// Mouse: wheel scrolls, left click selects.
pub fn mouse(m: MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(m.column, m.row)),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(m.column, m.row)),
        MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left) => {
            Some(Action::Click(m.column, m.row))
        }
        _ => None,
    }
}
