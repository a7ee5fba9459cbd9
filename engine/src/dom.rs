//! Evidence from a page's DOM, laid on the document before the passes run.
//!
//! The HTML reader (`scrapeclean.html` in Python) renders a page to text, one
//! block per line, and knows of some blocks what no text can tell: that they
//! sit in the page's navigation, in a sharing widget, in a cookie banner. Those
//! blocks come in as [`Mark`]s, removals made by the reader under its own pass
//! name before the built-in passes run. The passes then see the same document
//! model as for a dump, with these blocks already out, and do the rest
//! (captions, copies, teasers, stories, roles) as they would on any dump.
//!
//! The reader also names the blocks that sit in the page's content container
//! (the `article` or `main` element that holds its longest run of prose), as
//! [`DomEvidence`] carried on the document. The chrome pass reads it through
//! two hooks, [`keep_content`] and [`in_content`]: a block there is not "outside
//! the main text", whatever its shape (a table of results, a list of tour dates
//! in the story), nor a widget for being a bare number (a cell of a table of figures).

use crate::model::Document;
use crate::passes::Pass;
use crate::pipeline::{run_rounds, MAX_ROUNDS};

/// The pass name the reader's removals carry in removal records.
pub const PASS_NAME: &str = "read-html";

/// A block the DOM shows to be outside the page's content: its index, reason code and a note for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub block: usize,
    pub reason: String,
    pub detail: String,
}

/// What the DOM shows of each block beyond the marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DomEvidence {
    /// Per block: whether it sits in the page's content container.
    pub in_content: Vec<bool>,
}

impl DomEvidence {
    /// The evidence for the blocks `flat` of this document, in that order (a confirming round's blocks).
    pub fn project(&self, flat: &[usize]) -> DomEvidence {
        DomEvidence {
            in_content: flat.iter().map(|&index| self.in_content.get(index).copied().unwrap_or(false)).collect(),
        }
    }
}

/// The chrome pass's hook: blocks the DOM puts in the page's content container are main text.
///
/// `live` maps the pass's positions to block indices; `keep` is its verdict per position.
pub fn keep_content(document: &Document, live: &[usize], keep: &mut [bool]) {
    let Some(dom) = &document.dom else { return };
    for (position, &index) in live.iter().enumerate() {
        if dom.in_content.get(index).copied().unwrap_or(false) {
            keep[position] = true;
        }
    }
}

/// Whether the DOM puts block `index` in the page's content container (false without DOM evidence).
pub fn in_content(document: &Document, index: usize) -> bool {
    document.dom.as_ref().is_some_and(|dom| dom.in_content.get(index).copied().unwrap_or(false))
}

/// [`crate::pipeline::process`] with the reader's marks laid on first; a mark past the last block is ignored.
pub fn process_marked<'a>(raw: &'a str, marks: &[Mark], content: &[usize], passes: &[Box<dyn Pass>]) -> Document<'a> {
    let mut document = Document::new(raw);
    if !content.is_empty() {
        let count = document.len();
        let mut in_content = vec![false; count];
        for &index in content.iter().filter(|&&index| index < count) {
            in_content[index] = true;
        }
        document.dom = Some(DomEvidence { in_content });
    }
    let mut edits = document.edit(PASS_NAME);
    for mark in marks.iter().filter(|mark| mark.block < document.len()) {
        edits.remove(mark.block, &mark.reason, mark.detail.clone());
    }
    document.notes = edits.finish();
    run_rounds(&mut document, passes, MAX_ROUNDS);
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_blocks_stay_removed_under_the_readers_name() {
        let raw = "Home\n\nA plain story about a town and its river, told in full sentences.";
        let marks = [
            Mark { block: 0, reason: "navigation".into(), detail: "in <nav>".into() },
            Mark { block: 9, reason: "navigation".into(), detail: String::new() },
        ];
        let document = process_marked(raw, &marks, &[], &[]);
        let removal = document.notes[0].removal.as_ref().expect("the marked block is removed");
        assert_eq!((&*removal.pass_name, &*removal.reason), (PASS_NAME, "navigation"));
        assert!(document.notes[1].kept());
    }

    #[test]
    fn blocks_in_the_content_container_are_main_text_and_others_are_not() {
        let mut document = Document::new("a\nb\nc");
        let mut keep = vec![false, true, false];
        keep_content(&document, &[0, 1, 2], &mut keep);
        assert_eq!(keep, vec![false, true, false], "no DOM evidence: the verdicts stand");
        document.dom = Some(DomEvidence { in_content: vec![false, false, true] });
        keep_content(&document, &[0, 1, 2], &mut keep);
        assert_eq!(keep, vec![false, true, true]);
        let projected = document.dom.as_ref().unwrap().project(&[2, 0]);
        assert_eq!(projected.in_content, vec![true, false]);
    }
}
