//! Working days (工作日) by the State Council's holiday notices: weekends and
//! statutory holidays off, make-up working days (调休上班) on.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::invalid::{Problem, Problems};
use super::{Invalid, Path};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub id: String,
    pub title: String,
    /// The notices transcribed, for whoever checks the file.
    #[serde(default)]
    pub source: String,
    /// The first and last year the file covers; dates outside are refused.
    pub first_year: i32,
    pub last_year: i32,
    pub holidays: Vec<Holiday>,
    /// Weekend days that are working days (调休上班).
    #[serde(default)]
    pub workdays: Vec<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{date} is outside the calendar {id}, which covers {first}–{last}")]
    OutOfRange {
        id: String,
        date: NaiveDate,
        first: i32,
        last: i32,
    },
}

impl Calendar {
    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut p = Problems::default();
        let root = Path::root();
        if self.first_year > self.last_year {
            let msg = Problem::YearsReversed {
                first: self.first_year,
                last: self.last_year,
            };
            p.push(root.field("first_year"), msg);
        }
        let inside = |d: NaiveDate| (self.first_year..=self.last_year).contains(&d.year());
        for (k, h) in self.holidays.iter().enumerate() {
            let at = root.field("holidays").index(k);
            if h.from > h.to {
                p.push(
                    at.field("to"),
                    Problem::HolidayReversed {
                        name: h.name.clone(),
                        from: h.from,
                        to: h.to,
                    },
                );
            }
            if !inside(h.from) || !inside(h.to) {
                let msg = Problem::HolidayOutside {
                    name: h.name.clone(),
                    first: self.first_year,
                    last: self.last_year,
                };
                p.push(at.field("from"), msg);
            }
        }
        let off = Spans::of(&self.holidays);
        for (k, d) in self.workdays.iter().enumerate() {
            let at = root.field("workdays").index(k);
            if !is_weekend(*d) {
                p.push(
                    at.clone(),
                    Problem::NotWeekend {
                        day: *d,
                        weekday: d.weekday(),
                    },
                );
            }
            if off.contains(*d) {
                p.push(at.clone(), Problem::HolidayAndWorkday { day: *d });
            }
            if !inside(*d) {
                p.push(
                    at,
                    Problem::DayOutside {
                        day: *d,
                        first: self.first_year,
                        last: self.last_year,
                    },
                );
            }
        }
        p.into_result()
    }

    fn covers(&self, d: NaiveDate) -> Result<(), CalendarError> {
        if (self.first_year..=self.last_year).contains(&d.year()) {
            Ok(())
        } else {
            Err(CalendarError::OutOfRange {
                id: self.id.clone(),
                date: d,
                first: self.first_year,
                last: self.last_year,
            })
        }
    }

    pub fn holiday(&self, d: NaiveDate) -> Option<&Holiday> {
        self.holidays.iter().find(|h| h.from <= d && d <= h.to)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        self.covers(d)?;
        if self.workdays.contains(&d) {
            return Ok(true);
        }
        Ok(!is_weekend(d) && self.holiday(d).is_none())
    }

    /// The `n` working days counted from `start` (itself included when it is one).
    pub fn working_days(
        &self,
        start: NaiveDate,
        n: usize,
    ) -> Result<Vec<NaiveDate>, CalendarError> {
        let mut out = Vec::with_capacity(n);
        let mut d = start;
        while out.len() < n {
            if self.is_working_day(d)? {
                out.push(d);
            }
            d = d.succ_opt().ok_or_else(|| CalendarError::OutOfRange {
                id: self.id.clone(),
                date: d,
                first: self.first_year,
                last: self.last_year,
            })?;
        }
        Ok(out)
    }
}

/// The holidays' days as spans sorted by their first day, each with the
/// latest last day of the spans up to it: whether a day is a holiday is a
/// binary search, however long the holidays are.
struct Spans(Vec<(NaiveDate, NaiveDate)>);

impl Spans {
    fn of(holidays: &[Holiday]) -> Spans {
        let mut spans: Vec<(NaiveDate, NaiveDate)> = holidays
            .iter()
            .filter(|h| h.from <= h.to)
            .map(|h| (h.from, h.to))
            .collect();
        spans.sort();
        let mut last = NaiveDate::MIN;
        for s in &mut spans {
            last = last.max(s.1);
            s.1 = last;
        }
        Spans(spans)
    }

    fn contains(&self, d: NaiveDate) -> bool {
        let n = self.0.partition_point(|s| s.0 <= d);
        n > 0 && self.0[n - 1].1 >= d
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A date plus whole calendar months, clamped to the month's end
/// (Jan 31 + 2 months = Mar 31; Dec 31 + 2 months = Feb 28 or 29).
pub fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// A date plus whole years, Feb 29 falling back to Feb 28.
pub fn add_years(d: NaiveDate, years: u32) -> NaiveDate {
    add_months(d, years * 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn national_day_2024() -> Calendar {
        Calendar {
            id: "t".into(),
            title: "t".into(),
            source: String::new(),
            first_year: 2024,
            last_year: 2024,
            holidays: vec![Holiday {
                name: "国庆节".into(),
                from: d(2024, 10, 1),
                to: d(2024, 10, 7),
            }],
            workdays: vec![d(2024, 9, 29), d(2024, 10, 12)],
        }
    }

    #[test]
    fn five_working_days_across_national_day_and_a_make_up_sunday() {
        let c = national_day_2024();
        let days = c.working_days(d(2024, 9, 27), 5).unwrap();
        assert_eq!(
            days,
            vec![
                d(2024, 9, 27),
                d(2024, 9, 29),
                d(2024, 9, 30),
                d(2024, 10, 8),
                d(2024, 10, 9)
            ]
        );
    }

    #[test]
    fn a_start_on_a_holiday_counts_from_the_next_working_day() {
        let c = national_day_2024();
        let days = c.working_days(d(2024, 10, 3), 5).unwrap();
        assert_eq!(days.first(), Some(&d(2024, 10, 8)));
        assert_eq!(
            days.last(),
            Some(&d(2024, 10, 12)),
            "the make-up Saturday counts"
        );
    }

    #[test]
    fn outside_the_calendar_is_an_error_not_a_guess() {
        let c = national_day_2024();
        assert!(c.working_days(d(2024, 12, 30), 5).is_err());
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        assert_eq!(add_months(d(2025, 1, 31), 2), d(2025, 3, 31));
        assert_eq!(add_months(d(2024, 12, 31), 2), d(2025, 2, 28));
        assert_eq!(add_months(d(2023, 12, 31), 2), d(2024, 2, 29));
        assert_eq!(add_months(d(2024, 12, 29), 2), d(2025, 2, 28));
        assert_eq!(add_years(d(2024, 2, 29), 2), d(2026, 2, 28));
    }

    #[test]
    fn a_workday_inside_any_of_overlapping_holidays_is_found() {
        let mut c = national_day_2024();
        c.holidays.push(Holiday {
            name: "长".into(),
            from: d(2024, 9, 1),
            to: d(2024, 12, 31),
        });
        c.holidays.push(Holiday {
            name: "短".into(),
            from: d(2024, 10, 2),
            to: d(2024, 10, 3),
        });
        let errs = c.validate().unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(
            errs.iter()
                .all(|e| e.message.to_string().contains("both a holiday"))
        );
        c.holidays.remove(1);
        assert!(c.validate().is_ok());
    }

    #[test]
    fn a_holiday_over_every_representable_day_is_checked_without_counting_them() {
        let mut c = national_day_2024();
        c.holidays.push(Holiday {
            name: "x".into(),
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
        });
        let errs = c.validate().unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].message.to_string().contains("x"));
    }

    #[test]
    fn validation_names_each_problem() {
        let mut c = national_day_2024();
        c.workdays.push(d(2024, 10, 9)); // a Wednesday
        c.workdays.push(d(2024, 10, 5)); // a Saturday inside the holiday
        let errs = c.validate().unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].message.to_string().contains("not a weekend day"));
        assert!(errs[1].message.to_string().contains("both a holiday"));
    }
}
