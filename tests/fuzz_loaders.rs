//! The loaders never panic, and every error they give carries a position.

use std::path::Path;

use pingshen::lang::Say;
use pingshen::load::{self, Files};
use proptest::prelude::*;

/// Serves one in-memory text for any path, so `load::round` can read mutated input.
struct One(Vec<u8>);

impl Files for One {
    fn read(&self, _: &Path) -> std::io::Result<Vec<u8>> {
        Ok(self.0.clone())
    }
    fn list(&self, _: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
        Ok(vec![Path::new("d.ron").to_path_buf()])
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in [
        "tests/bad",
        "scoresheets",
        "scoresheets/demo",
        "scoresheets/demo/dossiers",
    ] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .take(12)
        {
            out.push(std::fs::read(p).unwrap());
        }
    }
    out
}

fn all_loaders(bytes: Vec<u8>) {
    let files = One(bytes);
    let p = Path::new("x.ron");
    let errors: Vec<load::FileError> = [
        load::sheet(&files, p).err(),
        load::dossier(&files, p).err(),
        load::round(&files, p).err(),
    ]
    .into_iter()
    .flatten()
    .flatten()
    .collect();
    for e in errors {
        assert!(e.line >= 1 && e.col >= 1, "{e}");
        assert!(!e.message.zh().is_empty(), "{e}");
        assert!(!e.message.en().is_empty(), "{e}");
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (
            any::<usize>(),
            prop::sample::select(vec![
                &b"("[..],
                b")",
                b"[",
                b"]",
                b",",
                b"\"",
                b"NaN",
                b"-1",
                b"\xff",
                b"1e999",
                b"//",
                b"Some("
            ])
        )
            .prop_map(|(i, s)| Mutation::Insert(i, s.to_vec())),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut b: Vec<u8>, ms: &[Mutation]) -> Vec<u8> {
    for m in ms {
        let n = b.len().max(1);
        match m {
            Mutation::Flip(i, x) if !b.is_empty() => b[i % n] ^= x,
            Mutation::Delete(i, k) if !b.is_empty() => {
                let s = i % n;
                b.drain(s..(s + k).min(b.len()));
            }
            Mutation::Insert(i, s) => {
                let at = i % (b.len() + 1);
                b.splice(at..at, s.iter().copied());
            }
            Mutation::Truncate(i) => b.truncate(i % n),
            _ => {}
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        all_loaders(bytes);
    }

    #[test]
    fn mutated_files_never_panic(seed in any::<prop::sample::Index>(), ms in prop::collection::vec(mutation(), 1..6)) {
        let seeds = seeds();
        let base = seed.get(&seeds).clone();
        all_loaders(apply(base, &ms));
    }
}

fn seg() -> impl Strategy<Value = pingshen::domain::Seg> {
    use pingshen::domain::Seg;
    prop_oneof![
        prop::sample::select(vec!["id", "sections", "items", "max", "joint", "a"])
            .prop_map(Seg::Field),
        (0usize..4).prop_map(Seg::Index),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The position finder ends on any text, for any path.
    #[test]
    fn locate_ends_on_any_text(text in "[ a-z0-9:,()\\[\\]{}\"'/*r#\\n]{0,80}", segs in prop::collection::vec(seg(), 0..5)) {
        let at = load::locate::locate(&text, &pingshen::domain::Path(segs));
        prop_assert!(at.line >= 1 && at.col >= 1);
    }
}
