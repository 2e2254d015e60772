//! The UI's words in Vietnamese (default) and English.
//!
//! Every string the app shows comes from `assets/i18n/vi.ron` or `en.ron`, parsed into the
//! typed [`Strings`] once per language. A missing or misspelt key fails the parse, which a
//! unit test runs, so the two files can't drift apart. Templates name their arguments in
//! braces (`"Không mở được {file}"`) and are filled by [`fill`].

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language of the UI.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// This language's strings.
    pub fn strings(self) -> &'static Strings {
        static VI: OnceLock<Strings> = OnceLock::new();
        static EN: OnceLock<Strings> = OnceLock::new();
        let (cell, text) = match self {
            Lang::Vi => (&VI, include_str!("../assets/i18n/vi.ron")),
            Lang::En => (&EN, include_str!("../assets/i18n/en.ron")),
        };
        cell.get_or_init(|| {
            parse(text).unwrap_or_else(|err| panic!("built-in {self:?} strings: {err}"))
        })
    }
}

fn parse(text: &str) -> Result<Strings, ron::error::SpannedError> {
    ron::Options::default().from_str(text)
}

/// Replaces each `{name}` in `template` by its value.
/// The parts of a summary whose count is not zero, each template filled with its
/// `{count}`, joined by `separator` ("2 dòng thêm, 1 dòng sửa", not "…, 0 dòng bị từ
/// chối"). When every count is zero the first part is said, zero and all.
pub fn nonzero_counts(parts: &[(&str, usize)], separator: &str) -> String {
    let said: Vec<String> = parts
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(template, count)| fill(template, &[("count", count)]))
        .collect();
    match (said.is_empty(), parts.first()) {
        (true, Some((template, count))) => fill(template, &[("count", count)]),
        _ => said.join(separator),
    }
}

pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// All strings of one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub language_name: String,
    pub app: AppStrings,
    pub menu: MenuStrings,
    pub tabs: TabStrings,
    pub overview: OverviewStrings,
    pub figures: FigureStrings,
    pub zones: ZoneStrings,
    pub directives: DirectiveStrings,
    pub status: StatusStrings,
    pub charts: ChartStrings,
    pub words: Words,
    pub problems: ProblemStrings,
    pub load: LoadStrings,
    pub save: SaveStrings,
    pub cli: CliStrings,
    pub report: ReportStrings,
    pub export: ExportStrings,
    pub input: InputStrings,
    pub figures_editor: FiguresEditorStrings,
    pub exchange: ExchangeStrings,
    pub import: ImportStrings,
    pub record_forms: RecordFormStrings,
    pub recovery: RecoveryStrings,
    pub official: OfficialStrings,
    pub clip: ClipStrings,
    pub intake: IntakeStrings,
    pub merge: MergeStrings,
    pub calendar: CalendarStrings,
    pub help: HelpStrings,
    pub chase: ChaseStrings,
}

/// The calendar beside the date fields.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarStrings {
    pub open: String,
    pub previous_month: String,
    pub next_month: String,
    /// "{month} năm {year}", with `months`' name.
    pub month_year: String,
    pub months: Vec<String>,
    /// Monday first.
    pub weekdays_short: Vec<String>,
    pub weekdays: Vec<String>,
    pub today: String,
}

/// The short guide (F1) and the About box.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpStrings {
    pub menu: String,
    pub guide: String,
    pub guide_title: String,
    /// Each part of the guide: its title and its text; `{data}` in a text is the data folder.
    pub sections: Vec<(String, String)>,
    pub about: String,
    pub about_title: String,
    pub about_body: String,
    pub version: String,
    pub data_folder: String,
    pub no_data_folder: String,
    pub fonts: String,
    pub font_line: String,
    pub licence: String,
    pub close: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppStrings {
    pub name: String,
    pub untitled: String,
    pub builtin: String,
    pub unsaved_title: String,
    pub unsaved_body: String,
    pub save: String,
    pub discard: String,
    pub cancel: String,
    pub ok: String,
    pub error_title: String,
    pub opened: String,
    /// A large file being read in the background; `{file}`.
    pub opening: String,
    pub nothing_to_undo: String,
    pub nothing_to_redo: String,
    pub undone: String,
    pub redone: String,
    pub no_dialog: String,
    pub path_prompt_open: String,
    pub path_prompt_save: String,
    pub path_label: String,
    pub problems_title: String,
    pub language: String,
    pub dismiss: String,
    pub changed_title: String,
    pub changed_body: String,
    pub overwrite: String,
    pub save_elsewhere: String,
}

/// The report in the official layout (Nghị định 30/2020): its fixed words and the
/// sentences made from the data.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialStrings {
    /// Quốc hiệu.
    pub nation: String,
    /// Tiêu ngữ.
    pub motto: String,
    /// `{number}` (`05/BC-SCT`).
    pub number: String,
    /// `{place}`, `{day}` (1…31), `{day2}` (01…31), `{month}` (a name of `months`),
    /// `{year}`.
    pub place_date: String,
    /// The same without a place.
    pub date_only: String,
    /// The months as dates write them (Vietnamese: 01, 02, then 3…12, as the decree asks).
    pub months: [String; 12],
    pub kind: String,
    /// The subject for one meeting: `{date}`.
    pub subject_meeting: String,
    /// The subject for every meeting.
    pub subject_all: String,
    /// `{addressee}`.
    pub addressee: String,
    /// `{chair}`, `{date}`, `{title}`, `{issuer}`.
    pub intro_meeting: String,
    /// `{date}`, `{title}`, `{issuer}` (no chair named).
    pub intro_meeting_no_chair: String,
    /// `{issuer}`.
    pub intro_all: String,
    pub section_production: String,
    pub sub_output: String,
    /// `{period}`, `{list}`.
    pub output_common_period: String,
    /// `{list}` (the figures are of different periods).
    pub output_mixed_periods: String,
    /// `{name}`, `{value}`.
    pub reached: String,
    /// `{name}`, `{period}`, `{value}`.
    pub reached_in: String,
    /// A derived figure: `{name}`, `{value}`.
    pub derived: String,
    /// `{change}` (`tăng 9,5%`), `{year}`.
    pub against_year: String,
    /// `{change}`.
    pub against: String,
    /// `{qualifier}` (`gần `), `{percent}`.
    pub up: String,
    pub down: String,
    pub level: String,
    pub no_figures: String,
    pub sub_zones: String,
    /// `{list}`.
    pub zones: String,
    /// `{name}`, `{area}`.
    pub zone_with_area: String,
    /// `{name}`.
    pub zone_without_area: String,
    /// `{count}` zones counted together: `{count}`, `{name}`.
    pub zone_group: String,
    /// `{n}`, `{title}`.
    pub figure: String,
    pub section_directives: String,
    /// One status's part of the report's count: "9 nhiệm vụ chưa có thời hạn".
    pub directive_count: String,
    /// The count when there is no directive at all.
    pub no_directives_counted: String,
    /// `{total}`, `{list}`.
    pub directive_counts: String,
    /// `{appendix}`.
    pub see_appendix: String,
    pub open_only: String,
    /// `{issuer}`, `{addressee}`.
    pub closing: String,
    pub recipients: String,
    pub appendix: String,
    pub appendix_title: String,
    /// `{number}`, `{date}` (as `date_only` writes it), `{issuer}`.
    pub appendix_note: String,
    pub appendix_directives: String,
    pub appendix_units: String,
    pub col_number: String,
    pub col_text: String,
    pub col_lead: String,
    pub col_support: String,
    pub col_deadline: String,
    pub col_progress: String,
    pub none: String,
    /// The status words of follow-up reports, in `DirectiveStatus` order: done on time,
    /// done late, in progress, overdue, no deadline.
    pub statuses: [String; 5],
    /// The letterhead form reached from the print dialog.
    pub form_title: String,
    pub form_open: String,
    pub form_parent: String,
    pub form_issuer: String,
    pub form_symbol: String,
    pub form_number: String,
    pub form_number_hint: String,
    pub form_place: String,
    pub form_addressee: String,
    pub form_recipients: String,
    pub form_authority: String,
    pub form_signer_title: String,
    pub form_signer_name: String,
    pub form_save: String,
    pub form_reset: String,
    pub form_bad_number: String,
    pub form_saved: String,
    /// Back from the form to the print dialog.
    pub form_back: String,
    /// The print dialog's choices.
    pub layout: String,
    pub layout_official: String,
    pub layout_quick: String,
    pub format: String,
    pub format_pdf: String,
    pub format_docx: String,
}

/// Copying charts and tables to the clipboard.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClipStrings {
    pub copy_chart: String,
    /// The button's name for screen readers and tests: `{name}`.
    pub copy_chart_named: String,
    pub copy_table: String,
    /// `{name}`.
    pub copy_table_named: String,
    pub drawing: String,
    /// `{name}`.
    pub copied_chart: String,
    /// `{name}`, `{rows}`.
    pub copied_table: String,
    /// `{error}`.
    pub failed: String,
}

/// Saving, recovery copies and their offer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryStrings {
    /// The status bar while a save is written.
    pub saving: String,
    /// After a save: `{time}` (10:42), `{file}`.
    pub saved_at: String,
    /// File menu: look for crashed copies.
    pub menu: String,
    pub title: String,
    /// `{file}`, `{written}`.
    pub body: String,
    /// "Bản sao 1/3": `{n}`, `{count}`.
    pub position: String,
    /// The file name of work never saved.
    pub never_saved: String,
    /// `{changes}`.
    pub against_file: String,
    /// `{changes}`.
    pub against_builtin: String,
    pub file_changed_since: String,
    /// `{error}`.
    pub file_unreadable: String,
    /// `{error}`.
    pub copy_unreadable: String,
    pub restore: String,
    pub discard: String,
    pub later: String,
    /// Why Restore is greyed out.
    pub save_first: String,
    pub restored: String,
    /// Other copies left for later after one was restored: `{count}`.
    pub others_later: String,
    pub none_found: String,
    /// Control characters removed from pasted text: `{count}`.
    pub controls_removed: String,
    /// What a copy changed, by kind and verb.
    pub changes: ChangeWords,
}

/// The words of a summary of changes ("3 nhiệm vụ, 1 số liệu đã sửa").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeWords {
    /// Each kind as (one, several).
    pub directive: (String, String),
    pub figure: (String, String),
    pub meeting: (String, String),
    pub unit: (String, String),
    pub zone: (String, String),
    pub indicator: (String, String),
    /// `{list}` changed.
    pub changed: String,
    /// `{list}` added.
    pub added: String,
    /// `{list}` removed.
    pub removed: String,
    pub general: String,
    pub reordered: String,
    pub nothing: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuStrings {
    pub file: String,
    pub edit: String,
    pub view: String,
    pub new_from_sample: String,
    pub open: String,
    pub save: String,
    pub save_as: String,
    pub quit: String,
    pub undo: String,
    pub redo: String,
    pub new_directive: String,
    pub find: String,
    pub recent: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TabStrings {
    pub overview: String,
    pub output: String,
    pub zones: String,
    pub directives: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverviewStrings {
    pub meeting: String,
    pub date: String,
    pub chair: String,
    pub attendees: String,
    pub reporting_body: String,
    pub topics: String,
    pub assessment: String,
    pub figures: String,
    /// The meeting selector's first choice, which follows the latest meeting.
    pub latest_meeting: String,
    /// The figures table's title with the period the meeting reviewed.
    pub figures_of: String,
    /// Said above the card when the file has no figures of the period the meeting reviewed.
    pub no_reviewed_figures: String,
    pub no_meeting: String,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureStrings {
    pub indicator: String,
    pub period: String,
    pub value: String,
    pub qualifier: String,
    pub change: String,
    pub basis: String,
    pub status: String,
    pub source: String,
    pub no_figures: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneStrings {
    pub title: String,
    pub name: String,
    pub kind: String,
    pub area: String,
    pub count: String,
    pub note: String,
    pub no_area: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectiveStrings {
    pub title: String,
    pub number: String,
    pub text: String,
    pub addressees: String,
    pub lead: String,
    pub deadline: String,
    pub status: String,
    pub done: String,
    pub done_label: String,
    pub deadline_label: String,
    pub deadline_hint: String,
    pub bad_date: String,
    pub none: String,
    pub count: String,
    pub missing_unit: String,
    pub view_list: String,
    pub view_by_unit: String,
    pub search: String,
    pub search_hint: String,
    pub all_meetings: String,
    pub all_units: String,
    pub all_statuses: String,
    pub due_soon: String,
    pub due_from: String,
    pub due_to: String,
    pub sort: String,
    pub sort_file: String,
    pub sort_deadline: String,
    pub sort_status: String,
    pub sort_unit: String,
    pub clear_filter: String,
    pub meeting_filter: String,
    pub unit_filter: String,
    pub status_filter: String,
    pub sort_label: String,
    pub due_soon_days: String,
    pub add: String,
    pub new_text: String,
    pub new_unit_kind: String,
    pub meeting_of_directive: String,
    pub lead_of_directive: String,
    pub new_title: String,
    pub add_to_list: String,
    pub duplicate: String,
    pub delete: String,
    pub move_up: String,
    pub move_down: String,
    pub none_selected: String,
    pub nothing_found: String,
    pub editor_title: String,
    pub text_label: String,
    pub meeting: String,
    pub supporting: String,
    pub no_lead: String,
    pub new_unit: String,
    pub new_unit_hint: String,
    pub add_unit: String,
    pub expected_output: String,
    pub completed_on: String,
    pub completed_label: String,
    pub today: String,
    pub editor_deadline_label: String,
    pub progress: String,
    pub add_note: String,
    pub note_date_label: String,
    pub note_text_label: String,
    pub delete_note: String,
    pub meetings: String,
    pub add_meeting: String,
    pub meeting_title: String,
    pub meeting_date: String,
    pub meeting_chair: String,
    pub meeting_attendees: String,
    pub meeting_directives: String,
    pub meeting_incomplete: String,
    pub unit_col: String,
    pub total_col: String,
    pub rate_col: String,
    pub summary_title: String,
    pub summary_note: String,
    /// The banner's parts, each said only when its count is not zero ("0 nhiệm vụ sắp đến
    /// hạn" was no news); joined by ", ".
    pub banner_overdue: String,
    pub banner_soon: String,
    pub banner_show: String,
    pub deleted: String,
    /// The status bar's word when a new directive entered the list.
    pub added_directive: String,
    /// Under a found row whose words were not in its text or lead unit: where they were.
    pub matched_in: String,
    pub matched_lead: String,
    pub matched_expected_output: String,
    pub matched_supporting: String,
    pub matched_addressee: String,
    pub matched_note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartStrings {
    pub growth_view: String,
    pub value_axis: String,
    pub no_figures: String,
    pub single_period: String,
    pub growth_title: String,
    pub growth_axis: String,
    pub growth_missing: String,
    pub zone_count: String,
    pub zones_title: String,
    pub zones_axis: String,
    pub over_time: String,
    pub interact: String,
    pub reset_view: String,
    pub legend_reported: String,
    pub legend_derived: String,
    pub computed_change: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusStrings {
    pub done_on_time: String,
    pub done_late: String,
    pub in_progress: String,
    pub overdue: String,
    pub no_deadline: String,
}

/// Words for the values of the model's enums and for numbers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub exact: String,
    pub over: String,
    pub more_than: String,
    pub about: String,
    pub nearly: String,
    pub reported: String,
    pub derived: String,
    pub estimate: String,
    pub preliminary: String,
    pub official: String,
    pub industrial_zone: String,
    pub export_processing_zone: String,
    pub industrial_cluster: String,
    pub unit_department: String,
    pub unit_sector: String,
    pub unit_district: String,
    pub unit_enterprise: String,
    pub unit_group: String,
    pub thousand: String,
    pub million: String,
    pub billion: String,
    pub decimal_comma: bool,
    pub month_short: String,
    pub quarter_short: String,
    pub first_months_short: String,
    pub year_short: String,
    pub month_long: String,
    pub quarter_long: String,
    pub first_months_long: String,
    pub year_long: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemStrings {
    pub duplicate_meeting_id: String,
    pub duplicate_unit_id: String,
    pub duplicate_directive_id: String,
    pub duplicate_indicator_id: String,
    pub duplicate_zone_id: String,
    pub empty_meeting_title: String,
    pub empty_unit_name: String,
    pub empty_directive_text: String,
    pub empty_indicator_name: String,
    pub empty_zone_name: String,
    pub missing_meeting: String,
    pub missing_unit: String,
    pub deadline_before_meeting: String,
    pub completed_before_meeting: String,
    pub note_before_meeting: String,
    pub invalid_period: String,
    pub duplicate_period: String,
    pub negative_value: String,
    pub value_out_of_range: String,
    pub change_out_of_range: String,
    pub area_out_of_range: String,
    pub zero_zone_count: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadStrings {
    pub cannot_open: String,
    pub not_found: String,
    pub is_directory: String,
    pub permission_denied: String,
    pub io: String,
    pub too_large: String,
    pub not_utf8: String,
    pub empty: String,
    pub expected_opening: String,
    pub not_ours: String,
    pub newer_version: String,
    pub older_version: String,
    pub syntax: String,
    pub too_deep: String,
    pub unexpected_end: String,
    pub missing_field: String,
    pub unknown_field: String,
    pub wrong_type: String,
    pub invalid_problems: String,
    /// A control character in the text: `{line}`, `{column}`, `{character}` (U+0000).
    pub damaged: String,
    /// Where the previous version is: `{backup}`.
    pub damaged_backup: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveStrings {
    pub cannot_save: String,
    pub no_folder: String,
    pub is_directory: String,
    pub permission_denied: String,
    pub disk_full: String,
    /// Another program holds the file open (a sync client, an antivirus scan, Word).
    pub in_use: String,
    pub io: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CliStrings {
    pub summary: String,
    pub problems_found: String,
    pub exists: String,
    pub written: String,
}

/// The words of the printed report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportStrings {
    pub title: String,
    pub committee: String,
    pub printed_on: String,
    pub page: String,
    pub figures_title: String,
    pub charts_title: String,
    pub directives_title: String,
    pub units_title: String,
    pub all_meetings: String,
    pub open_only_note: String,
    pub directive_counts: String,
    pub latest_progress: String,
    pub no_lead: String,
}

/// Printing and exporting: the dialog, its messages and its errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportStrings {
    pub menu_export_xlsx: String,
    pub not_xlsx: String,
    pub unknown_chart: String,
    pub same_as_input: String,
    pub no_such_product: String,
    pub no_such_meeting: String,
    pub bad_dpi: String,
    pub unknown_format: String,
    /// A report's name ends in neither .pdf nor .docx: `{file}`.
    pub unknown_report_format: String,
    pub quick_is_pdf_only: String,
    pub render_failed: String,
    pub menu_print: String,
    pub menu_export_pdf: String,
    pub menu_export_chart: String,
    pub print_title: String,
    pub pdf_title: String,
    pub chart_title: String,
    pub sections: String,
    pub section_figures: String,
    pub section_charts: String,
    pub section_directives: String,
    pub section_units: String,
    pub meeting: String,
    pub open_only: String,
    pub orientation: String,
    pub portrait: String,
    pub landscape: String,
    pub chart: String,
    pub format: String,
    pub dpi: String,
    pub print_button: String,
    pub save_button: String,
    pub working: String,
    pub written: String,
    pub opened_viewer: String,
    pub no_viewer: String,
    pub print_hint: String,
}

/// Why a typed value was refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputStrings {
    pub empty: String,
    pub stray: String,
    pub malformed: String,
    pub too_large: String,
}

/// The figures editor under each product's chart.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresEditorStrings {
    pub title: String,
    pub add: String,
    pub bad_year: String,
    pub value: String,
    pub negative: String,
    pub change: String,
    pub duplicate_period: String,
    pub derived_source: String,
    pub edit_title: String,
    pub new_title: String,
    pub period_kind: String,
    pub kind_month: String,
    pub kind_quarter: String,
    pub kind_first_months: String,
    pub kind_year: String,
    pub year: String,
    pub month: String,
    pub quarter: String,
    pub first_months: String,
    pub scale: String,
    pub qualifier: String,
    pub change_hint: String,
    pub change_qualifier: String,
    pub basis: String,
    pub status: String,
    pub source: String,
    pub save: String,
    pub implied: String,
    pub actions: String,
    pub edit_label: String,
    pub edit: String,
    pub delete_label: String,
    pub delete: String,
    pub mismatch: String,
    pub fill_previous: String,
    pub new_indicator: String,
    pub indicator_name: String,
    pub indicator_unit: String,
    pub add_indicator: String,
    pub indicator_incomplete: String,
}

/// Spreadsheet sheets and their column headers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeStrings {
    pub indicator_en: String,
    pub sheet_figures: String,
    pub sheet_zones: String,
    pub sheet_meetings: String,
    pub sheet_units: String,
    pub sheet_directives: String,
    pub indicator_id: String,
    pub indicator: String,
    pub unit: String,
    pub period_kind: String,
    pub year: String,
    pub period_part: String,
    pub period: String,
    pub value: String,
    pub qualifier: String,
    pub change: String,
    pub change_qualifier: String,
    pub basis: String,
    pub figure_status: String,
    pub source: String,
    pub zone_name: String,
    pub zone_kind: String,
    pub area: String,
    pub count: String,
    pub note: String,
    pub meeting_id: String,
    pub title: String,
    pub date: String,
    pub chair: String,
    pub reporting_body: String,
    pub attendees: String,
    pub unit_id: String,
    pub unit_name: String,
    pub unit_kind: String,
    pub directive_id: String,
    pub text: String,
    pub addressees: String,
    pub lead: String,
    pub supporting: String,
    pub deadline: String,
    pub expected_output: String,
    pub completed_on: String,
    pub progress: String,
    pub status: String,
}

/// Importing from a spreadsheet: refusals and the summary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportStrings {
    pub menu: String,
    pub preview_title: String,
    pub added: String,
    pub changed: String,
    pub refused: String,
    pub apply: String,
    pub nothing: String,
    pub done: String,
    pub cannot_read: String,
    pub not_a_workbook: String,
    pub too_large: String,
    pub unknown_kind: String,
    pub no_known_sheet: String,
    pub missing_columns: String,
    pub duplicate_row: String,
    pub row: String,
    pub empty_cell: String,
    pub bad_id: String,
    pub bad_date: String,
    pub bad_word: String,
    pub unit_taken: String,
    pub bad_period: String,
    pub no_meeting: String,
    pub no_unit: String,
    pub bad_progress: String,
    pub summary: String,
    /// The parts of `summary`'s `{counts}`, the zero ones left out (`nonzero_counts`).
    pub count_added: String,
    pub count_changed: String,
    pub count_unchanged: String,
    pub count_refused: String,
    pub refused_line: String,
    pub nothing_written: String,
    pub imported: String,
}

/// The zone and meeting forms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordFormStrings {
    pub name_needed: String,
    pub area: String,
    pub area_hint: String,
    pub name: String,
    pub kind: String,
    pub qualifier: String,
    pub count: String,
    pub note: String,
    pub source: String,
    pub title_needed: String,
    pub meeting_title: String,
    pub title: String,
    pub lines_hint: String,
    pub save: String,
    pub add_zone: String,
    pub edit_meeting: String,
    pub edit: String,
    pub delete: String,
    pub edit_label: String,
    pub delete_label: String,
    pub actions: String,
}

#[cfg(test)]
mod tests {

    /// "2 dòng thêm, 1 dòng bị từ chối": the zero parts left out; all zero says the first.
    #[test]
    fn a_summary_leaves_out_its_zero_counts() {
        let parts = |a, b, c| {
            nonzero_counts(&[("{count} thêm", a), ("{count} sửa", b), ("{count} từ chối", c)], ", ")
        };
        assert_eq!(parts(2, 0, 1), "2 thêm, 1 từ chối");
        assert_eq!(parts(0, 3, 0), "3 sửa");
        assert_eq!(parts(0, 0, 0), "0 thêm");
    }
    use super::*;

    #[test]
    fn both_languages_parse_with_every_key() {
        for lang in [Lang::Vi, Lang::En] {
            let text = match lang {
                Lang::Vi => include_str!("../assets/i18n/vi.ron"),
                Lang::En => include_str!("../assets/i18n/en.ron"),
            };
            if let Err(err) = parse(text) {
                panic!("{lang:?}: {err}");
            }
        }
        assert_eq!(Lang::Vi.strings().tabs.overview, "Tổng quan");
        assert_eq!(Lang::En.strings().tabs.overview, "Overview");
    }

    #[test]
    fn fill_replaces_every_named_argument() {
        let text = fill("{a} và {b}, {a}", &[("a", &1), ("b", &"hai")]);
        assert_eq!(text, "1 và hai, 1");
    }
}

/// The conclusion notice's intake: the dialog, its preview, the command line, the errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntakeStrings {
    pub menu: String,
    pub button: String,
    pub title: String,
    pub paste_hint: String,
    pub held_paste: String,
    pub paste_label: String,
    pub pick_file: String,
    pub read: String,
    pub reading: String,
    pub back: String,
    pub from_file: String,
    pub from_paste: String,
    pub meeting: String,
    pub meeting_target: String,
    pub meeting_new: String,
    pub meeting_existing: String,
    pub meeting_matched: String,
    pub meeting_title: String,
    pub meeting_date: String,
    pub meeting_chair: String,
    pub meeting_number: String,
    pub meeting_no_date: String,
    pub summary: String,
    /// The parts of `summary`'s `{counts}`, the zero ones left out (`nonzero_counts`).
    pub count_read: String,
    pub count_new_units: String,
    pub count_duplicates: String,
    pub nothing_read: String,
    pub include: String,
    pub lead: String,
    pub supporting: String,
    pub deadline: String,
    pub output: String,
    pub no_unit: String,
    pub add_unit: String,
    pub remove_unit: String,
    pub no_deadline: String,
    pub standing: String,
    pub source: String,
    pub source_heading: String,
    pub source_earlier: String,
    pub unit_new: String,
    pub unit_approximate: String,
    pub duplicate: String,
    pub join: String,
    pub split: String,
    pub line: String,
    pub unit_kind_of: String,
    pub new_units: String,
    pub add: String,
    pub bad_date: String,
    pub error_nothing: String,
    pub error_no_title: String,
    pub error_no_date: String,
    pub error_empty_text: String,
    pub error_deadline_before_meeting: String,
    pub error_empty_unit: String,
    pub deadline_early: String,
    pub added: String,
    pub cli_meeting: String,
    pub cli_meeting_line: String,
    pub cli_unknown: String,
    pub cli_directives: String,
    pub cli_fields: String,
    pub cli_into: String,
    pub cli_into_meeting: String,
    pub cli_duplicates: String,
    pub cli_no_meeting: String,
    pub cli_nothing_written: String,
    /// What kind of text it was taken for, when no notice: "{kind}{sure}".
    pub kind_letter: String,
    pub kind_opinion: String,
    pub kind_report: String,
    pub kind_sure: String,
    pub kind_unsure: String,
    pub doubtful: String,
    pub date_needs_year: String,
    pub error_unreadable: String,
    pub error_too_large: String,
    pub error_empty: String,
    pub error_binary: String,
    pub error_not_utf8: String,
    pub error_not_docx: String,
    pub error_old_word: String,
    pub error_docx_too_large: String,
    pub error_docx_damaged: String,
    pub error_pdf_encrypted: String,
    pub error_pdf_scanned: String,
    pub error_pdf_damaged: String,
    pub error_unknown_kind: String,
}

/// Merging two copies of a file: the banner, the merge view, the command line, the errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeStrings {
    pub menu: String,
    pub banner: String,
    pub banner_one: String,
    pub banner_merge: String,
    pub title: String,
    pub from_file: String,
    pub three_way: String,
    pub two_way: String,
    pub counts: String,
    pub section_other: String,
    pub section_mine: String,
    pub section_conflicts: String,
    pub section_renamed: String,
    pub renamed_line: String,
    pub section_united: String,
    pub united_line: String,
    pub section_kept: String,
    pub took_added: String,
    pub took_deleted: String,
    pub took_changed: String,
    pub keep_mine: String,
    pub keep_other: String,
    pub write_own: String,
    pub mine_label: String,
    pub other_label: String,
    pub deleted: String,
    pub clash_deleted_mine: String,
    pub clash_deleted_other: String,
    pub clash_record: String,
    pub apply: String,
    pub problem: String,
    pub nothing: String,
    pub merged: String,
    pub reading: String,
    pub move_title: String,
    pub move_body: String,
    pub move_to: String,
    pub leave: String,
    pub moved: String,
    pub folder_name: String,
    pub merge_disk: String,
    pub error_same: String,
    pub error_other_province: String,
    pub error_nothing_shared: String,
    pub cli_base: String,
    pub cli_no_base: String,
    pub cli_from: String,
    pub cli_conflict: String,
    pub cli_unresolved: String,
    pub cli_invalid: String,
    pub cli_written: String,
    pub cli_conflicts_found: String,
    pub cli_no_conflicts: String,
    pub record_directive: String,
    pub record_meeting: String,
    pub record_unit: String,
    pub record_zone: String,
    pub record_indicator: String,
    pub record_figure: String,
    pub record_settings: String,
    pub field_text: String,
    pub field_meeting: String,
    pub field_addressees: String,
    pub field_lead: String,
    pub field_supporting: String,
    pub field_deadline: String,
    pub field_output: String,
    pub field_progress: String,
    pub field_completed: String,
    pub field_title: String,
    pub field_date: String,
    pub field_chair: String,
    pub field_attendees: String,
    pub field_reporting_body: String,
    pub field_topics: String,
    pub field_assessment: String,
    pub field_source: String,
    pub field_name: String,
    pub field_kind: String,
    pub field_area: String,
    pub field_qualifier: String,
    pub field_count: String,
    pub field_note: String,
    pub field_value: String,
    pub field_change: String,
    pub field_basis: String,
    pub field_name_en: String,
    pub field_unit_of_measure: String,
    pub field_province: String,
    pub field_data_source: String,
    pub field_letterhead: String,
}

/// Chasing the units: follow-up letters, report sheets and their answers, the calendar.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChaseStrings {
    pub drafter: String,
    pub letter_title: String,
    pub reference: String,
    pub intro: String,
    pub intro_no_chair: String,
    /// The intro's count of unfinished directives, with how many are overdue …
    pub counts: String,
    /// … or, when none is, without that part ("trong đó 0 nhiệm vụ …" read oddly).
    pub counts_none_overdue: String,
    pub heading_led: String,
    pub heading_supported: String,
    pub supported_intro: String,
    pub led_by: String,
    pub request: String,
    pub closing: String,
    pub as_above: String,
    pub col_status: String,
    pub col_progress: String,
    pub no_progress: String,
    pub letters_written: String,
    pub letter_line: String,
    /// A unit's counts in the letters' lists ([`crate::interop::chase::UnitWork::counts`]):
    /// what it leads, then, when not zero, how many are overdue and what it supports.
    pub count_led: String,
    pub count_overdue: String,
    pub count_supported: String,
    pub no_letters: String,
    pub unit_nothing: String,
    pub unknown_unit: String,
    pub unknown_unit_none: String,
    pub bad_reply: String,
    pub past_reply: String,
    pub no_meeting: String,
    pub no_meetings: String,
    pub not_a_folder: String,
    pub calendar_name: String,
    pub event_description: String,
    pub done_prefix: String,
    pub done_category: String,
    pub alarm: String,
    pub no_lead: String,
    pub calendar_written: String,
    pub not_ics: String,
    pub sheet_name: String,
    pub sheet_title: String,
    pub sheet_note: String,
    pub col_id: String,
    pub col_text: String,
    pub col_deadline: String,
    pub col_fill_progress: String,
    pub col_fill_done: String,
    pub col_fill_difficulty: String,
    pub sheets_written: String,
    pub sheet_line: String,
    pub not_xlsx: String,
    pub answer_note: String,
    pub answer_difficulty: String,
    pub answer_line: String,
    pub answer_adds_note: String,
    pub answer_sets_done: String,
    pub answer_changed_since: String,
    pub answer_nothing: String,
    pub refuse_other_file: String,
    pub refuse_no_unit: String,
    pub refuse_no_directive: String,
    pub refuse_other_unit: String,
    pub refuse_bad_id: String,
    pub refuse_bad_date: String,
    pub refuse_before_meeting: String,
    pub answer_refused_whole: String,
    pub dialog_title: String,
    pub dialog_meeting: String,
    pub dialog_units: String,
    pub dialog_unit_line: String,
    pub dialog_reply_by: String,
    pub dialog_write: String,
    pub menu_letters: String,
    pub menu_calendar: String,
    pub banner_letters: String,
    pub writing: String,
    pub written_status: String,
    pub calendar_status: String,
    pub folder_unavailable: String,
    pub refuse_damaged: String,
}
