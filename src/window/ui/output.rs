//! Sản lượng: one view a product (bars by period, the line over time when there is one,
//! its figures, editable) and a growth view comparing the products, chosen by sub-tabs.

use crate::editing::action::Action;
use crate::i18n::{Lang, fill};
use crate::interop::paper::ChartKind;
use crate::model::Indicator;
use crate::visual::chart::{ProductChart, indicator_name};
use crate::window::clipboard::Clip;
use crate::window::ui::charts::{self, PlotControls, Size};
use crate::window::ui::{View, figures_editor, theme};

/// Which view of the tab is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputView {
    /// The product at this index of the dataset's indicators.
    Product(usize),
    /// All products' change vs the same period.
    Growth,
}

impl Default for OutputView {
    fn default() -> Self {
        OutputView::Product(0)
    }
}

/// What the tab remembers between frames.
#[derive(Debug, Default)]
pub struct State {
    pub view: OutputView,
    pub controls: PlotControls,
    pub figures: figures_editor::State,
    /// The new indicator's name and unit, while they are typed.
    new_indicator: Option<(String, String)>,
    new_indicator_error: Option<String>,
}

/// Draws the output tab.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut State, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let t = &lang.strings().charts;
    let products = &view.dataset.indicators;
    let selected = match state.view {
        OutputView::Product(i) => Some(i),
        OutputView::Growth => None,
    }
    .filter(|i| *i < products.len());
    ui.horizontal_wrapped(|ui| {
        for (i, indicator) in products.iter().enumerate() {
            let label = egui::RichText::new(indicator_name(indicator, lang))
                .color(theme::product_colour(&indicator.id));
            if ui.selectable_label(selected == Some(i), label).clicked() {
                state.view = OutputView::Product(i);
            }
        }
        if ui.selectable_label(selected.is_none(), t.growth_view.as_str()).clicked() {
            state.view = OutputView::Growth;
        }
        let f = &lang.strings().figures_editor;
        if state.new_indicator.is_none() && ui.button(format!("+ {}", f.new_indicator)).clicked() {
            state.new_indicator = Some((String::new(), String::new()));
        }
    });
    new_indicator_form(ui, view, state, actions);
    state.controls.show(ui, lang);
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| match selected {
        Some(i) => {
            let chart = &view.charts.products[i];
            product_view(ui, view, &products[i], chart, &state.controls);
            ui.add_space(8.0);
            figures_editor::show(ui, &products[i], &mut state.figures, view.lang, actions);
        }
        None => growth_view(ui, view, &state.controls),
    });
    state.controls.end_frame();
}

fn product_view(
    ui: &mut egui::Ui,
    view: &View,
    indicator: &Indicator,
    chart: &ProductChart,
    controls: &PlotControls,
) {
    let lang = view.lang;
    let t = &lang.strings().charts;
    let colour = theme::product_colour(&indicator.id);
    ui.label(
        egui::RichText::new(format!("{} ({})", chart.title, indicator.unit))
            .font(theme::bold(20.0))
            .color(colour),
    );
    legend(
        ui,
        lang,
        chart.bars.iter().any(|b| b.derived),
        chart.changes.iter().any(|c| c.computed),
    );
    if let Some(notice) = &chart.notice {
        ui.label(egui::RichText::new(notice).color(theme::MUTED).italics());
    }
    let kind = ChartKind::Product(indicator.id.clone());
    if !chart.bars.is_empty() {
        let plot = charts::product_bars(ui, chart, Size::Full { height: 340.0 }, controls, lang);
        ui.horizontal(|ui| {
            crate::window::ui::copy_chart(ui, &plot, kind.clone(), &chart.title, view);
            ui.label(egui::RichText::new(chart.summary()).small().color(theme::MUTED));
        });
    }
    if chart.line.is_some() {
        ui.add_space(8.0);
        ui.label(egui::RichText::new(&t.over_time).font(theme::bold(17.0)));
        if let Some(plot) = charts::product_line(ui, chart, 260.0, controls, lang) {
            // On paper the product is its bars; the picture copied is the same.
            plot.context_menu(|ui| {
                if ui.button(&lang.strings().clip.copy_chart).clicked() {
                    view.copy(Clip::Chart { kind, name: chart.title.clone() });
                    ui.close();
                }
            });
        }
    }
}

fn legend(ui: &mut egui::Ui, lang: Lang, derived: bool, computed: bool) {
    let t = &lang.strings().charts;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&t.legend_reported).small().color(theme::MUTED));
        if derived {
            ui.label(
                egui::RichText::new(format!("· {}", t.legend_derived)).small().color(theme::MUTED),
            );
        }
        if computed {
            ui.label(
                egui::RichText::new(format!("· {}", t.computed_change)).small().color(theme::MUTED),
            );
        }
    });
}

fn growth_view(ui: &mut egui::Ui, view: &View, controls: &PlotControls) {
    let lang = view.lang;
    let t = &lang.strings().charts;
    let chart = &view.charts.growth;
    ui.label(egui::RichText::new(&chart.title).font(theme::bold(20.0)));
    legend(ui, lang, false, chart.bars.iter().any(|b| b.computed));
    if !chart.bars.is_empty() {
        let plot = charts::growth(ui, chart, 360.0, controls, lang);
        let summary: Vec<String> =
            chart.bars.iter().map(|b| format!("{}: {}", b.label, b.text)).collect();
        ui.horizontal(|ui| {
            crate::window::ui::copy_chart(ui, &plot, ChartKind::Growth, &chart.title, view);
            ui.label(egui::RichText::new(summary.join(" · ")).small().color(theme::MUTED));
        });
    }
    if !chart.missing.is_empty() {
        let names = chart.missing.join(", ");
        ui.label(
            egui::RichText::new(fill(&t.growth_missing, &[("names", &names)])).color(theme::MUTED),
        );
    }
}

/// The little form that adds an indicator: a name and a unit; its id is made from the name.
fn new_indicator_form(
    ui: &mut egui::Ui,
    view: &View,
    state: &mut State,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let f = &lang.strings().figures_editor;
    let Some((name, unit)) = &mut state.new_indicator else { return };
    let mut done = false;
    crate::window::ui::field_row(ui, |ui| {
        let label = ui.label(&f.indicator_name);
        ui.add(egui::TextEdit::singleline(name).desired_width(280.0)).labelled_by(label.id);
        let label = ui.label(&f.indicator_unit);
        ui.add(egui::TextEdit::singleline(unit).desired_width(80.0)).labelled_by(label.id);
        if ui.button(&f.add_indicator).clicked() {
            if name.trim().is_empty() || unit.trim().is_empty() {
                state.new_indicator_error = Some(f.indicator_incomplete.clone());
            } else {
                let id = new_indicator_id(name, view.dataset);
                actions.push(Action::AddIndicator(Box::new(Indicator {
                    id,
                    name: name.trim().to_owned(),
                    name_en: String::new(),
                    unit: unit.trim().to_owned(),
                    observations: Vec::new(),
                })));
                // The new product's view, with its (empty) figures table to fill.
                state.view = OutputView::Product(view.dataset.indicators.len());
                done = true;
            }
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            done = true;
        }
    });
    if done {
        state.new_indicator = None;
        state.new_indicator_error = None;
    } else if let Some(error) = &state.new_indicator_error {
        ui.label(egui::RichText::new(error).color(theme::ERROR));
    }
}

/// A short id from the name ("Xi măng" → `xi-mang`), unique in the dataset.
fn new_indicator_id(name: &str, dataset: &crate::model::Dataset) -> String {
    let folded = crate::model::followup::fold(name);
    let slug: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect();
    let base = if slug.is_empty() { "indicator".to_owned() } else { slug.join("-") };
    let mut id = base.clone();
    let mut n = 2;
    while dataset.indicator(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    #[test]
    fn new_ids_come_from_the_name_and_never_clash() {
        let data = crate::files::builtin::dataset();
        assert_eq!(super::new_indicator_id("Xi măng các loại", &data), "xi-mang-cac-loai");
        assert_eq!(super::new_indicator_id("Điện", &data), "dien");
        assert_eq!(super::new_indicator_id("stone", &data), "stone-2");
        assert_eq!(super::new_indicator_id("???", &data), "indicator");
    }
}
