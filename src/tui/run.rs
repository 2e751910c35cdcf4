//! The event loop: the terminal set up and always restored, keys and mouse read,
//! actions dispatched, frames drawn.

use std::io;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use super::action::{Action, Effect};
use super::app::App;
use super::command;
use super::desk::{Desk, dispatch};
use super::view;
use crate::lang::Lang;

/// Where to start: a round and a scorer may be given on the command line.
#[derive(Clone, Debug, Default)]
pub struct Start {
    pub lang: Lang,
    pub round: Option<String>,
    pub scorer: Option<String>,
    /// Open the secretary's desk of the round.
    pub secretary: bool,
}

/// The app as it stands after the start-up steps, before the first frame.
pub fn start(desk: &mut dyn Desk, start: &Start) -> App {
    let mut app = App::new(start.lang);
    app.plain = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    app.key = desk.key_fingerprint();
    app.user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    let rounds = desk.rounds();
    match rounds {
        Ok(list) => {
            let only = (list.len() == 1).then(|| list[0].id.clone());
            dispatch(desk, &mut app, Action::RoundsListed(list));
            if let Some(id) = start.round.clone().or(only) {
                let opened = perform_open(desk, &id);
                dispatch(desk, &mut app, opened);
            }
        }
        Err(e) => dispatch(desk, &mut app, Action::Failed(e.into())),
    }
    let Some(round) = app.data.as_ref().map(|d| d.round.id.clone()) else {
        return app;
    };
    let effect = match &start.scorer {
        // The expert's PIN is asked first when the round asks for one.
        Some(scorer) => Some(Effect::Gate {
            round,
            scorer: scorer.clone(),
        }),
        None if start.secretary => Some(Effect::LoadBoard { round }),
        None => None,
    };
    if let Some(e) = effect {
        let answer = super::desk::perform(desk, &app, e);
        dispatch(desk, &mut app, answer);
    }
    app
}

fn perform_open(desk: &mut dyn Desk, id: &str) -> Action {
    match desk.open_round(id) {
        Ok(d) => Action::RoundOpened(Box::new(d)),
        Err(e) => Action::Failed(e.into()),
    }
}

/// Runs the UI until the person quits; the terminal is restored on every way out,
/// a panic included (ratatui's init installs that hook).
pub fn run(desk: &mut dyn Desk, how: &Start) -> io::Result<()> {
    let mut app = start(desk, how);
    // Ours first: ratatui's hook (installed by try_init) restores the screen, then
    // calls this one, which gives the mouse back before the panic is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableMouseCapture)?;
    let result = (|| -> io::Result<()> {
        let size = terminal.size()?;
        dispatch(desk, &mut app, Action::Resize(size.width, size.height));
        // For start-up measurements: leave as soon as the first frame is on screen.
        let first_frame_only = std::env::var_os("PINGSHEN_EXIT_AFTER_FIRST_FRAME").is_some();
        while !app.quit {
            terminal.draw(|f| view::draw(f, &app))?;
            if first_frame_only {
                break;
            }
            let action = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => command::resolve(&app, k),
                Event::Mouse(m) => command::mouse(m),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                dispatch(desk, &mut app, a);
            }
        }
        Ok(())
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}
