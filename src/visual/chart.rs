//! What each chart shows, computed from the dataset: bars, labels, changes, the line over
//! time, the message when there is nothing to draw. No egui here: the screen draws these
//! (`crate::window::ui::charts`) and so will paper, so both show the same numbers and words.

use crate::format::{self, Scale};
use crate::i18n::{Lang, fill};
use crate::model::{Basis, Dataset, Indicator, Observation, Period, PeriodKind, Zone, ZoneKind};

/// How many periods a product's bar chart compares at most.
pub const MAX_BARS: usize = 6;

/// Every chart of a dataset in one language, built together and cached by the app
/// ([`ChartsCache`]) until the figures, the zones or the language change.
#[derive(Clone, Debug, PartialEq)]
pub struct Charts {
    /// One a product, in the dataset's order.
    pub products: Vec<ProductChart>,
    pub growth: GrowthChart,
    pub zones: ZoneChart,
}

impl Charts {
    /// Builds them all.
    pub fn build(dataset: &Dataset, lang: Lang) -> Charts {
        Charts::of(&dataset.indicators, &dataset.zones, lang)
    }

    /// Builds them all from what they show: the products' figures and the zones. Nothing
    /// else of a dataset is read, which is what lets [`ChartsCache`] keep them.
    pub fn of(indicators: &[Indicator], zones: &[Zone], lang: Lang) -> Charts {
        Charts {
            products: indicators.iter().map(|i| ProductChart::build(i, lang)).collect(),
            growth: GrowthChart::build(indicators, lang),
            zones: ZoneChart::build(zones, lang),
        }
    }
}

/// The charts of the document being worked on, kept across the edits that leave their
/// figures and zones alone: ticking a directive off in a province's file does not format
/// every figure's label and tooltip again (under `perf`, the largest part of such a frame
/// before).
#[derive(Debug, Default)]
pub struct ChartsCache {
    built: Option<Built>,
    /// How many times charts were built (what the tests count).
    builds: usize,
}

/// Charts and what they were built from.
#[derive(Debug)]
struct Built {
    /// The document's revision they were last checked at: the same one needs no check.
    revision: u64,
    lang: Lang,
    indicators: Vec<Indicator>,
    zones: Vec<Zone>,
    charts: Charts,
}

impl ChartsCache {
    /// The charts of `dataset` at `revision` in `lang`. After an edit its figures and zones
    /// are compared with the ones the charts were built from; they are built again only
    /// when those (or the language) differ.
    pub fn get(&mut self, dataset: &Dataset, revision: u64, lang: Lang) -> &Charts {
        let fresh = match &mut self.built {
            Some(built) if built.lang == lang && built.revision == revision => true,
            Some(built)
                if built.lang == lang
                    && built.indicators == dataset.indicators
                    && built.zones == dataset.zones =>
            {
                built.revision = revision;
                true
            }
            _ => false,
        };
        if !fresh {
            self.builds += 1;
            self.built = Some(Built {
                revision,
                lang,
                indicators: dataset.indicators.clone(),
                zones: dataset.zones.clone(),
                charts: Charts::of(&dataset.indicators, &dataset.zones, lang),
            });
        }
        &self.built.as_ref().expect("built above").charts
    }

    /// The charts as last built, if any.
    pub fn last(&self) -> Option<&Charts> {
        self.built.as_ref().map(|built| &built.charts)
    }
}

/// One bar of a product chart: one period's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Position on the category axis: 0, 1, 2 ...
    pub x: f64,
    pub period: Period,
    /// `6T/2019`.
    pub period_label: String,
    /// In the indicator's base unit.
    pub value: f64,
    /// In the chart's [`ProductChart::scale`] (what the axis reads).
    pub height: f64,
    /// Above the bar: `> 1,8 triệu m³`.
    pub label: String,
    /// Derived figures are drawn lighter and hatched, and say so.
    pub derived: bool,
    /// On hover: period, value, unit, qualifier, basis, status and source.
    pub tooltip: String,
}

/// The change between two neighbouring bars, written between them.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeLabel {
    /// Halfway between the bars.
    pub x: f64,
    /// `+9,5%`, `gần 13%`.
    pub text: String,
    /// True when the source gave no change and it was computed from the two values.
    pub computed: bool,
}

/// A product's figures over time, when it has three or more periods of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    /// What the points are ("tháng", "6 tháng đầu năm").
    pub kind: PeriodKind,
    /// (time in years, value in the chart's scale), in time order.
    pub points: Vec<[f64; 2]>,
    /// The period label of each point, for the axis and tooltips.
    pub labels: Vec<String>,
}

/// The chart of one product.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductChart {
    pub indicator_id: String,
    pub title: String,
    /// `Sản lượng (triệu kWh)`.
    pub axis_title: String,
    pub scale: Scale,
    pub bars: Vec<Bar>,
    pub changes: Vec<ChangeLabel>,
    pub line: Option<LineSeries>,
    /// Said instead of, or under, the chart when there is little or nothing to draw.
    pub notice: Option<String>,
}

impl ProductChart {
    /// The chart in one line of text: what a screen reader says, what a PDF's figure says
    /// in words, what tests read.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> =
            self.bars.iter().map(|b| format!("{}: {}", b.period_label, b.label)).collect();
        parts.extend(self.changes.iter().map(|c| c.text.clone()));
        parts.join(" · ")
    }

    /// The chart with only its latest `count` bars and the changes between them, placed
    /// from 0 again: what a small chart has room for (thirty years side by side would put
    /// every label on its neighbours).
    /// The chart up to the last period `keep` accepts (periods are in order: the chart
    /// is cut after it), with the changes between the bars kept.
    pub fn until(&self, keep: impl Fn(Period) -> bool) -> ProductChart {
        let count = self.bars.iter().take_while(|bar| keep(bar.period)).count();
        if count == self.bars.len() {
            return self.clone();
        }
        let bars = self.bars[..count].to_vec();
        // A change at x = i - 0.5 stands between bars i - 1 and i.
        let changes = self.changes.iter().filter(|c| c.x + 0.5 < count as f64).cloned().collect();
        ProductChart { bars, changes, ..self.clone() }
    }

    pub fn latest(&self, count: usize) -> ProductChart {
        let skip = self.bars.len().saturating_sub(count.max(1));
        if skip == 0 {
            return self.clone();
        }
        let first = skip as f64;
        let bars =
            self.bars[skip..].iter().map(|bar| Bar { x: bar.x - first, ..bar.clone() }).collect();
        let changes = self
            .changes
            .iter()
            .filter(|change| change.x > first)
            .map(|change| ChangeLabel { x: change.x - first, ..change.clone() })
            .collect();
        ProductChart { bars, changes, ..self.clone() }
    }

    /// The chart of `indicator`: its latest period beside the same period of earlier years.
    pub fn build(indicator: &Indicator, lang: Lang) -> ProductChart {
        let t = &lang.strings().charts;
        let title = indicator_name(indicator, lang).to_owned();
        let comparable = comparable_observations(indicator);
        let max = comparable.iter().map(|o| o.value).fold(0.0, f64::max);
        let scale = Scale::for_axis(max);
        let axis_title = fill(&t.value_axis, &[("unit", &scale.unit(&indicator.unit, lang))]);
        let bars: Vec<Bar> = comparable
            .iter()
            .enumerate()
            .map(|(i, o)| Bar {
                x: i as f64,
                period: o.period,
                period_label: format::period_short(o.period, lang),
                value: o.value,
                height: o.value / scale.divisor,
                label: format::compact_quantity(o.value, o.qualifier, &indicator.unit, lang),
                derived: o.basis == Basis::Derived,
                tooltip: tooltip(indicator, o, lang),
            })
            .collect();
        let changes = comparable
            .windows(2)
            .enumerate()
            .filter_map(|(i, pair)| {
                change_between(pair[0], pair[1], lang).map(|(text, computed)| ChangeLabel {
                    x: i as f64 + 0.5,
                    text,
                    computed,
                })
            })
            .collect();
        let line = line_series(indicator, scale, lang);
        let notice = match bars.len() {
            0 => Some(t.no_figures.clone()),
            1 => Some(t.single_period.clone()),
            _ => None,
        };
        ProductChart {
            indicator_id: indicator.id.clone(),
            title,
            axis_title,
            scale,
            bars,
            changes,
            line,
            notice,
        }
    }
}

/// The indicator's name in the UI language (the Vietnamese one when no English is given).
pub fn indicator_name(indicator: &Indicator, lang: Lang) -> &str {
    match lang {
        Lang::En if !indicator.name_en.is_empty() => &indicator.name_en,
        _ => &indicator.name,
    }
}

/// The latest observation and those of the same period in earlier years, oldest first,
/// at most [`MAX_BARS`].
fn comparable_observations(indicator: &Indicator) -> Vec<&Observation> {
    let Some(latest) = indicator.observations.iter().max_by_key(|o| o.period) else {
        return Vec::new();
    };
    let same_period = |o: &&Observation| {
        o.period.kind() == latest.period.kind()
            && o.period.month_span() == latest.period.month_span()
    };
    let mut comparable: Vec<&Observation> =
        indicator.observations.iter().filter(same_period).collect();
    comparable.sort_by_key(|o| o.period);
    let skip = comparable.len().saturating_sub(MAX_BARS);
    comparable.split_off(skip)
}

/// The change from `before` to `after` a year later: the source's own figure where it gave
/// one, else computed from the two values.
fn change_between(before: &Observation, after: &Observation, lang: Lang) -> Option<(String, bool)> {
    if after.period.same_period_last_year() != before.period {
        return None;
    }
    if let Some(change) = after.change {
        return Some((format::compact_change(change, lang), false));
    }
    let percent = implied_change(before, after)?;
    let sign = if percent > 0.0 { "+" } else { "" };
    Some((format!("{sign}{}", format::percent(percent, lang)), true))
}

/// The change, in percent, that two periods' values imply (none from a zero or negative).
pub fn implied_change(before: &Observation, after: &Observation) -> Option<f64> {
    (before.value > 0.0).then(|| (after.value / before.value - 1.0) * 100.0)
}

/// The longest run of periods of one kind, if it has three or more.
fn line_series(indicator: &Indicator, scale: Scale, lang: Lang) -> Option<LineSeries> {
    let mut kinds: Vec<PeriodKind> =
        indicator.observations.iter().map(|o| o.period.kind()).collect();
    kinds.sort();
    kinds.dedup();
    let kind = kinds.into_iter().max_by_key(|kind| {
        indicator.observations.iter().filter(|o| o.period.kind() == *kind).count()
    })?;
    let mut series: Vec<&Observation> =
        indicator.observations.iter().filter(|o| o.period.kind() == kind).collect();
    if series.len() < 3 {
        return None;
    }
    series.sort_by_key(|o| o.period);
    Some(LineSeries {
        kind,
        points: series.iter().map(|o| [time_in_years(o.period), o.value / scale.divisor]).collect(),
        labels: series.iter().map(|o| format::period_short(o.period, lang)).collect(),
    })
}

/// The middle of a period's last month, in years (2019.5 ≈ end of June 2019).
pub fn time_in_years(period: Period) -> f64 {
    let (_, last) = period.month_span();
    f64::from(period.year()) + (f64::from(last) - 0.5) / 12.0
}

fn tooltip(indicator: &Indicator, o: &Observation, lang: Lang) -> String {
    let t = &lang.strings().figures;
    let mut lines = vec![
        format!("{} — {}", indicator_name(indicator, lang), format::period_long(o.period, lang)),
        format!(
            "{}: {}",
            t.value,
            format::qualified_quantity(o.value, o.qualifier, &indicator.unit, lang)
        ),
        format!("{}: {}", t.qualifier, format::qualifier_name(o.qualifier, lang)),
    ];
    if let Some(change) = o.change {
        lines.push(format!("{}: {}", t.change, format::change(change, lang)));
    }
    lines.push(format!("{}: {}", t.basis, format::basis(o.basis, lang)));
    lines.push(format!("{}: {}", t.status, format::figure_status(o.status, lang)));
    if !o.source_ref.is_empty() {
        lines.push(format!("{}: {}", t.source, o.source_ref));
    }
    lines.join("\n")
}

/// One product's growth in the growth chart.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthBar {
    pub x: f64,
    pub indicator_id: String,
    /// Product name and the period the growth is for.
    pub label: String,
    pub percent: f64,
    /// `+9,5%`, `gần 13%`.
    pub text: String,
    /// Computed from two values rather than given by the source.
    pub computed: bool,
}

/// The change vs the same period last year for every product, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthChart {
    pub title: String,
    pub axis_title: String,
    pub bars: Vec<GrowthBar>,
    /// Products with no growth figure, named so their absence is visible.
    pub missing: Vec<String>,
}

impl GrowthChart {
    /// The chart in one line of text.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> =
            self.bars.iter().map(|b| format!("{}: {}", b.label, b.text)).collect();
        parts.extend(self.missing.iter().cloned());
        parts.join(" · ")
    }

    /// Each product's latest change: the source's, else computed from last year's value.
    pub fn build(indicators: &[Indicator], lang: Lang) -> GrowthChart {
        let t = &lang.strings().charts;
        let mut bars = Vec::new();
        let mut missing = Vec::new();
        for indicator in indicators {
            let name = indicator_name(indicator, lang);
            match latest_growth(indicator, lang) {
                Some((period, percent, text, computed)) => bars.push(GrowthBar {
                    x: bars.len() as f64,
                    indicator_id: indicator.id.clone(),
                    label: format!("{name} ({})", format::period_short(period, lang)),
                    percent,
                    text,
                    computed,
                }),
                None => missing.push(name.to_owned()),
            }
        }
        GrowthChart {
            title: t.growth_title.clone(),
            axis_title: t.growth_axis.clone(),
            bars,
            missing,
        }
    }
}

fn latest_growth(indicator: &Indicator, lang: Lang) -> Option<(Period, f64, String, bool)> {
    let mut by_period: Vec<&Observation> = indicator.observations.iter().collect();
    by_period.sort_by_key(|o| std::cmp::Reverse(o.period));
    by_period.into_iter().find_map(|after| {
        if let Some(change) = after.change {
            return Some((
                after.period,
                change.percent,
                format::compact_change(change, lang),
                false,
            ));
        }
        let before = indicator.observation(after.period.same_period_last_year())?;
        let (text, computed) = change_between(before, after, lang)?;
        let percent = implied_change(before, after)?;
        Some((after.period, percent, text, computed))
    })
}

/// One row of the industrial-land chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneBar {
    /// Position on the category axis, top row highest.
    pub y: f64,
    pub kind: ZoneKind,
    /// `Khu công nghiệp Đồng Bành`, `16 cụm công nghiệp`, `Cụm công nghiệp phía Bắc (3 cụm)`.
    pub label: String,
    pub area_ha: f64,
    /// `> 321 ha`.
    pub value_label: String,
}

/// Planned industrial land by zone, as horizontal bars.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneChart {
    pub title: String,
    pub axis_title: String,
    pub bars: Vec<ZoneBar>,
    /// Zones the source names without an area: listed in words, never drawn as zero.
    pub without_area: Vec<String>,
}

impl ZoneChart {
    /// The chart in one line of text.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> =
            self.bars.iter().map(|b| format!("{}: {}", b.label, b.value_label)).collect();
        parts.extend(self.without_area.iter().cloned());
        parts.join(" · ")
    }

    /// Zones with an area, industrial zones first, then export-processing, then clusters.
    pub fn build(zones: &[Zone], lang: Lang) -> ZoneChart {
        let t = &lang.strings().charts;
        let rank = |kind: ZoneKind| match kind {
            ZoneKind::IndustrialZone => 0,
            ZoneKind::ExportProcessingZone => 1,
            ZoneKind::IndustrialCluster => 2,
        };
        let mut with_area: Vec<_> =
            zones.iter().filter_map(|z| z.area_ha.map(|area| (z, area))).collect();
        with_area.sort_by_key(|(z, _)| rank(z.kind));
        let count = with_area.len();
        let bars = with_area
            .into_iter()
            .enumerate()
            .map(|(i, (zone, area))| {
                let mut label = zone.name.clone();
                // "16 cụm công nghiệp" says its count already: "(16 cụm)" after it was
                // the same words twice.
                let names_count =
                    zone.name.split_whitespace().next() == Some(zone.count.to_string().as_str());
                if zone.count > 1 && !names_count {
                    label.push_str(&format!(
                        " ({})",
                        fill(&t.zone_count, &[("count", &zone.count)])
                    ));
                }
                ZoneBar {
                    y: (count - 1 - i) as f64,
                    kind: zone.kind,
                    label,
                    area_ha: area,
                    value_label: format!(
                        "{}{} ha",
                        format::qualifier_sign(zone.qualifier),
                        format::number(area, 2, lang)
                    ),
                }
            })
            .collect();
        let no_area = &lang.strings().zones.no_area;
        let without_area = zones
            .iter()
            .filter(|z| z.area_ha.is_none())
            .map(|z| format!("{}: {no_area}", z.name))
            .collect();
        ZoneChart {
            title: t.zones_title.clone(),
            axis_title: t.zones_axis.clone(),
            bars,
            without_area,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_small_chart_keeps_the_latest_bars_and_the_changes_between_them() {
        let indicator = crate::files::builtin::dataset().indicators[0].clone();
        let mut long = indicator.clone();
        // Ten years of the same period, each 5% up on the one before.
        long.observations.clear();
        for year in 2010..2020i16 {
            let mut observation = indicator.observations.last().unwrap().clone();
            observation.period = crate::model::Period::FirstMonths { year, months: 6 };
            observation.value = 100.0 * 1.05f64.powi(i32::from(year - 2010));
            observation.change = None;
            long.observations.push(observation);
        }
        let chart = ProductChart::build(&long, Lang::Vi);
        let all = chart.bars.len();
        assert!(all > 3, "{all}");
        let small = chart.latest(3);
        assert_eq!(small.bars.len(), 3);
        assert_eq!(small.bars[0].period_label, chart.bars[all - 3].period_label);
        assert_eq!(small.bars[2].period_label, "6T/2019");
        assert_eq!(small.bars.iter().map(|b| b.x).collect::<Vec<_>>(), [0.0, 1.0, 2.0]);
        assert_eq!(small.changes.len(), 2, "{:?}", small.changes);
        assert!(small.changes.iter().all(|c| c.x > 0.0 && c.x < 2.0));
        assert_eq!(chart.latest(20), chart);
    }
    use super::*;
    use crate::files::builtin;
    use crate::model::{FigureStatus, Qualifier};

    fn observation(period: Period, value: f64) -> Observation {
        Observation {
            period,
            value,
            qualifier: Qualifier::Exact,
            change: None,
            basis: Basis::Reported,
            status: FigureStatus::Official,
            source_ref: String::new(),
        }
    }

    fn indicator(observations: Vec<Observation>) -> Indicator {
        Indicator {
            id: "x".into(),
            name: "Thử".into(),
            name_en: String::new(),
            unit: "tấn".into(),
            observations,
        }
    }

    #[test]
    fn builtin_stone_chart() {
        let data = builtin::dataset();
        let chart = ProductChart::build(data.indicator("stone").unwrap(), Lang::Vi);
        let labels: Vec<_> = chart.bars.iter().map(|b| b.period_label.as_str()).collect();
        assert_eq!(labels, ["6T/2018", "6T/2019"]);
        assert_eq!(chart.bars[1].label, "> 1,8 triệu m³");
        assert_eq!(chart.bars.iter().map(|b| b.derived).collect::<Vec<_>>(), [true, false]);
        assert!((chart.bars[1].height - 1.8).abs() < 1e-9, "in triệu m³");
        assert_eq!(chart.axis_title, "Sản lượng (triệu m³)");
        assert_eq!(
            chart.changes,
            [ChangeLabel { x: 0.5, text: "gần 13%".into(), computed: false }]
        );
        assert!(chart.line.is_none());
        assert!(chart.bars[0].tooltip.contains("ước tính từ tốc độ tăng"));
    }

    #[test]
    fn no_figures_and_a_single_period_are_said_in_words() {
        let empty = ProductChart::build(&indicator(vec![]), Lang::Vi);
        assert!(empty.bars.is_empty());
        assert!(empty.notice.is_some());
        let single = indicator(vec![observation(Period::Year { year: 2019 }, 0.0)]);
        let single = ProductChart::build(&single, Lang::Vi);
        assert_eq!(single.bars.len(), 1);
        assert_eq!(single.bars[0].label, "0 tấn");
        assert!(single.notice.is_some());
        assert!(single.changes.is_empty(), "no change from or to nothing");
    }

    #[test]
    fn monthly_series_gets_a_line_and_the_same_month_bars() {
        let mut observations = Vec::new();
        for year in 2017..=2019 {
            for month in 1..=12 {
                observations
                    .push(observation(Period::Month { year, month }, f64::from(month) * 1000.0));
            }
        }
        let chart = ProductChart::build(&indicator(observations), Lang::Vi);
        let labels: Vec<_> = chart.bars.iter().map(|b| b.period_label.as_str()).collect();
        assert_eq!(labels, ["T12/2017", "T12/2018", "T12/2019"]);
        assert_eq!(chart.changes.len(), 2);
        assert!(chart.changes.iter().all(|c| c.computed && c.text == "0%"));
        let line = chart.line.unwrap();
        assert_eq!(line.points.len(), 36);
        assert!(line.points.windows(2).all(|w| w[0][0] < w[1][0]), "in time order");
    }

    #[test]
    fn absurdly_large_values_stay_finite() {
        let huge =
            indicator(vec![observation(Period::Year { year: 2019 }, crate::model::MAX_VALUE)]);
        let chart = ProductChart::build(&huge, Lang::Vi);
        assert!(chart.bars[0].height.is_finite());
        assert!(chart.bars[0].label.contains("tỷ"));
    }

    #[test]
    fn the_cache_builds_again_for_new_figures_zones_or_language_and_not_for_a_directive() {
        let mut data = builtin::dataset();
        let mut cache = ChartsCache::default();
        let first = cache.get(&data, 0, Lang::Vi).clone();
        assert_eq!(first, Charts::build(&data, Lang::Vi));
        // A directive ticked off: a new revision, the same figures.
        data.directives[0].completed_on = Some(jiff::civil::date(2019, 8, 1));
        assert_eq!(cache.get(&data, 1, Lang::Vi), &first);
        assert_eq!(cache.builds, 1, "a directive's edit built the charts again");
        // A figure changed: its chart says the new value.
        data.indicators[0].observations[0].value *= 2.0;
        let doubled = cache.get(&data, 2, Lang::Vi).clone();
        assert_eq!(doubled, Charts::build(&data, Lang::Vi));
        assert_ne!(doubled, first);
        // A zone renamed, then the language switched: built again each time.
        data.zones[0].name = "Khu công nghiệp mới".into();
        assert_eq!(cache.get(&data, 3, Lang::Vi), &Charts::build(&data, Lang::Vi));
        assert_eq!(cache.get(&data, 3, Lang::En), &Charts::build(&data, Lang::En));
        assert_eq!(cache.builds, 4);
        // Undone back to the first state, as at revision 0 again: the same charts as then.
        let mut undone = builtin::dataset();
        undone.directives[0].completed_on = None;
        assert_eq!(cache.get(&undone, 0, Lang::Vi), &first);
    }

    #[test]
    fn growth_and_zones_of_the_builtin_dataset() {
        let data = builtin::dataset();
        let growth = GrowthChart::build(&data.indicators, Lang::Vi);
        let texts: Vec<_> = growth.bars.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["+9,5%", "gần 13%", "+50%"]);
        assert!(growth.missing.is_empty());

        let zones = ZoneChart::build(&data.zones, Lang::Vi);
        let labels: Vec<_> = zones.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Khu công nghiệp Đồng Bành",
                "Khu công nghiệp Hồng Phong",
                "Khu chế xuất",
                "16 cụm công nghiệp"
            ]
        );
        assert_eq!(zones.bars[0].value_label, "> 321 ha");
        let mut renamed = data.clone();
        renamed.zones.iter_mut().filter(|z| z.count == 16).for_each(|z| z.name = "Các cụm".into());
        let zones = ZoneChart::build(&renamed.zones, Lang::Vi);
        assert!(zones.bars.iter().any(|b| b.label == "Các cụm (16 cụm)"), "the count said once");
        assert_eq!(zones.bars[1].value_label, "~440 ha");
        assert_eq!(zones.without_area, ["Khu công nghiệp Hữu Lũng: chưa có số liệu diện tích"]);
    }
}
