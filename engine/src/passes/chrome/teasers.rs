//! Lists of teaser headlines kept inside or next to the main text.
//!
//! Pages print links to other stories as a run of headline-shaped lines: a few
//! words each, no sentence punctuation, one after another with no prose between
//! ("Trending News" boxes, "More from" lists, a rail of latest headlines). An
//! article's own text alternates headings with paragraphs; a run of several
//! headlines with nothing under any of them is a list of links to elsewhere.
//! Teaser records may carry a sentence under each headline, but then a date
//! beside most of them too (an article's sections carry none).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cues::before_ellipsis;
use crate::features::{Features, PROSE_WORDS};
use crate::text::{char_len, has_digits, is_python_space, python_split};

use super::page::Page;

/// A line that starts like a list item or a numbered step belongs to the text's own lists.
static ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:[*•·\-–—>»]|\d+[.)]\s)").unwrap());
static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").unwrap());
static MARKS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w\s]+").unwrap());
const MIN_HEADLINES: usize = 4;
const SNIPPET_WORDS: usize = 60;
const EDGE_WORDS: usize = 40;
const MIN_WORDS: usize = 4;
const MAX_WORDS: usize = 24;
const META_WORDS: usize = 8;
const BARE_META_WORDS: usize = 3;
/// Opening quotes and brackets a headline may start with.
const OPENERS: &[char] = &['"', '\'', '‘', '“', '«', '¿', '¡', '(', '['];

/// Python's `text.rstrip()`.
pub fn rstrip(text: &str) -> &str {
    text.trim_end_matches(is_python_space)
}

/// How many runs of digits a text holds.
fn digit_runs(text: &str) -> usize {
    if !text.is_ascii() {
        return DIGITS.find_iter(text).count();
    }
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit())).count()
}

/// A teaser headline: a handful of words, capitalised, no full stop, not a list item or table row.
pub fn headline_line(text: &str, feature: &Features) -> bool {
    let stripped = text.trim_start_matches(OPENERS);
    let trimmed = rstrip(text);
    feature.letters
        && (MIN_WORDS..=MAX_WORDS).contains(&feature.words())
        && (!feature.terminal || trimmed.ends_with('?'))
        && !trimmed.ends_with(':')
        && feature.unspaced() == 0
        && stripped.chars().next().is_some_and(|first| !first.is_lowercase())
        && !ITEM.is_match(text)
        && digit_runs(text) * 3 < feature.words()
        && !quoted_sentences(trimmed)
}

/// A quotation of several sentences ("“Very talented people! Super fun! We recommend it.”"): a
/// reader's words, which a testimonial or a review prints, not a headline.
fn quoted_sentences(text: &str) -> bool {
    let quoted = text.starts_with(['“', '"', '«']) && text.ends_with(['”', '"', '»']);
    quoted && text.match_indices(['.', '!', '?']).filter(|(at, _)| text[at + 1..].starts_with(' ')).count() >= 2
}

/// A short line a teaser record carries beside its headline: label, source, date, time.
pub fn meta_line(text: &str, feature: &Features) -> bool {
    !feature.terminal
        && feature.words() <= META_WORDS
        && (feature.words() <= BARE_META_WORDS || digit_runs(text) * 3 >= feature.words())
}

/// The sentence or two of a teaser under its headline.
fn snippet(feature: &Features) -> bool {
    (feature.terminal || feature.words() >= PROSE_WORDS) && feature.words() <= SNIPPET_WORDS
}

/// The largest count of a tally (0 when empty).
fn most<K>(counts: &FxHashMap<K, usize>) -> usize {
    counts.values().copied().max().unwrap_or(0)
}

/// Headlines of other stories differ; the items of one list often share a first word or a layout.
///
/// The layout is a line's punctuation ("England (Group A): 10th appearance"
/// reads `():`); a layout of two or more marks shared by half the lines
/// makes the run a table of records.
fn varied(page: &dyn Page, run: &[usize]) -> bool {
    let distinct: FxHashSet<&str> = run.iter().map(|position| page.text(*position)).collect();
    let mut firsts: FxHashMap<String, usize> = FxHashMap::default();
    for text in &distinct {
        let first = python_split(text).next().unwrap_or("");
        *firsts.entry(first.to_lowercase()).or_default() += 1;
    }
    if most(&firsts) * 4 >= run.len() && most(&firsts) >= 2 {
        return false;
    }
    let mut layouts: FxHashMap<String, usize> = FxHashMap::default();
    for text in &distinct {
        *layouts.entry(MARKS.replace_all(text, "").into_owned()).or_default() += 1;
    }
    !layouts.iter().any(|(layout, count)| char_len(layout) >= 2 && count * 2 >= distinct.len())
}

/// Runs of teaser headlines: bare (title, source, date) or with a teaser sentence under each.
pub fn headline_runs(page: &dyn Page, kept: &[usize]) -> Vec<Vec<usize>> {
    let mut records = runs(page, kept, true);
    if records.len() > 1 {
        records.clear(); // records with sentences all down the page: a listing, whose records are its content
    }
    let mut found = runs(page, kept, false);
    for run in records {
        if !found.contains(&run) {
            found.push(run);
        }
    }
    let listed: FxHashSet<usize> = found.iter().flatten().copied().collect();
    let rest: Vec<usize> = kept.iter().copied().filter(|position| !listed.contains(position)).collect();
    found.retain(|run| at_edge(page, &rest, run));
    found
}

/// Truncated excerpts in a row make a list of teasers: this many at least.
const MIN_EXCERPTS: usize = 3;
/// An excerpt is a piece of a sentence: this many words at least.
const EXCERPT_WORDS: usize = 8;
/// A record holds at most this many lines beside its excerpt (a label, a headline, a source, a date).
/// Comments that trail off ("…") stand further apart, with their author's name, rank and date between.
const RECORD_LINES: usize = 3;
/// Words before an excerpt's cut that, found in the text beside the run, show it teases the page's own story.
const OWN_TEASER_WORDS: usize = 6;
/// Of a run's excerpts, this many (the first) are looked for in the page's paragraphs ...
const CHECKED_EXCERPTS: usize = 16;
/// ... among those this many positions from the run at most.
const OWN_REACH: usize = 100;

/// The text before the ellipsis a teaser's excerpt is cut off with ("... may soon..."), if it is one.
///
/// The cut falls inside a sentence: a word, a figure or a comma stands right
/// before the ellipsis. An ellipsis after a full stop, or a trailing "Read
/// more...", is not a cut excerpt.
fn cut_excerpt<'t>(text: &'t str, feature: &Features) -> Option<&'t str> {
    if feature.words() < EXCERPT_WORDS {
        return None;
    }
    let trimmed = rstrip(text);
    let before = before_ellipsis(trimmed)?;
    before.chars().next_back().filter(|last| last.is_alphanumeric() || *last == ',').map(|_| before)
}

/// Runs of teaser records whose excerpts are cut off with an ellipsis, beside a story.
///
/// A story's paragraphs end where their sentences end; a site's rail of
/// other stories prints the first words of each and cuts them off ("...
/// in the Indian state may soon..."). At least [`MIN_EXCERPTS`] cut excerpts
/// in a row, with only headlines and meta lines between them, are such a
/// rail, wherever it stands, if the page's other prose outweighs it or one
/// of its excerpts is cut from the page's own story (a rail of the latest
/// stories lists the one on the page too). Otherwise the excerpts may be
/// the page's content: a listing, search results.
pub fn excerpt_runs(page: &dyn Page, kept: &[usize]) -> Vec<Vec<usize>> {
    let mut candidates = Vec::new();
    let (mut current, mut excerpts): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for position in kept.iter().copied().map(Some).chain([None]) {
        if let Some(position) = position {
            let (text, feature) = (page.text(position), page.feature(position));
            if cut_excerpt(text, feature).is_some() {
                current.push(position);
                excerpts.push(position);
                continue;
            }
            let since = current.len() - current.iter().rposition(|p| excerpts.last() == Some(p)).map_or(0, |at| at + 1);
            if since < RECORD_LINES && (headline_line(text, feature) || meta_line(text, feature)) {
                current.push(position);
                continue;
            }
        }
        if excerpts.len() >= MIN_EXCERPTS {
            // Headlines and meta lines after the last excerpt belong to what follows.
            let last = *excerpts.last().unwrap_or(&0);
            current.retain(|candidate| *candidate <= last);
            candidates.push((std::mem::take(&mut current), std::mem::take(&mut excerpts)));
        }
        current.clear();
        excerpts.clear();
    }
    if candidates.is_empty() {
        return Vec::new(); // most pages: no excerpts cut in a row, and nothing to weigh them against
    }
    let listed: FxHashSet<usize> = candidates.iter().flat_map(|(run, _)| run.iter().copied()).collect();
    let rest: Vec<usize> = kept.iter().copied().filter(|position| !listed.contains(position)).collect();
    let prose: Vec<usize> = rest.iter().copied().filter(|position| page.feature(*position).prose_words() > 0).collect();
    let rest_prose: usize = prose.iter().map(|position| page.feature(*position).prose_words()).sum();
    candidates
        .into_iter()
        .filter(|(run, excerpts)| {
            let own: usize = run.iter().map(|position| page.feature(*position).prose_words()).sum();
            let checked = excerpts.len().min(CHECKED_EXCERPTS);
            let teasing = teasing(page, excerpts, &prose);
            // Excerpts of the page's own sections, most of them: its summary ("Quick look"), not a rail.
            teasing * 2 < checked && (own <= rest_prose || teasing > 0) && cut_apart(page, excerpts)
        })
        .map(|(run, _)| run)
        .collect()
}

/// Whether the excerpts are cut at different words, as cuts at a length fall.
///
/// Entries that all end with one word before the ellipsis end with a link's
/// label ("Full review…", "Read more…"): summaries written whole, not cut.
fn cut_apart(page: &dyn Page, excerpts: &[usize]) -> bool {
    let mut last_words: FxHashMap<String, usize> = FxHashMap::default();
    for excerpt in excerpts {
        let before = cut_excerpt(page.text(*excerpt), page.feature(*excerpt)).unwrap_or("");
        let last = python_split(before).last().unwrap_or("");
        *last_words.entry(last.to_lowercase()).or_default() += 1;
    }
    most(&last_words) * 2 < excerpts.len()
}

/// The whole words an excerpt ends with before its cut, as they stand in its text, if it has enough.
fn tail_words<'t>(excerpt: &'t str, feature: &Features) -> Option<&'t str> {
    let before = cut_excerpt(excerpt, feature)?;
    let words: Vec<&str> = python_split(before).collect();
    // The last word may be cut in the middle; the words before it are whole.
    let whole = words.len().checked_sub(1).filter(|whole| *whole >= OWN_TEASER_WORDS)?;
    let offset = |word: &str| word.as_ptr() as usize - before.as_ptr() as usize;
    let (first, last) = (words[whole - OWN_TEASER_WORDS], words[whole - 1]);
    Some(&before[offset(first)..offset(last) + last.len()])
}

/// How many of a run's excerpts (the first [`CHECKED_EXCERPTS`]) are cut from a paragraph near it.
///
/// `prose` holds positions in order.
///
/// The paragraphs looked in are the `prose` lines within [`OWN_REACH`]
/// positions of the run: a rail stands beside the story it lists. The bounds
/// keep the search linear on any input.
fn teasing(page: &dyn Page, excerpts: &[usize], prose: &[usize]) -> usize {
    let (first, last) = (excerpts[0], excerpts[excerpts.len() - 1]);
    let low = prose.partition_point(|position| *position + OWN_REACH < first);
    let high = prose.partition_point(|position| *position <= last + OWN_REACH);
    let near: Vec<&str> = prose[low..high.max(low)].iter().map(|position| page.text(*position)).collect();
    excerpts
        .iter()
        .take(CHECKED_EXCERPTS)
        .filter(|excerpt| {
            let (text, feature) = (page.text(**excerpt), page.feature(**excerpt));
            tail_words(text, feature)
                .is_some_and(|tail| near.iter().any(|line| line.len() > text.len() && line.contains(tail)))
        })
        .count()
}

/// The run being gathered by [`runs`].
#[derive(Default)]
struct Gathering {
    current: Vec<usize>,
    headlines: Vec<usize>,
    snippets: Vec<usize>,
    dated: usize,
}

impl Gathering {
    /// Whether the run gathered so far is a teaser list (`introduced`: the line before it ends with a colon).
    fn is_teaser_list(&self, page: &dyn Page, introduced: bool) -> bool {
        if self.headlines.len() < MIN_HEADLINES || introduced {
            return false;
        }
        let records = self.headlines.iter().map(|position| page.text(*position)).collect::<FxHashSet<&str>>().len();
        let stamped = self.snippets.is_empty() || self.dated * 2 >= records;
        records >= MIN_HEADLINES && stamped && varied(page, &self.headlines)
    }
}

/// Runs of kept positions holding at least four teaser headlines and their meta lines.
///
/// With `with_snippets`, a sentence may stand under each headline, if most
/// records carry a dated meta line. A run the text introduces (the line
/// before it ends with a colon) is the text's own list.
fn runs(page: &dyn Page, kept: &[usize], with_snippets: bool) -> Vec<Vec<usize>> {
    let mut found = Vec::new();
    let mut gathering = Gathering::default();
    let mut before: Option<usize> = None; // the kept position just before the current run
    for position in kept.iter().copied().map(Some).chain([None]) {
        if let Some(position) = position {
            let (text, feature) = (page.text(position), page.feature(position));
            if headline_line(text, feature) {
                gathering.current.push(position);
                gathering.headlines.push(position);
                continue;
            }
            if meta_line(text, feature) {
                gathering.current.push(position);
                gathering.dated += usize::from(has_digits(text));
                continue;
            }
            let after_snippet = gathering.current.last() == gathering.snippets.last();
            if with_snippets && !gathering.headlines.is_empty() && !after_snippet && snippet(feature) {
                gathering.current.push(position);
                gathering.snippets.push(position);
                continue;
            }
        }
        let introduced = before.is_some_and(|before| rstrip(page.text(before)).ends_with(':'));
        let done = std::mem::take(&mut gathering);
        if done.is_teaser_list(page, introduced) {
            found.push(done.current);
        }
        before = position;
    }
    found
}

/// The run stands after the text's prose ends; a list amid the prose is the text's own.
///
/// Runs above the text are left alone: the headline and its standfirst stand
/// there. The text above must also outweigh the teasers' own sentences: on a
/// listing page a short introduction stands above records that are its content.
fn at_edge(page: &dyn Page, kept: &[usize], run: &[usize]) -> bool {
    let (first, last) = (run[0], run[run.len() - 1]);
    let prose_of = |positions: &mut dyn Iterator<Item = &usize>| -> usize {
        positions.map(|position| page.feature(*position).prose_words()).sum()
    };
    let before = prose_of(&mut kept.iter().filter(|position| **position < first));
    let after = prose_of(&mut kept.iter().filter(|position| **position > last));
    let own = prose_of(&mut run.iter());
    after < EDGE_WORDS && EDGE_WORDS <= before && own <= before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyse;
    use crate::passes::chrome::page::Listed;

    #[test]
    fn a_rail_of_headlines_after_the_text_is_a_teaser_list() {
        let prose = "It was a long day in the city, and the people of the town were tired of it all, they said.";
        let texts = [
            prose,
            prose,
            prose,
            "Storm closes the harbour for a week",
            "Council votes on the new bridge plan",
            "Schools reopen after the long summer break",
            "Local team wins the regional cup final",
        ];
        let analysis = analyse(&texts);
        let feats: Vec<&Features> = analysis.features.iter().collect();
        let kept: Vec<usize> = (0..texts.len()).collect();
        assert_eq!(headline_runs(&Listed { texts: &texts, feats: &feats }, &kept), vec![vec![3, 4, 5, 6]]);
        assert_eq!(headline_runs(&Listed { texts: &texts, feats: &feats }, &kept[3..]), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn lines_of_a_record() {
        let analysis = analyse(&["12 May 2024", "1. Browse the shop now", "what a day it was today"]);
        let feats = &analysis.features;
        assert!(meta_line("12 May 2024", &feats[0]));
        assert!(!headline_line("1. Browse the shop now", &feats[1]));
        assert!(!headline_line("what a day it was today", &feats[2]));
        assert_eq!(digit_runs("a1b22 333"), 3);
    }

    const PROSE: &str = "The council voted on Tuesday to keep the old ferry running through the winter, after a \
                         petition signed by more than two thousand residents asked it to reconsider.";
    const HEADLINES: [&str; 5] = [
        "Storm closes coastal road for the second time this month",
        "New library opens its doors in the old post office",
        "Why the salmon run failed again this year",
        "Harbour seals return to the estuary after forty years",
        "Police appeal for witnesses after crash on ring road",
    ];

    type Finder = fn(&dyn Page, &[usize]) -> Vec<Vec<usize>>;

    /// The runs `find` finds among `lines`, every line kept, as the lines' texts.
    fn found_by(find: Finder, lines: &[&str]) -> Vec<Vec<String>> {
        let analysis = analyse(lines);
        let feats: Vec<&Features> = analysis.features.iter().collect();
        let kept: Vec<usize> = (0..lines.len()).collect();
        find(&Listed { texts: lines, feats: &feats }, &kept)
            .into_iter()
            .map(|run| run.into_iter().map(|position| lines[position].to_string()).collect())
            .collect()
    }

    /// The teaser headline runs among `lines`.
    fn runs_of(lines: &[&str]) -> Vec<Vec<String>> {
        found_by(headline_runs, lines)
    }

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    fn dated_records(sentence: &str) -> Vec<String> {
        HEADLINES
            .iter()
            .flat_map(|headline| {
                [headline.to_string(), "Tom Rogan".into(), "Tuesday November 19, 2019".into(), sentence.into()]
            })
            .collect()
    }

    #[test]
    fn headlines_after_the_text_with_their_dates_and_sources_are_a_list() {
        let lines: Vec<&str> = [PROSE, PROSE].into_iter().chain(HEADLINES).collect();
        assert_eq!(runs_of(&lines), vec![owned(&HEADLINES)]);
        let records: Vec<&str> =
            HEADLINES.iter().flat_map(|headline| [*headline, "By Staff", "11/20/2019 01:14 PM"]).collect();
        let lines: Vec<&str> = [PROSE, PROSE].into_iter().chain(records.iter().copied()).collect();
        assert_eq!(runs_of(&lines), vec![owned(&records)]);
    }

    #[test]
    fn a_list_amid_the_prose_above_it_or_introduced_by_a_colon_is_the_texts_own() {
        let amid: Vec<&str> = [PROSE, PROSE].into_iter().chain(HEADLINES).chain([PROSE, PROSE]).collect();
        assert!(runs_of(&amid).is_empty());
        let above: Vec<&str> = HEADLINES.into_iter().chain([PROSE, PROSE]).collect();
        assert!(runs_of(&above).is_empty());
        let introduced: Vec<&str> =
            [PROSE, PROSE, "Here is what changed in the town this year:"].into_iter().chain(HEADLINES).collect();
        assert!(runs_of(&introduced).is_empty());
    }

    #[test]
    fn items_sharing_a_first_word_or_a_layout_are_a_list_not_teasers() {
        let items: Vec<String> = ["list", "revenue", "audience", "reach"]
            .iter()
            .map(|word| format!("Your {word} will grow year by year"))
            .collect();
        let lines: Vec<&str> = [PROSE, PROSE].into_iter().chain(items.iter().map(String::as_str)).collect();
        assert!(runs_of(&lines).is_empty());
        let rows: Vec<String> = ["Spain", "Wales", "Italy", "Chile"]
            .iter()
            .zip("ABCD".chars())
            .map(|(team, group)| format!("{team} (Group {group}): tenth appearance"))
            .collect();
        let lines: Vec<&str> = [PROSE, PROSE].into_iter().chain(rows.iter().map(String::as_str)).collect();
        assert!(runs_of(&lines).is_empty());
    }

    #[test]
    fn a_quotation_of_several_sentences_is_no_headline() {
        let lines = [
            "\u{201c}Beautiful spectacle! Dance, music, acting is amazing! We recommend it\u{201d}",
            "\u{201c}We Will Rebuild The Old Bridge This Year\u{201d}",
        ];
        let analysis = analyse(&lines);
        assert!(!headline_line(lines[0], &analysis.features[0]));
        assert!(headline_line(lines[1], &analysis.features[1]));
    }

    #[test]
    fn sentences_list_items_and_table_rows_are_not_headlines() {
        let lines =
            ["A full sentence ends here with a stop.", "* A bulleted item of the text", "33 Quin Houff 77 0 0 0 0"];
        let analysis = analyse(&lines);
        assert!(lines.iter().zip(&analysis.features).all(|(text, feature)| !headline_line(text, feature)));
    }

    #[test]
    fn dated_records_with_a_sentence_each_are_teasers_after_a_long_text_and_content_all_down_a_page() {
        let sentence = format!("{}, as the paper reported.", &PROSE[..60]);
        let records = dated_records(&sentence);
        let record_lines: Vec<&str> = records.iter().map(String::as_str).collect();
        let after_text: Vec<&str> = [PROSE; 4].into_iter().chain(record_lines.iter().copied()).collect();
        assert_eq!(runs_of(&after_text), vec![records.clone()]);
        // The teasers' sentences outweigh a short text: a listing.
        let listing: Vec<&str> = [PROSE, PROSE].into_iter().chain(record_lines.iter().copied()).collect();
        assert!(runs_of(&listing).is_empty());
        let pages: Vec<&str> = [PROSE; 4]
            .into_iter()
            .chain(record_lines.iter().copied())
            .chain(["Page 2 of the archive", PROSE])
            .chain(record_lines.iter().copied())
            .collect();
        assert!(runs_of(&pages).is_empty());
    }

    #[test]
    fn headings_with_a_short_undated_paragraph_each_are_the_texts_own() {
        let sections: Vec<&str> =
            HEADLINES.iter().flat_map(|headline| [*headline, "It opened on a wet Monday to a small crowd."]).collect();
        let lines: Vec<&str> = [PROSE, PROSE].into_iter().chain(sections).collect();
        assert!(runs_of(&lines).is_empty());
    }

    /// The runs of cut excerpts among `lines`.
    fn excerpts_of(lines: &[&str]) -> Vec<Vec<String>> {
        found_by(excerpt_runs, lines)
    }

    const STORY: [&str; 3] = [
        "WELLTOWN: The council voted on Tuesday to keep the old ferry running through the winter, after a \
         petition signed by more than two thousand residents asked it to reconsider the plan.",
        "The ferry has crossed the estuary since 1921, and the harbour master said it carried more people \
         last year than in any year since the bridge was opened.",
        "Residents will now be asked how often the boat should run, and the council will decide in March.",
    ];

    /// Teasers of other stories, each headline followed by its excerpt cut off mid-sentence.
    fn rail(own: bool) -> Vec<String> {
        let mut records: Vec<String> = HEADLINES
            .iter()
            .zip([("rain", "the"), ("books", "its"), ("fish", "a"), ("seals", "next,"), ("cars", "in")])
            .flat_map(|(headline, (topic, cut))| {
                [
                    headline.to_string(),
                    format!("TOWN: People who care about {topic} met on Monday to ask what to do {cut}..."),
                ]
            })
            .collect();
        if own {
            records.push("Council keeps the ferry".into());
            records.push(format!("{}...", &STORY[0][..STORY[0].find(" reconsider").unwrap()]));
        }
        records
    }

    #[test]
    fn excerpts_cut_off_beside_a_story_are_a_rail_wherever_they_stand() {
        let records = rail(false);
        let below: Vec<&str> = STORY[..2].iter().copied().chain(records.iter().map(String::as_str)).collect();
        // Five excerpts of 15 words outweigh a story of two paragraphs: without more, a listing.
        assert!(excerpts_of(&below).is_empty());
        // A rail that lists the story on the page too is a rail, above the story or below it.
        let records = rail(true);
        let above: Vec<&str> = records.iter().map(String::as_str).chain(STORY).collect();
        assert_eq!(excerpts_of(&above), vec![records.clone()]);
        let below: Vec<&str> = STORY.iter().copied().chain(records.iter().map(String::as_str)).collect();
        assert_eq!(excerpts_of(&below), vec![records.clone()]);
        // A longer story outweighs the rail on its own.
        let records = rail(false);
        let long: Vec<&str> =
            STORY.iter().chain(STORY.iter()).copied().chain(records.iter().map(String::as_str)).collect();
        let found = excerpts_of(&long);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), 10);
    }

    #[test]
    fn summaries_with_a_link_label_and_comments_trailing_off_are_no_rail() {
        let summaries: Vec<String> = HEADLINES
            .iter()
            .map(|headline| format!("{headline}. It is the best of its kind we tested this year. Full Review..."))
            .collect();
        let lines: Vec<&str> =
            STORY.iter().chain(STORY.iter()).copied().chain(summaries.iter().map(String::as_str)).collect();
        assert!(excerpts_of(&lines).is_empty());
        let comments: Vec<String> = ["stopped", "broke", "froze"]
            .iter()
            .map(|end| {
                format!("I tried that last year and it worked for a while, but then the whole thing just {end}\u{2026}")
            })
            .collect();
        let thread: Vec<&str> = comments
            .iter()
            .flat_map(|comment| [comment.as_str(), "Jan 12, 2024", "alice", "Member", "Location", "Seattle"])
            .collect();
        let lines: Vec<&str> = STORY.iter().chain(STORY.iter()).copied().chain(thread).collect();
        assert!(excerpts_of(&lines).is_empty());
    }

    #[test]
    fn excerpts_of_the_pages_own_paragraphs_are_its_summary() {
        let sections: Vec<String> = rail(false).chunks(2).map(|record| record[1].replace("...", " at once.")).collect();
        let summary: Vec<String> =
            sections.iter().map(|section| format!("{}...", &section[..section.len() - 9])).collect();
        let lines: Vec<&str> = STORY
            .iter()
            .chain(STORY.iter())
            .copied()
            .chain(summary.iter().map(String::as_str))
            .chain(sections.iter().map(String::as_str))
            .collect();
        assert!(excerpts_of(&lines).is_empty());
    }

    #[test]
    fn an_ellipsis_after_a_full_stop_or_a_short_line_cuts_no_excerpt() {
        let lines = [
            "The town met on Monday to talk about what it should do next...",
            "The town met on Monday to talk about what it should do next. ...",
            "And then...",
        ];
        let analysis = analyse(&lines);
        let cut: Vec<bool> =
            lines.iter().zip(&analysis.features).map(|(text, feature)| cut_excerpt(text, feature).is_some()).collect();
        assert_eq!(cut, [true, false, false]);
    }
}
