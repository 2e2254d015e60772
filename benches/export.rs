//! Making the A4 report: in the administrative layout as PDF and as Word (the built-in
//! meeting, one meeting of 1.000 directives), the quick print as PDF (the built-in meeting,
//! one meeting with 1.000 directives, and big.ron — 10.000 directives over 500 meetings, 30
//! years monthly — its latest meeting and the whole file); and one chart as PNG at 300 dpi.
//! What is timed is the work behind `export report` / `export chart` (layout, shaping,
//! font subsetting, PDF or PNG encoding), without the file write.
//!
//! `cargo bench --bench export`

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::i18n::Lang;
use industry_desk::interop::paper::{self, ChartFormat, ChartKind, ReportOptions};
use industry_desk::{files::builtin, synth};

fn export(c: &mut Criterion) {
    let today = jiff::civil::date(2026, 11, 26);
    let mut group = c.benchmark_group("export");
    group.sample_size(20);

    let builtin = builtin::dataset();
    let options = ReportOptions::new(&builtin, today);
    group.bench_function("official report PDF, built-in meeting", |b| {
        b.iter(|| paper::official_pdf(&builtin, &options, Lang::Vi).unwrap())
    });
    group.bench_function("official report DOCX, built-in meeting", |b| {
        b.iter(|| paper::official_docx(&builtin, &options, Lang::Vi).unwrap())
    });
    group.bench_function("report, built-in meeting", |b| {
        b.iter(|| paper::report_pdf(&builtin, &options, Lang::Vi).unwrap())
    });

    let thousand = synth::with_directives(builtin::dataset(), 1, 1_000, today, 1);
    let options = ReportOptions::new(&thousand, today);
    group.bench_function("official report PDF, one meeting of 1.000 directives", |b| {
        b.iter(|| paper::official_pdf(&thousand, &options, Lang::Vi).unwrap())
    });
    group.bench_function("report, one meeting of 1.000 directives", |b| {
        b.iter(|| paper::report_pdf(&thousand, &options, Lang::Vi).unwrap())
    });

    let big = synth::province(today);
    let mut options = ReportOptions::new(&big, today);
    group.bench_function("report, big.ron's latest meeting", |b| {
        b.iter(|| paper::report_pdf(&big, &options, Lang::Vi).unwrap())
    });
    options.meeting = None;
    group.sample_size(10);
    group.bench_function("report, big.ron whole (10.000 directives of 500 meetings)", |b| {
        b.iter(|| paper::report_pdf(&big, &options, Lang::Vi).unwrap())
    });

    group.sample_size(20);
    let png = ChartFormat::Png { dpi: paper::DEFAULT_DPI };
    group.bench_function("chart as PNG, 300 dpi", |b| {
        b.iter(|| paper::chart_file(&builtin, &ChartKind::electricity(), png, Lang::Vi).unwrap())
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
