//! Forms for the records that are not figures or directives: a zone (name, kind, area,
//! qualifier, count, note, source) and a meeting's details (title, date, chair, attendees,
//! reporting body, topics, assessment). Each holds its fields as typed text until saved;
//! a bad field is refused with its reason and nothing is applied; a save is one undo step.

use crate::editing::action::Action;
use crate::format;
use crate::format::input::{parse_number, plain_number};
use crate::i18n::{Lang, fill};
use crate::model::{Meeting, Qualifier, Zone, ZoneId, ZoneKind};
use crate::window::ui::figures_editor::qualifier_row;
use crate::window::ui::theme;

/// A zone being edited or added.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneDraft {
    id: ZoneId,
    name: String,
    kind: ZoneKind,
    /// Empty: the source gives no area.
    area: String,
    qualifier: Qualifier,
    count: u32,
    note: String,
    source: String,
}

impl ZoneDraft {
    /// The form filled with `zone`.
    pub fn edit(zone: &Zone, lang: Lang) -> ZoneDraft {
        ZoneDraft {
            id: zone.id,
            name: zone.name.clone(),
            kind: zone.kind,
            area: zone.area_ha.map(|a| plain_number(a, lang)).unwrap_or_default(),
            qualifier: zone.qualifier,
            count: zone.count,
            note: zone.note.clone(),
            source: zone.source_ref.clone(),
        }
    }

    /// An empty form for a new zone with this id.
    pub fn new(id: ZoneId) -> ZoneDraft {
        ZoneDraft {
            id,
            name: String::new(),
            kind: ZoneKind::IndustrialCluster,
            area: String::new(),
            qualifier: Qualifier::Exact,
            count: 1,
            note: String::new(),
            source: String::new(),
        }
    }

    fn to_action(&self, lang: Lang) -> Result<Action, String> {
        let t = &lang.strings().record_forms;
        if self.name.trim().is_empty() {
            return Err(t.name_needed.clone());
        }
        let area = match self.area.trim() {
            "" => None,
            text => Some(
                parse_number(text, lang)
                    .map_err(|e| format!("{}: {}", t.area, e.describe(text, lang)))?,
            ),
        };
        Ok(Action::PutZone(Box::new(Zone {
            id: self.id,
            name: self.name.trim().to_owned(),
            kind: self.kind,
            area_ha: area,
            qualifier: self.qualifier,
            count: self.count.max(1),
            note: self.note.trim().to_owned(),
            source_ref: self.source.trim().to_owned(),
        })))
    }
}

/// Draws the zone form; the edit goes to `actions` when saved. Returns whether the form
/// is finished (saved or cancelled).
pub fn zone_form(
    ui: &mut egui::Ui,
    draft: &mut ZoneDraft,
    error: &mut Option<String>,
    lang: Lang,
    actions: &mut Vec<Action>,
) -> bool {
    let t = &lang.strings().record_forms;
    let mut finished = false;
    crate::window::ui::card(ui, |ui| {
        egui::Grid::new("zone-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            text_row(ui, &t.name, &mut draft.name, 420.0);
            let label = ui.label(&t.kind);
            egui::ComboBox::from_id_salt("zone-kind")
                .selected_text(format::zone_kind(draft.kind, lang))
                .show_ui(ui, |ui| {
                    for kind in [
                        ZoneKind::IndustrialZone,
                        ZoneKind::ExportProcessingZone,
                        ZoneKind::IndustrialCluster,
                    ] {
                        ui.selectable_value(&mut draft.kind, kind, format::zone_kind(kind, lang));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(&t.area);
            crate::window::ui::beside(ui, |ui| {
                ui.add(
                    // Wide enough for its hint ("để trống nếu…" was cut).
                    egui::TextEdit::singleline(&mut draft.area)
                        .desired_width(180.0)
                        .hint_text(&t.area_hint),
                )
                .labelled_by(label.id);
                ui.label("ha");
            });
            ui.end_row();
            qualifier_row(ui, &t.qualifier, "zone-qualifier", &mut draft.qualifier, lang);
            let label = ui.label(&t.count);
            ui.add(egui::DragValue::new(&mut draft.count).range(1..=10_000)).labelled_by(label.id);
            ui.end_row();
            text_row(ui, &t.note, &mut draft.note, 420.0);
            text_row(ui, &t.source, &mut draft.source, 420.0);
        });
        finished = buttons(ui, lang, || draft.to_action(lang), error, actions);
    });
    finished
}

/// A meeting's details being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingDraft {
    original: Meeting,
    title: String,
    date: String,
    chair: String,
    reporting_body: String,
    attendees: String,
    topics: String,
    assessment: String,
}

impl MeetingDraft {
    /// The form filled with `meeting`.
    pub fn edit(meeting: &Meeting) -> MeetingDraft {
        MeetingDraft {
            original: meeting.clone(),
            title: meeting.title.clone(),
            date: format::date(meeting.date),
            chair: meeting.chair.clone(),
            reporting_body: meeting.reporting_body.clone(),
            attendees: meeting.attendees.join("\n"),
            topics: meeting.topics.join("\n"),
            assessment: meeting.assessment.join("\n"),
        }
    }

    /// The meeting it edits.
    pub fn id(&self) -> crate::model::MeetingId {
        self.original.id
    }

    fn to_action(&self, lang: Lang) -> Result<Action, String> {
        let t = &lang.strings().record_forms;
        if self.title.trim().is_empty() {
            return Err(t.title_needed.clone());
        }
        let date = format::parse_date(self.date.trim())
            .ok_or_else(|| fill(&lang.strings().directives.bad_date, &[("text", &self.date)]))?;
        let lines = |text: &str| -> Vec<String> {
            text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
        };
        Ok(Action::ReplaceMeeting(Box::new(Meeting {
            title: self.title.trim().to_owned(),
            date,
            chair: self.chair.trim().to_owned(),
            reporting_body: self.reporting_body.trim().to_owned(),
            attendees: lines(&self.attendees),
            topics: lines(&self.topics),
            assessment: lines(&self.assessment),
            ..self.original.clone()
        })))
    }
}

/// Draws the meeting form; returns whether it is finished.
pub fn meeting_form(
    ui: &mut egui::Ui,
    draft: &mut MeetingDraft,
    error: &mut Option<String>,
    (lang, today): (Lang, jiff::civil::Date),
    actions: &mut Vec<Action>,
) -> bool {
    let t = &lang.strings().record_forms;
    let o = &lang.strings().overview;
    let mut finished = false;
    crate::window::ui::card(ui, |ui| {
        ui.label(egui::RichText::new(&t.meeting_title).font(theme::bold(17.0)));
        egui::Grid::new("meeting-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            text_row(ui, &t.title, &mut draft.title, 460.0);
            let label = ui.label(&o.date);
            crate::window::ui::beside(ui, |ui| {
                let edit = egui::TextEdit::singleline(&mut draft.date).desired_width(120.0);
                ui.add(edit).labelled_by(label.id);
                let shown = format::parse_date(draft.date.trim());
                let calendar = crate::window::ui::date_picker::button;
                if let Some(picked) = calendar(ui, &o.date, shown, today, lang) {
                    draft.date = format::date(picked);
                }
            });
            ui.end_row();
            text_row(ui, &o.chair, &mut draft.chair, 460.0);
            text_row(ui, &o.reporting_body, &mut draft.reporting_body, 460.0);
            lines_row(ui, &o.attendees, &mut draft.attendees);
            lines_row(ui, &o.topics, &mut draft.topics);
            lines_row(ui, &o.assessment, &mut draft.assessment);
        });
        ui.label(egui::RichText::new(&t.lines_hint).small().color(theme::MUTED));
        finished = buttons(ui, lang, || draft.to_action(lang), error, actions);
    });
    finished
}

fn text_row(ui: &mut egui::Ui, name: &str, value: &mut String, width: f32) {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(value).desired_width(width)).labelled_by(label.id);
    ui.end_row();
}

fn lines_row(ui: &mut egui::Ui, name: &str, value: &mut String) {
    let label = ui.label(name);
    ui.add(egui::TextEdit::multiline(value).desired_width(460.0).desired_rows(3))
        .labelled_by(label.id);
    ui.end_row();
}

/// Save and Cancel, and the reason a save was refused. Returns whether the form is done.
fn buttons(
    ui: &mut egui::Ui,
    lang: Lang,
    action: impl FnOnce() -> Result<Action, String>,
    error: &mut Option<String>,
    actions: &mut Vec<Action>,
) -> bool {
    let t = &lang.strings().record_forms;
    let mut finished = false;
    ui.horizontal(|ui| {
        if ui.button(&t.save).clicked() {
            match action() {
                Ok(action) => {
                    actions.push(action);
                    *error = None;
                    finished = true;
                }
                Err(message) => *error = Some(message),
            }
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            *error = None;
            finished = true;
        }
    });
    if let Some(message) = error {
        ui.label(egui::RichText::new(message.as_str()).color(theme::ERROR));
    }
    finished
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    #[test]
    fn a_zone_keeps_no_area_as_none_and_refuses_a_bad_one() {
        let data = builtin::dataset();
        let huu_lung = data.zones.iter().find(|z| z.area_ha.is_none()).unwrap();
        let mut draft = ZoneDraft::edit(huu_lung, Lang::Vi);
        assert_eq!(draft.area, "");
        let Action::PutZone(zone) = draft.to_action(Lang::Vi).unwrap() else { panic!() };
        assert_eq!(zone.area_ha, None);
        draft.area = "1.234,5".into();
        let Action::PutZone(zone) = draft.to_action(Lang::Vi).unwrap() else { panic!() };
        assert_eq!(zone.area_ha, Some(1234.5));
        draft.area = "ba trăm".into();
        assert!(draft.to_action(Lang::Vi).unwrap_err().contains("ba trăm"));
    }

    #[test]
    fn a_meeting_date_after_its_directives_deadlines_is_refused() {
        let mut data = builtin::dataset();
        data.directives[0].deadline = Some(jiff::civil::date(2019, 8, 1));
        let mut draft = MeetingDraft::edit(&data.meetings[0]);
        draft.date = "01/09/2019".into();
        let refused = draft.to_action(Lang::Vi).unwrap().apply(&mut data);
        assert!(refused.is_err(), "the deadline would fall before the meeting");
        assert_eq!(data.meetings[0].date, jiff::civil::date(2019, 7, 15), "unchanged");
        draft.date = "16/07/2019".into();
        draft.chair = "Chủ tịch UBND tỉnh".into();
        let _undo = draft.to_action(Lang::Vi).unwrap().apply(&mut data).unwrap();
        assert_eq!(data.meetings[0].chair, "Chủ tịch UBND tỉnh");
    }
}
