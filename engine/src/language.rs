//! The document's language: the stopword list that covers most of its words.
//!
//! The lists are jusText's (see `src/scrapeclean/data/stopwords`), compiled
//! into the engine. Detection reads the first 4,000 words of the document.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::casefold;

macro_rules! lists {
    ($($code:literal),*) => {
        [$(($code, include_str!(concat!("../../src/scrapeclean/data/stopwords/", $code, ".txt")))),*]
    };
}

static LISTS: [(&str, &str); 24] = lists!(
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "da", "nb", "cs", "tr", "id", "fi", "ro", "hu", "uk",
    "el", "ca", "vi", "ar", "fa"
);
// The lists a word is in are the bits of a u32.
const _: () = assert!(LISTS.len() <= 32);
/// Words of the document's first blocks that language detection reads.
pub const SAMPLE_WORDS: usize = 4000;

/// A language's stopwords, case-folded; most are slices of the compiled-in lists.
pub type Stopwords = FxHashSet<Cow<'static, str>>;

struct Languages {
    sets: Vec<Stopwords>,
    /// Each stopword with the lists (bit `i`: `LISTS[i]`) that hold it.
    index: FxHashMap<Cow<'static, str>, u32>,
    empty: Stopwords,
}

/// A stopword as the sets hold it: borrowed from the list unless folding changes it.
fn folded(word: &'static str) -> Cow<'static, str> {
    if word.bytes().all(|byte| !byte.is_ascii_uppercase() && byte.is_ascii()) {
        Cow::Borrowed(word)
    } else {
        let folded = casefold(word);
        if folded == word {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(folded)
        }
    }
}

static LANGUAGES: LazyLock<Languages> = LazyLock::new(|| {
    let sets: Vec<Stopwords> = LISTS
        .iter()
        .map(|(_, text)| text.lines().map(str::trim).filter(|word| !word.is_empty()).map(folded).collect())
        .collect();
    let mut index: FxHashMap<Cow<'static, str>, u32> = FxHashMap::default();
    index.reserve(sets.iter().map(FxHashSet::len).sum());
    for (position, set) in sets.iter().enumerate() {
        for word in set {
            *index.entry(word.clone()).or_default() |= 1 << position;
        }
    }
    Languages { sets, index, empty: Stopwords::default() }
});

/// The stopwords of a language code ("" or an unknown code: none).
pub fn stopwords(language: &str) -> &'static Stopwords {
    let languages = &*LANGUAGES;
    match LISTS.iter().position(|(code, _)| *code == language) {
        Some(position) => &languages.sets[position],
        None => &languages.empty,
    }
}

/// The language whose stopwords cover most words of the first blocks' tokens ("" when none fits).
pub fn detect<'a, I, T>(token_lists: I) -> &'static str
where
    I: IntoIterator<Item = T>,
    T: IntoIterator<Item = &'a str>,
{
    let languages = &*LANGUAGES;
    let mut hits = [0usize; 24];
    let mut sampled = 0usize;
    for tokens in token_lists {
        for token in tokens {
            if let Some(&lists) = languages.index.get(token) {
                let mut rest = lists;
                while rest != 0 {
                    hits[rest.trailing_zeros() as usize] += 1;
                    rest &= rest - 1;
                }
            }
            sampled += 1;
        }
        if sampled >= SAMPLE_WORDS {
            break;
        }
    }
    if sampled == 0 {
        return "";
    }
    // The most hits; on a tie, the language listed first.
    let mut best = 0;
    for position in 1..hits.len() {
        if hits[position] > hits[best] {
            best = position;
        }
    }
    if hits[best] >= std::cmp::max(2, sampled / 20) {
        LISTS[best].0
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
