//! The text layer of a PDF, by pdf-extract. A scanned notice has no text layer: it is
//! said so, rather than read as an empty notice. An encrypted one is said to be encrypted.
//!
//! pdf-extract panics on some malformed files; it runs on its own thread, whose panic is
//! caught at the join and reported as a damaged file (and kept off the terminal).

use std::sync::Once;

use unicode_normalization::UnicodeNormalization;

use super::error::IntakeError;

/// The name of the thread that reads a PDF: its panics are expected and not printed.
const THREAD: &str = "industry-desk-pdf-text";

/// Fewer letters than this a page, on average, is a scan (a page of a notice has a
/// thousand or more).
const LETTERS_A_PAGE: usize = 20;

/// The text of the PDF in `bytes`, pages one after the other.
pub fn text(bytes: &[u8]) -> Result<String, IntakeError> {
    quiet_panics_of_this_thread();
    let owned = bytes.to_vec();
    let handle = std::thread::Builder::new()
        .name(THREAD.to_owned())
        .spawn(move || pdf_extract::extract_text_from_mem_by_pages(&owned))
        .map_err(|e| IntakeError::PdfDamaged(e.to_string()))?;
    let pages = match handle.join() {
        Ok(Ok(pages)) => pages,
        Ok(Err(pdf_extract::OutputError::PdfError(pdf_extract::Error::Decryption(_)))) => {
            return Err(IntakeError::PdfEncrypted);
        }
        Ok(Err(error)) => return Err(IntakeError::PdfDamaged(error.to_string())),
        Err(_) => return Err(IntakeError::PdfDamaged("unreadable content".to_owned())),
    };
    let text: String = pages.join("\n").nfc().collect();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < LETTERS_A_PAGE * pages.len().max(1) {
        return Err(IntakeError::PdfNoText { pages: pages.len() });
    }
    // pdf-extract puts a blank line between some lines; a notice's paragraphs are found
    // again from the lines themselves.
    Ok(text.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n"))
}

/// Keeps the PDF thread's panics off the terminal; every other panic is printed as before.
fn quiet_panics_of_this_thread() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD) {
                previous(info);
            }
        }));
    });
}
