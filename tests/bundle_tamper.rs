//! A signed bundle changed in any single byte is refused whole and leaves the
//! secretary's store exactly as it was.

#[path = "support/laptops.rs"]
mod laptops;

use std::time::Instant;

use laptops::*;
use pingshen::bundle::{self, BundleError, Trust};

/// What a flipped byte must be refused as, from where it lies in the frame
/// (`pingshen score bundle 1`, `key: …`, the body, `signature: …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// The frame no longer reads.
    Format,
    /// The frame reads but the signature does not match.
    Signature,
    /// A key digit changed into another digit: a different key, which may not
    /// be a valid point (frame) or not the signer (signature).
    FormatOrSignature,
}

fn expected(bytes: &[u8], i: usize, mask: u8) -> Expect {
    let text = std::str::from_utf8(bytes).expect("a bundle is UTF-8");
    let header_end = text.find('\n').expect("a first line") + 1;
    let key_digits = header_end + "key: ".len();
    let key_end = header_end + text[header_end..].find('\n').expect("a key line");
    let sig_line = text.rfind("\nsignature: ").expect("a signature line") + 1;
    let sig_digits = sig_line + "signature: ".len();
    let last = bytes.len() - 1;
    let flipped = bytes[i] ^ mask;
    let still_hex = matches!(flipped, b'0'..=b'9' | b'a'..=b'f');
    if (key_digits..key_end).contains(&i) {
        if still_hex {
            Expect::FormatOrSignature
        } else {
            Expect::Format
        }
    } else if (key_end + 1..sig_line - 1).contains(&i) {
        // The body: signed bytes, checked by the signature alone.
        Expect::Signature
    } else if (sig_digits..last).contains(&i) && still_hex {
        Expect::Signature
    } else {
        // The first line, the `key: ` and `signature: ` words, the line
        // breaks around them, a digit changed into a non-digit.
        Expect::Format
    }
}

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
    let (mut format, mut signature) = (0, 0);
    for i in 0..bytes.len() {
        for mask in [0x01u8, 0x80] {
            let mut flipped = bytes.clone();
            flipped[i] ^= mask;
            let e = match bundle::import(&mut secretary, &flipped, &trust) {
                Err(e) => e,
                Ok(r) => panic!("byte {i} ^ {mask:#04x} was accepted: {r:?}"),
            };
            let at = format!("byte {i} ({:?}) ^ {mask:#04x}", bytes[i] as char);
            let said = e.to_string();
            match (expected(&bytes, i, mask), &e) {
                (Expect::Format | Expect::FormatOrSignature, BundleError::Format(why)) => {
                    format += 1;
                    assert!(
                        said.starts_with("refused: this is not a score bundle")
                            && said.ends_with(&why.to_string()),
                        "{at}: {said}"
                    );
                }
                (Expect::Signature | Expect::FormatOrSignature, BundleError::Signature) => {
                    signature += 1;
                    assert!(
                        said.contains("the bundle was changed after it was signed"),
                        "{at}: {said}"
                    );
                }
                (want, _) => panic!("{at}: expected {want:?}, got {e:?}"),
            }
            assert_eq!(secretary.dump().unwrap(), before, "after {at}");
        }
    }
    // Both kinds of refusal were met: the body (most of the file) by its
    // signature, the frame by its shape.
    let body = bytes.len() - 200;
    assert!(signature > body, "{signature} signature refusals");
    assert!(format > 50, "{format} format refusals");
    eprintln!(
        "{} bytes: {format} flips refused as not a bundle, {signature} by the signature, in {:?}",
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
