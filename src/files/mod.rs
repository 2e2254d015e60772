//! The data file on disk and what keeps it safe: reading and writing it (`storage`), where
//! its content came from (`lineage`) and the versions kept for merging (`versions`), the
//! recovery copies of unsaved work (`recovery`), the conflict copies sync engines leave
//! beside it (`conflicts`), the built-in dataset the app starts on (`builtin`), the
//! replace of a file that retries while another program holds it (`replace`), and the
//! Windows calls behind them (`windows`).

pub mod builtin;
pub mod conflicts;
pub mod lineage;
pub mod recovery;
pub mod replace;
pub mod storage;
pub mod versions;
#[cfg(windows)]
pub mod windows;
