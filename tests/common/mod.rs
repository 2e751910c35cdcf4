//! Shared helpers for the terminal UI's tests: fixture rounds and key presses.
#![allow(dead_code)]

pub mod tmux;
pub mod tools;

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
    app.user = "secretary1".into();
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
    app.screen = Screen::Scoring(Scoring::new(dossier));
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
    app.screen = Screen::Scoring(Scoring::new("A-001"));
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

/// Answers as the store would after a submission; only a card the store
/// accepts (every item scored, every comment required given) can be.
pub fn answer_submitted(app: &mut App, dossier: &str) -> Vec<Effect> {
    let mut card = card_of(app, dossier);
    if let Some(sheet) = app.sheet() {
        let gaps = card.gaps(sheet);
        assert!(
            gaps.is_empty(),
            "the store refuses to submit this card: {gaps:?}"
        );
    }
    card.status = Status::Submitted;
    card.submitted = Some(at());
    update(app, Action::Saved(Box::new(card)))
}

/// A submitted card with these scores, for the secretary's board.
pub fn submitted(
    stage: pingshen::domain::round::Stage,
    expert: &str,
    dossier: &str,
    scores: &[(&str, &str)],
) -> Card {
    let mut c = Card::new("tui-2024", stage, expert, dossier, at());
    for (item, v) in scores {
        c.scores.insert(item.to_string(), v.parse().unwrap());
    }
    c.status = Status::Submitted;
    c.submitted = Some(at());
    c
}

/// The secretary's desk on the fixture round: T-002 and T-004 level at the cap of 2.
pub fn office_app() -> App {
    use pingshen::domain::round::Stage::{Expert, Preliminary};
    let mut app = fresh_app();
    open_round(&mut app);
    fn full<'a>(a: &'a str, b: &'a str, c: &'a str, d: &'a str) -> [(&'static str, &'a str); 4] {
        [("S1.1", a), ("S1.2", b), ("S2.1", c), ("S2.2", d)]
    }
    let mut cards = Vec::new();
    for (dossier, s) in [
        ("T-001", full("10", "5", "8", "4")),
        ("T-002", full("7", "4", "7", "3")),
        ("T-004", full("7", "4", "7", "3")),
    ] {
        cards.push(submitted(Preliminary, "P1", dossier, &s));
        for e in ["E1", "E2"] {
            cards.push(submitted(Expert, e, dossier, &s));
        }
    }
    // E2's card for T-001 is far from E1's: a deviation to flag
    cards.retain(|c| !(c.expert == "E2" && c.dossier == "T-001"));
    cards.push(submitted(Expert, "E2", "T-001", &full("1", "5", "8", "4")));
    let board = pingshen::tui::desk::Board {
        cards,
        recusals: vec![("E2".into(), "T-003".into())],
        decisions: vec![],
        excuses: vec![],
        centres: vec![],
        agency: vec![],
        earlier: vec![],
    };
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    app
}

/// Draws the app into a test terminal of `w`×`h` and returns the screen as text,
/// one line per row, wide characters taking their two columns.
pub fn frame(app: &mut App, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| pingshen::tui::view::draw(f, app)).unwrap();
    let b = t.backend().buffer();
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut skip = 0;
        for x in 0..b.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = b[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push_str("│\n");
    }
    out
}
