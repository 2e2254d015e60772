//! The tree is the map: the modules are layers (`src/lib.rs` lists them top-down), each
//! uses only the layers below it, and no two files use each other. Read from the source,
//! so a new `use` that turns an arrow round fails here rather than in a review.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, from the top down, as `src/lib.rs` declares them. A module may use its own
/// layer's modules and every layer after it in this list, never one before it.
const LAYERS: [&str; 10] =
    ["cli", "window", "interop", "editing", "synth", "files", "visual", "format", "model", "i18n"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust file of the library (not the binaries' `main.rs` and `bin/`), with its code outside
/// `#[cfg(test)]` blocks and comments: tests may build a dataset or format one, which is
/// no arrow of the code.
fn library_files() -> Vec<(PathBuf, String)> {
    fn walk(path: &Path, files: &mut Vec<(PathBuf, String)>) {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> =
                std::fs::read_dir(path).unwrap().map(|e| e.unwrap().path()).collect();
            entries.sort();
            for entry in entries {
                walk(&entry, files);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: Vec<&str> =
                code.lines().filter(|line| !line.trim_start().starts_with("//")).collect();
            files.push((path.to_owned(), code.join("\n")));
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    // The binaries (main.rs, and src/bin's console twin) are no layer of the library.
    files
        .retain(|(path, _)| path != &src().join("main.rs") && !path.starts_with(src().join("bin")));
    files
}

/// The module path of a file: `src/window/ui/theme.rs` is `["window", "ui", "theme"]`,
/// `src/model/mod.rs` is `["model"]`, `src/lib.rs` is `[]`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> =
        relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The file that defines the deepest module named by `path` (a module path from the
/// crate's root, perhaps followed by an item's name).
fn file_of(path: &[String]) -> PathBuf {
    let mut dir = src();
    let mut file = src().join("lib.rs");
    for segment in path {
        let (flat, nested) = (dir.join(format!("{segment}.rs")), dir.join(segment).join("mod.rs"));
        if flat.exists() {
            file = flat;
        } else if nested.exists() {
            file = nested;
        } else {
            break;
        }
        dir = dir.join(segment);
    }
    file
}

/// `a::b::{c, d::{e, f}}` spelled out: `a::b::c`, `a::b::d::e`, `a::b::d::f`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else { return vec![tree.to_owned()] };
    let prefix = &tree[..open];
    let body = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut items, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in body.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    items
        .iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(|item| expand(item))
        .map(|item| {
            if item == "self" {
                prefix.trim_end_matches("::").to_owned()
            } else {
                format!("{prefix}{item}")
            }
        })
        .collect()
}

/// Where the path at the start of `text` ends: its last name, or the brace that closes
/// its group (`crate::{a, b::{c}}`).
fn path_end(text: &str) -> usize {
    let plain =
        text.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(text.len());
    if !(text[..plain].ends_with("::") && text[plain..].starts_with('{')) {
        return plain;
    }
    let mut depth = 0;
    for (i, c) in text[plain..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return plain + i + 1,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

/// The modules a file's code names through `crate::` or `super::`, as module paths from
/// the crate's root.
fn paths_used(file: &Path, code: &str) -> Vec<Vec<String>> {
    let own = module_of(file);
    let mut found = Vec::new();
    for root in ["crate::", "super::"] {
        for (at, _) in code.match_indices(root) {
            // `super::super::x` is read from its first `super`.
            if root == "super::" && code[..at].ends_with("super::") {
                continue;
            }
            let rest = &code[at..];
            let end = path_end(rest);
            for path in expand(&rest[..end]) {
                let mut segments: Vec<String> = Vec::new();
                let mut parts = path.split("::").filter(|s| !s.is_empty()).peekable();
                match parts.next() {
                    Some("crate") => {}
                    Some("super") => {
                        segments = own.clone();
                        segments.pop();
                        while parts.peek() == Some(&"super") {
                            parts.next();
                            segments.pop();
                        }
                    }
                    _ => continue,
                }
                segments.extend(parts.map(str::to_owned));
                found.push(segments);
            }
        }
    }
    found
}

/// The layer of a module path: its place in [`LAYERS`].
fn layer(module: &[String]) -> usize {
    let top = module.first().map(String::as_str).unwrap_or_default();
    LAYERS.iter().position(|layer| *layer == top).unwrap_or_else(|| {
        panic!("src/{top} is in no layer: add it to LAYERS here and to src/lib.rs's map")
    })
}

#[test]
fn lib_declares_the_layers_top_down_as_this_test_reads_them() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("pub mod "))
        .map(|name| name.trim_end_matches(';'))
        .collect();
    assert_eq!(declared, LAYERS);
}

#[test]
fn the_top_of_src_holds_a_few_folders_and_at_most_a_dozen_files() {
    let files = std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .count();
    assert!(files <= 12, "{files} files at the top of src/");
}

#[test]
fn every_arrow_points_down_the_layers() {
    let mut upward = Vec::new();
    for (file, code) in library_files() {
        let own = module_of(&file);
        if own.is_empty() {
            continue; // lib.rs declares them all.
        }
        for used in paths_used(&file, &code) {
            if !used.is_empty() && layer(&used) < layer(&own) {
                upward.push(format!("{}: {}", file.display(), used.join("::")));
            }
        }
    }
    assert!(upward.is_empty(), "arrows up the layers: {upward:#?}");
}

#[test]
fn no_two_files_use_each_other() {
    let mut uses: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (file, code) in library_files() {
        for used in paths_used(&file, &code) {
            let target = file_of(&used);
            if target != file {
                uses.entry(file.clone()).or_default().insert(target);
            }
        }
    }
    let mut pairs = Vec::new();
    for (file, targets) in &uses {
        for target in targets {
            if file < target && uses.get(target).is_some_and(|back| back.contains(file)) {
                pairs.push(format!("{} <-> {}", file.display(), target.display()));
            }
        }
    }
    assert!(pairs.is_empty(), "files that use each other: {pairs:#?}");
}

#[test]
fn the_model_knows_no_wording_files_or_window() {
    for (file, code) in library_files() {
        if module_of(&file).first().map(String::as_str) != Some("model") {
            continue;
        }
        for used in paths_used(&file, &code) {
            let top = used.first().map(String::as_str).unwrap_or_default();
            assert!(matches!(top, "model" | "i18n"), "{}: {}", file.display(), used.join("::"));
        }
    }
}

#[test]
fn commands_and_views_know_nothing_of_the_app_that_drives_them() {
    let mut found = Vec::new();
    for (file, code) in library_files() {
        let own = module_of(&file);
        let is_command = own == ["window", "command"];
        let is_view = own.starts_with(&["window".to_owned(), "ui".to_owned()]);
        for used in paths_used(&file, &code) {
            let top_two: Vec<&str> = used.iter().take(2).map(String::as_str).collect();
            let wrong = (is_view && top_two == ["window", "app"])
                || (is_command && used.first().map(String::as_str) != Some("i18n"));
            if wrong {
                found.push(format!("{}: {}", file.display(), used.join("::")));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_reader_of_paths_finds_what_a_file_uses() {
    // The rules above are only as good as this reading: a file known to use others.
    let file = src().join("window/ui/directives.rs");
    let code = std::fs::read_to_string(&file).unwrap();
    let used: BTreeSet<PathBuf> =
        paths_used(&file, &code).iter().map(|path| file_of(path)).collect();
    assert!(used.contains(&src().join("window/ui/directive_editor.rs")), "{used:#?}");
    assert!(used.contains(&src().join("model/followup.rs")), "{used:#?}");
    assert!(used.contains(&src().join("window/ui/mod.rs")), "{used:#?}");
    assert_eq!(expand("crate::{a::b, c::{d, self}}"), ["crate::a::b", "crate::c::d", "crate::c"]);
}
