//! The command line: `industry-desk [FILE]` opens the window; `check`, `new` and `export`
//! work without one. Every failure is a message and exit status 1, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::files::builtin;
use crate::files::storage;
use crate::i18n::{Lang, fill};
use crate::interop::paper::{self, ChartFormat, ChartKind, ExportError, ReportOptions, Sections};
use crate::model::{Dataset, MeetingId};

/// Figures of industrial output and land, and the follow-up of meeting directives.
#[derive(Debug, Parser)]
#[command(name = "industry-desk", version)]
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
    /// Seconds between recovery copies of unsaved work (default 30); for the tests that
    /// kill the app mid-work.
    #[arg(long, hide = true, value_parser = parse_seconds)]
    pub autosave_every: Option<std::time::Duration>,
}

/// A number of seconds, fractions allowed.
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| format!("not a number of seconds: {text}"))
}

/// Which side settles every conflict of `merge`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Prefer {
    Mine,
    Other,
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
    /// Import figures, meetings, units and directives from a spreadsheet (.xlsx or .csv)
    /// into a dataset file. Lists what is added, changed and refused; writes only when no
    /// row is refused (the old file is kept as .bak).
    Import {
        /// The spreadsheet.
        file: PathBuf,
        /// The dataset file to import into.
        #[arg(long)]
        into: PathBuf,
    },
    /// Read a conclusion notice (.txt, .docx, or a PDF with text; `-` for standard input)
    /// and print the meeting and the directives it gives. With --into, add them to a
    /// dataset file as the window does (the old file is kept as .bak).
    Intake {
        /// The notice.
        notice: PathBuf,
        /// The dataset file to add the meeting, its new units and its directives to.
        #[arg(long)]
        into: Option<PathBuf>,
        /// With --into: add the directives to this meeting of the file (its number) rather
        /// than to the one the notice's date and subject find, or a new one.
        #[arg(long, requires = "into")]
        meeting: Option<u32>,
        /// Print exactly {"meeting": {title, date, chair, number}, "directives": [{text,
        /// lead, supporting, deadline}]}, dates as YYYY-MM-DD, null where the notice says
        /// nothing.
        #[arg(long)]
        json: bool,
    },
    /// Merge two copies of a dataset file (a sync engine's conflict copy, a copy sent by
    /// mail) into OUT: what each side gave and every conflict is printed. With a conflict
    /// and no --prefer, nothing is written (exit 1). MINE and OTHER are never changed.
    Merge {
        /// Your copy.
        mine: PathBuf,
        /// The other copy.
        other: PathBuf,
        /// Their common version, if you have it; otherwise it is looked for in the versions
        /// this machine opened and saved, else the records' times decide.
        #[arg(long)]
        base: Option<PathBuf>,
        /// Where to write the merge (not MINE or OTHER).
        #[arg(short, long)]
        out: PathBuf,
        /// Settle every conflict with this side's version.
        #[arg(long, value_enum)]
        prefer: Option<Prefer>,
    },
    /// List the conflict copies sync engines left beside a dataset file.
    Conflicts {
        /// The dataset file.
        file: PathBuf,
    },
    /// Write a follow-up letter (Công văn đôn đốc) to each lead unit with unfinished
    /// directives, one file a unit in DIR named by the unit.
    Letters {
        /// The dataset file.
        file: PathBuf,
        /// The folder to write the letters into (made if missing).
        #[arg(short, long)]
        out: PathBuf,
        /// Only the letter to this unit (its name, accents and case ignored).
        #[arg(long)]
        unit: Option<String>,
        /// The meeting whose conclusions are followed up (its number); default the latest.
        #[arg(long)]
        meeting: Option<u32>,
        /// The day the units are asked to report by (DD/MM/YYYY); default in ten days.
        #[arg(long)]
        reply_by: Option<String>,
        /// PDF (PDF/A, tagged) or Word.
        #[arg(long, value_enum, default_value_t = LetterFormat::Pdf)]
        format: LetterFormat,
        /// The letters' date and the day statuses are computed on (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_iso_date, hide = true)]
        today: Option<jiff::civil::Date>,
    },
    /// Write a report sheet (.xlsx) for each lead unit to fill in and send back; `import`
    /// reads it back.
    Sheets {
        /// The dataset file.
        file: PathBuf,
        /// The folder to write the sheets into (made if missing).
        #[arg(short, long)]
        out: PathBuf,
        /// Only this unit's sheet.
        #[arg(long)]
        unit: Option<String>,
        /// The sheets' date and the day statuses are computed on (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_iso_date, hide = true)]
        today: Option<jiff::civil::Date>,
    },
    /// Write the directives' deadlines as an iCalendar file (.ics): one all-day event each,
    /// a reminder 3 days before, the same UIDs on every export.
    Calendar {
        /// The dataset file.
        file: PathBuf,
        /// Where to write it (.ics).
        #[arg(short, long)]
        out: PathBuf,
        /// Only the directives this unit leads or supports.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Write the A4 report or a chart to a file (PDF, SVG, PNG).
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
}

/// The file format of the follow-up letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LetterFormat {
    Pdf,
    Docx,
}

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The A4 report: in the administrative layout (Nghị định 30/2020) as PDF or Word, or
    /// the quick print as PDF — meeting, figures, charts, directives, results by unit.
    Report {
        /// The dataset file (.ron); without it, the built-in dataset.
        file: Option<PathBuf>,
        /// Where to write it; .pdf or .docx says the format.
        #[arg(short, long)]
        out: PathBuf,
        /// The administrative layout (the default) or the quick print.
        #[arg(long, value_enum, default_value_t = paper::Layout::Official)]
        layout: paper::Layout,
        /// The print date and the day statuses are computed on (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_iso_date)]
        today: Option<jiff::civil::Date>,
        /// The meeting whose directives are listed (its number); default the latest.
        #[arg(long, conflicts_with = "all_meetings")]
        meeting: Option<u32>,
        /// List the directives of every meeting.
        #[arg(long)]
        all_meetings: bool,
        /// Only directives not yet completed.
        #[arg(long)]
        open_only: bool,
        /// A4 landscape instead of portrait (the quick print; the administrative layout's
        /// appendix is landscape whenever it lists the directives).
        #[arg(long)]
        landscape: bool,
        /// Leave out the figures table.
        #[arg(long)]
        no_figures: bool,
        /// Leave out the charts.
        #[arg(long)]
        no_charts: bool,
        /// Leave out the directives table.
        #[arg(long)]
        no_directives: bool,
        /// Leave out the results by unit.
        #[arg(long)]
        no_units: bool,
    },
    /// The figures, zones, meetings, units and directives as an Excel workbook (.xlsx).
    Xlsx {
        /// The dataset file (.ron); without it, the built-in dataset.
        file: Option<PathBuf>,
        /// Where to write the workbook.
        #[arg(short, long)]
        out: PathBuf,
        /// The day directive statuses are computed on (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_iso_date)]
        today: Option<jiff::civil::Date>,
    },
    /// One chart alone: electricity, stone, timber, growth or zones.
    Chart {
        /// Which chart.
        chart: String,
        /// The dataset file (.ron); without it, the built-in dataset.
        file: Option<PathBuf>,
        /// Where to write it; .pdf, .svg or .png says the format.
        #[arg(short, long)]
        out: PathBuf,
        /// Resolution of a PNG, in dots per inch.
        #[arg(long, default_value_t = paper::DEFAULT_DPI)]
        dpi: u32,
    },
}

fn parse_iso_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse().map_err(|_| format!("{text:?}: YYYY-MM-DD"))
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
    // A first revision, so copies of this file given to colleagues share a version a
    // merge can start from.
    let meta = crate::files::lineage::FileMeta {
        revision: Some(crate::files::lineage::Revision::after(None)),
        ..Default::default()
    };
    match storage::save_with_meta(out_path, &builtin::dataset(), &meta) {
        Ok(text) => {
            if let (Some(store), Some(revision)) = (version_store(), &meta.revision) {
                store.keep(&revision.id, text.as_bytes());
            }
            let _ = writeln!(out, "{}", fill(&t.written, &[("file", &out_path.display())]));
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{}", error.describe(lang));
            ExitCode::FAILURE
        }
    }
}

/// `industry-desk export report|chart ...`.
pub fn export(
    what: ExportCommand,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    match run_export(what, lang) {
        Ok(path) => {
            let _ = writeln!(
                out,
                "{}",
                fill(&lang.strings().cli.written, &[("file", &path.display())])
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            let _ = writeln!(err, "{message}");
            ExitCode::FAILURE
        }
    }
}

fn run_export(what: ExportCommand, lang: Lang) -> Result<PathBuf, String> {
    let describe = |error: ExportError| error.describe(lang);
    match what {
        ExportCommand::Report {
            file,
            out,
            layout,
            today,
            meeting,
            all_meetings,
            open_only,
            landscape,
            no_figures,
            no_charts,
            no_directives,
            no_units,
        } => {
            let format = paper::ReportFormat::from_path(&out).map_err(describe)?;
            let dataset = load_input(file.as_deref(), &out, lang)?;
            let today = today.unwrap_or_else(|| jiff::Zoned::now().date());
            let mut options = ReportOptions::new(&dataset, today);
            if all_meetings {
                options.meeting = None;
            } else if let Some(id) = meeting {
                options.meeting = Some(MeetingId(id));
            }
            options.open_only = open_only;
            options.landscape = landscape;
            options.sections = Sections {
                figures: !no_figures,
                charts: !no_charts,
                directives: !no_directives,
                units: !no_units,
            };
            let bytes =
                paper::report_file(&dataset, &options, layout, format, lang).map_err(describe)?;
            paper::write_file(&out, &bytes).map_err(describe)?;
            Ok(out)
        }
        ExportCommand::Xlsx { file, out, today } => {
            let is_xlsx = out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            if is_xlsx.as_deref() != Some("xlsx") {
                return Err(fill(&lang.strings().export.not_xlsx, &[("file", &out.display())]));
            }
            let dataset = load_input(file.as_deref(), &out, lang)?;
            let today = today.unwrap_or_else(|| jiff::Zoned::now().date());
            let bytes = crate::interop::exchange::to_xlsx(&dataset, today, lang)
                .map_err(|error| describe(ExportError::Render { detail: error.to_string() }))?;
            paper::write_file(&out, &bytes).map_err(describe)?;
            Ok(out)
        }
        ExportCommand::Chart { chart, file, out, dpi } => {
            let format = ChartFormat::from_path(&out, dpi).map_err(describe)?;
            let dataset = load_input(file.as_deref(), &out, lang)?;
            // Any product of the file by its id, as well as growth and zones.
            let kind = ChartKind::from_slug(&chart, &dataset).ok_or_else(|| {
                let all = ChartKind::all(&dataset);
                let names: Vec<&str> = all.iter().map(ChartKind::slug).collect();
                fill(
                    &lang.strings().export.unknown_chart,
                    &[("chart", &chart), ("names", &names.join(", "))],
                )
            })?;
            let bytes = paper::chart_file(&dataset, &kind, format, lang).map_err(describe)?;
            paper::write_file(&out, &bytes).map_err(describe)?;
            Ok(out)
        }
    }
}

/// The dataset to export: the file's, or the built-in one. Refuses an output path that is
/// the data file itself, so a slip of the keyboard cannot replace data with a PDF.
fn load_input(file: Option<&Path>, out: &Path, lang: Lang) -> Result<Dataset, String> {
    let Some(file) = file else { return Ok(builtin::dataset()) };
    let dataset = storage::load(file).map_err(|error| error.describe(lang))?;
    let same = match (file.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(fill(&lang.strings().export.same_as_input, &[("file", &file.display())]));
    }
    Ok(dataset)
}

/// `industry-desk import FILE --into DATA.ron`.
pub fn import(
    file: &Path,
    into: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    use crate::interop::exchange::import;
    let t = &lang.strings().import;
    let (dataset, meta) = match storage::load_with_meta(into) {
        Ok(loaded) => loaded,
        Err(error) => {
            let _ = writeln!(err, "{}", error.describe(lang));
            return ExitCode::FAILURE;
        }
    };
    let sheets = match import::read(file) {
        Ok(sheets) => sheets,
        Err(error) => {
            let _ = writeln!(err, "{}", error.describe(file, lang));
            return ExitCode::FAILURE;
        }
    };
    let plan = crate::interop::exchange::plan_import(&dataset, &sheets, lang);
    let counts = crate::i18n::nonzero_counts(
        &[
            (&t.count_added, plan.added.len()),
            (&t.count_changed, plan.changed.len()),
            (&t.count_unchanged, plan.unchanged),
            (&t.count_refused, plan.refused.len()),
        ],
        ", ",
    );
    let summary = fill(&t.summary, &[("file", &file.display()), ("counts", &counts)]);
    let _ = writeln!(out, "{summary}");
    for line in plan.added.iter().chain(&plan.changed) {
        let _ = writeln!(out, "  {line}");
    }
    if !plan.refused.is_empty() {
        for refusal in &plan.refused {
            let line = fill(
                &t.refused_line,
                &[("sheet", &refusal.sheet), ("row", &refusal.row), ("reason", &refusal.reason)],
            );
            let _ = writeln!(err, "{line}");
        }
        let _ = writeln!(err, "{}", fill(&t.nothing_written, &[("file", &into.display())]));
        return ExitCode::FAILURE;
    }
    if let Some(action) = plan.action
        && let Err(message) = apply_and_save(into, dataset, meta, action, lang)
    {
        let _ = writeln!(err, "{message}");
        return ExitCode::FAILURE;
    }
    let _ = writeln!(out, "{}", fill(&t.imported, &[("file", &into.display())]));
    ExitCode::SUCCESS
}

/// `industry-desk intake NOTICE [--into DATA.ron] [--json]`.
pub fn intake(
    notice: &Path,
    into: Option<&Path>,
    meeting: Option<u32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    use crate::interop::intake::{self, Proposal, source};
    let t = &lang.strings().intake;
    let text = if notice == Path::new("-") {
        let mut bytes = Vec::new();
        use std::io::Read as _;
        let limited =
            std::io::stdin().lock().take(source::MAX_FILE_BYTES + 1).read_to_end(&mut bytes);
        match limited
            .map_err(|e| intake::IntakeError::Unreadable(e.to_string()))
            .and_then(|_| source::read_bytes(&bytes, None))
        {
            Ok(text) => text,
            Err(error) => {
                let _ = writeln!(err, "{}", error.describe(lang));
                return ExitCode::FAILURE;
            }
        }
    } else {
        match source::read_file(notice) {
            Ok(text) => text,
            Err(error) => {
                let _ = writeln!(err, "{}: {}", notice.display(), error.describe(lang));
                return ExitCode::FAILURE;
            }
        }
    };
    let (dataset, meta) = match into {
        Some(path) => match storage::load_with_meta(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                let _ = writeln!(err, "{}", error.describe(lang));
                return ExitCode::FAILURE;
            }
        },
        None => (Dataset::empty(), crate::files::lineage::FileMeta::default()),
    };
    let read = intake::read(&text, &dataset);
    if json {
        match serde_json::to_string_pretty(&read.json()) {
            Ok(json) => {
                let _ = writeln!(out, "{json}");
            }
            Err(error) => {
                let _ = writeln!(err, "{error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print_notice(&read, lang, out);
    }
    if read.items.is_empty() {
        let _ = writeln!(err, "{}", t.nothing_read);
        return ExitCode::FAILURE;
    }
    let Some(into) = into else { return ExitCode::SUCCESS };
    let file_name = (notice != Path::new("-"))
        .then(|| notice.file_name().map(|n| n.to_string_lossy().into_owned()))
        .flatten();
    let mut proposal = Proposal::new(read, &dataset, file_name);
    if let Some(number) = meeting {
        let id = MeetingId(number);
        if dataset.meeting(id).is_none() {
            let _ = writeln!(
                err,
                "{}",
                fill(&lang.strings().intake.cli_no_meeting, &[("number", &number)])
            );
            return ExitCode::FAILURE;
        }
        proposal.set_target(&dataset, Some(id));
    }
    let refuse = |err: &mut dyn Write, reason: &str| {
        let line = fill(&t.cli_nothing_written, &[("file", &into.display()), ("reason", &reason)]);
        let _ = writeln!(err, "{line}");
        ExitCode::FAILURE
    };
    let duplicates = proposal.directives.iter().filter(|d| d.duplicate.is_some()).count();
    if duplicates > 0 {
        let _ = writeln!(out, "{}", fill(&t.cli_duplicates, &[("count", &duplicates)]));
    }
    if let Some(meeting) = proposal.target.and_then(|id| dataset.meeting(id)) {
        let line = fill(
            &t.cli_into_meeting,
            &[("title", &meeting.title), ("date", &crate::format::date(meeting.date))],
        );
        let _ = writeln!(out, "{line}");
    }
    let action = match proposal.action(&dataset) {
        Ok(action) => action,
        Err(error) => return refuse(err, &error.describe(lang)),
    };
    let count = proposal.chosen();
    let units = proposal.new_units().len();
    if let Err(message) = apply_and_save(into, dataset, meta, action, lang) {
        return refuse(err, &message);
    }
    let line = fill(
        &t.cli_into,
        &[
            ("count", &count),
            ("units", &units),
            ("file", &into.display()),
            ("backup", &storage::backup_path(into).display()),
        ],
    );
    let _ = writeln!(out, "{line}");
    ExitCode::SUCCESS
}

/// The notice as read, for a person: the meeting, then each directive and its fields.
fn print_notice(notice: &crate::interop::intake::Notice, lang: Lang, out: &mut dyn Write) {
    let t = &lang.strings().intake;
    let unknown = t.cli_unknown.as_str();
    let title = if notice.title.is_empty() { unknown } else { notice.title.as_str() };
    let _ = writeln!(out, "{}", fill(&t.cli_meeting, &[("title", &title)]));
    let date = notice.date.map(crate::format::date);
    let line = fill(
        &t.cli_meeting_line,
        &[
            ("number", &notice.number.as_deref().unwrap_or(unknown)),
            ("date", &date.as_deref().unwrap_or(unknown)),
            ("chair", &notice.chair.as_deref().unwrap_or(unknown)),
        ],
    );
    let _ = writeln!(out, "{line}");
    if let Some(kind) = crate::interop::intake::genre::described(notice.kind, lang) {
        let _ = writeln!(out, "{kind}");
    }
    let _ = writeln!(out, "{}", fill(&t.cli_directives, &[("count", &notice.items.len())]));
    for (n, item) in notice.items.iter().enumerate() {
        let _ = writeln!(out, "{:>3}. {}", n + 1, item.text);
        let fields = &item.fields;
        let lead = fields.lead.as_ref().map_or(unknown, |l| l.unit.name.as_str());
        let supporting: Vec<&str> = fields.supporting.iter().map(|u| u.name.as_str()).collect();
        let supporting =
            if supporting.is_empty() { unknown.to_owned() } else { supporting.join("; ") };
        let deadline = match (&fields.deadline, &fields.standing) {
            (Some(deadline), _) => crate::format::date(deadline.date),
            (None, Some(words)) => fill(&t.standing, &[("words", words)]),
            (None, None) => t.no_deadline.clone(),
        };
        let line = fill(
            &t.cli_fields,
            &[("lead", &lead), ("supporting", &supporting), ("deadline", &deadline)],
        );
        let _ = writeln!(out, "     {line}");
    }
}

/// What `merge` is asked to do.
#[derive(Clone, Copy, Debug)]
pub struct MergeRequest<'a> {
    pub mine: &'a Path,
    pub other: &'a Path,
    pub base: Option<&'a Path>,
    pub out: &'a Path,
    pub prefer: Option<Prefer>,
}

/// `industry-desk merge MINE OTHER [--base BASE] -o OUT [--prefer mine|other]`.
pub fn merge(
    request: MergeRequest,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let MergeRequest { mine, other, base, out: out_path, prefer } = request;
    use crate::interop::merge::{self, Copy, Side};
    let t = &lang.strings().merge;
    let fail = |err: &mut dyn Write, message: String| {
        let _ = writeln!(err, "{message}");
        ExitCode::FAILURE
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(mine, other) {
        return fail(err, t.error_same.clone());
    }
    if same(out_path, mine) || same(out_path, other) {
        let message = fill(&lang.strings().export.same_as_input, &[("file", &out_path.display())]);
        return fail(err, message);
    }
    let load = |path: &Path| storage::load_with_meta(path).map_err(|e| e.describe(lang));
    let (mine_data, mine_meta) = match load(mine) {
        Ok(loaded) => loaded,
        Err(message) => return fail(err, message),
    };
    let (other_data, other_meta) = match load(other) {
        Ok(loaded) => loaded,
        Err(message) => return fail(err, message),
    };
    let base = match base {
        Some(path) => match load(path) {
            Ok((dataset, meta)) => Some((
                meta.revision.map(|r| r.id).unwrap_or_else(|| path.display().to_string()),
                dataset,
            )),
            Err(message) => return fail(err, message),
        },
        None => {
            let store = version_store();
            merge::find_base(
                (&mine_data, mine_meta.revision.as_ref(), true),
                (&other_data, other_meta.revision.as_ref()),
                None,
                store.as_ref(),
            )
        }
    };
    match &base {
        Some((id, _)) => {
            let _ = writeln!(out, "{}", fill(&t.cli_base, &[("base", id)]));
        }
        None => {
            let _ = writeln!(out, "{}", t.cli_no_base);
        }
    }
    let mine_copy = Copy { dataset: &mine_data, stamps: &mine_meta.stamps };
    let other_copy = Copy { dataset: &other_data, stamps: &other_meta.stamps };
    let mut merged = match merge::merge(base.as_ref().map(|(_, d)| d), mine_copy, other_copy, lang)
    {
        Ok(merged) => merged,
        Err(error) => return fail(err, error.describe(lang)),
    };
    let name =
        |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (mine_name, other_name) = (name(mine), name(other));
    for (side, file) in [(Side::Other, &other_name), (Side::Mine, &mine_name)] {
        let taken: Vec<_> = merged.taken.iter().filter(|t| t.side == side).collect();
        if taken.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", fill(&t.cli_from, &[("file", file), ("count", &taken.len())]));
        for taken in taken {
            let _ = writeln!(
                out,
                "  {}",
                crate::window::ui::merge_view::taken_words(taken, &merged, lang)
            );
        }
    }
    for renamed in &merged.renamed {
        let record = merge::renamed_words(renamed, &merged, lang);
        let to = crate::window::ui::merge_view::key_number(&renamed.to);
        let _ = writeln!(out, "  {}", fill(&t.renamed_line, &[("from", &record), ("to", &to)]));
    }
    for united in &merged.united {
        let _ = writeln!(
            out,
            "  {}",
            crate::window::ui::merge_view::united_words(united, &merged, lang)
        );
    }
    for conflict in &merged.conflicts {
        let (mine_data, other_data) = merged.copies();
        let line = fill(
            &t.cli_conflict,
            &[
                ("record", &merge::record_words(&conflict.key, mine_data, other_data, lang)),
                ("field", &crate::window::ui::merge_view::clash_words(&conflict.clash, lang)),
                ("mine_file", &mine_name),
                ("mine", &conflict.mine),
                ("other_file", &other_name),
                ("other", &conflict.other),
            ],
        );
        let _ = writeln!(out, "{line}");
    }
    match prefer {
        Some(Prefer::Mine) => merged.prefer(Side::Mine),
        Some(Prefer::Other) => merged.prefer(Side::Other),
        None if !merged.conflicts.is_empty() => {
            return fail(err, fill(&t.cli_unresolved, &[("count", &merged.conflicts.len())]));
        }
        None => {}
    }
    let resolved = merged.resolve();
    if let Some(problem) = resolved.problems.first() {
        return fail(err, fill(&t.cli_invalid, &[("problem", &problem.describe(lang))]));
    }
    let parents: Vec<&crate::files::lineage::Revision> =
        mine_meta.revision.iter().chain(other_meta.revision.iter()).collect();
    let meta = crate::files::lineage::FileMeta {
        revision: Some(crate::files::lineage::Revision::merging(&parents)),
        stamps: resolved.stamps,
    };
    match storage::save_with_meta(out_path, &resolved.dataset, &meta) {
        Ok(text) => {
            if let (Some(store), Some(revision)) = (version_store(), &meta.revision) {
                store.keep(&revision.id, text.as_bytes());
            }
        }
        Err(error) => return fail(err, error.describe(lang)),
    }
    let _ = writeln!(out, "{}", fill(&t.cli_written, &[("file", &out_path.display())]));
    ExitCode::SUCCESS
}

/// The store of the versions this machine opened and saved, shared with the window.
fn version_store() -> Option<crate::files::versions::VersionStore> {
    eframe::storage_dir("industry-desk")
        .map(|folder| crate::files::versions::VersionStore::in_data_folder(&folder))
}

/// Applies `action` to a file's data and writes it back as the window saves it: a new
/// revision descending from the file's, so a later merge finds their common version, and
/// the changed records stamped now; the version read and the one written go into the
/// store of versions, and `.bak` keeps the previous file.
fn apply_and_save(
    path: &Path,
    dataset: Dataset,
    meta: crate::files::lineage::FileMeta,
    action: crate::editing::action::Action,
    lang: Lang,
) -> Result<(), String> {
    let store = version_store();
    if let (Some(store), Some(revision)) = (&store, &meta.revision) {
        store.keep_file(&revision.id, path);
    }
    let mut document =
        crate::editing::document::Document::with_meta(dataset, Some(path.to_owned()), meta);
    document.apply(action).map_err(|error| error.describe(lang))?;
    let meta = document.meta_for_save();
    let text = storage::save_with_meta(path, document.dataset(), &meta)
        .map_err(|error| error.describe(lang))?;
    if let (Some(store), Some(revision)) = (&store, &meta.revision) {
        store.keep(&revision.id, text.as_bytes());
    }
    Ok(())
}

/// `industry-desk conflicts FILE`: the conflict copies beside it, one a line.
pub fn conflicts(file: &Path, lang: Lang, out: &mut dyn Write) -> ExitCode {
    let t = &lang.strings().merge;
    let copies = crate::files::conflicts::conflict_copies(file);
    if copies.is_empty() {
        let _ = writeln!(out, "{}", fill(&t.cli_no_conflicts, &[("file", &file.display())]));
        return ExitCode::SUCCESS;
    }
    let _ = writeln!(out, "{}", fill(&t.cli_conflicts_found, &[("file", &file.display())]));
    for copy in copies {
        let _ = writeln!(out, "  {}", copy.display());
    }
    ExitCode::SUCCESS
}
