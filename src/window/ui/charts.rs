//! Draws the charts of `crate::visual::chart` with egui_plot: bars with their labels above, the
//! change between bars, derived bars light and hatched, tooltips, the line over time.
//! Plots stay still while the page scrolls unless the user turns on drag and zoom.

use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{
    Bar, BarChart, GridInput, GridMark, Line, Plot, PlotPoint, PlotPoints, PlotUi, Points, Text,
};

use crate::i18n::Lang;
use crate::visual::chart::{GrowthChart, ProductChart, ZoneChart};
use crate::window::ui::theme;

/// The drag-and-zoom switch and the reset button of the plots of one tab.
#[derive(Debug, Default)]
pub struct PlotControls {
    /// Drag, zoom and scroll-zoom are on.
    pub interactive: bool,
    /// Put every plot back to its whole data on the next frame.
    reset: bool,
}

impl PlotControls {
    /// The switch and the reset button, in a row.
    pub fn show(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let t = &lang.strings().charts;
        crate::window::ui::field_row(ui, |ui| {
            ui.checkbox(&mut self.interactive, &t.interact);
            if ui.button(&t.reset_view).clicked() {
                self.reset = true;
            }
        });
    }

    fn configure<'a>(&self, plot: Plot<'a>) -> Plot<'a> {
        let on = self.interactive;
        let plot = plot
            .allow_drag(on)
            .allow_zoom(on)
            .allow_scroll(on)
            .allow_boxed_zoom(on)
            .allow_double_click_reset(on)
            .allow_axis_zoom_drag(on);
        if self.reset { plot.reset() } else { plot }
    }

    /// Call once the tab's plots are drawn: a reset lasts one frame.
    pub fn end_frame(&mut self) {
        self.reset = false;
    }
}

/// How big a chart is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Size {
    /// The full view of a tab.
    Full { height: f32 },
    /// The small version beside the meeting card: no axis titles, smaller labels.
    Small { height: f32 },
}

impl Size {
    fn height(self) -> f32 {
        match self {
            Size::Full { height } | Size::Small { height } => height,
        }
    }

    fn label_size(self) -> f32 {
        match self {
            Size::Full { .. } => 16.0,
            Size::Small { .. } => 12.0,
        }
    }
}

/// Head room above the tallest bar for its label.
const HEAD_ROOM: f64 = 1.22;

/// A bar's width, in categories.
const BAR_WIDTH: f64 = 0.6;

/// A change's label as it fits the `gap` between two bars (in points, `width` measuring a
/// line): on one line where it fits, else its words on two lines ("nearly" over "13%").
fn fit_between_bars(text: &str, gap: f32, width: impl Fn(&str) -> f32) -> String {
    // A few points of air on each side, so that the label does not touch a bar.
    let room = gap - 6.0;
    if width(text) <= room {
        return text.to_owned();
    }
    match text.rsplit_once(' ') {
        Some((words, number)) => format!("{words}\n{number}"),
        None => text.to_owned(),
    }
}

/// A product's bars: value by period, labels above, changes between.
pub fn product_bars(
    ui: &mut egui::Ui,
    chart: &ProductChart,
    size: Size,
    controls: &PlotControls,
    lang: Lang,
) -> egui::Response {
    let colour = theme::product_colour(&chart.indicator_id);
    let max = chart.bars.iter().map(|b| b.height).fold(0.0, f64::max);
    let labels: Vec<String> = chart.bars.iter().map(|b| b.period_label.clone()).collect();
    let tooltips: Vec<String> = chart.bars.iter().map(|b| b.tooltip.clone()).collect();
    let mut plot = Plot::new(("product", &chart.indicator_id, matches!(size, Size::Small { .. })))
        .height(size.height())
        .include_x(-0.6)
        .include_x(chart.bars.len().max(1) as f64 - 0.4)
        .include_y(0.0)
        .include_y(if max > 0.0 { max * HEAD_ROOM } else { 1.0 })
        .show_grid([false, true])
        .x_grid_spacer(category_marks)
        .x_axis_formatter(move |mark, _| category_label(&labels, mark.value))
        .y_axis_formatter(|mark, _| axis_number(mark.value, lang))
        .label_formatter(|_| None);
    match size {
        Size::Full { .. } => plot = plot.y_axis_label(chart.axis_title.clone()),
        // Small charts carry their values on the bars; an axis would only crowd them.
        Size::Small { .. } => plot = plot.show_axes([true, false]).show_grid(false),
    }
    let label_size = size.label_size();
    let shown = controls.configure(plot).show(ui, |plot_ui| {
        let bars: Vec<Bar> = chart
            .bars
            .iter()
            .map(|b| {
                let fill = if b.derived { theme::derived_fill(colour) } else { colour };
                Bar::new(b.x, b.height)
                    .width(BAR_WIDTH)
                    .fill(fill)
                    .stroke(Stroke::new(1.5, colour))
                    .name(&b.period_label)
            })
            .collect();
        plot_ui.bar_chart(
            BarChart::new(&chart.title, bars)
                .color(colour)
                .element_formatter(Box::new(move |bar, _| tooltip_at(&tooltips, bar.argument))),
        );
        for bar in chart.bars.iter().filter(|b| b.derived) {
            hatch(plot_ui, bar.x - BAR_WIDTH / 2.0, BAR_WIDTH, bar.height, colour);
        }
        for bar in &chart.bars {
            let text = RichText::new(&bar.label).size(label_size).color(theme::INK);
            plot_ui.text(
                Text::new("", PlotPoint::new(bar.x, bar.height), text)
                    .anchor(Align2::CENTER_BOTTOM),
            );
        }
        // The room between two bars (0,4 of a category) in points: "nearly 13%" was wider
        // than it in a small chart of half a screen, over both bars.
        let gap = (1.0 - BAR_WIDTH) * plot_ui.transform().dpos_dvalue_x().abs();
        for change in &chart.changes {
            let mut text = change.text.clone();
            if change.computed {
                text.push('*');
            }
            let width = |text: &str| {
                let font = egui::FontId::proportional(label_size);
                plot_ui.ctx().fonts_mut(|f| {
                    f.layout_no_wrap(text.to_owned(), font, egui::Color32::BLACK).size().x
                })
            };
            let text = fit_between_bars(&text, gap as f32, width);
            let text = RichText::new(text).size(label_size).color(theme::CHANGE);
            plot_ui.text(Text::new("", PlotPoint::new(change.x, max * 0.55), text));
        }
    });
    shown.response
}

/// A product's figures over time, as a line.
pub fn product_line(
    ui: &mut egui::Ui,
    chart: &ProductChart,
    height: f32,
    controls: &PlotControls,
    lang: Lang,
) -> Option<egui::Response> {
    let Some(line) = &chart.line else { return None };
    let colour = theme::product_colour(&chart.indicator_id);
    let plot = Plot::new(("line", &chart.indicator_id))
        .height(height)
        .include_y(0.0)
        .y_axis_label(chart.axis_title.clone())
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value.floor()))
        .y_axis_formatter(|mark, _| axis_number(mark.value, lang))
        .label_formatter({
            let labels = line.labels.clone();
            move |position| match position {
                egui_plot::HoverPosition::NearDataPoint { index, position, .. } => {
                    Some(format!("{}: {}", labels.get(*index)?, axis_number(position.y, lang)))
                }
                egui_plot::HoverPosition::Elsewhere { .. } => None,
            }
        });
    let shown = controls.configure(plot).show(ui, |plot_ui| {
        plot_ui.line(
            Line::new(&chart.title, PlotPoints::from(line.points.clone())).color(colour).width(2.0),
        );
        if line.points.len() <= 60 {
            plot_ui.points(
                Points::new(&chart.title, PlotPoints::from(line.points.clone()))
                    .color(colour)
                    .radius(3.0),
            );
        }
    });
    Some(shown.response)
}

/// The three products' growth side by side.
pub fn growth(
    ui: &mut egui::Ui,
    chart: &GrowthChart,
    height: f32,
    controls: &PlotControls,
    lang: Lang,
) -> egui::Response {
    let labels: Vec<String> = chart.bars.iter().map(|b| b.label.clone()).collect();
    let max = chart.bars.iter().map(|b| b.percent).fold(0.0, f64::max);
    let min = chart.bars.iter().map(|b| b.percent).fold(0.0, f64::min);
    let plot = Plot::new("growth-chart")
        .height(height)
        .include_x(-0.6)
        .include_x(chart.bars.len().max(1) as f64 - 0.4)
        .include_y(min * HEAD_ROOM)
        .include_y(if max > 0.0 { max * HEAD_ROOM } else { 1.0 })
        .show_grid([false, true])
        .x_grid_spacer(category_marks)
        .x_axis_formatter(move |mark, _| category_label(&labels, mark.value))
        .y_axis_formatter(|mark, _| format!("{}%", axis_number(mark.value, lang)))
        .y_axis_label(chart.axis_title.clone())
        .label_formatter(|_| None);
    let shown = controls.configure(plot).show(ui, |plot_ui| {
        for bar in &chart.bars {
            let colour = theme::product_colour(&bar.indicator_id);
            let fill = if bar.computed { theme::derived_fill(colour) } else { colour };
            let item = Bar::new(bar.x, bar.percent)
                .width(BAR_WIDTH)
                .fill(fill)
                .stroke(Stroke::new(1.5, colour));
            let tooltip = format!("{}: {}", bar.label, bar.text);
            plot_ui.bar_chart(
                BarChart::new(&bar.label, vec![item])
                    .color(colour)
                    .element_formatter(Box::new(move |_, _| tooltip.clone())),
            );
            if bar.computed {
                hatch(plot_ui, bar.x - BAR_WIDTH / 2.0, BAR_WIDTH, bar.percent, colour);
            }
            let anchor =
                if bar.percent >= 0.0 { Align2::CENTER_BOTTOM } else { Align2::CENTER_TOP };
            let text = RichText::new(&bar.text).size(16.0).color(theme::INK);
            plot_ui.text(Text::new("", PlotPoint::new(bar.x, bar.percent), text).anchor(anchor));
        }
    });
    shown.response
}

/// Planned area by zone, as horizontal bars with the name above each.
pub fn zones(
    ui: &mut egui::Ui,
    chart: &ZoneChart,
    height: f32,
    controls: &PlotControls,
    lang: Lang,
) -> egui::Response {
    let max = chart.bars.iter().map(|b| b.area_ha).fold(0.0, f64::max);
    let plot = Plot::new("zones-chart")
        .height(height)
        .include_x(0.0)
        .include_x(if max > 0.0 { max * 1.25 } else { 1.0 })
        .include_y(-0.6)
        .include_y(chart.bars.len().max(1) as f64 - 0.1)
        .show_grid([true, false])
        .show_axes([true, false])
        .x_axis_formatter(|mark, range| {
            // A mark at the plot's right edge has its number drawn half outside ("700"
            // was cut to "70"): left out, the grid line stays.
            let span = range.end() - range.start();
            if mark.value > range.end() - span * 0.04 {
                String::new()
            } else {
                axis_number(mark.value, lang)
            }
        })
        .x_axis_label(chart.axis_title.clone())
        .label_formatter(|_| None);
    let shown = controls.configure(plot).show(ui, |plot_ui| {
        for bar in &chart.bars {
            let colour = theme::zone_colour(bar.kind);
            let item = Bar::new(bar.y, bar.area_ha).width(0.45).fill(colour);
            // No hover label: it only repeated the name and value written beside the bar,
            // and covered the value ("> 537 ha").
            plot_ui.bar_chart(
                BarChart::new(&bar.label, vec![item]).horizontal().color(colour).allow_hover(false),
            );
            let name = RichText::new(&bar.label).size(15.0).color(theme::INK);
            plot_ui.text(
                Text::new("", PlotPoint::new(0.0, bar.y + 0.27), name).anchor(Align2::LEFT_BOTTOM),
            );
            let value = RichText::new(format!(" {}", bar.value_label)).size(16.0).color(theme::INK);
            plot_ui.text(
                Text::new("", PlotPoint::new(bar.area_ha, bar.y), value)
                    .anchor(Align2::LEFT_CENTER),
            );
        }
    });
    shown.response
}

/// Diagonal lines over a bar, so a derived bar differs from a reported one in grey print
/// and for colour-blind readers, not by colour alone.
fn hatch(plot_ui: &mut PlotUi<'_>, left: f64, width: f64, height: f64, colour: Color32) {
    if height == 0.0 || !height.is_finite() {
        return;
    }
    // In the bar's unit square, lines v = u + c for c across (-1, 1).
    for step in -3..=3 {
        let c = f64::from(step) * 0.25;
        let (u0, u1) = ((-c).max(0.0), (1.0 - c).min(1.0));
        let point = |u: f64| [left + u * width, (u + c) * height];
        let segment = PlotPoints::from(vec![point(u0), point(u1)]);
        plot_ui.line(Line::new("", segment).color(colour).width(1.2).allow_hover(false));
    }
}

/// Grid marks at the whole numbers where the category bars stand.
fn category_marks(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let (first, last) = (low.ceil() as i64, high.floor() as i64);
    if last - first > 1000 {
        return Vec::new();
    }
    (first..=last).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

fn category_label(labels: &[String], value: f64) -> String {
    let index = value.round();
    if (value - index).abs() > 1e-6 || index < 0.0 {
        return String::new();
    }
    labels.get(index as usize).cloned().unwrap_or_default()
}

fn tooltip_at(tooltips: &[String], x: f64) -> String {
    let index = x.round();
    if index < 0.0 {
        String::new()
    } else {
        tooltips.get(index as usize).cloned().unwrap_or_default()
    }
}

/// Axis tick numbers without a trailing ".0", in the Vietnamese way.
fn axis_number(value: f64, lang: Lang) -> String {
    crate::format::number(value, 2, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line's width as if every character were 6 points wide.
    fn six_points_a_character(text: &str) -> f32 {
        6.0 * text.chars().count() as f32
    }

    #[test]
    fn a_change_too_wide_for_the_gap_between_bars_goes_on_two_lines() {
        // "nearly 13%" is 60 points: it fits a gap of 70 (with its air), not one of 60.
        assert_eq!(fit_between_bars("nearly 13%", 70.0, six_points_a_character), "nearly 13%");
        assert_eq!(fit_between_bars("nearly 13%", 60.0, six_points_a_character), "nearly\n13%");
        assert_eq!(fit_between_bars("gần 13%", 30.0, six_points_a_character), "gần\n13%");
        // A change of one word stays whole.
        assert_eq!(fit_between_bars("+9,5%", 20.0, six_points_a_character), "+9,5%");
    }
}
