//! The competition's rules in plain Rust: no terminal, no database, no file format.

pub mod calendar;
pub mod card;
pub mod credit_code;
pub mod dossier;
pub mod invalid;
pub mod lifecycle;
pub mod points;
pub mod ratio;
pub mod round;
pub mod rules;
pub mod scoring;
pub mod sheet;

pub use invalid::{Invalid, Path, Seg};
pub use points::Points;
pub use ratio::Ratio;
