//! The reporting periods Vietnamese statistics use: a month, a quarter, the first N months
//! of a year (6 tháng đầu năm, 9 tháng) and a whole year.

use serde::{Deserialize, Serialize};

/// A reporting period. Ordered by the time it ends, then by length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Period {
    /// One calendar month (`T7/2019`), `month` in 1..=12.
    Month { year: i16, month: u8 },
    /// One quarter (`Q2/2019`), `quarter` in 1..=4.
    Quarter { year: i16, quarter: u8 },
    /// January to month `months` of a year (`6T/2019` = 6 tháng đầu năm), `months` in 1..=11.
    FirstMonths { year: i16, months: u8 },
    /// The whole year (`Năm 2019`).
    Year { year: i16 },
}

/// The kind of a period, so that "three or more periods of the same kind" can be asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    Month,
    Quarter,
    /// First-N-months periods with the same N (H1 of several years compare; H1 and 9M don't).
    FirstMonths(u8),
    Year,
}

/// How a period is typed into a form or a spreadsheet: its shape, then a part (the month,
/// quarter or number of months; 0 for a year) and a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodShape {
    Month,
    Quarter,
    FirstMonths,
    Year,
}

impl PeriodShape {
    /// Every shape, in the order forms list them.
    pub const ALL: [PeriodShape; 4] =
        [PeriodShape::Month, PeriodShape::Quarter, PeriodShape::FirstMonths, PeriodShape::Year];

    /// The shape of `period` and its part.
    pub fn of(period: Period) -> (PeriodShape, u8) {
        match period {
            Period::Month { month, .. } => (PeriodShape::Month, month),
            Period::Quarter { quarter, .. } => (PeriodShape::Quarter, quarter),
            Period::FirstMonths { months, .. } => (PeriodShape::FirstMonths, months),
            Period::Year { .. } => (PeriodShape::Year, 0),
        }
    }

    /// The period of this shape, part and year; [`Period::is_valid`] says if the part fits.
    pub fn period(self, year: i16, part: u8) -> Period {
        match self {
            PeriodShape::Month => Period::Month { year, month: part },
            PeriodShape::Quarter => Period::Quarter { year, quarter: part },
            PeriodShape::FirstMonths => Period::FirstMonths { year, months: part },
            PeriodShape::Year => Period::Year { year },
        }
    }

    /// The parts this shape takes (none for a year).
    pub fn parts(self) -> Option<std::ops::RangeInclusive<u8>> {
        match self {
            PeriodShape::Month => Some(1..=12),
            PeriodShape::Quarter => Some(1..=4),
            PeriodShape::FirstMonths => Some(1..=11),
            PeriodShape::Year => None,
        }
    }
}

impl Period {
    /// The year the period belongs to.
    pub fn year(self) -> i16 {
        match self {
            Period::Month { year, .. }
            | Period::Quarter { year, .. }
            | Period::FirstMonths { year, .. }
            | Period::Year { year } => year,
        }
    }

    /// Its kind (see [`PeriodKind`]).
    pub fn kind(self) -> PeriodKind {
        match self {
            Period::Month { .. } => PeriodKind::Month,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::FirstMonths { months, .. } => PeriodKind::FirstMonths(months),
            Period::Year { .. } => PeriodKind::Year,
        }
    }

    /// The same period one year earlier ("cùng kỳ năm trước").
    pub fn same_period_last_year(self) -> Period {
        match self {
            Period::Month { year, month } => Period::Month { year: year - 1, month },
            Period::Quarter { year, quarter } => Period::Quarter { year: year - 1, quarter },
            Period::FirstMonths { year, months } => Period::FirstMonths { year: year - 1, months },
            Period::Year { year } => Period::Year { year: year - 1 },
        }
    }

    /// First and last month (1..=12) the period covers.
    pub fn month_span(self) -> (u8, u8) {
        match self {
            Period::Month { month, .. } => (month, month),
            Period::Quarter { quarter, .. } => (quarter * 3 - 2, quarter * 3),
            Period::FirstMonths { months, .. } => (1, months),
            Period::Year { .. } => (1, 12),
        }
    }

    /// Whether the fields are in range (month 1..=12, quarter 1..=4, first 1..=11 months,
    /// year 1900..=2200).
    pub fn is_valid(self) -> bool {
        let fields_ok = match self {
            Period::Month { month, .. } => (1..=12).contains(&month),
            Period::Quarter { quarter, .. } => (1..=4).contains(&quarter),
            Period::FirstMonths { months, .. } => (1..=11).contains(&months),
            Period::Year { .. } => true,
        };
        fields_ok && (1900..=2200).contains(&self.year())
    }

    /// A key that sorts periods by when they end, shorter ones first on a tie.
    pub fn sort_key(self) -> (i16, u8, u8) {
        let (first, last) = self.month_span();
        (self.year(), last, last - first)
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key()).then_with(|| self.kind().cmp(&other.kind()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_period_last_year_keeps_the_kind() {
        let h1 = Period::FirstMonths { year: 2019, months: 6 };
        assert_eq!(h1.same_period_last_year(), Period::FirstMonths { year: 2018, months: 6 });
        assert_eq!(h1.kind(), PeriodKind::FirstMonths(6));
    }

    #[test]
    fn ranges_are_checked() {
        assert!(Period::Month { year: 2019, month: 12 }.is_valid());
        assert!(!Period::Month { year: 2019, month: 13 }.is_valid());
        assert!(!Period::Quarter { year: 2019, quarter: 0 }.is_valid());
        assert!(!Period::FirstMonths { year: 2019, months: 12 }.is_valid());
        assert!(!Period::Year { year: 1200 }.is_valid());
    }

    #[test]
    fn periods_sort_by_their_end() {
        let mut periods = vec![
            Period::Year { year: 2019 },
            Period::FirstMonths { year: 2019, months: 6 },
            Period::Month { year: 2019, month: 6 },
            Period::Quarter { year: 2019, quarter: 2 },
            Period::Month { year: 2018, month: 12 },
        ];
        periods.sort();
        assert_eq!(
            periods,
            vec![
                Period::Month { year: 2018, month: 12 },
                Period::Month { year: 2019, month: 6 },
                Period::Quarter { year: 2019, quarter: 2 },
                Period::FirstMonths { year: 2019, months: 6 },
                Period::Year { year: 2019 },
            ]
        );
    }
}
