//! Print and export from the window: the choices the export dialog edits, and the work of
//! making and writing the document on a worker thread, so a large file's report never
//! freezes the window (the status bar shows a spinner meanwhile).
//!
//! Printing writes the PDF to a file in the system's temp folder and opens it in the
//! system's PDF viewer, so the official prints with the printer setup they already have.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::i18n::{Lang, fill};
use crate::interop::paper::{
    self, ChartFormat, ChartKind, Layout, ReportFormat, ReportOptions, Sections,
};
use crate::model::{Dataset, MeetingId};
use crate::window::dialogs::{FileKind, Viewer};
use crate::window::jobs::{Job, Polled};

/// What the dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportPurpose {
    /// The report, opened in the PDF viewer to print.
    Print,
    /// The report, saved where the user chooses (PDF or Word).
    Report,
    /// One chart, saved where the user chooses.
    Chart,
    /// The whole dataset as an Excel workbook.
    Xlsx,
}

/// Whose directives the report lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingChoice {
    /// The latest meeting of whatever file is open.
    Latest,
    /// Every meeting.
    All,
    /// This one (if the file still has it; else the latest).
    Meeting(MeetingId),
}

/// A chart file's format, as the dialog offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatChoice {
    Pdf,
    Svg,
    Png,
}

/// The dialog's choices, kept between exports of one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportChoices {
    /// The report's look: the administrative layout or the quick print.
    pub layout: Layout,
    /// The saved report's format (printing is always PDF).
    pub report_format: ReportFormat,
    pub meeting: MeetingChoice,
    pub sections: Sections,
    pub open_only: bool,
    pub landscape: bool,
    pub chart: ChartKind,
    pub format: FormatChoice,
    pub dpi: u32,
}

impl Default for ExportChoices {
    fn default() -> Self {
        ExportChoices {
            layout: Layout::Official,
            report_format: ReportFormat::Pdf,
            meeting: MeetingChoice::Latest,
            sections: Sections::default(),
            open_only: false,
            landscape: false,
            chart: ChartKind::electricity(),
            format: FormatChoice::Pdf,
            dpi: paper::DEFAULT_DPI,
        }
    }
}

impl ExportChoices {
    /// The report's options for `dataset`, printed `today`.
    pub fn report_options(&self, dataset: &Dataset, today: Date) -> ReportOptions {
        let mut options = ReportOptions::new(dataset, today);
        options.meeting = match self.meeting {
            MeetingChoice::All => None,
            MeetingChoice::Meeting(id) if dataset.meeting(id).is_some() => Some(id),
            MeetingChoice::Latest | MeetingChoice::Meeting(_) => options.meeting,
        };
        options.sections = self.sections;
        options.open_only = self.open_only;
        options.landscape = self.landscape;
        options
    }

    /// The report file's format for `purpose`: a print is a PDF, and the quick print has
    /// no Word file.
    pub fn report_format(&self, purpose: ExportPurpose) -> ReportFormat {
        match (purpose, self.layout) {
            (ExportPurpose::Report, Layout::Official) => self.report_format,
            _ => ReportFormat::Pdf,
        }
    }

    /// The chart file's format.
    pub fn chart_format(&self) -> ChartFormat {
        match self.format {
            FormatChoice::Pdf => ChartFormat::Pdf,
            FormatChoice::Svg => ChartFormat::Svg,
            FormatChoice::Png => ChartFormat::Png { dpi: self.dpi },
        }
    }

    /// What the save dialog asks for.
    pub fn file_kind(&self, purpose: ExportPurpose) -> FileKind {
        match (purpose, self.format) {
            (ExportPurpose::Print | ExportPurpose::Report, _) => {
                match self.report_format(purpose) {
                    ReportFormat::Pdf => FileKind::Pdf,
                    ReportFormat::Docx => FileKind::Docx,
                }
            }
            (ExportPurpose::Chart, FormatChoice::Pdf) => FileKind::Pdf,
            (ExportPurpose::Chart, FormatChoice::Svg) => FileKind::Svg,
            (ExportPurpose::Chart, FormatChoice::Png) => FileKind::Png,
            (ExportPurpose::Xlsx, _) => FileKind::Xlsx,
        }
    }

    /// The file name the save dialog suggests: what it is and of when.
    pub fn suggested_name(&self, purpose: ExportPurpose, dataset: &Dataset, today: Date) -> String {
        let date = dataset
            .latest_meeting()
            .map_or(today, |meeting| meeting.date)
            .strftime("%Y-%m-%d")
            .to_string();
        match purpose {
            ExportPurpose::Print | ExportPurpose::Report => {
                format!("bao-cao-{date}.{}", self.report_format(purpose).extension())
            }
            ExportPurpose::Chart => {
                let extension = self.chart_format().extension();
                // An indicator's id comes from the file: only its plain letters and digits
                // go into a name.
                let slug: String = self
                    .chart
                    .slug()
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
                    .take(40)
                    .collect();
                let slug = slug.trim_matches('-');
                let slug = if slug.is_empty() { "chi-tieu" } else { slug };
                format!("bieu-do-{slug}-{date}.{extension}")
            }
            ExportPurpose::Xlsx => format!("so-lieu-{date}.xlsx"),
        }
    }
}

/// An export the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub purpose: ExportPurpose,
    pub choices: ExportChoices,
}

/// How an export ended well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finished {
    /// Written to this file.
    Saved(PathBuf),
    /// Written to this file and opened in the viewer.
    Opened(PathBuf),
}

/// An export being made on a worker thread.
pub struct Running {
    job: Job<Result<Finished, String>>,
}

/// Where a report to print is written: the temp folder, a new name each time so a viewer
/// still showing the last one is never overwritten under it.
pub fn print_path() -> PathBuf {
    let folder = std::env::temp_dir().join("industry-desk");
    let stamp = jiff::Timestamp::now().as_millisecond();
    folder.join(format!("bao-cao-{}-{stamp}.pdf", std::process::id()))
}

/// Makes the document `request` asks for from `dataset`, writes it to `target` and, when
/// printing, opens it with `viewer` — all on a worker thread.
pub fn start(
    request: ExportRequest,
    dataset: Dataset,
    today: Date,
    lang: Lang,
    target: PathBuf,
    viewer: Viewer,
) -> Running {
    Running { job: Job::start(move || run(&request, &dataset, today, lang, &target, &viewer)) }
}

fn run(
    request: &ExportRequest,
    dataset: &Dataset,
    today: Date,
    lang: Lang,
    target: &std::path::Path,
    viewer: &Viewer,
) -> Result<Finished, String> {
    let describe = |error: paper::ExportError| error.describe(lang);
    let bytes = match request.purpose {
        ExportPurpose::Print | ExportPurpose::Report => {
            let options = request.choices.report_options(dataset, today);
            let format = request.choices.report_format(request.purpose);
            paper::report_file(dataset, &options, request.choices.layout, format, lang)
                .map_err(describe)?
        }
        ExportPurpose::Chart => {
            let format = request.choices.chart_format();
            paper::chart_file(dataset, &request.choices.chart, format, lang).map_err(describe)?
        }
        ExportPurpose::Xlsx => crate::interop::exchange::to_xlsx(dataset, today, lang)
            .map_err(|error| describe(paper::ExportError::Render { detail: error.to_string() }))?,
    };
    if let Some(folder) = target.parent()
        && request.purpose == ExportPurpose::Print
    {
        // The temp subfolder is ours to make; a chosen folder must already exist.
        let _ = std::fs::create_dir_all(folder);
    }
    paper::write_file(target, &bytes).map_err(describe)?;
    if request.purpose != ExportPurpose::Print {
        return Ok(Finished::Saved(target.to_owned()));
    }
    match viewer(target) {
        Ok(()) => Ok(Finished::Opened(target.to_owned())),
        Err(error) => Err(fill(
            &lang.strings().export.no_viewer,
            &[("error", &error), ("file", &target.display())],
        )),
    }
}

impl Running {
    /// The outcome once the worker is done; `None` while it works.
    pub fn poll(&self) -> Option<Result<Finished, String>> {
        match self.job.poll() {
            Polled::Done(result) => Some(result),
            Polled::Running => None,
            // The worker died without a word: a bug, said plainly rather than waited on.
            Polled::Vanished => Some(Err(fill(
                &Lang::default().strings().export.render_failed,
                &[("detail", &"worker stopped")],
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    #[test]
    fn choices_resolve_against_the_open_file() {
        let data = builtin::dataset();
        let today = jiff::civil::date(2019, 10, 1);
        let mut choices = ExportChoices::default();
        assert_eq!(choices.report_options(&data, today).meeting, Some(MeetingId(1)));
        choices.meeting = MeetingChoice::Meeting(MeetingId(42));
        assert_eq!(
            choices.report_options(&data, today).meeting,
            Some(MeetingId(1)),
            "a meeting the file lacks falls back to the latest"
        );
        choices.meeting = MeetingChoice::All;
        assert_eq!(choices.report_options(&data, today).meeting, None);
        assert_eq!(
            choices.suggested_name(ExportPurpose::Report, &data, today),
            "bao-cao-2019-07-15.pdf"
        );
        choices.format = FormatChoice::Png;
        assert_eq!(choices.file_kind(ExportPurpose::Chart), FileKind::Png);
        assert_eq!(
            choices.suggested_name(ExportPurpose::Chart, &data, today),
            "bieu-do-electricity-2019-07-15.png"
        );
    }

    #[test]
    fn a_print_whose_viewer_fails_names_the_saved_file() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("print.pdf");
        let viewer: Viewer = std::sync::Arc::new(|_: &std::path::Path| {
            Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no xdg-open"))
        });
        let request =
            ExportRequest { purpose: ExportPurpose::Print, choices: ExportChoices::default() };
        let today = jiff::civil::date(2019, 10, 1);
        let job = start(request, builtin::dataset(), today, Lang::Vi, target.clone(), viewer);
        let started = std::time::Instant::now();
        let outcome = loop {
            if let Some(outcome) = job.poll() {
                break outcome;
            }
            assert!(started.elapsed().as_secs() < 60, "the print was not made in 60 s");
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        let message = outcome.unwrap_err();
        assert!(message.contains("no xdg-open") && message.contains("print.pdf"), "{message}");
        assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF"), "the PDF is there to open");
    }
}
