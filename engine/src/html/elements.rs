//! What an element's tag and attributes tell the walk: the kinds of box, the
//! containers a block sits in, what hides an element, and the parts of a page
//! around its content. The sets and words are those of `scrapeclean/page/walk.py`.

use std::sync::LazyLock;

use html5ever::{local_name, Attribute, LocalName};
use regex::Regex;

use crate::text::{is_python_space, python_split};

// Flags: the containers a block sits in.
pub const IN_LINK: u32 = 1;
pub const IN_LIST: u32 = 2;
pub const IN_TABLE: u32 = 4;
pub const IN_FORM: u32 = 8;
pub const IN_ARTICLE: u32 = 16;
pub const IN_MAIN: u32 = 32;
pub const IN_ASIDE: u32 = 64;
pub const IN_NAV: u32 = 128;
pub const IN_HEADER: u32 = 256;
pub const IN_FOOTER: u32 = 512;
pub const IN_FIGURE: u32 = 1024;
pub const IN_CAPTION: u32 = 2048;
pub const IN_PRE: u32 = 4096;
pub const IN_QUOTE: u32 = 8192;

/// The container flag an element's tag gives its content.
pub fn tag_flag(tag: &str) -> u32 {
    match tag {
        "a" => IN_LINK,
        "li" | "dd" | "dt" => IN_LIST,
        "td" | "th" => IN_TABLE,
        "form" => IN_FORM,
        "article" => IN_ARTICLE,
        "main" => IN_MAIN,
        "aside" => IN_ASIDE,
        "nav" => IN_NAV,
        "header" => IN_HEADER,
        "footer" => IN_FOOTER,
        "figure" => IN_FIGURE,
        "figcaption" => IN_CAPTION,
        "pre" => IN_PRE,
        "blockquote" => IN_QUOTE,
        _ => 0,
    }
}

/// The container flag an ARIA role (stripped, lower case) gives.
pub fn role_flag(role: &str) -> u32 {
    match role {
        "main" => IN_MAIN,
        "article" => IN_ARTICLE,
        "navigation" => IN_NAV,
        "complementary" => IN_ASIDE,
        _ => 0,
    }
}

/// Elements a reader never sees, left out with everything in them.
pub fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "svg"
            | "math"
            | "iframe"
            | "frame"
            | "frameset"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "head"
            | "title"
            | "meta"
            | "link"
    )
}

/// Boxes set off by a blank line.
pub fn is_paragraph(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "table"
            | "pre"
            | "article"
            | "section"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "nav"
            | "form"
            | "hr"
            | "address"
            | "dl"
            | "ul"
            | "ol"
            | "hgroup"
            | "fieldset"
            | "details"
            | "dialog"
            | "center"
            | "caption"
            | "body"
    )
}

/// Boxes set off by a line break (custom elements, with a `-` in their name, too: see [`is_line`]).
fn is_line_tag(tag: &str) -> bool {
    matches!(
        tag,
        "div"
            | "li"
            | "tr"
            | "td"
            | "th"
            | "dt"
            | "dd"
            | "summary"
            | "legend"
            | "label"
            | "menu"
            | "dir"
            | "thead"
            | "tbody"
            | "tfoot"
            | "html"
            | "noframes"
            | "search"
            | "picture"
    )
}

/// A line-like box: a line tag or a custom element.
pub fn is_line(tag: &str) -> bool {
    is_line_tag(tag) || tag.contains('-')
}

/// Inline elements that style a run of text: they join as written, inside words too.
pub fn is_formatting(tag: &str) -> bool {
    matches!(
        tag,
        "b" | "i"
            | "em"
            | "strong"
            | "u"
            | "s"
            | "strike"
            | "sub"
            | "sup"
            | "small"
            | "big"
            | "mark"
            | "abbr"
            | "code"
            | "span"
            | "font"
            | "tt"
            | "q"
            | "cite"
            | "dfn"
            | "kbd"
            | "samp"
            | "var"
            | "time"
            | "bdi"
            | "bdo"
            | "ins"
            | "del"
            | "nobr"
            | "acronym"
            | "data"
            | "ruby"
            | "rb"
            | "rt"
            | "rp"
    )
}

pub fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Every reason [`chrome_reason`] gives.
pub const REASONS: [&str; 12] = [
    "page-navigation",
    "page-header",
    "page-footer",
    "page-aside",
    "form",
    "dialog",
    "share-widget",
    "related-content",
    "promotion",
    "comment-thread",
    "consent-notice",
    "author-box",
];

/// The reason a block in an element with this class or id word is removed.
fn class_reason(word: &str) -> Option<&'static str> {
    Some(match word {
        "nav" | "navbar" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" | "topbar" => "page-navigation",
        "footer" => "page-footer",
        "sidebar" => "page-aside",
        "share" | "sharing" | "social" | "sharebar" | "shares" => "share-widget",
        "related" | "recommended" | "recommendations" => "related-content",
        "promo" | "newsletter" | "subscribe" | "ad" | "ads" | "advert" | "advertisement" | "sponsor" | "sponsored"
        | "cta" => "promotion",
        "comment" | "comments" | "disqus" | "reviews" => "comment-thread",
        "cookie" | "cookies" | "consent" | "gdpr" => "consent-notice",
        "bio" | "authorbio" | "authorbox" | "biography" => "author-box",
        "modal" | "popup" => "dialog",
        _ => return None,
    })
}

fn tag_reason(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "nav" => "page-navigation",
        "aside" => "page-aside",
        "footer" => "page-footer",
        "header" => "page-header",
        "form" => "form",
        _ => return None,
    })
}

fn role_reason(role: &str) -> Option<&'static str> {
    Some(match role {
        "navigation" | "menu" | "menubar" => "page-navigation",
        "banner" => "page-header",
        "contentinfo" => "page-footer",
        "complementary" => "page-aside",
        "search" => "form",
        "dialog" | "alertdialog" => "dialog",
        _ => return None,
    })
}

/// Whole class names pages give to text shown only to screen readers, or not at all.
pub fn is_hidden_class(word: &str) -> bool {
    matches!(
        word,
        "sr-only"
            | "screen-reader-text"
            | "visually-hidden"
            | "visuallyhidden"
            | "hidden"
            | "d-none"
            | "is-hidden"
            | "hide"
    )
}

/// Hidden, or "visually hidden" (clipped to nothing: the skip links of screen readers).
pub static HIDDEN_STYLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0")
        .unwrap()
});

/// An element's attributes, looked up by name.
#[derive(Clone, Copy)]
pub struct Attributes<'a>(pub &'a [Attribute]);

impl<'a> Attributes<'a> {
    pub fn get(&self, name: &LocalName) -> Option<&'a str> {
        self.0.iter().find(|attribute| attribute.name.local == *name).map(|attribute| &*attribute.value)
    }

    /// A value as Python's `attributes.get(name) or ""` reads it.
    fn text(&self, name: &LocalName) -> &'a str {
        self.get(name).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Python's `text.lower()`: full Unicode lower case.
fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
            text.to_ascii_lowercase().into()
        } else {
            text.into()
        }
    } else {
        text.to_lowercase().into()
    }
}

/// Python's `text.strip().lower()`.
pub fn stripped_lower(text: &str) -> std::borrow::Cow<'_, str> {
    lower(text.trim_matches(is_python_space))
}

/// Whether an element's attributes keep it from being seen, unless it is a folded panel ([`is_folded_panel`]).
pub fn hidden(attributes: Attributes<'_>) -> bool {
    hidden_anyhow(attributes) && !is_folded_panel(attributes)
}

fn hidden_anyhow(attributes: Attributes<'_>) -> bool {
    if attributes.get(&local_name!("hidden")).is_some()
        || stripped_lower(attributes.text(&local_name!("aria-hidden"))) == "true"
    {
        return true;
    }
    let style = attributes.text(&local_name!("style"));
    if !style.is_empty() && HIDDEN_STYLE.is_match(style) {
        return true;
    }
    let classes = attributes.text(&local_name!("class"));
    !classes.is_empty() && python_split(&lower(classes)).any(is_hidden_class)
}

/// A panel of an accordion or a tab set, folded until the reader opens it: a product's description, its
/// specifications, a guide's steps. Its text is the page's as much as what is open.
fn is_folded_panel(attributes: Attributes<'_>) -> bool {
    let role = stripped_lower(attributes.text(&local_name!("role")));
    if matches!(&*role, "tabpanel" | "region") {
        return true;
    }
    let classes = lower(attributes.text(&local_name!("class")));
    let mut words = classes.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()));
    words.any(|word| matches!(word, "collapse" | "collapsible" | "accordion" | "tabpanel" | "pane"))
}

/// Why an element is a part of the page around its content (reason, detail), or None.
pub fn chrome_reason(tag: &str, attributes: Attributes<'_>, flags: u32) -> Option<(&'static str, String)> {
    if let Some(reason) = tag_reason(tag) {
        if !(matches!(tag, "header" | "footer") && flags & (IN_ARTICLE | IN_MAIN) != 0) {
            return Some((reason, format!("in <{tag}>")));
        }
    }
    if attributes.is_empty() {
        return None;
    }
    let role = stripped_lower(attributes.text(&local_name!("role")));
    if let Some(reason) = role_reason(&role) {
        return Some((reason, format!("role={role}")));
    }
    // A link or inline element is not the part its word names but a pointer to it: a reviews link or star
    // rating inside a record is not the thread of reviews, a link that opens a pop-up is not the pop-up.
    let holds_parts = !(is_formatting(tag) || tag == "a");
    for (label, name) in [("class", local_name!("class")), ("id", local_name!("id"))] {
        let value = lower(attributes.text(&name));
        let names = value.split_ascii_whitespace().filter(|name| !names_a_term(name));
        let words = names.flat_map(|name| name.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit())));
        let mut words = words.filter(|word| holds_parts || !names_a_box(word));
        if let Some((word, reason)) = words.find_map(|word| Some((word, class_reason(word)?))) {
            return Some((reason, format!("{label} '{word}'")));
        }
    }
    None
}

/// Whether a class name labels the element with a term of the site's taxonomy ("category-social-media",
/// "tag-reviews", as content systems mark a post with its categories and tags): the term names what the
/// post is about, not what the element is.
fn names_a_term(name: &str) -> bool {
    ["category-", "tag-", "product_cat-", "product_tag-"].iter().any(|prefix| name.starts_with(prefix))
}

/// Class words that name a box of the page (a thread of reviews, a pop-up) which inline elements only point to.
fn names_a_box(word: &str) -> bool {
    matches!(word, "reviews" | "modal" | "popup")
}

/// The first class name of an element ("" for none), as `(class or "").split()[0]` reads it.
pub fn first_class(attributes: Attributes<'_>) -> &str {
    python_split(attributes.text(&local_name!("class"))).next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::{ns, QualName};

    fn attributes(pairs: &[(&str, &str)]) -> Vec<Attribute> {
        pairs
            .iter()
            .map(|(name, value)| Attribute {
                name: QualName::new(None, ns!(), LocalName::from(*name)),
                value: (*value).into(),
            })
            .collect()
    }

    #[test]
    fn hidden_reads_attributes_styles_and_classes() {
        for pairs in [
            &[("hidden", "")][..],
            &[("aria-hidden", " TRUE ")],
            &[("style", "color: red; DISPLAY : none")],
            &[("style", "clip: rect(0px, 0px, 0px, 0px)")],
            &[("class", "a Sr-Only")],
        ] {
            assert!(hidden(Attributes(&attributes(pairs))), "{pairs:?}");
        }
        for pairs in [&[("aria-hidden", "false")][..], &[("class", "hidden-xs")], &[("style", "display: block")]] {
            assert!(!hidden(Attributes(&attributes(pairs))), "{pairs:?}");
        }
    }

    #[test]
    fn folded_panels_are_not_hidden() {
        let folded = attributes(&[("class", "chakra-collapse"), ("style", "display:none")]);
        assert!(!hidden(Attributes(&folded)));
        let tab = attributes(&[("role", "TabPanel "), ("hidden", "")]);
        assert!(!hidden(Attributes(&tab)));
        let drawer = attributes(&[("class", "menu-drawer"), ("hidden", "")]);
        assert!(hidden(Attributes(&drawer)));
    }

    #[test]
    fn chrome_reasons_name_tag_role_then_words() {
        let none = attributes(&[]);
        assert_eq!(chrome_reason("nav", Attributes(&none), 0), Some(("page-navigation", "in <nav>".to_string())));
        assert_eq!(chrome_reason("footer", Attributes(&none), IN_ARTICLE), None);
        let role = attributes(&[("role", " Banner")]);
        assert_eq!(chrome_reason("div", Attributes(&role), 0), Some(("page-header", "role=banner".to_string())));
        let words = attributes(&[("class", "post-body"), ("id", "Share_Bar-top")]);
        assert_eq!(chrome_reason("div", Attributes(&words), 0), Some(("share-widget", "id 'share'".to_string())));
        let plain = attributes(&[("class", "sharebarx")]);
        assert_eq!(chrome_reason("div", Attributes(&plain), 0), None);
        let terms = attributes(&[("class", "post type-post category-social-media tag-reviews hentry")]);
        assert_eq!(chrome_reason("article", Attributes(&terms), 0), None);
        let reviews = attributes(&[("class", "product-reviews")]);
        let found = chrome_reason("section", Attributes(&reviews), 0);
        assert_eq!(found, Some(("comment-thread", "class 'reviews'".to_string())));
        assert_eq!(chrome_reason("a", Attributes(&reviews), 0), None);
    }
}
