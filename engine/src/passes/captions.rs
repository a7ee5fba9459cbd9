//! Keep each photo caption once, as a caption, and parse its credit.
//!
//! A block is a caption when it ends with a photo credit (`(AFP Photo/…)`,
//! `(File/Reuters)`, `Photo: …`, `… Getty Images`, `© …`) or when a sentence
//! is printed twice in a row (image alt text above its figcaption). The first
//! copy is kept with the caption role and its credit's span; every later copy
//! of the same caption (same normalised key) is removed. A line that is only a
//! credit credits the caption line above it.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Document, Edits, Role};
use crate::passes::Pass;
use crate::reasons::{CAPTION_CREDIT, DUPLICATE_CAPTION};
use crate::settings::Settings;
use crate::text::{char_len, is_python_space, python_split, tail};

pub const NAME: &str = "dedup-captions";
/// A credit on a line of its own has at most this many words ...
const CREDIT_LINE_WORDS: usize = 12;
/// ... and starts within this many characters ("Photograph by: " may stand before it).
const CREDIT_LINE_LEAD: usize = 16;
/// Credited lines in a row, this many at least, are a list's records, not captions.
const MIN_RECORDS: usize = 5;
/// Credits end a caption: only its last characters are searched.
const TAIL_CHARS: usize = 200;

/// Words that mark a credit, in the languages of the phrase lists, plus the
/// agencies whose names stand alone in credits.
const CREDIT_WORDS: &str = concat!(
    "photo|photos|photograph|photography|image|images|picture|pic|file|credit|courtesy|illustration|",
    "graphic|video|screenshot|handout|supplied|foto|fotos|bild|bilder|imagen|imagem|crédit|crédito|",
    "afp|ap|reuters|getty|epa|efe|dpa|ansa|anadolu|xinhua|bloomberg|shutterstock|istock|alamy|",
    "wikimedia|unsplash|pexels|pool|ddp|kyodo|yonhap|tass|sputnik|sipa|zuma|rex|pa|©|copyright"
);
const AGENCIES: &str = "Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|Associated Press";

static PARENTHESISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\((?P<credit>[^()\n]{{0,80}}?\b(?:{CREDIT_WORDS})\b[^()\n]{{0,80}})\)\W{{0,2}}$"))
        .unwrap()
});
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:^|[\s.;|–—-])(?:photo|photograph|image|picture|credit|foto|bild|imagen|imagem|crédit|crédito)s?",
        r"(?:\s+(?:credit|by|de|von|par|por))?\s*[:/]\s*(?P<credit>[^:\n]{2,80}?)\W{0,2}$"
    ))
    .unwrap()
});
// An agency name closing a caption after a separator: "… on Monday. John Smith/Getty Images".
// Only capitalised words may precede it, so "…, he told Reuters." is not a credit. (The
// reference's possessive quantifiers only bound backtracking: its classes here are disjoint.)
static AGENCY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.|/–—-]\s*)(?P<credit>(?:\p{{Lu}}[\w.'’&-]*[\s/]+){{0,4}}(?:{AGENCIES})(?:\s+via(?:\s+\p{{Lu}}[\w.'’&-]*){{1,3}})?)\W{{0,2}}$"
    ))
    .unwrap()
});
/// A word every `LABELLED` credit holds (the longer labels contain one): lines without one skip it.
static LABEL_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)photo|image|picture|credit|foto|bild|crédit").unwrap());
static AGENCY_NAMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(AGENCIES).unwrap());
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"©\s*(?P<credit>[^©\n]{2,80}?)\W{0,2}$").unwrap());

/// The credit patterns that can match `tail`, by characters each one needs (most lines need none).
fn candidates(tail_text: &str) -> Vec<&'static Regex> {
    let mut found = Vec::new();
    if tail(tail_text, 3).contains(')') {
        found.push(&*PARENTHESISED);
    }
    if (tail_text.contains(':') || tail_text.contains('/')) && LABEL_WORDS.is_match(tail_text) {
        found.push(&*LABELLED);
    }
    if tail_text.contains('©') {
        found.push(&*COPYRIGHT);
    }
    if AGENCY_NAMES.is_match(tail_text) {
        found.push(&*AGENCY_TAIL);
    }
    found
}

/// Where the photo credit stands in a caption's text, in code points, or None.
pub fn find_credit(text: &str) -> Option<(usize, usize)> {
    let searched = tail(text, TAIL_CHARS);
    let offset = char_len(text) - char_len(searched);
    for pattern in candidates(searched) {
        // Most lines match none: the fast search rules them out before groups are read.
        if !pattern.is_match(searched) {
            continue;
        }
        let Some(group) = pattern.captures(searched).and_then(|found| found.name("credit")) else { continue };
        let credit = group.as_str().trim_matches(is_python_space);
        if credit.is_empty() {
            continue;
        }
        let lead = group.as_str().len() - group.as_str().trim_start_matches(is_python_space).len();
        let start = offset + char_len(&searched[..group.start() + lead]);
        return Some((start, start + char_len(credit)));
    }
    None
}

/// Positions in runs of [`MIN_RECORDS`] credited lines or more, one after another: a list's records.
///
/// Captions stand beside their pictures, between paragraphs; a run of
/// lines that each end in a parenthesised source ("(page images at …)")
/// is a catalogue's or a bibliography's entries, which are its text.
fn credited_runs(credits: &[Option<(usize, usize)>]) -> FxHashSet<usize> {
    let mut listed = FxHashSet::default();
    let mut start = 0;
    for (position, credit) in credits.iter().map(Some).chain([None]).enumerate() {
        if credit.is_some_and(|credit| credit.is_some()) {
            continue;
        }
        if position - start >= MIN_RECORDS {
            listed.extend(start..position);
        }
        start = position + 1;
    }
    listed
}

/// A whole line that reads as a credit, not a bare agency name that may be a byline ("AFP").
fn credit_shaped(text: &str) -> bool {
    ["/", ":", "©", " via "].iter().any(|mark| text.contains(mark)) || text.ends_with("Getty Images")
}

/// Keep each caption once, with its credit; remove its other copies.
pub struct DedupCaptions {
    min_words: usize,
    max_words: usize,
    repeat_distance: usize,
    max_repeated_words: usize,
}

impl DedupCaptions {
    pub fn from_settings(settings: &Settings) -> Self {
        DedupCaptions {
            min_words: settings.usize("min_words", 4),
            max_words: settings.usize("max_words", 80),
            repeat_distance: settings.usize("repeat_distance", 1),
            max_repeated_words: settings.usize("max_repeated_words", 50),
        }
    }

    pub fn boxed(settings: &Settings) -> Box<dyn Pass> {
        Box::new(Self::from_settings(settings))
    }

    fn sized(&self, words: usize) -> bool {
        (self.min_words..=self.max_words).contains(&words)
    }

    /// Each caption's key with the position of its kept copy, and that copy's credit.
    fn captions<'a>(&self, document: &'a Document, live: &[usize]) -> CaptionsFound<'a> {
        let mut last_seen: FxHashMap<&str, usize> = FxHashMap::default();
        let mut found = CaptionsFound::default();
        // Each caption-sized line's credit, found once.
        let credits: Vec<Option<(usize, usize)>> = live
            .iter()
            .map(|&index| {
                self.sized(document.features(index).words()).then(|| find_credit(document.text(index))).flatten()
            })
            .collect();
        let listed = credited_runs(&credits);
        for (position, &index) in live.iter().enumerate() {
            let feature = document.features(index);
            if !self.sized(feature.words()) {
                continue;
            }
            let key = feature.key();
            let credit = credits[position];
            let previous = last_seen.get(key).copied();
            let repeated_here = previous.is_some_and(|previous| {
                position - previous <= self.repeat_distance
                    && feature.terminal
                    && !feature.question
                    && feature.words() <= self.max_repeated_words
            });
            let credit = credit.filter(|_| !listed.contains(&position));
            if (credit.is_some() || repeated_here || found.first.contains_key(key)) && !found.first.contains_key(key) {
                let first = if repeated_here { previous.unwrap_or(position) } else { position };
                found.first.insert(key, first);
                let credit = if credit.is_some() { credit } else { credits[first] };
                found.credits.insert(first, credit);
            }
            last_seen.insert(key, position);
        }
        found
    }

    /// A line that is only a credit ("Jane Doe/Getty Images") credits the caption line above it.
    fn credit_lines(&self, document: &Document, live: &[usize], edits: &mut Edits) {
        for (position, &index) in live.iter().enumerate() {
            let feature = document.features(index);
            if feature.words() > CREDIT_LINE_WORDS || !edits.is_kept(index) {
                continue;
            }
            let text = document.text(index);
            let Some(credit) = find_credit(text) else { continue };
            if credit.0 > CREDIT_LINE_LEAD || !credit_shaped(text) {
                continue;
            }
            let start = document.blocks[index].start();
            let span = (start + credit.0, start + credit.1);
            let above = if position > 0 { Some(live[position - 1]) } else { None };
            match above {
                Some(above)
                    if document.blocks[index].gap <= 1
                        && edits.is_kept(above)
                        && edits.role(above).is_none()
                        && self.sized(document.features(above).words())
                        && !document.features(above).heading_like() =>
                {
                    edits.set_role(above, Some(Role::Caption), Some(span));
                    edits.remove(index, CAPTION_CREDIT, format!("credit of caption block {above}"));
                }
                _ if edits.role(index).is_none() => {
                    edits.remove(index, CAPTION_CREDIT, "photo credit on a line of its own");
                }
                _ => {}
            }
        }
    }
}

#[derive(Default)]
struct CaptionsFound<'a> {
    first: FxHashMap<&'a str, usize>,
    credits: FxHashMap<usize, Option<(usize, usize)>>,
}

impl Pass for DedupCaptions {
    fn name(&self) -> &'static str {
        NAME
    }

    fn run(&self, document: &Document) -> Vec<crate::model::Annotation> {
        let live = document.live();
        let found = self.captions(document, &live);
        let mut edits = document.edit(NAME);
        for (position, &index) in live.iter().enumerate() {
            let feature = document.features(index);
            let Some(&first) = found.first.get(feature.key()) else { continue };
            if !self.sized(feature.words()) {
                continue;
            }
            if position == first {
                let start = document.blocks[index].start();
                let span = found.credits.get(&first).copied().flatten().map(|(a, b)| (start + a, start + b));
                edits.set_role(index, Some(Role::Caption), span);
            } else if position > first {
                let original = live[first];
                edits.remove_copy(index, DUPLICATE_CAPTION, format!("copy of caption block {original}"), original);
            }
        }
        self.cut_short(document, &live, &mut edits);
        self.credit_lines(document, &live, &mut edits);
        edits.finish()
    }
}

/// A copy cut short stands this close to its whole text (the two states of a caption's "more" toggle).
const CUT_DISTANCE: usize = 2;
/// What is left of a copy cut short has this many words at least.
const CUT_WORDS: usize = 8;
/// The ellipsis stands among the last this many characters (a toggle's label may follow it: "… more").
const CUT_TAIL: usize = 12;

/// The text before the ellipsis of a line cut short, if the line is one.
fn before_cut(text: &str) -> Option<&str> {
    let searched = tail(text, CUT_TAIL);
    let at = searched.rfind("...").or_else(|| searched.rfind('…'))?;
    let cut = text.len() - searched.len() + at;
    Some(text[..cut].trim_end_matches(is_python_space))
}

impl DedupCaptions {
    /// A caption cut short ("… more") beside its whole text is a copy of it: slideshows print both states.
    fn cut_short(&self, document: &Document, live: &[usize], edits: &mut Edits) {
        for (position, &index) in live.iter().enumerate() {
            if !edits.is_kept(index) || !self.sized(document.features(index).words()) {
                continue;
            }
            let Some(before) = before_cut(document.text(index)) else { continue };
            if python_split(before).count() < CUT_WORDS {
                continue;
            }
            let near = position.saturating_sub(CUT_DISTANCE)..(position + CUT_DISTANCE + 1).min(live.len());
            let whole = near.map(|other| live[other]).find(|&other| {
                let text = document.text(other);
                other != index && edits.is_kept(other) && text.len() > before.len() && text.starts_with(before)
            });
            if let Some(whole) = whole {
                edits.remove_copy(index, DUPLICATE_CAPTION, format!("caption block {whole} cut short"), whole);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit_of(text: &str) -> Option<String> {
        find_credit(text).map(|(start, end)| text.chars().skip(start).take(end - start).collect())
    }

    #[test]
    fn credits_in_their_forms() {
        assert_eq!(
            credit_of("Troops in Anna. (AFP Photo/MOADH AL-DULAIMI)").as_deref(),
            Some("AFP Photo/MOADH AL-DULAIMI")
        );
        assert_eq!(credit_of("A street in Zürich. Photo: Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(credit_of("Crowds on Monday. John Smith/Getty Images").as_deref(), Some("John Smith/Getty Images"));
        assert_eq!(credit_of("He said so, he told Reuters."), None);
        assert_eq!(credit_of("Sunset over the bay © Ana Lima").as_deref(), Some("Ana Lima"));
    }

    #[test]
    fn the_first_copy_is_the_caption() {
        let document =
            Document::new("Troops at the border. (File/Reuters)\nTroops at the border. (File/Reuters)\nText.");
        let notes = DedupCaptions::from_settings(&Settings::default()).run(&document);
        assert_eq!(notes[0].role, Some(Role::Caption));
        assert_eq!(notes[0].credit.as_deref(), Some(&(23, 35)));
        let removal = notes[1].removal.as_ref().unwrap();
        assert_eq!((&*removal.reason, removal.copy_of), (DUPLICATE_CAPTION, Some(0)));
        assert!(notes[2].removal.is_none() && notes[2].role.is_none());
    }
    #[test]
    fn a_caption_cut_short_beside_its_whole_text_is_a_copy() {
        let whole =
            "The minister shakes hands with his host in Hanoi on Wednesday, on a visit to strengthen ties. less";
        let cut = "The minister shakes hands with his host in Hanoi on Wednesday, on a visit to ... more";
        let far = "The minister shakes hands with his host in Hanoi on Wednesday, on a visit to...";
        let raw = format!("{whole}\n{cut}\nOne.\nTwo.\nThree.\n{far}\nA short line ... more");
        let notes = DedupCaptions::from_settings(&Settings::default()).run(&Document::new(&raw));
        let removal = notes[1].removal.as_ref().unwrap();
        assert_eq!((&*removal.reason, removal.copy_of), (DUPLICATE_CAPTION, Some(0)));
        // Further away, or too short to tell, a line cut short is left alone.
        assert!(notes[5].removal.is_none() && notes[6].removal.is_none() && notes[0].removal.is_none());
        assert_eq!(
            before_cut(far),
            Some("The minister shakes hands with his host in Hanoi on Wednesday, on a visit to")
        );
        assert_eq!(before_cut(whole), None);
    }
    #[test]
    fn credited_lines_in_a_row_are_a_lists_records() {
        const TOOLS: [&str; 5] = ["hinges", "locks", "saws", "files", "nails"];
        let entry = |tool: &str| format!("Illustrated catalogue of {tool} (s.n., 1898) (page images at HathiTrust)");
        let raw = TOOLS.map(entry).join("\n");
        let notes = DedupCaptions::from_settings(&Settings::default()).run(&Document::new(&raw));
        assert!(notes.iter().all(|note| note.role.is_none() && note.removal.is_none()));
        let raw = format!("{}\nThe text goes on.\n{}", entry(TOOLS[0]), entry(TOOLS[1]));
        let notes = DedupCaptions::from_settings(&Settings::default()).run(&Document::new(&raw));
        assert_eq!(
            notes.iter().map(|note| note.role).collect::<Vec<_>>(),
            [Some(Role::Caption), None, Some(Role::Caption)]
        );
    }
    #[test]
    fn a_question_printed_twice_is_a_headline_not_a_caption() {
        let raw = "What is cloud computing?\nWhat is cloud computing?\nIt is renting servers by the hour.";
        let notes = DedupCaptions::from_settings(&Settings::default()).run(&Document::new(raw));
        assert!(notes.iter().all(|note| note.role.is_none() && note.removal.is_none()));
        let raw = "Crowds in the square on Monday.\nCrowds in the square on Monday.\nIt rained.";
        let notes = DedupCaptions::from_settings(&Settings::default()).run(&Document::new(raw));
        assert_eq!(notes[0].role, Some(Role::Caption));
    }
}
