//! Every input the fuzzers kept (`fuzz/corpus/<target>/`) and every input that
//! once broke a reader (`fuzz/regressions/<target>/`) is read again by the
//! same library function the fuzz target calls, on the stable toolchain: no
//! panic, and every error placed and said in both languages.

use std::path::{Path, PathBuf};

use pingshen::fuzz::TARGETS;

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn replay(folder: &str) -> usize {
    let mut count = 0;
    for (name, read) in TARGETS {
        for file in inputs(&Path::new("fuzz").join(folder).join(name)) {
            let bytes = std::fs::read(&file).unwrap();
            if let Err(broken) = read(&bytes) {
                panic!("{}: {broken:?}", file.display());
            }
            count += 1;
        }
    }
    count
}

#[test]
fn every_target_has_a_seeded_corpus_and_a_fuzz_target() {
    for (name, _) in TARGETS {
        let corpus = inputs(&Path::new("fuzz/corpus").join(name));
        assert!(!corpus.is_empty(), "no corpus for {name}");
        let target = Path::new("fuzz/fuzz_targets").join(format!("{name}.rs"));
        let text = std::fs::read_to_string(&target).unwrap();
        assert!(
            text.contains(&format!("pingshen::fuzz::{name}(")),
            "{} does not call pingshen::fuzz::{name}",
            target.display()
        );
    }
    let targets = inputs(Path::new("fuzz/fuzz_targets"));
    assert_eq!(targets.len(), TARGETS.len(), "{targets:?}");
}

#[test]
fn the_corpus_reads_without_a_broken_promise() {
    let n = replay("corpus");
    assert!(n >= TARGETS.len(), "{n} inputs");
}

#[test]
fn every_crash_found_stays_fixed() {
    replay("regressions");
}
