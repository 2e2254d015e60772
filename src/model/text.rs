//! Text in the dataset is kept in Unicode NFC, whatever way it was typed or written: "ệ"
//! typed as e + two combining marks searches, sorts, compares and prints the same as the
//! precomposed letter. Line ends inside a text are `\n` only: a file that passed through a
//! tool turning its line ends into CRLF reads back the same texts.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use super::{Dataset, Directive, Meeting, Unit};

/// `text` in NFC with `\n` line ends, without copying when it already is (the common case).
pub fn nfc(text: &mut String) {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if !matches!(is_nfc_quick(text.chars()), unicode_normalization::IsNormalized::Yes) {
        *text = text.nfc().collect();
    }
}

impl Directive {
    /// Its text fields in NFC.
    pub fn normalize(&mut self) {
        nfc(&mut self.text);
        nfc(&mut self.expected_output);
        self.progress.iter_mut().for_each(|n| nfc(&mut n.text));
    }
}

impl Meeting {
    /// Its text fields in NFC.
    pub fn normalize(&mut self) {
        nfc(&mut self.title);
        nfc(&mut self.chair);
        nfc(&mut self.reporting_body);
        nfc(&mut self.source_ref);
        for list in [&mut self.attendees, &mut self.topics, &mut self.assessment] {
            list.iter_mut().for_each(nfc);
        }
    }
}

impl Unit {
    /// Its name in NFC.
    pub fn normalize(&mut self) {
        nfc(&mut self.name);
    }
}

impl Dataset {
    /// Every text in NFC (done on load, so old files written with combining marks match).
    pub fn normalize(&mut self) {
        nfc(&mut self.province);
        nfc(&mut self.source);
        self.meetings.iter_mut().for_each(Meeting::normalize);
        self.units.iter_mut().for_each(Unit::normalize);
        self.directives.iter_mut().for_each(Directive::normalize);
        for indicator in &mut self.indicators {
            nfc(&mut indicator.name);
            nfc(&mut indicator.name_en);
            nfc(&mut indicator.unit);
            indicator.observations.iter_mut().for_each(|o| nfc(&mut o.source_ref));
        }
        for zone in &mut self.zones {
            nfc(&mut zone.name);
            nfc(&mut zone.note);
            nfc(&mut zone.source_ref);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn decomposed_text_becomes_precomposed() {
        let mut text = "Ra\u{300} soa\u{301}t mo\u{309} đa\u{301}".to_owned();
        super::nfc(&mut text);
        assert_eq!(text, "Rà soát mỏ đá");
    }

    #[test]
    fn line_ends_become_newlines() {
        let mut text = "một\r\nhai\rba\nbốn".to_owned();
        super::nfc(&mut text);
        assert_eq!(text, "một\nhai\nba\nbốn");
    }
}
