//! The bundled fonts, embedded once and shared by the screen (`ui::theme`) and paper
//! (`paper`). Noto Sans has every Vietnamese letter, stacked marks included; Symbols 2
//! has the status icons; Mono the arrows and maths signs (all under the OFL, `OFL.txt`
//! beside them). Liberation Serif, metric-compatible with Times New Roman and covering
//! Vietnamese, sets the official report, as Nghị định 30/2020 asks Times New Roman
//! (OFL, `LiberationSerif-LICENSE.txt`).

/// Noto Sans Regular.
pub const SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Mono Regular.
pub const MONO: &[u8] = include_bytes!("../../assets/fonts/NotoSansMono-Regular.ttf");
/// Noto Sans Symbols 2 Regular.
pub const SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf");
/// Liberation Serif Regular.
pub const SERIF: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
/// Liberation Serif Bold.
pub const SERIF_BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
/// Liberation Serif Italic.
pub const SERIF_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");
/// Liberation Serif Bold Italic.
pub const SERIF_BOLD_ITALIC: &[u8] =
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf");

/// The family name paper's SVG asks for (the bundled fonts' own name).
pub const FAMILY: &str = "Noto Sans";
/// The serif family's own name, which the official report's charts ask for.
pub const SERIF_FAMILY: &str = "Liberation Serif";
