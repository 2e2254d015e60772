//! Which bundled face draws each character on paper, its glyph, and how wide text is.
//!
//! Noto Sans (regular or bold) draws almost everything; a character it lacks falls back to
//! Noto Sans Symbols 2, then Noto Sans Mono, the same order as on screen. Text is cut into
//! runs of one face. The layout measures with the same glyphs and advances the PDF draws
//! (`pdf` places them one after another), so a wrapped line fits its column exactly.
//!
//! Every character's face, glyph and advance is looked up once and kept: a report of
//! thousands of directives asks for the same few hundred characters millions of times.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use ttf_parser::Face;

use crate::fonts;

/// One of the bundled faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaceId {
    Regular,
    Bold,
    Symbols,
    Mono,
}

impl FaceId {
    /// The font file.
    pub fn data(self) -> &'static [u8] {
        match self {
            FaceId::Regular => fonts::SANS,
            FaceId::Bold => fonts::SANS_BOLD,
            FaceId::Symbols => fonts::SYMBOLS,
            FaceId::Mono => fonts::MONO,
        }
    }

    fn face(self) -> &'static Face<'static> {
        static FACES: OnceLock<[Face<'static>; 4]> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            [FaceId::Regular, FaceId::Bold, FaceId::Symbols, FaceId::Mono]
                .map(|id| Face::parse(id.data(), 0).expect("bundled font parses"))
        });
        &faces[self as usize]
    }
}

/// How one character is drawn: by which face, which glyph, how far it advances (in em).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphInfo {
    pub face: FaceId,
    pub glyph: u16,
    pub advance: f32,
}

fn look_up(c: char, bold: bool) -> GlyphInfo {
    let main = if bold { FaceId::Bold } else { FaceId::Regular };
    let found = if c.is_whitespace() || c.is_control() {
        None
    } else {
        [main, FaceId::Symbols, FaceId::Mono]
            .into_iter()
            .find_map(|id| id.face().glyph_index(c).map(|glyph| (id, glyph)))
    };
    // A character no face has shows the main face's "missing" box; whitespace its space.
    let (face, glyph) = found.unwrap_or_else(|| {
        let space = if c.is_whitespace() { main.face().glyph_index(' ') } else { None };
        (main, space.unwrap_or(ttf_parser::GlyphId(0)))
    });
    let font = face.face();
    let advance = font.glyph_hor_advance(glyph).unwrap_or(font.units_per_em() / 2);
    GlyphInfo { face, glyph: glyph.0, advance: f32::from(advance) / f32::from(font.units_per_em()) }
}

/// Characters below this are looked up in a table made once (Latin, Vietnamese, the
/// punctuation and symbols of the reports); the rest in a map filled as they come.
const TABLE_END: u32 = 0x2200;

/// How `c` is drawn, from the cache.
pub fn glyph(c: char, bold: bool) -> GlyphInfo {
    static TABLES: OnceLock<[Vec<GlyphInfo>; 2]> = OnceLock::new();
    static OTHERS: OnceLock<RwLock<HashMap<(char, bool), GlyphInfo>>> = OnceLock::new();
    if (c as u32) < TABLE_END {
        let tables = TABLES.get_or_init(|| {
            [false, true].map(|bold| {
                (0..TABLE_END)
                    .map(|code| look_up(char::from_u32(code).unwrap_or('\u{FFFD}'), bold))
                    .collect()
            })
        });
        return tables[usize::from(bold)][c as usize];
    }
    let others = OTHERS.get_or_init(Default::default);
    if let Some(info) = others.read().ok().and_then(|map| map.get(&(c, bold)).copied()) {
        return info;
    }
    let info = look_up(c, bold);
    if let Ok(mut map) = others.write() {
        map.insert((c, bold), info);
    }
    info
}

/// The face that draws `c`.
pub fn face_for(c: char, bold: bool) -> FaceId {
    glyph(c, bold).face
}

/// `text` cut into pieces each drawn by one face, in order.
pub fn runs(text: &str, bold: bool) -> Vec<(FaceId, &str)> {
    let mut runs: Vec<(FaceId, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<FaceId> = None;
    for (index, c) in text.char_indices() {
        // Combining marks stay with the letter before them.
        let face = if is_combining(c) { current } else { Some(face_for(c, bold)) };
        if face != current {
            if let Some(previous) = current {
                runs.push((previous, &text[start..index]));
            }
            start = index;
            current = face;
        }
    }
    if let Some(last) = current {
        runs.push((last, &text[start..]));
    }
    runs
}

/// Whether `c` is a combining mark, which needs the shaper to sit on its letter. Text is
/// NFC in the dataset, so Vietnamese letters come precomposed and rarely need it.
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The width of `text` at `size` points: its glyphs' advances, as `pdf` places them.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    text.chars().map(|c| glyph(c, bold).advance).sum::<f32>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_in_the_main_face() {
        for c in "Điện thương phẩm Đồng Bành Hữu Lũng ỹ Ỷ ậ ặ".chars() {
            assert_eq!(face_for(c, false), FaceId::Regular, "{c}");
        }
    }

    #[test]
    fn status_icons_fall_back_to_symbols() {
        assert_eq!(runs("Xong ✔", false), [(FaceId::Regular, "Xong "), (FaceId::Symbols, "✔")]);
    }

    #[test]
    fn bold_is_wider_and_width_grows_with_size() {
        let text = "Sản lượng điện thương phẩm";
        assert!(width(text, 10.0, true) > width(text, 10.0, false));
        let (small, large) = (width(text, 10.0, false), width(text, 20.0, false));
        assert!((large - 2.0 * small).abs() < 1e-3);
        assert_eq!(width("", 10.0, false), 0.0);
    }
}
