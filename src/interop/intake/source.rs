//! A notice's text from what the official has: a `.txt`, a `.docx`, a PDF with a text
//! layer, or text pasted into the window. What is not a notice — an empty or binary file,
//! a paste of 50 MB, a `.docx` that is not one or unpacks to gigabytes, an encrypted or
//! scanned PDF — is refused with a message saying what it is, and nothing is read.
//!
//! The kind is told from the file's first bytes, not its name: a PDF renamed `.txt` still
//! reads, and a text renamed `.docx` is said to be no Word file.

use std::path::Path;

pub use super::error::{IntakeError, megabytes};

/// The most text a notice may hold: a twenty-page notice is some 60 KB.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// The largest file read: Word files with pictures and PDFs run to a few MB.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// What a file's first bytes say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Docx,
    OldWord,
    Pdf,
    /// A picture, a spreadsheet's zip that is no Word file, an archive.
    Other(&'static str),
}

fn kind_of(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"%PDF-")
        || bytes.get(..1024).is_some_and(|head| memchr::memmem::find(head, b"%PDF-").is_some())
    {
        Kind::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Kind::Docx
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::OldWord
    } else if bytes.starts_with(b"\x89PNG") {
        Kind::Other("PNG")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Kind::Other("JPEG")
    } else if bytes.starts_with(b"\x1F\x8B") {
        Kind::Other("gzip")
    } else if bytes.starts_with(b"Rar!") || bytes.starts_with(b"7z\xBC\xAF") {
        Kind::Other("archive")
    } else {
        Kind::Text
    }
}

/// The notice's text from the file at `path`.
pub fn read_file(path: &Path) -> Result<String, IntakeError> {
    let size = std::fs::metadata(path).map_err(|e| IntakeError::Unreadable(e.to_string()))?.len();
    if size > MAX_FILE_BYTES {
        return Err(IntakeError::TooLarge { bytes: size, limit: MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(|e| IntakeError::Unreadable(e.to_string()))?;
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    read_bytes(&bytes, extension.as_deref())
}

/// The notice's text from a file's bytes; `extension` (lower case) as the file was named.
pub fn read_bytes(bytes: &[u8], extension: Option<&str>) -> Result<String, IntakeError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IntakeError::TooLarge { bytes: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    let text = match kind_of(bytes) {
        Kind::Pdf => super::pdf::text(bytes)?,
        Kind::Docx => super::docx::text(bytes)?,
        Kind::OldWord => return Err(IntakeError::OldWord),
        Kind::Other(kind) => return Err(IntakeError::UnknownKind(kind.to_owned())),
        Kind::Text => match extension {
            Some("docx") => return Err(IntakeError::NotDocx),
            Some("pdf") => return Err(IntakeError::PdfDamaged("no PDF header".to_owned())),
            _ => decode(bytes)?,
        },
    };
    check_text(&text)?;
    Ok(text)
}

/// Refuses a text that is empty, too large, or holds binary data.
pub fn check_text(text: &str) -> Result<(), IntakeError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(IntakeError::TooLarge {
            bytes: text.len() as u64,
            limit: MAX_TEXT_BYTES as u64,
        });
    }
    if text.contains('\0') {
        return Err(IntakeError::Binary("NUL"));
    }
    // Control characters other than line ends and tabs are the mark of a binary file.
    let controls = text.chars().filter(|c| crate::model::is_forbidden_control(*c)).count();
    if controls * 100 > text.chars().count().max(1) {
        return Err(IntakeError::Binary("control characters"));
    }
    if text.trim().is_empty() {
        return Err(IntakeError::Empty);
    }
    Ok(())
}

/// Text bytes as UTF-8 (a byte-order mark dropped) or UTF-16 with its mark.
fn decode(bytes: &[u8]) -> Result<String, IntakeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    let utf16 = |little: bool, rest: &[u8]| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| IntakeError::Binary("UTF-16"))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(false, rest);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, IntakeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            if bytes.contains(&0) {
                return Err(IntakeError::Binary("NUL"));
            }
            let line = 1 + bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            Err(IntakeError::NotUtf8 { line })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_with_or_without_a_byte_order_mark_and_in_utf16() {
        assert_eq!(read_bytes("Số: 1/TB".as_bytes(), Some("txt")).unwrap(), "Số: 1/TB");
        assert_eq!(read_bytes(b"\xEF\xBB\xBFabc", None).unwrap(), "abc");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Sở".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read_bytes(&utf16, None).unwrap(), "Sở");
    }

    #[test]
    fn what_is_no_notice_is_refused_for_what_it_is() {
        assert!(matches!(read_bytes(b"   \n\n", None), Err(IntakeError::Empty)));
        assert!(matches!(read_bytes(b"ab\0\0cd", None), Err(IntakeError::Binary(_))));
        assert!(matches!(
            read_bytes(b"caf\xE9\nline", None),
            Err(IntakeError::NotUtf8 { line: 1 })
        ));
        assert!(matches!(read_bytes(b"just text", Some("docx")), Err(IntakeError::NotDocx)));
        assert!(matches!(
            read_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", Some("doc")),
            Err(IntakeError::OldWord)
        ));
        assert!(matches!(read_bytes(b"\x89PNG\r\n", None), Err(IntakeError::UnknownKind(_))));
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        assert!(matches!(check_text(&big), Err(IntakeError::TooLarge { .. })));
    }
}
