//! The directives' deadlines as an iCalendar file (RFC 5545, written by the `icalendar`
//! crate) that Thunderbird, Outlook and phones import: one all-day event a directive with a
//! deadline, on that day — its text, lead unit and meeting, and for open work a reminder 3
//! days before. Events, not to-dos, since Outlook and phone calendars drop to-dos on import.
//!
//! Each event's UID is made of the file's fingerprint and the directive's stable id, never
//! of positions, so importing a later export updates the same events rather than adding
//! copies. A directive done is still exported under its UID, marked completed (a ✔ before
//! its summary, the category "Đã hoàn thành", free time, no reminder), so the calendar's copy
//! of it changes instead of lingering as open work.

use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus, Trigger};
use jiff::civil::Date;

use crate::i18n::{Lang, fill};
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive, UnitId};

/// What was written.
#[derive(Clone, Debug)]
pub struct Written {
    /// The .ics text.
    pub text: String,
    /// Events of directives not yet done.
    pub open: usize,
    /// Events of directives done.
    pub done: usize,
    /// Directives left out: no deadline to put on a calendar.
    pub without_deadline: usize,
}

/// The UID of a directive's event: stable across exports, edits and reorderings.
pub fn uid(dataset: &Dataset, directive: &Directive) -> String {
    format!("{}-{}@industry-desk", super::file_fingerprint(dataset), directive.id.0)
}

/// The calendar of `dataset`'s deadlines (only those `unit` leads or supports, if given).
pub fn build(dataset: &Dataset, unit: Option<UnitId>, today: Date, lang: Lang) -> Written {
    let t = &lang.strings().chase;
    let mut calendar = Calendar::new();
    calendar.name(&fill(&t.calendar_name, &[("province", &dataset.province.trim())]));
    let mut written = Written { text: String::new(), open: 0, done: 0, without_deadline: 0 };
    let involved = |d: &Directive| {
        unit.is_none_or(|u| super::in_charge(d, u) || d.supporting_units.contains(&u))
    };
    for directive in dataset.directives.iter().filter(|d| involved(d)) {
        let Some(deadline) = directive.deadline else {
            written.without_deadline += 1;
            continue;
        };
        let Some(day) = chrono::NaiveDate::from_ymd_opt(
            i32::from(deadline.year()),
            u32::try_from(deadline.month()).unwrap_or(1),
            u32::try_from(deadline.day()).unwrap_or(1),
        ) else {
            continue;
        };
        let status = DirectiveStatus::of_directive(directive, today);
        let lead = directive
            .lead_unit
            .and_then(|id| dataset.unit(id))
            .map_or_else(|| t.no_lead.clone(), |u| u.name.clone());
        let meeting = dataset.meeting(directive.meeting_id);
        let description = fill(
            &t.event_description,
            &[
                ("text", &directive.text.trim()),
                ("lead", &lead),
                ("title", &meeting.map_or("", |m| m.title.trim())),
                ("date", &meeting.map(|m| crate::format::date(m.date)).unwrap_or_default()),
                ("status", &crate::interop::paper::official::status_phrase(status, lang)),
            ],
        );
        let summary = summary_of(&directive.text);
        let mut event = Event::new();
        event
            .uid(&uid(dataset, directive))
            // A one-day event: DTEND is the day after (RFC 5545: the end is exclusive);
            // the crate's `all_day` wrote the same day twice, an event of no length.
            .starts(day)
            .ends(day.succ_opt().unwrap_or(day))
            .description(&description)
            .status(EventStatus::Confirmed);
        if status.is_done() {
            written.done += 1;
            event
                .summary(&format!("{}{summary}", t.done_prefix))
                .categories([t.done_category.as_str()])
                .add_property("TRANSP", "TRANSPARENT");
        } else {
            written.open += 1;
            let alarm = Alarm::display(
                &fill(&t.alarm, &[("text", &summary)]),
                Trigger::before_start(chrono::Duration::days(3)),
            );
            event.summary(&summary).alarm(alarm);
        }
        calendar.push(event.done());
    }
    written.text = calendar.done().to_string();
    written
}

/// A calendar's one line: the directive's text, cut at a word near 120 characters.
fn summary_of(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 120 {
        return text;
    }
    let cut: String = text.chars().take(120).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use jiff::civil::date;

    #[test]
    fn open_work_has_a_reminder_and_done_work_is_marked() {
        let mut data = builtin::dataset();
        data.directives[0].deadline = Some(date(2019, 10, 20));
        data.directives[1].deadline = Some(date(2019, 9, 20));
        data.directives[1].completed_on = Some(date(2019, 9, 18));
        let written = build(&data, None, date(2019, 10, 1), Lang::Vi);
        assert_eq!((written.open, written.done), (1, 1));
        assert_eq!(written.without_deadline, 8);
        let text = written.text.replace("\r\n ", "");
        assert!(text.contains("DTSTART;VALUE=DATE:20191020"), "{text}");
        // 3 days before, as the crate writes a duration: in seconds.
        let three_days =
            |l: &str| l.starts_with("TRIGGER") && l.trim_end().ends_with(":-PT259200S");
        assert!(text.lines().any(three_days), "{text}");
        assert_eq!(text.matches("BEGIN:VALARM").count(), 1);
        assert!(text.contains(&format!("UID:{}", uid(&data, &data.directives[1]))));
        // UIDs across exports and reorderings: tests/chase.rs, read back by python's icalendar.
    }
}
