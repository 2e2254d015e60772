//! Never lose an edit, in the window (kittest): crashed work is offered back on every path a
//! file is opened by, each document keeps its own copy, a live window's copy is never
//! offered to another, saving runs off the window's thread, and damaged or pasted control
//! characters never reach the data. A window "crashes" here by being dropped: nothing is
//! saved or cleaned up, and the OS lock on its copy goes, as when a process is killed.
//! `tests/e2e.rs` does the same with the real binary and SIGKILL.

use std::fs;
use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use industry_desk::editing::action::Action;
use industry_desk::model::DirectiveId;
use industry_desk::window::app::Modal;
use industry_desk::{App, files::builtin, files::storage};
use jiff::civil::date;

use crate::support::{
    ScriptedDialogs, TODAY, click, harness, harness_holding_saves, harness_on_file_with_recovery,
    harness_with_recovery, menu, save_as_a_colleague, save_with_ctrl_s, settle, wait_for_save,
};

/// The recovery copies in the app's data folder `data`.
fn copies(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(data.join("recovery")) else { return Vec::new() };
    let mut copies: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.ends_with(".ron") && !name.ends_with(".meta.ron") && !name.starts_with('.')
        })
        .collect();
    copies.sort();
    copies
}

/// A data file of the built-in dataset at `folder/name`.
fn data_file(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    storage::save(&path, &builtin::dataset()).unwrap();
    path
}

/// Ticks directive `n` in the open window and waits for its recovery copy.
fn tick(harness: &mut Harness<'static, App>, n: u32) {
    click(harness, "Chỉ đạo");
    click(harness, &format!("Hoàn thành nhiệm vụ {n}"));
    wait_for_save(harness);
}

fn is_done(app: &App, id: u32) -> bool {
    app.document().dataset().directive(DirectiveId(id)).unwrap().completed_on.is_some()
}

/// The offer shown, or a panic naming what is shown instead.
fn offer(harness: &Harness<'static, App>) -> industry_desk::window::app::OfferView {
    match harness.state().modal() {
        Some(Modal::Recover(offer)) => offer.clone(),
        other => panic!("no recovery offer: {other:?}"),
    }
}

#[test]
fn a_file_opened_at_start_gets_its_crashed_work_back() {
    let (dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = data_file(dir.path(), "du-lieu.ron");
    let dialogs = ScriptedDialogs::default();
    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    tick(&mut window, 4);
    assert_eq!(copies(data.path()).len(), 1, "the copy is written");
    drop(window);

    // Started again on the same file, as a double-click does: the copy is offered, and
    // opening the file did not remove it.
    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    assert_eq!(copies(data.path()).len(), 1);
    let shown = offer(&window);
    assert!(shown.file.ends_with("du-lieu.ron"), "{shown:?}");
    assert_eq!(shown.changes, "So với tệp trên đĩa: 1 nhiệm vụ đã sửa.");
    assert!(shown.warnings.is_empty() && shown.can_restore);
    window.get_by_label("Khôi phục bản làm việc chưa lưu?");
    window.get_by_label_contains("So với tệp trên đĩa: 1 nhiệm vụ đã sửa");
    click(&mut window, "Khôi phục");
    assert!(is_done(window.state(), 4), "the edit is back");
    assert!(window.state().document().is_dirty(), "and not saved yet");
    assert_eq!(copies(data.path()).len(), 1, "the copy stays until the work is saved");

    save_with_ctrl_s(&mut window);
    let saved = storage::load(&file).unwrap();
    assert!(saved.directive(DirectiveId(4)).unwrap().completed_on.is_some());
    settle(&mut window);
    assert!(copies(data.path()).is_empty(), "saved: the copy is gone");
    drop(window);
    let window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    assert!(window.state().modal().is_none(), "nothing left to offer");
}

#[test]
fn decide_later_keeps_the_copy_and_discard_removes_it() {
    let (dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = data_file(dir.path(), "sau.ron");
    let dialogs = ScriptedDialogs::default();
    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    tick(&mut window, 2);
    drop(window);

    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    offer(&window);
    click(&mut window, "Để sau (giữ bản sao)");
    assert!(window.state().modal().is_none());
    assert!(!is_done(window.state(), 2), "the file as it is on disk");
    assert_eq!(copies(data.path()).len(), 1, "the copy stays");
    drop(window);

    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    offer(&window);
    click(&mut window, "Bỏ bản sao");
    assert!(copies(data.path()).is_empty(), "discarded on the user's word");
    assert_eq!(fs::read_dir(data.path().join("recovery")).unwrap().count(), 0, "no lock left");
    drop(window);
    assert!(harness_on_file_with_recovery(&dialogs, &file, data.path()).state().modal().is_none());
}

#[test]
fn two_windows_keep_their_own_copies_and_a_live_ones_is_never_offered() {
    let (dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (data_file(dir.path(), "a.ron"), data_file(dir.path(), "b.ron"));
    let dialogs = ScriptedDialogs::default();
    let mut window_a = harness_on_file_with_recovery(&dialogs, &a, data.path());
    tick(&mut window_a, 1);
    let mut window_b = harness_on_file_with_recovery(&dialogs, &b, data.path());
    assert!(window_b.state().modal().is_none(), "a's copy is a live window's");
    tick(&mut window_b, 2);
    assert_eq!(copies(data.path()).len(), 2, "one copy each");

    // A third window looks: both are alive, nothing is crashed work.
    let mut window_c = harness_with_recovery(&dialogs, data.path());
    assert!(window_c.state().modal().is_none());
    menu(&mut window_c, "Tệp", "Bản sao khôi phục…");
    assert!(window_c.state().modal().is_none());
    assert_eq!(window_c.state().status_line(), "Không có bản sao khôi phục nào.");

    // A crashes; B still runs. C asks again: only A's work.
    drop(window_a);
    menu(&mut window_c, "Tệp", "Bản sao khôi phục…");
    let shown = offer(&window_c);
    assert!(shown.file.ends_with("a.ron") && shown.position == (1, 1), "{shown:?}");
    click(&mut window_c, "Để sau (giữ bản sao)");
    drop(window_c);

    // B crashes too. Started on b.ron: its own copy first, then a's.
    drop(window_b);
    let mut window = harness_on_file_with_recovery(&dialogs, &b, data.path());
    let shown = offer(&window);
    assert!(shown.file.ends_with("b.ron") && shown.position == (1, 2), "{shown:?}");
    window.get_by_label("Bản sao 1/2");
    click(&mut window, "Khôi phục");
    assert!(is_done(window.state(), 2) && !is_done(window.state(), 1));
    assert_eq!(
        window.state().status_line(),
        "Đã khôi phục. Còn 1 bản sao khác: Tệp › Bản sao khôi phục…"
    );
    save_with_ctrl_s(&mut window);
    settle(&mut window);
    let left = copies(data.path());
    assert_eq!(left.len(), 1, "b's copy went with its save; a's waits: {left:?}");
    drop(window);

    // a's work, once more, where its file is opened.
    let mut window = harness_on_file_with_recovery(&dialogs, &a, data.path());
    click(&mut window, "Khôi phục");
    assert!(is_done(window.state(), 1));
}

#[test]
fn crashed_work_is_offered_after_file_open_and_a_big_file_opened_in_the_background() {
    let (dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Over the size that opens on a worker thread.
    let mut big = builtin::dataset();
    big.directives[0].text = "Rà soát lại các mỏ đá. ".repeat(60_000);
    let file = dir.path().join("lon.ron");
    storage::save(&file, &big).unwrap();
    assert!(industry_desk::window::jobs::open::wants_background(&file));
    let dialogs = ScriptedDialogs::default();
    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    tick(&mut window, 3);
    drop(window);

    // Started with no file: every crashed copy is offered. Left for later.
    let mut window = harness_with_recovery(&dialogs, data.path());
    assert!(offer(&window).file.ends_with("lon.ron"));
    click(&mut window, "Để sau (giữ bản sao)");

    // New from the sample leaves it alone.
    menu(&mut window, "Tệp", "Mới từ dữ liệu mẫu");
    assert_eq!(copies(data.path()).len(), 1);

    // File › Open on it, read in the background: offered once it is read.
    dialogs.will_pick(&file);
    menu(&mut window, "Tệp", "Mở…");
    assert!(!window.state().is_opening());
    assert_eq!(window.state().document().path(), Some(file.as_path()));
    let shown = offer(&window);
    assert_eq!(shown.changes, "So với tệp trên đĩa: 1 nhiệm vụ đã sửa.");
    click(&mut window, "Khôi phục");
    assert!(is_done(window.state(), 3));
    assert_eq!(window.state().document().dataset().directives[0].text, big.directives[0].text);
}

#[test]
fn a_copy_of_a_file_changed_since_says_so_and_saving_it_asks_first() {
    let (dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = data_file(dir.path(), "chung.ron");
    let dialogs = ScriptedDialogs::default();
    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    tick(&mut window, 5);
    drop(window);
    // A colleague saves the shared file meanwhile.
    let mut theirs = builtin::dataset();
    theirs.directives[6].deadline = Some(date(2019, 12, 31));
    save_as_a_colleague(&file, &theirs);

    let mut window = harness_on_file_with_recovery(&dialogs, &file, data.path());
    let shown = offer(&window);
    assert_eq!(shown.warnings.len(), 1, "{shown:?}");
    window.get_by_label_contains("Tệp đã được thay đổi trên đĩa sau khi bắt đầu sửa");
    // Against the file as it is now: the tick, and their deadline that the copy lacks.
    assert_eq!(shown.changes, "So với tệp trên đĩa: 2 nhiệm vụ đã sửa.");
    click(&mut window, "Khôi phục");
    window.key_press_modifiers(Modifiers::COMMAND, Key::S);
    window.run();
    window.get_by_label("Tệp đã bị thay đổi");
    assert_eq!(storage::load(&file).unwrap(), theirs, "their work is untouched until asked");
}

#[test]
fn edits_made_while_a_save_is_written_stay_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path(), "dang-luu.ron");
    let (mut window, save) = harness_holding_saves(&ScriptedDialogs::default(), Some(file.clone()));
    click(&mut window, "Chỉ đạo");
    click(&mut window, "Hoàn thành nhiệm vụ 1");
    window.key_press_modifiers(Modifiers::COMMAND, Key::S);
    // The frame that takes Ctrl+S starts the save from a snapshot; the save is held at its
    // start, so the next edit surely lands while it is being written (queued as the
    // checkbox queues it).
    window.step();
    assert!(window.state().is_saving());
    window.state_mut().submit(Action::SetCompleted { id: DirectiveId(2), on: Some(TODAY) });
    window.step();
    save.release();
    settle(&mut window);
    let on_disk = storage::load(&file).unwrap();
    assert!(on_disk.directive(DirectiveId(1)).unwrap().completed_on.is_some());
    assert!(
        on_disk.directive(DirectiveId(2)).unwrap().completed_on.is_none(),
        "after the snapshot"
    );
    let app = window.state();
    assert!(is_done(app, 2), "the edit is kept");
    assert!(app.document().is_dirty(), "and counts as unsaved");
    assert!(app.status_line().starts_with("Đã lưu lúc "), "{}", app.status_line());
}

#[test]
fn opening_another_file_waits_for_the_save_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let (file, other) = (data_file(dir.path(), "mot.ron"), data_file(dir.path(), "hai.ron"));
    let dialogs = ScriptedDialogs::default();
    let (mut window, save) = harness_holding_saves(&dialogs, Some(file.clone()));
    click(&mut window, "Chỉ đạo");
    click(&mut window, "Hoàn thành nhiệm vụ 7");
    window.key_press_modifiers(Modifiers::COMMAND, Key::S);
    window.step();
    assert!(window.state().is_saving(), "held: Ctrl+O comes while the save is in flight");
    dialogs.will_pick(&other);
    window.key_press_modifiers(Modifiers::COMMAND, Key::O);
    window.step();
    assert_eq!(window.state().document().path(), Some(file.as_path()), "Open waits");
    save.release();
    settle(&mut window);
    assert!(window.state().modal().is_none(), "no question: the work was saved first");
    assert!(
        storage::load(&file).unwrap().directive(DirectiveId(7)).unwrap().completed_on.is_some()
    );
    assert_eq!(window.state().document().path(), Some(other.as_path()));
}

#[test]
fn pasted_control_characters_are_removed_and_said() {
    let mut window = harness(&ScriptedDialogs::default(), None);
    click(&mut window, "Chỉ đạo");
    window.get_by_label("Tìm").focus();
    window.run();
    window.event(egui::Event::Paste("ra\u{0} soat\u{1b}".into()));
    window.run();
    // "ra soat" finds the two directives that review ("rà soát").
    window.get_by_label("2 / 10 nhiệm vụ");
    assert_eq!(window.state().status_line(), "Đã bỏ 2 ký tự điều khiển khỏi văn bản dán vào.");
    assert_eq!(window.state().document().dataset(), &builtin::dataset());
}

#[test]
fn a_damaged_file_is_refused_on_open_naming_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let file = data_file(dir.path(), "hong.ron");
    storage::save(&file, &builtin::dataset()).unwrap();
    let text = fs::read_to_string(&file).unwrap();
    let torn = text.replacen("Rà soát lại các mỏ đá", "Rà soát lại\0\0\0\0", 1);
    fs::write(&file, &torn).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut window = harness(&dialogs, None);
    dialogs.will_pick(&file);
    menu(&mut window, "Tệp", "Mở…");
    let Some(Modal::Error { text: message }) = window.state().modal() else {
        panic!("{:?}", window.state().modal())
    };
    let line = 1 + torn[..torn.find('\0').unwrap()].matches('\n').count();
    assert!(message.contains("tệp có thể đã bị hỏng"), "{message}");
    assert!(message.contains(&format!("dòng {line}, cột")), "{message}");
    assert!(message.contains("hong.ron.bak"), "{message}");
    assert_eq!(window.state().document().dataset(), &builtin::dataset(), "nothing replaced");
    assert_eq!(fs::read_to_string(&file).unwrap(), torn, "nor written");
}
