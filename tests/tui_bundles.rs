//! Bundles through the terminal UI, on real stores: an expert scores and exports
//! on a laptop; the secretary imports, confirms the new key, and sees the card.

use pingshen::load::{self, Disk};
use pingshen::store::Store;
use pingshen::tui::action::Action;
use pingshen::tui::app::{App, Popup};
use pingshen::tui::command::resolve;
use pingshen::tui::desk::dispatch;
use pingshen::tui::run::{Start, start};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn store_with_round(dir: &std::path::Path) -> Store {
    let mut s = Store::open(dir).unwrap();
    let round = load::round(&Disk, std::path::Path::new("tests/fixtures/tui/round.ron")).unwrap();
    s.init_round(&round, "secretary").unwrap();
    s
}

fn key(store: &mut Store, app: &mut App, code: KeyCode) {
    if let Some(a) = resolve(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        dispatch(store, app, a);
    }
}

fn text(store: &mut Store, app: &mut App, s: &str) {
    for c in s.chars() {
        key(store, app, KeyCode::Char(c));
    }
}

fn note(app: &App) -> String {
    app.note
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn an_expert_exports_and_the_secretary_imports_after_confirming_the_key() {
    let laptop_dir = tempfile::tempdir().unwrap();
    let office_dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let mut laptop = store_with_round(laptop_dir.path());
    let mut office = store_with_round(office_dir.path());

    // The expert scores T-001 completely and submits it.
    let how = Start {
        round: Some("tui-2024".into()),
        scorer: Some("E1".into()),
        ..Default::default()
    };
    let mut app = start(&mut laptop, &how);
    key(&mut laptop, &mut app, KeyCode::Enter);
    for v in ["8", "4", "7", "3"] {
        text(&mut laptop, &mut app, v);
        key(&mut laptop, &mut app, KeyCode::Enter);
    }
    // the last item stays selected; it always needs a comment
    key(&mut laptop, &mut app, KeyCode::Char('c'));
    text(&mut laptop, &mut app, "质押合同齐全");
    dispatch(&mut laptop, &mut app, Action::TextSave);
    key(&mut laptop, &mut app, KeyCode::Char('s'));
    key(&mut laptop, &mut app, KeyCode::Char('y'));
    assert!(
        app.card("T-001").is_some_and(|c| c.is_submitted()),
        "{}",
        note(&app)
    );
    key(&mut laptop, &mut app, KeyCode::Esc);

    // x proposes a file named by round, expert and sequence; a folder typed
    // instead gets that name, and the key is shown.
    key(&mut laptop, &mut app, KeyCode::Char('x'));
    let Some(Popup::Path { editor, .. }) = &app.popup else {
        panic!("no path asked: {}", note(&app))
    };
    let proposed = editor.text();
    assert!(proposed.ends_with("/tui-2024-E1-1.bundle"), "{proposed}");
    for _ in proposed.chars() {
        key(&mut laptop, &mut app, KeyCode::Backspace);
    }
    text(&mut laptop, &mut app, stick.path().to_str().unwrap());
    key(&mut laptop, &mut app, KeyCode::Enter);
    assert!(note(&app).starts_with("已导出评分包"), "{}", note(&app));
    let fingerprint = app.key.clone().expect("the laptop's key is shown");
    assert_eq!(std::fs::read_dir(stick.path()).unwrap().count(), 1);

    // The secretary imports the folder: refused until the new key is confirmed.
    let how = Start {
        round: Some("tui-2024".into()),
        secretary: true,
        ..Default::default()
    };
    let mut desk = start(&mut office, &how);
    key(&mut office, &mut desk, KeyCode::Char('i'));
    key(&mut office, &mut desk, KeyCode::Backspace);
    text(&mut office, &mut desk, stick.path().to_str().unwrap());
    key(&mut office, &mut desk, KeyCode::Enter);
    let Some(Popup::ImportResult { lines, .. }) = &desk.popup else {
        panic!("no result: {}", note(&desk))
    };
    assert_eq!(lines.len(), 1);
    assert!(lines[0].refused);
    let new_key = lines[0].unknown_key.clone().unwrap();
    assert_eq!(
        (new_key.expert.as_str(), &new_key.fingerprint),
        ("E1", &fingerprint)
    );
    let full = new_key.full.unwrap();
    assert_eq!(full.len(), 64 + 15, "{full}");
    assert!(full.starts_with(&fingerprint), "{full}");
    assert!(
        desk.office()
            .unwrap()
            .board
            .cards
            .iter()
            .all(|c| c.expert != "E1")
    );

    // n: the fingerprints differ, nothing is imported
    key(&mut office, &mut desk, KeyCode::Char('n'));
    assert!(desk.popup.is_none());
    let cards = &desk.office().unwrap().board.cards;
    assert!(cards.iter().all(|c| c.expert != "E1"));
    key(&mut office, &mut desk, KeyCode::Char('i'));
    key(&mut office, &mut desk, KeyCode::Backspace);
    text(&mut office, &mut desk, stick.path().to_str().unwrap());
    key(&mut office, &mut desk, KeyCode::Enter);

    key(&mut office, &mut desk, KeyCode::Char('y'));
    let Some(Popup::ImportResult { lines, .. }) = &desk.popup else {
        panic!("no second result")
    };
    assert!(!lines[0].refused, "{}", lines[0].said.zh);
    assert!(
        lines[0].said.zh.contains("导入 1 张"),
        "{}",
        lines[0].said.zh
    );
    let board = &desk.office().unwrap().board;
    assert!(
        board
            .cards
            .iter()
            .any(|c| c.expert == "E1" && c.dossier == "T-001" && c.is_submitted())
    );
    key(&mut office, &mut desk, KeyCode::Enter);
    assert!(desk.popup.is_none());
    assert!(
        office
            .audit_verify(Some("tui-2024"))
            .unwrap()
            .broken
            .is_none()
    );
}

/// The desk's excuse goes into the store: `rank` then expects no card from
/// the absent expert, and the audit log holds it.
#[test]
fn the_secretary_excuses_an_absent_expert_from_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let mut office = store_with_round(dir.path());
    let how = Start {
        round: Some("tui-2024".into()),
        secretary: true,
        ..Default::default()
    };
    let mut desk = start(&mut office, &how);
    desk.secretary = Some("王秘书".into());
    // no expert card yet: the desk opens on the preliminary stage
    key(&mut office, &mut desk, KeyCode::Char('p'));
    key(&mut office, &mut desk, KeyCode::Char('t'));
    // the first row is the first expert's heading: excused from the round
    key(&mut office, &mut desk, KeyCode::Char('e'));
    assert!(
        matches!(&desk.popup, Some(Popup::Excuse { dossier: None, .. })),
        "{:?} {}",
        desk.popup,
        note(&desk)
    );
    text(&mut office, &mut desk, "因病缺席");
    key(&mut office, &mut desk, KeyCode::Enter);
    key(&mut office, &mut desk, KeyCode::Char('y'));
    assert!(
        note(&desk).starts_with("已记录：专家 E1 缺席本轮评审（因病缺席）"),
        "{}",
        note(&desk)
    );
    let excuses = office.excuses("tui-2024").unwrap();
    assert_eq!(excuses.len(), 1);
    assert_eq!(
        (
            excuses[0].expert.as_str(),
            excuses[0].dossier.as_deref(),
            excuses[0].by.as_str()
        ),
        ("E1", None, "王秘书")
    );
    assert!(
        desk.office().unwrap().board.excuses.len() == 1,
        "the board is reloaded with the excuse"
    );
}
