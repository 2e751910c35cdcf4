//! Key fingerprints as people read them aloud: 16 hexadecimal digits in four
//! groups (`3f2a-91bc-04de-77a1`). A fingerprint typed with other separators,
//! spaces or capitals means the same key.

/// The number of hexadecimal digits in a fingerprint.
pub const DIGITS: usize = 16;

/// The canonical form of a typed fingerprint, or `None` when it is not 16
/// hexadecimal digits (separators `-`, `:` and spaces are ignored).
pub fn normalise(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ':' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if digits.len() != DIGITS || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    Some(grouped(&digits))
}

/// Groups 16 digits by four with hyphens.
pub fn grouped(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether two typed fingerprints name the same key.
pub fn same(a: &str, b: &str) -> bool {
    matches!((normalise(a), normalise(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_case_do_not_matter() {
        let want = Some("3f2a-91bc-04de-77a1".to_string());
        assert_eq!(normalise("3f2a-91bc-04de-77a1"), want);
        assert_eq!(normalise("3F2A91BC04DE77A1"), want);
        assert_eq!(normalise("3f2a:91bc:04de:77a1"), want);
        assert_eq!(normalise(" 3f2a 91bc 04de 77a1 "), want);
        assert!(same("3f2a91bc04de77a1", "3F2A-91BC-04DE-77A1"));
    }

    #[test]
    fn wrong_length_or_digits_are_refused() {
        assert_eq!(normalise("3f2a-91bc-04de-77a"), None);
        assert_eq!(normalise("3f2a-91bc-04de-77a1-0"), None);
        assert_eq!(normalise("3f2a-91bc-04de-77ag"), None);
        assert_eq!(normalise("３f2a-91bc-04de-77a1"), None);
        assert!(!same("", ""));
    }
}
