//! The directives checklist as officials use it every week, driven by labels: add a
//! directive with all its fields, status from the dates, done, undo, filter, save, reopen.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use industry_desk::model::{DirectiveId, UnitId};
use industry_desk::window::app::Tab;
use industry_desk::{files::builtin, files::storage};
use jiff::civil::date;

use crate::support::{
    ScriptedDialogs, TODAY, click, harness, harness_with_recovery, menu, save_with_ctrl_s,
    show_tall_window, type_into, type_then_leave, wait_for_save,
};

const TEXT: &str = "Báo cáo tiến độ giải phóng mặt bằng khu công nghiệp Đồng Bành, Hữu Lũng";

#[test]
fn add_a_directive_follow_it_up_undo_filter_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("theo-doi.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    show_tall_window(&mut harness);

    // Ctrl+N opens a new directive in the editor, its text field ready to type.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Directives);
    harness.get_by_label("Nhiệm vụ mới");
    harness.get_by_label("Nội dung nhiệm vụ").type_text(TEXT);
    harness.run();
    click(&mut harness, "Đơn vị chủ trì nhiệm vụ");
    click(&mut harness, "Sở Công Thương");
    type_into(&mut harness, "Thời hạn của nhiệm vụ", "30/09/2019");
    harness.get_by_label("⚠ quá hạn chưa hoàn thành");
    click(&mut harness, "+ Thêm vào danh sách");

    let data = harness.state().document().dataset();
    assert_eq!(data.directives.len(), 11);
    let added = &data.directives[10];
    assert_eq!(added.text, TEXT);
    assert_eq!(added.lead_unit, Some(UnitId(1)));
    assert_eq!(added.deadline, Some(date(2019, 9, 30)));
    assert_eq!(added.meeting_id, data.meetings[0].id);
    harness.get_by_label("11 / 11 nhiệm vụ");

    // Done today, after the deadline.
    click(&mut harness, "Hoàn thành nhiệm vụ 11");
    let added = harness.state().document().dataset().directive(DirectiveId(11)).unwrap();
    assert_eq!(added.completed_on, Some(TODAY));
    assert!(harness.query_all_by_label("☑ hoàn thành quá hạn").count() >= 1);

    // One undo for "done", one for the whole new directive.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().dataset(), &builtin::dataset());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().document().dataset().directives.len(), 11);

    // Filter by unit: only the new one is led by the Sở Công Thương.
    click(&mut harness, "Lọc theo đơn vị");
    // The item of the list (the new row and the editor name the unit too).
    harness.get_by_role_and_label(Role::Button, "Sở Công Thương").click();
    harness.run();
    harness.get_by_label("1 / 11 nhiệm vụ");
    harness.get_by_label(TEXT);

    // Save, open it again: all there.
    dialogs.will_pick(&path);
    save_with_ctrl_s(&mut harness);
    let saved = harness.state().document().dataset().clone();
    dialogs.will_pick(&path);
    menu(&mut harness, "Tệp", "Mở…");
    assert_eq!(harness.state().document().dataset(), &saved);
    assert_eq!(storage::load(&path).unwrap().directive(DirectiveId(11)).unwrap().text, TEXT);
}

#[test]
fn search_without_diacritics_and_ctrl_f() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Directives);
    harness.get_by_label("Tìm").type_text("ra soat mo da");
    harness.run();
    harness.get_by_label("1 / 10 nhiệm vụ");
    harness.get_by_label("Rà soát lại các mỏ đá");
    click(&mut harness, "Bỏ lọc");
    harness.get_by_label("10 / 10 nhiệm vụ");
}

#[test]
fn editing_fields_is_one_undo_step_each_and_delete_is_undone() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Rà soát lại các mỏ đá");
    harness.get_by_label("Nhiệm vụ 4");
    type_into(&mut harness, "Kết quả cần đạt", "Báo cáo rà soát trình UBND tỉnh");
    click(&mut harness, "+ Thêm ghi chú tiến độ");
    type_then_leave(&mut harness, "Nội dung ghi chú 1", "Đã rà soát 12/40 mỏ");
    let directive = harness.state().document().dataset().directive(DirectiveId(4)).unwrap().clone();
    assert_eq!(directive.expected_output, "Báo cáo rà soát trình UBND tỉnh");
    assert_eq!(directive.progress.len(), 1);
    assert_eq!(directive.progress[0].text, "Đã rà soát 12/40 mỏ");
    assert_eq!(directive.progress[0].date, TODAY);

    // Three intentions, three undo steps (not one a keystroke).
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().document().dataset(), &builtin::dataset());

    // Delete with the key, then undo brings it back where it was.
    click(&mut harness, "Rà soát lại các mỏ đá");
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().document().dataset().directive(DirectiveId(4)).is_none());
    harness.get_by_label("9 / 9 nhiệm vụ");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().dataset(), &builtin::dataset());
}

/// The click on a row's ✔ box that takes the keyboard out of the editor's field: the
/// field's edit and the tick are two steps, both kept, undone one at a time in the order
/// they were made (the field's edit, made first, was once applied after the tick from a
/// copy of the directive without it, and so took the tick away again).
#[test]
fn a_tick_right_after_typing_in_the_editor_is_kept_and_undone_alone() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Rà soát lại các mỏ đá");
    click(&mut harness, "+ Thêm ghi chú tiến độ");
    let note = "Đã rà soát 12/40 mỏ";
    let field = crate::support::text_field(&harness, "Nội dung ghi chú 1");
    field.focus();
    field.type_text(note);
    harness.run();
    // Still typing: one click (press and release in one frame, as a mouse does) on the box.
    harness.get_by_label("Hoàn thành nhiệm vụ 4").click();
    harness.run();
    let directive = |harness: &egui_kittest::Harness<'static, industry_desk::App>| {
        harness.state().document().dataset().directive(DirectiveId(4)).unwrap().clone()
    };
    let now = directive(&harness);
    assert_eq!(now.completed_on, Some(TODAY), "the first click ticks the box");
    assert_eq!(now.progress[0].text, note, "and the note typed is kept");

    // Ctrl+Z takes back the tick alone, then the note's text, then the note.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let now = directive(&harness);
    assert_eq!(now.completed_on, None, "the first undo takes the tick back");
    assert_eq!(now.progress[0].text, note);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let now = directive(&harness);
    assert_eq!(now.completed_on, None, "the second undo brings back no tick");
    assert_eq!(now.progress.len(), 1);
    assert_eq!(now.progress[0].text, "", "the second undo takes the note's text back");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().dataset(), &builtin::dataset());
}

/// Typing in the editor, then a click on another row: what was typed is kept (it was
/// dropped when the editor loaded the row clicked in the same frame).
#[test]
fn typing_in_the_editor_then_choosing_another_row_keeps_what_was_typed() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Rà soát lại các mỏ đá");
    let field = crate::support::text_field(&harness, "Kết quả cần đạt");
    field.focus();
    field.type_text("Báo cáo rà soát");
    harness.run();
    harness.get_by_label("Nhiệm vụ 4");
    harness.get_by_label("Thẩm định kỹ các dự án chuẩn bị đầu tư").click();
    harness.run();
    harness.get_by_label("Nhiệm vụ 3");
    let dataset = harness.state().document().dataset();
    assert_eq!(dataset.directive(DirectiveId(4)).unwrap().expected_output, "Báo cáo rà soát");
    assert_eq!(
        dataset.directive(DirectiveId(3)).unwrap(),
        builtin::dataset().directive(DirectiveId(3)).unwrap()
    );
}

#[test]
fn arrow_keys_move_the_selection() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Thẩm định kỹ các dự án chuẩn bị đầu tư");
    harness.get_by_label("Nhiệm vụ 3");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.get_by_label("Nhiệm vụ 4");
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.get_by_label("Nhiệm vụ 2");

    // Space ticks the selected directive done today, and again not done.
    let done = |harness: &egui_kittest::Harness<'_, industry_desk::App>| {
        harness.state().document().dataset().directives[1].completed_on
    };
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(done(&harness), Some(TODAY));
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(done(&harness), None);
}

#[test]
fn a_new_meeting_takes_new_directives() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Cuộc họp (1)");
    click(&mut harness, "+ Thêm cuộc họp");
    type_into(&mut harness, "Tên cuộc họp", "Sơ kết 9 tháng về phát triển công nghiệp");
    type_into(&mut harness, "Ngày họp", "10/10/2019");
    type_into(&mut harness, "Chủ trì cuộc họp", "Nguyễn Công Trưởng");
    click(&mut harness, "Thêm cuộc họp");
    let data = harness.state().document().dataset();
    assert_eq!(data.meetings.len(), 2);
    assert_eq!(data.meetings[1].date, date(2019, 10, 10));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Nội dung nhiệm vụ").type_text("Rà soát quy hoạch cụm công nghiệp");
    harness.run();
    click(&mut harness, "+ Thêm vào danh sách");
    let data = harness.state().document().dataset();
    assert_eq!(data.directives.last().unwrap().meeting_id, data.meetings[1].id);
    harness.get_by_label("1 / 11 nhiệm vụ");
}

#[test]
fn the_per_unit_summary_counts_by_status() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    show_tall_window(&mut harness);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Hoàn thành nhiệm vụ 10");
    click(&mut harness, "Theo đơn vị");
    harness.get_by_label("Kết quả thực hiện theo đơn vị");
    // The enterprises had one directive and have done it: 100%.
    harness.get_by_label("Các doanh nghiệp đang sản xuất, kinh doanh");
    harness.get_by_label("100%");
    // The departments: eight addressed, none done.
    harness.get_by_label("Các sở, ngành liên quan");
    assert_eq!(harness.query_all_by_label("0%").count(), 2, "the departments and the districts");
    // Its total and its "no deadline" count.
    assert_eq!(harness.query_all_by_label("8").count(), 2);
}

#[test]
fn unsaved_work_survives_a_crash_and_is_offered_back() {
    let folder = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with_recovery(&dialogs, folder.path());
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Hoàn thành nhiệm vụ 7");
    type_into(&mut harness, "Thời hạn nhiệm vụ 8", "31/12/2019");
    let edited = harness.state().document().dataset().clone();
    wait_for_save(&mut harness);
    // The window ends without a save or a goodbye (its lock on the copy goes with it).
    drop(harness);

    let mut harness = harness_with_recovery(&dialogs, folder.path());
    harness.get_by_label("Khôi phục bản làm việc chưa lưu?");
    click(&mut harness, "Khôi phục");
    let app = harness.state();
    assert_eq!(app.document().dataset(), &edited);
    assert!(app.document().is_dirty(), "recovered work is not saved yet");
    assert_eq!(app.document().path(), None);

    // Saving it removes the copy: the next start offers nothing.
    let path = folder.path().join("saved.ron");
    dialogs.will_pick(&path);
    save_with_ctrl_s(&mut harness);
    drop(harness);
    let harness = harness_with_recovery(&dialogs, folder.path());
    assert!(harness.state().modal().is_none());
}

#[test]
fn saving_over_a_file_changed_elsewhere_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chung.ron");
    storage::save(&path, &builtin::dataset()).unwrap();
    let mut harness = harness(&ScriptedDialogs::default(), Some(path.clone()));
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Hoàn thành nhiệm vụ 1");

    // A colleague saves the shared file meanwhile.
    let mut theirs = builtin::dataset();
    theirs.directives[1].completed_on = Some(date(2019, 9, 1));
    crate::support::save_as_a_colleague(&path, &theirs);

    save_with_ctrl_s(&mut harness);
    harness.get_by_label("Tệp đã bị thay đổi");
    click(&mut harness, "Huỷ");
    assert_eq!(storage::load(&path).unwrap(), theirs, "their work is untouched");
    assert!(harness.state().document().is_dirty());

    save_with_ctrl_s(&mut harness);
    click(&mut harness, "Vẫn ghi đè");
    assert_eq!(&storage::load(&path).unwrap(), harness.state().document().dataset());
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().recent_files(), [path]);
}

#[test]
fn opening_a_file_with_overdue_work_shows_the_banner() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qua-han.ron");
    let mut data = builtin::dataset();
    data.directives[0].deadline = Some(date(2019, 9, 15));
    data.directives[1].deadline = Some(date(2019, 10, 3));
    storage::save(&path, &data).unwrap();
    let mut harness = harness(&ScriptedDialogs::default(), Some(path));
    assert_eq!(harness.state().banner(), Some((1, 1)));
    harness.get_by_label("⚠ 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn (trong 7 ngày)");
    click(&mut harness, "Xem các nhiệm vụ này");
    assert_eq!(harness.state().tab(), Tab::Directives);
    harness.get_by_label("1 / 10 nhiệm vụ");
    assert!(harness.state().banner().is_none());
}

/// The calendar beside a row's deadline: the month in Vietnamese, weeks from Thứ Hai, the
/// next month reached with ▶, a day clicked becomes the deadline (one undo step); in
/// English the same calendar names the month and days in English.
#[test]
fn a_deadline_picked_on_the_calendar() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Chọn ngày trên lịch: Thời hạn nhiệm vụ 3");
    // TODAY is 1 October 2019, a Tuesday: the calendar opens on its month.
    harness.get_by_label("Tháng 10 năm 2019");
    let weekdays: Vec<String> =
        ["T2", "T3", "T4", "T5", "T6", "T7", "CN"].map(String::from).to_vec();
    for day in &weekdays {
        harness.get_by_label(day);
    }
    click(&mut harness, "▶");
    harness.get_by_label("Tháng 11 năm 2019");
    click(&mut harness, "15");
    let deadline = |harness: &egui_kittest::Harness<'static, industry_desk::App>| {
        harness.state().document().dataset().directive(DirectiveId(3)).unwrap().deadline
    };
    assert_eq!(deadline(&harness), Some(date(2019, 11, 15)));
    assert!(harness.query_by_label("Tháng 11 năm 2019").is_none(), "the calendar closed");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(deadline(&harness), None, "one undo takes it back");

    harness.get_by_label("English").click();
    harness.run();
    click(&mut harness, "Pick the day on a calendar: Deadline of directive 3");
    harness.get_by_label("October 2019");
    for day in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
        harness.get_by_label(day);
    }
}

/// The checklist's texts wrap: a long directive takes three lines, a short one one, and
/// resting the pointer on a row shows its whole text.
#[test]
fn directive_texts_wrap_in_the_list_with_the_whole_text_on_hover() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    let data = builtin::dataset();
    let long = &data.directive(DirectiveId(1)).unwrap().text;
    let short = &data.directive(DirectiveId(4)).unwrap().text;
    assert_eq!(short, "Rà soát lại các mỏ đá");
    let height = |label: &str| harness.get_by_label(label).rect().height();
    let (long_height, short_height) = (height(long), height(short));
    assert!(
        long_height > 2.5 * short_height,
        "three lines against one: {long_height} vs {short_height}"
    );
    harness.get_by_label(long).hover();
    crate::support::step_until(
        &mut harness,
        |h| h.query_all_by_label(long).count() == 2,
        "the tooltip to show",
    );
    // The label in the row and the tooltip's: the whole text, shown twice.
    assert_eq!(harness.query_all_by_label(long).count(), 2, "the tooltip shows the whole text");
}
