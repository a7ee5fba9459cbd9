//! Threads of stamped posts: forum pages, Q&A pages, comments and live blogs.
//!
//! A thread prints each entry under a stamp: a short line that ends with a time
//! or says who wrote ("Post by ant » 12. Sep 2024, 00:38", "longshot ·
//! 03/03/2026 19:44", "2 days ago", "Alex said:"). Between the stamps stand the
//! entry's words and its metadata, which repeats from entry to entry ("Posts:
//! 386", "Joined: …", "Top", "Re: <subject>").
//!
//! On a forum the thread *is* the page, and its posts are short: one post alone
//! seldom makes the densest run of prose, so the others would be dropped as
//! boilerplate around it. [`thread_posts`] finds the posts of such a thread:
//! the lines between stamps that are not the metadata the thread repeats.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::features::Features;
use crate::text::{casefold, may_hold_digit, tail};

use super::blockmodel::says_ago;
use super::page::Page;

/// A stamp: a date or time that ends a short line, or a "said"/"says" line.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|",
        r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?.{0,12}$|\b(?:says|said|wrote|writes|schreibt|dit|écrit|dice|escribe|scrive|disse|escreve)[\s:]*$",
    ))
    .unwrap()
});
/// A signature: a line that ends saying who wrote what follows ("Alex says:", "ann schreibt:", "by ann writes:").
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:says|said|wrote|writes|schreibt|dit|écrit|dice|escribe|scrive|disse|escreve)[\s:]*$").unwrap()
});
/// A stamp ends its line; only the line's tail is searched.
const STAMP_TAIL: usize = 120;
const STAMP_WORDS: usize = 16;

/// A thread needs this many stamps, no further apart than `MAX_GAP` lines.
const MIN_POSTS: usize = 3;
const MAX_GAP: usize = 25;
/// A line of a post: a sentence, or a few words (the shortest posts are one short line).
const POST_WORDS: usize = 4;
/// The label of a metadata line: a few words before a colon at the start of the line
/// (the Python pattern's look-ahead for a space after the colon is checked in code).
static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\w+(?: \w+){0,2}):").unwrap());

/// A short line that ends with a time or date, or says who wrote what follows.
pub fn is_stamp(text: &str, feature: &Features) -> bool {
    // The search starts inside the text, as Python's `search(text, pos)` does: `\b` sees what stands before.
    if feature.words() > STAMP_WORDS {
        return false;
    }
    let searched = tail(text, STAMP_TAIL);
    // A stamp says "ago", holds a time's colon, or ends like "said": most lines run no regular expression.
    let dated = may_hold_digit(searched) && (searched.contains(':') || says_ago(searched));
    if !dated && !ends_like_said(text) {
        return false;
    }
    STAMP.find_at(text, text.len() - searched.len()).is_some()
}

/// A short line that ends saying who wrote what follows ("Alex says:").
pub fn is_signature(text: &str) -> bool {
    ends_like_said(text) && SIGNATURE.is_match(tail(text, STAMP_TAIL))
}

/// Whether a line could end with "said", "says", "wrote", … (in any case, before spaces and
/// colons): its last letter is one such a word ends with. Lines without a digit need it to be a stamp.
fn ends_like_said(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == ':');
    // 'ſ' is a case form of 's' for a case-insensitive pattern.
    trimmed.chars().next_back().is_some_and(|last| matches!(last, 's' | 'S' | 'ſ' | 'd' | 'D' | 'e' | 'E' | 't' | 'T'))
}

/// The label of a "Label: value" line ("Joined: 4 Jul 2012", "Re: the subject"), folded; else None.
///
/// The words and the colon can only match one way, so checking the character after
/// the colon in code means what the Python look-ahead `(?=\s)` means.
fn label(text: &str) -> Option<String> {
    let found = LABEL.captures(text)?;
    let after = found.get(0)?.end();
    let next = text[after..].chars().next()?;
    if !next.is_whitespace() {
        return None;
    }
    Some(casefold(found.get(1)?.as_str()))
}

/// The lines of the thread of stamped entries that holds position `text_at`, and its post lines.
///
/// `positions` are the candidate positions in reading order (into `page`);
/// `stamps` the stamped ones among them, in order. The thread runs from its first stamp to one gap past its last; it
/// counts only with `MIN_POSTS` stamps no more than `MAX_GAP` lines apart and
/// when it holds `text_at` (the page's main text). A post line is a sentence or
/// has a few words, and is no metadata: a line whose label the thread repeats
/// ("Joined: …") or a line without a full stop that it repeats ("Top",
/// "Quote"). Quoted sentences stay: a reply quotes what it answers. Stamps are
/// no post lines. The posts come in order.
pub fn thread_posts(
    positions: &[usize],
    page: &dyn Page,
    text_at: usize,
    stamps: &[usize],
) -> (Range<usize>, Vec<usize>) {
    let Some((first, last)) = thread_around(stamps, text_at) else {
        return (0..0, Vec::new());
    };
    let inside: Vec<usize> = positions.iter().copied().filter(|position| (first..=last).contains(position)).collect();
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for position in &inside {
        *seen.entry(page.feature(*position).key()).or_default() += 1;
    }
    let labels: Vec<Option<String>> = inside.iter().map(|position| label(page.text(*position))).collect();
    let mut labelled: FxHashMap<&str, usize> = FxHashMap::default();
    for found in labels.iter().flatten() {
        *labelled.entry(found.as_str()).or_default() += 1;
    }
    let mut posts = Vec::new();
    let mut next_stamp = 0; // both lists are in order: walk them together
    for (position, found) in inside.iter().copied().zip(&labels) {
        while next_stamp < stamps.len() && stamps[next_stamp] < position {
            next_stamp += 1;
        }
        let stamped = stamps.get(next_stamp) == Some(&position);
        let feature = page.feature(position);
        let sentence = feature.terminal || feature.words() >= POST_WORDS;
        // Metadata: a label the thread repeats, or a short line it repeats ("Top", "Quote", a name).
        let repeated_label = found.as_deref().is_some_and(|found| labelled[found] >= 2);
        let metadata = repeated_label || (seen[feature.key()] >= 2 && !feature.terminal);
        if sentence && !metadata && !stamped {
            posts.push(position);
        }
    }
    (first..last + 1, posts)
}

/// The first and last line of the run of close stamps that holds `text_at`.
fn thread_around(stamps: &[usize], text_at: usize) -> Option<(usize, usize)> {
    let mut start = 0;
    for index in 1..=stamps.len() {
        if index < stamps.len() && stamps[index] - stamps[index - 1] <= MAX_GAP {
            continue;
        }
        let run = &stamps[start..index];
        start = index;
        if run.len() < MIN_POSTS {
            continue;
        }
        let widest = run.windows(2).map(|pair| pair[1] - pair[0]).max().unwrap_or(0);
        let (first, last) = (run[0], run[run.len() - 1] + widest);
        if first <= text_at && text_at <= last {
            return Some((first, last));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyse;
    use crate::passes::chrome::page::Listed;

    #[test]
    fn stamps_end_their_lines() {
        let analysis = analyse(&["Post by ann » 12 Sep 2024, 00:38", "Alex said:", "At 10:30 the council met again."]);
        let stamped: Vec<bool> = ["Post by ann » 12 Sep 2024, 00:38", "Alex said:", "At 10:30 the council met again."]
            .iter()
            .zip(&analysis.features)
            .map(|(text, feature)| is_stamp(text, feature))
            .collect();
        assert_eq!(stamped, vec![true, true, false]);
    }

    #[test]
    fn posts_of_a_thread_leave_its_metadata() {
        let mut texts = Vec::new();
        for post in ["It works now.", "Same here, thanks.", "Fixed for me too."] {
            texts.extend(["Post by ann » 12 Sep 2024, 00:38", "Posts: 4", post, "Top"]);
        }
        let analysis = analyse(&texts);
        let feats: Vec<&Features> = analysis.features.iter().collect();
        let positions: Vec<usize> = (0..texts.len()).collect();
        let stamps: Vec<usize> = positions.iter().copied().filter(|p| is_stamp(texts[*p], feats[*p])).collect();
        let (zone, posts) = thread_posts(&positions, &Listed { texts: &texts, feats: &feats }, 2, &stamps);
        assert_eq!(zone, 0..13);
        assert_eq!(posts, vec![2, 6, 10]);
        assert_eq!(label("Joined: 4 Jul 2012").as_deref(), Some("joined"));
        assert_eq!(label("Re:subject"), None);
    }

    /// The posts `thread_posts` finds among `lines` around `text_at`, as texts.
    fn posts_of(lines: &[&str], text_at: usize) -> Vec<String> {
        let analysis = analyse(lines);
        let feats: Vec<&Features> = analysis.features.iter().collect();
        let positions: Vec<usize> = (0..lines.len()).collect();
        let stamps: Vec<usize> = positions.iter().copied().filter(|p| is_stamp(lines[*p], feats[*p])).collect();
        let (_, posts) = thread_posts(&positions, &Listed { texts: lines, feats: &feats }, text_at, &stamps);
        posts.into_iter().map(|position| lines[position].to_string()).collect()
    }

    #[test]
    fn two_stamps_make_no_thread_and_three_do() {
        let mut lines = vec!["ann · 3 days ago", "It works now.", "bo · 2 days ago", "Same here, thanks."];
        assert!(posts_of(&lines, 1).is_empty());
        lines.extend(["cy · 1 day ago", "Fixed for me too."]);
        assert_eq!(posts_of(&lines, 1), vec!["It works now.", "Same here, thanks.", "Fixed for me too."]);
    }

    #[test]
    fn a_thread_away_from_the_main_text_is_not_its_posts() {
        let mut lines = vec!["ann · 3 days ago", "It works now.", "bo · 2 days ago", "Same here, thanks."];
        lines.extend(["cy · 1 day ago", "Me too."]);
        lines.extend(["filler line"; 30]);
        lines.push("The main text of the page, far below the thread.");
        assert!(posts_of(&lines, lines.len() - 1).is_empty());
    }

    #[test]
    fn stamps_are_short_lines_ending_in_a_time_or_a_said() {
        let long = "The meeting starts at 10:30 and ends when the last speaker has finished talking, ".repeat(2);
        let lines = [
            "Post by ant » 12. Sep 2024, 00:38",
            "longshot · 03/03/2026 19:44",
            "Alex on September 17, 2018 at 6:34 am said:",
            "posted 2 days ago",
            long.as_str(),
            "Same here, thanks.",
        ];
        let analysis = analyse(&lines);
        let stamped: Vec<bool> =
            lines.iter().zip(&analysis.features).map(|(text, feature)| is_stamp(text, feature)).collect();
        assert_eq!(stamped, vec![true, true, true, true, false, false]);
    }
}
