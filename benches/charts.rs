//! Building the chart data from 30 years of monthly figures for the three products (the
//! frame of the tab that shows them is in `benches/frames.rs`).
//!
//! `cargo bench --bench charts`

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::chart::Charts;
use industry_desk::i18n::Lang;
use industry_desk::{dataset, synth};

fn charts(c: &mut Criterion) {
    let big = synth::with_monthly_figures(dataset::builtin(), 30);
    c.bench_function("build charts, 30 years monthly", |b| {
        b.iter(|| Charts::build(std::hint::black_box(&big), Lang::Vi))
    });
}

criterion_group!(benches, charts);
criterion_main!(benches);
