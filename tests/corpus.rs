//! The bad-file corpus: every way a file that travelled by mail or USB stick can be broken,
//! made from the real file by the test (nothing large is committed). Each goes through the
//! loader the window's Open uses and through `check`: a message that names the file and
//! says what is wrong (with line and column where there is one), in Vietnamese and English,
//! within 2 s, and the file unchanged. Files that are merely carried differently (a BOM,
//! CRLF line ends) load as the same data.

use std::fs;
use std::path::{Path, PathBuf};

use industry_desk::files::storage::{self, LoadErrorKind};
use industry_desk::i18n::Lang;
use industry_desk::{files::builtin, model::Dataset};

use crate::support::run_cli;

struct Case {
    path: PathBuf,
    /// What the case is, for failure messages.
    what: String,
}

fn good_text() -> String {
    storage::to_ron_string(&builtin::dataset())
}

/// The lines of the real file that hold one field with a one-line value: `name: value,`.
fn one_line_fields(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let trimmed = line.trim_start();
            let is_field = trimmed.split_once(": ").is_some_and(|(key, value)| {
                key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && value.ends_with(',')
                    && !value.ends_with("(,")
                    && !value.ends_with("[,")
            });
            is_field && !trimmed.starts_with("format:") && !trimmed.starts_with("version:")
        })
        .map(|(i, line)| (i + 1, line.to_owned()))
        .collect()
}

/// Every broken file, written into `dir`.
fn corpus(dir: &Path) -> Vec<Case> {
    let good = good_text();
    let lines: Vec<&str> = good.lines().collect();
    let mut cases = Vec::new();
    let mut add = |name: String, bytes: &[u8], what: String| {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        cases.push(Case { path, what });
    };
    // Cut at every tenth of the file.
    for tenth in 0..10 {
        let cut = good.len() * tenth / 10;
        add(format!("cut-{tenth}.ron"), &good.as_bytes()[..cut], format!("cut at {tenth}/10"));
    }
    let with_line = |number: usize, replacement: &str| {
        let mut changed: Vec<&str> = lines.clone();
        changed[number - 1] = replacement;
        changed.join("\n")
    };
    for (number, line) in one_line_fields(&good) {
        let (key, _) = line.split_once(": ").unwrap();
        // A value of a type no field has.
        let wrong = format!("{key}: [[()]],");
        add(
            format!("wrong-type-line-{number}.ron"),
            with_line(number, &wrong).as_bytes(),
            format!("wrong type on line {number}: {}", line.trim()),
        );
        // The field left out.
        let mut without: Vec<&str> = lines.clone();
        without.remove(number - 1);
        add(
            format!("missing-line-{number}.ron"),
            without.join("\n").as_bytes(),
            format!("missing line {number}: {}", line.trim()),
        );
    }
    let replaced = |from: &str, to: &str| {
        assert!(good.contains(from), "the real file has «{from}»");
        good.replacen(from, to, 1)
    };
    add("older.ron".into(), replaced("version: 1,", "version: 0,").as_bytes(), "older".into());
    add("newer.ron".into(), replaced("version: 1,", "version: 7,").as_bytes(), "newer".into());
    add("dup-id.ron".into(), replaced("id: 2,", "id: 1,").as_bytes(), "duplicate id".into());
    add(
        "dangling-unit.ron".into(),
        replaced("lead_unit: None,", "lead_unit: Some(9999),").as_bytes(),
        "dangling unit".into(),
    );
    add(
        "dangling-meeting.ron".into(),
        replaced("meeting_id: 1,", "meeting_id: 42,").as_bytes(),
        "dangling meeting".into(),
    );
    add(
        "unknown-field.ron".into(),
        replaced("province:", "bi_mat: 1,\n  province:").as_bytes(),
        "unknown field".into(),
    );
    add(
        "nul-in-structure.ron".into(),
        replaced("version: 1,", "version: 1,\0").as_bytes(),
        "NUL byte between fields".into(),
    );
    // A torn write or a sync client's zero-filled block: control characters inside a text.
    for (name, damage, what) in [
        ("nul-in-text.ron", "Rà soát lại\0\0\0\0 mỏ đá", "NULs inside a text"),
        ("esc-in-text.ron", "Rà soát lại các\u{1b}[2J mỏ đá", "an escape inside a text"),
        ("c1-in-text.ron", "Rà soát lại các\u{9b} mỏ đá", "a C1 control inside a text"),
        ("bell-in-text.ron", "Rà soát\u{7} lại các mỏ đá", "a bell inside a text"),
    ] {
        add(name.into(), replaced("Rà soát lại các mỏ đá", damage).as_bytes(), what.into());
    }
    add(
        "escaped-nul.ron".into(),
        replaced("\"Rà soát lại các mỏ đá\"", "\"Rà soát lại các\\u{0} mỏ đá\"").as_bytes(),
        "an escaped NUL inside a text".into(),
    );
    add(
        "deep.ron".into(),
        format!("(format: \"industry-desk\", version: 1, dataset: {})", "(".repeat(100_000))
            .as_bytes(),
        "100.000 open brackets".into(),
    );
    let mut invalid = good.clone().into_bytes();
    invalid.splice(40..40, [0xC3, 0x28, 0xA0, 0xFF]);
    add("invalid-utf8.ron".into(), &invalid, "invalid UTF-8".into());
    add("empty.ron".into(), b"", "empty".into());
    add("blank.ron".into(), b" \n\t\r\n ", "only blanks".into());
    add("bom-only.ron".into(), "\u{feff}".as_bytes(), "only a BOM".into());
    add("not-ron.ron".into(), b"PK\x03\x04 this is a zip", "another kind of file".into());
    // Over the size limit (sparse: no disk used).
    let huge = dir.join("200mb.ron");
    fs::File::create(&huge).unwrap().set_len(200 * 1024 * 1024).unwrap();
    cases.push(Case { path: huge, what: "200 MB".into() });
    let folder = dir.join("folder.ron");
    fs::create_dir(&folder).unwrap();
    cases.push(Case { path: folder, what: "a folder".into() });
    #[cfg(unix)]
    {
        let (a, b) = (dir.join("loop-a.ron"), dir.join("loop-b.ron"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        cases.push(Case { path: a, what: "a symlink loop".into() });
    }
    cases.push(Case { path: dir.join("absent.ron"), what: "no such file".into() });
    cases
}

/// Whether the message says where, when the error has a place.
fn says_where(kind: &LoadErrorKind, message: &str, lang: Lang) -> bool {
    match kind {
        LoadErrorKind::Parse { line, column, .. } => {
            let at = match lang {
                Lang::Vi => format!("dòng {line}, cột {column}"),
                Lang::En => format!("line {line}, column {column}"),
            };
            message.contains(&at)
        }
        LoadErrorKind::Damaged { line, column, .. } => {
            let (at, damaged) = match lang {
                Lang::Vi => (format!("dòng {line}, cột {column}"), "tệp có thể đã bị hỏng"),
                Lang::En => (format!("line {line}, column {column}"), "the file may be damaged"),
            };
            message.contains(&at) && message.contains(damaged)
        }
        LoadErrorKind::NotUtf8 { line, .. } => {
            message.contains(&format!("{} {line}", if lang == Lang::Vi { "dòng" } else { "line" }))
        }
        _ => true,
    }
}

#[test]
fn every_broken_file_is_refused_clearly_and_untouched() {
    // How fast is for the benchmarks (benches/storage.rs), not for a test: a test that times
    // the machine fails on a loaded one.
    let dir = tempfile::tempdir().unwrap();
    let cases = corpus(dir.path());
    assert!(cases.len() > 100, "{} cases", cases.len());
    let mut defaulted = 0;
    for case in &cases {
        let before = fs::read(&case.path).ok();
        let outcome = storage::load(&case.path);
        let err = match outcome {
            Err(err) => err,
            // A field with a default may be left out; the data must then be valid.
            Ok(data) if case.what.starts_with("missing") => {
                assert!(data.validate().is_empty(), "{}", case.what);
                defaulted += 1;
                continue;
            }
            Ok(_) => panic!("{}: loaded", case.what),
        };
        if case.what.contains("inside a text") {
            assert!(matches!(err.kind, LoadErrorKind::Damaged { .. }), "{}: {:?}", case.what, err);
        }
        let name = case.path.file_name().unwrap().to_str().unwrap();
        for lang in [Lang::Vi, Lang::En] {
            let message = err.describe(lang);
            assert!(message.contains(name), "{} ({lang:?}): {message}", case.what);
            assert!(says_where(&err.kind, &message, lang), "{} ({lang:?}): {message}", case.what);
        }
        if let LoadErrorKind::Parse { line, .. } = err.kind
            && let Some(number) = case.what.strip_prefix("wrong type on line ")
        {
            let number: usize = number.split(':').next().unwrap().parse().unwrap();
            assert_eq!(line, number, "{}: the error points at the changed line", case.what);
        }
        assert_eq!(fs::read(&case.path).ok(), before, "{}: unchanged", case.what);
    }
    eprintln!(
        "corpus: {} files, {} refused, {defaulted} loaded a default",
        cases.len(),
        cases.len() - defaulted
    );
}

#[test]
fn check_refuses_the_whole_corpus_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for case in corpus(dir.path()) {
        let name = case.path.file_name().unwrap().to_str().unwrap().to_owned();
        for lang in ["vi", "en"] {
            let out = run_cli(&["check", case.path.to_str().unwrap(), "--lang", lang]);
            let message = String::from_utf8_lossy(&out.stderr);
            if out.status.success() && case.what.starts_with("missing") {
                continue;
            }
            assert_eq!(out.status.code(), Some(1), "{} ({lang}): {message}", case.what);
            assert!(message.contains(&name), "{} ({lang}): {message}", case.what);
            assert!(!message.contains("panicked"), "{} ({lang}): {message}", case.what);
        }
    }
}

#[test]
fn files_carried_differently_load_as_the_same_data() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_text();
    let same = |name: &str, bytes: Vec<u8>| -> Dataset {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        storage::load(&path).unwrap_or_else(|err| panic!("{name}: {err}"))
    };
    let builtin = builtin::dataset();
    let bom = [b"\xEF\xBB\xBF".as_slice(), good.as_bytes()].concat();
    assert_eq!(same("bom.ron", bom), builtin);
    assert_eq!(same("crlf.ron", good.replace('\n', "\r\n").into_bytes()), builtin);
    assert_eq!(same("cr.ron", good.replace('\n', "\r").into_bytes()), builtin);
    assert_eq!(same("tabs.ron", good.replace("  ", "\t").into_bytes()), builtin);
}

#[test]
fn a_ten_megabyte_text_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = builtin::dataset();
    data.directives[0].text = "Rà soát mỏ đá. ".repeat(10 * 1024 * 1024 / 20);
    let path = dir.path().join("long-text.ron");
    storage::save(&path, &data).unwrap();
    assert!(fs::metadata(&path).unwrap().len() > 10_000_000);
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded, data);
}

#[test]
fn inputs_the_fuzzer_crashed_on_are_refused() {
    // Each file in tests/data/fuzz made a fuzz target panic once; named by target.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut seen = 0;
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let bytes = fs::read(&path).unwrap();
        if name.starts_with("import_xlsx") {
            assert!(industry_desk::interop::exchange::import::read_xlsx(&bytes).is_err(), "{name}");
        } else if name.starts_with("load") {
            assert!(storage::from_bytes(&bytes, &path).is_err(), "{name}");
        } else {
            panic!("{name}: which target?");
        }
        seen += 1;
    }
    assert!(seen > 0);
}
