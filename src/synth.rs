//! Made-up data at realistic sizes, for benchmarks and tests at scale. Deterministic: the
//! same arguments always give the same dataset.

use crate::model::{Basis, Change, Dataset, FigureStatus, Observation, Period, Qualifier};

/// Replaces each indicator's figures by `years` years of monthly figures ending in
/// December 2019, with a seasonal swing and steady growth, each with its change vs the
/// same month a year before.
pub fn with_monthly_figures(mut dataset: Dataset, years: i16) -> Dataset {
    for (n, indicator) in dataset.indicators.iter_mut().enumerate() {
        let base = indicator.observations.iter().map(|o| o.value).fold(1000.0, f64::max) / 6.0;
        let mut observations: Vec<Observation> = Vec::with_capacity(years as usize * 12);
        for year in (2020 - years)..2020 {
            for month in 1..=12u8 {
                let t = f64::from(year - 2020 + years) + f64::from(month) / 12.0;
                let season = 1.0 + 0.15 * (f64::from(month) * 0.52 + n as f64).sin();
                let value = (base * 0.4 * 1.03f64.powf(t) * season).round();
                let change = observations
                    .len()
                    .checked_sub(12)
                    .map(|i| observations[i].value)
                    .filter(|before| *before > 0.0)
                    .map(|before| Change {
                        percent: ((value / before - 1.0) * 1000.0).round() / 10.0,
                        qualifier: Qualifier::Exact,
                    });
                observations.push(Observation {
                    period: Period::Month { year, month },
                    value,
                    qualifier: Qualifier::Exact,
                    change,
                    basis: Basis::Reported,
                    status: FigureStatus::Official,
                    source_ref: format!("Cục Thống kê tỉnh, tháng {month}/{year}"),
                });
            }
        }
        indicator.observations = observations;
    }
    dataset
}

#[cfg(test)]
mod tests {
    #[test]
    fn monthly_figures_are_valid_and_repeatable() {
        let a = super::with_monthly_figures(crate::dataset::builtin(), 30);
        assert!(a.validate().is_empty(), "{:?}", a.validate());
        assert_eq!(a.indicators[0].observations.len(), 360);
        assert_eq!(a, super::with_monthly_figures(crate::dataset::builtin(), 30));
    }
}
