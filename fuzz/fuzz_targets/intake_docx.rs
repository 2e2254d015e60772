//! Any bytes as a Word file of a notice: refused with a message that says what the file is
//! (not a .docx, too large unpacked, damaged), or its text read and that text read as a
//! notice. Never a panic, a hang or unbounded memory (a zip that unpacks to gigabytes is
//! refused on its declared size).
#![no_main]

use industry_desk::files::builtin;
use industry_desk::i18n::Lang;
use industry_desk::interop::intake;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Only zips: the reader sends a PDF's bytes to pdf-extract, whose panics on damaged
    // files are caught on their own thread (which libFuzzer would count as crashes).
    let head = &bytes[..bytes.len().min(1024)];
    if !bytes.starts_with(b"PK") || head.windows(5).any(|w| w == b"%PDF-") {
        return;
    }
    match intake::source::read_bytes(bytes, Some("docx")) {
        Ok(text) => {
            let _ = intake::read(&text, &builtin::dataset());
        }
        Err(err) => {
            assert!(!err.describe(Lang::Vi).is_empty());
            assert!(!err.describe(Lang::En).is_empty());
        }
    }
});
