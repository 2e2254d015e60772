//! What the menus and keyboard shortcuts can ask for, as data: each [`Command`] knows its
//! label and shortcuts, so menus and key handling are generated from one table.
//! `crate::window::app` carries them out; it is the only code that opens dialogs or touches files.

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A request from a menu item or shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Replace the document by a fresh copy of the built-in dataset.
    NewFromSample,
    /// Open a dataset file.
    Open,
    /// Save to the document's file (asks for one if it has none).
    Save,
    /// Save to a file the user picks.
    SaveAs,
    /// Make the report and open it in the PDF viewer to print.
    Print,
    /// Save the report as a PDF file.
    ExportReport,
    /// Save one chart as PDF, SVG or PNG.
    ExportChart,
    /// Save the whole dataset as an Excel workbook.
    ExportXlsx,
    /// Read figures and directives from a spreadsheet, after a preview.
    Import,
    /// Read a conclusion notice's meeting and directives, after a preview.
    IntakeNotice,
    /// Merge another copy of the file (a conflict copy, a copy sent by mail).
    MergeCopy,
    /// Write a follow-up letter to each lead unit with unfinished directives.
    FollowUpLetters,
    /// Save the directives' deadlines as an iCalendar file.
    ExportCalendar,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add a directive to the meeting being looked at.
    NewDirective,
    /// Put the keyboard in the directives' search box.
    Find,
    /// Open the file at this place of the recent-files list.
    OpenRecent(usize),
    /// Show the directives the banner counts (overdue, or due soon).
    ShowAlerts,
    /// Show a tab (Ctrl+1 … Ctrl+4).
    ShowTab(Tab),
    /// Look for the unsaved work of windows that ended without saving it, and offer it.
    RecoveryCopies,
    /// The short guide (F1).
    Guide,
    /// The version, the data folder and the fonts' licences.
    About,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 25] = [
        Command::NewFromSample,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Print,
        Command::ExportReport,
        Command::ExportChart,
        Command::ExportXlsx,
        Command::Import,
        Command::IntakeNotice,
        Command::MergeCopy,
        Command::FollowUpLetters,
        Command::ExportCalendar,
        Command::RecoveryCopies,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::NewDirective,
        Command::Find,
        Command::ShowTab(Tab::Overview),
        Command::ShowTab(Tab::Output),
        Command::ShowTab(Tab::Zones),
        Command::ShowTab(Tab::Directives),
        Command::Guide,
        Command::About,
    ];

    /// Its label in the menus.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = &lang.strings().menu;
        match self {
            Command::NewFromSample => &t.new_from_sample,
            Command::Open => &t.open,
            Command::Save => &t.save,
            Command::SaveAs => &t.save_as,
            Command::Print => &lang.strings().export.menu_print,
            Command::ExportReport => &lang.strings().export.menu_export_pdf,
            Command::ExportChart => &lang.strings().export.menu_export_chart,
            Command::ExportXlsx => &lang.strings().export.menu_export_xlsx,
            Command::Import => &lang.strings().import.menu,
            Command::IntakeNotice => &lang.strings().intake.menu,
            Command::MergeCopy => &lang.strings().merge.menu,
            Command::FollowUpLetters => &lang.strings().chase.menu_letters,
            Command::ExportCalendar => &lang.strings().chase.menu_calendar,
            Command::RecoveryCopies => &lang.strings().recovery.menu,
            Command::Quit => &t.quit,
            Command::Undo => &t.undo,
            Command::Redo => &t.redo,
            Command::NewDirective => &t.new_directive,
            Command::OpenRecent(_) => &t.recent,
            Command::ShowAlerts => &lang.strings().directives.banner_show,
            Command::Find => &t.find,
            Command::ShowTab(tab) => tab.label(lang),
            Command::Guide => &lang.strings().help.guide,
            Command::About => &lang.strings().help.about,
        }
    }

    /// Its shortcuts; the first one is shown in the menu. More specific ones (with Shift)
    /// come first in [`Command::ALL`]'s key handling, see [`Command::from_shortcuts`].
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL_SHIFT, Key::S)];
        const QUIT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::Q)];
        const PRINT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::P)];
        const EXPORT_REPORT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::E)];
        const UNDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::Z)];
        const REDO: [KeyboardShortcut; 2] =
            [KeyboardShortcut::new(CTRL, Key::Y), KeyboardShortcut::new(CTRL_SHIFT, Key::Z)];
        const TABS: [[KeyboardShortcut; 1]; 4] = [
            [KeyboardShortcut::new(CTRL, Key::Num1)],
            [KeyboardShortcut::new(CTRL, Key::Num2)],
            [KeyboardShortcut::new(CTRL, Key::Num3)],
            [KeyboardShortcut::new(CTRL, Key::Num4)],
        ];
        const NEW_DIRECTIVE: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::N)];
        const FIND: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CTRL, Key::F)];
        const GUIDE: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F1)];
        match self {
            Command::ShowTab(tab) => &TABS[tab as usize],
            Command::NewDirective => &NEW_DIRECTIVE,
            Command::OpenRecent(_)
            | Command::ShowAlerts
            | Command::ExportChart
            | Command::ExportXlsx
            | Command::Import
            | Command::IntakeNotice
            | Command::MergeCopy
            | Command::FollowUpLetters
            | Command::ExportCalendar
            | Command::RecoveryCopies
            | Command::About => &[],
            Command::Guide => &GUIDE,
            Command::Print => &PRINT,
            Command::ExportReport => &EXPORT_REPORT,
            Command::Find => &FIND,
            Command::NewFromSample => &[],
            Command::Open => &OPEN,
            Command::Save => &SAVE,
            Command::SaveAs => &SAVE_AS,
            Command::Quit => &QUIT,
            Command::Undo => &UNDO,
            Command::Redo => &REDO,
        }
    }

    /// Whether a focused text field should get this shortcut instead (its own undo).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// The commands whose shortcuts were pressed this frame, consuming those key presses.
    /// Shortcuts with Shift are matched first, so Ctrl+Shift+S is Save As, not Save.
    pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.text_edit_focused();
        let mut table: Vec<(Command, &KeyboardShortcut)> = Command::ALL
            .iter()
            .filter(|command| !(typing && command.yields_to_text_fields()))
            .flat_map(|&command| command.shortcuts().iter().map(move |s| (command, s)))
            .collect();
        table.sort_by_key(|(_, shortcut)| std::cmp::Reverse(shortcut.modifiers.shift));
        ctx.input_mut(|input| {
            table
                .into_iter()
                .filter(|(_, shortcut)| input.consume_shortcut(shortcut))
                .map(|(command, _)| command)
                .collect()
        })
    }
}

/// The tabs of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    /// Meeting card and figures table.
    #[default]
    Overview,
    /// Output of each product.
    Output,
    /// Industrial zones and clusters.
    Zones,
    /// The directives checklist.
    Directives,
}

impl Tab {
    /// Every tab, in the order of the tab bar.
    pub const ALL: [Tab; 4] = [Tab::Overview, Tab::Output, Tab::Zones, Tab::Directives];

    /// Its name on the tab bar.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = &lang.strings().tabs;
        match self {
            Tab::Overview => &t.overview,
            Tab::Output => &t.output,
            Tab::Zones => &t.zones,
            Tab::Directives => &t.directives,
        }
    }
}
