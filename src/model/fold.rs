//! Text as the search and the matching of names compare it: folded to lower case without
//! diacritics. Below the model (its letterheads fold names too) and everything that
//! searches.

/// Text folded for searching: lower case, without diacritics, đ as d, so "ra soat mo da"
/// finds "Rà soát mỏ đá" however it was typed (precomposed or with combining marks).
///
/// Char by char: marks are dropped, so the canonical reordering of a whole-string NFD would
/// change nothing. Latin letters (where all of Vietnamese is) come from a table made once,
/// as the search index folds every directive's text again after each edit.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`], appended to `folded`: a caller folding many short words reuses one string.
pub fn fold_into(text: &str, folded: &mut String) {
    let table = latin_fold_table();
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        match table.get(c as usize - FIRST_IN_TABLE as usize) {
            Some(&one) if one != NOT_ONE_CHAR => folded.push(one),
            _ => fold_char(c, folded),
        }
    }
}

/// Folds one character the long way: canonical decomposition, marks dropped, lower case.
fn fold_char(c: char, folded: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |part| {
        if !unicode_normalization::char::is_combining_mark(part) {
            for lower in part.to_lowercase() {
                folded.push(if lower == 'đ' { 'd' } else { lower });
            }
        }
    });
}

/// The table covers U+0080 to U+1EFF: Latin-1 Supplement to Latin Extended Additional
/// (ạ … ỹ), 31 KB made once.
const FIRST_IN_TABLE: char = '\u{80}';
const LAST_IN_TABLE: char = '\u{1EFF}';
/// In the table: the character folds to nothing or to more than one character.
const NOT_ONE_CHAR: char = '\u{FFFF}';

/// Each character's fold from [`FIRST_IN_TABLE`] on, when it is exactly one character.
fn latin_fold_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (FIRST_IN_TABLE..=LAST_IN_TABLE)
            .map(|c| {
                let mut one = String::new();
                fold_char(c, &mut one);
                let mut parts = one.chars();
                match (parts.next(), parts.next()) {
                    (Some(only), None) => only,
                    _ => NOT_ONE_CHAR,
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_char_by_char_agrees_with_whole_string_nfd() {
        use unicode_normalization::UnicodeNormalization;
        let reference = |text: &str| -> String {
            text.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'đ' { 'd' } else { c })
                .collect()
        };
        // Every Latin letter in the table's ranges and around them, one by one and together.
        let all: String = ('\u{80}'..='\u{2FF}').chain('\u{1DF0}'..='\u{1F10}').collect();
        for c in all.chars() {
            assert_eq!(fold(&c.to_string()), reference(&c.to_string()), "{c:?} U+{:04X}", c as u32);
        }
        assert_eq!(fold(&all), reference(&all));
        for text in ["ĐẠI HỘI Đồng Bành", "Ra\u{300} soa\u{301}t", "İstanbul ǅ ẞ ﬁ", "Ω Ж 漢字 🏭"]
        {
            assert_eq!(fold(text), reference(text), "{text}");
        }
    }

    #[test]
    fn folding_ignores_case_diacritics_and_composition() {
        assert_eq!(fold("Rà soát lại các mỏ đá"), "ra soat lai cac mo da");
        let decomposed = "Ra\u{300} soa\u{301}t mo\u{309} đa\u{301}";
        assert_eq!(fold(decomposed), "ra soat mo da");
        assert_eq!(fold("ĐỒNG BÀNH"), "dong banh");
    }
}
