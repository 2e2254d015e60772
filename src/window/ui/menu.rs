//! The menu bar: Tệp/File, Sửa/Edit, Xem/View and Trợ giúp/Help menus generated from
//! [`Command`], and the language switch.

use crate::editing::document::Document;
use crate::i18n::Lang;
use crate::window::command::Command;
use crate::window::command::Tab;

/// Draws the menu bar; chosen commands go to `commands`, the language changes in place.
pub fn show(
    ui: &mut egui::Ui,
    doc: &Document,
    recent: &[std::path::PathBuf],
    exporting: bool,
    lang: &mut Lang,
    commands: &mut Vec<Command>,
) {
    let t = &lang.strings().menu;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(&t.file, |ui| {
            for command in [Command::NewFromSample, Command::Open, Command::Save, Command::SaveAs] {
                item(ui, command, *lang, true, commands);
            }
            ui.separator();
            // One export at a time: the items wait while a document is being made.
            for command in
                [Command::Print, Command::ExportReport, Command::ExportChart, Command::ExportXlsx]
            {
                item(ui, command, *lang, !exporting, commands);
            }
            item(ui, Command::Import, *lang, true, commands);
            item(ui, Command::IntakeNotice, *lang, true, commands);
            item(ui, Command::MergeCopy, *lang, true, commands);
            item(ui, Command::FollowUpLetters, *lang, true, commands);
            item(ui, Command::ExportCalendar, *lang, true, commands);
            ui.separator();
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button(&t.recent, |ui| {
                    for (index, path) in recent.iter().enumerate() {
                        if ui
                            .button(recent_label(path))
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            commands.push(Command::OpenRecent(index));
                            ui.close();
                        }
                    }
                });
            });
            item(ui, Command::RecoveryCopies, *lang, true, commands);
            ui.separator();
            item(ui, Command::Quit, *lang, true, commands);
        });
        ui.menu_button(&t.edit, |ui| {
            item(ui, Command::Undo, *lang, doc.can_undo(), commands);
            item(ui, Command::Redo, *lang, doc.can_redo(), commands);
            ui.separator();
            item(ui, Command::NewDirective, *lang, !doc.dataset().meetings.is_empty(), commands);
            item(ui, Command::Find, *lang, true, commands);
        });
        ui.menu_button(&t.view, |ui| {
            for tab in Tab::ALL {
                item(ui, Command::ShowTab(tab), *lang, true, commands);
            }
        });
        ui.menu_button(&lang.strings().help.menu, |ui| {
            item(ui, Command::Guide, *lang, true, commands);
            item(ui, Command::About, *lang, true, commands);
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for choice in [Lang::En, Lang::Vi] {
                let name = &choice.strings().language_name;
                if ui.selectable_label(*lang == choice, name.as_str()).clicked() {
                    *lang = choice;
                }
            }
            ui.label(&lang.strings().app.language);
        });
    });
}

/// A recent file in the menu: its name and the folder it is in, the folder's end kept when
/// it is long ("data.ron" alone told two offices' files apart by nothing).
pub fn recent_label(path: &std::path::Path) -> String {
    const FOLDER_CHARS: usize = 40;
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return name.into_owned();
    };
    let folder = folder.display().to_string();
    let count = folder.chars().count();
    let folder = if count > FOLDER_CHARS {
        let tail: String = folder.chars().skip(count - (FOLDER_CHARS - 1)).collect();
        format!("…{tail}")
    } else {
        folder
    };
    format!("{name} — {folder}")
}

fn item(ui: &mut egui::Ui, command: Command, lang: Lang, enabled: bool, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label(lang));
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(command);
        ui.close();
    }
}
