//! A page's DOM to blocks: the port of `scrapeclean/page/walk.py`'s `walk()`.
//!
//! The Python module's docstrings say what the walk does and why; this one
//! does the same, step for step, so both give the same blocks, containers and
//! items for the same tree. Lengths (`link_chars`) are counted in code points,
//! as Python counts them.

use html5ever::LocalName;

use super::elements::{
    chrome_reason, first_class, heading_level, hidden, is_formatting, is_line, is_paragraph, is_skipped, role_flag,
    stripped_lower, tag_flag, Attributes, IN_ARTICLE, IN_LINK, IN_MAIN, IN_PRE,
};
use super::tree::{Data, NodeId, Tree, NONE};
use crate::text::{char_len, is_python_alnum, is_python_space};

/// A blank line before the block.
pub const PARAGRAPH: u8 = 2;
/// A line break before the block.
pub const LINE: u8 = 1;

/// Sibling elements of one tag and class: this many make a repeated structure (cards, a feed, rows).
pub const MIN_ITEMS: usize = 3;

/// Characters a line can hold that show nothing, beyond white space (the engine's segmentation skips them too).
const INVISIBLE: [char; 5] = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

/// One block of text as the DOM lays it out; `gap` is [`PARAGRAPH`] or [`LINE`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub gap: u8,
    pub tag: LocalName,
    /// Heading level, 0 for other blocks.
    pub level: u8,
    pub flags: u32,
    pub link_chars: usize,
    /// The innermost `article` or `main` element it sits in, numbered from 1 (0: none).
    pub region: u32,
}

/// An element that names a part of the page around its content, over blocks `[first, last)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    pub reason: &'static str,
    pub detail: String,
    pub first: usize,
    pub last: usize,
}

/// One of three or more sibling elements of the same tag and class, over blocks `[first, last)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The items of one parent share a group number.
    pub group: u32,
    pub first: usize,
    pub last: usize,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Walk {
    pub blocks: Vec<Block>,
    pub containers: Vec<Container>,
    pub items: Vec<Item>,
}

/// What an open element gives its content.
struct Frame {
    tag: LocalName,
    flags: u32,
    block_tag: LocalName,
    level: u8,
    /// Index into the containers, for an element that is one.
    container: Option<usize>,
    region: u32,
    /// Index into the items, for an element that is one.
    item: Option<usize>,
}

/// The block being filled, and the blocks done.
struct Builder {
    regions: u32,
    groups: u32,
    items: Vec<Item>,
    /// Per node, the group of a repeated child not reached yet (0: none).
    item_groups: Vec<u32>,
    blocks: Vec<Block>,
    containers: Vec<Container>,
    /// The open block's text as its pieces join (see `walk.py`'s `_joined`).
    joined: String,
    /// Whether the open block has any piece (even an empty one).
    open: bool,
    /// Whether a boundary that keeps words apart came after the last piece.
    apart: bool,
    /// The last character of the last piece (None when that piece was empty).
    last_char: Option<char>,
    link_chars: usize,
    flags: Option<u32>,
    gap: u8,
}

impl Builder {
    fn text(&mut self, text: &str, flags: u32) {
        // Python's `not text.isspace()`: true for an empty text (an empty line of a `pre`) too.
        if self.flags.is_none() && (text.is_empty() || !text.chars().all(is_python_space)) {
            self.flags = Some(flags);
        }
        let first = text.chars().next();
        if self.apart && self.last_char.is_some_and(is_python_alnum) && first.is_some_and(is_python_alnum) {
            self.joined.push(' ');
        }
        self.apart = false;
        self.open = true;
        self.joined.push_str(text);
        self.last_char = text.chars().next_back();
        if flags & IN_LINK != 0 {
            self.link_chars += char_len(text.trim_matches(is_python_space));
        }
    }

    /// A boundary that keeps two words apart if they would meet.
    fn soft(&mut self) {
        if self.open {
            self.apart = true;
        }
    }

    /// End the open block (if it holds any text); the next one is set off by `gap`.
    fn flush(&mut self, gap: u8, tag: &LocalName, level: u8, flags: u32, region: u32) {
        if self.open {
            let text = collapsed(&self.joined);
            if !text.is_empty() {
                let link_chars = self.link_chars.min(char_len(&text));
                let block_flags = self.flags.unwrap_or(flags);
                self.blocks.push(Block {
                    text,
                    gap: self.gap,
                    tag: tag.clone(),
                    level,
                    flags: block_flags,
                    link_chars,
                    region,
                });
                self.gap = gap;
            }
            self.joined.clear();
            self.open = false;
            self.apart = false;
            self.last_char = None;
            self.link_chars = 0;
            self.flags = None;
        }
        self.gap = if self.blocks.is_empty() { PARAGRAPH } else { self.gap.max(gap) };
    }

    fn flush_into(&mut self, frame: &Frame, gap: u8) {
        self.flush(gap, &frame.block_tag, frame.level, frame.flags, frame.region);
    }
}

/// White space runs as one space, and the ends stripped of spaces and invisible characters:
/// `" ".join(regex.split(r"\s+", text)).strip(INVISIBLE + " ")`.
fn collapsed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    let stripped = out.trim_matches(|c: char| c == ' ' || INVISIBLE.contains(&c));
    if stripped.len() == out.len() {
        out
    } else {
        stripped.to_string()
    }
}

/// The blocks under `root` in document order (the port of `walk.py`'s `walk`).
///
/// With `reveal`, what a page hides until its scripts run is read too:
/// elements marked hidden, and `noscript` content.
pub fn walk(tree: &Tree, root: NodeId, reveal: bool) -> Walk {
    let mut builder = Builder {
        regions: 0,
        groups: 0,
        items: Vec::new(),
        item_groups: vec![0; tree.len()],
        blocks: Vec::new(),
        containers: Vec::new(),
        joined: String::new(),
        open: false,
        apart: false,
        last_char: None,
        link_chars: 0,
        flags: None,
        gap: PARAGRAPH,
    };
    let body = LocalName::from("body");
    let mut frames =
        vec![Frame { tag: body.clone(), flags: 0, block_tag: body, level: 0, container: None, region: 0, item: None }];
    repeated_children(tree, root, &mut builder);
    let mut node = tree.node(root).first_child;
    while node != NONE {
        if enter(tree, node, &mut frames, &mut builder, reveal) {
            node = tree.node(node).first_child;
            continue;
        }
        while node != NONE && tree.node(node).next == NONE {
            node = tree.node(node).parent;
            if node == NONE || node == root {
                node = NONE;
            } else {
                leave(&mut frames, &mut builder);
            }
        }
        if node != NONE {
            node = tree.node(node).next;
        }
    }
    let top = frames.pop().expect("the root's frame");
    builder.flush_into(&top, PARAGRAPH);
    let count = builder.blocks.len();
    for open in builder.containers.iter_mut().filter(|container| container.last == usize::MAX) {
        open.last = count;
    }
    for open in builder.items.iter_mut().filter(|item| item.last == usize::MAX) {
        open.last = count;
    }
    Walk { blocks: builder.blocks, containers: builder.containers, items: builder.items }
}

/// Handle one node as the walk reaches it; whether to walk into its children.
fn enter(tree: &Tree, node: NodeId, frames: &mut Vec<Frame>, builder: &mut Builder, reveal: bool) -> bool {
    let top = frames.last().expect("an open frame");
    let (tag, attributes) = match &tree.node(node).data {
        Data::Text(text) => {
            if top.flags & IN_PRE != 0 && text.contains('\n') {
                for (number, line) in text.split('\n').enumerate() {
                    if number > 0 {
                        builder.flush_into(top, LINE);
                    }
                    builder.text(line, top.flags);
                }
            } else if !text.is_empty() {
                builder.text(text, top.flags);
            }
            return false;
        }
        Data::Element { name, attributes, .. } => (&name.local, Attributes(attributes)),
        _ => return false,
    };
    if is_skipped(tag) && !(reveal && &**tag == "noscript") {
        if matches!(&**tag, "button" | "input" | "select" | "textarea") {
            builder.soft();
        }
        return false;
    }
    if &**tag == "br" {
        builder.flush_into(top, LINE);
        return false;
    }
    if &**tag == "wbr" {
        return false;
    }
    if !reveal && !attributes.is_empty() && hidden(attributes) {
        builder.soft();
        return false;
    }
    let mut flags = top.flags | tag_flag(tag);
    if let Some(role) = attributes.get(&html5ever::local_name!("role")).filter(|role| !role.is_empty()) {
        flags |= role_flag(&stripped_lower(role));
    }
    let mut region = top.region;
    let regions = IN_ARTICLE | IN_MAIN;
    if flags & regions != top.flags & regions || matches!(&**tag, "article" | "main") {
        builder.regions += 1;
        region = builder.regions;
    }
    let reason = chrome_reason(tag, attributes, top.flags);
    let mut gap = if is_paragraph(tag) {
        PARAGRAPH
    } else if is_line(tag) {
        LINE
    } else {
        0
    };
    if reason.is_some() && gap == 0 {
        gap = LINE; // a widget inside a line is a block of its own
    }
    let (mut block_tag, mut level) = (&top.block_tag, top.level);
    if gap > 0 {
        builder.flush_into(top, gap);
        block_tag = tag;
        level = heading_level(tag).unwrap_or(level);
    } else if !is_formatting(tag) {
        builder.soft();
    }
    let container = reason.map(|(reason, detail)| {
        let first = builder.blocks.len();
        builder.containers.push(Container { reason, detail, first, last: usize::MAX });
        builder.containers.len() - 1
    });
    let group = std::mem::take(&mut builder.item_groups[node as usize]);
    let item = (group > 0).then(|| {
        builder.items.push(Item { group, first: builder.blocks.len(), last: usize::MAX });
        builder.items.len() - 1
    });
    let has_children = tree.node(node).first_child != NONE;
    if has_children {
        repeated_children(tree, node, builder);
    }
    let frame = Frame { tag: tag.clone(), flags, block_tag: block_tag.clone(), level, container, region, item };
    frames.push(frame);
    if !has_children {
        leave(frames, builder);
    }
    has_children // the walk goes into the children, and `leave` closes the element after them
}

/// Close the innermost open element.
fn leave(frames: &mut Vec<Frame>, builder: &mut Builder) {
    let frame = frames.pop().expect("an open frame");
    let tag: &str = &frame.tag;
    let paragraph = is_paragraph(tag);
    if frame.block_tag == frame.tag && (paragraph || is_line(tag) || frame.container.is_some()) {
        builder.flush_into(&frame, if paragraph { PARAGRAPH } else { LINE });
    } else if !is_formatting(tag) {
        builder.soft();
    }
    let count = builder.blocks.len();
    if let Some(container) = frame.container {
        builder.containers[container].last = count;
    }
    if let Some(item) = frame.item {
        builder.items[item].last = count;
    }
}

/// Number the children of `node` that repeat one tag and class at least [`MIN_ITEMS`] times as a group.
fn repeated_children(tree: &Tree, node: NodeId, builder: &mut Builder) {
    let elements: Vec<(NodeId, &str, &str)> = tree
        .children(node)
        .filter_map(|child| match &tree.node(child).data {
            Data::Element { name, attributes, .. } => {
                let tag: &str = &name.local;
                (!is_skipped(tag)).then(|| (child, tag, first_class(Attributes(attributes))))
            }
            _ => None,
        })
        .collect();
    if elements.len() < MIN_ITEMS {
        return;
    }
    // Signatures in the order they first appear, as a Python dict keeps them.
    let mut signatures: Vec<((&str, &str), Vec<NodeId>)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<(&str, &str), usize> = rustc_hash::FxHashMap::default();
    for (child, tag, class) in elements {
        let at = *index.entry((tag, class)).or_insert_with(|| {
            signatures.push(((tag, class), Vec::new()));
            signatures.len() - 1
        });
        signatures[at].1.push(child);
    }
    for (_, members) in signatures {
        if members.len() >= MIN_ITEMS {
            builder.groups += 1;
            for member in members {
                builder.item_groups[member as usize] = builder.groups;
            }
        }
    }
}
