//! What [`super::Dataset::validate`] finds wrong, in words for both languages.

use jiff::civil::Date;

use super::{DirectiveId, MeetingId, Period, UnitId, ZoneId};
use crate::format;
use crate::i18n::{Lang, fill};

/// One broken invariant of a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Two meetings share an id.
    DuplicateMeetingId(MeetingId),
    /// Two units share an id.
    DuplicateUnitId(UnitId),
    /// Two directives share an id.
    DuplicateDirectiveId(DirectiveId),
    /// Two indicators share an id.
    DuplicateIndicatorId(String),
    /// Two zones share an id.
    DuplicateZoneId(ZoneId),
    /// A meeting with a blank title.
    EmptyMeetingTitle(MeetingId),
    /// A unit with a blank name.
    EmptyUnitName(UnitId),
    /// A directive with blank text.
    EmptyDirectiveText(DirectiveId),
    /// An indicator with a blank id or name.
    EmptyIndicatorName(String),
    /// A zone with a blank name.
    EmptyZoneName(ZoneId),
    /// A directive of a meeting that isn't in the file.
    MissingMeeting { directive: DirectiveId, meeting: MeetingId },
    /// A directive naming a unit that isn't in the file.
    MissingUnit { directive: DirectiveId, unit: UnitId },
    /// A deadline before the meeting that set it.
    DeadlineBeforeMeeting { directive: DirectiveId, deadline: Date, meeting: Date },
    /// Completed before the meeting that gave it.
    CompletedBeforeMeeting { directive: DirectiveId, completed: Date, meeting: Date },
    /// A progress note dated before the meeting.
    NoteBeforeMeeting { directive: DirectiveId, note: Date, meeting: Date },
    /// A period with an out-of-range month, quarter or year.
    InvalidPeriod { indicator: String, period: Period },
    /// Two observations of one indicator for the same period.
    DuplicatePeriod { indicator: String, period: Period },
    /// A negative output figure.
    NegativeValue { indicator: String, period: Period, value: f64 },
    /// A value that is not a number, infinite, or beyond [`super::MAX_VALUE`].
    ValueOutOfRange { indicator: String, period: Period, value: f64 },
    /// A change of -100% or less, beyond a million percent, or not a number.
    ChangeOutOfRange { indicator: String, period: Period, percent: f64 },
    /// A negative, infinite or absurd zone area.
    AreaOutOfRange { zone: ZoneId, area: f64 },
    /// A zone row standing for no zone at all.
    ZeroZoneCount(ZoneId),
}

impl Problem {
    /// The problem in plain words.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.strings().problems;
        let period = |p: &Period| {
            if p.is_valid() { format::period_short(*p, lang) } else { format!("{p:?}") }
        };
        match self {
            Problem::DuplicateMeetingId(id) => fill(&t.duplicate_meeting_id, &[("id", &id.0)]),
            Problem::DuplicateUnitId(id) => fill(&t.duplicate_unit_id, &[("id", &id.0)]),
            Problem::DuplicateDirectiveId(id) => fill(&t.duplicate_directive_id, &[("id", &id.0)]),
            Problem::DuplicateIndicatorId(id) => fill(&t.duplicate_indicator_id, &[("id", id)]),
            Problem::DuplicateZoneId(id) => fill(&t.duplicate_zone_id, &[("id", &id.0)]),
            Problem::EmptyMeetingTitle(id) => fill(&t.empty_meeting_title, &[("id", &id.0)]),
            Problem::EmptyUnitName(id) => fill(&t.empty_unit_name, &[("id", &id.0)]),
            Problem::EmptyDirectiveText(id) => fill(&t.empty_directive_text, &[("id", &id.0)]),
            Problem::EmptyIndicatorName(id) => fill(&t.empty_indicator_name, &[("id", id)]),
            Problem::EmptyZoneName(id) => fill(&t.empty_zone_name, &[("id", &id.0)]),
            Problem::MissingMeeting { directive, meeting } => {
                fill(&t.missing_meeting, &[("directive", &directive.0), ("meeting", &meeting.0)])
            }
            Problem::MissingUnit { directive, unit } => {
                fill(&t.missing_unit, &[("directive", &directive.0), ("unit", &unit.0)])
            }
            Problem::DeadlineBeforeMeeting { directive, deadline, meeting } => {
                dated(&t.deadline_before_meeting, *directive, *deadline, *meeting)
            }
            Problem::CompletedBeforeMeeting { directive, completed, meeting } => {
                dated(&t.completed_before_meeting, *directive, *completed, *meeting)
            }
            Problem::NoteBeforeMeeting { directive, note, meeting } => {
                dated(&t.note_before_meeting, *directive, *note, *meeting)
            }
            Problem::InvalidPeriod { indicator, period: p } => {
                fill(&t.invalid_period, &[("indicator", indicator), ("period", &period(p))])
            }
            Problem::DuplicatePeriod { indicator, period: p } => {
                fill(&t.duplicate_period, &[("indicator", indicator), ("period", &period(p))])
            }
            Problem::NegativeValue { indicator, period: p, value } => fill(
                &t.negative_value,
                &[
                    ("indicator", indicator),
                    ("period", &period(p)),
                    ("value", &format::number(*value, 3, lang)),
                ],
            ),
            Problem::ValueOutOfRange { indicator, period: p, value } => fill(
                &t.value_out_of_range,
                &[("indicator", indicator), ("period", &period(p)), ("value", value)],
            ),
            Problem::ChangeOutOfRange { indicator, period: p, percent } => fill(
                &t.change_out_of_range,
                &[("indicator", indicator), ("period", &period(p)), ("percent", percent)],
            ),
            Problem::AreaOutOfRange { zone, area } => {
                fill(&t.area_out_of_range, &[("zone", &zone.0), ("area", area)])
            }
            Problem::ZeroZoneCount(zone) => fill(&t.zero_zone_count, &[("zone", &zone.0)]),
        }
    }
}

fn dated(template: &str, directive: DirectiveId, date: Date, meeting: Date) -> String {
    fill(
        template,
        &[
            ("directive", &directive.0),
            ("date", &format::date(date)),
            ("meeting", &format::date(meeting)),
        ],
    )
}
