//! A clause cut into words and punctuation marks, each knowing where it stands in the
//! clause, how it is written, its lower case (to tell a verb from the same word capitalised
//! in a name) and its folded form (to match names however they were accented).

use crate::model::followup::fold;

/// One word or punctuation mark of a clause.
#[derive(Clone, Debug)]
pub struct Word<'t> {
    /// As written.
    pub text: &'t str,
    /// Lower case, accents kept: "chủ trì" must not match "chữ trí".
    pub lower: String,
    /// Lower case, accents dropped, đ as d: for matching names and short forms.
    pub folded: String,
    /// Byte span in the clause.
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    /// Whether this is the punctuation mark `mark`.
    pub fn is(&self, mark: &str) -> bool {
        self.text == mark
    }

    /// Whether it is a punctuation mark (a one-character token that is no letter or digit).
    pub fn is_mark(&self) -> bool {
        let mut chars = self.text.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_alphanumeric())
    }

    /// Whether it begins with a capital letter (or a digit-free acronym like "UBND").
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether it is written in lower case (a verb, an adverb, a common noun).
    pub fn lowercase(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// Whether it is all digits.
    pub fn is_number(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(|c| c.is_ascii_digit())
    }
}

/// Marks peeled off the front of a whitespace-separated chunk.
const LEADING: &[char] = &['(', '"', '“', '‘', '[', '«'];
/// Marks peeled off its end.
const TRAILING: &[char] = &[',', ';', '.', ':', ')', '"', '”', '’', ']', '»', '!', '?'];

/// The words and marks of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), chunk_start) {
            (true, Some(start)) => {
                split_chunk(text, start, i, &mut out);
                chunk_start = None;
            }
            (false, None) => chunk_start = Some(i),
            _ => {}
        }
    }
    out
}

/// Splits one chunk: leading marks, the word, trailing marks (in their order).
fn split_chunk<'t>(text: &'t str, start: usize, end: usize, out: &mut Vec<Word<'t>>) {
    let mut start = start;
    let mut end = end;
    while let Some(c) = text[start..end].chars().next().filter(|c| LEADING.contains(c)) {
        push(text, start, start + c.len_utf8(), out);
        start += c.len_utf8();
    }
    let mut trailing = Vec::new();
    while start < end {
        let c = text[start..end].chars().next_back().unwrap_or(' ');
        if !TRAILING.contains(&c) {
            break;
        }
        trailing.push((end - c.len_utf8(), end));
        end -= c.len_utf8();
    }
    if start < end {
        push(text, start, end, out);
    }
    for (s, e) in trailing.into_iter().rev() {
        push(text, s, e, out);
    }
}

fn push<'t>(text: &'t str, start: usize, end: usize, out: &mut Vec<Word<'t>>) {
    let word = &text[start..end];
    // A lone dash between words ("Đồng Đăng - Lạng Sơn") is a mark; a hyphen inside a word
    // ("LĐ-TB&XH") stays in it.
    let word = if matches!(word, "–" | "—" | "−") { "-" } else { word };
    out.push(Word {
        text: &text[start..end],
        lower: word.to_lowercase(),
        folded: fold(word),
        start,
        end,
    });
}

/// Whether the words from `at` on are `phrase` (lower case, accents kept, one word a
/// space).
pub fn lower_at(words: &[Word], at: usize, phrase: &str) -> bool {
    let mut i = at;
    for part in phrase.split(' ') {
        match words.get(i) {
            Some(word) if word.lower == part => i += 1,
            _ => return false,
        }
    }
    true
}

/// Whether the words from `at` on fold to `phrase` (folded, one word a space).
pub fn folded_at(words: &[Word], at: usize, phrase: &str) -> bool {
    let mut i = at;
    for part in phrase.split(' ') {
        match words.get(i) {
            Some(word) if word.folded == part => i += 1,
            _ => return false,
        }
    }
    true
}

/// The number of words of `phrase`.
pub fn length(phrase: &str) -> usize {
    phrase.split(' ').count()
}

/// The text of `text` from word `from` to before word `to`.
pub fn span<'t>(text: &'t str, words: &[Word], from: usize, to: usize) -> &'t str {
    match (words.get(from), to.checked_sub(1).and_then(|last| words.get(last))) {
        (Some(first), Some(last)) if from < to => &text[first.start..last.end],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| w.text).collect()
    }

    #[test]
    fn marks_come_off_the_ends_of_words_but_not_their_middles() {
        assert_eq!(
            texts("phối hợp với Sở KH&ĐT, Sở LĐ-TB&XH (qua Sở CT) trước ngày 30/9/2019."),
            [
                "phối",
                "hợp",
                "với",
                "Sở",
                "KH&ĐT",
                ",",
                "Sở",
                "LĐ-TB&XH",
                "(",
                "qua",
                "Sở",
                "CT",
                ")",
                "trước",
                "ngày",
                "30/9/2019",
                "."
            ]
        );
    }

    #[test]
    fn a_lone_dash_is_a_mark_and_folds_like_a_hyphen() {
        let words = words("Đồng Đăng – Lạng Sơn");
        assert!(words[2].is_mark());
        assert_eq!(words[2].lower, "-");
        assert!(folded_at(&words, 0, "dong dang"));
        assert!(lower_at(&words, 3, "lạng sơn"));
        assert!(!lower_at(&words, 3, "lang son"));
    }
}
