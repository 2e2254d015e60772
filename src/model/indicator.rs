//! Indicators (điện thương phẩm, đá các loại, ...) and their observations: one figure for
//! one period, with the precision, basis and status its source gave it.

use serde::{Deserialize, Serialize};

use super::Period;

/// How precise a figure is, as the source wrote it. Kept wherever the figure is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    /// "đạt 365 triệu kWh": the number as it is.
    #[default]
    Exact,
    /// "trên 321 ha".
    Over,
    /// "hơn 1,8 triệu m³".
    MoreThan,
    /// "khoảng 440 ha".
    About,
    /// "gần 13%".
    Nearly,
}

impl Qualifier {
    /// Every qualifier, in the order forms list them.
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Exact,
        Qualifier::Over,
        Qualifier::MoreThan,
        Qualifier::About,
        Qualifier::Nearly,
    ];
}

/// Where a figure comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// Stated by a source.
    #[default]
    Reported,
    /// Computed from other figures (e.g. last year's value from this year's and the growth
    /// rate). Drawn and printed differently from reported figures.
    Derived,
}

/// The statistical status of a figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FigureStatus {
    /// Ước tính: an estimate made before the period's data is complete.
    #[default]
    Estimate,
    /// Sơ bộ: preliminary.
    Preliminary,
    /// Chính thức: official.
    Official,
}

/// The change against the same period of the previous year, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// +9.5 means "tăng 9,5%".
    pub percent: f64,
    pub qualifier: Qualifier,
}

/// One figure of an indicator for one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub period: Period,
    /// In the indicator's base unit (kWh, m³ ...), never pre-scaled to "triệu".
    pub value: f64,
    pub qualifier: Qualifier,
    /// The change vs the same period last year, where the source gives one.
    pub change: Option<Change>,
    pub basis: Basis,
    pub status: FigureStatus,
    /// Where the figure was read or how it was computed.
    pub source_ref: String,
}

/// A measured quantity followed over time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable short id (`electricity`, `stone`, `timber`), used by the CLI and in files.
    pub id: String,
    /// Its name as the source writes it, in Vietnamese.
    pub name: String,
    /// Its name in English, for the English UI; empty when nobody gave one.
    #[serde(default)]
    pub name_en: String,
    /// Base unit of `value` (`kWh`, `m³`).
    pub unit: String,
    /// Kept sorted by period.
    pub observations: Vec<Observation>,
}

impl Indicator {
    /// The observation of a period, if there is one.
    pub fn observation(&self, period: Period) -> Option<&Observation> {
        self.observations.iter().find(|o| o.period == period)
    }
}
