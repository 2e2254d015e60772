//! Drawing the window: one module a tab, plus the menu bar, the modal dialogs and the
//! theme. Tabs read a [`View`] of the data and push edits as [`crate::action::Action`]s;
//! they never change the dataset themselves.

pub mod charts;
pub mod directive_editor;
pub mod directives;
pub mod export_dialog;
pub mod figures_editor;
pub mod import_preview;
pub mod letterhead_form;
pub mod menu;
pub mod modals;
pub mod output;
pub mod overview;
pub mod record_forms;
pub mod theme;
pub mod unit_summary;
pub mod zones;

use jiff::civil::Date;

use crate::app::Tab;
use crate::chart::Charts;
use crate::i18n::Lang;
use crate::model::Dataset;

/// What a tab draws from.
pub struct View<'a> {
    pub dataset: &'a Dataset,
    /// The charts of `dataset`, current for its revision and the language.
    pub charts: &'a Charts,
    pub lang: Lang,
    pub today: Date,
    /// The document's revision: what caches of `dataset` key on.
    pub revision: u64,
}

/// The row of tab names; clicking one shows that tab.
pub fn tab_bar(ui: &mut egui::Ui, current: &mut Tab, lang: Lang) {
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            let text = egui::RichText::new(tab.label(lang)).size(17.0);
            if ui.selectable_label(*current == tab, text).clicked() {
                *current = tab;
            }
        }
    });
}

/// A section heading inside a tab.
pub fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).font(theme::bold(18.0)));
}

/// A framed card, as the meeting card and the directives use.
pub fn card<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Frame::new()
        .fill(theme::CARD)
        .stroke(egui::Stroke::new(1.0, theme::RULE))
        .corner_radius(6.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add_contents(ui)
        })
        .inner
}
