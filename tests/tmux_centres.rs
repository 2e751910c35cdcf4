//! The real binary in a real terminal: a centre entered on the command line
//! shows on the register screen, reached with `c` from the round picker.

use std::process::Command;
use std::time::{Duration, Instant};

struct Session(String);

impl Session {
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.0];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let out = Command::new("tmux")
                .args(["capture-pane", "-p", "-t", &self.0])
                .output()
                .unwrap();
            let s = String::from_utf8_lossy(&out.stdout).into_owned();
            if s.contains(what) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("waited for {what:?}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .status();
    }
}

#[test]
fn the_register_screen_lists_a_centre_entered_on_the_command_line() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed; skipping the terminal test");
        return;
    }
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
    let session = format!("pingshen-centres-{}", std::process::id());
    let cmd = format!(
        "LANG=C.UTF-8 PINGSHEN_STORE='{}' '{bin}' tui; echo EXIT=$?; sleep 30",
        store.path().display()
    );
    let ok = Command::new("tmux")
        .args([
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            "100",
            "-y",
            "30",
            &cmd,
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    let t = Session(session);
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
