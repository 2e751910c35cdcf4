//! A signed bundle changed in any single byte is refused whole and leaves the
//! secretary's store exactly as it was.

#[path = "support/laptops.rs"]
mod laptops;

use std::time::Instant;

use laptops::*;
use pingshen::bundle::{self, BundleError, Trust};

#[test]
fn every_single_byte_flip_is_refused_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let round = mini();
    let mut laptop = store(tmp.path(), "laptop", &round);
    let mut secretary = store(tmp.path(), "secretary", &round);
    score(&mut laptop, "E1", "M-001", "7.5", true);
    let bytes = export(&mut laptop, "E1").bytes;
    let trust = Trust::by("secretary").confirm("E1", &fingerprint(&mut laptop));
    let before = secretary.dump().unwrap();
    let started = Instant::now();
    let mut refused = 0;
    for i in 0..bytes.len() {
        for mask in [0x01u8, 0x80] {
            let mut flipped = bytes.clone();
            flipped[i] ^= mask;
            match bundle::import(&mut secretary, &flipped, &trust) {
                Err(e) => assert!(
                    matches!(e, BundleError::Format(_) | BundleError::Signature),
                    "byte {i} ^ {mask:#04x}: {e}"
                ),
                Ok(r) => panic!("byte {i} ^ {mask:#04x} was accepted: {r:?}"),
            }
            refused += 1;
            assert_eq!(secretary.dump().unwrap(), before, "after byte {i}");
        }
    }
    assert_eq!(refused, bytes.len() * 2);
    assert_eq!(secretary.dump().unwrap(), before);
    eprintln!(
        "{} bytes, {refused} flipped bundles refused in {:?}",
        bytes.len(),
        started.elapsed()
    );
    // The untouched bundle still imports.
    let r = bundle::import(&mut secretary, &bytes, &trust).unwrap();
    assert_eq!(r.imported, 1);
}

#[test]
fn a_cut_or_extended_bundle_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let round = mini();
    let mut laptop = store(tmp.path(), "laptop", &round);
    let mut secretary = store(tmp.path(), "secretary", &round);
    score(&mut laptop, "E1", "M-001", "7.5", false);
    let bytes = export(&mut laptop, "E1").bytes;
    let trust = Trust::by("secretary").confirm("E1", &fingerprint(&mut laptop));
    let before = secretary.dump().unwrap();
    let mut variants: Vec<Vec<u8>> = (0..bytes.len())
        .step_by(97)
        .map(|n| bytes[..n].to_vec())
        .collect();
    variants.push(bytes[..bytes.len() - 1].to_vec());
    for extra in [&b"\n"[..], b" ", b"x\n", b"\r\n"] {
        let mut v = bytes.clone();
        v.extend_from_slice(extra);
        variants.push(v);
    }
    let mut dropped = bytes.clone();
    dropped.remove(bytes.len() / 2);
    variants.push(dropped);
    for v in &variants {
        assert!(
            bundle::import(&mut secretary, v, &trust).is_err(),
            "{} bytes",
            v.len()
        );
    }
    assert_eq!(secretary.dump().unwrap(), before);
}
