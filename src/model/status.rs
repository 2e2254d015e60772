//! A directive's follow-up status, computed from its deadline, its completion date and
//! today. Never typed in, never stored.

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::model::Directive;

/// Where a directive stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DirectiveStatus {
    /// Quá hạn chưa hoàn thành: the deadline has passed and it is not done.
    Overdue,
    /// Đang thực hiện (trong hạn): not done, deadline today or later.
    InProgress,
    /// Chưa có hạn: not done and no deadline set.
    NoDeadline,
    /// Hoàn thành quá hạn: done after the deadline.
    DoneLate,
    /// Hoàn thành đúng hạn: done on or before the deadline, or done with no deadline.
    DoneOnTime,
}

impl DirectiveStatus {
    /// The status of a directive with this deadline and completion date, on `today`.
    ///
    /// The deadline day itself is still on time, both for work in progress and for work
    /// completed that day.
    pub fn of(deadline: Option<Date>, completed_on: Option<Date>, today: Date) -> Self {
        match (completed_on, deadline) {
            (Some(done), Some(due)) if done > due => DirectiveStatus::DoneLate,
            (Some(_), _) => DirectiveStatus::DoneOnTime,
            (None, Some(due)) if today > due => DirectiveStatus::Overdue,
            (None, Some(_)) => DirectiveStatus::InProgress,
            (None, None) => DirectiveStatus::NoDeadline,
        }
    }

    /// The status of `directive` on `today`.
    pub fn of_directive(directive: &Directive, today: Date) -> Self {
        Self::of(directive.deadline, directive.completed_on, today)
    }

    /// Completed, on time or late.
    pub fn is_done(self) -> bool {
        matches!(self, DirectiveStatus::DoneOnTime | DirectiveStatus::DoneLate)
    }

    /// The status in words ("quá hạn chưa hoàn thành").
    pub fn label(self, lang: Lang) -> &'static str {
        let t = &lang.strings().status;
        match self {
            DirectiveStatus::Overdue => &t.overdue,
            DirectiveStatus::InProgress => &t.in_progress,
            DirectiveStatus::NoDeadline => &t.no_deadline,
            DirectiveStatus::DoneLate => &t.done_late,
            DirectiveStatus::DoneOnTime => &t.done_on_time,
        }
    }

    /// A symbol that tells the status apart without colour (grey print, colour blindness).
    pub fn icon(self) -> &'static str {
        match self {
            DirectiveStatus::Overdue => "⚠",
            DirectiveStatus::InProgress => "◔",
            DirectiveStatus::NoDeadline => "○",
            DirectiveStatus::DoneLate => "☑",
            DirectiveStatus::DoneOnTime => "✔",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DirectiveStatus as S;
    use jiff::civil::date;

    #[test]
    fn deadline_day_is_still_on_time() {
        let due = date(2019, 9, 30);
        assert_eq!(S::of(Some(due), None, date(2019, 9, 30)), S::InProgress);
        assert_eq!(S::of(Some(due), None, date(2019, 9, 29)), S::InProgress);
        assert_eq!(S::of(Some(due), None, date(2019, 10, 1)), S::Overdue);
    }

    #[test]
    fn completion_is_judged_against_the_deadline_not_today() {
        let due = date(2019, 9, 30);
        let long_after = date(2026, 1, 1);
        assert_eq!(S::of(Some(due), Some(due), long_after), S::DoneOnTime);
        assert_eq!(S::of(Some(due), Some(date(2019, 9, 29)), long_after), S::DoneOnTime);
        assert_eq!(S::of(Some(due), Some(date(2019, 10, 1)), long_after), S::DoneLate);
    }

    #[test]
    fn no_deadline() {
        assert_eq!(S::of(None, None, date(2019, 7, 15)), S::NoDeadline);
        assert_eq!(S::of(None, Some(date(2019, 8, 1)), date(2019, 9, 1)), S::DoneOnTime);
    }
}
