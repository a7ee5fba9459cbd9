//! Shallow, language-aware features of blocks: the signals the boilerplate literature relies on.
//!
//! Words per block, stopword density (jusText), terminal punctuation, the
//! share of capitalised words, letters, and the block's normalised key.

use crate::keys::{Key, KeyWriter};
use crate::language::{self, Hits, Stopwords};
use crate::text::{self, char_len, fold, tail};
use rustc_hash::FxHashMap;

/// A sentence this long is prose; shorter ones are as often captions, labels or teasers.
pub const PROSE_WORDS: usize = 12;
/// Terminal punctuation is looked for in this many last characters.
const TAIL_CHARS: usize = 16;

/// What the passes read off one block's text.
///
/// A page has hundreds of thousands of blocks: the counts are kept in `u32`
/// (a text the engine reads holds at most 4 GiB) and read as `usize`.
#[derive(Clone, Debug, PartialEq)]
pub struct Features {
    words: u32,
    stopwords: u32,
    pub letters: bool,
    pub terminal: bool,
    pub question: bool,
    /// Share of words that start with an upper-case letter.
    pub capitalised: f64,
    chars: u32,
    pub key: Key,
    /// Words of scripts written without spaces.
    unspaced: u32,
    /// The key's number among the distinct keys of the document (see [`Analysis::keys`]).
    key_id: u32,
}

impl Features {
    pub fn words(&self) -> usize {
        self.words as usize
    }

    pub fn stopwords(&self) -> usize {
        self.stopwords as usize
    }

    /// Characters (code points) of the block's text.
    pub fn chars(&self) -> usize {
        self.chars as usize
    }

    /// Words of scripts written without spaces.
    pub fn unspaced(&self) -> usize {
        self.unspaced as usize
    }
    /// The normalised key (shared, so copying features for a confirming round copies no text).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The key's number in its document: blocks have the same key exactly when they have the same number.
    pub fn key_id(&self) -> usize {
        self.key_id as usize
    }

    pub fn stopword_density(&self) -> f64 {
        if self.words > 0 {
            self.stopwords as f64 / self.words as f64
        } else {
            0.0
        }
    }

    /// Characters as an alphabetic script would spell the text (an ideograph counts three).
    pub fn length(&self) -> usize {
        self.chars() + 2 * self.unspaced()
    }

    /// The block's words when it is a sentence of `PROSE_WORDS` words or more, else 0.
    pub fn prose_words(&self) -> usize {
        if self.terminal && self.words() >= PROSE_WORDS {
            self.words()
        } else {
            0
        }
    }

    /// A line a page uses as a headline: a few words, letters, no full stop (a question may be one).
    pub fn heading_like(&self) -> bool {
        self.letters && (2..=30).contains(&self.words) && (!self.terminal || self.question) && self.chars <= 250
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '\'' | '"' | '’' | '”' | '»' | ')' | ']')
}

/// Whether the tail ends with one of `marks`, possibly followed by closing quotes or brackets.
fn ends_with_mark(tail: &str, marks: &[char]) -> bool {
    for c in tail.chars().rev() {
        if is_closing(c) {
            continue;
        }
        return marks.contains(&c);
    }
    false
}

const TERMINAL: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const QUESTION: &[char] = &['?', '!', '？', '！'];

/// Upper-case letters that start a word (no word character before them).
fn capitals(text: &str) -> usize {
    let mut count = 0;
    let mut previous_word = false;
    for c in text.chars() {
        if !previous_word && text::is_upper(c) {
            count += 1;
        }
        previous_word = text::is_word_char(c);
    }
    count
}

/// The features of a block's text, read off the text in one pass over its words.
pub fn features(text: &str, stops: &Stopwords) -> Features {
    let (mut feature, digits) = unstopped(text, &mut KeyWriter::with_capacity(text.len()));
    feature.stopwords = count(count_stopwords(text, &feature.key, digits, stops));
    feature
}

/// A block's features but its stopwords, and whether a word of it holds a digit; its key goes to `keys`.
fn unstopped(text: &str, keys: &mut KeyWriter) -> (Features, bool) {
    let folded = fold(text);
    let mut key = String::with_capacity(folded.len());
    let (mut words, mut unspaced) = (0, 0);
    let ascii = folded.is_ascii();
    for token in text::tokens(&folded) {
        if words > 0 {
            key.push(' ');
        }
        key.push_str(token);
        words += 1;
        unspaced += usize::from(!ascii && text::is_unspaced(token));
    }
    let digits = key.bytes().any(|byte| byte.is_ascii_digit()) || (!ascii && text::has_digits(&key));
    let key = if digits { text::digits_as_zero(key) } else { key };
    (shaped(text, words, 0, unspaced, keys.push(&key)), digits)
}

/// The words of a block, from its key where no word holds a digit (the key writes digits as `0`).
fn with_words<T>(text: &str, key: &str, digits: bool, read: impl FnOnce(&mut dyn Iterator<Item = &str>) -> T) -> T {
    if digits {
        let folded = fold(text);
        let mut words = text::tokens(&folded);
        let found = read(&mut words);
        drop(words);
        found
    } else {
        read(&mut key.split(' ').filter(|word| !word.is_empty()))
    }
}

fn count_stopwords(text: &str, key: &str, digits: bool, stops: &Stopwords) -> usize {
    if stops.is_empty() {
        return 0;
    }
    with_words(text, key, digits, |words| words.filter(|word| stops.contains(*word)).count())
}

/// A count of a block's words or characters, kept in 32 bits (a text the engine reads holds at most 4 GiB).
fn count(value: usize) -> u32 {
    u32::try_from(value).expect("a block holds at most 4 GiB")
}

fn shaped(text: &str, words: usize, stopwords: usize, unspaced: usize, key: Key) -> Features {
    let last = tail(text, TAIL_CHARS);
    Features {
        words: count(words),
        stopwords: count(stopwords),
        letters: text::has_letters(text),
        terminal: ends_with_mark(last, TERMINAL),
        question: ends_with_mark(last, QUESTION),
        capitalised: if words > 0 { capitals(text) as f64 / words as f64 } else { 0.0 },
        chars: count(char_len(text)),
        key,
        unspaced: count(unspaced),
        key_id: 0,
    }
}

/// How many blocks of a document have each key, by key number.
pub struct KeyCounts(Vec<u32>);

impl KeyCounts {
    /// No block counted yet, for keys numbered below `keys`.
    pub fn new(keys: usize) -> KeyCounts {
        KeyCounts(vec![0; keys])
    }

    pub fn add(&mut self, feature: &Features) {
        self.0[feature.key_id()] += 1;
    }

    /// How many blocks counted have the key of `feature`.
    pub fn get(&self, feature: &Features) -> usize {
        self.0[feature.key_id()] as usize
    }
}

/// A document's language and the features of each of its blocks.
pub struct Analysis {
    pub language: &'static str,
    pub features: Vec<Features>,
    /// The stopword hits of the blocks language detection read (the first ones), for a confirming round to reuse.
    pub sample: Vec<(Hits, usize)>,
    /// How many distinct keys the blocks have: every block's [`Features::key_id`] is below it.
    pub keys: usize,
}

impl Analysis {
    pub fn stopwords(&self) -> &'static Stopwords {
        language::stopwords(self.language)
    }
}

/// The language of `texts` and the features of each.
///
/// Each block is folded and cut into words once: its key holds its words,
/// which language detection and the stopword count read back (a block with a
/// digit in a word, whose key writes it as `0`, is cut again).
pub fn analyse<S: AsRef<str>>(texts: &[S]) -> Analysis {
    // A key is at most about as long as its text: the keys' text is made once, as long as the texts.
    let mut keys = KeyWriter::with_capacity(texts.iter().map(|text| text.as_ref().len()).sum());
    let mut pending: Vec<(Features, bool)> = texts.iter().map(|text| unstopped(text.as_ref(), &mut keys)).collect();
    drop(keys);
    let keys = number_keys(&mut pending);
    with_language(texts, pending, None, &[], keys)
}

/// Number the distinct keys of the blocks in order of first use; how many there are.
///
/// A pass that counts or finds blocks by key then keeps a table of four bytes a distinct key,
/// where a map by key text would take about thirty (a page has hundreds of thousands of keys).
fn number_keys(pending: &mut [(Features, bool)]) -> usize {
    let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
    let ids: Vec<u32> = pending
        .iter()
        .map(|(feature, _)| {
            let next = count(numbers.len());
            *numbers.entry(feature.key()).or_insert(next)
        })
        .collect();
    let keys = numbers.len();
    drop(numbers);
    for ((feature, _), id) in pending.iter_mut().zip(ids) {
        feature.key_id = id;
    }
    keys
}

/// The analysis of texts whose features but the stopword counts are known already
/// (a confirming round reads the lines of the round before): no text is folded again
/// unless the language changes, and then only to count stopwords. `sampled` holds the
/// stopword hits of the first texts, which the round before read for its language; the
/// features keep the key numbers of the round before, which had `keys` of them.
pub fn reanalyse<S: AsRef<str>>(
    texts: &[S],
    known: Vec<Features>,
    language: &'static str,
    sampled: &[(Hits, usize)],
    keys: usize,
) -> Analysis {
    // A key with a 0 may stand for a word with a digit: such a block's words are cut again.
    let pending = known.into_iter().map(|feature| {
        let digits = feature.key.contains('0');
        (feature, digits)
    });
    with_language(texts, pending.collect(), Some(language), sampled, keys)
}

fn with_language<S: AsRef<str>>(
    texts: &[S],
    mut pending: Vec<(Features, bool)>,
    known_language: Option<&'static str>,
    sampled_before: &[(Hits, usize)],
    keys: usize,
) -> Analysis {
    // The blocks language detection reads: whole blocks until it has its sample of words.
    let mut sample = Vec::new();
    let mut sampled = 0;
    while sample.len() < pending.len() && sampled < language::SAMPLE_WORDS {
        let index = sample.len();
        let found = match sampled_before.get(index) {
            Some(found) => *found,
            None => {
                let (feature, digits) = &pending[index];
                if *digits {
                    language::hits(text::tokens(&fold(texts[index].as_ref())))
                } else {
                    language::hits(feature.key.split(' ').filter(|word| !word.is_empty()))
                }
            }
        };
        sampled += found.1;
        sample.push(found);
    }
    let language = language::choose(sample.iter().copied());
    if known_language != Some(language) {
        // A sampled block's hits hold its count for every list already.
        let list = language::position(language);
        let stops = language::stopwords(language);
        for (index, (text, (feature, digits))) in texts.iter().zip(pending.iter_mut()).enumerate() {
            feature.stopwords = match (list, sample.get(index)) {
                (Some(list), Some((hits, _))) => hits[list],
                _ => count(count_stopwords(text.as_ref(), &feature.key, *digits, stops)),
            };
        }
    }
    // Collected in place, into the room of the pairs: what the features do not fill is given back.
    let mut features: Vec<Features> = pending.into_iter().map(|(feature, _)| feature).collect();
    features.shrink_to_fit();
    Analysis { language, features, sample, keys }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_of_a_sentence() {
        let analysis = analyse(&["The cat sat on the mat, and it was a good day for it.”"]);
        let feature = &analysis.features[0];
        assert_eq!(analysis.language, "en");
        assert!(feature.terminal && !feature.question);
        assert_eq!(feature.words, 14);
        assert!((feature.capitalised - 1.0 / 14.0).abs() < 1e-12);
        assert_eq!(feature.prose_words(), 14);
        // A page has one per block: its counts take 32 bits each.
        assert_eq!(std::mem::size_of::<Features>(), 48);
    }

    #[test]
    fn blocks_with_one_key_have_one_number() {
        let analysis = analyse(&["The Cat", "a dog", "the cat!", "A dog", "bird"]);
        let ids: Vec<usize> = analysis.features.iter().map(Features::key_id).collect();
        assert_eq!((ids, analysis.keys), (vec![0, 1, 0, 1, 2], 3));
        let mut counts = KeyCounts::new(analysis.keys);
        analysis.features.iter().for_each(|feature| counts.add(feature));
        assert_eq!(counts.get(&analysis.features[2]), 2);
        assert_eq!(counts.get(&analysis.features[4]), 1);
    }

    #[test]
    fn capitals_start_words() {
        assert_eq!(capitals("McDonald Éclair xÉ"), 2);
        assert_eq!(capitals("McDonald Eclair xE"), 2);
    }
}
