//! The palette shared by screen (`ui::theme` re-exports it) and paper (`paper`), so a
//! product has one colour wherever it is drawn. Colours are chosen to stay apart when
//! printed in grey; meaning is never carried by colour alone (icons, words, hatching).

use egui::Color32;

use crate::model::ZoneKind;
use crate::model::status::DirectiveStatus;

/// Text for secondary facts (sources, notes).
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x63, 0x68);
/// Text of derived (computed, not reported) figures.
pub const DERIVED: Color32 = Color32::from_rgb(0x6b, 0x6f, 0x76);
/// Errors and warnings.
pub const ERROR: Color32 = Color32::from_rgb(0xb3, 0x26, 0x1e);
/// Chart labels.
pub const INK: Color32 = Color32::from_rgb(0x20, 0x22, 0x26);
/// The change written between two bars.
pub const CHANGE: Color32 = Color32::from_rgb(0x0b, 0x6b, 0x3a);
/// A directive due within the next days.
pub const DUE_SOON: Color32 = Color32::from_rgb(0xb2, 0x5e, 0x00);
/// The banner that says how many directives are overdue or due soon.
pub const BANNER: Color32 = Color32::from_rgb(0xff, 0xf1, 0xd6);
/// Behind the words a search found, in the checklist's rows (a light yellow marker).
pub const SEARCH_MATCH: Color32 = Color32::from_rgb(0xff, 0xe5, 0x8a);
/// Behind a field whose text was refused (a date that is none), kept for the official to
/// put right.
pub const REFUSED_FIELD: Color32 = Color32::from_rgb(0xfd, 0xe8, 0xe6);
/// Card backgrounds.
pub const CARD: Color32 = Color32::from_rgb(0xf7, 0xf8, 0xfa);
/// Card borders and rules.
pub const RULE: Color32 = Color32::from_rgb(0xd5, 0xd9, 0xe0);
/// The ring round the widget that has the keyboard, 2 px: egui's own dark selection blue,
/// which its light theme also gives selected text (so that keeps its contrast), where a
/// focused button had only a thin grey line.
pub const FOCUS: Color32 = Color32::from_rgb(0x00, 0x53, 0x7d);

/// The colour of each product, shared by every chart of it. Chosen to stay apart in grey
/// too (dark, middle, light).
pub fn product_colour(indicator_id: &str) -> Color32 {
    match indicator_id {
        "electricity" => Color32::from_rgb(0x1f, 0x4e, 0x9c),
        "stone" => Color32::from_rgb(0x8a, 0x5a, 0x2b),
        "timber" => Color32::from_rgb(0x3f, 0x8f, 0x4e),
        _ => Color32::from_rgb(0x55, 0x55, 0x70),
    }
}

/// The light fill of a derived bar: its product colour washed towards white, so it
/// reads lighter in grey print as well (the hatching tells it apart without colour).
pub fn derived_fill(colour: Color32) -> Color32 {
    let wash = |c: u8| ((u16::from(c) + 3 * 255) / 4) as u8;
    Color32::from_rgb(wash(colour.r()), wash(colour.g()), wash(colour.b()))
}

/// The colour of each kind of industrial land.
pub fn zone_colour(kind: ZoneKind) -> Color32 {
    match kind {
        ZoneKind::IndustrialZone => Color32::from_rgb(0x2b, 0x4c, 0x7e),
        ZoneKind::ExportProcessingZone => Color32::from_rgb(0x1c, 0x7c, 0x7d),
        ZoneKind::IndustrialCluster => Color32::from_rgb(0xc0, 0x6a, 0x1b),
    }
}

/// The colour of a directive status; the icon and words carry it too, for grey print.
pub fn status_colour(status: DirectiveStatus) -> Color32 {
    match status {
        DirectiveStatus::Overdue => ERROR,
        DirectiveStatus::InProgress => Color32::from_rgb(0x1f, 0x4e, 0x9c),
        DirectiveStatus::NoDeadline => MUTED,
        DirectiveStatus::DoneLate => Color32::from_rgb(0xa0, 0x5a, 0x00),
        DirectiveStatus::DoneOnTime => Color32::from_rgb(0x2e, 0x7d, 0x32),
    }
}
