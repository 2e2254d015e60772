//! The data file on disk and what keeps it safe: reading and writing it (`storage`), where
//! its content came from (`lineage`) and the versions kept for merging (`versions`), the
//! recovery copies of unsaved work (`recovery`), the conflict copies sync engines leave
//! beside it (`conflicts`), and the built-in dataset the app starts on (`builtin`).

pub mod builtin;
pub mod conflicts;
pub mod lineage;
pub mod recovery;
pub mod storage;
pub mod versions;
