//! A score is acknowledged only once it is on disk: the order of system calls,
//! a full disk, and damaged store files.

#[path = "support/store.rs"]
mod support;

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

use pingshen::domain::Points;
use pingshen::store::{CardRef, Store, StoreError};
use support::*;

#[test]
fn score_set_fsyncs_the_store_before_it_says_saved() {
    if !strace_works() {
        println!(
            "note: strace is not available here, so the fsync order is not checked (CI installs it)"
        );
        return;
    }
    let (tmp, dir) = loaded_store();
    let log = tmp.path().join("strace.log");
    let out = Command::new("strace")
        .args([
            "-f",
            "-y",
            "-qq",
            "-e",
            "trace=fsync,fdatasync,write,pwrite64",
            "-o",
        ])
        .arg(&log)
        .arg("--")
        .args(pingshen_argv(&dir))
        .args(set_args("E1", "M-001", "A1", "7.5"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("saved:"));
    let trace = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = trace.lines().collect();
    let real = dir.canonicalize().unwrap().display().to_string();
    let saved = lines
        .iter()
        .position(|l| l.contains("write(1") && l.contains("saved:"))
        .expect("the saved line is written to stdout");
    // What happened before the acknowledgement; sled fsyncs again when it closes.
    let before = &lines[..saved];
    let last = |pred: &dyn Fn(&str) -> bool| before.iter().rposition(|l| pred(l));
    let db = format!("{real}/db>");
    let wrote_db =
        last(&|l| l.contains("pwrite64(") && l.contains(&db)).expect("sled wrote its log");
    let synced = |name: &str| last(&|l| is_sync(l) && l.contains(name));
    for name in [db.clone(), format!("{real}/conf>"), format!("<{real}>")] {
        let at = synced(&name)
            .unwrap_or_else(|| panic!("{name} is not fsynced before 'saved':\n{trace}"));
        assert!(
            at > wrote_db,
            "{name} was fsynced before the last write to the log:\n{trace}"
        );
    }
}

fn is_sync(line: &str) -> bool {
    line.contains("fsync(") || line.contains("fdatasync(")
}

fn pingshen_argv(dir: &Path) -> Vec<String> {
    vec![
        env!("CARGO_BIN_EXE_pingshen").to_string(),
        "--store".into(),
        dir.display().to_string(),
        "--lang".into(),
        "en".into(),
    ]
}

/// Limits the size of files the process may write, with SIGXFSZ ignored so
/// that writes fail with EFBIG, as on a full disk, instead of killing it.
fn limit_file_size(bytes: u64) -> std::io::Result<()> {
    // SAFETY: signal and setrlimit only change this process's own settings.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let lim = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

const CHILD: &str = "PINGSHEN_TEST_DISK_FULL_STORE";

fn value(i: usize) -> Points {
    Points::from_hundredths(50 * (i % 20) as i64 + 50)
}

/// Run by `disk_full_*` as a child process: fills the disk (a file size limit)
/// with scores, printing each acknowledged one, until a write fails.
#[test]
fn disk_full_child() {
    let Ok(dir) = std::env::var(CHILD) else {
        return;
    };
    let dir = Path::new(&dir);
    let mut store = Store::open(dir).unwrap();
    let size = std::fs::metadata(dir.join("db")).unwrap().len();
    limit_file_size(size).unwrap();
    let at = CardRef {
        round: ROUND,
        expert: "E2",
        dossier: "M-002",
    };
    for i in 0..20_000 {
        match store.set_score(at, "B1", value(i), None) {
            Ok(_) => println!("ACK {i}"),
            Err(e) => {
                println!("ERR {i} {e}");
                let again = store.set_score(at, "B2", value(1), None).unwrap_err();
                println!("AFTER {again}");
                return;
            }
        }
    }
    println!("NOFAIL");
}

#[test]
fn disk_full_is_a_clear_error_and_loses_nothing() {
    let (_tmp, dir) = loaded_store();
    {
        let mut s = Store::open(&dir).unwrap();
        s.set_score(
            CardRef {
                round: ROUND,
                expert: "E1",
                dossier: "M-001",
            },
            "A1",
            value(3),
            None,
        )
        .unwrap();
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "disk_full_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, &dir)
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    // The test harness may print its own words before the first line of the child.
    let tagged = |tag: &'static str| {
        stdout
            .lines()
            .filter_map(move |l| Some(&l[l.find(tag)? + tag.len()..]))
    };
    let acks: Vec<usize> = tagged("ACK ").filter_map(|n| n.parse().ok()).collect();
    let err = tagged("ERR ")
        .next()
        .unwrap_or_else(|| panic!("no write failed:\n{stdout}{}", text(&out.stderr)));
    assert!(
        err.contains("the disk is full or the file size limit is reached"),
        "{err}"
    );
    assert!(err.contains("the change is not saved"), "{err}");
    let after = tagged("AFTER ").next().unwrap();
    assert!(
        after.contains("accepts no more changes after a failed write (the disk is full"),
        "{after}"
    );
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !acks.is_empty(),
        "no score was saved before the disk filled"
    );

    let store = Store::open(&dir).unwrap();
    let card = store
        .card(CardRef {
            round: ROUND,
            expert: "E2",
            dossier: "M-002",
        })
        .unwrap()
        .unwrap();
    let last = *acks.last().unwrap();
    assert_eq!(
        card.scores.get("B1"),
        Some(&value(last)),
        "the last acknowledged score is not what is stored"
    );
    assert_eq!(card.scores.get("B2"), None);
    let first = store
        .card(CardRef {
            round: ROUND,
            expert: "E1",
            dossier: "M-001",
        })
        .unwrap()
        .unwrap();
    assert_eq!(first.scores.get("A1"), Some(&value(3)));
    assert!(store.audit_verify(None).unwrap().broken.is_none());
    // init, the first score, and one entry per acknowledged change: no trace of the failed one.
    assert_eq!(store.audit_log(ROUND).unwrap().len(), 2 + acks.len());
    drop(store);

    // The binary on a full disk: a sentence and exit 1, and the store still whole.
    let size = std::fs::metadata(dir.join("db")).unwrap().len();
    let mut cmd = pingshen(&dir);
    cmd.args(set_args("E3", "M-001", "A1", "1"));
    // SAFETY: the closure only calls async-signal-safe functions.
    unsafe { cmd.pre_exec(move || limit_file_size(size)) };
    let mut clear = false;
    for _ in 0..400 {
        let out = cmd.output().unwrap();
        if out.status.success() {
            continue;
        }
        let e = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{e}");
        assert!(
            e.contains("the disk is full or the file size limit is reached"),
            "{e}"
        );
        assert!(!e.contains("panicked"), "{e}");
        clear = true;
        break;
    }
    assert!(clear, "the binary never met the full disk");
    let store = Store::open(&dir).unwrap();
    assert!(store.audit_verify(None).unwrap().broken.is_none());
}

/// A store with a few scores, then damaged by `damage`.
fn damaged(damage: impl Fn(&Path)) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = loaded_store();
    {
        let mut s = Store::open(&dir).unwrap();
        for (i, item) in ["A1", "A2", "B1", "B2"].iter().enumerate() {
            let at = CardRef {
                round: ROUND,
                expert: "E1",
                dossier: "M-001",
            };
            s.set_score(at, item, Points::whole(i as i64 + 1), None)
                .unwrap();
        }
    }
    damage(&dir);
    (tmp, dir)
}

fn overwrite(path: &Path, at: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    f.write_all(bytes).unwrap();
}

fn truncate(path: &Path, len: u64) {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .unwrap()
        .set_len(len)
        .unwrap();
}

#[test]
fn a_damaged_store_is_a_clear_error_not_a_panic() {
    let snapshots = |dir: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("snap.")
            })
            .collect()
    };
    type Damage = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Damage)> = vec![
        (
            "log emptied",
            Box::new(|d: &Path| truncate(&d.join("db"), 0)),
        ),
        (
            "log truncated",
            Box::new(|d: &Path| truncate(&d.join("db"), 3000)),
        ),
        (
            "log overwritten",
            Box::new(|d: &Path| overwrite(&d.join("db"), 2000, &[0xA5; 64])),
        ),
        (
            "settings garbled",
            Box::new(|d: &Path| {
                std::fs::write(d.join("conf"), "segment_size: nonsense\n").unwrap()
            }),
        ),
        (
            "settings truncated",
            Box::new(|d: &Path| truncate(&d.join("conf"), 10)),
        ),
        (
            "snapshot truncated",
            Box::new(move |d: &Path| snapshots(d).iter().for_each(|p| truncate(p, 20))),
        ),
    ];
    for (what, damage) in cases {
        let (_tmp, dir) = damaged(damage);
        let out = run(&dir, &["score", "show", "--round", ROUND]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(
            err.contains("is damaged and cannot be read"),
            "{what}: {err}"
        );
        assert!(
            err.contains("restore the folder from a backup copy"),
            "{what}: {err}"
        );
        assert!(!err.contains("panicked"), "{what}: {err}");
        assert!(
            matches!(Store::open(&dir), Err(StoreError::Damaged { .. })),
            "{what}"
        );
    }
}

#[test]
fn an_unreadable_value_or_a_newer_store_is_named() {
    let (_tmp, dir) = loaded_store();
    {
        let db = sled::open(&dir).unwrap();
        let key = db
            .iter()
            .keys()
            .map(|k| k.unwrap())
            .find(|k| k.windows(5).any(|w| w == b"round"))
            .unwrap();
        db.insert(key, &b"{not json"[..]).unwrap();
        db.flush().unwrap();
    }
    let out = run(&dir, &["score", "show", "--round", ROUND]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("the value at round / mini-2024 does not read"),
        "{}",
        text(&out.stderr)
    );

    let (_tmp, dir) = loaded_store();
    {
        let db = sled::open(&dir).unwrap();
        let key = db
            .iter()
            .keys()
            .map(|k| k.unwrap())
            .find(|k| k.windows(6).any(|w| w == b"schema"))
            .unwrap();
        db.insert(key, &br#"{"v":2,"data":2}"#[..]).unwrap();
        db.flush().unwrap();
    }
    let out = run(&dir, &["score", "show", "--round", ROUND]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "was written by a newer pingshen (store schema 2); this version reads schema 1"
        ),
        "{err}"
    );
}
