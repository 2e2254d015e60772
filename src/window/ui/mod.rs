//! Drawing the window: one module a tab, plus the menu bar, the modal dialogs and the
//! theme. Tabs read a [`View`] of the data and push edits as [`crate::editing::action::Action`]s;
//! they never change the dataset themselves.

pub mod charts;
pub mod date_picker;
pub mod directive_editor;
pub mod directive_fields;
pub mod directives;
pub mod export_dialog;
pub mod figures_editor;
pub mod help;
pub mod import_preview;
pub mod intake_dialog;
pub mod letterhead_form;
pub mod letters_dialog;
pub mod menu;
pub mod merge_view;
pub mod modals;
pub mod output;
pub mod overview;
pub mod record_forms;
pub mod row_heights;
pub mod theme;
pub mod unit_summary;
pub mod zones;

use std::cell::RefCell;

use jiff::civil::Date;

use crate::i18n::{Lang, fill};
use crate::interop::paper::ChartKind;
use crate::model::Dataset;
use crate::visual::chart::Charts;
use crate::window::clipboard::{Clip, ClipTable};
use crate::window::command::Tab;

/// What a tab draws from.
pub struct View<'a> {
    pub dataset: &'a Dataset,
    /// The charts of `dataset`, current for its revision and the language.
    pub charts: &'a Charts,
    pub lang: Lang,
    pub today: Date,
    /// The document's revision: what caches of `dataset` key on.
    pub revision: u64,
    /// What the tabs ask to copy this frame (the app copies it once the frame is drawn).
    pub clips: &'a RefCell<Vec<Clip>>,
}

impl View<'_> {
    /// Asks for `clip` to be put on the clipboard.
    pub fn copy(&self, clip: Clip) {
        self.clips.borrow_mut().push(clip);
    }
}

/// "Sao chép hình" under a chart, and on its right-click menu: the chart drawn for paper
/// goes on the clipboard. `name` is the chart's title.
pub fn copy_chart(
    ui: &mut egui::Ui,
    plot: &egui::Response,
    kind: ChartKind,
    name: &str,
    view: &View,
) {
    copy_chart_menu(plot, kind.clone(), name, view);
    copy_chart_button(ui, kind, name, view);
}

/// The chart's right-click menu with "Sao chép hình".
pub fn copy_chart_menu(plot: &egui::Response, kind: ChartKind, name: &str, view: &View) {
    let t = &view.lang.strings().clip;
    plot.context_menu(|ui| {
        if ui.button(&t.copy_chart).clicked() {
            view.copy(Clip::Chart { kind, name: name.to_owned() });
            ui.close();
        }
    });
}

/// A small "Sao chép hình" button, named for its chart.
pub fn copy_chart_button(ui: &mut egui::Ui, kind: ChartKind, name: &str, view: &View) {
    let t = &view.lang.strings().clip;
    let named = fill(&t.copy_chart_named, &[("name", &name)]);
    if ui.button(&t.copy_chart).accessible_name(named).clicked() {
        view.copy(Clip::Chart { kind, name: name.to_owned() });
    }
}

/// A grid cell of a form holding a field and what goes beside it (a unit, a choice, the
/// calendar's button), centred on its tallest part like a cell of one widget, so the
/// caption in the cell before stands level with the field: in `ui.horizontal` the field sat
/// 4 px below the caption's middle ("Diện tích … ha", "Giá trị … triệu kWh").
pub fn beside<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), add_contents).inner
}

/// A row of a caption and its field (and a button or choice after them), as tall as a text
/// field, each widget centred in it: in `ui.horizontal` what comes before the tallest
/// widget is centred on a shorter line, and a caption stood 4 px above its field's middle
/// ("Hạn báo cáo", "Tên chỉ tiêu", the box "Cho phép kéo, thu phóng" beside its button).
pub fn field_row<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    // A single-line field: a line of body text and the button padding above and below it.
    let height = ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y;
    let size = egui::vec2(ui.available_width(), height);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, add_contents).inner
}

/// "Sao chép bảng" over a table: its rows as the screen shows them go on the clipboard,
/// made only when asked.
pub fn copy_table(ui: &mut egui::Ui, name: &str, view: &View, table: impl FnOnce() -> ClipTable) {
    let t = &view.lang.strings().clip;
    let named = fill(&t.copy_table_named, &[("name", &name)]);
    // A button like the ones beside it (it stood 7 px shorter, its text higher).
    if ui.button(&t.copy_table).accessible_name(named).clicked() {
        view.copy(Clip::Table { name: name.to_owned(), table: table() });
    }
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
