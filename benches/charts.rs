//! The derived data behind the tabs, without drawing: the chart data from 30 years of
//! monthly figures for the three products, and the checklist's search over 10.000
//! directives (the frames that show them are in `benches/frames.rs`).
//!
//! `cargo bench --bench charts`

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::i18n::Lang;
use industry_desk::model::followup::{self, Filter, SortBy};
use industry_desk::visual::chart::Charts;
use industry_desk::{files::builtin, synth};

fn charts(c: &mut Criterion) {
    let big = synth::with_monthly_figures(builtin::dataset(), 30);
    c.bench_function("build charts, 30 years monthly", |b| {
        b.iter(|| Charts::build(std::hint::black_box(&big), Lang::Vi))
    });

    let today = jiff::civil::date(2026, 11, 26);
    let directives = synth::with_directives(builtin::dataset(), 500, 10_000, today, 1);
    c.bench_function("search index of 10.000 directives, made afresh", |b| {
        b.iter(|| followup::search_index(std::hint::black_box(&directives)))
    });
    // After an edit while a search is typed: one directive's text changed.
    let mut edited = directives.clone();
    edited.directives[5_000].text.push_str(" (đã sửa)");
    let mut kept = followup::SearchIndex::default();
    kept.update(&directives);
    c.bench_function("search index of 10.000 directives, brought up to one edit", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            kept.update(std::hint::black_box(if flip { &edited } else { &directives }))
        })
    });
    let index = followup::search_index(&directives);
    let filter = Filter { text: "ra soat".to_owned(), ..Filter::default() };
    c.bench_function("search \"ra soat\" in 10.000 directives", |b| {
        b.iter(|| followup::select(&directives, &index, &filter, SortBy::FileOrder, today, 7))
    });
}

criterion_group!(benches, charts);
criterion_main!(benches);
