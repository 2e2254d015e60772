//! industry-desk: the figures of industrial output and land, and the follow-up of the
//! directives given at the People's Committee's meetings, for a provincial Department of
//! Industry and Trade. Offline, in RON files.
//!
//! Dependencies point one way: [`app`] drives [`ui`] (which owns the views and the dialogs'
//! questions and answers) and carries out [`command`]s (which own the tabs they switch);
//! both use [`document`], [`action`] and [`storage`], which use [`format`] and [`model`].
//! [`model`] knows nothing of egui, files or wording (its problems are put in words by
//! [`format`]); [`text`] and [`i18n`] sit below it. `tests/structure.rs` holds these.

pub mod action;
pub mod app;
pub mod chart;
pub mod cli;
pub mod clipboard;
pub mod command;
pub mod conflicts;
pub mod dataset;
pub mod dialogs;
pub mod document;
pub mod exchange;
pub mod export_job;
pub mod followup;
pub mod fonts;
pub mod format;
pub mod i18n;
pub mod icon;
pub mod input;
pub mod intake;
pub mod job;
pub mod lineage;
pub mod merge;
pub mod model;
pub mod open_job;
pub mod palette;
pub mod paper;
pub mod recovery;
pub mod replace;
pub mod status;
pub mod storage;
pub mod synth;
pub mod text;
pub mod ui;
#[cfg(windows)]
pub mod windows;

pub use app::{App, AppConfig};
