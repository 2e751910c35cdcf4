//! pingshen (评审): offline scoring for expert panels of high-value patent
//! cultivation programmes.

pub mod attachments;
pub mod board;
pub mod bundle;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod error;
pub mod fingerprint;
pub mod fuzz;
pub mod lang;
pub mod load;
pub mod out;
pub mod report;
pub mod samples;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod workbook;
