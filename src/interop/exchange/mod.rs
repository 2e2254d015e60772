//! Exchange with spreadsheets: the dataset written to one .xlsx workbook (`xlsx`), a sheet
//! each for figures, zones, meetings, units and directives, headers in the UI language,
//! numbers as numbers and dates as real dates, so colleagues open it in Excel or
//! LibreOffice and sort, filter and sum as they are used to.
//!
//! This module holds what both directions share: the sheets' columns, and the words that
//! stand for enumerations in cells (the UI's own words, read back in either language).

pub mod answer;
pub mod import;
pub mod report_sheet;
mod xlsx;

pub use xlsx::to_xlsx;

use crate::format;
use crate::i18n::Lang;
use crate::model::{Basis, FigureStatus, PeriodShape, Qualifier, UnitKind, ZoneKind};

/// Reads a cell's word back into the value it stands for, in either language, ignoring
/// case and surrounding spaces.
fn from_word<T: Copy>(cell: &str, all: &[T], word: impl Fn(T, Lang) -> &'static str) -> Option<T> {
    let cell = crate::model::followup::fold(cell.trim());
    all.iter().copied().find(|value| {
        [Lang::Vi, Lang::En]
            .iter()
            .any(|&lang| crate::model::followup::fold(word(*value, lang)) == cell)
    })
}

/// A period shape from its word.
pub fn period_shape_from_word(cell: &str) -> Option<PeriodShape> {
    from_word(cell, &PeriodShape::ALL, format::period_shape)
}

/// A qualifier from its word ("hơn", "more than", "chính xác").
pub fn qualifier_from_word(cell: &str) -> Option<Qualifier> {
    if cell.trim().is_empty() {
        return Some(Qualifier::Exact);
    }
    from_word(cell, &Qualifier::ALL, format::qualifier_name)
}

/// A basis from its word.
pub fn basis_from_word(cell: &str) -> Option<Basis> {
    from_word(cell, &[Basis::Reported, Basis::Derived], format::basis)
}

/// A figure status from its word.
pub fn status_from_word(cell: &str) -> Option<FigureStatus> {
    let all = [FigureStatus::Estimate, FigureStatus::Preliminary, FigureStatus::Official];
    from_word(cell, &all, format::figure_status)
}

/// A unit kind from its word.
pub fn unit_kind_from_word(cell: &str) -> Option<UnitKind> {
    let all = [
        UnitKind::Department,
        UnitKind::Sector,
        UnitKind::District,
        UnitKind::Enterprise,
        UnitKind::Group,
    ];
    from_word(cell, &all, format::unit_kind)
}

/// A zone kind from its word.
pub fn zone_kind_from_word(cell: &str) -> Option<ZoneKind> {
    let all =
        [ZoneKind::IndustrialZone, ZoneKind::ExportProcessingZone, ZoneKind::IndustrialCluster];
    from_word(cell, &all, format::zone_kind)
}

/// Plans the import of a workbook the official gives (File › Nhập…, a dropped file,
/// `industry-desk import`): a unit's report sheet come back is read as its answer
/// (`answer`), any other workbook as records (`import`).
pub fn plan_import(
    dataset: &crate::model::Dataset,
    sheets: &[import::Sheet],
    lang: crate::i18n::Lang,
) -> import::Plan {
    answer::plan(dataset, sheets, lang).unwrap_or_else(|| import::plan(dataset, sheets, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_in_either_language() {
        assert_eq!(qualifier_from_word("hơn"), Some(Qualifier::MoreThan));
        assert_eq!(qualifier_from_word(" More Than "), Some(Qualifier::MoreThan));
        assert_eq!(qualifier_from_word(""), Some(Qualifier::Exact));
        assert_eq!(qualifier_from_word("chừng"), None);
        assert_eq!(basis_from_word("uoc tinh tu toc do tang"), Some(Basis::Derived));
        assert_eq!(status_from_word("chính thức"), Some(FigureStatus::Official));
        assert_eq!(period_shape_from_word("Số tháng đầu năm"), Some(PeriodShape::FirstMonths));
        assert_eq!(unit_kind_from_word("Enterprise"), Some(UnitKind::Enterprise));
        assert_eq!(zone_kind_from_word("Cụm công nghiệp"), Some(ZoneKind::IndustrialCluster));
    }
}
