//! The command line: `industry-desk [FILE]` opens the window; `check` and `new` work
//! without one. Every failure is a message and exit status 1, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset;
use crate::i18n::{Lang, fill};
use crate::storage;

/// Figures of industrial output and land, and the follow-up of meeting directives.
#[derive(Debug, Parser)]
#[command(name = "industry-desk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Language of the window and of messages (vi: Tiếng Việt, en: English).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A dataset file (.ron) to open; without it the window shows the built-in dataset.
    pub file: Option<PathBuf>,
    /// Print the time from start to the first drawn frame, then quit (for measuring).
    #[arg(long, hide = true)]
    pub first_frame_then_quit: bool,
}

/// The commands that need no window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Load and validate a dataset file: a one-line summary, or every problem (exit 1).
    Check {
        /// The dataset file.
        file: PathBuf,
    },
    /// Write the built-in dataset to a file.
    New {
        /// Where to write it (.ron).
        out: PathBuf,
        /// Replace the file if it exists (the old one is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
}

/// `industry-desk check FILE`.
pub fn check(file: &Path, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    match storage::load(file) {
        Ok(dataset) => {
            let t = &lang.strings().cli;
            let observations: usize = dataset.indicators.iter().map(|i| i.observations.len()).sum();
            let line = fill(
                &t.summary,
                &[
                    ("file", &file.display()),
                    ("meetings", &dataset.meetings.len()),
                    ("indicators", &dataset.indicators.len()),
                    ("observations", &observations),
                    ("zones", &dataset.zones.len()),
                    ("directives", &dataset.directives.len()),
                ],
            );
            let _ = writeln!(out, "{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{}", error.describe(lang));
            ExitCode::FAILURE
        }
    }
}

/// `industry-desk new OUT [--force]`.
pub fn new(
    out_path: &Path,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let t = &lang.strings().cli;
    if !force && out_path.exists() {
        let _ = writeln!(err, "{}", fill(&t.exists, &[("file", &out_path.display())]));
        return ExitCode::FAILURE;
    }
    match storage::save(out_path, &dataset::builtin()) {
        Ok(()) => {
            let _ = writeln!(out, "{}", fill(&t.written, &[("file", &out_path.display())]));
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{}", error.describe(lang));
            ExitCode::FAILURE
        }
    }
}
