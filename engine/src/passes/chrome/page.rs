//! The live blocks as the chrome pass reads them: by position, from the document itself.
//!
//! A page of 900,000 blocks would take 25 MB for lists of its texts,
//! features and gaps; [`Live`] reads them from the document by position instead, and
//! [`Listed`] gives the same reads over plain lists (the parts' tests).

use crate::features::Features;
use crate::model::Document;

/// The text and features of each block, by position.
pub trait Page {
    /// How many blocks the page has.
    fn len(&self) -> usize;
    fn text(&self, position: usize) -> &str;
    fn feature(&self, position: usize) -> &Features;
    /// The blank lines between the block and the one before it in the raw text.
    fn gap(&self, position: usize) -> u32;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The blocks of `document` at the block indices `live`, position by position.
pub struct Live<'p, 'a> {
    document: &'p Document<'a>,
    features: &'p [Features],
    live: &'p [usize],
}

impl<'p, 'a> Live<'p, 'a> {
    pub fn new(document: &'p Document<'a>, live: &'p [usize]) -> Self {
        Live { document, features: &document.analysis().features, live }
    }
}

impl Page for Live<'_, '_> {
    fn len(&self) -> usize {
        self.live.len()
    }

    fn text(&self, position: usize) -> &str {
        self.document.text(self.live[position])
    }

    fn feature(&self, position: usize) -> &Features {
        &self.features[self.live[position]]
    }

    fn gap(&self, position: usize) -> u32 {
        self.document.blocks[self.live[position]].gap
    }
}

/// Blocks given as a list of texts and one of their features, each a paragraph of its own.
#[cfg(test)]
pub struct Listed<'s> {
    pub texts: &'s [&'s str],
    pub feats: &'s [&'s Features],
}

#[cfg(test)]
impl Page for Listed<'_> {
    fn len(&self) -> usize {
        self.texts.len()
    }

    fn text(&self, position: usize) -> &str {
        self.texts[position]
    }

    fn feature(&self, position: usize) -> &Features {
        self.feats[position]
    }

    fn gap(&self, _position: usize) -> u32 {
        1
    }
}
