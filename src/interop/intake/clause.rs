//! The fields of one directive read from its words: who leads, who supports, by when, and
//! what is to be handed in — each with the notice's words it was read from, so the
//! official checking the proposal sees why.

use jiff::civil::Date;

use super::dates::{self, Deadline};
use super::units::{Named, Names, list_at};
use super::words::{Phrases, Word, length, lower_at, span, words};
use crate::model::followup::fold;

/// Where a directive's lead unit was read from.
#[derive(Clone, Debug, PartialEq)]
pub enum LeadFrom {
    /// The directive names it: "Giao Sở Công Thương chủ trì", "Đề nghị Cục Hải quan tỉnh".
    Stated(String),
    /// It is the clause's subject: "Công an tỉnh tăng cường …".
    Subject(String),
    /// The unit heading above the item: "1. Sở Tài nguyên và Môi trường:".
    Heading(String),
    /// An earlier clause of the same sentence named it.
    Earlier(String),
}

impl LeadFrom {
    /// The notice's words.
    pub fn words(&self) -> &str {
        match self {
            LeadFrom::Stated(w)
            | LeadFrom::Subject(w)
            | LeadFrom::Heading(w)
            | LeadFrom::Earlier(w) => w,
        }
    }
}

/// A directive's lead and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    pub unit: Named,
    pub from: LeadFrom,
}

/// Everything read from one directive's words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub lead: Option<Lead>,
    pub supporting: Vec<Named>,
    /// "phối hợp với Sở A, Sở B".
    pub supporting_words: Option<String>,
    pub deadline: Option<Deadline>,
    /// "thường xuyên", "định kỳ hằng tháng": standing work, no deadline.
    pub standing: Option<String>,
    /// "báo cáo UBND tỉnh", "trình UBND tỉnh xem xét, quyết định".
    pub output: Option<String>,
}

/// What a directive's fields may come from besides its own words.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The meeting's date: a deadline without a year is in its year.
    pub meeting: Option<Date>,
    /// The unit heading the item stands under.
    pub heading: Option<&'a Lead>,
    /// The lead of an earlier clause of the same sentence (prose only).
    pub earlier: Option<&'a Lead>,
}

/// The verbs that give a directive to the unit after them.
const GIVES: &[&str] = &["giao cho", "giao", "đề nghị", "yêu cầu"];
static GIVE_PHRASES: Phrases = Phrases::new(GIVES);

/// Reads the fields of a directive whose words are `text`.
pub fn fields(text: &str, names: &Names, context: Context) -> Fields {
    let words = words(text);
    let lead = own_lead(text, &words, names).or_else(|| context.heading.cloned()).or_else(|| {
        context.earlier.map(|earlier| Lead {
            unit: earlier.unit.clone(),
            from: LeadFrom::Earlier(earlier.from.words().to_owned()),
        })
    });
    let (mut supporting, supporting_words) = supporting(text, &words, names);
    if let Some(lead) = &lead {
        let lead_name = fold(&lead.unit.name);
        supporting.retain(|unit| fold(&unit.name) != lead_name);
    }
    let deadline = dates::deadline(text, &words, context.meeting);
    let standing = if deadline.is_none() { dates::standing(text, &words) } else { None };
    Fields {
        lead,
        supporting,
        supporting_words,
        deadline,
        standing,
        output: output(text, &words, names),
    }
}

/// Openings a clause's subject may follow: "Thời gian tới, các sở, ngành cần …".
const OPENINGS: &[&str] = &[
    "trong thời gian tới",
    "thời gian tới",
    "trước mắt",
    "trong đó",
    "đồng thời",
    "bên cạnh đó",
    "ngoài ra",
    "về lâu dài",
    "cùng với đó",
];
static OPENING_PHRASES: Phrases = Phrases::new(OPENINGS);

/// Who gives a task in a Công văn or a report ("UBND tỉnh yêu cầu Sở X …", "Chủ tịch UBND
/// tỉnh giao …", "đồng chí Phó Chủ tịch đề nghị …"): the unit after their verb leads.
const ISSUERS: &[&str] =
    &["ubnd tỉnh", "chủ tịch", "đồng chí", "giám đốc", "lãnh đạo", "ủy ban nhân dân tỉnh"];
static ISSUER_PHRASES: Phrases = Phrases::new(ISSUERS);

/// The lead a clause names itself: "Giao X …" or "X chủ trì" or its subject at the start;
/// ", giao X …" later in the sentence; "X chủ trì" anywhere; the one the issuer gives the
/// task to ("UBND tỉnh yêu cầu Sở X …").
pub fn own_lead(text: &str, words: &[Word], names: &Names) -> Option<Lead> {
    // After an opening ("Thời gian tới, …"), then at the start: "Giao X", "Đề nghị X", or
    // the subject.
    let opening = OPENING_PHRASES
        .lower_at(words, 0)
        .map(length)
        .filter(|&n| words.get(n).is_some_and(|w| w.is(",")))
        .map_or(0, |n| n + 1);
    let gives = GIVE_PHRASES.lower_at(words, opening).map(length);
    let at = opening + gives.unwrap_or(0);
    if let Some(found) = names.unit_at(text, words, at) {
        // A unit alone, with nothing after it, is a heading's words, not a subject.
        if found.end < words.len() && !words[found.end].is(":") {
            // "UBND tỉnh yêu cầu Sở X …": the province, the subject, gives the task to its
            // object (a unit that "đề nghị UBND tỉnh …" leads itself).
            if gives.is_none()
                && fold(&found.unit.name) == "ubnd tinh"
                && let Some(object) = given_to(text, words, names, found.end)
            {
                return Some(object);
            }
            let mut end = found.end;
            if lower_at(words, end, "chủ trì") {
                end += 2;
            }
            let said = span(text, words, opening, end).to_owned();
            let from = if gives.is_some() || end > found.end {
                LeadFrom::Stated(said)
            } else {
                LeadFrom::Subject(said)
            };
            return Some(Lead { unit: found.unit, from });
        }
    }
    // Later: ", giao Sở KH&ĐT chủ trì", ", đề nghị …".
    for k in 1..words.len() {
        if !words[k - 1].is(",") && !words[k - 1].is(";") {
            continue;
        }
        if let Some(give) = GIVE_PHRASES.lower_at(words, k)
            && let Some(found) = names.unit_at(text, words, k + length(give))
        {
            let end = found.end + if lower_at(words, found.end, "chủ trì") { 2 } else { 0 };
            return Some(Lead {
                unit: found.unit,
                from: LeadFrom::Stated(span(text, words, k, end).to_owned()),
            });
        }
    }
    // "X chủ trì" anywhere.
    for k in 1..words.len() {
        if !lower_at(words, k, "chủ trì") {
            continue;
        }
        let found = (k.saturating_sub(16)..k).find_map(|start| {
            names.unit_at(text, words, start).filter(|f| f.end == k).map(|f| (start, f))
        });
        if let Some((start, found)) = found {
            return Some(Lead {
                unit: found.unit,
                from: LeadFrom::Stated(span(text, words, start, k + 2).to_owned()),
            });
        }
    }
    // "Chủ tịch UBND tỉnh giao Sở X …", "đồng chí Phó Chủ tịch đề nghị các sở …": the
    // issuer named in the few words before the verb.
    // The issuer is looked for once a word, not again for each of the twelve verbs after it
    // (that was most of the time on a long clause of brackets).
    let mut last_issuer: Option<usize> = None;
    for k in 1..words.len() {
        if ISSUER_PHRASES.lower_at(words, k - 1).is_some() {
            last_issuer = Some(k - 1);
        }
        let issuer = last_issuer.is_some_and(|i| i + 12 >= k);
        if issuer && let Some(object) = given_to(text, words, names, k) {
            return Some(object);
        }
    }
    None
}

/// The unit a task is given to by the verb at word `at` ("yêu cầu Sở X", "giao UBND huyện
/// Y"), if a verb of giving and a unit are there.
fn given_to(text: &str, words: &[Word], names: &Names, at: usize) -> Option<Lead> {
    let give = GIVE_PHRASES.lower_at(words, at)?;
    let mut object = at + length(give);
    // "giao cho", "yêu cầu các …": a "cho" may come between.
    if lower_at(words, object, "cho") {
        object += 1;
    }
    let found = names.unit_at(text, words, object)?;
    // A unit alone after the verb, with nothing it is to do, is no task given.
    if found.end >= words.len() {
        return None;
    }
    let end = found.end + if lower_at(words, found.end, "chủ trì") { 2 } else { 0 };
    Some(Lead { unit: found.unit, from: LeadFrom::Stated(span(text, words, at, end).to_owned()) })
}

/// The units after each "phối hợp (chặt chẽ) (với)", and the words they were read from.
fn supporting(text: &str, words: &[Word], names: &Names) -> (Vec<Named>, Option<String>) {
    let mut units: Vec<Named> = Vec::new();
    let mut said: Vec<&str> = Vec::new();
    for k in 0..words.len() {
        if !lower_at(words, k, "phối hợp") {
            continue;
        }
        let mut at = k + 2;
        if lower_at(words, at, "chặt chẽ") {
            at += 2;
        }
        if lower_at(words, at, "cùng với") {
            at += 2;
        } else if lower_at(words, at, "với") || lower_at(words, at, "cùng") {
            at += 1;
        }
        let (found, end) = list_at(names, text, words, at);
        if found.is_empty() {
            continue;
        }
        said.push(span(text, words, k, end));
        for unit in found {
            if !units.iter().any(|u| fold(&u.name) == fold(&unit.name)) {
                units.push(unit);
            }
        }
    }
    let said = (!said.is_empty()).then(|| said.join(" … "));
    (units, said)
}

/// Words before "trình" that make it part of another word ("chương trình", "công trình").
const NOT_SUBMIT: &[&str] = &[
    "quy", "chương", "công", "lộ", "hành", "tờ", "giáo", "biểu", "tiến", "lịch", "phương", "trình",
];

/// What a directive is to hand in: "báo cáo UBND tỉnh", "trình UBND tỉnh xem xét, quyết
/// định", "gửi Sở Kế hoạch và Đầu tư".
fn output(text: &str, words: &[Word], names: &Names) -> Option<String> {
    for k in 0..words.len() {
        let verb = if lower_at(words, k, "báo cáo") {
            2
        } else if (lower_at(words, k, "trình") || lower_at(words, k, "gửi"))
            && !(k > 0 && NOT_SUBMIT.contains(&words[k - 1].lower()))
        {
            1
        } else {
            continue;
        };
        let mut at = k + verb;
        loop {
            let filler =
                ["kết quả thực hiện", "kết quả", "tiến độ", "tình hình", "về", "lên", "cho"]
                    .iter()
                    .find(|f| lower_at(words, at, f));
            match filler {
                Some(f) => at += length(f),
                None => break,
            }
        }
        let end = match names.unit_at(text, words, at) {
            Some(found) => found.end,
            None => match person_end(words, at) {
                Some(end) => end,
                None => continue,
            },
        };
        let mut end = end;
        if lower_at(words, end, "xem xét") {
            end += 2;
            if words.get(end).is_some_and(|w| w.is(",")) && lower_at(words, end + 1, "quyết định")
            {
                end += 3;
            }
        } else if lower_at(words, end, "phê duyệt") || lower_at(words, end, "quyết định") {
            end += 2;
        }
        let said = span(text, words, k, end);
        let mut chars = said.chars();
        return chars.next().map(|first| first.to_uppercase().chain(chars).collect());
    }
    None
}

/// A person a report goes to: "đồng chí Phó Chủ tịch UBND tỉnh", "Lãnh đạo Sở", "Thủ
/// tướng Chính phủ"; the word after.
fn person_end(words: &[Word], at: usize) -> Option<usize> {
    const PEOPLE: &[&str] = &[
        "đồng chí",
        "lãnh đạo",
        "giám đốc",
        "trưởng",
        "thủ tướng",
        "chủ tịch",
        "phó chủ tịch",
        "bộ",
    ];
    let person = PEOPLE.iter().find(|p| lower_at(words, at, p))?;
    let mut end = at + length(person);
    while let Some(word) = words.get(end) {
        if word.is_mark()
            || (word.lowercase()
                && super::units::ENDS_A_NAME.iter().any(|p| lower_at(words, end, p)))
        {
            break;
        }
        end += 1;
        if end - at > 10 {
            break;
        }
    }
    (end > at + length(person)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Fields {
        fields(
            text,
            &Names::builtin(),
            Context { meeting: "2019-08-19".parse().ok(), ..Context::default() },
        )
    }

    fn lead(text: &str) -> Option<String> {
        read(text).lead.map(|l| l.unit.name)
    }

    #[test]
    fn the_lead_is_given_stated_or_the_subject() {
        assert_eq!(
            lead("Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát").as_deref(),
            Some("Sở Công Thương")
        );
        assert_eq!(
            lead("Công an tỉnh tăng cường công tác nắm tình hình").as_deref(),
            Some("Công an tỉnh")
        );
        assert_eq!(
            lead("Đề nghị Cục Hải quan tỉnh bố trí đủ công chức").as_deref(),
            Some("Cục Hải quan tỉnh")
        );
        assert_eq!(
            lead("Đối với 07 dự án chậm tiến độ (chi tiết tại Phụ lục kèm theo), giao Sở KH&ĐT chủ trì tham mưu").as_deref(),
            Some("Sở Kế hoạch và Đầu tư")
        );
        assert_eq!(lead("Chủ trì, phối hợp với Sở Tài chính tham mưu"), None);
        assert_eq!(lead("Trong đó, tiếp tục tập trung hoàn thiện hạ tầng"), None);
    }

    #[test]
    fn supporting_units_follow_phối_hợp_and_stop_at_the_verb() {
        let fields = read(
            "Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư và Sở Công Thương tham mưu cân đối; báo cáo UBND tỉnh trước ngày 15 tháng 10 năm 2019",
        );
        let names: Vec<&str> = fields.supporting.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Sở Kế hoạch và Đầu tư", "Sở Công Thương"]);
        assert_eq!(fields.deadline.map(|d| d.date.to_string()).as_deref(), Some("2019-10-15"));
        assert_eq!(fields.output.as_deref(), Some("Báo cáo UBND tỉnh"));
    }

    #[test]
    fn units_a_report_goes_to_are_not_supporting() {
        let fields = read(
            "Sở Công Thương chủ trì tổ chức hội nghị; báo cáo UBND tỉnh (qua Sở Kế hoạch và Đầu tư)",
        );
        assert!(fields.supporting.is_empty());
    }
}
