//! Content a server streamed after the page, moved to where the page's scripts show it.
//!
//! The port of `walk.py`'s `place_streamed_segments`: React's streaming server
//! renderer sends a part that was not ready in time at the end of the body as
//! `<div hidden id="S:n">`, with a script that swaps it in for the fallback of
//! a boundary (`<!--$?--><template id="B:n"></template>fallback<!--/$-->`) or
//! for a placeholder `<template id="P:n">`. A segment with no boundary or
//! placeholder stays where it is, hidden. Segments move in document order.

use html5ever::local_name;
use rustc_hash::FxHashMap;

use super::tree::{Data, NodeId, Tree, NONE};

/// Move each streamed segment under `root` to its boundary or placeholder.
pub fn place_streamed_segments(tree: &mut Tree, root: NodeId) {
    let mut segments = Vec::new();
    let mut templates: FxHashMap<String, NodeId> = FxHashMap::default();
    for node in tree.descendants(root) {
        match tree.tag(node) {
            Some("div") if tree.attribute(node, &local_name!("hidden")).is_some() => {
                if let Some(id) = tree.attribute(node, &local_name!("id")) {
                    segments.push((node, id.to_string()));
                }
            }
            Some("template") => {
                if let Some(id) = tree.attribute(node, &local_name!("id")) {
                    templates.insert(id.to_string(), node);
                }
            }
            _ => {}
        }
    }
    for (segment, name) in segments {
        let Some(number) = name.strip_prefix("S:") else { continue };
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let boundary = templates.get(&format!("B:{number}")).copied();
        let Some(target) = boundary.or_else(|| templates.get(&format!("P:{number}")).copied()) else { continue };
        if tree.node(target).parent == NONE || tree.is_inside(target, segment) {
            continue; // put in place already, or a segment cannot be moved into itself
        }
        if let Some(boundary) = boundary {
            for node in fallback(tree, boundary) {
                tree.detach(node);
            }
        }
        let mut child = tree.node(segment).first_child;
        while child != NONE {
            let following = tree.node(child).next;
            tree.insert_before(target, child);
            child = following;
        }
        tree.detach(target);
        tree.detach(segment);
    }
}

/// What a boundary shows until its content arrives: the nodes after its template, to its closing `<!--/$-->`.
///
/// Nothing when the boundary is not closed among its siblings (pages saved
/// without their comments): the content then goes in before what follows.
fn fallback(tree: &Tree, boundary: NodeId) -> Vec<NodeId> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    let mut node = tree.node(boundary).next;
    while node != NONE {
        if let Data::Comment(marker) = &tree.node(node).data {
            if &**marker == "/$" {
                if depth == 0 {
                    return found;
                }
                depth -= 1;
            } else if marker.starts_with('$') {
                depth += 1;
            }
        }
        found.push(node);
        node = tree.node(node).next;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(html: &str) -> String {
        let mut tree = Tree::parse(html);
        let body = tree.body().unwrap();
        place_streamed_segments(&mut tree, body);
        tree.descendants(body)
            .filter_map(|node| match &tree.node(node).data {
                Data::Text(text) => Some(text.to_string()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn segments_replace_fallbacks_and_fill_placeholders() {
        let boundary = "<p>a</p><!--$?--><template id=B:1></template><p>Loading</p><!--/$--><p>z</p>\
                        <div hidden id=S:1><p>story</p></div>";
        assert_eq!(placed(boundary), "a|story|z");
        let placeholder = "<p>a</p><template id=P:2></template><div hidden id=S:2>b</div>";
        assert_eq!(placed(placeholder), "a|b");
        let unclosed = "<p>a</p><template id=B:3></template><p>Loading</p><div hidden id=S:3>c</div>";
        assert_eq!(placed(unclosed), "a|c|Loading");
    }

    #[test]
    fn segments_without_a_place_stay() {
        assert_eq!(placed("<div hidden id=S:9>x</div><div hidden id=main>y</div>"), "x|y");
    }
}
