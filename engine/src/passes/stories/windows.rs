//! Lexical cohesion across a line, as TextTiling measures it: the content
//! words of a window of text on either side, weighted by their rarity in the
//! dump, compared by cosine.
//!
//! Words are ids into the dump's vocabulary. A window keeps its words in the
//! order they were first met, as the reference's `Counter` does, so that the
//! cosine's sums add the same floats in the same order and give the same bits.

use rustc_hash::FxHashMap;

/// The counts of the content words met along some positions, in order of first appearance.
#[derive(Debug, Default)]
pub(super) struct Window {
    counts: Vec<(u32, u32)>,
    slots: FxHashMap<u32, usize>,
    total: usize,
}

impl Window {
    /// The words of the blocks along `positions` until `size` words are gathered (the block that reaches it included).
    pub fn gather(content: &[Vec<u32>], positions: impl Iterator<Item = usize>, size: usize) -> Window {
        let mut window = Window::default();
        for position in positions {
            for &word in &content[position] {
                match window.slots.get(&word) {
                    Some(&slot) => window.counts[slot].1 += 1,
                    None => {
                        window.slots.insert(word, window.counts.len());
                        window.counts.push((word, 1));
                    }
                }
            }
            window.total += content[position].len();
            if window.total >= size {
                break;
            }
        }
        window
    }

    /// How many words the window holds, repeats included.
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn contains(&self, word: u32) -> bool {
        self.slots.contains_key(&word)
    }

    fn distinct(&self) -> usize {
        self.counts.len()
    }

    /// Each word's count damped (1 + log) and weighted by its rarity, in the window's order.
    fn vector(&self, weights: &[f64]) -> Vec<f64> {
        self.counts
            .iter()
            .map(|&(word, count)| {
                let damped = if count > 1 { 1.0 + f64::from(count).ln() } else { 1.0 };
                damped * weights[word as usize]
            })
            .collect()
    }
}

/// Cosine of the two windows' word vectors, each count damped (1 + log) and weighted by the word's rarity.
pub(super) fn cosine(first: &Window, second: &Window, weights: &[f64]) -> f64 {
    if first.distinct() == 0 || second.distinct() == 0 {
        return 0.0;
    }
    // The dot product runs over the window with fewer words (the first when they tie), as the reference's does.
    let (one, two) = if first.distinct() > second.distinct() { (second, first) } else { (first, second) };
    let (one_vector, two_vector) = (one.vector(weights), two.vector(weights));
    let mut dot = 0.0;
    for (&(word, _), value) in one.counts.iter().zip(&one_vector) {
        if let Some(&slot) = two.slots.get(&word) {
            dot += value * two_vector[slot];
        }
    }
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
        let first = Window::gather(&before, 0..2, 250);
        let second = Window::gather(&after, 0..2, 250);
        assert!(cosine(&first, &second, &weights) < 0.05);
        assert_eq!(cosine(&first, &Window::default(), &weights), 0.0);
    }

    #[test]
    fn a_window_stops_at_the_block_that_fills_it() {
        let window = Window::gather(&blocks(), (0..4).rev(), 5);
        assert_eq!(window.total(), 6);
        assert_eq!(window.counts, vec![(0, 2), (4, 2), (6, 1), (5, 1)]);
        assert!(window.contains(4) && !window.contains(1));
    }

    #[test]
    fn reach_samples_every_eighth_of_the_size() {
        let content: Vec<Vec<u32>> = (0..40).map(|_| vec![1; 10]).collect();
        assert_eq!(reach(&content, 0..40, 250), vec![3, 7, 11, 15, 19, 23]);
        assert_eq!(reach(&content, 0..40, 30), vec![0, 1, 2]);
        assert!(reach(&content, 0..0, 30).is_empty());
    }
}
