//! Excel exchange through the real binary: the workbook read back with calamine (what
//! another program sees), sheet by sheet — numbers as numbers, dates as dates, Vietnamese
//! text intact, headers in the UI language.

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::support::run_cli;

fn export_xlsx(lang: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("số liệu.xlsx");
    let output = run_cli(&[
        "export",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
        "--today",
        "2019-10-01",
        "--lang",
        lang,
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (folder, out)
}

/// Excel's day number of a date (days since 1899-12-30).
fn serial(year: i16, month: i8, day: i8) -> f64 {
    let epoch = jiff::civil::date(1899, 12, 30);
    (jiff::civil::date(year, month, day) - epoch).get_days() as f64
}

#[test]
fn the_workbook_has_a_sheet_each_with_numbers_dates_and_vietnamese_text() {
    let (_folder, out) = export_xlsx("vi");
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Số liệu", "Khu, cụm công nghiệp", "Cuộc họp", "Đơn vị", "Chỉ đạo"]
    );

    let figures = book.worksheet_range("Số liệu").unwrap();
    let header: Vec<String> =
        figures.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(header[..2], ["Mã chỉ tiêu", "Chỉ tiêu"]);
    let electricity_2019 = figures
        .rows()
        .find(|row| row[0] == Data::String("electricity".into()) && row[5] == Data::Float(2019.0))
        .expect("the 2019 electricity row");
    assert_eq!(electricity_2019[1], Data::String("Điện thương phẩm".into()));
    assert_eq!(electricity_2019[8], Data::Float(365e6), "the value is a number, in kWh");
    assert_eq!(electricity_2019[10], Data::Float(9.5), "the change is a number");
    assert_eq!(electricity_2019[4], Data::String("Số tháng đầu năm".into()));

    let zones = book.worksheet_range("Khu, cụm công nghiệp").unwrap();
    let huu_lung = zones.rows().find(|r| r[0].to_string().contains("Hữu Lũng")).unwrap();
    assert_eq!(huu_lung[2], Data::Empty, "no area is an empty cell, never 0");

    let meetings = book.worksheet_range("Cuộc họp").unwrap();
    let first = meetings.rows().nth(1).unwrap();
    match &first[2] {
        Data::DateTime(date) => assert_eq!(date.as_f64(), serial(2019, 7, 15)),
        other => panic!("the meeting date is a date cell, not {other:?}"),
    }
    assert!(first[3].to_string().contains("Nguyễn Công Trưởng"));

    let directives = book.worksheet_range("Chỉ đạo").unwrap();
    assert_eq!(directives.rows().count(), 11, "a header and the 10 directives");
    assert!(directives.rows().any(|r| r[2] == "Rà soát lại các mỏ đá"));
}

#[test]
fn headers_follow_the_language() {
    let (_folder, out) = export_xlsx("en");
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names()[0], "Figures");
    let directives = book.worksheet_range("Directives").unwrap();
    let header: Vec<String> =
        directives.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert!(header.contains(&"Deadline".to_owned()) && header.contains(&"Lead unit".to_owned()));
}

#[test]
fn a_workbook_needs_an_xlsx_name() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("số liệu.xls");
    let output = run_cli(&["export", "xlsx", "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn the_file_menu_saves_the_workbook_where_the_user_picks() {
    use crate::support::{ScriptedDialogs, harness, wait_for_export};
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("bảng.xlsx");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    dialogs.will_pick(&out);
    harness.get_by_label("Tệp").click();
    harness.run();
    harness.get_by_label_contains("Xuất bảng tính Excel…").click();
    harness.step();
    wait_for_export(&mut harness);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names().len(), 5);
    let figures = book.worksheet_range("Số liệu").unwrap();
    assert_eq!(figures.rows().count(), 7, "a header and the six figures");
    assert!(harness.state().status_line().contains("bảng.xlsx"));
}

fn empty_dataset_file(folder: &std::path::Path) -> std::path::PathBuf {
    let mut empty = industry_desk::files::builtin::dataset();
    empty.meetings.clear();
    empty.units.clear();
    empty.directives.clear();
    empty.indicators.clear();
    empty.zones.clear();
    let path = folder.join("trống.ron");
    industry_desk::files::storage::save(&path, &empty).unwrap();
    path
}

#[test]
fn export_then_import_into_an_empty_dataset_gives_the_same_figures_and_directives() {
    for lang in ["vi", "en"] {
        let (folder, book) = export_xlsx(lang);
        let into = empty_dataset_file(folder.path());
        let output = run_cli(&["import", book.to_str().unwrap(), "--into", into.to_str().unwrap()]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let imported = industry_desk::files::storage::load(&into).unwrap();
        let original = industry_desk::files::builtin::dataset();
        assert_eq!(imported.indicators, original.indicators, "{lang}: figures");
        assert_eq!(imported.directives, original.directives, "{lang}: directives");
        assert_eq!(imported.units, original.units, "{lang}: units");

        // Importing the same workbook again changes nothing.
        let again = run_cli(&["import", book.to_str().unwrap(), "--into", into.to_str().unwrap()]);
        assert!(again.status.success());
        let summary = String::from_utf8_lossy(&again.stdout);
        // Only the unchanged rows are counted: the zero counts are left out.
        let unchanged = summary.contains("dòng không đổi") || summary.contains("unchanged:");
        assert!(unchanged && !summary.contains("thêm") && !summary.contains("added"), "{summary}");
        assert_eq!(industry_desk::files::storage::load(&into).unwrap(), imported);
    }
}

#[test]
fn bad_rows_are_each_refused_with_their_row_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let into = folder.path().join("data.ron");
    industry_desk::files::storage::save(&into, &industry_desk::files::builtin::dataset()).unwrap();
    let before = std::fs::read(&into).unwrap();
    let csv = folder.path().join("số liệu.csv");
    std::fs::write(
        &csv,
        "Mã chỉ tiêu;Loại kỳ;Năm;Tháng/Quý/Số tháng;Giá trị;So cùng kỳ (%)\n\
         electricity;Số tháng đầu năm;2020;6;395.500.000;8,4\n\
         electricity;Số tháng đầu năm;2021;6;abc;\n\
         electricity;Tháng;2020;13;1000;\n\
         electricity;Số tháng đầu năm;2020;6;395.500.000;8,4\n\
         electricity;Mùa;2020;1;5;\n",
    )
    .unwrap();
    let output = run_cli(&["import", csv.to_str().unwrap(), "--into", into.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "dòng 3: Giá trị",
        "\"abc\"",
        "dòng 4: Kỳ không hợp lệ",
        "dòng 5: Dòng trùng",
        "dòng 6: Cột \"Loại kỳ\"",
    ] {
        assert!(errors.contains(expected), "{expected:?} in:\n{errors}");
    }
    assert_eq!(std::fs::read(&into).unwrap(), before, "nothing half-applied");

    // Wrong columns, an empty file, a date like 31/02/2020, a file too large: each said.
    let wrong = folder.path().join("wrong.csv");
    std::fs::write(&wrong, "Mã chỉ tiêu;Tên\nelectricity;x\n").unwrap();
    let output = run_cli(&["import", wrong.to_str().unwrap(), "--into", into.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Thiếu cột"));
    let empty = folder.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let output = run_cli(&["import", empty.to_str().unwrap(), "--into", into.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let dates = folder.path().join("dates.csv");
    std::fs::write(
        &dates,
        "Mã nhiệm vụ;Mã cuộc họp;Nội dung chỉ đạo;Thời hạn\n99;1;Việc mới;31/02/2020\n",
    )
    .unwrap();
    let output = run_cli(&["import", dates.to_str().unwrap(), "--into", into.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("\"31/02/2020\" không phải ngày hợp lệ")
    );
    let big = folder.path().join("big.csv");
    std::fs::File::create(&big).unwrap().set_len(50 * 1024 * 1024).unwrap();
    let output = run_cli(&["import", big.to_str().unwrap(), "--into", into.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("20 MiB"));
    assert_eq!(std::fs::read(&into).unwrap(), before);
}

#[test]
fn the_window_previews_an_import_then_applies_it_as_one_undo_step() {
    use crate::support::{ScriptedDialogs, harness, menu};
    use egui_kittest::kittest::Queryable;
    use industry_desk::model::Period;
    use industry_desk::window::app::Modal;
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("6 tháng 2020.csv");
    std::fs::write(
        &csv,
        "Mã chỉ tiêu;Loại kỳ;Năm;Tháng/Quý/Số tháng;Giá trị;So cùng kỳ (%)\n\
         electricity;Số tháng đầu năm;2020;6;395.500.000;8,4\n\
         stone;Số tháng đầu năm;2020;6;hai triệu;\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    let revision = harness.state().document().revision();
    dialogs.will_pick(&csv);
    menu(&mut harness, "Tệp", "Nhập từ Excel, CSV…");
    let Some(Modal::ImportPreview { plan, .. }) = harness.state().modal() else {
        panic!("a preview first, not {:?}", harness.state().modal())
    };
    assert_eq!((plan.added.len(), plan.refused.len()), (1, 1));
    harness.get_by_label_contains("dòng 3: Giá trị");
    assert_eq!(harness.state().document().revision(), revision, "nothing applied yet");

    harness.get_by_label("Nhập 1 dòng").click();
    harness.run();
    let h1_2020 = Period::FirstMonths { year: 2020, months: 6 };
    let has_2020 = |h: &egui_kittest::Harness<'static, industry_desk::App>| {
        let data = h.state().document().dataset();
        data.indicator("electricity").unwrap().observation(h1_2020).is_some()
    };
    assert!(has_2020(&harness));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(!has_2020(&harness), "one undo takes the import back");
}
