//! Numbers, quantities, percentages, periods and dates as officials write them:
//! `72.000 m³`, `1,8 triệu m³`, `9,5%`, `6T/2019`, `15/07/2019` in Vietnamese;
//! `72,000 m³`, `1.8 million m³`, `9.5%` in English.

pub mod input;
mod problem;

use jiff::civil::Date;

use crate::i18n::{Lang, fill};
use crate::model::{
    Basis, Change, FigureStatus, Period, PeriodShape, Qualifier, UnitKind, ZoneKind,
};

/// `value` with `decimals` decimals, digits grouped by three, trailing zeros dropped.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let (group, point) = separators(lang);
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let frac_part = frac_part.trim_end_matches('0');
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if value < 0.0 && (int_part.bytes().any(|b| b != b'0') || !frac_part.is_empty()) {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

fn separators(lang: Lang) -> (char, char) {
    if lang.strings().words.decimal_comma { ('.', ',') } else { (',', '.') }
}

/// A power of a thousand to divide values by, and its word ("triệu").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub divisor: f64,
    /// Index into thousand/million/billion; 0 = none.
    level: u8,
}

impl Scale {
    /// No scaling.
    pub const ONE: Scale = Scale { divisor: 1.0, level: 0 };
    /// Every scale a value can be typed in: as it is, nghìn, triệu, tỷ.
    pub const ALL: [Scale; 4] = [
        Scale::ONE,
        Scale { divisor: 1e3, level: 1 },
        Scale { divisor: 1e6, level: 2 },
        Scale { divisor: 1e9, level: 3 },
    ];

    /// The scale officials read a value of this size in: millions from 1 million up,
    /// billions from 1 billion, none below (so `72.000 m³` stays as it is).
    pub fn for_value(value: f64) -> Scale {
        let magnitude = value.abs();
        if magnitude >= 1e9 {
            Scale { divisor: 1e9, level: 3 }
        } else if magnitude >= 1e6 {
            Scale { divisor: 1e6, level: 2 }
        } else {
            Scale::ONE
        }
    }

    /// The scale for an axis whose largest value is `max`: as [`Scale::for_value`], and
    /// thousands from 10.000 up, so tick labels stay short.
    pub fn for_axis(max: f64) -> Scale {
        let scale = Scale::for_value(max);
        if scale.level == 0 && max.abs() >= 1e4 { Scale { divisor: 1e3, level: 1 } } else { scale }
    }

    /// The unit with this scale's word before it ("triệu kWh").
    pub fn unit(self, unit: &str, lang: Lang) -> String {
        let words = &lang.strings().words;
        let word = match self.level {
            1 => &words.thousand,
            2 => &words.million,
            3 => &words.billion,
            _ => return unit.to_owned(),
        };
        format!("{word} {unit}")
    }
}

/// A value in its unit, scaled as officials read it: `365 triệu kWh`, `72.000 m³`.
pub fn quantity(value: f64, unit: &str, lang: Lang) -> String {
    let scale = Scale::for_value(value);
    let scaled = value / scale.divisor;
    // Three significant digits are what the sources print (1,59 triệu; 333,3 triệu).
    let decimals = if scaled.abs() >= 100.0 { 1 } else { 2 };
    format!("{} {}", number(scaled, decimals, lang), scale.unit(unit, lang))
}

/// A value with its qualifier word: `hơn 1,8 triệu m³`.
pub fn qualified_quantity(value: f64, qualifier: Qualifier, unit: &str, lang: Lang) -> String {
    with_qualifier(quantity(value, unit, lang), qualifier, lang)
}

/// `text` preceded by the qualifier's word, if any.
pub fn with_qualifier(text: String, qualifier: Qualifier, lang: Lang) -> String {
    match qualifier_word(qualifier, lang) {
        Some(word) => format!("{word} {text}"),
        None => text,
    }
}

/// The qualifier's word ("hơn"), or `None` for an exact figure.
pub fn qualifier_word(qualifier: Qualifier, lang: Lang) -> Option<&'static str> {
    let words = &lang.strings().words;
    match qualifier {
        Qualifier::Exact => None,
        Qualifier::Over => Some(&words.over),
        Qualifier::MoreThan => Some(&words.more_than),
        Qualifier::About => Some(&words.about),
        Qualifier::Nearly => Some(&words.nearly),
    }
}

/// The qualifier as a compact sign for chart labels: `>` for over / more than, `~` for
/// about / nearly, nothing for exact.
pub fn qualifier_sign(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "",
        Qualifier::Over | Qualifier::MoreThan => "> ",
        Qualifier::About | Qualifier::Nearly => "~",
    }
}

/// A value for a chart label: `> 1,8 triệu m³`, `72.000 m³`.
pub fn compact_quantity(value: f64, qualifier: Qualifier, unit: &str, lang: Lang) -> String {
    format!("{}{}", qualifier_sign(qualifier), quantity(value, unit, lang))
}

/// A change for a chart label: `+9,5%`, and a change the source qualified as officials
/// write it, `gần 13%` (a sign between "gần" and the number reads as no Vietnamese does;
/// only a fall keeps its minus).
pub fn compact_change(change: Change, lang: Lang) -> String {
    match qualifier_word(change.qualifier, lang) {
        Some(word) => format!("{word} {}", percent(change.percent, lang)),
        None => {
            let sign = if change.percent > 0.0 { "+" } else { "" };
            format!("{sign}{}", percent(change.percent, lang))
        }
    }
}

/// The qualifier in a column of its own: its word, or "chính xác".
pub fn qualifier_name(qualifier: Qualifier, lang: Lang) -> &'static str {
    qualifier_word(qualifier, lang).unwrap_or(&lang.strings().words.exact)
}

/// A percentage: `9,5%`.
pub fn percent(value: f64, lang: Lang) -> String {
    format!("{}%", number(value, 1, lang))
}

/// A change vs the same period, signed, with its qualifier: `+9,5%`, `gần 13%` — with a
/// qualifier word no plus, as officials write it and as the charts say it (the overview's
/// table said "gần +13%" under a chart saying "gần 13%").
pub fn change(change: Change, lang: Lang) -> String {
    let qualified = qualifier_word(change.qualifier, lang).is_some();
    let sign = if change.percent > 0.0 && !qualified { "+" } else { "" };
    with_qualifier(format!("{sign}{}", percent(change.percent, lang)), change.qualifier, lang)
}

/// A date as `15/07/2019`.
pub fn date(date: Date) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Reads a date typed as `d/m/yyyy` (also with `.` or `-`), or as ISO `yyyy-mm-dd`.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let numbers = |x: &str| x.parse::<i32>().ok().filter(|_| !x.is_empty() && x.len() <= 4);
    let (a, b, c) = (numbers(a)?, numbers(b)?, numbers(c)?);
    let (year, month, day) = if parts[0].len() == 4 { (a, b, c) } else { (c, b, a) };
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// A period as statistics tables write it: `6T/2019`, `Q2/2019`, `T7/2019`, `Năm 2019`.
pub fn period_short(period: Period, lang: Lang) -> String {
    let words = &lang.strings().words;
    period_with(
        period,
        [&words.month_short, &words.quarter_short, &words.first_months_short, &words.year_short],
    )
}

/// A period in words: `6 tháng đầu năm 2019`.
pub fn period_long(period: Period, lang: Lang) -> String {
    let words = &lang.strings().words;
    period_with(
        period,
        [&words.month_long, &words.quarter_long, &words.first_months_long, &words.year_long],
    )
}

/// A period as a sentence names it after other words: "first 6 months of 2019" where a
/// table's row says "First 6 months of 2019" ("Edit the figure of First 6 months…").
pub fn period_in_sentence(period: Period, lang: Lang) -> String {
    let long = period_long(period, lang);
    let mut chars = long.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => long,
    }
}

fn period_with(period: Period, [month_t, quarter_t, first_t, year_t]: [&String; 4]) -> String {
    match period {
        Period::Month { year, month } => fill(month_t, &[("month", &month), ("year", &year)]),
        Period::Quarter { year, quarter } => {
            fill(quarter_t, &[("quarter", &quarter), ("year", &year)])
        }
        Period::FirstMonths { year, months } => {
            fill(first_t, &[("months", &months), ("year", &year)])
        }
        Period::Year { year } => fill(year_t, &[("year", &year)]),
    }
}

/// "báo cáo" / "ước tính từ tốc độ tăng".
pub fn basis(basis: Basis, lang: Lang) -> &'static str {
    let words = &lang.strings().words;
    match basis {
        Basis::Reported => &words.reported,
        Basis::Derived => &words.derived,
    }
}

/// "ước tính" / "sơ bộ" / "chính thức".
pub fn figure_status(status: FigureStatus, lang: Lang) -> &'static str {
    let words = &lang.strings().words;
    match status {
        FigureStatus::Estimate => &words.estimate,
        FigureStatus::Preliminary => &words.preliminary,
        FigureStatus::Official => &words.official,
    }
}

/// "Tháng" / "Quý" / "Số tháng đầu năm" / "Cả năm".
pub fn period_shape(shape: PeriodShape, lang: Lang) -> &'static str {
    let t = &lang.strings().figures_editor;
    match shape {
        PeriodShape::Month => &t.kind_month,
        PeriodShape::Quarter => &t.kind_quarter,
        PeriodShape::FirstMonths => &t.kind_first_months,
        PeriodShape::Year => &t.kind_year,
    }
}

/// "Sở, ban" / "Ngành" / "Huyện, thành phố" / "Doanh nghiệp" / "Nhóm đơn vị".
pub fn unit_kind(kind: UnitKind, lang: Lang) -> &'static str {
    let w = &lang.strings().words;
    match kind {
        UnitKind::Department => &w.unit_department,
        UnitKind::Sector => &w.unit_sector,
        UnitKind::District => &w.unit_district,
        UnitKind::Enterprise => &w.unit_enterprise,
        UnitKind::Group => &w.unit_group,
    }
}

/// "Khu công nghiệp" / "Khu chế xuất" / "Cụm công nghiệp".
pub fn zone_kind(kind: ZoneKind, lang: Lang) -> &'static str {
    let words = &lang.strings().words;
    match kind {
        ZoneKind::IndustrialZone => &words.industrial_zone,
        ZoneKind::ExportProcessingZone => &words.export_processing_zone,
        ZoneKind::IndustrialCluster => &words.industrial_cluster,
    }
}

/// What one version of a dataset changed against another, in words:
/// `3 nhiệm vụ, 1 số liệu đã sửa; 2 nhiệm vụ mới thêm` / `3 directives, 1 figure changed; …`.
pub fn changes(changes: &crate::model::diff::Changes, lang: Lang) -> String {
    let t = &lang.strings().recovery.changes;
    let kinds = [
        (&changes.directives, &t.directive),
        (&changes.figures, &t.figure),
        (&changes.meetings, &t.meeting),
        (&changes.units, &t.unit),
        (&changes.zones, &t.zone),
        (&changes.indicators, &t.indicator),
    ];
    let list = |count: fn(&crate::model::diff::Counts) -> usize| -> Option<String> {
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(counts, _)| count(counts) > 0)
            .map(|(counts, (one, many))| {
                let n = count(counts);
                format!("{} {}", number(n as f64, 0, lang), if n == 1 { one } else { many })
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    let mut phrases: Vec<String> = [
        (list(|c| c.changed), &t.changed),
        (list(|c| c.added), &t.added),
        (list(|c| c.removed), &t.removed),
    ]
    .into_iter()
    .filter_map(|(list, verb)| list.map(|list| fill(verb, &[("list", &list)])))
    .collect();
    if changes.general {
        phrases.push(t.general.clone());
    }
    if changes.reordered {
        phrases.push(t.reordered.clone());
    }
    if phrases.is_empty() { t.nothing.clone() } else { phrases.join("; ") }
}

/// A byte count in MiB, for messages about file sizes.
pub fn mebibytes(bytes: u64, lang: Lang) -> String {
    format!("{} MiB", number(bytes as f64 / (1024.0 * 1024.0), 1, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_in_words() {
        use crate::model::diff::{Changes, Counts};
        let mut changes = Changes::default();
        assert_eq!(super::changes(&changes, Lang::Vi), "không khác gì");
        changes.directives = Counts { added: 2, removed: 0, changed: 3 };
        changes.figures.changed = 1;
        changes.units.removed = 1;
        assert_eq!(
            super::changes(&changes, Lang::Vi),
            "3 nhiệm vụ, 1 số liệu đã sửa; 2 nhiệm vụ mới thêm; 1 đơn vị đã xoá"
        );
        assert_eq!(
            super::changes(&changes, Lang::En),
            "3 directives, 1 figure changed; 2 directives added; 1 unit removed"
        );
    }

    #[test]
    fn numbers_the_vietnamese_way() {
        assert_eq!(number(72_000.0, 0, Lang::Vi), "72.000");
        assert_eq!(number(1_800_000.0, 0, Lang::Vi), "1.800.000");
        assert_eq!(number(9.5, 1, Lang::Vi), "9,5");
        assert_eq!(number(13.0, 1, Lang::Vi), "13");
        assert_eq!(number(-1234.5, 2, Lang::Vi), "-1.234,5");
        assert_eq!(number(-0.001, 1, Lang::Vi), "0");
        assert_eq!(number(999.0, 0, Lang::Vi), "999");
        assert_eq!(number(72_000.0, 0, Lang::En), "72,000");
        assert_eq!(number(9.5, 1, Lang::En), "9.5");
    }

    #[test]
    fn quantities_scale_as_officials_read_them() {
        assert_eq!(quantity(365e6, "kWh", Lang::Vi), "365 triệu kWh");
        assert_eq!(quantity(1.8e6, "m³", Lang::Vi), "1,8 triệu m³");
        assert_eq!(quantity(72_000.0, "m³", Lang::Vi), "72.000 m³");
        assert_eq!(quantity(365e6 / 1.095, "kWh", Lang::Vi), "333,3 triệu kWh");
        assert_eq!(quantity(1.8e6 / 1.13, "m³", Lang::Vi), "1,59 triệu m³");
        assert_eq!(quantity(1.8e6, "m³", Lang::En), "1.8 million m³");
        assert_eq!(
            qualified_quantity(1.8e6, Qualifier::MoreThan, "m³", Lang::Vi),
            "hơn 1,8 triệu m³"
        );
    }

    #[test]
    fn changes_carry_sign_and_qualifier() {
        let exact = Change { percent: 9.5, qualifier: Qualifier::Exact };
        let nearly = Change { percent: 13.0, qualifier: Qualifier::Nearly };
        let fall = Change { percent: -4.26, qualifier: Qualifier::Exact };
        assert_eq!(change(exact, Lang::Vi), "+9,5%");
        assert_eq!(change(nearly, Lang::Vi), "gần 13%");
        assert_eq!(change(nearly, Lang::En), "nearly 13%");
        assert_eq!(change(fall, Lang::Vi), "-4,3%");
    }

    #[test]
    fn compact_forms_for_chart_labels() {
        assert_eq!(compact_quantity(1.8e6, Qualifier::MoreThan, "m³", Lang::Vi), "> 1,8 triệu m³");
        assert_eq!(compact_quantity(72_000.0, Qualifier::Exact, "m³", Lang::Vi), "72.000 m³");
        let nearly = Change { percent: 13.0, qualifier: Qualifier::Nearly };
        assert_eq!(compact_change(nearly, Lang::Vi), "gần 13%");
        assert_eq!(compact_change(nearly, Lang::En), "nearly 13%");
        let exact = Change { percent: 9.5, qualifier: Qualifier::Exact };
        assert_eq!(compact_change(exact, Lang::Vi), "+9,5%");
    }

    #[test]
    fn dates_print_and_parse_as_dd_mm_yyyy() {
        let meeting = Date::new(2019, 7, 15).unwrap();
        assert_eq!(date(meeting), "15/07/2019");
        assert_eq!(parse_date("15/07/2019"), Some(meeting));
        assert_eq!(parse_date(" 15/7/2019 "), Some(meeting));
        assert_eq!(parse_date("15.07.2019"), Some(meeting));
        assert_eq!(parse_date("2019-07-15"), Some(meeting));
        assert_eq!(parse_date("31/02/2020"), None);
        assert_eq!(parse_date("15/07"), None);
        assert_eq!(parse_date("hôm nay"), None);
        assert_eq!(parse_date("15/07/19"), None);
        assert_eq!(parse_date("1/1/99999"), None);
    }

    #[test]
    fn periods_as_statistics_write_them() {
        let h1 = Period::FirstMonths { year: 2019, months: 6 };
        assert_eq!(period_short(h1, Lang::Vi), "6T/2019");
        assert_eq!(period_long(h1, Lang::Vi), "6 tháng đầu năm 2019");
        assert_eq!(period_short(Period::Quarter { year: 2019, quarter: 2 }, Lang::Vi), "Q2/2019");
        assert_eq!(period_short(Period::Month { year: 2019, month: 7 }, Lang::Vi), "T7/2019");
        assert_eq!(period_short(h1, Lang::En), "6M 2019");
        // After other words, English starts it in lower case; a row's label keeps its capital.
        assert_eq!(period_long(h1, Lang::En), "First 6 months of 2019");
        assert_eq!(period_in_sentence(h1, Lang::En), "first 6 months of 2019");
        assert_eq!(period_in_sentence(h1, Lang::Vi), "6 tháng đầu năm 2019");
    }
}
