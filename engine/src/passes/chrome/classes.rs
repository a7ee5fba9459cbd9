//! Block classes as jusText assigns them, from length and stopword density, and the
//! shape scores the dense runs fall back on when the block model likes nothing.

use crate::features::{Features, KeyCounts};

/// jusText's classes, plus lines the page repeats (labels of teaser lists and menus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Good,
    NearGood,
    Short,
    RepeatedLabel,
    Bad,
}

/// The classes in the block model's one-hot order.
pub const CLASSES: [Class; 5] = [Class::Good, Class::NearGood, Class::Short, Class::RepeatedLabel, Class::Bad];

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Good => "good",
            Class::NearGood => "near-good",
            Class::Short => "short",
            Class::RepeatedLabel => "repeated-label",
            Class::Bad => "bad",
        }
    }
}

/// A label repeated this often in one dump is navigation or a teaser-list
/// label ("World", "Business" in seed 000's "You may also like" list).
pub const REPEATED_LABEL: usize = 3;
pub const LABEL_WORDS: usize = 4;
/// A widget has this many words at most, each of this many characters at most.
const WIDGET_WORDS: usize = 3;
const WIDGET_WORD_CHARS: usize = 2;

/// Counters, toggles and separators: `TT`, `20`, `A A`, `|`.
pub fn is_widget(feature: &Features) -> bool {
    feature.words() <= WIDGET_WORDS && feature.key.split(' ').all(|word| word.chars().nth(WIDGET_WORD_CHARS).is_none())
}

/// The length and stopword-density thresholds of the classes (the pass's settings).
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    pub length_low: usize,
    pub length_high: usize,
    pub stopwords_low: f64,
    pub stopwords_high: f64,
}

impl Thresholds {
    /// The class of a block; `printed` counts how often the page prints each short line's key.
    pub fn class_of(&self, feature: &Features, printed: &KeyCounts, explicit: bool) -> Class {
        if explicit || !feature.letters || is_widget(feature) {
            return Class::Bad;
        }
        if feature.words() <= LABEL_WORDS && printed.get(feature) >= REPEATED_LABEL {
            return Class::RepeatedLabel;
        }
        let length = feature.length();
        if length < self.length_low {
            return Class::Short;
        }
        let density = feature.stopword_density();
        if density == 0.0 && feature.stopwords() == 0 {
            // No stopword list fits the language: fall back on sentence shape (Thai, Lao and
            // Khmer end no sentence with a mark, so text mostly in those scripts passes too).
            if feature.terminal || feature.unspaced() * 2 > feature.words() {
                return self.by_length(length);
            }
            return Class::Short;
        }
        if density >= self.stopwords_high {
            return self.by_length(length);
        }
        if density >= self.stopwords_low {
            return Class::NearGood;
        }
        Class::Bad
    }

    fn by_length(&self, length: usize) -> Class {
        if length > self.length_high {
            Class::Good
        } else {
            Class::NearGood
        }
    }
}

/// The jusText-style score of a block by its class and size.
pub fn base_score(class: Class, feature: &Features) -> f64 {
    let weight = feature.words().max(feature.chars() / 6) as f64;
    match class {
        Class::Good => weight,
        Class::NearGood => weight * 0.5,
        Class::Short if feature.terminal => -0.5,
        Class::Short => -1.5,
        Class::RepeatedLabel | Class::Bad => -3.0 - weight * 0.25,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyse;

    const DEFAULTS: Thresholds =
        Thresholds { length_low: 70, length_high: 200, stopwords_low: 0.30, stopwords_high: 0.32 };

    #[test]
    fn classes_by_shape() {
        let analysis =
            analyse(&["TT", "World", "It was a long day in the city, and the people of the town were tired of it."]);
        let mut printed = KeyCounts::new(analysis.keys);
        (0..3).for_each(|_| printed.add(&analysis.features[1]));
        let classes: Vec<Class> =
            analysis.features.iter().map(|feature| DEFAULTS.class_of(feature, &printed, false)).collect();
        assert_eq!(classes, vec![Class::Bad, Class::RepeatedLabel, Class::NearGood]);
        assert!(is_widget(&analysis.features[0]));
        assert_eq!(base_score(Class::Short, &analysis.features[1]), -1.5);
    }
}
