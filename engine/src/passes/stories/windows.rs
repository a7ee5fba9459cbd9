//! Lexical cohesion across a line, as TextTiling measures it: the content
//! words of a window of text on either side, weighted by their rarity in the
//! dump, compared by cosine.
//!
//! Words are ids into the dump's vocabulary. A window keeps its words in the
//! order they were first met, as the reference's `Counter` does, so that the
//! cosine's sums add the same floats in the same order and give the same bits.

use std::sync::LazyLock;

/// A table from word id to a window's slot for that word, reused from window to window.
///
/// Every entry is `ABSENT` between uses: a window fills the entries of its
/// words and clears them again, so no window pays for the whole vocabulary.
pub(super) struct Slots(Vec<u32>);

const ABSENT: u32 = u32::MAX;

impl Slots {
    pub fn new(vocabulary: usize) -> Self {
        Slots(vec![ABSENT; vocabulary])
    }

    /// `action` with this table holding the slots of `window`'s words.
    fn holding<R>(&mut self, window: &Window, action: impl FnOnce(&Slots) -> R) -> R {
        for (slot, &(word, _)) in window.counts.iter().enumerate() {
            self.0[word as usize] = slot as u32;
        }
        let result = action(self);
        self.clear(window);
        result
    }

    fn get(&self, word: u32) -> Option<usize> {
        let slot = self.0[word as usize];
        (slot != ABSENT).then_some(slot as usize)
    }

    fn clear(&mut self, window: &Window) {
        for &(word, _) in &window.counts {
            self.0[word as usize] = ABSENT;
        }
    }
}

/// The most distinct words a window makes room for before it gathers any.
const PREALLOCATED_WORDS: usize = 512;

/// The counts of the content words met along some positions, in order of first appearance.
#[derive(Debug, Default)]
pub(super) struct Window {
    counts: Vec<(u32, u32)>,
    total: usize,
}

impl Window {
    /// The words of the blocks along `positions` until `size` words are gathered (the block that reaches it included).
    pub fn gather(
        content: &[Vec<u32>],
        positions: impl Iterator<Item = usize>,
        size: usize,
        slots: &mut Slots,
    ) -> Window {
        // Room for a window's distinct words made once (a window of a usual size holds `size` words at most,
        // and those of the block that reaches it); the bound keeps a huge `window_words` from reserving memory.
        let mut window = Window { counts: Vec::with_capacity(size.min(PREALLOCATED_WORDS)), total: 0 };
        for position in positions {
            for &word in &content[position] {
                match slots.get(word) {
                    Some(slot) => window.counts[slot].1 += 1,
                    None => {
                        slots.0[word as usize] = window.counts.len() as u32;
                        window.counts.push((word, 1));
                    }
                }
            }
            window.total += content[position].len();
            if window.total >= size {
                break;
            }
        }
        slots.clear(&window);
        window
    }

    /// How many words the window holds, repeats included.
    pub fn total(&self) -> usize {
        self.total
    }

    fn distinct(&self) -> usize {
        self.counts.len()
    }

    /// How many of `words` (repeats counted) the window holds.
    pub fn holds(&self, words: &[u32], slots: &mut Slots) -> usize {
        slots.holding(self, |slots| words.iter().filter(|&&word| slots.get(word).is_some()).count())
    }

    /// Each word's count damped (1 + log) and weighted by its rarity, in the window's order.
    fn vector(&self, weights: &[f64]) -> Vec<f64> {
        self.counts.iter().map(|&(word, count)| damped(count) * weights[word as usize]).collect()
    }
}

/// Counts up to this have their damped value looked up rather than computed.
const TABLED_COUNTS: usize = 64;
static DAMPED: LazyLock<[f64; TABLED_COUNTS]> =
    LazyLock::new(|| std::array::from_fn(|count| damped_by_log(count as u32)));

/// A word's count damped: 1 + log for a word met more than once (from a table: the same bits, no log per word).
fn damped(count: u32) -> f64 {
    DAMPED.get(count as usize).copied().unwrap_or_else(|| damped_by_log(count))
}

fn damped_by_log(count: u32) -> f64 {
    if count > 1 {
        1.0 + f64::from(count).ln()
    } else {
        1.0
    }
}

/// Cosine of the two windows' word vectors, each count damped (1 + log) and weighted by the word's rarity.
pub(super) fn cosine(first: &Window, second: &Window, weights: &[f64], slots: &mut Slots) -> f64 {
    if first.distinct() == 0 || second.distinct() == 0 {
        return 0.0;
    }
    // The dot product runs over the window with fewer words (the first when they tie), as the reference's does.
    let (one, two) = if first.distinct() > second.distinct() { (second, first) } else { (first, second) };
    let (one_vector, two_vector) = (one.vector(weights), two.vector(weights));
    let dot = slots.holding(two, |slots| {
        let mut dot = 0.0;
        for (&(word, _), value) in one.counts.iter().zip(&one_vector) {
            if let Some(slot) = slots.get(word) {
                dot += value * two_vector[slot];
            }
        }
        dot
    });
    let norm = sum_of_squares(&one_vector).sqrt() * sum_of_squares(&two_vector).sqrt();
    if norm != 0.0 {
        dot / norm
    } else {
        0.0
    }
}

/// Left to right, as Python 3.11's `sum` adds floats.
fn sum_of_squares(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |total, value| total + value * value)
}

/// Positions spread over the next `size` content words along `positions`, at most `SAMPLES` of them.
pub(super) fn reach(content: &[Vec<u32>], positions: impl Iterator<Item = usize>, size: usize) -> Vec<usize> {
    /// Enough points to find a window's peak similarity without computing it at every line.
    const SAMPLES: usize = 8;
    let step = (size / SAMPLES).max(1);
    let mut chosen = Vec::new();
    let (mut total, mut since) = (0, 0);
    for position in positions {
        total += content[position].len();
        since += content[position].len();
        if since >= step {
            chosen.push(position);
            since = 0;
        }
        if total >= size || chosen.len() >= SAMPLES {
            break;
        }
    }
    chosen
}

/// Inverse block frequency of each content word in the dump: a word every part of the page uses says little.
pub(super) fn weights(content: &[Vec<u32>], vocabulary: usize) -> Vec<f64> {
    let mut frequency = vec![0u32; vocabulary];
    let mut last_seen = vec![usize::MAX; vocabulary];
    for (position, words) in content.iter().enumerate() {
        for &word in words {
            // each block counts a word once
            if last_seen[word as usize] != position {
                last_seen[word as usize] = position;
                frequency[word as usize] += 1;
            }
        }
    }
    let total = (content.len() + 1) as f64;
    frequency.iter().map(|&count| (total / (f64::from(count) + 0.5)).ln()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // your=0, harbour=1, ships=2, cranes=3, choir=4, songs=5, judges=6
    fn blocks() -> Vec<Vec<u32>> {
        vec![vec![0, 1, 2], vec![0, 1, 3], vec![0, 4, 5], vec![0, 4, 6]]
    }

    #[test]
    fn words_every_part_of_the_page_uses_weigh_little() {
        let weights = weights(&blocks(), 7);
        assert!(weights[0] < weights[1]);
        assert_eq!(weights[1], (5.0f64 / 2.5).ln());
        let before: Vec<Vec<u32>> = vec![vec![0; 20], vec![1, 1, 2, 3]];
        let after: Vec<Vec<u32>> = vec![vec![0; 20], vec![4, 4, 5, 6]];
        let mut slots = Slots::new(7);
        let first = Window::gather(&before, 0..2, 250, &mut slots);
        let second = Window::gather(&after, 0..2, 250, &mut slots);
        assert!(cosine(&first, &second, &weights, &mut slots) < 0.05);
        assert_eq!(cosine(&first, &Window::default(), &weights, &mut slots), 0.0);
        assert!(slots.0.iter().all(|&slot| slot == ABSENT));
    }

    #[test]
    fn a_window_stops_at_the_block_that_fills_it() {
        let mut slots = Slots::new(7);
        let window = Window::gather(&blocks(), (0..4).rev(), 5, &mut slots);
        assert_eq!(window.total(), 6);
        assert_eq!(window.counts, vec![(0, 2), (4, 2), (6, 1), (5, 1)]);
        assert_eq!(window.holds(&[4, 1, 4], &mut slots), 2);
    }

    #[test]
    fn reach_samples_every_eighth_of_the_size() {
        let content: Vec<Vec<u32>> = (0..40).map(|_| vec![1; 10]).collect();
        assert_eq!(reach(&content, 0..40, 250), vec![3, 7, 11, 15, 19, 23]);
        assert_eq!(reach(&content, 0..40, 30), vec![0, 1, 2]);
        assert!(reach(&content, 0..0, 30).is_empty());
    }
}
