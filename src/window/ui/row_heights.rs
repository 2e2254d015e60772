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
    /// The lead unit `lead_width` is of; `None` before it was measured.
    lead: Option<Option<UnitId>>,
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
    /// Each unit's name as the list shows it, and its width; with "no lead" under `None`.
    units: HashMap<Option<UnitId>, (String, f32)>,
}

impl RowHeights {
    /// Brings the widths up to `revision` of `dataset` (a no-op when they are): texts that
    /// changed are measured again, and units' names that changed (a few hundred, not one a
    /// directive); a directive's lead is looked up again only when it or a name changed, so
    /// an edit of one directive in a province's file costs a pass of comparisons.
    /// `unit_name` is a unit's name as the list shows it, `none` what it shows for a
    /// directive without a lead.
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
            self.units.clear();
            self.font = Some(font.clone());
            self.advances = None;
        }
        self.revision = Some(revision);
        let count = dataset.directives.len();
        self.measured.truncate(count);
        self.measured.resize_with(count, Measured::default);
        let widths = self.advances.get_or_insert_with(|| Advances::new(ui, font));
        let names = dataset
            .units
            .iter()
            .map(|unit| (Some(unit.id), unit_name(unit.id)))
            .chain([(None, none.to_owned())]);
        let mut names_changed = self.units.len() != dataset.units.len() + 1;
        for (id, name) in names {
            match self.units.get(&id) {
                Some((known, _)) if *known == name => {}
                _ => {
                    let width = widths.of(ui, font, &name);
                    self.units.insert(id, (name, width));
                    names_changed = true;
                }
            }
        }
        if names_changed {
            // A unit removed (by undo) leaves no name behind to be found by a lead.
            let ids: std::collections::HashSet<_> =
                dataset.units.iter().map(|u| Some(u.id)).chain([None]).collect();
            self.units.retain(|id, _| ids.contains(id));
        }
        let no_lead = self.units[&None].1;
        for (directive, measured) in dataset.directives.iter().zip(&mut self.measured) {
            if measured.text != directive.text || measured.text_width == 0.0 {
                measured.text.clone_from(&directive.text);
                measured.text_width = widths.of(ui, font, &directive.text);
            }
            if names_changed || measured.lead != Some(directive.lead_unit) {
                measured.lead = Some(directive.lead_unit);
                measured.lead_width = match directive.lead_unit {
                    Some(unit) => self.units.get(&Some(unit)).map_or(no_lead, |(_, w)| *w),
                    None => no_lead,
                };
            }
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

    /// The lead lines of each directive in a column 100 px wide, after `update`.
    fn lead_lines(heights: &mut RowHeights, data: &Dataset, revision: u64) -> Vec<usize> {
        let mut lines = Vec::new();
        let mut output = egui::Context::default().run_ui(Default::default(), |ui| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let name = |id| data.unit(id).map_or(String::new(), |u| u.name.clone());
            heights.update(ui, &font, data, revision, name, "—");
            lines = (0..data.directives.len()).map(|i| heights.lines(i, 1000.0, 100.0).1).collect();
        });
        // The font atlas made on the way is not drawn anywhere.
        output.textures_delta.clear();
        lines
    }

    #[test]
    fn a_lead_unit_changed_renamed_or_removed_is_measured_again() {
        const LONG: &str = "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn";
        let mut data = crate::files::builtin::dataset();
        let mut heights = RowHeights::default();
        let unit = |id, name: &str| crate::model::Unit {
            id: UnitId(id),
            name: name.into(),
            ..data.units[0].clone()
        };
        let (short, long) = (unit(900, "Sở"), unit(901, LONG));
        data.units.extend([short.clone(), long.clone()]);
        let short_at = data.units.len() - 2;
        data.directives[0].lead_unit = Some(short.id);
        data.directives[1].lead_unit = Some(long.id);
        let lines = lead_lines(&mut heights, &data, 1);
        assert_eq!((lines[0], lines[1]), (1, 2), "a short name takes one line, a long two");
        // The short unit renamed to a long name, with no other change: two lines.
        data.units[short_at].name = LONG.into();
        assert_eq!(lead_lines(&mut heights, &data, 2)[0], 2);
        // Named back, and the other directive's lead set to it: both rows one line.
        data.units[short_at].name = short.name.clone();
        data.directives[1].lead_unit = Some(short.id);
        let lines = lead_lines(&mut heights, &data, 3);
        assert_eq!((lines[0], lines[1]), (1, 1));
        // Both leads taken away and the units removed (the undo of adding them): "—".
        data.directives[0].lead_unit = None;
        data.directives[1].lead_unit = None;
        data.units.truncate(short_at);
        let lines = lead_lines(&mut heights, &data, 4);
        assert_eq!((lines[0], lines[1]), (1, 1));
        // Nothing changed but the revision: the same lines.
        assert_eq!(lead_lines(&mut heights, &data, 5), lines);
    }

    #[test]
    fn a_row_of_one_line_is_as_tall_as_before_and_grows_by_lines() {
        assert_eq!(row_height(1, 20.0), ONE_LINE_ROW);
        assert_eq!(row_height(2, 20.0), ONE_LINE_ROW + 20.0);
        assert_eq!(row_height(3, 20.0), ONE_LINE_ROW + 40.0);
    }
}
