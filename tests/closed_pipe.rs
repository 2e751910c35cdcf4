//! Output piped into a reader that stops early (`| head`, a pager quit):
//! the program ends quietly, as every command-line tool does, never with a
//! panic on the next line written.
#![cfg(unix)]

use std::io::Read;
use std::os::fd::AsRawFd;
use std::process::{Command, Stdio};

#[test]
fn a_reader_that_stops_early_ends_the_ranking_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let bin = env!("CARGO_BIN_EXE_pingshen");
    let made = Command::new(bin)
        .arg("--store")
        .arg(&store)
        .args(["demo", "--no-tui"])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let (mut reader, writer) = std::io::pipe().unwrap();
    // The smallest pipe the system allows, so that the ranking (some 60 KB)
    // cannot all fit before the reader stops.
    // SAFETY: an fcntl on a pipe this test owns.
    let sized = unsafe { libc::fcntl(reader.as_raw_fd(), libc::F_SETPIPE_SZ, 4096) };
    assert!(sized > 0 && sized < 60_000, "pipe size {sized}");
    let child = Command::new(bin)
        .arg("--store")
        .arg(&store)
        .args(["rank", "--round", "huangpu-2024", "--format", "json"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    reader.read_exact(&mut first).unwrap();
    assert_eq!(first[0], b'{');
    drop(reader);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{:?}", out.status);
}
