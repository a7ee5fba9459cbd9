//! Raw text to blocks: one block per non-blank line, white space and
//! zero-width characters at its ends left out of its span.
//!
//! Line breaks are those of Python's `str.splitlines` (`\n`, `\r\n`, a lone
//! `\r`, vertical tab, form feed, the file, group and record separators,
//! NEL and the Unicode line and paragraph separators). A form feed between
//! two lines is a hard story break. Offsets are kept twice: bytes, for the
//! engine, and code points, for Python's `str`.

use std::ops::Range;

/// The largest text the engine reads, in bytes: a line keeps its offsets in `u32`.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// One non-blank line of the input.
///
/// A page has one a line, hundreds of thousands of them: the offsets are `u32`,
/// so that a line takes 24 bytes, not 40, and a text over [`MAX_TEXT_BYTES`] is
/// refused where it comes in (a line past it panics, never wraps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    start: u32,
    end: u32,
    byte_start: u32,
    byte_end: u32,
    pub gap: u32,
    pub hard_break: bool,
}

impl Line {
    /// The line at code points `[start, end)` and bytes `bytes` of its text.
    pub fn new(start: usize, end: usize, bytes: Range<usize>, gap: u32, hard_break: bool) -> Line {
        let offset = |offset: usize| u32::try_from(offset).expect("a text the engine reads holds at most 4 GiB");
        Line {
            start: offset(start),
            end: offset(end),
            byte_start: offset(bytes.start),
            byte_end: offset(bytes.end),
            gap,
            hard_break,
        }
    }

    /// Where the line starts in its text, in code points.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the line ends in its text, in code points.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Where the line stands in its text, in bytes.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start as usize..self.byte_end as usize
    }
}

pub fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that carry nothing visible at the ends of a line.
pub fn is_invisible(c: char) -> bool {
    is_break(c)
        || matches!(
            c,
            '\t' | '\x1f' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200d}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{2060}' | '\u{feff}'
        )
}

/// The blocks of `text`, in order.
pub fn segment(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut breaks: u32 = 0; // line breaks since the last block (`\r\n` counts once)
    let mut form_feed = false;
    let mut after_cr = false;
    // The open line: where its first visible character stands and where its last one ends.
    let mut open: Option<(usize, usize, usize, usize)> = None;
    for (position, (byte, c)) in text.char_indices().enumerate() {
        // Most characters are printable ASCII: neither a break nor invisible.
        if !('!'..='~').contains(&c) && is_break(c) {
            if let Some(line) = open.take() {
                push(&mut lines, line, breaks, form_feed);
                breaks = 0;
                form_feed = false;
            }
            if !(c == '\n' && after_cr) {
                breaks += 1;
            }
            form_feed |= c == '\x0c';
            after_cr = c == '\r';
            continue;
        }
        after_cr = false;
        if !('!'..='~').contains(&c) && is_invisible(c) {
            continue;
        }
        let next = byte + c.len_utf8();
        match open.as_mut() {
            Some(line) => {
                line.1 = position + 1;
                line.3 = next;
            }
            None => open = Some((position, position + 1, byte, next)),
        }
    }
    if let Some(line) = open.take() {
        push(&mut lines, line, breaks, form_feed);
    }
    // The lines live as long as the document: not the up to twice as many slots growing left.
    lines.shrink_to_fit();
    lines
}

fn push(lines: &mut Vec<Line>, line: (usize, usize, usize, usize), breaks: u32, form_feed: bool) {
    let first = lines.is_empty();
    let gap = if first { breaks } else { breaks.saturating_sub(1) };
    lines.push(Line::new(line.0, line.1, line.2..line.3, gap, !first && form_feed));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, u32, bool)> {
        segment(text).into_iter().map(|line| (text[line.bytes()].to_string(), line.gap, line.hard_break)).collect()
    }

    #[test]
    fn lines_gaps_and_breaks() {
        assert_eq!(
            shown("Title\n\n  First paragraph.  \nSecond line."),
            vec![("Title".into(), 0, false), ("First paragraph.".into(), 1, false), ("Second line.".into(), 0, false)]
        );
        assert_eq!(
            shown("\n\nA\r\n\r\nB\x0cC"),
            vec![("A".into(), 2, false), ("B".into(), 1, false), ("C".into(), 0, true)]
        );
    }

    #[test]
    fn code_point_offsets() {
        let lines = segment("é \u{200b}x\nü");
        assert_eq!((lines[0].start(), lines[0].end()), (0, 4));
        assert_eq!((lines[1].start(), lines[1].end()), (5, 6));
        assert_eq!(std::mem::size_of::<Line>(), 24);
    }

    #[test]
    #[should_panic(expected = "at most 4 GiB")]
    fn an_offset_past_4_gib_is_refused_not_wrapped() {
        Line::new(0, 1, 0..MAX_TEXT_BYTES + 1, 0, false);
    }
}
