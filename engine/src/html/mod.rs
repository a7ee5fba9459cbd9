//! HTML in: a page parsed by the engine and walked into blocks, as `scrapeclean/page/walk.py` walks it.
//!
//! [`tree`] parses with html5ever into an arena, from the tokens of [`tokenizer`] (html5ever's,
//! taking runs of bytes where it took characters one at a time); [`streamed`] moves React's
//! streamed segments to where a browser shows them; [`walk`] lays the tree out
//! as blocks, with the containers and repeated items the DOM shows, from the
//! tag and attribute rules of [`elements`]; [`reveal`] chooses, as the reader
//! does, between what a page shows and what its scripts would reveal; [`nesting`] reads how deep a
//! page nests before it is parsed; [`head`] reads what the page publishes about itself (meta tags,
//! JSON-LD, its title) for the metadata; [`evidence`] weighs the walk's blocks, containers and items
//! into the marks (blocks outside the page's content) and content blocks the passes start from. The
//! reader (`scrapeclean.page.read_html`) reads this walk and this evidence; the walk of `walk.py` over
//! lexbor's tree is the reference the walk is held to, block for block (`tests/test_html_walk_engine.py`),
//! and `evidence.py` over the same walk the reference the evidence is held to
//! (`tests/test_html_evidence_engine.py`).

pub mod elements;
pub mod evidence;
pub mod head;
pub mod nesting;
pub mod reveal;
pub mod streamed;
mod tokenizer;
pub mod tree;
pub mod walk;

pub use evidence::{Evidence, Mark};
pub use reveal::RevealSettings;
pub use walk::{Block, Container, Item, Walk};

/// The blocks of a page: parse it, place its streamed segments, walk its `body`.
///
/// With `reveal`, what the page hides until its scripts run is read too.
pub fn walk_html(html: &str, reveal: bool) -> Walk {
    parsed(html).map_or_else(Walk::default, |(tree, root)| walk::walk(&tree, root, reveal))
}

/// What the HTML reader reads of a page from one parse: the walk it reads ([`walk_html`]'s, or what the
/// page's scripts would reveal, see [`reveal::chosen_walk`]) and the page's [`head::Head`].
pub fn read_page(html: &str, settings: RevealSettings) -> (Walk, head::Head) {
    let mut tree = tree::Tree::parse(html);
    let head = head::head(&tree);
    let walk = placed(&mut tree).map_or_else(Walk::default, |root| reveal::chosen_walk(&mut tree, root, settings));
    (walk, head)
}

/// The text of a walk's blocks as the reader renders it: each block after the first set off by its gap
/// (a blank line for [`walk::PARAGRAPH`], a line break otherwise). A block's text holds no line break
/// (the walk joins its white space into single spaces), so each line of this text is a block or blank.
pub fn rendered(blocks: &[Block]) -> String {
    let mut text = String::with_capacity(blocks.iter().map(|block| block.text.len() + 2).sum());
    for (index, block) in blocks.iter().enumerate() {
        if index > 0 {
            text.push_str(if block.gap == walk::PARAGRAPH { "\n\n" } else { "\n" });
        }
        text.push_str(&block.text);
    }
    text
}

/// A page's tree and the element the reader walks (its `body`), streamed segments placed.
fn parsed(html: &str) -> Option<(tree::Tree, tree::NodeId)> {
    let mut tree = tree::Tree::parse(html);
    let root = placed(&mut tree)?;
    Some((tree, root))
}

/// The element the reader walks in a tree (its `body`), once the streamed segments are placed.
fn placed(tree: &mut tree::Tree) -> Option<tree::NodeId> {
    let root = tree.body()?;
    streamed::place_streamed_segments(tree, root);
    Some(root)
}
