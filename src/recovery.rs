//! The recovery copy of unsaved work: written every so often while the document has
//! unsaved changes, removed once they are saved or deliberately dropped, and offered back
//! at the next start if the app ended without either (a crash, a power cut, a killed
//! process).
//!
//! The copy lives in the app's data folder (one document at a time): `recovery.ron`, a
//! dataset file like any other, and `recovery-origin.txt`, the path of the file the work
//! belongs to (empty for work never saved).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Dataset;
use crate::storage::{self, LoadError, SaveError};

/// A recovery copy found at start.
#[derive(Debug)]
pub struct Found {
    pub dataset: Dataset,
    /// The file the work belongs to, if it had one.
    pub origin: Option<PathBuf>,
    /// When the copy was written.
    pub written: Option<SystemTime>,
}

/// Where the recovery copy is kept.
#[derive(Clone, Debug)]
pub struct Recovery {
    folder: PathBuf,
}

impl Recovery {
    /// Recovery copies in `folder` (created when first written).
    pub fn new(folder: PathBuf) -> Self {
        Recovery { folder }
    }

    fn data(&self) -> PathBuf {
        self.folder.join("recovery.ron")
    }

    fn origin(&self) -> PathBuf {
        self.folder.join("recovery-origin.txt")
    }

    /// Writes the copy of `dataset`, which belongs to `origin`.
    pub fn write(&self, dataset: &Dataset, origin: Option<&Path>) -> Result<(), SaveError> {
        let error = |source| SaveError { path: self.folder.clone(), source };
        fs::create_dir_all(&self.folder).map_err(error)?;
        let origin_text = origin.map(|p| p.display().to_string()).unwrap_or_default();
        fs::write(self.origin(), origin_text).map_err(error)?;
        storage::save_without_backup(&self.data(), dataset)
    }

    /// Removes the copy (the work was saved, or dropped on purpose).
    pub fn clear(&self) {
        let _ = fs::remove_file(self.data());
        let _ = fs::remove_file(self.origin());
    }

    /// The copy left by an earlier run, if there is one. A copy that can't be read is
    /// reported, not removed, so nothing is lost by a bug here.
    pub fn find(&self) -> Option<Result<Found, LoadError>> {
        let data = self.data();
        if !data.exists() {
            return None;
        }
        let origin = fs::read_to_string(self.origin())
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from);
        let written = fs::metadata(&data).and_then(|m| m.modified()).ok();
        Some(storage::load(&data).map(|dataset| Found { dataset, origin, written }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_clear() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(dir.path().join("nested"));
        assert!(recovery.find().is_none());
        let data = crate::dataset::builtin();
        recovery.write(&data, Some(Path::new("/tmp/a.ron"))).unwrap();
        let found = recovery.find().unwrap().unwrap();
        assert_eq!(found.dataset, data);
        assert_eq!(found.origin.as_deref(), Some(Path::new("/tmp/a.ron")));
        recovery.clear();
        assert!(recovery.find().is_none());
    }
}
