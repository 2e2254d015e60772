//! The letterhead of the official report: who issues it, its number and symbol, where it
//! goes and who signs — the parts of an administrative document (Nghị định 30/2020) that are
//! the province's own words, kept in the data file and edited from the print dialog.

use serde::{Deserialize, Serialize};

/// The issuing body's details printed on the official report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Letterhead {
    /// The body above the issuer, as written ("UBND tỉnh Lạng Sơn"; printed in capitals).
    pub parent_body: String,
    /// The issuer ("Sở Công Thương"; printed in capitals, bold, with its rule).
    pub issuing_body: String,
    /// The document's symbol after the number ("BC-SCT": BC for báo cáo).
    pub symbol: String,
    /// The number the next report carries; none leaves it blank for the office to fill
    /// in, as drafts are ("Số:      /BC-SCT").
    pub number: Option<u32>,
    /// The place before the date ("Lạng Sơn, ngày 01 tháng 12 năm 2026").
    pub place: String,
    /// Whom the report is sent up to ("Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn").
    pub addressee: String,
    /// The "Nơi nhận" lines, each as written ("Như trên", "Lưu: VT, KHTC").
    pub recipients: Vec<String>,
    /// The signing authority ("KT. GIÁM ĐỐC"), empty when the head signs.
    pub signer_authority: String,
    /// The signer's title ("PHÓ GIÁM ĐỐC").
    pub signer_title: String,
    /// The signer's name, empty to be written by hand.
    pub signer_name: String,
}

impl Letterhead {
    /// A letterhead made from what the file says of itself: the province and the body that
    /// reported to the meeting (the Department of Industry and Trade when none did).
    pub fn default_for(province: &str, reporting_body: &str) -> Letterhead {
        let issuing_body = if reporting_body.trim().is_empty() {
            "Sở Công Thương"
        } else {
            reporting_body.trim()
        };
        let province = province.trim();
        Letterhead {
            parent_body: format!("UBND tỉnh {province}"),
            issuing_body: issuing_body.to_owned(),
            symbol: format!("BC-{}", initials(issuing_body)),
            number: None,
            place: province.to_owned(),
            addressee: format!("Ủy ban nhân dân tỉnh {province}"),
            recipients: vec!["Như trên".into(), "Lãnh đạo Sở".into(), "Lưu: VT".into()],
            signer_authority: "KT. GIÁM ĐỐC".into(),
            signer_title: "PHÓ GIÁM ĐỐC".into(),
            signer_name: String::new(),
        }
    }

    /// "05/BC-SCT" (a number under 10 takes a leading 0), or "     /BC-SCT" for the
    /// office to fill in.
    pub fn number_and_symbol(&self) -> String {
        match self.number {
            Some(number) => format!("{number:02}/{}", self.symbol),
            None => format!("\u{2007}\u{2007}\u{2007}\u{2007}/{}", self.symbol),
        }
    }

    /// Calls `f` on each of its texts.
    pub fn for_each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        for text in [
            &mut self.parent_body,
            &mut self.issuing_body,
            &mut self.symbol,
            &mut self.place,
            &mut self.addressee,
            &mut self.signer_authority,
            &mut self.signer_title,
            &mut self.signer_name,
        ] {
            f(text);
        }
        self.recipients.iter_mut().for_each(&mut *f);
    }
}

/// The capitals of a body's name, as its symbol abbreviates it: "Sở Công Thương" → "SCT".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_alphabetic())
        .map(|c| crate::model::fold::fold(&c.to_uppercase().to_string()).to_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_comes_from_the_province_and_the_reporting_body() {
        let letterhead = Letterhead::default_for("Lạng Sơn", "Sở Công Thương");
        assert_eq!(letterhead.parent_body, "UBND tỉnh Lạng Sơn");
        assert_eq!(letterhead.symbol, "BC-SCT");
        assert_eq!(letterhead.addressee, "Ủy ban nhân dân tỉnh Lạng Sơn");
        assert_eq!(Letterhead::default_for("Cao Bằng", "").issuing_body, "Sở Công Thương");
        assert_eq!(initials("Sở Kế hoạch và Đầu tư"), "SKHVĐT".replace('Đ', "D"));
    }

    #[test]
    fn a_number_under_ten_takes_a_leading_zero() {
        let mut letterhead = Letterhead::default_for("Lạng Sơn", "Sở Công Thương");
        letterhead.number = Some(5);
        assert_eq!(letterhead.number_and_symbol(), "05/BC-SCT");
        letterhead.number = Some(123);
        assert_eq!(letterhead.number_and_symbol(), "123/BC-SCT");
        letterhead.number = None;
        assert!(letterhead.number_and_symbol().ends_with("/BC-SCT"));
    }
}
