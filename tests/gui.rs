//! The window, driven through egui_kittest by the labels a user sees.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use industry_desk::model::DirectiveId;
use industry_desk::window::app::{Modal, Tab};
use industry_desk::{files::builtin, files::storage};
use jiff::civil::date;

use crate::support::{
    ScriptedDialogs, TODAY, click, harness, menu, run_cli, save_with_ctrl_s, show_tall_window,
    type_into,
};

#[test]
fn opens_on_the_builtin_dataset_with_the_overview() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    show_tall_window(&mut harness);
    let app = harness.state();
    assert_eq!(app.document().dataset(), &builtin::dataset());
    assert_eq!(app.tab(), Tab::Overview);
    assert!(!app.document().is_dirty());
    assert_eq!(app.window_title(), "Dữ liệu mẫu — Bàn làm việc công nghiệp");
    harness.get_by_label("UBND tỉnh họp về tình hình đầu tư, sản xuất, phát triển công nghiệp");
    harness.get_by_label("Nguyễn Công Trưởng, Phó Chủ tịch UBND tỉnh");
    harness.get_by_label("15/07/2019");
    harness.get_by_label("365 triệu kWh");
    harness.get_by_label("+9,5%");
    harness.get_by_label("hơn 1,8 triệu m³");
    harness.get_by_label("gần 13%");
    harness.get_by_label("72.000 m³");
    harness.get_by_label("khoảng 333,3 triệu kWh");
    assert!(
        harness.query_all_by_label("ước tính từ tốc độ tăng").count() >= 3,
        "derived rows say so"
    );
}

#[test]
fn each_tab_is_reached_by_its_label_and_shows_its_key_facts() {
    let mut harness = harness(&ScriptedDialogs::default(), None);

    harness.get_by_label("Sản lượng").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Output);
    harness.get_by_label("Điện thương phẩm (kWh)");
    harness.get_by_label("6 tháng đầu năm 2019");
    harness.get_by_label("Đá các loại").click();
    harness.run();
    harness.get_by_label("Đá các loại (m³)");
    harness.get_by_label("Gỗ và các sản phẩm từ gỗ rừng trồng").click();
    harness.run();
    harness.get_by_label("Gỗ và các sản phẩm từ gỗ rừng trồng (m³)");
    harness.get_by_label("+50%");

    harness.get_by_label("Khu & cụm công nghiệp").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Zones);
    harness.get_by_label("Khu công nghiệp Đồng Bành");
    harness.get_by_label("trên 321 ha");
    harness.get_by_label("khoảng 440 ha");
    harness.get_by_label("16 cụm công nghiệp");
    harness.get_by_label("16");
    harness.get_by_label("chưa có số liệu diện tích");

    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Directives);
    show_tall_window(&mut harness);
    harness.get_by_label("10 / 10 nhiệm vụ");
    harness.get_by_label("Rà soát lại các mỏ đá");
    assert_eq!(harness.query_all_by_label("○ chưa có hạn").count(), 10);

    harness.get_by_label("Tổng quan").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Overview);
}

#[test]
fn marking_a_directive_done_then_undo_restores_it() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    click(&mut harness, "Hoàn thành nhiệm vụ 4");
    let doc = harness.state().document();
    assert_eq!(doc.dataset().directive(DirectiveId(4)).unwrap().completed_on, Some(TODAY));
    assert!(doc.is_dirty());
    assert!(harness.state().window_title().starts_with("● "));
    harness.get_by_label("✔ hoàn thành đúng hạn");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = harness.state().document();
    assert_eq!(doc.dataset(), &builtin::dataset());
    assert!(!doc.is_dirty(), "undo back to the opened state is clean");

    // Both redo shortcuts work.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().document().dataset().directive(DirectiveId(4)).unwrap().completed_on,
        Some(TODAY)
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(harness.state().document().is_dirty());
}

#[test]
fn a_typed_deadline_sets_the_status_and_a_bad_one_is_refused() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Chỉ đạo").click();
    harness.run();

    type_into(&mut harness, "Thời hạn nhiệm vụ 2", "30/09/2019");
    let directive = harness.state().document().dataset().directive(DirectiveId(2)).unwrap();
    assert_eq!(directive.deadline, Some(date(2019, 9, 30)));
    harness.get_by_label("⚠ quá hạn chưa hoàn thành");

    type_into(&mut harness, "Thời hạn nhiệm vụ 3", "31/02/2020");
    harness.get_by_label_contains("\"31/02/2020\" không phải ngày hợp lệ");
    assert_eq!(
        harness.state().document().dataset().directive(DirectiveId(3)).unwrap().deadline,
        None
    );
}

#[test]
fn save_as_writes_a_file_that_check_accepts_and_that_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hop-15-7.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    click(&mut harness, "Hoàn thành nhiệm vụ 1");

    dialogs.will_pick(&path);
    menu(&mut harness, "Tệp", "Lưu thành…");
    let app = harness.state();
    assert!(!app.document().is_dirty());
    assert_eq!(app.document().path(), Some(path.as_path()));
    assert_eq!(app.window_title(), "hop-15-7.ron — Bàn làm việc công nghiệp");

    let out = run_cli(&["check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(&storage::load(&path).unwrap(), app.document().dataset());

    // Ctrl+S after another edit saves to the same file, keeping the previous one as .bak.
    click(&mut harness, "Hoàn thành nhiệm vụ 2");
    save_with_ctrl_s(&mut harness);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(&storage::load(&path).unwrap(), harness.state().document().dataset());
    assert!(storage::backup_path(&path).exists());
}

#[test]
fn unsaved_changes_are_guarded_on_new_and_open() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    storage::save(&other, &builtin::dataset()).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    click(&mut harness, "Hoàn thành nhiệm vụ 5");
    let edited = harness.state().document().dataset().clone();

    menu(&mut harness, "Tệp", "Mới từ dữ liệu mẫu");
    assert!(matches!(harness.state().modal(), Some(Modal::Unsaved { .. })));
    harness.get_by_label("Huỷ").click();
    harness.run();
    assert_eq!(harness.state().document().dataset(), &edited, "cancel keeps the work");

    dialogs.will_pick(&other);
    menu(&mut harness, "Tệp", "Mở…");
    harness.get_by_label("Không lưu").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.document().path(), Some(other.as_path()));
    assert_eq!(app.document().dataset(), &builtin::dataset());
}

#[test]
fn save_in_the_guard_saves_then_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    click(&mut harness, "Hoàn thành nhiệm vụ 6");
    let edited = harness.state().document().dataset().clone();

    dialogs.will_pick(&saved);
    menu(&mut harness, "Tệp", "Mới từ dữ liệu mẫu");
    click(&mut harness, "Lưu");
    assert_eq!(storage::load(&saved).unwrap(), edited, "the work was saved first");
    assert_eq!(harness.state().document().dataset(), &builtin::dataset(), "then the new document");
    assert_eq!(harness.state().document().path(), None);
}

#[test]
fn with_no_file_dialog_the_user_types_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    dialogs.will_be_unavailable();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(matches!(harness.state().modal(), Some(Modal::TypePath { .. })));
    harness.get_by_label_contains("Không mở được hộp thoại chọn tệp");
    // Replace the suggested name with the full path: select all, type.
    harness.get_by_label("Đường dẫn tệp").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Đường dẫn tệp").type_text(path.to_str().unwrap());
    harness.run();
    click(&mut harness, "Đồng ý");
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(storage::load(&path).unwrap(), builtin::dataset());
}

#[test]
fn the_language_switches_to_english_and_back() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    show_tall_window(&mut harness);
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Overview");
    harness.get_by_label("365 million kWh");
    harness.get_by_label("+9.5%");
    harness.get_by_label("Directives").click();
    harness.run();
    harness.get_by_label("10 / 10 directives");
    harness.get_by_label("Output").click();
    harness.run();
    harness.get_by_label("Commercial electricity (kWh)");
    harness.get_by_label("6M 2018: ~333.3 million kWh · 6M 2019: 365 million kWh · +9.5%");
    harness.get_by_label("Growth").click();
    harness.run();
    harness.get_by_label("Growth against the same period last year");
    harness.get_by_label("Industrial zones & clusters").click();
    harness.run();
    harness.get_by_label("no area figure yet");
    harness.get_by_label("Tiếng Việt").click();
    harness.run();
    harness.get_by_label("Tổng quan");
}

#[test]
fn ctrl_and_a_number_switch_tabs() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    for (key, tab) in [
        (Key::Num4, Tab::Directives),
        (Key::Num2, Tab::Output),
        (Key::Num3, Tab::Zones),
        (Key::Num1, Tab::Overview),
    ] {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert_eq!(harness.state().tab(), tab);
    }
}

#[test]
fn keys_typed_fast_after_a_tab_switch_all_count_in_order() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    // All in one frame, as a slow machine takes fast typing: Ctrl+4, then Down, Space,
    // Down, Space ticks the first two directives.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    for key in [Key::ArrowDown, Key::Space, Key::ArrowDown, Key::Space] {
        harness.key_press(key);
    }
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Directives);
    let done: Vec<bool> = harness
        .state()
        .document()
        .dataset()
        .directives
        .iter()
        .map(|d| d.completed_on.is_some())
        .collect();
    assert_eq!(done[..3], [true, true, false], "{done:?}");
    // Space twice on one directive in one frame: done, then not done again.
    harness.key_press(Key::Space);
    harness.key_press(Key::Space);
    harness.run();
    assert!(harness.state().document().dataset().directives[1].completed_on.is_some());
}

#[test]
fn escape_cancels_the_unsaved_changes_dialog() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Hoàn thành nhiệm vụ 1");
    menu(&mut harness, "Tệp", "Mới từ dữ liệu mẫu");
    assert!(matches!(harness.state().modal(), Some(Modal::Unsaved { .. })));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().modal().is_none());
    assert!(harness.state().document().is_dirty(), "the work is still there");
}

/// F1 opens the short guide in the UI's language, naming where this machine keeps the
/// recovery copies; Escape closes it. Trợ giúp › Giới thiệu shows the version, the data
/// folder and the bundled fonts' licences.
#[test]
fn f1_opens_the_guide_and_about_names_the_version_data_folder_and_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = crate::support::harness_with_recovery(&ScriptedDialogs::default(), &data);
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Hướng dẫn nhanh");
    for section in [
        "Mở một tệp",
        "Theo dõi một nhiệm vụ",
        "In báo cáo",
        "Nhập từ Excel hoặc từ thông báo kết luận",
        "Gộp bản của đồng nghiệp",
        "Bản sao khôi phục",
    ] {
        harness.get_by_label(section);
    }
    let recovery = format!("{}/recovery", data.display());
    harness.get_by_label_contains(&recovery);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Hướng dẫn nhanh").is_none(), "Escape closed it");

    menu(&mut harness, "Trợ giúp", "Giới thiệu");
    harness.get_by_label(&format!("Phiên bản {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains(&data.display().to_string());
    harness
        .get_by_label("Noto Sans, Noto Sans Mono, Noto Sans Symbols 2 — SIL Open Font License 1.1");
    harness.get_by_label("Liberation Serif — SIL Open Font License 1.1");
    click(&mut harness, "Đóng");
    assert!(harness.query_by_label("Liberation Serif — SIL Open Font License 1.1").is_none());
}
