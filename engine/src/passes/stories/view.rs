//! What the pass reads about one document, computed once.

use std::cell::{Cell, OnceCell, RefCell};
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::signs;
use super::windows::{cosine, weights, Slots, Window};
use crate::copies::copied_headings;
use crate::features::Features;
use crate::language::Stopwords;
use crate::model::{Document, Role};
use crate::phrases::{all_languages, phrase_set, PhraseSet};
use crate::text::{char_len, cut, fold, is_unspaced};

/// The headlines of a closing section in every language, looked up once.
pub(super) static CLOSING: LazyLock<&'static PhraseSet> = LazyLock::new(|| phrase_set("closing", &all_languages()));

/// A content word has more letters than this (shorter ones are mostly function words).
const SHORT_WORD_CHARS: usize = 3;
/// A block's furniture id before it is looked for, and where the block has none.
const UNSEEN: u32 = u32::MAX;
const NO_FURNITURE: u32 = u32::MAX - 1;

pub(super) struct View<'d, 'a> {
    pub document: &'d Document<'a>,
    /// The block index of each kept block; the pass's positions count kept blocks.
    pub kept: Vec<usize>,
    /// The content words of each kept block, as ids into the dump's vocabulary.
    pub content: Vec<Vec<u32>>,
    /// The content words of each removed block that may be a headline (see `signs::may_be_removed_headline`).
    removed_content: FxHashMap<usize, Vec<u32>>,
    /// Each vocabulary word's rarity in the dump.
    pub weights: Vec<f64>,
    /// The block where the page's text starts: its first kept line of prose.
    pub text_start: usize,
    /// Headings whose later copies were removed.
    pub copied: FxHashSet<usize>,
    window_words: usize,
    /// The word-to-slot table the windows share.
    slots: RefCell<Slots>,
    /// The cosine across each position, once computed.
    similarities: Vec<OnceCell<f64>>,
    /// Each block's label-line key, once computed, as an id into `furniture_keys` (four bytes a
    /// block of the page, where the key itself would take 24).
    furniture: Vec<Cell<u32>>,
    furniture_keys: RefCell<FxHashMap<String, u32>>,
    /// The last block (kept or not) that prints each key, by key number, once computed.
    last_printed: OnceCell<Vec<u32>>,
    /// The first block (kept or not) that prints each key, by key number, once computed.
    first_printed: OnceCell<Vec<u32>>,
}

impl<'d, 'a> View<'d, 'a> {
    pub fn new(document: &'d Document<'a>, kept: Vec<usize>, window_words: usize) -> Self {
        // The words of removed lines that may be a story's headline too, so that they can be looked for in the text.
        let mut read: Vec<usize> = Vec::with_capacity(kept.len());
        let mut next_kept = kept.iter().peekable();
        for index in 0..document.len() {
            if next_kept.peek() == Some(&&index) {
                next_kept.next();
                read.push(index);
            } else if signs::may_be_removed_headline(document.features(index)) {
                read.push(index);
            }
        }
        let (words, vocabulary) = content_words(document, &read);
        let mut content: Vec<Vec<u32>> = Vec::with_capacity(kept.len());
        let mut removed_content: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
        let mut next_kept = kept.iter().peekable();
        for (index, found) in read.into_iter().zip(words) {
            if next_kept.peek() == Some(&&index) {
                next_kept.next();
                content.push(found);
            } else {
                removed_content.insert(index, found);
            }
        }
        let weights = weights(&content, vocabulary);
        let count = kept.len();
        let text_start = kept
            .iter()
            .copied()
            .find(|&index| {
                let feature = document.features(index);
                !feature.heading_like() && feature.words() > signs::MENU_WORDS
            })
            .unwrap_or(0);
        let slots = RefCell::new(Slots::new(weights.len()));
        View {
            document,
            kept,
            content,
            removed_content,
            weights,
            text_start,
            copied: copied_headings(document),
            window_words,
            slots,
            similarities: vec![OnceCell::new(); count],
            furniture: vec![Cell::new(UNSEEN); document.len()],
            furniture_keys: RefCell::default(),
            last_printed: OnceCell::new(),
            first_printed: OnceCell::new(),
        }
    }

    /// Whether a block after `index` (kept or not) prints the key of `feature` (a block's) again.
    pub fn printed_after(&self, feature: &Features, index: usize) -> bool {
        let last = self.last_printed.get_or_init(|| {
            let analysis = self.document.analysis();
            let mut last = vec![0; analysis.keys];
            for (index, feature) in analysis.features.iter().enumerate() {
                last[feature.key_id()] = block_number(index);
            }
            last
        });
        last[feature.key_id()] as usize > index
    }

    /// The first block (kept or not) that prints the key of `feature` (a block's).
    pub fn first_printed(&self, feature: &Features) -> usize {
        let first = self.first_printed.get_or_init(|| {
            let analysis = self.document.analysis();
            let mut first = vec![u32::MAX; analysis.keys];
            for (index, feature) in analysis.features.iter().enumerate() {
                let slot = &mut first[feature.key_id()];
                *slot = (*slot).min(block_number(index));
            }
            first
        });
        first[feature.key_id()] as usize
    }

    /// The content words of removed block `index`, if it may be a headline (else none).
    pub fn removed_words(&self, index: usize) -> &[u32] {
        self.removed_content.get(&index).map_or(&[], Vec::as_slice)
    }

    pub fn count(&self) -> usize {
        self.kept.len()
    }

    pub fn feature(&self, position: usize) -> &'d Features {
        self.document.features(self.kept[position])
    }

    pub fn role(&self, position: usize) -> Option<Role> {
        self.document.role(self.kept[position])
    }

    pub fn text(&self, position: usize) -> &'a str {
        self.document.text(self.kept[position])
    }

    /// A page break before this block, or before a removed block between it and the previous kept one.
    pub fn breaks_before(&self, position: usize) -> bool {
        (self.kept[position - 1] + 1..=self.kept[position]).any(|index| self.document.blocks[index].hard_break)
    }

    /// The words of a window's worth of text after `position`.
    pub fn after(&self, position: usize) -> Window {
        Window::gather(&self.content, position + 1..self.count(), self.window_words, &mut self.slots.borrow_mut())
    }

    /// The words of a window's worth of text before `position`, nearest first.
    pub fn before(&self, position: usize) -> Window {
        Window::gather(&self.content, (0..position).rev(), self.window_words, &mut self.slots.borrow_mut())
    }

    /// The cosine of two windows' weighted word vectors.
    pub fn cosine(&self, first: &Window, second: &Window) -> f64 {
        cosine(first, second, &self.weights, &mut self.slots.borrow_mut())
    }

    /// How many of `words` (repeats counted) the window holds.
    pub fn held(&self, window: &Window, words: &[u32]) -> usize {
        window.holds(words, &mut self.slots.borrow_mut())
    }

    /// The cosine of the text right before and right after this position.
    pub fn similarity(&self, position: usize) -> f64 {
        *self.similarities[position].get_or_init(|| self.cosine(&self.before(position), &self.after(position)))
    }

    /// The label-line key of block `index` (a block of the document, kept or not).
    ///
    /// Two blocks have the same id exactly where they have the same key.
    pub fn furniture_key(&self, index: usize) -> Option<u32> {
        let cell = &self.furniture[index];
        if cell.get() == UNSEEN {
            let id = signs::furniture_key(self.document.text(index)).map_or(NO_FURNITURE, |key| {
                let mut keys = self.furniture_keys.borrow_mut();
                let next = u32::try_from(keys.len()).expect("fewer keys than blocks");
                *keys.entry(key).or_insert(next)
            });
            cell.set(id);
        }
        Some(cell.get()).filter(|&id| id != NO_FURNITURE)
    }
}

/// Each kept block's content words as vocabulary ids, and the vocabulary's size.
/// A block index in four bytes (a text the engine reads holds at most 4 GiB, so fewer blocks).
fn block_number(index: usize) -> u32 {
    u32::try_from(index).expect("a document has fewer than 4 G blocks")
}

fn content_words(document: &Document, kept: &[usize]) -> (Vec<Vec<u32>>, usize) {
    let stops = document.analysis().stopwords();
    // Blocks whose keys changed a content word (a digit written as `0`) are folded and cut again.
    let refolded: Vec<Option<String>> = kept
        .iter()
        .map(|&index| (!content_in_key(document.features(index))).then(|| fold(document.text(index))))
        .collect();
    let mut vocabulary: FxHashMap<&str, u32> = FxHashMap::default();
    let content = kept
        .iter()
        .zip(&refolded)
        .map(|(&index, folded)| {
            let feature = document.features(index);
            let words = match folded {
                Some(folded) => cut(folded),
                None => (feature.key.split(' ').filter(|word| !word.is_empty()).collect(), feature.unspaced()),
            };
            content_only(words, stops)
                .map(|word| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(word).or_insert(next)
                })
                .collect()
        })
        .collect();
    (content, vocabulary.len())
}

/// Whether a block's key holds its content words as they are.
///
/// A key is the block's folded words joined by spaces, every digit written as
/// `0` (one character for one). That changes only words holding a digit, and
/// those are no content words when they are short and the block has no words
/// of unspaced scripts (a Thai digit is of the Thai script).
fn content_in_key(feature: &Features) -> bool {
    if !feature.key.contains('0') {
        return true;
    }
    feature.unspaced() == 0
        && feature.key.split(' ').all(|word| !word.contains('0') || char_len(word) <= SHORT_WORD_CHARS)
}

/// Words of four letters or more that are no stopwords; in scripts written without spaces, every word.
fn content_only<'t>((found, unspaced): (Vec<&'t str>, usize), stops: &'t Stopwords) -> impl Iterator<Item = &'t str> {
    found.into_iter().filter(move |word| {
        let long = word.len() > SHORT_WORD_CHARS && char_len(word) > SHORT_WORD_CHARS;
        (long || (unspaced > 0 && is_unspaced(word))) && !stops.contains(*word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::stopwords;

    #[test]
    fn content_words_are_long_words_or_words_of_unspaced_scripts() {
        let stops = stopwords("en");
        let words: Vec<&str> = content_only(cut("the harbour's plan for 市议会"), stops).collect();
        assert_eq!(words, vec!["harbour", "plan", "市", "议", "会"]);
        let words: Vec<&str> = content_only(cut("über the señ"), stops).collect();
        assert_eq!(words, vec!["über"]);
    }

    #[test]
    fn a_key_holds_the_content_words_unless_a_long_word_had_digits() {
        let texts =
            ["The Harbour’s “plan” — 市议会 ＡＢＣ", "Straße 12 in 2019", "Straße 12 in den ｍａｉ", "Ünïcode ﬁne", ""];
        let analysis = crate::features::analyse(&texts);
        let stops = analysis.stopwords();
        let from_key: Vec<bool> = analysis.features.iter().map(content_in_key).collect();
        assert_eq!(from_key, vec![true, false, true, true, true]);
        for (text, feature) in texts.iter().zip(&analysis.features).filter(|(_, feature)| content_in_key(feature)) {
            let folded = fold(text);
            let key_words = (feature.key.split(' ').filter(|word| !word.is_empty()).collect(), feature.unspaced());
            let expected: Vec<&str> = content_only(cut(&folded), stops).collect();
            assert_eq!(content_only(key_words, stops).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    #[test]
    fn a_page_break_before_a_removed_block_counts() {
        let document = Document::new("One story.\n\x0cAdvertisement\nThe next story.");
        assert!(View::new(&document, vec![0, 2], 250).breaks_before(1));
        let document = Document::new("One story.\nAdvertisement\nThe next story.");
        assert!(!View::new(&document, vec![0, 2], 250).breaks_before(1));
    }
}
