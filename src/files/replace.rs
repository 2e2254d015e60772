//! The last step of a save: putting the finished temp file in the target's place, and on
//! Windows waiting out another program that holds the target open.
//!
//! On Linux a rename replaces a file whoever has it open. On Windows it fails while another
//! process holds the target without sharing it for deletion — a sync client uploading it,
//! an antivirus scanning the new file, Word showing a report — usually for a moment only.
//! So the replace is tried again for [`RETRY_FOR`]; if the file is still held then, the
//! error says so ([`io::ErrorKind::ResourceBusy`], which the save's message words as "another
//! program has this file open"). The temp file is removed by the caller and the target is
//! untouched, so nothing is lost: the work stays in the window and the old file on disk.

use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a replace keeps trying while another program holds the file.
pub const RETRY_FOR: Duration = Duration::from_secs(2);
/// The pause between two tries.
const PAUSE: Duration = Duration::from_millis(50);

/// Replaces `to` with `from` (both in one folder), durably: see the module docs.
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    retrying(RETRY_FOR, || rename(from, to), |error| held_open(error, to))
}

/// Runs `attempt` until it succeeds, fails otherwise than `busy`, or `retry_for` has passed;
/// a failure still `busy` then comes back as [`io::ErrorKind::ResourceBusy`].
fn retrying(
    retry_for: Duration,
    mut attempt: impl FnMut() -> io::Result<()>,
    busy: impl Fn(&io::Error) -> bool,
) -> io::Result<()> {
    let deadline = Instant::now() + retry_for;
    loop {
        match attempt() {
            Ok(()) => return Ok(()),
            Err(error) if busy(&error) => {
                if Instant::now() >= deadline {
                    return Err(io::Error::new(io::ErrorKind::ResourceBusy, error));
                }
                std::thread::sleep(PAUSE);
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(not(windows))]
fn rename(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)
}

/// No program can hold a file against a rename here.
#[cfg(not(windows))]
fn held_open(_: &io::Error, _: &Path) -> bool {
    false
}

#[cfg(windows)]
fn rename(from: &Path, to: &Path) -> io::Result<()> {
    crate::files::windows::replace_file(from, to)
}

/// Windows says "sharing violation" or "lock violation" for a file another program has
/// open, and "access denied" when it holds the target being replaced; "access denied" on a
/// read-only target is a real refusal and is not waited on.
#[cfg(windows)]
fn held_open(error: &io::Error, target: &Path) -> bool {
    const ACCESS_DENIED: i32 = 5;
    const SHARING_VIOLATION: i32 = 32;
    const LOCK_VIOLATION: i32 = 33;
    match error.raw_os_error() {
        Some(SHARING_VIOLATION | LOCK_VIOLATION) => true,
        Some(ACCESS_DENIED) => {
            std::fs::metadata(target).is_ok_and(|m| m.is_file() && !m.permissions().readonly())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy_error() -> io::Error {
        io::Error::other("held open")
    }

    fn is_busy(error: &io::Error) -> bool {
        error.to_string() == "held open"
    }

    #[test]
    fn a_file_held_for_a_moment_is_replaced_once_it_is_free() {
        let mut tries = 0;
        let result = retrying(
            Duration::from_secs(20),
            || {
                tries += 1;
                if tries < 4 { Err(busy_error()) } else { Ok(()) }
            },
            is_busy,
        );
        assert!(result.is_ok());
        assert_eq!(tries, 4, "tried again until the holder let go");
    }

    #[test]
    fn a_file_held_past_the_retries_is_reported_as_in_use() {
        let started = Instant::now();
        let mut tries = 0;
        let result = retrying(
            Duration::from_millis(200),
            || {
                tries += 1;
                Err(busy_error())
            },
            is_busy,
        );
        let error = result.expect_err("the holder never lets go");
        assert_eq!(error.kind(), io::ErrorKind::ResourceBusy);
        assert!(started.elapsed() >= Duration::from_millis(200), "kept trying for the while");
        assert!(tries > 1);
    }

    #[test]
    fn other_failures_are_not_waited_on() {
        let mut tries = 0;
        let result = retrying(
            Duration::from_secs(20),
            || {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            is_busy,
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(tries, 1);
    }

    #[test]
    fn a_busy_file_is_named_in_the_save_message() {
        let error = crate::files::storage::SaveError {
            path: "/tmp/Báo cáo.ron".into(),
            source: io::Error::new(io::ErrorKind::ResourceBusy, busy_error()),
        };
        let message = error.describe(crate::i18n::Lang::En);
        assert!(message.contains("Báo cáo.ron"), "{message}");
        assert!(message.contains("another program"), "{message}");
        let message = error.describe(crate::i18n::Lang::Vi);
        assert!(message.contains("đang mở tệp này"), "{message}");
    }
}
