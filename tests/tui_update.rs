//! `update` for every key path: what changes, which effects go to the store, and
//! that bad values show a message and save nothing.

mod common;

use common::*;
use pingshen::domain::Points;
use pingshen::domain::pin::Gate;
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{Filter, Popup, Progress, Question, Screen};
use ratatui::crossterm::event::KeyCode::*;

#[test]
fn typing_a_half_step_and_enter_saves_and_moves_on() {
    let mut app = scoring_app("T-001");
    assert!(keys(&mut app, "7.5").is_empty());
    assert_eq!(input(&app), "7.5");
    let fx = press(&mut app, Enter);
    assert_eq!(fx, vec![save("T-001", "S1.1", "7.5")]);
    assert_eq!(sel(&app), 1, "selection moves to the next item");
    assert_eq!(
        app.saving,
        Some(("T-001".into(), "S1.1".into())),
        "not saved until the store says so"
    );
    assert_eq!(note(&app), "保存中…");
    answer_saved(&mut app, "T-001", &[("S1.1", "7.5")]);
    assert_eq!(app.saving, None);
    assert_eq!(note(&app), "✓ 已保存 S1.1 = 7.5");
}

#[test]
fn an_off_step_value_names_the_allowed_values_and_saves_nothing() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "7.3");
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(
        note(&app),
        "7.3 不在评分项 S1.1 的档位上：允许 0 至 10 分，每档 0.5 分；未保存"
    );
    assert_eq!(sel(&app), 0, "stays on the item");
    assert_eq!(app.saving, None);
}

#[test]
fn a_value_above_the_maximum_is_refused() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "11");
    assert!(press(&mut app, Enter).is_empty());
    assert!(
        note(&app).starts_with("11 超过评分项 S1.1 的满分"),
        "{}",
        note(&app)
    );
    assert!(note(&app).ends_with("未保存"), "{}", note(&app));
}

#[test]
fn english_messages_with_lang_en() {
    let mut app = scoring_app("T-001");
    app.lang = pingshen::lang::Lang::En;
    keys(&mut app, "7.3");
    press(&mut app, Enter);
    assert_eq!(
        note(&app),
        "7.3 is not a step of 0.5 for item S1.1: allowed values are 0 to 10 in steps of 0.5; not saved"
    );
}

#[test]
fn a_malformed_number_is_refused() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "1..5");
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(note(&app), "“1..5”不是分数：请输入数字，如 7 或 7.5");
}

#[test]
fn backspace_erases_typing_and_enter_on_nothing_moves_on() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "75");
    press(&mut app, Backspace);
    assert_eq!(input(&app), "7");
    press(&mut app, Backspace);
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(sel(&app), 1);
}

#[test]
fn plus_and_minus_move_one_step_within_range() {
    let mut app = scoring_app("T-001");
    assert_eq!(
        press(&mut app, Char('+')),
        vec![save("T-001", "S1.1", "0.5")]
    );
    answer_saved(&mut app, "T-001", &[("S1.1", "10")]);
    assert!(
        press(&mut app, Char('+')).is_empty(),
        "already at the maximum"
    );
    assert_eq!(
        press(&mut app, Char('-')),
        vec![save("T-001", "S1.1", "9.5")]
    );
    // an unscored item: minus sets nothing below zero
    press(&mut app, Char('j'));
    assert_eq!(press(&mut app, Char('-')), vec![save("T-001", "S1.2", "0")]);
}

#[test]
fn navigation_keys() {
    let mut app = scoring_app("T-001");
    press(&mut app, Tab);
    assert_eq!(sel(&app), 2, "Tab jumps to the next section's first item");
    press(&mut app, BackTab);
    assert_eq!(sel(&app), 0);
    press(&mut app, Char('G'));
    assert_eq!(sel(&app), 3);
    press(&mut app, Char('k'));
    assert_eq!(sel(&app), 2);
    press(&mut app, Char('g'));
    assert_eq!(sel(&app), 0);
    press(&mut app, PageDown);
    assert_eq!(sel(&app), 3);
    press(&mut app, Up);
    press(&mut app, Down);
    assert_eq!(sel(&app), 3);
    press(&mut app, Esc);
    assert_eq!(app.screen, Screen::Dossiers);
}

#[test]
fn a_typed_score_is_saved_when_down_moves_on() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "4");
    assert_eq!(press(&mut app, Down), vec![save("T-001", "S1.1", "4")]);
    assert_eq!(sel(&app), 1);
    answer_saved(&mut app, "T-001", &[("S1.1", "4")]);
    assert_eq!(note(&app), "✓ 已保存 S1.1 = 4");
}

#[test]
fn a_typed_score_is_saved_by_tab_up_esc_and_a_click() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "4");
    assert_eq!(press(&mut app, Tab), vec![save("T-001", "S1.1", "4")]);
    assert_eq!(sel(&app), 2);
    keys(&mut app, "6");
    assert_eq!(press(&mut app, Up), vec![save("T-001", "S2.1", "6")]);
    keys(&mut app, "3");
    assert_eq!(press(&mut app, Esc), vec![save("T-001", "S1.2", "3")]);
    assert_eq!(app.screen, Screen::Dossiers);

    let mut app = scoring_app("T-001");
    app.size = (80, 24);
    keys(&mut app, "5");
    // the items table starts at row 1; a header and S1's heading, then S1.1, S1.2
    let fx = pingshen::tui::update::update(&mut app, Action::Click(10, 5));
    assert_eq!(fx, vec![save("T-001", "S1.1", "5")]);
    assert_eq!(sel(&app), 1, "the click went to S1.2");
}

#[test]
fn an_invalid_value_keeps_the_cursor_with_its_message() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "7.3");
    assert!(press(&mut app, Down).is_empty());
    assert_eq!(sel(&app), 0, "the cursor stays on S1.1");
    assert_eq!(
        note(&app),
        "7.3 不在评分项 S1.1 的档位上：允许 0 至 10 分，每档 0.5 分；未保存"
    );
    keys(&mut app, "1..");
    assert!(press(&mut app, Tab).is_empty());
    assert_eq!(sel(&app), 0);
    assert!(note(&app).contains("不是分数"), "{}", note(&app));
}

#[test]
fn q_saves_a_typed_score_before_quitting() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "8");
    assert_eq!(press(&mut app, Char('q')), vec![save("T-001", "S1.1", "8")]);
    assert!(app.quit);
    let mut app = scoring_app("T-001");
    keys(&mut app, "80");
    assert!(press(&mut app, Char('q')).is_empty());
    assert!(!app.quit, "a refused value keeps the program open");
    assert!(
        note(&app).starts_with("80 超过评分项 S1.1 的满分"),
        "{}",
        note(&app)
    );
}

#[test]
fn n_goes_to_the_next_unscored_item_and_the_next_unfinished_dossier() {
    let mut app = scoring_app("T-001");
    answer_saved(&mut app, "T-001", &[("S1.2", "4"), ("S2.1", "6")]);
    keys(&mut app, "7");
    assert_eq!(press(&mut app, Char('n')), vec![save("T-001", "S1.1", "7")]);
    assert_eq!(
        sel(&app),
        3,
        "S1.1 was just typed, S1.2 and S2.1 hold scores"
    );
    answer_saved(&mut app, "T-001", &[("S1.1", "7")]);
    press(&mut app, Char('N'));
    assert_eq!(sel(&app), 3, "S2.2 is the only one left");

    let mut app = list_app();
    answer_saved(
        &mut app,
        "T-002",
        &[("S1.1", "8"), ("S1.2", "4"), ("S2.1", "6"), ("S2.2", "3")],
    );
    set_comment(&mut app, "T-002", "S2.2", "质押合同齐全");
    answer_submitted(&mut app, "T-002");
    press(&mut app, Char('n'));
    assert_eq!(visible(&app)[sel(&app)], "T-003", "T-002 is submitted");
    press(&mut app, Char('N'));
    assert_eq!(visible(&app)[sel(&app)], "T-001");
}

#[test]
fn a_blocked_submission_leads_to_the_first_gap() {
    let mut app = scoring_app("T-001");
    answer_saved(&mut app, "T-001", &[("S1.1", "10"), ("S1.2", "4")]);
    press(&mut app, Char('s'));
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(app.popup, None);
    assert_eq!(sel(&app), 2, "S2.1 is the first item without a score");
}

#[test]
fn submit_lists_missing_items_and_required_comments() {
    let mut app = scoring_app("T-001");
    answer_saved(&mut app, "T-001", &[("S1.1", "10"), ("S1.2", "4")]);
    assert!(press(&mut app, Char('s')).is_empty());
    let Some(Popup::ConfirmSubmit { gaps, .. }) = &app.popup else {
        panic!("no confirmation")
    };
    assert_eq!(gaps.missing, vec!["S2.1", "S2.2"]);
    assert_eq!(gaps.comments, vec!["S1.1"], "full marks need a comment");
    assert!(
        press(&mut app, Char('y')).is_empty(),
        "an incomplete card is not submitted"
    );
    assert_eq!(app.popup, None);
}

#[test]
fn a_complete_card_is_submitted_on_yes_and_peers_are_asked_for() {
    let mut app = scoring_app("T-001");
    answer_saved(
        &mut app,
        "T-001",
        &[("S1.1", "8"), ("S1.2", "4"), ("S2.1", "6"), ("S2.2", "3")],
    );
    set_comment(&mut app, "T-001", "S2.2", "质押融资材料齐全");
    press(&mut app, Char('s'));
    assert!(press(&mut app, Char('n')).is_empty());
    assert_eq!(app.popup, None);
    press(&mut app, Char('s'));
    assert_eq!(
        press(&mut app, Char('y')),
        vec![Effect::Submit {
            dossier: "T-001".into()
        }]
    );
    let fx = answer_submitted(&mut app, "T-001");
    assert_eq!(
        fx,
        vec![Effect::LoadPeers {
            dossier: "T-001".into()
        }]
    );
    assert_eq!(app.progress("T-001"), Progress::Submitted);
}

#[test]
fn a_submitted_card_is_read_only() {
    let mut app = scoring_app("T-001");
    answer_saved(
        &mut app,
        "T-001",
        &[("S1.1", "8"), ("S1.2", "4"), ("S2.1", "6"), ("S2.2", "3")],
    );
    set_comment(&mut app, "T-001", "S2.2", "质押合同齐全");
    answer_submitted(&mut app, "T-001");
    assert!(keys(&mut app, "5").is_empty());
    assert_eq!(note(&app), "已提交，只读");
    assert!(press(&mut app, Char('+')).is_empty());
    assert!(press(&mut app, Char('c')).is_empty());
    assert!(press(&mut app, Char('s')).is_empty());
    assert_eq!(app.popup, None);
}

#[test]
fn comments_are_typed_in_chinese_and_saved_with_ctrl_s() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    assert!(matches!(app.popup, Some(Popup::Comment { .. })));
    for c in "材料完整".chars() {
        press(&mut app, Char(c));
    }
    press(&mut app, Enter);
    for c in "建议补充".chars() {
        press(&mut app, Char(c));
    }
    let fx = press_ctrl(&mut app, 's');
    assert_eq!(
        fx,
        vec![Effect::SaveComment {
            dossier: "T-001".into(),
            item: "S1.1".into(),
            text: "材料完整\n建议补充".into()
        }]
    );
    assert_eq!(app.popup, None);
}

#[test]
fn escape_with_text_asks_before_throwing_a_comment_away() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    press(&mut app, Char('好'));
    assert!(press(&mut app, Esc).is_empty());
    assert_eq!(app.ask, Some(Question::Discard));
    press(&mut app, Char('n'));
    assert_eq!(app.ask, None);
    let Some(Popup::Comment { editor, .. }) = &app.popup else {
        panic!("n keeps the editor")
    };
    assert_eq!(editor.text(), "好");
    press(&mut app, Esc);
    press(&mut app, Char('y'));
    assert_eq!(app.popup, None, "y throws it away");

    // nothing typed: Esc closes without a question
    press(&mut app, Char('c'));
    press(&mut app, Esc);
    assert_eq!((app.popup.clone(), app.ask.clone()), (None, None));
}

#[test]
fn ctrl_c_in_the_editor_asks_and_keeps_the_text_on_no() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    press(&mut app, Char('好'));
    press_ctrl(&mut app, 'c');
    assert_eq!(app.ask, Some(Question::Quit { unsaved: true }));
    assert!(!app.quit);
    press(&mut app, Char('n'));
    assert!(!app.quit);
    assert!(matches!(&app.popup, Some(Popup::Comment { editor, .. }) if editor.text() == "好"));
    press_ctrl(&mut app, 'c');
    press(&mut app, Char('y'));
    assert!(app.quit);
}

#[test]
fn recusal_needs_a_reason_then_locks_the_dossier() {
    let mut app = list_app();
    press(&mut app, Char('r'));
    assert!(matches!(app.popup, Some(Popup::Recuse { .. })));
    assert!(press(&mut app, Enter).is_empty());
    assert_eq!(note(&app), "请填写回避理由");
    for c in "近三年有合作".chars() {
        press(&mut app, Char(c));
    }
    assert!(press(&mut app, Enter).is_empty(), "asked first");
    assert_eq!(
        app.ask,
        Some(Question::Recuse {
            dossier: "T-001".into(),
            reason: "近三年有合作".into()
        })
    );
    press(&mut app, Char('n'));
    assert!(
        matches!(app.popup, Some(Popup::Recuse { .. })),
        "n keeps the reason"
    );
    press(&mut app, Enter);
    let fx = press(&mut app, Char('y'));
    assert_eq!(
        fx,
        vec![Effect::Recuse {
            dossier: "T-001".into(),
            reason: "近三年有合作".into()
        }]
    );
    pingshen::tui::update::update(
        &mut app,
        Action::Recused {
            dossier: "T-001".into(),
            reason: "近三年有合作".into(),
        },
    );
    assert_eq!(app.progress("T-001"), Progress::Recused);
    assert!(
        press(&mut app, Enter).is_empty(),
        "a recused dossier does not open"
    );
    assert_eq!(app.screen, Screen::Dossiers);
    assert!(note(&app).contains("已回避"), "{}", note(&app));
}

#[test]
fn the_list_filters_by_status_and_searches_by_name() {
    let mut app = list_app();
    answer_saved(&mut app, "T-002", &[("S1.1", "5")]);
    press(&mut app, Char('f'));
    assert_eq!(app.list.filter, Filter::Only(Progress::Unscored));
    assert_eq!(visible(&app), vec!["T-001", "T-003", "T-004"]);
    press(&mut app, Char('f'));
    assert_eq!(visible(&app), vec!["T-002"]);
    for _ in 0..3 {
        press(&mut app, Char('f'));
    }
    assert_eq!(app.list.filter, Filter::All);
    press(&mut app, Char('/'));
    for c in "云栖".chars() {
        press(&mut app, Char(c));
    }
    assert_eq!(visible(&app), vec!["T-002"]);
    press(&mut app, Enter);
    assert!(!app.list.searching);
    press(&mut app, Enter);
    assert!(matches!(&app.screen, Screen::Scoring(s) if s.dossier == "T-002"));
}

#[test]
fn rounds_and_roles_lead_to_the_desk() {
    let mut app = fresh_app();
    assert_eq!(
        press(&mut app, Enter),
        vec![Effect::OpenRound("tui-2024".into())]
    );
    open_round(&mut app);
    assert_eq!(app.screen, Screen::Roles { sel: 0 });
    press(&mut app, Char('j'));
    press(&mut app, Char('j'));
    let fx = press(&mut app, Enter);
    assert_eq!(
        fx,
        vec![Effect::Gate {
            round: "tui-2024".into(),
            scorer: "P1".into()
        }]
    );
    // The round asks for no PIN: the desk opens.
    let fx = pingshen::tui::update::update(
        &mut app,
        Action::Gate {
            scorer: "P1".into(),
            gate: Gate::Open,
        },
    );
    assert_eq!(
        fx,
        vec![Effect::LoadDesk {
            round: "tui-2024".into(),
            scorer: "P1".into(),
            pin: None,
        }]
    );
    assert_eq!(app.stage(), pingshen::domain::round::Stage::Preliminary);
    press(&mut app, Esc);
    assert_eq!(app.scorer, None);
}

#[test]
fn help_opens_and_closes() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('?'));
    assert_eq!(app.popup, Some(Popup::Help));
    assert!(
        keys(&mut app, "5").is_empty(),
        "digits do nothing under help"
    );
    press(&mut app, Esc);
    assert_eq!(app.popup, None);
    assert_eq!(input(&app), "");
}

#[test]
fn mouse_click_selects_then_opens_and_wheel_scrolls() {
    let mut app = list_app();
    app.size = (80, 24);
    // body starts at row 1; the list's block at row 2 (after the gauge); data rows from row 4
    pingshen::tui::update::update(&mut app, Action::Click(10, 5));
    assert_eq!(app.list.sel, 1);
    pingshen::tui::update::update(&mut app, Action::Click(10, 5));
    assert!(matches!(&app.screen, Screen::Scoring(s) if s.dossier == "T-002"));
    pingshen::tui::update::update(&mut app, Action::ScrollDown(5, 5));
    assert_eq!(sel(&app), 1);
}

#[test]
fn a_store_failure_is_shown_and_clears_the_pending_save() {
    let mut app = scoring_app("T-001");
    keys(&mut app, "5");
    press(&mut app, Enter);
    let full = std::io::Error::other("设备上没有空间");
    let why = pingshen::tui::desk::DeskError::File {
        path: "评分库".into(),
        source: full,
    };
    pingshen::tui::update::update(&mut app, Action::Failed(why.into()));
    assert_eq!(app.saving, None);
    assert_eq!(note(&app), "无法读写 评分库：设备上没有空间");
    assert!(app.card("T-001").is_none(), "nothing shows as saved");
}

#[test]
fn indicator_rounds_take_achieved_values_without_a_step() {
    let mut app = indicator_app();
    keys(&mut app, "123.45");
    let fx = press(&mut app, Enter);
    assert_eq!(
        fx,
        vec![Effect::SaveScore {
            dossier: "A-001".into(),
            item: "G1".into(),
            value: "123.45".parse::<Points>().unwrap()
        }]
    );
}

#[test]
fn q_quits_and_ctrl_c_asks_first() {
    let mut app = list_app();
    press(&mut app, Char('q'));
    assert!(app.quit);
    let mut app = list_app();
    press_ctrl(&mut app, 'c');
    assert!(!app.quit, "never in silence");
    assert_eq!(app.ask, Some(Question::Quit { unsaved: false }));
    press_ctrl(&mut app, 'c');
    assert!(app.quit, "a second Ctrl+C answers yes");
}

#[test]
fn a_click_while_a_question_is_asked_changes_nothing() {
    let mut app = list_app();
    app.size = (80, 24);
    press_ctrl(&mut app, 'c');
    assert!(pingshen::tui::update::update(&mut app, Action::Click(10, 5)).is_empty());
    assert_eq!(app.list.sel, 0);
    assert_eq!(app.ask, Some(Question::Quit { unsaved: false }));
}
