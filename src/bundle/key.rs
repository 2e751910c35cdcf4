//! The laptop's signing key: ed25519, made from the operating system's random
//! bytes on first use and kept in the store. People compare its fingerprint,
//! the first 16 hexadecimal digits of the SHA-256 of the public key, grouped.

use chrono::Utc;
use ed25519_dalek::{Signer, SigningKey};
use sha2::{Digest, Sha256};

use super::{BadKey, BundleError, hex, unhex};
use crate::domain::keyprint;
use crate::store::{KeyRecord, Store};

/// A signing key pair.
pub struct Identity {
    key: SigningKey,
}

impl Identity {
    /// A new key from the operating system's random bytes.
    pub fn generate() -> Result<Identity, BundleError> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| BundleError::Random(e.to_string()))?;
        Ok(Identity {
            key: SigningKey::from_bytes(&secret),
        })
    }

    /// The key kept in a store.
    pub fn from_record(r: &KeyRecord) -> Result<Identity, BundleError> {
        let secret = unhex::<32>(r.secret.as_bytes()).ok_or(BundleError::BadKey(BadKey::Secret))?;
        let id = Identity {
            key: SigningKey::from_bytes(&secret),
        };
        if id.public_hex() != r.public {
            return Err(BundleError::BadKey(BadKey::Halves));
        }
        Ok(id)
    }

    /// How the store keeps this key.
    pub fn record(&self) -> KeyRecord {
        KeyRecord {
            secret: hex(self.key.as_bytes()),
            public: self.public_hex(),
            fingerprint: self.fingerprint(),
            created: Utc::now(),
        }
    }

    pub fn public(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    pub fn public_hex(&self) -> String {
        hex(&self.public())
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public())
    }

    /// The whole SHA-256 of the public key, grouped by four digits; the
    /// fingerprint read aloud is its first four groups.
    pub fn full_fingerprint(&self) -> String {
        full_fingerprint(&self.public())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign(message).to_bytes()
    }
}

/// The fingerprint of a public key: `3f2a-91bc-04de-77a1`.
pub fn fingerprint(public: &[u8; 32]) -> String {
    let digest = Sha256::digest(public);
    keyprint::grouped(&hex(&digest[..keyprint::DIGITS / 2]))
}

/// The full fingerprint of a public key: its whole SHA-256, 64 digits in
/// groups of four, beginning with [`fingerprint`].
pub fn full_fingerprint(public: &[u8; 32]) -> String {
    keyprint::grouped(&hex(&Sha256::digest(public)))
}

/// The store's signing key, made and kept durably on first use.
pub fn laptop_identity(store: &mut Store) -> Result<Identity, BundleError> {
    if let Some(r) = store.laptop_key()? {
        return Identity::from_record(&r);
    }
    let made = Identity::generate()?;
    let kept = store.keep_laptop_key(&made.record())?;
    Identity::from_record(&kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_key_reads_back_and_signs_the_same() {
        let a = Identity::generate().unwrap();
        let b = Identity::from_record(&a.record()).unwrap();
        assert_eq!(a.public(), b.public());
        assert_eq!(a.sign(b"x"), b.sign(b"x"));
        assert_eq!(a.fingerprint().len(), 19);
        assert!(keyprint::normalise(&a.fingerprint()).is_some());
        let mut bad = a.record();
        bad.public = hex(&Identity::generate().unwrap().public());
        assert!(Identity::from_record(&bad).is_err());
    }

    #[test]
    fn two_keys_differ() {
        let a = Identity::generate().unwrap();
        let b = Identity::generate().unwrap();
        assert_ne!(a.public(), b.public());
    }
}
