//! Which walk of a page the reader reads: what it shows, or what its scripts would reveal.
//!
//! The port of `read_html`'s choice in `scrapeclean/page/__init__.py`: a page
//! that shows next to nothing without its scripts (a preloader over a hidden
//! body) is read with its hidden elements and `noscript` content, when that
//! holds many times as much; a `main` element that hides next to all of its
//! text (an age gate, a fade-in) has what hides it taken off. The thresholds
//! are the Python module's constants, passed in.

use html5ever::local_name;

use super::elements::{hidden, is_hidden_class, is_skipped, Attributes, HIDDEN_STYLE, IN_MAIN};
use super::tree::{NodeId, Tree};
use super::walk::{walk, Walk};
use crate::text::{char_len, python_split};

/// When the reader reads what a page's scripts would reveal.
#[derive(Clone, Copy, Debug)]
pub struct RevealSettings {
    /// A page (or its `main`) showing fewer characters than this is a candidate.
    pub min_shown_chars: usize,
    /// What is revealed must hold more than this many times what is shown.
    pub gain: usize,
}

/// Characters of a walk's blocks (only those with `flag`, if not 0).
fn chars(found: &Walk, flag: u32) -> usize {
    found.blocks.iter().filter(|block| flag == 0 || block.flags & flag != 0).map(|block| char_len(&block.text)).sum()
}

/// The walk the reader reads for the page under `root`.
pub fn chosen_walk(tree: &mut Tree, root: NodeId, settings: RevealSettings) -> Walk {
    let found = walk(tree, root, false);
    let shown = chars(&found, 0);
    if shown < settings.min_shown_chars {
        let revealed = walk(tree, root, true);
        return if chars(&revealed, 0) > settings.gain * shown { revealed } else { found };
    }
    let shown_in_main = chars(&found, IN_MAIN);
    if shown_in_main < settings.min_shown_chars && reveal_main(tree, root, shown_in_main, settings.gain) {
        return walk(tree, root, false);
    }
    found
}

/// Show what the page's `main` element hides, if that is next to all of its text; whether it did.
///
/// The element is the first of `root` and its descendants that is a `main`
/// or has `role="main"` (selectolax's `css_first("main, [role=main]")`).
fn reveal_main(tree: &mut Tree, root: NodeId, shown: usize, gain: usize) -> bool {
    let is_main = |id: NodeId| {
        tree.tag(id) == Some("main")
            || (tree.tag(id).is_some() && tree.attribute(id, &local_name!("role")) == Some("main"))
    };
    let Some(main) = std::iter::once(root).chain(tree.descendants(root)).find(|&id| is_main(id)) else { return false };
    if chars(&walk(tree, main, true), 0) <= gain * shown.max(1) {
        return false;
    }
    unhide(tree, main);
    true
}

/// Take off what hides `node` and the elements under it (`hidden`, `aria-hidden`, hiding styles and classes).
fn unhide(tree: &mut Tree, node: NodeId) {
    let elements: Vec<NodeId> = std::iter::once(node).chain(tree.descendants(node)).collect();
    for element in elements {
        let Some(tag) = tree.tag(element) else { continue };
        let attributes = Attributes(tree.attributes(element));
        if attributes.is_empty() || is_skipped(tag) || !hidden(attributes) {
            continue;
        }
        let Some(attributes) = tree.attributes_mut(element) else { continue };
        attributes.retain(|attribute| {
            let name = &attribute.name.local;
            let hiding_style = *name == local_name!("style") && HIDDEN_STYLE.is_match(&attribute.value);
            !(*name == local_name!("hidden") || *name == local_name!("aria-hidden") || hiding_style)
        });
        for attribute in attributes.iter_mut().filter(|attribute| attribute.name.local == local_name!("class")) {
            if !attribute.value.is_empty() {
                let kept: Vec<&str> =
                    python_split(&attribute.value).filter(|word| !is_hidden_class(&word.to_lowercase())).collect();
                attribute.value = kept.join(" ").into();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: RevealSettings = RevealSettings { min_shown_chars: 20, gain: 5 };

    fn texts(html: &str) -> Vec<String> {
        let mut tree = Tree::parse(html);
        let root = tree.body().unwrap();
        chosen_walk(&mut tree, root, SETTINGS).blocks.into_iter().map(|block| block.text).collect()
    }

    #[test]
    fn a_page_hidden_behind_a_preloader_is_revealed() {
        let story = "It rained all day in the town, and people came out to watch.";
        assert_eq!(texts(&format!("<p>Loading</p><div hidden><p>{story}</p></div>")), ["Loading", story]);
        assert_eq!(texts("<p>Loading</p><div hidden><p>Hi</p></div>"), ["Loading"]);
    }

    #[test]
    fn a_main_that_hides_its_text_is_shown_and_only_it() {
        let story = "It rained all day in the town, and people came out to watch.";
        let page = format!(
            "<p>A header long enough to show.</p><div role=main><div style='display:none' class='x Hide'>\
             <p>{story}</p></div></div><p hidden>aside</p>"
        );
        assert_eq!(texts(&page), ["A header long enough to show.", story]);
    }
}
