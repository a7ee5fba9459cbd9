//! HTML in: a page parsed by the engine and walked into blocks, as `scrapeclean/page/walk.py` walks it.
//!
//! [`tree`] parses with html5ever into an arena; [`streamed`] moves React's
//! streamed segments to where a browser shows them; [`walk`] lays the tree out
//! as blocks, with the containers and repeated items the DOM shows, from the
//! tag and attribute rules of [`elements`]. The Python reader still walks
//! selectolax's tree; this port is checked against it block for block
//! (`tests/test_html_walk_engine.py`) before it takes its place.

pub mod elements;
pub mod streamed;
pub mod tree;
pub mod walk;

pub use walk::{Block, Container, Item, Walk};

/// The blocks of a page: parse it, place its streamed segments, walk its `body`.
///
/// With `reveal`, what the page hides until its scripts run is read too.
pub fn walk_html(html: &str, reveal: bool) -> Walk {
    let mut tree = tree::Tree::parse(html);
    let Some(root) = tree.body() else { return Walk::default() };
    streamed::place_streamed_segments(&mut tree, root);
    walk::walk(&tree, root, reveal)
}
