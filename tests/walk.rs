//! An afternoon in the checklist (issue 23): what a new official met in an hour of use —
//! a search that found what it should not, messages that stayed or lied, a new row nobody
//! was shown — each driven as they did it, through the window's labels.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use industry_desk::files::storage;
use industry_desk::i18n::Lang;
use industry_desk::model::DirectiveId;
use jiff::civil::date;

use crate::support::{
    ScriptedDialogs, click, harness, show_tall_window, step_until, text_field, type_into,
};

/// "mo da" finds directive 4 alone (each word once matched a prefix anywhere: "môi" in the
/// text, "đang" in a unit's name); a row found by a field it does not show says which.
#[test]
fn search_finds_word_beginnings_in_one_field_and_says_where() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    show_tall_window(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Tìm").type_text("mo da");
    harness.run();
    harness.get_by_label("1 / 10 nhiệm vụ");
    // The words marked in the text: its label is the text, drawn in three sections.
    harness.get_by_label("Rà soát lại các mỏ đá");
    assert!(harness.query_by_label_contains("khớp:").is_none(), "found in the text itself");

    click(&mut harness, "Bỏ lọc");
    text_field(&harness, "Tìm").focus();
    harness.run();
    harness.get_by_label("Tìm").type_text("huyen thanh pho");
    harness.run();
    harness.get_by_label("1 / 10 nhiệm vụ");
    harness.get_by_label("khớp: đơn vị được giao");
}

/// A deadline typed wrong keeps its text in the field, says why beside it without moving
/// the list, in the language shown, and goes when its cause does (a delete here).
#[test]
fn a_refused_deadline_stays_in_its_field_and_its_message_goes_with_its_cause() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    show_tall_window(&mut harness);
    click(&mut harness, "Chỉ đạo");
    let row_top = |harness: &egui_kittest::Harness<'_, industry_desk::App>| {
        harness.get_by_label("Rà soát lại các mỏ đá").rect().top()
    };
    let before = row_top(&harness);
    type_into(&mut harness, "Thời hạn nhiệm vụ 1", "31/02/2020");
    let vi = "\"31/02/2020\" không phải ngày hợp lệ";
    harness.get_by_label_contains(vi);
    assert_eq!(row_top(&harness), before, "the message pushed the list down");
    let field = text_field(&harness, "Thời hạn nhiệm vụ 1");
    assert_eq!(field.value().as_deref(), Some("31/02/2020"), "what was typed is kept");

    click(&mut harness, "English");
    assert!(harness.query_by_label_contains(vi).is_none(), "still in Vietnamese");
    harness.get_by_label_contains("\"31/02/2020\" is not a valid date");

    click(&mut harness, "Rà soát lại các mỏ đá");
    harness.get_by_label_contains("\"31/02/2020\" is not a valid date");
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.query_by_label_contains("is not a valid date").is_none(), "outlived a delete");
}

/// Delete says what it did and how to undo it; the undo selects the directive it brought
/// back (the selection had landed on the next row, out of view), and the status bar's
/// words follow a switch of language rather than stay in the old one.
#[test]
fn delete_says_so_and_undo_selects_what_it_brought_back() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Rà soát lại các mỏ đá");
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(harness.state().status_line(), "Đã xoá nhiệm vụ 4 — Ctrl+Z để hoàn tác");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().document().dataset().directive(DirectiveId(4)).is_some());
    // The editor shows the directive brought back, not the one after it.
    harness.get_by_label("Nhiệm vụ 4");
    let editor_text = text_field(&harness, "Nội dung nhiệm vụ").value();
    assert_eq!(editor_text.as_deref(), Some("Rà soát lại các mỏ đá"));

    assert_eq!(harness.state().status_line(), Lang::Vi.strings().app.undone);
    click(&mut harness, "English");
    assert_ne!(harness.state().status_line(), Lang::Vi.strings().app.undone);
}

/// Ctrl+N: the button that adds the new directive is in view at once, and the row it adds
/// is shown, selected and said.
#[test]
fn a_new_directive_is_added_from_a_button_in_view_and_shown() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Nội dung nhiệm vụ").type_text("Báo cáo kết quả rà soát mỏ đá");
    harness.run();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let button = harness.get_by_label("+ Thêm vào danh sách").rect();
    assert!(window.contains_rect(button), "the button at {button:?}, out of the window");
    click(&mut harness, "+ Thêm vào danh sách");
    assert_eq!(harness.state().document().dataset().directives.len(), 11);
    assert_eq!(harness.state().status_line(), "Đã thêm nhiệm vụ 11 vào danh sách");
    harness.get_by_label("Nhiệm vụ 11");
    step_until(&mut harness, |h| h.query_by_label("11.").is_some(), "the new row in view");
    let row = harness.get_by_label("11.").rect();
    assert!(window.contains_rect(row), "the new row at {row:?}, out of the window");
}

/// The banner names only what there is: one overdue directive and none due soon is "1
/// nhiệm vụ quá hạn", not "…, 0 nhiệm vụ sắp đến hạn".
#[test]
fn the_banner_leaves_out_zero_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qua-han.ron");
    let mut data = industry_desk::files::builtin::dataset();
    data.directives[0].deadline = Some(date(2019, 9, 15));
    storage::save(&path, &data).unwrap();
    let mut harness = harness(&ScriptedDialogs::default(), Some(path));
    harness.run();
    harness.get_by_label("⚠ 1 nhiệm vụ quá hạn");
}

/// The letterhead form opened from "Xuất báo cáo" goes back to "Xuất báo cáo" by name (it
/// said "Quay lại hộp thoại in", a dialog the official never opened).
#[test]
fn the_letterhead_form_goes_back_to_the_dialog_it_came_from() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    click(&mut harness, "Thể thức văn bản…");
    assert!(harness.query_by_label_contains("hộp thoại in").is_none());
    click(&mut harness, "‹ Quay lại «Xuất báo cáo»");
    harness.get_by_label("Xuất báo cáo");
}

/// A recent file names its folder: two offices' "data.ron" are told apart.
#[test]
fn recent_files_name_their_folder() {
    use industry_desk::window::ui::menu::recent_label;
    let label = recent_label(std::path::Path::new("/home/can-bo/So-Cong-Thuong/data.ron"));
    assert_eq!(label, "data.ron — /home/can-bo/So-Cong-Thuong");
    let deep = "/home/can-bo/Tài liệu/Phòng Kế hoạch/Năm 2019/Theo dõi kết luận/data.ron";
    let label = recent_label(std::path::Path::new(deep));
    assert!(label.starts_with("data.ron — …") && label.ends_with("Theo dõi kết luận"), "{label}");
    assert!(label.chars().count() <= "data.ron — ".chars().count() + 40, "{label}");
}

/// After a second meeting the overview shows it (the latest), says plainly that the file
/// has no figures of the period it reviewed, and can be turned back to the July meeting,
/// whose figures and sources are those of the first half of 2019.
#[test]
fn the_overview_chooses_its_meeting_and_shows_that_meetings_period() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hai-cuoc-hop.ron");
    let mut data = industry_desk::files::builtin::dataset();
    let mut october = data.meetings[0].clone();
    october.id = data.next_meeting_id();
    october.title = "Họp đánh giá sản xuất công nghiệp 9 tháng".into();
    october.date = date(2019, 10, 15);
    october.source_ref = String::new();
    data.meetings.push(october);
    storage::save(&path, &data).unwrap();
    let mut harness = harness(&ScriptedDialogs::default(), Some(path));
    show_tall_window(&mut harness);
    click(&mut harness, "Tổng quan");
    harness.get_by_label("Họp đánh giá sản xuất công nghiệp 9 tháng");
    harness.get_by_label_contains("Tệp chưa có số liệu của kỳ báo cáo mà cuộc họp ngày 15/10/2019");

    harness.get_by_role_and_label(Role::ComboBox, "Cuộc họp").click();
    harness.run();
    let july = &data.meetings[0];
    click(&mut harness, &format!("15/07/2019 — {}", july.title));
    assert!(harness.query_by_label_contains("Tệp chưa có số liệu").is_none());
    harness.get_by_label("Số liệu sản xuất 6 tháng đầu năm 2019");
    assert!(harness.query_by_label("Họp đánh giá sản xuất công nghiệp 9 tháng").is_none());
}

/// Item 2: in both languages, at 1366×768, 1280×720, 1366×768 at 125 % (1093×614 points)
/// and half a screen, no status and no deadline of the checklist is cut: each one's text,
/// laid out with egui and the font the row draws it in, is no wider than what its cell
/// gave it. (The Vietnamese ones were: "15/12/202", "quá hạn chưa hoàn …".)
#[test]
fn every_status_and_deadline_fits_its_cell() {
    use industry_desk::window::ui::directives::{WIDEST_DATE, status_texts};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moi-tinh-trang.ron");
    let mut data = industry_desk::files::builtin::dataset();
    // One row of each status (and one due soon), short texts so all are in view at once.
    let september = Some(date(2019, 9, 15));
    let cases = [
        (september, Some(date(2019, 9, 10))),
        (september, Some(date(2019, 9, 20))),
        (Some(date(2019, 12, 28)), None),
        (september, None),
        (None, None),
        (Some(date(2019, 10, 5)), None),
        (Some(date(2020, 8, 8)), None),
    ];
    data.directives.truncate(cases.len());
    for (i, (directive, (deadline, done))) in data.directives.iter_mut().zip(cases).enumerate() {
        directive.text = format!("Nhiệm vụ thử {}", i + 1);
        (directive.deadline, directive.completed_on) = (deadline, done);
    }
    storage::save(&path, &data).unwrap();
    let mut harness = harness(&ScriptedDialogs::default(), Some(path));
    click(&mut harness, "Chỉ đạo");
    let bold = egui::FontId::new(14.0, egui::FontFamily::Name("noto-bold".into()));
    let body = egui::FontId::new(15.0, egui::FontFamily::Proportional);
    for (lang, switch) in [(Lang::Vi, None), (Lang::En, Some("English"))] {
        if let Some(switch) = switch {
            click(&mut harness, switch);
        }
        for size in [(1366.0, 768.0), (1280.0, 720.0), (1093.0, 614.0), (683.0, 720.0)] {
            harness.set_size(egui::vec2(size.0, size.1));
            harness.run();
            let width = |text: &str, font: &egui::FontId| {
                harness.ctx.fonts_mut(|f| {
                    f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::BLACK).size().x
                })
            };
            let mut seen = 0;
            for text in status_texts(lang) {
                let wanted = width(&text, &bold);
                for node in harness.query_all_by_label(&text) {
                    seen += 1;
                    let given = node.rect().width();
                    assert!(
                        wanted <= given + 0.5,
                        "{lang:?} {size:?}: {text:?} needs {wanted}, has {given}"
                    );
                }
            }
            assert!(seen >= 6, "{lang:?} {size:?}: only {seen} statuses in view");
            // Deadlines: the widest digits, in a field with its margins.
            let wanted = width(WIDEST_DATE, &body) + 8.0;
            let fields: Vec<f32> = harness
                .query_all_by_role(Role::TextInput)
                .filter(|node| {
                    node.accesskit_node().label().is_some_and(|l| {
                        l.starts_with("Thời hạn nhiệm vụ") || l.starts_with("Deadline of directive")
                    })
                })
                .map(|node| node.rect().width())
                .collect();
            assert!(fields.len() >= 6, "{lang:?} {size:?}: {} deadline fields", fields.len());
            for given in fields {
                assert!(wanted <= given, "{lang:?} {size:?}: a date needs {wanted}, has {given}");
            }
            // The filter's two date fields show their hint whole ("dd/mm/y…" was cut).
            let hint = width("dd/mm/yyyy", &body).max(width(WIDEST_DATE, &body)) + 8.0;
            let filters = ["Hạn từ", "đến", "Due from", "to"];
            let filter_fields: Vec<f32> = harness
                .query_all_by_role(Role::TextInput)
                .filter(|node| {
                    node.accesskit_node().label().is_some_and(|l| filters.contains(&l.as_str()))
                })
                .map(|node| node.rect().width())
                .collect();
            assert_eq!(filter_fields.len(), 2, "{lang:?} {size:?}: the filter's date fields");
            for given in filter_fields {
                assert!(hint <= given, "{lang:?} {size:?}: the hint needs {hint}, has {given}");
            }
        }
    }
}

/// The notice dialog at half a screen: its meeting list inside the window; the directives
/// it adds are shown in the checklist (selected, scrolled to), not left out of sight.
#[test]
fn the_notice_dialog_fits_half_a_screen_and_its_rows_are_shown() {
    let notice = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/notices/01-numbered.txt");
    let notice = std::fs::read_to_string(notice).unwrap();
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.set_size(egui::vec2(683.0, 720.0));
    harness.run();
    crate::support::menu(&mut harness, "Tệp", "Nhập từ thông báo kết luận…");
    harness.get_by_label("Nội dung thông báo").focus();
    harness.run();
    harness.event(egui::Event::Paste(notice));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    step_until(&mut harness, |h| h.query_all_by_label("Thêm vào").next().is_some(), "the preview");
    let list = harness.get_by_role_and_label(Role::ComboBox, "Thêm vào").rect();
    assert!(list.right() <= 683.0, "the meeting list ends at {}, beyond the window", list.right());
    // The dialog itself: its title and its main button inside the window (it was wider than
    // the screen, both cut).
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(683.0, 720.0));
    for label in ["Nhập từ thông báo kết luận", "Thêm 10 nhiệm vụ Ctrl+Enter"] {
        let rect = harness.get_by_label(label).rect();
        assert!(rect.left() >= 0.0 && rect.right() <= 683.0, "{label:?} at {rect:?}");
        assert!(window.intersects(rect), "{label:?} at {rect:?}");
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    step_until(&mut harness, |h| h.state().modal().is_none(), "the notice's rows to be added");
    harness.run();
    assert_eq!(harness.state().document().dataset().directives.len(), 20);
    harness.get_by_label("Nhiệm vụ 11");
    step_until(&mut harness, |h| h.query_by_label("11.").is_some(), "the first new row in view");
}

/// With no system file dialog, a path typed and Enter opens the file (Enter did nothing:
/// only the OK button did).
#[test]
fn enter_in_the_typed_path_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so-lieu.ron");
    storage::save(&path, &industry_desk::files::builtin::dataset()).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.will_be_unavailable();
    let mut harness = harness(&dialogs, None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    let field = text_field(&harness, "Đường dẫn tệp");
    field.focus();
    field.type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    crate::support::wait_for_open(&mut harness);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert!(harness.state().modal().is_none());
}

/// The guide opens at its top each time (it came back scrolled where it was left).
#[test]
fn the_guide_opens_at_its_top_each_time() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.key_press(Key::F1);
    harness.run();
    // Where the first section stands below the guide's title: the place in the text.
    let place = |harness: &egui_kittest::Harness<'_, industry_desk::App>| {
        let title = harness.get_by_label("Hướng dẫn nhanh").rect().top();
        harness.get_by_label("Mở một tệp").rect().top() - title
    };
    let first = place(&harness);
    harness.get_by_label("Bản sao khôi phục").scroll_to_me();
    harness.run();
    assert_ne!(place(&harness), first, "the guide did not scroll");
    click(&mut harness, "Đóng");
    harness.key_press(Key::F1);
    harness.run();
    assert_eq!(place(&harness), first);
}

/// A refused figure says why where the official is looking (the words were under the
/// form, below the window's edge).
#[test]
fn a_refused_figure_says_why_in_view() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    click(&mut harness, "Sản lượng");
    click(&mut harness, "Thêm số liệu");
    type_into(&mut harness, "Giá trị", "1.80.000");
    click(&mut harness, "Lưu số liệu");
    harness.run();
    let message = harness.get_by_label_contains("\"1.80.000\" không phải là số viết đúng cách");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
    assert!(window.contains_rect(message.rect()), "the message at {:?}", message.rect());
}

/// Tab after clicking "Danh sách" goes to the search box (it went to the menu bar, then to
/// the language buttons).
#[test]
fn tab_in_the_checklist_goes_to_the_search_box() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Danh sách");
    harness.key_press(Key::Tab);
    harness.run();
    assert!(text_field(&harness, "Tìm").is_focused(), "Tab went elsewhere");
}

/// "Thêm đơn vị" stays inside the editor at every width: it was cut at the editor's right
/// edge; in a narrow editor it now goes under the new unit's name.
#[test]
fn the_add_unit_button_is_never_cut_at_the_editors_edge() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    let font = egui::FontId::new(15.0, egui::FontFamily::Proportional);
    let text = harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap("Thêm đơn vị".to_owned(), font, egui::Color32::BLACK).size().x
    });
    for size in [(1366.0, 768.0), (1280.0, 720.0), (1024.0, 768.0), (683.0, 720.0)] {
        harness.set_size(egui::vec2(size.0, size.1));
        harness.run();
        let button = harness.get_by_role_and_label(Role::Button, "Thêm đơn vị").rect();
        // The directive's text field spans the editor's width.
        let editor = text_field(&harness, "Nội dung nhiệm vụ").rect();
        let edge = editor.right().min(size.0);
        assert!(button.right() <= edge + 0.5, "{size:?}: the button ends at {}", button.right());
        assert!(button.width() >= text, "{size:?}: {} wide for {text} of text", button.width());
    }
}

/// The figures table's titles are whole when it opens ("Tình trạng số …" was cut), and in
/// half a screen its right-hand columns can be scrolled to.
#[test]
fn the_figures_tables_titles_are_whole_and_it_scrolls_sideways() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Sản lượng");
    let font = egui::FontId::new(14.0, egui::FontFamily::Name("noto-bold".into()));
    for size in [(1366.0, 768.0), (683.0, 720.0)] {
        harness.set_size(egui::vec2(size.0, size.1));
        harness.run();
        for title in ["Kỳ", "Tình trạng số liệu", "Cơ sở"] {
            let wanted = harness.ctx.fonts_mut(|f| {
                f.layout_no_wrap(title.to_owned(), font.clone(), egui::Color32::BLACK).size().x
            });
            let cell = harness.get_by_label(title).rect();
            assert!(cell.width() + 0.5 >= wanted, "{size:?}: {title:?} has {}", cell.width());
        }
    }
    // At 683 px the last column starts beyond the window; a sideways scroll brings it in.
    let actions = harness.get_by_label("Sửa / xoá").rect();
    assert!(actions.left() > 683.0, "the actions column at {actions:?} was expected off screen");
    harness.get_by_label("Kỳ").hover();
    harness.run();
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-200.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
    let actions = harness.get_by_label("Sửa / xoá").rect();
    assert!(actions.right() <= 683.0, "after scrolling sideways the actions at {actions:?}");
}

/// The letters dialog in half a screen: inside the window, not cut on both sides.
#[test]
fn the_letters_dialog_fits_half_a_screen() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.set_size(egui::vec2(683.0, 720.0));
    harness.run();
    crate::support::menu(&mut harness, "Tệp", "Văn bản đôn đốc…");
    harness.run();
    for node in harness.query_all_by_label_contains("nhiệm vụ chủ trì") {
        let rect = node.rect();
        assert!(rect.left() >= 0.0 && rect.right() <= 683.0, "a unit's line at {rect:?}");
    }
    let title = harness.get_by_label("Văn bản đôn đốc").rect();
    assert!(title.left() >= 0.0 && title.right() <= 683.0, "the title at {title:?}");
}

/// An error message closes with Enter, as a message box's OK does (only a click did).
#[test]
fn enter_closes_an_error_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hong.ron");
    std::fs::write(&path, "(format: \"industry-desk\", version: 1, dataset: (").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    dialogs.will_pick(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    crate::support::wait_for_open(&mut harness);
    assert!(
        matches!(harness.state().modal(), Some(industry_desk::window::app::Modal::Error { .. })),
        "no error message"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().modal().is_none(), "Enter left the message open");
}

/// The filter bar wraps a date filter as one: its caption ("đến"), its field and its
/// calendar on one row at every width (the caption stood at a row's end with its date on
/// the next, or the calendar alone under its field).
#[test]
fn a_date_filter_wraps_with_its_caption_and_calendar() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    for lang in ["Tiếng Việt", "English"] {
        if lang == "English" {
            click(&mut harness, "English");
        }
        let (from, to, calendar) = match lang {
            "English" => ("Due from", "to", "Pick the day on a calendar"),
            _ => ("Hạn từ", "đến", "Chọn ngày trên lịch"),
        };
        for width in (640..=1366).step_by(8) {
            harness.set_size(egui::vec2(width as f32, 720.0));
            harness.run();
            for caption in [from, to] {
                let label = harness.get_by_role_and_label(Role::Label, caption).rect();
                let field = text_field(&harness, caption).rect();
                let button = harness
                    .get_by_role_and_label(Role::Button, &format!("{calendar}: {caption}"))
                    .rect();
                for (what, rect) in [("field", field), ("calendar", button)] {
                    assert!(
                        (rect.center().y - label.center().y).abs() < label.height(),
                        "{lang}, {width} px: {caption:?} at {label:?}, its {what} at {rect:?}"
                    );
                }
            }
        }
    }
}

/// Each caption of the filter bar stands level with its field, however the bar wraps ("Tìm"
/// and "đến" stood 2–4 px above their fields' middle: a row began as tall as a caption).
#[test]
fn the_filter_captions_stand_level_with_their_fields() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Chỉ đạo");
    for lang in ["Tiếng Việt", "English"] {
        if lang == "English" {
            click(&mut harness, "English");
        }
        let captions = match lang {
            "English" => ["Search", "Due from", "to"],
            _ => ["Tìm", "Hạn từ", "đến"],
        };
        for width in [683, 1024, 1280, 1366] {
            harness.set_size(egui::vec2(width as f32, 720.0));
            harness.run();
            for caption in captions {
                let label = harness.get_by_role_and_label(Role::Label, caption).rect();
                let field = text_field(&harness, caption).rect();
                assert!(
                    (field.center().y - label.center().y).abs() <= 1.0,
                    "{lang}, {width} px: {caption:?} at {label:?}, its field at {field:?}"
                );
            }
        }
    }
}

/// In half a screen the overview's small charts stand in rows with their tops in line, all
/// inside the window (they were centred on a wrapped row, and stood staggered).
#[test]
fn the_overviews_charts_stand_in_rows_in_half_a_screen() {
    let data = industry_desk::files::builtin::dataset();
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Tổng quan");
    for width in [683.0, 720.0, 800.0] {
        harness.set_size(egui::vec2(width, 720.0));
        harness.run();
        let titles: Vec<egui::Rect> = data
            .indicators
            .iter()
            // The first of each name is the chart's title (the figures table below repeats it).
            .filter_map(|i| harness.query_all_by_label(&i.name).next().map(|n| n.rect()))
            .collect();
        assert_eq!(titles.len(), 3, "{width} px: the three charts' titles");
        for title in &titles {
            assert!(title.left() >= 0.0 && title.right() <= width, "{width} px: {title:?}");
        }
        for pair in titles.windows(2) {
            let same_row = (pair[0].top() - pair[1].top()).abs() < pair[0].height();
            assert!(
                !same_row || pair[0].top() == pair[1].top(),
                "{width} px: titles at {} and {} on one row",
                pair[0].top(),
                pair[1].top()
            );
            assert!(
                same_row || pair[1].left() < pair[0].left(),
                "{width} px: a chart's title {:?} is below its neighbour {:?} yet not at the \\
                 row's start",
                pair[1],
                pair[0]
            );
        }
    }
}

/// In half a screen the zones table's right-hand columns (the note, the edit and delete
/// buttons) are reached by scrolling sideways; they were beyond the window's edge.
#[test]
fn the_zones_table_scrolls_sideways_in_half_a_screen() {
    let data = industry_desk::files::builtin::dataset();
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Khu & cụm công nghiệp");
    harness.set_size(egui::vec2(683.0, 720.0));
    harness.run();
    let last = data.zones.last().unwrap();
    let delete = format!("Xoá {}", last.name);
    let button = |harness: &egui_kittest::Harness<'_, _>| {
        harness.get_by_role_and_label(Role::Button, &delete).rect()
    };
    assert!(button(&harness).left() > 683.0, "{delete:?} at {:?}", button(&harness));
    harness.get_by_label("Tên").hover();
    harness.run();
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-200.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
    let rect = button(&harness);
    assert!(rect.right() <= 683.0, "after scrolling sideways {delete:?} at {rect:?}");
}

/// In half a screen the guide's and About's texts wrap inside their dialog: laid out as wide
/// as the window less a margin, in a dialog egui keeps narrower, every line was cut at the
/// dialog's right edge, and scrolling sideways moved the title and the button with it.
#[test]
fn the_guide_and_about_wrap_inside_their_dialog_in_half_a_screen() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.set_size(egui::vec2(683.0, 720.0));
    harness.run();
    for open in ["guide", "about"] {
        match open {
            "guide" => harness.key_press(Key::F1),
            _ => crate::support::menu(&mut harness, "Trợ giúp", "Giới thiệu"),
        }
        harness.run();
        let close = harness.get_by_role_and_label(Role::Button, "Đóng").rect();
        // The dialog's frame stands as far from the window's right edge as from its left.
        let right = 683.0 - close.left() + 4.0;
        // The guide's paragraphs name shortcuts; About's says what the app keeps.
        let fragment = if open == "guide" { "Ctrl+" } else { "RON" };
        let texts: Vec<(String, egui::Rect)> = harness
            .query_all_by_label_contains(fragment)
            .filter_map(|node| {
                let node_text = node.accesskit_node().value().or(node.accesskit_node().label());
                Some((node_text?, node.rect()))
            })
            .filter(|(text, rect)| text.len() > 40 && rect.top() > 60.0 && rect.top() < close.top())
            .collect();
        let least = if open == "guide" { 4 } else { 1 };
        assert!(texts.len() >= least, "{open}: {} long texts in the dialog", texts.len());
        for (text, rect) in texts {
            assert!(
                rect.right() <= right,
                "{open}: {text:?} ends at {}, past {right}",
                rect.right()
            );
        }
        harness.key_press(Key::Escape);
        harness.run();
        assert!(harness.state().modal().is_none(), "{open} closed");
    }
}

/// Open, Import and a merge each ask for a file with no system dialog: each dialog says
/// which it is for (they, and the notice's, were all "Mở tệp"; the notice's is reached from
/// its own dialog and takes its title the same way).
#[test]
fn the_typed_path_dialog_says_what_the_file_is_for() {
    let dialogs = ScriptedDialogs::default();
    for _ in 0..3 {
        dialogs.will_be_unavailable();
    }
    let mut harness = harness(&dialogs, None);
    for (item, title) in [
        ("Mở…", "Mở tệp"),
        ("Nhập từ Excel, CSV…", "Nhập từ Excel, CSV"),
        ("Gộp một bản khác…", "Gộp một bản khác"),
    ] {
        crate::support::menu(&mut harness, "Tệp", item);
        harness.run();
        harness.get_by_label(title);
        harness.key_press(Key::Escape);
        harness.run();
        assert!(harness.state().modal().is_none(), "{item}: the dialog closed");
    }
}

/// The per-unit view in half a screen: its table scrolls sideways on its own, and the
/// legend and the chart below stay inside the window (they grew as wide as the table,
/// "chưa có hạn" and the longest bar out of reach).
#[test]
fn the_per_unit_legend_stays_in_half_a_screen() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.set_size(egui::vec2(683.0, 720.0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    click(&mut harness, "Theo đơn vị");
    harness.run();
    let legend = harness.get_by_label("■ chưa có hạn").rect();
    assert!(legend.right() <= 683.0, "the legend's last entry ends at {}", legend.right());
    // The table is still all there, a scroll away.
    harness.get_by_label("Tỷ lệ hoàn thành");
}

/// A form's labels stand level with their fields, also where a field has a unit or a
/// choice beside it ("Diện tích … ha", "Giá trị … triệu kWh" stood 4.2 px high).
#[test]
fn a_forms_labels_stand_level_with_their_fields() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    click(&mut harness, "Thêm khu, cụm");
    harness.run();
    let zone_form = ["Tên", "Diện tích", "Ghi chú"];
    level_with_their_fields(&harness, &zone_form);
    // The figure form of the electricity chart.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    click(&mut harness, "Thêm số liệu");
    harness.run();
    level_with_their_fields(&harness, &["Năm", "Giá trị", "So cùng kỳ (%)", "Nguồn"]);
    // A new product's name, in a row with its unit and a button.
    click(&mut harness, "+ Thêm chỉ tiêu");
    harness.run();
    level_with_their_fields(&harness, &["Tên chỉ tiêu", "Đơn vị tính"]);
    // The follow-up letters' date, in a row with the choice of format.
    crate::support::menu(&mut harness, "Tệp", "Văn bản đôn đốc…");
    harness.run();
    level_with_their_fields(&harness, &["Hạn báo cáo:"]);
}

/// Asserts each caption named stands level with the text field it labels.
fn level_with_their_fields(
    harness: &egui_kittest::Harness<'_, industry_desk::App>,
    labels: &[&str],
) {
    for &label in labels {
        let field = harness.get_by_role_and_label(Role::TextInput, label).rect();
        // The form's caption, not the table's header of the same word: left of the field.
        let off = harness
            .query_all_by_role_and_label(Role::Label, label)
            .map(|node| node.rect())
            .filter(|caption| caption.right() < field.left())
            .map(|caption| caption.center().y - field.center().y)
            .min_by(|a, b| a.abs().total_cmp(&b.abs()))
            .expect("a caption left of the field");
        assert!(off.abs() <= 1.5, "{label:?} stands {off} px from its field's middle");
    }
}
