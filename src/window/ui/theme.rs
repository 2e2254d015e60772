//! The look: fonts, sizes and colours, in one place. UI code asks this module for colours
//! rather than writing them, so screen and paper (`crate::interop::paper`) share one palette.

use egui::{FontData, FontDefinitions, FontFamily, FontId, TextStyle};

use crate::visual::fonts;
pub use crate::visual::palette::*;

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
        (SANS, fonts::SANS),
        (BOLD, fonts::SANS_BOLD),
        (MONO, fonts::MONO.bytes()),
        (SYMBOLS, fonts::SYMBOLS.bytes()),
    ];
    for (name, bytes) in bundled {
        let mut data = FontData::from_static(bytes);
        if name == SYMBOLS {
            data = data.tweak(symbols_down());
        }
        fonts.font_data.insert(name.to_owned(), data.into());
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
        // Where the keyboard is must be seen at a glance: egui draws the focused widget as
        // "active", and a text field's focus with the selection stroke.
        let focus = egui::Stroke::new(FOCUS_WIDTH, FOCUS);
        style.visuals.widgets.active.bg_stroke = focus;
        style.visuals.selection.stroke = focus;
        // An unticked box, an empty radio and a button at rest get a grey edge: pale grey
        // on pale grey, they were nearly invisible (WCAG asks 3:1 for a control's edge).
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, CONTROL_EDGE);
        // Scroll bars drawn whenever there is more to see, beside the content: egui's
        // floating ones showed only under the pointer, and in half a screen nothing said
        // that the checklist's status and ✔ columns, or the tables' last columns, were a
        // sideways scroll away.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
    });
}

/// Noto Sans Symbols 2 drawn on the same baseline as Noto Sans. Both rise 1069 units of
/// 1000 above it, but Symbols 2 reaches 630 below where Noto Sans reaches 293, and egui
/// centres a fallback face's taller line on the text's line: its icons (○ ◔ ⌛ before a
/// status) stood (630 − 293) / 2 = 168.5 thousandths of the size above the words' middle,
/// 2.5 px at 15 px.
fn symbols_down() -> egui::FontTweak {
    egui::FontTweak { y_offset_factor: (630.0 - 293.0) / 2.0 / 1000.0, ..Default::default() }
}

/// The edge of a control at rest (a checkbox, a radio button, a button).
const CONTROL_EDGE: egui::Color32 = egui::Color32::from_gray(118);

/// How thick the keyboard focus ring is drawn.
pub const FOCUS_WIDTH: f32 = 2.0;

/// A bold font of the body size, for labels that lead a line.
pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(BOLD.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of an sRGB colour.
    fn luminance(colour: egui::Color32) -> f32 {
        let channel = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
    }

    fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The keyboard focus is drawn 2 px thick in a colour that stands 3:1 against the panel
    /// behind it (WCAG's contrast for a focus indicator), for buttons and text fields both.
    #[test]
    fn the_keyboard_focus_is_drawn_thick_and_in_contrast() {
        let ctx = egui::Context::default();
        install(&ctx);
        let style = ctx.style_of(egui::Theme::Light);
        let visuals = &style.visuals;
        for (what, stroke) in [
            ("a focused button", visuals.widgets.active.bg_stroke),
            ("a focused text field", visuals.selection.stroke),
        ] {
            assert!(stroke.width >= 2.0, "{what}: {} px", stroke.width);
            let against = contrast(stroke.color, visuals.panel_fill);
            assert!(against >= 3.0, "{what}: contrast {against:.2} with the panel");
        }
        // An unticked checkbox: its edge stands 3:1 against the panel and its own fill.
        let rest = visuals.widgets.inactive;
        assert!(rest.bg_stroke.width >= 1.0, "an unticked box has no edge");
        for (what, behind) in [("the panel", visuals.panel_fill), ("its fill", rest.bg_fill)] {
            let against = contrast(rest.bg_stroke.color, behind);
            assert!(against >= 3.0, "a box's edge: contrast {against:.2} with {what}");
        }
    }

    /// The middle of each status icon, and of ✔, stands within 1.5 px of a capital's: from
    /// Noto Sans Symbols 2 untweaked, ○ stood 2 px off (2.5 px by the fonts' metrics).
    #[test]
    fn icons_stand_on_the_line_of_the_words() {
        let ctx = egui::Context::default();
        install(&ctx);
        let mut offsets = Vec::new();
        for _ in 0..2 {
            // The fonts are in place from the second pass on.
            let mut output = ctx.run_ui(Default::default(), |ui| {
                for font in [FontId::proportional(15.0), bold(14.0)] {
                    let galley = ui.fonts_mut(|fonts| {
                        fonts.layout_no_wrap("H○◔⌛⚠☑✔".into(), font, egui::Color32::BLACK)
                    });
                    let middle = |glyph: &egui::epaint::text::Glyph| {
                        glyph.pos.y + glyph.uv_rect.offset.y + glyph.uv_rect.size.y / 2.0
                    };
                    let glyphs = &galley.rows[0].glyphs;
                    offsets = glyphs[1..]
                        .iter()
                        .map(|icon| (icon.chr, middle(icon) - middle(&glyphs[0])))
                        .collect();
                }
            });
            output.textures_delta.clear();
        }
        assert_eq!(offsets.len(), 6);
        for (icon, off) in offsets {
            assert!(off.abs() <= 1.5, "{icon} stands {off} px from a capital's middle");
        }
    }
}
