//! Opening a large file on a worker thread, so the window appears (and stays responsive)
//! while a province's years of data are read and checked; small files open at once.

use std::path::{Path, PathBuf};

use crate::files::lineage::FileMeta;
use crate::files::storage::{self, LoadError, LoadErrorKind};
use crate::model::Dataset;
use crate::window::jobs::{Job, Polled};

/// Files at least this big are opened on a worker thread. Below it a load takes a few
/// milliseconds, less than a frame, and a spinner would only flicker.
pub const BACKGROUND_FROM_BYTES: u64 = 1024 * 1024;

/// Whether `path` is big enough to be opened on a worker thread. A file whose size can't be
/// read, or that is too large to open at all, is refused at once without a worker.
pub fn wants_background(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| {
        m.is_file() && (BACKGROUND_FROM_BYTES..=storage::MAX_FILE_BYTES).contains(&m.len())
    })
}

/// A file being opened on a worker thread.
#[derive(Debug)]
pub struct Opening {
    /// The file being read.
    pub path: PathBuf,
    job: Job<Result<(Dataset, FileMeta), LoadError>>,
}

impl Opening {
    /// Starts reading `path` on a new thread.
    pub fn start(path: PathBuf) -> Self {
        let worker_path = path.clone();
        Self { path, job: Job::start(move || storage::load_with_meta(&worker_path)) }
    }

    /// The outcome once the worker is done.
    pub fn poll(&self) -> Option<Result<(Dataset, FileMeta), LoadError>> {
        match self.job.poll() {
            Polled::Done(result) => Some(result),
            Polled::Running => None,
            // The worker panicked: say so as a failure to read the file rather than wait.
            Polled::Vanished => Some(Err(LoadError {
                path: self.path.clone(),
                kind: LoadErrorKind::Io(std::io::Error::other("the reading thread stopped")),
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    #[test]
    fn only_large_readable_files_go_to_a_worker() {
        let folder = tempfile::tempdir().unwrap();
        let small = folder.path().join("small.ron");
        storage::save(&small, &builtin::dataset()).unwrap();
        assert!(!wants_background(&small));
        assert!(!wants_background(folder.path()), "a folder is refused at once");
        assert!(!wants_background(&folder.path().join("missing.ron")));
        let large = folder.path().join("large.ron");
        std::fs::write(&large, vec![b' '; BACKGROUND_FROM_BYTES as usize]).unwrap();
        assert!(wants_background(&large));
        let huge = folder.path().join("huge.ron");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(storage::MAX_FILE_BYTES + 1).unwrap();
        assert!(!wants_background(&huge), "too large: refused at once");
    }

    #[test]
    fn the_worker_hands_over_the_dataset_or_the_error() {
        let folder = tempfile::tempdir().unwrap();
        let good = folder.path().join("good.ron");
        storage::save(&good, &builtin::dataset()).unwrap();
        let bad = folder.path().join("bad.ron");
        std::fs::write(&bad, "(format: \"industry-desk\", version: 1, dataset: (").unwrap();
        let wait = |opening: Opening| {
            let started = std::time::Instant::now();
            loop {
                if let Some(outcome) = opening.poll() {
                    return outcome;
                }
                assert!(started.elapsed().as_secs() < 60, "the file was not read in 60 s");
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        };
        assert_eq!(wait(Opening::start(good)).unwrap().0, builtin::dataset());
        let err = wait(Opening::start(bad.clone())).unwrap_err();
        assert_eq!(err.path, bad);
    }
}
