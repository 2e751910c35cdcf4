//! The competition's rules in plain Rust: no terminal, no database, no file format.

pub mod aggregate;
pub mod card;
pub mod credit_code;
pub mod dossier;
pub mod eligibility;
pub mod facts;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod invalid;
pub mod points;
pub mod ratio;
pub mod round;
pub mod rules;
pub mod sheet;

pub use invalid::{Invalid, Path, Seg};
pub use points::Points;
pub use ratio::Ratio;
