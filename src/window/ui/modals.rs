//! The dialogs drawn inside the window: unsaved changes, errors, and typing a path when
//! the system has no file dialog, and the rest. It owns [`Modal`], what is asked, and
//! [`Answer`], what was answered; `crate::window::app` opens them and acts on the answers.

use std::path::PathBuf;

use crate::i18n::{Lang, fill};
use crate::model::Dataset;
use crate::window::command::Command;
use crate::window::jobs::export::{ExportChoices, ExportPurpose, ExportRequest};
use crate::window::ui::{export_dialog, import_preview, intake_dialog, theme};

/// A dialog inside the window that waits for an answer.
#[derive(Debug, PartialEq)]
pub enum Modal {
    /// Unsaved changes stand in the way of `then`: Save / Discard / Cancel.
    Unsaved { then: Command },
    /// Something went wrong; the text says what and where.
    Error { text: String },
    /// No system file dialog: the user types a path. `then` runs after a successful save.
    TypePath { purpose: PathPurpose, text: String, then: Option<Command> },
    /// Unsaved work of a window that is gone was found: restore it, discard it, or decide
    /// later (it stays on disk).
    Recover(OfferView),
    /// The file changed on disk since it was opened or saved: overwrite, save elsewhere,
    /// or cancel. `then` runs after a save.
    ChangedOnDisk { then: Option<Command> },
    /// What to print or export, and how; the letterhead form, once opened from it.
    Export {
        purpose: ExportPurpose,
        choices: ExportChoices,
        letterhead: Option<crate::window::ui::letterhead_form::Form>,
    },
    /// What an import from `file` would add, change and refuse, waiting for a yes.
    ImportPreview { file: PathBuf, plan: crate::interop::exchange::import::Plan },
    /// A conclusion notice being pasted, read or checked before its directives are added.
    Intake(Box<intake_dialog::Intake>),
    /// Another copy read against the document, waiting for the official's choices.
    Merge(Box<crate::window::ui::merge_view::MergeView>),
    /// The merge is saved: move these conflict copies into the folder beside them?
    PutAside { copies: Vec<PathBuf> },
    /// The short guide; `data` is the app's data folder, where its copies are.
    Guide { data: Option<PathBuf> },
    /// The version, the data folder and the fonts' licences.
    About { data: Option<PathBuf> },
    /// The follow-up letters: the units and their counts, the reply date, the format.
    Letters(crate::window::ui::letters_dialog::LettersDialog),
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    Save,
    /// Where to write the export waiting in `App::pending_export`.
    Export,
    /// A spreadsheet to import from.
    Import,
    /// A conclusion notice to read.
    Notice,
    /// A copy to merge.
    Merge,
}

/// The answer to a recovery offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoverChoice {
    /// Put the copy in place of the open document (it stays on disk until saved).
    Restore,
    /// Remove the copy for good.
    Discard,
    /// Keep the copy on disk and offer it again later.
    Later,
}

/// What the offer dialog shows of one copy, in the UI's words.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferView {
    /// The file the work belongs to, or the words for work never saved.
    pub file: String,
    /// When the copy was written: `10:42 01/12/2026`.
    pub written: String,
    /// What the copy changed, or why that can't be said.
    pub changes: String,
    /// Warnings: the file changed on disk since, the copy can't be read.
    pub warnings: Vec<String>,
    /// Whether the copy can be restored now (it can be read, and nothing unsaved is open).
    pub can_restore: bool,
    /// Where this offer stands among those waiting: (1, 3) for the first of three.
    pub position: (usize, usize),
}

/// What the user answered, or the modal itself while they haven't.
pub enum Answer {
    /// No answer yet: show it again next frame.
    Waiting(Modal),
    /// Dismissed (OK, Cancel, Escape).
    Closed,
    /// Save, then carry on with the command.
    SaveThen(Command),
    /// Drop the changes and carry on.
    DiscardThen(Command),
    /// A typed path was confirmed.
    TypedPath { purpose: PathPurpose, path: PathBuf, then: Option<Command> },
    /// What to do with a recovery copy.
    Recover(RecoverChoice),
    /// Keep this letterhead in the file (`None`: the default), and show `modal` again.
    Letterhead { letterhead: Option<Box<crate::model::Letterhead>>, modal: Modal },
    /// Save over the file changed on disk, then carry on.
    Overwrite(Option<Command>),
    /// Save to another file instead, then carry on.
    SaveElsewhere(Option<Command>),
    /// Print or export with these choices.
    Export(ExportRequest),
    /// Apply the import previewed from `file`.
    Import { file: PathBuf, action: crate::editing::action::Action },
    /// Show the file picker for a notice; `modal` is the intake dialog, shown again.
    PickNotice(Modal),
    /// Add what a notice gave: one edit, `count` directives, from `source`.
    Intake { action: crate::editing::action::Action, count: usize, source: String },
    /// Put the merge checked in `view` in the document.
    Merge {
        view: Box<crate::window::ui::merge_view::MergeView>,
        outcome: crate::window::ui::merge_view::Outcome,
    },
    /// Merge the disk's version of the file into the document (the save guard).
    MergeDisk,
    /// Move these merged conflict copies aside.
    PutAside(Vec<PathBuf>),
    /// Write the follow-up letters of `meeting` (a folder is asked for first).
    WriteLetters {
        meeting: crate::model::MeetingId,
        reply_by: jiff::civil::Date,
        format: crate::interop::paper::ReportFormat,
    },
}

/// Draws `modal` and returns the answer.
pub fn show(
    ctx: &egui::Context,
    modal: Modal,
    lang: Lang,
    document_name: &str,
    dataset: &Dataset,
    today: jiff::civil::Date,
) -> Answer {
    let t = &lang.strings().app;
    let mut answer = None;
    let mut saved_letterhead = None;
    let mut pick_notice = false;
    let mut merge_outcome = None;
    let mut modal = modal;
    // One id a kind of dialog: egui remembers a dialog's size by its id, and a small one
    // must not open at the size of a tall one shown before it.
    let id = egui::Id::unique(("industry-desk-modal", std::mem::discriminant(&modal)));
    // The notice's preview lists every directive with its fields: it needs the room.
    let width: f32 = if matches!(modal, Modal::Intake(_) | Modal::Merge(_)) {
        980.0
    } else if matches!(modal, Modal::Guide { .. } | Modal::About { .. }) {
        720.0
    } else {
        560.0
    };
    // The notice's and the merge's dialogs keep one width whatever they show: sized to
    // their contents, they changed width, and so place, as their lists scrolled.
    let fixed_width = matches!(modal, Modal::Intake(_) | Modal::Merge(_));
    // The room for the contents: the window less a margin either side and the dialog's
    // frame. In a window narrower than the dialog (half a screen) the dialog takes that
    // room exactly, its texts wrap to it, and only what cannot wrap scrolls sideways: the
    // notice's and the letters' dialogs ran off both sides, their buttons out of reach. (A
    // dialog's own width must not be asked of egui: a dialog's room is the size it had the
    // frame before, so one that opened small stayed small.) A dialog that fits is laid out
    // as it always was.
    let frame = egui::Frame::popup(&ctx.global_style());
    let room = ctx.content_rect().width() - 48.0 - frame.total_margin().sum().x;
    let narrow = room < width;
    let width = width.min(room).max(320.0);
    let modal_response = egui::Modal::new(id).show(ctx, |ui| {
        if narrow {
            ui.set_width(width);
        }
        let mut contents = |ui: &mut egui::Ui| {
            ui.set_max_width(width);
            if fixed_width {
                ui.set_width(width);
            }
            match &mut modal {
                Modal::Merge(view) => match crate::window::ui::merge_view::show(ui, view, lang) {
                    Some(crate::window::ui::merge_view::Outcome::Cancel) => {
                        answer = Some(Answer::Closed)
                    }
                    Some(outcome) => merge_outcome = Some(outcome),
                    None => {}
                },
                Modal::PutAside { copies } => {
                    let m = &lang.strings().merge;
                    ui.label(egui::RichText::new(&m.move_title).font(theme::bold(18.0)));
                    let body =
                        fill(&m.move_body, &[("count", &copies.len()), ("folder", &m.folder_name)]);
                    ui.label(body);
                    for copy in copies.iter() {
                        ui.label(
                            egui::RichText::new(copy.display().to_string()).color(theme::MUTED),
                        );
                    }
                    ui.horizontal(|ui| {
                        let button = fill(&m.move_to, &[("folder", &m.folder_name)]);
                        // Enter takes the bold choice, as in the other questions.
                        let enter = ui
                            .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
                        if ui.button(egui::RichText::new(button).font(theme::bold(15.0))).clicked()
                            || enter
                        {
                            answer = Some(Answer::PutAside(copies.clone()));
                        }
                        if ui.button(&m.leave).clicked() {
                            answer = Some(Answer::Closed);
                        }
                    });
                }
                Modal::Letters(dialog) => {
                    use crate::window::ui::letters_dialog::{self, Outcome};
                    match letters_dialog::show(ui, dialog, dataset, (lang, today)) {
                        Some(Outcome::Write { meeting, reply_by, format }) => {
                            answer = Some(Answer::WriteLetters { meeting, reply_by, format })
                        }
                        Some(Outcome::Cancel) => answer = Some(Answer::Closed),
                        None => {}
                    }
                }
                Modal::Guide { data } => {
                    if crate::window::ui::help::guide(ui, data.as_deref(), lang) {
                        answer = Some(Answer::Closed);
                    }
                }
                Modal::About { data } => {
                    if crate::window::ui::help::about(ui, data.as_deref(), lang) {
                        answer = Some(Answer::Closed);
                    }
                }
                Modal::Intake(intake) => {
                    match intake_dialog::show(ui, intake, dataset, (lang, today)) {
                        Some(intake_dialog::Outcome::PickFile) => pick_notice = true,
                        Some(intake_dialog::Outcome::Add { action, count, source }) => {
                            answer = Some(Answer::Intake { action, count, source })
                        }
                        Some(intake_dialog::Outcome::Cancel) => answer = Some(Answer::Closed),
                        None => {}
                    }
                }
                Modal::Export { purpose, choices, letterhead } => {
                    match export_dialog::show(ui, *purpose, choices, letterhead, dataset, lang) {
                        Some(export_dialog::Outcome::Go) => {
                            let request =
                                ExportRequest { purpose: *purpose, choices: choices.clone() };
                            answer = Some(Answer::Export(request));
                        }
                        Some(export_dialog::Outcome::Cancel) => answer = Some(Answer::Closed),
                        Some(export_dialog::Outcome::Letterhead(saved)) => {
                            saved_letterhead = Some(saved)
                        }
                        None => {}
                    }
                }
                Modal::ImportPreview { file, plan } => {
                    if let Some(choice) = import_preview::show(ui, file, plan, lang) {
                        answer = Some(match (choice, plan.action.clone()) {
                            (true, Some(action)) => Answer::Import { file: file.clone(), action },
                            _ => Answer::Closed,
                        });
                    }
                }
                Modal::Unsaved { then } => {
                    ui.label(egui::RichText::new(&t.unsaved_title).font(theme::bold(18.0)));
                    ui.label(fill(&t.unsaved_body, &[("name", &document_name)]));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(&t.save).clicked() {
                            answer = Some(Answer::SaveThen(*then));
                        }
                        if ui.button(&t.discard).clicked() {
                            answer = Some(Answer::DiscardThen(*then));
                        }
                        if ui.button(&t.cancel).clicked() {
                            answer = Some(Answer::Closed);
                        }
                    });
                }
                Modal::Error { text } => {
                    ui.label(
                        egui::RichText::new(&t.error_title)
                            .font(theme::bold(18.0))
                            .color(theme::ERROR),
                    );
                    egui::ScrollArea::vertical().max_height(400.0).show(ui, |ui| {
                        ui.label(text.as_str());
                    });
                    ui.add_space(8.0);
                    // Enter closes it too, as a message box's OK does.
                    let enter =
                        ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
                    if ui.button(&t.ok).clicked() || enter {
                        answer = Some(Answer::Closed);
                    }
                }
                Modal::Recover(offer) => answer = recover(ui, offer, lang).map(Answer::Recover),
                Modal::ChangedOnDisk { then } => {
                    ui.label(egui::RichText::new(&t.changed_title).font(theme::bold(18.0)));
                    ui.label(fill(&t.changed_body, &[("file", &document_name)]));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let merge = &lang.strings().merge.merge_disk;
                        if ui.button(egui::RichText::new(merge).font(theme::bold(15.0))).clicked() {
                            answer = Some(Answer::MergeDisk);
                        }
                        if ui.button(&t.overwrite).clicked() {
                            answer = Some(Answer::Overwrite(*then));
                        }
                        if ui.button(&t.save_elsewhere).clicked() {
                            answer = Some(Answer::SaveElsewhere(*then));
                        }
                        if ui.button(&t.cancel).clicked() {
                            answer = Some(Answer::Closed);
                        }
                    });
                }
                Modal::TypePath { purpose, text, then } => {
                    // Open, Import, a notice and a merge all ask for a file to read: the
                    // title says which was asked for (it was "Mở tệp" for all four).
                    let asked = |command: Command| command.label(lang).trim_end_matches('…');
                    let title = match purpose {
                        PathPurpose::Open => t.path_prompt_open.as_str(),
                        PathPurpose::Import => asked(Command::Import),
                        PathPurpose::Notice => asked(Command::IntakeNotice),
                        PathPurpose::Merge => asked(Command::MergeCopy),
                        PathPurpose::Save | PathPurpose::Export => t.path_prompt_save.as_str(),
                    };
                    ui.label(egui::RichText::new(title).font(theme::bold(18.0)));
                    ui.label(&t.no_dialog);
                    let mut typed = text.clone();
                    let field = ui.add(egui::TextEdit::singleline(&mut typed).desired_width(520.0));
                    let field = field.accessible_name(t.path_label.clone());
                    // Read before the field is given the keyboard back: Enter takes it away, and
                    // once given back the field had not lost it, so Enter did nothing.
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if !entered && ui.memory(|m| m.focused().is_none()) {
                        // Type straight away, as in a system dialog.
                        field.request_focus();
                    }
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(!typed.trim().is_empty(), egui::Button::new(&t.ok));
                        if (ok.clicked() || entered) && !typed.trim().is_empty() {
                            let path = PathBuf::from(typed.trim());
                            answer =
                                Some(Answer::TypedPath { purpose: *purpose, path, then: *then });
                        }
                        if ui.button(&t.cancel).clicked() {
                            answer = Some(Answer::Closed);
                        }
                    });
                    if answer.is_none() {
                        answer = Some(Answer::Waiting(Modal::TypePath {
                            purpose: *purpose,
                            text: typed,
                            then: *then,
                        }));
                    }
                }
            }
        };
        if narrow {
            egui::ScrollArea::horizontal()
                .id_salt("modal-sideways")
                .auto_shrink([false, true])
                .max_width(width)
                .show(ui, |ui| contents(ui));
        } else {
            contents(ui);
        }
    });
    // Escape or a click outside cancels, unless a button was pressed this frame.
    let still_open = matches!(answer, None | Some(Answer::Waiting(_)));
    // Recovered work is never dropped by a stray Escape or click: it needs an answer.
    // Nor is a notice pasted or a proposal being checked.
    let needs_answer = match &modal {
        Modal::Recover { .. } => true,
        Modal::Intake(intake) => !intake.may_close_casually(),
        // Nor the choices made in a merge.
        Modal::Merge(_) => true,
        _ => false,
    };
    if still_open && !needs_answer && modal_response.should_close() {
        answer = Some(Answer::Closed);
    }
    if pick_notice {
        return Answer::PickNotice(modal);
    }
    if let Some(outcome) = merge_outcome {
        if let Modal::Merge(view) = modal {
            return Answer::Merge { view, outcome };
        }
        return Answer::Closed;
    }
    if let Some(letterhead) = saved_letterhead {
        return Answer::Letterhead { letterhead, modal };
    }
    answer.unwrap_or(Answer::Waiting(modal))
}

/// The offer of a recovery copy: whose work, when, what it changed; Restore (the default:
/// Enter), Discard, Decide later.
fn recover(ui: &mut egui::Ui, offer: &OfferView, lang: Lang) -> Option<RecoverChoice> {
    let t = &lang.strings().recovery;
    ui.label(egui::RichText::new(&t.title).font(theme::bold(18.0)));
    if offer.position.1 > 1 {
        let (n, count) = offer.position;
        ui.label(
            egui::RichText::new(fill(&t.position, &[("n", &n), ("count", &count)]))
                .color(theme::MUTED),
        );
    }
    ui.label(fill(&t.body, &[("file", &offer.file), ("written", &offer.written)]));
    if !offer.changes.is_empty() {
        ui.label(&offer.changes);
    }
    for warning in &offer.warnings {
        ui.label(egui::RichText::new(format!("⚠ {warning}")).color(theme::ERROR));
    }
    if !offer.can_restore && offer.warnings.is_empty() {
        ui.label(egui::RichText::new(&t.save_first).color(theme::MUTED));
    }
    ui.add_space(8.0);
    let mut choice = None;
    ui.horizontal(|ui| {
        // The default answer stands out (Enter presses it).
        let restore_text = egui::RichText::new(&t.restore).font(theme::bold(15.0));
        let restore = ui.add_enabled(offer.can_restore, egui::Button::new(restore_text));
        let discard = ui.button(&t.discard);
        let later = ui.button(&t.later);
        // The keyboard starts on the safe default, so Enter restores (or keeps for later).
        if ui.memory(|m| m.focused().is_none()) {
            if offer.can_restore { restore.request_focus() } else { later.request_focus() }
        }
        if restore.clicked() {
            choice = Some(RecoverChoice::Restore);
        }
        if discard.clicked() {
            choice = Some(RecoverChoice::Discard);
        }
        if later.clicked() {
            choice = Some(RecoverChoice::Later);
        }
    });
    choice
}
