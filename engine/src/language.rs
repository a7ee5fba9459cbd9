//! The document's language: the stopword list that covers most of its words.
//!
//! The lists are jusText's (see `src/scrapeclean/data/stopwords`), compiled
//! into the engine. Detection reads the first 4,000 words of the document.

use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

mod lists {
    // `CODES` and `WORDS`, written by build.rs from the lists.
    include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));
}
use lists::{CODES, WORDS};

// The lists a word is in are the bits of a u32.
const _: () = assert!(CODES.len() <= 32);
/// Words of the document's first blocks that language detection reads.
pub const SAMPLE_WORDS: usize = 4000;

/// A language's stopwords, case-folded.
pub type Stopwords = FxHashSet<&'static str>;

/// Each stopword with the lists (bit `i`: `CODES[i]`) that hold it.
static INDEX: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| WORDS.iter().copied().collect());
/// Each language's set, made when a document in it is first met.
static SETS: [OnceLock<Stopwords>; CODES.len()] = [const { OnceLock::new() }; CODES.len()];
static EMPTY: LazyLock<Stopwords> = LazyLock::new(Stopwords::default);

/// Where a language's list stands in `CODES` (and its bit in a word's lists).
pub fn position(language: &str) -> Option<usize> {
    CODES.iter().position(|code| *code == language)
}

/// The stopwords of a language code ("" or an unknown code: none).
pub fn stopwords(language: &str) -> &'static Stopwords {
    match position(language) {
        Some(position) => SETS[position].get_or_init(|| {
            WORDS.iter().filter(|(_, lists)| lists & (1 << position) != 0).map(|(word, _)| *word).collect()
        }),
        None => &EMPTY,
    }
}

/// How many of a block's words each list holds (index `i`: `CODES[i]`).
pub type Hits = [u32; CODES.len()];

/// The hits of one block's words.
pub fn hits<'a>(tokens: impl IntoIterator<Item = &'a str>) -> (Hits, usize) {
    let index = &*INDEX;
    let mut hits = [0u32; CODES.len()];
    let mut words = 0usize;
    for token in tokens {
        if let Some(&lists) = index.get(token) {
            let mut rest = lists;
            while rest != 0 {
                hits[rest.trailing_zeros() as usize] += 1;
                rest &= rest - 1;
            }
        }
        words += 1;
    }
    (hits, words)
}

/// The language of blocks with these hits and word counts, read until `SAMPLE_WORDS` words.
pub fn choose(blocks: impl IntoIterator<Item = (Hits, usize)>) -> &'static str {
    let mut total = [0usize; CODES.len()];
    let mut sampled = 0usize;
    for (hits, words) in blocks {
        for (sum, count) in total.iter_mut().zip(hits) {
            *sum += count as usize;
        }
        sampled += words;
        if sampled >= SAMPLE_WORDS {
            break;
        }
    }
    if sampled == 0 {
        return "";
    }
    // The most hits; on a tie, the language listed first.
    let mut best = 0;
    for position in 1..total.len() {
        if total[position] > total[best] {
            best = position;
        }
    }
    if total[best] >= std::cmp::max(2, sampled / 20) {
        CODES[best]
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The language of blocks given as their tokens.
    fn detect<'a>(token_lists: impl IntoIterator<Item = impl IntoIterator<Item = &'a str>>) -> &'static str {
        choose(token_lists.into_iter().map(hits))
    }

    #[test]
    fn detects_by_stopwords() {
        let english = [vec!["the", "cat", "and", "the", "dog", "of", "it"]];
        assert_eq!(detect(english.iter().map(|t| t.iter().copied())), "en");
        let german = [vec!["der", "hund", "und", "die", "katze", "ist", "nicht"]];
        assert_eq!(detect(german.iter().map(|t| t.iter().copied())), "de");
        let none: [Vec<&str>; 1] = [vec!["xq", "zz"]];
        assert_eq!(detect(none.iter().map(|t| t.iter().copied())), "");
    }
}
