//! Normalisation keys and word tokens: the one definition of "word" the passes share.
//!
//! These mirror the documented Python semantics: `fold` is NFKC (for non-ASCII
//! text) then full Unicode case folding; a word is a `\w+` run, except that
//! scripts written without spaces are cut into words (one per Chinese or
//! Japanese character, one per up to four Thai, Lao, Khmer or Myanmar
//! letters); a key joins the folded words with single spaces and writes
//! every decimal digit as `0`.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// The scripts whose characters are words of their own (`sc=`, not `scx=`: a
/// shared punctuation mark such as `、` is no word).
const IDEOGRAPHIC: &str = r"\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}";
const UNSPACED_ALPHABETS: &str = r"\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}";

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("[{IDEOGRAPHIC}]|[{UNSPACED_ALPHABETS}]{{1,4}}|[^\\W{IDEOGRAPHIC}{UNSPACED_ALPHABETS}]+"))
        .unwrap()
});
static UNSPACED_CHAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^[{IDEOGRAPHIC}{UNSPACED_ALPHABETS}]")).unwrap());
static WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").unwrap());
static UPPER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}$").unwrap());
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}").unwrap());
static DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d").unwrap());

/// Case and compatibility forms folded: what keys and stopword look-ups are made from.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // Most non-ASCII lines (curly quotes, dashes, accented letters) are already in NFKC.
    if unicode_normalization::is_nfkc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        return casefold(text);
    }
    let normal: String = text.nfkc().collect();
    casefold(&normal)
}

pub use crate::casefold::casefold;

/// White space as Python's `str.isspace`, `split()` and `strip()` see it: Unicode
/// White_Space and the information separators U+001C..U+001F.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `text.split()`: the runs between white space.
pub fn python_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_python_space).filter(|word| !word.is_empty())
}

/// Whether a character is a word character (`\w`: letters, marks, decimal digits, connectors, joiners).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buffer = [0u8; 4];
    WORD_CHAR.is_match(c.encode_utf8(&mut buffer))
}

/// Whether a character is an upper-case letter (`\p{Lu}`).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    let mut buffer = [0u8; 4];
    UPPER.is_match(c.encode_utf8(&mut buffer))
}

/// Whether a token of [`cut`] is a word of a script written without spaces.
pub fn is_unspaced(token: &str) -> bool {
    !token.is_ascii() && UNSPACED_CHAR.is_match(token)
}

/// The word tokens of folded text and how many are words of unspaced scripts.
pub fn cut(folded: &str) -> (Vec<&str>, usize) {
    let tokens: Vec<&str> = tokens(folded).collect();
    let unspaced = if folded.is_ascii() { 0 } else { tokens.iter().filter(|token| is_unspaced(token)).count() };
    (tokens, unspaced)
}

/// The word tokens of folded text, one at a time (see [`cut`]).
pub fn tokens(folded: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    if folded.is_ascii() {
        Box::new(AsciiWords { text: folded, position: 0 })
    } else {
        Box::new(TOKEN.find_iter(folded).map(|m| m.as_str()))
    }
}

/// `\w+` runs of ASCII text: letters, digits and the underscore.
struct AsciiWords<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let is_word = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'_';
        let start = self.position + bytes[self.position..].iter().position(is_word)?;
        let end = bytes[start..].iter().position(|byte| !is_word(byte)).map_or(bytes.len(), |length| start + length);
        self.position = end;
        Some(&self.text[start..end])
    }
}

/// The key of already folded tokens: joined with spaces, digits written as `0`.
pub fn key_of_tokens(tokens: &[&str]) -> String {
    digits_as_zero(tokens.join(" "))
}

/// Every decimal digit (`\d`, any script) written as `0`.
pub fn digits_as_zero(joined: String) -> String {
    if joined.is_ascii() {
        if !joined.bytes().any(|byte| byte.is_ascii_digit()) {
            return joined;
        }
        return joined.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
    }
    DIGIT.replace_all(&joined, "0").into_owned()
}

pub fn has_digits(text: &str) -> bool {
    DIGIT.is_match(text)
}

/// The normalised form of a block's text.
pub fn key(text: &str) -> String {
    let folded = fold(text);
    key_of_tokens(&cut(&folded).0)
}

pub fn has_letters(text: &str) -> bool {
    text.bytes().any(|byte| byte.is_ascii_alphabetic()) || (!text.is_ascii() && LETTER.is_match(text))
}

/// The last `count` characters of a text (all of it when shorter).
pub fn tail(text: &str, count: usize) -> &str {
    match text.char_indices().rev().nth(count.saturating_sub(1)) {
        Some((position, _)) if count > 0 => &text[position..],
        _ if count == 0 => "",
        _ => text,
    }
}

/// The first `count` characters of a text.
pub fn head(text: &str, count: usize) -> &str {
    match text.char_indices().nth(count) {
        Some((position, _)) => &text[..position],
        None => text,
    }
}

pub fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_quotes_and_digits() {
        assert_eq!(key("The town’s “last big fight” — 2017"), key("the Town's \"last big fight\" - 2018"));
        assert_eq!(key("Straße 12"), "strasse 00");
    }

    #[test]
    fn unspaced_scripts_are_cut_into_words() {
        let (tokens, unspaced) = cut("the council 市议会");
        assert_eq!(tokens, vec!["the", "council", "市", "议", "会"]);
        assert_eq!(unspaced, 3);
        assert_eq!(cut("、").0.len(), 0);
    }

    #[test]
    fn tail_and_head_count_characters() {
        assert_eq!(tail("héllo", 3), "llo");
        assert_eq!(tail("hé", 5), "hé");
        assert_eq!(head("héllo", 2), "hé");
    }
}
