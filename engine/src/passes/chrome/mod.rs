//! Remove site chrome: menus, widgets, share bars, related-content lists, bio boxes, notices.
//!
//! Five kinds of evidence, general rather than per site:
//!
//! * phrase lists per language (`data/phrases`): whole-line UI text ("Connect
//!   with us", "Share on Facebook"), markers that open a trailing section of
//!   related links or comments ("You may also like:"), byline and bio markers
//!   ([`explicit`]);
//! * the shape of blocks, as jusText classifies them: length, stopword density,
//!   sentence punctuation, widgets with no words (`TT`, `20`, `-`), short
//!   lines the page repeats (section labels of teaser lists) ([`classes`]);
//! * position: the article is the densest run of prose (`crate::regions`);
//!   what lies outside every strong run is boilerplate, except the headline zone
//!   just above a run (title, section, byline, dateline, captions), which is kept
//!   for the roles pass to label ([`main_text`]);
//! * lists of records of one repeated shape (listings, product grids): on a page
//!   with little prose, the one the block model ([`blockmodel`]) likes best is its main text;
//! * threads of stamped posts ([`threads`]): on a forum every post is text and
//!   the repeated metadata is not; below an article, under a comments heading,
//!   the thread is the comments.
//!
//! The verdict is given twice: on the page as given, then on the blocks it
//! keeps, laid out as the text form shows them (`confirm.rs`); what the second
//! removes goes too, so that cleaning the text form again finds nothing more.
//!
//! Needs nothing from earlier passes; blocks already removed are ignored and
//! caption blocks are kept where they stand next to the text.

pub mod blockmodel;
pub mod classes;
mod confirm;
pub mod explicit;
pub mod main_text;
pub mod page;
pub mod teasers;
pub mod threads;

use crate::features::{Features, KeyCounts};
use crate::model::{Annotation, Document, Edits, Role};
use crate::passes::Pass;
use crate::phrases::all_languages;
use crate::reasons::{BOILERPLATE, COMMENT_THREAD, TEASER_LIST, WIDGET};
use crate::settings::Settings;

use blockmodel::{
    feature_rows, list_stretches, probabilities, prose_share, run_membership, BlockInputs, Lists, DEFAULT_MODEL,
    FEATURE_COUNT,
};
use classes::{base_score, is_widget, Class, Thresholds};
use explicit::{explicit_chrome, Blocks, Phrases};
use page::{Live, Page};
use teasers::{excerpt_runs, headline_runs};
use threads::is_stamp;

/// How often the page prints each line of up to this many words is counted
/// (repeated labels, per-entry widgets, a comment form printed once).
pub const PRINTED_WORDS: usize = 6;
/// The kind of teaser run a block stands in (one byte a block, where its detail would take sixteen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Teaser {
    Excerpt,
    Headline,
}

impl Teaser {
    fn detail(self) -> &'static str {
        match self {
            Teaser::Excerpt => "a run of excerpts cut off with an ellipsis",
            Teaser::Headline => "a run of headlines with no text under them",
        }
    }
}

/// Remove navigation, widgets and related-content chrome; keep the densest runs of prose.
pub struct RemoveSiteChrome {
    /// The phrase lists of the languages set (`phrase_languages`), looked up once.
    phrases: Phrases,
    thresholds: Thresholds,
    min_run_score: f64,
    relative_run: f64,
    header_window: usize,
    tail_window: usize,
    cut_threads: bool,
    use_model: bool,
    model_threshold: f64,
    list_prose: f64,
    list_record_words: f64,
}

impl RemoveSiteChrome {
    pub const NAME: &'static str = "remove-site-chrome";

    /// The pass with the settings of the Python pass object (its defaults where one is missing).
    pub fn new(settings: &Settings) -> Self {
        RemoveSiteChrome {
            phrases: Phrases::new(&settings.list("phrase_languages", &all_languages())),
            thresholds: Thresholds {
                length_low: settings.usize("length_low", 70),
                length_high: settings.usize("length_high", 200),
                stopwords_low: settings.float("stopwords_low", 0.30),
                stopwords_high: settings.float("stopwords_high", 0.32),
            },
            min_run_score: settings.float("min_run_score", 30.0),
            relative_run: settings.float("relative_run", 0.0),
            header_window: settings.usize("header_window", 8),
            tail_window: settings.usize("tail_window", 4),
            cut_threads: settings.bool("cut_threads", true),
            use_model: settings.bool("use_model", true),
            model_threshold: settings.float("model_threshold", 0.40),
            list_prose: settings.float("list_prose", 0.5),
            list_record_words: settings.float("list_record_words", 4.0),
        }
    }

    pub fn build(settings: &Settings) -> Box<dyn Pass> {
        Box::new(RemoveSiteChrome::new(settings))
    }
}

/// The blocks a document leaves the block model to judge, by block index, with their words and rows.
#[derive(Default)]
pub struct TrainingRows {
    pub blocks: Vec<usize>,
    pub words: Vec<usize>,
    pub rows: Vec<[f64; FEATURE_COUNT]>,
}

/// The pass's view of a document before it picks the main text; everything is by position into `live`.
pub struct Prepared<'d, 'a> {
    /// Block indices of the blocks no earlier pass removed.
    pub live: Vec<usize>,
    /// The document's features, by block index.
    pub features: &'d [Features],
    pub hard_breaks: Vec<bool>,
    pub classes: Vec<Class>,
    pub edits: Edits<'d, 'a>,
    /// Positions of the blocks left to judge (kept, no role), in order.
    pub scored: Vec<usize>,
    pub is_scored: Vec<bool>,
    /// The score of each judged block (0 elsewhere).
    pub scores: Vec<f64>,
    /// The list of records each position stands in.
    pub lists: Lists,
    /// The page's share of words in sentences.
    pub prose: f64,
    /// How often the page prints each line of up to `PRINTED_WORDS` words, by key.
    pub printed: KeyCounts,
    /// Positions of post and comment stamps, in order.
    pub stamps: Vec<usize>,
    /// Positions found in a comment thread below the text.
    pub thread: Vec<bool>,
}

impl Prepared<'_, '_> {
    /// The jusText-style score of a judged block by shape alone (0 elsewhere), worked out again where it is
    /// read (a page's worth of them kept beside the scores would add to the pass's peak).
    pub fn base_score(&self, position: usize) -> f64 {
        if self.is_scored[position] {
            base_score(self.classes[position], self.feature(position))
        } else {
            0.0
        }
    }
}

impl Page for Prepared<'_, '_> {
    fn len(&self) -> usize {
        self.live.len()
    }

    fn text(&self, position: usize) -> &str {
        self.edits.document.text(self.live[position])
    }

    fn feature(&self, position: usize) -> &Features {
        &self.features[self.live[position]]
    }

    fn gap(&self, position: usize) -> u32 {
        self.edits.document.blocks[self.live[position]].gap
    }
}

impl Pass for RemoveSiteChrome {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, document: &Document) -> Vec<Annotation> {
        let notes = self.verdict(document);
        confirm::settled(self, document, notes)
    }
}

impl RemoveSiteChrome {
    /// The pass's verdict on the page as given: phrase lists, widgets, teasers and the main text.
    fn verdict(&self, document: &Document) -> Vec<Annotation> {
        let Some(mut prepared) = self.prepare(document) else {
            return document.notes.clone();
        };
        let keep = self.main_text(&mut prepared);
        let teasers = self.teaser_lists(&prepared, &keep);
        let edits = &mut prepared.edits;
        for (position, &index) in prepared.live.iter().enumerate() {
            let class = prepared.classes[position];
            let feature = &prepared.features[index];
            // A bare number in the page's content container is a figure (a table's cell), not a counter.
            let widget = class == Class::Bad
                && is_widget(feature)
                && !(feature.key.contains('0') && crate::dom::in_content(edits.document, index));
            if widget && edits.role(index).is_none() {
                edits.remove(index, WIDGET, "counter, toggle or separator");
            } else if let Some(teaser) = teasers[position].filter(|_| edits.is_kept(index)) {
                edits.remove(index, TEASER_LIST, teaser.detail());
            } else if !keep[position] && edits.is_kept(index) {
                if prepared.thread[position] {
                    edits.remove(index, COMMENT_THREAD, "in the comments below the text");
                } else {
                    edits.remove(index, BOILERPLATE, format!("{} block outside the main text", class.as_str()));
                }
            }
        }
        prepared.edits.finish()
    }
}

impl RemoveSiteChrome {
    /// Phrase-list removals, block classes and the score of every block that is left to judge.
    pub fn prepare<'d, 'a>(&self, document: &'d Document<'a>) -> Option<Prepared<'d, 'a>> {
        self.prepare_with(document, None)
    }

    /// The blocks left to judge, each with its block model row: the examples the model is fitted on.
    pub fn training_rows(&self, document: &Document) -> TrainingRows {
        let mut rows = Vec::new();
        let Some(prepared) = self.prepare_with(document, Some(&mut rows)) else {
            return TrainingRows::default();
        };
        TrainingRows {
            blocks: prepared.scored.iter().map(|&position| prepared.live[position]).collect(),
            words: prepared.scored.iter().map(|&position| prepared.feature(position).words()).collect(),
            rows,
        }
    }

    fn prepare_with<'d, 'a>(
        &self,
        document: &'d Document<'a>,
        rows: Option<&mut Vec<[f64; FEATURE_COUNT]>>,
    ) -> Option<Prepared<'d, 'a>> {
        let live = document.live();
        if live.is_empty() {
            return None;
        }
        let analysis = document.analysis();
        let page = Live::new(document, &live);
        let roles: Vec<Option<Role>> = live.iter().map(|&index| document.role(index)).collect();
        let mut edits = document.edit(Self::NAME);
        let mut printed = KeyCounts::new(analysis.keys);
        for position in 0..page.len() {
            let feature = page.feature(position);
            if feature.words() <= PRINTED_WORDS {
                printed.add(feature);
            }
        }
        let blocks = Blocks { live: &live, page: &page, roles: &roles };
        let explicit = explicit_chrome(&blocks, &self.phrases, &mut edits, &printed);
        let classes: Vec<Class> = explicit
            .iter()
            .enumerate()
            .map(|(position, explicit)| self.thresholds.class_of(page.feature(position), &printed, *explicit))
            .collect();
        let is_scored: Vec<bool> =
            live.iter().map(|&index| edits.is_kept(index) && edits.role(index).is_none()).collect();
        let mut scored: Vec<usize> = (0..live.len()).filter(|&position| is_scored[position]).collect();
        scored.shrink_to_fit();
        let lists = list_stretches(&page);
        let mut base = vec![0.0; live.len()];
        for &position in &scored {
            base[position] = base_score(classes[position], page.feature(position));
        }
        let captions: Vec<bool> = live.iter().map(|&index| edits.role(index) == Some(Role::Caption)).collect();
        let scores = if self.use_model || rows.is_some() {
            // The model reads the shape scores only through their dense runs: where it scores the blocks
            // instead, the shape scores go before it runs (a page's worth of them would add to the pass's peak).
            let base_runs = run_membership(&base);
            let base = (!self.use_model).then_some(base);
            let inputs = BlockInputs {
                page: &page,
                classes: &classes,
                explicit: &explicit,
                captions: &captions,
                base_runs: &base_runs,
                language_known: !analysis.language.is_empty(),
                lists: &lists,
            };
            if let Some(rows) = rows {
                *rows = feature_rows(&inputs, &is_scored);
            }
            match base {
                Some(base) => base,
                None => self.model_scores(probabilities(&inputs, &DEFAULT_MODEL, &is_scored), &page, &scored),
            }
        } else {
            base
        };
        let stamps: Vec<usize> =
            (0..live.len()).filter(|&position| is_stamp(page.text(position), page.feature(position))).collect();
        let hard_breaks = live.iter().map(|&index| document.blocks[index].hard_break).collect();
        Some(Prepared {
            thread: vec![false; live.len()],
            prose: prose_share(&page),
            features: &analysis.features,
            live,
            hard_breaks,
            classes,
            edits,
            scored,
            is_scored,
            scores,
            lists,
            printed,
            stamps,
        })
    }

    /// A judged block's score: how far the model's probability stands above the threshold, times its size.
    /// The probabilities are 0 where a block is not judged, and turn into scores in place.
    fn model_scores(&self, probabilities: Vec<f64>, page: &dyn Page, scored: &[usize]) -> Vec<f64> {
        let mut scores = probabilities;
        for &position in scored {
            let feature = page.feature(position);
            let weight = feature.words().max(feature.chars() / 6).max(1) as f64;
            scores[position] = (scores[position] - self.model_threshold) * 2.0 * weight;
        }
        scores
    }

    /// Runs of teaser headlines or cut excerpts among the kept blocks with no role (none on a page of little prose).
    fn teaser_lists(&self, prepared: &Prepared<'_, '_>, keep: &[bool]) -> Vec<Option<Teaser>> {
        let mut teasers = vec![None; prepared.live.len()];
        if prepared.prose < self.list_prose {
            return teasers; // a page of little prose: its lists may be its content
        }
        let kept: Vec<usize> = (0..prepared.live.len())
            .filter(|&position| keep[position] && prepared.edits.role(prepared.live[position]).is_none())
            .collect();
        let headlines = headline_runs(prepared, &kept);
        let excerpts = excerpt_runs(prepared, &kept);
        for (runs, teaser) in [(excerpts, Teaser::Excerpt), (headlines, Teaser::Headline)] {
            for position in runs.into_iter().flatten() {
                teasers[position] = Some(teaser);
            }
        }
        teasers
    }
}

/// Three paragraphs of a news story, for the tests of the chrome pass's parts.
#[cfg(test)]
const SEAL_PARAGRAPHS: [&str; 3] = [
    "Harbour seals have returned to breed in the estuary for the first time in four decades, according to a \
     survey published on Tuesday by the regional wildlife trust.",
    "Volunteers counted forty-six adults and eleven pups on the sandbanks below the old ferry crossing, where \
     the last breeding colony was recorded in the early 1980s.",
    "\"We did not expect to see pups this soon,\" said Ana Ruiz, who led the count. \"It tells us the water is \
     cleaner and the fish have come back.\"",
];

/// Each block of `raw` with the chrome pass's reason code ("kept" for a kept one), for the tests of its parts.
#[cfg(test)]
fn reasons(raw: &str) -> Vec<(String, String)> {
    use crate::passes::Pass;
    let document = Document::new(raw);
    let notes: Vec<Annotation> = RemoveSiteChrome::new(&crate::settings::Settings::default()).run(&document);
    (0..document.len())
        .map(|index| {
            let reason = notes[index].removal.as_ref().map_or("kept", |removal| &*removal.reason);
            (document.text(index).to_string(), reason.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_around_prose_goes() {
        let prose = "It was a long day in the city, and the people of the town were tired of it. ".repeat(3);
        let raw = format!("Home\n\n{}\n\nShare on Facebook\nOur team\nContact us", prose.trim_end());
        let document = Document::new(&raw);
        let notes = RemoveSiteChrome::new(&Settings::default()).run(&document);
        let reasons: Vec<&str> =
            notes.iter().map(|note| note.removal.as_ref().map_or("kept", |removal| &*removal.reason)).collect();
        assert_eq!(reasons, vec!["ui-phrase", "kept", "ui-phrase", "boilerplate", "ui-phrase"]);
    }

    #[test]
    fn a_figure_in_the_content_container_is_no_counter() {
        let prose = "It was a long day in the city, and the people of the town were tired of it. ".repeat(3);
        let raw = format!("{}\nKyle Busch\n17\n.\nMartin Truex\n27", prose.trim_end());
        let reasons = |document: &Document| -> Vec<String> {
            let notes = RemoveSiteChrome::new(&Settings::default()).run(document);
            notes
                .iter()
                .map(|note| note.removal.as_ref().map_or("kept".into(), |removal| removal.reason.to_string()))
                .collect()
        };
        let mut document = Document::new(&raw);
        assert_eq!(reasons(&document)[2], WIDGET, "in a dump, a bare number is a counter");
        document.dom = Some(crate::dom::DomEvidence { in_content: vec![true; 6] });
        let found = reasons(&document);
        assert_eq!((found[2].as_str(), found[5].as_str()), ("kept", "kept"), "a table's figures");
        assert_eq!(found[3], WIDGET, "a separator stays a widget");
    }

    #[test]
    fn an_empty_document_is_unchanged() {
        let document = Document::new("");
        assert!(RemoveSiteChrome::new(&Settings::default()).run(&document).is_empty());
    }
}
