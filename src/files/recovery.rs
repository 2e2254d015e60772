//! Recovery copies of unsaved work: one a document, so any number of windows keep their
//! own, written every so often while a document has unsaved changes, removed once the work
//! is saved, restored or discarded by the user's answer, and offered back when the window
//! that wrote it is gone (a crash, a power cut, a killed process).
//!
//! The copies live in the `recovery` folder of the app's data folder. A copy is a *slot* of
//! three files named by its key:
//! - `KEY.ron`: the work, a dataset file like any other (it can be opened by hand);
//! - `KEY.meta.ron`: the file it belongs to (as given and canonical), when it was written,
//!   and the stamp of that file when the work on it began (to tell whether the file
//!   changed on disk since);
//! - `KEY.lock`: locked by the window that owns the slot for as long as it runs. The OS
//!   drops the lock when the process ends, however it ends, so a slot whose lock can be
//!   taken is crashed work; a live window's slot is never offered to another window.
//!
//! Keys are unique per document opened (the file's name, the time and the process), never
//! shared by two windows; the copies of one file are found by the canonical path in their
//! meta file.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};

use crate::files::builtin;
use crate::files::lineage::FileMeta;
use crate::files::storage::{self, DiskStamp, LoadError, SaveError};
use crate::model::Dataset;
use crate::model::diff::Changes;

/// Where the copies are kept: the `recovery` folder of the app's data folder.
#[derive(Clone, Debug)]
pub struct Store {
    /// The app's data folder; the single copy of versions before 0.2 sat here.
    data_folder: PathBuf,
    folder: PathBuf,
}

/// What a copy's meta file says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// The file the work belongs to, as the window named it; `None` for work never saved.
    pub origin: Option<PathBuf>,
    /// The same file, canonical, to find its copies by.
    pub canonical: Option<PathBuf>,
    /// When the copy was written.
    pub written: Option<jiff::Timestamp>,
    /// The file's stamp when the work on it began (opened or last saved).
    pub disk: Option<DiskStamp>,
    /// The process that wrote it (for the curious; liveness is the lock's business).
    pub pid: u32,
}

impl Meta {
    /// The meta of work on `origin` (or on a document with no file yet), written now.
    pub fn now(origin: Option<&Path>, disk: Option<DiskStamp>) -> Meta {
        Meta {
            origin: origin.map(Path::to_owned),
            canonical: origin.and_then(|p| fs::canonicalize(p).ok()),
            written: Some(jiff::Timestamp::now()),
            disk,
            pid: std::process::id(),
        }
    }
}

/// A slot this window owns (its lock is held while the value lives).
#[derive(Debug)]
pub struct Slot {
    folder: PathBuf,
    key: String,
    /// Held locked; dropping it lets another window take the slot.
    _lock: File,
}

impl Slot {
    /// The slot's name, unique among all copies.
    pub fn key(&self) -> &str {
        &self.key
    }

    fn data_path(&self) -> PathBuf {
        self.folder.join(format!("{}.ron", self.key))
    }

    fn meta_path(&self) -> PathBuf {
        self.folder.join(format!("{}.meta.ron", self.key))
    }

    fn lock_path(&self) -> PathBuf {
        self.folder.join(format!("{}.lock", self.key))
    }

    /// Writes the copy of `dataset` and what it belongs to: the work first, so a crash
    /// between the two leaves a copy with an older meta rather than a meta with no copy.
    pub fn write(
        &self,
        dataset: &Dataset,
        lineage: &FileMeta,
        meta: &Meta,
    ) -> Result<(), SaveError> {
        let text = storage::to_ron_string_with_meta(dataset, lineage);
        storage::write_atomically(&self.data_path(), text.as_bytes(), false)?;
        let text = ron::ser::to_string_pretty(meta, storage::pretty_config())
            .expect("the meta always serialises");
        storage::write_atomically(&self.meta_path(), text.as_bytes(), false)
    }

    /// Whether a copy has been written into the slot.
    pub fn has_copy(&self) -> bool {
        self.data_path().exists()
    }

    /// Removes the copy and the slot (the work was saved, restored into a document that
    /// keeps it in a slot of its own, or discarded by the user).
    pub fn remove(self) {
        let _ = fs::remove_file(self.data_path());
        let _ = fs::remove_file(self.meta_path());
        let lock = self.lock_path();
        // The lock file goes last, once the file handle is closed (Windows can't remove an
        // open file).
        drop(self);
        let _ = fs::remove_file(lock);
    }
}

/// A copy whose window is gone, now held by this window until it is answered.
#[derive(Debug)]
pub struct Orphan {
    pub slot: Slot,
    pub meta: Meta,
}

impl Orphan {
    /// Whether this is work on the file at `path`.
    pub fn belongs_to(&self, path: &Path) -> bool {
        let canonical = fs::canonicalize(path).ok();
        match (&self.meta.canonical, canonical) {
            (Some(mine), Some(theirs)) => *mine == theirs,
            _ => self.meta.origin.as_deref() == Some(path),
        }
    }

    /// Reads the copy and the file it belongs to, and says what differs (slow for a big
    /// file: done on a worker thread).
    pub fn examine(self) -> Offer {
        let (copy, lineage) = match storage::load_with_meta(&self.slot.data_path()) {
            Ok((copy, lineage)) => (Ok(copy), lineage),
            Err(error) => (Err(error), FileMeta::default()),
        };
        let against = match &self.meta.origin {
            None => Against::Builtin(builtin::dataset()),
            Some(origin) => match storage::load(origin) {
                Ok(on_disk) => {
                    let changed = storage::disk_stamp(origin) != self.meta.disk;
                    Against::File { on_disk, changed_since: changed }
                }
                Err(error) => Against::Unreadable(error),
            },
        };
        let changes = match (&copy, &against) {
            (Ok(copy), Against::File { on_disk: base, .. } | Against::Builtin(base)) => {
                Some(Changes::between(base, copy))
            }
            _ => None,
        };
        Offer { orphan: self, copy, lineage, against, changes }
    }
}

/// What the copy is compared with.
#[derive(Debug)]
pub enum Against {
    /// The file it belongs to, read now; `changed_since` when someone changed the file on
    /// disk after the work on it began.
    File { on_disk: Dataset, changed_since: bool },
    /// Work never saved: compared with the built-in data it started from.
    Builtin(Dataset),
    /// The file it belongs to can't be read (moved, deleted, damaged).
    Unreadable(LoadError),
}

/// A copy examined and ready to be offered.
#[derive(Debug)]
pub struct Offer {
    pub orphan: Orphan,
    /// The work; a copy that can't be read is still offered (to discard or keep), never
    /// removed behind the user's back.
    pub copy: Result<Dataset, LoadError>,
    /// The copy's lineage: the revision its work began from, its records' times.
    pub lineage: FileMeta,
    pub against: Against,
    /// What the copy changed against the file (or the built-in data).
    pub changes: Option<Changes>,
}

impl Store {
    /// Copies kept in the `recovery` folder of `data_folder` (made when first needed).
    pub fn new(data_folder: PathBuf) -> Self {
        let folder = data_folder.join("recovery");
        Store { data_folder, folder }
    }

    /// The app's data folder the copies' folder is in.
    pub fn data_folder(&self) -> &Path {
        &self.data_folder
    }

    /// The folder the copies are in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// A new slot for a document on `origin` (or with no file yet), locked by this window.
    pub fn claim(&self, origin: Option<&Path>) -> io::Result<Slot> {
        static SEQUENCE: AtomicU32 = AtomicU32::new(0);
        fs::create_dir_all(&self.folder)?;
        let name = origin.and_then(Path::file_stem).map(|s| s.to_string_lossy().into_owned());
        let stem = slug(name.as_deref().unwrap_or("moi"));
        loop {
            let key = format!(
                "{stem}-{}-{}-{}",
                jiff::Timestamp::now().as_millisecond(),
                std::process::id(),
                SEQUENCE.fetch_add(1, Ordering::Relaxed)
            );
            let path = self.folder.join(format!("{key}.lock"));
            // A fresh name: never take over a slot someone else left.
            match File::options().write(true).create_new(true).open(&path) {
                Ok(lock) => {
                    lock.lock()?;
                    return Ok(Slot { folder: self.folder.clone(), key, _lock: lock });
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            }
        }
    }

    /// Every copy whose window is gone, newest first, each now held by this window (so a
    /// third window doesn't offer it too). A live window's copies are skipped.
    pub fn orphans(&self) -> Vec<Orphan> {
        self.adopt_legacy_copy();
        let Ok(entries) = fs::read_dir(&self.folder) else { return Vec::new() };
        let mut orphans = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(key) = name.strip_suffix(".ron") else { continue };
            if key.ends_with(".meta") || key.starts_with('.') {
                continue;
            }
            let Some(lock) = take_lock(&self.folder.join(format!("{key}.lock"))) else {
                continue;
            };
            let slot = Slot { folder: self.folder.clone(), key: key.to_owned(), _lock: lock };
            let meta = read_meta(&slot.meta_path()).unwrap_or_else(|| Meta {
                written: written_at(&slot.data_path()),
                ..Meta::default()
            });
            orphans.push(Orphan { slot, meta });
        }
        orphans.sort_by_key(|o| std::cmp::Reverse(o.meta.written));
        orphans
    }

    /// Moves the single copy earlier versions kept (`recovery.ron` and the path of its file
    /// in `recovery-origin.txt`, in the data folder) into a slot, so it is offered too.
    fn adopt_legacy_copy(&self) {
        let (data, origin) =
            (self.data_folder.join("recovery.ron"), self.data_folder.join("recovery-origin.txt"));
        if !data.is_file() {
            return;
        }
        let origin_path = fs::read_to_string(&origin)
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(|s| PathBuf::from(s.trim()));
        let Ok(slot) = self.claim(origin_path.as_deref()) else { return };
        let mut meta = Meta::now(origin_path.as_deref(), None);
        meta.written = written_at(&data);
        meta.pid = 0;
        let text = ron::ser::to_string_pretty(&meta, storage::pretty_config())
            .expect("the meta always serialises");
        if fs::rename(&data, slot.data_path()).is_ok() {
            let _ = storage::write_atomically(&slot.meta_path(), text.as_bytes(), false);
            let _ = fs::remove_file(origin);
        }
    }
}

/// The lock of a slot, if no live window holds it.
fn take_lock(path: &Path) -> Option<File> {
    let file = File::options().write(true).create(true).truncate(false).open(path).ok()?;
    match file.try_lock() {
        Ok(()) => Some(file),
        Err(fs::TryLockError::WouldBlock) => None,
        // A file system without locks: nobody can be proven alive, so the copy is offered
        // (offering a live window's copy loses nothing; hiding a crashed one might).
        Err(fs::TryLockError::Error(_)) => Some(file),
    }
}

fn read_meta(path: &Path) -> Option<Meta> {
    let text = fs::read_to_string(path).ok()?;
    ron::from_str(&text).ok()
}

fn written_at(path: &Path) -> Option<jiff::Timestamp> {
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok()?;
    jiff::Timestamp::try_from(modified).ok()
}

/// A file name's stem as letters, digits and dashes only (a key is also a file name).
fn slug(name: &str) -> String {
    let folded = crate::model::followup::fold(name);
    let mut slug: String =
        folded.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).take(24).collect();
    slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() { "tep".to_owned() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("data"));
        (dir, store)
    }

    #[test]
    fn a_live_windows_copy_is_never_an_orphan() {
        let (_dir, store) = store();
        let slot = store.claim(None).unwrap();
        slot.write(&builtin::dataset(), &FileMeta::default(), &Meta::now(None, None)).unwrap();
        assert!(store.orphans().is_empty(), "the writer still holds its lock");
        drop(slot);
        let orphans = store.orphans();
        assert_eq!(orphans.len(), 1, "its window is gone");
        assert!(store.orphans().is_empty(), "held by the window that offers it");
        drop(orphans);
        assert_eq!(store.orphans().len(), 1, "decided later: offered again");
    }

    #[test]
    fn each_document_keeps_its_own_copy() {
        let (dir, store) = store();
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        let mut edited = builtin::dataset();
        edited.directives[0].text.push_str(" — sửa");
        storage::save(&a, &builtin::dataset()).unwrap();
        storage::save(&b, &builtin::dataset()).unwrap();
        let (slot_a, slot_b) = (store.claim(Some(&a)).unwrap(), store.claim(Some(&b)).unwrap());
        slot_a
            .write(&edited, &FileMeta::default(), &Meta::now(Some(&a), storage::disk_stamp(&a)))
            .unwrap();
        slot_b
            .write(
                &builtin::dataset(),
                &FileMeta::default(),
                &Meta::now(Some(&b), storage::disk_stamp(&b)),
            )
            .unwrap();
        drop((slot_a, slot_b));
        let orphans = store.orphans();
        assert_eq!(orphans.len(), 2);
        let of_a: Vec<_> = orphans.into_iter().filter(|o| o.belongs_to(&a)).collect();
        assert_eq!(of_a.len(), 1);
        let offer = of_a.into_iter().next().unwrap().examine();
        assert_eq!(offer.copy.as_ref().unwrap(), &edited);
        assert!(matches!(offer.against, Against::File { changed_since: false, .. }));
        assert_eq!(offer.changes.unwrap().directives.changed, 1);
    }

    #[test]
    fn a_file_changed_since_the_copy_is_said() {
        let (dir, store) = store();
        let file = dir.path().join("du-lieu.ron");
        storage::save(&file, &builtin::dataset()).unwrap();
        let slot = store.claim(Some(&file)).unwrap();
        slot.write(
            &builtin::dataset(),
            &FileMeta::default(),
            &Meta::now(Some(&file), storage::disk_stamp(&file)),
        )
        .unwrap();
        drop(slot);
        let mut other = builtin::dataset();
        other.province = "Cao Bằng".into();
        storage::save(&file, &other).unwrap();
        let offer = store.orphans().pop().unwrap().examine();
        assert!(matches!(offer.against, Against::File { changed_since: true, .. }));
    }

    #[test]
    fn removing_a_slot_leaves_nothing() {
        let (_dir, store) = store();
        let slot = store.claim(None).unwrap();
        slot.write(&builtin::dataset(), &FileMeta::default(), &Meta::now(None, None)).unwrap();
        assert!(slot.has_copy());
        slot.remove();
        assert_eq!(fs::read_dir(store.folder()).unwrap().count(), 0);
    }

    #[test]
    fn the_single_copy_of_earlier_versions_is_adopted() {
        let (dir, store) = store();
        let data_folder = dir.path().join("data");
        fs::create_dir_all(&data_folder).unwrap();
        storage::save(&data_folder.join("recovery.ron"), &builtin::dataset()).unwrap();
        fs::write(data_folder.join("recovery-origin.txt"), "/tmp/cu.ron").unwrap();
        let orphans = store.orphans();
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].meta.origin.as_deref(), Some(Path::new("/tmp/cu.ron")));
        assert!(!data_folder.join("recovery.ron").exists());
    }

    #[test]
    fn keys_are_file_names() {
        assert_eq!(slug("Dữ liệu 2019 (bản sao)"), "du-lieu-2019--ban-sao");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("///"), "tep");
    }
}
