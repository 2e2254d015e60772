//! Reading and writing what other programs and people use: paper (the report and charts as
//! PDF, Word, SVG and PNG), spreadsheets (`exchange`: Excel and CSV), conclusion notices
//! read into directives (`intake`), two copies of a file merged (`merge`), and the
//! follow-up with the units (`chase`: letters, report sheets, their answers, the calendar).

pub mod chase;
pub mod exchange;
pub mod intake;
pub mod merge;
pub mod paper;
