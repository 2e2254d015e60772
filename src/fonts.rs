//! The bundled fonts, embedded once and shared by the screen (`ui::theme`) and paper
//! (`paper`). Noto Sans has every Vietnamese letter, stacked marks included; Symbols 2
//! has the status icons; Mono the arrows and maths signs. All under the OFL (beside them).

/// Noto Sans Regular.
pub const SANS: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Mono Regular.
pub const MONO: &[u8] = include_bytes!("../assets/fonts/NotoSansMono-Regular.ttf");
/// Noto Sans Symbols 2 Regular.
pub const SYMBOLS: &[u8] = include_bytes!("../assets/fonts/NotoSansSymbols2-Regular.ttf");

/// The family name paper's SVG asks for (the bundled fonts' own name).
pub const FAMILY: &str = "Noto Sans";
