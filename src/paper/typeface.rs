//! Which bundled face draws each character on paper, and how wide text is in it.
//!
//! Noto Sans (regular or bold) draws almost everything; a character it lacks falls back to
//! Noto Sans Symbols 2, then Noto Sans Mono, the same order as on screen. Text is cut into
//! runs of one face, and the layout measures with the same faces the PDF draws with, so a
//! wrapped line fits the column it was wrapped for.

use std::sync::OnceLock;

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

/// The face that draws `c`: the main face if it has the glyph, else the first fallback
/// that does, else the main face (which shows its "missing" box).
pub fn face_for(c: char, bold: bool) -> FaceId {
    let main = if bold { FaceId::Bold } else { FaceId::Regular };
    if c.is_whitespace() || c.is_control() {
        return main;
    }
    [main, FaceId::Symbols, FaceId::Mono]
        .into_iter()
        .find(|id| id.face().glyph_index(c).is_some())
        .unwrap_or(main)
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

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

/// The width of `text` at `size` points: the sum of its glyphs' advances (no kerning, which
/// only ever narrows Latin text, so a line never comes out wider than measured).
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    text.chars()
        .map(|c| {
            let face = face_for(c, bold).face();
            let advance = face
                .glyph_index(c)
                .and_then(|glyph| face.glyph_hor_advance(glyph))
                .unwrap_or(face.units_per_em() / 2);
            f32::from(advance) / f32::from(face.units_per_em())
        })
        .sum::<f32>()
        * size
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
