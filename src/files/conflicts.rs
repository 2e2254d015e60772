//! The conflict copies sync engines leave beside a file two people changed at once, found
//! by their names:
//!
//! - Syncthing: `NAME.sync-conflict-20261201-103000-ABCDEF1.ron`;
//! - Dropbox: `NAME (Minh's conflicted copy 2026-12-01).ron`, the words in the user's
//!   language (`NAME (Bản sao xung đột của Minh 2026-12-01).ron`);
//! - Nextcloud and ownCloud: `NAME (conflicted copy 2026-12-01 103000).ron`, and ownCloud's
//!   older `NAME_conflict-20261201-103000.ron`;
//! - OneDrive: `NAME-COMPUTER.ron` (the other computer's name, in capitals).
//!
//! Google Drive keeps both versions as `NAME (1).ron`, which is found too. Only names are
//! looked at here; whether a copy can be merged (it is damaged, another province's) is the
//! merge's to say.

use std::path::{Path, PathBuf};

/// Which sync engine's name a conflict copy has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Syncthing,
    /// Dropbox, Nextcloud, ownCloud: words and a date in brackets.
    Bracketed,
    OwnCloudOld,
    OneDrive,
    /// Google Drive's "NAME (1)".
    Numbered,
}

/// Whether `candidate` (a file name) is a conflict copy of the file named `original`, and
/// whose.
pub fn conflict_copy_of(original: &str, candidate: &str) -> Option<Engine> {
    let (stem, extension) = split_extension(original);
    let (candidate_stem, candidate_extension) = split_extension(candidate);
    if candidate == original || !candidate_extension.eq_ignore_ascii_case(extension) {
        return None;
    }
    let rest = candidate_stem.strip_prefix(stem)?;
    if is_syncthing(rest) {
        return Some(Engine::Syncthing);
    }
    if let Some(inside) = rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')')) {
        if inside.bytes().all(|b| b.is_ascii_digit()) && !inside.is_empty() && inside.len() <= 3 {
            return Some(Engine::Numbered);
        }
        if has_date(inside) {
            return Some(Engine::Bracketed);
        }
        return None;
    }
    if let Some(stamp) = rest.strip_prefix("_conflict-")
        && stamp.len() == 15
        && stamp.as_bytes()[8] == b'-'
        && stamp.bytes().enumerate().all(|(i, b)| i == 8 || b.is_ascii_digit())
    {
        return Some(Engine::OwnCloudOld);
    }
    if let Some(computer) = rest.strip_prefix('-')
        && !computer.is_empty()
        && computer.len() <= 40
        && computer.chars().next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && computer
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && computer.chars().any(|c| c.is_ascii_uppercase())
    {
        return Some(Engine::OneDrive);
    }
    None
}

/// `.sync-conflict-YYYYMMDD-HHMMSS-DEVICE`, possibly more than once (a conflict of a
/// conflict).
fn is_syncthing(rest: &str) -> bool {
    let Some(tail) = rest.strip_prefix(".sync-conflict-") else { return false };
    let parts: Vec<&str> = tail.splitn(3, '-').collect();
    match parts.as_slice() {
        [day, time, device] => {
            day.len() == 8
                && time.len() == 6
                && day.bytes().chain(time.bytes()).all(|b| b.is_ascii_digit())
                && !device.is_empty()
                && device
                    .split('.')
                    .next()
                    .is_some_and(|d| d.bytes().all(|b| b.is_ascii_alphanumeric()))
        }
        _ => false,
    }
}

/// Whether `text` holds a date `YYYY-MM-DD`.
fn has_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(10).any(|w| {
        w.iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
    })
}

/// The name without its last extension, and the extension.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(at) if at > 0 => (&name[..at], &name[at + 1..]),
        _ => (name, ""),
    }
}

/// The conflict copies beside `path` (in its folder, or the subfolder of copies already
/// merged left out), by name.
pub fn conflict_copies(path: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
    else {
        return Vec::new();
    };
    let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| e.file_name().to_str().is_some_and(|n| conflict_copy_of(name, n).is_some()))
        .map(|e| e.path())
        .collect();
    copies.sort();
    copies
}

/// Moves merged `copies` into the folder `folder_name` beside them (made if needed); never
/// deletes. A name taken there gets a number. Returns the folder.
pub fn put_aside(copies: &[PathBuf], folder_name: &str) -> std::io::Result<PathBuf> {
    let Some(first) = copies.first() else { return Ok(PathBuf::new()) };
    let folder = first.parent().unwrap_or(Path::new(".")).join(folder_name);
    std::fs::create_dir_all(&folder)?;
    for copy in copies {
        let Some(name) = copy.file_name() else { continue };
        let mut target = folder.join(name);
        let mut n = 2;
        while target.exists() {
            let (stem, extension) = split_extension(name.to_str().unwrap_or("copy.ron"));
            target = folder.join(format!("{stem} ({n}).{extension}"));
            n += 1;
        }
        std::fs::rename(copy, &target)?;
    }
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "theo-doi.ron";

    #[test]
    fn syncthing_names_its_copies_by_date_time_and_device() {
        assert_eq!(
            conflict_copy_of(NAME, "theo-doi.sync-conflict-20261201-103000-ABCDEF1.ron"),
            Some(Engine::Syncthing)
        );
        assert_eq!(
            conflict_copy_of(
                NAME,
                "theo-doi.sync-conflict-20261201-103000-ABCDEF1.sync-conflict-20261202-080000-XYZ1234.ron"
            ),
            Some(Engine::Syncthing)
        );
        assert_eq!(conflict_copy_of(NAME, "theo-doi.sync-conflict-2026-ABCDEF1.ron"), None);
    }

    #[test]
    fn dropbox_and_nextcloud_write_words_and_a_date_in_brackets_in_any_language() {
        for name in [
            "theo-doi (Minh's conflicted copy 2026-12-01).ron",
            "theo-doi (Bản sao xung đột của Minh 2026-12-01).ron",
            "theo-doi (Copie en conflit de Minh 2026-12-01).ron",
            "theo-doi (conflicted copy 2026-12-01 103000).ron",
        ] {
            assert_eq!(conflict_copy_of(NAME, name), Some(Engine::Bracketed), "{name}");
        }
        assert_eq!(conflict_copy_of(NAME, "theo-doi (bản nháp).ron"), None);
    }

    #[test]
    fn owncloud_onedrive_and_google_drive_names() {
        assert_eq!(
            conflict_copy_of(NAME, "theo-doi_conflict-20261201-103000.ron"),
            Some(Engine::OwnCloudOld)
        );
        assert_eq!(conflict_copy_of(NAME, "theo-doi-DESKTOP-1A2B3C4.ron"), Some(Engine::OneDrive));
        assert_eq!(conflict_copy_of(NAME, "theo-doi-LAPTOP.ron"), Some(Engine::OneDrive));
        assert_eq!(conflict_copy_of(NAME, "theo-doi (1).ron"), Some(Engine::Numbered));
    }

    #[test]
    fn other_files_of_the_folder_are_no_copies() {
        for name in [
            "theo-doi.ron",
            "theo-doi.ron.bak",
            "theo-doi-2020.ron",
            "theo-doi-cu.ron",
            "theo-doi.xlsx",
            "khac.ron",
            ".theo-doi.ron.123.tmp",
        ] {
            assert_eq!(conflict_copy_of(NAME, name), None, "{name}");
        }
    }

    #[test]
    fn merged_copies_are_moved_aside_never_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(NAME);
        std::fs::write(&file, "x").unwrap();
        let copy = dir.path().join("theo-doi.sync-conflict-20261201-103000-ABCDEF1.ron");
        std::fs::write(&copy, "copy").unwrap();
        assert_eq!(conflict_copies(&file), std::slice::from_ref(&copy));
        let folder = put_aside(std::slice::from_ref(&copy), "đã gộp").unwrap();
        assert!(!copy.exists());
        assert_eq!(
            std::fs::read_to_string(folder.join(copy.file_name().unwrap())).unwrap(),
            "copy"
        );
        assert!(conflict_copies(&file).is_empty(), "the folder of merged copies is not searched");
    }
}
