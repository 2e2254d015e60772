//! Merging two copies of big.ron (500 meetings, 10.000 directives, 30 years of monthly
//! figures) that each changed 1.000 directives since their common version — 100 of them
//! on both sides, 50 of those differently (conflicts) — read, and read and resolved into
//! the merged file. The issue asks for ≤ 300 ms.
//!
//! `cargo bench --bench merge`

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::files::lineage::Stamps;
use industry_desk::i18n::Lang;
use industry_desk::interop::merge::{self, Copy};
use industry_desk::model::Dataset;
use industry_desk::synth;

/// `base` with directives `from..from + count` changed: their text, and every tenth one
/// done.
fn changed(base: &Dataset, from: usize, count: usize, words: &str) -> Dataset {
    let mut copy = base.clone();
    for (n, directive) in copy.directives.iter_mut().skip(from).take(count).enumerate() {
        directive.text = format!("{} ({words} {n})", directive.text);
        if n % 10 == 0 {
            directive.completed_on = directive.deadline;
        }
    }
    copy
}

fn merging(c: &mut Criterion) {
    let base = synth::province(jiff::civil::date(2026, 11, 26));
    // Mine changes directives 0..1000, the other 900..1900: 100 on both sides, and the
    // texts differ there, so each of those is a conflict.
    let mine = changed(&base, 0, 1_000, "Sở");
    let mut other = changed(&base, 900, 1_000, "Văn phòng");
    // 50 of the shared ones the other changed alike (the same done date only).
    for directive in other.directives.iter_mut().skip(900).take(50) {
        directive.text = mine.directive(directive.id).unwrap().text.clone();
    }
    let none = Stamps::new();
    let read = || {
        merge::merge(
            Some(&base),
            Copy { dataset: &mine, stamps: &none },
            Copy { dataset: &other, stamps: &none },
            Lang::Vi,
        )
        .unwrap()
    };
    let merged = read();
    println!(
        "taken from the other: {}, conflicts: {}",
        merged.count(merge::Side::Other),
        merged.conflicts.len()
    );
    let mut group = c.benchmark_group("merge");
    group.sample_size(20);
    group.bench_function("two copies of big.ron, 1.000 changes each: read", |b| b.iter(read));
    group.bench_function("two copies of big.ron, 1.000 changes each: read and resolved", |b| {
        b.iter(|| read().resolve())
    });
    group.finish();
}

criterion_group!(benches, merging);
criterion_main!(benches);
