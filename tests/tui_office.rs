//! The secretary's desk: the ranking from the board, stages, tabs, the
//! drill-down and a decision on a tie at the cap.

mod common;

use common::*;
use insta::assert_snapshot;
use pingshen::domain::decision::Choice;
use pingshen::domain::ranking::Status;
use pingshen::domain::round::Stage;
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{App, Popup, Screen, Tab};
use pingshen::tui::update::update;
use ratatui::crossterm::event::KeyCode::*;

fn statuses(app: &App) -> Vec<(String, Status)> {
    let r = app.office.as_ref().unwrap().ranking.as_ref().unwrap();
    r.entries
        .iter()
        .map(|e| (e.dossier.clone(), e.status))
        .collect()
}

fn expert_stage() -> App {
    let mut app = office_app();
    press(&mut app, Char('p'));
    assert_eq!(app.office.as_ref().unwrap().stage, Stage::Expert);
    app
}

#[test]
fn the_secretary_is_the_last_role() {
    let mut app = fresh_app();
    open_round(&mut app);
    for _ in 0..3 {
        press(&mut app, Char('j'));
    }
    assert_eq!(
        press(&mut app, Enter),
        vec![Effect::LoadBoard {
            round: "tui-2024".into()
        }]
    );
}

#[test]
fn a_recognition_round_opens_on_the_shortlist_and_p_switches_stage() {
    let app = office_app();
    assert_eq!(app.screen, Screen::Office);
    assert_eq!(app.office.as_ref().unwrap().stage, Stage::Preliminary);
    let s = statuses(&app);
    assert!(s.contains(&("T-003".into(), Status::Ineligible)), "{s:?}");
    let app = expert_stage();
    let s = statuses(&app);
    assert_eq!(s[0], ("T-001".into(), Status::Selected), "{s:?}");
    assert!(s.contains(&("T-002".into(), Status::Undecided)), "{s:?}");
    assert!(s.contains(&("T-004".into(), Status::Undecided)), "{s:?}");
}

#[test]
fn tabs_cycle_and_enter_drills_down() {
    let mut app = expert_stage();
    press(&mut app, Tab);
    assert_eq!(app.office.as_ref().unwrap().tab, Tab::Chart);
    press(&mut app, BackTab);
    press(&mut app, Char('j'));
    press(&mut app, Enter);
    assert_eq!(app.office.as_ref().unwrap().tab, Tab::Detail);
    assert_eq!(app.office.as_ref().unwrap().sel, 1);
}

#[test]
fn a_tie_at_the_cap_is_decided_with_a_reason() {
    let mut app = expert_stage();
    press(&mut app, Char('d'));
    assert!(app.popup.is_none(), "T-001 has no tie to decide");
    assert!(note(&app).contains("没有需要决定的并列"));
    press(&mut app, Char('j'));
    press(&mut app, Char('d'));
    let Some(Popup::Decide(c)) = &app.popup else {
        panic!("no choice")
    };
    assert_eq!(
        (c.tied.clone(), c.places),
        (vec!["T-002".to_string(), "T-004".to_string()], 1)
    );
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(note(&app), "请选出 1 家（已选 0 家）");
    press(&mut app, Char('j'));
    press(&mut app, Char(' '));
    press(&mut app, Char('k'));
    press(&mut app, Char(' ')); // a second pick is refused: one place only
    let Some(Popup::Decide(c)) = &app.popup else {
        panic!()
    };
    assert_eq!(c.picked, vec!["T-004".to_string()]);
    press(&mut app, Enter);
    assert!(press(&mut app, Enter).is_empty(), "a reason is required");
    for ch in "现场答辩得分较高".chars() {
        press(&mut app, Char(ch));
    }
    let fx = press(&mut app, Enter);
    let [Effect::Decide(d)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(d.choice, Choice::Admit(vec!["T-004".into()]));
    assert_eq!(d.tied, vec!["T-002".to_string(), "T-004".to_string()]);
    assert_eq!(d.reason, "现场答辩得分较高");
    assert_eq!(d.stage, Stage::Expert);

    // the store answers with the board including the decision: T-004 in, T-002 an alternate
    let mut board = app.office.as_ref().unwrap().board.clone();
    board.decisions.push(*d.clone());
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    let s = statuses(&app);
    assert!(s.contains(&("T-004".into(), Status::Selected)), "{s:?}");
    assert!(s.contains(&("T-002".into(), Status::Alternate)), "{s:?}");
}

#[test]
fn frames() {
    let mut app = expert_stage();
    assert_snapshot!("office_ranking_80x24", frame(&mut app, 80, 24));
    assert_snapshot!("office_ranking_120x40", frame(&mut app, 120, 40));
    press(&mut app, Tab);
    assert_snapshot!("office_chart_120x40", frame(&mut app, 120, 40));
    press(&mut app, Tab);
    assert_snapshot!("office_detail_80x24", frame(&mut app, 80, 24));
    press(&mut app, Tab);
    assert_snapshot!("office_completeness_80x24", frame(&mut app, 80, 24));
    press(&mut app, Tab);
    assert_snapshot!("office_ties_80x24", frame(&mut app, 80, 24));
    press(&mut app, Tab);
    press(&mut app, Char('j'));
    press(&mut app, Char('d'));
    press(&mut app, Char(' '));
    assert_snapshot!("office_decide_80x24", frame(&mut app, 80, 24));
}
