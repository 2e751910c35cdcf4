//! The real binary in a real terminal: a centre entered on the command line
//! shows on the register screen, reached with `c` from the round picker.

use std::process::Command;

mod common;

use common::tmux::Session;

#[test]
#[cfg_attr(missing_tmux, ignore = "needs tmux: apt-get install tmux")]
fn the_register_screen_lists_a_centre_entered_on_the_command_line() {
    let store = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_pingshen");
    let out = Command::new(bin)
        .arg("--store")
        .arg(store.path())
        .args(["center", "register", "--code", "91440116MA5C8K2X1Y"])
        .args(["--name", "广州示例智能装备有限公司", "--date", "2024-07-01"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cmd = format!(
        "LANG=C.UTF-8 PINGSHEN_STORE='{}' '{bin}' tui; echo EXIT=$?; sleep 30",
        store.path().display()
    );
    let t = Session::start("pingshen-centres", &cmd);
    t.wait_for("c 在册中心");
    t.keys(&["c"]);
    let screen = t.wait_for("在册中心 (1)");
    assert!(screen.contains("广州示例智能装备有限公司"), "{screen}");
    assert!(screen.contains("第一年度考核"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_for("选择评审轮次");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
