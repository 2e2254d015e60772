//! The arrows between modules point one way, as `src/lib.rs` says: the model knows no
//! wording, formatting, files or egui; the formatting knows no files or window; the
//! commands and the views know nothing of `app`, which drives them. Read from the source,
//! so a new `use` that turns an arrow round fails here rather than in a review.

use std::path::{Path, PathBuf};

/// The Rust files under `dir` (or `dir` itself), with their code outside `#[cfg(test)]`
/// blocks and comments.
fn code_of(path: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files.extend(code_of(&entry.unwrap().path()));
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        let text = std::fs::read_to_string(path).unwrap();
        // Tests may build a dataset or format one; that is no arrow of the code.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let code: Vec<&str> =
            code.lines().filter(|line| !line.trim_start().starts_with("//")).collect();
        files.push((path.to_owned(), code.join("\n")));
    }
    files
}

/// Every use of `crate::MODULE` in `under` whose module is not in `allowed`.
fn uses_outside(under: &str, allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for (path, code) in code_of(&root.join(under)) {
        for (at, _) in code.match_indices("crate::") {
            let module: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !allowed.contains(&module.as_str()) {
                found.push(format!("{}: crate::{module}", path.display()));
            }
        }
    }
    found
}

#[test]
fn the_model_uses_only_its_own_types_the_languages_and_text_folding() {
    let found = uses_outside("model", &["model", "i18n", "text"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_formatting_uses_the_model_but_no_files_or_window() {
    let found = uses_outside("format", &["model", "i18n", "text", "format"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn commands_and_views_know_nothing_of_the_app_that_drives_them() {
    let mut found = uses_outside("command.rs", &["i18n"]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    for (path, code) in code_of(&root) {
        if code.contains("crate::app") {
            found.push(format!("{}: crate::app", path.display()));
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
