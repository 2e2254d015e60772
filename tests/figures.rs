//! The figures editor under each product's chart: a new period typed the Vietnamese way,
//! the chart following, undo; a bad value refused at the field with nothing applied; the
//! consistency help.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use industry_desk::model::{Basis, Period};

use crate::support::{ScriptedDialogs, click, harness, type_into};

fn bar_labels(harness: &egui_kittest::Harness<'static, industry_desk::App>) -> Vec<String> {
    let charts = harness.state().charts().expect("charts are built");
    charts.products[0].bars.iter().map(|b| format!("{}: {}", b.period_label, b.label)).collect()
}

#[test]
fn a_new_period_typed_in_the_table_enters_the_chart_and_undo_takes_it_out() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Sản lượng");
    click(&mut harness, "Thêm số liệu");
    // The form suggests the next half-year, in triệu kWh like the latest figure.
    type_into(&mut harness, "Giá trị", "395,5");
    type_into(&mut harness, "So cùng kỳ (%)", "8,4");
    click(&mut harness, "Lưu số liệu");

    let labels = bar_labels(&harness);
    assert_eq!(labels.last().map(String::as_str), Some("6T/2020: 395,5 triệu kWh"), "{labels:?}");
    let data = harness.state().document().dataset();
    let h1_2020 = data.indicator("electricity").unwrap();
    let h1_2020 = h1_2020.observation(Period::FirstMonths { year: 2020, months: 6 }).unwrap();
    assert_eq!(h1_2020.value, 395.5e6);
    assert_eq!(h1_2020.change.map(|c| c.percent), Some(8.4));
    // The screen's text summary under the chart follows too.
    harness.get_by_label_contains("6T/2020: 395,5 triệu kWh");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(bar_labels(&harness).len(), 2, "one undo removes the whole figure");
}

#[test]
fn a_bad_value_is_refused_at_the_field_and_nothing_is_applied() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Sản lượng");
    click(&mut harness, "Thêm số liệu");
    let revision = harness.state().document().revision();
    type_into(&mut harness, "Giá trị", "1.80.000");
    click(&mut harness, "Lưu số liệu");
    harness.get_by_label_contains("\"1.80.000\" không phải là số viết đúng cách");
    assert_eq!(harness.state().document().revision(), revision);
    // Corrected, it goes in.
    crate::support::text_field(&harness, "Giá trị").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_into(&mut harness, "Giá trị", "1.800.000");
    click(&mut harness, "Lưu số liệu");
    assert_ne!(harness.state().document().revision(), revision);
}

#[test]
fn deleting_a_reported_figure_offers_to_fill_it_back_as_derived() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Sản lượng");
    // Delete the derived 2018 half-year: the 2019 row offers to fill it from +9,5%.
    click(&mut harness, "Xoá số liệu 6 tháng đầu năm 2018");
    let indicator = |h: &egui_kittest::Harness<'static, industry_desk::App>| {
        h.state().document().dataset().indicator("electricity").unwrap().clone()
    };
    let h1_2018 = Period::FirstMonths { year: 2018, months: 6 };
    assert!(indicator(&harness).observation(h1_2018).is_none());
    click(&mut harness, "Điền 6 tháng đầu năm 2018 (suy ra)");
    let filled = indicator(&harness).observation(h1_2018).cloned().expect("filled back");
    assert_eq!(filled.basis, Basis::Derived);
    assert!((filled.value - 365e6 / 1.095).abs() < 1.0, "{}", filled.value);
}

#[test]
fn a_zone_and_the_meeting_are_edited_in_place_and_undone() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Khu & cụm công nghiệp");
    // A tall window: the zone table's row buttons sit below an 800-pixel one, and a
    // table without its own vertical scroll does not pass scroll requests on.
    harness.set_size(egui::vec2(1280.0, 1200.0));
    harness.run();
    click(&mut harness, "Sửa Khu công nghiệp Hữu Lũng");
    type_into(&mut harness, "Diện tích", "250");
    click(&mut harness, "Lưu");
    let zones = |h: &egui_kittest::Harness<'static, industry_desk::App>| {
        h.state().document().dataset().zones.clone()
    };
    let huu_lung = zones(&harness).into_iter().find(|z| z.name.contains("Hữu Lũng")).unwrap();
    assert_eq!(huu_lung.area_ha, Some(250.0));
    let charts = harness.state().charts().unwrap();
    assert!(charts.zones.bars.iter().any(|b| b.label.contains("Hữu Lũng")), "now drawn");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let huu_lung = zones(&harness).into_iter().find(|z| z.name.contains("Hữu Lũng")).unwrap();
    assert_eq!(huu_lung.area_ha, None);

    click(&mut harness, "Tổng quan");
    click(&mut harness, "Sửa thông tin cuộc họp");
    crate::support::text_field(&harness, "Chủ trì").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_into(&mut harness, "Chủ trì", "Chủ tịch UBND tỉnh");
    click(&mut harness, "Lưu");
    assert_eq!(harness.state().document().dataset().meetings[0].chair, "Chủ tịch UBND tỉnh");
    harness.get_by_label("Chủ tịch UBND tỉnh");
}

#[test]
fn a_new_indicator_gets_its_own_chart_and_figures() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    click(&mut harness, "Sản lượng");
    click(&mut harness, "+ Thêm chỉ tiêu");
    type_into(&mut harness, "Tên chỉ tiêu", "Xi măng");
    type_into(&mut harness, "Đơn vị tính", "tấn");
    click(&mut harness, "Thêm chỉ tiêu");
    let data = harness.state().document().dataset();
    let cement = data.indicators.last().unwrap();
    assert_eq!((cement.id.as_str(), cement.unit.as_str()), ("xi-mang", "tấn"));
    harness.get_by_label("Xi măng (tấn)");
    click(&mut harness, "Thêm số liệu");
    type_into(&mut harness, "Giá trị", "120.000");
    click(&mut harness, "Lưu số liệu");
    let charts = harness.state().charts().unwrap();
    let bars = &charts.products.last().unwrap().bars;
    assert_eq!(bars.len(), 1);
    assert_eq!(bars[0].label, "120.000 tấn");
}
