//! The real binary in a real terminal: `o` on the scoring screen lists the
//! dossier's documents and Enter opens the chosen one with the viewer named
//! by PINGSHEN_OPEN (here a script that writes down what it was asked to
//! open); a document changed in the store folder is refused and not opened.

use std::path::Path;
use std::process::Command;

mod common;

#[path = "support/mini_round.rs"]
mod mini;

use mini::mini_round;

use common::tmux::Session;

fn pingshen(store: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The small round with two documents for M-002, loaded into `store`.
fn loaded(tmp: &Path, store: &Path) {
    let round = mini_round(
        tmp,
        "M-002",
        &[
            ("申报书.pdf", b"%PDF-1.4 the application\n"),
            ("审计报告.pdf", b"%PDF-1.4 the audit\n"),
        ],
    );
    pingshen(store, &["dossier", "hash", round.to_str().unwrap()]);
    pingshen(store, &["init", round.join("round.ron").to_str().unwrap()]);
}

#[test]
#[cfg_attr(missing_tmux, ignore = "needs tmux: apt-get install tmux")]
fn o_opens_the_listed_document_and_refuses_a_changed_one() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    loaded(tmp.path(), &store);
    let record = tmp.path().join("opened.txt");
    let viewer = tmp.path().join("viewer.sh");
    std::fs::write(
        &viewer,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", record.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).unwrap();

    let bin = env!("CARGO_BIN_EXE_pingshen");
    let cmd = format!(
        "LANG=C.UTF-8 PINGSHEN_STORE='{}' PINGSHEN_OPEN='{}' '{bin}' tui; echo EXIT=$?; sleep 30",
        store.display(),
        viewer.display()
    );
    let t = Session::start("pingshen-documents", &cmd);
    t.wait_for("选择身份");
    t.keys(&["Enter"]); // E1
    t.wait_for("M-002");
    t.keys(&["j", "Enter"]);
    t.wait_for("o 附件");
    t.keys(&["o"]);
    let screen = t.wait_for("M-002 的附件");
    assert!(screen.contains("审计报告.pdf"), "{screen}");
    assert!(screen.contains("✓ 已核对"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("用查看程序打开 审计报告.pdf");
    let placed = store.join("attachments/mini-2024/M-002");
    let wait_record = || {
        for _ in 0..100 {
            if record.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::fs::read_to_string(&record).unwrap_or_default()
    };
    assert_eq!(
        wait_record(),
        format!("{}\n", placed.join("审计报告.pdf").display())
    );

    // The application changed after loading: listed as such, and not opened.
    std::fs::write(placed.join("申报书.pdf"), "another file\n").unwrap();
    t.keys(&["Escape"]);
    t.keys(&["o"]);
    let screen = t.wait_for("✗ 与所列不符");
    assert!(screen.contains("申报书.pdf"), "{screen}");
    t.keys(&["j", "Enter"]);
    t.wait_for("未打开：申报书 M-002 的附件 申报书.pdf 不是提交的那份");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        std::fs::read_to_string(&record).unwrap(),
        format!("{}\n", placed.join("审计报告.pdf").display()),
        "nothing more was opened"
    );
    t.keys(&["Escape", "Escape", "Escape"]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
