//! Phrase lists per language (`src/scrapeclean/data/phrases/<code>.txt`), matched on normalised keys.
//!
//! A phrase ending in ` *` also matches a short line that starts with it. A count in a phrase is
//! written `0`; in the `ui` lists it matches a number of any length ("show 0 more" matches "Show
//! 12 more"), elsewhere a one-digit number only (an `end` phrase such as "0 comments" would
//! otherwise end the text at the comment count many pages print under the byline).

use std::borrow::Cow;
use std::sync::{LazyLock, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::key;

pub const CATEGORIES: [&str; 5] = ["ui", "end", "byline", "bio", "closing"];
macro_rules! lists {
    ($($code:literal),*) => {
        [$(($code, include_str!(concat!("../../src/scrapeclean/data/phrases/", $code, ".txt")))),*]
    };
}
pub static LISTS: [(&str, &str); 18] =
    lists!("en", "de", "fr", "es", "pt", "it", "ru", "ja", "zh", "cs", "pl", "nl", "sv", "tr", "ar", "ko", "id", "vi");
/// A prefix phrase ("share *") matches only lines this many words longer at most.
const PREFIX_SLACK: usize = 4;

#[derive(Debug, Default)]
pub struct PhraseSet {
    pub exact: FxHashSet<String>,
    pub prefixes: FxHashSet<String>,
    pub longest_prefix: usize,
    first_words: FxHashSet<String>,
    /// Whether a `0` in a phrase matches a number of any length.
    any_count: bool,
}

impl PhraseSet {
    pub fn new(exact: FxHashSet<String>, prefixes: FxHashSet<String>) -> Self {
        let longest_prefix = prefixes.iter().map(|prefix| prefix.split(' ').count()).max().unwrap_or(0);
        let first_words = prefixes.iter().map(|prefix| prefix.split(' ').next().unwrap_or("").to_string()).collect();
        PhraseSet { exact, prefixes, longest_prefix, first_words, any_count: false }
    }

    /// Whether a block's key is a phrase, or (with `prefixes`) a short line starting with one.
    pub fn matches(&self, key: &str, prefixes: bool) -> bool {
        let key = &*self.counted(key);
        if self.exact.contains(key) {
            return true;
        }
        if !prefixes || !self.first_words.contains(key.split(' ').next().unwrap_or("")) {
            return false;
        }
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() > self.longest_prefix + PREFIX_SLACK {
            return false;
        }
        (1..=words.len().min(self.longest_prefix)).any(|size| self.prefixes.contains(&words[..size].join(" ")))
    }

    /// The key this set compares: with each number written `0` where a `0` stands for any count.
    fn counted<'k>(&self, key: &'k str) -> Cow<'k, str> {
        if self.any_count {
            one_count(key)
        } else {
            Cow::Borrowed(key)
        }
    }

    /// Whether a block's key starts with a whole phrase of up to `longest` words.
    pub fn opens(&self, key: &str, longest: usize) -> bool {
        let key = &*self.counted(key);
        let words: Vec<&str> = key.splitn(longest + 1, ' ').collect();
        (1..=words.len().min(longest)).any(|size| self.exact.contains(&words[..size].join(" ")))
    }
}

/// A key with each number (a word of zeros: a key writes every digit as `0`) written `0`.
fn one_count(key: &str) -> Cow<'_, str> {
    if !key.contains("00") {
        return Cow::Borrowed(key);
    }
    let words: Vec<&str> = key
        .split(' ')
        .map(|word| if !word.is_empty() && word.bytes().all(|byte| byte == b'0') { "0" } else { word })
        .collect();
    Cow::Owned(words.join(" "))
}

type Sections = FxHashMap<&'static str, (Vec<String>, Vec<String>)>;

fn parse(text: &str) -> Sections {
    let mut sections: Sections = CATEGORIES.iter().map(|name| (*name, (Vec::new(), Vec::new()))).collect();
    let mut current: Option<&'static str> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            // The shipped lists are checked by `problems` in the tests; an unknown section is skipped.
            current = CATEGORIES.iter().copied().find(|name| *name == &line[1..line.len() - 1]);
            continue;
        }
        let Some(section) = current.and_then(|name| sections.get_mut(name)) else {
            continue;
        };
        match line.strip_suffix(" *") {
            Some(prefix) => section.1.push(key(prefix)),
            None => section.0.push(key(line)),
        }
    }
    sections
}

static PARSED: LazyLock<Vec<(&'static str, Sections)>> =
    LazyLock::new(|| LISTS.iter().map(|(code, text)| (*code, parse(text))).collect());

type SetKey = (String, Vec<String>);
static SETS: LazyLock<Mutex<FxHashMap<SetKey, &'static PhraseSet>>> = LazyLock::new(Default::default);

/// The union of one category's phrases over `languages` (unknown codes contribute nothing).
pub fn phrase_set(category: &str, languages: &[String]) -> &'static PhraseSet {
    let wanted = (category.to_string(), languages.to_vec());
    let mut sets = SETS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(found) = sets.get(&wanted) {
        return found;
    }
    let mut exact = FxHashSet::default();
    let mut prefixes = FxHashSet::default();
    for language in languages {
        if let Some((_, sections)) = PARSED.iter().find(|(code, _)| code == language) {
            if let Some((more_exact, more_prefixes)) = sections.get(category) {
                exact.extend(more_exact.iter().cloned());
                prefixes.extend(more_prefixes.iter().cloned());
            }
        }
    }
    // A handful of sets per process (one per category and language choice): leaked once, read forever.
    let mut set = PhraseSet::new(exact, prefixes);
    set.any_count = category == "ui";
    let set: &'static PhraseSet = Box::leak(Box::new(set));
    sets.insert(wanted, set);
    set
}

/// What is wrong with a list's text: a phrase before any section, or an unknown section.
#[cfg(test)]
fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_section = false;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            in_section = true;
            if !CATEGORIES.contains(&&line[1..line.len() - 1]) {
                found.push(format!("line {}: unknown section {line}", number + 1));
            }
        } else if !in_section {
            found.push(format!("line {}: phrase before any [section]", number + 1));
        }
    }
    found
}

pub fn all_languages() -> Vec<String> {
    LISTS.iter().map(|(code, _)| code.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_prefix_phrases() {
        let ui = phrase_set("ui", &all_languages());
        assert!(ui.matches("connect with us", true));
        assert!(ui.matches("share on facebook", true));
        assert!(ui.matches(&key("Advertisement. Scroll to continue reading."), true));
        assert!(ui.matches(&key("View all posts by Toni Golen, MD"), true));
        assert!(!ui.matches("share your story with us and win a prize today", true));
        let set = PhraseSet::new(["related coverage".to_string()].into_iter().collect(), FxHashSet::default());
        assert!(set.opens("related coverage from money", 4));
    }

    fn matches(category: &str, line: &str, languages: &[&str]) -> bool {
        let languages: Vec<String> = languages.iter().map(|code| code.to_string()).collect();
        phrase_set(category, &languages).matches(&key(line), true)
    }

    fn anywhere(category: &str, line: &str) -> bool {
        phrase_set(category, &all_languages()).matches(&key(line), true)
    }

    #[test]
    fn every_shipped_list_parses_and_fills_every_category() {
        for (code, text) in LISTS.iter() {
            assert_eq!(problems(text), Vec::<String>::new(), "phrases/{code}.txt");
            for category in CATEGORIES {
                let set = phrase_set(category, &[code.to_string()]);
                assert!(!set.exact.is_empty() || !set.prefixes.is_empty(), "phrases/{code}.txt has no [{category}]");
            }
        }
        assert_eq!(
            problems("share\n[widgets]\n"),
            vec!["line 1: phrase before any [section]", "line 2: unknown section [widgets]"]
        );
    }

    #[test]
    fn phrases_match_whole_lines_after_normalisation() {
        for (category, line) in [
            ("ui", "Connect with us"),
            ("ui", "Hi, what are you looking for?"),
            ("ui", "SHARE ON FACEBOOK"),
            ("ui", "Zum Inhalt springen"),
            ("ui", "Iniciar sesión"),
            ("end", "You may also like:"),
            ("end", "Das könnte Sie auch interessieren"),
            ("end", "Noticias relacionadas"),
            ("byline", "Written By"),
            ("bio", "About the author"),
            ("closing", "Final thoughts"),
            ("closing", "Fazit: Lohnt sich der Kauf?"),
        ] {
            assert!(anywhere(category, line), "{category}: {line}");
        }
    }

    #[test]
    fn a_prefix_phrase_matches_short_lines_only_and_prose_is_not_matched() {
        assert!(anywhere("ui", "Share on LinkedIn") && anywhere("ui", "Follow us on Instagram"));
        let longest = phrase_set("ui", &all_languages()).longest_prefix;
        assert!(!anywhere("ui", &format!("Share {}", "word ".repeat(longest + PREFIX_SLACK))));
        assert!(!anywhere("ui", "Connect with us on the long road to the coast, the guide said."));
        assert!(!anywhere("end", "You may also like the new bridge over the river."));
        assert!(!anywhere("ui", "Homecoming"));
    }

    #[test]
    fn languages_choose_the_lists() {
        assert!(matches("end", "Articoli correlati", &["it"]));
        assert!(matches("end", "Вам также может быть интересно", &["ru"]));
        assert!(!matches("end", "Вам также может быть интересно", &["en"]));
        assert!(matches("end", "関連記事", &["ja"]) && matches("end", "相关文章", &["zh"]));
        assert!(!matches("end", "関連", &["ja"]));
        assert!(matches("ui", "Teilen", &["de"]) && !matches("ui", "Teilen", &["en"]));
        assert!(!matches("ui", "Compartir", &["en", "de"]));
    }
}
