//! What the DOM shows of a page's blocks before any pass reads their text: the port of
//! `scrapeclean/page/evidence.py`'s `marks()` and `content()`.
//!
//! The Python module's docstrings say what each rule removes or keeps and which
//! case set each threshold; this one does the same, step for step, so both give
//! the same marks and content blocks for the same walk
//! (`tests/test_html_evidence_engine.py`). Lengths are code points and words are
//! `str.split()`'s, as Python counts them; shares compare an integer with a
//! float product, as Python does (exact: every count here is far below 2^53).

use super::elements::{IN_ARTICLE, IN_LIST, IN_MAIN, IN_NAV, IN_PRE, IN_TABLE};
use super::walk::{Block, Container, Item, Walk, MIN_ITEMS};
use crate::text::{char_len, python_split};

/// A part of a page is smaller than the page; above this share of its text an element is a wrapper.
const MAX_CONTAINER_SHARE: f64 = 0.5;
/// A container holding more than this share of the page's sentences is the page, whatever its class says.
const MOST_PROSE: f64 = 0.5;
/// A layout part holding the page's longest prose is its frame if it holds this share of its sentences too.
const FRAME_SENTENCES: f64 = 0.5;
/// Consecutive list items that are all link text: three make a menu.
const MIN_LINK_LIST: usize = 3;
/// On a page with no paragraph of a story, a list of links holding this share of its text is its content ...
const LISTING_SHARE: f64 = 0.3;
/// ... if its items are records of this many lines each on average, not a menu's labels.
const MIN_RECORD_LINES: usize = 3;
const LINKED_SHARE: f64 = 0.9;
/// A teaser card: a linked headline (this many words at least) and little else.
const MAX_CARD_CHARS: usize = 400;
const MIN_CARD_HEADLINE_WORDS: usize = 3;
/// Share of a repeated structure's items that must be cards for it to be a teaser list.
const MIN_CARD_SHARE: f64 = 0.75;
/// Cards are teasers beside a story: a page whose longest paragraph (outside links) holds this many characters.
const MIN_STORY_CHARS: usize = 300;
/// A story of this many characters outside links outweighs any rail of cards beside it.
const WHOLE_STORY_CHARS: usize = 2000;
/// An element in the page's `article` or `main` named for navigation whose text is this share of sentences
/// outside links is a section of the story; sentences are blocks of this many words.
const NAV_PROSE_SHARE: f64 = 0.6;
const MIN_SENTENCE_WORDS: usize = 10;
/// A data table: this many rows at least, of this many cells on average, at most this share of its text in links.
const MIN_TABLE_ROWS: usize = 5;
const MIN_TABLE_COLUMNS: usize = 2;
const MAX_TABLE_LINK_SHARE: f64 = 0.5;

pub const LINK_LIST: &str = "link-list";
pub const TEASER_CARDS: &str = "teaser-cards";
const COMMENT_THREAD: &str = "comment-thread";
const DIALOG: &str = "dialog";
const NAVIGATION: &str = "page-navigation";

/// Parts of a page's layout: one holding the page's longest prose is its frame, not a part of it.
fn is_layout(reason: &str) -> bool {
    matches!(reason, "page-navigation" | "page-header" | "page-footer" | "page-aside" | "form" | "dialog")
}

/// A block the DOM shows to be outside the page's content: its index, reason code and a note for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub block: usize,
    pub reason: &'static str,
    pub detail: String,
}

/// What the DOM shows of a page's blocks: the marks ([`marks`]) and the content blocks ([`content`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub marks: Vec<Mark>,
    pub content: Vec<usize>,
}

/// The marks and content blocks of a walk, as `evidence.py` gives them.
pub fn evidence(walk: &Walk) -> Evidence {
    let page = Page::new(walk);
    let marks = page.marks();
    let content = page.content(&marks);
    Evidence { marks, content }
}

/// A block's figures the rules read, counted once.
struct Figures {
    /// Code points of its text.
    chars: usize,
    /// Code points outside links.
    prose: usize,
    /// Code points outside links, if it is a sentence ([`MIN_SENTENCE_WORDS`] words or more).
    sentence: usize,
}

/// A walk with running totals over its blocks, so that a container's text or sentences cost two look-ups.
struct Page<'a> {
    blocks: &'a [Block],
    containers: &'a [Container],
    items: &'a [Item],
    figures: Vec<Figures>,
    chars: Vec<usize>,
    sentences: Vec<usize>,
    /// The block with the most text outside links (the first of them), None for a page without blocks.
    prose: Option<usize>,
}

fn words_at_least(text: &str, count: usize) -> bool {
    python_split(text).nth(count.saturating_sub(1)).is_some() || count == 0
}

impl<'a> Page<'a> {
    fn new(walk: &'a Walk) -> Page<'a> {
        let figures: Vec<Figures> = walk
            .blocks
            .iter()
            .map(|block| {
                let chars = char_len(&block.text);
                let prose = chars - block.link_chars;
                let sentence = if words_at_least(&block.text, MIN_SENTENCE_WORDS) { prose } else { 0 };
                Figures { chars, prose, sentence }
            })
            .collect();
        let mut chars = Vec::with_capacity(figures.len() + 1);
        let mut sentences = Vec::with_capacity(figures.len() + 1);
        chars.push(0);
        sentences.push(0);
        for each in &figures {
            chars.push(chars[chars.len() - 1] + each.chars);
            sentences.push(sentences[sentences.len() - 1] + each.sentence);
        }
        let mut prose = None;
        for (index, each) in figures.iter().enumerate() {
            if prose.is_none_or(|best: usize| each.prose > figures[best].prose) {
                prose = Some(index);
            }
        }
        Page {
            blocks: &walk.blocks,
            containers: &walk.containers,
            items: &walk.items,
            figures,
            chars,
            sentences,
            prose,
        }
    }

    /// Characters of blocks `[first, last)`.
    fn text(&self, first: usize, last: usize) -> usize {
        self.chars[last] - self.chars[first]
    }

    fn all_text(&self) -> usize {
        self.chars[self.chars.len() - 1]
    }

    /// Characters of sentences in blocks `[first, last)`.
    fn sentence_chars(&self, first: usize, last: usize) -> usize {
        self.sentences[last] - self.sentences[first]
    }

    fn all_sentences(&self) -> usize {
        self.sentences[self.sentences.len() - 1]
    }

    /// Whether the page's longest prose is a paragraph of a story ([`MIN_STORY_CHARS`] outside links).
    fn has_story(&self) -> bool {
        self.prose.is_some_and(|prose| self.figures[prose].prose >= MIN_STORY_CHARS)
    }

    /// The region (`article`/`main` element) of the longest prose, 0 for none.
    fn story_region(&self) -> u32 {
        self.prose.map_or(0, |prose| self.blocks[prose].region)
    }

    /// `evidence.marks`: (block index, reason, detail) in block order.
    fn marks(&self) -> Vec<Mark> {
        let mut reasons: Vec<Option<(&'static str, String)>> = vec![None; self.blocks.len()];
        self.mark_containers(&mut reasons);
        let story = self.has_story();
        for (first, last) in self.link_lists() {
            if !story
                && self.text(first, last) as f64 >= LISTING_SHARE * self.all_text() as f64
                && self.records(first, last)
            {
                continue; // a listing's records, each a link (job offers, search results): the page's content
            }
            for reason in &mut reasons[first..last] {
                reason.get_or_insert_with(|| (LINK_LIST, format!("{} linked list items", last - first)));
            }
        }
        for group in self.linked_groups() {
            let (first, last) = (group[0].first, group[group.len() - 1].last);
            if !story
                && self.text(first, last) as f64 >= LISTING_SHARE * self.all_text() as f64
                && self.records(first, last)
            {
                continue; // a listing's records, each wholly a link: the page's content
            }
            let detail = format!("one of {} sibling items that are wholly links", group.len());
            for item in group {
                for reason in &mut reasons[item.first..item.last] {
                    reason.get_or_insert_with(|| (LINK_LIST, detail.clone()));
                }
            }
        }
        let out: Vec<bool> = reasons.iter().map(Option::is_some).collect();
        for cards in self.teaser_lists(&out) {
            let detail = format!("one of {} cards of a linked headline and an excerpt", cards.len());
            for item in cards {
                for reason in &mut reasons[item.first..item.last] {
                    reason.get_or_insert_with(|| (TEASER_CARDS, detail.clone()));
                }
            }
        }
        let found = reasons.into_iter().enumerate();
        found.filter_map(|(block, reason)| reason.map(|(reason, detail)| Mark { block, reason, detail })).collect()
    }

    /// The marks of the containers that are parts of the page (the first reason of a block wins).
    fn mark_containers(&self, reasons: &mut [Option<(&'static str, String)>]) {
        let story = self.region_of_prose();
        let threads = self.forum_threads();
        for container in self.containers {
            let holds_prose = self.prose.is_some_and(|prose| container.first <= prose && prose < container.last)
                && if is_layout(container.reason) {
                    // A footer's long legal notice is no frame for a page whose sentences are elsewhere.
                    self.sentence_chars(container.first, container.last) as f64
                        >= FRAME_SENTENCES * self.all_sentences() as f64
                } else {
                    container.reason != COMMENT_THREAD && story.is_some_and(|story| holds(container, story))
                };
            if container.reason == NAVIGATION && self.is_story_section(container) {
                continue;
            }
            let overlay = container.reason == DIALOG && self.story_outside(container);
            if !overlay && self.most_prose(container) {
                continue; // the box holds most of the page's sentences: whatever its name, it is the page
            }
            if overlay || (self.is_part(container) && !holds_prose && !in_thread(container, &threads)) {
                let span = container.first..container.last;
                for (block, reason) in self.blocks[span.clone()].iter().zip(&mut reasons[span]) {
                    if block.level != 1 && reason.is_none() {
                        *reason = Some((container.reason, container.detail.clone()));
                    }
                }
            }
        }
    }

    /// The first and past-the-last block of the `article`/`main` element holding the longest prose.
    fn region_of_prose(&self) -> Option<(usize, usize)> {
        let region = self.story_region();
        if region == 0 {
            return None;
        }
        let first = self.blocks.iter().position(|block| block.region == region)?;
        let last = self.blocks.iter().rposition(|block| block.region == region)?;
        Some((first, last + 1))
    }

    /// Comment threads that are the page: holding most of its text, with no story before them.
    fn forum_threads(&self) -> Vec<&'a Container> {
        let threads = self.containers.iter().filter(|container| {
            container.reason == COMMENT_THREAD
                && container.last > container.first
                && !self.is_part(container)
                && self.sentence_chars(0, container.first) < MIN_STORY_CHARS
        });
        threads.collect()
    }

    /// Whether the page holds a story (sentences of [`MIN_STORY_CHARS`]) outside `container`.
    fn story_outside(&self, container: &Container) -> bool {
        self.all_sentences() - self.sentence_chars(container.first, container.last) >= MIN_STORY_CHARS
    }

    /// Whether a box named for a part (not a layout part, not comments) holds most of the page's sentences.
    fn most_prose(&self, container: &Container) -> bool {
        if container.reason == COMMENT_THREAD || is_layout(container.reason) {
            return false;
        }
        self.sentence_chars(container.first, container.last) as f64 > MOST_PROSE * self.all_sentences() as f64
    }

    /// Whether a container inside `article`/`main` and no `<nav>` is mostly sentences outside links.
    fn is_story_section(&self, container: &Container) -> bool {
        let sentences = self.sentence_chars(container.first, container.last);
        if sentences < MIN_STORY_CHARS
            || (sentences as f64) < NAV_PROSE_SHARE * self.text(container.first, container.last) as f64
        {
            return false;
        }
        self.blocks[container.first..container.last]
            .iter()
            .all(|block| block.flags & (IN_ARTICLE | IN_MAIN) != 0 && block.flags & IN_NAV == 0)
    }

    fn is_part(&self, container: &Container) -> bool {
        if container.last <= container.first {
            return false;
        }
        self.text(container.first, container.last) as f64 <= MAX_CONTAINER_SHARE * self.all_text().max(1) as f64
    }

    /// Runs of at least [`MIN_LINK_LIST`] list items that are all link text: `[first, last)`.
    fn link_lists(&self) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start = None;
        for index in 0..=self.blocks.len() {
            let linked = self.blocks.get(index).is_some_and(|block| {
                block.flags & IN_LIST != 0 && block.link_chars as f64 >= LINKED_SHARE * self.figures[index].chars as f64
            });
            match start {
                None if linked => start = Some(index),
                Some(first) if !linked => {
                    if index - first >= MIN_LINK_LIST {
                        runs.push((first, index));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }

    /// Groups of at least [`MIN_LINK_LIST`] sibling items, every block of them link text and each item a card's
    /// size ([`MAX_CARD_CHARS`]), below a story: the page's `h1`, then sentences of its own ([`MIN_STORY_CHARS`]),
    /// then the group. A rail of linked headlines with their linked bylines and dates, a menu built of `div`
    /// elements: the link lists that are not lists.
    fn linked_groups(&self) -> Vec<Vec<&'a Item>> {
        let linked = |index: usize| {
            self.blocks[index].link_chars as f64 >= LINKED_SHARE * self.figures[index].chars as f64
                && self.figures[index].chars > 0
        };
        let Some(h1) = self.blocks.iter().position(|block| block.level == 1) else { return Vec::new() };
        let groups = item_groups(self.items).into_iter().filter(|group| group.len() >= MIN_LINK_LIST);
        let teaser =
            |item: &&Item| (item.first..item.last).all(linked) && self.text(item.first, item.last) <= MAX_CARD_CHARS;
        let groups = groups.filter(|group| group.iter().all(teaser));
        // Below a story: the page's headline, then sentences of its own, then the rail.
        groups
            .filter(|group| h1 < group[0].first && self.sentence_chars(h1, group[0].first) >= MIN_STORY_CHARS)
            .collect()
    }

    /// Whether the items over blocks `[first, last)` are records of several lines each (a menu's are one line).
    fn records(&self, first: usize, last: usize) -> bool {
        // Groups in the order they first appear, each with its items' lines and count.
        let mut outer: Vec<(u32, usize, usize)> = Vec::new();
        for item in self.items.iter().filter(|item| first <= item.first && item.first < item.last && item.last <= last)
        {
            let lines = item.last - item.first;
            match outer.iter_mut().find(|(group, _, _)| *group == item.group) {
                Some((_, total, count)) => {
                    *total += lines;
                    *count += 1;
                }
                None => outer.push((item.group, lines, 1)),
            }
        }
        let mut widest: Option<(usize, usize)> = None;
        for &(_, total, count) in &outer {
            if widest.is_none_or(|(best, _)| total > best) {
                widest = Some((total, count));
            }
        }
        widest.is_some_and(|(total, count)| total >= MIN_RECORD_LINES * count)
    }

    /// Repeated structures whose items are teaser cards beside a story (`out`: blocks marked so far).
    fn teaser_lists(&self, out: &[bool]) -> Vec<Vec<&'a Item>> {
        if !self.has_story() {
            return Vec::new(); // cards are the content of a page with no paragraph of a story
        }
        let beside = StoryChars::new(self, out);
        let mut found = Vec::new();
        for group in item_groups(self.items) {
            if group.len() < MIN_ITEMS || !self.beside_story(&group, &beside) {
                continue;
            }
            if group
                .iter()
                .all(|item| self.blocks[item.first..item.last].iter().all(|block| block.flags & IN_TABLE != 0))
            {
                continue;
            }
            let cards = group.iter().filter(|item| self.is_card(item.first, item.last)).count();
            if cards >= MIN_ITEMS && cards as f64 >= MIN_CARD_SHARE * group.len() as f64 {
                found.push(group);
            }
        }
        found
    }

    /// Whether cards sit beside a story that outweighs them: outside its `article`/`main`, else after its
    /// longest prose.
    fn beside_story(&self, group: &[&Item], story: &StoryChars) -> bool {
        let mut inside = group.iter().flat_map(|item| item.first..item.last);
        let story_chars = if story.region != 0 {
            if inside.any(|index| self.blocks[index].region == story.region) {
                return false;
            }
            story.in_region
        } else if self.prose.is_some_and(|prose| group[0].first > prose) {
            story.before[group[0].first]
        } else {
            return false;
        };
        let cards: usize =
            group.iter().flat_map(|item| item.first..item.last).map(|index| self.figures[index].chars).sum();
        story_chars >= cards.min(WHOLE_STORY_CHARS)
    }

    fn is_card(&self, first: usize, last: usize) -> bool {
        if self.figures[first..last].iter().map(|each| each.chars).sum::<usize>() > MAX_CARD_CHARS {
            return false;
        }
        (first..last).any(|index| {
            let block = &self.blocks[index];
            block.link_chars as f64 >= LINKED_SHARE * self.figures[index].chars as f64
                && words_at_least(&block.text, MIN_CARD_HEADLINE_WORDS)
        })
    }

    /// `evidence.content`: the unmarked blocks in the content container, in `<pre>`, or in a data table.
    fn content(&self, marks: &[Mark]) -> Vec<usize> {
        let mut out = vec![false; self.blocks.len()];
        for mark in marks {
            out[mark.block] = true;
        }
        let region = self.story_region();
        let tables = self.data_tables();
        let blocks = self.blocks.iter().enumerate();
        let inside = blocks.filter(|&(index, block)| {
            !out[index] && ((region != 0 && block.region == region) || block.flags & IN_PRE != 0 || tables[index])
        });
        inside.map(|(index, _)| index).collect()
    }

    /// Per block, whether it is a cell of a data table: [`MIN_TABLE_ROWS`] rows of cells, little of it link text.
    fn data_tables(&self) -> Vec<bool> {
        let mut cells = vec![false; self.blocks.len()];
        for group in item_groups(self.items) {
            let inside = || group.iter().flat_map(|item| item.first..item.last);
            if group.len() < MIN_TABLE_ROWS || !inside().all(|index| self.blocks[index].flags & IN_TABLE != 0) {
                continue;
            }
            let text: usize = inside().map(|index| self.figures[index].chars).sum();
            let links: usize = inside().map(|index| self.blocks[index].link_chars).sum();
            if links as f64 <= MAX_TABLE_LINK_SHARE * text as f64 && inside().count() >= MIN_TABLE_COLUMNS * group.len()
            {
                inside().for_each(|index| cells[index] = true);
            }
        }
        cells
    }
}

/// Characters outside links of the story's blocks (none marked yet): those in its region, and before each block.
struct StoryChars {
    region: u32,
    in_region: usize,
    before: Vec<usize>,
}

impl StoryChars {
    fn new(page: &Page<'_>, out: &[bool]) -> StoryChars {
        let region = page.story_region();
        let mut before = Vec::with_capacity(page.blocks.len() + 1);
        before.push(0);
        let mut in_region = 0;
        for (index, block) in page.blocks.iter().enumerate() {
            let chars = if out[index] { 0 } else { page.figures[index].prose };
            if region != 0 && block.region == region {
                in_region += chars;
            }
            before.push(before[index] + chars);
        }
        StoryChars { region, in_region, before }
    }
}

/// The repeated structures: the non-empty items of each group, groups in the order they first appear.
fn item_groups(items: &[Item]) -> Vec<Vec<&Item>> {
    let mut groups: Vec<Vec<&Item>> = Vec::new();
    let mut slots: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for item in items.iter().filter(|item| item.last > item.first) {
        let slot = *slots.entry(item.group).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(item);
    }
    groups
}

fn holds(container: &Container, (first, last): (usize, usize)) -> bool {
    container.first <= first && last <= container.last
}

/// Whether `container` is a post of a thread that is the page (its own comment box proves nothing).
fn in_thread(container: &Container, threads: &[&Container]) -> bool {
    container.reason == COMMENT_THREAD
        && threads.iter().any(|thread| thread.first <= container.first && container.last <= thread.last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::walk_html;

    /// A paragraph of `words` words (ten a sentence of 50 characters, the last without its space).
    fn story(words: usize) -> String {
        format!("<p>{}</p>", "The river rose all night and the town watched it. ".repeat(words / 10))
    }

    fn reasons(html: &str) -> Vec<(usize, &'static str)> {
        evidence(&walk_html(html, false)).marks.into_iter().map(|mark| (mark.block, mark.reason)).collect()
    }

    #[test]
    fn an_empty_walk_has_no_evidence() {
        assert_eq!(evidence(&Walk::default()), Evidence::default());
    }

    #[test]
    fn layout_parts_are_marked_but_not_the_h1() {
        let html = format!("<nav><a href=/>Home</a><h1>Site</h1></nav><main>{}</main>", story(60));
        assert_eq!(reasons(&html), vec![(0, "page-navigation")]);
    }

    #[test]
    fn a_wrapper_round_the_page_proves_nothing() {
        let html = format!("<form>{}<p>Sign in</p></form>", story(60));
        assert_eq!(reasons(&html), vec![]);
    }

    #[test]
    fn three_linked_list_items_are_a_link_list() {
        let menu = "<ul><li><a>One</a></li><li><a>Two</a></li><li><a>Three</a></li></ul>";
        let html = format!("{}{menu}", story(60));
        let marks = evidence(&walk_html(&html, false)).marks;
        assert_eq!(marks.iter().map(|mark| mark.block).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(marks[0].reason, LINK_LIST);
        assert_eq!(marks[0].detail, "3 linked list items");
        let pair = "<ul><li><a>Previous</a></li><li><a>Next</a></li></ul>";
        assert_eq!(reasons(&format!("{}{pair}", story(60))), vec![]);
    }

    #[test]
    fn a_listing_of_records_is_the_page() {
        let record = "<li><div><a>Cook wanted</a></div><div><a>Leeds</a></div><div><a>Full time</a></div></li>";
        let html = format!("<p>Jobs</p><ul>{}</ul>", record.repeat(4));
        assert_eq!(reasons(&html), vec![]);
    }

    #[test]
    fn teaser_cards_beside_a_story_are_marked() {
        let card = "<div class=card><a>A linked headline of a story</a><p>An excerpt.</p></div>";
        let html = format!("<article>{}</article><div>{}</div>", story(80), card.repeat(4));
        let marks = evidence(&walk_html(&html, false)).marks;
        assert_eq!(marks.len(), 8);
        assert!(marks.iter().all(|mark| mark.reason == TEASER_CARDS));
        assert_eq!(marks[0].detail, "one of 4 cards of a linked headline and an excerpt");
        // Without a story beside them, cards are a listing: the page's content.
        assert_eq!(reasons(&format!("<div>{}</div>", card.repeat(4))), vec![]);
    }

    #[test]
    fn a_layout_part_is_the_frame_only_with_most_of_the_sentences() {
        let notice = format!("<h1>A story</h1>{}<footer>{}</footer>", story(10).repeat(10), story(80));
        assert_eq!(reasons(&notice), vec![(11, "page-footer")]);
        let sidebar = format!(
            "<h1>A story</h1><div class=sidebar>{}{}</div><footer>{}</footer>",
            story(80),
            story(40),
            story(10)
        );
        assert_eq!(reasons(&sidebar), vec![(3, "page-footer")]);
    }

    #[test]
    fn a_rail_of_wholly_linked_items_below_a_story_is_marked() {
        let item = "<div class=rail-item><a href=/n><span>Another headline of the day</span><ul><li>By Staff</li>\
                    <li>11/20/2019</li></ul></a></div>";
        let html = format!("<h1>A short story</h1>{}<div>{}</div>", story(80), item.repeat(3));
        let marks = evidence(&walk_html(&html, false)).marks;
        assert_eq!(marks.iter().map(|mark| mark.block).collect::<Vec<_>>(), (2..11).collect::<Vec<_>>());
        assert!(marks.iter().all(|mark| mark.reason == LINK_LIST));
        assert_eq!(marks[0].detail, "one of 3 sibling items that are wholly links");
        // Under a headline with no sentences of its own, linked items are the page's listing.
        assert_eq!(
            reasons(&format!("<h1>Latest</h1><p>All of today's stories.</p><div>{}</div>", item.repeat(3))),
            vec![]
        );
    }

    #[test]
    fn a_forum_thread_is_the_page_under_no_story() {
        let post = format!("<div class=comment>{}</div>", story(40));
        let html = format!("<div class=comments>{}</div><footer>Site</footer>", post.repeat(3));
        assert_eq!(reasons(&html), vec![(3, "page-footer")]);
        let under = format!("{}<div class=comments><div class=comment><p>Nice.</p></div></div>", story(60));
        assert_eq!(reasons(&under), vec![(1, "comment-thread")]);
    }

    #[test]
    fn a_dialog_beside_a_story_is_chrome_however_long() {
        let html = format!("{}<div role=dialog>{}</div>", story(80), story(200));
        assert_eq!(reasons(&html), vec![(1, "dialog")]);
    }

    #[test]
    fn a_navigation_box_of_sentences_in_the_article_is_a_section() {
        let html = format!("<article><h1>T</h1>{}<div class=nav>{}</div></article>", story(80), story(80));
        assert_eq!(reasons(&html), vec![]);
        let menu = format!("<article><h1>T</h1>{}<div class=nav><p>Home</p></div></article>", story(80));
        assert_eq!(reasons(&menu), vec![(2, "page-navigation")]);
        let html = format!("<article><h1>T</h1>{}<nav>{}</nav></article>", story(80), story(80));
        assert_eq!(reasons(&html), vec![(2, "page-navigation")]);
    }

    #[test]
    fn content_is_the_story_region_pre_lines_and_data_tables() {
        let row = "<tr><td>Leeds</td><td>17</td></tr>";
        let html = format!(
            "<nav><a>Home</a></nav><article>{}<ul><li><a>a</a></li><li><a>b</a></li><li><a>c</a></li></ul></article>\
             <pre>x = 1\ny = 2</pre><table>{}</table><p>Footer text</p>",
            story(60),
            row.repeat(5)
        );
        let found = evidence(&walk_html(&html, false));
        // block 0 the nav, 1 the story, 2-4 the link list, 5-6 the pre, 7-16 the cells, 17 the footer text
        assert_eq!(found.content, [vec![1], (5..17).collect::<Vec<_>>()].concat());
    }
}
