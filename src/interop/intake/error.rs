//! Why a notice could not be read, and the message that says so to the official. Below
//! the readers of each kind of file (`source`, `docx`, `pdf`), which all report through it.

use crate::i18n::{Lang, fill};

/// Why a notice could not be read. Nothing was read.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the text is {bytes} bytes, more than {limit}")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("the text is empty")]
    Empty,
    #[error("not text: {0}")]
    Binary(&'static str),
    #[error("not UTF-8 text (line {line})")]
    NotUtf8 { line: usize },
    #[error("not a Word file (.docx)")]
    NotDocx,
    #[error("an old Word file (.doc)")]
    OldWord,
    #[error("the Word file unpacks to more than {limit} bytes")]
    DocxTooLarge { limit: u64 },
    #[error("the Word file is damaged: {0}")]
    DocxDamaged(String),
    #[error("the PDF is encrypted")]
    PdfEncrypted,
    #[error("the PDF has no text layer ({pages} pages)")]
    PdfNoText { pages: usize },
    #[error("the PDF is damaged: {0}")]
    PdfDamaged(String),
    #[error("not a notice file: {0}")]
    UnknownKind(String),
}

impl IntakeError {
    /// The message for the official: what is wrong and what to do instead.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.strings().intake;
        match self {
            IntakeError::Unreadable(error) => fill(&t.error_unreadable, &[("error", error)]),
            IntakeError::TooLarge { bytes, limit } => fill(
                &t.error_too_large,
                &[("size", &megabytes(*bytes)), ("limit", &megabytes(*limit))],
            ),
            IntakeError::Empty => t.error_empty.clone(),
            IntakeError::Binary(kind) => fill(&t.error_binary, &[("kind", kind)]),
            IntakeError::NotUtf8 { line } => fill(&t.error_not_utf8, &[("line", line)]),
            IntakeError::NotDocx => t.error_not_docx.clone(),
            IntakeError::OldWord => t.error_old_word.clone(),
            IntakeError::DocxTooLarge { limit } => {
                fill(&t.error_docx_too_large, &[("limit", &megabytes(*limit))])
            }
            IntakeError::DocxDamaged(error) => fill(&t.error_docx_damaged, &[("error", error)]),
            IntakeError::PdfEncrypted => t.error_pdf_encrypted.clone(),
            IntakeError::PdfNoText { pages } => fill(&t.error_pdf_scanned, &[("pages", pages)]),
            IntakeError::PdfDamaged(error) => fill(&t.error_pdf_damaged, &[("error", error)]),
            IntakeError::UnknownKind(kind) => fill(&t.error_unknown_kind, &[("kind", kind)]),
        }
    }
}

/// Bytes as megabytes with one decimal: "50,0 MB".
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{mb:.1} MB").replace('.', ",")
}
