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
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"keygen", b"link", b"meta", b"param",
    b"source", b"track", b"wbr", b"image",
];
/// Elements whose end tag may be left out (the next one like it closes them): they add no depth here.
const OPTIONAL_END: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rp",
    b"rtc",
    b"tbody",
    b"thead",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];
/// Elements whose content is text up to their end tag, tags and all.
const RAW_TEXT: &[&[u8]] =
    &[b"script", b"style", b"textarea", b"title", b"xmp", b"noembed", b"noframes", b"iframe", b"plaintext"];
/// Longer than every name listed above: a longer tag name is none of them.
const LONGEST_LISTED: usize = 9;

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
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found + 1;
        at = start;
        if bytes[start..].starts_with(b"!--") {
            at = memchr::memmem::find(&bytes[start..], b"-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|byte| byte.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let mut lower = [0u8; LONGEST_LISTED];
        let listed = name_len <= LONGEST_LISTED;
        if listed {
            lower[..name_len].copy_from_slice(name);
            lower[..name_len].make_ascii_lowercase();
        }
        let one_of = |names: &[&[u8]]| listed && names.contains(&&lower[..name_len]);
        let tag_end = memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |end| name_start + end);
        at = tag_end;
        if closing {
            if !one_of(VOID) && !one_of(OPTIONAL_END) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        attributes = attributes.max(attribute_count(&bytes[name_start + name_len..tag_end]));
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if one_of(RAW_TEXT) {
            at = end_tag(bytes, at, name);
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
    let (mut count, mut apart, mut at) = (0usize, true, 0usize);
    while let Some(&byte) = tag.get(at) {
        at += 1;
        match byte {
            // A quoted value, to its closing quote (or the tag's end): most of a tag's bytes.
            b'"' | b'\'' => at = memchr::memchr(byte, &tag[at..]).map_or(tag.len(), |end| at + end + 1),
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
fn end_tag(bytes: &[u8], mut from: usize, name: &[u8]) -> usize {
    let finder = memchr::memmem::Finder::new(b"</");
    while let Some(found) = finder.find(&bytes[from..]) {
        let name_start = from + found + 2;
        let candidate = &bytes[name_start..(name_start + name.len()).min(bytes.len())];
        if candidate.eq_ignore_ascii_case(name) {
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
        assert_eq!(shape("<p \"x y\" z a='b c d e>f").attributes, 2); // a quote opens no attribute; one left open runs on

        let many = format!("<p {}>x</p>", (0..500).map(|n| format!("a{n}=x")).collect::<Vec<_>>().join(" "));
        assert_eq!(shape(&many), Shape { depth: 0, attributes: 500 });
    }
}
