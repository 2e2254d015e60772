//! Chỉ đạo: the directives as a checklist officials keep for months. A filter bar (search
//! without diacritics, meeting, unit, status, due range, order), the list with a deadline
//! field and a done box on each row (virtualised: only visible rows are laid out), the
//! editor of the selected directive beside it, the meetings, and the per-unit summary.

use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use crate::editing::action::Action;
use crate::format;
use crate::i18n::fill;
use crate::model::followup::{self, Filter, SearchField, SortBy, StatusFilter};
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive, DirectiveId, Meeting, UnitId};
use crate::window::ui::directive_editor::Editor;
use crate::window::ui::directive_fields::{parse_optional_date, reason_for, unit_names};
use crate::window::ui::{View, heading, theme, unit_summary};

/// The two views of the tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DirectivesView {
    /// The checklist and the editor.
    #[default]
    List,
    /// The per-unit completion table and chart.
    ByUnit,
}

/// What the tab remembers between frames.
#[derive(Debug)]
pub struct State {
    pub view: DirectivesView,
    pub filter: Filter,
    pub sort: SortBy,
    /// Days before a deadline that count as "due soon".
    pub due_soon_days: i32,
    pub selected: Option<DirectiveId>,
    /// The row deadline field being typed in, and its text so far.
    editing: Option<(DirectiveId, String)>,
    /// A typed deadline that was refused: the row's field keeps it to be put right, and
    /// says why beside it in the language shown. Forgotten when the data changes (an undo,
    /// a delete, an added row) or the field is typed in again: its cause is then gone.
    refused: Option<Refused>,
    editor: Editor,
    /// Typed due range, applied when valid.
    due_from_text: String,
    due_to_text: String,
    /// Put the keyboard in the search box on the next frame (Ctrl+F).
    focus_search: bool,
    /// The rows the filter kept lately, most recent first, each with the revision, filter,
    /// order and day it was made for: a keystroke that goes back to an earlier search
    /// (Backspace) finds its rows here, and one that types further searches only among the
    /// rows of the search it narrows.
    rows: std::collections::VecDeque<(RowsKey, Rows)>,
    /// The directives' folded search text, and the revision it was brought up to.
    search_index: Option<(u64, followup::SearchIndex)>,
    meeting_form: MeetingForm,
    /// "Nhập từ thông báo…" was pressed: the app opens the dialog.
    pub wants_intake: bool,
    /// Directives are being added from a notice: the first whose id is at least this one is
    /// shown once it is in the data (the filter cleared, selected, scrolled to), unless the
    /// data changed past the given revision without any.
    show_added: Option<(DirectiveId, u64)>,
    /// What the tab did that the status bar says ("Đã xoá nhiệm vụ 4 — Ctrl+Z để hoàn
    /// tác"): the app takes it.
    pub said: Option<String>,
    /// Each directive's text and lead unit measured, for the rows' heights.
    row_heights: crate::window::ui::row_heights::RowHeights,
}

type RowsKey = (u64, Filter, SortBy, Date, i32);

/// A deadline typed into a row that is no date.
#[derive(Debug)]
struct Refused {
    directive: DirectiveId,
    /// What was typed, kept in the field.
    typed: String,
    /// The data's revision when it was refused.
    revision: u64,
}

/// The rows a filter kept: their indices into the dataset's directives, and beside each
/// the field the search's words were found in (`None` without words).
#[derive(Debug, Default)]
struct Rows {
    indices: Vec<usize>,
    found_in: Vec<Option<SearchField>>,
    /// Every directive the words were found in, phrase or not, before
    /// [`followup::shown`]: what a narrower search looks among.
    candidates: Vec<usize>,
}

impl Rows {
    fn new(dataset: &Dataset, hits: Vec<followup::Hit>) -> Rows {
        let candidates = hits.iter().map(|h| h.index).collect();
        let hits = followup::shown(hits);
        let found_in = hits
            .iter()
            .map(|hit| {
                let found = hit.found?;
                let fields = followup::search_fields(dataset, &dataset.directives[hit.index]);
                fields.get(found.field).map(|(field, _)| *field)
            })
            .collect();
        Rows { indices: hits.iter().map(|h| h.index).collect(), found_in, candidates }
    }
}

/// Whether a row found in `field` says so on a line of its own: words found in the text
/// or the lead unit are marked where the row shows them.
fn says_where(field: Option<SearchField>) -> bool {
    !matches!(field, None | Some(SearchField::Text | SearchField::Lead))
}

impl Default for State {
    fn default() -> Self {
        State {
            view: DirectivesView::default(),
            filter: Filter::default(),
            sort: SortBy::default(),
            due_soon_days: followup::DEFAULT_DUE_SOON_DAYS,
            selected: None,
            editing: None,
            refused: None,
            editor: Editor::default(),
            due_from_text: String::new(),
            due_to_text: String::new(),
            focus_search: false,
            rows: std::collections::VecDeque::new(),
            search_index: None,
            meeting_form: MeetingForm::default(),
            wants_intake: false,
            said: None,
            show_added: None,
            row_heights: Default::default(),
        }
    }
}

/// The form that adds a meeting.
#[derive(Debug, Default)]
struct MeetingForm {
    open: bool,
    title: String,
    date: String,
    chair: String,
    attendees: String,
    error: Option<String>,
}

impl MeetingForm {
    /// The meeting the form describes, if it has a title and a valid date.
    fn to_meeting(&self, dataset: &Dataset) -> Option<Meeting> {
        let title = self.title.trim();
        let date = format::parse_date(&self.date)?;
        if title.is_empty() {
            return None;
        }
        Some(Meeting {
            id: dataset.next_meeting_id(),
            title: title.to_owned(),
            date,
            chair: self.chair.trim().to_owned(),
            attendees: self
                .attendees
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            reporting_body: String::new(),
            topics: Vec::new(),
            assessment: Vec::new(),
            source_ref: String::new(),
        })
    }
}

impl State {
    /// Starts a new directive for the meeting being looked at (or the latest), in the
    /// editor; it enters the list, whole, when the user adds it. False when the file has no
    /// meeting yet.
    pub fn new_directive(&mut self, dataset: &Dataset) -> bool {
        let Some(meeting) = self.filter.meeting.or_else(|| dataset.latest_meeting().map(|m| m.id))
        else {
            return false;
        };
        self.view = DirectivesView::List;
        self.selected = None;
        self.editor.start_new(dataset.next_directive_id(), meeting);
        true
    }

    /// After an undo or a redo: a directive it brought back is selected, and the selection
    /// scrolled into view (it had landed on whatever row came next, out of sight).
    pub fn follow_history(&mut self, before: &[DirectiveId], dataset: &Dataset) {
        let back = dataset.directives.iter().map(|d| d.id).find(|id| !before.contains(id));
        if let Some(id) = back {
            self.view = DirectivesView::List;
            self.select(Some(id));
        } else if self.selected.is_some_and(|id| dataset.directive(id).is_none()) {
            self.selected = None;
        }
        self.editor.scroll_to_selection = self.selected.is_some();
    }

    /// Shows the first of the directives about to be added (ids from `first` on) once the
    /// edit made at `revision` is applied.
    pub fn show_added(&mut self, first: DirectiveId, revision: u64) {
        self.view = DirectivesView::List;
        self.show_added = Some((first, revision));
    }

    fn show_what_was_added(&mut self, view: &View) {
        let Some((first, revision)) = self.show_added else { return };
        if view.revision == revision {
            return;
        }
        self.show_added = None;
        if let Some(added) = view.dataset.directives.iter().find(|d| d.id.0 >= first.0) {
            self.filter = Filter::default();
            self.due_from_text.clear();
            self.due_to_text.clear();
            self.select(Some(added.id));
            self.editor.scroll_to_selection = true;
        }
    }

    /// Puts the keyboard in the search box.
    pub fn focus_search(&mut self) {
        self.view = DirectivesView::List;
        self.focus_search = true;
    }

    /// Shows only overdue directives, or due-soon ones when none is overdue (the banner's
    /// "show them").
    pub fn show_alerts(&mut self, overdue: usize) {
        self.view = DirectivesView::List;
        self.filter = Filter::default();
        self.filter.status = Some(if overdue > 0 {
            StatusFilter::Is(DirectiveStatus::Overdue)
        } else {
            StatusFilter::DueSoon
        });
    }

    fn select(&mut self, id: Option<DirectiveId>) {
        if id.is_some() {
            self.editor.cancel_new();
        }
        self.selected = id;
    }

    /// The indices of the directives shown, recomputed only when something they depend on
    /// changed (so a frame with 10.000 directives doesn't search them all again).
    fn rows(&mut self, view: &View) -> &[usize] {
        &self.rows_found(view).indices
    }

    /// [`State::rows`] with where each row's words were found.
    fn rows_found(&mut self, view: &View) -> &Rows {
        let key: RowsKey =
            (view.revision, self.filter.clone(), self.sort, view.today, self.due_soon_days);
        if let Some(at) = self.rows.iter().position(|(k, _)| *k == key) {
            let hit = self.rows.remove(at).expect("found above");
            self.rows.push_front(hit);
            return &self.rows[0].1;
        }
        // The index is made only while words are searched: an edit then costs no folding of
        // any directive's text when nobody searches.
        let searching = !self.filter.text.trim().is_empty();
        if searching {
            let (revision, index) = self.search_index.get_or_insert_default();
            if index.folded().is_empty() || *revision != view.revision {
                index.update(view.dataset);
                *revision = view.revision;
            }
        }
        let index = match &self.search_index {
            Some((_, index)) if searching => index.folded(),
            _ => &[],
        };
        let same_but_words = |k: &RowsKey| {
            let other = Filter { text: key.1.text.clone(), ..k.1.clone() };
            (k.0, &other, k.2, k.3, k.4) == (key.0, &key.1, key.2, key.3, key.4)
        };
        let wider = self
            .rows
            .iter()
            .find(|(k, _)| same_but_words(k) && followup::narrows(&key.1.text, &k.1.text));
        let (dataset, today, days) = (view.dataset, view.today, self.due_soon_days);
        let (filter, sort) = (&self.filter, self.sort);
        let rows = match wider {
            Some((_, rows)) => {
                followup::search_among(dataset, index, filter, sort, today, days, &rows.candidates)
            }
            None => followup::search(dataset, index, filter, sort, today, days),
        };
        self.rows.push_front((key, Rows::new(dataset, rows)));
        self.rows.truncate(KEPT_ROW_SETS);
        &self.rows[0].1
    }
}

/// How many recent searches' rows are kept (typing a word and erasing it goes through them).
const KEPT_ROW_SETS: usize = 8;

/// Draws the directives tab; edits go to `actions`.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let t = &view.lang.strings().directives;
    ui.horizontal(|ui| {
        heading(ui, &t.title);
        ui.add_space(12.0);
        for (choice, label) in
            [(DirectivesView::List, &t.view_list), (DirectivesView::ByUnit, &t.view_by_unit)]
        {
            if ui.selectable_label(state.view == choice, label.as_str()).clicked() {
                state.view = choice;
            }
        }
    });
    match state.view {
        DirectivesView::List => list_view(ui, view, state, actions),
        DirectivesView::ByUnit => unit_summary::show(ui, view),
    }
}

fn list_view(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    // Where this frame's edits of the tab start: the editor's go there (see below).
    let first = actions.len();
    let lang = view.lang;
    let t = &lang.strings().directives;
    state.show_what_was_added(view);
    filter_bar(ui, view, state);
    let total = view.dataset.directives.len();
    let shown = state.rows(view).len();
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(fill(&t.count, &[("shown", &shown), ("total", &total)]))
                .color(theme::MUTED),
        );
        if !state.filter.is_empty() && ui.button(&t.clear_filter).clicked() {
            state.filter = Filter::default();
            state.due_from_text.clear();
            state.due_to_text.clear();
        }
        ui.add_space(12.0);
        crate::window::ui::copy_table(ui, &t.title, view, || {
            let days = state.due_soon_days;
            list_clip(view, state.rows(view), days)
        });
        let add =
            egui::Button::new(format!("+ {}", t.add))
                .shortcut_text(ui.ctx().format_shortcut(
                    &crate::window::command::Command::NewDirective.shortcuts()[0],
                ));
        if ui.add_enabled(!view.dataset.meetings.is_empty(), add).clicked() {
            state.new_directive(view.dataset);
        }
        let intake = &lang.strings().intake;
        if ui.button(&intake.button).on_hover_text(&intake.menu).clicked() {
            state.wants_intake = true;
        }
    });
    meetings_section(ui, view, state, actions);
    if state.refused.as_ref().is_some_and(|r| r.revision != view.revision) {
        state.refused = None;
    }
    keyboard(ui, view, state, actions);

    let available = ui.available_size();
    let columns = FixedColumns::measure(ui, lang);
    let list_at_least = columns.list_at_least(ui.spacing().item_spacing.x);
    let spacing = ui.spacing().item_spacing;
    let top_down = egui::Layout::top_down(egui::Align::Min);
    if available.x < list_at_least + EDITOR_AT_LEAST + DIVIDER_WIDTH + spacing.x {
        // Half a laptop's screen: the list above, the editor of the row chosen below it
        // (side by side, the editor and the ✔ column were beyond the window's edge).
        let editing = state.editor.is_new()
            || state.selected.is_some_and(|id| view.dataset.directive(id).is_some());
        let list_height = if editing { (available.y * 0.45).max(160.0) } else { available.y };
        ui.allocate_ui_with_layout(egui::vec2(available.x, list_height), top_down, |ui| {
            ui.set_height(list_height);
            list(ui, view, state, actions, columns, list_at_least);
        });
        if editing {
            ui.separator();
            let height = ui.available_height();
            ui.allocate_ui_with_layout(egui::vec2(available.x, height), top_down, |ui| {
                ui.set_width(available.x - 12.0);
                editor(ui, view, state, actions, first);
            });
        }
        return;
    }
    // The list and the editor share the width at a divider the official can drag; where
    // it was left is kept with egui's memory (and so the next time the app starts).
    let divider_id = ui.make_persistent_id("directives-divider");
    let most = (available.x - list_at_least - DIVIDER_WIDTH - spacing.x).max(EDITOR_AT_LEAST);
    let editor_width = ui
        .data_mut(|d| d.get_persisted::<f32>(divider_id))
        .unwrap_or((available.x * 0.3).clamp(EDITOR_AT_LEAST, 420.0))
        .clamp(EDITOR_AT_LEAST, most);
    ui.horizontal_top(|ui| {
        let list_width = available.x - editor_width - DIVIDER_WIDTH - spacing.x;
        ui.allocate_ui_with_layout(egui::vec2(list_width, available.y), top_down, |ui| {
            ui.set_width(list_width);
            list(ui, view, state, actions, columns, list_at_least);
        });
        divider(ui, divider_id, editor_width, most, available.y);
        ui.allocate_ui_with_layout(egui::vec2(editor_width, available.y), top_down, |ui| {
            ui.set_width(editor_width - 12.0);
            editor(ui, view, state, actions, first);
        });
    });
}

/// The narrowest the editor gets beside the list; below it, the two stack.
const EDITOR_AT_LEAST: f32 = 300.0;

/// The table, scrolled sideways when the window is narrower than its columns at their
/// narrowest (so the ✔ column is always reachable).
fn list(
    ui: &mut egui::Ui,
    view: &View,
    state: &mut State,
    actions: &mut Vec<Action>,
    columns: FixedColumns,
    at_least: f32,
) {
    if ui.available_width() >= at_least {
        table(ui, view, state, actions, columns);
        return;
    }
    egui::ScrollArea::horizontal().id_salt("directives-sideways").auto_shrink(false).show(
        ui,
        |ui| {
            ui.set_width(at_least);
            table(ui, view, state, actions, columns);
        },
    );
}

/// The editor of the row chosen (or of a new directive); its edits go before the list's
/// of this frame, which start at `first`.
fn editor(
    ui: &mut egui::Ui,
    view: &View,
    state: &mut State,
    actions: &mut Vec<Action>,
    first: usize,
) {
    let t = &view.lang.strings().directives;
    let selected = state.selected.and_then(|id| view.dataset.directive(id));
    if selected.is_none() && !state.editor.is_new() {
        ui.label(egui::RichText::new(&t.none_selected).color(theme::MUTED));
        return;
    }
    let number = selected.and_then(|d| followup::position(view.dataset, d.id)).map_or(0, |i| i + 1);
    let edits = state.editor.show(ui, view, selected, number);
    for action in &edits {
        match action {
            Action::InsertDirective { directive, index } => {
                // Shown and said: the new row may be far down a long list.
                state.selected = Some(directive.id);
                state.editor.scroll_to_selection = true;
                state.said = Some(fill(&t.added_directive, &[("n", &(index + 1))]));
            }
            Action::RemoveDirective { .. } => {
                state.selected = None;
                state.said = Some(fill(&t.deleted, &[("n", &number)]));
            }
            _ => {}
        }
    }
    // Before the list's: a field of the editor is left by the press of a click on the list
    // (a row's ✔ box, its deadline), whose edit the list, drawn first, has already sent.
    // The field's edit came first, and was made on the directive as it was before that
    // click: applied after it, it would undo the click.
    actions.splice(first..first, edits);
}

fn filter_bar(ui: &mut egui::Ui, view: &View, state: &mut State) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    ui.horizontal_wrapped(|ui| {
        // Each row as tall as a text field, so that a caption stands level with its field
        // (a row starts as tall as its first widget: "Tìm" and "đến" stood 2–4 px high).
        // The theme decides a field's height, so the search field's is kept from the pass
        // before.
        let height_id = ui.scope_id().with("filter-row-height");
        let row_height =
            ui.data(|d| d.get_temp::<f32>(height_id)).unwrap_or(ui.spacing().interact_size.y);
        ui.set_row_height(row_height);
        let caption = ui.label(&t.search);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut state.filter.text)
                    .hint_text(&t.search_hint)
                    .desired_width(200.0),
            )
            .labelled_by(caption.id);
        let field_height = search.rect.height();
        if field_height != row_height {
            ui.data_mut(|d| d.insert_temp(height_id, field_height));
            ui.ctx().request_discard("the filter bar's row height");
        }
        if std::mem::take(&mut state.focus_search) {
            search.request_focus();
        }

        let meeting_name = |m: &Meeting| format!("{} — {}", format::date(m.date), m.title);
        let selected_meeting =
            state.filter.meeting.and_then(|id| view.dataset.meeting(id)).map(meeting_name);
        egui::ComboBox::from_id_salt("meeting-filter")
            .selected_text(selected_meeting.unwrap_or_else(|| t.all_meetings.clone()))
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.meeting, None, t.all_meetings.as_str());
                for meeting in &view.dataset.meetings {
                    ui.selectable_value(
                        &mut state.filter.meeting,
                        Some(meeting.id),
                        meeting_name(meeting),
                    );
                }
            })
            .response
            .accessible_name(t.meeting_filter.clone());

        let unit_name =
            |id: UnitId| view.dataset.unit(id).map(|u| u.name.clone()).unwrap_or_default();
        egui::ComboBox::from_id_salt("unit-filter")
            .selected_text(state.filter.unit.map(unit_name).unwrap_or_else(|| t.all_units.clone()))
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.unit, None, t.all_units.as_str());
                for unit in &view.dataset.units {
                    ui.selectable_value(&mut state.filter.unit, Some(unit.id), unit.name.as_str());
                }
            })
            .response
            .accessible_name(t.unit_filter.clone());

        let status_name = |s: Option<StatusFilter>| match s {
            None => t.all_statuses.clone(),
            Some(StatusFilter::Is(status)) => status.label(lang).to_owned(),
            Some(StatusFilter::DueSoon) => t.due_soon.clone(),
        };
        egui::ComboBox::from_id_salt("status-filter")
            .selected_text(status_name(state.filter.status))
            .width(190.0)
            // All seven choices at once: egui's default height cut the last one off behind a
            // scroll bar that did not show.
            .height(320.0)
            .show_ui(ui, |ui| {
                let choices = [
                    None,
                    Some(StatusFilter::Is(DirectiveStatus::Overdue)),
                    Some(StatusFilter::DueSoon),
                    Some(StatusFilter::Is(DirectiveStatus::InProgress)),
                    Some(StatusFilter::Is(DirectiveStatus::NoDeadline)),
                    Some(StatusFilter::Is(DirectiveStatus::DoneLate)),
                    Some(StatusFilter::Is(DirectiveStatus::DoneOnTime)),
                ];
                for choice in choices {
                    ui.selectable_value(&mut state.filter.status, choice, status_name(choice));
                }
            })
            .response
            .accessible_name(t.status_filter.clone());

        keep_on_one_row(ui, date_filter_width(ui, &t.due_from), row_height);
        ui.label(&t.due_from);
        date_filter(ui, &mut state.due_from_text, &mut state.filter.due_from, &t.due_from, view);
        keep_on_one_row(ui, date_filter_width(ui, &t.due_to), row_height);
        ui.label(&t.due_to);
        date_filter(ui, &mut state.due_to_text, &mut state.filter.due_to, &t.due_to, view);

        let sort_name = |s: SortBy| match s {
            SortBy::FileOrder => &t.sort_file,
            SortBy::Deadline => &t.sort_deadline,
            SortBy::Status => &t.sort_status,
            SortBy::Unit => &t.sort_unit,
        };
        egui::ComboBox::from_id_salt("sort")
            .selected_text(sort_name(state.sort).as_str())
            .width(170.0)
            .show_ui(ui, |ui| {
                for choice in [SortBy::FileOrder, SortBy::Deadline, SortBy::Status, SortBy::Unit] {
                    ui.selectable_value(&mut state.sort, choice, sort_name(choice).as_str());
                }
            })
            .response
            .accessible_name(t.sort_label.clone());

        let caption = ui.label(&t.due_soon_days);
        ui.add(egui::DragValue::new(&mut state.due_soon_days).range(0..=90))
            .labelled_by(caption.id);
    });
}

/// Starts the wrapped bar's next row unless `width` more fits on this one, so that a caption,
/// its field and the field's calendar wrap as one ("đến" stood at a row's end with its date
/// on the next, or the calendar alone under its field). The new row is `row_height` tall.
fn keep_on_one_row(ui: &mut egui::Ui, width: f32, row_height: f32) {
    if ui.available_size_before_wrap().x < width {
        ui.end_row();
        ui.set_row_height(row_height);
    }
}

/// How wide a date filter is drawn: its caption, the field and its calendar button, with
/// the spaces between them.
fn date_filter_width(ui: &egui::Ui, caption: &str) -> f32 {
    use crate::window::ui::date_picker::{CALENDAR_WIDTH, DATE_HINT, date_field_width};
    let body = egui::TextStyle::Body.resolve(ui.style());
    let caption =
        ui.fonts_mut(|f| f.layout_no_wrap(caption.to_owned(), body, egui::Color32::BLACK).size().x);
    // egui 0.37 draws a text field its desired width, margins and frame inside.
    caption + date_field_width(ui, DATE_HINT) + CALENDAR_WIDTH + 2.0 * ui.spacing().item_spacing.x
}

/// A date typed into the filter: applied once it reads as a date, cleared when empty.
fn date_filter(
    ui: &mut egui::Ui,
    text: &mut String,
    value: &mut Option<Date>,
    name: &str,
    view: &View,
) {
    use crate::window::ui::date_picker::{DATE_HINT, date_field_width};
    let field = egui::TextEdit::singleline(text)
        .hint_text(DATE_HINT)
        .desired_width(date_field_width(ui, DATE_HINT));
    let response = ui.add(field).accessible_name(name.to_owned());
    if response.changed() {
        if text.trim().is_empty() {
            *value = None;
        } else if let Some(date) = format::parse_date(text) {
            *value = Some(date);
        }
    }
    if !text.trim().is_empty() && format::parse_date(text).is_none() {
        response.on_hover_text(crate::window::ui::date_picker::DATE_HINT);
    }
    if let Some(picked) =
        crate::window::ui::date_picker::button(ui, name, *value, view.today, view.lang)
    {
        *value = Some(picked);
        *text = format::date(picked);
    }
}

/// Arrow keys move the selection, Enter edits its text, Space ticks it done (or not done),
/// Delete removes it (undo brings it back) — while no text field has the keyboard. Keys
/// are taken in the order they were pressed, however many came in one frame (fast typing,
/// a slow machine): "Down, Space, Down, Space" ticks two directives.
fn keyboard(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    use egui::{Event, Key};
    let t = &view.lang.strings().directives;
    if ui.ctx().text_edit_focused() {
        return;
    }
    // With a button or box focused, egui's own arrow-key focus moves take the arrows (and
    // Space and Enter press the focused button); Delete is always the list's.
    let nothing_focused = ui.ctx().memory(|m| m.focused().is_none());
    let keys: Vec<Key> = ui.input_mut(|input| {
        let mut keys = Vec::new();
        input.events.retain(|event| match event {
            Event::Key { key, pressed: true, modifiers, .. }
                if modifiers.is_none()
                    && (matches!(key, Key::Delete)
                        || (nothing_focused
                            && matches!(
                                key,
                                Key::ArrowDown | Key::ArrowUp | Key::Enter | Key::Space
                            ))) =>
            {
                keys.push(*key);
                false
            }
            _ => true,
        });
        keys
    });
    if keys.is_empty() {
        return;
    }
    let rows = state.rows(view).to_vec();
    let ids: Vec<DirectiveId> = rows.iter().map(|&i| view.dataset.directives[i].id).collect();
    // Ticks given in this frame, not yet in the dataset (applied at the frame's end).
    let mut ticked: Vec<(DirectiveId, bool)> = Vec::new();
    for key in keys {
        let at = state.selected.and_then(|id| ids.iter().position(|x| *x == id));
        match key {
            Key::ArrowDown | Key::ArrowUp => {
                let next = match (at, key == Key::ArrowDown) {
                    (None, _) => 0,
                    (Some(i), true) => (i + 1).min(ids.len().saturating_sub(1)),
                    (Some(i), false) => i.saturating_sub(1),
                };
                state.select(ids.get(next).copied());
                state.editor.scroll_to_selection = true;
            }
            Key::Enter if state.selected.is_some() => state.editor.focus_text(),
            Key::Space => {
                let Some(directive) = state.selected.and_then(|id| view.dataset.directive(id))
                else {
                    continue;
                };
                let done = ticked
                    .iter()
                    .rev()
                    .find(|(id, _)| *id == directive.id)
                    .map_or(directive.completed_on.is_some(), |(_, done)| *done);
                ticked.push((directive.id, !done));
                let on = (!done).then_some(view.today);
                actions.push(Action::SetCompleted { id: directive.id, on });
            }
            Key::Delete => {
                if let Some(id) = state.selected {
                    actions.push(Action::RemoveDirective { id });
                    if let Some(number) = followup::position(view.dataset, id).map(|i| i + 1) {
                        state.said = Some(fill(&t.deleted, &[("n", &number)]));
                    }
                    let next = at.and_then(|i| {
                        ids.get(i + 1).or_else(|| i.checked_sub(1).and_then(|j| ids.get(j)))
                    });
                    state.select(next.copied());
                }
            }
            _ => {}
        }
    }
}

/// The list's columns of one width: number and tick; the deadline's and the status's are
/// measured (see [`FixedColumns`]).
const NUMBER_WIDTH: f32 = 40.0;
const TICK_WIDTH: f32 = 36.0;
/// The narrowest the text column gets before the list scrolls sideways.
const TEXT_AT_LEAST: f32 = 200.0;
/// The lead unit's column as it starts (its header's edge widens it).
const LEAD_AT_LEAST: f32 = 90.0;
/// The font of a row's status.
fn status_font() -> egui::FontId {
    theme::bold(14.0)
}

/// What a row's status cell says: the status with its icon, or, for a directive due within
/// the days set, "⌛ sắp đến hạn" alone (such a one is in progress: the status adds
/// nothing, and both together did not fit). An hourglass: Noto Sans Symbols 2 draws the
/// clock "◷" smaller than the other icons (618 units tall where ○ and ◔ are 792).
pub fn status_text(status: DirectiveStatus, due_soon: bool, lang: crate::i18n::Lang) -> String {
    if due_soon {
        format!("⌛ {}", lang.strings().directives.due_soon)
    } else {
        format!("{} {}", status.icon(), status.label(lang))
    }
}

/// Every text a status cell can hold in `lang`.
pub fn status_texts(lang: crate::i18n::Lang) -> Vec<String> {
    let mut texts: Vec<String> =
        followup::SUMMARY_ORDER.iter().map(|status| status_text(*status, false, lang)).collect();
    texts.push(status_text(DirectiveStatus::InProgress, true, lang));
    texts
}

pub use crate::window::ui::date_picker::WIDEST_DATE;

/// The widths of the columns whose words come from a small set (dates, the statuses),
/// measured with the font that draws them in the language shown, so none is cut: the
/// Vietnamese ones were ("15/12/202", "quá hạn chưa hoàn …").
#[derive(Clone, Copy, Debug)]
struct FixedColumns {
    /// The deadline's text field.
    deadline_field: f32,
    /// The field, the space and the calendar button.
    deadline: f32,
    status: f32,
}

impl FixedColumns {
    fn measure(ui: &egui::Ui, lang: crate::i18n::Lang) -> FixedColumns {
        let width = |text: &str, font: egui::FontId| {
            ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::BLACK).size().x)
        };
        let spacing = ui.spacing().item_spacing.x;
        let deadline_field = crate::window::ui::date_picker::date_field_width(
            ui,
            &lang.strings().directives.deadline_hint,
        );
        let deadline = deadline_field
            + spacing
            + crate::window::ui::date_picker::CALENDAR_WIDTH
            + CELL_PADDING;
        let status =
            status_texts(lang).iter().map(|text| width(text, status_font())).fold(0.0, f32::max)
                + CELL_PADDING;
        FixedColumns { deadline_field, deadline: deadline.ceil(), status: status.ceil() }
    }

    /// The width the list needs for every column at its narrowest.
    fn list_at_least(&self, spacing: f32) -> f32 {
        NUMBER_WIDTH
            + TEXT_AT_LEAST
            + LEAD_AT_LEAST
            + self.deadline
            + self.status
            + TICK_WIDTH
            + 6.0 * spacing
    }
}

/// What a table cell keeps free beside its contents (egui_extras' cell margins and a
/// pixel to spare).
const CELL_PADDING: f32 = 10.0;
/// How wide the note that says why a typed deadline was refused may grow.
const REFUSED_NOTE_WIDTH: f32 = 320.0;
/// The strip between the list and the editor that moves their border.
const DIVIDER_WIDTH: f32 = 9.0;

/// The border between list and editor: dragged, it gives one's width to the other; the
/// editor's width is kept under `id`.
fn divider(ui: &mut egui::Ui, id: egui::Id, editor_width: f32, most: f32, height: f32) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(DIVIDER_WIDTH, height), egui::Sense::drag());
    let active = response.hovered() || response.dragged();
    if active {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    let stroke = if active {
        ui.visuals().widgets.active.bg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    ui.painter().vline(rect.center().x, rect.y_range(), stroke);
    if response.dragged() {
        let width = (editor_width - response.drag_delta().x).clamp(EDITOR_AT_LEAST, most);
        ui.data_mut(|d| d.insert_persisted(id, width));
    }
}

fn table(
    ui: &mut egui::Ui,
    view: &View,
    state: &mut State,
    actions: &mut Vec<Action>,
    columns: FixedColumns,
) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    let found = state.rows_found(view);
    let (rows, found_in) = (found.indices.clone(), found.found_in.clone());
    if rows.is_empty() {
        ui.label(egui::RichText::new(&t.nothing_found).color(theme::MUTED));
        return;
    }
    let query = state.filter.text.clone();
    let scroll_to = std::mem::take(&mut state.editor.scroll_to_selection)
        .then(|| {
            state
                .selected
                .and_then(|id| rows.iter().position(|&i| view.dataset.directives[i].id == id))
        })
        .flatten();
    let mut builder = TableBuilder::new(ui)
        .id_salt("directives")
        .striped(true)
        .sense(egui::Sense::click())
        .auto_shrink(false)
        // The text takes what the list has left: it widens as the divider beside the editor
        // is dragged. The lead unit's column is widened at its header's edge (egui keeps the
        // width with the window's state, so it comes back next time).
        .column(Column::exact(NUMBER_WIDTH))
        .column(Column::remainder().at_least(TEXT_AT_LEAST).clip(true))
        .column(Column::initial(130.0).range(LEAD_AT_LEAST..=320.0).resizable(true).clip(true))
        .column(Column::exact(columns.deadline))
        .column(Column::exact(columns.status).clip(true))
        .column(Column::exact(TICK_WIDTH));
    if let Some(row) = scroll_to {
        builder = builder.scroll_to_row(row, None);
    }
    builder
        .header(26.0, |mut header| {
            for title in [&t.number, &t.text, &t.lead, &t.deadline, &t.status] {
                header.col(|ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(title).font(theme::bold(15.0)))
                            .truncate(),
                    );
                });
            }
            // "Hoàn thành" doesn't fit above a tick box: the tick says it, the tip spells it.
            header.col(|ui| {
                ui.label(egui::RichText::new("✔").font(theme::bold(15.0))).on_hover_text(&t.done);
            });
        })
        .body(|mut body| {
            let font = egui::TextStyle::Body.resolve(body.ui_mut().style());
            let line_height = body.ui_mut().fonts_mut(|f| f.row_height(&font));
            let (text_width, lead_width) = (body.widths()[1], body.widths()[2]);
            let heights = &mut state.row_heights;
            let unit_name = |u| unit_names(view.dataset, &[u], lang);
            let none = &t.none;
            heights.update(body.ui_mut(), &font, view.dataset, view.revision, unit_name, none);
            let lines: Vec<(usize, usize)> =
                rows.iter().map(|&i| heights.lines(i, text_width, lead_width)).collect();
            // A row found by a field it does not show gets a line under its text that says
            // which ("khớp: đơn vị phối hợp").
            let row_heights = lines.iter().zip(&found_in).map(|(&(text, lead), &field)| {
                let text = text + usize::from(says_where(field));
                crate::window::ui::row_heights::row_height(text.max(lead), line_height)
            });
            body.heterogeneous_rows(row_heights, |mut row| {
                let index = rows[row.index()];
                let (text_lines, lead_lines) = lines[row.index()];
                let directive = &view.dataset.directives[index];
                let number = index + 1;
                row.set_selected(state.selected == Some(directive.id));
                let status = DirectiveStatus::of_directive(directive, view.today);
                let due_soon = followup::is_due_soon(directive, view.today, state.due_soon_days);
                row.col(|ui| {
                    ui.label(egui::RichText::new(format!("{number}.")).font(theme::bold(15.0)));
                });
                let found_in = found_in[row.index()];
                let marked = |field: SearchField| {
                    if found_in == Some(field) { query.as_str() } else { "" }
                };
                row.col(|ui| {
                    let text = &directive.text;
                    let job = wrapped(ui, text, marked(SearchField::Text), &font, text_lines);
                    if let Some(field) = found_in.filter(|&f| says_where(Some(f))) {
                        ui.vertical(|ui| {
                            ui.add(job);
                            ui.label(
                                egui::RichText::new(fill(
                                    &t.matched_in,
                                    &[("field", &field_name(field, lang))],
                                ))
                                .color(theme::MUTED),
                            );
                        });
                    } else {
                        ui.add(job);
                    }
                });
                row.col(|ui| {
                    let lead = directive.lead_unit.map(|u| unit_names(view.dataset, &[u], lang));
                    let lead = lead.unwrap_or_else(|| t.none.clone());
                    ui.add(wrapped(ui, &lead, marked(SearchField::Lead), &font, lead_lines));
                });
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        // "Thời hạn nhiệm vụ 3": the field's name and its calendar's.
                        let name = fill(&t.deadline_label, &[("n", &number)]);
                        let width = columns.deadline_field;
                        deadline_field(ui, &name, width, directive, state, actions, view);
                        deadline_calendar(ui, &name, directive, state, actions, view);
                    });
                });
                row.col(|ui| {
                    let text = status_text(status, due_soon, lang);
                    let colour =
                        if due_soon { theme::DUE_SOON } else { theme::status_colour(status) };
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(text).color(colour).font(status_font()),
                        )
                        .truncate(),
                    );
                });
                row.col(|ui| {
                    let mut done = directive.completed_on.is_some();
                    let checkbox = ui
                        .checkbox(&mut done, "")
                        .accessible_name(fill(&t.done_label, &[("n", &number)]));
                    if checkbox.changed() {
                        let on = done.then_some(view.today);
                        actions.push(Action::SetCompleted { id: directive.id, on });
                    }
                });
                let response = row.response();
                if response.clicked() {
                    state.select(Some(directive.id));
                }
                // The whole text, however many lines the row shows of it. Not on_hover_text:
                // that would also name the row after the text, a second node of that name
                // beside the text's own label for a screen reader.
                response.on_hover_ui(|ui| {
                    ui.set_max_width(ui.spacing().tooltip_width);
                    ui.label(&directive.text);
                });
            });
        });
}

/// What a row says its search words were found in.
fn field_name(field: SearchField, lang: crate::i18n::Lang) -> String {
    let t = &lang.strings().directives;
    match field {
        SearchField::Text => t.text.to_lowercase(),
        SearchField::Lead => t.matched_lead.clone(),
        SearchField::ExpectedOutput => t.matched_expected_output.clone(),
        SearchField::Supporting => t.matched_supporting.clone(),
        SearchField::Addressee => t.matched_addressee.clone(),
        SearchField::Note => t.matched_note.clone(),
    }
}

/// `text` wrapped to at most `lines` lines of the column, ending in "…" if it needs more,
/// the beginnings of words that the search `query` found marked (none for an empty one).
fn wrapped(
    ui: &egui::Ui,
    text: &str,
    query: &str,
    font: &egui::FontId,
    lines: usize,
) -> egui::Label {
    let plain = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marked = egui::TextFormat { background: theme::SEARCH_MATCH, ..plain.clone() };
    let mut job = egui::text::LayoutJob::default();
    let mut done = 0;
    for range in crate::model::search::highlights(text, query) {
        job.append(&text[done..range.start], 0.0, plain.clone());
        job.append(&text[range.clone()], 0.0, marked.clone());
        done = range.end;
    }
    job.append(&text[done..], 0.0, plain);
    job.wrap.max_rows = lines;
    job.wrap.overflow_character = Some('…');
    egui::Label::new(job).wrap().selectable(false)
}

/// The calendar beside a row's deadline: the day picked is the deadline.
fn deadline_calendar(
    ui: &mut egui::Ui,
    name: &str,
    directive: &Directive,
    state: &mut State,
    actions: &mut Vec<Action>,
    view: &View,
) {
    let shown = directive.deadline;
    if let Some(picked) =
        crate::window::ui::date_picker::button(ui, name, shown, view.today, view.lang)
    {
        state.refused = None;
        state.editing = None;
        if Some(picked) != directive.deadline {
            actions.push(Action::SetDeadline { id: directive.id, deadline: Some(picked) });
        }
    }
}

/// The deadline as a text field: typed dd/mm/yyyy, applied when the field is left; an
/// empty field clears the deadline; anything else is refused with the reason.
fn deadline_field(
    ui: &mut egui::Ui,
    name: &str,
    width: f32,
    directive: &Directive,
    state: &mut State,
    actions: &mut Vec<Action>,
    view: &View,
) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    let refused = state.refused.as_ref().filter(|r| r.directive == directive.id);
    let mut text = match (&state.editing, refused) {
        (Some((id, text)), _) if *id == directive.id => text.clone(),
        (_, Some(refused)) => refused.typed.clone(),
        _ => directive.deadline.map(format::date).unwrap_or_default(),
    };
    let mut field =
        egui::TextEdit::singleline(&mut text).desired_width(width).hint_text(&t.deadline_hint);
    if refused.is_some() {
        field = field.background_color(theme::REFUSED_FIELD);
    }
    let response = ui.add(field).accessible_name(name.to_owned());
    if let Some(refused) = refused {
        // Beside the field, over the rows below it: the list does not move, and the words
        // are where the official is looking.
        let reason = reason_for(&refused.typed, lang);
        egui::Area::new(response.id.with("refused"))
            .order(egui::Order::Foreground)
            .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 2.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(REFUSED_NOTE_WIDTH);
                    ui.label(egui::RichText::new(reason).color(theme::ERROR));
                });
            });
    }
    if response.has_focus() {
        if response.changed() {
            state.refused = None;
        }
        state.editing = Some((directive.id, text));
        return;
    }
    // egui may report the loss of focus on two frames; only the first ends an edit.
    let was_editing = matches!(&state.editing, Some((id, _)) if *id == directive.id);
    if !response.lost_focus() || !was_editing {
        return;
    }
    state.editing = None;
    match parse_optional_date(&text) {
        Ok(deadline) => {
            state.refused = None;
            if deadline != directive.deadline {
                actions.push(Action::SetDeadline { id: directive.id, deadline });
            }
        }
        Err(typed) => {
            state.refused =
                Some(Refused { directive: directive.id, typed, revision: view.revision })
        }
    }
}

fn meetings_section(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    egui::CollapsingHeader::new(format!("{} ({})", t.meetings, view.dataset.meetings.len()))
        .id_salt("meetings")
        .show(ui, |ui| {
            for meeting in &view.dataset.meetings {
                let count =
                    view.dataset.directives.iter().filter(|d| d.meeting_id == meeting.id).count();
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(format::date(meeting.date)).font(theme::bold(15.0)),
                    );
                    ui.label(&meeting.title);
                    ui.label(
                        egui::RichText::new(fill(&t.meeting_directives, &[("count", &count)]))
                            .color(theme::MUTED),
                    );
                });
            }
            let form = &mut state.meeting_form;
            if !form.open {
                if ui.button(format!("+ {}", t.add_meeting)).clicked() {
                    form.open = true;
                }
                return;
            }
            egui::Grid::new("meeting-form").num_columns(2).show(ui, |ui| {
                let field = |ui: &mut egui::Ui, label: &str, text: &mut String, multiline: bool| {
                    let caption = ui.label(label);
                    let edit = if multiline {
                        egui::TextEdit::multiline(text).desired_rows(2)
                    } else {
                        egui::TextEdit::singleline(text)
                    };
                    ui.add(edit.desired_width(360.0)).labelled_by(caption.id);
                    ui.end_row();
                };
                field(ui, &t.meeting_title, &mut form.title, false);
                let caption = ui.label(&t.meeting_date);
                ui.horizontal(|ui| {
                    let edit = egui::TextEdit::singleline(&mut form.date)
                        .hint_text("dd/mm/yyyy")
                        .desired_width(110.0);
                    ui.add(edit).labelled_by(caption.id);
                    let shown = format::parse_date(&form.date);
                    let calendar = crate::window::ui::date_picker::button;
                    if let Some(picked) = calendar(ui, &t.meeting_date, shown, view.today, lang) {
                        form.date = format::date(picked);
                    }
                });
                ui.end_row();
                field(ui, &t.meeting_chair, &mut form.chair, false);
                field(ui, &t.meeting_attendees, &mut form.attendees, true);
            });
            if let Some(error) = &form.error {
                ui.label(egui::RichText::new(error).color(theme::ERROR));
            }
            let (add, cancel) = ui
                .horizontal(|ui| {
                    (
                        ui.button(&t.add_meeting).clicked(),
                        ui.button(&lang.strings().app.cancel).clicked(),
                    )
                })
                .inner;
            if cancel {
                state.meeting_form = MeetingForm::default();
            } else if add {
                match form.to_meeting(view.dataset) {
                    Some(meeting) => {
                        state.filter.meeting = Some(meeting.id);
                        actions.push(Action::AddMeeting(Box::new(meeting)));
                        state.meeting_form = MeetingForm::default();
                    }
                    None => form.error = Some(t.meeting_incomplete.clone()),
                }
            }
        });
}

/// The directives shown (the filter's rows, in their order), as "Sao chép bảng" copies them.
fn list_clip(
    view: &View,
    rows: &[usize],
    due_soon_days: i32,
) -> crate::window::clipboard::ClipTable {
    let lang = view.lang;
    let t = &lang.strings().directives;
    let rows = rows
        .iter()
        .map(|&index| {
            let directive = &view.dataset.directives[index];
            let status = DirectiveStatus::of_directive(directive, view.today);
            let mut status_text = status.label(lang).to_owned();
            if followup::is_due_soon(directive, view.today, due_soon_days) {
                status_text = format!("{status_text} — {}", t.due_soon);
            }
            vec![
                (index + 1).to_string(),
                directive.text.clone(),
                directive
                    .lead_unit
                    .map(|u| unit_names(view.dataset, &[u], lang))
                    .unwrap_or_else(|| t.none.clone()),
                directive.deadline.map(format::date).unwrap_or_default(),
                status_text,
            ]
        })
        .collect();
    crate::window::clipboard::ClipTable {
        headers: [&t.number, &t.text, &t.lead, &t.deadline, &t.status].map(String::clone).to_vec(),
        rows,
    }
}
