//! The verdict given again over the blocks it keeps, as a cleaned page shows them.
//!
//! The block model reads context off the page: a block's neighbours, its
//! place between the page's ends, the page's share of prose, the lists it
//! stands in. Cleaning removes most of that context, so a line the verdict on
//! the whole page keeps at the edge of the text (a short lead-in, a label over
//! a paragraph, a weak stretch split from the text by a list of swatches) can
//! look like chrome once the menus around it are gone, and cleaning the text
//! form again would remove it. So the pass gives its verdict twice: on the
//! page as given, then on the blocks that verdict keeps, in the text form's
//! layout; what the second verdict removes goes too. The second verdict reads
//! the page a second cleaning reads.
//!
//! Its page is only nearly that one: the later passes still take copies and
//! header lines out of the text form, put datelines into the metadata, bring
//! a headline back and break stories apart. Where the second verdict would
//! remove more than [`CONFIRMED_SHARE`] of the kept prose, it is reading a
//! different page rather than confirming the first, and the prose stays.
//! Lines that are not prose (records, labels, menus, prices, counters) it
//! takes however many there are, within the bound or past it: what a cleaned
//! page shows of them is what a second cleaning reads, and leaving them to it
//! is what made a cleaned text change.

use crate::assemble::{PARAGRAPH_BREAK, STORY_BREAK};
use crate::features::reanalyse;
use crate::model::{Annotation, Document, Role};

use super::RemoveSiteChrome;

/// The most of the kept prose (words in sentences) the second verdict may take away. Trimming the
/// text's edges takes little; a forum's first post, just under the run threshold once the dateline
/// the roles pass moves into the metadata stood over it, took a third of a page's words.
///
/// Words out of sentences have no such bound. With one (a tenth of the kept words, as for prose, and
/// a confirmation past either bound applied not at all), 107 of the 3,375 dev dumps still changed
/// when their text form was cleaned again after one confirming round of the pipeline; with none, 30;
/// with a confirmation past the bound on prose still taking its lines out of sentences, 9.
pub const CONFIRMED_SHARE: f64 = 0.1;

/// How many times the verdict is given again over what the one before kept, at most.
///
/// A verdict over the kept blocks that removes a line changes the context of
/// the lines beside it once more (a label left alone above a removed list,
/// the rest of a list the verdict cut into), so it is given again until it
/// removes nothing. On the 3,375 dev dumps 160 pages need a second
/// confirmation and three a sixth; the bound keeps hostile input linear.
pub const CONFIRMATIONS: usize = 8;

/// `notes`, the verdict on `document`, with the removals of the verdicts over the blocks it keeps,
/// each given over what the one before kept, until one removes nothing.
///
/// Together the confirmations may take at most [`CONFIRMED_SHARE`] of the prose words the first
/// verdict kept; of one that would take more, only the lines out of sentences go.
pub(super) fn settled(chrome: &RemoveSiteChrome, document: &Document, notes: Vec<Annotation>) -> Vec<Annotation> {
    let mut budget = Budget::of(document, &shown(&notes));
    let mut notes = notes;
    for _ in 0..CONFIRMATIONS {
        let (confirmed, changed) = over_kept(chrome, document, notes, &mut budget);
        notes = confirmed;
        if !changed {
            break;
        }
    }
    notes
}

/// The blocks the text form would show: the kept ones but captions and bylines (they go into an
/// article's metadata).
fn shown(notes: &[Annotation]) -> Vec<usize> {
    (0..notes.len())
        .filter(|&index| notes[index].kept() && !matches!(notes[index].role, Some(Role::Caption | Role::Byline)))
        .collect()
}

/// How many more prose words the confirmations may take.
struct Budget {
    prose: f64,
}

impl Budget {
    fn of(document: &Document, shown: &[usize]) -> Budget {
        Budget { prose: CONFIRMED_SHARE * prose_words(document, shown.iter().copied()) as f64 }
    }

    /// Of the positions into `shown` a confirmation would take, those it may: all of them if the budget
    /// holds their prose (which it then takes), else those out of sentences (the prose stays).
    fn allowed(&mut self, document: &Document, shown: &[usize], mut taken: Vec<usize>) -> Vec<usize> {
        if !self.take(document, taken.iter().map(|&position| shown[position])) {
            taken.retain(|&position| document.features(shown[position]).prose_words() == 0);
        }
        taken
    }

    /// Take these blocks' prose words from the budget, if it holds them.
    fn take(&mut self, document: &Document, taken: impl Iterator<Item = usize>) -> bool {
        let prose = prose_words(document, taken) as f64;
        if prose > self.prose {
            return false;
        }
        self.prose -= prose;
        true
    }
}

/// The prose words of some blocks.
fn prose_words(document: &Document, blocks: impl Iterator<Item = usize>) -> usize {
    blocks.map(|index| document.features(index).prose_words()).sum()
}

/// `notes`, the verdict on `document`, with the removals of the verdict over the blocks it keeps that
/// `budget` allows; whether that verdict removed anything.
fn over_kept(
    chrome: &RemoveSiteChrome,
    document: &Document,
    notes: Vec<Annotation>,
    budget: &mut Budget,
) -> (Vec<Annotation>, bool) {
    let shown = shown(&notes);
    if shown.is_empty() || shown.len() == document.live().len() {
        return (notes, false); // the verdict took nothing away: the page reads as its cleaned form
    }
    let text = text_form(document, &shown);
    let lines = crate::segment::segment(&text);
    if lines.len() != shown.len() {
        return (notes, false); // a block the text form would not keep as one line: no such page to read
    }
    let texts: Vec<&str> = shown.iter().map(|&index| document.text(index)).collect();
    let known = shown.iter().map(|&index| document.features(index).clone()).collect();
    let analysis = document.analysis();
    // The blocks language detection read are the first ones: the shown ones among them lead `shown`.
    let sampled: Vec<_> = shown.iter().map_while(|&index| analysis.sample.get(index).copied()).collect();
    let mut page =
        Document::with_analysis(&text, lines, reanalyse(&texts, known, analysis.language, &sampled, analysis.keys));
    page.dom = document.dom.as_ref().map(|dom| dom.project(&shown));
    let again = chrome.verdict(&page);
    let taken =
        budget.allowed(document, &shown, (0..shown.len()).filter(|&position| !again[position].kept()).collect());
    if taken.is_empty() {
        return (notes, false);
    }
    let mut notes = notes;
    for position in taken {
        let index = shown[position];
        notes[index].removal.clone_from(&again[position].removal);
        notes[index].role = None;
    }
    (notes, true)
}

/// The shown blocks as scrapeclean's text form prints them, with a page break where the input had one.
fn text_form(document: &Document, shown: &[usize]) -> String {
    let mut text = String::new();
    let mut previous: Option<usize> = None;
    for &index in shown {
        if let Some(previous) = previous {
            let broken = (previous + 1..=index).any(|between| document.blocks[between].hard_break);
            text.push_str(if broken { STORY_BREAK } else { PARAGRAPH_BREAK });
        }
        text.push_str(document.text(index));
        previous = Some(index);
    }
    text
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::Removal;
    use crate::settings::Settings;

    use crate::passes::chrome::SEAL_PARAGRAPHS as PROSE;

    /// `lines` as a document, with the first taken out as a first verdict would have.
    fn judged(raw: &str) -> (Document<'_>, Vec<Annotation>) {
        let document = Document::new(raw);
        let mut notes = document.notes.clone();
        let removal = Removal { pass_name: "p".into(), reason: "boilerplate".into(), detail: "".into(), copy_of: None };
        notes[0].removal = Some(Arc::new(removal));
        (document, notes)
    }

    fn reasons(notes: &[Annotation]) -> Vec<&str> {
        notes.iter().map(|note| note.removal.as_ref().map_or("kept", |removal| &*removal.reason)).collect()
    }

    #[test]
    fn what_the_verdict_over_the_kept_blocks_removes_goes() {
        // As if the first verdict had kept the share bar under the text.
        let raw = format!("Home\n{}\nShare on Facebook", PROSE.join("\n"));
        let (document, notes) = judged(&raw);
        let confirmed = settled(&RemoveSiteChrome::new(&Settings::default()), &document, notes);
        assert_eq!(reasons(&confirmed), vec!["boilerplate", "kept", "kept", "kept", "ui-phrase"]);
    }

    #[test]
    fn a_second_verdict_takes_lines_out_of_sentences_however_many() {
        // As if the first verdict had kept a share bar under the text: a sixth of the kept words, none in sentences.
        let menu =
            ["Share on Facebook", "Share on Twitter", "Share on LinkedIn", "Share on WhatsApp", "Share on Reddit"];
        let raw = format!("Home\n{}\n{}", PROSE.join("\n"), menu.join("\n"));
        let (document, notes) = judged(&raw);
        let confirmed = settled(&RemoveSiteChrome::new(&Settings::default()), &document, notes);
        let kept: Vec<&str> =
            (0..document.len()).filter(|&index| confirmed[index].kept()).map(|index| document.text(index)).collect();
        assert_eq!(kept, PROSE.to_vec(), "the share bar goes, the story stays");
    }

    /// Ten sentences of twelve words (a hundred and twenty words of prose), then a menu of three lines.
    const SENTENCES_AND_MENU: &str = "One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        One two three four five six seven eight nine ten eleven twelve.\n\
        Home\nLatest news\nSport";

    /// That page, every block of it, and the budget of confirmations that all its blocks stand shown.
    fn sentences_and_menu() -> (Document<'static>, Vec<usize>, Budget) {
        let document = Document::new(SENTENCES_AND_MENU);
        let all: Vec<usize> = (0..document.len()).collect();
        let budget = Budget::of(&document, &all);
        (document, all, budget)
    }

    #[test]
    fn the_confirmations_share_one_budget_of_prose() {
        // Together the confirmations may take a tenth of the prose, not a tenth each, and any number of
        // lines out of sentences.
        let (document, _, mut budget) = sentences_and_menu();
        assert!(budget.take(&document, [10, 11, 12].into_iter()), "the whole menu: no prose");
        assert!(budget.take(&document, [3].into_iter()), "a tenth of the prose");
        assert!(!budget.take(&document, [4].into_iter()), "a second tenth is over the budget");
        assert!(budget.take(&document, std::iter::empty()), "nothing is always within it");
    }

    #[test]
    fn a_confirmation_over_the_budget_takes_its_lines_out_of_sentences_only() {
        // One that would take two sentences and the menu takes the menu; one that would take a sentence and
        // a menu line takes both.
        let (document, all, mut budget) = sentences_and_menu();
        assert_eq!(budget.allowed(&document, &all, vec![2, 3, 10, 11, 12]), vec![10, 11, 12]);
        assert_eq!(budget.allowed(&document, &all, vec![3, 10]), vec![3, 10]);
        assert_eq!(budget.allowed(&document, &all, vec![4]), Vec::<usize>::new(), "the budget is spent");
    }

    #[test]
    fn the_text_form_keeps_the_inputs_page_breaks() {
        let raw = "One line here\nTwo line here\n\x0c\nThree line here";
        let document = Document::new(raw);
        let all: Vec<usize> = (0..document.len()).collect();
        assert_eq!(text_form(&document, &all), "One line here\n\nTwo line here\n\n\x0c\n\nThree line here");
    }
}
