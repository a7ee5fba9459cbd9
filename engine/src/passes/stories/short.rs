//! Short stories joined to a longer neighbour.

use std::cmp::Ordering;

use super::view::View;
use super::{signs, Headline, SplitStories};

/// Signs beyond `min_evidence` that keep a short story's end where it is.
const STRONG_SIGNS: usize = 3;

/// One end of a short story: the headline there, and the prose of the story on its far side.
struct Side {
    headline: Headline,
    neighbour_words: usize,
    /// The headline's place among the chosen ones.
    number: usize,
}

impl Side {
    /// Ordered as the reference's `(strength, words, number)` tuples.
    fn compare(&self, other: &Side) -> Ordering {
        self.headline
            .strength
            .compare(&other.headline.strength)
            .then(self.neighbour_words.cmp(&other.neighbour_words))
            .then(self.number.cmp(&other.number))
    }
}

impl SplitStories {
    /// Join a story shorter than `short_story_words` of prose to a neighbour more than twice its length.
    ///
    /// An author's bio, a cookie table, a closing section or an item of a list
    /// reads as a topic change too. A short story stays one only where its
    /// ends are sure: three signs more than `min_evidence`, or a date under
    /// the headline (a forum's answers, a short news item). Of its two ends,
    /// the one with less evidence goes. The first story, often a page's short
    /// lead or a forum's question, is not joined to the next.
    pub(super) fn without_short_stories(
        &self,
        view: &View,
        mut chosen: Vec<Headline>,
        prose: &[usize],
        (low, high): (usize, usize),
    ) -> Vec<Headline> {
        let mut number = 1; // the story between chosen[number - 1] and chosen[number] (or high)
        while number <= chosen.len() {
            let start = chosen[number - 1].position;
            let end = chosen.get(number).map_or(high, |headline| headline.position);
            let length = prose[end] - prose[start];
            let templated = length < 2 * self.short_story_words && signs::templated(view, start, end);
            let mut sides = Vec::with_capacity(2);
            if length < self.short_story_words || templated {
                let previous = if number > 1 { chosen[number - 2].position } else { low };
                sides.push(Side {
                    headline: chosen[number - 1],
                    neighbour_words: prose[start] - prose[previous],
                    number: number - 1,
                });
                if number < chosen.len() {
                    let next = chosen.get(number + 1).map_or(high, |headline| headline.position);
                    sides.push(Side { headline: chosen[number], neighbour_words: prose[next] - prose[end], number });
                }
            }
            let weakest = sides
                .into_iter()
                .filter(|side| {
                    side.headline.strength.score < self.min_evidence + STRONG_SIGNS
                        && side.neighbour_words > 2 * length
                        && !signs::dated(view, side.headline.position)
                })
                .reduce(|weakest, side| if side.compare(&weakest) == Ordering::Less { side } else { weakest });
            match weakest {
                Some(side) => {
                    chosen.remove(side.number); // the joined story is longer: look at the same place again
                    number = number.min(chosen.len()).max(1);
                }
                None => number += 1,
            }
        }
        chosen
    }
}
