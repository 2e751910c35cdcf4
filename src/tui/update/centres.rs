//! The register screen's changes: opened with the register as loaded, moved
//! through, left for the round picker.

use super::moved;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Register, Screen};

pub fn loaded(app: &mut App, register: Register) {
    let n = register.centres.len();
    let sel = match app.screen {
        Screen::Centres { sel } => sel.min(n.saturating_sub(1)),
        _ => 0,
    };
    app.register = Some(register);
    app.popup = None;
    app.screen = Screen::Centres { sel };
}

pub fn keys(app: &mut App, a: Action) -> Vec<Effect> {
    let n = app.register.as_ref().map_or(0, |r| r.centres.len());
    let Screen::Centres { sel } = &mut app.screen else {
        return vec![];
    };
    if let Some(s) = moved(*sel, n, &a) {
        *sel = s;
    } else if a == Action::Back {
        app.screen = Screen::Rounds { sel: 0 };
        app.register = None;
    }
    vec![]
}
