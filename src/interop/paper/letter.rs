//! The follow-up letter (Công văn đôn đốc) to one lead unit, in the layout of Nghị định
//! 30/2020: the file's letterhead with `Số: …/SCT-VP` and under it the subject `V/v đôn
//! đốc thực hiện kết luận …`, `Kính gửi: <the unit>`, a paragraph naming the meeting and
//! its conclusion, the unit's unfinished directives as a table (overdue first: text,
//! deadline, status in the follow-up words, the last progress note), the directives it
//! supports listed apart, the request to report by the reply date, `Nơi nhận` and the
//! signature. It is an [`OfficialReport`] without a kind line, so the PDF (PDF/A-2a,
//! tagged) and the Word file are drawn by the same code as the report's.

use jiff::civil::Date;

use super::ExportError;
use super::layout::{Align, Cell, Column, Table};
use super::official::{self, OfficialReport, Piece};
use crate::format;
use crate::i18n::{Lang, fill};
use crate::interop::chase::UnitWork;
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive, Meeting};

/// What a letter needs besides the unit's work.
#[derive(Clone, Copy, Debug)]
pub struct LetterOptions<'a> {
    pub meeting: &'a Meeting,
    /// The day the letter is dated and statuses are computed on.
    pub today: Date,
    /// The day the unit is asked to report by.
    pub reply_by: Date,
}

/// The letter to `work.unit`, in the words of `lang`.
pub fn build(
    dataset: &Dataset,
    work: &UnitWork<'_>,
    options: &LetterOptions<'_>,
    lang: Lang,
) -> OfficialReport {
    let t = &lang.strings().chase;
    let o = &lang.strings().official;
    let letterhead = dataset.letterhead_or_default();
    let issuer = letterhead.issuing_body.trim().to_owned();
    let unit = work.unit.name.trim();
    let meeting = options.meeting;
    let date = format::date(meeting.date);
    let place = letterhead.place.trim();
    let place_date = if place.is_empty() {
        official::capitalised(&official::written_date(options.today, lang))
    } else {
        official::fill_boxed(&o.place_date, &official::date_args(options.today, lang, place))
    };
    // The issuer's own abbreviation and its office as drafter: "…/SCT-VP".
    let abbreviation = letterhead
        .symbol
        .rsplit('-')
        .next()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or("SCT")
        .trim()
        .to_owned();
    let number = match letterhead.number {
        Some(n) => format!("{n:02}/{abbreviation}-{}", t.drafter),
        None => format!("\u{2007}\u{2007}\u{2007}\u{2007}/{abbreviation}-{}", t.drafter),
    };
    let chair = meeting.chair.trim();
    let overdue = work.overdue(options.today);
    let counts = if overdue == 0 { &t.counts_none_overdue } else { &t.counts };
    let counts = fill(counts, &[("count", &work.led.len()), ("overdue", &overdue)]);
    // Inside a sentence a plural unit is written in lower case: "đề nghị các doanh nghiệp
    // …", not "đề nghị Các doanh nghiệp …"; it keeps its capital where it leads a line.
    let unit_within = within_sentence(unit);
    let args: [(&str, &dyn std::fmt::Display); 6] = [
        ("chair", &chair),
        ("title", &meeting.title.trim()),
        ("date", &date),
        ("issuer", &issuer),
        ("unit", &unit_within),
        ("counts", &counts),
    ];
    let intro = if chair.is_empty() { &t.intro_no_chair } else { &t.intro };
    let mut body = vec![Piece::Paragraph(fill(intro, &args))];
    body.push(Piece::Heading { level: 2, text: t.heading_led.clone() });
    body.push(Piece::Table(directive_table(dataset, &work.led, false, options.today, lang)));
    if !work.supported.is_empty() {
        body.push(Piece::Heading { level: 2, text: t.heading_supported.clone() });
        body.push(Piece::Paragraph(fill(&t.supported_intro, &[("unit", &unit)])));
        body.push(Piece::Table(directive_table(
            dataset,
            &work.supported,
            true,
            options.today,
            lang,
        )));
    }
    let reply = format::date(options.reply_by);
    body.push(Piece::Paragraph(fill(
        &t.request,
        &[("unit", &unit_within), ("issuer", &issuer), ("date", &reply)],
    )));
    let closing = fill(&t.closing, &[("issuer", &issuer), ("unit", &unit_within)]);
    body.push(Piece::Paragraph(closing));
    let mut recipients = letterhead.clone();
    // "Như trên" stands for the addressee; the letter goes to the unit, not upwards.
    if !recipients.recipients.iter().any(|r| fold_eq(r, &o_like_above(lang))) {
        recipients.recipients.insert(0, o_like_above(lang));
    }
    OfficialReport {
        title: fill(&t.letter_title, &[("unit", &unit)]),
        lang,
        parent_body: letterhead.parent_body.to_uppercase(),
        issuing_body: letterhead.issuing_body.to_uppercase(),
        number: fill(&o.number, &[("number", &number)]),
        reference: Some(fill(&t.reference, &args)),
        nation: o.nation.clone(),
        motto: o.motto.clone(),
        place_date,
        kind: String::new(),
        subject: String::new(),
        addressee: Some(fill(&o.addressee, &[("addressee", &unit)])),
        body,
        recipients_title: o.recipients.clone(),
        recipients: official::recipient_lines(&recipients),
        authority: [&letterhead.signer_authority, &letterhead.signer_title]
            .into_iter()
            .map(|line| line.trim().to_uppercase())
            .filter(|line| !line.is_empty())
            .collect(),
        signer: letterhead.signer_name.trim().to_owned(),
        appendix: None,
        landscape_appendix: false,
    }
}

/// "Như trên" / "As above": the recipients' line standing for the addressee.
fn o_like_above(lang: Lang) -> String {
    lang.strings().chase.as_above.clone()
}

fn fold_eq(a: &str, b: &str) -> bool {
    let clean = |s: &str| {
        crate::model::fold::fold(
            s.trim().trim_start_matches('-').trim_end_matches([';', '.']).trim(),
        )
    };
    clean(a) == clean(b)
}

/// The table of directives: number, text (with its lead unit when the unit only supports
/// it), deadline, status in the follow-up words, the last progress note.
fn directive_table(
    dataset: &Dataset,
    directives: &[&Directive],
    with_lead: bool,
    today: Date,
    lang: Lang,
) -> Table {
    let t = &lang.strings().chase;
    let o = &lang.strings().official;
    let rows = directives
        .iter()
        .enumerate()
        .map(|(index, directive)| {
            let status = DirectiveStatus::of_directive(directive, today);
            let status = official::capitalised(official::status_words(status, lang));
            let note = directive.progress.iter().max_by_key(|note| note.date).map_or_else(
                || t.no_progress.clone(),
                |note| format!("{}: {}", format::date(note.date), note.text),
            );
            let mut text = directive.text.clone();
            if with_lead && let Some(lead) = directive.lead_unit.and_then(|id| dataset.unit(id)) {
                text.push_str(&format!("\n({})", fill(&t.led_by, &[("unit", &lead.name)])));
            }
            vec![
                Cell::from((index + 1).to_string()),
                Cell::from(text),
                Cell::from(directive.deadline.map_or_else(|| o.none.clone(), format::date)),
                Cell::from(status),
                Cell::from(note),
            ]
        })
        .collect();
    official::official_table(
        vec![
            Column::new(&o.col_number, 0.6, Align::Center),
            Column::new(&o.col_text, 4.0, Align::Left),
            Column::new(&o.col_deadline, 1.3, Align::Center),
            Column::new(&t.col_status, 1.6, Align::Left),
            Column::new(&t.col_progress, 2.4, Align::Left),
        ],
        rows,
    )
}

/// The letter as the bytes of a tagged PDF/A-2a file.
pub fn pdf(letter: &OfficialReport, today: Date) -> Result<Vec<u8>, ExportError> {
    let (pages, blocks) = letter.lay_out();
    let properties =
        super::pdf::Properties { title: &letter.title, made: Some(today), lang: letter.lang };
    super::pdf::pages(&pages, &blocks, &properties)
}

/// The letter as the bytes of a Word (.docx) file.
pub fn docx(letter: &OfficialReport) -> Result<Vec<u8>, ExportError> {
    super::docx::write(letter)
}

/// A unit's name as written inside a sentence: a plural that starts with "Các" or "Những"
/// ("Các sở, ngành liên quan") takes a small letter; a proper name ("Sở Công Thương", "UBND
/// huyện Lộc Bình") is left as it is.
pub fn within_sentence(unit: &str) -> String {
    for plural in ["Các ", "Những "] {
        if let Some(rest) = unit.strip_prefix(plural) {
            return format!("{}{rest}", plural.to_lowercase());
        }
    }
    unit.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;
    use jiff::civil::date;

    /// "Đề nghị các doanh nghiệp …" in the sentences, "Kính gửi: Các doanh nghiệp …" on
    /// its line; no count of zero overdue directives.
    #[test]
    fn a_plural_unit_is_small_inside_a_sentence_and_zero_overdue_is_not_counted() {
        let data = builtin::dataset();
        let today = date(2019, 10, 1);
        let work = crate::interop::chase::open_work(&data, None, today);
        let firms = work.iter().find(|w| w.unit.name.starts_with("Các doanh nghiệp")).unwrap();
        assert_eq!(firms.overdue(today), 0);
        let meeting = data.latest_meeting().unwrap();
        let options = LetterOptions { meeting, today, reply_by: date(2019, 10, 15) };
        let letter = build(&data, firms, &options, Lang::Vi);
        assert!(letter.addressee.as_deref().unwrap().starts_with("Kính gửi: Các doanh nghiệp"));
        let text: Vec<String> = letter
            .body
            .iter()
            .filter_map(|piece| match piece {
                Piece::Paragraph(text) => Some(text.clone()),
                _ => None,
            })
            .collect();
        let text = text.join("\n");
        assert!(text.contains("đề nghị các doanh nghiệp đang sản xuất"), "{text}");
        assert!(text.contains("Đề nghị các doanh nghiệp đang sản xuất"), "{text}");
        assert!(!text.contains("Các doanh nghiệp"), "{text}");
        assert!(text.contains("(1 nhiệm vụ, chưa nhiệm vụ nào quá hạn)"), "{text}");
        assert!(!text.contains(" 0 nhiệm vụ"), "{text}");
        assert_eq!(within_sentence("Sở Công Thương"), "Sở Công Thương");
        assert_eq!(within_sentence("Những hộ kinh doanh"), "những hộ kinh doanh");
    }

    #[test]
    fn the_letter_names_the_unit_the_meeting_and_the_reply_date() {
        let mut data = builtin::dataset();
        let today = date(2019, 10, 1);
        let lead = data.units[0].id;
        data.directives[0].lead_unit = Some(lead);
        data.directives[0].deadline = Some(date(2019, 9, 1));
        data.directives[1].supporting_units = vec![lead];
        let work = crate::interop::chase::open_work(&data, None, today);
        let work = work.iter().find(|w| w.unit.id == lead).unwrap();
        let meeting = data.latest_meeting().unwrap();
        let options = LetterOptions { meeting, today, reply_by: date(2019, 10, 15) };
        let letter = build(&data, work, &options, Lang::Vi);
        assert_eq!(letter.addressee.as_deref(), Some("Kính gửi: Sở Công Thương."));
        assert!(letter.number.starts_with("Số: ") && letter.number.ends_with("/SCT-VP"));
        let reference = letter.reference.as_deref().unwrap();
        assert!(reference.starts_with("V/v đôn đốc thực hiện kết luận"), "{reference}");
        assert!(reference.contains("15/07/2019"), "{reference}");
        let texts: Vec<&str> = letter
            .body
            .iter()
            .filter_map(|p| match p {
                Piece::Paragraph(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert!(texts.iter().any(|t| t.contains("trước ngày 15/10/2019")), "{texts:?}");
        let tables = letter.body.iter().filter(|p| matches!(p, Piece::Table(_))).count();
        assert_eq!(tables, 2, "what it leads, then what it supports");
        assert!(
            letter
                .body
                .iter()
                .any(|p| matches!(p, Piece::Heading { text, .. } if text.contains("phối hợp")))
        );
    }
}
