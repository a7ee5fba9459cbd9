//! How likely a block is to be main text: a logistic model over shallow block features.
//!
//! The features are the ones the boilerplate literature uses (jusText's class,
//! words, stopword density, sentence punctuation, capitals), the same read off
//! the neighbouring blocks (context), the block's place in the page and in the
//! densest run of prose, and a few typographic cues (digits, separators,
//! truncated teasers). The weights live in `data/block_model.json`; they are
//! fitted by `benchmarks/train_blocks.py` on the rows [`feature_rows`] gives.
//!
//! The blocks are walked once, left to right: window means come from running
//! prefix sums, of which only a window around the current block is kept; each
//! block's row of features is then built on the stack and added into its
//! logit in feature order.

use std::sync::LazyLock;

use regex::Regex;

use crate::features::{Features, KeyCounts};
use crate::regions::{dense_runs, repeated_shapes, Run, Stretch};
use crate::text::may_hold_digit;

use super::classes::{is_widget, Class, CLASSES};
use super::page::Page;

/// The names of the features, in the order of a row (and of `block_model.json`).
pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [
    "log_words",
    "stop_density",
    "terminal",
    "capitalised",
    "heading_like",
    "class_good",
    "class_near-good",
    "class_short",
    "class_repeated-label",
    "class_bad",
    "repeats",
    "position",
    "edge",
    "gap_before",
    "gap_after",
    "ctx_words",
    "ctx_stop",
    "ctx_terminal",
    "ctx_explicit",
    "in_best_run",
    "in_any_run",
    "run_share",
    "dist_best_run",
    "digits",
    "commas",
    "truncated",
    "after_end_marker",
    "word_length",
    "separators",
    "language_known",
    "words_x_stop",
    "caption_near",
    "timestamp",
    "ctx_timestamp",
    "after_best_run",
    "title_case",
    "in_list",
    "list_records",
    "list_item_words",
    "page_prose",
    "list_x_little_prose",
    "short_x_little_prose",
];
pub const FEATURE_COUNT: usize = 42;

/// Neighbours on each side that the context features average over.
const CONTEXT: usize = 2;
/// Neighbours on each side for the density of timestamps (a thread stamps every entry).
const WIDE_CONTEXT: usize = 5;
/// Digits are counted in this many first characters; separators in `SEPARATOR_CHARS`.
const DIGIT_CHARS: usize = 400;
const SEPARATOR_CHARS: usize = 200;
const SHAPE_DIGIT_CHARS: usize = 200;
/// A timestamp is looked for in lines of this many words at most.
const STAMP_LINE_WORDS: usize = 12;
/// An explicit marker of this many words at most, past the first third, ends the text.
const END_MARKER_WORDS: usize = 6;
const TITLE_CASE_WORDS: usize = 4;
const TITLE_CASE_SHARE: f64 = 0.7;
/// Gaps are capped at this many blank lines.
const GAP_CAP: f64 = 3.0;
/// Lists of records: up to this period, at least this many records.
const LIST_MAX_PERIOD: usize = 6;
const LIST_MIN_RECORDS: usize = 4;
/// Logits are clipped to this magnitude before the sigmoid.
const LOGIT_CLIP: f64 = 30.0;

/// Comment threads and feeds stamp every entry: "2 days ago at 08:49 am", "March 3, 2024".
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|",
        r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\b|",
        r"\b(?:19|20)\d{2}\b.{0,40}\b(?:at|um|à|a las)\b|",
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b",
    ))
    .unwrap()
});

/// A fitted logistic model with the standardisation folded into its weights.
pub struct BlockModel {
    weights: [f64; FEATURE_COUNT],
    bias: f64,
}

/// The shipped model, parsed once.
pub static DEFAULT_MODEL: LazyLock<BlockModel> = LazyLock::new(|| {
    BlockModel::from_json(include_str!("../../../../src/scrapeclean/data/block_model.json"))
        .expect("the shipped block model matches this version's features")
});

impl BlockModel {
    /// The model of `block_model.json` (names, mean, scale, weights, bias); None when it does not fit.
    pub fn from_json(text: &str) -> Option<BlockModel> {
        let names = json_array(text, "names")?;
        let names: Vec<&str> = names.iter().map(|name| name.trim_matches('"')).collect();
        if names != FEATURE_NAMES {
            return None;
        }
        let numbers = |field: &str| -> Option<Vec<f64>> {
            json_array(text, field)?.iter().map(|value| value.parse::<f64>().ok()).collect()
        };
        let (mean, scale, raw_weights) = (numbers("mean")?, numbers("scale")?, numbers("weights")?);
        let bias = json_number(text, "bias")?;
        if mean.len() != FEATURE_COUNT || scale.len() != FEATURE_COUNT || raw_weights.len() != FEATURE_COUNT {
            return None;
        }
        let mut weights = [0.0; FEATURE_COUNT];
        let mut shift = 0.0;
        for index in 0..FEATURE_COUNT {
            // A feature that never varied in training has scale 0: it is left unscaled.
            let scale = if scale[index] == 0.0 { 1.0 } else { scale[index] };
            weights[index] = raw_weights[index] / scale;
            shift += weights[index] * mean[index];
        }
        Some(BlockModel { weights, bias: bias - shift })
    }

    /// The probability of a block's row of features, summed in feature order.
    pub fn probability(&self, row: &[f64; FEATURE_COUNT]) -> f64 {
        let mut logit = row[0] * self.weights[0];
        for (value, weight) in row.iter().zip(&self.weights).skip(1) {
            logit += value * weight;
        }
        let logit = (logit + self.bias).clamp(-LOGIT_CLIP, LOGIT_CLIP);
        1.0 / (1.0 + (-logit).exp())
    }
}

/// The comma-separated items of a top-level JSON array `"field": [...]` (numbers or strings without commas).
fn json_array<'t>(text: &'t str, field: &str) -> Option<Vec<&'t str>> {
    let after = &text[text.find(&format!("\"{field}\""))?..];
    let open = after.find('[')?;
    let close = after.find(']')?;
    Some(after[open + 1..close].split(',').map(str::trim).filter(|item| !item.is_empty()).collect())
}

fn json_number(text: &str, field: &str) -> Option<f64> {
    let after = &text[text.find(&format!("\"{field}\""))? + field.len() + 2..];
    let value = after.trim_start().strip_prefix(':')?.trim_start();
    let end = value.find([',', '}', '\n']).unwrap_or(value.len());
    value[..end].trim().parse().ok()
}

/// What the columns are computed from, one entry per live block, in order.
pub struct BlockInputs<'i> {
    pub page: &'i dyn Page,
    pub classes: &'i [Class],
    pub explicit: &'i [bool],
    pub captions: &'i [bool],
    /// The dense runs of the jusText-style shape scores (0 where a block is not judged).
    pub base_runs: &'i RunMembership,
    pub language_known: bool,
    pub lists: &'i Lists,
}

/// Prefix sums kept for this many positions: more than a wide window's `2 * WIDE_CONTEXT + 2`.
const RING: usize = 16;
const _: () = assert!(RING >= 2 * WIDE_CONTEXT + 2 && WIDE_CONTEXT >= CONTEXT);

/// The columns whose window means a row holds, by their place in `RunningSums`.
const LOG_WORDS: usize = 0;
const DENSITY: usize = 1;
const TERMINAL: usize = 2;
const EXPLICIT: usize = 3;
const CAPTION: usize = 4;
const STAMP: usize = 5;
const SUMMED: usize = 6;

/// Prefix sums of the summed columns over the blocks read so far; only the last `RING` are kept.
///
/// The sums run left to right as over a whole column, so a window's sum is the
/// same to the last bit as from a prefix sum per block, without the columns.
struct RunningSums {
    /// Blocks added so far.
    read: usize,
    totals: [f64; SUMMED],
    /// The prefix sums of the first `k` blocks, at `k % RING`.
    prefixes: [[f64; SUMMED]; RING],
    /// Whether block `i` holds a timestamp, at `i % RING`.
    stamps: [bool; RING],
}

impl RunningSums {
    fn new() -> Self {
        RunningSums { read: 0, totals: [0.0; SUMMED], prefixes: [[0.0; SUMMED]; RING], stamps: [false; RING] }
    }

    fn add(&mut self, values: [f64; SUMMED], stamp: bool) {
        self.stamps[self.read % RING] = stamp;
        for (total, value) in self.totals.iter_mut().zip(values) {
            *total += value;
        }
        self.read += 1;
        self.prefixes[self.read % RING] = self.totals;
    }

    /// The sum of a column over the first `k` blocks (one of the last `RING` prefix sums).
    fn prefix(&self, column: usize, k: usize) -> f64 {
        debug_assert!(k <= self.read && k + RING > self.read, "prefix {k} is out of the ring");
        self.prefixes[k % RING][column]
    }

    fn stamp(&self, position: usize) -> bool {
        debug_assert!(position < self.read && position + RING >= self.read);
        self.stamps[position % RING]
    }
}

/// The window `[low, high)` of `reach` blocks on each side of `position`.
fn window(position: usize, reach: usize, count: usize) -> (usize, usize) {
    (position.saturating_sub(reach), (position + reach + 1).min(count))
}

/// The mean of a value over the blocks within `reach`, other than the block itself.
fn around(sums: &RunningSums, column: usize, value: f64, position: usize, reach: usize, count: usize) -> f64 {
    let (low, high) = window(position, reach, count);
    let width = high - low - 1;
    if width > 0 {
        (sums.prefix(column, high) - sums.prefix(column, low) - value) / width as f64
    } else {
        value
    }
}

/// The mean of a value over the blocks within `reach`, the block included.
fn window_mean(sums: &RunningSums, column: usize, position: usize, reach: usize, count: usize) -> f64 {
    let (low, high) = window(position, reach, count);
    (sums.prefix(column, high) - sums.prefix(column, low)) / (high - low).max(1) as f64
}

fn flag(value: bool) -> f64 {
    if value {
        1.0
    } else {
        0.0
    }
}

/// The dense runs of the base scores, the best score and the best run's span.
pub struct RunMembership {
    runs: Vec<Run>,
    best: f64,
    best_start: usize,
    best_end: usize,
}

pub fn run_membership(scores: &[f64]) -> RunMembership {
    let runs = dense_runs(scores);
    let best = runs
        .iter()
        .map(|run| run.score)
        .fold(None, |best: Option<f64>, score| Some(best.map_or(score, |best| best.max(score))));
    let best = best.filter(|best| *best != 0.0).unwrap_or(1.0);
    let mut best_positions: Option<(usize, usize)> = None;
    for run in &runs {
        if run.score / best >= 1.0 && run.end > run.start {
            let first = best_positions.map_or(run.start, |(first, _)| first);
            best_positions = Some((first, run.end));
        }
    }
    let (best_start, best_end) = best_positions.unwrap_or((0, 0));
    RunMembership { runs, best, best_start, best_end }
}

/// Digits among the first `limit` characters.
fn digits_in_head(text: &str, limit: usize) -> usize {
    let bytes = &text.as_bytes()[..text.len().min(limit)];
    if bytes.is_ascii() {
        // The first `limit` bytes are ASCII: they are the first `limit` characters.
        return bytes.iter().filter(|byte| byte.is_ascii_digit()).count();
    }
    text.chars().take(limit).filter(|&c| crate::text::is_digit(c)).count()
}

fn has_separator(text: &str) -> bool {
    text.chars().take(SEPARATOR_CHARS).any(|c| matches!(c, '|' | '»' | '›' | '•' | '·' | '>' | '/'))
}

fn is_timestamped(text: &str, feature: &Features) -> bool {
    // Every kind of timestamp holds a digit: most lines need no regular expression.
    feature.words() <= STAMP_LINE_WORDS && may_hold_digit(text) && may_be_timestamp(text) && TIMESTAMP.is_match(text)
}

/// False only where `TIMESTAMP` cannot match: each of its forms holds "ago", a colon, or a year's "19" or "20".
fn may_be_timestamp(text: &str) -> bool {
    text.contains(':') || text.contains("19") || text.contains("20") || says_ago(text)
}

/// Whether a text holds "ago" in any case (the only case forms of these letters are ASCII).
pub fn says_ago(text: &str) -> bool {
    text.as_bytes().windows(3).any(|three| three.eq_ignore_ascii_case(b"ago"))
}

/// A coarse shape of a block, equal for the same field of every record of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Shape {
    Widget,
    Digits,
    Sentence,
    Line,
    Long,
}

fn shape(feature: &Features, text: &str) -> Shape {
    if !feature.letters || is_widget(feature) {
        return Shape::Widget;
    }
    if digits_in_head(text, SHAPE_DIGIT_CHARS) * 3 >= crate::text::char_len(text).min(SHAPE_DIGIT_CHARS) {
        return Shape::Digits;
    }
    if feature.terminal && feature.words() >= 8 {
        return Shape::Sentence;
    }
    if feature.words() <= 15 {
        Shape::Line
    } else {
        Shape::Long
    }
}

/// The list of records of one repeated shape each block stands in, as runs of positions with one list (or none).
///
/// Most blocks of a long page stand in no list and a list's blocks stand
/// together, so a run per change takes far less room than a stretch (12 bytes) per block.
pub struct Lists {
    /// The first position of each run, in order (0 first).
    starts: Vec<u32>,
    stretches: Vec<Option<Stretch>>,
}

impl Lists {
    /// The list the block at `position` stands in, if any.
    pub fn at(&self, position: usize) -> Option<Stretch> {
        let run = self.starts.partition_point(|&start| start as usize <= position);
        run.checked_sub(1).and_then(|run| self.stretches[run])
    }
}

/// For each block, the list of records of one repeated shape it stands in (None outside lists).
pub fn list_stretches(page: &dyn Page) -> Lists {
    let shapes: Vec<Shape> =
        (0..page.len()).map(|position| shape(page.feature(position), page.text(position))).collect();
    let mut lists = Lists { starts: Vec::new(), stretches: Vec::new() };
    for (position, stretch) in repeated_shapes(&shapes, LIST_MAX_PERIOD, LIST_MIN_RECORDS).into_iter().enumerate() {
        if lists.stretches.last() != Some(&stretch) {
            lists.starts.push(u32::try_from(position).expect("a page has fewer than 4 Gi blocks"));
            lists.stretches.push(stretch);
        }
    }
    lists
}

/// The share of a page's words that stand in sentences of twelve words or more.
pub fn prose_share(page: &dyn Page) -> f64 {
    let total: usize = (0..page.len()).map(|position| page.feature(position).words()).sum();
    let prose: usize = (0..page.len()).map(|position| page.feature(position).prose_words()).sum();
    prose as f64 / total.max(1) as f64
}

/// What the rows are built from: per-document counts, and the state of the walk at the current block.
///
/// The walk goes left to right (`advance`), so only a window of sums around the
/// current block is kept, never a column per block.
struct Columns<'i> {
    inputs: &'i BlockInputs<'i>,
    keys: KeyCounts,
    runs: &'i RunMembership,
    sums: RunningSums,
    /// The first run that does not end before the current block.
    next_run: usize,
    /// The current block's list of records and that list's words.
    list: Option<(Stretch, usize)>,
    prose: f64,
}

impl<'i> Columns<'i> {
    fn new(inputs: &'i BlockInputs<'i>) -> Self {
        let page = inputs.page;
        let mut keys =
            KeyCounts::new((0..page.len()).map(|position| page.feature(position).key_id() + 1).max().unwrap_or(0));
        for position in 0..page.len() {
            keys.add(page.feature(position));
        }
        Columns {
            keys,
            runs: inputs.base_runs,
            sums: RunningSums::new(),
            next_run: 0,
            list: None,
            prose: prose_share(inputs.page),
            inputs,
        }
    }

    /// Moves the walk to `position`: the blocks up to its widest window are summed. Positions come in order.
    fn advance(&mut self, position: usize) {
        let inputs = self.inputs;
        let through = (position + WIDE_CONTEXT + 1).min(inputs.page.len());
        while self.sums.read < through {
            let block = self.sums.read;
            let (feature, text) = (inputs.page.feature(block), inputs.page.text(block));
            let stamp = is_timestamped(text, feature);
            let values = [
                (feature.words() as f64).ln_1p(),
                feature.stopword_density(),
                flag(feature.terminal),
                flag(inputs.explicit[block]),
                flag(inputs.captions[block]),
                flag(stamp),
            ];
            self.sums.add(values, stamp);
        }
        let runs = &self.runs.runs;
        while self.next_run < runs.len() && runs[self.next_run].end <= position {
            self.next_run += 1;
        }
        if let Some(stretch) = inputs.lists.at(position) {
            if self.list.is_none_or(|(current, _)| current != stretch) {
                let words = stretch.positions().map(|block| inputs.page.feature(block).words()).sum();
                self.list = Some((stretch, words));
            }
        }
    }

    /// The run the current block stands in, if any.
    fn run_at(&self, position: usize) -> Option<&Run> {
        self.runs.runs.get(self.next_run).filter(|run| run.start <= position && position < run.end)
    }
}

impl Columns<'_> {
    fn gap_value(&self, position: usize) -> f64 {
        (self.inputs.page.gap(position) as f64).min(GAP_CAP) / GAP_CAP
    }

    /// Whether the block is a short explicit marker past the page's first third: the text is over.
    fn ends_text(&self, position: usize) -> bool {
        let inputs = self.inputs;
        inputs.explicit[position]
            && inputs.classes[position] == Class::Bad
            && inputs.page.feature(position).words() <= END_MARKER_WORDS
            && position > inputs.page.len() / 3
    }

    /// The block's features, in `FEATURE_NAMES` order (`ended`: an end marker stands at or above it).
    fn row(&self, position: usize, ended: bool) -> [f64; FEATURE_COUNT] {
        let inputs = self.inputs;
        let (feature, text, class) =
            (inputs.page.feature(position), inputs.page.text(position), inputs.classes[position]);
        let count = inputs.page.len();
        let words = (feature.words() as f64).max(1.0);
        let log_words = (feature.words() as f64).ln_1p();
        let density = feature.stopword_density();
        let (best_start, best_end) = (self.runs.best_start, self.runs.best_end);
        let in_best = position >= best_start && position < best_end;
        let distance = if in_best { 0 } else { position.abs_diff(best_start).min((position + 1).abs_diff(best_end)) };
        let mut row = [0.0; FEATURE_COUNT];
        row[0] = log_words;
        row[1] = density;
        row[2] = flag(feature.terminal);
        row[3] = feature.capitalised;
        row[4] = flag(feature.heading_like());
        for (slot, name) in row[5..10].iter_mut().zip(CLASSES) {
            *slot = flag(class == name);
        }
        row[10] = ((self.keys.get(feature) - 1) as f64).ln_1p();
        row[11] = position as f64 / count as f64;
        row[12] = position.min(count - 1 - position) as f64 / count as f64;
        row[13] = self.gap_value(position);
        row[14] = if position + 1 < count { self.gap_value(position + 1) } else { 1.0 };
        let sums = &self.sums;
        row[15] = around(sums, LOG_WORDS, log_words, position, CONTEXT, count);
        row[16] = around(sums, DENSITY, density, position, CONTEXT, count);
        row[17] = around(sums, TERMINAL, flag(feature.terminal), position, CONTEXT, count);
        row[18] = around(sums, EXPLICIT, flag(inputs.explicit[position]), position, CONTEXT, count);
        row[19] = flag(in_best);
        let run = self.run_at(position);
        row[20] = flag(run.is_some());
        row[21] = run.map_or(0.0, |run| run.score / self.runs.best);
        row[22] = (distance as f64).ln_1p() / 5.0;
        let characters = crate::text::char_len(text);
        row[23] = digits_in_head(text, DIGIT_CHARS) as f64 / characters.clamp(1, DIGIT_CHARS) as f64;
        row[24] = text.bytes().filter(|byte| *byte == b',').count() as f64 / words;
        row[25] = flag(crate::cues::before_ellipsis(text).is_some());
        row[26] = flag(ended);
        row[27] = feature.chars() as f64 / words / 10.0;
        row[28] = flag(has_separator(text));
        row[29] = flag(inputs.language_known);
        row[30] = log_words * density;
        let caption = flag(inputs.captions[position]);
        row[31] = flag(around(sums, CAPTION, caption, position, CONTEXT, count) > 0.0);
        row[32] = flag(sums.stamp(position));
        row[33] = window_mean(sums, STAMP, position, WIDE_CONTEXT, count);
        row[34] = flag(position >= best_end && best_end > 0);
        row[35] = flag(feature.words() >= TITLE_CASE_WORDS && feature.capitalised >= TITLE_CASE_SHARE);
        self.list_features(position, &mut row[36..]);
        row
    }

    /// In a list of records of one shape: how many records, their words; the page's share of prose.
    ///
    /// On a page with little prose (a listing, a product grid, a forum index) the
    /// main content is its lists; on an article, lists are menus and teasers.
    fn list_features(&self, position: usize, slots: &mut [f64]) {
        let feature = self.inputs.page.feature(position);
        let short = flag(feature.words() <= STAMP_LINE_WORDS && !feature.terminal);
        let prose = self.prose;
        let (in_list, records, record_words, little_prose) = match self.inputs.lists.at(position) {
            None => (0.0, 0.0, 0.0, 0.0),
            Some(stretch) => {
                let words = self.list.map_or(0, |(_, words)| words) as f64;
                let records = stretch.records();
                (1.0, records.ln_1p() / 3.0, (words / records).ln_1p() / 3.0, 1.0 - prose)
            }
        };
        slots.copy_from_slice(&[in_list, records, record_words, prose, little_prose, short * (1.0 - prose)]);
    }
}

/// The model's probability of every block where `wanted` holds (0 elsewhere).
pub fn probabilities(inputs: &BlockInputs<'_>, model: &BlockModel, wanted: &[bool]) -> Vec<f64> {
    let mut columns = Columns::new(inputs);
    let mut ended = false;
    let mut result = vec![0.0; inputs.page.len()];
    for (position, slot) in result.iter_mut().enumerate() {
        columns.advance(position);
        ended |= columns.ends_text(position);
        if wanted[position] {
            *slot = model.probability(&columns.row(position, ended));
        }
    }
    result
}

/// The feature rows of the blocks where `wanted` holds, in order: what the model is fitted on.
pub fn feature_rows(inputs: &BlockInputs<'_>, wanted: &[bool]) -> Vec<[f64; FEATURE_COUNT]> {
    let mut columns = Columns::new(inputs);
    let mut ended = false;
    let mut rows = Vec::new();
    for (position, &wanted) in wanted.iter().enumerate() {
        columns.advance(position);
        ended |= columns.ends_text(position);
        if wanted {
            rows.push(columns.row(position, ended));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyse;
    use crate::passes::chrome::page::Listed;

    #[test]
    fn the_timestamp_prefilter_passes_every_timestamp() {
        let stamps = [
            "2 days ago at 08:49 am",
            "3 HOURS AGO",
            "Posted 14:05",
            "March 3, 2024",
            "sept 3 1999",
            "2019 um Mitternacht",
            "le 2021 à midi",
        ];
        for text in stamps {
            assert!(TIMESTAMP.is_match(text), "{text}");
            assert!(may_be_timestamp(text), "{text}");
        }
        assert!(!may_be_timestamp("Page 3 of 15") && !TIMESTAMP.is_match("Page 3 of 15"));
    }

    #[test]
    fn the_shipped_model_parses() {
        let model = &*DEFAULT_MODEL;
        assert!(model.weights.iter().any(|weight| *weight != 0.0));
        let tiny = r#"{"names": ["a"], "mean": [0], "scale": [1], "weights": [1], "bias": 0}"#;
        assert!(BlockModel::from_json(tiny).is_none());
    }

    #[test]
    fn window_means_leave_the_block_out() {
        let summed = |values: &[f64]| {
            let mut sums = RunningSums::new();
            for &value in values {
                sums.add([value; SUMMED], false);
            }
            sums
        };
        let sums = summed(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(around(&sums, DENSITY, 1.0, 0, 2, 4), 2.5);
        assert_eq!(window_mean(&sums, STAMP, 1, 1, 4), 2.0);
        assert_eq!(around(&summed(&[7.0]), LOG_WORDS, 7.0, 0, 2, 1), 7.0);
    }

    #[test]
    fn running_sums_keep_the_last_window() {
        let mut sums = RunningSums::new();
        let values: Vec<f64> = (0..40).map(|value| value as f64 * 0.1).collect();
        let mut exact = vec![0.0];
        for &value in &values {
            sums.add([value; SUMMED], exact.len() % 3 == 0);
            exact.push(exact.last().unwrap() + value);
            let kept = (sums.read + 1).saturating_sub(RING);
            for (k, total) in exact.iter().enumerate().skip(kept) {
                assert_eq!(sums.prefix(TERMINAL, k), *total);
            }
        }
        assert!((24..40).all(|block| sums.stamp(block) == ((block + 1) % 3 == 0)));
    }

    #[test]
    fn best_run_spans_every_run_as_good_as_the_best() {
        let membership = run_membership(&[3.0, -9.0, 3.0, -9.0, 1.0]);
        assert_eq!((membership.best_start, membership.best_end), (0, 3));
        assert_eq!(membership.runs[2].score / membership.best, 1.0 / 3.0);
    }

    #[test]
    fn prose_scores_above_a_menu() {
        let texts = [
            "Home",
            "News",
            "It was a long day in the city, and the people of the town were tired of it all.",
            "It was a long day in the city, and the people of the town were tired of it all.",
            "Contact us",
        ];
        let analysis = analyse(&texts);
        let feats: Vec<&Features> = analysis.features.iter().collect();
        let classes = [Class::Short, Class::Short, Class::Good, Class::Good, Class::Short];
        let flags = [false; 5];
        let base = [-1.5, -1.5, 17.0, 17.0, -1.5];
        let page = Listed { texts: &texts, feats: &feats };
        let lists = list_stretches(&page);
        let inputs = BlockInputs {
            page: &page,
            classes: &classes,
            explicit: &flags,
            captions: &flags,
            base_runs: &run_membership(&base),
            language_known: true,
            lists: &lists,
        };
        let scores = probabilities(&inputs, &DEFAULT_MODEL, &[true; 5]);
        assert!(scores[2] > scores[0] && scores[3] > scores[4]);
    }
}
