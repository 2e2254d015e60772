//! Figures and directives read back from a workbook (.xlsx, through calamine) or a .csv,
//! as a plan the user sees before anything changes: what will be added, what changed, and
//! each refused row with its sheet, row number and reason. The plan's edits are one
//! [`Action`] — applied whole, undone in one step, or not at all.
//!
//! Sheets are found by their name, and columns by their header, in either language. Units
//! and meetings come first (directives name them), then figures, then directives. Every row
//! is tried on a scratch copy of the dataset, so a row the dataset would refuse is listed
//! as refused here instead of failing the whole import later.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use calamine::{Data, Reader};
use jiff::civil::Date;

use super::{
    basis_from_word, period_shape_from_word, qualifier_from_word, status_from_word,
    unit_kind_from_word,
};
use crate::editing::action::Action;
use crate::format::input::parse_number;
use crate::i18n::{ExchangeStrings, Lang, fill};
use crate::model::followup::fold;
use crate::model::{
    Change, Dataset, Directive, DirectiveId, Indicator, Meeting, MeetingId, Observation,
    ProgressNote, Unit, UnitId,
};

/// A spreadsheet file larger than this is refused before it is read.
pub const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

/// One cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(date) => crate::format::date(*date),
        }
    }
}

/// A sheet: its name and rows (the first is the header).
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Workbook(String),
    #[error("too large")]
    TooLarge(u64),
    #[error("unknown kind of file")]
    UnknownKind,
}

impl ReadError {
    /// The message, naming the file.
    pub fn describe(&self, path: &Path, lang: Lang) -> String {
        let t = &lang.strings().import;
        let what = match self {
            ReadError::Io(error) => error.to_string(),
            ReadError::Workbook(detail) => fill(&t.not_a_workbook, &[("detail", detail)]),
            ReadError::TooLarge(bytes) => fill(
                &t.too_large,
                &[("size", &crate::format::mebibytes(*bytes, lang)), ("max", &"20 MiB")],
            ),
            ReadError::UnknownKind => t.unknown_kind.clone(),
        };
        format!("{}: {what}", fill(&t.cannot_read, &[("file", &path.display())]))
    }
}

/// Reads every sheet of an .xlsx, or the one table of a .csv.
pub fn read(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge(size));
    }
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    match extension.as_deref() {
        Some("xlsx") => read_xlsx(&std::fs::read(path)?),
        Some("csv") => read_csv(&std::fs::read(path)?, name),
        _ => Err(ReadError::UnknownKind),
    }
}

/// Reads every sheet of an .xlsx file's bytes.
///
/// The workbook parser is third-party code fed whatever arrived by mail: a panic inside it
/// (fuzzing found an arithmetic overflow on a damaged cell reference, a panic where overflow
/// checks are on) is a refusal of the file, not the end of the window.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    std::panic::catch_unwind(|| parse_xlsx(bytes)).unwrap_or_else(|_| {
        Err(ReadError::Workbook("the workbook's structure is damaged".to_owned()))
    })
}

fn parse_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Workbook(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| ReadError::Workbook(e.to_string()))?;
        let rows = range.rows().map(|row| row.iter().map(cell_of).collect()).collect();
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) if text.trim().is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(value) => {
            serial_date(value.as_f64()).map_or(Cell::Number(value.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(text) => {
            text.get(..10).and_then(|d| d.parse().ok()).map_or(Cell::Text(text.clone()), Cell::Date)
        }
        other => Cell::Text(other.to_string()),
    }
}

/// An Excel day number (days since 1899-12-30) as a date.
fn serial_date(serial: f64) -> Option<Date> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = jiff::civil::date(1899, 12, 30);
    epoch.checked_add(jiff::Span::new().days(serial.floor() as i64)).ok()
}

/// Reads the one table of a .csv file's bytes as a sheet called `name`.
pub fn read_csv(bytes: &[u8], name: String) -> Result<Vec<Sheet>, ReadError> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| ReadError::Workbook("not UTF-8".to_owned()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Spreadsheets in Vietnamese locales write ';' between fields (',' is the decimal mark).
    let first_line = text.lines().next().unwrap_or("");
    let delimiter =
        if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Workbook(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.trim().is_empty() { Cell::Empty } else { Cell::Text(field.to_owned()) }
                })
                .collect(),
        );
    }
    Ok(vec![Sheet { name, rows }])
}

/// A row that will not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub sheet: String,
    /// As the spreadsheet numbers it (the header is row 1).
    pub row: usize,
    pub reason: String,
}

/// What an import will do, shown before it is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// One line per added row ("Số liệu, dòng 3: Điện thương phẩm, 6 tháng đầu năm 2020").
    pub added: Vec<String>,
    pub changed: Vec<String>,
    /// Rows equal to what the dataset already has.
    pub unchanged: usize,
    pub refused: Vec<Refusal>,
    /// Every accepted edit as one step; `None` when there is nothing to do.
    pub action: Option<Action>,
}

/// The kinds of sheet an import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SheetKind {
    Units,
    Meetings,
    Figures,
    Directives,
}

fn both() -> [&'static ExchangeStrings; 2] {
    [&Lang::Vi.strings().exchange, &Lang::En.strings().exchange]
}

/// Which sheet this is: by its name, else (a .csv) by its header.
fn kind_of(sheet: &Sheet) -> Option<SheetKind> {
    let name = fold(sheet.name.trim());
    for t in both() {
        let named = [
            (&t.sheet_units, SheetKind::Units),
            (&t.sheet_meetings, SheetKind::Meetings),
            (&t.sheet_figures, SheetKind::Figures),
            (&t.sheet_directives, SheetKind::Directives),
        ];
        if let Some((_, kind)) = named.iter().find(|(n, _)| fold(n) == name) {
            return Some(*kind);
        }
    }
    let header: HashSet<String> = sheet.rows.first()?.iter().map(|c| fold(&c.text())).collect();
    both().into_iter().find_map(|t| {
        if header.contains(&fold(&t.indicator_id)) {
            Some(SheetKind::Figures)
        } else if header.contains(&fold(&t.directive_id)) {
            Some(SheetKind::Directives)
        } else {
            None
        }
    })
}

/// A row's cells by column key.
struct Row<'a> {
    cells: &'a [Cell],
    columns: &'a HashMap<&'static str, usize>,
}

impl Row<'_> {
    fn get(&self, key: &str) -> &Cell {
        self.columns.get(key).and_then(|&i| self.cells.get(i)).unwrap_or(&Cell::Empty)
    }

    fn text(&self, key: &str) -> String {
        self.get(key).text()
    }
}

/// The column keys of a sheet kind, with their headers in a language.
fn keys(kind: SheetKind, t: &'static ExchangeStrings) -> Vec<(&'static str, &'static str)> {
    match kind {
        SheetKind::Units => {
            vec![("unit_id", &t.unit_id), ("unit_name", &t.unit_name), ("unit_kind", &t.unit_kind)]
        }
        SheetKind::Meetings => vec![
            ("meeting_id", &t.meeting_id),
            ("title", &t.title),
            ("date", &t.date),
            ("chair", &t.chair),
            ("reporting_body", &t.reporting_body),
            ("attendees", &t.attendees),
        ],
        SheetKind::Figures => vec![
            ("indicator_id", &t.indicator_id),
            ("indicator", &t.indicator),
            ("indicator_en", &t.indicator_en),
            ("unit", &t.unit),
            ("period_kind", &t.period_kind),
            ("year", &t.year),
            ("period_part", &t.period_part),
            ("value", &t.value),
            ("qualifier", &t.qualifier),
            ("change", &t.change),
            ("change_qualifier", &t.change_qualifier),
            ("basis", &t.basis),
            ("figure_status", &t.figure_status),
            ("source", &t.source),
        ],
        SheetKind::Directives => vec![
            ("directive_id", &t.directive_id),
            ("meeting_id", &t.meeting_id),
            ("text", &t.text),
            ("addressees", &t.addressees),
            ("lead", &t.lead),
            ("supporting", &t.supporting),
            ("deadline", &t.deadline),
            ("expected_output", &t.expected_output),
            ("completed_on", &t.completed_on),
            ("progress", &t.progress),
        ],
    }
    .into_iter()
    .map(|(key, header)| (key, header.as_str()))
    .collect()
}

/// The columns that must be there.
fn required(kind: SheetKind) -> &'static [&'static str] {
    match kind {
        SheetKind::Units => &["unit_id", "unit_name"],
        SheetKind::Meetings => &["meeting_id", "title", "date"],
        SheetKind::Figures => &["indicator_id", "period_kind", "year", "value"],
        SheetKind::Directives => &["directive_id", "meeting_id", "text"],
    }
}

/// Plans the import of `sheets`, a workbook of records, into `dataset`. A returned report
/// sheet is an answer instead: [`super::plan_import`] tells the two apart.
pub fn plan(dataset: &Dataset, sheets: &[Sheet], lang: Lang) -> Plan {
    let t = &lang.strings().import;
    let mut plan = Plan::default();
    let mut scratch = dataset.clone();
    let mut actions = Vec::new();
    let mut known: Vec<(SheetKind, &Sheet)> =
        sheets.iter().filter_map(|s| kind_of(s).map(|k| (k, s))).collect();
    if known.is_empty() {
        plan.refused.push(Refusal {
            sheet: sheets.first().map(|s| s.name.clone()).unwrap_or_default(),
            row: 1,
            reason: t.no_known_sheet.clone(),
        });
        return plan;
    }
    known.sort_by_key(|(kind, _)| *kind as u8);
    for (kind, sheet) in known {
        let Some(header) = sheet.rows.first() else { continue };
        let mut columns: HashMap<&'static str, usize> = HashMap::new();
        for (index, cell) in header.iter().enumerate() {
            let title = fold(&cell.text());
            for t in both() {
                if let Some((key, _)) = keys(kind, t).into_iter().find(|(_, h)| fold(h) == title) {
                    columns.entry(key).or_insert(index);
                }
            }
        }
        let headers = keys(kind, &lang.strings().exchange);
        let missing: Vec<&str> = required(kind)
            .iter()
            .filter(|key| !columns.contains_key(*key))
            .filter_map(|key| headers.iter().find(|(k, _)| k == key).map(|(_, h)| *h))
            .collect();
        if !missing.is_empty() {
            let reason = fill(&t.missing_columns, &[("columns", &missing.join(", "))]);
            plan.refused.push(Refusal { sheet: sheet.name.clone(), row: 1, reason });
            continue;
        }
        let mut seen = HashSet::new();
        for (index, cells) in sheet.rows.iter().enumerate().skip(1) {
            if cells.iter().all(|c| *c == Cell::Empty) {
                continue;
            }
            let row = Row { cells, columns: &columns };
            let line = index + 1;
            let refuse = |plan: &mut Plan, reason: String| {
                plan.refused.push(Refusal { sheet: sheet.name.clone(), row: line, reason });
            };
            let outcome = match kind {
                SheetKind::Units => unit_row(&row, &scratch, lang),
                SheetKind::Meetings => meeting_row(&row, &scratch, lang),
                SheetKind::Figures => figure_row(&row, &scratch, lang),
                SheetKind::Directives => directive_row(&row, &scratch, lang),
            };
            let (key, edit) = match outcome {
                Ok(found) => found,
                Err(reason) => {
                    refuse(&mut plan, reason);
                    continue;
                }
            };
            if !seen.insert(key.clone()) {
                refuse(&mut plan, fill(&t.duplicate_row, &[("key", &key)]));
                continue;
            }
            let described = format!("{}, {} {line}: {key}", sheet.name, t.row);
            match edit {
                Edit::Unchanged => plan.unchanged += 1,
                Edit::Add(action) => match action.clone().apply(&mut scratch) {
                    Ok(_) => {
                        actions.push(action);
                        plan.added.push(described);
                    }
                    Err(error) => refuse(&mut plan, error.describe(lang)),
                },
                Edit::Change(action) => match action.clone().apply(&mut scratch) {
                    Ok(_) => {
                        actions.push(action);
                        plan.changed.push(described);
                    }
                    Err(error) => refuse(&mut plan, error.describe(lang)),
                },
            }
        }
    }
    if !actions.is_empty() {
        plan.action = Some(Action::Batch(actions));
    }
    plan
}

/// What a row asks for.
enum Edit {
    Unchanged,
    Add(Action),
    Change(Action),
}

type RowOutcome = Result<(String, Edit), String>;

fn number(row: &Row, key: &str, label: &str, lang: Lang) -> Result<Option<f64>, String> {
    match row.get(key) {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        cell => {
            let text = cell.text();
            parse_number(&text, lang)
                .map(Some)
                .map_err(|e| format!("{label}: {}", e.describe(&text, lang)))
        }
    }
}

fn id_cell(row: &Row, key: &str, label: &str, lang: Lang) -> Result<u32, String> {
    let t = &lang.strings().import;
    let value =
        number(row, key, label, lang)?.ok_or_else(|| fill(&t.empty_cell, &[("column", &label)]))?;
    if value.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&value) {
        return Err(fill(&t.bad_id, &[("column", &label), ("text", &row.text(key))]));
    }
    Ok(value as u32)
}

fn date(row: &Row, key: &str, label: &str, lang: Lang) -> Result<Option<Date>, String> {
    match row.get(key) {
        Cell::Empty => Ok(None),
        Cell::Date(date) => Ok(Some(*date)),
        Cell::Number(n) => serial_date(*n).map(Some).ok_or_else(|| {
            fill(&lang.strings().import.bad_date, &[("column", &label), ("text", &n)])
        }),
        cell => {
            let text = cell.text();
            crate::format::parse_date(&text).or_else(|| text.parse().ok()).map(Some).ok_or_else(
                || fill(&lang.strings().import.bad_date, &[("column", &label), ("text", &text)]),
            )
        }
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn unit_row(row: &Row, dataset: &Dataset, lang: Lang) -> RowOutcome {
    let t = &lang.strings().exchange;
    let id = UnitId(id_cell(row, "unit_id", &t.unit_id, lang)?);
    let name = row.text("unit_name");
    let kind = match row.text("unit_kind") {
        text if text.is_empty() => crate::model::UnitKind::Department,
        text => unit_kind_from_word(&text).ok_or_else(|| {
            fill(&lang.strings().import.bad_word, &[("column", &t.unit_kind), ("text", &text)])
        })?,
    };
    let unit = Unit { id, name: name.clone(), kind };
    match dataset.unit(id) {
        Some(existing) if *existing == unit => Ok((name, Edit::Unchanged)),
        Some(_) => Err(fill(&lang.strings().import.unit_taken, &[("id", &id.0)])),
        None => Ok((name, Edit::Add(Action::AddUnit(unit)))),
    }
}

fn meeting_row(row: &Row, dataset: &Dataset, lang: Lang) -> RowOutcome {
    let t = &lang.strings().exchange;
    let id = MeetingId(id_cell(row, "meeting_id", &t.meeting_id, lang)?);
    let date = date(row, "date", &t.date, lang)?
        .ok_or_else(|| fill(&lang.strings().import.empty_cell, &[("column", &t.date)]))?;
    let key = format!("{} {}", crate::format::date(date), row.text("title"));
    match dataset.meeting(id) {
        // Meetings are only added: a meeting's details are edited in the app.
        Some(_) => Ok((key, Edit::Unchanged)),
        None => Ok((
            key,
            Edit::Add(Action::AddMeeting(Box::new(Meeting {
                id,
                title: row.text("title"),
                date,
                chair: row.text("chair"),
                attendees: lines(&row.text("attendees")),
                reporting_body: row.text("reporting_body"),
                topics: Vec::new(),
                assessment: Vec::new(),
                source_ref: String::new(),
            }))),
        )),
    }
}

fn figure_row(row: &Row, dataset: &Dataset, lang: Lang) -> RowOutcome {
    let t = &lang.strings().exchange;
    let i = &lang.strings().import;
    let bad_word =
        |key: &str, label: &str| fill(&i.bad_word, &[("column", &label), ("text", &row.text(key))]);
    let indicator_id = row.text("indicator_id");
    if indicator_id.is_empty() {
        return Err(fill(&i.empty_cell, &[("column", &t.indicator_id)]));
    }
    let shape = period_shape_from_word(&row.text("period_kind"))
        .ok_or_else(|| bad_word("period_kind", &t.period_kind))?;
    let year = number(row, "year", &t.year, lang)?
        .ok_or_else(|| fill(&i.empty_cell, &[("column", &t.year)]))?;
    let part = number(row, "period_part", &t.period_part, lang)?.unwrap_or(0.0);
    let (year, part) = (year as i16, part as u8);
    let period = shape.period(year, part);
    if !period.is_valid() {
        return Err(fill(&i.bad_period, &[("year", &year), ("part", &part)]));
    }
    let value = number(row, "value", &t.value, lang)?
        .ok_or_else(|| fill(&i.empty_cell, &[("column", &t.value)]))?;
    let qualifier = qualifier_from_word(&row.text("qualifier"))
        .ok_or_else(|| bad_word("qualifier", &t.qualifier))?;
    let change = match number(row, "change", &t.change, lang)? {
        None => None,
        Some(percent) => Some(Change {
            percent,
            qualifier: qualifier_from_word(&row.text("change_qualifier"))
                .ok_or_else(|| bad_word("change_qualifier", &t.change_qualifier))?,
        }),
    };
    let basis = match row.text("basis") {
        text if text.is_empty() => crate::model::Basis::Reported,
        text => basis_from_word(&text).ok_or_else(|| bad_word("basis", &t.basis))?,
    };
    let status = match row.text("figure_status") {
        text if text.is_empty() => crate::model::FigureStatus::Estimate,
        text => {
            status_from_word(&text).ok_or_else(|| bad_word("figure_status", &t.figure_status))?
        }
    };
    let observation = Observation {
        period,
        value,
        qualifier,
        change,
        basis,
        status,
        source_ref: row.text("source"),
    };
    let key = format!("{indicator_id}, {}", crate::format::period_long(period, lang));
    let put = Action::PutObservation {
        indicator: indicator_id.clone(),
        observation: Box::new(observation.clone()),
    };
    match dataset.indicator(&indicator_id) {
        None => {
            let name = row.text("indicator");
            let unit = row.text("unit");
            let indicator = Indicator {
                id: indicator_id.clone(),
                name: if name.is_empty() { indicator_id.clone() } else { name },
                name_en: row.text("indicator_en"),
                unit,
                observations: vec![observation],
            };
            Ok((key, Edit::Add(Action::AddIndicator(Box::new(indicator)))))
        }
        Some(indicator) => match indicator.observation(period) {
            Some(existing) if *existing == observation => Ok((key, Edit::Unchanged)),
            Some(_) => Ok((key, Edit::Change(put))),
            None => Ok((key, Edit::Add(put))),
        },
    }
}

fn directive_row(row: &Row, dataset: &Dataset, lang: Lang) -> RowOutcome {
    let t = &lang.strings().exchange;
    let i = &lang.strings().import;
    let id = DirectiveId(id_cell(row, "directive_id", &t.directive_id, lang)?);
    let meeting_id = MeetingId(id_cell(row, "meeting_id", &t.meeting_id, lang)?);
    if dataset.meeting(meeting_id).is_none() {
        return Err(fill(&i.no_meeting, &[("id", &meeting_id.0)]));
    }
    let by_name = |name: &str| {
        let folded = fold(name);
        dataset
            .units
            .iter()
            .find(|u| fold(&u.name) == folded)
            .map(|u| u.id)
            .ok_or_else(|| fill(&i.no_unit, &[("name", &name)]))
    };
    let units = |key: &str| -> Result<Vec<UnitId>, String> {
        lines(&row.text(key)).iter().map(|name| by_name(name)).collect()
    };
    let lead = match row.text("lead") {
        name if name.is_empty() => None,
        name => Some(by_name(&name)?),
    };
    let mut progress = Vec::new();
    for line in lines(&row.text("progress")) {
        let (day, text) = line
            .split_once(": ")
            .and_then(|(d, text)| Some((crate::format::parse_date(d)?, text)))
            .ok_or_else(|| fill(&i.bad_progress, &[("text", &line)]))?;
        progress.push(ProgressNote { date: day, text: text.to_owned() });
    }
    let directive = Directive {
        id,
        meeting_id,
        text: row.text("text"),
        addressees: units("addressees")?,
        lead_unit: lead,
        supporting_units: units("supporting")?,
        deadline: date(row, "deadline", &t.deadline, lang)?,
        expected_output: row.text("expected_output"),
        progress,
        completed_on: date(row, "completed_on", &t.completed_on, lang)?,
    };
    let short: String = directive.text.chars().take(60).collect();
    let key = format!("{} {}: {short}", t.directive_id, id.0);
    if let Some(problem) = dataset.directive_problems(&directive).first() {
        return Err(problem.describe(lang));
    }
    match dataset.directive(id) {
        Some(existing) if *existing == directive => Ok((key, Edit::Unchanged)),
        Some(_) => Ok((key, Edit::Change(Action::ReplaceDirective(Box::new(directive))))),
        None => Ok((
            key,
            Edit::Add(Action::InsertDirective {
                index: usize::MAX,
                directive: Box::new(directive),
            }),
        )),
    }
}
