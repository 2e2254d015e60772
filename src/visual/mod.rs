//! What the screen and paper draw alike, so a chart reads the same in the window, the PDF
//! and the Word file: each chart's content (bars, labels, changes) computed from the
//! dataset, the palette, and the bundled fonts.

pub mod chart;
pub mod fonts;
pub mod palette;
