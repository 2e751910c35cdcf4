//! A PIN's memory-hard hash: Argon2id at the OWASP minimum (19 MiB, two
//! passes, one lane) with a random 16-byte salt, kept as its PHC string. The
//! PIN itself is never kept.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::domain::pin::Pin;

const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;
const SALT_BYTES: usize = 16;

fn hasher() -> Result<Argon2<'static>, String> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).map_err(|e| e.to_string())?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// The PHC string of a PIN with a new salt.
pub fn hash(pin: &Pin) -> Result<String, String> {
    let mut salt = [0u8; SALT_BYTES];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let h = hasher()?
        .hash_password_with_salt(pin.as_bytes(), &salt)
        .map_err(|e| e.to_string())?;
    Ok(h.to_string())
}

/// Whether `pin` is the one `phc` was made from (with the parameters the
/// string names). A string that does not read matches nothing.
pub fn matches(pin: &Pin, phc: &str) -> bool {
    hasher().is_ok_and(|a| a.verify_password(pin.as_bytes(), phc).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_argon2id_salted_and_only_its_pin_matches() {
        let pin = Pin::parse("2468").unwrap();
        let h = hash(&pin).unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(!h.contains("2468"));
        assert!(matches(&pin, &h));
        assert!(!matches(&Pin::parse("2469").unwrap(), &h));
        assert!(!matches(&pin, "not a hash"));
        assert_ne!(hash(&pin).unwrap(), h, "a new salt each time");
    }
}
