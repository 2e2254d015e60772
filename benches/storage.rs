//! Loading and saving a province's big file: 10.000 directives over 500 meetings and 30
//! years of monthly figures for the three products (what `examples/synth.rs` writes with
//! its defaults). Load is the whole path of Open (read, parse, validate, normalise); save is
//! the whole path of Save (serialise, temp file, fsync, rename).
//!
//! `cargo bench --bench storage`

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::{files::storage, synth};

fn storage_bench(c: &mut Criterion) {
    let today = jiff::civil::date(2026, 11, 26);
    let big = synth::province(today);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    storage::save(&path, &big).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("big.ron: {:.1} MiB", size as f64 / 1024.0 / 1024.0);

    let mut group = c.benchmark_group("storage");
    group.sample_size(20);
    group.bench_function("load big.ron", |b| b.iter(|| storage::load(&path).unwrap()));
    // Save's two halves: the text, and the write (temp file, fsync, rename, folder fsync).
    group.bench_function("serialise big.ron", |b| b.iter(|| storage::to_ron_string(&big)));
    let text = storage::to_ron_string(&big);
    let written = folder.path().join("written.ron");
    group.bench_function("write big.ron's text atomically", |b| {
        b.iter(|| storage::write_atomically(&written, text.as_bytes(), false).unwrap())
    });
    let out = folder.path().join("saved.ron");
    group.bench_function("save big.ron", |b| {
        b.iter(|| storage::save_without_backup(&out, &big).unwrap())
    });
    group.finish();
}

criterion_group!(benches, storage_bench);
criterion_main!(benches);
