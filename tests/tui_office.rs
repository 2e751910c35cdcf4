//! The secretary's desk: the ranking from the board, stages, tabs, the
//! drill-down and a decision on a tie at the cap.

mod common;

use common::*;
use insta::assert_snapshot;
use pingshen::domain::decision::Choice;
use pingshen::domain::ranking::Status;
use pingshen::domain::round::Stage;
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{App, Popup, Question, Screen, Tab};
use pingshen::tui::update::update;
use ratatui::crossterm::event::KeyCode::*;

fn statuses(app: &App) -> Vec<(String, Status)> {
    let r = app.office().unwrap().ranking.as_ref().unwrap();
    r.entries
        .iter()
        .map(|e| (e.dossier.clone(), e.status))
        .collect()
}

fn expert_stage() -> App {
    let app = office_app();
    assert_eq!(
        app.office().unwrap().stage,
        Stage::Expert,
        "the desk opens on the latest stage that has cards"
    );
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
fn a_recognition_round_opens_on_the_latest_stage_with_cards_and_p_switches_stage() {
    // only the preliminary scorer's cards: the shortlist
    let mut app = fresh_app();
    open_round(&mut app);
    let board = pingshen::tui::desk::Board {
        cards: vec![submitted(
            Stage::Preliminary,
            "P1",
            "T-001",
            &[("S1.1", "5")],
        )],
        ..Default::default()
    };
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    assert!(matches!(app.screen, Screen::Office(_)));
    assert_eq!(app.office().unwrap().stage, Stage::Preliminary);

    let mut app = office_app();
    press(&mut app, Char('p'));
    assert_eq!(app.office().unwrap().stage, Stage::Preliminary);
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
    assert_eq!(app.office().unwrap().tab, Tab::Chart);
    press(&mut app, BackTab);
    press(&mut app, Char('j'));
    press(&mut app, Enter);
    assert_eq!(app.office().unwrap().tab, Tab::Detail);
    assert_eq!(app.office().unwrap().sel, 1);
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
    assert_eq!(note(&app), "请填写决定理由");
    for ch in "现场答辩得分较高".chars() {
        press(&mut app, Char(ch));
    }
    // the first decision of the session asks the secretary's name, the
    // system user's offered
    assert!(press(&mut app, Enter).is_empty());
    assert!(
        matches!(&app.popup, Some(Popup::Name { editor, .. }) if editor.text() == "secretary1")
    );
    for _ in 0.."secretary1".len() {
        press(&mut app, Backspace);
    }
    for ch in "王秘书".chars() {
        press(&mut app, Char(ch));
    }
    assert!(press(&mut app, Enter).is_empty(), "then asks to confirm");
    let Some(Question::Decide(asked)) = &app.ask else {
        panic!("no confirmation: {}", note(&app))
    };
    assert_eq!(asked.by, "王秘书");
    let fx = press(&mut app, Char('y'));
    let [Effect::Decide(d)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(d.by, "王秘书");
    assert_eq!(d.choice, Choice::Admit(vec!["T-004".into()]));
    assert_eq!(d.tied, vec!["T-002".to_string(), "T-004".to_string()]);
    assert_eq!(d.reason, "现场答辩得分较高");
    assert_eq!(d.stage, Stage::Expert);

    // the store answers with the board including the decision: T-004 in, T-002 an alternate
    let mut board = app.office().unwrap().board.clone();
    board.decisions.push(*d.clone());
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    let s = statuses(&app);
    assert!(s.contains(&("T-004".into(), Status::Selected)), "{s:?}");
    assert!(s.contains(&("T-002".into(), Status::Alternate)), "{s:?}");
    assert_eq!(note(&app), "已记录决定：T-004 入选；T-002 备选");
    assert_eq!(app.popup, None);

    // the name is asked once per session
    app.office_mut().unwrap().board.decisions.clear();
    let board = app.office().unwrap().board.clone();
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    press(&mut app, Char('d'));
    press(&mut app, Char(' '));
    press(&mut app, Enter);
    press(&mut app, Char('理'));
    press(&mut app, Enter);
    assert!(matches!(&app.ask, Some(Question::Decide(d)) if d.by == "王秘书"));
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

/// A board where E2 has a draft on T-002 and has not started T-004; the
/// preliminary stage is complete.
fn unfinished() -> App {
    let mut app = office_app();
    let o = app.office_mut().unwrap();
    let mut board = o.board.clone();
    board
        .cards
        .retain(|c| !(c.expert == "E2" && c.stage == Stage::Expert && c.dossier != "T-001"));
    let mut draft = submitted(
        Stage::Expert,
        "E2",
        "T-002",
        &[("S1.1", "7"), ("S1.2", "4")],
    );
    draft.status = pingshen::domain::card::Status::Draft;
    draft.submitted = None;
    board.cards.push(draft);
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    app
}

#[test]
fn the_desk_says_what_is_left_and_t_leads_to_it() {
    let mut app = unfinished();
    let shown = frame(&mut app, 80, 24);
    assert!(!shown.contains("结果已确定"), "{shown}");
    assert!(shown.contains("2 张未提交"), "{shown}");
    assert_snapshot!("office_not_final_80x24", shown);
    press(&mut app, Char('t'));
    assert_eq!(app.office().unwrap().tab, Tab::Completeness);
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("T-002  草稿：已评 2/4，未提交"), "{shown}");
    assert!(shown.contains("T-004  未开始"), "{shown}");
    assert!(
        !shown.contains("T-003"),
        "T-003 fails formal review: no card is owed"
    );
    assert_snapshot!("office_completeness_drafts_80x24", shown);
    // Enter on a card opens that dossier's drill-down
    press(&mut app, Char('j'));
    press(&mut app, Char('j'));
    press(&mut app, Enter);
    let o = app.office().unwrap();
    assert_eq!(o.tab, Tab::Detail);
    let r = o.ranking.as_ref().unwrap();
    assert_eq!(r.entries[o.sel].dossier, "T-002");
    app.lang = pingshen::lang::Lang::En;
    press(&mut app, Tab);
    assert_snapshot!(
        "office_completeness_in_english_120x40",
        frame(&mut app, 120, 40)
    );
}

#[test]
fn a_complete_board_is_final_only_when_nothing_is_pending() {
    let mut app = expert_stage();
    let mut board = app.office().unwrap().board.clone();
    board.decisions.push(pingshen::domain::decision::Decision {
        round: "tui-2024".into(),
        stage: Stage::Expert,
        tied: vec!["T-002".into(), "T-004".into()],
        choice: Choice::Admit(vec!["T-004".into()]),
        reason: "现场答辩得分较高".into(),
        by: "王秘书".into(),
        at: chrono::DateTime::UNIX_EPOCH,
    });
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("结果已确定"), "{shown}");
    for _ in 0..4 {
        press(&mut app, Tab);
    }
    let shown = frame(&mut app, 80, 24);
    assert!(
        shown.contains("已决定：T-004 取得名额（T-002、T-004 并列）— 现场答辩得分较高（王秘书）"),
        "{shown}"
    );
}

#[test]
fn the_decision_is_confirmed_with_what_will_be_recorded() {
    let mut app = expert_stage();
    app.secretary = Some("王秘书".into());
    press(&mut app, Char('j'));
    press(&mut app, Char('d'));
    press(&mut app, Char('j'));
    press(&mut app, Char(' '));
    press(&mut app, Enter);
    for ch in "现场答辩得分较高".chars() {
        press(&mut app, Char(ch));
    }
    press(&mut app, Enter);
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("由 T-004 取得名额"), "{shown}");
    assert_snapshot!("office_decision_question_80x24", shown);
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!(
        "office_decision_question_in_english_120x40",
        frame(&mut app, 120, 40)
    );
}

#[test]
fn a_new_key_is_a_question_with_the_whole_fingerprint() {
    let mut app = expert_stage();
    let fingerprint = "8e66-c2ad-d936-03ab".to_string();
    let full = "8e66-c2ad-d936-03ab-77f1-0c2e-9b14-5a60-1f0d-3c2b-aa47-90e1-5d6c-02f8-b3e9-7a15"
        .to_string();
    app.popup = Some(Popup::ImportResult {
        path: "/media/usb".into(),
        trust: vec![],
        lines: vec![pingshen::tui::desk::Imported {
            file: "/media/usb/tui-2024-E1-1.bundle".into(),
            said: pingshen::tui::desk::Said {
                zh: "拒绝".into(),
                en: "refused".into(),
            },
            refused: true,
            unknown_key: Some(pingshen::tui::desk::NewKey {
                expert: "E1".into(),
                fingerprint: fingerprint.clone(),
                full: Some(full.clone()),
            }),
        }],
    });
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = frame(&mut app, w, h);
        assert!(
            shown.contains(&fingerprint),
            "the fingerprint read aloud at {w}: {shown}"
        );
        for half in [&full[..39], &full[40..]] {
            assert!(shown.contains(half), "the full fingerprint at {w}: {shown}");
        }
        assert!(shown.contains("一致吗？"), "{shown}");
    }
    assert_snapshot!("trust_question_80x24", frame(&mut app, 80, 24));
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!("trust_question_in_english_120x40", frame(&mut app, 120, 40));
    // n imports nothing
    assert!(press(&mut app, Char('n')).is_empty());
    assert_eq!(app.popup, None);
}

#[test]
fn an_absent_expert_is_excused_from_the_completeness_tab() {
    let mut app = unfinished();
    // outside the completeness tab, e says where to press it
    press(&mut app, Char('e'));
    assert!(app.popup.is_none());
    assert!(note(&app).contains("完成情况"), "{}", note(&app));
    press(&mut app, Char('t'));
    let rows = {
        let (Some(d), Some(o)) = (&app.data, app.office()) else {
            panic!()
        };
        pingshen::tui::todo::rows(d, o)
    };
    let at = rows
        .iter()
        .position(
            |r| matches!(r, pingshen::tui::todo::Todo::Card { dossier, .. } if dossier == "T-004"),
        )
        .expect("T-004 is owed");
    for _ in 0..at {
        press(&mut app, Char('j'));
    }
    press(&mut app, Char('e'));
    assert!(
        matches!(&app.popup, Some(Popup::Excuse { expert, dossier: Some(d), .. }) if expert == "E2" && d == "T-004"),
        "{:?}",
        app.popup
    );
    assert_snapshot!("office_excuse_reason_80x24", frame(&mut app, 80, 24));
    assert!(press(&mut app, Enter).is_empty(), "a reason is required");
    assert_eq!(note(&app), "请填写缺席理由");
    for ch in "出差，未到会".chars() {
        press(&mut app, Char(ch));
    }
    // the first record of the session asks the secretary's name
    press(&mut app, Enter);
    assert!(
        matches!(&app.popup, Some(Popup::Name { .. })),
        "{:?}",
        app.popup
    );
    for _ in 0.."secretary1".len() {
        press(&mut app, Backspace);
    }
    for ch in "王秘书".chars() {
        press(&mut app, Char(ch));
    }
    press(&mut app, Enter);
    let shown = frame(&mut app, 80, 24);
    assert!(
        shown.contains("记录缺席：专家 E2 不评申报书 T-004（出差，未到会）"),
        "{shown}"
    );
    assert_snapshot!("office_excuse_question_80x24", shown);
    // n records nothing
    assert!(press(&mut app, Char('n')).is_empty());
    assert!(app.ask.is_none());
    press(&mut app, Char('e'));
    for ch in "出差，未到会".chars() {
        press(&mut app, Char(ch));
    }
    press(&mut app, Enter);
    assert!(
        matches!(&app.ask, Some(Question::Excuse(e)) if e.by == "王秘书"),
        "the name is asked once: {:?}",
        app.ask
    );
    let fx = press(&mut app, Char('y'));
    let [Effect::Excuse(e)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(
        (
            e.round.as_str(),
            e.expert.as_str(),
            e.dossier.as_deref(),
            e.reason.as_str(),
            e.by.as_str()
        ),
        ("tui-2024", "E2", Some("T-004"), "出差，未到会", "王秘书")
    );
    // the store answers with the board including the excuse: T-004 is no
    // longer owed, the draft on T-002 still is
    let mut board = app.office().unwrap().board.clone();
    board.excuses.push(*e.clone());
    update(
        &mut app,
        Action::Excused {
            excuse: e.clone(),
            board: Box::new(board),
        },
    );
    assert_eq!(
        note(&app),
        "已记录：专家 E2 不评申报书 T-004（出差，未到会），该评分表不再计为缺项"
    );
    let shown = frame(&mut app, 80, 24);
    assert!(!shown.contains("T-004  未开始"), "{shown}");
    assert!(shown.contains("T-002  草稿：已评 2/4，未提交"), "{shown}");
    assert!(shown.contains("1 张未提交"), "{shown}");
}

#[test]
fn an_expert_excused_from_the_round_owes_nothing_and_says_so() {
    let mut app = unfinished();
    let mut board = app.office().unwrap().board.clone();
    board.excuses.push(pingshen::domain::excuse::Excuse {
        round: "tui-2024".into(),
        expert: "E2".into(),
        dossier: None,
        reason: "因病缺席".into(),
        by: "王秘书".into(),
        at: chrono::DateTime::UNIX_EPOCH,
    });
    update(&mut app, Action::BoardLoaded(Box::new(board)));
    press(&mut app, Char('t'));
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("E2"), "{shown}");
    assert!(shown.contains("已记录缺席"), "{shown}");
    assert!(!shown.contains("未开始"), "{shown}");
    assert!(!shown.contains("草稿"), "{shown}");
}
