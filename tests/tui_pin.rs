//! The PIN asked before an expert's desk opens, in `update` (no I/O) and as
//! frames: typed masked, handed to the store, a refusal said in the popup.

mod common;

use common::*;
use insta::assert_snapshot;
use pingshen::domain::pin::{Gate, Pin, PinRefusal};
use pingshen::store::StoreError;
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{App, PinStep, Popup, Screen};
use pingshen::tui::desk::DeskError;
use pingshen::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;

fn asked(gate: Gate) -> App {
    let mut app = fresh_app();
    open_round(&mut app);
    assert_eq!(
        press(&mut app, Enter),
        vec![Effect::Gate {
            round: "tui-2024".into(),
            scorer: "E1".into()
        }]
    );
    let fx = update(
        &mut app,
        Action::Gate {
            scorer: "E1".into(),
            gate,
        },
    );
    assert!(fx.is_empty(), "the desk waits for the PIN");
    app
}

fn prompt(app: &App) -> &pingshen::tui::app::PinPrompt {
    match &app.popup {
        Some(Popup::Pin(p)) => p,
        other => panic!("no PIN prompt: {other:?}"),
    }
}

fn refused(r: PinRefusal) -> Action {
    Action::Failed(DeskError::Store(StoreError::Pin(r)).into())
}

fn frame(app: &mut App, w: u16, h: u16) -> String {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| pingshen::tui::view::draw(f, app)).unwrap();
    format!("{}", t.backend())
}

#[test]
fn the_pin_is_typed_masked_and_goes_to_the_store_with_the_desk() {
    let mut app = asked(Gate::Ask);
    assert_eq!(app.scorer, None, "no desk before the PIN");
    assert!(keys(&mut app, "24x6").is_empty(), "letters are not typed");
    press(&mut app, Backspace);
    keys(&mut app, "68");
    assert_eq!(prompt(&app).typed, "2468");
    let screen = frame(&mut app, 80, 24);
    assert!(
        screen.contains("●●●●") && !screen.contains("2468"),
        "{screen}"
    );
    assert_snapshot!("pin_asked_80x24", screen);

    let fx = press(&mut app, Enter);
    assert_eq!(
        fx,
        vec![Effect::LoadDesk {
            round: "tui-2024".into(),
            scorer: "E1".into(),
            pin: Some(Pin::parse("2468").unwrap()),
        }]
    );
    // The store finds it wrong: said in the prompt, the desk stays closed.
    update(
        &mut app,
        refused(PinRefusal::Wrong {
            expert: "E1".into(),
            left: 3,
        }),
    );
    assert_eq!(app.scorer, None);
    assert_eq!(prompt(&app).typed, "");
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!("pin_wrong_in_english_120x40", frame(&mut app, 120, 40));
    app.lang = pingshen::lang::Lang::Zh;

    // Too short a PIN is not sent.
    keys(&mut app, "12");
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(
        prompt(&app).refused.as_ref().map(|s| s.zh.as_str()),
        Some("PIN 码应为 4 到 8 位数字")
    );
    // The right one: the desk opens and the prompt closes.
    keys(&mut app, "13579");
    assert_eq!(press(&mut app, Enter).len(), 1);
    update(
        &mut app,
        Action::DeskLoaded {
            cards: vec![],
            recused: vec![],
        },
    );
    assert_eq!(app.popup, None);
    assert_eq!(app.scorer.as_deref(), Some("E1"));
    assert_eq!(app.screen, Screen::Dossiers);
}

#[test]
fn a_first_pin_is_typed_twice_and_esc_goes_back() {
    let mut app = asked(Gate::FirstUse);
    assert_eq!(prompt(&app).step, PinStep::New);
    assert_snapshot!("pin_first_use_80x24", frame(&mut app, 80, 24));
    keys(&mut app, "1357");
    assert!(press(&mut app, Enter).is_empty());
    assert!(matches!(prompt(&app).step, PinStep::Again(_)));
    keys(&mut app, "1358");
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(prompt(&app).step, PinStep::New, "not the same: start again");
    assert_eq!(
        prompt(&app).refused.as_ref().map(|s| s.en.as_str()),
        Some("the two PINs typed are not the same; nothing was saved")
    );
    keys(&mut app, "1357");
    press(&mut app, Enter);
    keys(&mut app, "1357");
    assert_eq!(
        press(&mut app, Enter),
        vec![Effect::SetPin {
            round: "tui-2024".into(),
            scorer: "E1".into(),
            pin: Pin::parse("1357").unwrap(),
        }]
    );

    let mut app = asked(Gate::Ask);
    keys(&mut app, "99");
    press(&mut app, Esc);
    assert_eq!(app.popup, None);
    assert_eq!(app.scorer, None);
    assert_eq!(app.screen, Screen::Roles { sel: 0 });
}
