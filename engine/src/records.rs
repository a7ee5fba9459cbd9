//! What a corpus run keeps of a cleaned document, made on the cleaning thread.
//!
//! Mirrors `outcome_of_columns` in `scrapeclean/corpus/work.py`: each story's
//! plain-text form, the count of blocks each (pass, reason) removed, and
//! optionally each article's JSON form, written as Python's
//! `json.dumps(article.to_dict(), ensure_ascii=False)` writes it, byte for
//! byte, so a run can print it as it is. Offsets in the JSON are code points,
//! as everywhere at the Python boundary.

use std::collections::BTreeMap;

use crate::assemble::{Parts, PARAGRAPH_BREAK};
use crate::model::Document;

/// Which JSON form of its articles a run keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Records {
    /// None: the run needs only the text form and the counts.
    Without,
    /// `Article.to_dict()`.
    Plain,
    /// `Article.to_dict(removed_text=True)`: each removed record carries its text.
    WithRemovedText,
}

/// A cleaned document as a corpus run keeps it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The plain-text form of each story that shows anything.
    pub stories: Vec<String>,
    /// (pass, reason, blocks removed), sorted by pass and reason.
    pub removals: Vec<(String, String, usize)>,
    /// Each article's JSON object, when asked for.
    pub articles: Vec<String>,
}

pub fn outcome(document: &Document, records: Records) -> Outcome {
    let groups = crate::assemble::stories(document);
    let parts: Vec<Parts> = groups.iter().map(|group| Parts::of(document, group)).collect();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for index in parts.iter().flat_map(|part| &part.removed) {
        if let Some(removal) = document.notes[*index].removal.as_deref() {
            *counts.entry((&*removal.pass_name, &*removal.reason)).or_default() += 1;
        }
    }
    let stories = parts.iter().map(|part| joined(document, &part.shown())).filter(|story| !story.is_empty()).collect();
    let articles = match records {
        Records::Without => Vec::new(),
        _ => {
            let writer = Writer { document, removed_text: records == Records::WithRemovedText };
            parts.iter().enumerate().map(|(number, part)| writer.article(number, part)).collect()
        }
    };
    let removals = counts
        .into_iter()
        .map(|((pass_name, reason), count)| (pass_name.to_string(), reason.to_string(), count))
        .collect();
    Outcome { stories, removals, articles }
}

fn joined(document: &Document, blocks: &[usize]) -> String {
    let mut text = String::new();
    for (position, &index) in blocks.iter().enumerate() {
        if position > 0 {
            text.push_str(PARAGRAPH_BREAK);
        }
        text.push_str(document.text(index));
    }
    text
}

/// Writes the JSON objects of a document's articles.
struct Writer<'d, 'a> {
    document: &'d Document<'a>,
    removed_text: bool,
}

impl Writer<'_, '_> {
    fn article(&self, number: usize, part: &Parts) -> String {
        let mut out = String::with_capacity(256);
        out.push_str("{\"index\": ");
        push_number(&mut out, number);
        for (key, block) in
            [("title", part.title), ("section", part.section), ("byline", part.byline), ("dateline", part.dateline)]
        {
            out.push_str(", \"");
            out.push_str(key);
            out.push_str("\": ");
            self.push_line_or_null(&mut out, block);
        }
        out.push_str(", \"captions\": ");
        self.push_list(&mut out, &part.captions, |out, index| self.push_caption(out, index));
        out.push_str(", \"body\": ");
        self.push_list(&mut out, &part.body, |out, index| push_string(out, self.document.text(index)));
        out.push_str(", \"text\": ");
        push_string(&mut out, &joined(self.document, &part.body));
        out.push_str(", \"spans\": ");
        self.push_list(&mut out, &part.kept, |out, index| self.push_span(out, index));
        out.push_str(", \"removed\": ");
        self.push_list(&mut out, &part.removed, |out, index| self.push_removed(out, index));
        out.push_str(", \"title_span\": ");
        match part.title {
            Some(index) => self.push_span(&mut out, index),
            None => out.push_str("null"),
        }
        out.push_str(", \"body_spans\": ");
        self.push_list(&mut out, &part.body, |out, index| self.push_span(out, index));
        out.push('}');
        out
    }

    fn push_list(&self, out: &mut String, blocks: &[usize], mut each: impl FnMut(&mut String, usize)) {
        out.push('[');
        for (position, &index) in blocks.iter().enumerate() {
            if position > 0 {
                out.push_str(", ");
            }
            each(out, index);
        }
        out.push(']');
    }

    fn push_line_or_null(&self, out: &mut String, block: Option<usize>) {
        match block {
            Some(index) => push_string(out, self.document.text(index)),
            None => out.push_str("null"),
        }
    }

    fn push_span(&self, out: &mut String, index: usize) {
        let block = &self.document.blocks[index];
        out.push('[');
        push_number(out, block.start());
        out.push_str(", ");
        push_number(out, block.end());
        out.push(']');
    }

    fn push_caption(&self, out: &mut String, index: usize) {
        out.push_str("{\"text\": ");
        push_string(out, self.document.text(index));
        out.push_str(", \"credit\": ");
        match self.document.notes[index].credit.as_deref() {
            Some(&(start, end)) => push_string(out, self.slice(start, end)),
            None => out.push_str("null"),
        }
        out.push('}');
    }

    fn push_removed(&self, out: &mut String, index: usize) {
        let block = &self.document.blocks[index];
        let removal = self.document.notes[index].removal.as_deref().expect("a removed block has its removal");
        out.push_str("{\"start\": ");
        push_number(out, block.start());
        out.push_str(", \"end\": ");
        push_number(out, block.end());
        out.push_str(", \"pass\": ");
        push_string(out, &removal.pass_name);
        out.push_str(", \"reason\": ");
        push_string(out, &removal.reason);
        out.push_str(", \"detail\": ");
        push_string(out, &removal.detail);
        out.push_str(", \"block\": ");
        push_number(out, index);
        out.push_str(", \"copy_of\": ");
        match removal.copy_of {
            Some(original) => push_number(out, original),
            None => out.push_str("null"),
        }
        if self.removed_text {
            out.push_str(", \"text\": ");
            push_string(out, self.document.text(index));
        }
        out.push('}');
    }

    /// The raw text between two code-point offsets (a caption's credit, which may lie in the line below it).
    fn slice(&self, start: usize, end: usize) -> &str {
        let raw = self.document.raw;
        if raw.is_ascii() {
            return &raw[start.min(raw.len())..end.min(raw.len())];
        }
        let from = self.byte_at(start);
        let to =
            from + raw[from..].char_indices().nth(end.saturating_sub(start)).map_or(raw.len() - from, |(at, _)| at);
        &raw[from..to]
    }

    /// The byte offset of a code-point offset, counted on from the nearest block that starts before it.
    fn byte_at(&self, chars: usize) -> usize {
        let blocks = &self.document.blocks;
        let raw = self.document.raw;
        let before = blocks.partition_point(|block| block.start() <= chars);
        let (mut position, bytes) =
            before.checked_sub(1).map_or((0, 0), |at| (blocks[at].start(), blocks[at].bytes().start));
        let mut walker = raw[bytes..].char_indices();
        while position < chars {
            if walker.next().is_none() {
                return raw.len();
            }
            position += 1;
        }
        walker.next().map_or(raw.len(), |(at, _)| bytes + at)
    }
}

fn push_number(out: &mut String, number: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{number}");
}

/// A JSON string as Python's `json.dumps(..., ensure_ascii=False)` writes it: only the quote, the
/// backslash and the control characters below U+0020 are escaped, those with a short escape by it.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        plain = at + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Removal, Role};
    use std::sync::Arc;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        push_string(&mut out, text);
        out
    }

    #[test]
    fn strings_are_escaped_as_python_json_escapes_them() {
        assert_eq!(escaped("plain café — ünïcode"), "\"plain café — ünïcode\"");
        assert_eq!(escaped("a\"b\\c\nd\re\tf\u{8}g\u{c}h"), "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\"");
        assert_eq!(escaped("\u{0}\u{1f}\u{7f}\u{2028}"), "\"\\u0000\\u001f\u{7f}\u{2028}\"");
        assert_eq!(escaped(""), "\"\"");
    }

    fn removal(reason: &str) -> Option<Arc<Removal>> {
        Some(Arc::new(Removal { pass_name: "p".into(), reason: reason.into(), detail: "d".into(), copy_of: Some(0) }))
    }

    #[test]
    fn outcome_has_the_text_form_the_counts_and_the_json_of_each_story() {
        let mut document = Document::new("Menu\nTitlé\nBody \"one\".\nPhoto (AFP Photo)\nBody two.");
        document.notes[0].removal = removal("menu");
        document.notes[1].role = Some(Role::Title);
        document.notes[3].role = Some(Role::Caption);
        document.notes[3].credit = Some(Box::new((30, 39)));
        document.notes[4].story = 1;
        let found = outcome(&document, Records::WithRemovedText);
        assert_eq!(found.stories, vec!["Titlé\n\nBody \"one\".", "Body two."]);
        assert_eq!(found.removals, vec![("p".to_string(), "menu".to_string(), 1)]);
        assert_eq!(
            found.articles[0],
            concat!(
                r#"{"index": 0, "title": "Titlé", "section": null, "byline": null, "dateline": null, "#,
                r#""captions": [{"text": "Photo (AFP Photo)", "credit": "AFP Photo"}], "body": ["Body \"one\"."], "#,
                r#""text": "Body \"one\".", "spans": [[5, 10], [11, 22], [23, 40]], "removed": [{"start": 0, "#,
                r#""end": 4, "pass": "p", "reason": "menu", "detail": "d", "block": 0, "copy_of": 0, "text": "Menu"}], "#,
                r#""title_span": [5, 10], "body_spans": [[11, 22]]}"#
            )
        );
        assert!(found.articles[1].starts_with(r#"{"index": 1, "title": null"#));
        assert_eq!(outcome(&document, Records::Without).articles, Vec::<String>::new());
    }
}
