//! File pickers, behind a trait so tests inject their answers and no real dialog opens.

use std::path::PathBuf;
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

/// Asks the user for files.
pub trait FileDialogs {
    /// A dataset file to open.
    fn pick_open(&mut self) -> Picked;
    /// Where to save, suggesting `file_name`.
    fn pick_save(&mut self, file_name: &str) -> Picked;
}

/// The operating system's dialogs (rfd).
#[derive(Default)]
pub struct SystemDialogs;

/// rfd answers "no file" both when the user cancels and when it could not show a dialog at
/// all (on Linux without a desktop portal it returns at once). Nobody cancels a real dialog
/// this fast, so an answer within this time means the dialog never appeared.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(150);

impl SystemDialogs {
    fn dialog() -> rfd::FileDialog {
        rfd::FileDialog::new().add_filter("RON", &["ron"])
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
        Self::judge(started, Self::dialog().pick_file())
    }

    fn pick_save(&mut self, file_name: &str) -> Picked {
        let started = Instant::now();
        let path = Self::dialog().set_file_name(file_name).save_file().map(|mut path| {
            if path.extension().is_none() {
                path.set_extension("ron");
            }
            path
        });
        Self::judge(started, path)
    }
}
