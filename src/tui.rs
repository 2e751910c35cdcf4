//! The terminal UI (ratatui): Elm style — state in [`app`], keys to actions in
//! [`command`], all changes in [`update`] (no I/O), drawing in [`view`], and the
//! store touched only by the runtime. Only this module knows ratatui.

pub mod action;
pub mod app;
pub mod command;
pub mod desk;
pub mod desk_words;
pub mod documents;
pub mod editor;
pub mod label;
pub mod layout;
pub mod pin_words;
pub mod run;
pub mod said;
pub mod store_desk;
pub mod theme;
pub mod todo;
pub mod update;
pub mod view;
pub mod words;
pub mod wrap;

/// Display-width helpers, shared with the printed reports.
pub use crate::text;
