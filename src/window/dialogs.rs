//! File pickers and the system's document viewer, behind a trait and a function type so
//! tests inject their answers and no real dialog or viewer opens.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a file picker came back with.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown (no desktop portal, no display server support).
    Unavailable,
}

/// What a save dialog asks for: its filter and the extension a bare name gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A dataset (.ron).
    Dataset,
    Pdf,
    Svg,
    Png,
    /// An Excel workbook.
    Xlsx,
    /// A Word document.
    Docx,
    /// An iCalendar file (the deadlines).
    Ics,
}

impl FileKind {
    /// The filter's name and the extension.
    fn filter(self) -> (&'static str, &'static str) {
        match self {
            FileKind::Dataset => ("RON", "ron"),
            FileKind::Pdf => ("PDF", "pdf"),
            FileKind::Svg => ("SVG", "svg"),
            FileKind::Png => ("PNG", "png"),
            FileKind::Xlsx => ("Excel", "xlsx"),
            FileKind::Docx => ("Word", "docx"),
            FileKind::Ics => ("iCalendar", "ics"),
        }
    }
}

/// Asks the user for files.
pub trait FileDialogs {
    /// A dataset file to open.
    fn pick_open(&mut self) -> Picked;
    /// A spreadsheet (.xlsx or .csv) to import from.
    fn pick_spreadsheet(&mut self) -> Picked;
    /// A conclusion notice (.txt, .docx, .pdf) to read directives from.
    fn pick_notice(&mut self) -> Picked;
    /// Where to save a file of `kind`, suggesting `file_name`.
    fn pick_save(&mut self, file_name: &str, kind: FileKind) -> Picked;
    /// A folder to write several files into (the follow-up letters).
    fn pick_folder(&mut self) -> Picked;
}

/// Opens a file in the system's viewer (the PDF viewer, to print from). Returns once the
/// viewer has started, or with the reason none could be. Called off the UI thread: on some
/// Linux desktops the launcher waits for the viewer to close.
pub type Viewer = Arc<dyn Fn(&Path) -> std::io::Result<()> + Send + Sync>;

/// The system's viewer through the `open` crate, which reports a launcher that failed
/// (unlike crates that ignore the exit status).
pub fn system_viewer() -> Viewer {
    Arc::new(|path: &Path| open::that(path))
}

/// The operating system's dialogs (rfd).
#[derive(Default)]
pub struct SystemDialogs;

/// rfd answers "no file" both when the user cancels and when it could not show a dialog at
/// all (on Linux without a desktop portal it returns at once). Nobody cancels a real dialog
/// this fast, so an answer within this time means the dialog never appeared.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(150);

impl SystemDialogs {
    fn dialog(kind: FileKind) -> rfd::FileDialog {
        let (name, extension) = kind.filter();
        rfd::FileDialog::new().add_filter(name, &[extension])
    }

    fn judge(started: Instant, path: Option<PathBuf>) -> Picked {
        match path {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < TOO_FAST_FOR_A_PERSON => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for SystemDialogs {
    fn pick_open(&mut self) -> Picked {
        let started = Instant::now();
        Self::judge(started, Self::dialog(FileKind::Dataset).pick_file())
    }

    fn pick_spreadsheet(&mut self) -> Picked {
        let started = Instant::now();
        let dialog = rfd::FileDialog::new().add_filter("Excel, CSV", &["xlsx", "csv"]);
        Self::judge(started, dialog.pick_file())
    }

    fn pick_notice(&mut self) -> Picked {
        let started = Instant::now();
        let dialog = rfd::FileDialog::new().add_filter("Word, PDF, text", &["docx", "pdf", "txt"]);
        Self::judge(started, dialog.pick_file())
    }

    fn pick_save(&mut self, file_name: &str, kind: FileKind) -> Picked {
        let started = Instant::now();
        let path = Self::dialog(kind).set_file_name(file_name).save_file().map(|mut path| {
            if path.extension().is_none() {
                path.set_extension(kind.filter().1);
            }
            path
        });
        Self::judge(started, path)
    }

    fn pick_folder(&mut self) -> Picked {
        let started = Instant::now();
        Self::judge(started, rfd::FileDialog::new().pick_folder())
    }
}
