//! `center amend` and `center void`: an event entered wrongly is corrected,
//! never rewritten. The correction is logged with its reason, the event as
//! entered stays in `center show`, and the whole corrected history must still
//! have been possible.

use std::path::Path;

use super::super::Lang;
use super::args;
use super::change::now;
use crate::domain::register::{Centre, Change, Correction};
use crate::error::{CenterError, Error};
use crate::lang::Say;
use crate::store::Store;

pub fn correct(
    dir: &Path,
    code: &str,
    number: usize,
    change: Change,
    reason: &str,
    by: &str,
    lang: Lang,
) -> Result<(), Error> {
    let code = args::code(code)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CenterError::NoCorrectionReason.into());
    }
    let correction = Correction {
        change,
        reason: reason.to_string(),
    };
    let mut store = Store::open(dir)?;
    let c = store
        .correct_centre(&code, number, correction, by)?
        .map_err(CenterError::Uncorrectable)?;
    let done = Corrected {
        centre: &c,
        number,
        change,
    };
    println!("{}{}", done.say(lang.into()), now(&c, lang));
    Ok(())
}

/// The line that confirms a correction, up to where the centre now stands.
struct Corrected<'a> {
    centre: &'a Centre,
    number: usize,
    change: Change,
}

impl Say for Corrected<'_> {
    fn zh(&self) -> String {
        let (c, n) = (self.centre, self.number);
        match self.change {
            Change::Date(d) => format!(
                "已更正：{}（{}）第 {n} 个事件的日期改为 {d}，原记录保留。",
                c.name, c.credit_code
            ),
            Change::Void => format!(
                "已作废：{}（{}）第 {n} 个事件，原记录保留。",
                c.name, c.credit_code
            ),
        }
    }

    fn en(&self) -> String {
        let (c, n) = (self.centre, self.number);
        match self.change {
            Change::Date(d) => format!(
                "amended: event {n} of {} ({}) happened on {d}; the entry as made stays. ",
                c.name, c.credit_code
            ),
            Change::Void => format!(
                "voided: event {n} of {} ({}); the entry as made stays. ",
                c.name, c.credit_code
            ),
        }
    }
}
