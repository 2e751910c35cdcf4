//! The register's arguments read into values, each refusal a sentence naming
//! the flag and what it allows.

use chrono::NaiveDate;

use crate::domain::{Points, credit_code};
use crate::error::{CenterError, Error};

/// Names the day taken as today instead of this computer's clock
/// (YYYY-MM-DD), for a register kept over years and for tests.
pub const TODAY: &str = "PINGSHEN_TODAY";

/// A day written as YYYY-MM-DD.
fn parse(flag: &'static str, s: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        CenterError::NotADate {
            flag,
            given: s.to_string(),
        }
        .into()
    })
}

/// Today: the day `PINGSHEN_TODAY` names, or this computer's clock.
pub fn today() -> Result<NaiveDate, Error> {
    match std::env::var(TODAY) {
        Ok(s) => parse(TODAY, &s),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// The day an event happened, as YYYY-MM-DD: never after today.
pub fn date(flag: &'static str, s: &str) -> Result<NaiveDate, Error> {
    let given = parse(flag, s)?;
    let today = today()?;
    if given > today {
        return Err(CenterError::Future { flag, given, today }.into());
    }
    Ok(given)
}

/// `--on`, or today.
pub fn on_or_today(s: Option<&str>) -> Result<NaiveDate, Error> {
    match s {
        Some(s) => parse("--on", s),
        None => today(),
    }
}

/// A unified social credit code, checked character by character.
pub fn code(s: &str) -> Result<String, Error> {
    let s = s.trim();
    match credit_code::problem(s) {
        Some(problem) => Err(CenterError::BadCode {
            given: s.to_string(),
            problem,
        }
        .into()),
        None => Ok(s.to_string()),
    }
}

/// An annual assessment's score: 0 to 100 with at most two decimals.
pub fn score(s: &str) -> Result<Points, Error> {
    let given = || s.to_string();
    let p: Points = s.parse().map_err(|error| CenterError::BadScore {
        given: given(),
        error,
    })?;
    if p > Points::whole(100) {
        return Err(CenterError::ScoreOver100 { given: given() }.into());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_the_flag_and_what_it_allows() {
        assert_eq!(
            date("--date", "2025-02-30").unwrap_err().to_string(),
            "--date 2025-02-30: not a date; write the day as YYYY-MM-DD, e.g. 2025-07-01"
        );
        assert_eq!(
            score("100.5").unwrap_err().to_string(),
            "--score 100.5: an annual assessment is scored out of 100; allowed are 0 to 100 with at most 2 decimals, e.g. 72.5"
        );
        assert!(
            score("-3")
                .unwrap_err()
                .to_string()
                .starts_with("--score -3: points must not be negative")
        );
        assert_eq!(score("100").unwrap(), Points::whole(100));
        assert!(
            code("91440116MA5C8K2X1")
                .unwrap_err()
                .to_string()
                .contains("has 17 characters")
        );
    }
}
