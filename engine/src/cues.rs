//! Typographic cues more than one pass reads: list marks, the `<title>` line's
//! separators, dates. One definition each, so the passes agree.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::features::Features;
use crate::text::key;

/// A list item of a text rendering ("* Home", "+ News", "o More", "2. Browse"), at the start of a line.
pub static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[*+•◦▪‣·o-]|\d{1,2}[.)])\s").unwrap());

/// What sets the site's name off a `<title>` line's headline: " | ", " - ", " – ", " » ".
pub const SITE_SEPARATOR_PATTERN: &str = r"\s[|\-–—·•/»]{1,3}\s";
pub static SITE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(SITE_SEPARATOR_PATTERN).unwrap());
/// Between a headline and the site's name in a page's `<title>`: those, or ": ".
pub static TITLE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{SITE_SEPARATOR_PATTERN}|:\s")).unwrap());

const MONTHS: &str = concat!(
    r"jan(?:uary|vier|eiro|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|fevereiro|febrero|mar(?:ch|s|ço|zo)?|märz|",
    r"apr(?:il)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai(?:o)?|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|juil(?:let)?|",
    r"aug(?:ust)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre|embro)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|",
    r"out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember|embro)?|dic(?:iembre)?"
);
/// A date: "20 November", "Nov. 20th", "2019-11-20", "20/11/2019".
pub static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{MONTHS})\b|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    ))
    .unwrap()
});
const DATELINE_WORDS: usize = 14;

/// The text before the ellipsis a line ends with ("... may soon...", "Read more…"), if it ends with one.
pub fn before_ellipsis(text: &str) -> Option<&str> {
    text.strip_suffix("...").or_else(|| text.strip_suffix('…'))
}

/// A short line that is mostly a date ("November 20, 2019", "Updated Dec 18, 2025 · 12 min read").
pub fn is_dateline(text: &str, feature: &Features) -> bool {
    // Every form of date holds a digit: most lines need no regular expression.
    feature.words() <= DATELINE_WORDS && crate::text::may_hold_digit(text) && DATE.is_match(text)
}

pub fn is_list_item(text: &str) -> bool {
    LIST_ITEM.is_match(text)
}

/// The keys of the headline a page's `<title>` line holds before or after its separator.
///
/// Only the sides of a separator count, not the whole line: a line without
/// the site's name beside it is not known to be a `<title>`.
pub fn title_keys(text: &str, min_words: usize) -> FxHashSet<String> {
    let separators: Vec<(usize, usize)> = TITLE_SEPARATOR.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let pieces =
        separators.iter().map(|(start, _)| &text[..*start]).chain(separators.iter().map(|(_, end)| &text[*end..]));
    pieces.map(key).filter(|piece| piece.matches(' ').count() + 1 >= min_words).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_sides() {
        let keys = title_keys("Seals return to the estuary | The Coast News", 4);
        assert_eq!(keys.into_iter().collect::<Vec<_>>(), vec!["seals return to the estuary".to_string()]);
    }

    #[test]
    fn dates_and_list_items() {
        assert!(DATE.is_match("Updated Dec 18, 2025"));
        assert!(DATE.is_match("20 de marzo"));
        assert!(!DATE.is_match("Decade of change"));
        assert!(is_list_item("* Home") && is_list_item("2. Browse") && !is_list_item("2024 review"));
    }
}
