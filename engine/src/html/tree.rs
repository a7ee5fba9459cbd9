//! A page's DOM as html5ever builds it, in one arena of nodes linked by index.
//!
//! html5ever runs the HTML5 tree construction algorithm (implied end tags,
//! foster parenting, the adoption agency, raw-text elements, entities), the
//! same the browser engines and lexbor run, so the tree matches the one the
//! Python reader walks through selectolax. The parser is run with scripting
//! off, as selectolax runs lexbor: `noscript` content is parsed as elements.
//!
//! The tree is a flat `Vec` of nodes with parent, child and sibling links, so
//! moving a node (see [`Tree::insert_before`]) is a few index writes and a
//! walk allocates nothing per node.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::buffer_queue::BufferQueue;
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, Attribute, LocalName, QualName, TokenizerResult};

use super::tokenizer::{Tokenizer, TokenizerOpts};

/// A node's index in its tree.
pub type NodeId = u32;

/// The link of a node that has no parent, child or sibling there.
pub const NONE: NodeId = NodeId::MAX;

/// What a node is.
pub enum Data {
    Document,
    /// `template` is a template's content (a fragment), or [`NONE`]; `keeps_text` is false for an element
    /// whose text nothing reads (see [`keeps_text`]), which the parser then leaves out.
    Element {
        name: QualName,
        attributes: Vec<Attribute>,
        template: NodeId,
        keeps_text: bool,
    },
    Text(StrTendril),
    Comment(StrTendril),
    /// A template's content, or a processing instruction: nothing the walk reads.
    Other,
}

pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub previous: NodeId,
    pub next: NodeId,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node { parent: NONE, first_child: NONE, last_child: NONE, previous: NONE, next: NONE, data }
    }
}

/// A parsed page: node 0 is the document.
pub struct Tree {
    nodes: Vec<Node>,
    /// The `body` element the parser made, even if a `frameset` took it out of the tree later (or [`NONE`]).
    made_body: NodeId,
}

impl Tree {
    /// Parse a page as a browser would (a whole document, a fragment, broken markup).
    pub fn parse(html: &str) -> Tree {
        let sink = Sink { nodes: RefCell::new(vec![Node::new(Data::Document)]), body: Cell::new(NONE) };
        let builder = TreeBuilder::new(sink, TreeBuilderOpts { scripting_enabled: false, ..Default::default() });
        let tokenizer = Tokenizer::new(builder, TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from(html));
        // A `</script>` or a `<meta charset>` pauses the tokenizer; the page is already text, so it goes on.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        tokenizer.sink.sink.finish()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// How many nodes the tree has made (moved and removed ones too): one more than the largest id.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// An element's tag name (lower case for HTML elements), or None for any other node.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            Data::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// An element's attributes (none for other nodes).
    pub fn attributes(&self, id: NodeId) -> &[Attribute] {
        match &self.nodes[id as usize].data {
            Data::Element { attributes, .. } => attributes,
            _ => &[],
        }
    }

    /// An element's attributes, to change (None for other nodes).
    pub fn attributes_mut(&mut self, id: NodeId) -> Option<&mut Vec<Attribute>> {
        match &mut self.nodes[id as usize].data {
            Data::Element { attributes, .. } => Some(attributes),
            _ => None,
        }
    }

    /// The value of an element's attribute, if it has it (`Some("")` for one with no value).
    pub fn attribute(&self, id: NodeId, name: &LocalName) -> Option<&str> {
        self.attributes(id).iter().find(|attribute| attribute.name.local == *name).map(|attribute| &*attribute.value)
    }

    /// The document's `body`, as lexbor keeps it: the `body` element under the root element, else
    /// the one the parser made (a `frameset` after content takes it out of the tree, and lexbor
    /// still gives it), else the root element (a frameset page).
    pub fn body(&self) -> Option<NodeId> {
        let root = self.children(0).find(|&child| self.tag(child).is_some())?;
        let body = self.children(root).find(|&child| self.tag(child) == Some("body"));
        Some(body.unwrap_or(if self.made_body != NONE { self.made_body } else { root }))
    }

    /// A node's children, first to last.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(self.node(id).first_child).filter(|&child| child != NONE), move |&child| {
            Some(self.node(child).next).filter(|&next| next != NONE)
        })
    }

    /// Every node under `id` (not `id` itself), in document order.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut next = self.node(id).first_child;
        std::iter::from_fn(move || {
            if next == NONE {
                return None;
            }
            let found = next;
            let node = self.node(found);
            next = if node.first_child != NONE { node.first_child } else { self.following(found, id) };
            Some(found)
        })
    }

    /// The node after `id` in document order once its subtree is done, staying under `root`.
    fn following(&self, mut id: NodeId, root: NodeId) -> NodeId {
        while id != root && id != NONE {
            let node = self.node(id);
            if node.next != NONE {
                return node.next;
            }
            id = node.parent;
        }
        NONE
    }

    /// Whether `ancestor` holds `id`.
    pub fn is_inside(&self, id: NodeId, ancestor: NodeId) -> bool {
        let mut parent = self.node(id).parent;
        while parent != NONE {
            if parent == ancestor {
                return true;
            }
            parent = self.node(parent).parent;
        }
        false
    }

    /// Take a node (with its subtree) out of its parent.
    pub fn detach(&mut self, id: NodeId) {
        detach(&mut self.nodes, id);
    }

    /// Move `id` (with its subtree) to just before `sibling`.
    pub fn insert_before(&mut self, sibling: NodeId, id: NodeId) {
        insert_before(&mut self.nodes, sibling, id);
    }
}

/// Take `id` (with its subtree) out of its parent, if it has one.
fn detach(nodes: &mut [Node], id: NodeId) {
    let Node { parent, previous, next, .. } = nodes[id as usize];
    if parent == NONE {
        return;
    }
    join(nodes, parent, previous, next);
    let node = &mut nodes[id as usize];
    node.parent = NONE;
    node.previous = NONE;
    node.next = NONE;
}

/// Move `id` to the end of `parent`'s children.
fn append(nodes: &mut [Node], parent: NodeId, id: NodeId) {
    detach(nodes, id);
    let last = nodes[parent as usize].last_child;
    link(nodes, parent, last, NONE, id);
}

/// Move `id` to just before `sibling`.
fn insert_before(nodes: &mut [Node], sibling: NodeId, id: NodeId) {
    detach(nodes, id);
    let Node { parent, previous, .. } = nodes[sibling as usize];
    link(nodes, parent, previous, sibling, id);
}

/// Put a detached node under `parent` between `previous` and `next` (either [`NONE`] at an end).
fn link(nodes: &mut [Node], parent: NodeId, previous: NodeId, next: NodeId, id: NodeId) {
    join(nodes, parent, previous, id);
    join(nodes, parent, id, next);
    nodes[id as usize].parent = parent;
}

/// Make `previous` and `next` neighbours among `parent`'s children ([`NONE`] for an end).
fn join(nodes: &mut [Node], parent: NodeId, previous: NodeId, next: NodeId) {
    if previous == NONE {
        nodes[parent as usize].first_child = next;
    } else {
        nodes[previous as usize].next = next;
    }
    if next == NONE {
        nodes[parent as usize].last_child = previous;
    } else {
        nodes[next as usize].previous = previous;
    }
}

/// Whether the text of an element is read: not a script's code (JSON-LD data is read, see [`super::head`])
/// or a style sheet, which nothing reads and which make up half the bytes of many pages.
fn keeps_text(name: &QualName, attributes: &[Attribute]) -> bool {
    if name.ns != ns!(html) {
        return true;
    }
    match name.local {
        local_name!("style") => false,
        local_name!("script") => {
            let kind = attributes.iter().find(|attribute| attribute.name.local == local_name!("type"));
            super::head::is_json_ld(kind.map(|attribute| &*attribute.value))
        }
        _ => true,
    }
}

/// The tree builder's side of html5ever: the nodes, in a cell the builder borrows for each change.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// The first `body` element made (see [`Tree::body`]).
    body: Cell<NodeId>,
}

impl Sink {
    fn add(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as NodeId
    }

    /// The node to put in: a node as it is, text as a new text node, or None when the text went
    /// into `beside`, the text node it would stand next to (a parser never leaves two adjacent).
    fn node_of(&self, child: NodeOrText<NodeId>, beside: NodeId) -> Option<NodeId> {
        let text = match child {
            NodeOrText::AppendNode(id) => return Some(id),
            NodeOrText::AppendText(text) => text,
        };
        if beside != NONE {
            if let Data::Text(existing) = &mut self.nodes.borrow_mut()[beside as usize].data {
                existing.push_tendril(&text);
                return None;
            }
        }
        Some(self.add(Data::Text(text)))
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        Tree { nodes: self.nodes.into_inner(), made_body: self.body.get() }
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target as usize].data {
            Data::Element { name, .. } => name,
            _ => panic!("html5ever asked the name of a node that is no element"),
        })
    }

    fn create_element(&self, name: QualName, attributes: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template = if flags.template { self.add(Data::Other) } else { NONE };
        let is_body = name.ns == ns!(html) && name.local == local_name!("body");
        let keeps_text = keeps_text(&name, &attributes);
        let id = self.add(Data::Element { name, attributes, template, keeps_text });
        if is_body && self.body.get() == NONE {
            self.body.set(id);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.add(Data::Comment(text))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.add(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let nodes = self.nodes.borrow();
        let parent_node = &nodes[*parent as usize];
        if matches!(child, NodeOrText::AppendText(_))
            && matches!(parent_node.data, Data::Element { keeps_text: false, .. })
        {
            return;
        }
        let last = parent_node.last_child;
        drop(nodes);
        if let Some(id) = self.node_of(child, last) {
            append(&mut self.nodes.borrow_mut(), *parent, id);
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, previous: &NodeId, child: NodeOrText<NodeId>) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(previous, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public: StrTendril, _system: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match self.nodes.borrow()[*target as usize].data {
            Data::Element { template, .. } if template != NONE => template,
            _ => panic!("html5ever asked the content of an element that is no template"),
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let previous = self.nodes.borrow()[*sibling as usize].previous;
        if let Some(id) = self.node_of(child, previous) {
            insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, added: Vec<Attribute>) {
        if let Data::Element { attributes, .. } = &mut self.nodes.borrow_mut()[*target as usize].data {
            for attribute in added {
                if !attributes.iter().any(|existing| existing.name == attribute.name) {
                    attributes.push(attribute);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            append(&mut nodes, *new_parent, child);
            child = next;
        }
    }

    fn allow_declarative_shadow_roots(&self, _intended_parent: &NodeId) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested tags and texts, for comparing with what lexbor builds.
    fn outline(tree: &Tree, id: NodeId) -> String {
        tree.children(id)
            .map(|child| match &tree.node(child).data {
                Data::Element { .. } => format!("<{}>{}</>", tree.tag(child).unwrap(), outline(tree, child)),
                Data::Text(text) => text.to_string(),
                Data::Comment(text) => format!("<!--{text}-->"),
                _ => String::new(),
            })
            .collect()
    }

    fn body(html: &str) -> String {
        let tree = Tree::parse(html);
        outline(&tree, tree.body().unwrap())
    }

    /// Pages and the trees lexbor builds for them (selectolax's `body`), implied end tags, foster
    /// parenting and the adoption agency, raw text, entities, `noscript` with scripting off.
    const LEXBOR_TREES: [(&str, &str); 9] = [
        ("<p>a<p>b<ul><li>c<li>d</ul>", "<p>a</><p>b</><ul><li>c</><li>d</></>"),
        ("<table><tr><td>a<td>b</table>", "<table><tbody><tr><td>a</><td>b</></></></>"),
        ("<b>1<p>2</b>3</p>", "<b>1</><p><b>2</>3</>"),
        ("<table><p>x</p><tr><td>y</table>", "<p>x</><table><tbody><tr><td>y</></></></>"),
        ("<p>a&amp;b &notit; &#x80;</p>", "<p>a&b ¬it; €</>"),
        ("x<xmp>a<b>c</xmp><textarea><p></textarea>", "x<xmp>a<b>c</><textarea><p></>"),
        ("<div><noscript><p>Hi</p></noscript></div>", "<div><noscript><p>Hi</></></>"),
        ("<pre>\nab\r\ncd</pre>x<!--c-->y", "<pre>ab\ncd</>x<!--c-->y"),
        ("<nav><frameset>", "<nav></>"),
    ];

    #[test]
    fn trees_are_those_lexbor_builds() {
        for (html, expected) in LEXBOR_TREES {
            assert_eq!(body(html), expected, "{html}");
        }
    }

    #[test]
    fn script_code_and_style_sheets_are_left_out() {
        let page = concat!(
            "x<script>a<b>c</script><style>p { color: red }</style>",
            r#"<script type="application/ld+json">{"a": 1}</script><svg><style>s</style></svg>"#
        );
        assert_eq!(body(page), r#"x<script></><style></><script>{"a": 1}</><svg><style>s</></>"#);
    }

    #[test]
    fn template_content_is_no_child() {
        // At the start of a page a template goes in its head, as lexbor puts it.
        assert_eq!(body("<template id=B:1><p>t</p></template>z"), "z");
        assert_eq!(body("a<template id=B:1><p>t</p></template>z"), "a<template></>z");
    }

    #[test]
    fn moves_keep_the_links_whole() {
        let mut tree = Tree::parse("<p>a</p><div>b</div><i>c</i>");
        let root = tree.body().unwrap();
        let [p, div, i]: [NodeId; 3] = tree.children(root).collect::<Vec<_>>().try_into().unwrap();
        tree.insert_before(p, i);
        tree.detach(div);
        assert_eq!(outline(&tree, root), "<i>c</><p>a</>");
        assert_eq!(tree.descendants(root).count(), 4);
        assert!(tree.is_inside(tree.node(i).first_child, root));
    }
}
