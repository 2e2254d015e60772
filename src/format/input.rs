//! Reading numbers as officials type them: the Vietnamese way (`1.800.000`, `9,5`) and the
//! English way (`1,800,000`, `9.5`), with spaces as group separators too. Anything else is
//! refused with the reason, so a field can say what is wrong before anything is applied.

use crate::i18n::{Lang, fill};

/// Why a typed number was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// A character that has no place in a number.
    Stray(char),
    /// Separators that fit neither way of writing (`1.2.3,4,5`, `1,,5`).
    Malformed,
    /// Beyond what the field takes.
    TooLarge,
}

impl NumberError {
    /// The reason in plain words, naming what was typed.
    pub fn describe(&self, typed: &str, lang: Lang) -> String {
        let t = &lang.strings().input;
        match self {
            NumberError::Empty => t.empty.clone(),
            NumberError::Stray(c) => fill(&t.stray, &[("text", &typed), ("char", c)]),
            NumberError::Malformed => fill(&t.malformed, &[("text", &typed)]),
            NumberError::TooLarge => fill(&t.too_large, &[("text", &typed)]),
        }
    }
}

/// Reads a number. `lang` settles the one ambiguous case, a single separator followed by
/// exactly three digits (`1.800` is 1800 in Vietnamese, 1.8 in English); everywhere else
/// the form itself says which separator is the decimal one: the last of two different
/// ones, or one that appears once and not before three digits.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, NumberError> {
    let trimmed = text.trim();
    let (negative, body) = match trimmed.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    if body.is_empty() {
        return Err(NumberError::Empty);
    }
    // Spaces (including the narrow no-break space) only ever group digits.
    let body: String = body.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    if let Some(stray) = body.chars().find(|c| !c.is_ascii_digit() && *c != '.' && *c != ',') {
        return Err(NumberError::Stray(stray));
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let separator = if dots > 0 { '.' } else { ',' };
            let count = dots + commas;
            let after = body.rsplit(separator).next().unwrap_or("");
            if count > 1 {
                None // 1.800.000: groups
            } else if after.len() == 3 {
                // 1.800 or 1,800: the language's habit decides.
                let vietnamese_decimal = separator == ',';
                match lang {
                    Lang::Vi if vietnamese_decimal => Some(separator),
                    Lang::En if !vietnamese_decimal => Some(separator),
                    _ => None,
                }
            } else {
                Some(separator)
            }
        }
        _ => {
            // Both: the last one written is the decimal point, and it appears once.
            let last = body.rfind(['.', ',']).map(|i| body.as_bytes()[i] as char);
            let separator = last.unwrap_or('.');
            let count = if separator == '.' { dots } else { commas };
            if count != 1 {
                return Err(NumberError::Malformed);
            }
            Some(separator)
        }
    };
    let (integer, fraction) = match decimal {
        Some(separator) => {
            let (integer, fraction) = body.rsplit_once(separator).unwrap_or((&body, ""));
            (integer.to_owned(), fraction.to_owned())
        }
        None => (body.clone(), String::new()),
    };
    let group = match decimal {
        Some('.') => ',',
        Some(_) => '.',
        None if dots > 0 => '.',
        None => ',',
    };
    if !groups_are_well_formed(&integer, group) || fraction.contains(['.', ',']) {
        return Err(NumberError::Malformed);
    }
    let digits: String = integer.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() && fraction.is_empty() {
        return Err(NumberError::Malformed);
    }
    let plain = format!("{}.{}", if digits.is_empty() { "0" } else { &digits }, fraction);
    let value: f64 = plain.trim_end_matches('.').parse().map_err(|_| NumberError::Malformed)?;
    if !value.is_finite() || value > crate::model::MAX_VALUE {
        return Err(NumberError::TooLarge);
    }
    Ok(if negative { -value } else { value })
}

/// A number as it would be typed back: no group separators, the language's decimal mark.
pub fn plain_number(value: f64, lang: Lang) -> String {
    let text = format!("{:.6}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if lang.strings().words.decimal_comma { text.replace('.', ",") } else { text.to_owned() }
}

/// `1.800.000`: a first group of 1–3 digits, then groups of exactly three.
fn groups_are_well_formed(integer: &str, group: char) -> bool {
    if !integer.contains(group) {
        return true;
    }
    let mut parts = integer.split(group);
    let first = parts.next().unwrap_or("");
    (1..=3).contains(&first.len()) && parts.all(|p| p.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english_forms() {
        let cases = [
            ("1.800.000", Lang::Vi, 1_800_000.0),
            ("1,800,000", Lang::Vi, 1_800_000.0),
            ("1 800 000", Lang::Vi, 1_800_000.0),
            ("9,5", Lang::Vi, 9.5),
            ("9.5", Lang::Vi, 9.5),
            ("9,5", Lang::En, 9.5),
            ("72.000", Lang::Vi, 72_000.0),
            ("72.000", Lang::En, 72.0),
            ("72,000", Lang::En, 72_000.0),
            ("72,000", Lang::Vi, 72.0),
            ("1.234.567,89", Lang::En, 1_234_567.89),
            ("1,234,567.89", Lang::Vi, 1_234_567.89),
            ("-3,2", Lang::Vi, -3.2),
            ("+50", Lang::Vi, 50.0),
            ("365", Lang::Vi, 365.0),
            (",5", Lang::Vi, 0.5),
        ];
        for (text, lang, expected) in cases {
            let value = parse_number(text, lang).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert!((value - expected).abs() < 1e-9, "{text} ({lang:?}) = {value}, not {expected}");
        }
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        assert_eq!(parse_number("  ", Lang::Vi), Err(NumberError::Empty));
        assert_eq!(parse_number("12a", Lang::Vi), Err(NumberError::Stray('a')));
        assert_eq!(parse_number("9,5%", Lang::Vi), Err(NumberError::Stray('%')));
        assert_eq!(parse_number("1.2.3,4,5", Lang::Vi), Err(NumberError::Malformed));
        assert_eq!(parse_number("1.80.000", Lang::Vi), Err(NumberError::Malformed));
        assert_eq!(parse_number("1,,5", Lang::Vi), Err(NumberError::Malformed));
        assert_eq!(parse_number(".", Lang::Vi), Err(NumberError::Malformed));
        assert_eq!(parse_number("1e400", Lang::Vi), Err(NumberError::Stray('e')));
        assert_eq!(parse_number("99999999999999999999999", Lang::Vi), Err(NumberError::TooLarge));
        let message = NumberError::Stray('a').describe("12a", Lang::Vi);
        assert!(message.contains("12a") && message.contains('a'), "{message}");
    }
}
