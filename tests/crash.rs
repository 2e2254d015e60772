//! Crash-safe saving, proven by killing: a child process saves two versions of a file in
//! turn, as fast as it can, and is killed (SIGKILL) at a random moment, 200 times. After each
//! kill the file is either the old or the new version, whole, and loads; so is its `.bak`.
//! The temp files the killed saves left are removed by the next save.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use industry_desk::model::Dataset;
use industry_desk::{files::builtin, files::storage, synth};

use crate::support::TODAY;

/// Where the child saves; set only in the child.
const TARGET_VAR: &str = "INDUSTRY_DESK_CRASH_TARGET";
const KILLS: usize = 200;

/// The two versions saved in turn (different sizes, so a torn write can't pass as one).
fn versions() -> [Dataset; 2] {
    [
        synth::with_directives(builtin::dataset(), 10, 300, TODAY, 1),
        synth::with_directives(builtin::dataset(), 12, 420, TODAY, 2),
    ]
}

/// The child: saves the two versions in turn until it is killed. Run by the test below
/// through this same test binary; ignored when the tests run.
#[test]
#[ignore = "the child process of the kill test"]
fn crash_child_saves_until_killed() {
    let Some(target) = std::env::var_os(TARGET_VAR) else { return };
    let target = Path::new(&target);
    let versions = versions();
    println!("ready");
    // The file starts as the first version: save the second first.
    for turn in 1.. {
        storage::save(target, &versions[turn % 2]).unwrap();
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("data.ron");
    let versions = versions();
    storage::save(&target, &versions[0]).unwrap();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut seen_bak, mut seen_second) = (0, 0);
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash::crash_child_saves_until_killed", "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(TARGET_VAR, &target)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("ready") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "the child started saving");
        }
        // Somewhere within the first few saves (each takes some milliseconds).
        std::thread::sleep(Duration::from_micros(random() % 80_000));
        child.kill().unwrap();
        child.wait().unwrap();

        let loaded = storage::load(&target)
            .unwrap_or_else(|err| panic!("kill {kill}: the file does not load: {err}"));
        assert!(versions.contains(&loaded), "kill {kill}: the file is neither version");
        seen_second += usize::from(loaded == versions[1]);
        let bak = storage::backup_path(&target);
        if bak.exists() {
            seen_bak += 1;
            let backup = storage::load(&bak)
                .unwrap_or_else(|err| panic!("kill {kill}: the .bak does not load: {err}"));
            assert!(versions.contains(&backup), "kill {kill}: the .bak is neither version");
        }
    }
    // Killed saves left their temp files; the next save of the file removes every one.
    let temps = || {
        std::fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .count()
    };
    let left = temps();
    storage::save(&target, &versions[0]).unwrap();
    assert_eq!(temps(), 0, "the {left} temp files killed saves left are gone after a save");
    assert!(seen_bak > 0, "the saves made backups");
    // The kills fell at different points of the saving: both versions were left behind.
    assert!((10..KILLS - 10).contains(&seen_second), "second version left {seen_second} times");
    eprintln!(
        "{KILLS} kills: the second version left {seen_second} times, a .bak {seen_bak}, \
         {left} temp files (removed by the next save)"
    );
}
