//! Reading and writing dataset files.
//!
//! A file is RON: `(format: "industry-desk", version: 1, dataset: (...))`, pretty-printed
//! with the fields in the order the model declares them, so files diff well as text.
//!
//! Loading never writes anything and refuses, with a message that names the file and, where
//! there is one, the line and column: a missing file, a folder, an unreadable file, a file
//! over [`MAX_FILE_BYTES`], text that isn't UTF-8, data nested deeper than the model can be,
//! bad RON, wrong types, another program's file, a newer format, and data that breaks the
//! model's invariants ([`crate::model::Dataset::validate`]). A file that loads is valid.
//!
//! Saving writes a temporary file beside the target, syncs it to disk and renames it over
//! the target, so the target is at every moment either the old file or the new one, whole.
//! The file it replaces is kept as `NAME.ron.bak`.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::lineage::FileMeta;
use crate::format;
use crate::i18n::{Lang, fill};
use crate::model::{Dataset, Problem, is_forbidden_control};

/// The `format` tag every dataset file carries.
pub const FORMAT: &str = "industry-desk";
/// The format version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Files larger than this are refused before they are read: a province's decades of data
/// are a few MiB, and the whole file is held in memory while it is parsed.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Deepest nesting the parser follows. The model nests about eight levels; anything far
/// deeper is broken or hostile, and refusing it early keeps the parser's stack bounded.
pub const MAX_NESTING: usize = 32;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    /// The revision this save makes (see `crate::files::lineage`); a build that does not know the
    /// field ignores it.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<&'a crate::files::lineage::Revision>,
    /// When each record was last changed.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    modified: &'a crate::files::lineage::Stamps,
    dataset: &'a Dataset,
}

/// What a file's envelope says, read in one pass: the dataset is parsed only once the
/// format and version have been read and found to be ours (they come first in every file
/// this app writes). A file that is not ours, or of another version, stops there.
enum Opened {
    Ours(Box<Dataset>, FileMeta),
    NotOurs,
    OtherVersion(u32),
}

impl<'de> Deserialize<'de> for Opened {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{self, IgnoredAny, MapAccess, Visitor};

        struct EnvelopeVisitor;

        /// Reads what is left of the envelope without keeping it, so the parser ends where
        /// the envelope does.
        fn skip_rest<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
            while map.next_key::<IgnoredAny>()?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }

        impl<'de> Visitor<'de> for EnvelopeVisitor {
            type Value = Opened;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("(format, version, dataset)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Opened, A::Error> {
                let (mut format_seen, mut version_seen, mut dataset) = (false, false, None);
                let mut meta = FileMeta::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => {
                            if map.next_value::<String>()? != FORMAT {
                                skip_rest(&mut map)?;
                                return Ok(Opened::NotOurs);
                            }
                            format_seen = true;
                        }
                        "version" => {
                            let version = map.next_value::<u32>()?;
                            if version != VERSION {
                                skip_rest(&mut map)?;
                                return Ok(Opened::OtherVersion(version));
                            }
                            version_seen = true;
                        }
                        "dataset" => dataset = Some(map.next_value::<Dataset>()?),
                        "revision" => meta.revision = map.next_value()?,
                        "modified" => meta.stamps = map.next_value()?,
                        // Unknown envelope fields are ignored, as before.
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                if !format_seen {
                    return Err(de::Error::missing_field("format"));
                }
                if !version_seen {
                    return Err(de::Error::missing_field("version"));
                }
                let dataset = dataset.ok_or_else(|| de::Error::missing_field("dataset"))?;
                Ok(Opened::Ours(Box::new(dataset), meta))
            }
        }

        deserializer.deserialize_struct(
            "Envelope",
            &["format", "version", "revision", "modified", "dataset"],
            EnvelopeVisitor,
        )
    }
}

/// The envelope without its dataset: read only when a file fails to parse, to tell "not
/// ours" and "another version" apart from a broken file.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Why a file could not be loaded, with where it is.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe(Lang::En))]
pub struct LoadError {
    /// The file that was asked for.
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

/// What was wrong with a file.
#[derive(Debug)]
pub enum LoadErrorKind {
    /// No such file.
    NotFound,
    /// The path is a folder.
    IsDirectory,
    /// The OS refused to let us read it.
    PermissionDenied,
    /// Any other read error.
    Io(io::Error),
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { size: u64 },
    /// Empty, or only blank space.
    Empty,
    /// Not UTF-8 text; `line` is 1-based, `byte` the offset of the first bad byte.
    NotUtf8 { line: usize, byte: usize },
    /// Well-formed, but not an industry-desk file.
    NotOurs,
    /// Written by a newer version of the format.
    NewerVersion { found: u32 },
    /// An older format this build cannot migrate.
    OlderVersion { found: u32 },
    /// The text does not parse as the format; 1-based line and column.
    Parse { line: usize, column: usize, what: ParseProblem },
    /// Parses, but the data breaks the model's invariants.
    Invalid(Vec<Problem>),
    /// A control character (a NUL, an escape…) where only text can be: the mark of a torn
    /// write or a sync client's zero-filled block. 1-based line and column; the backup
    /// beside the file, when there is one, to turn to.
    Damaged { line: usize, column: usize, character: char, backup: Option<PathBuf> },
}

/// What the parser tripped over, in terms a user can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseProblem {
    /// The file stops in the middle of the data.
    UnexpectedEnd,
    /// Nesting beyond [`MAX_NESTING`].
    TooDeep,
    /// A "(" was expected (the start of a record).
    ExpectedOpening,
    /// A field the format needs is absent.
    MissingField(String),
    /// A field the format doesn't know.
    UnknownField(String),
    /// A value of the wrong kind (text where a number belongs ...): the parser's words.
    WrongType(String),
    /// Anything else: the parser's words.
    Syntax(String),
}

impl LoadError {
    fn new(path: &Path, kind: LoadErrorKind) -> Self {
        LoadError { path: path.to_owned(), kind }
    }

    /// The message in plain words: the file, then what is wrong.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.strings().load;
        let file = self.path.display();
        let what = match &self.kind {
            LoadErrorKind::NotFound => t.not_found.clone(),
            LoadErrorKind::IsDirectory => t.is_directory.clone(),
            LoadErrorKind::PermissionDenied => t.permission_denied.clone(),
            LoadErrorKind::Io(err) => fill(&t.io, &[("error", err)]),
            LoadErrorKind::TooLarge { size } => fill(
                &t.too_large,
                &[
                    ("size", &format::mebibytes(*size, lang)),
                    ("max", &format::mebibytes(MAX_FILE_BYTES, lang)),
                ],
            ),
            LoadErrorKind::NotUtf8 { line, byte } => {
                fill(&t.not_utf8, &[("line", line), ("byte", byte)])
            }
            LoadErrorKind::Empty => t.empty.clone(),
            LoadErrorKind::NotOurs => t.not_ours.clone(),
            LoadErrorKind::NewerVersion { found } => {
                fill(&t.newer_version, &[("found", found), ("supported", &VERSION)])
            }
            LoadErrorKind::OlderVersion { found } => fill(&t.older_version, &[("found", found)]),
            LoadErrorKind::Parse { line, column, what } => {
                let what = match what {
                    ParseProblem::UnexpectedEnd => t.unexpected_end.clone(),
                    ParseProblem::TooDeep => t.too_deep.clone(),
                    ParseProblem::ExpectedOpening => t.expected_opening.clone(),
                    ParseProblem::MissingField(field) => {
                        fill(&t.missing_field, &[("field", field)])
                    }
                    ParseProblem::UnknownField(field) => {
                        fill(&t.unknown_field, &[("field", field)])
                    }
                    ParseProblem::WrongType(detail) => fill(&t.wrong_type, &[("detail", detail)]),
                    ParseProblem::Syntax(detail) => detail.clone(),
                };
                fill(&t.syntax, &[("line", line), ("column", column), ("what", &what)])
            }
            LoadErrorKind::Damaged { line, column, character, backup } => {
                let code = format!("U+{:04X}", u32::from(*character));
                let mut text =
                    fill(&t.damaged, &[("line", line), ("column", column), ("character", &code)]);
                if let Some(backup) = backup {
                    text.push(' ');
                    text.push_str(&fill(&t.damaged_backup, &[("backup", &backup.display())]));
                }
                text
            }
            LoadErrorKind::Invalid(problems) => {
                let mut text = fill(&t.invalid_problems, &[("count", &problems.len())]);
                for problem in problems {
                    text.push_str("\n  • ");
                    text.push_str(&problem.describe(lang));
                }
                text
            }
        };
        format!("{}: {what}", fill(&t.cannot_open, &[("file", &file)]))
    }
}

/// Why a save failed. The file that was there before is whole whatever the reason.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe(Lang::En))]
pub struct SaveError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl SaveError {
    /// The message in plain words: the file, then what is wrong.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.strings().save;
        let what = match self.source.kind() {
            io::ErrorKind::NotFound => t.no_folder.clone(),
            io::ErrorKind::IsADirectory => t.is_directory.clone(),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                t.permission_denied.clone()
            }
            // A write past a size limit (a quota, `ulimit -f`) fails as a full disk does.
            io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::FileTooLarge => t.disk_full.clone(),
            // The replace gave up on a file another program holds open (crate::files::replace).
            io::ErrorKind::ResourceBusy => t.in_use.clone(),
            _ => fill(&t.io, &[("error", &self.source)]),
        };
        format!("{}: {what}", fill(&t.cannot_save, &[("file", &self.path.display())]))
    }
}

/// The dataset as the text of a file.
///
/// Texts are written as they are (a `"` or `\\` makes it a raw string `r#"…"#`) rather
/// than through ron's escaping, which runs Unicode tables over every Vietnamese letter and
/// took two thirds of a save. Where a text holds a character that is better not written
/// as is (an invisible direction or width mark, a byte-order mark), the whole file is
/// written escaped instead. A control character is never written: every edit tidies them
/// away (`crate::model::tidy`), and a dataset made some other way is tidied here.
pub fn to_ron_string(dataset: &Dataset) -> String {
    to_ron_string_with_meta(dataset, &FileMeta::default())
}

/// [`to_ron_string`] with the file's revision and the records' times in the envelope.
pub fn to_ron_string_with_meta(dataset: &Dataset, meta: &FileMeta) -> String {
    let text = serialise(dataset, meta, false);
    if !text.chars().any(wants_escape) {
        return text;
    }
    if crate::model::first_control(text.as_bytes()).is_some() {
        let mut tidied = dataset.clone();
        tidied.normalize();
        return to_ron_string_with_meta(&tidied, meta);
    }
    serialise(dataset, meta, true)
}

fn serialise(dataset: &Dataset, meta: &FileMeta, escape_strings: bool) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        revision: meta.revision.as_ref(),
        modified: &meta.stamps,
        dataset,
    };
    let config = pretty_config().struct_names(false).escape_strings(escape_strings);
    // Every type in the model serialises (no maps with non-string keys, no NaN checks in
    // serde): a failure here is a bug, not bad input.
    ron::Options::default()
        .to_string_pretty(&envelope, config)
        .expect("the model always serialises to RON")
}

/// The pretty printer of every RON file the app writes (datasets, recovery copies' meta):
/// two-space indents and `\n` line ends on every system. ron's default ends lines with
/// `\r\n` on Windows, which would make a file saved there differ from Linux's in every line
/// (a file mailed back and forth would churn) and, `\r` being a control character, send
/// every save down the escaped path.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().indentor("  ").new_line("\n")
}

/// Characters that a text editor, a mail program or a diff would hide, move or mangle.
fn wants_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Reads the text of a file; `path` only names it in errors. See the module docs.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Dataset, LoadError> {
    from_ron_str_with_meta(text, path).map(|(dataset, _)| dataset)
}

/// [`from_ron_str`], with the file's revision and its records' times.
pub fn from_ron_str_with_meta(text: &str, path: &Path) -> Result<(Dataset, FileMeta), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::new(path, LoadErrorKind::Empty));
    }
    if let Some(at) = crate::model::first_control(text.as_bytes()) {
        let character = text[at..].chars().next().expect("a control character starts there");
        return Err(damaged(path, text, at, character));
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let parse_error = |err: ron::error::SpannedError| LoadError::new(path, parse_error_kind(err));
    let (mut dataset, meta) = match options.from_str::<Opened>(text) {
        Ok(Opened::Ours(dataset, meta)) => (*dataset, meta),
        Ok(Opened::NotOurs) => return Err(LoadError::new(path, LoadErrorKind::NotOurs)),
        Ok(Opened::OtherVersion(found)) => return Err(version_error(path, found)),
        Err(err) => {
            // Broken somewhere: if the envelope itself says "not ours" or another version,
            // that is the clearer message (a newer file may not parse as this version).
            match options.from_str::<Header>(text) {
                Ok(header) if header.format != FORMAT => {
                    return Err(LoadError::new(path, LoadErrorKind::NotOurs));
                }
                Ok(header) if header.version != VERSION => {
                    return Err(version_error(path, header.version));
                }
                // Nesting past the limit anywhere is the thing to say about such a file.
                Err(deep) if deep.code == ron::Error::ExceededRecursionLimit => {
                    return Err(parse_error(deep));
                }
                _ => {}
            }
            return Err(parse_error(err));
        }
    };
    // Written as an escape (`\u{0}`, by an earlier version): only a file with a backslash
    // can hold one, and only then are its texts walked.
    if memchr::memchr(b'\\', text.as_bytes()).is_some() && dataset.has_control() {
        let (at, character) = escaped_control(text).unwrap_or((0, '\0'));
        return Err(damaged(path, text, at, character));
    }
    dataset.normalize_loaded();
    let problems = dataset.validate();
    if !problems.is_empty() {
        return Err(LoadError::new(path, LoadErrorKind::Invalid(problems)));
    }
    Ok((dataset, meta))
}

/// The byte offset of the first escape sequence that stands for a forbidden control
/// character (`\0`, `\b`, `\f`, `\x1B`, `\u{0}`), and the character.
fn escaped_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let rest = &text[i + 1..];
        let value = match bytes[i + 1] {
            b'0' => Some(0),
            b'b' => Some(8),
            b'f' => Some(12),
            b'x' => rest.get(1..3).and_then(|hex| u32::from_str_radix(hex, 16).ok()),
            b'u' => rest
                .strip_prefix("u{")
                .and_then(|r| r.split_once('}'))
                .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok()),
            // `\\` is a backslash: skip both, so its second half isn't read as an escape.
            _ => None,
        };
        if let Some(c) = value.and_then(char::from_u32).filter(|&c| is_forbidden_control(c)) {
            return Some((i, c));
        }
        i += 2;
    }
    None
}

/// The error for `character`, found at byte `at` of `text`.
fn damaged(path: &Path, text: &str, at: usize, character: char) -> LoadError {
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = 1 + before[line_start..].chars().count();
    let backup = Some(backup_path(path)).filter(|b| b.is_file() && b != path);
    LoadError::new(path, LoadErrorKind::Damaged { line, column, character, backup })
}

fn version_error(path: &Path, found: u32) -> LoadError {
    if found > VERSION {
        LoadError::new(path, LoadErrorKind::NewerVersion { found })
    } else {
        // Version 1 is the first; migrations of later versions go here.
        LoadError::new(path, LoadErrorKind::OlderVersion { found })
    }
}

fn parse_error_kind(err: ron::error::SpannedError) -> LoadErrorKind {
    use ron::Error as E;
    let what = match err.code {
        E::Eof => ParseProblem::UnexpectedEnd,
        E::ExceededRecursionLimit => ParseProblem::TooDeep,
        // The parser names our private envelope type here; say it plainly instead.
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => ParseProblem::ExpectedOpening,
        E::MissingStructField { field, .. } => ParseProblem::MissingField(field.to_owned()),
        E::NoSuchStructField { ref found, .. } => ParseProblem::UnknownField(found.clone()),
        E::InvalidValueForType { .. }
        | E::ExpectedInteger
        | E::ExpectedFloat
        | E::ExpectedString
        | E::ExpectedBoolean
        | E::ExpectedOption
        | E::ExpectedArray
        | E::IntegerOutOfBounds
        | E::NoSuchEnumVariant { .. } => ParseProblem::WrongType(err.code.to_string()),
        ref other => ParseProblem::Syntax(other.to_string()),
    };
    LoadErrorKind::Parse { line: err.span.start.line, column: err.span.start.col, what }
}

/// Loads and validates a dataset file. Never writes. See the module docs for what it refuses.
pub fn load(path: &Path) -> Result<Dataset, LoadError> {
    load_with_meta(path).map(|(dataset, _)| dataset)
}

/// [`load`], with the file's revision and its records' times.
pub fn load_with_meta(path: &Path) -> Result<(Dataset, FileMeta), LoadError> {
    let bytes = read_bounded(path).map_err(|kind| LoadError::new(path, kind))?;
    from_bytes_with_meta(&bytes, path)
}

/// Loads and validates a dataset from a file's bytes; `path` only names it in errors.
/// What [`load`] does once the file is read (and what the fuzzer feeds).
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Dataset, LoadError> {
    from_bytes_with_meta(bytes, path).map(|(dataset, _)| dataset)
}

/// [`from_bytes`], with the file's revision and its records' times.
pub fn from_bytes_with_meta(bytes: &[u8], path: &Path) -> Result<(Dataset, FileMeta), LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let byte = err.valid_up_to();
        let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
        LoadError::new(path, LoadErrorKind::NotUtf8 { line, byte })
    })?;
    from_ron_str_with_meta(text, path)
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadErrorKind> {
    let io_kind = |err: io::Error| match err.kind() {
        io::ErrorKind::NotFound => LoadErrorKind::NotFound,
        io::ErrorKind::PermissionDenied => LoadErrorKind::PermissionDenied,
        io::ErrorKind::IsADirectory => LoadErrorKind::IsDirectory,
        _ => LoadErrorKind::Io(err),
    };
    let metadata = fs::metadata(path).map_err(io_kind)?;
    if metadata.is_dir() {
        return Err(LoadErrorKind::IsDirectory);
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadErrorKind::TooLarge { size: metadata.len() });
    }
    let file = fs::File::open(path).map_err(io_kind)?;
    // Read at most one byte past the limit: a file that grows after the check (or a
    // device that reports no size) is still refused without reading it all.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io_kind)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadErrorKind::TooLarge { size: bytes.len() as u64 });
    }
    Ok(bytes)
}

/// Where the previous version of `path` is kept: `NAME.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves atomically: temp file, fsync, previous file to `.bak`, rename. See the module docs.
pub fn save(path: &Path, dataset: &Dataset) -> Result<(), SaveError> {
    write(path, dataset, true)
}

/// Saves atomically like [`save`], keeping no `.bak` (for the app's own recovery copy).
pub fn save_without_backup(path: &Path, dataset: &Dataset) -> Result<(), SaveError> {
    write(path, dataset, false)
}

/// When and how big a file was: compared before saving over it, to notice that someone
/// else changed it meanwhile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskStamp {
    pub modified: Option<std::time::SystemTime>,
    pub len: u64,
}

/// The file's stamp now; `None` if it can't be read (gone, say).
pub fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let metadata = fs::metadata(path).ok()?;
    Some(DiskStamp { modified: metadata.modified().ok(), len: metadata.len() })
}

fn write(path: &Path, dataset: &Dataset, backup: bool) -> Result<(), SaveError> {
    write_atomically(path, to_ron_string(dataset).as_bytes(), backup)
}

/// Saves like [`save`], with the revision and the records' times in the file; returns the
/// bytes written (for the store of versions).
pub fn save_with_meta(
    path: &Path,
    dataset: &Dataset,
    meta: &FileMeta,
) -> Result<String, SaveError> {
    let text = to_ron_string_with_meta(dataset, meta);
    write_atomically(path, text.as_bytes(), true)?;
    Ok(text)
}

/// Writes `bytes` to `path` so that a crash or a full disk leaves either the old file or
/// the whole new one: temp file beside it, fsync, (with `backup`, the previous file to
/// `.bak`), rename, fsync of the folder. Exports use it too.
///
/// The temp file is locked while it is written, so the next save of the same file can tell
/// a temp file a killed save left behind (removed) from one another process is writing
/// (left alone).
pub fn write_atomically(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let error = |source: io::Error| SaveError { path: path.to_owned(), source };
    if path.is_dir() {
        return Err(error(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    remove_stale_temps(path);
    let temp = temp_path(path);
    let written = write_synced(&temp, bytes).and_then(|locked| {
        if backup && path.exists() {
            keep_backup(path)?;
        }
        crate::files::replace::replace(&temp, path)?;
        drop(locked);
        Ok(())
    });
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(error(err));
    }
    sync_folder(path);
    Ok(())
}

/// The temp file sits beside the target (so the rename stays on one file system) with a
/// name that can't clash with another process saving the same file: `.NAME.PID.tmp`.
fn temp_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Removes the temp files that saves of `path` killed mid-way left beside it (`.NAME.PID.tmp`
/// and the backup's `.NAME.bak.PID.tmp`): only names of that pattern, only when no live
/// process holds the file locked (nor, where the system says, runs under that PID).
fn remove_stale_temps(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .map(|rest| rest.strip_prefix("bak.").unwrap_or(rest))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || process_runs(pid) {
            continue;
        }
        let temp = entry.path();
        let Ok(file) = fs::File::options().write(true).open(&temp) else { continue };
        if file.try_lock().is_ok() {
            drop(file);
            let _ = fs::remove_file(&temp);
        }
    }
}

/// Whether a process with this id runs, where the system can say (Linux's /proc, Windows'
/// process table); elsewhere false, and the temp file's lock alone decides.
fn process_runs(pid: u32) -> bool {
    #[cfg(windows)]
    return crate::files::windows::process_runs(pid);
    #[cfg(not(windows))]
    {
        let proc = Path::new("/proc");
        proc.join("self").exists() && proc.join(pid.to_string()).exists()
    }
}

/// Writes `bytes` to a new file at `path`, synced, and returns it still open and locked.
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<fs::File> {
    let mut file = fs::File::create(path)?;
    // Not a failure where the file system has no locks: the lock only guards cleaning up.
    let _ = file.try_lock();
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(file)
}

/// Copies the current file to `.bak` through a temp file of its own, so a crash leaves
/// either the old backup or the new one, never half of one.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let backup_temp = temp_path(&backup);
    let copied = fs::read(path).and_then(|bytes| write_synced(&backup_temp, &bytes));
    if let Err(err) = copied.and_then(|locked| {
        crate::files::replace::replace(&backup_temp, &backup)?;
        drop(locked);
        Ok(())
    }) {
        let _ = fs::remove_file(&backup_temp);
        return Err(err);
    }
    Ok(())
}

/// Makes the rename itself durable where the OS allows syncing a folder. Windows cannot
/// flush a folder (FlushFileBuffers wants a file or a whole volume, the latter as
/// administrator); there the rename itself is written through to the disk before it returns
/// (`MoveFileExW` with `MOVEFILE_WRITE_THROUGH`, in [`crate::files::replace`]), which is the same
/// promise.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
        if let Ok(dir) = fs::File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::builtin;

    /// The built-in dataset with `texts` as directive texts.
    fn with_texts(texts: &[&str]) -> Dataset {
        let mut data = builtin::dataset();
        for (directive, text) in data.directives.iter_mut().zip(texts) {
            directive.text = (*text).to_owned();
        }
        data
    }

    #[test]
    fn texts_are_written_as_they_are_and_read_back_the_same() {
        let texts = [
            "Rà soát \"quy hoạch\" mỏ đá",
            r#"đường dẫn C:\dữ liệu\"#,
            "có \"# và \"## trong câu",
            "hai dòng\nghi chú\tcó tab",
            "\u{301}dấu đứng đầu, 🏭 và “ngoặc kép”",
        ];
        let data = with_texts(&texts);
        let text = to_ron_string(&data);
        assert!(text.contains("hai dòng\nghi chú\tcó tab"), "written as is");
        assert!(text.contains(r####"r###"có "# và "## trong câu"###"####), "a raw string");
        let back = from_ron_str(&text, Path::new("t.ron")).unwrap();
        for (directive, text) in back.directives.iter().zip(texts) {
            let mut expected = text.to_owned();
            crate::model::tidy(&mut expected);
            assert_eq!(directive.text, expected);
        }
    }

    /// A file must be the same bytes on every system (ron's default line end is `\r\n` on
    /// Windows); scripts/windows/test.sh compares the Windows build's save with Linux's too.
    #[test]
    fn a_saved_file_ends_its_lines_with_lf_only_and_takes_the_raw_path() {
        assert_eq!(pretty_config().new_line, "\n");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Báo cáo.ron");
        let data = with_texts(&["Rà soát \"quy hoạch\" mỏ đá", "hai dòng\nghi chú"]);
        save(&path, &data).unwrap();
        let bytes = fs::read(&path).unwrap();
        assert!(!bytes.contains(&b'\r'), "no carriage return anywhere in the file");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.lines().count() > 50, "pretty-printed, one field a line");
        // The fast path writes texts as they are: a raw string for the quotes, the line
        // break as a line break; the escaped path would write \" and \n.
        assert!(text.contains(r####"r#"Rà soát "quy hoạch" mỏ đá"#"####), "raw string");
        assert!(text.contains("hai dòng\nghi chú"));
        assert!(!text.contains("\\\""), "nothing escaped");
        // The recovery copies' meta files use the same printer.
        let meta = ron::ser::to_string_pretty(&("a", vec![1, 2]), pretty_config()).unwrap();
        assert!(!meta.contains('\r') && meta.contains('\n'));
    }

    #[test]
    fn texts_with_hidden_characters_make_the_file_escaped() {
        for hidden in ["đảo\u{202E}chiều", "bom\u{FEFF}", "rộng\u{200B}không"] {
            let data = with_texts(&[hidden]);
            let text = to_ron_string(&data);
            assert!(!text.contains(hidden), "{hidden:?} escaped");
            let back = from_ron_str(&text, Path::new("t.ron")).unwrap();
            assert_eq!(back.directives[0].text, hidden);
        }
    }

    #[test]
    fn a_save_never_writes_a_control_character() {
        for (damaged, tidy) in [("nul\u{0}", "nul"), ("chuông\u{7}", "chuông"), ("c1\u{85}", "c1")]
        {
            let text = to_ron_string(&with_texts(&[damaged]));
            assert!(!text.chars().any(is_forbidden_control), "{damaged:?}");
            let back = from_ron_str(&text, Path::new("t.ron")).unwrap();
            assert_eq!(back.directives[0].text, tidy);
        }
    }

    /// The built-in file with `from` replaced by `to` once.
    fn damaged_text(from: &str, to: &str) -> String {
        let good = to_ron_string(&builtin::dataset());
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    }

    #[test]
    fn control_characters_in_a_file_are_refused_where_they_are() {
        let nul = damaged_text("Rà soát lại các mỏ đá", "Rà soát lại các\0 mỏ đá");
        let line = 1 + nul[..nul.find('\0').unwrap()].matches('\n').count();
        let column = 1 + nul
            .lines()
            .nth(line - 1)
            .unwrap()
            .find('\0')
            .map(|b| nul.lines().nth(line - 1).unwrap()[..b].chars().count())
            .unwrap();
        for (text, character) in [
            (nul.clone(), '\0'),
            (damaged_text("Rà soát lại các mỏ đá", "Rà soát lại các\u{1b} mỏ đá"), '\u{1b}'),
            (damaged_text("Rà soát lại các mỏ đá", "Rà soát lại các\u{9b} mỏ đá"), '\u{9b}'),
        ] {
            let err = from_ron_str(&text, Path::new("hong.ron")).unwrap_err();
            match &err.kind {
                LoadErrorKind::Damaged { line: l, column: c, character: found, backup: None } => {
                    assert_eq!((*l, *c, *found), (line, column, character));
                }
                other => panic!("{other:?}"),
            }
            let message = err.describe(Lang::Vi);
            assert!(message.contains("tệp có thể đã bị hỏng"), "{message}");
            assert!(message.contains(&format!("dòng {line}, cột {column}")), "{message}");
        }
    }

    #[test]
    fn an_escaped_control_character_is_refused_too() {
        // Written by an earlier version, which escaped such characters instead.
        let text = damaged_text("\"Rà soát lại các mỏ đá\"", "\"Rà soát lại các\\u{0} mỏ đá\"");
        let err = from_ron_str(&text, Path::new("cu.ron")).unwrap_err();
        let at = text.find("\\u{0}").unwrap();
        let line = 1 + text[..at].matches('\n').count();
        assert!(
            matches!(err.kind, LoadErrorKind::Damaged { line: l, character: '\0', .. } if l == line),
            "{:?}",
            err.kind
        );
    }

    #[test]
    fn a_damaged_file_names_its_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        save(&path, &builtin::dataset()).unwrap();
        save(&path, &builtin::dataset()).unwrap();
        fs::write(&path, damaged_text("Rà soát lại các mỏ đá", "Rà soát\0\0\0")).unwrap();
        let message = load(&path).unwrap_err().describe(Lang::En);
        assert!(message.contains("may be damaged"), "{message}");
        assert!(message.contains(&backup_path(&path).display().to_string()), "{message}");
    }

    #[test]
    fn a_temp_file_left_by_a_killed_save_goes_at_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        // PIDs far above any Linux's pid_max: no process runs under them.
        let stale = dir.path().join(".data.ron.4999999.tmp");
        let stale_backup = dir.path().join(".data.ron.bak.4999998.tmp");
        let someone_elses = dir.path().join(".other.ron.4999997.tmp");
        let not_ours = dir.path().join(".data.ron.note.tmp");
        for file in [&stale, &stale_backup, &someone_elses, &not_ours] {
            fs::write(file, "half a file").unwrap();
        }
        // One a live save holds locked.
        let live = dir.path().join(".data.ron.4999996.tmp");
        let held = fs::File::create(&live).unwrap();
        held.lock().unwrap();
        save(&path, &builtin::dataset()).unwrap();
        assert!(!stale.exists() && !stale_backup.exists(), "left by killed saves: removed");
        assert!(someone_elses.exists(), "another file's temp is not ours to remove");
        assert!(not_ours.exists(), "not our name pattern");
        assert!(live.exists(), "a locked temp belongs to a save still running");
        drop(held);
    }

    #[test]
    fn round_trip_gives_an_equal_dataset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        let original = builtin::dataset();
        save(&path, &original).unwrap();
        assert_eq!(load(&path).unwrap(), original);
        assert!(!backup_path(&path).exists(), "nothing to back up on the first save");
    }

    #[test]
    fn saving_again_keeps_the_previous_file_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.ron");
        let first = builtin::dataset();
        save(&path, &first).unwrap();
        let first_bytes = fs::read(&path).unwrap();
        let mut second = first.clone();
        second.province = "Cao Bằng".into();
        save(&path, &second).unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), first_bytes);
        assert_eq!(load(&path).unwrap(), second);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temp files left behind: {leftovers:?}");
    }

    #[test]
    fn the_file_starts_with_the_envelope() {
        let text = to_ron_string(&builtin::dataset());
        assert!(text.starts_with("(\n  format: \"industry-desk\",\n  version: 1,\n  dataset: ("));
        assert!(text.contains("Điện thương phẩm"), "Vietnamese stays readable, not escaped");
    }

    #[test]
    fn a_bom_is_accepted() {
        let text = format!("\u{feff}{}", to_ron_string(&builtin::dataset()));
        assert!(from_ron_str(&text, Path::new("bom.ron")).is_ok());
    }

    #[test]
    fn newer_version_is_named() {
        let text = to_ron_string(&builtin::dataset()).replace("version: 1,", "version: 7,");
        let err = from_ron_str(&text, Path::new("new.ron")).unwrap_err();
        assert!(matches!(err.kind, LoadErrorKind::NewerVersion { found: 7 }));
        assert!(err.describe(Lang::Vi).contains("phiên bản mới hơn"));
    }

    #[test]
    fn deep_nesting_is_refused_with_a_position() {
        let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        // Where the parser skips a value it does not know, depth is still bounded.
        let text = format!("(format: \"industry-desk\", version: 1,\nextra: {nested})");
        let err = from_ron_str(&text, Path::new("deep.ron")).unwrap_err();
        match err.kind {
            LoadErrorKind::Parse { what: ParseProblem::TooDeep, line: 2, .. } => {}
            other => panic!("{other:?}"),
        }
    }
}
