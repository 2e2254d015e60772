//! A dataset's problems ([`Problem`]) in the official's words, with the numbers, periods
//! and dates written as [`super`] writes them. Kept here, not in `model`, so the model
//! needs nothing of the formatting that itself formats the model's values.

use jiff::civil::Date;

use super as format;
use crate::i18n::{Lang, fill};
use crate::model::{DirectiveId, Period, Problem};

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
