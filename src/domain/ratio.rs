//! Exact fractions for comparisons that must never round: means, PCT at 1:2.

use std::cmp::Ordering;
use std::fmt;

/// A fraction `num / den` with `den > 0`, always in lowest terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i128,
    den: i128,
}

/// The greatest common divisor, at least 1. Means of hundredths fit in 64
/// bits, where a binary gcd needs no division at all; wider values take the
/// 128-bit remainder loop. Both give the same divisor.
fn gcd(a: i128, b: i128) -> i128 {
    let (a, b) = (a.unsigned_abs(), b.unsigned_abs());
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => i128::from(binary_gcd(a, b).max(1)),
        _ => {
            let (mut a, mut b) = (a, b);
            while b != 0 {
                (a, b) = (b, a % b);
            }
            // A divisor of a value below 2^127 (or of 2^127 itself) fits.
            i128::try_from(a.max(1)).unwrap_or(1)
        }
    }
}

/// Stein's algorithm: shifts and subtractions only.
fn binary_gcd(mut a: u64, mut b: u64) -> u64 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            (a, b) = (b, a);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den`; a zero denominator is a programming error and yields zero.
    pub fn new(num: i128, den: i128) -> Ratio {
        if den == 0 {
            return Ratio::ZERO;
        }
        let s = if den < 0 { -1 } else { 1 };
        let g = gcd(num, den);
        if g == 1 {
            return Ratio {
                num: s * num,
                den: s * den,
            };
        }
        // Divided in 64 bits when everything fits: the same quotients, faster.
        if let (Ok(n), Ok(d), Ok(g64)) = (i64::try_from(num), i64::try_from(den), i64::try_from(g))
        {
            return Ratio {
                num: s * i128::from(n / g64),
                den: s * i128::from(d / g64),
            };
        }
        Ratio {
            num: s * num / g,
            den: s * den / g,
        }
    }

    pub fn int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    pub fn from_points(p: super::Points) -> Ratio {
        Ratio::new(p.hundredths() as i128, 100)
    }

    pub fn num(self) -> i128 {
        self.num
    }

    pub fn den(self) -> i128 {
        self.den
    }

    pub fn div_int(self, n: i128) -> Ratio {
        Ratio::new(self.num, self.den * n)
    }

    pub fn abs(self) -> Ratio {
        Ratio {
            num: self.num.abs(),
            den: self.den,
        }
    }

    /// Rounded to hundredths, half away from zero (so half up for scores).
    pub fn round_hundredths(self) -> i128 {
        let n = self.num * 100;
        let q = n.div_euclid(self.den);
        let r = n.rem_euclid(self.den);
        if 2 * r >= self.den { q + 1 } else { q }
    }

    /// Rounded down to hundredths: the largest number of hundredths not above
    /// the value, so that comparing it with a line in hundredths gives the
    /// exact answer (69.996 stays below 70).
    pub fn floor_hundredths(self) -> i128 {
        (self.num * 100).div_euclid(self.den)
    }

    /// The exact value in decimals: all of them when the decimal ends within
    /// eight places (69.995), else the first six and `…` (69.996666…). Shown
    /// where a comparison with a line decides, so that the printed two
    /// decimals never seem to disagree with the result.
    pub fn exact(self) -> String {
        let sign = if self.num < 0 { "-" } else { "" };
        let (num, den) = (self.num.abs(), self.den);
        let whole = num / den;
        let mut rest = num % den;
        let mut digits = String::new();
        while rest != 0 && digits.len() < 8 {
            rest *= 10;
            digits.push(char::from(b'0' + (rest / den) as u8));
            rest %= den;
        }
        if rest != 0 {
            digits.truncate(6);
            digits.push('…');
        }
        if digits.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{digits}")
        }
    }

    /// Two decimals, rounding half up: the form printed in rankings.
    pub fn fixed2(self) -> String {
        let h = self.round_hundredths();
        let sign = if h < 0 { "-" } else { "" };
        let h = h.abs();
        format!("{sign}{}.{:02}", h / 100, h % 100)
    }
}

impl std::ops::Add for Ratio {
    type Output = Ratio;
    fn add(self, o: Ratio) -> Ratio {
        Ratio::new(self.num * o.den + o.num * self.den, self.den * o.den)
    }
}

impl std::ops::Sub for Ratio {
    type Output = Ratio;
    fn sub(self, o: Ratio) -> Ratio {
        Ratio::new(self.num * o.den - o.num * self.den, self.den * o.den)
    }
}

impl std::ops::Mul for Ratio {
    type Output = Ratio;
    fn mul(self, o: Ratio) -> Ratio {
        Ratio::new(self.num * o.num, self.den * o.den)
    }
}

impl std::iter::Sum for Ratio {
    fn sum<I: Iterator<Item = Ratio>>(iter: I) -> Ratio {
        iter.fold(Ratio::ZERO, |a, b| a + b)
    }
}

impl Ord for Ratio {
    fn cmp(&self, o: &Ratio) -> Ordering {
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}", self.fixed2())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_only_at_the_half() {
        // 70.005 exactly → 70.01; 70.004999… stays 70.00
        assert_eq!(Ratio::new(70005, 1000).fixed2(), "70.01");
        assert_eq!(Ratio::new(7000499, 100000).fixed2(), "70.00");
        assert_eq!(Ratio::new(2, 3).fixed2(), "0.67");
        assert_eq!(Ratio::new(1, 3).fixed2(), "0.33");
    }

    #[test]
    fn floors_to_hundredths_so_a_line_compares_the_same() {
        let just_below = Ratio::new(209_999, 3000); // 69.9996…
        assert_eq!(just_below.fixed2(), "70.00");
        assert_eq!(just_below.floor_hundredths(), 6999);
        assert_eq!(Ratio::int(70).floor_hundredths(), 7000);
        assert_eq!(Ratio::new(-1, 3).floor_hundredths(), -34);
    }

    #[test]
    fn the_fast_and_the_wide_divisor_agree() {
        for (a, b) in [
            (0, 0),
            (0, 7),
            (12, 18),
            (-12, 18),
            (1 << 40, 3 << 20),
            (97, 89),
        ] {
            let mut x: i128 = i128::abs(a);
            let mut y: i128 = i128::abs(b);
            while y != 0 {
                (x, y) = (y, x % y);
            }
            assert_eq!(gcd(a, b), x.max(1), "gcd({a}, {b})");
        }
        let wide = i128::from(u64::MAX) * 6;
        assert_eq!(gcd(wide, 4), 2);
        assert_eq!(
            Ratio::new(wide, 4),
            Ratio {
                num: wide / 2,
                den: 2
            }
        );
        assert_eq!(Ratio::new(6, -4), Ratio { num: -3, den: 2 });
        assert_eq!(
            Ratio::new(i128::from(i64::MIN), 2).num(),
            i128::from(i64::MIN) / 2
        );
    }

    #[test]
    fn compares_exactly() {
        assert!(Ratio::new(1, 3) < Ratio::new(3333334, 10000000));
        assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
        assert_eq!(Ratio::new(1, -2), Ratio::new(-1, 2));
    }

    #[test]
    fn exact_decimals_end_or_are_cut_with_an_ellipsis() {
        assert_eq!(Ratio::new(69995, 1000).exact(), "69.995");
        assert_eq!(Ratio::new(20999, 300).exact(), "69.996666…");
        assert_eq!(Ratio::int(70).exact(), "70");
        assert_eq!(Ratio::new(-1, 4).exact(), "-0.25");
    }
}
