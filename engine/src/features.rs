//! Shallow, language-aware features of blocks: the signals the boilerplate literature relies on.
//!
//! Words per block, stopword density (jusText), terminal punctuation, the
//! share of capitalised words, letters, and the block's normalised key.

use std::sync::LazyLock;

use regex::Regex;

use crate::language::{self, Stopwords};
use crate::text::{self, char_len, fold, key_of_tokens, tail};

/// A sentence this long is prose; shorter ones are as often captions, labels or teasers.
pub const PROSE_WORDS: usize = 12;
/// Terminal punctuation is looked for in this many last characters.
const TAIL_CHARS: usize = 16;

static CAPITAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Lu}").unwrap());
static WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").unwrap());

/// What the passes read off one block's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Features {
    pub words: usize,
    pub stopwords: usize,
    pub letters: bool,
    pub terminal: bool,
    pub question: bool,
    /// Share of words that start with an upper-case letter.
    pub capitalised: f64,
    pub chars: usize,
    pub key: String,
    /// Words of scripts written without spaces.
    pub unspaced: usize,
}

impl Features {
    pub fn stopword_density(&self) -> f64 {
        if self.words > 0 {
            self.stopwords as f64 / self.words as f64
        } else {
            0.0
        }
    }

    /// Characters as an alphabetic script would spell the text (an ideograph counts three).
    pub fn length(&self) -> usize {
        self.chars + 2 * self.unspaced
    }

    /// The block's words when it is a sentence of `PROSE_WORDS` words or more, else 0.
    pub fn prose_words(&self) -> usize {
        if self.terminal && self.words >= PROSE_WORDS {
            self.words
        } else {
            0
        }
    }

    /// A line a page uses as a headline: a few words, letters, no full stop (a question may be one).
    pub fn heading_like(&self) -> bool {
        self.letters && (2..=30).contains(&self.words) && (!self.terminal || self.question) && self.chars <= 250
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '\'' | '"' | '’' | '”' | '»' | ')' | ']')
}

/// Whether the tail ends with one of `marks`, possibly followed by closing quotes or brackets.
fn ends_with_mark(tail: &str, marks: &[char]) -> bool {
    for c in tail.chars().rev() {
        if is_closing(c) {
            continue;
        }
        return marks.contains(&c);
    }
    false
}

const TERMINAL: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const QUESTION: &[char] = &['?', '!', '？', '！'];

/// Upper-case letters that start a word (no word character before them).
fn capitals(text: &str) -> usize {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        return (0..bytes.len())
            .filter(|&i| {
                bytes[i].is_ascii_uppercase()
                    && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
            })
            .count();
    }
    let mut count = 0;
    let mut previous_word = false;
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let encoded = c.encode_utf8(&mut buffer);
        let upper = CAPITAL.is_match(encoded);
        if upper && !previous_word {
            count += 1;
        }
        previous_word = WORD_CHAR.is_match(encoded);
    }
    count
}

/// The features of a block's text, given its folded tokens.
pub fn features_of(text: &str, tokens: &[&str], unspaced: usize, stops: &Stopwords) -> Features {
    let stopwords = if stops.is_empty() { 0 } else { tokens.iter().filter(|token| stops.contains(**token)).count() };
    shaped(text, tokens.len(), stopwords, unspaced, key_of_tokens(tokens))
}

/// The features of a block's text, read off the text in one pass over its words.
pub fn features(text: &str, stops: &Stopwords) -> Features {
    let folded = fold(text);
    let mut key = String::with_capacity(folded.len());
    let (mut words, mut stopwords, mut unspaced) = (0, 0, 0);
    let ascii = folded.is_ascii();
    for token in text::tokens(&folded) {
        if words > 0 {
            key.push(' ');
        }
        key.push_str(token);
        words += 1;
        stopwords += usize::from(!stops.is_empty() && stops.contains(token));
        unspaced += usize::from(!ascii && text::is_unspaced(token));
    }
    shaped(text, words, stopwords, unspaced, text::digits_as_zero(key))
}

fn shaped(text: &str, words: usize, stopwords: usize, unspaced: usize, key: String) -> Features {
    let last = tail(text, TAIL_CHARS);
    Features {
        words,
        stopwords,
        letters: text::has_letters(text),
        terminal: ends_with_mark(last, TERMINAL),
        question: ends_with_mark(last, QUESTION),
        capitalised: if words > 0 { capitals(text) as f64 / words as f64 } else { 0.0 },
        chars: char_len(text),
        key,
        unspaced,
    }
}

/// A document's language and the features of each of its blocks.
pub struct Analysis {
    pub language: &'static str,
    pub features: Vec<Features>,
}

impl Analysis {
    pub fn stopwords(&self) -> &'static Stopwords {
        language::stopwords(self.language)
    }
}

/// The language of `texts` and the features of each.
///
/// Language detection reads only the first blocks' words; each block's words
/// are then read once more for its features, so no block's tokens are kept.
pub fn analyse<S: AsRef<str>>(texts: &[S]) -> Analysis {
    let language = language::detect_in(texts.iter().map(|text| text.as_ref()));
    let stops = language::stopwords(language);
    let features = texts.iter().map(|text| features(text.as_ref(), stops)).collect();
    Analysis { language, features }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_of_a_sentence() {
        let analysis = analyse(&["The cat sat on the mat, and it was a good day for it.”"]);
        let feature = &analysis.features[0];
        assert_eq!(analysis.language, "en");
        assert!(feature.terminal && !feature.question);
        assert_eq!(feature.words, 14);
        assert!((feature.capitalised - 1.0 / 14.0).abs() < 1e-12);
        assert_eq!(feature.prose_words(), 14);
    }

    #[test]
    fn capitals_start_words() {
        assert_eq!(capitals("McDonald Éclair xÉ"), 2);
        assert_eq!(capitals("McDonald Eclair xE"), 2);
    }
}
