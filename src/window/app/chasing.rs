//! The app's side of chasing the units: File › Văn bản đôn đốc… (the dialog listing the
//! units and their counts, then a folder chosen, then the letters written on a worker
//! while the status bar counts them) and File › Xuất lịch thời hạn… (the .ics written
//! where the official saves it). A report sheet sent back goes through File › Nhập… or a
//! drop like any workbook: `exchange::plan_import` knows it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{App, Modal};
use crate::i18n::fill;
use crate::interop::paper::ReportFormat;
use crate::model::MeetingId;
use crate::window::dialogs::{FileKind, Picked};
use crate::window::jobs::{Job, Polled};

/// Letters being written: how many are done, how many in all, and the outcome.
pub(super) struct LettersJob {
    done: Arc<AtomicUsize>,
    count: usize,
    folder: PathBuf,
    job: Job<Result<usize, String>>,
}

impl App {
    /// Opens the letters dialog on the latest meeting.
    pub(super) fn start_letters(&mut self) {
        if self.letters_job.is_some() {
            return;
        }
        let dialog =
            crate::window::ui::letters_dialog::LettersDialog::new(self.doc.dataset(), self.today());
        self.modal = Some(Modal::Letters(dialog));
    }

    /// Asks for the folder, then writes every unit's letter on a worker.
    pub(super) fn write_letters(
        &mut self,
        meeting: MeetingId,
        reply_by: jiff::civil::Date,
        format: ReportFormat,
    ) {
        let lang = self.lang();
        let folder = match self.dialogs.pick_folder() {
            Picked::Path(folder) => folder,
            Picked::Cancelled => return,
            Picked::Unavailable => {
                self.report_error(lang.strings().chase.folder_unavailable.clone());
                return;
            }
        };
        let dataset = self.doc.dataset().clone();
        let today = self.today();
        let count = crate::interop::chase::open_work(&dataset, Some(meeting), today).len();
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        let target = folder.clone();
        let job = Job::start(move || -> Result<usize, String> {
            let work = crate::interop::chase::open_work(&dataset, Some(meeting), today);
            let meeting = dataset
                .meeting(meeting)
                .ok_or_else(|| fill(&lang.strings().chase.no_meeting, &[("number", &meeting.0)]))?;
            let options = crate::interop::paper::letter::LetterOptions { meeting, today, reply_by };
            let units: Vec<&crate::model::Unit> = work.iter().map(|w| w.unit).collect();
            let stems = crate::interop::chase::file_stems(&units);
            for (work, stem) in work.iter().zip(stems) {
                let letter = crate::interop::paper::letter::build(&dataset, work, &options, lang);
                let bytes = match format {
                    ReportFormat::Pdf => crate::interop::paper::letter::pdf(&letter, today),
                    ReportFormat::Docx => crate::interop::paper::letter::docx(&letter),
                }
                .map_err(|e| e.describe(lang))?;
                let path = target.join(format!("{stem}.{}", format.extension()));
                crate::interop::paper::write_file(&path, &bytes).map_err(|e| e.describe(lang))?;
                counter.fetch_add(1, Ordering::Relaxed);
            }
            Ok(work.len())
        });
        self.status_line = fill(&lang.strings().chase.writing, &[("done", &0), ("count", &count)]);
        self.letters_job = Some(LettersJob { done, count, folder, job });
    }

    /// Counts the letters written in the status bar; says where they went once done.
    pub(super) fn poll_letters(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.letters_job else { return };
        let t = &self.lang().strings().chase;
        match running.job.poll() {
            Polled::Running => {
                let done = running.done.load(Ordering::Relaxed);
                self.status_line = fill(&t.writing, &[("done", &done), ("count", &running.count)]);
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
            Polled::Done(Ok(count)) => {
                let folder = running.folder.display().to_string();
                self.status_line =
                    fill(&t.written_status, &[("count", &count), ("folder", &folder)]);
                self.letters_job = None;
            }
            Polled::Done(Err(message)) => {
                self.letters_job = None;
                self.status_line.clear();
                self.report_error(message);
            }
            Polled::Vanished => {
                self.letters_job = None;
                self.status_line.clear();
                self.report_error(t.no_letters.clone());
            }
        }
    }

    /// Whether letters are being written.
    pub fn is_writing_letters(&self) -> bool {
        self.letters_job.is_some()
    }

    /// Asks where, then writes the deadlines' calendar (quick: no worker).
    pub(super) fn export_calendar(&mut self) {
        let lang = self.lang();
        let path = match self.dialogs.pick_save("thoi-han.ics", FileKind::Ics) {
            Picked::Path(path) => path,
            Picked::Cancelled => return,
            Picked::Unavailable => {
                self.report_error(lang.strings().chase.folder_unavailable.clone());
                return;
            }
        };
        let written =
            crate::interop::chase::calendar::build(self.doc.dataset(), None, self.today(), lang);
        match crate::interop::paper::write_file(&path, written.text.as_bytes()) {
            Ok(()) => {
                let count = written.open + written.done;
                self.status_line = fill(
                    &lang.strings().chase.calendar_status,
                    &[("count", &count), ("file", &path.display())],
                );
            }
            Err(error) => self.report_error(error.describe(lang)),
        }
    }
}
