//! Reading and writing what other programs and people use: paper (the report and charts as
//! PDF, Word, SVG and PNG), spreadsheets (`exchange`: Excel and CSV), conclusion notices
//! read into directives (`intake`), and two copies of a file merged (`merge`).

pub mod exchange;
pub mod intake;
pub mod merge;
pub mod paper;
