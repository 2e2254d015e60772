//! Which bundled face draws each character on paper, its glyph, and how wide text is.
//!
//! A piece of text asks for a [`Face`]: the sans family (Noto Sans, regular or bold; the
//! quick report and the charts) or the serif one (Liberation Serif in its four styles; the
//! official report). A character the asked face lacks falls back to Noto Sans Symbols 2,
//! then Noto Sans Mono, the same order as on screen. Text is cut into runs of one face. The
//! layout measures with the same glyphs and advances the PDF draws (`pdf` places them one
//! after another), so a wrapped line fits its column exactly.
//!
//! Every character's face, glyph and advance is looked up once and kept: a report of
//! thousands of directives asks for the same few hundred characters millions of times.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use ttf_parser::Face as Parsed;

use crate::visual::fonts;

/// One of the bundled font files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaceId {
    Regular,
    Bold,
    Serif,
    SerifBold,
    SerifItalic,
    SerifBoldItalic,
    Symbols,
    Mono,
}

/// The faces text asks for first, before falling back.
const MAIN_FACES: usize = 6;

impl FaceId {
    const ALL: [FaceId; 8] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Serif,
        FaceId::SerifBold,
        FaceId::SerifItalic,
        FaceId::SerifBoldItalic,
        FaceId::Symbols,
        FaceId::Mono,
    ];

    /// The font file.
    pub fn data(self) -> &'static [u8] {
        match self {
            FaceId::Regular => fonts::SANS,
            FaceId::Bold => fonts::SANS_BOLD,
            FaceId::Serif => fonts::SERIF.bytes(),
            FaceId::SerifBold => fonts::SERIF_BOLD.bytes(),
            FaceId::SerifItalic => fonts::SERIF_ITALIC.bytes(),
            FaceId::SerifBoldItalic => fonts::SERIF_BOLD_ITALIC.bytes(),
            FaceId::Symbols => fonts::SYMBOLS.bytes(),
            FaceId::Mono => fonts::MONO.bytes(),
        }
    }

    fn parsed(self) -> &'static Parsed<'static> {
        static FACES: OnceLock<Vec<Parsed<'static>>> = OnceLock::new();
        let faces = FACES.get_or_init(|| {
            FaceId::ALL
                .iter()
                .map(|id| Parsed::parse(id.data(), 0).expect("bundled font"))
                .collect()
        });
        &faces[self as usize]
    }
}

/// The look a piece of text asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Face {
    /// Liberation Serif (Times New Roman's metrics) instead of Noto Sans.
    pub serif: bool,
    pub bold: bool,
    /// Only the serif family has italics; sans text asking for them stays upright.
    pub italic: bool,
}

impl Face {
    /// Noto Sans, regular or bold.
    pub const fn sans(bold: bool) -> Face {
        Face { serif: false, bold, italic: false }
    }

    /// The bundled file that draws this face.
    pub fn main(self) -> FaceId {
        match (self.serif, self.bold, self.italic) {
            (false, false, _) => FaceId::Regular,
            (false, true, _) => FaceId::Bold,
            (true, false, false) => FaceId::Serif,
            (true, true, false) => FaceId::SerifBold,
            (true, false, true) => FaceId::SerifItalic,
            (true, true, true) => FaceId::SerifBoldItalic,
        }
    }
}

/// How one character is drawn: by which face, which glyph, how far it advances (in em).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphInfo {
    pub face: FaceId,
    pub glyph: u16,
    pub advance: f32,
}

fn look_up(c: char, main: FaceId) -> GlyphInfo {
    let found = if c.is_whitespace() || c.is_control() {
        None
    } else {
        [main, FaceId::Symbols, FaceId::Mono]
            .into_iter()
            .find_map(|id| id.parsed().glyph_index(c).map(|glyph| (id, glyph)))
    };
    // A character no face has shows the main face's "missing" box; whitespace its space.
    let (face, glyph) = found.unwrap_or_else(|| {
        let space = if c.is_whitespace() { main.parsed().glyph_index(' ') } else { None };
        (main, space.unwrap_or(ttf_parser::GlyphId(0)))
    });
    let font = face.parsed();
    let advance = font.glyph_hor_advance(glyph).unwrap_or(font.units_per_em() / 2);
    GlyphInfo { face, glyph: glyph.0, advance: f32::from(advance) / f32::from(font.units_per_em()) }
}

/// Characters below this are looked up in a table made once a face (Latin, Vietnamese, the
/// punctuation and symbols of the reports); the rest in a map filled as they come.
const TABLE_END: u32 = 0x2200;

/// How `c` is drawn in `face`, from the cache.
pub fn glyph(c: char, face: Face) -> GlyphInfo {
    static TABLES: [OnceLock<Vec<GlyphInfo>>; MAIN_FACES] = [const { OnceLock::new() }; MAIN_FACES];
    static OTHERS: OnceLock<RwLock<HashMap<(char, FaceId), GlyphInfo>>> = OnceLock::new();
    let main = face.main();
    if (c as u32) < TABLE_END {
        let table = TABLES[main as usize].get_or_init(|| {
            (0..TABLE_END)
                .map(|code| look_up(char::from_u32(code).unwrap_or('\u{FFFD}'), main))
                .collect()
        });
        return table[c as usize];
    }
    let others = OTHERS.get_or_init(Default::default);
    if let Some(info) = others.read().ok().and_then(|map| map.get(&(c, main)).copied()) {
        return info;
    }
    let info = look_up(c, main);
    if let Ok(mut map) = others.write() {
        map.insert((c, main), info);
    }
    info
}

/// The file that draws `c` in `face`.
pub fn face_for(c: char, face: Face) -> FaceId {
    glyph(c, face).face
}

/// `text` cut into pieces each drawn by one file, in order.
pub fn runs(text: &str, face: Face) -> Vec<(FaceId, &str)> {
    let mut runs: Vec<(FaceId, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<FaceId> = None;
    for (index, c) in text.char_indices() {
        // Combining marks stay with the letter before them.
        let id = if is_combining(c) { current } else { Some(face_for(c, face)) };
        if id != current {
            if let Some(previous) = current {
                runs.push((previous, &text[start..index]));
            }
            start = index;
            current = id;
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

/// The width of `text` at `size` points in `face`: its glyphs' advances, as `pdf` places
/// them.
pub fn width(text: &str, size: f32, face: Face) -> f32 {
    text.chars().map(|c| glyph(c, face).advance).sum::<f32>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese letter, lower and upper case, precomposed.
    const VIETNAMESE: &str = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";

    #[test]
    fn every_vietnamese_letter_is_in_each_main_face() {
        for serif in [false, true] {
            for bold in [false, true] {
                for italic in [false, true] {
                    let face = Face { serif, bold, italic };
                    for c in VIETNAMESE.chars() {
                        assert_eq!(face_for(c, face), face.main(), "{c} in {face:?}");
                    }
                }
            }
        }
        // 12 vowels in 6 tones and 17 consonants, in both cases.
        assert_eq!(VIETNAMESE.chars().count(), 2 * (12 * 6 + 17));
    }

    #[test]
    fn status_icons_fall_back_to_symbols() {
        let face = Face::sans(false);
        assert_eq!(runs("Xong ✔", face), [(FaceId::Regular, "Xong "), (FaceId::Symbols, "✔")]);
    }

    #[test]
    fn bold_is_wider_and_width_grows_with_size() {
        let text = "Sản lượng điện thương phẩm";
        let (regular, bold) = (Face::sans(false), Face::sans(true));
        assert!(width(text, 10.0, bold) > width(text, 10.0, regular));
        let (small, large) = (width(text, 10.0, regular), width(text, 20.0, regular));
        assert!((large - 2.0 * small).abs() < 1e-3);
        assert_eq!(width("", 10.0, regular), 0.0);
    }

    #[test]
    fn serif_is_set_in_liberation_serif_with_times_metrics() {
        let serif = Face { serif: true, bold: false, italic: false };
        assert_eq!(serif.main(), FaceId::Serif);
        // Measured with the serif file's own advances, not the sans ones.
        let text = "Sở Công Thương báo cáo";
        assert!((width(text, 14.0, serif) - width(text, 14.0, Face::sans(false))).abs() > 1.0);
        let italic = Face { italic: true, ..serif };
        assert_eq!(face_for('a', italic), FaceId::SerifItalic);
        assert_eq!(Face { italic: true, ..Face::sans(false) }.main(), FaceId::Regular);
    }
}
