//! Fixed-point points: hundredths stored as integers, never floats.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A non-negative amount with two decimals (points, 件, 万元), held as hundredths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(i64);

/// The largest amount a file may carry: far beyond any score or 万元 figure.
const LIMIT: i64 = 1_000_000_000_000 * 100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PointsError {
    #[error("points must be a finite number, not {0}")]
    NotFinite(String),
    #[error("points must not be negative (got {0})")]
    Negative(String),
    #[error("points have at most 2 decimals (got {0})")]
    TooPrecise(String),
    #[error("{0} is too large")]
    TooLarge(String),
    #[error("'{0}' is not a number such as 7 or 7.5")]
    NotANumber(String),
}

impl Points {
    pub const ZERO: Points = Points(0);

    pub const fn from_hundredths(h: i64) -> Points {
        Points(h)
    }

    pub const fn whole(n: i64) -> Points {
        Points(n * 100)
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// Converts a number read from a file, refusing NaN, infinities, negatives and
    /// more than two decimals.
    pub fn from_f64(v: f64) -> Result<Points, PointsError> {
        if !v.is_finite() {
            return Err(PointsError::NotFinite(v.to_string()));
        }
        if v < 0.0 {
            return Err(PointsError::Negative(v.to_string()));
        }
        let scaled = v * 100.0;
        if scaled > LIMIT as f64 {
            return Err(PointsError::TooLarge(v.to_string()));
        }
        let h = scaled.round();
        if (scaled - h).abs() > 1e-6 * scaled.abs().max(1.0) {
            return Err(PointsError::TooPrecise(v.to_string()));
        }
        Ok(Points(h as i64))
    }

    pub fn from_int(v: i128) -> Result<Points, PointsError> {
        if v < 0 {
            return Err(PointsError::Negative(v.to_string()));
        }
        if v > (LIMIT / 100) as i128 {
            return Err(PointsError::TooLarge(v.to_string()));
        }
        Ok(Points(v as i64 * 100))
    }

    pub fn checked_add(self, other: Points) -> Option<Points> {
        self.0.checked_add(other.0).map(Points)
    }

    pub fn saturating_sub(self, other: Points) -> Points {
        Points((self.0 - other.0).max(0))
    }

    /// Always two decimals, as on printed minutes: `7.50`.
    pub fn fixed2(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }

    /// Whether `self` is a whole multiple of `step` (a zero step allows anything).
    pub fn is_multiple_of(self, step: Points) -> bool {
        step.0 == 0 || self.0 % step.0 == 0
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, o: Points) -> Points {
        Points(self.0 + o.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, |a, b| a + b)
    }
}

/// The shortest exact form: `10`, `7.5`, `7.25`.
impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{whole}"),
            x if x % 10 == 0 => write!(f, "{whole}.{}", x / 10),
            x => write!(f, "{whole}.{x:02}"),
        }
    }
}

/// Parses what a person types: `7`, `7.5`, `7.25`, `.5`; exact, no float on the way.
impl FromStr for Points {
    type Err = PointsError;
    fn from_str(s: &str) -> Result<Points, PointsError> {
        let t = s.trim();
        let bad = || PointsError::NotANumber(t.to_string());
        if t.starts_with('-') {
            return Err(PointsError::Negative(t.to_string()));
        }
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        if frac.len() > 2 {
            return Err(PointsError::TooPrecise(t.to_string()));
        }
        if int.len() > 13 {
            return Err(PointsError::TooLarge(t.to_string()));
        }
        let whole: i64 = if int.is_empty() {
            0
        } else {
            int.parse().map_err(|_| bad())?
        };
        let mut h: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| bad())?
        };
        if frac.len() == 1 {
            h *= 10;
        }
        Ok(Points(whole * 100 + h))
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Points, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Points;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of points such as 10 or 2.5")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Points, E> {
                Points::from_int(v as i128).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Points, E> {
                Points::from_int(v as i128).map_err(E::custom)
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Points, E> {
                Points::from_int(v).map_err(E::custom)
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Points, E> {
                Points::from_int(v.min(i128::MAX as u128) as i128).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Points, E> {
                Points::from_f64(v).map_err(E::custom)
            }
            fn visit_f32<E: de::Error>(self, v: f32) -> Result<Points, E> {
                Points::from_f64(v as f64).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        assert_eq!("7.5".parse::<Points>(), Ok(Points(750)));
        assert_eq!("7.25".parse::<Points>(), Ok(Points(725)));
        assert_eq!(".5".parse::<Points>(), Ok(Points(50)));
        assert_eq!("10".parse::<Points>(), Ok(Points(1000)));
        assert!(matches!(
            "7.255".parse::<Points>(),
            Err(PointsError::TooPrecise(_))
        ));
        assert!(matches!(
            "-1".parse::<Points>(),
            Err(PointsError::Negative(_))
        ));
        assert!(matches!(
            "abc".parse::<Points>(),
            Err(PointsError::NotANumber(_))
        ));
        assert!(matches!(
            ".".parse::<Points>(),
            Err(PointsError::NotANumber(_))
        ));
        assert!(matches!(
            "1e3".parse::<Points>(),
            Err(PointsError::NotANumber(_))
        ));
    }

    #[test]
    fn displays_short_and_fixed() {
        assert_eq!(Points(750).to_string(), "7.5");
        assert_eq!(Points(725).to_string(), "7.25");
        assert_eq!(Points(1000).to_string(), "10");
        assert_eq!(Points(705).fixed2(), "7.05");
        assert_eq!(Points(7000).fixed2(), "70.00");
    }

    #[test]
    fn floats_from_files() {
        assert_eq!(Points::from_f64(0.1), Ok(Points(10)));
        assert_eq!(Points::from_f64(2.5), Ok(Points(250)));
        assert!(Points::from_f64(f64::NAN).is_err());
        assert!(Points::from_f64(f64::INFINITY).is_err());
        assert!(Points::from_f64(-0.5).is_err());
        assert!(Points::from_f64(0.125).is_err());
    }

    #[test]
    fn multiples() {
        assert!(Points(750).is_multiple_of(Points(50)));
        assert!(!Points(725).is_multiple_of(Points(50)));
    }
}
