//! The document's language: the stopword list that covers most of its words.
//!
//! The lists are jusText's (see `src/scrapeclean/data/stopwords`), compiled
//! into the engine. Detection reads the first 4,000 words of the document.

use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashSet;

use crate::wordhash::{first_slot, tag, word_hash};

mod lists {
    // `CODES`, the words and their hash table, written by build.rs from the lists.
    include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));
}
use lists::{CODES, SLOTS, SLOT_BITS, TAGS, WORD_TEXT};

// The lists a word is in are the bits of a u32.
const _: () = assert!(CODES.len() <= 32);
/// Words of the document's first blocks that language detection reads.
pub const SAMPLE_WORDS: usize = 4000;

/// A language's stopwords, case-folded.
pub type Stopwords = FxHashSet<&'static str>;

/// A full slot's word and the lists that hold it (see build.rs for the packing).
fn unpack(entry: u64) -> (&'static str, u32) {
    let start = (entry & 0xffff_ffff) as usize;
    let length = (entry >> 32 & 0xff) as usize;
    (&WORD_TEXT[start..start + length], (entry >> 40) as u32)
}

/// The lists that hold a case-folded word (bit `i`: `CODES[i]`), 0 for a word in none.
pub fn lists_of(token: &str) -> u32 {
    let hash = word_hash(token.as_bytes());
    let (wanted, mask) = (tag(hash), TAGS.len() - 1);
    let mut slot = first_slot(hash, SLOT_BITS) & mask;
    loop {
        match TAGS[slot] {
            0 => return 0,
            found if found == wanted => {
                let entry = SLOTS[slot];
                let start = (entry & 0xffff_ffff) as usize;
                if WORD_TEXT.as_bytes().get(start..start + (entry >> 32 & 0xff) as usize) == Some(token.as_bytes()) {
                    return (entry >> 40) as u32;
                }
            }
            _ => {}
        }
        slot = (slot + 1) & mask;
    }
}

/// Every stopword with the lists that hold it, in the table's order.
fn entries() -> impl Iterator<Item = (&'static str, u32)> {
    TAGS.iter().zip(&SLOTS).filter(|(&tag, _)| tag != 0).map(|(_, &entry)| unpack(entry))
}

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
            entries().filter(|(_, lists)| lists & (1 << position) != 0).map(|(word, _)| word).collect()
        }),
        None => &EMPTY,
    }
}

/// How many of a block's words each list holds (index `i`: `CODES[i]`).
pub type Hits = [u32; CODES.len()];

/// The hits of one block's words.
pub fn hits<'a>(tokens: impl IntoIterator<Item = &'a str>) -> (Hits, usize) {
    let mut hits = [0u32; CODES.len()];
    let mut words = 0usize;
    for token in tokens {
        let lists = lists_of(token);
        if lists != 0 {
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
    fn every_word_of_the_table_is_found_with_its_lists() {
        let mut count = 0;
        for (word, lists) in entries() {
            assert_ne!(lists, 0);
            assert_eq!(lists_of(word), lists, "{word}");
            count += 1;
        }
        assert!(count > 30_000, "{count} words");
        assert_ne!(lists_of("the") & (1 << position("en").unwrap()), 0);
        for absent in ["", "xq", "thee", "th", "the ", "harbour", "ｔｈｅ"] {
            assert_eq!(lists_of(absent), 0, "{absent:?}");
        }
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
#[cfg(test)]
mod timing {
    use super::*;
    #[test]
    #[ignore]
    fn time_lookups() {
        let text = std::fs::read_to_string("/tmp/tokens.txt").unwrap();
        let tokens: Vec<&str> = text.lines().collect();
        let map: rustc_hash::FxHashMap<&str, u32> = entries().collect();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let mut sum = 0u64;
            for _ in 0..10 {
                for token in &tokens {
                    sum += lists_of(std::hint::black_box(token)) as u64;
                }
            }
            let a = t.elapsed();
            let t = std::time::Instant::now();
            let mut sum2 = 0u64;
            for _ in 0..10 {
                for token in &tokens {
                    sum2 += map.get(std::hint::black_box(token)).copied().unwrap_or(0) as u64;
                }
            }
            let b = t.elapsed();
            assert_eq!(sum, sum2);
            let t = std::time::Instant::now();
            let mut h = 0u64;
            for _ in 0..10 {
                for token in &tokens {
                    h ^= word_hash(std::hint::black_box(token).as_bytes());
                }
            }
            let c = t.elapsed();
            let t = std::time::Instant::now();
            for _ in 0..10 {
                for token in &tokens {
                    use std::hash::BuildHasher;
                    h ^= rustc_hash::FxBuildHasher.hash_one(std::hint::black_box(token));
                }
            }
            let d = t.elapsed();
            eprintln!("hash {:?} fx {:?} {h}", c, d);
            eprintln!(
                "table {:?} map {:?} per token {:.1} ns vs {:.1} ns",
                a,
                b,
                a.as_nanos() as f64 / (10.0 * tokens.len() as f64),
                b.as_nanos() as f64 / (10.0 * tokens.len() as f64)
            );
        }
    }
}
