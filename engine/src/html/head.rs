//! What a page publishes about itself for machines, read off the same tree the walk reads: its
//! `<meta>` tags, its JSON-LD scripts and its `<title>`. `scrapeclean.page.metadata` chooses the
//! title, author, date, site and section from these, as it does from lexbor's tree.

use html5ever::{local_name, LocalName};

use super::tree::{Data, NodeId, Tree};

/// One `<meta>` tag's attributes that name a value (`property`, `name`, `itemprop`) and its `content`;
/// `Some("")` for an attribute with no value.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub content: Option<String>,
    pub property: Option<String>,
    pub name: Option<String>,
    pub itemprop: Option<String>,
}

/// A page's `<meta>` tags and JSON-LD scripts in document order, and the text of its first `<title>`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub metas: Vec<Meta>,
    pub json_ld: Vec<String>,
    pub title: Option<String>,
}

/// The head of a parsed page, read before anything moves a node: every element of the document
/// (a template's content is a fragment of its own, out of the document, as in lexbor's tree).
pub fn head(tree: &Tree) -> Head {
    let mut found = Head::default();
    let itemprop = LocalName::from("itemprop");
    for id in tree.descendants(0) {
        match tree.tag(id) {
            Some("meta") => found.metas.push(Meta {
                content: value(tree, id, &local_name!("content")),
                property: value(tree, id, &LocalName::from("property")),
                name: value(tree, id, &local_name!("name")),
                itemprop: value(tree, id, &itemprop),
            }),
            Some("script") if is_json_ld(tree.attribute(id, &local_name!("type"))) => {
                found.json_ld.push(text(tree, id))
            }
            Some("title") if found.title.is_none() => found.title = Some(text(tree, id)),
            _ => {}
        }
    }
    found
}

fn value(tree: &Tree, id: NodeId, name: &LocalName) -> Option<String> {
    tree.attribute(id, name).map(str::to_string)
}

pub(super) fn is_json_ld(kind: Option<&str>) -> bool {
    kind.is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// The text of every text node under an element, in order.
fn text(tree: &Tree, id: NodeId) -> String {
    let mut found = String::new();
    for child in tree.descendants(id) {
        if let Data::Text(text) = &tree.node(child).data {
            found.push_str(text);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head_of(html: &str) -> Head {
        head(&Tree::parse(html))
    }

    #[test]
    fn meta_tags_anywhere_with_their_naming_attributes() {
        let found = head_of(concat!(
            r#"<meta property="og:title" content="Rain &amp; wind"><meta name=author content>"#,
            r#"<body><p>text</p><meta itemprop=datePublished content=2024-01-02></body>"#
        ));
        assert_eq!(
            found.metas,
            vec![
                Meta { content: Some("Rain & wind".into()), property: Some("og:title".into()), ..Meta::default() },
                Meta { content: Some(String::new()), name: Some("author".into()), ..Meta::default() },
                Meta { content: Some("2024-01-02".into()), itemprop: Some("datePublished".into()), ..Meta::default() },
            ]
        );
    }

    #[test]
    fn json_ld_scripts_by_their_type_and_the_first_title() {
        let found = head_of(concat!(
            "<title>Rain &amp; wind | Daily</title><title>second</title>",
            r#"<script type=" Application/LD+JSON ">{"headline": "<b>Rain</b>"}</script>"#,
            r#"<script>var x = "{}";</script><script type="application/json">{}</script>"#,
            r#"<template><script type="application/ld+json">{}</script></template>"#
        ));
        assert_eq!(found.json_ld, vec![r#"{"headline": "<b>Rain</b>"}"#.to_string()]);
        assert_eq!(found.title.as_deref(), Some("Rain & wind | Daily"));
        assert_eq!(head_of("<p>no head</p>"), Head::default());
    }
}
