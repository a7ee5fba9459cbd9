//! The signs around a headline that a new story starts there, and the signs
//! that it does not (a list item, a lead-in, a closing section, a list's
//! label lines, a table of one template).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::view::View;
use super::windows::Window;
use crate::cues::is_dateline;
use crate::features::Features;
use crate::model::Role;
use crate::reasons;
use crate::text::key;

/// A numbered item ("4. Create a plan", "2) Pop filters") continues a list, and a line
/// ending in a colon leads into what follows: neither is the headline of a new story.
static ITEM_OR_LEAD_IN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\d{1,3}[.)]\s|:\s*$").unwrap());
/// A label line such as "Book now" or "Read on Amazon" is this short.
const FURNITURE_WORDS: usize = 3;
/// The label of a label line ("Author: Jane Doe") has at most this many words.
const LABEL_WORDS: usize = 2;
/// Lines under a headline looked at for its item's labels.
const FURNITURE_LINES: usize = 4;
/// Blocks above a headline looked at for the same labels.
const FURNITURE_REACH: usize = 40;
/// Share of a story's word triples repeated across its lines: a table of one template.
const TEMPLATED_SHARE: f64 = 0.5;
/// Blank lines before a headline's zone that set it off from the text before.
const SETTING_OFF_GAP: u32 = 2;
/// Removed chrome lines between a headline and the text before that set it off.
const CHROME_LINES: usize = 2;
/// Lines under a headline where a caption, byline or dateline marks it as a story's.
const FURNITURE_BELOW: usize = 3;
/// Lines under a headline where a byline and a date together mark it.
const BYLINE_BELOW: usize = 4;
/// Lines, the headline's own included, where a date makes a short story stay one.
const DATED_LINES: usize = 4;
/// Lines from a headline on where a closing section's heading is looked for.
const CLOSING_LINES: usize = 3;
/// Heading lines under a line that make it the first entry of a table of contents.
const CONTENTS_ENTRIES: usize = 2;
/// How much larger the share of a headline's words below it than above must be.
const TITLE_AFFINITY: f64 = 0.5;
/// Lines looked at above a headline's zone for the site's menu, back to the text before it.
const MENU_REACH: usize = 12;
/// A menu entry or a section label has at most this many words; a longer line is text.
pub(super) const MENU_WORDS: usize = 6;
/// Short lines between the text and a headline that make a menu between two pages, not a caption or a price.
const MENU_LINES: usize = 3;
/// Lines of that menu the page printed above its text too: the site's chrome printed again for the next page.
const REPEATED_MENU_LINES: usize = 2;
/// Removed lines looked at above a paragraph for a headline the chrome pass removed with its byline and date.
const REMOVED_HEADLINE_REACH: usize = 8;
/// Words that headline needs: a story's headline is a phrase, a menu entry or a label is shorter.
const REMOVED_HEADLINE_WORDS: usize = 5;
/// Removed chrome: what a site frames its stories with.
const BOILERPLATE_REASONS: [&str; 5] =
    [reasons::BOILERPLATE, reasons::RELATED, reasons::WIDGET, reasons::UI_PHRASE, reasons::AUTHOR_BIO];
/// The removals of repeated blocks (the reasons starting "repeated"): a list's label lines are removed as these.
const REPEATED_REASONS: [&str; 2] = [reasons::REPEATED_BLOCK, reasons::REPEATED_HEADING];

pub(super) fn is_item_or_lead_in(text: &str) -> bool {
    ITEM_OR_LEAD_IN.is_match(text)
}

/// How many signs of a new story's headline stand around the line at `position`.
pub(super) fn evidence(view: &View, position: usize) -> usize {
    let document = view.document;
    let zone = zone_start(view, position); // the captions and labels standing above the headline
    let zone_block = view.kept[zone];
    let mut evidence = 0;
    if document.blocks[zone_block].gap >= SETTING_OFF_GAP {
        evidence += 1;
    }
    let chrome = (view.kept[zone.saturating_sub(1)] + 1..zone_block)
        .filter(|&index| {
            document.notes[index]
                .removal
                .as_ref()
                .is_some_and(|removal| BOILERPLATE_REASONS.contains(&&*removal.reason))
        })
        .count();
    if chrome >= CHROME_LINES {
        evidence += 1;
    }
    if view.copied.contains(&view.kept[position]) {
        evidence += 1;
    }
    let below = &view.kept[position + 1..(position + 1 + BYLINE_BELOW).min(view.count())];
    let dated: Vec<bool> = below.iter().map(|&index| date_line(view, index)).collect();
    let near = below.len().min(FURNITURE_BELOW);
    if dated[..near].iter().any(|&date| date)
        || below[..near].iter().any(|&index| matches!(document.role(index), Some(Role::Caption | Role::Byline)))
    {
        evidence += 1;
    }
    if dated.iter().any(|&date| date) && below.iter().any(|&index| document.role(index) == Some(Role::Byline)) {
        evidence += 1; // a byline and a date: the furniture of a story's headline, not of a subheading
    }
    evidence
}

/// Signs that a run of the site's short lines (menu entries, section labels, kept or removed) stands between
/// the text before and this headline: one for the run, one more when the page printed its lines above its text.
///
/// A story's subheading follows its paragraph, at most under a caption or a
/// product's name and price; an endless page prints its menu again between two
/// stories.
pub(super) fn menu_before(view: &View, position: usize, text_start: usize) -> usize {
    let document = view.document;
    let (mut short, mut repeated) = (0, 0);
    let mut index = view.kept[zone_start(view, position)];
    for _ in 0..MENU_REACH {
        if index == 0 {
            return 0;
        }
        index -= 1;
        let feature = document.features(index);
        if is_item_or_lead_in(document.text(index)) {
            return 0; // the text's own list, led in by a colon or numbered
        }
        if feature.words() <= MENU_WORDS {
            short += usize::from(feature.words() > 0);
            repeated += usize::from(view.first_printed(feature) < text_start);
        } else if document.kept(index) {
            // a sentence ends the text above; a kept line with no full stop is a table's row or a list's entry
            if !feature.terminal || short < MENU_LINES {
                return 0;
            }
            return 1 + usize::from(repeated >= REPEATED_MENU_LINES);
        }
    }
    0 // no text within reach above: a list, not a menu after a story
}

/// How many words Python's `str.split()` finds: runs between white space, the
/// information separators U+001C–U+001F included.
fn split_count(text: &str) -> usize {
    crate::text::python_split(text).count()
}

/// A label line's key: the label of "Author: Jane Doe", or a short line such as "Book now"; else None.
pub(super) fn furniture_key(text: &str) -> Option<String> {
    match text.find(':') {
        Some(colon) => {
            let label = &text[..colon];
            (1..=LABEL_WORDS).contains(&split_count(label)).then(|| key(label) + ":")
        }
        None => (split_count(text) <= FURNITURE_WORDS).then(|| key(text)),
    }
}

/// The lines under this headline repeat label lines of the text above it: an item of a list, not a new page.
///
/// A list of books or restaurants prints the same fields ("Author:", "Book now",
/// "map") under every item's name; two pages' stories share no such lines.
pub(super) fn repeats_furniture(view: &View, position: usize) -> bool {
    let under = position + 1..(position + 1 + FURNITURE_LINES).min(view.count());
    let below: Vec<u32> = under.filter_map(|other| view.furniture_key(view.kept[other])).collect();
    if below.is_empty() {
        return false;
    }
    let start = view.kept[position];
    (start.saturating_sub(FURNITURE_REACH)..start).any(|index| {
        let counted = view.document.notes[index]
            .removal
            .as_ref()
            .is_none_or(|removal| REPEATED_REASONS.contains(&&*removal.reason));
        counted && view.furniture_key(index).is_some_and(|label| below.contains(&label))
    })
}

/// Most of the word triples of the prose lines in `[start, end)` stand in another of the lines too.
///
/// A table of cookies or a row of consent placeholders repeats one sentence
/// with a new name in each line; a story's paragraphs say new things.
pub(super) fn templated(view: &View, start: usize, end: usize) -> bool {
    let lines: Vec<FxHashSet<(u32, u32, u32)>> = (start..end)
        .filter(|&position| !view.feature(position).heading_like())
        .map(|position| view.content[position].windows(3).map(|words| (words[0], words[1], words[2])).collect())
        .collect();
    let mut seen: FxHashMap<(u32, u32, u32), usize> = FxHashMap::default();
    for triple in lines.iter().flatten() {
        *seen.entry(*triple).or_default() += 1;
    }
    let total: usize = lines.iter().map(FxHashSet::len).sum();
    let repeated = lines.iter().flatten().filter(|triple| seen[triple] > 1).count();
    total > 0 && repeated as f64 >= TEMPLATED_SHARE * total as f64
}

/// The line opens a table of contents: a run of heading lines whose first the text prints again further down.
///
/// A story's headline stands over its text, or over its furniture (byline,
/// date, caption, which have roles by now); a contents list at the top of a
/// long guide prints its section titles one under another, and each again
/// over its section.
pub(super) fn heads_contents(view: &View, position: usize) -> bool {
    let under = position + 1..position + 1 + CONTENTS_ENTRIES;
    if under.end > view.count()
        || !under.clone().all(|other| view.feature(other).heading_like() && view.role(other).is_none())
    {
        return false;
    }
    view.printed_after(view.feature(position), view.kept[under.end - 1])
}

/// This line or a line right under its headings heads an article's closing section ("Conclusion", "Fazit").
pub(super) fn closing(view: &View, position: usize) -> bool {
    for other in position..(position + CLOSING_LINES).min(view.count()) {
        let feature = view.feature(other);
        if super::view::CLOSING.matches(&feature.key, true) {
            return true;
        }
        if !feature.heading_like() {
            return false;
        }
    }
    false
}

/// A date on the headline's line or the three lines under it.
pub(super) fn dated(view: &View, position: usize) -> bool {
    view.kept[position..(position + DATED_LINES).min(view.count())].iter().any(|&index| date_line(view, index))
}

fn date_line(view: &View, index: usize) -> bool {
    view.document.role(index) == Some(Role::Dateline)
        || is_dateline(view.document.text(index), view.document.features(index))
}

/// 1 when the headline's words are the text's below it and not the text's above it.
pub(super) fn title_affinity(view: &View, position: usize, before: &Window, after: &Window) -> usize {
    usize::from(words_below(view, &view.content[position], before, after))
}

/// A headline's words are the text's below it and not the text's above it.
fn words_below(view: &View, heading: &[u32], before: &Window, after: &Window) -> bool {
    if heading.is_empty() {
        return false;
    }
    let share = |window: &Window| view.held(window, heading) as f64 / heading.len() as f64;
    share(after) - share(before) >= TITLE_AFFINITY
}

/// The block of a headline the chrome pass removed right above the paragraph at `position`, whose words are
/// the text's below it and not above it: a page's next story, its headline and furniture taken for chrome.
///
/// `after` is the text from the paragraph on. A short removed label, a
/// removed teaser whose words the text does not take up, or a headline kept
/// (it is a candidate of its own) is none.
pub(super) fn removed_headline(view: &View, position: usize, before: &Window, after: &Window) -> Option<usize> {
    let (previous, here) = (view.kept[position - 1], view.kept[position]);
    (previous + 1..here).rev().take(REMOVED_HEADLINE_REACH).find(|&index| {
        may_be_removed_headline(view.document.features(index))
            && !is_item_or_lead_in(view.document.text(index))
            && words_below(view, view.removed_words(index), before, after)
    })
}

/// Whether a removed line is shaped like a headline (the only removed lines whose words a story start reads).
pub(super) fn may_be_removed_headline(feature: &Features) -> bool {
    feature.heading_like() && feature.words() >= REMOVED_HEADLINE_WORDS
}

/// Whether removed lines right above the paragraph at `position` hold a headline-shaped line: cheap, before any window.
pub(super) fn may_follow_removed_headline(view: &View, position: usize) -> bool {
    let (previous, here) = (view.kept[position - 1], view.kept[position]);
    (previous + 1..here)
        .rev()
        .take(REMOVED_HEADLINE_REACH)
        .any(|index| may_be_removed_headline(view.document.features(index)))
}

/// Move a story start up over the caption and label lines kept just above its headline.
pub(super) fn zone_start(view: &View, mut position: usize) -> usize {
    while position > 1 && matches!(view.role(position - 1), Some(Role::Caption | Role::Section)) {
        position -= 1;
    }
    position
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_lines_have_keys() {
        assert_eq!(furniture_key("Author: Jane Doe").as_deref(), Some("author:"));
        assert_eq!(furniture_key("Book now").as_deref(), Some("book now"));
        assert_eq!(furniture_key("Read it on Amazon"), None);
        assert_eq!(furniture_key("The author of the book: Jane"), None);
        assert_eq!(furniture_key(": nothing before"), None);
        assert_eq!(split_count("a\x1fb c"), 3);
    }

    #[test]
    fn items_and_lead_ins() {
        assert!(is_item_or_lead_in("4. Create a plan"));
        assert!(is_item_or_lead_in("  2) Pop filters"));
        assert!(is_item_or_lead_in("What we found: "));
        assert!(!is_item_or_lead_in("2024 in review"));
        assert!(!is_item_or_lead_in("Note: a headline"));
    }
}
