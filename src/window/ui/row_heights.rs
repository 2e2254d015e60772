//! How tall each row of the checklist is: its directive's text wraps to two or three lines
//! (and its lead unit to two) in the columns' widths of the moment.
//!
//! The table stays virtualised with rows of varying height only if every row's height is
//! known without laying its text out: each text's width on one line is measured once (a
//! sum of glyph advances from a table of the font's Latin letters, where all of
//! Vietnamese is) and kept until the text changes; a frame then divides it by the
//! column's width. The estimate errs towards a line more; a text that still needs more
//! lines than the row has ends in "…", and the whole of it is in the row's tooltip.

use std::collections::HashMap;

use egui::FontId;

use crate::model::{Dataset, UnitId};

/// The most lines a directive's text takes in the list.
pub const TEXT_LINES: usize = 3;
/// The most lines a lead unit's name takes.
pub const LEAD_LINES: usize = 2;
/// The height of a row of one line: the deadline field and tick box fit in it.
pub const ONE_LINE_ROW: f32 = 30.0;

/// A directive's text and lead unit as measured.
#[derive(Debug, Default)]
struct Measured {
    text: String,
    text_width: f32,
    lead_width: f32,
}

/// The measured widths, by the directive's place in the file, for one font.
#[derive(Debug, Default)]
pub struct RowHeights {
    font: Option<FontId>,
    /// The font's advances, made once for it.
    advances: Option<Advances>,
    revision: Option<u64>,
    measured: Vec<Measured>,
}

impl RowHeights {
    /// Brings the widths up to `revision` of `dataset` (a no-op when they are): texts that
    /// changed are measured again, and the units' names (a few hundred, not one a
    /// directive). `unit_name` is a unit's name as the list shows it, `none` what it shows
    /// for a directive without a lead.
    pub fn update(
        &mut self,
        ui: &egui::Ui,
        font: &FontId,
        dataset: &Dataset,
        revision: u64,
        unit_name: impl Fn(UnitId) -> String,
        none: &str,
    ) {
        if self.revision == Some(revision) && self.font.as_ref() == Some(font) {
            return;
        }
        if self.font.as_ref() != Some(font) {
            self.measured.clear();
            self.font = Some(font.clone());
            self.advances = None;
        }
        self.revision = Some(revision);
        let count = dataset.directives.len();
        self.measured.truncate(count);
        self.measured.resize_with(count, Measured::default);
        let widths = self.advances.get_or_insert_with(|| Advances::new(ui, font));
        let units: HashMap<UnitId, f32> = dataset
            .units
            .iter()
            .map(|unit| (unit.id, widths.of(ui, font, &unit_name(unit.id))))
            .collect();
        let no_lead = widths.of(ui, font, none);
        for (directive, measured) in dataset.directives.iter().zip(&mut self.measured) {
            if measured.text != directive.text || measured.text_width == 0.0 {
                measured.text.clone_from(&directive.text);
                measured.text_width = widths.of(ui, font, &directive.text);
            }
            measured.lead_width =
                directive.lead_unit.and_then(|u| units.get(&u).copied()).unwrap_or(no_lead);
        }
    }

    /// How many lines the text of directive `index` takes in a column `text_width` wide,
    /// and its lead unit in one `lead_width` wide.
    pub fn lines(&self, index: usize, text_width: f32, lead_width: f32) -> (usize, usize) {
        let Some(measured) = self.measured.get(index) else { return (1, 1) };
        (
            lines_for(measured.text_width, text_width, TEXT_LINES),
            lines_for(measured.lead_width, lead_width, LEAD_LINES),
        )
    }
}

/// The height of a row of `lines` lines.
pub fn row_height(lines: usize, line_height: f32) -> f32 {
    // The cell's margins above and below, as egui's table gives a one-line row.
    let padding = ONE_LINE_ROW - line_height;
    (lines as f32 * line_height + padding).max(ONE_LINE_ROW)
}

/// Lines a text `width` wide on one line takes in a column `column` wide, at most `most`.
fn lines_for(width: f32, column: f32, most: usize) -> usize {
    if column <= 1.0 || width <= 0.0 {
        return 1;
    }
    // The text starts a little inside the cell.
    let inner = column - 6.0;
    if width <= inner {
        return 1;
    }
    // Lines break between words, not where the column ends: a wrapped line holds about
    // 92% of the width.
    ((width / (inner * 0.92)).ceil() as usize).max(2).min(most)
}

/// Glyph advances of a font, for the Latin letters from a table (filled once per font),
/// for the rest from the font.
#[derive(Debug)]
struct Advances {
    latin: Vec<f32>,
}

/// The chars the table covers: ASCII up to the end of Latin Extended Additional (ệ, ữ …).
const TABLE_END: u32 = 0x1F00;

impl Advances {
    fn new(ui: &egui::Ui, font: &FontId) -> Advances {
        let latin = ui.fonts_mut(|fonts| {
            (0..TABLE_END)
                .map(|code| char::from_u32(code).map_or(0.0, |c| fonts.glyph_width(font, c)))
                .collect()
        });
        Advances { latin }
    }

    fn of(&self, ui: &egui::Ui, font: &FontId, text: &str) -> f32 {
        let mut width = 0.0;
        let mut others = Vec::new();
        for c in text.chars() {
            match self.latin.get(c as usize) {
                Some(advance) => width += advance,
                None => others.push(c),
            }
        }
        if !others.is_empty() {
            width += ui
                .fonts_mut(|fonts| others.iter().map(|&c| fonts.glyph_width(font, c)).sum::<f32>());
        }
        width
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_takes_the_lines_its_width_needs_up_to_the_most() {
        assert_eq!(lines_for(100.0, 400.0, 3), 1);
        // What fits the cell is one line, however close to its edge.
        assert_eq!(lines_for(390.0, 400.0, 3), 1);
        assert_eq!(lines_for(500.0, 400.0, 3), 2);
        // Wrapped, a line holds about 92% of the cell: 720 of 394 is more than two.
        assert_eq!(lines_for(720.0, 400.0, 3), 2);
        assert_eq!(lines_for(730.0, 400.0, 3), 3);
        assert_eq!(lines_for(5_000.0, 400.0, 3), 3);
        assert_eq!(lines_for(0.0, 400.0, 3), 1);
        assert_eq!(lines_for(500.0, 0.0, 3), 1);
    }

    #[test]
    fn a_row_of_one_line_is_as_tall_as_before_and_grows_by_lines() {
        assert_eq!(row_height(1, 20.0), ONE_LINE_ROW);
        assert_eq!(row_height(2, 20.0), ONE_LINE_ROW + 20.0);
        assert_eq!(row_height(3, 20.0), ONE_LINE_ROW + 40.0);
    }
}
