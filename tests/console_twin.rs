//! The console twin (`industry-desk-console`, shipped on Windows as `industry-desk.com`
//! beside the GUI `industry-desk.exe`): what it prints, on which stream, and its exit code
//! are those of the program it hands over to. Here it hands over to the Linux build; under
//! Wine, scripts/windows/test.sh runs the real pair.

use std::process::{Command, Output};

use industry_desk::{files::builtin, files::storage};

fn twin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_industry-desk-console"))
        .args(args)
        .output()
        .expect("the twin runs")
}

fn program(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_industry-desk")).args(args).output().expect("it runs")
}

#[test]
fn a_command_through_the_twin_prints_and_ends_as_the_program_does() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("Báo cáo tháng 7.ron");
    storage::save(&good, &builtin::dataset()).unwrap();
    let broken = dir.path().join("hỏng.ron");
    std::fs::write(&broken, "(format: \"industry-desk\", version: 1, dataset: (").unwrap();
    for args in [
        vec!["check", good.to_str().unwrap(), "--lang", "vi"],
        vec!["check", broken.to_str().unwrap(), "--lang", "en"],
        vec!["--version"],
        vec!["no-such-command"],
    ] {
        let (through_twin, direct) = (twin(&args), program(&args));
        assert_eq!(through_twin.status.code(), direct.status.code(), "{args:?}");
        assert_eq!(through_twin.stdout, direct.stdout, "{args:?}");
        assert_eq!(through_twin.stderr, direct.stderr, "{args:?}");
    }
    assert!(!program(&["check", broken.to_str().unwrap()]).status.success());
}
