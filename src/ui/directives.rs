//! Chỉ đạo: the directives of the meetings as a checklist. Each can be marked done (today)
//! and given a deadline typed as dd/mm/yyyy; the status follows from the dates.

use crate::action::Action;
use crate::format;
use crate::i18n::{Lang, fill};
use crate::model::{Dataset, Directive, DirectiveId, UnitId};
use crate::status::DirectiveStatus;
use crate::ui::{View, card, heading, theme};

/// What the tab remembers between frames.
#[derive(Debug, Default)]
pub struct State {
    /// The deadline field being typed in, and its text so far.
    editing: Option<(DirectiveId, String)>,
    /// A typed deadline that was refused, and why; shown under its field.
    refused: Option<(DirectiveId, String)>,
}

/// Draws the directives tab; edits go to `actions`.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let t = &view.lang.strings().directives;
    let total = view.dataset.directives.len();
    ui.horizontal(|ui| {
        heading(ui, &t.title);
        ui.label(
            egui::RichText::new(fill(&t.count, &[("shown", &total), ("total", &total)]))
                .color(theme::MUTED),
        );
    });
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for (index, directive) in view.dataset.directives.iter().enumerate() {
            directive_card(ui, view, index + 1, directive, state, actions);
            ui.add_space(6.0);
        }
    });
}

fn directive_card(
    ui: &mut egui::Ui,
    view: &View,
    number: usize,
    directive: &Directive,
    state: &mut State,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    let status = DirectiveStatus::of_directive(directive, view.today);
    card(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{number}.")).font(theme::bold(16.0)));
            ui.label(egui::RichText::new(&directive.text).size(16.0));
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            labelled(ui, &t.addressees, &unit_names(view.dataset, &directive.addressees, lang));
            ui.add_space(12.0);
            let lead = directive.lead_unit.map(|u| unit_names(view.dataset, &[u], lang));
            labelled(ui, &t.lead, lead.as_deref().unwrap_or(&t.none));
        });
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&t.deadline).font(theme::bold(15.0)));
            deadline_field(ui, number, directive, state, actions, lang);
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new(format!("{} {}", status.icon(), status.label(lang)))
                    .color(theme::status_colour(status))
                    .font(theme::bold(15.0)),
            );
            ui.add_space(12.0);
            let mut done = directive.completed_on.is_some();
            let checkbox = ui
                .checkbox(&mut done, &t.done)
                .accessible_name(fill(&t.done_label, &[("n", &number)]));
            if checkbox.changed() {
                let on = done.then_some(view.today);
                actions.push(Action::SetCompleted { id: directive.id, on });
            }
            if let Some(completed) = directive.completed_on {
                ui.label(egui::RichText::new(format::date(completed)).color(theme::MUTED));
            }
        });
        if let Some((id, reason)) = &state.refused
            && *id == directive.id
        {
            ui.label(egui::RichText::new(reason).color(theme::ERROR));
        }
    });
}

fn labelled(ui: &mut egui::Ui, label: &str, value: &str) {
    ui.label(egui::RichText::new(label).font(theme::bold(15.0)));
    ui.label(value);
}

/// The deadline as a text field: typed dd/mm/yyyy, applied when the field is left; an
/// empty field clears the deadline; anything else is refused with the reason.
fn deadline_field(
    ui: &mut egui::Ui,
    number: usize,
    directive: &Directive,
    state: &mut State,
    actions: &mut Vec<Action>,
    lang: Lang,
) {
    let t = &lang.strings().directives;
    let mut text = match &state.editing {
        Some((id, text)) if *id == directive.id => text.clone(),
        _ => directive.deadline.map(format::date).unwrap_or_default(),
    };
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(110.0).hint_text(&t.deadline_hint))
        .accessible_name(fill(&t.deadline_label, &[("n", &number)]));
    if response.has_focus() {
        state.editing = Some((directive.id, text));
        return;
    }
    // egui may report the loss of focus on two frames; only the first ends an edit.
    let was_editing = matches!(&state.editing, Some((id, _)) if *id == directive.id);
    if !response.lost_focus() || !was_editing {
        return;
    }
    state.editing = None;
    let typed = text.trim();
    let deadline = if typed.is_empty() {
        None
    } else if let Some(date) = format::parse_date(typed) {
        Some(date)
    } else {
        state.refused = Some((directive.id, fill(&t.bad_date, &[("text", &typed)])));
        return;
    };
    state.refused = None;
    if deadline != directive.deadline {
        actions.push(Action::SetDeadline { id: directive.id, deadline });
    }
}

/// Unit names joined by "; ", naming any id the dataset lacks rather than hiding it.
fn unit_names(dataset: &Dataset, units: &[UnitId], lang: Lang) -> String {
    let t = &lang.strings().directives;
    if units.is_empty() {
        return t.none.clone();
    }
    units
        .iter()
        .map(|id| match dataset.unit(*id) {
            Some(unit) => unit.name.clone(),
            None => fill(&t.missing_unit, &[("id", &id.0)]),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
