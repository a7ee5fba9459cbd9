//! Split a dump that holds several stories (infinite-scroll pages) into one story each.
//!
//! A new story starts at a headline that follows a stretch of prose and is
//! followed by prose of its own, when the evidence adds up:
//!
//! * a page break (form feed) before it: scrapeclean's own story separator, always a split;
//! * the topic changes: few content words shared by the text before and after
//!   (lexical cohesion, as TextTiling measures it; words weighted by their
//!   rarity in the dump), required for any other split;
//! * the similarity dips there below its level on either side (TextTiling's depth);
//! * two blank lines or more before it, or removed chrome between it and the text before;
//! * a run of the site's short lines (a menu, section labels) between it and the last sentence above,
//!   and one more sign when the page printed them above its text too (its chrome again, for the next page);
//! * the headline printed twice, or a caption, byline or dateline under it (both a byline and a date: one more).
//!
//! A paragraph right under a headline the chrome pass removed (its words those of
//! the text below) can start a story too, at that headline.
//!
//! A milder topic change needs two of these signs and a headline of five words or more
//! (stories on related topics; a short label heads an item of a list or the page's tail).
//! A numbered item, a line ending in a colon, the headline of a closing section
//! ("Conclusion"), the first line of a table of contents (a run of headings whose first is printed again below), or a
//! headline whose label lines repeat those above it (items of one list), or
//! whose text takes up the text before one of the last stories (a page's own
//! tail, below the stories printed inside it) starts no story.
//!
//! Every story keeps some prose; of two headlines closer than that, the one with
//! more evidence wins, so a footer or a short list at a story's end does not
//! become a story of its own, and a short story beside one twice its length (a
//! bio, a cookie table, a closing section) joins it unless its headline is sure
//! or dated.
//!
//! Subheadings inside one article share its vocabulary and have none of the
//! furniture of a headline, so they do not split it. Every block, removed ones
//! included, gets the number of the story it stands in; a story's headline zone
//! (caption or label lines kept just above the headline) moves with it.

mod short;
mod signs;
mod view;
mod windows;

use std::cmp::Ordering;

use self::view::View;
use self::windows::reach;
use crate::model::{Annotation, Document};
use crate::passes::Pass;
use crate::settings::Settings;

/// Signs a headline needs, with a milder topic change (above `max_similarity`), to start a story.
const MILD_CHANGE_SIGNS: usize = 2;
/// Words a headline needs to start a story on a milder topic change: a story's headline is a phrase,
/// while a short label ("Google Maps", "$35 from Amazon", "Keep in touch") heads an item or a page's tail.
const MILD_CHANGE_HEADLINE_WORDS: usize = 5;

/// Signs a headline the chrome pass removed gives, its words being those of the text under it.
const REMOVED_HEADLINE_SIGNS: usize = 1;

/// How many times closer to the text before the current story than to the text right above it
/// the text after a headline must be to take that earlier text up again.
const RESUMED_SIMILARITY: f64 = 2.0;
/// Stories back whose text a headline's text may take up: a page holds its own story and two or three others.
const RESUMED_STORIES: usize = 3;

/// Number the stories of a dump; a page break always starts a new one.
#[derive(Clone, Debug)]
pub struct SplitStories {
    pub min_story_words: usize,
    pub window_words: usize,
    pub max_similarity: f64,
    pub min_evidence: usize,
    /// With no other sign, a topic change this sharp still starts a new story.
    pub sharp_similarity: f64,
    /// A dip in similarity this deep below both sides' highest adds a sign.
    pub min_depth: f64,
    /// With two signs of a headline's furniture, a milder topic change suffices (stories on related topics).
    pub relaxed_similarity: f64,
    /// Prose a story beside one twice its length needs unless its headline has strong signs or a date.
    pub short_story_words: usize,
    /// Prose on either side a headline needs unless its evidence is sure.
    pub unsure_story_words: usize,
}

impl Default for SplitStories {
    fn default() -> Self {
        SplitStories {
            min_story_words: 70,
            window_words: 250,
            max_similarity: 0.08,
            min_evidence: 1,
            sharp_similarity: 0.02,
            min_depth: 0.07,
            relaxed_similarity: 0.12,
            short_story_words: 150,
            unsure_story_words: 140,
        }
    }
}

/// The evidence that a new story starts at a headline: more signs, then a sharper topic change.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Strength {
    score: usize,
    similarity: f64,
}

impl Strength {
    /// Ordered as the reference's `(score, -similarity)` tuples.
    fn compare(&self, other: &Strength) -> Ordering {
        let sharper = (-self.similarity).partial_cmp(&-other.similarity).unwrap_or(Ordering::Equal);
        self.score.cmp(&other.score).then(sharper)
    }
}

/// A headline chosen to start a story, at a position among the kept blocks.
#[derive(Clone, Copy, Debug)]
struct Headline {
    position: usize,
    strength: Strength,
    /// The block of the headline the chrome pass removed above the paragraph at `position`, where the story starts.
    removed: Option<usize>,
}

impl SplitStories {
    pub const NAME: &'static str = "split-stories";

    pub fn new(settings: &Settings) -> Self {
        let default = SplitStories::default();
        SplitStories {
            min_story_words: settings.usize("min_story_words", default.min_story_words),
            window_words: settings.usize("window_words", default.window_words),
            max_similarity: settings.float("max_similarity", default.max_similarity),
            min_evidence: settings.usize("min_evidence", default.min_evidence),
            sharp_similarity: settings.float("sharp_similarity", default.sharp_similarity),
            min_depth: settings.float("min_depth", default.min_depth),
            relaxed_similarity: settings.float("relaxed_similarity", default.relaxed_similarity),
            short_story_words: settings.usize("short_story_words", default.short_story_words),
            unsure_story_words: settings.usize("unsure_story_words", default.unsure_story_words),
        }
    }

    pub fn build(settings: &Settings) -> Box<dyn Pass> {
        Box::new(SplitStories::new(settings))
    }

    /// Signs enough for a headline to start a story however close to another.
    fn sure(&self, score: usize) -> bool {
        score > self.min_evidence + 1
    }

    /// Where stories start: page breaks, then headlines between them, each as its position among the kept
    /// blocks and the block the story starts at.
    fn story_starts(&self, view: &View) -> Vec<(usize, usize)> {
        let count = view.count();
        let breaks: Vec<usize> = (1..count).filter(|&position| view.breaks_before(position)).collect();
        let mut prose = vec![0; count + 1]; // words of prose before each position
        for position in 0..count {
            let feature = view.feature(position);
            prose[position + 1] = prose[position] + if feature.heading_like() { 0 } else { feature.words() };
        }
        let mut bounds = vec![0];
        bounds.extend(&breaks);
        bounds.push(count);
        let mut starts = Vec::new();
        for pair in bounds.windows(2) {
            if pair[0] > 0 {
                starts.push((pair[0], view.kept[pair[0]]));
            }
            let found = self.headline_starts(view, &prose, (pair[0], pair[1]), &starts);
            starts.extend(found);
        }
        starts.sort_unstable();
        starts.dedup_by_key(|start| start.0);
        starts
    }

    /// Story starts at the headlines between two page breaks.
    ///
    /// Every story keeps `min_story_words` of prose, and one shorter than
    /// `unsure_story_words` needs a further sign; of two headlines closer than
    /// `min_story_words`, only the one with more evidence starts a story.
    /// A numbered list item or a line leading into a colon starts none, and a
    /// story shorter than `short_story_words` needs strong signs.
    /// A headline whose text takes up one of the last stories before it (`earlier`: the starts before `low`,
    /// then the chosen ones) starts none.
    fn headline_starts(
        &self,
        view: &View,
        prose: &[usize],
        (low, high): (usize, usize),
        earlier: &[(usize, usize)],
    ) -> Vec<(usize, usize)> {
        let mut chosen: Vec<Headline> = Vec::new();
        for position in low + 1..high {
            let found = if view.feature(position).heading_like() {
                if !self.candidate(view, prose, (low, high), position) {
                    continue;
                }
                self.strength(view, position).map(|strength| (strength, None))
            } else {
                self.under_removed_headline(view, prose, (low, high), position)
            };
            let Some((strength, removed)) = found else {
                continue;
            };
            if let Some(last) = chosen.last() {
                let both_sure = self.sure(strength.score.min(last.strength.score));
                let spacing = if both_sure { self.min_story_words } else { self.unsure_story_words };
                if prose[position] - prose[last.position] < spacing {
                    if strength.compare(&last.strength) != Ordering::Greater {
                        continue;
                    }
                    chosen.pop();
                }
            }
            let stories = earlier.iter().map(|start| start.0).chain(chosen.iter().map(|headline| headline.position));
            let recent = stories.rev().take(RESUMED_STORIES);
            if recent.into_iter().any(|story| self.resumes(view, story, position, strength.similarity)) {
                continue;
            }
            let previous = chosen.last().map_or(low, |headline| headline.position);
            let shortest = (prose[position] - prose[previous]).min(prose[high] - prose[position]);
            if shortest >= self.unsure_story_words || self.sure(strength.score) {
                chosen.push(Headline { position, strength, removed });
            }
        }
        let chosen = self.without_short_stories(view, chosen, prose, (low, high));
        chosen
            .iter()
            .map(|headline| match headline.removed {
                Some(block) => (headline.position, block),
                None => {
                    let zone = signs::zone_start(view, headline.position);
                    (zone, view.kept[zone])
                }
            })
            .collect()
    }

    /// The evidence that a new story starts at this paragraph, under a headline the chrome pass removed, and
    /// that headline's block; or None.
    ///
    /// An endless page's next story can come with its headline, byline and
    /// date taken for chrome; its headline's words are those of the text
    /// below it, which changes topic there. Beyond that, the signs of a kept
    /// headline count.
    fn under_removed_headline(
        &self,
        view: &View,
        prose: &[usize],
        (low, high): (usize, usize),
        position: usize,
    ) -> Option<(Strength, Option<usize>)> {
        if view.role(position).is_some()
            || (prose[position] - prose[low]).min(prose[high] - prose[position]) < self.min_story_words
            || !signs::may_follow_removed_headline(view, position)
        {
            return None;
        }
        let after = view.after(position - 1); // the text from this paragraph on
        if after.total() < self.min_story_words / 2 {
            return None;
        }
        let before = view.before(position);
        let removed = signs::removed_headline(view, position, &before, &after)?;
        let similarity = view.cosine(&before, &after);
        if similarity > self.max_similarity {
            return None;
        }
        let score = REMOVED_HEADLINE_SIGNS
            + signs::evidence(view, position)
            + signs::menu_before(view, position, view.text_start)
            + self.change_signs(similarity);
        (score > self.min_evidence).then_some((Strength { score, similarity }, Some(removed)))
    }

    /// Signs the topic change itself gives: two when sharp, one when clear.
    fn change_signs(&self, similarity: f64) -> usize {
        if similarity <= self.sharp_similarity {
            2
        } else if similarity <= (self.max_similarity + self.sharp_similarity) / 2.0 {
            1
        } else {
            0
        }
    }

    /// The text after `position` takes up the text that ends where the story at `story` starts, rather than starting anew.
    ///
    /// A page's own tail (its footnotes, tags, related links) stands after
    /// the stories an endless page printed inside it and speaks of the page's
    /// story; a new story is unlike every story before it.
    fn resumes(&self, view: &View, story: usize, position: usize, similarity: f64) -> bool {
        let earlier = view.before(signs::zone_start(view, story));
        let resumed = view.cosine(&earlier, &view.after(position));
        resumed > self.max_similarity && resumed >= RESUMED_SIMILARITY * similarity
    }

    /// A kept headline with a story's worth of prose on either side, that no sign rules out.
    fn candidate(&self, view: &View, prose: &[usize], (low, high): (usize, usize), position: usize) -> bool {
        view.feature(position).heading_like()
            && view.role(position).is_none()
            && (prose[position] - prose[low]).min(prose[high] - prose[position]) >= self.min_story_words
            && !signs::is_item_or_lead_in(view.text(position))
            && !signs::closing(view, position)
            && !signs::heads_contents(view, position)
    }

    /// The evidence that a new story starts at this headline (more signs, then a sharper change), or None.
    fn strength(&self, view: &View, position: usize) -> Option<Strength> {
        let after = view.after(position);
        if after.total() < self.min_story_words / 2 {
            return None;
        }
        // the captions and labels above the headline go with it, not with the text before
        let before = view.before(signs::zone_start(view, position));
        let similarity = view.cosine(&before, &after);
        if similarity > self.max_similarity.max(self.relaxed_similarity) || signs::repeats_furniture(view, position) {
            return None;
        }
        let mut score = signs::evidence(view, position)
            + signs::title_affinity(view, position, &before, &after)
            + signs::menu_before(view, position, view.text_start);
        let mild = similarity > self.max_similarity;
        if mild && (score < MILD_CHANGE_SIGNS || view.feature(position).words() < MILD_CHANGE_HEADLINE_WORDS) {
            return None;
        }
        score += self.change_signs(similarity);
        if score == self.min_evidence && self.depth(view, position, similarity) >= self.min_depth {
            score += 1;
        }
        (score > self.min_evidence).then_some(Strength { score, similarity })
    }

    /// How far the similarity dips here below its highest a window's length to either side (TextTiling's depth).
    ///
    /// Inside one story the text on either side of a nearby line is alike; a
    /// list of unrelated items is unlike everywhere, so it has no dip.
    fn depth(&self, view: &View, position: usize, similarity: f64) -> f64 {
        let above = reach(&view.content, (1..position).rev(), self.window_words);
        let below = reach(&view.content, position + 1..view.count().saturating_sub(1), self.window_words);
        let peak = |side: &[usize]| {
            let mut highest: Option<f64> = None;
            for &other in side {
                let value = view.similarity(other);
                // the first of equal highs, as Python's max keeps
                if highest.is_none_or(|best| value > best) {
                    highest = Some(value);
                }
            }
            highest.unwrap_or(similarity)
        };
        let (above, below) = (peak(&above), peak(&below));
        (if below < above { below } else { above }) - similarity
    }
}

impl Pass for SplitStories {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, document: &Document) -> Vec<Annotation> {
        let kept = document.live();
        if kept.len() < 2 {
            return document.notes.clone();
        }
        let view = View::new(document, kept, self.window_words);
        let starts = self.story_starts(&view);
        if starts.is_empty() {
            return document.notes.clone();
        }
        let first_blocks: Vec<usize> = starts.iter().map(|&(_, block)| block).collect();
        number(document, &first_blocks)
    }
}

/// Give every block the number of the story it stands in; removed blocks between two stories stay with the first.
fn number(document: &Document, first_blocks: &[usize]) -> Vec<Annotation> {
    let mut edits = document.edit(SplitStories::NAME);
    let mut story = 0;
    let mut next_start = 0;
    for index in 0..document.len() {
        while next_start < first_blocks.len() && index >= first_blocks[next_start] {
            story += 1;
            next_start += 1;
        }
        if document.notes[index].story != story {
            edits.set_story(index, story);
        }
    }
    edits.finish()
}

#[cfg(test)]
mod tests;
