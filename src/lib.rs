//! industry-desk: the figures of industrial output and land, and the follow-up of the
//! directives given at the People's Committee's meetings, for a provincial Department of
//! Industry and Trade. Offline, in RON files.
//!
//! The modules are layers, listed here from the top down. Each uses only those below it,
//! never one above, and no two files use each other (`tests/structure.rs` holds this).

/// The command line: the headless commands (`check`, `export`, `intake`, `merge` …) and
/// the window's start.
pub mod cli;
/// The window: the app, its views and dialogs, its commands, the worker jobs.
pub mod window;
/// Other formats: paper (PDF, Word, SVG, PNG), spreadsheets, notices read in, merging.
pub mod interop;
/// Editing: every edit as an undoable action, and the open document.
pub mod editing;
/// Made-up data at realistic sizes, for the benchmarks and the tests at scale.
pub mod synth;
/// Files: storage, lineage and the versions kept, recovery copies, conflict copies.
pub mod files;
/// What screen and paper draw alike: chart contents, colours, fonts.
pub mod visual;
/// Wording: numbers, dates, periods and problems as officials write them, and numbers read
/// as they type them.
pub mod format;
/// The model: the data and what follows from it (status, follow-up views, text folding).
pub mod model;
/// The UI's words in Vietnamese and English.
pub mod i18n;

pub use window::app::{App, AppConfig};
