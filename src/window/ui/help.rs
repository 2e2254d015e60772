//! Help: the short guide F1 opens (open a file, follow up a directive, print the report,
//! import from Excel or a notice, merge a copy, where the recovery copies are) and the
//! About box (the version, the data folder, the bundled fonts and their licences), in the
//! UI's language.

use std::path::Path;

use egui::RichText;

use crate::i18n::{Lang, fill};
use crate::window::ui::theme;

/// The licence of Noto Sans, Noto Sans Mono and Noto Sans Symbols 2.
const NOTO_LICENCE: &str = include_str!("../../../assets/fonts/OFL.txt");
/// The licence of Liberation Serif.
const LIBERATION_LICENCE: &str = include_str!("../../../assets/fonts/LiberationSerif-LICENSE.txt");

/// The guide; true once it is closed (Close, or Escape, which the modal handles).
pub fn guide(ui: &mut egui::Ui, data: Option<&Path>, lang: Lang) -> bool {
    let t = &lang.strings().help;
    ui.label(RichText::new(&t.guide_title).font(theme::bold(18.0)));
    let data = data.map_or_else(|| "…".to_owned(), |d| d.display().to_string());
    let height = (ui.ctx().content_rect().height() - 220.0).max(200.0);
    // Opened again, it starts at the top: egui keeps a scroll area's place by its id, and
    // the guide came back where it was last left. A frame that follows the one before is
    // the guide still open.
    let frame = ui.ctx().cumulative_frame_nr();
    let shown_id = egui::Id::unique("guide-last-frame");
    let last: Option<u64> = ui.data(|d| d.get_temp(shown_id));
    ui.data_mut(|d| d.insert_temp(shown_id, frame));
    let mut area = egui::ScrollArea::vertical().max_height(height).auto_shrink([false, true]);
    if last.is_none_or(|last| last + 1 < frame) {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        for (title, text) in &t.sections {
            ui.add_space(6.0);
            ui.label(RichText::new(title).font(theme::bold(15.0)));
            ui.label(fill(text, &[("data", &data)]));
        }
    });
    ui.add_space(6.0);
    ui.button(&t.close).clicked()
}

/// The About box; true once it is closed.
pub fn about(ui: &mut egui::Ui, data: Option<&Path>, lang: Lang) -> bool {
    let t = &lang.strings().help;
    ui.label(RichText::new(&lang.strings().app.name).font(theme::bold(18.0)));
    ui.label(fill(&t.version, &[("version", &env!("CARGO_PKG_VERSION"))]));
    ui.label(&t.about_body);
    ui.add_space(6.0);
    match data {
        Some(folder) => {
            ui.label(fill(&t.data_folder, &[("folder", &folder.display())]));
        }
        None => {
            ui.label(RichText::new(&t.no_data_folder).color(theme::MUTED));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(&t.fonts).font(theme::bold(15.0)));
    let fonts = [
        (
            "Noto Sans, Noto Sans Mono, Noto Sans Symbols 2",
            "SIL Open Font License 1.1",
            NOTO_LICENCE,
        ),
        ("Liberation Serif", "SIL Open Font License 1.1", LIBERATION_LICENCE),
    ];
    for (name, licence, text) in fonts {
        ui.label(fill(&t.font_line, &[("name", &name), ("licence", &licence)]));
        egui::CollapsingHeader::new(&t.licence).id_salt(name).show(ui, |ui| {
            egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
                ui.label(RichText::new(text).monospace().small());
            });
        });
    }
    ui.label(
        RichText::new(
            "egui: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT, Bitstream Vera), \
             Noto Emoji (SIL Open Font License 1.1), emoji-icon-font (MIT)",
        )
        .small()
        .color(theme::MUTED),
    );
    ui.add_space(6.0);
    ui.button(&t.close).clicked()
}
