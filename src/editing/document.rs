//! The open document: a dataset, the file it belongs to, and its undo history.
//!
//! Every change goes through [`Document::apply`], which records the inverse for undo and
//! moves to a fresh revision. Dirty means the current revision is not the one last saved,
//! so undoing back to the saved state makes the document clean again.
//!
//! It also keeps the file's lineage (`crate::files::lineage`): the revision it was opened or last
//! saved as, the dataset as it was then (the base a merge with the file on disk starts
//! from), and when each record was last changed, which every edit, undo and redo updates.
//!
//! The dataset is shared copy-on-write: [`Document::snapshot`] hands a worker (a save, the
//! recovery copy, a report) the data as it is now at no cost, and the next edit copies it
//! once if the worker still holds it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::editing::action::{Action, ActionError};
use crate::files::lineage::{FileMeta, RecordKey, Revision, Stamps};
use crate::model::Dataset;

/// How many steps undo remembers; older ones are dropped.
const UNDO_LIMIT: usize = 1000;

/// One step of history: the action that moves back (or forward), and the revision it leads to.
#[derive(Debug)]
struct Step {
    action: Action,
    revision: u64,
}

/// A dataset being worked on.
#[derive(Debug)]
pub struct Document {
    dataset: Arc<Dataset>,
    path: Option<PathBuf>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Identifies the current state; every new state gets a number never used before.
    revision: u64,
    saved_revision: u64,
    next_revision: u64,
    /// The file's revision as opened or last saved, and the records' times now.
    meta: FileMeta,
    /// The dataset as opened or last saved; `None` for work restored after a crash, whose
    /// file may hold something else.
    base: Option<Arc<Dataset>>,
    /// The revisions of copies merged in since the last save: the next save descends from
    /// them too.
    merged_from: Vec<Revision>,
}

impl Document {
    /// A document for `dataset`, clean; `path` is the file it came from, if any.
    pub fn new(dataset: Dataset, path: Option<PathBuf>) -> Self {
        Self::with_meta(dataset, path, FileMeta::default())
    }

    /// A document for a file's `dataset` and what the file says of its lineage.
    pub fn with_meta(dataset: Dataset, path: Option<PathBuf>, meta: FileMeta) -> Self {
        let dataset = Arc::new(dataset);
        Document {
            base: Some(Arc::clone(&dataset)),
            dataset,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            saved_revision: 0,
            next_revision: 1,
            meta,
            merged_from: Vec::new(),
        }
    }

    /// The file's revision as opened or last saved, and the records' times.
    pub fn meta(&self) -> &FileMeta {
        &self.meta
    }

    /// The dataset as it was opened or last saved: what a merge with the file on disk
    /// starts from.
    pub fn base(&self) -> Option<Arc<Dataset>> {
        self.base.clone()
    }

    /// What a save writes besides the data: a new revision descending from this one, and
    /// the records' times.
    pub fn meta_for_save(&self) -> FileMeta {
        let revision = if self.merged_from.is_empty() {
            Revision::after(self.meta.revision.as_ref())
        } else {
            let parents: Vec<&Revision> =
                self.meta.revision.iter().chain(&self.merged_from).collect();
            Revision::merging(&parents)
        };
        FileMeta { revision: Some(revision), stamps: self.meta.stamps.clone() }
    }

    /// Records that the state of `revision`, whose data is `saved`, was saved to `path` as
    /// `file_revision`: the new base and lineage.
    pub fn mark_saved_as(
        &mut self,
        revision: u64,
        path: PathBuf,
        file_revision: Revision,
        saved: Arc<Dataset>,
    ) {
        self.mark_saved_revision(revision, path);
        self.meta.revision = Some(file_revision);
        self.base = Some(saved);
        self.merged_from.clear();
    }

    /// Puts a merged dataset in place as one undo step, with the records' times the merge
    /// gives (each record's from the side it came from).
    pub fn apply_merge(
        &mut self,
        merged: Dataset,
        stamps: Stamps,
        other: Option<Revision>,
    ) -> Result<(), ActionError> {
        let inverse = Action::Replace(Box::new(merged)).apply(Arc::make_mut(&mut self.dataset))?;
        self.push_undo(inverse);
        self.meta.stamps = stamps;
        self.merged_from.extend(other);
        Ok(())
    }

    fn push_undo(&mut self, inverse: Action) {
        self.undo.push(Step { action: inverse, revision: self.revision });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision = self.fresh_revision();
    }

    /// Marks the records `action` changed as changed now.
    fn stamp(stamps: &mut Stamps, action: &Action) {
        let mut touched: Vec<RecordKey> = Vec::new();
        action.touched(&mut touched);
        if touched.is_empty() {
            return;
        }
        let now = jiff::Timestamp::now();
        for key in touched {
            stamps.insert(key, now);
        }
    }

    /// The data, to read. Only [`Document::apply`] changes it.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The data as it is now, to hand to a worker thread; later edits don't change it.
    pub fn snapshot(&self) -> Arc<Dataset> {
        Arc::clone(&self.dataset)
    }

    /// The file this document is saved to, if it has one yet.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes with every edit, undo and redo; caches key on it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes since the last save (or since opening).
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records that the current state was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        let revision = self.revision;
        self.mark_saved_revision(revision, path);
    }

    /// Records that the state of `revision` was saved to `path` (a save made on a worker
    /// from a snapshot): edits made since keep the document dirty.
    pub fn mark_saved_revision(&mut self, revision: u64, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = revision;
    }

    /// Makes the document count as unsaved, whatever it holds (work recovered after a
    /// crash was never saved to its file).
    pub fn forget_saved_state(&mut self) {
        // No revision ever takes this value.
        self.saved_revision = u64::MAX;
        self.base = None;
    }

    /// Applies an edit as one undo step; a refused edit changes nothing.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        let inverse = action.apply(Arc::make_mut(&mut self.dataset))?;
        Self::stamp(&mut self.meta.stamps, &inverse);
        self.push_undo(inverse);
        Ok(())
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step; false if there was none.
    pub fn undo(&mut self) -> bool {
        // Checked first: copying a shared dataset for nothing would cost a big file's clone.
        if self.undo.is_empty() {
            return false;
        }
        Self::step(
            Arc::make_mut(&mut self.dataset),
            &mut self.revision,
            &mut self.undo,
            &mut self.redo,
            &mut self.meta.stamps,
        )
    }

    /// Redoes the last undone step; false if there was none.
    pub fn redo(&mut self) -> bool {
        if self.redo.is_empty() {
            return false;
        }
        Self::step(
            Arc::make_mut(&mut self.dataset),
            &mut self.revision,
            &mut self.redo,
            &mut self.undo,
            &mut self.meta.stamps,
        )
    }

    fn step(
        dataset: &mut Dataset,
        revision: &mut u64,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        stamps: &mut Stamps,
    ) -> bool {
        let Some(step) = from.pop() else { return false };
        // Inverses are recorded from states they were computed on, so they always apply.
        let inverse = step.action.apply(dataset).expect("a recorded inverse always applies");
        Self::stamp(stamps, &inverse);
        to.push(Step { action: inverse, revision: *revision });
        *revision = step.revision;
        true
    }

    fn fresh_revision(&mut self) -> u64 {
        let revision = self.next_revision;
        self.next_revision += 1;
        revision
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use crate::model::DirectiveId;
    use jiff::civil::date;

    fn complete(id: u32) -> Action {
        Action::SetCompleted { id: DirectiveId(id), on: Some(date(2019, 8, 1)) }
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_track_dirtiness() {
        let original = builtin::dataset();
        let mut doc = Document::new(original.clone(), None);
        assert!(!doc.is_dirty());
        doc.apply(complete(1)).unwrap();
        doc.apply(complete(2)).unwrap();
        assert!(doc.is_dirty());
        let edited = doc.dataset().clone();
        assert!(doc.undo() && doc.undo());
        assert!(!doc.undo(), "nothing left");
        assert_eq!(doc.dataset(), &original);
        assert!(!doc.is_dirty(), "back at the opened state");
        assert!(doc.redo() && doc.redo());
        assert_eq!(doc.dataset(), &edited);
        assert!(doc.is_dirty());
    }

    #[test]
    fn saving_moves_the_clean_point() {
        let mut doc = Document::new(builtin::dataset(), None);
        doc.apply(complete(1)).unwrap();
        doc.mark_saved(PathBuf::from("a.ron"));
        assert!(!doc.is_dirty());
        doc.undo();
        assert!(doc.is_dirty(), "the saved file has the edit; the document no longer does");
        doc.redo();
        assert!(!doc.is_dirty());
    }

    #[test]
    fn a_new_edit_clears_redo_and_never_reuses_a_revision() {
        let mut doc = Document::new(builtin::dataset(), None);
        doc.apply(complete(1)).unwrap();
        let first = doc.revision();
        doc.undo();
        doc.apply(complete(2)).unwrap();
        assert!(!doc.can_redo());
        assert_ne!(doc.revision(), first);
    }

    #[test]
    fn a_snapshot_keeps_the_state_it_was_taken_in() {
        let mut doc = Document::new(builtin::dataset(), None);
        let snapshot = doc.snapshot();
        let before = doc.revision();
        doc.apply(complete(1)).unwrap();
        assert_eq!(*snapshot, builtin::dataset(), "the edit went to a copy");
        assert_ne!(doc.dataset(), &*snapshot);
        // The save of the snapshot ends after the edit: the document stays dirty.
        doc.mark_saved_revision(before, PathBuf::from("a.ron"));
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty(), "back at the state that was saved");
    }

    #[test]
    fn a_refused_edit_leaves_no_history() {
        let mut doc = Document::new(builtin::dataset(), None);
        assert!(doc.apply(complete(99)).is_err());
        assert!(!doc.can_undo());
        assert!(!doc.is_dirty());
    }
}
