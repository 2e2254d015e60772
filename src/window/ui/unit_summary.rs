//! Theo đơn vị: for each unit in charge, its directives by status and its completion rate —
//! the table provincial offices publish — with a stacked bar chart of the same counts.

use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot};

use crate::format;
use crate::model::followup::{self, SUMMARY_ORDER as ORDER, UnitSummary};
use crate::window::ui::{View, heading, theme};

/// Draws the per-unit summary.
pub fn show(ui: &mut egui::Ui, view: &View) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    let rows = followup::unit_summaries(view.dataset, view.today);
    egui::ScrollArea::vertical().id_salt("by-unit").auto_shrink(false).show(ui, |ui| {
        ui.horizontal(|ui| {
            heading(ui, &t.summary_title);
            crate::window::ui::copy_table(ui, &t.summary_title, view, || {
                let mut headers = vec![t.unit_col.clone(), t.total_col.clone()];
                headers.extend(ORDER.iter().map(|status| status.label(lang).to_owned()));
                headers.push(t.rate_col.clone());
                let rows = rows
                    .iter()
                    .map(|row| {
                        let mut cells = vec![row.name.clone(), row.total.to_string()];
                        cells.extend(ORDER.iter().map(|&status| row.count(status).to_string()));
                        let rate = row.completion_rate().map(|r| format::percent(r, lang));
                        cells.push(rate.unwrap_or_default());
                        cells
                    })
                    .collect();
                crate::window::clipboard::ClipTable { headers, rows }
            });
        });
        ui.label(egui::RichText::new(&t.summary_note).small().color(theme::MUTED));
        // The table alone scrolls sideways when its columns are wider than the window
        // (half a screen): the legend and the chart below stay as wide as the window.
        egui::ScrollArea::horizontal().id_salt("by-unit-table").show(ui, |ui| {
            table(ui, view, &rows);
        });
        if rows.is_empty() {
            return;
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            for status in ORDER {
                ui.label(
                    egui::RichText::new(format!("■ {}", status.label(lang)))
                        .color(theme::status_colour(status)),
                );
            }
        });
        chart(ui, &rows, view);
    });
}

/// The table of counts: a row a unit, a column a status, and the rate done.
fn table(ui: &mut egui::Ui, view: &View, rows: &[UnitSummary]) {
    let lang = view.lang;
    let t = &lang.strings().directives;
    TableBuilder::new(ui)
        .id_salt("unit-summary")
        .striped(true)
        .vscroll(false)
        // The unit's name takes the room the counts leave: names were cut ("Các huyện,
        // thành phố có cụm, khu …") beside an empty third of the window. A status's
        // column fits its name on two lines ("đang thực / hiện (trong / hạn)" took three).
        .column(Column::remainder().at_least(200.0).clip(true))
        .columns(Column::auto().at_least(126.0), 7)
        .header(26.0, |mut header| {
            header.col(|ui| {
                ui.label(egui::RichText::new(&t.unit_col).font(theme::bold(14.0)));
            });
            header.col(|ui| {
                ui.label(egui::RichText::new(&t.total_col).font(theme::bold(14.0)));
            });
            for status in ORDER {
                header.col(|ui| {
                    let text = egui::RichText::new(status.label(lang)).font(theme::bold(14.0));
                    ui.add(egui::Label::new(text).wrap());
                });
            }
            header.col(|ui| {
                ui.label(egui::RichText::new(&t.rate_col).font(theme::bold(14.0)));
            });
        })
        .body(|mut body| {
            for row in rows {
                body.row(26.0, |mut cells| {
                    cells.col(|ui| {
                        ui.add(egui::Label::new(&row.name).truncate()).on_hover_text(&row.name);
                    });
                    cells.col(|ui| {
                        ui.label(row.total.to_string());
                    });
                    for status in ORDER {
                        cells.col(|ui| {
                            ui.label(row.count(status).to_string());
                        });
                    }
                    cells.col(|ui| {
                        let rate = row
                            .completion_rate()
                            .map(|r| format::percent(r, lang))
                            .unwrap_or_default();
                        ui.label(egui::RichText::new(rate).font(theme::bold(14.0)));
                    });
                });
            }
        });
}

/// One horizontal bar a unit, stacked by status.
fn chart(ui: &mut egui::Ui, rows: &[UnitSummary], view: &View) {
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    let height = (rows.len() as f32 * 46.0 + 60.0).clamp(160.0, 600.0);
    let max = rows.iter().map(|r| r.total).max().unwrap_or(1) as f64;
    Plot::new("unit-summary-chart")
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_x(max * 1.05)
        .include_y(-0.5)
        .include_y(rows.len() as f64 - 0.1)
        .show_axes([true, false])
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            let mut stacks: Vec<BarChart> = Vec::new();
            for status in ORDER {
                let colour = theme::status_colour(status);
                let bars = rows
                    .iter()
                    .enumerate()
                    .map(|(i, row)| {
                        Bar::new((rows.len() - 1 - i) as f64, row.count(status) as f64)
                            .width(0.5)
                            .fill(colour)
                            .name(&names[i])
                    })
                    .collect();
                let label = status.label(view.lang);
                let mut chart = BarChart::new(label, bars).horizontal().color(colour);
                let below: Vec<&BarChart> = stacks.iter().collect();
                if !below.is_empty() {
                    chart = chart.stack_on(&below);
                }
                stacks.push(chart);
            }
            for chart in stacks {
                plot_ui.bar_chart(chart);
            }
            for (i, name) in names.iter().enumerate() {
                let y = (rows.len() - 1 - i) as f64 + 0.3;
                let text = egui::RichText::new(name).size(14.0).color(theme::INK);
                plot_ui.text(
                    egui_plot::Text::new("", egui_plot::PlotPoint::new(0.0, y), text)
                        .anchor(egui::Align2::LEFT_BOTTOM),
                );
            }
        });
}
