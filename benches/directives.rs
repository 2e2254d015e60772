//! The checklist with 10.000 directives over 500 meetings: one frame of the Chỉ đạo tab
//! unfiltered, one with a search typed, and a keystroke in the search box (type a letter,
//! then erase it: two frames, each filtering all 10.000 again).
//!
//! `cargo bench --bench directives`

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use industry_desk::i18n::Lang;
use industry_desk::{App, AppConfig, dataset, storage, synth};

fn directives(c: &mut Criterion) {
    let today = jiff::civil::date(2026, 11, 26);
    let big = synth::with_directives(dataset::builtin(), 500, 10_000, today, 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    storage::save(&path, &big).unwrap();
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe(|cc| {
        App::new(
            cc,
            AppConfig {
                today: Some(today),
                lang: Some(Lang::Vi),
                open: Some(path.clone()),
                ..AppConfig::default()
            },
        )
    });
    harness.run();
    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    c.bench_function("frame of the Chỉ đạo tab, 10.000 directives", |b| {
        b.iter(|| harness.step())
    });

    harness.get_by_label("Tìm").focus();
    harness.run();
    harness.get_by_label("Tìm").type_text("ra soat");
    harness.run();
    c.bench_function("frame of the Chỉ đạo tab filtered, 10.000 directives", |b| {
        b.iter(|| harness.step())
    });

    c.bench_function("keystroke in the search box and back, 10.000 directives", |b| {
        b.iter(|| {
            harness.get_by_label("Tìm").type_text("a");
            harness.step();
            harness.key_press(egui::Key::Backspace);
            harness.step();
        })
    });
}

criterion_group!(benches, directives);
criterion_main!(benches);
