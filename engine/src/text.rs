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

/// A Unicode character class as sorted ranges, read from the tables the `regex` crate matches with,
/// so a test of one character agrees with the pattern's (without a search per character).
pub struct CharClass(Vec<(char, char)>);

impl CharClass {
    /// The class a bracketed pattern or escape names (`\d`, `\p{Lu}`, `[\p{sc=Han}...]`).
    pub fn new(pattern: &str) -> CharClass {
        let hir = regex_syntax::Parser::new().parse(pattern).expect("a valid class pattern");
        match hir.kind() {
            regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => {
                CharClass(class.ranges().iter().map(|range| (range.start(), range.end())).collect())
            }
            _ => panic!("{pattern} is no Unicode character class"),
        }
    }

    pub fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(start, end)| {
                if end < c {
                    std::cmp::Ordering::Less
                } else if start > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

static IDEOGRAPHS: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(&format!("[{IDEOGRAPHIC}]")));
static UNSPACED_LETTERS: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(&format!("[{UNSPACED_ALPHABETS}]")));
static UPPER: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(r"\p{Lu}"));
static LETTER_OR_NUMBER: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(r"[\p{L}\p{N}]"));
static DIGIT: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(r"\d"));
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}").unwrap());

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

/// Whether a character is a letter or a number, as Python's `str.isalnum` sees one (`\p{L}`, `\p{N}`).
pub fn is_python_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    LETTER_OR_NUMBER.contains(c)
}

/// Whether a character is a word character (`\w`: letters, marks, decimal digits, connectors, joiners).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    regex_syntax::try_is_word_character(c).unwrap_or(false)
}

/// Whether a character is an upper-case letter (`\p{Lu}`).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    UPPER.contains(c)
}

/// Whether a token of [`cut`] is a word of a script written without spaces.
pub fn is_unspaced(token: &str) -> bool {
    !token.is_ascii() && token.chars().next().is_some_and(is_unspaced_char)
}

fn is_unspaced_char(c: char) -> bool {
    !c.is_ascii() && (IDEOGRAPHS.contains(c) || UNSPACED_LETTERS.contains(c))
}

/// Whether a character is a decimal digit (`\d`: `Nd`, any script).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        DIGIT.contains(c)
    }
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
        Box::new(UnicodeWords { text: folded, position: 0 })
    }
}

/// The words of any text: one per ideograph, up to four letters of the other unspaced
/// scripts, else a run of word characters of neither (the alternation
/// `[ideographic]|[unspaced]{1,4}|[^\W ideographic unspaced]+`, leftmost first).
struct UnicodeWords<'a> {
    text: &'a str,
    position: usize,
}

#[derive(PartialEq)]
enum CharKind {
    Other,
    Ideograph,
    Unspaced,
    Word,
}

fn char_kind(c: char) -> CharKind {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() || c == '_' { CharKind::Word } else { CharKind::Other };
    }
    if IDEOGRAPHS.contains(c) {
        CharKind::Ideograph
    } else if UNSPACED_LETTERS.contains(c) {
        CharKind::Unspaced
    } else if is_word_char(c) {
        CharKind::Word
    } else {
        CharKind::Other
    }
}

impl<'a> Iterator for UnicodeWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.text[self.position..];
        let mut chars = rest.char_indices();
        let (start, kind) = loop {
            let (offset, c) = chars.next()?;
            let kind = char_kind(c);
            if kind != CharKind::Other {
                break (offset, kind);
            }
        };
        let mut end = rest.len();
        for (letters, (offset, c)) in (1..).zip(chars) {
            let next = char_kind(c);
            let goes_on = match kind {
                CharKind::Ideograph => false,
                CharKind::Unspaced => next == CharKind::Unspaced && letters < 4,
                _ => next == CharKind::Word,
            };
            if !goes_on {
                end = offset;
                break;
            }
        }
        let word = &rest[start..end];
        self.position += end;
        Some(word)
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
    joined.chars().map(|c| if is_digit(c) { '0' } else { c }).collect()
}

pub fn has_digits(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|byte| byte.is_ascii_digit())
    } else {
        text.chars().any(is_digit)
    }
}

/// False only where a text holds no `\d` (decimal digits are numeric characters): a cheap test before a pattern.
pub fn may_hold_digit(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|byte| byte.is_ascii_digit())
    } else {
        text.chars().any(char::is_numeric)
    }
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

    /// Characters of the planes scripts live in: every one of the basic plane, a sample beyond.
    fn sample_chars() -> impl Iterator<Item = char> {
        (0u32..0x10000).chain((0x10000..0x40000).step_by(7)).filter_map(char::from_u32)
    }

    #[test]
    fn character_tests_agree_with_the_patterns_they_stand_for() {
        let patterns = [r"^\w$", r"^\p{Lu}$", r"^\d$", &format!("^[{IDEOGRAPHIC}{UNSPACED_ALPHABETS}]$")];
        let [word, upper, digit, unspaced] = patterns.map(|pattern| Regex::new(pattern).unwrap());
        let mut buffer = [0u8; 4];
        for c in sample_chars() {
            let one = &*c.encode_utf8(&mut buffer);
            assert_eq!(is_word_char(c), word.is_match(one), "{c:?}");
            assert_eq!(is_upper(c), upper.is_match(one), "{c:?}");
            assert_eq!(is_digit(c), digit.is_match(one), "{c:?}");
            assert_eq!(is_unspaced(one), unspaced.is_match(one), "{c:?}");
            assert!(!digit.is_match(one) || may_hold_digit(one), "{c:?}");
        }
    }

    #[test]
    fn words_are_those_of_the_token_pattern() {
        let token = Regex::new(&format!(
            "[{IDEOGRAPHIC}]|[{UNSPACED_ALPHABETS}]{{1,4}}|[^\\W{IDEOGRAPHIC}{UNSPACED_ALPHABETS}]+"
        ))
        .unwrap();
        let mut texts: Vec<String> = [
            "the council 市议会 voted",
            "ภาษาไทยเขียนติดกัน and more",
            "ລາວ ខ្មែរ မြန်မာ ١٢٣ ＡＢＣ",
            "naïve café—co\u{301}operate x_y ½ ² ٣",
            "カタカナとひらがな、漢字。",
            "",
            "…",
        ]
        .map(String::from)
        .to_vec();
        // Every sampled character between words, and runs of them.
        let all: String = sample_chars().step_by(3).collect();
        texts.extend(all.chars().collect::<Vec<_>>().chunks(40).map(|chunk| chunk.iter().collect::<String>()));
        for text in &texts {
            let expected: Vec<&str> = token.find_iter(text).map(|found| found.as_str()).collect();
            let words: Vec<&str> = UnicodeWords { text, position: 0 }.collect();
            assert_eq!(words, expected, "{text:?}");
        }
    }

    #[test]
    fn tail_and_head_count_characters() {
        assert_eq!(tail("héllo", 3), "llo");
        assert_eq!(tail("hé", 5), "hé");
        assert_eq!(head("héllo", 2), "hé");
    }
}
