//! Whole frames as a person sees them, Chinese included, at 80×24 and 120×40.

mod common;

use common::*;
use insta::assert_snapshot;
use pingshen::tui::action::Action;
use pingshen::tui::app::App;
use pingshen::tui::update::update;
use pingshen::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;

/// Each screen at both sizes.
fn both(name: &str, app: &mut App) {
    assert_snapshot!(format!("{name}_80x24"), frame(app, 80, 24));
    assert_snapshot!(format!("{name}_120x40"), frame(app, 120, 40));
}

fn scored(app: &mut App) {
    answer_saved(app, "T-001", &[("S1.1", "8.5"), ("S1.2", "4")]);
    set_comment(app, "T-001", "S1.1", "部门设置完整，专职人员五名");
    app.note = None;
}

#[test]
fn rounds() {
    both("rounds", &mut fresh_app());
}

#[test]
fn roles() {
    let mut app = fresh_app();
    open_round(&mut app);
    both("roles", &mut app);
}

#[test]
fn dossiers() {
    let mut app = list_app();
    scored(&mut app);
    answer_saved(
        &mut app,
        "T-002",
        &[("S1.1", "8"), ("S1.2", "4"), ("S2.1", "6"), ("S2.2", "3")],
    );
    set_comment(&mut app, "T-002", "S2.2", "质押合同齐全");
    answer_submitted(&mut app, "T-002");
    update(
        &mut app,
        Action::Recused {
            dossier: "T-003".into(),
            reason: "曾为该单位提供咨询".into(),
        },
    );
    both("dossiers", &mut app);
}

#[test]
fn scoring() {
    let mut app = scoring_app("T-001");
    scored(&mut app);
    both("scoring", &mut app);
}

#[test]
fn scoring_with_typing_and_an_error() {
    let mut app = scoring_app("T-001");
    scored(&mut app);
    press(&mut app, Char('j'));
    press(&mut app, Char('j'));
    keys(&mut app, "7.3");
    press(&mut app, Enter);
    keys(&mut app, "6.");
    assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn scoring_in_english() {
    let mut app = scoring_app("T-001");
    app.lang = pingshen::lang::Lang::En;
    scored(&mut app);
    assert_snapshot!(frame(&mut app, 120, 40));
}

#[test]
fn submit_confirmation_with_gaps() {
    let mut app = scoring_app("T-001");
    answer_saved(&mut app, "T-001", &[("S1.1", "10"), ("S1.2", "4")]);
    press(&mut app, Char('s'));
    both("submit_gaps", &mut app);
}

#[test]
fn after_submission_peers_are_shown() {
    let mut app = scoring_app("T-001");
    answer_saved(
        &mut app,
        "T-001",
        &[("S1.1", "8"), ("S1.2", "4"), ("S2.1", "6"), ("S2.2", "3")],
    );
    set_comment(&mut app, "T-001", "S2.2", "质押合同齐全");
    answer_submitted(&mut app, "T-001");
    let mut peer = app.card("T-001").unwrap().clone();
    peer.expert = "E2".into();
    peer.scores.insert("S2.1".into(), "9.5".parse().unwrap());
    update(&mut app, Action::Peers(vec![peer]));
    assert_snapshot!(frame(&mut app, 120, 40));
}

#[test]
fn help() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('?'));
    both("help", &mut app);
}

#[test]
fn comment_editor() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    for c in "申报材料完整，".chars() {
        press(&mut app, Char(c));
    }
    press(&mut app, Enter);
    for c in "建议补充质押合同".chars() {
        press(&mut app, Char(c));
    }
    let text = frame(&mut app, 80, 24);
    assert_snapshot!(text);
}

#[test]
fn recusal_prompt() {
    let mut app = list_app();
    press(&mut app, Char('r'));
    for c in "曾参与该项目".chars() {
        press(&mut app, Char(c));
    }
    assert_snapshot!(frame(&mut app, 80, 24));
}

#[test]
fn indicator_round() {
    let mut app = indicator_app();
    answer_saved(
        &mut app,
        "A-001",
        &[("G1", "9"), ("G2", "1"), ("G5", "1"), ("G6", "6200")],
    );
    app.note = None;
    both("indicators", &mut app);
}

#[test]
fn too_small() {
    let mut app = scoring_app("T-001");
    assert_snapshot!(frame(&mut app, 60, 20));
}

#[test]
fn the_editor_cursor_follows_display_width() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    for c in "评分a".chars() {
        press(&mut app, Char(c));
    }
    update(&mut app, Action::Resize(80, 24));
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, &app)).unwrap();
    let pos = t.get_cursor_position().unwrap();
    // popup 70 wide centred in 80 → x = 5; inside the border → 6; "评分a" is 5 columns
    assert_eq!((pos.x, pos.y), (6 + 5, 7));
}

/// The detail of an item with a long title and four long guidance bands: all
/// of it wraps, numbers whole, the band of the score marked.
#[test]
fn wrapped_detail_with_every_band() {
    let mut app = scoring_app("T-001");
    answer_saved(&mut app, "T-001", &[("S2.1", "7")]);
    app.note = None;
    press(&mut app, Tab);
    assert_snapshot!("detail_all_bands_80x24", frame(&mut app, 80, 24));
    assert_snapshot!("detail_all_bands_120x40", frame(&mut app, 120, 40));
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!("detail_all_bands_in_english_80x24", frame(&mut app, 80, 24));
    // what does not fit at 80×24 scrolls with } and says how much is left
    app.lang = pingshen::lang::Lang::Zh;
    frame(&mut app, 80, 24);
    press(&mut app, Char('}'));
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("▶6–8"), "{shown}");
    assert_snapshot!("detail_scrolled_80x24", shown);
}

#[test]
fn the_facts_pane_scrolls_by_keys_and_wheel() {
    let mut app = scoring_app("T-001");
    frame(&mut app, 80, 24);
    let before = frame(&mut app, 80, 24);
    assert!(
        !before.contains("资格审查"),
        "eligibility is below the fold"
    );
    press(&mut app, Char(']'));
    press(&mut app, Char(']'));
    press(&mut app, Char(']'));
    let after = frame(&mut app, 80, 24);
    assert!(after.contains("资格审查"), "{after}");
    assert_snapshot!("facts_scrolled_80x24", after);
    // the wheel over the pane scrolls it back, without moving the item
    for _ in 0..10 {
        update(&mut app, Action::ScrollUp(60, 8));
    }
    assert_eq!(sel(&app), 0);
    assert_eq!(frame(&mut app, 80, 24), before);
    app.lang = pingshen::lang::Lang::En;
    for _ in 0..3 {
        press(&mut app, Char(']'));
    }
    assert_snapshot!("facts_scrolled_in_english_120x40", frame(&mut app, 120, 40));
}

#[test]
fn a_long_comment_wraps_in_the_editor() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    let long = "部门设置完整，专职人员五名，近三年专利授权量年均增长百分之二十以上，2023年发明专利授权42件，建议补充质押合同与评估报告";
    for c in long.chars() {
        press(&mut app, Char(c));
    }
    let shown = frame(&mut app, 80, 24);
    assert!(
        shown.contains("部门设置完整"),
        "the start stays in view: {shown}"
    );
    assert!(shown.contains("评估报告"), "and the end: {shown}");
    assert_snapshot!("comment_wrapped_80x24", shown);
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!(
        "comment_wrapped_in_english_120x40",
        frame(&mut app, 120, 40)
    );
}

#[test]
fn the_hint_bar_of_a_submitted_card_offers_only_what_it_allows() {
    let submitted_in = |lang| {
        let mut app = scoring_app("T-001");
        app.lang = lang;
        answer_saved(
            &mut app,
            "T-001",
            &[("S1.1", "8"), ("S1.2", "4"), ("S2.1", "6"), ("S2.2", "3")],
        );
        set_comment(&mut app, "T-001", "S2.2", "质押合同齐全");
        answer_submitted(&mut app, "T-001");
        app
    };
    let mut app = submitted_in(pingshen::lang::Lang::Zh);
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = frame(&mut app, w, h);
        let bar = shown.lines().last().unwrap_or_default();
        for gone in [
            "输入分数",
            "确认分数",
            "加减一档",
            "c 意见",
            "s 提交",
            "r 声明回避",
        ] {
            assert!(
                !bar.contains(gone),
                "{gone} offered on a read-only card: {bar}"
            );
        }
        assert!(bar.contains("? 帮助") && bar.contains("q 退出"), "{bar}");
    }
    let mut app = submitted_in(pingshen::lang::Lang::En);
    let shown = frame(&mut app, 80, 24);
    assert_snapshot!("submitted_hints_in_english_80x24", shown);
}

#[test]
fn quitting_with_unsaved_text_is_a_question() {
    let mut app = scoring_app("T-001");
    press(&mut app, Char('c'));
    press(&mut app, Char('好'));
    press_ctrl(&mut app, 'c');
    assert_snapshot!("quit_question_80x24", frame(&mut app, 80, 24));
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!("quit_question_in_english_120x40", frame(&mut app, 120, 40));
}

/// The laptop's key is read out in person: the title shows it whole at 80
/// columns, the round's title giving way.
#[test]
fn the_title_keeps_the_whole_key() {
    let mut app = scoring_app("T-001");
    app.key = Some("8e66-c2ad-d936-03ab".into());
    let shown = frame(&mut app, 80, 24);
    let top = shown.lines().next().unwrap_or_default();
    assert!(top.contains("本机密钥 8e66-c2ad-d936-03ab"), "{top}");
}

#[test]
fn the_dossier_list_in_english() {
    let mut app = list_app();
    app.lang = pingshen::lang::Lang::En;
    let shown = frame(&mut app, 80, 24);
    assert!(shown.contains("Not started"), "{shown}");
    for label in ["申报书", "筛选", "未评", "企业", "已提交"] {
        assert!(!shown.contains(label), "{label} in English mode: {shown}");
    }
    assert_snapshot!("dossiers_in_english_80x24", shown);
}
