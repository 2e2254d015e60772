//! The app's side of merging copies: the conflict copies a sync engine left beside the
//! open file (looked for on opening and whenever the window gets the focus back, and said in
//! a banner), File › Gộp một bản khác…, the save guard's "merge the disk's version into
//! mine", the merge read on a worker, applied as one undo step, and the merged conflict
//! copies moved into a folder beside the file once the merge is saved — never deleted.

use std::path::{Path, PathBuf};

use super::{App, Modal};
use crate::files::storage;
use crate::i18n::fill;
use crate::interop::merge::{self, Copy};
use crate::window::dialogs::Picked;
use crate::window::jobs::{Job, Polled};
use crate::window::ui::merge_view::{MergeView, Outcome, Source};

/// A merge being read on a worker.
pub(super) struct MergeJob {
    name: String,
    job: Job<Result<Ready, String>>,
}

/// What the worker found.
enum Ready {
    View(Box<MergeView>),
    /// The two copies hold the same.
    Same(Source),
}

/// The app's view of the copies beside the open file.
#[derive(Debug, Default)]
pub(super) struct Copies {
    /// Found, not merged yet.
    pub found: Vec<PathBuf>,
    /// Merged into the document; moved aside once it is saved.
    pub merged: Vec<PathBuf>,
    /// The banner was closed; it comes back when a new copy turns up.
    pub dismissed: Vec<PathBuf>,
    /// Whether the window had the focus last frame.
    pub focused: bool,
}

impl App {
    /// File › Gộp một bản khác…: the copy to merge, by the file picker.
    pub(super) fn pick_copy_to_merge(&mut self) {
        match self.dialogs.pick_open() {
            Picked::Path(path) => {
                let conflict_copy = self.copies.found.contains(&path);
                self.start_merge(Source::File { path, conflict_copy });
            }
            Picked::Cancelled => {}
            Picked::Unavailable => self.ask_for_path(super::PathPurpose::Merge, None),
        }
    }

    /// Merges the first conflict copy found (the banner's button).
    pub(super) fn merge_first_conflict_copy(&mut self) {
        if let Some(path) = self.copies.found.first().cloned() {
            self.start_merge(Source::File { path, conflict_copy: true });
        }
    }

    /// Reads the other copy and the merge on a worker; the status bar says so meanwhile.
    pub(super) fn start_merge(&mut self, source: Source) {
        let lang = self.lang();
        let doc_path = self.doc.path().map(Path::to_owned);
        let path = match &source {
            Source::File { path, .. } => path.clone(),
            Source::Disk { .. } => match &doc_path {
                Some(path) => path.clone(),
                None => return,
            },
        };
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mine = self.doc.snapshot();
        let mine_meta = self.doc.meta().clone();
        let mine_is_saved = !self.doc.is_dirty();
        let base = self.doc.base();
        let versions = self.versions.clone();
        let worker_name = name.clone();
        let job = Job::start(move || {
            let t = &lang.strings().merge;
            let same_file = match (&source, &doc_path) {
                (Source::File { path, .. }, Some(doc)) => {
                    matches!((path.canonicalize(), doc.canonicalize()), (Ok(a), Ok(b)) if a == b)
                }
                _ => false,
            };
            if same_file {
                return Err(t.error_same.clone());
            }
            let stamp = storage::disk_stamp(&path);
            let (other, other_meta) =
                storage::load_with_meta(&path).map_err(|e| e.describe(lang))?;
            // The file on disk was, when opened, what the document started from: that is
            // the common version, whatever revisions the other build wrote or did not.
            let found = match (&source, &base) {
                (Source::Disk { .. }, Some(base)) => Some(("disk".to_owned(), (**base).clone())),
                _ => {
                    let known = mine_meta.revision.as_ref().zip(base.as_deref());
                    merge::find_base(
                        (&mine, mine_meta.revision.as_ref(), mine_is_saved),
                        (&other, other_meta.revision.as_ref()),
                        known,
                        versions.as_ref(),
                    )
                }
            };
            let merged = merge::merge(
                found.as_ref().map(|(_, dataset)| dataset),
                Copy { dataset: &mine, stamps: &mine_meta.stamps },
                Copy { dataset: &other, stamps: &other_meta.stamps },
                lang,
            )
            .map_err(|e| e.describe(lang))?;
            let source = match source {
                Source::Disk { .. } => Source::Disk { stamp },
                file => file,
            };
            if merged.is_empty() {
                return Ok(Ready::Same(source));
            }
            Ok(Ready::View(Box::new(MergeView::new(
                merged,
                worker_name,
                source,
                other_meta.revision,
            ))))
        });
        self.status_line = fill(&lang.strings().merge.reading, &[("file", &name)]);
        self.merge_job = Some(MergeJob { name, job });
    }

    /// Shows the merge once read.
    pub(super) fn poll_merge(&mut self, ctx: &egui::Context) {
        let Some(reading) = &self.merge_job else { return };
        let outcome = match reading.job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            Polled::Done(outcome) => outcome,
            Polled::Vanished => Err(format!("{}: the merging thread stopped", reading.name)),
        };
        self.merge_job = None;
        self.status_line.clear();
        let t = &self.lang().strings().merge;
        match outcome {
            Ok(Ready::View(view)) => self.modal = Some(Modal::Merge(view)),
            Ok(Ready::Same(source)) => {
                self.status_line = t.nothing.clone();
                if let Source::File { path, conflict_copy: true } = source {
                    self.copies.found.retain(|p| *p != path);
                    self.copies.merged.push(path);
                    self.offer_to_put_aside();
                }
            }
            Err(message) => self.report_error(message),
        }
        ctx.request_repaint();
    }

    /// Whether a merge is being read.
    pub fn is_merging(&self) -> bool {
        self.merge_job.is_some()
    }

    /// Puts the merge the official checked in the document, as one undo step.
    pub(super) fn apply_merge(&mut self, view: Box<MergeView>, outcome: Outcome) {
        let Outcome::Apply { dataset, stamps, changes } = outcome else { return };
        let MergeView { source, other_revision, other_name, .. } = *view;
        if let Err(error) = self.doc.apply_merge(*dataset, stamps, other_revision) {
            self.report_error(error.describe(self.lang()));
            return;
        }
        let t = &self.lang().strings().merge;
        self.status_line = fill(&t.merged, &[("file", &other_name), ("count", &changes)]);
        match source {
            Source::File { path, conflict_copy: true } => {
                self.copies.found.retain(|p| *p != path);
                self.copies.merged.push(path);
            }
            Source::File { .. } => {}
            // Its content is in the document now: the next save need not ask again.
            Source::Disk { stamp } => self.disk_stamp = stamp,
        }
    }

    /// Looks for conflict copies of the open file.
    pub(super) fn look_for_conflict_copies(&mut self) {
        let Some(path) = self.doc.path() else {
            self.copies.found.clear();
            return;
        };
        let merged = &self.copies.merged;
        self.copies.found = crate::files::conflicts::conflict_copies(path)
            .into_iter()
            .filter(|p| !merged.contains(p))
            .collect();
    }

    /// Looks again whenever the window gets the focus back (the official comes back from
    /// the file manager or the sync client).
    pub(super) fn watch_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        if focused && !self.copies.focused {
            self.look_for_conflict_copies();
        }
        self.copies.focused = focused;
    }

    /// The copies the banner tells of: found, and not dismissed.
    pub(super) fn copies_to_tell(&self) -> usize {
        self.copies.found.iter().filter(|p| !self.copies.dismissed.contains(p)).count()
    }

    /// Closes the banner until another copy turns up.
    pub(super) fn dismiss_copies(&mut self) {
        self.copies.dismissed = self.copies.found.clone();
    }

    /// After the merge is saved: offers to move the merged copies aside.
    pub(super) fn offer_to_put_aside(&mut self) {
        let copies: Vec<PathBuf> =
            self.copies.merged.iter().filter(|p| p.exists()).cloned().collect();
        if !copies.is_empty()
            && self.modal.is_none()
            && (!self.doc.is_dirty() || self.doc.path().is_none())
        {
            self.modal = Some(Modal::PutAside { copies });
        }
    }

    /// Moves the merged copies into the folder beside them.
    pub(super) fn put_aside(&mut self, copies: Vec<PathBuf>) {
        let t = &self.lang().strings().merge;
        match crate::files::conflicts::put_aside(&copies, &t.folder_name) {
            Ok(folder) => {
                self.copies.merged.retain(|p| !copies.contains(p));
                self.status_line =
                    fill(&t.moved, &[("count", &copies.len()), ("folder", &folder.display())]);
            }
            Err(error) => self.report_error(format!("{}: {error}", t.move_title)),
        }
    }
}
