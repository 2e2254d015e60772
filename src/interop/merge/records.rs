//! The records a merge compares, each with its stable id and its fields: what "the same
//! field" means for a directive, a meeting, a unit, a zone, a figure, an indicator and the
//! file's own settings, how a field is copied from one version to another, and how it is
//! shown. Lists where order carries no meaning (progress notes, supporting units) merge as
//! sets; every other field is taken whole.

use std::hash::Hash;

use crate::files::lineage::RecordKey;
use crate::format;
use crate::i18n::Lang;
use crate::model::{
    Dataset, Directive, DirectiveId, Indicator, Letterhead, Meeting, MeetingId, Observation,
    Period, Unit, UnitId, Zone, ZoneId,
};

/// One field of a record kind.
pub struct Field<R> {
    /// Its name in the merge's report ("deadline"); the UI words come from the strings.
    pub name: &'static str,
    pub same: fn(&R, &R) -> bool,
    /// Copies the field from the second record into the first.
    pub copy: fn(&mut R, &R),
    /// The field as the official reads it, `dataset` naming its units and meetings.
    pub show: fn(&R, &Dataset, Lang) -> String,
    /// A text field, to edit by hand in a conflict.
    pub text: Option<fn(&mut R) -> &mut String>,
    /// A list merged as a set: (base, mine, other) → merged.
    pub union: Option<fn(&mut R, &R, &R, &R)>,
}

/// A kind of record a dataset holds a list of.
pub trait Record: Clone + PartialEq + 'static {
    type Id: Clone + Eq + Hash + Ord + std::fmt::Debug;
    fn id(&self) -> Self::Id;
    fn key(id: &Self::Id) -> RecordKey;
    fn fields() -> &'static [Field<Self>];
}

/// The three-way merge of a list as a set: what both keep, and what either added.
pub fn union_of<T: Clone + PartialEq>(base: &[T], mine: &[T], other: &[T]) -> Vec<T> {
    let mut out: Vec<T> =
        mine.iter().filter(|x| other.contains(x) || !base.contains(x)).cloned().collect();
    for x in other {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

fn date_or_dash(date: Option<jiff::civil::Date>) -> String {
    date.map_or_else(|| "—".to_owned(), format::date)
}

fn unit_name(dataset: &Dataset, id: Option<UnitId>) -> String {
    match id {
        None => "—".to_owned(),
        Some(id) => dataset.unit(id).map_or_else(|| format!("#{}", id.0), |u| u.name.clone()),
    }
}

fn unit_names(dataset: &Dataset, ids: &[UnitId]) -> String {
    if ids.is_empty() {
        return "—".to_owned();
    }
    ids.iter().map(|id| unit_name(dataset, Some(*id))).collect::<Vec<_>>().join(", ")
}

fn lines(texts: &[String]) -> String {
    if texts.is_empty() { "—".to_owned() } else { texts.join("; ") }
}

macro_rules! same {
    ($field:ident) => {
        |a, b| a.$field == b.$field
    };
}
macro_rules! copy {
    ($field:ident) => {
        |a, b| a.$field = b.$field.clone()
    };
}
macro_rules! text {
    ($field:ident) => {
        Some(|r| &mut r.$field)
    };
}

/// A field taken whole, shown by `show`.
macro_rules! field {
    ($name:literal, $field:ident, $show:expr) => {
        Field {
            name: $name,
            same: same!($field),
            copy: copy!($field),
            show: $show,
            text: None,
            union: None,
        }
    };
    ($name:literal, $field:ident, $show:expr, text) => {
        Field {
            name: $name,
            same: same!($field),
            copy: copy!($field),
            show: $show,
            text: text!($field),
            union: None,
        }
    };
    ($name:literal, $field:ident, $show:expr, union) => {
        Field {
            name: $name,
            same: same!($field),
            copy: copy!($field),
            show: $show,
            text: None,
            union: Some(|merged, base, mine, other| {
                merged.$field = union_of(&base.$field, &mine.$field, &other.$field)
            }),
        }
    };
}

impl Record for Directive {
    type Id = DirectiveId;
    fn id(&self) -> DirectiveId {
        self.id
    }
    fn key(id: &DirectiveId) -> RecordKey {
        RecordKey::Directive(*id)
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Directive>] = &[
            field!("text", text, |d, _, _| d.text.clone(), text),
            field!("meeting", meeting_id, |d, data, _| {
                data.meeting(d.meeting_id).map_or_else(
                    || format!("#{}", d.meeting_id.0),
                    |m| format!("{} — {}", format::date(m.date), m.title),
                )
            }),
            field!("addressees", addressees, |d, data, _| unit_names(data, &d.addressees), union),
            field!("lead", lead_unit, |d, data, _| unit_name(data, d.lead_unit)),
            field!(
                "supporting",
                supporting_units,
                |d, data, _| unit_names(data, &d.supporting_units),
                union
            ),
            field!("deadline", deadline, |d, _, _| date_or_dash(d.deadline)),
            field!("output", expected_output, |d, _, _| d.expected_output.clone(), text),
            field!(
                "progress",
                progress,
                |d, _, _| {
                    let notes: Vec<String> = d
                        .progress
                        .iter()
                        .map(|n| format!("{}: {}", format::date(n.date), n.text))
                        .collect();
                    lines(&notes)
                },
                union
            ),
            field!("completed", completed_on, |d, _, _| date_or_dash(d.completed_on)),
        ];
        FIELDS
    }
}

impl Record for Meeting {
    type Id = MeetingId;
    fn id(&self) -> MeetingId {
        self.id
    }
    fn key(id: &MeetingId) -> RecordKey {
        RecordKey::Meeting(*id)
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Meeting>] = &[
            field!("title", title, |m, _, _| m.title.clone(), text),
            field!("date", date, |m, _, _| format::date(m.date)),
            field!("chair", chair, |m, _, _| m.chair.clone(), text),
            field!("attendees", attendees, |m, _, _| lines(&m.attendees), union),
            field!("reporting_body", reporting_body, |m, _, _| m.reporting_body.clone(), text),
            field!("topics", topics, |m, _, _| lines(&m.topics), union),
            field!("assessment", assessment, |m, _, _| lines(&m.assessment), union),
            field!("source", source_ref, |m, _, _| m.source_ref.clone(), text),
        ];
        FIELDS
    }
}

impl Record for Unit {
    type Id = UnitId;
    fn id(&self) -> UnitId {
        self.id
    }
    fn key(id: &UnitId) -> RecordKey {
        RecordKey::Unit(*id)
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Unit>] = &[
            field!("name", name, |u, _, _| u.name.clone(), text),
            field!("kind", kind, |u, _, lang| format::unit_kind(u.kind, lang).to_owned()),
        ];
        FIELDS
    }
}

impl Record for Zone {
    type Id = ZoneId;
    fn id(&self) -> ZoneId {
        self.id
    }
    fn key(id: &ZoneId) -> RecordKey {
        RecordKey::Zone(*id)
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Zone>] = &[
            field!("name", name, |z, _, _| z.name.clone(), text),
            field!("zone_kind", kind, |z, _, lang| format::zone_kind(z.kind, lang).to_owned()),
            field!("area", area_ha, |z, _, lang| {
                z.area_ha.map_or_else(
                    || "—".to_owned(),
                    |a| format!("{} ha", format::number(a, 1, lang)),
                )
            }),
            field!("qualifier", qualifier, |z, _, lang| format::qualifier_name(z.qualifier, lang)
                .to_owned()),
            field!("count", count, |z, _, _| z.count.to_string()),
            field!("note", note, |z, _, _| z.note.clone(), text),
            field!("source", source_ref, |z, _, _| z.source_ref.clone(), text),
        ];
        FIELDS
    }
}

/// One figure of an indicator: the indicator's id with the observation (figures are kept
/// inside their indicator; a merge lifts them out and puts them back).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub indicator: String,
    pub observation: Observation,
}

impl Record for Figure {
    type Id = (String, PeriodKey);
    fn id(&self) -> Self::Id {
        (self.indicator.clone(), PeriodKey(self.observation.period))
    }
    fn key(id: &Self::Id) -> RecordKey {
        RecordKey::Figure(id.0.clone(), id.1.0)
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Figure>] = &[
            Field {
                name: "value",
                same: |a, b| {
                    a.observation.value == b.observation.value
                        && a.observation.qualifier == b.observation.qualifier
                },
                copy: |a, b| {
                    a.observation.value = b.observation.value;
                    a.observation.qualifier = b.observation.qualifier;
                },
                show: |f, _, lang| {
                    format::with_qualifier(
                        format::number(f.observation.value, 1, lang),
                        f.observation.qualifier,
                        lang,
                    )
                },
                text: None,
                union: None,
            },
            Field {
                name: "change",
                same: |a, b| a.observation.change == b.observation.change,
                copy: |a, b| a.observation.change = b.observation.change,
                show: |f, _, lang| {
                    f.observation.change.map_or_else(|| "—".to_owned(), |c| format::change(c, lang))
                },
                text: None,
                union: None,
            },
            Field {
                name: "basis",
                same: |a, b| {
                    a.observation.basis == b.observation.basis
                        && a.observation.status == b.observation.status
                },
                copy: |a, b| {
                    a.observation.basis = b.observation.basis;
                    a.observation.status = b.observation.status;
                },
                show: |f, _, lang| {
                    format!(
                        "{}, {}",
                        format::basis(f.observation.basis, lang),
                        format::figure_status(f.observation.status, lang)
                    )
                },
                text: None,
                union: None,
            },
            Field {
                name: "source",
                same: |a, b| a.observation.source_ref == b.observation.source_ref,
                copy: |a, b| a.observation.source_ref = b.observation.source_ref.clone(),
                show: |f, _, _| f.observation.source_ref.clone(),
                text: Some(|f| &mut f.observation.source_ref),
                union: None,
            },
        ];
        FIELDS
    }
}

/// A period with an order, so figures sort by period in a merge's maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PeriodKey(pub Period);

impl Ord for PeriodKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let rank = |p: &Period| match *p {
            Period::Month { year, month } => (year, 0u8, month),
            Period::Quarter { year, quarter } => (year, 1, quarter),
            Period::FirstMonths { year, months } => (year, 2, months),
            Period::Year { year } => (year, 3, 0),
        };
        rank(&self.0).cmp(&rank(&other.0))
    }
}

impl PartialOrd for PeriodKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An indicator's own fields (its figures are [`Figure`]s).
impl Record for Indicator {
    type Id = String;
    fn id(&self) -> String {
        self.id.clone()
    }
    fn key(id: &String) -> RecordKey {
        RecordKey::Indicator(id.clone())
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Indicator>] = &[
            field!("name", name, |i, _, _| i.name.clone(), text),
            field!("name_en", name_en, |i, _, _| i.name_en.clone(), text),
            field!("unit_of_measure", unit, |i, _, _| i.unit.clone(), text),
        ];
        FIELDS
    }
}

/// The file's own fields, as one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub province: String,
    pub source: String,
    pub letterhead: Option<Letterhead>,
}

impl Settings {
    pub fn of(dataset: &Dataset) -> Settings {
        Settings {
            province: dataset.province.clone(),
            source: dataset.source.clone(),
            letterhead: dataset.letterhead.clone(),
        }
    }
}

impl Record for Settings {
    type Id = ();
    fn id(&self) {}
    fn key(_: &()) -> RecordKey {
        RecordKey::Settings
    }
    fn fields() -> &'static [Field<Self>] {
        const FIELDS: &[Field<Settings>] = &[
            field!("province", province, |s, _, _| s.province.clone(), text),
            field!("data_source", source, |s, _, _| s.source.clone(), text),
            field!("letterhead", letterhead, |s, _, _| {
                s.letterhead.as_ref().map_or_else(
                    || "—".to_owned(),
                    |l| format!("{} — {}", l.issuing_body, l.signer_name),
                )
            }),
        ];
        FIELDS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_keeps_what_both_keep_and_what_either_added() {
        let base = [1, 2, 3];
        assert_eq!(union_of(&base, &[1, 2, 4], &[2, 3, 5]), [2, 4, 5]);
        assert_eq!(union_of(&base, &base, &base), base);
        assert_eq!(union_of(&[], &[1], &[1]), [1]);
    }
}
