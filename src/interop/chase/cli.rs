//! The command line of chasing the units: `letters`, `sheets` and `calendar`. Each loads the
//! data file, checks its arguments (an unknown unit with the names close to it, a reply date
//! that is not one or has passed, a meeting the file lacks), writes its files atomically and
//! lists them; a failure is a message and exit status 1 with nothing written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;

use super::{ReplyDateError, UnitWork};
use crate::files::storage;
use crate::i18n::{Lang, fill};
use crate::interop::paper::{self, ReportFormat};
use crate::model::{Dataset, Meeting, MeetingId};

/// What `letters` is asked for.
#[derive(Clone, Debug)]
pub struct LettersRequest {
    pub file: PathBuf,
    pub out: PathBuf,
    pub unit: Option<String>,
    pub meeting: Option<u32>,
    pub reply_by: Option<String>,
    pub format: ReportFormat,
    pub today: Option<Date>,
}

fn fail(err: &mut dyn Write, message: &str) -> ExitCode {
    let _ = writeln!(err, "{message}");
    ExitCode::FAILURE
}

/// The meeting asked for, or the latest.
pub fn meeting_of(dataset: &Dataset, number: Option<u32>, lang: Lang) -> Result<&Meeting, String> {
    let t = &lang.strings().chase;
    match number {
        Some(n) => {
            dataset.meeting(MeetingId(n)).ok_or_else(|| fill(&t.no_meeting, &[("number", &n)]))
        }
        None => dataset.latest_meeting().ok_or_else(|| t.no_meetings.clone()),
    }
}

/// The work to chase: every unit's, or the one named (refused with the close names).
pub fn work_of<'a>(
    dataset: &'a Dataset,
    meeting: Option<MeetingId>,
    unit: Option<&str>,
    today: Date,
    lang: Lang,
) -> Result<Vec<UnitWork<'a>>, String> {
    let t = &lang.strings().chase;
    let mut work = super::open_work(dataset, meeting, today);
    if let Some(name) = unit {
        let unit = named_unit(dataset, name, lang)?;
        work.retain(|w| w.unit.id == unit.id);
        if work.is_empty() {
            return Err(fill(&t.unit_nothing, &[("unit", &unit.name)]));
        }
    } else if work.is_empty() {
        return Err(t.no_letters.clone());
    }
    Ok(work)
}

/// The unit a name on the command line means, or a message with the names close to it
/// (every unit's name when none is close).
pub fn named_unit<'a>(
    dataset: &'a Dataset,
    name: &str,
    lang: Lang,
) -> Result<&'a crate::model::Unit, String> {
    let t = &lang.strings().chase;
    super::find_unit(dataset, name).map_err(|close| {
        if close.is_empty() {
            let all: Vec<&str> = dataset.units.iter().map(|u| u.name.as_str()).collect();
            fill(&t.unknown_unit_none, &[("name", &name), ("names", &all.join("; "))])
        } else {
            fill(&t.unknown_unit, &[("name", &name), ("names", &close.join("; "))])
        }
    })
}

/// A folder to write into: made if missing, refused if a file is there.
fn folder(out: &Path, lang: Lang) -> Result<(), String> {
    if out.exists() && !out.is_dir() {
        return Err(fill(&lang.strings().chase.not_a_folder, &[("folder", &out.display())]));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))
}

fn load(file: &Path, lang: Lang) -> Result<Dataset, String> {
    storage::load(file).map_err(|error| error.describe(lang))
}

/// `industry-desk letters DATA.ron -o DIR [--unit NAME] [--meeting N] [--reply-by DATE]`.
pub fn letters(
    request: LettersRequest,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    match write_letters(&request, lang) {
        Ok(lines) => {
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => fail(err, &message),
    }
}

fn write_letters(request: &LettersRequest, lang: Lang) -> Result<Vec<String>, String> {
    let t = &lang.strings().chase;
    let today = request.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let reply_by = match &request.reply_by {
        Some(text) => super::reply_date(text, today).map_err(|error| match error {
            ReplyDateError::NotADate => fill(&t.bad_reply, &[("text", text)]),
            ReplyDateError::Past(date) => fill(
                &t.past_reply,
                &[("date", &crate::format::date(date)), ("today", &crate::format::date(today))],
            ),
        })?,
        None => super::default_reply_date(today),
    };
    let dataset = load(&request.file, lang)?;
    let meeting = meeting_of(&dataset, request.meeting, lang)?;
    let work = work_of(&dataset, Some(meeting.id), request.unit.as_deref(), today, lang)?;
    folder(&request.out, lang)?;
    let options = paper::letter::LetterOptions { meeting, today, reply_by };
    let letters = render_letters(&dataset, &work, &options, request.format, lang)
        .map_err(|e| e.describe(lang))?;
    let mut lines = vec![fill(
        &t.letters_written,
        &[("count", &letters.len()), ("folder", &request.out.display())],
    )];
    for ((name, bytes), work) in letters.iter().zip(&work) {
        let path = request.out.join(name);
        paper::write_file(&path, bytes).map_err(|e| e.describe(lang))?;
        lines.push(format!(
            "  {}",
            fill(
                &t.letter_line,
                &[
                    ("file", &name),
                    ("unit", &work.unit.name),
                    ("counts", &work.counts(today, lang))
                ],
            )
        ));
    }
    Ok(lines)
}

/// Every unit's letter as a file name and its bytes, in the order of `work`.
pub fn render_letters(
    dataset: &Dataset,
    work: &[UnitWork<'_>],
    options: &paper::letter::LetterOptions<'_>,
    format: ReportFormat,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, paper::ExportError> {
    let units: Vec<&crate::model::Unit> = work.iter().map(|w| w.unit).collect();
    let stems = super::file_stems(&units);
    work.iter()
        .zip(stems)
        .map(|(work, stem)| {
            let letter = paper::letter::build(dataset, work, options, lang);
            let bytes = match format {
                ReportFormat::Pdf => paper::letter::pdf(&letter, options.today)?,
                ReportFormat::Docx => paper::letter::docx(&letter)?,
            };
            Ok((format!("{stem}.{}", format.extension()), bytes))
        })
        .collect()
}

/// `industry-desk calendar DATA.ron -o FILE.ics [--unit NAME]`.
pub fn calendar(
    file: &Path,
    out_path: &Path,
    unit: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let t = &lang.strings().chase;
    let is_ics = out_path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if is_ics.as_deref() != Some("ics") {
        return fail(err, &fill(&t.not_ics, &[("file", &out_path.display())]));
    }
    let dataset = match load(file, lang) {
        Ok(dataset) => dataset,
        Err(message) => return fail(err, &message),
    };
    let unit = match unit.map(|name| named_unit(&dataset, name, lang)) {
        None => None,
        Some(Ok(unit)) => Some(unit.id),
        Some(Err(message)) => return fail(err, &message),
    };
    let today = jiff::Zoned::now().date();
    let calendar = super::calendar::build(&dataset, unit, today, lang);
    if let Err(error) = paper::write_file(out_path, calendar.text.as_bytes()) {
        return fail(err, &error.describe(lang));
    }
    let line = fill(
        &t.calendar_written,
        &[
            ("count", &(calendar.open + calendar.done)),
            ("open", &calendar.open),
            ("done", &calendar.done),
            ("without", &calendar.without_deadline),
            ("file", &out_path.display()),
        ],
    );
    let _ = writeln!(out, "{line}");
    ExitCode::SUCCESS
}

/// `industry-desk sheets DATA.ron -o DIR [--unit NAME]`.
pub fn sheets(
    file: &Path,
    out_dir: &Path,
    unit: Option<&str>,
    today: Option<Date>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let t = &lang.strings().chase;
    let today = today.unwrap_or_else(|| jiff::Zoned::now().date());
    let result = (|| {
        let (dataset, meta) = storage::load_with_meta(file).map_err(|e| e.describe(lang))?;
        let work = work_of(&dataset, None, unit, today, lang)?;
        folder(out_dir, lang)?;
        let units: Vec<&crate::model::Unit> = work.iter().map(|w| w.unit).collect();
        let stems = super::file_stems(&units);
        let revision = meta.revision.as_ref().map(|r| r.id.as_str());
        let mut lines = vec![fill(
            &t.sheets_written,
            &[("count", &work.len()), ("folder", &out_dir.display())],
        )];
        for (work, stem) in work.iter().zip(stems) {
            let bytes = crate::interop::exchange::report_sheet::write(
                &dataset, work, revision, today, lang,
            )
            .map_err(|e| e.to_string())?;
            let name = format!("{stem}.xlsx");
            paper::write_file(&out_dir.join(&name), &bytes).map_err(|e| e.describe(lang))?;
            let line = fill(
                &t.sheet_line,
                &[("file", &name), ("unit", &work.unit.name), ("count", &work.led.len())],
            );
            lines.push(format!("  {line}"));
        }
        Ok::<_, String>(lines)
    })();
    match result {
        Ok(lines) => {
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => fail(err, &message),
    }
}
