//! Chart speed with 30 years of monthly figures for the three products:
//! building the chart data, and one frame of the Sản lượng tab.
//!
//! `cargo bench --bench charts`

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use industry_desk::chart::Charts;
use industry_desk::i18n::Lang;
use industry_desk::{App, AppConfig, dataset, storage, synth};

fn charts(c: &mut Criterion) {
    let big = synth::with_monthly_figures(dataset::builtin(), 30);
    c.bench_function("build charts, 30 years monthly", |b| {
        b.iter(|| Charts::build(std::hint::black_box(&big), Lang::Vi))
    });

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    storage::save(&path, &big).unwrap();
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe(|cc| {
        App::new(
            cc,
            AppConfig {
                today: Some(jiff::civil::date(2020, 1, 15)),
                lang: Some(Lang::Vi),
                open: Some(path.clone()),
                ..AppConfig::default()
            },
        )
    });
    harness.run();
    harness.get_by_label("Sản lượng").click();
    harness.run();
    c.bench_function("frame of the Sản lượng tab, 30 years monthly", |b| {
        b.iter(|| harness.step())
    });
}

criterion_group!(benches, charts);
criterion_main!(benches);
