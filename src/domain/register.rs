//! The register of recognised centres (在册中心), kept across years and keyed
//! by credit code: each centre's programme and event history, what it may do
//! next, what it is paid, and what it bars in a later round's formal review.

mod bars;
mod rows;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Points;
use super::lifecycle::{Event, Funding, History, LifecycleError, PassLines, Payment, State};

pub use bars::{BAR_SHEET, bars};
pub use rows::{Row, header, rows, table};

/// The programme a centre belongs to: its pass lines and how it is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Huangpu work plan: 50万 for every annual assessment passed.
    Huangpu,
    /// Chongqing notice: 40% of 50万 on approval, the rest on acceptance.
    Chongqing,
}

impl Scheme {
    pub const ALL: [Scheme; 2] = [Scheme::Huangpu, Scheme::Chongqing];

    pub fn key(self) -> &'static str {
        match self {
            Scheme::Huangpu => "huangpu",
            Scheme::Chongqing => "chongqing",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Scheme::Huangpu => "黄埔区（每年度考核合格扶持50万元）",
            Scheme::Chongqing => "重庆市（立项拨付40%，验收通过拨付60%，共50万元）",
        }
    }

    pub fn short_zh(self) -> &'static str {
        match self {
            Scheme::Huangpu => "黄埔",
            Scheme::Chongqing => "重庆",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Scheme::Huangpu => "Huangpu (50万 per annual pass)",
            Scheme::Chongqing => "Chongqing (40% of 50万 on approval, 60% on acceptance)",
        }
    }

    pub fn funding(self) -> Funding {
        match self {
            Scheme::Huangpu => Funding::PerPass {
                amount: Points::whole(50),
            },
            Scheme::Chongqing => Funding::Split {
                total: Points::whole(50),
                on_approval_percent: 40,
            },
        }
    }

    /// The most centres the programme recognises in one calendar year
    /// (Huangpu 四: 每年认定不超过20家); Chongqing's notice sets no yearly number.
    pub fn yearly_limit(self) -> Option<u32> {
        match self {
            Scheme::Huangpu => Some(20),
            Scheme::Chongqing => None,
        }
    }

    /// Both programmes' annual sheets pass at 70 in year 1 and 75 in year 2.
    pub fn lines(self) -> PassLines {
        PassLines::HUANGPU
    }
}

/// One event in the register, with the round it came from when it did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub event: Event,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
    /// Corrections of this event, oldest first. The event as first entered
    /// stays; the last correction says what stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// A correction of an event already in the register, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub change: Change,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The event happened on another day.
    Date(NaiveDate),
    /// The event did not happen (entered in error).
    Void,
}

impl Record {
    pub fn new(event: Event) -> Record {
        Record {
            event,
            round: None,
            corrections: Vec::new(),
        }
    }

    pub fn from_round(event: Event, round: &str) -> Record {
        Record {
            event,
            round: Some(round.to_string()),
            corrections: Vec::new(),
        }
    }

    /// The event as it stands after its corrections; `None` once voided.
    pub fn standing(&self) -> Option<Event> {
        match self.corrections.last().map(|c| c.change) {
            None => Some(self.event.clone()),
            Some(Change::Void) => None,
            Some(Change::Date(d)) => Some(self.event.on_day(d)),
        }
    }

    pub fn is_void(&self) -> bool {
        self.standing().is_none()
    }
}

/// A centre in the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Centre {
    /// The unified social credit code: the register's key.
    pub credit_code: String,
    pub name: String,
    pub scheme: Scheme,
    /// Every event, oldest first.
    pub records: Vec<Record>,
}

/// A history in the register that no longer replays: the event at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("event {} of centre {code} cannot happen: {error}", .index + 1)]
pub struct Broken {
    pub code: String,
    pub index: usize,
    pub error: LifecycleError,
}

impl Centre {
    /// A centre recognised on `on`.
    pub fn recognised(code: &str, name: &str, scheme: Scheme, record: Record) -> Centre {
        Centre {
            credit_code: code.to_string(),
            name: name.to_string(),
            scheme,
            records: vec![record],
        }
    }

    /// The events that stand, after corrections, each with its place among
    /// every event entered (voided ones included), oldest first.
    pub fn standing(&self) -> Vec<(usize, Event)> {
        self.records
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.standing().map(|e| (i, e)))
            .collect()
    }

    /// The events that stand, after corrections, oldest first.
    pub fn events(&self) -> Vec<Event> {
        self.standing().into_iter().map(|(_, e)| e).collect()
    }

    /// The whole history replayed; the event at fault is counted among every
    /// event entered, as `center show` numbers them.
    pub fn history(&self) -> Result<History, Broken> {
        let standing = self.standing();
        let events: Vec<Event> = standing.iter().map(|(_, e)| e.clone()).collect();
        History::replay(&events, self.scheme.lines()).map_err(|(index, error)| Broken {
            code: self.credit_code.clone(),
            index: standing.get(index).map_or(index, |(i, _)| *i),
            error,
        })
    }

    /// Corrects event `number` (counted from 1 among every event entered):
    /// checked against the whole corrected history, which is returned.
    pub fn correct(&mut self, number: usize, c: Correction) -> Result<History, Uncorrectable> {
        let count = self.records.len();
        let Some(record) = number.checked_sub(1).and_then(|i| self.records.get(i)) else {
            return Err(Uncorrectable::NoSuchEvent { number, count });
        };
        if record.is_void() {
            return Err(Uncorrectable::Void { number });
        }
        if let (Change::Date(_), Event::Published { .. }) = (c.change, &record.event) {
            return Err(Uncorrectable::Publicity { number });
        }
        let mut trial = self.clone();
        if let Some(r) = trial.records.get_mut(number - 1) {
            r.corrections.push(c);
        }
        let h = trial.history().map_err(Uncorrectable::Impossible)?;
        *self = trial;
        Ok(h)
    }

    /// The centre as the register stood on `on`: only events (as corrected)
    /// that happened by then.
    pub fn as_of(&self, on: NaiveDate) -> Centre {
        let mut c = self.clone();
        c.records
            .retain(|r| r.standing().unwrap_or_else(|| r.event.clone()).date() <= on);
        c
    }

    /// The current state; `None` only for a history that does not replay.
    pub fn state(&self) -> Option<State> {
        self.history().ok().and_then(|h| h.state)
    }

    /// Adds an event if the history allows it; otherwise says why and changes nothing.
    pub fn record(&mut self, record: Record) -> Result<History, LifecycleError> {
        let mut h = self.history().map_err(|b| b.error)?;
        h.apply(&record.event, self.scheme.lines())?;
        self.records.push(record);
        Ok(h)
    }

    /// The payments the history earns under the centre's scheme.
    pub fn ledger(&self) -> Vec<Payment> {
        let h = History::lenient(&self.events(), self.scheme.lines());
        super::lifecycle::payments(&h, self.scheme.funding())
    }

    /// The state as it stood on `on`, counting only events up to that day and
    /// none from `except_round` onwards (a round's own recognitions do not bar
    /// its own applicants).
    pub fn state_on(&self, on: NaiveDate, except_round: Option<&str>) -> Option<State> {
        let events: Vec<Event> = self
            .records
            .iter()
            .filter_map(|r| r.standing().map(|e| (r, e)))
            .take_while(|(_, e)| e.date() <= on)
            .take_while(|(r, _)| except_round.is_none_or(|x| r.round.as_deref() != Some(x)))
            .map(|(_, e)| e)
            .collect();
        History::lenient(&events, self.scheme.lines()).state
    }

    /// When the latest recognition happened, if the centre was ever recognised.
    pub fn recognised_on(&self) -> Option<NaiveDate> {
        self.events().into_iter().rev().find_map(|e| match e {
            Event::Recognised { on } => Some(on),
            _ => None,
        })
    }
}

/// Why a correction is refused; nothing is changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Uncorrectable {
    #[error("there is no event {number}; the centre has {count}")]
    NoSuchEvent { number: usize, count: usize },
    #[error("event {number} is void already")]
    Void { number: usize },
    /// A publicity period is counted in working days from its first day.
    #[error("event {number} is a publicity period; void it and publish again")]
    Publicity { number: usize },
    /// The corrected history cannot have happened.
    #[error(transparent)]
    Impossible(Broken),
}

/// Registering these centres would recognise more in one year than the
/// programme allows.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the {} programme recognises at most {limit} centres a year; {year} already counts {} ({}), and {adding} more would exceed it",
    .scheme.key(), .counted.len(), .counted.join(", ")
)]
pub struct OverYearlyLimit {
    pub scheme: Scheme,
    pub year: i32,
    pub limit: u32,
    /// Credit codes of the centres already recognised that year.
    pub counted: Vec<String>,
    pub adding: usize,
}

impl crate::lang::Say for OverYearlyLimit {
    fn zh(&self) -> String {
        format!(
            "{}每年认定不超过 {} 家：{} 年已认定 {} 家（{}），再登记 {} 家将超过上限",
            self.scheme.short_zh(),
            self.limit,
            self.year,
            self.counted.len(),
            self.counted.join("、"),
            self.adding
        )
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

/// Checks that recognising `adding` (credit codes) on `on` keeps the scheme
/// within its yearly limit, counting the centres of that scheme recognised in
/// the same calendar year.
pub fn check_yearly_limit(
    centres: &[Centre],
    scheme: Scheme,
    on: NaiveDate,
    adding: &[&str],
) -> Result<(), OverYearlyLimit> {
    use chrono::Datelike;
    let Some(limit) = scheme.yearly_limit() else {
        return Ok(());
    };
    let counted: Vec<String> = centres
        .iter()
        .filter(|c| c.scheme == scheme && !adding.contains(&c.credit_code.as_str()))
        .filter(|c| {
            c.events()
                .iter()
                .any(|e| matches!(e, Event::Recognised { on: d } if d.year() == on.year()))
        })
        .map(|c| c.credit_code.clone())
        .collect();
    if counted.len() + adding.len() > limit as usize {
        return Err(OverYearlyLimit {
            scheme,
            year: on.year(),
            limit,
            counted,
            adding: adding.len(),
        });
    }
    Ok(())
}
