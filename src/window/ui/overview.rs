//! Tổng quan: the meeting card (its details editable) and the table of every figure.

use egui_extras::{Column, TableBuilder};

use crate::editing::action::Action;
use crate::format;
use crate::interop::paper::ChartKind;
use crate::model::{Basis, Indicator, Observation};
use crate::visual::chart::indicator_name;
use crate::window::clipboard::ClipTable;
use crate::window::ui::charts::{self, PlotControls, Size};
use crate::window::ui::record_forms::{MeetingDraft, meeting_form};
use crate::window::ui::{View, card, heading, theme};

/// What the tab remembers between frames.
#[derive(Debug, Default)]
pub struct State {
    /// The meeting's details being edited.
    draft: Option<MeetingDraft>,
    error: Option<String>,
}

/// Draws the overview tab.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let width = ui.available_width();
        let top_down = egui::Layout::top_down(egui::Align::Min);
        ui.horizontal_top(|ui| {
            // The meeting on the left, the three product charts small on the right.
            let card_width = (width * 0.56).max(360.0);
            ui.allocate_ui_with_layout(egui::vec2(card_width, 0.0), top_down, |ui| {
                ui.set_width(card_width);
                match &mut state.draft {
                    Some(draft) => {
                        if meeting_form(
                            ui,
                            draft,
                            &mut state.error,
                            (view.lang, view.today),
                            actions,
                        ) {
                            state.draft = None;
                        }
                    }
                    None => meeting_card(ui, view, state),
                }
            });
            // Leave room for the scroll bar.
            let rest = ui.available_width() - 16.0;
            ui.allocate_ui_with_layout(egui::vec2(rest, 0.0), top_down, |ui| {
                ui.set_width(rest);
                small_charts(ui, view);
            });
        });
        ui.add_space(8.0);
        let title = &view.lang.strings().overview.figures;
        ui.horizontal(|ui| {
            heading(ui, title);
            crate::window::ui::copy_table(ui, title, view, || figures_clip(view));
        });
        figures_table(ui, view);
        ui.add_space(4.0);
        let t = &view.lang.strings().overview;
        ui.label(
            egui::RichText::new(format!("{}: {}", t.source, view.dataset.source))
                .small()
                .color(theme::MUTED),
        );
    });
}

fn meeting_card(ui: &mut egui::Ui, view: &View, state: &mut State) {
    let t = &view.lang.strings().overview;
    // The latest meeting leads; earlier ones are in the directives tab.
    let Some(meeting) = view.dataset.meetings.iter().max_by_key(|m| m.date) else {
        ui.label(&t.no_meeting);
        return;
    };
    card(ui, |ui| {
        let width = ui.available_width();
        ui.label(egui::RichText::new(&meeting.title).font(theme::bold(20.0)));
        let edit = &view.lang.strings().record_forms.edit_meeting;
        if ui.small_button(edit).clicked() {
            state.draft = Some(MeetingDraft::edit(meeting));
            state.error = None;
        }
        ui.add_space(4.0);
        egui::Grid::new("meeting").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                ui.label(egui::RichText::new(label).font(theme::bold(15.0)));
                // Long values wrap inside the card instead of pushing the charts away.
                ui.scope(|ui| {
                    ui.set_max_width(width * 0.72);
                    ui.add(egui::Label::new(value).wrap());
                });
                ui.end_row();
            };
            row(&t.date, format::date(meeting.date));
            row(&t.chair, meeting.chair.clone());
            row(&t.attendees, meeting.attendees.join("\n"));
            if !meeting.reporting_body.is_empty() {
                row(&t.reporting_body, meeting.reporting_body.clone());
            }
        });
        bullets(ui, &t.topics, &meeting.topics);
        bullets(ui, &t.assessment, &meeting.assessment);
    });
}

fn small_charts(ui: &mut egui::Ui, view: &View) {
    // Small charts never move: drag and zoom live in the Sản lượng tab.
    let still = PlotControls::default();
    for chart in &view.charts.products {
        let colour = theme::product_colour(&chart.indicator_id);
        let kind = ChartKind::Product(chart.indicator_id.clone());
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&chart.title).font(theme::bold(14.0)).color(colour));
            if !chart.bars.is_empty() {
                crate::window::ui::copy_chart_button(ui, kind.clone(), &chart.title, view);
            }
        });
        if chart.bars.is_empty() {
            ui.label(
                egui::RichText::new(chart.notice.as_deref().unwrap_or_default())
                    .small()
                    .color(theme::MUTED),
            );
            continue;
        }
        // As many of the latest periods as their labels have room for (about 110 points
        // each); the Sản lượng tab shows them all.
        let room = ((ui.available_width() / 110.0) as usize).clamp(2, 8);
        let shown = chart.latest(room);
        let small = Size::Small { height: 130.0 };
        let plot = charts::product_bars(ui, &shown, small, &still, view.lang);
        crate::window::ui::copy_chart_menu(&plot, kind, &chart.title, view);
    }
}

fn bullets(ui: &mut egui::Ui, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(title).font(theme::bold(15.0)));
    for line in lines {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.label(line);
        });
    }
}

/// Every observation of every indicator, one row each: value with its qualifier, change,
/// period, basis and status. Derived rows are greyed and say so.
fn figures_table(ui: &mut egui::Ui, view: &View) {
    let rows: Vec<(&Indicator, &Observation)> = view
        .dataset
        .indicators
        .iter()
        .flat_map(|indicator| indicator.observations.iter().map(move |o| (indicator, o)))
        .collect();
    TableBuilder::new(ui)
        .id_salt("figures")
        .striped(true)
        .vscroll(false)
        // Widths that fit the built-in figures, so the columns do not jump as rows scroll
        // into view (only visible rows are measured); longer texts still widen them.
        .column(Column::auto().at_least(265.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::auto().at_least(170.0))
        .column(Column::auto().at_least(108.0))
        .column(Column::auto().at_least(92.0))
        .column(Column::auto().at_least(163.0))
        .column(Column::remainder())
        .header(24.0, |mut header| {
            for title in figure_headers(view.lang) {
                header.col(|ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(title).font(theme::bold(15.0)))
                            .extend(),
                    );
                });
            }
        })
        .body(|body| {
            // Only the rows inside the window are laid out: decades of monthly figures are
            // thousands of rows, and the tab must stay one frame's work.
            body.rows(24.0, rows.len(), |mut row| {
                let (indicator, observation) = rows[row.index()];
                let lang = view.lang;
                let derived = observation.basis == Basis::Derived;
                let text = |s: String| {
                    let text = egui::RichText::new(s);
                    if derived { text.italics().color(theme::DERIVED) } else { text }
                };
                for cell in figure_cells(indicator, observation, lang) {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text(cell)).extend())
                            .on_hover_text(&observation.source_ref);
                    });
                }
            });
        });
}

/// The figures table's column titles.
fn figure_headers(lang: crate::i18n::Lang) -> [&'static String; 7] {
    let t = &lang.strings().figures;
    [&t.indicator, &t.period, &t.value, &t.qualifier, &t.change, &t.basis, &t.status]
}

/// One figure's cells, as the table shows them and "Sao chép bảng" copies them.
fn figure_cells(
    indicator: &Indicator,
    observation: &Observation,
    lang: crate::i18n::Lang,
) -> [String; 7] {
    [
        indicator_name(indicator, lang).to_owned(),
        format::period_short(observation.period, lang),
        format::qualified_quantity(observation.value, observation.qualifier, &indicator.unit, lang),
        format::qualifier_name(observation.qualifier, lang).to_owned(),
        observation.change.map(|c| format::change(c, lang)).unwrap_or_default(),
        format::basis(observation.basis, lang).to_owned(),
        format::figure_status(observation.status, lang).to_owned(),
    ]
}

/// Every figure, as "Sao chép bảng" copies the table.
fn figures_clip(view: &View) -> ClipTable {
    ClipTable {
        headers: figure_headers(view.lang).map(String::clone).to_vec(),
        rows: view
            .dataset
            .indicators
            .iter()
            .flat_map(|indicator| {
                indicator
                    .observations
                    .iter()
                    .map(move |o| figure_cells(indicator, o, view.lang).to_vec())
            })
            .collect(),
    }
}
