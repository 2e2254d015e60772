use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::rc::Rc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::{Arc, Mutex};

use industry_desk::i18n::Lang;
use industry_desk::window::dialogs::{FileDialogs, FileKind, Picked, Viewer};
use industry_desk::window::jobs::Hold;
use industry_desk::{App, AppConfig};
use jiff::civil::{Date, date};

/// The "today" every GUI test runs on: after the meeting, before the year's end.
pub const TODAY: Date = date(2019, 10, 1);

/// File dialogs that answer from a script the test fills; an empty script cancels.
#[derive(Clone, Default)]
pub struct ScriptedDialogs(Rc<RefCell<VecDeque<Picked>>>);

impl ScriptedDialogs {
    /// The next dialog picks `path`.
    pub fn will_pick(&self, path: &Path) {
        self.0.borrow_mut().push_back(Picked::Path(path.to_owned()));
    }

    /// The next dialog can't be shown.
    pub fn will_be_unavailable(&self) {
        self.0.borrow_mut().push_back(Picked::Unavailable);
    }

    fn next(&self) -> Picked {
        self.0.borrow_mut().pop_front().unwrap_or(Picked::Cancelled)
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Picked {
        self.next()
    }

    fn pick_spreadsheet(&mut self) -> Picked {
        self.next()
    }

    fn pick_notice(&mut self) -> Picked {
        self.next()
    }

    fn pick_save(&mut self, _file_name: &str, _kind: FileKind) -> Picked {
        self.next()
    }

    fn pick_folder(&mut self) -> Picked {
        self.next()
    }
}

/// A clipboard that keeps what was copied, for the test to read back.
#[derive(Clone, Default)]
pub struct RecordingClipboard {
    pub pictures: Arc<Mutex<Vec<industry_desk::window::clipboard::Picture>>>,
    pub tables: Arc<Mutex<Vec<industry_desk::window::clipboard::ClipTable>>>,
}

impl industry_desk::window::clipboard::Clipboard for RecordingClipboard {
    fn put_picture(
        &mut self,
        picture: industry_desk::window::clipboard::Picture,
    ) -> Result<(), String> {
        self.pictures.lock().unwrap().push(picture);
        Ok(())
    }

    fn put_table(
        &mut self,
        table: &industry_desk::window::clipboard::ClipTable,
    ) -> Result<(), String> {
        self.tables.lock().unwrap().push(table.clone());
        Ok(())
    }
}

/// A PDF viewer that opens nothing: it notes each file it was asked to open, then
/// succeeds, or fails as the test says.
#[derive(Clone, Default)]
pub struct RecordingViewer {
    pub opened: Arc<Mutex<Vec<PathBuf>>>,
    pub fail: bool,
}

impl RecordingViewer {
    fn viewer(&self) -> Viewer {
        let (opened, fail) = (Arc::clone(&self.opened), self.fail);
        Arc::new(move |path: &Path| {
            opened.lock().unwrap().push(path.to_owned());
            if fail {
                Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no PDF viewer here"))
            } else {
                Ok(())
            }
        })
    }
}

/// The one way tests build the app: 1280×800, light, Vietnamese, [`TODAY`], scripted
/// dialogs, no recovery copies.
pub fn harness(dialogs: &ScriptedDialogs, open: Option<PathBuf>) -> Harness<'static, App> {
    build(Harness::builder(), dialogs, open, None, &RecordingViewer::default())
}

/// As [`harness`], printing to `viewer`.
pub fn harness_with_viewer(
    dialogs: &ScriptedDialogs,
    viewer: &RecordingViewer,
) -> Harness<'static, App> {
    build(Harness::builder(), dialogs, None, None, viewer)
}

/// Steps the app (at least once, so queued input is handled) until the file it may be
/// opening in the background is read, and the crashed copies it looks for then are found.
pub fn wait_for_open(harness: &mut Harness<'static, App>) {
    harness.step();
    step_while(harness, |app| app.is_opening() || app.is_looking_for_copies(), "the file to open");
}

/// Steps the app until what it is saving (the file, a recovery copy) is written.
pub fn wait_for_save(harness: &mut Harness<'static, App>) {
    harness.step();
    step_while(harness, App::is_saving, "the save to be written");
}

/// Steps the app until its workers are done: a file opening, copies being looked for, a
/// save or a recovery copy being written. What a click started is then finished.
pub fn settle(harness: &mut Harness<'static, App>) {
    step_while(
        harness,
        |app| {
            app.is_opening() || app.is_looking_for_copies() || app.is_saving() || app.is_merging()
        },
        "the app's workers to finish",
    );
}

/// Presses Ctrl+S and waits for the save to be written.
pub fn save_with_ctrl_s(harness: &mut Harness<'static, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    wait_for_save(harness);
}

/// How long a worker or a window may take to do what a test waits for: generous, since the
/// machines the tests run on are often loaded (a debug build, software rendering).
pub const PATIENCE: std::time::Duration = std::time::Duration::from_secs(60);

/// Steps the app while `busy` says its worker is still at it (each step polls the worker),
/// then runs it until it settles. Waits on the event, for at most [`PATIENCE`], never for a
/// number of frames.
fn step_while(harness: &mut Harness<'static, App>, busy: fn(&App) -> bool, what: &str) {
    step_until(harness, |harness| !busy(harness.state()), what);
    harness.run();
}

/// Steps the app until `done` holds, for at most [`PATIENCE`]; panics naming `what` was
/// waited for. Between steps the test's thread gives the workers the processor.
pub fn step_until(
    harness: &mut Harness<'static, App>,
    mut done: impl FnMut(&mut Harness<'static, App>) -> bool,
    what: &str,
) {
    let started = std::time::Instant::now();
    while !done(harness) {
        assert!(started.elapsed() < PATIENCE, "waited {PATIENCE:?} for {what}");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
}

/// Saves `dataset` to `path` as a colleague's program would, and makes sure the file's time
/// differs from the one it replaces (whatever the file system's clock resolution), so the
/// app sees the change by its stamp as it would see a real colleague's save a moment later.
pub fn save_as_a_colleague(path: &Path, dataset: &industry_desk::model::Dataset) {
    let before = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    industry_desk::files::storage::save(path, dataset).unwrap();
    if let Some(before) = before {
        let later = before + std::time::Duration::from_secs(2);
        std::fs::File::options().write(true).open(path).unwrap().set_modified(later).unwrap();
    }
}

/// As [`harness`], but returned before the first frame, without waiting for a large file
/// given at start to finish opening.
pub fn harness_starting(dialogs: &ScriptedDialogs, open: PathBuf) -> Harness<'static, App> {
    let builder = Harness::builder();
    build_without_waiting(builder, dialogs, Some(open), None, &RecordingViewer::default())
}

/// Steps the app until the export it is making is done.
pub fn wait_for_export(harness: &mut Harness<'static, App>) {
    step_while(harness, App::is_exporting, "the export to finish");
}

/// Waits for the follow-up letters being written to be done.
pub fn wait_for_letters(harness: &mut Harness<'static, App>) {
    step_while(harness, App::is_writing_letters, "the letters were not written in 20 s");
}

/// As [`harness`], keeping recovery copies in `folder`, written at every change.
pub fn harness_with_recovery(dialogs: &ScriptedDialogs, folder: &Path) -> Harness<'static, App> {
    build(Harness::builder(), dialogs, None, Some(folder.to_owned()), &RecordingViewer::default())
}

/// As [`harness_with_recovery`], started on `file` as a double-click starts the app.
pub fn harness_on_file_with_recovery(
    dialogs: &ScriptedDialogs,
    file: &Path,
    folder: &Path,
) -> Harness<'static, App> {
    let (open, recovery) = (Some(file.to_owned()), Some(folder.to_owned()));
    build(Harness::builder(), dialogs, open, recovery, &RecordingViewer::default())
}

/// As [`harness`], drawing real pixels (wgpu on the CPU) for image snapshots.
pub fn snapshot_harness() -> Harness<'static, App> {
    let (dialogs, viewer) = (ScriptedDialogs::default(), RecordingViewer::default());
    build(Harness::builder().wgpu(), &dialogs, None, None, &viewer)
}

/// As [`snapshot_harness`], started on `file` with recovery copies and versions in
/// `folder`.
pub fn snapshot_harness_on(file: &Path, folder: &Path) -> Harness<'static, App> {
    let (dialogs, viewer) = (ScriptedDialogs::default(), RecordingViewer::default());
    build(
        Harness::builder().wgpu(),
        &dialogs,
        Some(file.to_owned()),
        Some(folder.to_owned()),
        &viewer,
    )
}

/// As [`harness`], copying to `clipboard`.
pub fn harness_with_clipboard(
    dialogs: &ScriptedDialogs,
    clipboard: &RecordingClipboard,
) -> Harness<'static, App> {
    let clipboard = clipboard.clone();
    let mut harness = configured(
        Harness::builder(),
        dialogs,
        None,
        None,
        &RecordingViewer::default(),
        Box::new(clipboard),
        None,
    );
    wait_for_open(&mut harness);
    harness
}

/// Steps the app until the chart it is drawing to copy is on the clipboard.
pub fn wait_for_copy(harness: &mut Harness<'static, App>) {
    harness.step();
    step_while(harness, App::is_copying, "the copy to be on the clipboard");
}

fn build(
    builder: egui_kittest::HarnessBuilder<App>,
    dialogs: &ScriptedDialogs,
    open: Option<PathBuf>,
    recovery_dir: Option<PathBuf>,
    viewer: &RecordingViewer,
) -> Harness<'static, App> {
    let mut harness = build_without_waiting(builder, dialogs, open, recovery_dir, viewer);
    wait_for_open(&mut harness);
    harness
}

fn build_without_waiting(
    builder: egui_kittest::HarnessBuilder<App>,
    dialogs: &ScriptedDialogs,
    open: Option<PathBuf>,
    recovery_dir: Option<PathBuf>,
    viewer: &RecordingViewer,
) -> Harness<'static, App> {
    // Never the system's clipboard: tests must not touch the machine's.
    let clipboard = Box::new(RecordingClipboard::default());
    configured(builder, dialogs, open, recovery_dir, viewer, clipboard, None)
}

/// As [`harness`], with every save held at its start until the test releases the hold
/// returned: the test then acts while a save is surely in flight.
pub fn harness_holding_saves(
    dialogs: &ScriptedDialogs,
    open: Option<PathBuf>,
) -> (Harness<'static, App>, Hold) {
    let hold = Hold::on();
    let clipboard = Box::new(RecordingClipboard::default());
    let viewer = RecordingViewer::default();
    let builder = Harness::builder();
    let mut harness =
        configured(builder, dialogs, open, None, &viewer, clipboard, Some(hold.clone()));
    wait_for_open(&mut harness);
    (harness, hold)
}

fn configured(
    builder: egui_kittest::HarnessBuilder<App>,
    dialogs: &ScriptedDialogs,
    open: Option<PathBuf>,
    recovery_dir: Option<PathBuf>,
    viewer: &RecordingViewer,
    clipboard: Box<dyn industry_desk::window::clipboard::Clipboard>,
    hold_saves: Option<Hold>,
) -> Harness<'static, App> {
    let dialogs = dialogs.clone();
    // Never a real viewer: tests must not open windows on the machine.
    let viewer = viewer.viewer();
    // The app is light-themed; the harness would otherwise impose its dark default.
    // A view settles in up to six passes: a scroll bar that appears takes its width from
    // the content, which is laid out again (egui's own default allows four).
    let builder =
        builder.with_size([1280.0, 800.0]).with_theme(egui::Theme::Light).with_max_steps(8);
    builder.build_eframe(move |cc| {
        App::new(
            cc,
            AppConfig {
                dialogs: Box::new(dialogs),
                today: Some(TODAY),
                lang: Some(Lang::Vi),
                open,
                recovery_dir,
                autosave_every: std::time::Duration::ZERO,
                viewer,
                clipboard,
                hold_saves,
                ..AppConfig::default()
            },
        )
    })
}

/// Runs the real binary with `args`.
pub fn run_cli(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_industry-desk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs a poppler tool (`pdftotext`, `pdfinfo`) — how the tests read a PDF back — and gives
/// its output; it must succeed.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let output = std::process::Command::new(tool).args(args).output().unwrap_or_else(|err| {
        panic!("{tool} could not run ({err}): install poppler-utils (see README)")
    });
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

/// Clicks a menu, then one of its items, as a user would.
pub fn menu(harness: &mut Harness<'static, App>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    // Menu items read their shortcut too ("Mở… Ctrl+O").
    harness.get_by_label_contains(item).click();
    // Stepped, not run: what the item starts (a save, say) shows a spinner meanwhile.
    harness.step();
    settle(harness);
}

/// Scrolls to the widget with this label, as a user would, and clicks it.
pub fn click(harness: &mut Harness<'static, App>, label: &str) {
    settle(harness);
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.step();
    settle(harness);
}

/// Scrolls to the text field with this label, types `text` into it and presses Enter.
pub fn type_into(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    type_then_press(harness, label, text, egui::Key::Enter);
}

/// Types into a (multi-line) text field, then leaves it with Tab, as a user moving on.
pub fn type_then_leave(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    type_then_press(harness, label, text, egui::Key::Tab);
}

fn type_then_press(harness: &mut Harness<'static, App>, label: &str, text: &str, key: egui::Key) {
    text_field(harness, label).scroll_to_me();
    harness.run();
    let field = text_field(harness, label);
    field.focus();
    field.type_text(text);
    harness.run();
    harness.key_press(key);
    harness.run();
}

/// The text field with this label (a column header or a caption may share the words).
pub fn text_field<'h>(
    harness: &'h Harness<'static, App>,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    let mut fields = harness.query_all_by_label(label).filter(|node| {
        matches!(node.accesskit_node().role(), Role::TextInput | Role::MultilineTextInput)
    });
    let field = fields.next().unwrap_or_else(|| {
        let inputs: Vec<String> = harness
            .query_all_by_role(Role::TextInput)
            .map(|n| format!("{:?}", n.accesskit_node().label()))
            .collect();
        panic!("no text field labelled {label:?}; text fields: {inputs:?}")
    });
    assert!(fields.next().is_none(), "two text fields labelled {label:?}");
    field
}

/// Makes the window tall enough for the whole overview, figures table included, and for the
/// built-in file's whole checklist (rows of two or three lines): their rows are laid out only
/// when in view, as a user scrolling down would see them.
pub fn show_tall_window(harness: &mut Harness<'_, App>) {
    harness.set_size(egui::vec2(1280.0, 1400.0));
    harness.run();
}
