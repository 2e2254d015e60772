//! Correctness at size, not timing: a file made by the generator (`examples/synth.rs` calls
//! the same functions) opens and the UI's counts and filters agree with the data.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use industry_desk::app::Tab;
use industry_desk::followup::fold;
use industry_desk::{dataset, storage, synth};

use crate::support::{ScriptedDialogs, TODAY, click, harness};

#[test]
fn a_generated_file_opens_with_the_right_counts_and_filters() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    let data = synth::with_monthly_figures(
        synth::with_directives(dataset::builtin(), 40, 800, TODAY, 3),
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
