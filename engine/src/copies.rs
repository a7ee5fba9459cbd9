//! What `collapse-repeated-blocks` left for later passes to read: which blocks it found printed again.

use rustc_hash::FxHashSet;

use crate::model::Document;
use crate::reasons::REPEATED_HEADING;

/// Indices of the headings whose later copies were removed as repeated headings.
///
/// Read off the typed `copy_of` of each `repeated-heading` removal, never its detail text.
pub fn copied_headings(document: &Document) -> FxHashSet<usize> {
    document
        .notes
        .iter()
        .filter_map(|note| note.removal.as_ref())
        .filter(|removal| *removal.reason == *REPEATED_HEADING)
        .filter_map(|removal| removal.copy_of)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reasons::REPEATED_BLOCK;

    #[test]
    fn only_heading_copies_with_an_original_count() {
        let mut document = Document::new("Headline here\nA line\nHeadline here\nA line\nAnother");
        let mut edits = document.edit("collapse-repeated-blocks");
        edits.remove_copy(2, REPEATED_HEADING, "copy of heading block 0", 0);
        edits.remove_copy(3, REPEATED_BLOCK, "copy of block 1", 1);
        edits.remove(4, REPEATED_HEADING, "");
        document.notes = edits.finish();
        assert_eq!(copied_headings(&document).into_iter().collect::<Vec<_>>(), vec![0]);
    }
}
