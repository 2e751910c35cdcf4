//! The outside programs some tests need: how to tell one is here and how to
//! install it. build.rs reads this file too: where a tool is missing and `CI`
//! is not set it sets the cfg `missing_<tool>`, and the tests that need the
//! tool carry `#[cfg_attr(missing_<tool>, ignore = "needs …: apt-get install …")]`,
//! so `cargo test` lists them as ignored with the reason. Under CI nothing is
//! ignored and `require` fails the test with the same words.
#![allow(dead_code)]

use std::process::{Command, Stdio};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Tmux,
    /// strace, and a kernel that lets it trace (containers may forbid ptrace).
    Strace,
    Chromium,
    Pdftotext,
    /// A font with Chinese glyphs, as fontconfig sees it.
    ChineseFont,
}

pub const ALL: [Tool; 5] = [
    Tool::Tmux,
    Tool::Strace,
    Tool::Chromium,
    Tool::Pdftotext,
    Tool::ChineseFont,
];

impl Tool {
    /// The cfg build.rs sets when the tool is missing and `CI` is not set.
    pub fn cfg(self) -> &'static str {
        match self {
            Tool::Tmux => "missing_tmux",
            Tool::Strace => "missing_strace",
            Tool::Chromium => "missing_chromium",
            Tool::Pdftotext => "missing_pdftotext",
            Tool::ChineseFont => "missing_chinese_font",
        }
    }

    /// What the test needs and the command that installs it on Debian.
    pub fn need(self) -> &'static str {
        match self {
            Tool::Tmux => "needs tmux: apt-get install tmux",
            Tool::Strace => {
                "needs strace with ptrace allowed: apt-get install strace (in a container, allow ptrace)"
            }
            Tool::Chromium => "needs chromium: apt-get install chromium",
            Tool::Pdftotext => "needs pdftotext: apt-get install poppler-utils",
            Tool::ChineseFont => "needs a Chinese font: apt-get install fonts-noto-cjk",
        }
    }

    /// Whether the tool is here and works.
    pub fn present(self) -> bool {
        match self {
            Tool::Tmux => runs("tmux", &["-V"]),
            Tool::Strace => runs("strace", &["-f", "-e", "trace=none", "true"]),
            Tool::Chromium => starts("chromium", &["--version"]),
            Tool::Pdftotext => starts("pdftotext", &["-v"]),
            Tool::ChineseFont => Command::new("fc-list")
                .args([":lang=zh", "family"])
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .output()
                .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty()),
        }
    }
}

/// Whether `program` can be started at all (some print their version with a
/// non-zero exit).
fn starts(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Whether `program` runs and succeeds.
fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Fails the test, naming the install command, when `tool` is missing. A test
/// reaches this only where build.rs found the tool or `CI` is set.
pub fn require(tool: Tool) {
    assert!(
        tool.present(),
        "{} (CI requires every tool; elsewhere this test is ignored when the tool is missing)",
        tool.need()
    );
}
