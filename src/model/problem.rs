//! What [`super::Dataset::validate`] finds wrong. Its words for the official, in both
//! languages, are `crate::format`'s (`Problem::describe`): the model knows no wording.

use jiff::civil::Date;

use super::{DirectiveId, MeetingId, Period, UnitId, ZoneId};

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
