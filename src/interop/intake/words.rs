//! A clause cut into words and punctuation marks, each knowing where it stands in the
//! clause, how it is written, its lower case (to tell a verb from the same word capitalised
//! in a name) and its folded form (to match names however they were accented).

use std::sync::OnceLock;

use smol_str::SmolStr;

use crate::model::fold::fold_into;

/// One word or punctuation mark of a clause.
#[derive(Clone, Debug)]
pub struct Word<'t> {
    /// As written.
    pub text: &'t str,
    /// Byte span in the clause.
    pub start: usize,
    pub end: usize,
    /// Its lower case and folded forms where they differ from how it is written; `None`
    /// for marks and ASCII words in lower case, most of a long paste. A paste of 1 MB can
    /// be a million words, and two strings each (with a Word of 80 bytes) were most of the
    /// reader's time on one of brackets: memory allocated and faulted in page by page.
    spelled: Option<Box<Spelled>>,
}

/// A word's forms, when they are not the word as written. Each only where it differs
/// (most Vietnamese words are written in lower case; an ASCII word folds to its lower
/// case), each inline up to 23 bytes (nearly every word of a notice; a longer one is
/// allocated): a mark or an ASCII word in lower case costs no allocation, another word
/// one (the box).
#[derive(Clone, Debug)]
struct Spelled {
    /// `None`: as written.
    lower: Option<SmolStr>,
    /// `None`: as `lower`.
    folded: Option<SmolStr>,
}

impl Word<'_> {
    /// Lower case, accents kept: "chủ trì" must not match "chữ trí".
    pub fn lower(&self) -> &str {
        match &self.spelled {
            Some(spelled) => spelled.lower.as_deref().unwrap_or(self.text),
            None => self.text,
        }
    }

    /// Lower case, accents dropped, đ as d: for matching names and short forms.
    pub fn folded(&self) -> &str {
        match &self.spelled {
            Some(spelled) => spelled.folded.as_deref().unwrap_or_else(|| self.lower()),
            None => self.text,
        }
    }

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
    let mut scratch = Scratch::default();
    let mut chunk_start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), chunk_start) {
            (true, Some(start)) => {
                split_chunk(text, start, i, &mut out, &mut scratch);
                chunk_start = None;
            }
            (false, None) => chunk_start = Some(i),
            _ => {}
        }
    }
    out
}

/// Strings a word's forms are made in, reused from word to word.
#[derive(Default)]
struct Scratch {
    lower: String,
    folded: String,
}

/// Splits one chunk: leading marks, the word, trailing marks (in their order).
fn split_chunk<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    out: &mut Vec<Word<'t>>,
    scratch: &mut Scratch,
) {
    let mut start = start;
    let mut end = end;
    while let Some(c) = text[start..end].chars().next().filter(|c| LEADING.contains(c)) {
        push(text, start, start + c.len_utf8(), out, scratch);
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
        push(text, start, end, out, scratch);
    }
    for (s, e) in trailing.into_iter().rev() {
        push(text, s, e, out, scratch);
    }
}

fn push<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    out: &mut Vec<Word<'t>>,
    scratch: &mut Scratch,
) {
    let written = &text[start..end];
    // A lone dash between words ("Đồng Đăng - Lạng Sơn") is a mark; a hyphen inside a word
    // ("LĐ-TB&XH") stays in it.
    let word = if matches!(written, "–" | "—" | "−") { "-" } else { written };
    // Lowered only if some letter changes: most words are written in lower case already.
    let unchanged = |c: char| {
        if c.is_ascii() {
            return !c.is_ascii_uppercase();
        }
        let mut lowered = c.to_lowercase();
        lowered.next() == Some(c) && lowered.next().is_none()
    };
    let lowered = !word.chars().all(unchanged);
    if lowered {
        scratch.lower.clear();
        if word.is_ascii() {
            scratch.lower.push_str(word);
            scratch.lower.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                if c.is_ascii() {
                    scratch.lower.push(c.to_ascii_lowercase());
                } else {
                    scratch.lower.extend(c.to_lowercase());
                }
            }
        }
    }
    let lower: &str = if lowered { &scratch.lower } else { word };
    // An ASCII word folds to its lower case; another only where it has accents or đ.
    let folded = !word.is_ascii() && {
        scratch.folded.clear();
        fold_into(word, &mut scratch.folded);
        scratch.folded != lower
    };
    let lower = (lower != written).then(|| SmolStr::new(lower));
    let folded = folded.then(|| SmolStr::new(&scratch.folded));
    let spelled =
        (lower.is_some() || folded.is_some()).then(|| Box::new(Spelled { lower, folded }));
    out.push(Word { text: written, start, end, spelled });
}

/// Whether the words from `at` on are `phrase` (lower case, accents kept, one word a
/// space).
#[inline]
pub fn lower_at(words: &[Word], at: usize, phrase: &str) -> bool {
    // Inlined, so that most words (a mark, a word of another first letter) are told from
    // the phrase here, without a call.
    first_byte_may_match(words, at, phrase, Form::Lower)
        && phrase_at(words, at, phrase, Form::Lower)
}

/// Whether the words from `at` on fold to `phrase` (folded, one word a space).
#[inline]
pub fn folded_at(words: &[Word], at: usize, phrase: &str) -> bool {
    first_byte_may_match(words, at, phrase, Form::Folded)
        && phrase_at(words, at, phrase, Form::Folded)
}

/// Whether word `at`, in its `form`, begins with the byte `phrase` begins with.
#[inline]
fn first_byte_may_match(words: &[Word], at: usize, phrase: &str, form: Form) -> bool {
    words.get(at).is_some_and(|word| form.of(word).as_bytes().first() == phrase.as_bytes().first())
}

/// Which of a word's forms a phrase is compared with.
#[derive(Clone, Copy)]
enum Form {
    Lower,
    Folded,
}

impl Form {
    fn of<'w>(self, word: &'w Word) -> &'w str {
        match self {
            Form::Lower => word.lower(),
            Form::Folded => word.folded(),
        }
    }
}

/// Whether the words from `at` on, each in its `form`, are `phrase`'s words. Called for
/// every word of a clause with each of a few dozen phrases, so a word is compared as a
/// prefix of what is left of the phrase (most fail at their first byte) instead of
/// cutting the phrase into words each time.
fn phrase_at(words: &[Word], at: usize, phrase: &str, form: Form) -> bool {
    let mut rest = phrase;
    for word in words.iter().skip(at) {
        let form = form.of(word);
        // The first byte alone tells most words from the phrase, without a call to compare.
        if rest.as_bytes().first() != form.as_bytes().first() {
            return false;
        }
        let Some(after) = rest.strip_prefix(form) else { return false };
        match after.strip_prefix(' ') {
            None if after.is_empty() => return true,
            None => return false,
            Some(next) => rest = next,
        }
    }
    false
}

/// A list of phrases looked for at every word of a clause, by the first byte they begin
/// with: a word is compared only with the phrases that begin as it does (none, for a mark
/// and most words). Made once, so kept in a `static` (a `const` would make it again at
/// each use; clippy's `declare_interior_mutable_const` says so).
pub struct Phrases {
    list: &'static [&'static str],
    /// The list's phrases by their first byte, each in the list's order.
    by_first_byte: OnceLock<Vec<Vec<&'static str>>>,
}

impl Phrases {
    /// The phrases of `list` (lower case, one word a space), in the order they are tried.
    pub const fn new(list: &'static [&'static str]) -> Self {
        Phrases { list, by_first_byte: OnceLock::new() }
    }

    /// The first phrase of the list the words from `at` on are (lower case), if any.
    pub fn lower_at(&self, words: &[Word], at: usize) -> Option<&'static str> {
        let word = words.get(at)?.lower().as_bytes();
        let first = *word.first()?;
        let index = self.by_first_byte.get_or_init(|| {
            let mut index = vec![Vec::new(); 256];
            for phrase in self.list {
                if let Some(&first) = phrase.as_bytes().first() {
                    index[usize::from(first)].push(*phrase);
                }
            }
            index
        });
        // The word is looked up once, and a phrase whose first word is not this word is
        // passed over by its bytes ("tp" is none of the heads that begin with "t").
        index[usize::from(first)].iter().copied().find(|phrase| {
            let phrase_bytes = phrase.as_bytes();
            // The second byte before a comparison of the whole word (a call).
            let second_agrees = match word.get(1) {
                Some(second) => phrase_bytes.get(1) == Some(second),
                None => matches!(phrase_bytes.get(1), None | Some(b' ')),
            };
            second_agrees
                && phrase_bytes.starts_with(word)
                && matches!(phrase_bytes.get(word.len()), None | Some(b' '))
                && phrase_at(words, at, phrase, Form::Lower)
        })
    }
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
    fn each_word_knows_its_lower_and_folded_forms_however_it_is_stored() {
        let words = words("Công công UBND ubnd ( “Đà” – Σ");
        let forms: Vec<(&str, &str, &str)> =
            words.iter().map(|w| (w.text, w.lower(), w.folded())).collect();
        assert_eq!(
            forms,
            [
                ("Công", "công", "cong"),
                ("công", "công", "cong"),
                ("UBND", "ubnd", "ubnd"),
                ("ubnd", "ubnd", "ubnd"),
                ("(", "(", "("),
                ("“", "“", "“"),
                ("Đà", "đà", "da"),
                ("”", "”", "”"),
                ("–", "-", "-"),
                ("Σ", "σ", "σ"),
            ]
        );
    }

    #[test]
    fn a_list_of_phrases_finds_the_first_that_stands_at_a_word() {
        static TIMES: Phrases = Phrases::new(&["định kỳ hằng tháng", "định kỳ", "thường xuyên"]);
        let words = words("Báo cáo định kỳ hằng tháng, ( thường xuyên");
        assert_eq!(TIMES.lower_at(&words, 2), Some("định kỳ hằng tháng"));
        assert_eq!(TIMES.lower_at(&words, 0), None);
        assert_eq!(TIMES.lower_at(&words, 7), None);
        assert_eq!(TIMES.lower_at(&words, 8), Some("thường xuyên"));
        assert_eq!(TIMES.lower_at(&words, 99), None);
        // Words and phrases of one byte, and phrases that begin with the word's bytes.
        static SHORT: Phrases = Phrases::new(&["q b", "q", "qb c", "qbd"]);
        assert_eq!(SHORT.lower_at(&super::words("Q b"), 0), Some("q b"));
        assert_eq!(SHORT.lower_at(&super::words("q x"), 0), Some("q"));
        assert_eq!(SHORT.lower_at(&super::words("qb c"), 0), Some("qb c"));
        assert_eq!(SHORT.lower_at(&super::words("qb d"), 0), None);
        assert_eq!(SHORT.lower_at(&super::words("qbd"), 0), Some("qbd"));
        assert_eq!(SHORT.lower_at(&super::words("qx"), 0), None);
    }

    #[test]
    fn a_lone_dash_is_a_mark_and_folds_like_a_hyphen() {
        let words = words("Đồng Đăng – Lạng Sơn");
        assert!(words[2].is_mark());
        assert_eq!(words[2].lower(), "-");
        assert!(folded_at(&words, 0, "dong dang"));
        assert!(lower_at(&words, 3, "lạng sơn"));
        assert!(!lower_at(&words, 3, "lang son"));
    }
}
