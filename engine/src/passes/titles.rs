//! The evidence `assign-roles` weighs for a story's headline: the line's shape,
//! the words the text opens with, a breadcrumb trail ending with it, a byline
//! or date under it, the page's `<title>` line holding it, a copy of it below.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::copies::copied_headings;
use crate::cues::{is_dateline, is_list_item, title_keys, LIST_ITEM, SITE_SEPARATOR};
use crate::features::Features;
use crate::language::Stopwords;
use crate::model::{Document, Role};
use crate::reasons::BYLINE_MARKER;
use crate::text::key;

/// "Home » Blog", "Docs > Guides": a trail of links, not a headline.
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s[>»›❯]\s|\s[>»›❯]$").unwrap());
/// A web or mail address on a line of its own ("www.example.com.br", "news@example.org").
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[^\s.]+(?:\.[^\s.]+)+$").unwrap());
/// A step of a breadcrumb trail ("Home > Blog > Headline", "Home - Library - Headline").
static TRAIL_STEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s[>»›❯/|\-–]\s").unwrap());

/// Shorter lines between a headline and its text (names, "5 min read") do not push it away.
pub const NEAR_WORDS: usize = 3;
/// Words of the text's opening a headline's words are looked for in.
const OPENING_WORDS: usize = 300;
/// The evidence of a line a breadcrumb trail ends with.
const TRAIL: f64 = 1.5;
/// The evidence of a line with a byline or a date just under it.
const DATED: f64 = 1.5;
/// How far under a headline its byline or date may stand.
const UNDER_LINES: usize = 3;
/// Of its content words a removed first line needs in the opening to count as first.
const OPENING_SHARE: f64 = 0.75;
/// Of its content words a removed first line with no site's name needs in all the lines under it.
const UNDER_SHARE: f64 = 0.5;
/// The evidence of a line all of whose content words the opening repeats.
const OVERLAP: f64 = 3.0;
/// Title Case: this share of a line's words capitalised.
const TITLE_CASE: f64 = 0.6;
/// A line's length counts for it up to this many words ...
const FULL_LENGTH_WORDS: usize = 12;
/// ... and against it past this many.
const OVERLONG_WORDS: usize = 15;

/// Words the shorter side of a loose match with the `<title>` line needs ("Best Movers" is a menu entry).
const LOOSE_PART_WORDS: usize = 4;
/// Content words a `<title>` piece needs for a line to reword it ("NLN Digital preservation", a
/// site's name of three, is reworded by "Digital preservation at the NLN", a menu entry).
const REWORDED_WORDS: usize = 4;
/// Of a `<title>` piece's content words, the share a line rewording it holds.
const REWORDED_SHARE: f64 = 0.75;
/// Of the longer side's words, the share the shorter side of a loose match covers.
const LOOSE_SHARE: f64 = 0.5;

/// The content words the text opens with: what its headline is about.
pub type Opening<'d> = FxHashSet<&'d str>;

/// A headline-shaped candidate and the evidence the page's `<title>` line gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shaped {
    pub index: usize,
    pub evidence: f64,
}

/// The document as `assign-roles` reads it: annotations before the pass, features, copies, the `<title>` line.
pub struct View<'d, 'a> {
    pub document: &'d Document<'a>,
    pub features: &'d [Features],
    stopwords: &'static Stopwords,
    /// Headings printed again below (their copies removed as repeated headings).
    copied: FxHashSet<usize>,
    /// Whether the first line is headline-shaped, so that it may be the page's `<title>` line.
    pub first_heading_like: bool,
    /// The keys a headline has in the page's `<title>` line: all of it, or what a separator cuts off the site's name.
    pub title_parts: FxHashSet<String>,
}

impl<'d, 'a> View<'d, 'a> {
    pub fn new(document: &'d Document<'a>) -> Self {
        let analysis = document.analysis();
        let features = &analysis.features[..];
        let first_heading_like = features.first().is_some_and(Features::heading_like);
        let mut title_parts = FxHashSet::default();
        if first_heading_like {
            title_parts = title_keys(document.text(0), 1);
            title_parts.insert(features[0].key().to_string());
            title_parts.retain(|part| !part.is_empty());
        }
        View {
            document,
            features,
            stopwords: analysis.stopwords(),
            copied: copied_headings(document),
            first_heading_like,
            title_parts,
        }
    }

    /// Whether the `<title>` line names a line loosely: the line starts or ends a piece a
    /// separator cuts off it ("Headline" under "Headline [2025]: Tips"), or starts with such a
    /// piece and goes on ("Headline, Reviewed by a Student" under "Headline | Site"). The
    /// shorter side needs [`LOOSE_PART_WORDS`] words and [`LOOSE_SHARE`] of the longer side's.
    ///
    /// The whole first line names nothing loosely: in the text cleaning gives, the first line is
    /// the headline, and its section heads start or end with its words ("Understanding Headline").
    pub fn loosely_named(&self, line: &str) -> bool {
        let whole = self.features.first().map_or("", |feature| feature.key());
        self.title_parts.iter().any(|part| {
            if part == whole || line == whole {
                return false;
            }
            let (short, long) = if line.len() < part.len() { (line, part.as_str()) } else { (part.as_str(), line) };
            let starts = long.starts_with(short) && long.as_bytes().get(short.len()) == Some(&b' ');
            // A line ending with the headline is a trail or a deck ("Home / News / Headline").
            let ends = line.len() < part.len()
                && long.ends_with(short)
                && long.len() > short.len()
                && long.as_bytes()[long.len() - short.len() - 1] == b' ';
            let words = short.matches(' ').count() + 1;
            let joined = starts || ends;
            joined && words >= LOOSE_PART_WORDS && words as f64 >= LOOSE_SHARE * (long.matches(' ').count() + 1) as f64
        })
    }

    /// Whether a line rewords a piece the `<title>` line's separator cuts off: it holds most of
    /// the piece's content words, and they most of its own.
    pub fn reworded(&self, line: &str) -> bool {
        let whole = self.features.first().map_or("", |feature| feature.key());
        self.title_parts.iter().any(|part| part != whole && part != line && self.rewords(line, part))
    }

    fn rewords<'s>(&self, line: &'s str, part: &'s str) -> bool {
        let words = |text: &'s str| -> FxHashSet<&'s str> {
            text.split(' ').filter(|token| !self.stopwords.contains(*token)).collect()
        };
        let (mine, theirs) = (words(line), words(part));
        if theirs.len() < REWORDED_WORDS || mine.is_empty() {
            return false;
        }
        let shared = mine.intersection(&theirs).count() as f64;
        shared >= REWORDED_SHARE * theirs.len() as f64 && shared >= LOOSE_SHARE * mine.len() as f64
    }

    fn kept(&self, index: usize) -> bool {
        self.document.kept(index)
    }

    /// Printed twice counts for a line; having been removed as chrome counts against it.
    ///
    /// A line printed twice beside another such line is an entry of a table of contents,
    /// printed again over its section: that is no headline's evidence.
    pub fn presence(&self, index: usize) -> f64 {
        let copied = |line: usize| self.copied.contains(&line);
        let contents = (index > 0 && copied(index - 1)) || copied(index + 1);
        (if copied(index) && !contents { 2.0 } else { 0.0 }) - (if self.kept(index) { 0.0 } else { 1.0 })
    }

    /// A line that could be the headline: headline-shaped, not a date, a menu entry, a breadcrumb trail or an address.
    pub fn headline_shaped(&self, index: usize) -> bool {
        let (text, feature) = (self.document.text(index), &self.features[index]);
        self.document.role(index).is_none()
            && feature.heading_like()
            && !is_dateline(text, feature)
            && !is_list_item(text)
            && !BREADCRUMB.is_match(text)
            && !ADDRESS.is_match(text)
    }

    /// The content words the text opens with: what its headline is about.
    pub fn opening_words(&self, body_start: usize) -> Opening<'d> {
        let mut found = Opening::default();
        let mut count = 0;
        for index in body_start..self.document.len() {
            if count >= OPENING_WORDS {
                break;
            }
            if !self.kept(index) || self.document.role(index).is_some() {
                continue;
            }
            for token in self.features[index].key.split(' ') {
                count += 1;
                if !self.stopwords.contains(token) {
                    found.insert(token);
                }
            }
        }
        found
    }

    /// The share of a line's content words the text's opening repeats, and how many it has.
    fn shared(&self, feature: &Features, opening: &Opening) -> (f64, usize) {
        let mut content = 0;
        let mut repeated = 0;
        for token in feature.key.split(' ').filter(|token| !self.stopwords.contains(*token)) {
            content += 1;
            repeated += usize::from(opening.contains(token));
        }
        if content == 0 || opening.is_empty() {
            return (0.0, content);
        }
        (repeated as f64 / content as f64, content)
    }

    /// How much of a line's content the text's opening repeats: a headline's words, not a menu's.
    fn overlap(&self, feature: &Features, opening: &Opening) -> f64 {
        let (share, content) = self.shared(feature, opening);
        if content < 2 {
            return 0.0;
        }
        // A two-word label is easily repeated by chance: its evidence counts for less.
        OVERLAP * share * content as f64 / content.max(3) as f64
    }

    /// A line that may stand first above the text: a kept line of a few words, or the very first line.
    ///
    /// The first line counts even when the chrome pass took it, if the text's opening
    /// repeats its words: cleaned text starts with its headline, while a dump's first
    /// line is the page's `<title>` line, with the site's name, or a menu. The lines
    /// between it and the prose (a table of contents, a deck, section heads) count
    /// for a first line with no site's name beside it and no near copy under it
    /// (a dump's headline under its `<title>` line).
    pub fn leads(&self, index: usize, opening: &Opening, zone: &[Shaped]) -> bool {
        let feature = &self.features[index];
        if index != 0 {
            return self.kept(index) && feature.words() >= NEAR_WORDS;
        }
        if self.kept(index) || self.shared(feature, opening).0 >= OPENING_SHARE {
            return true;
        }
        // Without the site's name beside it, the first line may be a headline over a table of
        // contents or a deck: then half its words under it, those lines included, will do.
        if SITE_SEPARATOR.is_match(self.document.text(index))
            || zone.iter().any(|other| self.near_copy(feature, other.index))
        {
            return false;
        }
        self.shared(feature, &self.opening_words(1)).0 >= UNDER_SHARE
    }

    /// A later line holding most of a line's content words.
    fn near_copy(&self, feature: &Features, other: usize) -> bool {
        if other == 0 {
            return false;
        }
        let words: Opening = self.features[other].key.split(' ').collect();
        self.shared(feature, &words).0 >= OPENING_SHARE
    }

    /// Each headline-shaped line's evidence from itself and the lines around it, in the zone's order.
    pub fn zone_scores(&self, zone: &[Shaped], opening: &Opening, body_start: usize, title_line: bool) -> Vec<f64> {
        let Some(first) = zone.first() else {
            return Vec::new();
        };
        let trails = self.trail_ends(first.index.saturating_sub(UNDER_LINES), body_start);
        let mut printed: FxHashMap<&str, usize> = FxHashMap::default();
        for candidate in zone.iter().filter(|candidate| candidate.index > 0) {
            *printed.entry(&self.features[candidate.index].key).or_default() += 1;
        }
        let mut scores = vec![0.0; zone.len()];
        let mut strong_below = 0;
        for (position, candidate) in zone.iter().enumerate().rev() {
            let feature = &self.features[candidate.index];
            // Later stories start at their headline (split-stories cuts there); only the page's
            // first story has menus between its start and its headline.
            let near = if title_line { strong_below + 1 } else { 0 };
            if feature.words() >= NEAR_WORDS {
                strong_below += 1;
            }
            let mut score = shape_score(feature, near)
                + candidate.evidence
                + self.overlap(feature, opening)
                + self.context(candidate.index, &trails);
            if printed.get(feature.key()).copied().unwrap_or(0) > 1 && !self.kept(candidate.index) {
                score += 1.0; // printed twice, both copies taken for chrome
            }
            scores[position] = score;
        }
        scores
    }

    /// The keys of what ends each breadcrumb trail or list entry between two blocks ("Home > Blog > Headline").
    fn trail_ends(&self, start: usize, end: usize) -> FxHashSet<String> {
        let mut ends = FxHashSet::default();
        for index in start..end.min(self.document.len()) {
            let text = self.document.text(index);
            let mut cut = TRAIL_STEP.find_iter(text).last().map_or(0, |step| step.end());
            if cut == 0 {
                cut = LIST_ITEM.find(text).map_or(0, |marker| marker.end());
            }
            if cut > 0 {
                ends.insert(key(&text[cut..]));
            }
        }
        ends
    }

    /// What the lines around a line say of it: a breadcrumb trail ending with it, a byline or date under it.
    fn context(&self, index: usize, trails: &FxHashSet<String>) -> f64 {
        let score = if trails.contains(self.features[index].key()) { TRAIL } else { 0.0 };
        let under = index + 1..(index + 1 + UNDER_LINES).min(self.document.len());
        for other in under {
            let note = &self.document.notes[other];
            let marker = note.removal.as_ref().is_some_and(|removal| *removal.reason == *BYLINE_MARKER);
            if marker
                || note.role == Some(Role::Byline)
                || is_dateline(self.document.text(other), &self.features[other])
            {
                return score + DATED;
            }
        }
        score
    }
}

/// How much a line looks like the headline by itself: its length, its capitals, its nearness to the text.
fn shape_score(feature: &Features, rank_from_text: usize) -> f64 {
    let words = feature.words();
    let mut score = words.min(FULL_LENGTH_WORDS) as f64 / 4.0 - words.saturating_sub(OVERLONG_WORDS) as f64 / 5.0;
    if words >= 3 && feature.capitalised >= TITLE_CASE {
        score += 0.5; // Title Case
    }
    if (1..=2).contains(&rank_from_text) {
        score += 0.75 / rank_from_text as f64; // the headline stands just above the text, under the menus
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_favours_long_title_case_lines_near_the_text() {
        let document = Document::new("Seals Return To The Estuary\nseals return\nA line that is far too long to be a headline of any page, having words on and on and on");
        let features = &document.analysis().features;
        assert_eq!(shape_score(&features[0], 1), 5.0 / 4.0 + 0.5 + 0.75);
        assert_eq!(shape_score(&features[1], 3), 0.5);
        assert!(shape_score(&features[2], 0) < 3.0);
    }

    #[test]
    fn breadcrumbs_addresses_and_list_items_are_not_headlines() {
        let document = Document::new("Home » Blog » News\nwww.example.com.br\n* Seals return home\nSeals return home");
        let view = View::new(&document);
        let shaped: Vec<bool> = (0..4).map(|index| view.headline_shaped(index)).collect();
        assert_eq!(shaped, vec![false, false, false, true]);
    }

    #[test]
    fn trails_and_dates_under_a_line_are_evidence() {
        let document =
            Document::new("News > Seals return home\nSeals return home\nNovember 20, 2019\nThe seals came back.");
        let view = View::new(&document);
        let trails = view.trail_ends(0, 3);
        assert!(trails.contains("seals return home"));
        assert_eq!(view.context(1, &trails), TRAIL + DATED);
    }

    #[test]
    fn the_title_line_names_heads_and_extensions_of_its_pieces_loosely() {
        let document = Document::new("Best High School Tutors in 2025 | Bold Org\nThe text.");
        let view = View::new(&document);
        assert!(view.loosely_named(&key("Best High School Tutors in 2025, Reviewed by a Student")));
        assert!(view.loosely_named(&key("Best High School Tutors")));
        assert!(!view.loosely_named(&key("Home / Best High School Tutors in 2025"))); // a trail ends with it
                                                                                      // Too short (a menu entry), or the line itself: not named loosely.
        assert!(!view.loosely_named(&key("High School Tutors")));
        assert!(!view.loosely_named(&key("Best High School Tutors in 2025 | Bold Org")));
        // Without a separator, the first line names nothing loosely (cleaned text starts with its headline).
        let cleaned = Document::new("Best High School Tutors in 2025\nThe text.");
        assert!(!View::new(&cleaned).loosely_named(&key("Best High School Tutors in 2025, Reviewed")));
    }

    #[test]
    fn a_line_rewords_a_title_piece_of_four_content_words_or_more() {
        let document = Document::new("Top 11 SEO Strategies for 2025 | NLN Digital Preservation\nThe text.");
        let view = View::new(&document);
        let reworded = |line: &str| view.reworded(&key(line));
        assert!(reworded("11 SEO Strategies for 2025 to Boost Rankings"));
        assert!(!reworded("Build Your SEO Strategy Today"));
        assert!(!reworded("Digital Preservation at the NLN")); // the site's name: three content words
    }

    #[test]
    fn an_entry_of_a_table_of_contents_printed_again_is_no_headline_evidence() {
        let mut document = Document::new(concat!(
            "Seals return home\nBy Jane Doe\nSeals in winter\nSeals in summer\nThe seals came back.\n",
            "Seals in winter\nSeals in summer\nSeals return home",
        ));
        let mut edits = document.edit("collapse-repeated-blocks");
        edits.remove_copy(5, crate::reasons::REPEATED_HEADING, "copy of heading block 2", 2);
        edits.remove_copy(6, crate::reasons::REPEATED_HEADING, "copy of heading block 3", 3);
        edits.remove_copy(7, crate::reasons::REPEATED_HEADING, "copy of heading block 0", 0);
        document.notes = edits.finish();
        let view = View::new(&document);
        assert_eq!(view.presence(0), 2.0); // the headline, printed again
        assert_eq!((view.presence(2), view.presence(3)), (0.0, 0.0)); // the contents, printed again over their sections
    }

    #[test]
    fn the_opening_repeats_a_headlines_words() {
        let document = Document::new("Seals return to the estuary\nThe seals returned to the estuary on Friday.");
        let view = View::new(&document);
        let opening = view.opening_words(1);
        let (share, content) = view.shared(&view.features[0], &opening);
        assert_eq!(content, 3);
        assert!((share - 2.0 / 3.0).abs() < 1e-12); // "return" is not "returned"
        assert!((view.overlap(&view.features[0], &opening) - OVERLAP * share).abs() < 1e-12);
    }
}
