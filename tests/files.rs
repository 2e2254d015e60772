//! Dataset files on disk: what saving writes, what `check` says, and every kind of bad
//! file refused by `check` and by Open with a clear message, nothing changed.

use std::fs;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;
use industry_desk::window::app::Modal;
use industry_desk::{files::builtin, files::storage};

use crate::support::{ScriptedDialogs, click, harness, menu, run_cli, wait_for_open};

#[test]
fn new_writes_the_builtin_dataset_and_check_accepts_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mau.ron");
    let out = run_cli(&["new", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(storage::load(&path).unwrap(), builtin::dataset());

    let out = run_cli(&["check", path.to_str().unwrap()]);
    assert!(out.status.success());
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.contains("1 cuộc họp, 3 chỉ tiêu, 6 số liệu, 5 khu/cụm, 10 nhiệm vụ"),
        "{summary}"
    );
    let english = run_cli(&["check", path.to_str().unwrap(), "--lang", "en"]);
    let summary = String::from_utf8(english.stdout).unwrap();
    assert!(
        summary.contains("1 meetings, 3 indicators, 6 figures, 5 zones, 10 directives"),
        "{summary}"
    );
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("of-someone.ron");
    fs::write(&path, "their work").unwrap();
    let out = run_cli(&["new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "their work");

    let out = run_cli(&["new", path.to_str().unwrap(), "--force"]);
    assert!(out.status.success());
    assert_eq!(fs::read_to_string(storage::backup_path(&path)).unwrap(), "their work");
}

/// A bad file, made in a temp folder, and words its message must contain (vi and en).
struct BadFile {
    name: &'static str,
    path: PathBuf,
    vi: &'static str,
    en: &'static str,
}

fn good_text() -> String {
    storage::to_ron_string(&builtin::dataset())
}

/// Every kind of file the loader must refuse.
fn bad_files(dir: &Path) -> Vec<BadFile> {
    let mut files = Vec::new();
    let mut add =
        |name: &'static str, contents: Option<Vec<u8>>, vi: &'static str, en: &'static str| {
            let path = dir.join(name);
            if let Some(bytes) = contents {
                fs::write(&path, bytes).unwrap();
            }
            files.push(BadFile { name, path, vi, en });
        };
    let good = good_text();
    add(
        "syntax.ron",
        Some(good.replacen("version: 1,", "version: 1 x,", 1).into_bytes()),
        "dòng 3, cột 14",
        "line 3, column 14",
    );
    add(
        "wrong-type.ron",
        Some(good.replacen("value: 365000000.0", "value: \"nhiều\"", 1).into_bytes()),
        "sai kiểu",
        "wrong type",
    );
    add(
        "newer.ron",
        Some(good.replacen("version: 1,", "version: 2,", 1).into_bytes()),
        "phiên bản mới hơn",
        "newer version",
    );
    add(
        "not-utf8.ron",
        Some(
            [b"(format: \"industry-desk\",\n version: 1, // ".as_slice(), &[0xff, 0xfe, 0x00]]
                .concat(),
        ),
        "không phải văn bản UTF-8 (dòng 2",
        "not UTF-8 text (line 2",
    );
    add(
        "deep.ron",
        Some(
            format!(
                "(format: \"industry-desk\", version: 1, dataset: {}{})",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
            .into_bytes(),
        ),
        "lồng nhau quá sâu",
        "nested too deeply",
    );
    add(
        "truncated.ron",
        Some(good.as_bytes()[..good.len() / 2].to_vec()),
        "kết thúc giữa chừng",
        "ends too early",
    );
    add("empty.ron", Some(Vec::new()), "tệp trống", "the file is empty");
    add(
        "not-ours.ron",
        Some(good.replacen("format: \"industry-desk\"", "format: \"other-app\"", 1).into_bytes()),
        "không phải tệp dữ liệu",
        "not an Industry Desk data file",
    );
    add(
        "invalid.ron",
        Some(good.replacen("meeting_id: 1,", "meeting_id: 9,", 1).into_bytes()),
        "không có cuộc họp này",
        "which does not exist",
    );
    add(
        "unknown-field.ron",
        Some(good.replacen("province:", "tinh_thanh: \"x\",\n    province:", 1).into_bytes()),
        "\"tinh_thanh\" không có trong định dạng",
        "\"tinh_thanh\" is not part of the format",
    );
    add(
        "negative.ron",
        Some(good.replacen("value: 72000.0", "value: -72000.0", 1).into_bytes()),
        "giá trị âm",
        "negative value",
    );
    add("missing.ron", None, "không có tệp này", "no such file");
    fs::create_dir(dir.join("a-folder.ron")).unwrap();
    add("a-folder.ron", None, "thư mục", "folder");
    // Over the size limit: sparse, so it costs no disk.
    let big = fs::File::create(dir.join("huge.ron")).unwrap();
    big.set_len(storage::MAX_FILE_BYTES + 1).unwrap();
    add("huge.ron", None, "quá lớn", "too large");
    files
}

fn bytes_of(path: &Path) -> Option<Vec<u8>> {
    fs::read(path).ok()
}

#[test]
fn check_refuses_every_bad_file_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    for bad in bad_files(dir.path()) {
        let before = bytes_of(&bad.path);
        for (lang, words) in [("vi", bad.vi), ("en", bad.en)] {
            let out = run_cli(&["check", bad.path.to_str().unwrap(), "--lang", lang]);
            let message = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {message}", bad.name);
            assert!(
                message.contains(bad.name),
                "{} ({lang}): the message names the file: {message}",
                bad.name
            );
            assert!(
                message.contains(words),
                "{} ({lang}): expected «{words}» in: {message}",
                bad.name
            );
            assert!(!message.contains("panicked"), "{message}");
        }
        assert_eq!(bytes_of(&bad.path), before, "{}: the file is untouched", bad.name);
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), bad_files_count(), "check wrote nothing");
}

fn bad_files_count() -> usize {
    // Every case but the missing file exists on disk.
    bad_files(tempfile::tempdir().unwrap().path()).len() - 1
}

/// A file the loader can't read, and the words its message must contain. Root reads any
/// file whatever its mode; then a file the kernel refuses to read stands in for it, so the
/// read-error path is still the one tested.
fn unreadable_file(dir: &Path) -> BadFile {
    let path = dir.join("locked.ron");
    fs::write(&path, good_text()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    }
    if fs::File::open(&path).is_ok() {
        let path = PathBuf::from("/proc/self/mem");
        BadFile { name: "mem", path, vi: "lỗi khi đọc", en: "read error" }
    } else {
        BadFile {
            name: "locked.ron", path, vi: "không có quyền đọc", en: "no permission to read"
        }
    }
}

#[test]
fn unreadable_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = unreadable_file(dir.path());
    for (lang, words) in [("vi", bad.vi), ("en", bad.en)] {
        let out = run_cli(&["check", bad.path.to_str().unwrap(), "--lang", lang]);
        let message = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{message}");
        assert!(message.contains(bad.path.to_str().unwrap()), "{message}");
        assert!(message.contains(words), "{message}");
    }
}

#[test]
fn open_in_the_window_refuses_every_bad_file_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, None);
    // An unsaved edit that a refused Open must not lose.
    harness.get_by_label("Chỉ đạo").click();
    harness.run();
    click(&mut harness, "Hoàn thành nhiệm vụ 4");
    let edited = harness.state().document().dataset().clone();
    assert!(harness.state().document().is_dirty());

    let mut cases = bad_files(dir.path());
    cases.push(unreadable_file(dir.path()));
    for bad in cases {
        let before = bytes_of(&bad.path);
        dialogs.will_pick(&bad.path);
        // Open with unsaved changes asks first; "Không lưu" goes on to the file.
        menu(&mut harness, "Tệp", "Mở…");
        harness.get_by_label("Không lưu").click();
        wait_for_open(&mut harness);
        match harness.state().modal() {
            Some(Modal::Error { text }) => {
                assert!(text.contains(bad.name), "{}: {text}", bad.name);
                assert!(text.contains(bad.vi), "{}: expected «{}» in {text}", bad.name, bad.vi);
            }
            other => panic!("{}: expected an error dialog, got {other:?}", bad.name),
        }
        harness.get_by_label("Đồng ý").click();
        harness.run();
        assert!(harness.state().modal().is_none());
        assert_eq!(
            harness.state().document().dataset(),
            &edited,
            "{}: document untouched",
            bad.name
        );
        assert!(harness.state().document().is_dirty(), "{}: still unsaved", bad.name);
        assert_eq!(bytes_of(&bad.path), before, "{}: file untouched", bad.name);
    }
}

#[test]
fn a_file_named_on_the_command_line_that_is_broken_shows_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    fs::write(&path, "(format: \"industry-desk\", version: 1, dataset: (").unwrap();
    let harness = harness(&ScriptedDialogs::default(), Some(path.clone()));
    match harness.state().modal() {
        Some(Modal::Error { text }) => assert!(text.contains("broken.ron"), "{text}"),
        other => panic!("expected an error dialog, got {other:?}"),
    }
    assert_eq!(harness.state().document().path(), None, "the built-in dataset stands in");
}
