//! Dates as notices write them, and the deadline a directive's words set.
//!
//! A deadline is only read from the words that set one: "trước ngày 30/9/2019", "trước
//! 30/6/2020", "chậm nhất ngày …", "trong tháng 10/2019" (the month's last day), "trong quý
//! IV/2019" or "quý III năm 2022" (the quarter's last day). A date alone is not one (a
//! decree's "ngày 25/5/2017"), nor is a year ("năm 2020") or a ratio ("tỷ lệ 1/500").
//! "Thường xuyên" and "định kỳ hằng tháng" say there is none.

use jiff::civil::Date;

use super::words::{Phrases, Word, length, lower_at, span};

/// A deadline and the words it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Deadline {
    pub date: Date,
    /// "trước ngày 30/9/2019".
    pub words: String,
}

/// A date written `d/m/yyyy` (or `d/m`, with the year given).
pub fn slashed(text: &str, year: Option<i16>) -> Option<Date> {
    let parts: Vec<&str> = text.split('/').collect();
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] if y.len() == 4 => (number(d)?, number(m)?, number(y)?),
        [d, m] => (number(d)?, number(m)?, i32::from(year?)),
        _ => return None,
    };
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    date(year, month, day)
}

/// A valid calendar date from numbers, or `None`.
fn date(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The last day of `month` of `year`.
fn month_end(year: i32, month: i32) -> Option<Date> {
    date(year, month, 1).map(|first| first.last_of_month())
}

/// A Roman quarter number: I to IV (also 1 to 4).
fn quarter(text: &str) -> Option<i32> {
    match text {
        "I" | "1" => Some(1),
        "II" | "2" => Some(2),
        "III" | "3" => Some(3),
        "IV" | "4" => Some(4),
        _ => None,
    }
}

/// A date written in words from word `at`: "15 tháng 11 năm 2019" or "15/11/2019" (or
/// without the year: "15/5", "15 tháng 5", in `year`), and the word after it.
pub fn date_at(words: &[Word], at: usize, year: Option<i16>) -> Option<(Date, usize)> {
    let first = words.get(at)?;
    if first.text.contains('/') {
        return slashed(first.text, year).map(|d| (d, at + 1));
    }
    if !first.is_number() || !lower_at(words, at + 1, "tháng") {
        return None;
    }
    let day = first.text.parse().ok()?;
    let month_word = words.get(at + 2)?;
    if month_word.text.contains('/') {
        // "ngày 15 tháng 11/2019"
        let (month, y) = month_word.text.split_once('/')?;
        return date(y.parse().ok()?, month.parse().ok()?, day).map(|d| (d, at + 3));
    }
    let month = month_word.text.parse().ok()?;
    if lower_at(words, at + 3, "năm") {
        let y = words.get(at + 4)?.text.parse().ok()?;
        return date(y, month, day).map(|d| (d, at + 5));
    }
    date(i32::from(year?), month, day).map(|d| (d, at + 3))
}

/// A month from word `at`: "10/2019" or "10 năm 2019"; its first day and the word after.
fn month_at(words: &[Word], at: usize) -> Option<(i32, i32, usize)> {
    let word = words.get(at)?;
    if let Some((month, year)) = word.text.split_once('/') {
        return Some((year.parse().ok()?, month.parse().ok()?, at + 1));
    }
    if word.is_number() && lower_at(words, at + 1, "năm") {
        return Some((words.get(at + 2)?.text.parse().ok()?, word.text.parse().ok()?, at + 3));
    }
    None
}

/// A quarter from word `at`: "IV/2019" or "III năm 2022"; (year, quarter, word after).
fn quarter_at(words: &[Word], at: usize) -> Option<(i32, i32, usize)> {
    let word = words.get(at)?;
    if let Some((q, year)) = word.text.split_once('/') {
        return Some((year.parse().ok()?, quarter(q)?, at + 1));
    }
    if lower_at(words, at + 1, "năm") {
        return Some((words.get(at + 2)?.text.parse().ok()?, quarter(word.text)?, at + 3));
    }
    None
}

/// The words before a day that make it a deadline, longest first.
const BEFORE_A_DAY: &[&str] = &[
    "chậm nhất trong ngày",
    "chậm nhất là ngày",
    "chậm nhất ngày",
    "chậm nhất",
    "trước ngày",
    "trước",
    "hạn chót ngày",
    "đến hết ngày",
    "trong ngày",
];

/// The first deadline `words` set. A day without a year ("trước ngày 15/5") is in
/// `meeting`'s year, or the next one if that day has passed by the meeting.
pub fn deadline(text: &str, words: &[Word], meeting: Option<Date>) -> Option<Deadline> {
    let year = meeting.map(|m| m.year());
    for at in 0..words.len() {
        if !words[at].lowercase() {
            continue;
        }
        // A day: "trước ngày 30/9/2019", "chậm nhất trong ngày 18/12/2019".
        if let Some(lead) = BEFORE_A_DAY.iter().find(|p| lower_at(words, at, p)) {
            let after = at + length(lead);
            // "trong ngày" alone is a deadline only in "chậm nhất trong ngày" (above);
            // "trong ngày 20/12" is rare and reads the same.
            if let Some((mut day, end)) = date_at(words, after, year) {
                let has_year = words[after].text.matches('/').count() == 2
                    || lower_at(words, after + 3, "năm");
                if !has_year
                    && let Some(meeting) = meeting
                    && day < meeting
                {
                    day = day.saturating_add(jiff::Span::new().years(1));
                }
                return Some(Deadline { date: day, words: span(text, words, at, end).to_owned() });
            }
        }
        // A month: "trong tháng 10/2019" → its last day; "trước tháng 10/2019" → the day
        // before it.
        let within = lower_at(words, at, "trong");
        let before = lower_at(words, at, "trước");
        if (within || before)
            && lower_at(words, at + 1, "tháng")
            && let Some((y, m, end)) = month_at(words, at + 2)
        {
            let day = if within {
                month_end(y, m)
            } else {
                date(y, m, 1).and_then(|first| first.yesterday().ok())
            };
            if let Some(day) = day {
                return Some(Deadline { date: day, words: span(text, words, at, end).to_owned() });
            }
        }
        // A quarter: "trong quý IV/2019", "quý III năm 2022" (after "trong" or a verb of
        // completion), "trước quý II/2022" → the day before it.
        let quarter_word = if within || before { at + 1 } else { at };
        if lower_at(words, quarter_word, "quý")
            && (within || before || quarter_word > 0 && words[quarter_word - 1].lower() == "trong")
            && let Some((y, q, end)) = quarter_at(words, quarter_word + 1)
        {
            let day = if before {
                date(y, (q - 1) * 3 + 1, 1).and_then(|first| first.yesterday().ok())
            } else {
                month_end(y, q * 3)
            };
            if let Some(day) = day {
                return Some(Deadline { date: day, words: span(text, words, at, end).to_owned() });
            }
        }
    }
    None
}

/// Words that say a directive is standing work with no deadline, longest first.
const STANDING: &[&str] = &[
    "định kỳ hằng tháng",
    "định kỳ hàng tháng",
    "định kỳ hằng quý",
    "định kỳ hàng quý",
    "định kỳ hằng năm",
    "định kỳ hàng năm",
    "định kỳ 6 tháng",
    "thường xuyên",
    "hằng tháng",
    "hàng tháng",
    "hằng quý",
    "hàng quý",
    "hằng năm",
    "hàng năm",
    "hằng tuần",
    "hàng tuần",
    "định kỳ",
    "liên tục",
];

/// The words that make a directive standing work ("thường xuyên"), if any.
pub fn standing(text: &str, words: &[Word]) -> Option<String> {
    static PHRASES: Phrases = Phrases::new(STANDING);
    (0..words.len()).find_map(|at| {
        PHRASES.lower_at(words, at).map(|p| span(text, words, at, at + length(p)).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::intake::words::words;

    fn read(text: &str, meeting: &str) -> Option<String> {
        let meeting: Date = meeting.parse().ok()?;
        let words = words(text);
        deadline(text, &words, Some(meeting)).map(|d| d.date.to_string())
    }

    #[test]
    fn every_form_of_deadline_reads_as_its_day() {
        let m = "2019-08-19";
        assert_eq!(read("hoàn thành trước ngày 30/9/2019.", m).as_deref(), Some("2019-09-30"));
        assert_eq!(read("hoàn thành trước 30/6/2020", m).as_deref(), Some("2020-06-30"));
        assert_eq!(
            read("báo cáo trước ngày 15 tháng 11 năm 2019", m).as_deref(),
            Some("2019-11-15")
        );
        assert_eq!(read("chậm nhất ngày 20/12/2019 phải", m).as_deref(), Some("2019-12-20"));
        assert_eq!(read("chậm nhất trong ngày 18/12/2019", m).as_deref(), Some("2019-12-18"));
        assert_eq!(read("hoàn thành trong tháng 10/2019", m).as_deref(), Some("2019-10-31"));
        assert_eq!(read("trong tháng 02/2020", m).as_deref(), Some("2020-02-29"));
        assert_eq!(read("trong quý IV/2019", m).as_deref(), Some("2019-12-31"));
        assert_eq!(read("hoàn thành trong quý III năm 2022", m).as_deref(), Some("2022-09-30"));
        assert_eq!(read("trong quý I/2020", m).as_deref(), Some("2020-03-31"));
        assert_eq!(read("trước ngày 20/12", m).as_deref(), Some("2019-12-20"));
        assert_eq!(read("trước ngày 05/09/2019", m).as_deref(), Some("2019-09-05"));
        // A day without a year that has passed by the meeting is next year's.
        assert_eq!(read("trước ngày 15/01", m).as_deref(), Some("2020-01-15"));
    }

    #[test]
    fn dates_that_set_no_deadline_are_left_alone() {
        let m = "2019-08-19";
        assert_eq!(read("theo Nghị định số 68/2017/NĐ-CP ngày 25/5/2017 của Chính phủ", m), None);
        assert_eq!(read("quy hoạch chi tiết xây dựng tỷ lệ 1/500", m), None);
        assert_eq!(read("kế hoạch năm 2020, giai đoạn 2021 - 2025", m), None);
        assert_eq!(read("trước khi chấp thuận; trước, trong và sau Tết", m), None);
        assert_eq!(read("tại kỳ họp giữa năm 2022", m), None);
        assert_eq!(read("các giấy phép cấp mới trong năm 2019", m), None);
        assert_eq!(read("tình hình quý I năm 2020", m), None);
        assert_eq!(read("trước ngày 31/2/2020", m), None);
    }

    #[test]
    fn standing_work_is_said_as_such() {
        let text = "định kỳ hằng tháng báo cáo UBND tỉnh";
        assert_eq!(standing(text, &words(text)).as_deref(), Some("định kỳ hằng tháng"));
        let text = "Thực hiện thường xuyên";
        assert_eq!(standing(text, &words(text)).as_deref(), Some("thường xuyên"));
    }
}
