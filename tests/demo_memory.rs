//! The demo store: built deterministically from the shipped samples, with
//! something on every screen; and `score show` on it stays small in memory.

#[path = "support/store.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use pingshen::domain::card::Status;
use pingshen::domain::round::Stage;
use pingshen::store::Store;
use support::*;

fn demo(dir: &Path) -> String {
    let out = run(dir, &["demo", "--no-tui"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Each card's scores, comments and status, without timestamps.
fn content(dir: &Path, round: &str) -> BTreeMap<String, String> {
    let s = Store::open(dir).unwrap();
    s.cards(round, None)
        .unwrap()
        .into_iter()
        .map(|c| {
            let k = format!("{:?}/{}/{}", c.stage, c.expert, c.dossier);
            (k, format!("{:?} {:?} {:?}", c.scores, c.comments, c.status))
        })
        .collect()
}

#[test]
fn demo_fills_every_kind_of_card_the_same_way_every_time() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let said = demo(&a);
    assert!(said.contains(&a.display().to_string()), "{said}");
    assert!(demo(&a).contains("nothing changed"));
    demo(&b);

    let s = Store::open(&a).unwrap();
    let rounds = s.rounds().unwrap();
    assert_eq!(rounds.len(), 1);
    let r = s.round(&rounds[0].id).unwrap();
    let prelim = s.cards(&r.round.id, Some(Stage::Preliminary)).unwrap();
    assert_eq!(prelim.len(), r.dossiers.len() * r.round.preliminary.len());
    assert!(prelim.iter().all(|c| c.status == Status::Submitted));
    let expert = s.cards(&r.round.id, Some(Stage::Expert)).unwrap();
    let submitted = expert.iter().filter(|c| c.is_submitted()).count();
    let drafts = expert.len() - submitted;
    let possible =
        r.dossiers.len() * r.round.experts.len() - s.recusals(&r.round.id).unwrap().len();
    assert!(
        submitted > 0 && drafts > 0 && expert.len() < possible,
        "{submitted} {drafts} {possible}"
    );
    assert!(s.audit_verify(None).unwrap().broken.is_none());
    let id = r.round.id.clone();
    drop(s);
    assert_eq!(
        content(&a, &id),
        content(&b, &id),
        "the demo is not deterministic"
    );
}

/// Peak resident memory of a finished child, in kilobytes, from `/usr/bin/time -v`
/// when present, else from the kernel's accounting of waited-for children.
fn peak_rss_kb(args: &[&str], dir: &Path) -> u64 {
    let bin = env!("CARGO_BIN_EXE_pingshen");
    let store = dir.display().to_string();
    let mut argv = vec![bin, "--store", &store];
    argv.extend(args);
    if Path::new("/usr/bin/time").exists() {
        let out = Command::new("/usr/bin/time")
            .arg("-v")
            .args(&argv)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        let line = err
            .lines()
            .find(|l| l.contains("Maximum resident set size"))
            .unwrap();
        return line.rsplit(':').next().unwrap().trim().parse().unwrap();
    }
    let out = Command::new(argv[0]).args(&argv[1..]).output().unwrap();
    assert!(out.status.success());
    // SAFETY: getrusage fills the struct it is given.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) };
    ru.ru_maxrss as u64
}

#[test]
fn score_show_on_the_demo_store_stays_under_64_mb() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    demo(&dir);
    let id = Store::open(&dir).unwrap().rounds().unwrap()[0].id.clone();
    for args in [
        vec!["score", "show", "--round", &id],
        vec!["score", "show", "--round", &id, "--format", "json"],
    ] {
        let kb = peak_rss_kb(&args, &dir);
        println!(
            "peak RSS of pingshen {}: {:.1} MB",
            args.join(" "),
            kb as f64 / 1024.0
        );
        assert!(kb < 64 * 1024, "{kb} kB");
    }
}
