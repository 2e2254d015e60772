//! industry-desk: the figures of industrial output and land, and the follow-up of the
//! directives given at the People's Committee's meetings, for a provincial Department of
//! Industry and Trade. Offline, in RON files.
//!
//! Dependencies point one way: [`ui`] and [`app`] use [`document`], [`action`] and
//! [`storage`], which use [`model`] and [`format`]. [`model`] knows nothing of egui or files.

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
pub mod status;
pub mod storage;
pub mod synth;
pub mod ui;

pub use app::{App, AppConfig};
