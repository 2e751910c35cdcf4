//! The competition's rules in plain Rust: no terminal, no database, no file format.

pub mod agency;
pub mod aggregate;
pub mod alternates;
pub mod assessment;
pub mod calendar;
pub mod card;
pub mod credit_code;
pub mod decision;
pub mod deviation;
pub mod dossier;
pub mod eligibility;
pub mod excuse;
mod explain;
pub mod facts;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod indicators;
pub mod invalid;
pub mod keyprint;
pub mod lifecycle;
pub mod merge;
mod order;
pub mod outcome;
pub mod pin;
pub mod points;
pub mod problem;
pub mod rank;
pub mod ranking;
pub mod ratio;
pub mod register;
pub mod replay;
pub mod round;
pub mod rules;
mod say;
pub mod scores;
pub mod scoring;
pub mod selection;
pub mod sheet;
pub mod shortlist;
pub mod stage_board;

pub use invalid::{Invalid, Path, Seg};
pub use points::Points;
pub use ratio::Ratio;
