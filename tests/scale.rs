//! Correctness at size, not timing: a file made by the generator (`examples/synth.rs` calls
//! the same functions) opens and the UI's counts and filters agree with the data.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use industry_desk::model::followup::fold;
use industry_desk::window::app::{Modal, Tab};
use industry_desk::{files::builtin, files::storage, synth, window::jobs::open};

use industry_desk::format;
use industry_desk::i18n::Lang;

use crate::support::{
    ScriptedDialogs, TODAY, click, harness, harness_starting, show_tall_window, wait_for_open,
};

#[test]
fn a_generated_file_opens_with_the_right_counts_and_filters() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    let data = synth::with_monthly_figures(
        synth::with_directives(builtin::dataset(), 40, 800, TODAY, 3),
        5,
    );
    storage::save(&path, &data).unwrap();
    let total = data.directives.len();
    assert_eq!(total, 810);

    let mut harness = harness(&ScriptedDialogs::default(), Some(path));
    assert_eq!(harness.state().document().dataset().directives.len(), total);
    click(&mut harness, "Chỉ đạo");
    assert_eq!(harness.state().tab(), Tab::Directives);
    harness.get_by_label(&format!("{total} / {total} nhiệm vụ"));

    // A word typed without diacritics finds exactly the directives that have it ("thác"
    // is in no unit name, expected output or note of the generated file, only in texts).
    let expected = data.directives.iter().filter(|d| fold(&d.text).contains("thac")).count();
    assert!(expected > 0 && expected < total, "{expected}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Tìm").type_text("thac");
    harness.run();
    harness.get_by_label(&format!("{expected} / {total} nhiệm vụ"));
    click(&mut harness, "Bỏ lọc");
    harness.get_by_label(&format!("{total} / {total} nhiệm vụ"));

    // Five years of monthly figures: the line over time has every month.
    click(&mut harness, "Sản lượng");
    let charts = harness.state().charts().unwrap();
    let line = charts.products[0].line.as_ref().expect("a line over time");
    assert_eq!(line.points.len(), 60);
}

#[test]
fn the_overview_figures_table_reaches_its_last_row_at_size() {
    // Thirty years of monthly figures: the table lays out only the rows in view, and the
    // last of its 1.000-odd rows is still there when the user scrolls to the end.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("monthly.ron");
    let mut data = synth::with_monthly_figures(builtin::dataset(), 30);
    // No meeting: the overview then lists every figure (beside a meeting, only those of
    // the period it reviewed).
    data.directives.clear();
    data.meetings.clear();
    storage::save(&path, &data).unwrap();
    let first = &data.indicators[0].observations[0];
    let last_indicator = data.indicators.last().unwrap();
    let last = last_indicator.observations.last().unwrap();
    let quantity = |o: &industry_desk::model::Observation, unit: &str| {
        format::qualified_quantity(o.value, o.qualifier, unit, Lang::Vi)
    };
    let first_value = quantity(first, &data.indicators[0].unit);
    let last_value = quantity(last, &last_indicator.unit);

    let mut harness = harness(&ScriptedDialogs::default(), Some(path));
    show_tall_window(&mut harness);
    assert!(harness.query_all_by_label(&first_value).next().is_some(), "{first_value}");
    assert!(harness.query_all_by_label(&last_value).next().is_none(), "not laid out yet");

    harness.event(egui::Event::PointerMoved(egui::pos2(640.0, 700.0)));
    for _ in 0..5 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -100.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // The wheel scrolls smoothly over a few frames.
        harness.run_steps(10);
    }
    assert!(harness.query_all_by_label(&last_value).next().is_some(), "{last_value}");
    assert!(harness.query_all_by_label(&first_value).next().is_none(), "scrolled away");
}

#[test]
fn a_large_file_opens_in_the_background_and_a_broken_one_says_why() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("large.ron");
    let data = synth::with_directives(builtin::dataset(), 100, 3_000, TODAY, 5);
    storage::save(&path, &data).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size >= open::BACKGROUND_FROM_BYTES, "{size} bytes");
    assert!(open::wants_background(&path));

    // The window starts at once and waits (how long the worker takes is the machine's
    // business, so only the end is asserted); once read, the file is the document.
    let mut harness = harness_starting(&ScriptedDialogs::default(), path.clone());
    if harness.state().is_opening() {
        assert_eq!(harness.state().document().dataset(), &builtin::dataset());
    }
    wait_for_open(&mut harness);
    assert_eq!(harness.state().document().dataset().directives.len(), 3_010);
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert!(
        harness.state().status_line().starts_with("Đã mở"),
        "{}",
        harness.state().status_line()
    );

    // The same file cut short: the error says where, and the document stays as it was.
    let bytes = std::fs::read(&path).unwrap();
    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, &bytes[..bytes.len() * 8 / 10]).unwrap();
    let mut harness = harness_starting(&ScriptedDialogs::default(), broken);
    wait_for_open(&mut harness);
    assert_eq!(harness.state().document().dataset(), &builtin::dataset());
    let Some(Modal::Error { text }) = harness.state().modal() else {
        panic!("an error is shown: {:?}", harness.state().modal())
    };
    assert!(text.contains("broken.ron") && text.contains("dòng"), "{text}");
}
