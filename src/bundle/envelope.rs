//! A bundle file: a fixed first line, a line with the public key, the body,
//! and a last line with the signature over every byte before it:
//!
//! ```text
//! pingshen score bundle 1
//! key: <64 lower-case hexadecimal digits>
//! Bundle( … )
//! signature: <128 lower-case hexadecimal digits>
//! ```
//!
//! Reading is strict, so that any changed byte is refused: capitals, extra
//! spaces, another line end or a missing final line break do not pass.

use ed25519_dalek::{Signature, VerifyingKey};

use super::key::Identity;
use super::{BodyFault, BundleError, Frame, hex, unhex};

/// The first line of every bundle.
pub const HEADER: &str = "pingshen score bundle 1\n";
const KEY: &str = "key: ";
/// The start of the last line.
pub const SIGNATURE: &str = "signature: ";

/// A bundle's parts once its signature is verified.
#[derive(Debug)]
pub struct Opened<'a> {
    pub public: [u8; 32],
    pub body: &'a str,
}

/// Frames and signs a body.
pub fn seal(identity: &Identity, body: &str) -> Vec<u8> {
    let mut out = format!("{HEADER}{KEY}{}\n{body}", identity.public_hex());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let signature = identity.sign(out.as_bytes());
    out.push_str(SIGNATURE);
    out.push_str(&hex(&signature));
    out.push('\n');
    out.into_bytes()
}

/// Checks the frame and the signature; returns the key and the body.
pub fn open(bytes: &[u8]) -> Result<Opened<'_>, BundleError> {
    let format = BundleError::Format;
    let Some(rest) = bytes.strip_prefix(HEADER.as_bytes()) else {
        let crlf = HEADER.replace('\n', "\r\n");
        return Err(if bytes.starts_with(crlf.as_bytes()) {
            format(Frame::CrLf)
        } else {
            format(Frame::FirstLine)
        });
    };
    let key_end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| format(Frame::NoKeyLine))?;
    let public = rest[..key_end]
        .strip_prefix(KEY.as_bytes())
        .and_then(unhex::<32>)
        .ok_or(format(Frame::KeyLine))?;
    let rest = &rest[key_end + 1..];
    let Some(without_end) = rest.strip_suffix(b"\n") else {
        return Err(format(Frame::NoFinalBreak));
    };
    let last_start = without_end
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let signature = without_end[last_start..]
        .strip_prefix(SIGNATURE.as_bytes())
        .and_then(unhex::<64>)
        .ok_or(format(Frame::SignatureLine))?;
    let signed_len = bytes.len() - (without_end.len() - last_start) - 1;
    let signed = &bytes[..signed_len];
    let body = &rest[..last_start];
    let key = VerifyingKey::from_bytes(&public).map_err(|_| format(Frame::PublicKey))?;
    key.verify_strict(signed, &Signature::from_bytes(&signature))
        .map_err(|_| BundleError::Signature)?;
    let body = std::str::from_utf8(body)
        .map_err(|e| BundleError::Body(BodyFault::NotUtf8(e.to_string())))?;
    Ok(Opened { public, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> (Identity, Vec<u8>) {
        let id = Identity::generate().unwrap();
        let bytes = seal(&id, "Bundle(评审: 1)\n");
        (id, bytes)
    }

    #[test]
    fn a_sealed_body_opens_with_its_key() {
        let (id, bytes) = sealed();
        let o = open(&bytes).unwrap();
        assert_eq!(o.public, id.public());
        assert_eq!(o.body, "Bundle(评审: 1)\n");
        let text = String::from_utf8(bytes).unwrap();
        let last = text.lines().last().unwrap();
        assert!(last.starts_with(SIGNATURE) && last.len() == SIGNATURE.len() + 128);
    }

    #[test]
    fn the_frame_is_strict() {
        let (_, bytes) = sealed();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let sig_at = text.rfind(SIGNATURE).unwrap() + SIGNATURE.len();
        let mut upper = text.clone();
        upper.replace_range(sig_at.., &text[sig_at..].to_uppercase());
        let cases = [
            text.trim_end().to_string(),
            format!("{text}\n"),
            format!("{} \n", text.trim_end()),
            text.replace("signature: ", "signature:  "),
            text.replace('\n', "\r\n"),
            upper,
            text.replacen("key: ", "key:", 1),
            String::new(),
        ];
        for c in cases {
            let e = open(c.as_bytes()).unwrap_err();
            assert!(matches!(e, BundleError::Format(_)), "{c:?}: {e}");
        }
    }

    #[test]
    fn another_key_line_fails_the_signature() {
        let (_, bytes) = sealed();
        let other = Identity::generate().unwrap().public_hex();
        let text = String::from_utf8(bytes).unwrap();
        let line = text.lines().nth(1).unwrap().to_string();
        let swapped = text.replace(&line, &format!("key: {other}"));
        assert!(matches!(
            open(swapped.as_bytes()),
            Err(BundleError::Signature)
        ));
    }
}
