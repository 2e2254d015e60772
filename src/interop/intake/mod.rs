//! From a conclusion notice (Thông báo kết luận) to directives in the checklist.
//!
//! The chair's conclusions arrive as a notice — a Word file, a PDF, or text pasted from
//! the office's portal — and each of its ten or twenty tasks names the unit that leads,
//! those that support, and a deadline. This module reads the notice and proposes the
//! meeting and the directives; the official checks the proposal before anything changes.
//!
//! - [`source`] turns a file (`.txt`, `.docx`, a PDF with text) into text, refusing what
//!   is not a notice with a message that says why;
//! - [`genre`] tells what kind of text it is: a notice, a Công văn, a leader's opinion,
//!   a newspaper's report (of which only the chair's conclusions are directives);
//! - [`notice`] reads the text's structure: header, meeting, assessment, items, closing
//!   (`report` that of a report: headline, lead, the conclusions);
//! - [`clause`] reads one directive's fields, [`units`] the units it names, [`dates`] its
//!   deadline;
//! - [`proposal`] matches what was read against the file (its units, its meetings, the
//!   directives already there) and makes the one undoable edit that adds it.

pub mod clause;
pub mod dates;
mod docx;
pub mod error;
pub mod genre;
pub mod notice;
mod pdf;
pub mod proposal;
mod report;
pub mod source;
pub mod units;
pub mod words;

use serde::Serialize;

pub use notice::{Item, Notice};
pub use proposal::Proposal;
pub use source::{IntakeError, MAX_TEXT_BYTES};
pub use units::Names;

use crate::model::Dataset;

/// Reads the notice in `text` (any line ends, any Unicode form), knowing the units of
/// `dataset` by their names.
pub fn read(text: &str, dataset: &Dataset) -> Notice {
    let mut names = Names::builtin();
    names.add_file_units(dataset.units.iter().map(|u| u.name.as_str()));
    let text = prepare(text);
    let lines: Vec<&str> = text.lines().collect();
    let kind = genre::of(&lines);
    if kind.genre == genre::Genre::Report {
        // A news report of a meeting: only what the chair concluded is read.
        let mut notice = Notice { kind, ..Notice::default() };
        report::read(&lines, &names, &mut notice);
        return notice;
    }
    notice::read(&text, &names, kind)
}

/// `text` made ready to read: NFC, `\n` line ends, tabs and unusual spaces as spaces,
/// invisible characters (zero-width spaces, soft hyphens, byte-order marks) and control
/// characters gone.
pub fn prepare(text: &str) -> String {
    let mut text = text.to_owned();
    crate::model::tidy(&mut text);
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' => Some(' '),
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => None,
            c => Some(c),
        })
        .collect()
}

/// What `industry-desk intake --json` prints: exactly the notice's meeting and directives,
/// dates as `YYYY-MM-DD`, `null` where the notice says nothing.
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    pub meeting: JsonMeeting<'a>,
    pub directives: Vec<JsonDirective<'a>>,
}

/// The meeting, in [`Json`].
#[derive(Debug, Serialize)]
pub struct JsonMeeting<'a> {
    pub title: &'a str,
    pub date: Option<String>,
    pub chair: Option<&'a str>,
    pub number: Option<&'a str>,
}

/// One directive, in [`Json`].
#[derive(Debug, Serialize)]
pub struct JsonDirective<'a> {
    pub text: &'a str,
    pub lead: Option<&'a str>,
    pub supporting: Vec<&'a str>,
    pub deadline: Option<String>,
}

impl Notice {
    /// The notice as [`Json`].
    pub fn json(&self) -> Json<'_> {
        Json {
            meeting: JsonMeeting {
                title: &self.title,
                date: self.date.map(|d| d.to_string()),
                chair: self.chair.as_deref(),
                number: self.number.as_deref(),
            },
            directives: self
                .items
                .iter()
                .map(|item| JsonDirective {
                    text: &item.text,
                    lead: item.fields.lead.as_ref().map(|l| l.unit.name.as_str()),
                    supporting: item.fields.supporting.iter().map(|u| u.name.as_str()).collect(),
                    deadline: item.fields.deadline.as_ref().map(|d| d.date.to_string()),
                })
                .collect(),
        }
    }
}
