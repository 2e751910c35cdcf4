//! A tmux session driving the real binary: keys in, the screen out.

use std::process::Command;
use std::time::{Duration, Instant};

use super::tools::{Tool, require};

pub struct Session(pub String);

impl Session {
    /// Starts `cmd` in a new detached session of 120×40; fails the test when
    /// tmux is missing (a test that uses this carries
    /// `#[cfg_attr(missing_tmux, ignore = "needs tmux: apt-get install tmux")]`).
    pub fn start(name: &str, cmd: &str) -> Session {
        require(Tool::Tmux);
        let name = format!("{name}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                "120",
                "-y",
                "40",
                cmd,
            ])
            .status()
            .unwrap();
        assert!(ok.success());
        Session(name)
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.0];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    /// Types text literally (digits, Chinese).
    pub fn text(&self, s: &str) {
        assert!(
            Command::new("tmux")
                .args(["send-keys", "-t", &self.0, "-l", s])
                .status()
                .unwrap()
                .success()
        );
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.0])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `what`, or fails showing the screen.
    pub fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
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
