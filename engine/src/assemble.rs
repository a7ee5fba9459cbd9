//! Which blocks make which article, and scrapeclean's own plain-text form.
//!
//! Mirrors `scrapeclean/assemble.py`: blocks grouped by story number, stories
//! with nothing kept folded into a neighbour; a story's shown blocks (its
//! plain-text form) are its title and body, in input order.

use std::collections::BTreeMap;

use crate::model::{Document, Role};

/// Stories in the text form are separated by a form feed on a line of its own.
pub const STORY_BREAK: &str = "\n\n\x0c\n\n";
pub const PARAGRAPH_BREAK: &str = "\n\n";

/// The document's block indices grouped by story, in order; stories with nothing kept folded away.
///
/// Removed blocks of a story with nothing kept join the story before (or the
/// first story), so no removal is lost from the record.
pub fn stories(document: &Document) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (index, note) in document.notes.iter().enumerate() {
        groups.entry(note.story).or_default().push(index);
    }
    let mut result: Vec<Vec<usize>> = Vec::new();
    let mut orphans: Vec<usize> = Vec::new();
    for (_, group) in groups {
        let kept = group.iter().any(|&index| document.kept(index) && document.role(index) != Some(Role::Caption));
        if kept {
            let mut story = std::mem::take(&mut orphans);
            story.extend(group);
            result.push(story);
        } else if let Some(last) = result.last_mut() {
            last.extend(group);
        } else {
            orphans.extend(group);
        }
    }
    if let Some(last) = result.last_mut() {
        last.append(&mut orphans);
    }
    for group in &mut result {
        group.sort_unstable();
    }
    result
}

/// The metadata roles a story has one line of each.
const METADATA: [Role; 4] = [Role::Title, Role::Section, Role::Byline, Role::Dateline];

/// A story's blocks sorted by what they become in its article.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The first line of each metadata role, by role.
    pub title: Option<usize>,
    pub section: Option<usize>,
    pub byline: Option<usize>,
    pub dateline: Option<usize>,
    pub captions: Vec<usize>,
    pub body: Vec<usize>,
    pub kept: Vec<usize>,
    pub removed: Vec<usize>,
}

impl Parts {
    pub fn of(document: &Document, blocks: &[usize]) -> Parts {
        let mut parts = Parts::default();
        for &index in blocks {
            if !document.kept(index) {
                parts.removed.push(index);
                continue;
            }
            parts.kept.push(index);
            match document.role(index) {
                // A story has one title, section, byline and dateline; further lines
                // given such a role stay kept (in `spans`) but out of the body.
                Some(role) if METADATA.contains(&role) => {
                    let slot = match role {
                        Role::Title => &mut parts.title,
                        Role::Section => &mut parts.section,
                        Role::Byline => &mut parts.byline,
                        _ => &mut parts.dateline,
                    };
                    slot.get_or_insert(index);
                }
                Some(Role::Caption) => parts.captions.push(index),
                _ => parts.body.push(index),
            }
        }
        parts
    }

    /// The blocks of the plain-text form: title and body, in the order of the input.
    pub fn shown(&self) -> Vec<usize> {
        let mut shown = self.body.clone();
        if let Some(title) = self.title {
            shown.push(title);
            shown.sort_unstable();
        }
        shown
    }
}

/// The shown blocks of each story that shows any.
pub fn shown_stories(document: &Document) -> Vec<Vec<usize>> {
    stories(document).iter().map(|group| Parts::of(document, group).shown()).filter(|shown| !shown.is_empty()).collect()
}

/// The plain-text form of shown stories.
pub fn render(document: &Document, shown: &[Vec<usize>]) -> String {
    let mut text = String::new();
    for (number, story) in shown.iter().enumerate() {
        if number > 0 {
            text.push_str(STORY_BREAK);
        }
        for (position, &index) in story.iter().enumerate() {
            if position > 0 {
                text.push_str(PARAGRAPH_BREAK);
            }
            text.push_str(document.text(index));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_fold_empty_ones_and_show_title_and_body() {
        let mut document = Document::new("Menu\nTitle\nBody one.\nBody two.");
        document.notes[0].removal = Some(std::sync::Arc::new(crate::model::Removal {
            pass_name: "p".into(),
            reason: "r".into(),
            detail: "".into(),
            copy_of: None,
        }));
        document.notes[1].role = Some(Role::Title);
        document.notes[3].story = 1;
        document.notes[0].story = 2;
        let groups = stories(&document);
        assert_eq!(groups, vec![vec![1, 2], vec![0, 3]]);
        let shown = shown_stories(&document);
        assert_eq!(render(&document, &shown), "Title\n\nBody one.\n\n\x0c\n\nBody two.");
    }
}
