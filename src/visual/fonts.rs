//! The bundled fonts, embedded once and shared by the screen (`ui::theme`) and paper
//! (`paper`). Noto Sans has every Vietnamese letter, stacked marks included; Symbols 2
//! has the status icons; Mono the arrows and maths signs (all under the OFL, `OFL.txt`
//! beside them). Liberation Serif, metric-compatible with Times New Roman and covering
//! Vietnamese, sets the official report, as Nghị định 30/2020 asks Times New Roman
//! (OFL, `LiberationSerif-LICENSE.txt`).
//!
//! Noto Sans, which every frame draws, is embedded as it is. The others are embedded
//! deflated (build.rs) and inflated the first time they are asked for, once a process: the
//! serif only when a report is made, the fallbacks when the window starts. Deflated, they
//! take 1,3 MB less of the binary officials download and mail.

use std::sync::OnceLock;

/// Noto Sans Regular.
pub const SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// A font embedded deflated, inflated on first use.
pub struct Deflated {
    deflated: &'static [u8],
    font: OnceLock<Vec<u8>>,
}

impl Deflated {
    const fn new(deflated: &'static [u8]) -> Self {
        Deflated { deflated, font: OnceLock::new() }
    }

    /// The font file, inflated the first time.
    pub fn bytes(&'static self) -> &'static [u8] {
        self.font.get_or_init(|| {
            // The bytes are build.rs's own output, embedded at compile time: they inflate, or
            // the build itself is broken (the unit test below inflates every one).
            miniz_oxide::inflate::decompress_to_vec(self.deflated)
                .expect("a font deflated by build.rs inflates")
        })
    }
}

macro_rules! deflated {
    ($file:literal) => {
        Deflated::new(include_bytes!(concat!(env!("OUT_DIR"), "/", $file, ".deflate")))
    };
}

/// Noto Sans Mono Regular.
pub static MONO: Deflated = deflated!("NotoSansMono-Regular.ttf");
/// Noto Sans Symbols 2 Regular.
pub static SYMBOLS: Deflated = deflated!("NotoSansSymbols2-Regular.ttf");
/// Liberation Serif Regular.
pub static SERIF: Deflated = deflated!("LiberationSerif-Regular.ttf");
/// Liberation Serif Bold.
pub static SERIF_BOLD: Deflated = deflated!("LiberationSerif-Bold.ttf");
/// Liberation Serif Italic.
pub static SERIF_ITALIC: Deflated = deflated!("LiberationSerif-Italic.ttf");
/// Liberation Serif Bold Italic.
pub static SERIF_BOLD_ITALIC: Deflated = deflated!("LiberationSerif-BoldItalic.ttf");

/// The family name paper's SVG asks for (the bundled fonts' own name).
pub const FAMILY: &str = "Noto Sans";
/// The serif family's own name, which the official report's charts ask for.
pub const SERIF_FAMILY: &str = "Liberation Serif";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every deflated font inflates to the very file in assets/fonts.
    #[test]
    fn the_deflated_fonts_are_the_files_themselves() {
        let fonts = [
            (&MONO, "NotoSansMono-Regular.ttf"),
            (&SYMBOLS, "NotoSansSymbols2-Regular.ttf"),
            (&SERIF, "LiberationSerif-Regular.ttf"),
            (&SERIF_BOLD, "LiberationSerif-Bold.ttf"),
            (&SERIF_ITALIC, "LiberationSerif-Italic.ttf"),
            (&SERIF_BOLD_ITALIC, "LiberationSerif-BoldItalic.ttf"),
        ];
        for (font, file) in fonts {
            let path = format!("{}/assets/fonts/{file}", env!("CARGO_MANIFEST_DIR"));
            let on_disk = std::fs::read(&path).unwrap();
            assert!(font.deflated.len() < on_disk.len() * 7 / 10, "{file} barely deflates");
            assert!(font.bytes() == on_disk, "{file} inflates to other bytes");
        }
    }
}
