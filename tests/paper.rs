//! Print and export through the real binary, read back as a user's tools read them: the
//! PDF's text and page size with poppler (`pdftotext`, `pdfinfo`), the PNG decoded, the SVG
//! parsed. poppler-utils is a test dependency (README, `.ci/run`).

use std::path::Path;

use industry_desk::model::MeetingId;
use industry_desk::{files::builtin, files::storage, synth};

use crate::support::{poppler, run_cli};

fn pdf_text(path: &Path) -> String {
    poppler("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

fn page_text(path: &Path, page: usize) -> String {
    let page = page.to_string();
    poppler("pdftotext", &["-enc", "UTF-8", "-f", &page, "-l", &page, path.to_str().unwrap(), "-"])
}

fn pdf_info(path: &Path) -> String {
    poppler("pdfinfo", &[path.to_str().unwrap()])
}

fn page_count(info: &str) -> usize {
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo gives pages");
    line["Pages:".len()..].trim().parse().unwrap()
}

fn export(args: &[&str]) -> std::process::Output {
    let output = run_cli(args);
    assert!(
        output.status.success(),
        "export {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn the_report_is_a4_with_the_meetings_words_as_real_text() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("báo cáo.pdf");
    let pdf_arg = pdf.to_str().unwrap();
    export(&["export", "report", "-o", pdf_arg, "--layout", "quick", "--today", "2026-11-26"]);
    let text = pdf_text(&pdf);
    for expected in [
        "Điện thương phẩm",
        "365",
        "9,5%",
        "Đồng Bành",
        "Hữu Lũng",
        "Nguyễn Công Trưởng",
        "UBND TỈNH LẠNG SƠN",
        "Ngày in: 26/11/2026",
        "Kết luận chỉ đạo",
        "Rà soát lại các mỏ đá",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in the PDF's text:\n{text}");
    }
    let info = pdf_info(&pdf);
    assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"), "{info}");
    let pages = page_count(&info);
    for page in 1..=pages {
        assert!(page_text(&pdf, page).contains(&format!("Trang {page}/{pages}")), "page {page}");
    }

    export(&[
        "export",
        "report",
        "-o",
        pdf_arg,
        "--layout",
        "quick",
        "--today",
        "2026-11-26",
        "--landscape",
        "--lang",
        "en",
    ]);
    let info = pdf_info(&pdf);
    assert!(info.contains("841.89 x 595.276 pts (A4)"), "landscape: {info}");
    let text = pdf_text(&pdf);
    assert!(text.contains("Printed on 26/11/2026") && text.contains("Output figures"), "{text}");
    assert!(text.contains("Điện thương phẩm") || text.contains("Commercial electricity"));
}

#[test]
fn a_long_directives_table_spans_pages_with_its_header_on_each() {
    let folder = tempfile::tempdir().unwrap();
    let today = jiff::civil::date(2019, 10, 1);
    let data = synth::with_directives(builtin::dataset(), 1, 300, today, 7);
    let meeting = data.meetings.iter().map(|m| m.id).max().unwrap();
    assert_ne!(meeting, MeetingId(1));
    let file = folder.path().join("big.ron");
    storage::save(&file, &data).unwrap();
    let pdf = folder.path().join("report.pdf");
    export(&[
        "export",
        "report",
        file.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--layout",
        "quick",
        "--today",
        "2019-10-01",
        "--meeting",
        &meeting.0.to_string(),
        "--no-figures",
        "--no-charts",
        "--no-units",
    ]);
    let pages = page_count(&pdf_info(&pdf));
    assert!(pages >= 5, "300 directives fill several pages, got {pages}");
    for page in 1..=pages {
        let text = page_text(&pdf, page);
        assert!(
            text.contains("Nội dung chỉ đạo") && text.contains("Tiến độ gần nhất"),
            "the table header is on page {page}:\n{text}"
        );
    }
    let listed = data.directives.iter().filter(|d| d.meeting_id == meeting).count();
    assert_eq!(listed, 300);
    let text = pdf_text(&pdf);
    assert!(text.contains("300 nhiệm vụ"), "the count line says 300");
}

#[test]
fn each_chart_exports_as_svg_png_and_pdf() {
    let folder = tempfile::tempdir().unwrap();
    for chart in ["electricity", "stone", "timber", "growth", "zones"] {
        let svg = folder.path().join(format!("{chart}.svg"));
        export(&["export", "chart", chart, "-o", svg.to_str().unwrap()]);
        let text = std::fs::read_to_string(&svg).unwrap();
        resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default())
            .unwrap_or_else(|err| panic!("{chart}.svg parses: {err}"));

        let pdf = folder.path().join(format!("{chart}.pdf"));
        export(&["export", "chart", chart, "-o", pdf.to_str().unwrap()]);
        assert!(pdf_info(&pdf).contains("Pages:           1"));
    }
    let electricity = pdf_text(&folder.path().join("electricity.pdf"));
    assert!(electricity.contains("Điện thương phẩm") && electricity.contains("365 triệu kWh"));
    let zones = pdf_text(&folder.path().join("zones.pdf"));
    assert!(zones.contains("Đồng Bành") && zones.contains("Hữu Lũng"), "{zones}");
}

#[test]
fn a_png_has_the_asked_size_and_is_not_blank() {
    let folder = tempfile::tempdir().unwrap();
    for (dpi, width, height) in [(300, 2008, 1125), (150, 1004, 563)] {
        let path = folder.path().join(format!("chart-{dpi}.png"));
        let mut args = vec!["export", "chart", "electricity", "-o", path.to_str().unwrap()];
        let dpi_text = dpi.to_string();
        if dpi != 300 {
            args.extend(["--dpi", &dpi_text]);
        }
        export(&args);
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (width, height), "{dpi} dpi");
        let dims = info.pixel_dims.expect("resolution recorded");
        assert_eq!(dims.xppu, (f64::from(dpi) / 0.0254).round() as u32);
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut pixels).unwrap();
        let inked = pixels.chunks(4).filter(|p| p[..3] != [255, 255, 255]).count();
        let share = inked as f64 / (pixels.len() / 4) as f64;
        assert!(share > 0.05 && share < 0.6, "{share:.3} of the pixels are drawn");
        // The electricity colour is there: the bars are drawn, not only the text.
        assert!(pixels.chunks(4).any(|p| p[..3] == [0x1f, 0x4e, 0x9c]));
    }
}

#[test]
fn export_failures_say_what_and_write_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let good_out = folder.path().join("old.pdf");
    std::fs::write(&good_out, b"the previous export").unwrap();

    // A broken data file: exit 1, the message names it, the old export is untouched.
    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, "(format: \"industry-desk\", version: 1, dataset: (").unwrap();
    let output =
        run_cli(&["export", "report", broken.to_str().unwrap(), "-o", good_out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.ron"));
    assert_eq!(std::fs::read(&good_out).unwrap(), b"the previous export");

    // An unwritable place.
    let nowhere = folder.path().join("no such folder").join("r.pdf");
    let output = run_cli(&["export", "report", "-o", nowhere.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("r.pdf"));

    // An unknown chart, and an unknown format.
    let output = run_cli(&["export", "chart", "rice", "-o", "x.png"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("electricity, stone, timber"));
    let doc = folder.path().join("chart.doc");
    let output = run_cli(&["export", "chart", "stone", "-o", doc.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!doc.exists());

    // A resolution out of range.
    let png = folder.path().join("chart.png");
    let output =
        run_cli(&["export", "chart", "stone", "-o", png.to_str().unwrap(), "--dpi", "5000"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("5000"));
    assert!(!png.exists());

    // The data file itself as the output: refused, the data kept.
    let data = folder.path().join("data.pdf");
    storage::save(&data, &builtin::dataset()).unwrap();
    let before = std::fs::read(&data).unwrap();
    let output =
        run_cli(&["export", "report", data.to_str().unwrap(), "-o", data.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&data).unwrap(), before);

    // A file without the product a chart draws.
    let mut no_stone = builtin::dataset();
    no_stone.indicators.retain(|i| i.id != "stone");
    let file = folder.path().join("no-stone.ron");
    storage::save(&file, &no_stone).unwrap();
    let svg = folder.path().join("stone.svg");
    let output =
        run_cli(&["export", "chart", "stone", file.to_str().unwrap(), "-o", svg.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("stone"));
    assert!(!svg.exists());
    let leftovers: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp files left: {leftovers:?}");
}

// ---- From the window ----

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use industry_desk::window::app::Modal;

use crate::support::{
    RecordingViewer, ScriptedDialogs, harness, harness_with_viewer, menu, wait_for_export,
};

#[test]
fn ctrl_p_opens_the_report_in_the_pdf_viewer() {
    let viewer = RecordingViewer::default();
    let mut harness = harness_with_viewer(&ScriptedDialogs::default(), &viewer);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness.get_by_label("In báo cáo");
    harness.get_by_role_and_label(Role::Button, "In").click();
    harness.step();
    wait_for_export(&mut harness);

    let opened = viewer.opened.lock().unwrap().clone();
    assert_eq!(opened.len(), 1, "the viewer was asked once");
    // The administrative layout, dated the day it is printed.
    let text = pdf_text(&opened[0]);
    assert!(
        text.contains("Nguyễn Công Trưởng") && text.contains("Lạng Sơn, ngày 01 tháng 10 năm 2019"),
        "{text}"
    );
    assert!(
        harness.state().status_line().starts_with("Đã mở"),
        "{}",
        harness.state().status_line()
    );
    assert!(harness.state().modal().is_none());
    let _ = std::fs::remove_file(&opened[0]);
}

#[test]
fn a_missing_pdf_viewer_is_said_with_the_saved_files_path() {
    let viewer = RecordingViewer { fail: true, ..RecordingViewer::default() };
    let mut harness = harness_with_viewer(&ScriptedDialogs::default(), &viewer);
    menu(&mut harness, "Tệp", "In…");
    harness.get_by_role_and_label(Role::Button, "In").click();
    harness.step();
    wait_for_export(&mut harness);
    let opened = viewer.opened.lock().unwrap().clone();
    let Some(Modal::Error { text }) = harness.state().modal() else {
        panic!("an error is shown, not {:?}", harness.state().modal())
    };
    assert!(text.contains("no PDF viewer here"), "{text}");
    assert!(text.contains(&opened[0].display().to_string()), "{text}");
    assert!(std::fs::read(&opened[0]).unwrap().starts_with(b"%PDF"));
    let _ = std::fs::remove_file(&opened[0]);
}

#[test]
fn export_pdf_with_a_section_left_out() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("họp.pdf");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    menu(&mut harness, "Tệp", "Xuất báo cáo…");
    harness.get_by_role_and_label(Role::RadioButton, "Bản in nhanh").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Biểu đồ").click();
    harness.get_by_role_and_label(Role::RadioButton, "A4 ngang").click();
    harness.run();
    dialogs.will_pick(&out);
    harness.get_by_label("Lưu thành tệp…").click();
    harness.step();
    wait_for_export(&mut harness);

    let text = pdf_text(&out);
    assert!(text.contains("Kết luận chỉ đạo") && !text.contains("2. Biểu đồ"), "{text}");
    assert!(pdf_info(&out).contains("841.89 x 595.276 pts (A4)"), "landscape kept");
    assert!(harness.state().status_line().contains("họp.pdf"));

    // The dialog remembers the choices for the next export.
    menu(&mut harness, "Tệp", "Xuất báo cáo…");
    let Some(Modal::Export { choices, .. }) = harness.state().modal() else { panic!() };
    assert!(!choices.sections.charts && choices.landscape);
}

#[test]
fn export_a_chart_as_png_and_cancel_one() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("điện.png");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    menu(&mut harness, "Tệp", "Xuất biểu đồ…");
    harness.get_by_role_and_label(Role::RadioButton, "PNG").click();
    harness.run();
    dialogs.will_pick(&out);
    harness.get_by_label("Lưu thành tệp…").click();
    harness.step();
    wait_for_export(&mut harness);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let info = decoder.read_info().unwrap();
    assert_eq!((info.info().width, info.info().height), (2008, 1125), "300 dpi by default");

    // Cancelled in the save dialog: nothing written, nothing said wrong.
    menu(&mut harness, "Tệp", "Xuất biểu đồ…");
    harness.get_by_label("Lưu thành tệp…").click();
    harness.run();
    assert!(!harness.state().is_exporting());
    assert!(harness.state().modal().is_none());
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
}

#[test]
fn without_a_file_dialog_the_export_asks_for_a_typed_path() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("typed.svg");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    menu(&mut harness, "Tệp", "Xuất biểu đồ…");
    harness.get_by_role_and_label(Role::RadioButton, "SVG").click();
    harness.run();
    dialogs.will_be_unavailable();
    harness.get_by_label("Lưu thành tệp…").click();
    harness.run();
    let Some(Modal::TypePath { text, .. }) = harness.state().modal() else {
        panic!("asks for a path, not {:?}", harness.state().modal())
    };
    assert!(text.ends_with("bieu-do-electricity-2019-07-15.svg"), "suggests a name: {text}");
    harness.get_by_label("Đường dẫn tệp").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Đường dẫn tệp").type_text(out.to_str().unwrap());
    harness.run();
    harness.get_by_label("Đồng ý").click();
    harness.step();
    wait_for_export(&mut harness);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Điện thương phẩm"));
}
