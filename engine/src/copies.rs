//! Blocks that later copies were removed as copies of, read from the typed
//! `Removal::copy_of` (never from the removal's detail text).

use rustc_hash::FxHashSet;

use crate::model::Document;
use crate::reasons;

/// Indices of the headings whose later copies were removed as repeated headings.
pub fn copied_headings(document: &Document) -> FxHashSet<usize> {
    document
        .notes
        .iter()
        .filter_map(|note| note.removal.as_ref())
        .filter(|removal| removal.reason == reasons::REPEATED_HEADING)
        .filter_map(|removal| removal.copy_of)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_repeated_headings_with_an_original_count() {
        let document = Document::new("Seals return\nSeals return\nShare this\nSeals return");
        let mut edits = document.edit("collapse-repeated-blocks");
        edits.remove_copy(1, reasons::REPEATED_HEADING, "copy of block 0", 0);
        edits.remove_copy(3, reasons::REPEATED_BLOCK, "copy of block 0", 2);
        edits.remove(2, reasons::REPEATED_HEADING, "");
        let notes = edits.finish();
        let document = Document::with_blocks(document.raw, document.blocks.clone(), notes);
        assert_eq!(copied_headings(&document).into_iter().collect::<Vec<_>>(), vec![0]);
    }
}
