//! The checklist's search as officials mean it: each word of the query matches a whole word
//! or the beginning of one ("mo" finds "mỏ", never the "mo" inside "lắmo"), all of them
//! within one field of a directive (its text, one unit's name, one progress note), and a
//! run of words found side by side as a phrase comes first: while any directive holds the
//! phrase, those found with the words apart are left out (see `followup::shown`).
//!
//! It works on folded text ([`crate::model::fold::fold`]): a directive's fields folded and
//! joined by [`FIELD_SEPARATOR`] (what the search index keeps), so a keystroke compares
//! bytes only. [`highlights`] finds the same words in the text as written, to mark them.

use std::ops::Range;

use memchr::memmem::Finder;

use crate::model::fold::fold;

/// Between two fields of a directive's folded search text: a control character no field
/// keeps (the index replaces any it finds by a space), so no match runs across two fields.
pub const FIELD_SEPARATOR: char = '\u{1F}';

/// How strongly a field matched a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Every word of the query begins a word of the field.
    Words,
    /// The query's words follow one another in the field, as typed (the last may still be
    /// a beginning: the official is typing it).
    Phrase,
}

/// Where and how a directive's search text matched: the field (its number among the
/// fields joined in the index) and the strength. Of several fields, the strongest, then the
/// first, is the one told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub field: usize,
    pub strength: Strength,
}

/// A query typed into the search box, folded and split into words, each with a prepared
/// searcher (SIMD memmem: a keystroke scans every directive's text, megabytes for a
/// province's file).
#[derive(Debug)]
pub struct Query {
    words: Vec<Finder<'static>>,
}

impl Query {
    /// The query of `text` as typed (any case, with or without diacritics).
    pub fn new(text: &str) -> Query {
        let folded = fold(text);
        let words = folded
            .split_whitespace()
            .map(|word| Finder::new(word.as_bytes()).into_owned())
            .collect();
        Query { words }
    }

    /// Whether the query has no word (it keeps everything).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How the folded fields `entry` (joined by [`FIELD_SEPARATOR`]) match the query; `None`
    /// when no single field holds all its words. An empty query matches field 0 as words.
    pub fn find(&self, entry: &str) -> Option<Found> {
        let bytes = entry.as_bytes();
        if self.words.is_empty() {
            return Some(Found { field: 0, strength: Strength::Words });
        }
        // Most directives lack a word altogether: one scan of the whole entry tells.
        if !self.words.iter().all(|word| word.find(bytes).is_some()) {
            return None;
        }
        let mut best: Option<Found> = None;
        for (number, field) in entry.split(FIELD_SEPARATOR).enumerate() {
            let Some(strength) = self.strength_in(field.as_bytes()) else { continue };
            if best.is_none_or(|b| strength > b.strength) {
                best = Some(Found { field: number, strength });
                if strength == Strength::Phrase {
                    break;
                }
            }
        }
        best
    }

    /// How one folded field matches, if it holds every word at a word's beginning.
    fn strength_in(&self, field: &[u8]) -> Option<Strength> {
        if !self.words.iter().all(|word| starts_a_word_in(word, field)) {
            return None;
        }
        Some(if self.is_phrase_in(field) { Strength::Phrase } else { Strength::Words })
    }

    /// Whether the words follow one another in `field`, each but the last a whole word,
    /// with only spaces or punctuation between them.
    fn is_phrase_in(&self, field: &[u8]) -> bool {
        let (first, rest) = self.words.split_first().expect("a query with words");
        'start: for at in first.find_iter(field) {
            if !is_word_start(field, at) {
                continue;
            }
            let mut end = at + first.needle().len();
            for word in rest {
                if !is_word_end(field, end) {
                    continue 'start;
                }
                let next = skip_separators(field, end);
                if !field[next..].starts_with(word.needle()) {
                    continue 'start;
                }
                end = next + word.needle().len();
            }
            return true;
        }
        false
    }
}

/// Whether `word` occurs in `field` at the beginning of a word.
fn starts_a_word_in(word: &Finder<'_>, field: &[u8]) -> bool {
    word.find_iter(field).any(|at| is_word_start(field, at))
}

/// Whether a byte of folded text is part of a word. Folded Vietnamese is ASCII; any other
/// byte (of a letter folding left as it was: Chinese, Greek …) counts as a letter too.
fn is_word_byte(byte: u8) -> bool {
    !byte.is_ascii() || byte.is_ascii_alphanumeric()
}

fn is_word_start(text: &[u8], at: usize) -> bool {
    at == 0 || !is_word_byte(text[at - 1])
}

fn is_word_end(text: &[u8], at: usize) -> bool {
    at == text.len() || !is_word_byte(text[at])
}

/// The first word byte from `at` on (or the end).
fn skip_separators(text: &[u8], at: usize) -> usize {
    text[at..].iter().position(|&b| is_word_byte(b)).map_or(text.len(), |skip| at + skip)
}

/// The byte ranges of `text` (as written, with diacritics) that a word of `query` begins:
/// what the row marks so the official sees why it was found. Each range covers as many of
/// the word's letters as the query word has, folded ("mo" marks "mỏ" of "mỏ đá").
pub fn highlights(text: &str, query: &str) -> Vec<Range<usize>> {
    let folded_query = fold(query);
    // A query word's own punctuation ("15/12") splits it as the text's words are split.
    let words: Vec<&str> = folded_query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut ranges = Vec::new();
    let mut word_start = None;
    let chars = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    for (at, c) in chars {
        match (word_start, c.is_alphanumeric()) {
            (None, true) => word_start = Some(at),
            (Some(start), false) => {
                word_start = None;
                let word = &text[start..at];
                let folded = fold(word);
                let longest = words.iter().filter(|q| folded.starts_with(**q)).map(|q| q.len());
                if let Some(len) = longest.max() {
                    ranges.push(start..start + written_length(word, len));
                }
            }
            _ => {}
        }
    }
    ranges
}

/// How many bytes of `word` as written fold to its first `folded_len` folded bytes.
fn written_length(word: &str, folded_len: usize) -> usize {
    let mut folded = 0;
    for (at, c) in word.char_indices() {
        if folded >= folded_len {
            return at;
        }
        folded += fold(c.encode_utf8(&mut [0; 4])).len();
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fields: &[&str]) -> String {
        fields.iter().map(|f| fold(f)).collect::<Vec<_>>().join(&FIELD_SEPARATOR.to_string())
    }

    #[test]
    fn words_match_at_word_beginnings_only() {
        let query = Query::new("mo da");
        assert_eq!(
            query.find(&entry(&["Rà soát lại các mỏ đá"])),
            Some(Found { field: 0, strength: Strength::Phrase })
        );
        // "mo" and "da" inside words ("Hmong", "Ada") are no match.
        assert_eq!(query.find(&entry(&["người Hmong ở Ada"])), None);
        assert!(Query::new("soa").find(&entry(&["Rà soát"])).is_some());
        assert!(Query::new("oat").find(&entry(&["Rà soát"])).is_none());
    }

    #[test]
    fn all_words_must_be_in_one_field() {
        // "môi" in the text, "đang" in a unit's name: the rows 9 and 10 of the built-in file
        // that "mo da" found before.
        let split = entry(&["bảo vệ môi trường", "Các doanh nghiệp đang sản xuất"]);
        assert_eq!(Query::new("mo da").find(&split), None);
        let together = entry(&["bảo vệ môi trường", "môi trường đang tốt"]);
        assert_eq!(
            Query::new("moi truong dang").find(&together),
            Some(Found { field: 1, strength: Strength::Phrase })
        );
    }

    #[test]
    fn a_phrase_ranks_before_words_apart_and_is_told_first() {
        let fields = entry(&["mỏ nhỏ, đá lớn", "các mỏ đá vôi"]);
        assert_eq!(
            Query::new("mo da").find(&fields),
            Some(Found { field: 1, strength: Strength::Phrase })
        );
        assert_eq!(
            Query::new("da mo").find(&fields),
            Some(Found { field: 0, strength: Strength::Words })
        );
        // Punctuation between the words still makes a phrase; a word cut short does not.
        assert_eq!(
            Query::new("cum khu").find(&entry(&["các cụm, khu công nghiệp"])).map(|f| f.strength),
            Some(Strength::Phrase)
        );
        assert_eq!(
            Query::new("cu khu").find(&entry(&["các cụm, khu công nghiệp"])).map(|f| f.strength),
            Some(Strength::Words)
        );
    }

    #[test]
    fn highlights_mark_the_written_letters() {
        let text = "Rà soát lại các mỏ đá";
        let marked: Vec<&str> = highlights(text, "mo da").into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["mỏ", "đá"]);
        let marked: Vec<&str> = highlights(text, "soa").into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["soá"]);
        assert!(highlights(text, "oat").is_empty());
        assert!(highlights(text, "  ").is_empty());
    }
}
