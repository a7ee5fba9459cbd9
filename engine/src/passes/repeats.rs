//! `collapse-repeated-blocks`: keep one copy of every repeated block or run of blocks.
//!
//! Blocks are compared by their normalised key through a map, so the pass is
//! linear in the number of blocks. The first copy stays; later copies are
//! removed:
//!
//! * a long block (`min_words` or more) wherever it repeats: a body printed
//!   twice, the second time with typographic quotes (`repeated-block`);
//! * a run of `min_run` or more consecutive short blocks repeating an earlier
//!   run in the same order (`repeated-block`);
//! * a headline printed again within `heading_distance` blocks, as pages print
//!   the title above and below the lead photo (`repeated-heading`). The
//!   distance counts only the blocks between the copies that the text form
//!   shows: copies this pass removed and metadata lines (bylines) are gone
//!   from a cleaned text, so cleaning it again finds the copies as close as
//!   they were found the first time. Where the
//!   first copy is a list item ("* Headline", a breadcrumb trail's last step)
//!   right over the later one, a plain line (or over more copies of it), the
//!   plain line is the headline: it stays and the list item goes.
//!
//! Needs: nothing, but runs best after chrome removal, so that a copy kept in
//! the text is preferred to one left in a teaser list. Only kept blocks count.

use rustc_hash::FxHashMap;

use crate::cues::is_list_item;
use crate::features::Features;
use crate::model::{Annotation, Document, Edits, Role};
use crate::passes::Pass;
use crate::reasons::{REPEATED_BLOCK, REPEATED_HEADING};
use crate::settings::Settings;

pub const NAME: &str = "collapse-repeated-blocks";

pub struct CollapseRepeatedBlocks {
    /// A single block this long is removed wherever it repeats.
    pub min_words: usize,
    /// Consecutive short blocks repeating an earlier run are removed from this many on.
    pub min_run: usize,
    /// A headline printed again this many shown blocks below it at most is a copy.
    pub heading_distance: usize,
}

impl CollapseRepeatedBlocks {
    pub fn new(settings: &Settings) -> Self {
        CollapseRepeatedBlocks {
            min_words: settings.usize("min_words", 8),
            min_run: settings.usize("min_run", 3),
            heading_distance: settings.usize("heading_distance", 12),
        }
    }

    pub fn boxed(settings: &Settings) -> Box<dyn Pass> {
        Box::new(Self::new(settings))
    }

    /// Remove one copy of a single repeated block; true when the later copy is the one kept.
    ///
    /// `distance` is how far below `earlier` the block at `position` stands, in shown blocks.
    fn single(&self, live: &Live, edits: &mut Edits, earlier: usize, position: usize, distance: usize) -> bool {
        let feature = live.features[position];
        if feature.heading_like() && distance <= self.heading_distance {
            let plain_under_item = live.list_item_over_headline(earlier, position)
                && (earlier + 1..position).all(|between| live.features[between].key == feature.key);
            if plain_under_item {
                let original = live.blocks[position];
                let detail = format!("copy of heading block {original}");
                edits.remove_copy(live.blocks[earlier], REPEATED_HEADING, detail, original);
                return true;
            }
            let original = live.blocks[earlier];
            let detail = format!("copy of heading block {original}");
            edits.remove_copy(live.blocks[position], REPEATED_HEADING, detail, original);
        } else if feature.words() >= self.min_words && feature.letters {
            let original = live.blocks[earlier];
            edits.remove_copy(live.blocks[position], REPEATED_BLOCK, format!("copy of block {original}"), original);
        }
        false
    }
}

impl Pass for CollapseRepeatedBlocks {
    fn name(&self) -> &'static str {
        NAME
    }

    fn run(&self, document: &Document) -> Vec<Annotation> {
        let live = Live::of(document);
        let mut first_seen: FxHashMap<&str, usize> = FxHashMap::default();
        let mut edits = document.edit(NAME);
        let mut shown = ShownCount::default();
        let mut position = 0;
        while position < live.len() {
            shown.advance(&live, &edits, position);
            let key = live.key(position);
            let Some(&earlier) = first_seen.get(key) else {
                first_seen.insert(key, position);
                position += 1;
                continue;
            };
            let length = live.run_length(earlier, position);
            if length >= self.min_run {
                live.remove_run(&mut edits, earlier, position, length);
                position += length;
                continue;
            }
            if self.single(&live, &mut edits, earlier, position, shown.distance(earlier, position)) {
                first_seen.insert(key, position);
            }
            position += 1;
        }
        edits.finish()
    }
}

/// How many blocks the text form shows up to each position, counted as the scan passes them.
///
/// A block shows when it is kept (this pass removed no copy of it) and is no
/// metadata line: a byline, section or dateline is left out of the text form.
/// A list item the pass removes once the scan has passed it (a headline's
/// first copy, right over the plain one) stays counted.
#[derive(Default)]
struct ShownCount {
    /// `before[p]`: shown blocks among positions `0..p`.
    before: Vec<usize>,
}

impl ShownCount {
    /// Count every position before `position` (their fate is settled once the scan reaches it).
    fn advance(&mut self, live: &Live, edits: &Edits, position: usize) {
        if self.before.is_empty() {
            self.before.push(0);
        }
        while self.before.len() <= position {
            let passed = self.before.len() - 1;
            let index = live.blocks[passed];
            let metadata = matches!(edits.role(index), Some(Role::Byline | Role::Section | Role::Dateline));
            let shows = edits.is_kept(index) && !metadata;
            self.before.push(self.before[passed] + usize::from(shows));
        }
    }

    /// How far below `earlier` the block at `position` stands: one more than the shown blocks between them.
    fn distance(&self, earlier: usize, position: usize) -> usize {
        self.before[position] - self.before[earlier + 1] + 1
    }
}

/// The blocks the pass compares (kept, and not captions), with their features.
struct Live<'d, 'a> {
    document: &'d Document<'a>,
    blocks: Vec<usize>,
    features: Vec<&'d Features>,
}

impl<'d, 'a> Live<'d, 'a> {
    fn of(document: &'d Document<'a>) -> Self {
        let blocks: Vec<usize> = (0..document.len())
            .filter(|&index| document.kept(index) && document.role(index) != Some(Role::Caption))
            .collect();
        let features = blocks.iter().map(|&index| document.features(index)).collect();
        Live { document, blocks, features }
    }

    fn len(&self) -> usize {
        self.blocks.len()
    }

    fn key(&self, position: usize) -> &'d str {
        &self.features[position].key
    }

    /// A list item ("* Headline", a breadcrumb trail's last step) right over the same words as a plain line.
    fn list_item_over_headline(&self, item: usize, heading: usize) -> bool {
        is_list_item(self.document.text(self.blocks[item])) && !is_list_item(self.document.text(self.blocks[heading]))
    }

    /// How many blocks from `position` on repeat those from `earlier` on, without overlapping them.
    fn run_length(&self, earlier: usize, position: usize) -> usize {
        let mut length = 0;
        while position + length < self.len()
            && earlier + length < position
            && self.key(earlier + length) == self.key(position + length)
        {
            length += 1;
        }
        length
    }

    fn remove_run(&self, edits: &mut Edits, earlier: usize, position: usize, length: usize) {
        let (first, last) = (self.blocks[earlier], self.blocks[earlier + length - 1]);
        let detail = format!("copy of blocks {first}-{last}");
        for offset in 0..length {
            let original = self.blocks[earlier + offset];
            edits.remove_copy(self.blocks[position + offset], REPEATED_BLOCK, detail.clone(), original);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removals(text: &str) -> Vec<Option<(String, String, Option<usize>)>> {
        let document = Document::new(text);
        let pass = CollapseRepeatedBlocks::new(&Settings::default());
        pass.run(&document)
            .into_iter()
            .map(|note| {
                note.removal.map(|removal| (removal.reason.to_string(), removal.detail.to_string(), removal.copy_of))
            })
            .collect()
    }

    #[test]
    fn a_long_block_printed_twice_keeps_its_first_copy() {
        let body = "The army said on Friday that it had entered the town after a night of fighting.";
        let found = removals(&format!("{body}\n{}", body.replace("army", "Army")));
        assert_eq!(found, vec![None, Some((REPEATED_BLOCK.into(), "copy of block 0".into(), Some(0)))]);
    }

    #[test]
    fn a_run_of_short_blocks_is_one_copy() {
        let found = removals("Home\nNews\nSport\nA story begins here today.\nHome\nNews\nSport");
        let run = Some((REPEATED_BLOCK.to_string(), "copy of blocks 0-2".to_string(), Some(0)));
        assert_eq!(found[4], run);
        assert_eq!(found[6].as_ref().unwrap().2, Some(2));
        assert!(found[..4].iter().all(Option::is_none));
    }

    #[test]
    fn a_headline_printed_again_is_a_copy_unless_the_first_is_a_list_item() {
        let found = removals("Seals return to the estuary\nA photo\nSeals return to the estuary");
        assert_eq!(found[2], Some((REPEATED_HEADING.into(), "copy of heading block 0".into(), Some(0))));
        let found = removals("* Seals return to the estuary\nSeals return to the estuary");
        assert_eq!(found[0], Some((REPEATED_HEADING.into(), "copy of heading block 1".into(), Some(1))));
        assert_eq!(found[1], None);
    }

    #[test]
    fn a_headline_copy_counts_its_distance_in_shown_blocks() {
        // Thirteen lines between the copies, three of them a copy of an earlier run: the text form shows ten.
        let filler: Vec<String> = (1..=10).map(|size| format!("Filler {} here.", "a".repeat(size))).collect();
        let text = format!(
            "Home\nNews\nSport\nToday's paper\nSeals return home\n{}\nHome\nNews\nSport\nSeals return home",
            filler.join("\n")
        );
        let found = removals(&text);
        assert_eq!(found[18].as_ref().map(|removal| removal.0.as_str()), Some(REPEATED_HEADING));
        // Cleaning the text form again finds the copy as close: the same line goes.
        let cleaned = format!("Seals return home\n{}\nSeals return home", filler.join("\n"));
        assert_eq!(removals(&cleaned)[11].as_ref().map(|removal| removal.0.as_str()), Some(REPEATED_HEADING));
    }

    #[test]
    fn short_lines_far_apart_stay() {
        let filler: Vec<String> = (1..=13).map(|size| format!("Filler {} here.", "a".repeat(size))).collect();
        let text = format!("Seals return home\n{}\nSeals return home", filler.join("\n"));
        assert!(removals(&text).iter().all(Option::is_none));
    }
}
