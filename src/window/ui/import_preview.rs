//! The preview of an import: how many rows will be added, changed or left as they are, the
//! rows themselves, and every refused row with its sheet, row number and reason — before
//! anything changes. Importing applies the accepted rows as one undo step.

use std::path::Path;

use crate::i18n::{Lang, fill};
use crate::interop::exchange::import::Plan;
use crate::window::ui::theme;

/// Draws the preview; `Some(true)` to import, `Some(false)` to cancel.
pub fn show(ui: &mut egui::Ui, file: &Path, plan: &Plan, lang: Lang) -> Option<bool> {
    let t = &lang.strings().import;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    ui.set_min_width(640.0);
    ui.label(
        egui::RichText::new(fill(&t.preview_title, &[("file", &name)])).font(theme::bold(18.0)),
    );
    let counts = crate::i18n::nonzero_counts(
        &[
            (&t.count_added, plan.added.len()),
            (&t.count_changed, plan.changed.len()),
            (&t.count_unchanged, plan.unchanged),
            (&t.count_refused, plan.refused.len()),
        ],
        ", ",
    );
    let summary = fill(&t.summary, &[("file", &name), ("counts", &counts)]);
    ui.label(summary);
    egui::ScrollArea::vertical().max_height(360.0).auto_shrink([false, true]).show(ui, |ui| {
        let section = |ui: &mut egui::Ui, title: &str, lines: &[String], colour| {
            if lines.is_empty() {
                return;
            }
            ui.add_space(4.0);
            ui.label(egui::RichText::new(title).font(theme::bold(15.0)).color(colour));
            // Long imports list their first rows; the counts above say the rest.
            for line in lines.iter().take(500) {
                ui.label(line);
            }
        };
        let refused: Vec<String> = plan
            .refused
            .iter()
            .map(|r| {
                fill(
                    &t.refused_line,
                    &[("sheet", &r.sheet), ("row", &r.row), ("reason", &r.reason)],
                )
            })
            .collect();
        section(ui, &t.refused, &refused, theme::ERROR);
        section(ui, &t.added, &plan.added, theme::CHANGE);
        section(ui, &t.changed, &plan.changed, theme::DUE_SOON);
    });
    ui.add_space(8.0);
    let count = plan.added.len() + plan.changed.len();
    let mut choice = None;
    ui.horizontal(|ui| {
        if count == 0 {
            ui.label(egui::RichText::new(&t.nothing).color(theme::MUTED));
        } else if plan.action.is_none() {
            // A report sheet with a refused row is not taken in part (exchange::answer).
            let words = &lang.strings().chase.answer_refused_whole;
            ui.label(egui::RichText::new(words).color(theme::ERROR));
        } else if ui.button(fill(&t.apply, &[("count", &count)])).clicked() {
            choice = Some(true);
        }
        if ui.button(&lang.strings().app.cancel).clicked() {
            choice = Some(false);
        }
    });
    choice
}
