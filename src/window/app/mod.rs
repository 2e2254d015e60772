//! The eframe application: owns the [`Document`], the UI state and the one notification
//! path, draws the window, and at the end of each frame applies the edits and carries out
//! the commands the UI collected. Only [`App::run`] opens dialogs or touches files.
//!
//! Saving and the recovery copies run on worker threads ([`saving`]); crashed work is
//! offered back from [`recovering`].

mod chasing;
mod intake;
mod merging;
mod recovering;
mod saving;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::editing::action::Action;
use crate::editing::document::Document;
use crate::files::builtin;
use crate::files::recovery::{self, Offer, Slot};
use crate::files::storage;
use crate::i18n::{Lang, fill};
use crate::model::Dataset;
use crate::model::followup;
use crate::visual::chart::{Charts, ChartsCache};
use crate::window::command::Command;
pub use crate::window::command::Tab;
use crate::window::dialogs::{self, FileDialogs, Picked, SystemDialogs, Viewer};
use crate::window::jobs::export::{self, ExportChoices, ExportPurpose, ExportRequest, Finished};
use crate::window::jobs::open::{self, Opening};
use crate::window::ui;
pub use crate::window::ui::modals::{Modal, OfferView, PathPurpose, RecoverChoice};

/// What the app starts with.
pub struct AppConfig {
    /// How the app asks for files; tests inject their own.
    pub dialogs: Box<dyn FileDialogs>,
    /// "Today" for directive status; `None` reads the clock each frame.
    pub today: Option<Date>,
    /// The UI language to start in, overriding the remembered one.
    pub lang: Option<Lang>,
    /// A file to open instead of the built-in dataset.
    pub open: Option<PathBuf>,
    /// When the process started: print the time to the first frame, then quit.
    pub first_frame_then_quit: Option<std::time::Instant>,
    /// The app's data folder: unsaved work is copied into its `recovery` folder, to be
    /// offered back after a crash; `None` keeps no copy.
    pub recovery_dir: Option<PathBuf>,
    /// How often unsaved work is copied there.
    pub autosave_every: std::time::Duration,
    /// Opens a printed report in the system's PDF viewer; tests inject their own.
    pub viewer: Viewer,
    /// Where copied charts and tables go; tests inject their own.
    pub clipboard: Box<dyn crate::window::clipboard::Clipboard>,
    /// For tests: while this hold is on, every save of the file and of a recovery copy
    /// waits at its start, so a test acts while a save is in flight. `None` in the app.
    pub hold_saves: Option<crate::window::jobs::Hold>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            dialogs: Box::new(SystemDialogs),
            today: None,
            lang: None,
            open: None,
            first_frame_then_quit: None,
            recovery_dir: None,
            autosave_every: std::time::Duration::from_secs(30),
            viewer: dialogs::system_viewer(),
            clipboard: Box::new(crate::window::clipboard::SystemClipboard::default()),
            hold_saves: None,
        }
    }
}

/// The UI choices remembered between runs (in eframe's storage, never in the data file).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub tab: Tab,
    /// Files opened or saved lately, newest first.
    pub recent: Vec<PathBuf>,
}

/// How many recent files the File menu lists.
const RECENT_FILES: usize = 8;

impl Settings {
    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_FILES);
    }
}

/// The banner's words: the counts that are not zero ("1 nhiệm vụ quá hạn", not "…, 0 nhiệm
/// vụ sắp đến hạn").
fn banner_text(lang: Lang, overdue: usize, soon: usize, days: i32) -> String {
    let t = &lang.strings().directives;
    let mut parts = Vec::new();
    if overdue > 0 {
        parts.push(fill(&t.banner_overdue, &[("count", &overdue)]));
    }
    if soon > 0 {
        parts.push(fill(&t.banner_soon, &[("count", &soon), ("days", &days)]));
    }
    parts.join(", ")
}

const SETTINGS_KEY: &str = "industry-desk-settings";

/// The application.
pub struct App {
    doc: Document,
    settings: Settings,
    dialogs: Box<dyn FileDialogs>,
    fixed_today: Option<Date>,
    modal: Option<Modal>,
    /// The last short message ("Đã lưu ..."), shown in the status bar.
    status_line: String,
    /// The language the status bar's message was written in: after a switch it is dropped
    /// rather than left standing in the other language.
    status_lang: Lang,
    commands: Vec<Command>,
    actions: Vec<Action>,
    directives_ui: ui::directives::State,
    overview_ui: ui::overview::State,
    output_ui: ui::output::State,
    zones_ui: ui::zones::State,
    /// The charts of the document, built again only when its figures, zones or the
    /// language change.
    charts: ChartsCache,
    /// Set once the user agreed to close (saved or discarded), so the next close request
    /// goes through.
    close_confirmed: bool,
    shown_title: String,
    first_frame_then_quit: Option<std::time::Instant>,
    /// Where recovery copies are kept.
    store: Option<recovery::Store>,
    /// The versions of files opened and saved here, for three-way merges.
    versions: Option<crate::files::versions::VersionStore>,
    /// The open document's recovery copy, once one is written (while a copy is being
    /// written, its worker holds it).
    slot: Option<Slot>,
    autosave_every: std::time::Duration,
    /// A test's hold on the save workers (see [`AppConfig::hold_saves`]).
    hold_saves: Option<crate::window::jobs::Hold>,
    /// The revision last copied for recovery, and when (egui time, seconds).
    copied: (Option<u64>, f64),
    /// The recovery copy being written.
    copy_job: Option<saving::CopyJob>,
    /// The save being written.
    save_job: Option<saving::SaveJob>,
    /// Commands waiting for the save in flight (run if it succeeds).
    after_save: Vec<Command>,
    /// Quit was chosen; the window closes once nothing is being written.
    quit_requested: bool,
    /// Counts the documents shown: a worker's outcome for an earlier one is not applied to
    /// the one open now.
    generation: u64,
    /// Crashed copies being looked for.
    search: Option<recovering::Search>,
    /// Crashed copies waiting for the user's answer, the one shown first.
    offers: Vec<Offer>,
    /// The document's file as it was when opened or last saved.
    disk_stamp: Option<storage::DiskStamp>,
    /// Overdue and due-soon counts shown in the banner, until dismissed.
    banner: Option<(usize, usize)>,
    viewer: Viewer,
    /// The export dialog's last choices, offered again next time.
    export_choices: ExportChoices,
    /// An export waiting for a typed path (no system file dialog).
    pending_export: Option<ExportRequest>,
    /// The export being made on a worker thread.
    export_job: Option<export::Running>,
    /// A large file being opened on a worker thread; the window waits in a modal.
    opening: Option<Opening>,
    /// Where copied charts and tables go.
    clipboard: Box<dyn crate::window::clipboard::Clipboard>,
    /// What the tabs asked to copy this frame.
    clips: std::cell::RefCell<Vec<crate::window::clipboard::Clip>>,
    /// A chart being drawn to be copied, and its name.
    picture_job: Option<(
        String,
        crate::window::jobs::Job<Result<crate::window::clipboard::Picture, String>>,
    )>,
    /// A notice's file being read on a worker thread, and its name.
    intake_job: Option<intake::Reading>,
    /// A merge being read on a worker thread.
    merge_job: Option<merging::MergeJob>,
    /// Follow-up letters being written on a worker thread.
    letters_job: Option<chasing::LettersJob>,
    /// The conflict copies beside the open file.
    copies: merging::Copies,
    /// At start the search for crashed copies waits for the file being opened, so a
    /// restored copy is never replaced by the file finishing its load under it.
    search_waits_for_open: bool,
}

impl App {
    /// Builds the app: fonts and theme, remembered settings, and the first document.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        ui::theme::install(&cc.egui_ctx);
        let mut settings: Settings =
            cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
        if let Some(lang) = config.lang {
            settings.lang = lang;
        }
        let first_lang = settings.lang;
        let mut app = App {
            doc: Document::new(builtin::dataset(), None),
            settings,
            dialogs: config.dialogs,
            fixed_today: config.today,
            modal: None,
            status_line: String::new(),
            status_lang: first_lang,
            commands: Vec::new(),
            actions: Vec::new(),
            directives_ui: ui::directives::State::default(),
            overview_ui: ui::overview::State::default(),
            output_ui: ui::output::State::default(),
            zones_ui: ui::zones::State::default(),
            charts: ChartsCache::default(),
            close_confirmed: false,
            shown_title: String::new(),
            first_frame_then_quit: config.first_frame_then_quit,
            versions: config
                .recovery_dir
                .as_ref()
                .map(|folder| crate::files::versions::VersionStore::in_data_folder(folder)),
            store: config.recovery_dir.map(recovery::Store::new),
            slot: None,
            autosave_every: config.autosave_every,
            hold_saves: config.hold_saves,
            copied: (None, 0.0),
            copy_job: None,
            save_job: None,
            after_save: Vec::new(),
            quit_requested: false,
            generation: 0,
            search: None,
            offers: Vec::new(),
            disk_stamp: None,
            banner: None,
            viewer: config.viewer,
            export_choices: ExportChoices::default(),
            pending_export: None,
            export_job: None,
            opening: None,
            clipboard: config.clipboard,
            clips: std::cell::RefCell::new(Vec::new()),
            picture_job: None,
            search_waits_for_open: false,
            intake_job: None,
            merge_job: None,
            letters_job: None,
            copies: merging::Copies::default(),
        };
        if let Some(path) = config.open {
            // Once it has opened (or failed to), every crashed copy is looked for, its own
            // first.
            app.search_waits_for_open = true;
            app.open_path(&path);
        } else {
            app.update_banner();
            app.look_for_copies(recovering::Looking::AtStart { opened: None });
        }
        app
    }

    /// Recomputes the banner's counts for the open document.
    fn update_banner(&mut self) {
        let (overdue, soon) =
            followup::alerts(self.doc.dataset(), self.today(), self.directives_ui.due_soon_days);
        self.banner = (overdue + soon > 0).then_some((overdue, soon));
    }

    /// Files opened or saved lately, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.settings.recent
    }

    /// The banner's overdue and due-soon counts, while it shows.
    pub fn banner(&self) -> Option<(usize, usize)> {
        self.banner
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.settings.tab
    }

    /// Queues an edit as the UI does; it is applied at the end of the next frame.
    pub fn submit(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// The app's data folder (recovery copies, versions), if this machine gives one.
    pub fn data_folder(&self) -> Option<PathBuf> {
        self.store.as_ref().map(|store| store.data_folder().to_owned())
    }

    /// The view shown in the Sản lượng tab.
    pub fn output_view(&self) -> ui::output::OutputView {
        self.output_ui.view
    }

    /// The charts as last drawn (built for the current figures, zones and language).
    pub fn charts(&self) -> Option<&Charts> {
        self.charts.last()
    }

    /// Puts `doc` in place of the open document.
    /// Everything that belonged to the old document goes: its caches (a new document starts
    /// at revision 0 again, so they must not survive), its UI state, its banner.
    fn replace_document(&mut self, doc: Document) {
        // The old document's work was saved or discarded by now (the guard asked).
        self.drop_copy();
        self.generation += 1;
        self.copied = (None, 0.0);
        self.doc = doc;
        self.charts = ChartsCache::default();
        let due_soon_days = self.directives_ui.due_soon_days;
        self.directives_ui = ui::directives::State::default();
        self.directives_ui.due_soon_days = due_soon_days;
        // Forms half-filled for the old document do not carry over to the new one.
        self.overview_ui = ui::overview::State::default();
        self.output_ui.figures = ui::figures_editor::State::default();
        self.zones_ui = ui::zones::State::default();
        self.disk_stamp = self.doc.path().and_then(storage::disk_stamp);
        self.update_banner();
        self.copies =
            merging::Copies { focused: self.copies.focused, ..merging::Copies::default() };
        self.look_for_conflict_copies();
    }

    /// The dialog waiting for an answer, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The message in the status bar.
    pub fn status_line(&self) -> &str {
        &self.status_line
    }

    /// Today's date for directive status: the injected one, or the local calendar date.
    pub fn today(&self) -> Date {
        self.fixed_today.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    /// The window title: file name, a dot while unsaved, the app name.
    pub fn window_title(&self) -> String {
        let t = &self.lang().strings().app;
        let name = self.document_name();
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        format!("{dirty}{name} — {}", t.name)
    }

    fn document_name(&self) -> String {
        match self.doc.path() {
            Some(path) => path.file_name().unwrap_or(path.as_os_str()).to_string_lossy().into(),
            None => self.lang().strings().app.builtin.clone(),
        }
    }

    /// Carries out a command, asking first where unsaved changes would be lost.
    pub fn run(&mut self, command: Command) {
        if self.waits_for_save(command) {
            self.after_save.push(command);
            self.status_line = self.lang().strings().recovery.saving.clone();
            return;
        }
        let discards_document = matches!(
            command,
            Command::NewFromSample | Command::Open | Command::OpenRecent(_) | Command::Quit
        );
        if discards_document && self.doc.is_dirty() && !self.close_confirmed {
            self.modal = Some(Modal::Unsaved { then: command });
            return;
        }
        self.run_unguarded(command);
    }

    fn run_unguarded(&mut self, command: Command) {
        let t = &self.lang().strings().app;
        match command {
            Command::NewFromSample => {
                self.replace_document(Document::new(builtin::dataset(), None));
                self.status_line = t.builtin.clone();
            }
            Command::Open => match self.dialogs.pick_open() {
                Picked::Path(path) => self.open_path(&path),
                Picked::Cancelled => {}
                Picked::Unavailable => self.ask_for_path(PathPurpose::Open, None),
            },
            Command::Save | Command::SaveAs => {
                self.save(command == Command::SaveAs, None);
            }
            Command::Quit => {
                // Saved already, or the user chose not to save: the window closes once
                // nothing is being written (`finish_quit`).
                self.close_confirmed = true;
                self.quit_requested = true;
            }
            Command::RecoveryCopies => self.look_for_copies(recovering::Looking::Asked),
            Command::Guide => self.modal = Some(Modal::Guide { data: self.data_folder() }),
            Command::About => self.modal = Some(Modal::About { data: self.data_folder() }),
            Command::Undo | Command::Redo => {
                let before: Vec<_> = self.doc.dataset().directives.iter().map(|d| d.id).collect();
                let undo = command == Command::Undo;
                let done = if undo { self.doc.undo() } else { self.doc.redo() };
                self.status_line = match (undo, done) {
                    (true, true) => &t.undone,
                    (true, false) => &t.nothing_to_undo,
                    (false, true) => &t.redone,
                    (false, false) => &t.nothing_to_redo,
                }
                .clone();
                if done {
                    self.directives_ui.follow_history(&before, self.doc.dataset());
                }
            }
            Command::ShowTab(tab) => self.settings.tab = tab,
            Command::OpenRecent(index) => {
                if let Some(path) = self.settings.recent.get(index).cloned() {
                    self.open_path(&path);
                }
            }
            Command::ShowAlerts => {
                self.settings.tab = Tab::Directives;
                let overdue = self.banner.map_or(0, |(overdue, _)| overdue);
                self.directives_ui.show_alerts(overdue);
                self.banner = None;
            }
            Command::NewDirective => {
                self.settings.tab = Tab::Directives;
                self.directives_ui.new_directive(self.doc.dataset());
            }
            Command::Find => {
                self.settings.tab = Tab::Directives;
                self.directives_ui.focus_search();
            }
            Command::IntakeNotice => self.start_intake(),
            Command::MergeCopy => self.pick_copy_to_merge(),
            Command::FollowUpLetters => self.start_letters(),
            Command::ExportCalendar => self.export_calendar(),
            Command::Import => match self.dialogs.pick_spreadsheet() {
                Picked::Path(path) => self.preview_import(&path),
                Picked::Cancelled => {}
                Picked::Unavailable => self.ask_for_path(PathPurpose::Import, None),
            },
            Command::Print | Command::ExportReport | Command::ExportChart | Command::ExportXlsx => {
                if self.export_job.is_some() {
                    self.status_line = self.lang().strings().export.working.clone();
                    return;
                }
                let purpose = match command {
                    Command::Print => ExportPurpose::Print,
                    Command::ExportReport => ExportPurpose::Report,
                    Command::ExportChart => ExportPurpose::Chart,
                    _ => ExportPurpose::Xlsx,
                };
                let choices = self.export_choices.clone();
                if purpose == ExportPurpose::Xlsx {
                    // Nothing to choose: straight to where to save it.
                    self.begin_export(ExportRequest { purpose, choices });
                } else {
                    self.modal = Some(Modal::Export { purpose, choices, letterhead: None });
                }
            }
        }
    }

    /// Reads a spreadsheet and shows what importing it would do; nothing changes yet.
    fn preview_import(&mut self, path: &Path) {
        use crate::interop::exchange::import;
        match import::read(path) {
            Ok(sheets) => {
                let plan =
                    crate::interop::exchange::plan_import(self.doc.dataset(), &sheets, self.lang());
                self.modal = Some(Modal::ImportPreview { file: path.to_owned(), plan });
            }
            Err(error) => self.report_error(error.describe(path, self.lang())),
        }
    }

    /// Whether a document is being made for print or export.
    pub fn is_exporting(&self) -> bool {
        self.export_job.is_some()
    }

    /// Whether a large file is being read in the background.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Finds where the export goes (the temp folder to print, else the user's choice),
    /// then starts making it.
    fn begin_export(&mut self, request: ExportRequest) {
        self.export_choices = request.choices.clone();
        if request.purpose == ExportPurpose::Print {
            self.launch_export(request, export::print_path());
            return;
        }
        let name =
            request.choices.suggested_name(request.purpose, self.doc.dataset(), self.today());
        match self.dialogs.pick_save(&name, request.choices.file_kind(request.purpose)) {
            Picked::Path(path) => self.launch_export(request, path),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.pending_export = Some(request);
                self.ask_for_path(PathPurpose::Export, None);
            }
        }
    }

    fn launch_export(&mut self, request: ExportRequest, target: PathBuf) {
        let dataset = self.doc.dataset().clone();
        let viewer = self.viewer.clone();
        let (today, lang) = (self.today(), self.lang());
        self.export_job = Some(export::start(request, dataset, today, lang, target, viewer));
        self.status_line = lang.strings().export.working.clone();
    }

    /// Takes the export's outcome once the worker is done; until then, looks again soon.
    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export_job else { return };
        let Some(outcome) = job.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.export_job = None;
        let t = &self.lang().strings().export;
        match outcome {
            Ok(Finished::Saved(path)) => {
                self.status_line = fill(&t.written, &[("file", &path.display())]);
            }
            Ok(Finished::Opened(path)) => {
                self.status_line = fill(&t.opened_viewer, &[("file", &path.display())]);
            }
            Err(message) => {
                self.status_line.clear();
                self.report_error(message);
            }
        }
        ctx.request_repaint();
    }

    /// Opens a file in place of the document; on failure says why and keeps the document.
    /// A large file is read on a worker thread while the window shows that it waits.
    fn open_path(&mut self, path: &Path) {
        if open::wants_background(path) {
            let t = &self.lang().strings().app;
            self.status_line = fill(&t.opening, &[("file", &path.display())]);
            self.opening = Some(Opening::start(path.to_owned()));
            return;
        }
        self.finish_open(path, storage::load_with_meta(path));
    }

    /// Takes the document of a file opened in the background once it is read.
    fn poll_open(&mut self, ctx: &egui::Context) {
        let Some(opening) = &self.opening else { return };
        let Some(outcome) = opening.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
            return;
        };
        let path = opening.path.clone();
        self.opening = None;
        self.finish_open(&path, outcome);
    }

    /// Puts the file read in place of the document, or says why it can't be; then looks
    /// for crashed copies of it (and, at start, of any file).
    fn finish_open(
        &mut self,
        path: &Path,
        outcome: Result<(Dataset, crate::files::lineage::FileMeta), storage::LoadError>,
    ) {
        let opened = outcome.is_ok().then(|| path.to_owned());
        match outcome {
            Ok((dataset, meta)) => {
                // The version opened is kept, so a copy edited from it merges three-way.
                if let (Some(versions), Some(revision)) = (&self.versions, &meta.revision) {
                    let (versions, id, file) =
                        (versions.clone(), revision.id.clone(), path.to_owned());
                    std::thread::spawn(move || versions.keep_file(&id, &file));
                }
                self.replace_document(Document::with_meta(dataset, Some(path.to_owned()), meta));
                self.settings.remember(path);
                let t = &self.lang().strings().app;
                self.status_line = fill(&t.opened, &[("file", &path.display())]);
            }
            Err(err) => {
                self.status_line.clear();
                self.report_error(err.describe(self.lang()));
            }
        }
        if std::mem::take(&mut self.search_waits_for_open) {
            self.look_for_copies(recovering::Looking::AtStart { opened });
        } else if let Some(path) = opened {
            self.look_for_copies(recovering::Looking::ForFile(path));
        }
    }

    /// While a file opens in the background: a modal with a spinner, so nothing is edited
    /// in the document about to be replaced.
    fn show_opening(&self, ctx: &egui::Context) {
        let Some(opening) = &self.opening else { return };
        let t = &self.lang().strings().app;
        egui::Modal::new(egui::Id::unique("industry-desk-opening")).show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(fill(&t.opening, &[("file", &opening.path.display())]));
            });
        });
    }

    pub(super) fn ask_for_path(&mut self, purpose: PathPurpose, then: Option<Command>) {
        let text = match (purpose, self.doc.path()) {
            (PathPurpose::Save, Some(path)) => path.display().to_string(),
            (PathPurpose::Save, None) => {
                let folder = std::env::home_dir().unwrap_or_default();
                folder.join(builtin::BUILTIN_FILE_NAME).display().to_string()
            }
            (
                PathPurpose::Open | PathPurpose::Import | PathPurpose::Notice | PathPurpose::Merge,
                _,
            ) => String::new(),
            (PathPurpose::Export, _) => match &self.pending_export {
                Some(request) => {
                    let name = request.choices.suggested_name(
                        request.purpose,
                        self.doc.dataset(),
                        self.today(),
                    );
                    std::env::home_dir().unwrap_or_default().join(name).display().to_string()
                }
                None => String::new(),
            },
        };
        self.modal = Some(Modal::TypePath { purpose, text, then });
    }

    /// The one way errors reach the user: a dialog that stays until dismissed.
    pub(super) fn report_error(&mut self, text: String) {
        log::warn!("{text}");
        self.modal = Some(match self.modal.take() {
            Some(Modal::Error { text: earlier }) => {
                Modal::Error { text: format!("{earlier}\n\n{text}") }
            }
            _ => Modal::Error { text },
        });
    }

    /// Tab with nothing focused in the checklist goes to its search box: egui gives it to
    /// the first widget of the window, the menu bar's, and a second Tab to the language
    /// buttons, while the official had just clicked "Danh sách" to work in the list.
    fn tab_into_the_checklist(&mut self, ctx: &egui::Context) {
        let in_checklist = self.settings.tab == Tab::Directives && self.modal.is_none();
        let tab = ctx.input(|i| i.key_pressed(egui::Key::Tab) && i.modifiers.is_none());
        if in_checklist && tab && ctx.memory(|m| m.focused().is_none()) {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            self.directives_ui.focus_search();
        }
    }

    fn apply_actions(&mut self) {
        for action in std::mem::take(&mut self.actions) {
            if let Err(err) = self.doc.apply(action) {
                self.report_error(err.describe(self.lang()));
            }
        }
    }

    /// The window's close button (or the system closing it): asks first about unsaved
    /// changes, and waits for a save or a recovery copy being written.
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.save_job.is_some() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if !self.after_save.contains(&Command::Quit) {
                self.after_save.push(Command::Quit);
            }
        } else if self.doc.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved { then: Command::Quit });
        } else if self.copy_job.is_some() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_confirmed = true;
            self.quit_requested = true;
        }
    }

    /// Closes the window once Quit was chosen and nothing is being written any more.
    fn finish_quit(&mut self, ctx: &egui::Context) {
        if !self.quit_requested || self.is_saving() {
            return;
        }
        self.quit_requested = false;
        // Saved already, or the user chose not to save.
        self.drop_copy();
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    fn show_modal(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.take() else { return };
        let lang = self.lang();
        let (name, today) = (self.document_name(), self.today());
        let answer = ui::modals::show(ctx, modal, lang, &name, self.doc.dataset(), today);
        match answer {
            ui::modals::Answer::Waiting(modal) => self.modal = Some(modal),
            ui::modals::Answer::Closed => {}
            ui::modals::Answer::SaveThen(then) => self.save(false, Some(then)),
            ui::modals::Answer::DiscardThen(then) => self.run_unguarded(then),
            ui::modals::Answer::TypedPath { purpose: PathPurpose::Open, path, .. } => {
                self.open_path(&path);
            }
            ui::modals::Answer::TypedPath { purpose: PathPurpose::Export, path, .. } => {
                if let Some(request) = self.pending_export.take() {
                    self.launch_export(request, path);
                }
            }
            ui::modals::Answer::Export(request) => self.begin_export(request),
            ui::modals::Answer::TypedPath { purpose: PathPurpose::Import, path, .. } => {
                self.preview_import(&path);
            }
            ui::modals::Answer::TypedPath { purpose: PathPurpose::Notice, path, .. } => {
                self.read_notice_file(path, Box::default());
            }
            ui::modals::Answer::PickNotice(modal) => self.pick_notice(modal),
            ui::modals::Answer::TypedPath { purpose: PathPurpose::Merge, path, .. } => {
                let conflict_copy = self.copies.found.contains(&path);
                self.start_merge(ui::merge_view::Source::File { path, conflict_copy });
            }
            ui::modals::Answer::Merge { view, outcome } => self.apply_merge(view, outcome),
            ui::modals::Answer::MergeDisk => {
                self.start_merge(ui::merge_view::Source::Disk { stamp: None });
            }
            ui::modals::Answer::PutAside(copies) => self.put_aside(copies),
            ui::modals::Answer::WriteLetters { meeting, reply_by, format } => {
                self.write_letters(meeting, reply_by, format);
            }
            ui::modals::Answer::Intake { action, count, source } => {
                self.add_from_notice(action, count, &source);
            }
            ui::modals::Answer::Import { file, action } => {
                let count = match &action {
                    Action::Batch(actions) => actions.len(),
                    _ => 1,
                };
                // One step: one Ctrl+Z takes the whole import back.
                self.actions.push(action);
                let t = &lang.strings().import;
                self.status_line = fill(&t.done, &[("count", &count), ("file", &file.display())]);
            }
            ui::modals::Answer::Recover(choice) => self.answer_offer(choice),
            ui::modals::Answer::Letterhead { letterhead, modal } => {
                // One undo step; the dialog stays, printing with it.
                self.actions.push(Action::SetLetterhead(letterhead));
                self.status_line = lang.strings().official.form_saved.clone();
                self.modal = Some(modal);
            }
            ui::modals::Answer::Overwrite(then) => {
                if let Some(path) = self.doc.path().map(Path::to_owned) {
                    self.start_save(path, then);
                }
            }
            ui::modals::Answer::SaveElsewhere(then) => self.save(true, then),
            ui::modals::Answer::TypedPath { purpose: PathPurpose::Save, path, then } => {
                self.start_save(path, then);
            }
        }
    }

    /// Puts what the tabs asked to copy on the clipboard: a table at once, a chart once it
    /// is drawn for paper (on a worker: a 300-dpi picture takes a moment).
    fn copy_clips(&mut self) {
        use crate::window::clipboard::{Clip, Picture};
        let lang = self.lang();
        for clip in self.clips.take() {
            let t = &lang.strings().clip;
            match clip {
                Clip::Table { name, table } => {
                    self.status_line = match self.clipboard.put_table(&table) {
                        Ok(()) => {
                            fill(&t.copied_table, &[("name", &name), ("rows", &table.rows.len())])
                        }
                        Err(error) => fill(&t.failed, &[("error", &error)]),
                    };
                }
                Clip::Chart { kind, name } => {
                    let dataset = self.doc.snapshot();
                    let job = crate::window::jobs::Job::start(move || {
                        crate::interop::paper::chart_pixels(
                            &dataset,
                            &kind,
                            crate::interop::paper::DEFAULT_DPI,
                            lang,
                        )
                        .map(|image| Picture {
                            width: image.width as usize,
                            height: image.height as usize,
                            rgba: image.pixels,
                        })
                        .map_err(|error| error.describe(lang))
                    });
                    self.picture_job = Some((name, job));
                    self.status_line = t.drawing.clone();
                }
            }
        }
    }

    /// Copies the chart drawn for the clipboard once the worker is done.
    fn poll_picture(&mut self, ctx: &egui::Context) {
        use crate::window::jobs::Polled;
        let Some((_, job)) = &self.picture_job else { return };
        let outcome = match job.poll() {
            Polled::Running => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
                return;
            }
            Polled::Done(outcome) => outcome,
            Polled::Vanished => Err("the drawing thread stopped".to_owned()),
        };
        let (name, _) = self.picture_job.take().expect("polled above");
        let t = &self.lang().strings().clip;
        self.status_line = match outcome.and_then(|picture| self.clipboard.put_picture(picture)) {
            Ok(()) => fill(&t.copied_chart, &[("name", &name)]),
            Err(error) => fill(&t.failed, &[("error", &error)]),
        };
        ctx.request_repaint();
    }

    /// Whether a chart is being drawn to be copied.
    pub fn is_copying(&self) -> bool {
        self.picture_job.is_some()
    }

    /// Removes control characters from text pasted or typed this frame, before any field
    /// takes it, and says so: a NUL or an escape from another program's clipboard never
    /// reaches the data, and the user sees why the text lost a character.
    fn strip_pasted_controls(&mut self, ctx: &egui::Context) {
        let removed = ctx.input_mut(|input| {
            let mut removed = 0;
            for event in &mut input.events {
                if let egui::Event::Paste(text) | egui::Event::Text(text) = event
                    && text.chars().any(crate::model::is_forbidden_control)
                {
                    let before = text.chars().count();
                    text.retain(|c| !crate::model::is_forbidden_control(c));
                    removed += before - text.chars().count();
                }
            }
            removed
        });
        if removed > 0 {
            let t = &self.lang().strings().recovery;
            self.status_line = fill(&t.controls_removed, &[("count", &removed)]);
        }
    }

    /// With `--first-frame-then-quit`: the second pass starts once the first frame is
    /// painted; print the time since start then, and quit.
    fn measure_first_frame(&mut self, ctx: &egui::Context) {
        let Some(started) = self.first_frame_then_quit else { return };
        if ctx.cumulative_pass_nr() == 0 {
            ctx.request_repaint();
            return;
        }
        println!("first frame: {} ms after start", started.elapsed().as_millis());
        self.first_frame_then_quit = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.strip_pasted_controls(&ctx);
        self.tab_into_the_checklist(&ctx);
        if self.modal.is_none() && self.opening.is_none() {
            self.commands.extend(Command::from_shortcuts(&ctx));
            // A tab switch takes effect in this very frame, so keys typed right after
            // Ctrl+4 (Down, Space) reach the tab it shows rather than the one it leaves.
            let tab = &mut self.settings.tab;
            self.commands.retain(|command| match command {
                Command::ShowTab(shown) => {
                    *tab = *shown;
                    false
                }
                _ => true,
            });
        }
        let lang = self.lang();
        let today = self.today();
        if self.status_lang != lang {
            self.status_line.clear();
            self.status_lang = lang;
        }

        egui::Panel::top("menu").show(ui, |ui| {
            let settings = &mut self.settings;
            let exporting = self.export_job.is_some();
            ui::menu::show(
                ui,
                &self.doc,
                &settings.recent,
                exporting,
                &mut settings.lang,
                &mut self.commands,
            );
        });
        if let Some((overdue, soon)) = self.banner {
            let days = self.directives_ui.due_soon_days;
            egui::Panel::top("banner")
                .frame(egui::Frame::new().fill(ui::theme::BANNER).inner_margin(6.0))
                .show(ui, |ui| {
                    let t = &lang.strings().directives;
                    ui.horizontal(|ui| {
                        let text = banner_text(lang, overdue, soon, days);
                        ui.label(
                            egui::RichText::new(format!("⚠ {text}"))
                                .color(ui::theme::ERROR)
                                .font(ui::theme::bold(15.0)),
                        );
                        if ui.button(&t.banner_show).clicked() {
                            self.commands.push(Command::ShowAlerts);
                        }
                        if ui.button(&lang.strings().chase.banner_letters).clicked() {
                            self.commands.push(Command::FollowUpLetters);
                        }
                        if ui
                            .button("✕")
                            .on_hover_text(&lang.strings().app.dismiss)
                            .accessible_name(lang.strings().app.dismiss.clone())
                            .clicked()
                        {
                            self.banner = None;
                        }
                    });
                });
        }
        let copies = self.copies_to_tell();
        if copies > 0 {
            egui::Panel::top("conflict-copies")
                .frame(egui::Frame::new().fill(ui::theme::BANNER).inner_margin(6.0))
                .show(ui, |ui| {
                    let t = &lang.strings().merge;
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(format!(
                                "⚠ {}",
                                // English says one copy apart; Vietnamese has no plural.
                                fill(
                                    if copies == 1 { &t.banner_one } else { &t.banner },
                                    &[("count", &copies)]
                                )
                            ))
                            .color(ui::theme::DUE_SOON)
                            .font(ui::theme::bold(15.0)),
                        );
                        if ui.button(&t.banner_merge).clicked() {
                            self.merge_first_conflict_copy();
                        }
                        let dismiss = &lang.strings().app.dismiss;
                        if ui
                            .button("✕")
                            .on_hover_text(dismiss)
                            .accessible_name(dismiss.clone())
                            .clicked()
                        {
                            self.dismiss_copies();
                        }
                    });
                });
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if self.export_job.is_some() || self.save_job.is_some() || self.merge_job.is_some()
                {
                    ui.spinner();
                }
                ui.label(&self.status_line);
            });
        });
        let revision = self.doc.revision();
        let charts = self.charts.get(self.doc.dataset(), revision, lang);
        egui::CentralPanel::default().show(ui, |ui| {
            ui::tab_bar(ui, &mut self.settings.tab, lang);
            ui.separator();
            let clips = &self.clips;
            let view =
                ui::View { dataset: self.doc.dataset(), charts, lang, today, revision, clips };
            match self.settings.tab {
                Tab::Overview => {
                    ui::overview::show(ui, &view, &mut self.overview_ui, &mut self.actions)
                }
                Tab::Output => ui::output::show(ui, &view, &mut self.output_ui, &mut self.actions),
                Tab::Zones => ui::zones::show(ui, &view, &mut self.zones_ui, &mut self.actions),
                Tab::Directives => {
                    ui::directives::show(ui, &view, &mut self.directives_ui, &mut self.actions)
                }
            }
        });
        if let Some(said) = self.directives_ui.said.take() {
            self.status_line = said;
        }
        if std::mem::take(&mut self.directives_ui.wants_intake) {
            self.commands.push(Command::IntakeNotice);
        }
        self.take_dropped_notice(&ctx);
        self.show_modal(&ctx);

        // Edits first, so a Save in the same frame writes them.
        let changed = !self.actions.is_empty() || !self.commands.is_empty();
        self.apply_actions();
        for command in std::mem::take(&mut self.commands) {
            self.run(command);
        }
        if changed {
            // What they changed is drawn in the next frame; don't wait for more input.
            ctx.request_repaint();
        }
        self.copy_clips();
        self.poll_picture(&ctx);
        self.poll_export(&ctx);
        self.poll_open(&ctx);
        self.poll_intake(&ctx);
        self.poll_merge(&ctx);
        self.poll_letters(&ctx);
        self.watch_focus(&ctx);
        self.show_opening(&ctx);
        self.poll_save(&ctx);
        self.poll_copy(&ctx);
        self.autosave(&ctx);
        self.poll_search(&ctx);
        self.show_next_offer();
        self.finish_quit(&ctx);
        self.update_title(&ctx);
        self.measure_first_frame(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
