//! An expert's PIN on a shared laptop: 4 to 8 digits, asked before anyone
//! scores as that expert in a round whose store asks for PINs. Five wrong
//! tries in a row lock the expert for a minute. Pure rules: the store keeps
//! only the PIN's hash and the count of wrong tries, and the time is given.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The fewest and the most digits of a PIN.
pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 8;
/// Wrong tries in a row that lock the expert.
pub const TRIES: u32 = 5;
/// How long a lock lasts.
pub const LOCK_SECONDS: i64 = 60;

/// A PIN as typed: digits only, 4 to 8 of them. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(…)")
    }
}

impl Pin {
    /// Reads a PIN; anything but 4 to 8 digits is refused.
    pub fn parse(text: &str) -> Result<Pin, PinRefusal> {
        let ok = (MIN_DIGITS..=MAX_DIGITS).contains(&text.chars().count())
            && text.chars().all(|c| c.is_ascii_digit());
        if ok {
            Ok(Pin(text.to_string()))
        } else {
            Err(PinRefusal::Form)
        }
    }

    /// A new PIN typed twice: both the same, and a PIN.
    pub fn twice(first: &str, second: &str) -> Result<Pin, PinRefusal> {
        let pin = Pin::parse(first)?;
        if first != second {
            return Err(PinRefusal::Differs);
        }
        Ok(pin)
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// What stands between a person and an expert's desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// The round does not ask for PINs.
    Open,
    /// The expert's PIN is asked.
    Ask,
    /// The expert has no PIN yet: one is set, typed twice, on first use.
    FirstUse,
}

/// Wrong tries in a row, and the lock they led to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tries {
    pub wrong: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

impl Tries {
    /// Refuses while a lock lasts.
    pub fn check(&self, expert: &str, now: DateTime<Utc>) -> Result<(), PinRefusal> {
        match self.locked_until {
            Some(until) if now < until => Err(PinRefusal::Locked {
                expert: expert.to_string(),
                until,
            }),
            _ => Ok(()),
        }
    }

    /// The tries after one more wrong PIN: the count goes on (starting again
    /// after a lock that has passed), and the fifth locks for a minute.
    pub fn wrong(&self, now: DateTime<Utc>) -> Tries {
        let before = match self.locked_until {
            Some(_) => 0,
            None => self.wrong,
        };
        let wrong = before + 1;
        if wrong >= TRIES {
            Tries {
                wrong: 0,
                locked_until: Some(now + Duration::seconds(LOCK_SECONDS)),
            }
        } else {
            Tries {
                wrong,
                locked_until: None,
            }
        }
    }

    /// The refusal a wrong PIN gets, once counted.
    pub fn refusal(&self, expert: &str) -> PinRefusal {
        match self.locked_until {
            Some(until) => PinRefusal::Locked {
                expert: expert.to_string(),
                until,
            },
            None => PinRefusal::Wrong {
                expert: expert.to_string(),
                left: TRIES - self.wrong,
            },
        }
    }

    /// Nothing to forget: no wrong try counted and no lock.
    pub fn is_clear(&self) -> bool {
        *self == Tries::default()
    }
}

/// Why a PIN is not accepted, or not set.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PinRefusal {
    #[error("a PIN is 4 to 8 digits")]
    Form,
    #[error("the two PINs typed are not the same; nothing was saved")]
    Differs,
    #[error("the PIN of expert {expert} is not right; {left} tries left before a one-minute lock")]
    Wrong { expert: String, left: u32 },
    #[error("expert {expert} is locked after five wrong PINs until {} UTC", .until.format("%H:%M:%S"))]
    Locked {
        expert: String,
        until: DateTime<Utc>,
    },
    #[error("expert {expert} needs their PIN here, and none was given")]
    Needed { expert: String },
    #[error("expert {expert} has no PIN yet; they set one before scoring")]
    NotSet { expert: String },
    #[error("expert {expert} already has a PIN; the secretary can reset it with a reason")]
    AlreadySet { expert: String },
    #[error("expert {expert} has no PIN to reset")]
    NothingToReset { expert: String },
}

impl PinRefusal {
    /// True when what was typed is wrong in itself (exit 2); the others are
    /// refusals by the state (exit 3).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, PinRefusal::Form | PinRefusal::Differs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::at;

    #[test]
    fn a_pin_is_four_to_eight_digits_typed_the_same_twice() {
        assert!(Pin::parse("1234").is_ok());
        assert!(Pin::parse("12345678").is_ok());
        for bad in ["123", "123456789", "12a4", " 1234", "１２３４", ""] {
            assert_eq!(Pin::parse(bad), Err(PinRefusal::Form), "{bad:?}");
        }
        assert_eq!(Pin::twice("2468", "2469"), Err(PinRefusal::Differs));
        assert_eq!(Pin::twice("24", "24"), Err(PinRefusal::Form));
        assert_eq!(format!("{:?}", Pin::parse("2468").unwrap()), "Pin(…)");
    }

    #[test]
    fn the_fifth_wrong_try_locks_for_a_minute_and_the_count_starts_again_after() {
        let now = at(1);
        let mut t = Tries::default();
        for left in [4, 3, 2, 1] {
            t = t.wrong(now);
            assert_eq!(
                t.refusal("E1"),
                PinRefusal::Wrong {
                    expert: "E1".into(),
                    left
                }
            );
            assert_eq!(t.check("E1", now), Ok(()));
        }
        t = t.wrong(now);
        let until = now + Duration::seconds(LOCK_SECONDS);
        let locked = PinRefusal::Locked {
            expert: "E1".into(),
            until,
        };
        assert_eq!(t.refusal("E1"), locked);
        assert_eq!(t.check("E1", now + Duration::seconds(59)), Err(locked));
        assert_eq!(t.check("E1", until), Ok(()));
        let after = t.wrong(until);
        assert_eq!(
            after,
            Tries {
                wrong: 1,
                locked_until: None
            }
        );
    }
}
