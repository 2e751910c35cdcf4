//! The register screen: reached from the round picker with `c`, the centres
//! listed by nearest deadline with days left, the selected one's details.

mod common;

use chrono::NaiveDate;
use common::*;
use insta::assert_snapshot;
use pingshen::domain::Points;
use pingshen::domain::lifecycle::Event;
use pingshen::domain::register::{Centre, Record, Scheme};
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{App, Register, Screen};
use pingshen::tui::command::{Ctx, context};
use pingshen::tui::update::update;
use ratatui::crossterm::event::KeyCode::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn assess(year: u8, score: i64, on: NaiveDate) -> Event {
    Event::Assessed {
        year,
        score: Points::whole(score),
        on,
    }
}

fn centre(code: &str, name: &str, scheme: Scheme, events: Vec<Event>) -> Centre {
    let mut records: Vec<Record> = events.into_iter().map(Record::new).collect();
    records[0].round = Some("huangpu-2024".into());
    Centre {
        credit_code: code.into(),
        name: name.into(),
        scheme,
        records,
    }
}

/// Seven centres in every state, seen on 2025-08-20.
fn register() -> Register {
    let rec = |on| Event::Recognised { on };
    let centres = vec![
        centre(
            "91440116MA59A1B2CX",
            "广州岑溪半导体材料有限公司",
            Scheme::Huangpu,
            vec![
                rec(d(2024, 7, 1)),
                assess(1, 82, d(2025, 7, 10)),
                Event::Published {
                    from: d(2025, 7, 11),
                    until: d(2025, 7, 17),
                },
            ],
        ),
        centre(
            "91440112MA5D7E8F98",
            "广州知衡新材料科技有限公司",
            Scheme::Huangpu,
            vec![rec(d(2024, 7, 1)), assess(1, 64, d(2025, 7, 10))],
        ),
        centre(
            "91440101MA9W2K3L4G",
            "粤湾智能装备研究院有限公司",
            Scheme::Chongqing,
            vec![rec(d(2024, 8, 15))],
        ),
        centre(
            "91440106MA5RT6Y7U7",
            "广州黄埔生物医药有限公司",
            Scheme::Huangpu,
            vec![
                rec(d(2024, 1, 10)),
                assess(1, 60, d(2025, 1, 20)),
                Event::Reassessed {
                    year: 1,
                    score: Points::whole(66),
                    on: d(2025, 3, 20),
                },
            ],
        ),
        centre(
            "91440112MAC8H9J0K8",
            "广州开发区示例电子有限公司",
            Scheme::Huangpu,
            vec![
                rec(d(2024, 7, 1)),
                Event::Withdrawn {
                    on: d(2025, 3, 1),
                    reason: "经营调整".into(),
                },
            ],
        ),
        centre(
            "91440116MAD3M4N5PE",
            "广州岭南数字科技有限公司",
            Scheme::Huangpu,
            vec![
                rec(d(2023, 7, 1)),
                assess(1, 78, d(2024, 7, 5)),
                assess(2, 81, d(2025, 7, 8)),
            ],
        ),
        centre(
            "91440101MAE6Q7R8TY",
            "广州南沙海洋装备有限公司",
            Scheme::Huangpu,
            vec![
                rec(d(2025, 7, 1)),
                Event::Published {
                    from: d(2025, 7, 2),
                    until: d(2025, 7, 8),
                },
                Event::Objected {
                    on: d(2025, 7, 4),
                    reason: "申报材料不实".into(),
                },
                Event::Ruled {
                    number: 1,
                    on: d(2025, 8, 1),
                    upheld: true,
                    reason: "经核实异议成立".into(),
                },
            ],
        ),
    ];
    Register {
        centres,
        today: d(2025, 8, 20),
    }
}

fn centres_app() -> App {
    let mut app = fresh_app();
    assert_eq!(press(&mut app, Char('c')), vec![Effect::LoadCentres]);
    update(&mut app, Action::CentresLoaded(Box::new(register())));
    app
}

#[test]
fn c_on_the_round_picker_opens_the_register() {
    let app = centres_app();
    assert_eq!(app.screen, Screen::Centres { sel: 0 });
    assert_eq!(context(&app), Ctx::Centres);
}

#[test]
fn nearest_deadline_first_and_the_selection_moves_and_returns() {
    let mut app = centres_app();
    let order: Vec<String> = app
        .register
        .as_ref()
        .unwrap()
        .rows()
        .iter()
        .map(|r| format!("{} {:?}", r.name, r.days_left))
        .collect();
    assert_eq!(
        order,
        [
            "粤湾智能装备研究院有限公司 Some(-5)",
            "广州知衡新材料科技有限公司 Some(21)",
            "广州岑溪半导体材料有限公司 Some(315)",
            "广州开发区示例电子有限公司 Some(558)",
            "广州黄埔生物医药有限公司 Some(577)",
            "广州南沙海洋装备有限公司 None",
            "广州岭南数字科技有限公司 None",
        ]
    );
    press(&mut app, Char('j'));
    press(&mut app, Char('G'));
    assert_eq!(app.screen, Screen::Centres { sel: 6 });
    press(&mut app, Char('k'));
    assert_eq!(app.screen, Screen::Centres { sel: 5 });
    press(&mut app, Esc);
    assert_eq!(app.screen, Screen::Rounds { sel: 0 });
    assert!(app.register.is_none());
}

#[test]
fn register_80x24() {
    let mut app = centres_app();
    press(&mut app, Char('j'));
    assert_snapshot!("register_80x24", frame(&mut app, 80, 24));
}

#[test]
fn register_120x40() {
    let mut app = centres_app();
    assert_snapshot!("register_120x40", frame(&mut app, 120, 40));
}

#[test]
fn register_in_english_with_a_revoked_centre_selected() {
    let mut app = App::new(pingshen::lang::Lang::En);
    update(&mut app, Action::CentresLoaded(Box::new(register())));
    for _ in 0..4 {
        press(&mut app, Char('j'));
    }
    assert_snapshot!("register_in_english", frame(&mut app, 100, 24));
}

#[test]
fn an_empty_register_says_how_to_fill_it_and_the_hints_offer_the_screen() {
    let mut app = fresh_app();
    let rounds = frame(&mut app, 80, 24);
    assert!(rounds.contains("c 在册中心"), "{rounds}");
    let empty = Register {
        centres: vec![],
        today: d(2025, 8, 20),
    };
    update(&mut app, Action::CentresLoaded(Box::new(empty)));
    let text = frame(&mut app, 80, 24);
    assert!(text.contains("登记簿中还没有中心"), "{text}");
    assert!(text.contains("Esc 返回"), "{text}");
}
