//! The charts, reached by their labels: what each view computes from the dataset (bar
//! heights, labels, derived flags) and the one-line summary it shows under the chart.

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use industry_desk::editing::action::Action;
use industry_desk::model::{Basis, Change, FigureStatus, Observation, Period, Qualifier};
use industry_desk::window::app::Tab;
use industry_desk::window::ui::output::OutputView;

use crate::support::{ScriptedDialogs, harness, show_tall_window};

#[test]
fn each_product_view_holds_its_bars() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Sản lượng").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Output);

    let views = [
        (
            "Điện thương phẩm",
            0,
            [333.333, 365.0],
            "6T/2018: ~333,3 triệu kWh · 6T/2019: 365 triệu kWh · +9,5%",
        ),
        (
            "Đá các loại",
            1,
            [1.593, 1.8],
            "6T/2018: ~1,59 triệu m³ · 6T/2019: > 1,8 triệu m³ · gần 13%",
        ),
        (
            "Gỗ và các sản phẩm từ gỗ rừng trồng",
            2,
            [48.0, 72.0],
            "6T/2018: 48.000 m³ · 6T/2019: 72.000 m³ · +50%",
        ),
    ];
    for (label, index, heights, summary) in views {
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(harness.state().output_view(), OutputView::Product(index));
        let chart = &harness.state().charts().unwrap().products[index];
        let drawn: Vec<f64> =
            chart.bars.iter().map(|b| (b.height * 1000.0).round() / 1000.0).collect();
        assert_eq!(drawn, heights, "{label}: heights in the axis unit");
        assert_eq!(
            chart.bars.iter().map(|b| b.derived).collect::<Vec<_>>(),
            [true, false],
            "{label}"
        );
        harness.get_by_label(summary);
    }
    let timber = &harness.state().charts().unwrap().products[2];
    assert_eq!(timber.axis_title, "Sản lượng (nghìn m³)");
    assert!(timber.bars[1].tooltip.contains("Tình trạng số liệu: ước tính"));
    assert!(timber.bars[1].tooltip.contains("Nguồn: LSO"));
}

#[test]
fn the_growth_view_compares_the_three_products() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Sản lượng").click();
    harness.run();
    harness.get_by_label("Tăng trưởng").click();
    harness.run();
    assert_eq!(harness.state().output_view(), OutputView::Growth);
    harness.get_by_label("Tăng trưởng so với cùng kỳ năm trước");
    let growth = &harness.state().charts().unwrap().growth;
    let percents: Vec<f64> = growth.bars.iter().map(|b| b.percent).collect();
    assert_eq!(percents, [9.5, 13.0, 50.0]);
    harness.get_by_label(
        "Điện thương phẩm (6T/2019): +9,5% · Đá các loại (6T/2019): gần 13% · \
         Gỗ và các sản phẩm từ gỗ rừng trồng (6T/2019): +50%",
    );
}

#[test]
fn the_zones_view_draws_areas_and_names_the_zone_without_one() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Khu & cụm công nghiệp").click();
    harness.run();
    harness.get_by_label("Diện tích quy hoạch khu, cụm công nghiệp");
    harness.get_by_label("Khu công nghiệp Hữu Lũng: chưa có số liệu diện tích");
    let zones = &harness.state().charts().unwrap().zones;
    let areas: Vec<f64> = zones.bars.iter().map(|b| b.area_ha).collect();
    assert_eq!(areas, [321.0, 440.0, 126.0, 537.0]);
    assert!(zones.bars.iter().all(|b| !b.label.contains("Hữu Lũng")), "not drawn as zero");
    assert_eq!(zones.bars[3].label, "16 cụm công nghiệp", "its count said once");
}

#[test]
fn the_overview_shows_the_three_small_charts() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    show_tall_window(&mut harness);
    for title in ["Điện thương phẩm", "Đá các loại", "Gỗ và các sản phẩm từ gỗ rừng trồng"]
    {
        // The small chart's title, and the product's two rows in the figures table.
        assert_eq!(harness.query_all_by_label(title).count(), 3, "{title}");
    }
    assert_eq!(harness.state().charts().unwrap().products.len(), 3);
}

#[test]
fn charts_follow_an_edit_and_its_undo() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Sản lượng").click();
    harness.run();
    let h1_2020 = Period::FirstMonths { year: 2020, months: 6 };
    let figure = Observation {
        period: h1_2020,
        value: 401.5e6,
        qualifier: Qualifier::Exact,
        change: Some(Change { percent: 10.0, qualifier: Qualifier::Exact }),
        basis: Basis::Reported,
        status: FigureStatus::Preliminary,
        source_ref: "Thử".into(),
    };
    harness.state_mut().submit(Action::PutObservation {
        indicator: "electricity".into(),
        observation: Box::new(figure),
    });
    harness.run();
    let chart = &harness.state().charts().unwrap().products[0];
    let labels: Vec<_> = chart.bars.iter().map(|b| b.period_label.as_str()).collect();
    assert_eq!(labels, ["6T/2018", "6T/2019", "6T/2020"]);
    assert!(chart.line.is_some(), "three H1 periods make a line over time");
    harness.get_by_label("6T/2018: ~333,3 triệu kWh · 6T/2019: 365 triệu kWh · 6T/2020: 401,5 triệu kWh · +9,5% · +10%");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().charts().unwrap().products[0].bars.len(), 2);
    harness.get_by_label("6T/2018: ~333,3 triệu kWh · 6T/2019: 365 triệu kWh · +9,5%");
}

#[test]
fn plots_stay_still_until_drag_and_zoom_are_turned_on() {
    let mut harness = harness(&ScriptedDialogs::default(), None);
    harness.get_by_label("Sản lượng").click();
    harness.run();
    let toggle = harness.get_by_label("Cho phép kéo, thu phóng");
    assert_eq!(toggle.accesskit_node().toggled(), Some(egui::accesskit::Toggled::False));
    toggle.click();
    harness.run();
    let toggle = harness.get_by_label("Cho phép kéo, thu phóng");
    assert_eq!(toggle.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True));
    harness.get_by_label("Đặt lại khung nhìn").click();
    harness.run();
}
