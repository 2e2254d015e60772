//! Saving onto a full disk or into a folder the user may not write: a clear message, the
//! old file whole, no stray temp file, and the document still unsaved.
//!
//! A full disk is made for one child process with the file-size limit (`ulimit -f`, with
//! SIGXFSZ ignored, so a write past it fails like a full disk does), which works as root
//! too; the child is this test binary running the ignored test below.

use std::fs;
use std::path::Path;

use industry_desk::window::app::Modal;
use industry_desk::{files::builtin, files::storage};

use crate::support::{ScriptedDialogs, click, harness, save_with_ctrl_s};

/// The file the child saves onto; set only in the child.
const FILE_VAR: &str = "INDUSTRY_DESK_SAVE_FAILURE_FILE";

/// Opens `path`, ticks a directive and saves with Ctrl+S; the save must fail with a message
/// naming the file, leave the file and folder as they were, and keep the document dirty.
fn save_must_fail_cleanly(path: &Path) {
    let before = fs::read(path).unwrap();
    let folder_before = fs::read_dir(path.parent().unwrap()).unwrap().count();
    let mut harness = harness(&ScriptedDialogs::default(), Some(path.to_owned()));
    click(&mut harness, "Chỉ đạo");
    click(&mut harness, "Hoàn thành nhiệm vụ 4");
    assert!(harness.state().document().is_dirty());
    save_with_ctrl_s(&mut harness);
    let Some(Modal::Error { text }) = harness.state().modal() else {
        panic!("an error is shown: {:?}", harness.state().modal())
    };
    println!("message: {text}");
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(text.contains("Không lưu được tệp") && text.contains(name), "{text}");
    assert!(harness.state().document().is_dirty(), "the work is still unsaved, not lost");
    assert_eq!(fs::read(path).unwrap(), before, "the old file is whole");
    assert_eq!(storage::load(path).unwrap(), builtin::dataset());
    let folder_after = fs::read_dir(path.parent().unwrap()).unwrap().count();
    assert_eq!(folder_after, folder_before, "no temp file or .bak left behind");
}

/// The child: runs only when the parent below sets the file.
#[test]
#[ignore = "run by a_save_onto_a_full_disk_says_so_and_keeps_everything"]
fn save_failure_child() {
    let Some(path) = std::env::var_os(FILE_VAR) else { return };
    save_must_fail_cleanly(Path::new(&path));
}

#[cfg(unix)]
#[test]
fn a_save_onto_a_full_disk_says_so_and_keeps_everything() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("du-lieu.ron");
    storage::save(&path, &builtin::dataset()).unwrap();
    let size = fs::metadata(&path).unwrap().len();
    // Room for less than the file: ulimit counts 512-byte blocks here.
    let blocks = size / 512 / 2;
    let script = format!("ulimit -f {blocks}; trap '' XFSZ; exec \"$0\" \"$@\"");
    let output = std::process::Command::new("sh")
        .args(["-c", &script])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", "save_failures::save_failure_child", "--ignored", "--nocapture"])
        .env(FILE_VAR, &path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "the child ran: {stdout}");
    assert!(stdout.contains("ổ đĩa đã đầy"), "says the disk is full: {stdout}");
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_says_so_and_keeps_everything() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("du-lieu.ron");
    storage::save(&path, &builtin::dataset()).unwrap();
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let probe = folder.path().join("probe");
    if fs::write(&probe, b"").is_ok() {
        // Root writes into any folder whatever its mode (CI runs as root); the full-disk
        // test covers the same path there.
        fs::remove_file(&probe).unwrap();
        eprintln!("skipped: this user writes into read-only folders");
    } else {
        save_must_fail_cleanly(&path);
    }
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
}
