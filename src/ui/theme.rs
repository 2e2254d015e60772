//! The look: fonts, sizes and colours, in one place. UI code asks this module for colours
//! rather than writing them, so screen and (later) paper share one palette.

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

use crate::model::ZoneKind;
use crate::status::DirectiveStatus;

/// The family of the bundled bold face, for headings.
pub const BOLD: &str = "noto-bold";
const SANS: &str = "noto-sans";
const MONO: &str = "noto-mono";
const SYMBOLS: &str = "noto-symbols2";

/// Installs the bundled Noto fonts ahead of egui's own: Noto Sans has every Vietnamese
/// letter (stacked marks included), Noto Sans Symbols 2 the status icons, Noto Sans Mono
/// the arrows and maths signs. egui's fonts stay behind them as a last resort.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let bundled = [
        (SANS, &include_bytes!("../../assets/fonts/NotoSans-Regular.ttf")[..]),
        (BOLD, &include_bytes!("../../assets/fonts/NotoSans-Bold.ttf")[..]),
        (MONO, &include_bytes!("../../assets/fonts/NotoSansMono-Regular.ttf")[..]),
        (SYMBOLS, &include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf")[..]),
    ];
    for (name, bytes) in bundled {
        fonts.font_data.insert(name.to_owned(), FontData::from_static(bytes).into());
    }
    let families = [
        (FontFamily::Proportional, [SANS, SYMBOLS, MONO]),
        (FontFamily::Monospace, [MONO, SANS, SYMBOLS]),
        (FontFamily::Name(BOLD.into()), [BOLD, SYMBOLS, MONO]),
    ];
    let egui_fallbacks = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    for (family, ours) in families {
        let mut list: Vec<String> = ours.iter().map(|name| (*name).to_owned()).collect();
        let theirs = fonts.families.get(&family).unwrap_or(&egui_fallbacks);
        list.extend(theirs.iter().filter(|name| !list.contains(name)).cloned().collect::<Vec<_>>());
        fonts.families.insert(family, list);
    }
    ctx.set_fonts(fonts);

    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        // Large enough to read on a projector and for older eyes on a laptop.
        style.text_styles = [
            (TextStyle::Heading, FontId::new(22.0, FontFamily::Name(BOLD.into()))),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(12.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(14.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// A bold font of the body size, for labels that lead a line.
pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(BOLD.into()))
}

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
/// Card backgrounds.
pub const CARD: Color32 = Color32::from_rgb(0xf7, 0xf8, 0xfa);
/// Card borders and rules.
pub const RULE: Color32 = Color32::from_rgb(0xd5, 0xd9, 0xe0);

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
