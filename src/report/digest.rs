//! The ranking's canonical text and its SHA-256, printed at the foot of the
//! minutes so anyone can check that a signed copy matches the data.
//!
//! The canonical text is UTF-8, one record a line, fields separated by a tab,
//! every line ending in `\n`:
//!
//! ```text
//! pingshen ranking v1
//! round→<round id>
//! stage→<stage key>
//! <rank>→<dossier>→<applicant>→<exact score>→<score to 2 decimals>→<experts>→<status key>
//! …
//! ```
//!
//! (→ stands for a tab.)
//!
//! one entry line per ranking entry, in ranking order. The rank is the
//! competition rank or `-`; the exact score is the lowest-terms fraction
//! `num/den` (`-` when there is none) and the printed score rounds half up.
//! A tab, newline, carriage return or backslash inside a field is written as
//! `\t`, `\n`, `\r`, `\\`. The time of printing, the language, remarks and
//! flags are not covered: the same ranking hashes the same everywhere.

use sha2::{Digest, Sha256};

use crate::domain::ranking::Ranking;

/// The first line, naming the layout, so a later layout can be told apart.
pub const HEADER: &str = "pingshen ranking v1";

/// The ranking's canonical text, as described in the module documentation.
pub fn canonical(ranking: &Ranking) -> String {
    let mut out = format!(
        "{HEADER}\nround\t{}\nstage\t{}\n",
        field(&ranking.round),
        ranking.stage.key()
    );
    for e in &ranking.entries {
        let rank = e.rank.map_or_else(|| "-".to_string(), |r| r.to_string());
        let (exact, printed) = match e.score {
            Some(s) => (format!("{}/{}", s.num(), s.den()), s.fixed2()),
            None => ("-".to_string(), "-".to_string()),
        };
        let line = [
            rank,
            field(&e.dossier),
            field(&e.applicant),
            exact,
            printed,
            e.experts.to_string(),
            e.status.key().to_string(),
        ];
        out += &line.join("\t");
        out.push('\n');
    }
    out
}

/// The lowercase hexadecimal SHA-256 of the ranking's canonical text.
pub fn ranking_hash(ranking: &Ranking) -> String {
    hex(&Sha256::digest(canonical(ranking).as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_of_the_empty_digest_is_the_known_one() {
        assert_eq!(
            hex(&Sha256::digest(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(field("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
    }
}
