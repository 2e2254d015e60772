//! The real binary, started as a user starts it: on a file given on the command line (what
//! a double-click, the recent-files list and a desktop entry do), in a real window under a
//! virtual X display (Xvfb), driven with real key presses and mouse clicks (xdotool), then
//! killed with SIGKILL — a crash, a power cut, a laptop that runs flat — and started again.
//!
//! Needs Debian's `xvfb` and `xdotool` (README, CI). What the tests read from outside: the
//! window title ("● " while unsaved), the recovery folder, and the data file itself.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use industry_desk::model::{Dataset, DirectiveId};
use industry_desk::{files::builtin, files::storage};

/// How long any one thing may take to happen (the debug build under software OpenGL is
/// slow to show its first frame on a busy machine).
const PATIENCE: Duration = Duration::from_secs(60);

/// A virtual X display, stopped when dropped.
pub struct Display {
    xvfb: Child,
    pub name: String,
}

impl Display {
    /// Starts Xvfb on a free display number. The number is chosen here, one server at a
    /// time: Xvfb's own search (`-displayfd`) probes the numbers of servers already running
    /// and can unsettle their sockets.
    pub fn start() -> Display {
        static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Far from the :0 of a desktop and from each other run of the tests.
        let base = 200 + std::process::id() % 500;
        for number in base..base + 100 {
            let taken = Path::new(&format!("/tmp/.X{number}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{number}")).exists();
            if taken {
                continue;
            }
            let name = format!(":{number}");
            let xvfb = Command::new("Xvfb")
                // -noreset: the server would otherwise reset when its last client leaves
                // (a killed window, each xdotool call) and refuse the next one meanwhile.
                .args([
                    name.as_str(),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("Xvfb could not start ({e}): install xvfb (see README)")
                });
            let mut display = Display { xvfb, name };
            let ready = wait_for("the X server to start", || {
                if let Ok(Some(_)) = display.xvfb.try_wait() {
                    return Some(false);
                }
                let answers = Command::new("xdotool")
                    .arg("getdisplaygeometry")
                    .env("DISPLAY", &display.name)
                    .output()
                    .is_ok_and(|out| out.status.success());
                answers.then_some(true)
            });
            if ready {
                return display;
            }
        }
        panic!("no free display number from :{base}");
    }

    /// Whether the X server still runs, for failure messages.
    fn state(&self) -> String {
        let running = Command::new("kill").args(["-0", &self.xvfb.id().to_string()]).status();
        let running = running.is_ok_and(|status| status.success());
        format!("display {}, Xvfb {}", self.name, if running { "running" } else { "gone" })
    }

    /// Runs xdotool on this display; its output.
    fn xdotool(&self, args: &[&str]) -> String {
        let out =
            Command::new("xdotool").args(args).env("DISPLAY", &self.name).output().unwrap_or_else(
                |e| panic!("xdotool could not run ({e}): install xdotool (see README)"),
            );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // SIGTERM, so the server removes its lock and socket for the next one.
        let _ = Command::new("kill").arg(self.xvfb.id().to_string()).status();
        let _ = self.xvfb.wait();
    }
}

/// The places a user's machine keeps things: the app's data folder (recovery copies,
/// settings) and home, both fresh for each test.
struct Machine {
    _dir: tempfile::TempDir,
    data_home: PathBuf,
    home: PathBuf,
    files: PathBuf,
}

impl Machine {
    fn new() -> Machine {
        let dir = tempfile::tempdir().unwrap();
        let (data_home, home, files) =
            (dir.path().join("data"), dir.path().join("home"), dir.path().join("files"));
        for folder in [&data_home, &home, &files] {
            fs::create_dir_all(folder).unwrap();
        }
        Machine { _dir: dir, data_home, home, files }
    }

    /// A data file of the built-in dataset.
    fn data_file(&self, name: &str) -> PathBuf {
        let path = self.files.join(name);
        storage::save(&path, &builtin::dataset()).unwrap();
        path
    }

    /// The recovery copies there are now (the work, not their meta and lock files).
    fn copies(&self) -> Vec<PathBuf> {
        let folder = self.data_home.join("industry-desk").join("recovery");
        let Ok(entries) = fs::read_dir(folder) else { return Vec::new() };
        entries
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.ends_with(".ron") && !name.ends_with(".meta.ron") && !name.starts_with('.')
            })
            .collect()
    }
}

/// The app's window, as a running process.
struct Window<'d> {
    display: &'d Display,
    process: Child,
    id: String,
}

impl<'d> Window<'d> {
    /// Starts the binary on `file` as a double-click does, with recovery copies every
    /// second, and waits for its window to show the file.
    fn open(display: &'d Display, machine: &Machine, file: &Path) -> Window<'d> {
        let binary = std::env::var_os("INDUSTRY_DESK_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_industry-desk")));
        let log_path = machine.home.join(format!("{}.log", file.file_name().unwrap().display()));
        let log = fs::File::create(&log_path).unwrap();
        let mut process = Command::new(binary)
            .arg(file)
            .args(["--lang", "vi", "--autosave-every", "1"])
            .env("DISPLAY", &display.name)
            .env("XDG_DATA_HOME", &machine.data_home)
            .env("HOME", &machine.home)
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("the binary starts");
        let pid = process.id().to_string();
        let id = wait_for("the window", || {
            if let Ok(Some(status)) = process.try_wait() {
                let said = fs::read_to_string(&log_path).unwrap_or_default();
                let server = display.state();
                panic!("the app ended before showing its window ({status}): {said} ({server})");
            }
            let found = display.xdotool(&["search", "--pid", &pid]);
            found.lines().next().map(str::to_owned)
        });
        let window = Window { display, process, id };
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        window.wait_for_title(&format!("{name} — "));
        window
    }

    fn title(&self) -> String {
        self.display.xdotool(&["getwindowname", &self.id])
    }

    /// Waits until the title starts with `start` ("● " while unsaved).
    fn wait_for_title(&self, start: &str) {
        wait_for(&format!("the title to start with {start:?}"), || {
            self.title().starts_with(start).then_some(())
        });
    }

    /// Brings the window to the front with the keyboard (no window manager runs under Xvfb
    /// to do it; keys reach only the window on top).
    fn bring_forward(&self) {
        self.display.xdotool(&["windowraise", &self.id]);
        self.display.xdotool(&["windowfocus", "--sync", &self.id]);
        std::thread::sleep(Duration::from_millis(200));
    }

    /// Sends key presses (xdotool names: "ctrl+4", "Down", "space", "Return") to the window.
    fn keys(&self, keys: &[&str]) {
        self.bring_forward();
        for key in keys {
            self.display.xdotool(&["key", "--clearmodifiers", key]);
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    /// Sends key presses in one go, a few milliseconds apart, as fast typing does.
    fn keys_at_once(&self, keys: &[&str]) {
        self.bring_forward();
        let mut args = vec!["key", "--clearmodifiers"];
        args.extend_from_slice(keys);
        self.display.xdotool(&args);
    }

    /// Waits for the process to end by itself; its exit status.
    fn wait_for_exit(mut self) -> std::process::ExitStatus {
        wait_for("the window to close", || self.process.try_wait().unwrap())
    }

    /// Presses Enter on the recovery offer (its default button, Restore) until the window
    /// shows restored, unsaved work. The offer comes a moment after the window, once the
    /// copies are found; an Enter before it does nothing.
    fn restore_with_enter(&self) {
        wait_for("the restored work", || {
            self.keys(&["Return"]);
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(2) {
                if self.title().starts_with("● ") {
                    return Some(());
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            None
        });
    }

    /// Clicks at a point of the window (it sits at the screen's top left).
    fn click(&self, x: u32, y: u32) {
        self.bring_forward();
        self.display.xdotool(&["mousemove", &x.to_string(), &y.to_string(), "click", "1"]);
        std::thread::sleep(Duration::from_millis(300));
    }

    /// Types `text` (ASCII) as a keyboard does, a key at a time.
    fn type_text(&self, text: &str) {
        self.bring_forward();
        self.display.xdotool(&["type", "--delay", "80", text]);
        std::thread::sleep(Duration::from_millis(300));
    }

    /// SIGKILL: no save, no cleanup, no goodbye.
    fn kill(mut self) {
        self.process.kill().unwrap();
        self.process.wait().unwrap();
    }
}

impl Drop for Window<'_> {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Polls `found` until it gives a value, for at most [`PATIENCE`].
fn wait_for<T>(what: &str, mut found: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = found() {
            return value;
        }
        assert!(started.elapsed() < PATIENCE, "waited {PATIENCE:?} for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn is_done(data: &Dataset, id: u32) -> bool {
    data.directive(DirectiveId(id)).unwrap().completed_on.is_some()
}

/// Waits until a recovery copy holds directives `ids` done.
fn wait_for_copy_with(machine: &Machine, ids: &[u32]) {
    wait_for(&format!("a recovery copy with {ids:?} done"), || {
        machine
            .copies()
            .iter()
            .filter_map(|copy| storage::load(copy).ok())
            .any(|copy| ids.iter().all(|&id| is_done(&copy, id)))
            .then_some(())
    });
}

/// Where the Chỉ đạo tab sits in the 1280×800 window (the tab bar, from a screenshot).
const DIRECTIVES_TAB: (u32, u32) = (476, 49);

#[test]
fn work_on_a_file_opened_from_the_command_line_survives_sigkill() {
    let (display, machine) = (Display::start(), Machine::new());
    let file = machine.data_file("du-lieu.ron");
    let window = Window::open(&display, &machine, &file);
    // A click on the tab, then the keyboard: the first directive ticked done.
    window.click(DIRECTIVES_TAB.0, DIRECTIVES_TAB.1);
    window.keys(&["Down", "space"]);
    window.wait_for_title("● ");
    wait_for_copy_with(&machine, &[1]);
    // A second edit after the first copy: the next copy (a second later) has it too.
    window.keys(&["Down", "space"]);
    wait_for_copy_with(&machine, &[1, 2]);
    window.kill();
    assert_eq!(storage::load(&file).unwrap(), builtin::dataset(), "nothing was saved");
    assert_eq!(machine.copies().len(), 1, "the copy outlives the process");

    // Started again on the same file: the offer is there and Enter restores.
    let window = Window::open(&display, &machine, &file);
    assert_eq!(machine.copies().len(), 1, "opening the file kept the copy");
    window.restore_with_enter();
    window.wait_for_title("● du-lieu.ron");
    window.keys(&["ctrl+s"]);
    window.wait_for_title("du-lieu.ron — ");
    let saved = storage::load(&file).unwrap();
    assert!(is_done(&saved, 1) && is_done(&saved, 2), "the file holds both edits");
    wait_for("the copy to go once saved", || machine.copies().is_empty().then_some(()));
    window.kill();
    assert!(storage::backup_path(&file).exists(), "the file before the save is the .bak");
}

#[test]
fn two_windows_on_two_files_both_killed_are_both_recovered() {
    let (display, machine) = (Display::start(), Machine::new());
    let (a, b) = (machine.data_file("a.ron"), machine.data_file("b.ron"));
    let window_a = Window::open(&display, &machine, &a);
    let window_b = Window::open(&display, &machine, &b);
    window_a.keys(&["ctrl+4", "Down", "space"]);
    window_b.keys(&["ctrl+4", "Down", "Down", "Down", "space"]);
    window_a.wait_for_title("● ");
    window_b.wait_for_title("● ");
    wait_for_copy_with(&machine, &[1]);
    wait_for_copy_with(&machine, &[3]);
    assert_eq!(machine.copies().len(), 2, "one copy each");
    window_a.kill();
    window_b.kill();

    // a first: its own copy is offered first; restored and saved.
    let window = Window::open(&display, &machine, &a);
    window.restore_with_enter();
    window.wait_for_title("● a.ron");
    window.keys(&["ctrl+s"]);
    window.wait_for_title("a.ron — ");
    let saved_a = storage::load(&a).unwrap();
    assert!(is_done(&saved_a, 1) && !is_done(&saved_a, 3), "a has its own edit only");

    // b, in a second window while the first still runs: b's copy is offered there.
    let second = Window::open(&display, &machine, &b);
    second.restore_with_enter();
    second.wait_for_title("● b.ron");
    second.keys(&["ctrl+s"]);
    second.wait_for_title("b.ron — ");
    let saved_b = storage::load(&b).unwrap();
    assert!(is_done(&saved_b, 3) && !is_done(&saved_b, 1), "b has its own edit only");
    wait_for("both copies to go", || machine.copies().is_empty().then_some(()));
}

#[test]
fn quit_right_after_ctrl_s_waits_for_the_save() {
    let (display, machine) = (Display::start(), Machine::new());
    // Big enough that its save takes a while (and that it opens in the background).
    let mut big = builtin::dataset();
    big.directives[9].text = "Tiếp tục đẩy mạnh hoạt động sản xuất kinh doanh. ".repeat(40_000);
    let file = machine.files.join("lon.ron");
    storage::save(&file, &big).unwrap();
    let window = Window::open(&display, &machine, &file);
    window.keys(&["ctrl+4", "Down", "space"]);
    window.wait_for_title("● ");
    window.keys_at_once(&["ctrl+s", "ctrl+q"]);
    let status = window.wait_for_exit();
    assert!(status.success(), "{status}");
    let saved = storage::load(&file).unwrap();
    assert!(is_done(&saved, 1), "the save finished before the window closed");
    assert!(machine.copies().is_empty(), "saved, so no copy is left");
}

/// The file whose text the clipboard child offers.
const CLIPBOARD_TEXT_VAR: &str = "INDUSTRY_DESK_CLIPBOARD_TEXT";

/// The child: owns the system clipboard of the display the parent gives it, offering the
/// text of a file, as a browser does after Ctrl+C on the portal's page; serves it until
/// another program takes the clipboard or the parent stops it.
#[test]
#[ignore = "the child process of the paste test"]
fn clipboard_owner_child() {
    let Some(file) = std::env::var_os(CLIPBOARD_TEXT_VAR) else { return };
    let text = fs::read_to_string(file).unwrap();
    let mut clipboard = arboard::Clipboard::new().unwrap();
    use arboard::SetExtLinux as _;
    println!("offering the text");
    clipboard.set().wait().text(text).unwrap();
}

#[test]
fn a_notice_copied_from_the_portal_is_pasted_read_added_and_saved() {
    let display = Display::start();
    let machine = Machine::new();
    let file = machine.data_file("theo-doi.ron");
    let notice = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/notices/01-numbered.txt");
    let mut owner = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "e2e::clipboard_owner_child", "--ignored", "--nocapture"])
        .env(CLIPBOARD_TEXT_VAR, &notice)
        .env("DISPLAY", &display.name)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let window = Window::open(&display, &machine, &file);
    // Tệp › Nhập từ thông báo kết luận… (places from a screenshot of the 1280×800 window).
    window.click(22, 12);
    window.click(120, 285);
    // The paste box has the keyboard: Ctrl+V, then Ctrl+Enter reads the notice and Ctrl+Enter
    // again adds its ten directives.
    window.keys(&["ctrl+v"]);
    window.keys(&["ctrl+Return"]);
    window.keys(&["ctrl+Return"]);
    window.wait_for_title("● ");
    window.keys(&["ctrl+s"]);
    window.wait_for_title("theo-doi.ron — ");
    let _ = owner.kill();
    let _ = owner.wait();
    let saved = storage::load(&file).unwrap();
    assert_eq!(saved.meetings.len(), 2);
    let meeting = &saved.meetings[1];
    assert_eq!(meeting.date, jiff::civil::date(2019, 8, 19));
    assert!(meeting.source_ref.contains("215/TB-UBND"));
    let added: Vec<_> = saved.directives.iter().filter(|d| d.meeting_id == meeting.id).collect();
    assert_eq!(added.len(), 10);
    assert!(added[0].text.starts_with("Giao Sở Công Thương chủ trì, phối hợp với Sở Kế hoạch"));
    assert_eq!(added[0].deadline, Some(jiff::civil::date(2019, 9, 30)));
    assert!(storage::backup_path(&file).exists(), "the file before the save is kept");
}

/// A Syncthing conflict copy beside the file: the window started on the file says so in a
/// banner; Gộp… shows the merge, Ctrl+Enter applies it, Ctrl+S saves, Enter moves the copy
/// into «đã gộp». The saved file holds both sides' edits; the copy is kept, not deleted.
#[test]
fn a_conflict_copy_beside_the_file_is_found_merged_saved_and_put_aside() {
    use industry_desk::files::lineage::{FileMeta, Revision};
    let display = Display::start();
    let machine = Machine::new();
    let file = machine.files.join("theo-doi.ron");
    let root = Revision::after(None);
    let save = |path: &Path, data: &Dataset, revision: &Revision| {
        let meta = FileMeta { revision: Some(revision.clone()), ..FileMeta::default() };
        storage::save_with_meta(path, data, &meta).unwrap();
    };
    save(&file, &builtin::dataset(), &root);
    // A colleague's edit, left by Syncthing as the conflict copy.
    let mut theirs = builtin::dataset();
    theirs.directive_mut(industry_desk::model::DirectiveId(2)).unwrap().text =
        "Rà soát các dự án chậm tiến độ (Văn phòng)".into();
    let copy = machine.files.join("theo-doi.sync-conflict-20261201-103000-ABCDEFG.ron");
    save(&copy, &theirs, &Revision::after(Some(&root)));
    let window = Window::open(&display, &machine, &file);
    // The banner's Gộp… (its place from a screenshot of the 1280×800 window; the built-in
    // data has no deadlines, so no overdue banner above it).
    window.click(453, 44);
    window.keys(&["ctrl+Return"]);
    window.wait_for_title("● ");
    window.keys(&["ctrl+s"]);
    window.wait_for_title("theo-doi.ron — ");
    window.keys(&["Return"]);
    let moved = machine.files.join("đã gộp").join(copy.file_name().unwrap());
    wait_for("the copy moved into «đã gộp»", || moved.exists().then_some(()));
    assert!(!copy.exists());
    let saved = storage::load(&file).unwrap();
    assert_eq!(saved, theirs, "the merge took the colleague's edit");
    assert_eq!(storage::load(&moved).unwrap(), theirs, "the copy is kept whole");
}

/// The window started as a user starts it carries the app's icon (what task bars, Alt+Tab
/// and window lists show) and the class its desktop entry names.
#[test]
fn the_window_has_its_icon_and_class() {
    let display = Display::start();
    let machine = Machine::new();
    let file = machine.data_file("theo-doi.ron");
    let window = Window::open(&display, &machine, &file);
    let xprop = |property: &str| {
        let out = Command::new("xprop")
            .args(["-id", &window.id, property])
            .env("DISPLAY", &display.name)
            .output()
            .unwrap_or_else(|e| panic!("xprop could not run ({e}): install x11-utils"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let icon = xprop("_NET_WM_ICON");
    assert!(icon.contains("Icon (128 x 128)"), "{}", icon.chars().take(200).collect::<String>());
    let class = xprop("WM_CLASS");
    let entry = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/industry-desk.desktop"),
    )
    .unwrap();
    let named = entry.lines().find_map(|l| l.strip_prefix("StartupWMClass=")).unwrap();
    assert!(class.contains(&format!("\"{named}\"")), "{class} vs {named}");
}

/// The checklist's text column widened by dragging the divider between the list and the
/// editor keeps its width once the window is closed and the app started again (egui's
/// memory, kept by eframe in the data folder).
#[test]
fn a_widened_text_column_keeps_its_width_the_next_time() {
    let display = Display::start();
    let machine = Machine::new();
    let file = machine.data_file("theo-doi.ron");
    // The table's state, as egui keeps it: its column widths, the text's second.
    let text_width = || {
        let stored = machine.data_home.join("industry-desk").join("app.ron");
        let text = fs::read_to_string(&stored).unwrap_or_default();
        let at = text.find("column_widths").map(|at| &text[at..]).unwrap_or_default();
        let list: String =
            at.chars().skip_while(|c| *c != '[').skip(1).take_while(|c| *c != ']').collect();
        let widths: Vec<f32> = list.split(',').filter_map(|w| w.trim().parse().ok()).collect();
        assert!(widths.len() >= 2, "no table widths stored: {text}");
        widths[1]
    };
    // Each time: the Chỉ đạo tab (places from a screenshot of the 1280×800 window), then
    // what `drag` does, then Ctrl+Q.
    let session = |drag: bool| {
        let window = Window::open(&display, &machine, &file);
        window.click(476, 48);
        if drag {
            window.bring_forward();
            // The divider at x 888, dragged 100 points to the right: the editor gives the list
            // its room.
            for step in [
                vec!["mousemove", "888", "500"],
                vec!["mousedown", "1"],
                vec!["mousemove", "930", "500"],
                vec!["mousemove", "988", "500"],
                vec!["mouseup", "1"],
            ] {
                display.xdotool(&step);
                std::thread::sleep(Duration::from_millis(300));
            }
        }
        window.keys(&["ctrl+q"]);
        assert!(window.wait_for_exit().success());
        text_width()
    };
    let before = session(false);
    let widened = session(true);
    // The editor keeps 300 points at least: of the 100 dragged, it gives up 79.
    assert!(widened > before + 60.0, "the text column: {before} before the drag, {widened} after");
    let again = session(false);
    assert!((again - widened).abs() < 1.0, "started again: {again}, left at {widened}");
}

/// Typing in the editor's text, then one click on that row's ✔ box (the click that takes
/// the keyboard out of the field): the tick holds (once, the field's edit, sent after it
/// from a copy without it, took it back), and each Ctrl+Z takes back one thing, never
/// bringing back what an earlier one took.
#[test]
fn a_tick_right_after_typing_in_the_editor_holds_and_undoes_alone() {
    let (display, machine) = (Display::start(), Machine::new());
    let file = machine.data_file("theo-doi.ron");
    let window = Window::open(&display, &machine, &file);
    // Places from a screenshot of the 1280×800 window: the Chỉ đạo tab, directive 4's text
    // in the list, the end of its text in the editor, its ✔ box.
    window.click(DIRECTIVES_TAB.0, DIRECTIVES_TAB.1);
    window.click(130, 505);
    window.click(1200, 330);
    window.type_text(" ABC");
    window.click(847, 505);
    window.wait_for_title("● ");
    window.keys(&["ctrl+s"]);
    window.wait_for_title("theo-doi.ron — ");
    let saved = storage::load(&file).unwrap();
    let directive = saved.directive(DirectiveId(4)).unwrap();
    assert_eq!(directive.text, "Rà soát lại các mỏ đá ABC", "the typing is kept");
    assert!(is_done(&saved, 4), "one click ticked directive 4");

    // Two undos: the tick, then the typing; the second brings no tick back.
    window.keys(&["ctrl+z", "ctrl+z"]);
    window.wait_for_title("● ");
    window.keys(&["ctrl+s"]);
    wait_for("the file saved as it was opened", || {
        (storage::load(&file).ok()? == builtin::dataset()).then_some(())
    });
}
