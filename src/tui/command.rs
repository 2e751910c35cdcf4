//! Keys to actions, by context, from one table that also feeds the hint bar and
//! the help popup.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use super::action::Action;
use super::app::{App, Popup, Screen};
use crate::lang::Lang;

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
}

pub struct Binding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [KeyCode],
    /// How the key is written in hints and help.
    pub label: &'static str,
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
    /// Shown in the bottom hint bar (the help lists all).
    pub hint: bool,
}

use Ctx::*;
use KeyCode::*;

const LISTS: &[Ctx] = &[Rounds, Roles, Dossiers, Scoring, Office, Choice, Centres];

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
        hint: false,
    },
    Binding {
        ctx: LISTS,
        keys: &[Char('k'), KeyCode::Up],
        label: "k/↑",
        action: Action::Up,
        zh: "上一项",
        en: "previous",
        hint: false,
    },
    Binding {
        ctx: LISTS,
        keys: &[KeyCode::PageDown],
        label: "PgDn",
        action: Action::PageDown,
        zh: "下翻页",
        en: "page down",
        hint: false,
    },
    Binding {
        ctx: LISTS,
        keys: &[KeyCode::PageUp],
        label: "PgUp",
        action: Action::PageUp,
        zh: "上翻页",
        en: "page up",
        hint: false,
    },
    Binding {
        ctx: LISTS,
        keys: &[Char('g'), KeyCode::Home],
        label: "g",
        action: Action::Top,
        zh: "第一项",
        en: "first",
        hint: false,
    },
    Binding {
        ctx: LISTS,
        keys: &[Char('G'), KeyCode::End],
        label: "G",
        action: Action::Bottom,
        zh: "最后一项",
        en: "last",
        hint: false,
    },
    Binding {
        ctx: &[Rounds, Roles, Dossiers],
        keys: &[Enter, Right, Char('l')],
        label: "Enter",
        action: Action::Open,
        zh: "打开",
        en: "open",
        hint: true,
    },
    Binding {
        ctx: &[Rounds],
        keys: &[Char('c')],
        label: "c",
        action: Action::OpenCentres,
        zh: "在册中心",
        en: "centres",
        hint: true,
    },
    Binding {
        ctx: &[Roles, Dossiers, Scoring, Centres],
        keys: &[Esc, Left, Char('h')],
        label: "Esc",
        action: Action::Back,
        zh: "返回",
        en: "back",
        hint: true,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Tab],
        label: "Tab",
        action: Action::NextSection,
        zh: "下一部分",
        en: "next section",
        hint: true,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[BackTab],
        label: "S-Tab",
        action: Action::PrevSection,
        zh: "上一部分",
        en: "previous section",
        hint: false,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Enter],
        label: "Enter",
        action: Action::Confirm,
        zh: "确认分数",
        en: "confirm score",
        hint: true,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('+'), Char('=')],
        label: "+/-",
        action: Action::Increment,
        zh: "加减一档",
        en: "step up/down",
        hint: true,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('-')],
        label: "-",
        action: Action::Decrement,
        zh: "减一档",
        en: "step down",
        hint: false,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Backspace],
        label: "⌫",
        action: Action::Erase,
        zh: "删除输入",
        en: "erase input",
        hint: false,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('c')],
        label: "c",
        action: Action::Comment,
        zh: "意见",
        en: "comment",
        hint: true,
    },
    Binding {
        ctx: &[Scoring],
        keys: &[Char('s')],
        label: "s",
        action: Action::Submit,
        zh: "提交",
        en: "submit",
        hint: true,
    },
    Binding {
        ctx: &[Dossiers, Scoring],
        keys: &[Char('r')],
        label: "r",
        action: Action::Recuse,
        zh: "声明回避",
        en: "declare conflict",
        hint: true,
    },
    Binding {
        ctx: &[Dossiers],
        keys: &[Char('f')],
        label: "f",
        action: Action::CycleFilter,
        zh: "按状态筛选",
        en: "filter by status",
        hint: true,
    },
    Binding {
        ctx: &[Dossiers],
        keys: &[Char('/')],
        label: "/",
        action: Action::StartSearch,
        zh: "搜索",
        en: "search",
        hint: true,
    },
    Binding {
        ctx: &[Rounds, Roles, Dossiers, Scoring, Centres],
        keys: &[Char('?'), F(1)],
        label: "?",
        action: Action::Help,
        zh: "帮助",
        en: "help",
        hint: true,
    },
    Binding {
        ctx: &[Rounds, Roles, Dossiers, Scoring, Centres],
        keys: &[Char('q')],
        label: "q",
        action: Action::Quit,
        zh: "退出",
        en: "quit",
        hint: true,
    },
    Binding {
        ctx: &[Help],
        keys: &[Esc, Char('?'), Char('q'), Enter],
        label: "Esc",
        action: Action::Back,
        zh: "关闭帮助",
        en: "close help",
        hint: true,
    },
    Binding {
        ctx: &[Confirm],
        keys: &[Char('y'), Enter],
        label: "y",
        action: Action::Yes,
        zh: "确认",
        en: "confirm",
        hint: true,
    },
    Binding {
        ctx: &[Confirm],
        keys: &[Char('n'), Esc],
        label: "n",
        action: Action::No,
        zh: "取消",
        en: "cancel",
        hint: true,
    },
    Binding {
        ctx: &[Search],
        keys: &[Enter, Esc],
        label: "Enter",
        action: Action::Confirm,
        zh: "结束搜索",
        en: "end search",
        hint: true,
    },
    Binding {
        ctx: &[Reason],
        keys: &[Enter],
        label: "Enter",
        action: Action::TextSave,
        zh: "确认",
        en: "confirm",
        hint: true,
    },
    Binding {
        ctx: &[Editor, Reason],
        keys: &[Esc],
        label: "Esc",
        action: Action::No,
        zh: "取消",
        en: "cancel",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[Tab],
        label: "Tab",
        action: Action::NextSection,
        zh: "下一页",
        en: "next tab",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[BackTab],
        label: "S-Tab",
        action: Action::PrevSection,
        zh: "上一页",
        en: "previous tab",
        hint: false,
    },
    Binding {
        ctx: &[Office],
        keys: &[Enter],
        label: "Enter",
        action: Action::Open,
        zh: "查看详情",
        en: "details",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('p')],
        label: "p",
        action: Action::ToggleStage,
        zh: "初审/专家评审",
        en: "preliminary/expert",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('d')],
        label: "d",
        action: Action::Decide,
        zh: "决定并列",
        en: "decide a tie",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[Esc],
        label: "Esc",
        action: Action::Back,
        zh: "返回",
        en: "back",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('?'), F(1)],
        label: "?",
        action: Action::Help,
        zh: "帮助",
        en: "help",
        hint: true,
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('q')],
        label: "q",
        action: Action::Quit,
        zh: "退出",
        en: "quit",
        hint: true,
    },
    Binding {
        ctx: &[Choice],
        keys: &[Char(' ')],
        label: "空格",
        action: Action::Toggle,
        zh: "选入/取消",
        en: "pick/unpick",
        hint: true,
    },
    Binding {
        ctx: &[Choice],
        keys: &[Enter],
        label: "Enter",
        action: Action::Confirm,
        zh: "填写理由",
        en: "give the reason",
        hint: true,
    },
    Binding {
        ctx: &[Choice],
        keys: &[Esc],
        label: "Esc",
        action: Action::No,
        zh: "取消",
        en: "cancel",
        hint: true,
    },
    Binding {
        ctx: &[Dossiers],
        keys: &[Char('x')],
        label: "x",
        action: Action::ExportBundle,
        zh: "导出评分包",
        en: "export bundle",
        hint: false,
    },
    Binding {
        ctx: &[Office],
        keys: &[Char('i')],
        label: "i",
        action: Action::ImportBundles,
        zh: "导入评分包",
        en: "import bundles",
        hint: true,
    },
];

/// Typing classes, for the help popup.
pub const TYPING: &[(&[Ctx], &str, &str, &str)] = &[
    (&[Scoring], "0-9 .", "输入分数", "type a score"),
    (&[Editor], "Ctrl+S", "保存意见", "save the comment"),
    (&[Editor], "Enter", "换行", "new line"),
];

impl Binding {
    pub fn words(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// The context keys are read in now.
pub fn context(app: &App) -> Ctx {
    match &app.popup {
        Some(Popup::Help) => return Help,
        Some(Popup::ConfirmSubmit { .. }) => return Confirm,
        Some(Popup::Comment { .. }) => return Editor,
        Some(Popup::Recuse { .. }) => return Reason,
        Some(Popup::Decide(c)) if c.reason.is_some() => return Reason,
        Some(Popup::Decide(_)) => return Choice,
        Some(Popup::Path { .. }) => return Reason,
        Some(Popup::ImportResult { .. }) => return Confirm,
        None => {}
    }
    match &app.screen {
        Screen::Rounds { .. } => Rounds,
        Screen::Roles { .. } => Roles,
        Screen::Dossiers if app.list.searching => Search,
        Screen::Dossiers => Dossiers,
        Screen::Scoring(_) => Scoring,
        Screen::Office => Office,
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
        return Some(Action::Quit);
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
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left) => {
            Some(Action::Click(m.column, m.row))
        }
        _ => None,
    }
}
