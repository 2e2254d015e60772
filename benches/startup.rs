//! Cold start: the time from spawning the release binary to its first painted frame, with
//! the built-in dataset and with big.ron (10.000 directives, 30 years monthly) given on the
//! command line. The binary, run with `--first-frame-then-quit`, prints a line once its
//! first frame is painted and then quits; the clock here starts just before the spawn, so
//! the dynamic loader, the font loading and the window creation are all counted.
//!
//! Needs a display: run it under `xvfb-run -a cargo bench --bench startup` (software
//! OpenGL) or on a desktop. Without one it says so and measures nothing.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use industry_desk::{files::storage, synth};

/// Spawns the app and returns the time until it reports its first frame.
fn time_to_first_frame(file: Option<&Path>, config_home: &Path) -> Duration {
    let mut command = Command::new(env!("CARGO_BIN_EXE_industry-desk"));
    command
        .arg("--first-frame-then-quit")
        .args(file)
        // A fresh config folder each run: no saved window state, no recovery file.
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_DATA_HOME", config_home)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let started = Instant::now();
    let mut child = command.spawn().expect("the app starts");
    let stdout = BufReader::new(child.stdout.take().unwrap());
    for line in stdout.lines() {
        if line.expect("the app's output").starts_with("first frame") {
            let elapsed = started.elapsed();
            child.wait().unwrap();
            return elapsed;
        }
    }
    panic!("the app quit without painting a frame: {:?}", child.wait());
}

fn startup(c: &mut Criterion) {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!("startup: no display; run `xvfb-run -a cargo bench --bench startup`");
        return;
    }
    let today = jiff::civil::date(2026, 11, 26);
    let big = synth::province(today);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.ron");
    storage::save(&path, &big).unwrap();

    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    for (case, file) in [("built-in dataset", None), ("big.ron", Some(path.as_path()))] {
        group.bench_function(format!("spawn to first frame, {case}"), |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| {
                        let home = tempfile::tempdir().unwrap();
                        time_to_first_frame(file, home.path())
                    })
                    .sum()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
