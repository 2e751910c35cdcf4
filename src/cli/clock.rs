//! The time now: this computer's clock, or the one `PINGSHEN_NOW` names (for
//! tests of what lasts a minute). Read here, at the edge, and passed down.

use chrono::{DateTime, Utc};

use crate::error::{CommandError, Error};

pub const NOW: &str = "PINGSHEN_NOW";

pub fn now() -> Result<DateTime<Utc>, Error> {
    match std::env::var(NOW) {
        Ok(s) => DateTime::parse_from_rfc3339(s.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| {
                CommandError::NotATime {
                    name: NOW,
                    given: s,
                }
                .into()
            }),
        Err(_) => Ok(Utc::now()),
    }
}
