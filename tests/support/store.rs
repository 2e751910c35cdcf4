//! Helpers shared by the store's tests: a store folder with the small round
//! loaded, and the real binary pointed at it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pingshen::load::{self, Disk, LoadedRound};
use pingshen::store::{Init, Store};

pub const ROUND: &str = "mini-2024";
pub const ROUND_FILE: &str = "tests/fixtures/mini/round.ron";

pub fn mini() -> LoadedRound {
    load::round(&Disk, Path::new(ROUND_FILE)).expect("the fixture round loads")
}

/// A temporary folder with a store in `store/` holding the small round.
pub fn loaded_store() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("store");
    let mut s = Store::open(&dir).expect("a new store opens");
    assert_eq!(
        s.init_round(&mini(), "secretary").expect("init"),
        Init::Created
    );
    (tmp, dir)
}

/// The real binary with `--store dir --lang en`.
pub fn pingshen(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pingshen"));
    c.arg("--store").arg(dir).args(["--lang", "en"]);
    c.env_remove("PINGSHEN_STORE");
    c
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    pingshen(dir).args(args).output().expect("the binary runs")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `score set` for the small round.
pub fn set_args<'a>(
    expert: &'a str,
    dossier: &'a str,
    item: &'a str,
    value: &'a str,
) -> Vec<&'a str> {
    vec![
        "score",
        "set",
        "--round",
        ROUND,
        "--expert",
        expert,
        "--dossier",
        dossier,
        "--item",
        item,
        "--value",
        value,
    ]
}

/// Every key and value, read through a freshly opened store.
pub fn dump(dir: &Path) -> Vec<String> {
    Store::open(dir)
        .expect("the store opens")
        .dump()
        .expect("the store dumps")
}

/// True when `strace` can run here (present and allowed to trace).
pub fn strace_works() -> bool {
    Command::new("strace")
        .args(["-f", "-e", "trace=none", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}
