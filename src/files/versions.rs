//! The versions of files this machine opened and saved, kept by revision id in the app's
//! data folder, so a later merge finds the version two copies started from. Written and
//! read with the storage's own atomic write and loader; the revisions come from `lineage`.

use std::path::{Path, PathBuf};

use crate::files::lineage::{Revision, shared_revisions};

/// The versions of files this machine opened and saved, by revision id, in the app's data
/// folder: at most [`VersionStore::KEEP`] of them, the oldest dropped first.
#[derive(Clone, Debug)]
pub struct VersionStore {
    folder: PathBuf,
}

impl VersionStore {
    /// How many versions are kept. A province's file is a few MB; 200 of them stay well
    /// under a gigabyte, and cover months of saves.
    pub const KEEP: usize = 200;

    /// The store in `folder` (made when first written to).
    pub fn new(folder: PathBuf) -> VersionStore {
        VersionStore { folder }
    }

    /// The store of the app's data folder `data` (its `versions` folder), which the window
    /// and the command line share.
    pub fn in_data_folder(data: &std::path::Path) -> VersionStore {
        VersionStore::new(data.join("versions"))
    }

    fn path_of(&self, id: &str) -> Option<PathBuf> {
        // Ids are hex: anything else (a hostile file's "../../x") names no version.
        (!id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| self.folder.join(format!("{id}.ron")))
    }

    /// Keeps `bytes`, a file's content whose revision is `id`, unless it is kept already.
    /// A failure to keep it is not an error of the save or open it goes with: merging later
    /// falls back to the records' times.
    pub fn keep(&self, id: &str, bytes: &[u8]) {
        let Some(path) = self.path_of(id) else { return };
        if path.exists() {
            return;
        }
        if std::fs::create_dir_all(&self.folder).is_err() {
            return;
        }
        if crate::files::storage::write_atomically(&path, bytes, false).is_ok() {
            self.prune();
        }
    }

    /// Keeps a copy of the file at `path`, whose revision is `id` (a file just opened). A
    /// file changed meanwhile holds another revision: [`VersionStore::get`] tells.
    pub fn keep_file(&self, id: &str, path: &Path) {
        let Some(target) = self.path_of(id) else { return };
        if target.exists() || std::fs::create_dir_all(&self.folder).is_err() {
            return;
        }
        let Ok(bytes) = std::fs::read(path) else { return };
        self.keep(id, &bytes);
    }

    /// The version of revision `id`, if kept (and readable).
    pub fn get(&self, id: &str) -> Option<crate::model::Dataset> {
        let path = self.path_of(id)?;
        if !path.exists() {
            return None;
        }
        let (dataset, meta) = crate::files::storage::load_with_meta(&path).ok()?;
        // A file copied as it changed holds another revision than its name says.
        (meta.revision.as_ref().map(|r| r.id.as_str()) == Some(id)).then_some(dataset)
    }

    /// The latest version two lineages share that is kept here.
    pub fn common(
        &self,
        mine: &Revision,
        other: &Revision,
    ) -> Option<(String, crate::model::Dataset)> {
        shared_revisions(mine, other)
            .into_iter()
            .find_map(|id| self.get(id).map(|dataset| (id.to_owned(), dataset)))
    }

    /// Drops the oldest versions beyond [`VersionStore::KEEP`].
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.folder) else { return };
        let mut versions: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
            .collect();
        if versions.len() <= Self::KEEP {
            return;
        }
        versions.sort();
        for (_, path) in &versions[..versions.len() - Self::KEEP] {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::lineage::FileMeta;

    #[test]
    fn the_store_keeps_versions_by_id_and_names_no_path_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = VersionStore::new(dir.path().join("versions"));
        let meta = FileMeta {
            revision: Some(Revision { id: "00ff".into(), ancestors: Vec::new() }),
            ..FileMeta::default()
        };
        let bytes = crate::files::storage::to_ron_string_with_meta(
            &crate::files::builtin::dataset(),
            &meta,
        );
        store.keep("00ff", bytes.as_bytes());
        // A version whose content holds another revision than its name is not taken.
        store.keep("0bad", bytes.as_bytes());
        assert_eq!(store.get("0bad"), None);
        assert_eq!(store.get("00ff"), Some(crate::files::builtin::dataset()));
        assert_eq!(store.get("0aff"), None);
        store.keep("../evil", b"x");
        assert!(!dir.path().join("evil.ron").exists());
    }
}
