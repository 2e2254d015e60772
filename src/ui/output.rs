//! Sản lượng: each product's figures by period. (Its charts build on this.)

use crate::format;
use crate::model::Basis;
use crate::ui::overview::indicator_name;
use crate::ui::{View, card, theme};

/// Draws the output tab.
pub fn show(ui: &mut egui::Ui, view: &View) {
    let lang = view.lang;
    let t = &lang.strings().figures;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.label(egui::RichText::new(&t.charts_coming).color(theme::MUTED));
        for indicator in &view.dataset.indicators {
            ui.add_space(6.0);
            card(ui, |ui| {
                let colour = theme::product_colour(&indicator.id);
                ui.label(
                    egui::RichText::new(format!(
                        "{} ({})",
                        indicator_name(indicator, lang),
                        indicator.unit
                    ))
                    .font(theme::bold(18.0))
                    .color(colour),
                );
                if indicator.observations.is_empty() {
                    ui.label(&t.no_figures);
                }
                egui::Grid::new(("output", &indicator.id))
                    .num_columns(4)
                    .spacing([20.0, 4.0])
                    .show(ui, |ui| {
                        for observation in &indicator.observations {
                            let derived = observation.basis == Basis::Derived;
                            let styled = |s: String| {
                                let text = egui::RichText::new(s);
                                if derived { text.italics().color(theme::DERIVED) } else { text }
                            };
                            ui.label(styled(format::period_long(observation.period, lang)));
                            ui.label(styled(format::qualified_quantity(
                                observation.value,
                                observation.qualifier,
                                &indicator.unit,
                                lang,
                            )));
                            ui.label(styled(
                                observation
                                    .change
                                    .map(|c| format::change(c, lang))
                                    .unwrap_or_default(),
                            ));
                            ui.label(styled(format::basis(observation.basis, lang).to_owned()));
                            ui.end_row();
                        }
                    });
            });
        }
    });
}
