//! The `industry-desk` binary: parses the command line, then either runs a headless
//! command or opens the window.
//!
//! On Windows it is a GUI-subsystem program, so Explorer and the Start menu open the window
//! with no console window behind it. Commands typed in cmd or PowerShell go to its console
//! twin, `industry-desk.com` (src/bin/console_twin.rs), which cmd and PowerShell pick before
//! the .exe for `industry-desk …`: a console program is waited for, so its output comes
//! before the next prompt and its exit code reaches `%ERRORLEVEL%` / `$LASTEXITCODE`. Attaching
//! the .exe to its parent's console (AttachConsole) would print, but the shell does not wait
//! for a GUI program: the prompt comes back at once, the output lands after it and the exit
//! code is lost — no good for a script that runs `check`.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use industry_desk::cli::{self, Cli, CliCommand};
use industry_desk::{App, AppConfig};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    // The window's file and a command do not go together ("industry-desk data.ron check
    // other.ron"); `--lang` goes with either, before or after the command.
    if let (Some(file), Some(_)) = (&args.file, &args.command) {
        use clap::CommandFactory as _;
        let message = format!(
            "{} is a file to open in the window: give it without a command",
            file.display()
        );
        Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit();
    }
    let lang = args.lang.unwrap_or_default();
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    match args.command {
        Some(CliCommand::Check { file }) => cli::check(&file, lang, &mut out, &mut err),
        Some(CliCommand::New { out: path, force }) => {
            cli::new(&path, force, lang, &mut out, &mut err)
        }
        Some(CliCommand::Letters { file, out: dir, unit, meeting, reply_by, format, today }) => {
            let format = match format {
                cli::LetterFormat::Pdf => industry_desk::interop::paper::ReportFormat::Pdf,
                cli::LetterFormat::Docx => industry_desk::interop::paper::ReportFormat::Docx,
            };
            let request = industry_desk::interop::chase::cli::LettersRequest {
                file,
                out: dir,
                unit,
                meeting,
                reply_by,
                format,
                today,
            };
            industry_desk::interop::chase::cli::letters(request, lang, &mut out, &mut err)
        }
        Some(CliCommand::Sheets { file, out: dir, unit, today }) => {
            industry_desk::interop::chase::cli::sheets(
                &file,
                &dir,
                unit.as_deref(),
                today,
                lang,
                &mut out,
                &mut err,
            )
        }
        Some(CliCommand::Calendar { file, out: path, unit }) => {
            industry_desk::interop::chase::cli::calendar(
                &file,
                &path,
                unit.as_deref(),
                lang,
                &mut out,
                &mut err,
            )
        }
        Some(CliCommand::Export { what }) => cli::export(what, lang, &mut out, &mut err),
        Some(CliCommand::Import { file, into }) => {
            cli::import(&file, &into, lang, &mut out, &mut err)
        }
        Some(CliCommand::Merge { mine, other, base, out: target, prefer }) => {
            let base = base.as_deref();
            let request =
                cli::MergeRequest { mine: &mine, other: &other, base, out: &target, prefer };
            cli::merge(request, lang, &mut out, &mut err)
        }
        Some(CliCommand::Conflicts { file }) => cli::conflicts(&file, lang, &mut out),
        Some(CliCommand::Intake { notice, into, meeting, json }) => {
            cli::intake(&notice, into.as_deref(), meeting, json, lang, &mut out, &mut err)
        }
        None => {
            let config = AppConfig {
                lang: args.lang,
                open: args.file,
                first_frame_then_quit: args.first_frame_then_quit.then_some(started),
                // The same folder eframe keeps the window state in.
                recovery_dir: eframe::storage_dir("industry-desk"),
                autosave_every: args.autosave_every.unwrap_or(AppConfig::default().autosave_every),
                ..AppConfig::default()
            };
            run_window(config)
        }
    }
}

fn run_window(config: AppConfig) -> ExitCode {
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) =
        industry_desk::window::icon::window_icon(industry_desk::window::icon::WINDOW_ICON_SIZE)
    {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        // glow runs on software OpenGL where a laptop has no usable GPU driver.
        renderer: eframe::Renderer::Glow,
        viewport: viewport
            .with_title("industry-desk")
            .with_app_id("industry-desk")
            .with_inner_size([1280.0, 800.0])
            // On Windows the first start is maximized: at 125 % and 150 % scaling on a
            // 1366×768 laptop the 1280×800 window came out larger than the screen under
            // Wine (the editor beyond its edge). Later starts keep the size and state the
            // window was left in (eframe's window settings).
            .with_maximized(cfg!(windows))
            // Half a 1366 px laptop screen (683 px) and less is allowed: officials put the
            // notice beside the app, and the layout stacks to fit.
            .with_min_inner_size([640.0, 480.0]),
        ..Default::default()
    };
    match eframe::run_native(
        "industry-desk",
        options,
        Box::new(|cc| Ok(Box::new(App::new(cc, config)))),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("industry-desk: {error}");
            ExitCode::FAILURE
        }
    }
}
