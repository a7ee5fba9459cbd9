//! How deep a page nests its elements, read off its tags before it is parsed.
//!
//! HTML5 tree construction checks the stack of open elements on most start
//! tags, so a page nesting elements tens of thousands deep takes time
//! quadratic in its depth to parse (200,000 nested `div`s, 2 MB, took four
//! minutes). Real pages nest a few dozen deep; browsers stop nesting at 512
//! and lay deeper elements out flat. The reader (`scrapeclean.page.read_html`)
//! refuses a page nested past its `MAX_NESTING` instead of parsing it. Both parsers also check each
//! attribute of a tag against the others (100,000 on one element took 17 s in lexbor); the reader
//! refuses a tag with more than its `MAX_ATTRIBUTES` too.

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr", "image",
];
/// Elements whose end tag may be left out (the next one like it closes them): they add no depth here.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "tbody", "thead", "tfoot",
    "colgroup", "caption", "html", "head", "body",
];
/// Elements whose content is text up to their end tag, tags and all.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "plaintext"];

/// What a page's tags show of its shape before it is parsed (see [`shape`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// An estimate of the deepest nesting of its elements.
    pub depth: usize,
    /// The most attributes one start tag holds (parsers check each against the others: quadratic too).
    pub attributes: usize,
}

/// An estimate of the deepest nesting of `html`'s elements (see [`shape`]).
pub fn deepest(html: &str) -> usize {
    shape(html).depth
}

/// How deep `html` nests its elements (start tags less end tags, as they run) and the most attributes a
/// start tag holds.
///
/// Elements with no end tag or an optional one add nothing; comments and the
/// content of raw-text elements are skipped. Linear in the length of the page.
pub fn shape(html: &str) -> Shape {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    let mut attributes = 0usize;
    while let Some(found) = html[at..].find('<') {
        let start = at + found + 1;
        at = start;
        if html[start..].starts_with("!--") {
            at = html[start..].find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|byte| byte.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let one_of = |names: &[&str]| names.iter().any(|listed| listed.eq_ignore_ascii_case(name));
        let tag_end = html[name_start..].find('>').map_or(bytes.len(), |end| name_start + end);
        at = tag_end.min(bytes.len());
        if closing {
            if !one_of(VOID) && !one_of(OPTIONAL_END) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        attributes = attributes.max(attribute_count(&bytes[name_start + name_len..tag_end.min(bytes.len())]));
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if one_of(RAW_TEXT) {
            at = end_tag(html, at, name);
            continue;
        }
        if one_of(VOID) || one_of(OPTIONAL_END) || self_closing {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    Shape { depth: deepest, attributes }
}

/// The attributes in a start tag's text after its name: runs outside quotes that follow white space.
fn attribute_count(tag: &[u8]) -> usize {
    let (mut count, mut quote, mut apart) = (0usize, None, true);
    for &byte in tag {
        if let Some(open) = quote {
            if byte == open {
                quote = None;
            }
            continue;
        }
        match byte {
            b'"' | b'\'' => quote = Some(byte),
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' => apart = true,
            b'=' => apart = false,
            _ if apart => {
                count += 1;
                apart = false;
            }
            _ => {}
        }
    }
    count
}

/// Where the end tag of the raw-text element `name` starts at or after `from` (the page's end if none).
fn end_tag(html: &str, mut from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    while let Some(found) = html[from..].find("</") {
        let name_start = from + found + 2;
        let candidate = &bytes[name_start..(name_start + name.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return name_start - 2;
        }
        from = name_start;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_read_off_the_tags() {
        assert_eq!(deepest("<div><p>text<br><div><span>a</span></div></div>"), 3);
        assert_eq!(deepest("<ul><li>one<li>two<li>three</ul>"), 1);
        assert_eq!(deepest("<script>if (a<b) { x = '<div><div><div>'; }</script><div></div>"), 1);
        assert_eq!(deepest("<!-- <div><div> --><div></div>"), 1);
        assert_eq!(deepest(&"<div>".repeat(5000)), 5000);
        assert_eq!(deepest("a < b and 3<4, </ and <"), 0);
    }

    #[test]
    fn attributes_are_counted_outside_their_quoted_values() {
        let tag = "<div class='a b c' data-x=\"{ 'k': 1, 'v': [1, 2] }\" hidden id=main>text</div>";
        assert_eq!(shape(tag).attributes, 4);
        let many = format!("<p {}>x</p>", (0..500).map(|n| format!("a{n}=x")).collect::<Vec<_>>().join(" "));
        assert_eq!(shape(&many), Shape { depth: 0, attributes: 500 });
    }
}
