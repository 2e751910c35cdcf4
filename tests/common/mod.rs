//! Shared helpers for the terminal UI's tests: fixture rounds and key presses.
#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, Utc};
use pingshen::domain::Points;
use pingshen::domain::card::{Card, Status};
use pingshen::load::{self, Disk};
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{App, RoundData, RoundSummary, Scoring, Screen};
use pingshen::tui::command::resolve;
use pingshen::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn round_data(path: &str) -> RoundData {
    let r = load::round(&Disk, Path::new(path)).expect("fixture round is valid");
    RoundData {
        round: r.round,
        sheet: r.sheet,
        eligibility: r.eligibility,
        dossiers: r.dossiers,
    }
}

pub fn fresh_app() -> App {
    let mut app = App::new(pingshen::lang::Lang::Zh);
    update(
        &mut app,
        Action::RoundsListed(vec![RoundSummary {
            id: "tui-2024".into(),
            title: "界面测试轮次".into(),
        }]),
    );
    app
}

pub fn open_round(app: &mut App) {
    update(
        app,
        Action::RoundOpened(Box::new(round_data("tests/fixtures/tui/round.ron"))),
    );
}

pub fn list_app() -> App {
    let mut app = fresh_app();
    open_round(&mut app);
    app.scorer = Some("E1".into());
    update(
        &mut app,
        Action::DeskLoaded {
            cards: vec![],
            recused: vec![],
        },
    );
    app
}

pub fn scoring_app(dossier: &str) -> App {
    let mut app = list_app();
    app.screen = Screen::Scoring(Scoring {
        dossier: dossier.into(),
        sel: 0,
        input: String::new(),
    });
    app
}

pub fn indicator_app() -> App {
    let mut app = App::new(pingshen::lang::Lang::Zh);
    let data = round_data("tests/fixtures/tui-indicators/round.ron");
    update(
        &mut app,
        Action::RoundsListed(vec![RoundSummary {
            id: data.round.id.clone(),
            title: data.round.title.clone(),
        }]),
    );
    update(&mut app, Action::RoundOpened(Box::new(data)));
    app.scorer = Some("E1".into());
    update(
        &mut app,
        Action::DeskLoaded {
            cards: vec![],
            recused: vec![],
        },
    );
    app.screen = Screen::Scoring(Scoring {
        dossier: "A-001".into(),
        sel: 0,
        input: String::new(),
    });
    app
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    resolve(app, KeyEvent::new(code, KeyModifiers::NONE)).map_or_else(Vec::new, |a| update(app, a))
}

pub fn press_ctrl(app: &mut App, c: char) -> Vec<Effect> {
    resolve(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
        .map_or_else(Vec::new, |a| update(app, a))
}

pub fn keys(app: &mut App, s: &str) -> Vec<Effect> {
    s.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

pub fn input(app: &App) -> String {
    match &app.screen {
        Screen::Scoring(s) => s.input.clone(),
        _ => String::new(),
    }
}

pub fn sel(app: &App) -> usize {
    match &app.screen {
        Screen::Scoring(s) => s.sel,
        _ => app.list.sel,
    }
}

pub fn note(app: &App) -> String {
    app.note
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

pub fn visible(app: &App) -> Vec<String> {
    app.visible_dossiers()
        .iter()
        .map(|d| d.id.clone())
        .collect()
}

pub fn save(dossier: &str, item: &str, v: &str) -> Effect {
    Effect::SaveScore {
        dossier: dossier.into(),
        item: item.into(),
        value: v.parse::<Points>().unwrap(),
    }
}

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2024-06-20T09:30:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn card_of(app: &App, dossier: &str) -> Card {
    app.card(dossier)
        .cloned()
        .unwrap_or_else(|| Card::new("tui-2024", app.stage(), "E1", dossier, at()))
}

/// Answers as the store would after durable writes of these scores.
pub fn answer_saved(app: &mut App, dossier: &str, scores: &[(&str, &str)]) -> Vec<Effect> {
    let mut card = card_of(app, dossier);
    for (item, v) in scores {
        card.scores.insert(item.to_string(), v.parse().unwrap());
    }
    update(app, Action::Saved(Box::new(card)))
}

pub fn set_comment(app: &mut App, dossier: &str, item: &str, text: &str) {
    let mut card = card_of(app, dossier);
    card.comments.insert(item.into(), text.into());
    update(app, Action::Saved(Box::new(card)));
}

pub fn answer_submitted(app: &mut App, dossier: &str) -> Vec<Effect> {
    let mut card = card_of(app, dossier);
    card.status = Status::Submitted;
    card.submitted = Some(at());
    update(app, Action::Saved(Box::new(card)))
}
