//! Chasing the units: which unit has what unfinished, so the office can write each lead unit
//! a follow-up letter (`crate::interop::paper::letter`), hand it a report sheet to fill and
//! read its answers back (`crate::interop::exchange::report_sheet` and `crate::interop::exchange::answer`),
//! and put the deadlines in a calendar ([`calendar`]).
//!
//! This module owns the selection those share: a unit's unfinished directives — those it
//! leads (or was addressed when no lead is set, as the follow-up counts them) and those it
//! supports — ordered overdue first; finding a unit by the name typed on the command line;
//! a file name made of a unit's name; and the fingerprint that ties a sheet or a calendar
//! entry to its data file. No egui, no disk.

pub mod calendar;
pub mod cli;

use jiff::civil::Date;

use crate::model::fold::fold;
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive, MeetingId, Unit, UnitId};

/// What one unit has left to do.
#[derive(Clone, Debug)]
pub struct UnitWork<'a> {
    pub unit: &'a Unit,
    /// The unfinished directives it is in charge of, overdue first, then by deadline.
    pub led: Vec<&'a Directive>,
    /// The unfinished directives it supports (phối hợp), in the same order.
    pub supported: Vec<&'a Directive>,
}

impl UnitWork<'_> {
    /// How many of the directives it leads are overdue on `today`.
    pub fn overdue(&self, today: Date) -> usize {
        self.led
            .iter()
            .filter(|d| DirectiveStatus::of_directive(d, today) == DirectiveStatus::Overdue)
            .count()
    }

    /// What it has, as the letters' list says it: "2 nhiệm vụ chủ trì (1 quá hạn), 1 nhiệm
    /// vụ phối hợp", the parts that are zero left out ("(0 quá hạn), 0 nhiệm vụ phối hợp"
    /// read oddly).
    pub fn counts(&self, today: Date, lang: crate::i18n::Lang) -> String {
        let t = &lang.strings().chase;
        let mut text = crate::i18n::fill(&t.count_led, &[("count", &self.led.len())]);
        let overdue = self.overdue(today);
        if overdue > 0 {
            text.push_str(&crate::i18n::fill(&t.count_overdue, &[("count", &overdue)]));
        }
        if !self.supported.is_empty() {
            let supported = self.supported.len();
            text.push_str(&crate::i18n::fill(&t.count_supported, &[("count", &supported)]));
        }
        text
    }
}

/// Whether `unit` is in charge of `directive`: its lead, or, with no lead chosen yet, one
/// of the units the meeting addressed it to (as `followup::unit_summaries` counts).
pub fn in_charge(directive: &Directive, unit: UnitId) -> bool {
    match directive.lead_unit {
        Some(lead) => lead == unit,
        None => directive.addressees.contains(&unit),
    }
}

/// The order a letter lists directives in: overdue first, then in progress by deadline,
/// then those without one; ties in file order.
fn urgency(directive: &Directive, today: Date) -> (u8, Option<Date>) {
    let rank = match DirectiveStatus::of_directive(directive, today) {
        DirectiveStatus::Overdue => 0,
        DirectiveStatus::InProgress => 1,
        _ => 2,
    };
    (rank, directive.deadline)
}

/// Every unit in charge of at least one unfinished directive (of `meeting`, or of every
/// meeting), in the file's order of units, with what it leads and supports. A unit with
/// nothing unfinished in charge is left out: it gets no letter.
pub fn open_work(dataset: &Dataset, meeting: Option<MeetingId>, today: Date) -> Vec<UnitWork<'_>> {
    let mut by_unit: std::collections::HashMap<UnitId, (Vec<&Directive>, Vec<&Directive>)> =
        std::collections::HashMap::new();
    for directive in &dataset.directives {
        if meeting.is_some_and(|m| m != directive.meeting_id) || directive.completed_on.is_some() {
            continue;
        }
        let in_charge: &[UnitId] = match &directive.lead_unit {
            Some(lead) => std::slice::from_ref(lead),
            None => &directive.addressees,
        };
        for unit in in_charge {
            by_unit.entry(*unit).or_default().0.push(directive);
        }
        for unit in &directive.supporting_units {
            if !in_charge.contains(unit) {
                by_unit.entry(*unit).or_default().1.push(directive);
            }
        }
    }
    dataset
        .units
        .iter()
        .filter_map(|unit| {
            let (mut led, mut supported) = by_unit.remove(&unit.id)?;
            if led.is_empty() {
                return None;
            }
            led.sort_by_key(|d| urgency(d, today));
            supported.sort_by_key(|d| urgency(d, today));
            Some(UnitWork { unit, led, supported })
        })
        .collect()
}

/// The unit a name typed by someone means: the same name whatever the case and accents.
/// Otherwise the names close to it, for the message (at most five).
pub fn find_unit<'a>(dataset: &'a Dataset, name: &str) -> Result<&'a Unit, Vec<&'a str>> {
    let wanted = fold(name.trim());
    if let Some(unit) = dataset.units.iter().find(|u| fold(u.name.trim()) == wanted) {
        return Ok(unit);
    }
    let mut close: Vec<(usize, &str)> = dataset
        .units
        .iter()
        .filter_map(|unit| {
            let folded = fold(&unit.name);
            let distance = edit_distance(&wanted, &folded);
            let near = folded.contains(&wanted)
                || wanted.contains(&folded)
                || distance * 3 <= wanted.chars().count().max(3);
            near.then_some((distance, unit.name.as_str()))
        })
        .collect();
    close.sort();
    Err(close.into_iter().take(5).map(|(_, name)| name).collect())
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// A file name for a unit, of letters and digits only: its words without accents, each
/// capitalised ("Sở Tài chính" → "SoTaiChinh"), so it is safe on every system and in mail.
pub fn file_stem(name: &str) -> String {
    let stem: String = fold(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect::<String>()
        })
        .collect();
    if stem.is_empty() { "DonVi".to_owned() } else { stem }
}

/// File stems for these units, each unique: a second unit whose name folds to the same
/// stem gets its id after it.
pub fn file_stems(units: &[&Unit]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    units
        .iter()
        .map(|unit| {
            let stem = file_stem(&unit.name);
            if seen.insert(stem.clone()) { stem } else { format!("{stem}{}", unit.id.0) }
        })
        .collect()
}

/// What ties a sheet or a calendar entry to its data file across saves: the province and
/// the first meeting (its number, date and title), which a file keeps for life, hashed
/// (FNV-1a, the same on every machine and build). Copies of one file share it.
pub fn file_fingerprint(dataset: &Dataset) -> String {
    let first = dataset.meetings.iter().min_by_key(|m| m.id);
    let mut text = fold(dataset.province.trim());
    if let Some(meeting) = first {
        text.push_str(&format!(
            "|{}|{}|{}",
            meeting.id.0,
            meeting.date,
            fold(meeting.title.trim())
        ));
    }
    format!("{:016x}", fnv1a(text.as_bytes()))
}

/// FNV-1a, 64 bits: a stable hash (std's hasher may change between Rust releases).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The parsed reply date of a letter: a date, today or later.
pub fn reply_date(text: &str, today: Date) -> Result<Date, ReplyDateError> {
    let date = crate::format::parse_date(text).ok_or(ReplyDateError::NotADate)?;
    if date < today { Err(ReplyDateError::Past(date)) } else { Ok(date) }
}

/// Why a reply date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyDateError {
    NotADate,
    Past(Date),
}

/// The reply date when none is asked: ten days from today, the usual time a letter gives.
pub fn default_reply_date(today: Date) -> Date {
    today.checked_add(jiff::Span::new().days(10)).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use jiff::civil::date;

    #[test]
    fn a_unit_is_found_whatever_its_accents_and_close_names_are_offered() {
        let data = builtin::dataset();
        let name = data.units[0].name.clone();
        assert_eq!(find_unit(&data, &fold(&name).to_uppercase()).unwrap().name, name);
        let typo: String = name.chars().take(name.chars().count() - 1).collect();
        let close = find_unit(&data, &format!("{typo}x")).unwrap_err();
        assert!(close.contains(&name.as_str()), "{close:?}");
    }

    #[test]
    fn file_stems_are_letters_and_digits_and_unique() {
        assert_eq!(file_stem("Sở Tài chính"), "SoTaiChinh");
        assert_eq!(file_stem("UBND huyện Hữu Lũng (số 2)"), "UbndHuyenHuuLungSo2");
        let data = builtin::dataset();
        let units: Vec<&Unit> = vec![&data.units[0], &data.units[0]];
        let stems = file_stems(&units);
        assert_ne!(stems[0], stems[1]);
        assert!(stems.iter().all(|s| s.chars().all(|c| c.is_ascii_alphanumeric())));
    }

    #[test]
    fn overdue_comes_first_and_done_work_is_left_out() {
        let mut data = builtin::dataset();
        let today = date(2019, 10, 1);
        let lead = data.units[0].id;
        for d in &mut data.directives[..3] {
            d.lead_unit = Some(lead);
        }
        data.directives[0].deadline = Some(date(2019, 12, 1));
        data.directives[1].deadline = Some(date(2019, 9, 1));
        data.directives[2].completed_on = Some(date(2019, 9, 1));
        let work = open_work(&data, None, today);
        let unit = work.iter().find(|w| w.unit.id == lead).unwrap();
        let ids: Vec<u32> = unit.led.iter().map(|d| d.id.0).collect();
        assert_eq!(ids, [data.directives[1].id.0, data.directives[0].id.0]);
        assert_eq!(unit.overdue(today), 1);
    }

    #[test]
    fn a_reply_date_must_be_a_date_not_in_the_past() {
        let today = date(2019, 10, 1);
        assert_eq!(reply_date("15/10/2019", today), Ok(date(2019, 10, 15)));
        assert_eq!(reply_date("31/02/2019", today), Err(ReplyDateError::NotADate));
        assert_eq!(reply_date("1/9/2019", today), Err(ReplyDateError::Past(date(2019, 9, 1))));
    }
}
