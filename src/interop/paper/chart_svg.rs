//! The charts drawn for paper, as SVG: the same bars, labels, palette and derived marks as
//! the screen (both read `crate::visual::chart` and `crate::visual::palette`), laid out for print — a
//! white page, sizes in points, a title, a legend for what lighter and hatched mean.
//! The SVG is written once and becomes PDF (krilla-svg), PNG (resvg) or an .svg file.

use egui::Color32;

use super::svg::{Anchor, Font, SvgWriter};
use super::typeface;
use crate::format;
use crate::i18n::{Lang, fill};
use crate::visual::chart::{GrowthChart, ProductChart, ZoneChart};
use crate::visual::palette;

/// A chart drawing, its size in points, and what it shows in words (the PDF's alt text).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSvg {
    pub svg: String,
    pub width: f32,
    pub height: f32,
    pub alt: String,
}

/// The size of one chart on paper: 17 cm wide, the width of A4 between 2 cm margins.
pub const WIDTH: f32 = 482.0;
/// Its height for bar charts.
pub const HEIGHT: f32 = 270.0;

/// Head room above the tallest bar for its label, as on screen.
const HEAD_ROOM: f32 = 1.22;
const TITLE: f32 = 13.0;
const LABEL: f32 = 10.0;
const TICK: f32 = 8.5;
const NOTE: f32 = 8.5;

fn font(size: f32, colour: Color32) -> Font {
    Font { size, bold: false, colour }
}

fn bold(size: f32, colour: Color32) -> Font {
    Font { size, bold: true, colour }
}

/// The plotting rectangle inside a chart.
#[derive(Clone, Copy)]
struct Area {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Area {
    fn width(&self) -> f32 {
        self.right - self.left
    }

    fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// A vertical value axis from `low` to `high`.
#[derive(Clone, Copy)]
struct ValueAxis {
    low: f32,
    high: f32,
}

impl ValueAxis {
    fn y(&self, area: &Area, value: f32) -> f32 {
        let span = (self.high - self.low).max(f32::MIN_POSITIVE);
        area.bottom - (value - self.low) / span * area.height()
    }
}

/// Round tick values covering `low..=high`, about five of them.
fn ticks(low: f32, high: f32) -> Vec<f32> {
    let span = high - low;
    if !(span.is_finite() && span > 0.0) {
        return vec![0.0];
    }
    let rough = span / 5.0;
    let magnitude = 10f32.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last).take(50).map(|i| i as f32 * step).collect()
}

/// The title, top left.
fn title(svg: &mut SvgWriter, text: &str) {
    svg.text(12.0, 20.0, text, bold(TITLE, palette::INK), Anchor::Start);
}

/// Horizontal grid lines with their numbers, and the axis title turned up the left side.
fn value_grid(
    svg: &mut SvgWriter,
    area: &Area,
    axis: ValueAxis,
    title: &str,
    suffix: &str,
    lang: Lang,
) {
    for tick in ticks(axis.low, axis.high) {
        let y = axis.y(area, tick);
        svg.line((area.left, y), (area.right, y), palette::RULE, 0.5);
        let label = format!("{}{suffix}", format::number(f64::from(tick), 2, lang));
        svg.text(area.left - 5.0, y + TICK * 0.35, &label, font(TICK, palette::MUTED), Anchor::End);
    }
    let middle = (area.top + area.bottom) / 2.0;
    svg.text_rotated(14.0, middle, title, font(9.0, palette::MUTED), Anchor::Middle, -90.0);
}

/// Diagonal lines over a bar, so a derived bar differs from a reported one without colour.
fn hatch(svg: &mut SvgWriter, x: f32, y_top: f32, width: f32, y_bottom: f32, colour: Color32) {
    let (top, bottom) = (y_top.min(y_bottom), y_top.max(y_bottom));
    let height = bottom - top;
    if height <= 0.5 {
        return;
    }
    // In the bar's unit square, lines v = u + c for c across (-1, 1).
    for step in -3..=3 {
        let c = step as f32 * 0.25;
        let (u0, u1) = ((-c).max(0.0), (1.0 - c).min(1.0));
        let point = |u: f32| (x + u * width, bottom - (u + c) * height);
        svg.line(point(u0), point(u1), colour, 1.0);
    }
}

/// Cuts `text` into lines no wider than `width` at `size` (for category labels).
fn wrap(text: &str, width: f32, size: f32) -> Vec<String> {
    let style = super::layout::Style::regular(size);
    super::layout::wrap(text, width, style, &super::layout::FontMeasure)
}

/// The key under a chart: what solid and light-hatched bars mean, and the `*`.
fn legend(svg: &mut SvgWriter, y: f32, colour: Color32, derived: bool, computed: bool, lang: Lang) {
    let t = &lang.strings().charts;
    let note = font(NOTE, palette::MUTED);
    let mut x = 12.0;
    if derived {
        svg.rect(x, y - 8.0, 12.0, 9.0, colour, None);
        x += 16.0;
        svg.text(x, y, &t.legend_reported, note, Anchor::Start);
        x += typeface::width(&t.legend_reported, NOTE, typeface::Face::sans(false)) + 14.0;
        svg.rect(x, y - 8.0, 12.0, 9.0, palette::derived_fill(colour), Some((colour, 0.8)));
        hatch(svg, x, y - 8.0, 12.0, y + 1.0, colour);
        x += 16.0;
        svg.text(x, y, &t.legend_derived, note, Anchor::Start);
        x += typeface::width(&t.legend_derived, NOTE, typeface::Face::sans(false)) + 14.0;
    }
    if computed {
        svg.text(x, y, &t.computed_change, note, Anchor::Start);
    }
}

/// A product's bars: value by period, the label above each, the change between them.
pub fn product(chart: &ProductChart, lang: Lang) -> ChartSvg {
    let (width, height) = (WIDTH, HEIGHT);
    let mut svg = SvgWriter::new(width, height);
    title(&mut svg, &chart.title);
    let colour = palette::product_colour(&chart.indicator_id);
    let area = Area { left: 58.0, top: 36.0, right: width - 14.0, bottom: height - 46.0 };
    let max = chart.bars.iter().map(|b| b.height as f32).fold(0.0, f32::max);
    let axis = ValueAxis { low: 0.0, high: if max > 0.0 { max * HEAD_ROOM } else { 1.0 } };
    value_grid(&mut svg, &area, axis, &chart.axis_title, "", lang);

    let slots = chart.bars.len().max(1) as f32;
    let slot = area.width() / slots;
    let bar_width = (slot * 0.6).min(90.0);
    let centre = |x: f64| area.left + (x as f32 + 0.5) * slot;
    for bar in &chart.bars {
        let x = centre(bar.x) - bar_width / 2.0;
        let top = axis.y(&area, bar.height as f32);
        let fill = if bar.derived { palette::derived_fill(colour) } else { colour };
        svg.rect(x, top, bar_width, area.bottom - top, fill, Some((colour, 1.2)));
        if bar.derived {
            hatch(&mut svg, x, top, bar_width, area.bottom, colour);
        }
        svg.text(centre(bar.x), top - 5.0, &bar.label, font(LABEL, palette::INK), Anchor::Middle);
        for (line, text) in wrap(&bar.period_label, slot - 4.0, 9.0).iter().enumerate() {
            let y = area.bottom + 14.0 + line as f32 * 11.0;
            svg.text(centre(bar.x), y, text, font(9.0, palette::INK), Anchor::Middle);
        }
    }
    for change in &chart.changes {
        let mut text = change.text.clone();
        if change.computed {
            text.push('*');
        }
        let y = axis.y(&area, max * 0.55);
        svg.text(centre(change.x), y, &text, bold(LABEL, palette::CHANGE), Anchor::Middle);
    }
    svg.line((area.left, area.bottom), (area.right, area.bottom), palette::INK, 0.8);
    if let Some(notice) = &chart.notice {
        let y = if chart.bars.is_empty() { (area.top + area.bottom) / 2.0 } else { area.top + 4.0 };
        svg.text(width / 2.0, y, notice, font(LABEL, palette::MUTED), Anchor::Middle);
    }
    let derived = chart.bars.iter().any(|b| b.derived);
    let computed = chart.changes.iter().any(|c| c.computed);
    legend(&mut svg, height - 10.0, colour, derived, computed, lang);
    let alt = format!("{}: {}", chart.title, chart.summary());
    ChartSvg { svg: svg.finish(), width, height, alt }
}

/// Every product's change against the same period last year, side by side.
pub fn growth(chart: &GrowthChart, lang: Lang) -> ChartSvg {
    let (width, height) = (WIDTH, HEIGHT);
    let mut svg = SvgWriter::new(width, height);
    title(&mut svg, &chart.title);
    let area = Area { left: 58.0, top: 36.0, right: width - 14.0, bottom: height - 56.0 };
    let max = chart.bars.iter().map(|b| b.percent as f32).fold(0.0, f32::max);
    let min = chart.bars.iter().map(|b| b.percent as f32).fold(0.0, f32::min);
    let axis =
        ValueAxis { low: min * HEAD_ROOM, high: if max > 0.0 { max * HEAD_ROOM } else { 1.0 } };
    value_grid(&mut svg, &area, axis, &chart.axis_title, "%", lang);
    let slots = chart.bars.len().max(1) as f32;
    let slot = area.width() / slots;
    let bar_width = (slot * 0.6).min(90.0);
    let zero = axis.y(&area, 0.0);
    for bar in &chart.bars {
        let colour = palette::product_colour(&bar.indicator_id);
        let centre = area.left + (bar.x as f32 + 0.5) * slot;
        let end = axis.y(&area, bar.percent as f32);
        let (top, bottom) = (end.min(zero), end.max(zero));
        let fill = if bar.computed { palette::derived_fill(colour) } else { colour };
        let x = centre - bar_width / 2.0;
        svg.rect(x, top, bar_width, bottom - top, fill, Some((colour, 1.2)));
        if bar.computed {
            hatch(&mut svg, x, top, bar_width, bottom, colour);
        }
        let label_y = if bar.percent >= 0.0 { top - 5.0 } else { bottom + LABEL + 3.0 };
        svg.text(centre, label_y, &bar.text, font(LABEL, palette::INK), Anchor::Middle);
        for (line, text) in wrap(&bar.label, slot - 4.0, 9.0).iter().enumerate() {
            let y = area.bottom + 14.0 + line as f32 * 11.0;
            svg.text(centre, y, text, font(9.0, palette::INK), Anchor::Middle);
        }
    }
    svg.line((area.left, zero), (area.right, zero), palette::INK, 0.8);
    if !chart.missing.is_empty() {
        let names = chart.missing.join(", ");
        let text = fill(&lang.strings().charts.growth_missing, &[("names", &names)]);
        svg.text(12.0, height - 10.0, &text, font(NOTE, palette::MUTED), Anchor::Start);
    }
    let alt = format!("{}: {}", chart.title, chart.summary());
    ChartSvg { svg: svg.finish(), width, height, alt }
}

/// Planned area by zone, as horizontal bars with the name above each; zones without an
/// area listed in words under the chart, never drawn as zero.
pub fn zones(chart: &ZoneChart, lang: Lang) -> ChartSvg {
    const ROW: f32 = 40.0;
    const NOTE_LINE: f32 = 12.0;
    let width = WIDTH;
    let rows = chart.bars.len().max(1) as f32;
    let notes = chart.without_area.len() as f32;
    let height = (36.0 + rows * ROW + 40.0 + notes * NOTE_LINE + 8.0).max(HEIGHT);
    let mut svg = SvgWriter::new(width, height);
    title(&mut svg, &chart.title);
    let area = Area {
        left: 14.0,
        top: 36.0,
        right: width - 90.0,
        bottom: height - 40.0 - notes * NOTE_LINE - 8.0,
    };
    let max = chart.bars.iter().map(|b| b.area_ha as f32).fold(0.0, f32::max);
    let high = if max > 0.0 { max * 1.1 } else { 1.0 };
    let x_of = |value: f32| area.left + value / high * area.width();
    for tick in ticks(0.0, high) {
        let x = x_of(tick);
        svg.line((x, area.top), (x, area.bottom), palette::RULE, 0.5);
        let label = format::number(f64::from(tick), 2, lang);
        svg.text(x, area.bottom + 12.0, &label, font(TICK, palette::MUTED), Anchor::Middle);
    }
    svg.text(
        (area.left + area.right) / 2.0,
        area.bottom + 26.0,
        &chart.axis_title,
        font(9.0, palette::MUTED),
        Anchor::Middle,
    );
    let row = area.height() / rows;
    // Bars are listed with y counting up from the bottom row, as on screen.
    for bar in &chart.bars {
        let slot_top = area.top + (rows - 1.0 - bar.y as f32) * row;
        let bar_height = (row * 0.4).min(16.0);
        let bar_top = slot_top + row - bar_height - 4.0;
        let colour = palette::zone_colour(bar.kind);
        let end = x_of(bar.area_ha as f32);
        svg.rect(area.left, bar_top, end - area.left, bar_height, colour, None);
        svg.text(area.left, bar_top - 4.0, &bar.label, font(9.5, palette::INK), Anchor::Start);
        let value_y = bar_top + bar_height / 2.0 + LABEL * 0.35;
        svg.text(end + 5.0, value_y, &bar.value_label, bold(LABEL, palette::INK), Anchor::Start);
    }
    svg.line((area.left, area.top), (area.left, area.bottom), palette::INK, 0.8);
    for (index, note) in chart.without_area.iter().enumerate() {
        let y = height - 10.0 - (notes - 1.0 - index as f32) * NOTE_LINE;
        svg.text(12.0, y, note, font(NOTE, palette::MUTED), Anchor::Start);
    }
    let alt = format!("{}: {}", chart.title, chart.summary());
    ChartSvg { svg: svg.finish(), width, height, alt }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use crate::visual::chart::Charts;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 10.0), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 440.0), [0.0, 100.0, 200.0, 300.0, 400.0]);
        assert_eq!(ticks(-25.0, 60.0), [-20.0, 0.0, 20.0, 40.0, 60.0]);
        assert_eq!(ticks(0.0, 0.0), [0.0]);
        assert_eq!(ticks(0.0, f32::INFINITY), [0.0]);
    }

    #[test]
    fn the_builtin_charts_carry_their_words_and_parse() {
        let data = builtin::dataset();
        let charts = Charts::build(&data, Lang::Vi);
        let stone = product(&charts.products[1], Lang::Vi);
        assert!(stone.svg.contains("&gt; 1,8 triệu m³"), "value label above the bar");
        assert!(stone.svg.contains("gần 13%"));
        assert!(stone.svg.contains("6T/2018") && stone.svg.contains("6T/2019"));
        let zones = zones(&charts.zones, Lang::Vi);
        assert!(zones.svg.contains("Khu công nghiệp Đồng Bành"));
        assert!(zones.svg.contains("Khu công nghiệp Hữu Lũng: chưa có số liệu diện tích"));
        let growth = growth(&charts.growth, Lang::Vi);
        assert!(growth.svg.contains("+9,5%"));
        for drawing in [stone, zones, growth] {
            let options = resvg::usvg::Options::default();
            resvg::usvg::Tree::from_str(&drawing.svg, &options).expect("valid SVG");
        }
    }
}
