//! Image snapshots of every view, where the picture is the point: the charts' bars,
//! hatching, labels and Vietnamese text. Rendered on the CPU through wgpu (Mesa's
//! llvmpipe over EGL, or lavapipe); references in tests/snapshots/, rewritten with
//! `UPDATE_SNAPSHOTS=1 cargo test` after a change has been looked at.

use egui_kittest::kittest::Queryable;

use crate::support::{click, snapshot_harness};

#[test]
fn every_view_looks_as_reviewed() {
    let mut harness = snapshot_harness();
    harness.snapshot("overview-vi");
    click(&mut harness, "Sản lượng");
    harness.snapshot("output-electricity-vi");
    for (label, name) in [
        ("Đá các loại", "output-stone-vi"),
        ("Gỗ và các sản phẩm từ gỗ rừng trồng", "output-timber-vi"),
        ("Tăng trưởng", "output-growth-vi"),
        ("Khu & cụm công nghiệp", "zones-vi"),
        ("Chỉ đạo", "directives-vi"),
    ] {
        click(&mut harness, label);
        harness.snapshot(name);
    }
    click(&mut harness, "Rà soát lại các mỏ đá");
    harness.snapshot("directive-editor-vi");
    click(&mut harness, "Theo đơn vị");
    harness.snapshot("by-unit-vi");
    click(&mut harness, "Danh sách");
    click(&mut harness, "English");
    harness.get_by_label("10 / 10 directives");
    harness.snapshot("directive-editor-en");
    click(&mut harness, "Output");
    harness.snapshot("output-electricity-en");
}

#[test]
fn the_print_and_export_dialogs_look_as_reviewed() {
    let mut harness = snapshot_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    harness.run();
    harness.snapshot("print-dialog-vi");
    click(&mut harness, "Thể thức văn bản…");
    harness.snapshot("letterhead-form-vi");
    harness.key_press(egui::Key::Escape);
    harness.run();
    click(&mut harness, "English");
    crate::support::menu(&mut harness, "File", "Export report…");
    click(&mut harness, "Word (.docx)");
    harness.snapshot("export-report-dialog-en");
    harness.key_press(egui::Key::Escape);
    harness.run();
    crate::support::menu(&mut harness, "File", "Export chart…");
    click(&mut harness, "PNG");
    harness.snapshot("export-chart-dialog-en");
}

#[test]
fn the_figure_form_looks_as_reviewed() {
    let mut harness = snapshot_harness();
    click(&mut harness, "Sản lượng");
    click(&mut harness, "Thêm số liệu");
    harness.snapshot("figure-form-vi");
}
