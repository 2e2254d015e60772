//! The app's side of reading a conclusion notice: the dialog opened from the File menu,
//! the Chỉ đạo tab or a file dropped on the window; the file picker; the file read on a
//! worker thread (a PDF may take a moment); and the one edit that adds what was read.

use std::path::PathBuf;

use super::{App, Modal, PathPurpose, Tab};
use crate::editing::action::Action;
use crate::i18n::fill;
use crate::interop::intake::{IntakeError, source};
use crate::window::dialogs::Picked;
use crate::window::jobs::{Job, Polled};
use crate::window::ui::intake_dialog::{Intake, SourceStage, Stage};

/// A notice's file being read.
pub(super) struct Reading {
    file: String,
    job: Job<Result<String, IntakeError>>,
}

/// The kinds of file a dropped file is read as a notice for.
const NOTICE_EXTENSIONS: [&str; 3] = ["docx", "pdf", "txt"];

impl App {
    /// Opens the dialog with an empty paste box.
    pub(super) fn start_intake(&mut self) {
        self.modal = Some(Modal::Intake(Box::default()));
    }

    /// The file picker for a notice; the dialog comes back with the file being read.
    pub(super) fn pick_notice(&mut self, modal: Modal) {
        let Modal::Intake(intake) = modal else { return };
        let picked = self.dialogs.pick_notice();
        match picked {
            Picked::Path(path) => self.read_notice_file(path, intake),
            Picked::Cancelled => self.modal = Some(Modal::Intake(intake)),
            Picked::Unavailable => self.ask_for_path(PathPurpose::Notice, None),
        }
    }

    /// Reads the notice at `path` on a worker; the dialog says so meanwhile.
    pub(super) fn read_notice_file(&mut self, path: PathBuf, mut intake: Box<Intake>) {
        let file = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let back = match std::mem::take(&mut intake.stage) {
            Stage::Source(back) | Stage::Reading { back, .. } => back,
            Stage::Preview(_) => SourceStage::default(),
        };
        intake.stage = Stage::Reading { file: file.clone(), back };
        self.modal = Some(Modal::Intake(intake));
        self.intake_job = Some(Reading { file, job: Job::start(move || source::read_file(&path)) });
    }

    /// Whether a notice's file is being read for the intake dialog.
    pub fn is_reading_notice(&self) -> bool {
        self.intake_job.is_some()
    }

    /// Hands the file's text to the dialog once read; drops it if the dialog was closed.
    pub(super) fn poll_intake(&mut self, ctx: &egui::Context) {
        let Some(reading) = &self.intake_job else { return };
        let outcome = match reading.job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            Polled::Done(outcome) => outcome,
            Polled::Vanished => Err(IntakeError::Unreadable("the reader stopped".to_owned())),
        };
        let file = reading.file.clone();
        self.intake_job = None;
        let lang = self.lang();
        if let Some(Modal::Intake(intake)) = &mut self.modal
            && matches!(intake.stage, Stage::Reading { .. })
        {
            intake.read_file(&file, outcome, self.doc.dataset(), lang);
        }
        ctx.request_repaint();
    }

    /// A notice dropped on the window (a .docx, .pdf or .txt) opens the dialog reading it,
    /// unless another dialog waits for an answer.
    pub(super) fn take_dropped_notice(&mut self, ctx: &egui::Context) {
        let dropped = ctx
            .input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect::<Vec<_>>());
        // A workbook dropped (a unit's report sheet sent back, say) is previewed as File ›
        // Nhập… would, when no dialog is open.
        let workbook = dropped.iter().find(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        });
        if let Some(path) = workbook
            && self.modal.is_none()
        {
            let path = path.clone();
            self.preview_import(&path);
            return;
        }
        let Some(path) = dropped.into_iter().find(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| NOTICE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        }) else {
            return;
        };
        let intake = match self.modal.take() {
            None => Box::default(),
            Some(Modal::Intake(intake)) if !matches!(intake.stage, Stage::Preview(_)) => intake,
            Some(other) => {
                // Another dialog, or a proposal being checked: keep it, drop the drop.
                self.modal = Some(other);
                return;
            }
        };
        self.read_notice_file(path, intake);
    }

    /// Adds what the notice gave, as one undo step, and shows it in the checklist.
    pub(super) fn add_from_notice(&mut self, action: Action, count: usize, source: &str) {
        self.actions.push(action);
        self.settings.tab = Tab::Directives;
        let first = self.doc.dataset().next_directive_id();
        self.directives_ui.show_added(first, self.doc.revision());
        let t = &self.lang().strings().intake;
        self.status_line = fill(&t.added, &[("count", &count), ("source", &source)]);
    }
}
