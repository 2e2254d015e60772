//! Khu & cụm công nghiệp: the planned industrial land, one row a zone or group of zones.

use egui_extras::{Column, TableBuilder};

use crate::editing::action::Action;
use crate::format;
use crate::i18n::{Lang, fill};
use crate::interop::paper::ChartKind;
use crate::window::ui::charts::{self, PlotControls};
use crate::window::ui::record_forms::{ZoneDraft, zone_form};
use crate::window::ui::{View, heading, theme};

/// What the tab remembers between frames.
#[derive(Debug, Default)]
pub struct State {
    pub controls: PlotControls,
    /// The zone being edited or added.
    draft: Option<ZoneDraft>,
    error: Option<String>,
    /// The form was just opened: scroll it into view (it opens under the chart, below
    /// the fold at 1280×720, and above the table a zone is edited from).
    reveal: bool,
}

/// Draws the zones tab: the chart of planned area, then the table of every zone.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let t = &lang.strings().zones;
    let chart = &view.charts.zones;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        heading(ui, &chart.title);
        state.controls.show(ui, lang);
        if !chart.bars.is_empty() {
            let plot = charts::zones(ui, chart, 300.0, &state.controls, lang);
            crate::window::ui::copy_chart(ui, &plot, ChartKind::Zones, &chart.title, view);
        }
        for line in &chart.without_area {
            ui.label(egui::RichText::new(line).italics().color(theme::MUTED));
        }
        ui.add_space(8.0);
        heading(ui, &t.title);
        let f = &lang.strings().record_forms;
        if ui.button(&f.add_zone).clicked() {
            state.draft = Some(ZoneDraft::new(view.dataset.next_zone_id()));
            state.error = None;
            state.reveal = true;
        }
        if let Some(draft) = &mut state.draft {
            if zone_form(ui, draft, &mut state.error, lang, actions) {
                state.draft = None;
            } else if std::mem::take(&mut state.reveal) {
                ui.scroll_to_cursor(Some(egui::Align::Max));
            }
        }
        crate::window::ui::copy_table(ui, &t.title, view, || clip_table(view));
        // Sideways when the window is narrower than the columns (half a screen: the note
        // and the edit buttons were beyond the window's edge, out of reach).
        egui::ScrollArea::horizontal().id_salt("zones-sideways").show(ui, |ui| {
            table(ui, view, state, actions);
        });
    });
    state.controls.end_frame();
}

fn table(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let t = &lang.strings().zones;
    TableBuilder::new(ui)
        .id_salt("zones")
        .striped(true)
        .vscroll(false)
        .column(Column::auto().at_least(240.0))
        .column(Column::auto().at_least(170.0))
        .column(Column::auto().at_least(190.0))
        .column(Column::auto().at_least(70.0))
        .column(Column::auto().at_least(260.0).clip(true))
        .column(Column::remainder().at_least(120.0))
        .header(24.0, |mut header| {
            let f = &lang.strings().record_forms;
            for title in [&t.name, &t.kind, &t.area, &t.count, &t.note, &f.actions] {
                header.col(|ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(title).font(theme::bold(15.0)))
                            .extend(),
                    );
                });
            }
        })
        .body(|mut body| {
            for zone in &view.dataset.zones {
                body.row(26.0, |mut row| {
                    row.col(|ui| {
                        ui.label(&zone.name).on_hover_text(&zone.source_ref);
                    });
                    row.col(|ui| {
                        ui.label(format::zone_kind(zone.kind, lang));
                    });
                    row.col(|ui| match zone.area_ha {
                        Some(_) => {
                            ui.label(area_text(zone, lang));
                        }
                        None => {
                            ui.label(egui::RichText::new(&t.no_area).italics().color(theme::MUTED));
                        }
                    });
                    row.col(|ui| {
                        ui.label(zone.count.to_string());
                    });
                    row.col(|ui| {
                        let note = egui::RichText::new(&zone.note).color(theme::MUTED);
                        ui.add(egui::Label::new(note).truncate()).on_hover_text(&zone.note);
                    });
                    row.col(|ui| {
                        let f = &lang.strings().record_forms;
                        ui.horizontal(|ui| {
                            let edit = fill(&f.edit_label, &[("name", &zone.name)]);
                            if ui.small_button(&f.edit).accessible_name(edit).clicked() {
                                state.draft = Some(ZoneDraft::edit(zone, lang));
                                state.error = None;
                                state.reveal = true;
                            }
                            let delete = fill(&f.delete_label, &[("name", &zone.name)]);
                            if ui.small_button(&f.delete).accessible_name(delete).clicked() {
                                actions.push(Action::RemoveZone { id: zone.id });
                            }
                        });
                    });
                });
            }
        });
}

/// A zone's area as the table shows it (`trên 321 ha`), or the words that it has none.
fn area_text(zone: &crate::model::Zone, lang: Lang) -> String {
    match zone.area_ha {
        Some(area) => format::with_qualifier(
            format!("{} ha", format::number(area, 2, lang)),
            zone.qualifier,
            lang,
        ),
        None => lang.strings().zones.no_area.clone(),
    }
}

/// The zones table as "Sao chép bảng" copies it.
fn clip_table(view: &View) -> crate::window::clipboard::ClipTable {
    let lang = view.lang;
    let t = &lang.strings().zones;
    crate::window::clipboard::ClipTable {
        headers: [&t.name, &t.kind, &t.area, &t.count, &t.note].map(|h| h.clone()).to_vec(),
        rows: view
            .dataset
            .zones
            .iter()
            .map(|zone| {
                vec![
                    zone.name.clone(),
                    format::zone_kind(zone.kind, lang).to_owned(),
                    area_text(zone, lang),
                    zone.count.to_string(),
                    zone.note.clone(),
                ]
            })
            .collect(),
    }
}
