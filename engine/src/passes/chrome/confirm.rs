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
//! remove more than [`CONFIRMED_SHARE`] of the kept words, it is reading a
//! different page rather than confirming the first, and the first stands.

use crate::assemble::{PARAGRAPH_BREAK, STORY_BREAK};
use crate::features::reanalyse;
use crate::model::{Annotation, Document, Role};

use super::RemoveSiteChrome;

/// The most of the kept words the second verdict may take away. Trimming the text's edges takes
/// little; a forum's first post, just under the run threshold once the dateline the roles pass
/// moves into the metadata stood over it, took a third of a page's words, and a listing whose
/// share of prose rose past `list_prose` lost most of its records.
pub const CONFIRMED_SHARE: f64 = 0.1;

/// `notes`, the verdict on `document`, with the removals of the verdict over the blocks it keeps.
pub(super) fn over_kept(chrome: &RemoveSiteChrome, document: &Document, notes: Vec<Annotation>) -> Vec<Annotation> {
    // The text form shows the kept blocks but captions and bylines (they go into an article's metadata).
    let shown: Vec<usize> = (0..document.len())
        .filter(|&index| notes[index].kept() && !matches!(notes[index].role, Some(Role::Caption | Role::Byline)))
        .collect();
    if shown.is_empty() || shown.len() == document.live().len() {
        return notes; // the verdict took nothing away: the page reads as its cleaned form
    }
    let text = text_form(document, &shown);
    let lines = crate::segment::segment(&text);
    if lines.len() != shown.len() {
        return notes; // a block the text form would not keep as one line: no such page to read
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
    let removed = |words: fn(&crate::features::Features) -> usize| -> bool {
        let (mut all, mut taken) = (0, 0);
        for (position, &index) in shown.iter().enumerate() {
            let count = words(document.features(index));
            all += count;
            if !again[position].kept() {
                taken += count;
            }
        }
        taken as f64 > CONFIRMED_SHARE * all as f64
    };
    if removed(|feature| feature.words()) || removed(|feature| feature.prose_words()) {
        return notes;
    }
    let mut notes = notes;
    for (position, &index) in shown.iter().enumerate() {
        if let Some(removal) = &again[position].removal {
            notes[index].removal = Some(removal.clone());
            notes[index].role = None;
        }
    }
    notes
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
        let confirmed = over_kept(&RemoveSiteChrome::new(&Settings::default()), &document, notes);
        assert_eq!(reasons(&confirmed), vec!["boilerplate", "kept", "kept", "kept", "ui-phrase"]);
    }

    #[test]
    fn a_second_verdict_that_would_take_much_of_the_text_leaves_the_first() {
        // As if the first verdict had kept a share bar under the text: a sixth of the kept words.
        let menu =
            ["Share on Facebook", "Share on Twitter", "Share on LinkedIn", "Share on WhatsApp", "Share on Reddit"];
        let raw = format!("Home\n{}\n{}", PROSE.join("\n"), menu.join("\n"));
        let (document, notes) = judged(&raw);
        let confirmed = over_kept(&RemoveSiteChrome::new(&Settings::default()), &document, notes.clone());
        let chrome = RemoveSiteChrome::new(&Settings::default());
        let shown: Vec<usize> = (1..document.len()).collect();
        let text = text_form(&document, &shown);
        let view = chrome.verdict(&Document::new(&text));
        assert!(view.iter().filter(|note| !note.kept()).count() >= menu.len(), "the share bar reads as chrome");
        assert_eq!(confirmed, notes, "more than a tenth of the kept words: the first verdict stands");
    }

    #[test]
    fn the_text_form_keeps_the_inputs_page_breaks() {
        let raw = "One line here\nTwo line here\n\x0c\nThree line here";
        let document = Document::new(raw);
        let all: Vec<usize> = (0..document.len()).collect();
        assert_eq!(text_form(&document, &all), "One line here\n\nTwo line here\n\n\x0c\n\nThree line here");
    }
}
