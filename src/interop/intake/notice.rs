//! A conclusion notice's structure: the header (number, title), the meeting paragraph
//! (date, chair, who attended), the assessment, the directives, and the closing lines that
//! are none of these.
//!
//! Notices follow Nghị định 30/2020's layout closely enough to read by their landmarks:
//! "THÔNG BÁO" and the subject under it; a meeting paragraph ending "… kết luận như sau:";
//! sections headed "I. ĐÁNH GIÁ CHUNG" / "II. NHIỆM VỤ …"; items marked `1.`, `a)`, `-`,
//! `•`, `+`, or prose clauses joined by `;`; unit headings ("1. Sở Tài nguyên và Môi
//! trường:") over the items they give; the office's closing formula, "Nơi nhận:" and the
//! signature. Text pasted from a portal or hard-wrapped at 80 columns reads the same: lines
//! are joined into paragraphs first.

use jiff::civil::Date;

use super::clause::{self, Context, Fields, Lead, LeadFrom};
use super::dates;
use super::genre::{self, Genre, Kind};
use super::units::Names;
use super::words::{lower_at, span, words};
use crate::model::followup::fold;

/// What a notice says, before it is matched against a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notice {
    /// "215/TB-UBND", as written after "Số:".
    pub number: Option<String>,
    /// The notice's own date (the header's "Lạng Sơn, ngày …"), not the meeting's.
    pub issued_on: Option<Date>,
    /// The subject under "THÔNG BÁO", its lines joined; empty when the text has none.
    pub title: String,
    /// The meeting's date.
    pub date: Option<Date>,
    /// "Name, title" of who chaired it.
    pub chair: Option<String>,
    /// Who attended, one group a line.
    pub attendees: Vec<String>,
    /// The body whose report was heard ("Sau khi nghe Sở Công Thương báo cáo").
    pub reporting_body: Option<String>,
    /// The chair's assessment of the situation, one point a line.
    pub assessment: Vec<String>,
    /// The directives, in the notice's order.
    pub items: Vec<Item>,
    /// What kind of text it was taken for (a notice, a Công văn, a report …).
    pub kind: Kind,
    /// The meeting's day and month when the text gives no year for them ("chiều nay
    /// (15/7)" in a report that names no year): the official is asked for it.
    pub date_without_year: Option<(i8, i8)>,
}

/// One directive read from a notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The words as the notice has them, numbering and the closing `;` or `.` removed.
    pub text: String,
    pub fields: Fields,
    /// The line of the text it starts on (1-based).
    pub line: usize,
    /// Read from a text that is no notice, with nothing that marks it a directive for sure
    /// (no unit it is given to, no "cần", "yêu cầu", "giao" …): offered unticked.
    pub doubtful: bool,
}

/// The kinds of item markers, outermost first where a notice nests them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    Roman,
    Arabic,
    /// "1.1.", "2.3)": the items of a numbered one.
    Sub,
    Letter,
    Dash,
    Bullet,
    Plus,
}

/// One paragraph of the body: its lines joined.
#[derive(Clone, Debug)]
pub(super) struct Paragraph {
    pub(super) text: String,
    pub(super) line: usize,
}

/// Reads `text` (already in NFC with `\n` line ends), taken for a `kind` of text ([`genre::of`]
/// its lines), with the names known in `names`.
pub fn read(text: &str, names: &Names, kind: genre::Kind) -> Notice {
    let lines: Vec<&str> = text.lines().collect();
    let mut notice = Notice { kind, ..Notice::default() };
    let (header_end, body_start) = header(&lines, &mut notice);
    if header_end == 0 && body_start == 0 {
        // No "THÔNG BÁO": a Công văn's header still runs "Số: 12/UBND-KT Lạng Sơn, ngày …"
        // on its first lines.
        let numbered: Vec<&str> = lines
            .iter()
            .take(15)
            .copied()
            .filter(|l| {
                let folded = fold(l.trim());
                let after = folded.strip_prefix("so").map(|r| r.trim_start_matches([':', ' ']));
                after.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            })
            .collect();
        read_number_and_date(&numbered, &mut notice);
    } else {
        read_number_and_date(
            &lines[..header_end.max(body_start.min(15)).min(lines.len())],
            &mut notice,
        );
    }
    let body_end = closing(&lines, body_start);
    let paragraphs = paragraphs(&lines, body_start, body_end);
    let mut names = names.clone();
    for paragraph in &paragraphs {
        names.learn_short_forms(&paragraph.text);
    }
    let tasks_from = intro(&paragraphs, &names, &mut notice);
    if notice.number.is_none() {
        notice.number = number_in_text(&paragraphs[..tasks_from.max(1).min(paragraphs.len())]);
    }
    read_tasks(&paragraphs[tasks_from..], &names, &mut notice);
    notice
}

/// The document's number written in its text: "Công văn số 1234/UBND-KT", "Thông báo kết
/// luận số 185/TB-UBND", "văn bản số …" — not one it carries out ("Thực hiện Công văn số
/// … của Bộ …", "Căn cứ …").
pub(super) fn number_in_text(paragraphs: &[Paragraph]) -> Option<String> {
    const DOCUMENTS: &[&str] =
        &["cong van", "thong bao ket luan", "thong bao", "van ban", "ket luan"];
    for paragraph in paragraphs.iter().take(4) {
        for sentence in sentences(&paragraph.text) {
            // A number is digits and a "/" ("185/TB-UBND"): a sentence without both is not
            // worth folding, or cutting into words.
            if !(sentence.contains('/') && sentence.bytes().any(|b| b.is_ascii_digit())) {
                continue;
            }
            let folded = fold(sentence);
            if !folded.contains("so") {
                continue;
            }
            if ["thuc hien", "can cu", "theo ", "trien khai", "xet "]
                .iter()
                .any(|p| folded.starts_with(p))
            {
                continue;
            }
            let words = words(sentence);
            for k in 0..words.len() {
                let Some(document) =
                    DOCUMENTS.iter().find(|d| super::words::folded_at(&words, k, d))
                else {
                    continue;
                };
                let at = k + super::words::length(document);
                if words.get(at).is_some_and(|w| w.folded() == "so")
                    && let Some(number) = words.get(at + 1).filter(|w| w.text.contains('/'))
                    && number.text.starts_with(|c: char| c.is_ascii_digit())
                {
                    return Some(number.text.to_owned());
                }
            }
        }
    }
    None
}

/// Finds "THÔNG BÁO" and reads the title under it. Returns where the header ends and where
/// the body starts (both 0 when the text has no header, as a portal's paste).
fn header(lines: &[&str], notice: &mut Notice) -> (usize, usize) {
    let Some(at) = lines.iter().take(40).position(|l| fold(l.trim()) == "thong bao") else {
        return (0, 0);
    };
    let mut title = Vec::new();
    let mut i = at + 1;
    while i < lines.len() && lines[i].trim().is_empty() && title.is_empty() && i < at + 3 {
        i += 1;
    }
    while i < lines.len() && title.len() < 6 {
        let line = lines[i].trim();
        if line.is_empty() || opens_body(line) {
            break;
        }
        title.push(collapse(line));
        i += 1;
    }
    notice.title = title.join(" ");
    (at, i)
}

/// Whether a line opens the body rather than continuing the title: the meeting's date, or
/// "Thực hiện …", "Căn cứ …".
fn opens_body(line: &str) -> bool {
    let folded = fold(line);
    ["ngay ", "sang ngay", "chieu ngay", "toi ngay", "thuc hien ", "can cu ", "vua qua", "hom nay"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// The number ("Số: 215/TB-UBND") and the notice's date ("…, ngày 22 tháng 8 năm 2019")
/// from the header's lines.
pub(super) fn read_number_and_date(lines: &[&str], notice: &mut Notice) {
    for line in lines {
        let words = words(line);
        for (i, word) in words.iter().enumerate() {
            if notice.number.is_none() && word.folded() == "so" && word.capitalised() {
                let mut at = i + 1;
                if words.get(at).is_some_and(|w| w.is(":")) {
                    at += 1;
                }
                if let Some(number) = words.get(at).filter(|w| w.text.contains('/')) {
                    notice.number = Some(number.text.to_owned());
                }
            }
            if notice.issued_on.is_none()
                && word.lower() == "ngày"
                && i > 0
                && words[i - 1].is(",")
                && let Some((date, _)) = dates::date_at(&words, i + 1, None)
            {
                notice.issued_on = Some(date);
            }
        }
    }
}

/// The first line of the closing: the office's formula ("… thông báo để … biết, thực
/// hiện./."), "Nơi nhận:", a signature ("TL. CHỦ TỊCH"), a portal's trailer.
pub(super) fn closing(lines: &[&str], from: usize) -> usize {
    for (i, line) in lines.iter().enumerate().skip(from) {
        let trimmed = line.trim();
        let folded = fold(trimmed);
        let next = lines.get(i + 1).map(|l| fold(l)).unwrap_or_default();
        let formula = folded.contains("thong bao de")
            && (trimmed.contains("./.") || folded.contains("biet") || next.contains("biet"))
            && marker(trimmed).is_none();
        let signature =
            ["tm. ", "tl. ", "kt. ", "q. ", "tuq. "].iter().any(|p| folded.starts_with(p))
                && trimmed.chars().filter(|c| c.is_lowercase()).count() < 3;
        let trailer = ["noi nhan", "tin:", "ngay dang:", "nguon:", "tin bai:"]
            .iter()
            .any(|p| folded.starts_with(p));
        if formula || signature || trailer {
            return i;
        }
    }
    lines.len()
}

/// The body's lines joined into paragraphs. A line continues the one before unless a blank
/// line or a marker separates them, or the one before ended a sentence or a heading.
pub(super) fn paragraphs(lines: &[&str], from: usize, to: usize) -> Vec<Paragraph> {
    let body = &lines[from.min(to)..to];
    // Hard-wrapped text (≤ 100 columns, many lines near the width) joins a marked item's
    // lines even after a full stop; a notice with one paragraph a line never does.
    let width = body.iter().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
    let near_width = body.iter().filter(|l| l.trim_end().chars().count() * 10 >= width * 8).count();
    let wrapped = width <= 100 && near_width >= 5;
    let mut out: Vec<Paragraph> = Vec::new();
    let mut blank_before = true;
    let mut last_line_length = 0;
    for (offset, raw) in body.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
        // A name with a dash ("Đồng Đăng - Lạng Sơn") wrapped at its dash starts the next
        // line like an item: in wrapped text, after a full line that ended no sentence, it
        // is the sentence going on.
        let broken_dash = wrapped
            && line.starts_with(['-', '–'])
            && last_line_length * 100 >= width * 85
            && out.last().is_some_and(|p| !p.text.ends_with(['.', ';', ':', '!', '?']));
        let continues = match out.last() {
            None => false,
            Some(_) if blank_before => false,
            Some(_) if broken_dash => true,
            Some(_) if marker(line).is_some() => false,
            Some(_) if starts_lower => true,
            Some(previous) => {
                let ended = previous.text.ends_with(['.', ';', ':', '!', '?']);
                let long = last_line_length * 10 >= width * 7 && last_line_length >= 50;
                if ended {
                    wrapped
                        && long
                        && marker(&previous.text).is_some()
                        && last_line_length * 100 >= width * 85
                } else {
                    long
                }
            }
        };
        if continues && let Some(previous) = out.last_mut() {
            previous.text.push(' ');
            previous.text.push_str(&collapse(line));
        } else {
            out.push(Paragraph { text: collapse(line), line: from + offset + 1 });
        }
        last_line_length = raw.trim_end().chars().count();
        blank_before = false;
    }
    out
}

/// Runs of white space as one space.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The item marker a paragraph starts with, its kind, and the text after it.
pub(super) fn marker(text: &str) -> Option<(Marker, &str)> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let rest_after = |len: usize| text[len..].trim_start();
    // Dashes and bullets: "- ", "– ", "• ", "+ ".
    let symbol = match first {
        '-' | '–' | '—' | '−' => Some(Marker::Dash),
        '•' | '●' | '▪' | '◦' | '·' | '∙' | '*' | '➢' | '►' | '✓' => {
            Some(Marker::Bullet)
        }
        '+' => Some(Marker::Plus),
        _ => None,
    };
    if let Some(kind) = symbol {
        let after = &text[first.len_utf8()..];
        // "-10%" is no item; a dash must be followed by a space.
        return after.starts_with(char::is_whitespace).then(|| (kind, after.trim_start()));
    }
    let numbers = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
    // "1.1. ", "1.1 ", "2.10) ": a number, a dot, a number.
    let sub_end = text.find(char::is_whitespace).unwrap_or(text.len());
    let sub = text[..sub_end].trim_end_matches(['.', ')']);
    if let Some((a, b)) = sub.split_once('.')
        && numbers(a)
        && numbers(b)
        && !text[sub_end..].trim().is_empty()
    {
        return Some((Marker::Sub, text[sub_end..].trim_start()));
    }
    // "12. ", "3) ", "IV. ", "a) ", "b. ".
    let token_end = text.find(['.', ')'])?;
    let token = &text[..token_end];
    let after = &text[token_end + 1..];
    if !after.starts_with(char::is_whitespace) || after.trim().is_empty() {
        return None;
    }
    let kind = if numbers(token) {
        Marker::Arabic
    } else if !token.is_empty() && token.len() <= 5 && token.chars().all(|c| "IVX".contains(c)) {
        Marker::Roman
    } else if token.chars().count() == 1
        && token.chars().all(|c| c.is_ascii_lowercase() || c == 'đ')
    {
        Marker::Letter
    } else {
        return None;
    };
    Some((kind, rest_after(token_end + 1)))
}

/// Reads the meeting paragraph and the others before the directives (up to "… kết luận
/// như sau:"); returns the index of the first paragraph of the directives.
fn intro(paragraphs: &[Paragraph], names: &Names, notice: &mut Notice) -> usize {
    const INTRODUCES: &[&str] = &[
        "ket luan",
        "chi dao",
        "nhu sau",
        "sau:",
        "nhiem vu",
        "yeu cau",
        "noi dung",
        "de nghi",
        "thong nhat",
        "giao",
    ];
    let end = paragraphs.iter().position(|p| {
        let folded = fold(&p.text);
        p.text.ends_with(':')
            && marker(&p.text).is_none()
            && INTRODUCES.iter().any(|k| folded.contains(k))
    });
    // The meeting paragraph: someone "chủ trì" a meeting ("cuộc họp", "hội nghị", "buổi
    // làm việc"); an item ("- Giao Sở … chủ trì …") is none.
    const MEETINGS: &[&str] =
        &["chu tri cuoc", "chu tri hoi nghi", "chu tri buoi", "chu tri phien"];
    let meeting = paragraphs.iter().take(end.map_or(3, |e| e + 1)).position(|p| {
        let folded = fold(&p.text);
        marker(&p.text).is_none() && MEETINGS.iter().any(|m| folded.contains(m))
    });
    if let Some(m) = meeting {
        read_meeting(&paragraphs[m].text, names, notice);
    }
    if notice.date.is_none() {
        notice.date = date_in_title(&notice.title);
    }
    if notice.chair.is_none() {
        notice.chair = chair_in_title(&notice.title);
    }
    let Some(end) = end else {
        return meeting.map_or(0, |m| m + 1);
    };
    // The chair's remarks before the directives: "… đồng chí … nhận định: …".
    for paragraph in &paragraphs[..end] {
        for cue in ["nhận định:", "đánh giá:", "ghi nhận:"] {
            if let Some(at) = paragraph.text.find(cue) {
                let remarks = paragraph.text[at + cue.len()..].trim();
                notice.assessment.extend(split_points(remarks));
            }
        }
        if notice.reporting_body.is_none() {
            notice.reporting_body = reporting_body(&paragraph.text, names);
        }
    }
    end + 1
}

/// The date, chair and attendees from the meeting paragraph.
pub(super) fn read_meeting(text: &str, names: &Names, notice: &mut Notice) {
    let words = words(text);
    let presides =
        (0..words.len()).find(|&k| lower_at(&words, k, "chủ trì")).unwrap_or(words.len());
    // The date: "Ngày 19/8/2019", "Chiều ngày 24 tháng 10 năm 2019", before "chủ trì".
    // A document's date ("Quyết định số 25/QĐ-SCT ngày 16/01/2023") is not the meeting's.
    let of_a_document =
        |k: usize| k > 0 && (words[k - 1].text.contains('/') || words[k - 1].lower() == "số");
    notice.date = (0..presides).find_map(|k| {
        (words[k].lower() == "ngày" && !of_a_document(k))
            .then(|| dates::date_at(&words, k + 1, None))
            .flatten()
            .map(|(d, _)| d)
    });
    // The chair: after the last "đồng chí" before "chủ trì".
    let comrade = (0..presides).rev().find(|&k| lower_at(&words, k, "đồng chí"));
    let chair = match comrade {
        Some(k) => span(text, &words, k + 2, presides),
        // "Ngày 16/3/2020, Phó Chủ tịch UBND tỉnh Chu Thị Thanh chủ trì": after the date's
        // comma.
        None => match (0..presides).find(|&k| words[k].is(",")) {
            Some(comma) => span(text, &words, comma + 1, presides),
            None => "",
        },
    };
    let chair = chair.trim().trim_end_matches(',').trim();
    if !chair.is_empty() && presides < words.len() {
        notice.chair = Some(chair.to_owned());
    }
    // Who attended: "Tham dự cuộc họp có …; …; ….".
    for sentence in sentences(text) {
        let folded = fold(sentence);
        if (folded.starts_with("tham du")
            || folded.starts_with("cung du")
            || folded.starts_with("tham gia"))
            && let Some(at) = sentence.find(" có ")
        {
            notice.attendees = split_points(&sentence[at + " có ".len()..]);
        }
    }
    if notice.reporting_body.is_none() {
        notice.reporting_body = reporting_body(text, names);
    }
}

/// "Sau khi nghe Sở Công Thương báo cáo", "nghe báo cáo của Ban Quản lý …".
fn reporting_body(text: &str, names: &Names) -> Option<String> {
    let words = words(text);
    let hear = (0..words.len()).find(|&k| words[k].lower() == "nghe")?;
    let mut at = hear + 1;
    if lower_at(&words, at, "báo cáo của") {
        at += 3;
    }
    names.unit_at(text, &words, at).map(|found| found.unit.name)
}

/// "Kết luận của … tại cuộc họp ngày 05/9/2019 về …": the date in the title.
fn date_in_title(title: &str) -> Option<Date> {
    let words = words(title);
    (0..words.len()).find_map(|k| {
        let after_meeting = k > 0 && ["họp", "nghị", "việc"].contains(&words[k - 1].lower());
        (words[k].lower() == "ngày" && after_meeting)
            .then(|| dates::date_at(&words, k + 1, None))
            .flatten()
            .map(|(d, _)| d)
    })
}

/// "Kết luận của đồng chí X, Phó Chủ tịch UBND tỉnh tại …": the chair in the title.
fn chair_in_title(title: &str) -> Option<String> {
    let words = words(title);
    let comrade = (0..words.len()).find(|&k| lower_at(&words, k, "đồng chí"))?;
    let at = (comrade..words.len()).find(|&k| words[k].lower() == "tại")?;
    let chair = span(title, &words, comrade + 2, at).trim().trim_end_matches(',');
    // "đồng chí Giám đốc Sở" names an office, not a person: a chair needs a name.
    (!chair.is_empty() && chair.contains(',')).then(|| chair.to_owned())
}

/// Points of a list joined by `;`, each with a capital letter, without the final stop.
pub(super) fn split_points(text: &str) -> Vec<String> {
    split_outside_brackets(text, ';')
        .into_iter()
        .map(|p| capitalise(p.trim().trim_end_matches('.').trim()))
        .filter(|p| !p.is_empty())
        .collect()
}

/// `text` with its first letter in capital.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The parts of `text` between the `separator`s that stand outside brackets.
pub(super) fn split_outside_brackets(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            c if c == separator && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Abbreviations a full stop does not end a sentence after.
const ABBREVIATIONS: &[&str] =
    &["TP", "Tp", "TX", "TT", "ThS", "TS", "PGS", "GS", "Q", "P", "v.v", "Ths", "BS"];

/// The sentences of a paragraph: split at ". " before a capital, outside brackets.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            '.' | '!' | '?' if depth == 0 => {
                // The two characters after the stop (all three are one byte or more).
                let mut after = text[i + 1..].chars();
                let next_is_space = after.next().is_some_and(char::is_whitespace);
                let then_capital = after.next().is_some_and(char::is_uppercase);
                // The word before only where a sentence may end: looking back for it at
                // every stop of "1.1.1.1…" would read the line again for each.
                if next_is_space && then_capital && !abbreviation_before(&text[start..i]) {
                    out.push(text[start..=i].trim());
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Whether `before` (a sentence so far) ends with an abbreviation a full stop does not end
/// a sentence after.
fn abbreviation_before(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    ABBREVIATIONS.contains(&word)
}

/// A directive's text as the notice words it, without a closing `;` or `.`.
pub(super) fn directive_text(text: &str) -> String {
    let text = text.trim();
    let text = text.strip_suffix(';').or_else(|| text.strip_suffix('.')).unwrap_or(text);
    text.trim().to_owned()
}

/// How a Công văn's sentences that give no task begin: what it carries out or answers.
const CONTEXT: &[&str] = &[
    "thuc hien ",
    "can cu ",
    "xet de nghi",
    "xet bao cao",
    "theo de nghi",
    "tren co so ",
    "ngay ",
    "vua qua",
];

/// What a heading paragraph is.
#[derive(Clone, Debug)]
enum Heading {
    /// "II. NHIỆM VỤ THỜI GIAN TỚI" or "I. ĐÁNH GIÁ CHUNG": the section's kind (true for
    /// the directives).
    Section(bool),
    /// "1. Sở Tài nguyên và Môi trường:": the items under it are the unit's.
    Unit(Lead),
    /// "1. Về phát triển hạ tầng thương mại": no unit.
    Topic,
}

/// Section headings: an assessment, or the directives.
const ASSESSMENT_WORDS: &[&str] =
    &["danh gia", "ket qua", "tinh hinh", "ton tai", "han che", "thuc trang"];
const TASK_WORDS: &[&str] = &[
    "nhiem vu",
    "giai phap",
    "ket luan",
    "y kien",
    "chi dao",
    "phuong huong",
    "to chuc thuc hien",
    "de xuat",
    "kien nghi",
    "mot so",
];

/// Reads the directives, from the paragraph after the introduction to the closing.
fn read_tasks(paragraphs: &[Paragraph], names: &Names, notice: &mut Notice) {
    let mut in_assessment = false;
    // Marker kinds by depth, as the notice nests them (a Roman numeral is always outermost).
    let mut depths: Vec<Marker> = Vec::new();
    let mut headings: Vec<(usize, Heading)> = Vec::new();
    // Directives read from prose since the section started: the chair's remarks when an
    // introduction ("Thời gian tới, … các nhiệm vụ sau:") follows them.
    let mut section_start = notice.items.len();
    let mut only_prose = true;
    // Each paragraph's marker read once (it was read again as the one after the one before).
    let markers: Vec<Option<(Marker, &str)>> = paragraphs.iter().map(|p| marker(&p.text)).collect();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let marked = markers[index];
        let body = marked.map_or(paragraph.text.as_str(), |(_, rest)| rest);
        let next = markers.get(index + 1).copied().flatten().map(|(kind, _)| kind);
        let depth_of = |kind: Marker, depths: &[Marker]| -> usize {
            if kind == Marker::Roman {
                0
            } else {
                depths.iter().position(|k| *k == kind).map_or(depths.len() + 1, |p| p + 1)
            }
        };
        let depth = marked.map(|(kind, _)| depth_of(kind, &depths));
        // Whether the next paragraph is an item nested under this one: deeper in the
        // nesting seen so far, this paragraph's kind counted in if it is new.
        let deeper_follows = match (marked, next) {
            (Some((kind, _)), Some(next)) => {
                let mut nesting = depths.clone();
                if kind != Marker::Roman && !nesting.contains(&kind) {
                    nesting.push(kind);
                }
                depth_of(next, &nesting) > depth_of(kind, &nesting)
            }
            (None, Some(_)) => true,
            _ => false,
        };
        match heading(body, marked.map(|(k, _)| k), deeper_follows, names) {
            Some(Heading::Section(tasks)) => {
                in_assessment = !tasks;
                headings.clear();
                section_start = notice.items.len();
                only_prose = true;
                continue;
            }
            Some(heading) if !in_assessment => {
                let depth = depth.unwrap_or(0);
                if let Some((kind, _)) = marked
                    && kind != Marker::Roman
                    && !depths.contains(&kind)
                {
                    depths.push(kind);
                }
                headings.retain(|(d, _)| *d < depth);
                headings.push((depth, heading));
                continue;
            }
            _ => {}
        }
        if in_assessment {
            notice.assessment.push(directive_text(body));
            continue;
        }
        if body.ends_with(':') && marked.is_none() {
            // An introduction to the items. Prose read before it was the chair's remarks.
            if only_prose && notice.items.len() > section_start {
                let remarks = notice.items.split_off(section_start);
                notice.assessment.extend(remarks.into_iter().map(|item| item.text));
            }
            continue;
        }
        let unit_heading = |headings: &[(usize, Heading)]| {
            headings.iter().rev().find_map(|(_, h)| match h {
                Heading::Unit(lead) => Some(lead.clone()),
                _ => None,
            })
        };
        let meeting = notice.date.or(notice.issued_on);
        if let Some((kind, rest)) = marked {
            if kind != Marker::Roman && !depths.contains(&kind) {
                depths.push(kind);
            }
            let depth = depth_of(kind, &depths);
            headings.retain(|(d, _)| *d < depth);
            only_prose = false;
            // "6. Công an tỉnh: Chỉ đạo …": the unit, then its directive.
            let (inline, text) = inline_heading(rest, names).unwrap_or((None, rest));
            let heading = inline.or_else(|| unit_heading(&headings));
            let text = directive_text(text);
            if text.is_empty() {
                continue;
            }
            let fields = clause::fields(
                &text,
                names,
                Context { meeting, heading: heading.as_ref(), earlier: None },
            );
            notice.items.push(Item { text, fields, line: paragraph.line, doubtful: false });
        } else {
            let heading = unit_heading(&headings);
            // A Công văn or a leader's opinion gives a task in a few sentences: one that
            // names no unit goes on with the task before it ("… Trong quá trình thực hiện,
            // nếu có vướng mắc, báo cáo UBND tỉnh."); what it answers or carries out
            // ("Thực hiện …", "Xét đề nghị …") is no task.
            let letter = matches!(notice.kind.genre, Genre::Letter | Genre::Opinion);
            let paragraph_start = notice.items.len();
            for sentence in sentences(body) {
                if letter {
                    let folded = fold(sentence);
                    if CONTEXT.iter().any(|c| folded.starts_with(c)) {
                        continue;
                    }
                    let words = words(sentence);
                    if notice.items.len() > paragraph_start
                        && clause::own_lead(sentence, &words, names).is_none()
                        && let Some(last) = notice.items.last_mut()
                    {
                        last.text = format!("{}. {}", last.text, directive_text(sentence));
                        let context = Context { meeting, heading: heading.as_ref(), earlier: None };
                        last.fields = clause::fields(&last.text, names, context);
                        continue;
                    }
                }
                let mut earlier: Option<Lead> = None;
                for clause in split_outside_brackets(sentence, ';') {
                    let text = directive_text(clause);
                    if text.is_empty() {
                        continue;
                    }
                    let context =
                        Context { meeting, heading: heading.as_ref(), earlier: earlier.as_ref() };
                    let fields = clause::fields(&text, names, context);
                    if let Some(lead) = &fields.lead {
                        earlier = Some(lead.clone());
                    }
                    notice.items.push(Item { text, fields, line: paragraph.line, doubtful: false });
                }
            }
        }
    }
}

/// What `body` heads, if it is a heading: sections by their words, units by their name
/// (ending with ":" or with items under them), topics ("Về …") with items under them.
fn heading(
    body: &str,
    marked: Option<Marker>,
    deeper_follows: bool,
    names: &Names,
) -> Option<Heading> {
    let text = body.trim();
    if text.ends_with(['.', ';']) || text.chars().count() > 160 {
        return None;
    }
    let colon = text.ends_with(':');
    let bare = text.trim_end_matches(':').trim();
    let folded = fold(bare);
    // More than three letters, all capitals ("NHIỆM VỤ"): counted without collecting them,
    // and no further than the first small letter, as this runs for every line of a paste.
    let mut letters = 0;
    let mut all_capitals = true;
    for c in bare.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            all_capitals = false;
            break;
        }
        letters += 1;
    }
    let upper = all_capitals && letters > 3;
    let section_marker = matches!(marked, Some(Marker::Roman | Marker::Arabic) | None);
    let assessment = ASSESSMENT_WORDS.iter().any(|w| folded.starts_with(w))
        || (upper
            && ASSESSMENT_WORDS.iter().any(|w| folded.contains(w))
            && !TASK_WORDS.iter().any(|w| folded.contains(w)));
    let tasks = TASK_WORDS.iter().any(|w| folded.starts_with(w))
        || (upper && TASK_WORDS.iter().any(|w| folded.contains(w)));
    if section_marker && (marked.is_some() || upper) && !colon && (assessment || tasks) {
        return Some(Heading::Section(!assessment));
    }
    // A unit: "1. Sở Tài nguyên và Môi trường:", "1. Đối với Sở Kế hoạch và Đầu tư:",
    // "I. Sở Công Thương" (with items under it).
    // (A text that folds to no "doi…" has no "Đối với" to take off.)
    let unit_text = if folded.starts_with("doi") {
        strip_prefix_folded(bare, "doi voi ").unwrap_or(bare)
    } else {
        bare
    };
    // Only a line with a colon or items under it can head a unit: the others (most lines
    // of a paste) are not cut into words here.
    let words = if colon || deeper_follows { words(unit_text) } else { Vec::new() };
    if let Some(found) = names.unit_at(unit_text, &words, 0)
        && found.end == words.len()
    {
        let said = body.trim().to_owned();
        return Some(Heading::Unit(Lead { unit: found.unit, from: LeadFrom::Heading(said) }));
    }
    if upper && marked == Some(Marker::Roman) {
        return Some(Heading::Section(true));
    }
    let about = folded.starts_with("ve ");
    if marked.is_some() && (about || colon || (deeper_follows && !text.contains(','))) {
        return Some(Heading::Topic);
    }
    None
}

/// `text` without a leading `prefix` (given folded), compared without accents or case.
fn strip_prefix_folded<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let count = prefix.split_whitespace().count();
    // Only the first words are compared: cut where the word after them ends (words are
    // cut at spaces, so these are the text's own first words), not the whole text.
    let head_end = text
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && i > 0 && !text[..i].ends_with(char::is_whitespace))
        .nth(count)
        .map_or(text.len(), |(i, _)| i);
    let words = words(&text[..head_end]);
    let matches = prefix
        .split_whitespace()
        .enumerate()
        .all(|(i, p)| words.get(i).is_some_and(|w| w.folded() == p));
    (matches && words.len() > count).then(|| &text[words[count].start..])
}

/// "Công an tỉnh: Chỉ đạo …" → the unit and the directive's words.
fn inline_heading<'t>(text: &'t str, names: &Names) -> Option<(Option<Lead>, &'t str)> {
    let colon = text.find(':')?;
    let head = text[..colon].trim();
    let rest = text[colon + 1..].trim();
    let head = strip_prefix_folded(head, "doi voi ").unwrap_or(head);
    let words = words(head);
    let found = names.unit_at(head, &words, 0).filter(|f| f.end == words.len())?;
    (!rest.is_empty()).then(|| {
        let said = format!("{}:", text[..colon].trim());
        (Some(Lead { unit: found.unit, from: LeadFrom::Heading(said) }), rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_told_from_numbers_and_dashes_in_text() {
        assert_eq!(marker("1. Giao Sở").map(|m| m.0), Some(Marker::Arabic));
        assert_eq!(marker("IV. NHIỆM VỤ").map(|m| m.0), Some(Marker::Roman));
        assert_eq!(marker("b) Phối hợp").map(|m| m.0), Some(Marker::Letter));
        assert_eq!(marker("- Sở Công Thương").map(|m| m.0), Some(Marker::Dash));
        assert_eq!(marker("+ Chủ trì").map(|m| m.0), Some(Marker::Plus));
        assert_eq!(marker("• Giao").map(|m| m.0), Some(Marker::Bullet));
        assert_eq!(marker("1.2. Phối hợp").map(|m| m.0), Some(Marker::Sub));
        assert_eq!(marker("2.10) Phối hợp").map(|m| m.0), Some(Marker::Sub));
        assert_eq!(marker("1.000 tỷ đồng"), None);
        assert_eq!(marker("2019. Năm"), None);
        assert_eq!(marker("-10% so với"), None);
        assert_eq!(marker("Sở Công Thương chủ trì"), None);
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals_outside_brackets() {
        assert_eq!(
            sentences("Một là rà soát (xem Tp. Lạng Sơn. Hai) tiếp. Trong đó, tiếp tục; đẩy mạnh."),
            ["Một là rà soát (xem Tp. Lạng Sơn. Hai) tiếp.", "Trong đó, tiếp tục; đẩy mạnh."]
        );
    }

    #[test]
    fn wrapped_lines_join_into_paragraphs() {
        let text = "Sau khi nghe Sở Công Thương báo cáo và ý kiến của các đại biểu, đồng chí Phó\n\
                    Chủ tịch UBND tỉnh kết luận, giao nhiệm vụ như sau:\n\
                    1. Về phát triển hạ tầng thương mại\n\
                    + Giao Sở Công Thương chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Xây dựng\n\
                    rà soát, cập nhật phương án phát triển mạng lưới chợ, siêu thị, trung tâm\n\
                    thương mại; gửi Sở Kế hoạch và Đầu tư trước ngày 30/4/2021;\n\
                    + UBND thành phố Lạng Sơn chủ trì.";
        let lines: Vec<&str> = text.lines().collect();
        let paragraphs = paragraphs(&lines, 0, lines.len());
        let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:#?}");
        assert!(texts[0].ends_with("như sau:"));
        assert!(texts[2].contains("Sở Xây dựng rà soát"));
    }
}
