//! Saving and the recovery copy, off the window's thread: both take a snapshot of the
//! dataset at once (`Document::snapshot`, no copy) and serialise and write it on a worker,
//! so a province's file never freezes the window. Edits made meanwhile are kept and leave
//! the document unsaved; commands that need the save's outcome (open another file, quit)
//! wait for it.

use std::path::{Path, PathBuf};

use super::{App, Modal, PathPurpose};
use crate::files::builtin;
use crate::files::recovery::{Meta, Slot};
use crate::files::storage::{self, DiskStamp, SaveError};
use crate::i18n::fill;
use crate::window::command::Command;
use crate::window::dialogs::{FileKind, Picked};
use crate::window::jobs::{Job, Polled};

/// A save running on a worker.
pub(super) struct SaveJob {
    job: Job<Result<Option<DiskStamp>, SaveError>>,
    path: PathBuf,
    /// The revision the snapshot was taken at: the one that counts as saved.
    revision: u64,
    /// The document it belongs to (see `App::generation`).
    generation: u64,
    /// The revision the file is saved as, and the data saved: the document's new base.
    file_revision: crate::files::lineage::Revision,
    snapshot: std::sync::Arc<crate::model::Dataset>,
}

/// A recovery copy being written on a worker; the slot comes back with the outcome.
pub(super) struct CopyJob {
    job: Job<(Slot, Result<(), SaveError>)>,
    generation: u64,
}

impl App {
    /// Saves to the document's file, or to one the user picks (`choose`, or no file yet).
    /// `then` runs once the save has succeeded.
    pub(super) fn save(&mut self, choose: bool, then: Option<Command>) {
        let path = match self.doc.path() {
            Some(path) if !choose => {
                if storage::disk_stamp(path) != self.disk_stamp {
                    // Another official or a sync folder changed it since: ask first.
                    self.modal = Some(Modal::ChangedOnDisk { then });
                    return;
                }
                path.to_owned()
            }
            _ => match self.dialogs.pick_save(&self.suggested_file_name(), FileKind::Dataset) {
                Picked::Path(path) => path,
                Picked::Cancelled => return,
                Picked::Unavailable => {
                    self.ask_for_path(PathPurpose::Save, then);
                    return;
                }
            },
        };
        self.start_save(path, then);
    }

    /// Starts writing the document as it is now to `path`; `then` runs after a success.
    pub(super) fn start_save(&mut self, path: PathBuf, then: Option<Command>) {
        let snapshot = self.doc.snapshot();
        let target = path.clone();
        // A new revision descending from the one opened: what a merge finds its base by.
        let meta = self.doc.meta_for_save();
        let versions = self.versions.clone();
        let (worker_snapshot, worker_meta) = (std::sync::Arc::clone(&snapshot), meta.clone());
        let job = Job::start_held(self.hold_saves.as_ref(), move || {
            let text = storage::save_with_meta(&target, &worker_snapshot, &worker_meta)?;
            if let (Some(versions), Some(revision)) = (versions, &worker_meta.revision) {
                versions.keep(&revision.id, text.as_bytes());
            }
            Ok(storage::disk_stamp(&target))
        });
        let revision = self.doc.revision();
        let file_revision = meta.revision.expect("a save always makes a revision");
        self.save_job = Some(SaveJob {
            job,
            path,
            revision,
            generation: self.generation,
            file_revision,
            snapshot,
        });
        self.after_save.extend(then);
        self.status_line = self.lang().strings().recovery.saving.clone();
    }

    /// Whether a save or a recovery copy is being written.
    pub fn is_saving(&self) -> bool {
        self.save_job.is_some() || self.copy_job.is_some()
    }

    /// Whether `command` must wait for the save in flight: it replaces or closes the
    /// document, or saves it again.
    pub(super) fn waits_for_save(&self, command: Command) -> bool {
        self.save_job.is_some()
            && matches!(
                command,
                Command::NewFromSample
                    | Command::Open
                    | Command::OpenRecent(_)
                    | Command::Save
                    | Command::SaveAs
                    | Command::Quit
                    | Command::RecoveryCopies
            )
    }

    /// Takes the save's outcome once the worker is done, then runs what waited for it.
    pub(super) fn poll_save(&mut self, ctx: &egui::Context) {
        let Some(save) = &self.save_job else { return };
        let outcome = match save.job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
                return;
            }
            Polled::Done(outcome) => outcome,
            Polled::Vanished => Err(SaveError {
                path: save.path.clone(),
                source: std::io::Error::other("the saving thread stopped"),
            }),
        };
        let save = self.save_job.take().expect("polled above");
        ctx.request_repaint();
        match outcome {
            Ok(stamp) => {
                if save.generation == self.generation {
                    let (file_revision, snapshot) =
                        (save.file_revision.clone(), save.snapshot.clone());
                    self.doc.mark_saved_as(
                        save.revision,
                        save.path.clone(),
                        file_revision,
                        snapshot,
                    );
                    self.disk_stamp = stamp;
                    if !self.doc.is_dirty() {
                        self.drop_copy();
                    }
                }
                self.settings.remember(&save.path);
                let t = &self.lang().strings().recovery;
                let now = jiff::Zoned::now();
                let time = format!("{:02}:{:02}", now.hour(), now.minute());
                self.status_line =
                    fill(&t.saved_at, &[("time", &time), ("file", &save.path.display())]);
                for command in std::mem::take(&mut self.after_save) {
                    self.run(command);
                }
                // A merge of conflict copies is saved: they may go aside now.
                if save.generation == self.generation {
                    self.offer_to_put_aside();
                }
            }
            Err(error) => {
                // Nothing that waited for this save happens: the work is still unsaved.
                self.after_save.clear();
                self.quit_requested = false;
                self.close_confirmed = false;
                self.status_line.clear();
                self.report_error(error.describe(self.lang()));
            }
        }
    }

    /// Copies unsaved work for recovery: at once after the first change, then at most every
    /// `autosave_every`; removes the copy when the document is clean again (saved, or
    /// undone back to the file). One copy is written at a time.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(store) = &self.store else { return };
        if self.copy_job.is_some() {
            return;
        }
        let now = ctx.input(|i| i.time);
        if !self.doc.is_dirty() {
            self.drop_copy();
            self.copied = (None, now);
            return;
        }
        let revision = self.doc.revision();
        if self.copied.0 == Some(revision) {
            return;
        }
        let waited = now - self.copied.1;
        let every = self.autosave_every.as_secs_f64();
        if self.copied.0.is_some() && waited < every {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(every - waited));
            return;
        }
        self.copied = (Some(revision), now);
        let slot = match self.slot.take() {
            Some(slot) => slot,
            None => match store.claim(self.doc.path()) {
                Ok(slot) => slot,
                Err(source) => {
                    let error = SaveError { path: store.folder().to_owned(), source };
                    self.status_line = error.describe(self.lang());
                    return;
                }
            },
        };
        let snapshot = self.doc.snapshot();
        let lineage = self.doc.meta().clone();
        let (origin, disk) = (self.doc.path().map(Path::to_owned), self.disk_stamp);
        let job = Job::start_held(self.hold_saves.as_ref(), move || {
            let written = slot.write(&snapshot, &lineage, &Meta::now(origin.as_deref(), disk));
            (slot, written)
        });
        self.copy_job = Some(CopyJob { job, generation: self.generation });
    }

    /// Takes the recovery copy's slot back once it is written.
    pub(super) fn poll_copy(&mut self, ctx: &egui::Context) {
        let Some(copy) = &self.copy_job else { return };
        let (slot, written) = match copy.job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
                return;
            }
            Polled::Done(outcome) => outcome,
            // The slot went down with the worker; its lock with it. The next change claims
            // a new one.
            Polled::Vanished => {
                self.copy_job = None;
                return;
            }
        };
        let copy = self.copy_job.take().expect("polled above");
        if let Err(error) = written {
            // Said once a revision (the next copy waits for the next change).
            self.status_line = error.describe(self.lang());
        }
        if copy.generation != self.generation || !self.doc.is_dirty() {
            // Its document was replaced, saved or discarded while the copy was written.
            slot.remove();
        } else {
            self.slot = Some(slot);
        }
        ctx.request_repaint();
    }

    /// Removes the open document's recovery copy: its work was saved or discarded. A copy
    /// still being written is removed when it is done (`poll_copy`).
    pub(super) fn drop_copy(&mut self) {
        if let Some(slot) = self.slot.take() {
            slot.remove();
        }
    }

    /// The name the save dialog suggests.
    pub(super) fn suggested_file_name(&self) -> String {
        match self.doc.path().and_then(Path::file_name) {
            Some(name) => name.to_string_lossy().into(),
            None => builtin::BUILTIN_FILE_NAME.to_owned(),
        }
    }
}
