//! A newspaper's or portal's report of a meeting read for what the chair concluded.
//!
//! A report tells the meeting as news: a headline, a lead paragraph ("LSO-Chiều nay
//! (15/7), đồng chí …, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp …"), captions under its
//! photos, who attended, the figures reported, the discussion, the chair's assessment, and
//! last what the chair concluded and directed, then the byline. Only that last part gives
//! directives: the paragraphs from the first where the chair concludes or directs ("Phát
//! biểu kết luận …", "… chỉ rõ: …", "yêu cầu", "đề nghị", "giao"), and of those only the
//! sentences that direct (a "cần", a unit given a task, a verb of doing) — the chair's
//! assessment there ("… còn nhiều hạn chế") is kept as the assessment.
//!
//! The meeting's date is the lead's ("chiều nay (15/7)") in the year the text itself gives
//! ("6 tháng đầu năm 2019"); a portal's date above the headline is the day it was posted,
//! not the meeting's, and is never taken. Without a year in the text the day and month are
//! kept for the official to complete.

use jiff::civil::Date;

use super::clause::{self, Context, Lead, LeadFrom};
use super::genre;
use super::notice::{
    Item, Notice, Paragraph, closing, directive_text, paragraphs, read_meeting, sentences,
    split_outside_brackets, split_points,
};
use super::units::Names;
use super::words::{lower_at, words};
use crate::model::followup::fold;

/// Reads the report whose lines are `lines` into `notice`.
pub(super) fn read(lines: &[&str], names: &Names, notice: &mut Notice) {
    let headline = (0..lines.len().min(8)).find(|&i| is_headline(lines[i]));
    if let Some(at) = headline {
        notice.title = lines[at].split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let start = headline.map_or(0, |at| at + 1);
    let end = genre::byline(lines).unwrap_or(lines.len()).min(closing(lines, start));
    let paragraphs = paragraphs(lines, start, end.max(start));
    let mut names = names.clone();
    for paragraph in &paragraphs {
        names.learn_short_forms(&paragraph.text);
    }
    let year = year_of(&paragraphs);
    let lead = paragraphs.iter().position(|p| {
        let folded = fold(&p.text);
        ["chu tri cuoc", "chu tri hoi nghi", "chu tri buoi", "chu tri phien"]
            .iter()
            .any(|m| folded.contains(m))
    });
    if let Some(at) = lead {
        read_meeting(&paragraphs[at].text, &names, notice);
        if notice.date.is_none() {
            match day_of_the_lead(&paragraphs[at].text) {
                Some((day, month, Some(y))) => notice.date = Date::new(y, month, day).ok(),
                Some((day, month, None)) => match year {
                    Some(y) => notice.date = Date::new(y, month, day).ok(),
                    None => notice.date_without_year = Some((day, month)),
                },
                None => {}
            }
        }
    }
    let after_lead = lead.map_or(0, |at| at + 1);
    for paragraph in &paragraphs[after_lead.min(paragraphs.len())..] {
        let folded = fold(&paragraph.text);
        if (folded.starts_with("du ")
            || folded.starts_with("tham du")
            || folded.starts_with("cung du"))
            && let Some(at) = paragraph.text.find(" có ")
            && notice.attendees.is_empty()
        {
            notice.attendees = split_points(&paragraph.text[at + " có ".len()..]);
        }
    }
    let Some(from) = paragraphs
        .iter()
        .enumerate()
        .skip(after_lead)
        .find(|(_, p)| concludes(&p.text))
        .map(|(i, _)| i)
    else {
        return;
    };
    read_conclusions(&paragraphs[from..], &names, notice);
}

/// Whether a line is a report's headline: a line of a few words that ends no sentence and
/// is no date ("Thứ sáu, 29/05/2020", "Ngày đăng: …").
fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let folded = fold(line);
    let words = line.split_whitespace().count();
    let dated = line.chars().filter(char::is_ascii_digit).count() * 3 >= line.chars().count()
        || ["thu ", "chu nhat", "ngay dang", "cap nhat", "ngay "]
            .iter()
            .any(|p| folded.starts_with(p))
            && line.contains('/');
    (3..=40).contains(&words) && !dated && !line.ends_with(['.', ';', ':'])
}

/// The year the report's own words give: the first "năm 2019" that is not a target ("đến
/// năm 2025", "giai đoạn …", "tầm nhìn …") nor the year compared with ("cùng kỳ năm 2018").
fn year_of(paragraphs: &[Paragraph]) -> Option<i16> {
    for paragraph in paragraphs {
        let words = words(&paragraph.text);
        for k in 0..words.len() {
            if words[k].lower() != "năm" {
                continue;
            }
            let Some(year) = words.get(k + 1).and_then(|w| w.text.parse::<i16>().ok()) else {
                continue;
            };
            let before = |n: usize, phrase: &str| k >= n && lower_at(&words, k - n, phrase);
            let target = before(1, "đến")
                || before(1, "tới")
                || before(2, "cùng kỳ")
                || before(1, "đoạn")
                || before(1, "nhìn")
                || before(1, "từ");
            if (1990..=2100).contains(&year) && !target {
                return Some(year);
            }
        }
    }
    None
}

/// The day the lead gives: "Chiều nay (15/7)", "sáng 15/7", "ngày 15/7/2019" — day,
/// month and the year if written.
fn day_of_the_lead(text: &str) -> Option<(i8, i8, Option<i16>)> {
    let words = words(text);
    let presides =
        (0..words.len()).find(|&k| lower_at(&words, k, "chủ trì")).unwrap_or(words.len());
    (0..presides).find_map(|k| {
        let word = &words[k];
        let parts: Vec<&str> = word.text.split('/').collect();
        let after_a_day_word = k > 0
            && (words[k - 1].is("(")
                || ["ngày", "nay", "sáng", "chiều", "tối", "trưa"].contains(&words[k - 1].lower()));
        if !after_a_day_word || !(2..=3).contains(&parts.len()) {
            return None;
        }
        let day = parts[0].parse::<i8>().ok()?;
        let month = parts[1].parse::<i8>().ok()?;
        let year = parts.get(2).and_then(|y| y.parse::<i16>().ok()).filter(|y| *y >= 1990);
        Date::new(year.unwrap_or(2000), month, day).ok()?;
        Some((day, month, year))
    })
}

/// Whether a paragraph tells what the chair concluded or directed.
fn concludes(text: &str) -> bool {
    let folded = fold(text);
    let speech = folded.split_once(':').map_or(folded.as_str(), |(before, _)| before);
    ["ket luan", "chi dao", "chi ro", "yeu cau", "de nghi", "giao ", "nhan manh"]
        .iter()
        .any(|cue| speech.contains(cue))
}

/// The words that make a sentence of the chair's a directive for sure.
const DIRECTS: &[&str] = &["cần", "phải", "yêu cầu", "đề nghị", "giao", "chỉ đạo", "đề ra"];

/// Verbs a directive of the chair's begins with when it names no one.
const DOING: &[&str] = &[
    "tiếp tục",
    "tập trung",
    "đẩy mạnh",
    "tăng cường",
    "khẩn trương",
    "chủ động",
    "rà soát",
    "thẩm định",
    "cân đối",
    "nghiên cứu",
    "triển khai",
    "hoàn thành",
    "đẩy nhanh",
    "quan tâm",
    "sớm",
    "kiểm tra",
    "xây dựng",
    "thực hiện",
    "tham mưu",
];

/// Words of an assessment: what is, not what is to be done.
const ASSESSES: &[&str] =
    &["còn", "hạn chế", "chưa", "thể hiện", "ghi nhận", "biểu dương", "đánh giá cao", "đạt"];

/// Sentences that go on with the one before: their lead is that sentence's.
const GOES_ON: &[&str] = &["trong đó", "đồng thời", "bên cạnh đó", "ngoài ra", "cùng với đó"];

/// Reads the conclusions from the paragraph that opens them to the end.
fn read_conclusions(paragraphs: &[Paragraph], names: &Names, notice: &mut Notice) {
    let meeting = notice.date;
    let mut carried: Option<Lead> = None;
    for paragraph in paragraphs {
        if genre::is_caption(&fold(&paragraph.text)) {
            continue;
        }
        // "Đồng chí … chỉ rõ: Thời gian tới, …": the words after the speech's colon.
        // A speech that directs ("… yêu cầu: …", "… giao: …") makes each of its sentences
        // a directive.
        let (body, directed) = match paragraph.text.split_once(':') {
            Some((before, after))
                if concludes(before) && before.split_whitespace().count() <= 30 =>
            {
                let before = words(before);
                let directs =
                    (0..before.len()).any(|k| DIRECTS.iter().any(|p| lower_at(&before, k, p)));
                (after.trim(), directs)
            }
            _ => (paragraph.text.as_str(), false),
        };
        for sentence in sentences(body) {
            let words = words(sentence);
            let has = |list: &[&str]| {
                (0..words.len()).any(|k| list.iter().any(|p| lower_at(&words, k, p)))
            };
            let directs = directed || has(DIRECTS);
            let doing = has(DOING);
            if !directs && (has(ASSESSES) || !doing) {
                notice.assessment.extend(split_points(sentence));
                continue;
            }
            let goes_on = GOES_ON.iter().any(|g| lower_at(&words, 0, g));
            let first_lead = clause::own_lead(sentence, &words, names);
            // A sentence whose subject is the unit it directs ("Các doanh nghiệp … cần …;
            // …; …") is one directive to it; the others' clauses are one each.
            let to_its_subject = first_lead.as_ref().is_some_and(|l| {
                matches!(l.from, LeadFrom::Subject(_))
                    && fold(sentence).starts_with(&fold(&l.unit.name))
            });
            let clauses: Vec<&str> =
                if to_its_subject { vec![sentence] } else { split_outside_brackets(sentence, ';') };
            let mut earlier: Option<Lead> = if goes_on { carried.clone() } else { None };
            for clause in clauses {
                let text = directive_text(
                    clause.trim().trim_end_matches(['…', '.']).trim_end_matches("..."),
                );
                if text.is_empty() {
                    continue;
                }
                let context = Context { meeting, heading: None, earlier: earlier.as_ref() };
                let fields = clause::fields(&text, names, context);
                if let Some(lead) = &fields.lead {
                    earlier = Some(lead.clone());
                }
                let doubtful = !directs && fields.lead.is_none();
                notice.items.push(Item { text, fields, line: paragraph.line, doubtful });
            }
            carried = earlier;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_gives_the_day_and_the_text_its_year() {
        assert_eq!(
            day_of_the_lead("LSO-Chiều nay (15/7), đồng chí A chủ trì cuộc họp"),
            Some((15, 7, None))
        );
        assert_eq!(
            day_of_the_lead("Ngày 16/3/2020, đồng chí A chủ trì cuộc họp"),
            Some((16, 3, Some(2020)))
        );
        let paragraphs = [Paragraph {
            text: "Đến năm 2025 đạt 10%; 6 tháng đầu năm 2019 tăng 9,5% so với cùng kỳ năm 2018"
                .into(),
            line: 1,
        }];
        assert_eq!(year_of(&paragraphs), Some(2019));
    }

    #[test]
    fn a_portal_date_is_no_headline() {
        assert!(!is_headline("Thứ sáu,  29/05/2020"));
        assert!(is_headline("UBND tỉnh họp về tình hình đầu tư, sản xuất, phát triển công nghiệp"));
    }
}
