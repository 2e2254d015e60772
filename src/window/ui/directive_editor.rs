//! The editor of one directive: every field, each edit one undo step. Text fields edit a
//! draft and send one `ReplaceDirective` when the field is left; lists and boxes send it at
//! once. While no field has the keyboard, the draft follows the data (so undo shows).
//!
//! A field is left by the press that begins a click elsewhere, in the same frame as that
//! click's own edit (a row's ✔ box), which the list, drawn first, has already sent. The
//! draft was loaded before it, so the field's edit is the earlier of the two: the list puts
//! it first (`directives::list_view`). A click on another row does not drop what was typed:
//! the edit is sent before the other row is loaded.

use crate::editing::action::Action;
use crate::format;
use crate::i18n::fill;
use crate::model::status::DirectiveStatus;
use crate::model::{Directive, DirectiveId, MeetingId, ProgressNote, Unit, UnitKind};
use crate::window::ui::date_picker;
use crate::window::ui::directive_fields::{parse_optional_date, reason_for, unit_names};
use crate::window::ui::{View, theme};

/// The editor's state: the draft being edited and the texts of its date fields.
#[derive(Debug, Default)]
pub struct Editor {
    draft: Option<Directive>,
    /// The directive as the draft was loaded from it: the draft differs from it by what was
    /// typed and not yet sent.
    loaded: Option<Directive>,
    /// The draft is a new directive, not yet in the list: its fields are filled in, then
    /// "Thêm vào danh sách" adds it whole, as one step.
    is_new: bool,
    deadline_text: String,
    completed_text: String,
    note_dates: Vec<String>,
    /// A refused date, and why.
    error: Option<String>,
    /// Put the keyboard in the text field next frame (new directive, Enter).
    focus_text: bool,
    /// Scroll the list to the selection next frame (arrow keys).
    pub scroll_to_selection: bool,
    new_unit_name: String,
    new_unit_kind: Option<UnitKind>,
}

impl Editor {
    /// Puts the keyboard in the directive's text next frame.
    pub fn focus_text(&mut self) {
        self.focus_text = true;
    }

    /// Starts a new directive for `meeting` with `id`; nothing enters the list until the
    /// user adds it.
    pub fn start_new(&mut self, id: DirectiveId, meeting: MeetingId) {
        let directive = Directive {
            id,
            meeting_id: meeting,
            text: String::new(),
            addressees: Vec::new(),
            lead_unit: None,
            supporting_units: Vec::new(),
            deadline: None,
            expected_output: String::new(),
            progress: Vec::new(),
            completed_on: None,
        };
        self.load(&directive);
        self.is_new = true;
        self.error = None;
        self.focus_text = true;
    }

    /// Whether a new directive is being filled in.
    pub fn is_new(&self) -> bool {
        self.is_new
    }

    /// Drops a new directive being filled in.
    pub fn cancel_new(&mut self) {
        // Only a new one: the draft of a directive in the list may hold what was typed,
        // still to be sent when the editor shows another (`unsent`).
        if std::mem::take(&mut self.is_new) {
            self.draft = None;
            self.loaded = None;
        }
    }

    fn load(&mut self, directive: &Directive) {
        self.deadline_text = directive.deadline.map(format::date).unwrap_or_default();
        self.completed_text = directive.completed_on.map(format::date).unwrap_or_default();
        self.note_dates = directive.progress.iter().map(|n| format::date(n.date)).collect();
        self.draft = Some(directive.clone());
        self.loaded = Some(directive.clone());
    }

    /// What was typed into the draft of a directive in the list and not yet sent (the field
    /// still had the keyboard when another row was chosen).
    fn unsent(&self, view: &View) -> Option<Action> {
        let (draft, loaded) = (self.draft.as_ref()?, self.loaded.as_ref()?);
        let still_there = view.dataset.directive(draft.id).is_some();
        (!self.is_new && still_there && draft != loaded)
            .then(|| Action::ReplaceDirective(Box::new(draft.clone())))
    }

    /// Draws the editor of `directive` (number `number` in the list), or of the new
    /// directive when `directive` is `None`; returns the edits made, in the order made.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        view: &View,
        directive: Option<&Directive>,
        number: usize,
    ) -> Vec<Action> {
        let mut out = Vec::new();
        if let Some(directive) = directive {
            let typing = ui.ctx().text_edit_focused();
            let same = self.draft.as_ref().is_some_and(|d| d.id == directive.id);
            if !same {
                out.extend(self.unsent(view));
            }
            self.is_new = false;
            if !same || (!typing && self.draft.as_ref() != Some(directive)) {
                if !same {
                    self.error = None;
                }
                self.load(directive);
            }
        }
        egui::ScrollArea::vertical().id_salt("editor").auto_shrink(false).show(ui, |ui| {
            out.extend(self.fields(ui, view, directive, number));
        });
        out
    }

    /// The buttons of a new directive: "+ Thêm vào danh sách" (once it has a text) and
    /// "Huỷ".
    fn add_or_cancel(&mut self, ui: &mut egui::Ui, view: &View) -> Option<Action> {
        let lang = view.lang;
        let t = &lang.strings().directives;
        let draft = self.draft.as_ref().expect("loaded before");
        let ready = !draft.text.trim().is_empty();
        let (add, cancel) = ui
            .horizontal(|ui| {
                let add = ui.add_enabled(ready, egui::Button::new(format!("+ {}", t.add_to_list)));
                (add.clicked(), ui.button(&lang.strings().app.cancel).clicked())
            })
            .inner;
        if add {
            let index = view.dataset.directives.len();
            self.is_new = false;
            return Some(Action::InsertDirective { index, directive: Box::new(draft.clone()) });
        }
        if cancel {
            self.cancel_new();
        }
        None
    }

    fn fields(
        &mut self,
        ui: &mut egui::Ui,
        view: &View,
        current: Option<&Directive>,
        number: usize,
    ) -> Option<Action> {
        let lang = view.lang;
        let t = &lang.strings().directives;
        let mut commit = false;
        let mut out = None;
        let status = DirectiveStatus::of_directive(current.or(self.draft.as_ref())?, view.today);
        let title = match current {
            Some(_) => fill(&t.editor_title, &[("n", &number)]),
            None => t.new_title.clone(),
        };
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(title).font(theme::bold(18.0)));
            ui.label(
                egui::RichText::new(format!("{} {}", status.icon(), status.label(lang)))
                    .color(theme::status_colour(status))
                    .font(theme::bold(15.0)),
            );
        });
        // A new directive is added whole, or dropped, with the buttons under its title: in
        // view as soon as Ctrl+N opens it (below its fields they were two scrolls down).
        let added = if current.is_none() { self.add_or_cancel(ui, view) } else { None };
        // Cancelled: nothing left to edit.
        let draft = self.draft.as_mut()?;

        label(ui, &t.text);
        let text = ui
            .add(
                egui::TextEdit::multiline(&mut draft.text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(t.text_label.clone());
        if std::mem::take(&mut self.focus_text) {
            text.request_focus();
        }
        commit |= text.lost_focus();

        label(ui, &t.meeting);
        let meeting_name = |id| {
            view.dataset
                .meeting(id)
                .map(|m| format!("{} — {}", format::date(m.date), m.title))
                .unwrap_or_default()
        };
        let before = draft.meeting_id;
        egui::ComboBox::from_id_salt("editor-meeting")
            .selected_text(meeting_name(draft.meeting_id))
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                for meeting in &view.dataset.meetings {
                    ui.selectable_value(
                        &mut draft.meeting_id,
                        meeting.id,
                        meeting_name(meeting.id),
                    );
                }
            })
            .response
            .accessible_name(t.meeting_of_directive.clone());
        commit |= draft.meeting_id != before;

        if !draft.addressees.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&t.addressees).font(theme::bold(14.0)));
                ui.label(unit_names(view.dataset, &draft.addressees, lang));
            });
        }

        label(ui, &t.lead);
        let before = draft.lead_unit;
        let unit_name =
            |id| view.dataset.unit(id).map(|u: &Unit| u.name.clone()).unwrap_or_default();
        egui::ComboBox::from_id_salt("editor-lead")
            .selected_text(draft.lead_unit.map(unit_name).unwrap_or_else(|| t.no_lead.clone()))
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.lead_unit, None, t.no_lead.as_str());
                for unit in &view.dataset.units {
                    ui.selectable_value(&mut draft.lead_unit, Some(unit.id), unit.name.as_str());
                }
            })
            .response
            .accessible_name(t.lead_of_directive.clone());
        if draft.lead_unit != before {
            // A lead unit doesn't also support.
            draft.supporting_units.retain(|u| Some(*u) != draft.lead_unit);
            commit = true;
        }

        label(ui, &t.supporting);
        ui.horizontal_wrapped(|ui| {
            for unit in view.dataset.units.iter().filter(|u| Some(u.id) != draft.lead_unit) {
                let mut on = draft.supporting_units.contains(&unit.id);
                let name = format!("{}: {}", t.supporting, unit.name);
                if ui.checkbox(&mut on, unit.name.as_str()).accessible_name(name).changed() {
                    if on {
                        draft.supporting_units.push(unit.id);
                    } else {
                        draft.supporting_units.retain(|u| *u != unit.id);
                    }
                    commit = true;
                }
            }
        });
        // Wrapped: in a narrow editor "Thêm đơn vị" goes under the name rather than past the
        // editor's edge, where it was cut.
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.new_unit_name)
                    .hint_text(&t.new_unit_hint)
                    .desired_width(ui.available_width().clamp(110.0, 180.0)),
            )
            .accessible_name(t.new_unit.clone());
            let kinds = [
                UnitKind::Department,
                UnitKind::Sector,
                UnitKind::District,
                UnitKind::Enterprise,
                UnitKind::Group,
            ];
            let kind = self.new_unit_kind.get_or_insert(UnitKind::Department);
            egui::ComboBox::from_id_salt("new-unit-kind")
                .selected_text(crate::format::unit_kind(*kind, lang))
                .show_ui(ui, |ui| {
                    for choice in kinds {
                        ui.selectable_value(kind, choice, crate::format::unit_kind(choice, lang));
                    }
                })
                .response
                .accessible_name(t.new_unit_kind.clone());
            let name = crate::model::unit_name(&self.new_unit_name);
            if ui.add_enabled(!name.is_empty(), egui::Button::new(&t.add_unit)).clicked() {
                let unit = Unit { id: view.dataset.next_unit_id(), name, kind: *kind };
                self.new_unit_name.clear();
                out = Some(Action::AddUnit(unit));
            }
        });

        label(ui, &t.deadline);
        let draft = self.draft.as_mut().expect("loaded above");
        ui.horizontal(|ui| {
            match date_field(ui, &mut self.deadline_text, &t.editor_deadline_label) {
                Some(Ok(date)) => {
                    draft.deadline = date;
                    commit = true;
                }
                Some(Err(typed)) => self.error = Some(reason_for(&typed, lang)),
                None => {}
            }
            let shown = draft.deadline;
            if let Some(picked) =
                date_picker::button(ui, &t.editor_deadline_label, shown, view.today, lang)
            {
                draft.deadline = Some(picked);
                self.deadline_text = format::date(picked);
                commit = true;
            }
        });

        let caption = label(ui, &t.expected_output);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut draft.expected_output).desired_width(f32::INFINITY),
            )
            .labelled_by(caption.id);
        commit |= field.lost_focus();

        label(ui, &t.completed_on);
        ui.horizontal(|ui| {
            match date_field(ui, &mut self.completed_text, &t.completed_label) {
                Some(Ok(date)) => {
                    draft.completed_on = date;
                    commit = true;
                }
                Some(Err(typed)) => self.error = Some(reason_for(&typed, lang)),
                None => {}
            }
            let shown = draft.completed_on;
            if let Some(picked) =
                date_picker::button(ui, &t.completed_label, shown, view.today, lang)
            {
                draft.completed_on = Some(picked);
                self.completed_text = format::date(picked);
                commit = true;
            }
            if ui.button(&t.today).clicked() {
                draft.completed_on = Some(view.today);
                self.completed_text = format::date(view.today);
                commit = true;
            }
        });

        label(ui, &t.progress);
        let mut remove = None;
        for (i, note) in draft.progress.iter_mut().enumerate() {
            let n = i + 1;
            ui.horizontal(|ui| {
                let date_text = &mut self.note_dates[i];
                let field = ui
                    .add(egui::TextEdit::singleline(date_text).desired_width(96.0))
                    .accessible_name(fill(&t.note_date_label, &[("n", &n)]));
                if field.lost_focus() {
                    match format::parse_date(date_text) {
                        Some(date) => {
                            note.date = date;
                            commit = true;
                        }
                        None => self.error = Some(reason_for(date_text.trim(), lang)),
                    }
                }
                let salt = fill(&t.note_date_label, &[("n", &n)]);
                if let Some(picked) =
                    date_picker::button(ui, &salt, Some(note.date), view.today, lang)
                {
                    note.date = picked;
                    *date_text = format::date(picked);
                    commit = true;
                }
                let width = ui.available_width() - 40.0;
                let text = ui
                    .add(
                        egui::TextEdit::multiline(&mut note.text)
                            .desired_rows(1)
                            .desired_width(width),
                    )
                    .accessible_name(fill(&t.note_text_label, &[("n", &n)]));
                commit |= text.lost_focus();
                if ui
                    .button("🗑")
                    .on_hover_text(fill(&t.delete_note, &[("n", &n)]))
                    .accessible_name(fill(&t.delete_note, &[("n", &n)]))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            draft.progress.remove(i);
            self.note_dates.remove(i);
            commit = true;
        }
        if ui.button(format!("+ {}", t.add_note)).clicked() {
            draft.progress.push(ProgressNote { date: view.today, text: String::new() });
            self.note_dates.push(format::date(view.today));
            commit = true;
        }
        if let Some(error) = &self.error {
            ui.label(egui::RichText::new(error).color(theme::ERROR));
        }

        ui.add_space(8.0);
        ui.separator();
        let Some(current) = current else {
            return added.or(out);
        };
        ui.horizontal_wrapped(|ui| {
            if ui.button(&t.duplicate).clicked() {
                let mut copy = current.clone();
                copy.id = view.dataset.next_directive_id();
                copy.progress.clear();
                copy.completed_on = None;
                let index =
                    crate::model::followup::position(view.dataset, current.id).map_or(0, |i| i + 1);
                out = Some(Action::InsertDirective { index, directive: Box::new(copy) });
            }
            if ui.button(&t.delete).clicked() {
                out = Some(Action::RemoveDirective { id: current.id });
            }
            let position = crate::model::followup::position(view.dataset, current.id).unwrap_or(0);
            if ui.add_enabled(position > 0, egui::Button::new(format!("↑ {}", t.move_up))).clicked()
            {
                out = Some(Action::MoveDirective { id: current.id, to: position - 1 });
            }
            let last = view.dataset.directives.len().saturating_sub(1);
            if ui
                .add_enabled(position < last, egui::Button::new(format!("↓ {}", t.move_down)))
                .clicked()
            {
                out = Some(Action::MoveDirective { id: current.id, to: position + 1 });
            }
        });

        let draft = self.draft.as_ref().expect("loaded above");
        if out.is_none() && commit && draft != current {
            self.error = None;
            out = Some(Action::ReplaceDirective(Box::new(draft.clone())));
        }
        out
    }
}

/// A date typed as dd/mm/yyyy (empty for none). When the field is left: the date read, or
/// the text that isn't one.
fn date_field(
    ui: &mut egui::Ui,
    text: &mut String,
    name: &str,
) -> Option<Result<Option<jiff::civil::Date>, String>> {
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(date_picker::DATE_HINT)
                .desired_width(date_picker::date_field_width(ui, date_picker::DATE_HINT)),
        )
        .accessible_name(name.to_owned());
    field.lost_focus().then(|| parse_optional_date(text))
}

fn label(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).font(theme::bold(14.0)))
}
