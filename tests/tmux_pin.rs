//! The real binary under tmux on a laptop the panel shares: the round asks
//! for PINs, and no one gets to expert E1's dossiers without E1's PIN.

#[path = "support/store.rs"]
mod support;

mod common;

use common::tmux::Session;
use pingshen::store::{Action, CardRef, Store};
use support::{PIN_SET, ROUND, loaded_store, require_pins, text, typed};

#[test]
#[cfg_attr(missing_tmux, ignore = "needs tmux: apt-get install tmux")]
fn an_expert_with_a_pin_is_reached_only_with_it() {
    let (_tmp, dir) = loaded_store();
    require_pins(&dir, "共用笔记本");
    let out = typed(&dir, &PIN_SET, "4826\n4826\n", None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let bin = env!("CARGO_BIN_EXE_pingshen");
    let cmd = format!(
        "LANG=C.UTF-8 '{bin}' --store '{}' tui --expert E1; echo EXIT=$?; sleep 30",
        dir.display()
    );
    let t = Session::start("pingshen-pin", &cmd);
    // Named on the command line, E1's desk still waits for the PIN.
    let screen = t.wait_for("请输入您的 PIN 码");
    assert!(
        !screen.contains("M-001"),
        "no dossier before the PIN:\n{screen}"
    );
    t.text("1111");
    let screen = t.wait_for("●●●●");
    assert!(
        !screen.contains("1111"),
        "the PIN is never shown:\n{screen}"
    );
    t.keys(&["Enter"]);
    let screen = t.wait_for("专家 E1 的 PIN 码不正确；再错 4 次将锁定一分钟");
    assert!(!screen.contains("M-001"), "{screen}");
    // Back to the roles: still no desk; choosing E1 asks again.
    t.keys(&["Escape"]);
    t.wait_for("选择身份");
    t.keys(&["Enter"]);
    t.wait_for("请输入您的 PIN 码");
    t.text("4826");
    t.keys(&["Enter"]);
    t.wait_for("筛选: 全部");
    t.keys(&["Enter"]); // M-001
    t.wait_for("满分");
    t.text("6");
    t.keys(&["Enter"]);
    t.wait_for("已保存 A1 = 6");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let s = Store::open(&dir).unwrap();
    let card = s
        .card(CardRef {
            round: ROUND,
            expert: "E1",
            dossier: "M-001",
        })
        .unwrap()
        .expect("the card scored with the PIN");
    assert_eq!(card.scores.len(), 1);
    let log: Vec<Action> = s
        .audit_log(ROUND)
        .unwrap()
        .iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        log,
        [
            Action::Init,
            Action::PinRequire,
            Action::PinSet,
            Action::PinWrong,
            Action::Score
        ]
    );
}
