//! What the checklist's rows and the directive editor both show and read: a date typed
//! into a field, read or refused with the reason, and a list of units put in words. Kept
//! apart so the list and the editor each use it and neither uses the other's internals.

use jiff::civil::Date;

use crate::format;
use crate::i18n::{Lang, fill};
use crate::model::{Dataset, UnitId};

/// An empty text is no date; anything else must read as one. The error is the text.
pub fn parse_optional_date(text: &str) -> Result<Option<Date>, String> {
    let typed = text.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    format::parse_date(typed).map(Some).ok_or_else(|| typed.to_owned())
}

/// The message for a typed text that is not a date.
pub fn reason_for(typed: &str, lang: Lang) -> String {
    fill(&lang.strings().directives.bad_date, &[("text", &typed)])
}

/// Unit names joined by "; ", naming any id the dataset lacks rather than hiding it.
pub fn unit_names(dataset: &Dataset, units: &[UnitId], lang: Lang) -> String {
    let t = &lang.strings().directives;
    if units.is_empty() {
        return t.none.clone();
    }
    units
        .iter()
        .map(|id| match dataset.unit(*id) {
            Some(unit) => unit.name.clone(),
            None => fill(&t.missing_unit, &[("id", &id.0)]),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
