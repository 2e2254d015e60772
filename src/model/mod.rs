//! The data of industry-desk: serde types and their invariants. No egui, no I/O.
//!
//! One [`Dataset`] holds a province's whole follow-up work: the meetings and their
//! directives, the units that carry them out, the indicators of industrial output and the
//! industrial land. [`Dataset::validate`] lists everything that breaks the invariants the
//! rest of the app relies on (unique ids, references that resolve, sane numbers and dates).

pub mod diff;
pub mod fold;
pub mod followup;
pub mod search;
mod indicator;
mod letterhead;
mod meeting;
mod period;
mod problem;
pub mod status;
mod text;
mod zone;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use indicator::{Basis, Change, FigureStatus, Indicator, Observation, Qualifier};
pub use letterhead::Letterhead;
pub use meeting::{
    Directive, DirectiveId, Meeting, MeetingId, ProgressNote, Unit, UnitId, UnitKind,
};
pub use period::{Period, PeriodKind, PeriodShape};
pub use problem::Problem;
pub use text::{first_control, is_forbidden_control, tidy, unit_name};
pub use zone::{Zone, ZoneId, ZoneKind};

/// How many months after a period's end a meeting still reviews it: the report is written
/// in the month after, the meeting held then or the month after that.
const REVIEW_MONTHS: i32 = 2;

/// The largest value a figure may hold: far beyond any province's output, small enough that
/// sums and charts never overflow to infinity.
pub const MAX_VALUE: f64 = 1e15;

/// Everything one file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The province the data is about ("Lạng Sơn").
    pub province: String,
    /// Where the data comes from, in a sentence.
    pub source: String,
    pub meetings: Vec<Meeting>,
    pub units: Vec<Unit>,
    pub directives: Vec<Directive>,
    pub indicators: Vec<Indicator>,
    pub zones: Vec<Zone>,
    /// The official report's letterhead; `None` until someone edits it (the report then
    /// makes one from the province and the reporting body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<Letterhead>,
}

impl Dataset {
    /// A dataset with nothing in it (to import into, or to probe one record's validity).
    pub fn empty() -> Dataset {
        Dataset {
            province: String::new(),
            source: String::new(),
            meetings: Vec::new(),
            units: Vec::new(),
            directives: Vec::new(),
            indicators: Vec::new(),
            zones: Vec::new(),
            letterhead: None,
        }
    }

    /// The next free zone id.
    pub fn next_zone_id(&self) -> ZoneId {
        ZoneId(self.zones.iter().map(|z| z.id.0 + 1).max().unwrap_or(1))
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The unit with this id.
    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The directive with this id.
    pub fn directive(&self, id: DirectiveId) -> Option<&Directive> {
        self.directives.iter().find(|d| d.id == id)
    }

    /// The directive with this id, to edit (only `crate::editing::action` does).
    pub fn directive_mut(&mut self, id: DirectiveId) -> Option<&mut Directive> {
        self.directives.iter_mut().find(|d| d.id == id)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// An id no directive has (one past the largest).
    pub fn next_directive_id(&self) -> DirectiveId {
        DirectiveId(self.directives.iter().map(|d| d.id.0).max().unwrap_or(0) + 1)
    }

    /// An id no unit has.
    pub fn next_unit_id(&self) -> UnitId {
        UnitId(self.units.iter().map(|u| u.id.0).max().unwrap_or(0) + 1)
    }

    /// An id no meeting has.
    pub fn next_meeting_id(&self) -> MeetingId {
        MeetingId(self.meetings.iter().map(|m| m.id.0).max().unwrap_or(0) + 1)
    }

    /// The letterhead the official report prints: the one kept in the file, or one made
    /// from the province and the latest meeting's reporting body.
    pub fn letterhead_or_default(&self) -> Letterhead {
        self.letterhead.clone().unwrap_or_else(|| {
            let body = self.latest_meeting().map_or("", |m| m.reporting_body.as_str());
            Letterhead::default_for(&self.province, body)
        })
    }

    /// The latest meeting, where new directives go by default.
    pub fn latest_meeting(&self) -> Option<&Meeting> {
        self.meetings.iter().max_by_key(|m| (m.date, m.id))
    }

    /// The reporting period a meeting reviewed: of the periods the file has figures for,
    /// the one that ended in the two months before the meeting's month, the latest and then
    /// the longest (a meeting on 15/07/2019 reviews "6 tháng đầu năm 2019", not June alone).
    /// `None`: the file has no figures of a period that ended just before the meeting.
    pub fn reviewed_period(&self, meeting: &Meeting) -> Option<Period> {
        let meeting_month = i32::from(meeting.date.year()) * 12 + i32::from(meeting.date.month());
        self.indicators
            .iter()
            .flat_map(|indicator| &indicator.observations)
            .map(|observation| observation.period)
            .filter(|period| {
                let ended = i32::from(period.year()) * 12 + i32::from(period.month_span().1);
                (1..=REVIEW_MONTHS).contains(&(meeting_month - ended))
            })
            .max_by_key(|period| period.sort_key())
    }

    /// Every problem that breaks the dataset's invariants, in file order; empty when sound.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.validate_meetings(&mut problems);
        self.validate_units(&mut problems);
        self.validate_directives(&mut problems);
        self.validate_indicators(&mut problems);
        self.validate_zones(&mut problems);
        problems
    }

    fn validate_meetings(&self, problems: &mut Vec<Problem>) {
        let mut seen = HashSet::new();
        for meeting in &self.meetings {
            if !seen.insert(meeting.id) {
                problems.push(Problem::DuplicateMeetingId(meeting.id));
            }
            if meeting.title.trim().is_empty() {
                problems.push(Problem::EmptyMeetingTitle(meeting.id));
            }
        }
    }

    fn validate_units(&self, problems: &mut Vec<Problem>) {
        let mut seen = HashSet::new();
        for unit in &self.units {
            if !seen.insert(unit.id) {
                problems.push(Problem::DuplicateUnitId(unit.id));
            }
            if unit.name.trim().is_empty() {
                problems.push(Problem::EmptyUnitName(unit.id));
            }
        }
    }

    fn validate_directives(&self, problems: &mut Vec<Problem>) {
        let unit_ids: HashSet<UnitId> = self.units.iter().map(|u| u.id).collect();
        let mut seen = HashSet::new();
        for directive in &self.directives {
            if !seen.insert(directive.id) {
                problems.push(Problem::DuplicateDirectiveId(directive.id));
            }
            self.check_directive(directive, &|unit| unit_ids.contains(&unit), problems);
        }
    }

    /// The problems of one directive on its own (everything but a duplicate id). Edits
    /// check the directive they touch with this, so they can't make a file invalid.
    pub fn directive_problems(&self, directive: &Directive) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.check_directive(directive, &|unit| self.unit(unit).is_some(), &mut problems);
        problems
    }

    fn check_directive(
        &self,
        directive: &Directive,
        unit_exists: &dyn Fn(UnitId) -> bool,
        problems: &mut Vec<Problem>,
    ) {
        let id = directive.id;
        if directive.text.trim().is_empty() {
            problems.push(Problem::EmptyDirectiveText(id));
        }
        let units = directive
            .addressees
            .iter()
            .chain(directive.lead_unit.iter())
            .chain(directive.supporting_units.iter());
        for unit in units {
            if !unit_exists(*unit) {
                problems.push(Problem::MissingUnit { directive: id, unit: *unit });
            }
        }
        let Some(meeting) = self.meeting(directive.meeting_id) else {
            problems.push(Problem::MissingMeeting { directive: id, meeting: directive.meeting_id });
            return;
        };
        if let Some(deadline) = directive.deadline
            && deadline < meeting.date
        {
            problems.push(Problem::DeadlineBeforeMeeting {
                directive: id,
                deadline,
                meeting: meeting.date,
            });
        }
        if let Some(completed) = directive.completed_on
            && completed < meeting.date
        {
            problems.push(Problem::CompletedBeforeMeeting {
                directive: id,
                completed,
                meeting: meeting.date,
            });
        }
        for note in &directive.progress {
            if note.date < meeting.date {
                problems.push(Problem::NoteBeforeMeeting {
                    directive: id,
                    note: note.date,
                    meeting: meeting.date,
                });
            }
        }
    }

    fn validate_indicators(&self, problems: &mut Vec<Problem>) {
        let mut seen = HashSet::new();
        for indicator in &self.indicators {
            if !seen.insert(indicator.id.as_str()) {
                problems.push(Problem::DuplicateIndicatorId(indicator.id.clone()));
            }
            if indicator.id.trim().is_empty() || indicator.name.trim().is_empty() {
                problems.push(Problem::EmptyIndicatorName(indicator.id.clone()));
            }
            let mut periods = HashSet::new();
            for observation in &indicator.observations {
                let at = || (indicator.id.clone(), observation.period);
                if !observation.period.is_valid() {
                    let (indicator, period) = at();
                    problems.push(Problem::InvalidPeriod { indicator, period });
                    continue;
                }
                if !periods.insert(observation.period) {
                    let (indicator, period) = at();
                    problems.push(Problem::DuplicatePeriod { indicator, period });
                }
                let value = observation.value;
                if !value.is_finite() || value > MAX_VALUE {
                    let (indicator, period) = at();
                    problems.push(Problem::ValueOutOfRange { indicator, period, value });
                } else if value < 0.0 {
                    let (indicator, period) = at();
                    problems.push(Problem::NegativeValue { indicator, period, value });
                }
                if let Some(change) = observation.change
                    && (!change.percent.is_finite()
                        || change.percent <= -100.0
                        || change.percent > 1e6)
                {
                    let (indicator, period) = at();
                    problems.push(Problem::ChangeOutOfRange {
                        indicator,
                        period,
                        percent: change.percent,
                    });
                }
            }
        }
    }

    fn validate_zones(&self, problems: &mut Vec<Problem>) {
        let mut seen = HashSet::new();
        for zone in &self.zones {
            if !seen.insert(zone.id) {
                problems.push(Problem::DuplicateZoneId(zone.id));
            }
            if let Some(area) = zone.area_ha
                && !(0.0..=MAX_VALUE).contains(&area)
            {
                problems.push(Problem::AreaOutOfRange { zone: zone.id, area });
            }
            if zone.count == 0 {
                problems.push(Problem::ZeroZoneCount(zone.id));
            }
            if zone.name.trim().is_empty() {
                problems.push(Problem::EmptyZoneName(zone.id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_reviews_the_period_that_ended_just_before_it() {
        let mut data = crate::files::builtin::dataset();
        let july = data.meetings[0].clone();
        let first_half = Some(Period::FirstMonths { year: 2019, months: 6 });
        assert_eq!(data.reviewed_period(&july), first_half, "15/07/2019: the first six months");
        let mut october = july.clone();
        october.date = jiff::civil::date(2019, 10, 15);
        assert_eq!(data.reviewed_period(&october), None, "no figures of nine months yet");
        let mut august = july;
        august.date = jiff::civil::date(2019, 8, 31);
        assert_eq!(data.reviewed_period(&august), first_half);
        data.indicators.clear();
        assert_eq!(data.reviewed_period(&august), None);
    }
}
