//! Text in the dataset is kept tidy, whatever way it was typed, pasted or written:
//! - in Unicode NFC: "ệ" typed as e + two combining marks searches, sorts, compares and
//!   prints the same as the precomposed letter;
//! - with `\n` line ends only: a file that passed through a tool turning its line ends into
//!   CRLF reads back the same texts;
//! - without control characters (C0 and C1, tab and newline aside): a NUL or an escape
//!   character is the mark of a torn write or a zero-filled block, never of an official's
//!   words, so an edit can't put one in and a save never writes one.
//!
//! Each record lists its texts once, in `for_each_text_mut`; tidying and the load-time check
//! for damaged text both walk that list.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use super::{Dataset, Directive, Indicator, Meeting, Unit, Zone};

/// Whether `c` is a control character no text of a dataset may hold (all of C0 and C1 and
/// DEL, but tab, newline and carriage return, which ends a line).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The byte offset of the first forbidden control character in UTF-8 `bytes`. A byte scan
/// (cheaper than decoding characters): C0 and DEL are single bytes, C1 is `0xC2` followed by
/// `0x80..=0x9F`.
pub fn first_control(bytes: &[u8]) -> Option<usize> {
    bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7F
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|next| (0x80..=0x9F).contains(next)))
    })
}

/// `text` tidied (see the module docs), without copying when it already is (the common
/// case). Returns how many control characters were removed.
pub fn tidy(text: &mut String) -> usize {
    let mut removed = 0;
    if first_control(text.as_bytes()).is_some() {
        let before = text.chars().count();
        text.retain(|c| !is_forbidden_control(c));
        removed = before - text.chars().count();
    }
    tidy_clean(text);
    removed
}

/// [`tidy`] for a text known to hold no control character (a file that was checked for
/// them as it was read): NFC and line ends only.
pub fn tidy_clean(text: &mut String) {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if !matches!(is_nfc_quick(text.chars()), unicode_normalization::IsNormalized::Yes) {
        *text = text.nfc().collect();
    }
}

impl Directive {
    /// Calls `f` on each of its texts.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.text);
        f(&mut self.expected_output);
        self.progress.iter_mut().for_each(|n| f(&mut n.text));
    }
}

impl Meeting {
    /// Calls `f` on each of its texts.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        for text in [&mut self.title, &mut self.chair, &mut self.reporting_body] {
            f(text);
        }
        f(&mut self.source_ref);
        for list in [&mut self.attendees, &mut self.topics, &mut self.assessment] {
            list.iter_mut().for_each(&mut *f);
        }
    }
}

/// A unit's name as a file writes it: trimmed, its first letter a capital. A notice names
/// units mid-sentence ("giao các sở, ngành, địa phương liên quan"), and a new unit kept that
/// lower case beside the file's "Các sở, ngành liên quan".
pub fn unit_name(name: &str) -> String {
    let name = name.trim();
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Unit {
    /// Calls `f` on its name.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.name);
    }
}

impl Zone {
    /// Calls `f` on each of its texts.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        for text in [&mut self.name, &mut self.note, &mut self.source_ref] {
            f(text);
        }
    }
}

impl Indicator {
    /// Calls `f` on each of its texts, its figures' included.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        for text in [&mut self.name, &mut self.name_en, &mut self.unit] {
            f(text);
        }
        self.observations.iter_mut().for_each(|o| f(&mut o.source_ref));
    }
}

impl Dataset {
    /// Calls `f` on every text of the dataset.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.province);
        f(&mut self.source);
        self.meetings.iter_mut().for_each(|m| m.for_each_text_mut(f));
        self.units.iter_mut().for_each(|u| u.for_each_text_mut(f));
        self.directives.iter_mut().for_each(|d| d.for_each_text_mut(f));
        self.indicators.iter_mut().for_each(|i| i.for_each_text_mut(f));
        self.zones.iter_mut().for_each(|z| z.for_each_text_mut(f));
        if let Some(letterhead) = &mut self.letterhead {
            letterhead.for_each_text_mut(f);
        }
    }

    /// Every text tidied; returns how many control characters were removed.
    pub fn normalize(&mut self) -> usize {
        let mut removed = 0;
        self.for_each_text_mut(&mut |text| removed += tidy(text));
        removed
    }

    /// Every text in NFC with `\n` line ends, after a load that refused control characters
    /// (so old files written with combining marks match).
    pub fn normalize_loaded(&mut self) {
        self.for_each_text_mut(&mut tidy_clean);
    }

    /// Whether any of its texts holds a forbidden control character.
    pub fn has_control(&mut self) -> bool {
        let mut found = false;
        self.for_each_text_mut(&mut |text| {
            found = found || first_control(text.as_bytes()).is_some()
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_name_begins_with_a_capital() {
        assert_eq!(
            unit_name("  các sở, ngành, địa phương liên quan "),
            "Các sở, ngành, địa phương liên quan"
        );
        assert_eq!(unit_name("đài PT-TH tỉnh"), "Đài PT-TH tỉnh");
        assert_eq!(unit_name("UBND huyện"), "UBND huyện");
        assert_eq!(unit_name(" "), "");
    }

    #[test]
    fn decomposed_text_becomes_precomposed() {
        let mut text = "Ra\u{300} soa\u{301}t mo\u{309} đa\u{301}".to_owned();
        assert_eq!(tidy(&mut text), 0);
        assert_eq!(text, "Rà soát mỏ đá");
    }

    #[test]
    fn line_ends_become_newlines() {
        let mut text = "một\r\nhai\rba\nbốn".to_owned();
        tidy(&mut text);
        assert_eq!(text, "một\nhai\nba\nbốn");
    }

    #[test]
    fn control_characters_are_removed_and_counted() {
        let mut text = "Rà\u{0} soát\u{7}\u{1b} mỏ\u{85} đá\tvà\nđường\u{7f}".to_owned();
        assert_eq!(tidy(&mut text), 5);
        assert_eq!(text, "Rà soát mỏ đá\tvà\nđường");
        assert!(!is_forbidden_control('\t') && !is_forbidden_control('\n'));
        assert!(is_forbidden_control('\u{9f}') && is_forbidden_control('\u{0}'));
        assert!(!is_forbidden_control('\u{200b}'), "a zero-width space is no control");
    }
}
