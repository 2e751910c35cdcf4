//! A full disk: the save is refused with a sentence, nothing of it is kept,
//! what was saved before stays, and the next save after space returns works.
//! Alone in its test binary, because the file size limit it sets (SIGXFSZ
//! ignored, so that a write fails with EFBIG as on a full disk) is the process's.

#[path = "support/store.rs"]
mod support;

use pingshen::domain::Points;
use pingshen::store::{CardRef, Store};
use support::*;

fn value(i: usize) -> Points {
    Points::from_hundredths(50 * (i % 20) as i64 + 50)
}

/// Sets the soft limit on the size of files this process writes (`None`: none).
fn limit_file_size(bytes: Option<u64>) {
    // SAFETY: signal and setrlimit only change this process's own settings.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        assert_eq!(libc::getrlimit(libc::RLIMIT_FSIZE, &mut lim), 0);
        lim.rlim_cur = bytes.map_or(lim.rlim_max, |b| b as libc::rlim_t);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &lim), 0);
    }
}

const E2: CardRef<'static> = CardRef {
    round: ROUND,
    expert: "E2",
    dossier: "M-002",
};

#[test]
fn a_full_disk_refuses_the_save_in_words_and_loses_nothing() {
    let (_tmp, dir) = loaded_store();
    let journal = dir.join("journal").join("00000001.psj");
    let mut store = Store::open(&dir).unwrap();
    let first = CardRef {
        round: ROUND,
        expert: "E1",
        dossier: "M-001",
    };
    store.set_score(first, "A1", value(3), None).unwrap();
    let size = std::fs::metadata(&journal).unwrap().len();
    limit_file_size(Some(size + 4_000));
    let mut acked = Vec::new();
    let mut refused = None;
    for i in 0..1_000 {
        match store.set_score(E2, "B1", value(i), None) {
            Ok(_) => acked.push(i),
            Err(e) => {
                refused = Some((i, e.to_string()));
                break;
            }
        }
    }
    let (failed, err) = refused.expect("the limit is reached");
    assert!(
        err.contains("the disk is full or the file size limit is reached"),
        "{err}"
    );
    assert!(err.contains("the change is not saved"), "{err}");
    assert!(!acked.is_empty(), "no save fitted before the limit");
    // Nothing of the refused record stays in the journal, and the store goes on
    // once there is room: the very next save, in the same process.
    let len = std::fs::metadata(&journal).unwrap().len();
    assert!(len <= size + 4_000);
    limit_file_size(None);
    store.set_score(E2, "B2", value(7), None).unwrap();
    drop(store);

    let store = Store::open(&dir).unwrap();
    let v = store.audit_verify(None).unwrap();
    assert!(v.broken.is_none(), "{:?}", v.broken);
    let card = store.card(E2).unwrap().unwrap();
    let last = *acked.last().unwrap();
    assert_ne!(value(last), value(failed));
    assert_eq!(card.scores.get("B1"), Some(&value(last)));
    assert_eq!(card.scores.get("B2"), Some(&value(7)));
    let one = store.card(first).unwrap().unwrap();
    assert_eq!(one.scores.get("A1"), Some(&value(3)));
    // init, the first score, each acknowledged save and the one after: no trace of the refused one.
    assert_eq!(store.audit_log(ROUND).unwrap().len(), 2 + acked.len() + 1);
}
