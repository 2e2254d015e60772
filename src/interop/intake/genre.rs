//! What kind of text was given: an official notice (Thông báo kết luận), a Công văn that
//! passes a conclusion on, a leader's opinion announced ("Chủ tịch UBND tỉnh có ý kiến chỉ
//! đạo …"), or a newspaper's report of a meeting — and how sure the reader is of it.
//!
//! The kind decides what is read as a directive: everything a notice lists, but of a report
//! only what the chair concluded or directed (the situation, the figures, the discussion,
//! the assessment, the captions and the byline are none). Each kind is told by landmarks
//! its texts have and the others lack; a text with landmarks of none reads as a notice.

use serde::Serialize;

use crate::model::followup::fold;

/// The kinds of text the reader tells apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// A conclusion notice: "THÔNG BÁO", its number "…/TB-…", the office's closing formula.
    #[default]
    Notice,
    /// A Công văn: "V/v …", "Kính gửi: …", a number "…/UBND-KT".
    Letter,
    /// A leader's opinion announced: "… có ý kiến chỉ đạo như sau: …".
    Opinion,
    /// A newspaper's or portal's report of a meeting: a dateline, "chiều nay (15/7)",
    /// captions, a byline.
    Report,
}

/// The kind a text was taken for, and whether the landmarks left no doubt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kind {
    pub genre: Genre,
    /// The landmarks of one kind only, or clearly more of it than of any other.
    pub sure: bool,
}

/// The kind of the text whose lines are `lines`.
pub fn of(lines: &[&str]) -> Kind {
    let folded: Vec<String> = lines.iter().take(400).map(|l| fold(l.trim())).collect();
    let head = &folded[..folded.len().min(40)];
    let mut notice = 0;
    let mut letter = 0;
    let mut opinion = 0;
    let mut report = 0;
    if head.iter().any(|l| l == "thong bao") {
        notice += 3;
    }
    if head.iter().any(|l| l.starts_with("so") && l.contains("/tb-")) {
        notice += 3;
    }
    if folded.iter().any(|l| l.contains("thong bao de") && l.contains("biet")) {
        notice += 3;
    }
    if head.iter().any(|l| l.starts_with("v/v") || l.starts_with("ve viec ")) {
        letter += 3;
    }
    if head.iter().any(|l| l.starts_with("kinh gui")) {
        letter += 3;
    }
    if head.iter().any(|l| l.starts_with("so") && l.contains("/ubnd-")) {
        letter += 2;
    }
    if folded
        .iter()
        .take(60)
        .any(|l| l.contains("co y kien chi dao") || l.contains("y kien chi dao nhu sau"))
    {
        opinion += 3;
    }
    // A report: the agency's dateline ("LSO-Chiều nay …"), a day said from the day of
    // writing ("chiều nay (15/7)", "sáng nay"), captions, a byline.
    let first_paragraph = folded.iter().find(|l| l.len() > 120).map(String::as_str).unwrap_or("");
    if ["chieu nay", "sang nay", "hom nay", "toi nay", "chieu qua", "sang qua", "hom qua"]
        .iter()
        .any(|w| first_paragraph.contains(w))
    {
        report += 3;
    }
    if byline(lines).is_some() {
        report += 2;
    }
    if folded.iter().any(|l| is_caption(l)) {
        report += 1;
    }
    if folded.iter().any(|l| l.starts_with("theo bao cao cua") || l.starts_with("tai cuoc hop")) {
        report += 1;
    }
    let scores = [
        (Genre::Notice, notice),
        (Genre::Letter, letter),
        (Genre::Opinion, opinion),
        (Genre::Report, report),
    ];
    let (genre, best) = scores.iter().copied().max_by_key(|(_, s)| *s).unwrap_or_default();
    if best == 0 {
        return Kind { genre: Genre::Notice, sure: false };
    }
    // A notice's landmarks win over the others' (a portal prints a notice with its
    // dateline): a report is one only when nothing marks a notice.
    if notice > 0 && genre != Genre::Notice && (genre == Genre::Report || notice >= best) {
        return Kind { genre: Genre::Notice, sure: notice >= 3 };
    }
    let second = scores.iter().filter(|(g, _)| *g != genre).map(|(_, s)| *s).max().unwrap_or(0);
    Kind { genre, sure: best >= 3 && best >= second + 3 }
}

/// "Văn bản này giống bài báo: chỉ lấy các ý kết luận, chỉ đạo (khá chắc chắn)": what a
/// text that is no notice was taken for, and how sure; `None` for a notice.
pub fn described(kind: Kind, lang: crate::i18n::Lang) -> Option<String> {
    let t = &lang.strings().intake;
    let what = match kind.genre {
        Genre::Notice => return None,
        Genre::Letter => &t.kind_letter,
        Genre::Opinion => &t.kind_opinion,
        Genre::Report => &t.kind_report,
    };
    let sure = if kind.sure { &t.kind_sure } else { &t.kind_unsure };
    Some(format!("{what}{sure}"))
}

/// A report's byline: its last line, a name in capitals ("TRÍ DŨNG"), the line's index.
pub fn byline(lines: &[&str]) -> Option<usize> {
    let (at, last) = lines.iter().enumerate().rev().find(|(_, l)| !l.trim().is_empty())?;
    let last = last.trim();
    // A name of at most five words: looked at first, as the last line may be the whole
    // paste.
    if last.len() > 200 || last.split_whitespace().nth(5).is_some() {
        return None;
    }
    let letters: Vec<char> = last.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    (capitals && !last.chars().any(|c| c.is_ascii_digit())).then_some(at)
}

/// Whether a folded line is a photo's caption: someone "phát biểu" or an "Ảnh:", with no
/// full stop ending it.
pub fn is_caption(folded: &str) -> bool {
    let ends_sentence = folded.ends_with(['.', ';', ':', '!', '?', '…']);
    let short = folded.chars().count() <= 200;
    short
        && !ends_sentence
        && (folded.contains(" phat bieu") || folded.starts_with("anh:") || folded.contains("(anh"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Kind {
        of(&text.lines().collect::<Vec<_>>())
    }

    #[test]
    fn a_notice_a_letter_and_a_report_are_told_apart() {
        let notice = kind("ỦY BAN NHÂN DÂN\nSố: 215/TB-UBND\n\nTHÔNG BÁO\nKết luận của …\n");
        assert_eq!(notice, Kind { genre: Genre::Notice, sure: true });
        let letter = kind("Số: 1234/UBND-KT\nV/v triển khai kết luận\nKính gửi: Sở Công Thương\n");
        assert_eq!(letter, Kind { genre: Genre::Letter, sure: true });
        let report = kind(&format!(
            "UBND tỉnh họp về công nghiệp\n\nLSO-Chiều nay (15/7), đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về tình hình {}.\n\nTRÍ DŨNG",
            "sản xuất ".repeat(10)
        ));
        assert_eq!(report, Kind { genre: Genre::Report, sure: true });
        // Nothing to tell by: read as a notice, not sure.
        assert_eq!(
            kind("- Giao Sở Công Thương chủ trì.\n"),
            Kind { genre: Genre::Notice, sure: false }
        );
    }
}
