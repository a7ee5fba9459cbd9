//! The document as the passes see it: blocks with spans, and their annotations.
//!
//! Passes never edit text. They give blocks a role, a story number, a credit
//! span or a removal, through [`Edits`]; the text of every block stays a
//! slice of the input.

use std::cell::OnceCell;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::features::{analyse, Analysis, Features};
use crate::segment::{segment, Line};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    Section,
    Byline,
    Dateline,
    Caption,
    Body,
    Heading,
}

impl Role {
    pub const ALL: [Role; 7] =
        [Role::Title, Role::Section, Role::Byline, Role::Dateline, Role::Caption, Role::Body, Role::Heading];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Section => "section",
            Role::Byline => "byline",
            Role::Dateline => "dateline",
            Role::Caption => "caption",
            Role::Body => "body",
            Role::Heading => "heading",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == name)
    }
}

/// Why a block was removed: the pass's name, a kebab-case reason code, a note for people.
///
/// Removals are shared: a pass that removes many blocks for one reason, with one detail, stores
/// that removal once (a page's chrome is mostly such blocks).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Removal {
    pub pass_name: Arc<str>,
    pub reason: Arc<str>,
    pub detail: Arc<str>,
    /// The block this one is a copy of, where the reason is a copy (the typed form of "copy of block N").
    pub copy_of: Option<usize>,
}

/// What the passes decided about a block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotation {
    pub role: Option<Role>,
    /// Shared, so that copying a document's annotations (each pass starts from a copy) copies no text.
    pub removal: Option<Arc<Removal>>,
    pub story: u32,
    /// For captions: where the photo credit stands, in code points of the input (boxed: few
    /// blocks have one, and every pass copies the annotations of every block).
    pub credit: Option<Box<(usize, usize)>>,
}

impl Annotation {
    pub fn kept(&self) -> bool {
        self.removal.is_none()
    }
}

/// The input text, its blocks and their annotations.
pub struct Document<'a> {
    pub raw: &'a str,
    pub blocks: Vec<Line>,
    pub notes: Vec<Annotation>,
    /// What a page's DOM shows of the blocks, for a text the HTML reader rendered (see [`crate::dom`]).
    pub dom: Option<crate::dom::DomEvidence>,
    analysis: OnceCell<Analysis>,
}

impl<'a> Document<'a> {
    pub fn new(raw: &'a str) -> Self {
        let blocks = segment(raw);
        let notes = vec![Annotation::default(); blocks.len()];
        Document { raw, blocks, notes, dom: None, analysis: OnceCell::new() }
    }

    /// A document over lines segmented already, whose analysis is known too.
    pub fn with_analysis(raw: &'a str, blocks: Vec<Line>, analysis: Analysis) -> Self {
        let notes = vec![Annotation::default(); blocks.len()];
        let document = Document { raw, blocks, notes, dom: None, analysis: OnceCell::new() };
        let _ = document.analysis.set(analysis);
        document
    }

    /// A document over blocks found elsewhere (spans in code points, in order, inside `raw`).
    pub fn with_blocks(raw: &'a str, blocks: Vec<Line>, notes: Vec<Annotation>) -> Self {
        Document { raw, blocks, notes, dom: None, analysis: OnceCell::new() }
    }

    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    pub fn text(&self, index: usize) -> &'a str {
        &self.raw[self.blocks[index].bytes()]
    }

    pub fn texts(&self) -> Vec<&'a str> {
        (0..self.len()).map(|index| self.text(index)).collect()
    }

    /// The language and features of every block, computed once (no pass changes a text).
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| analyse(&self.texts()))
    }

    pub fn features(&self, index: usize) -> &Features {
        &self.analysis().features[index]
    }

    pub fn kept(&self, index: usize) -> bool {
        self.notes[index].removal.is_none()
    }

    pub fn role(&self, index: usize) -> Option<Role> {
        self.notes[index].role
    }

    /// Indices of the blocks no pass has removed, in order.
    pub fn live(&self) -> Vec<usize> {
        let mut live: Vec<usize> = (0..self.len()).filter(|&index| self.kept(index)).collect();
        // A page has hundreds of thousands of blocks: the room the vector grew into is given back.
        live.shrink_to_fit();
        live
    }

    pub fn edit(&self, pass_name: &str) -> Edits<'_, 'a> {
        self.edit_from(self.notes.clone(), pass_name)
    }

    /// Edits that start from `notes` (the document's annotations, taken out of it: no copy of them).
    ///
    /// While they last, the document's own annotations are empty: its blocks are read through the edits.
    pub fn edit_from(&self, notes: Vec<Annotation>, pass_name: &str) -> Edits<'_, 'a> {
        Edits {
            document: self,
            pass_name: pass_name.into(),
            now: notes,
            changed: false,
            texts: FxHashSet::default(),
            removals: FxHashSet::default(),
            last: None,
        }
    }
}

/// A pass's decisions, collected against the document as it was before the pass.
///
/// Removing a block already removed keeps the first removal: the record says
/// which pass took the block out first.
pub struct Edits<'d, 'a> {
    pub document: &'d Document<'a>,
    pass_name: Arc<str>,
    now: Vec<Annotation>,
    changed: bool,
    /// Each removal text met so far, shared by every removal that says it.
    texts: FxHashSet<Arc<str>>,
    /// Each removal made so far, shared by every block it removes.
    removals: FxHashSet<Arc<Removal>>,
    /// The removal made last.
    last: Option<Arc<Removal>>,
}

impl Edits<'_, '_> {
    pub fn is_kept(&self, index: usize) -> bool {
        self.now[index].removal.is_none()
    }

    pub fn role(&self, index: usize) -> Option<Role> {
        self.now[index].role
    }

    pub fn story(&self, index: usize) -> u32 {
        self.now[index].story
    }

    pub fn current(&self, index: usize) -> &Annotation {
        &self.now[index]
    }

    pub fn remove(&mut self, index: usize, reason: &str, detail: impl AsRef<str>) {
        let pass_name = Arc::clone(&self.pass_name);
        self.remove_as(index, reason, detail, &pass_name);
    }

    pub fn remove_as(&mut self, index: usize, reason: &str, detail: impl AsRef<str>, pass_name: &str) {
        self.remove_moved(index, reason, detail, pass_name, None);
    }

    /// Remove a block as a copy of block `original`.
    pub fn remove_copy(&mut self, index: usize, reason: &str, detail: impl AsRef<str>, original: usize) {
        let pass_name = Arc::clone(&self.pass_name);
        self.remove_moved(index, reason, detail, &pass_name, Some(original));
    }

    /// Remove a block with a removal decided elsewhere (another round's pass name and copy kept).
    pub fn remove_moved(
        &mut self,
        index: usize,
        reason: &str,
        detail: impl AsRef<str>,
        pass_name: &str,
        copy_of: Option<usize>,
    ) {
        if self.now[index].removal.is_some() {
            return;
        }
        let removal = self.removal(pass_name, reason, detail.as_ref(), copy_of);
        let note = &mut self.now[index];
        note.removal = Some(removal);
        note.role = None;
        self.changed = true;
    }

    /// The shared copy of a removal: the last one made again, most often (a pass removes runs of blocks).
    fn removal(&mut self, pass_name: &str, reason: &str, detail: &str, copy_of: Option<usize>) -> Arc<Removal> {
        if let Some(last) = &self.last {
            if (&*last.pass_name, &*last.reason, &*last.detail, last.copy_of) == (pass_name, reason, detail, copy_of) {
                return Arc::clone(last);
            }
        }
        let removal = Removal {
            pass_name: self.shared(pass_name),
            reason: self.shared(reason),
            detail: self.shared(detail),
            copy_of,
        };
        let removal = match self.removals.get(&removal) {
            Some(found) => Arc::clone(found),
            None => {
                let made = Arc::new(removal);
                self.removals.insert(Arc::clone(&made));
                made
            }
        };
        self.last = Some(Arc::clone(&removal));
        removal
    }

    /// The shared copy of a removal text.
    fn shared(&mut self, text: &str) -> Arc<str> {
        if let Some(found) = self.texts.get(text) {
            return Arc::clone(found);
        }
        let made: Arc<str> = text.into();
        self.texts.insert(Arc::clone(&made));
        made
    }

    pub fn set_role(&mut self, index: usize, role: Option<Role>, credit: Option<(usize, usize)>) {
        let note = &mut self.now[index];
        note.role = role;
        if credit.is_some() {
            note.credit = credit.map(Box::new);
        }
        self.changed = true;
    }

    /// Take back a removal, giving the block a role (a headline found among removed lines).
    pub fn restore(&mut self, index: usize, role: Option<Role>) {
        let note = &mut self.now[index];
        note.removal = None;
        note.role = role;
        self.changed = true;
    }

    pub fn set_story(&mut self, index: usize, story: u32) {
        self.now[index].story = story;
        self.changed = true;
    }

    pub fn changed(&self) -> bool {
        self.changed
    }

    /// The annotations after this pass.
    pub fn finish(self) -> Vec<Annotation> {
        self.now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_removal_wins() {
        let document = Document::new("One line\nTwo line");
        let mut edits = document.edit("a");
        edits.remove(0, "first", "");
        edits.remove_as(0, "second", "", "b");
        edits.set_role(1, Some(Role::Title), None);
        let notes = edits.finish();
        assert_eq!(&*notes[0].removal.as_ref().unwrap().reason, "first");
        assert_eq!(notes[1].role, Some(Role::Title));
    }

    #[test]
    fn blocks_removed_alike_share_one_removal() {
        let document = Document::new("One\nTwo\nThree\nFour");
        let mut edits = document.edit("a");
        edits.remove(0, "menu", "a link");
        edits.remove(1, "widget", "");
        edits.remove(2, "menu", "a link");
        edits.remove_copy(3, "menu", "a link", 0);
        let notes = edits.finish();
        let removal = |index: usize| notes[index].removal.as_ref().unwrap();
        assert!(Arc::ptr_eq(removal(0), removal(2)), "one reason and detail: one removal");
        assert!(!Arc::ptr_eq(removal(0), removal(3)), "a copy names its original");
        assert_eq!(removal(3).copy_of, Some(0));
    }
}
