//! Changing a dataset: every edit as a value that knows its inverse (`action`), and the
//! open document with its file, its undo history and what is unsaved (`document`).

pub mod action;
pub mod document;
