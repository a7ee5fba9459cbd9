//! Folds the stopword lists once, at build time, into a table of each word with
//! the lists that hold it, laid out as an open-addressing hash table (so the
//! engine builds no table of its own from 42,000 words at start-up, and the
//! table holds no pointer for the loader to relocate).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

#[path = "src/casefold.rs"]
mod casefold;
#[path = "src/wordhash.rs"]
mod wordhash;

/// The table has `1 << SLOT_BITS` slots, at most two thirds of them full: a word not in it is
/// known after a few one-byte tags, which fit in a processor's cache (as a hash map's control bytes do).
const SLOT_BITS: u32 = 17;

/// The lists in their order: bit `i` of a word's mask is `CODES[i]`; on a tie in
/// detection the language listed first wins.
const CODES: [&str; 24] = [
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "da", "nb", "cs", "tr", "id", "fi", "ro", "hu", "uk",
    "el", "ca", "vi", "ar", "fa",
];

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/scrapeclean/data/stopwords");
    let mut words: BTreeMap<String, u32> = BTreeMap::new();
    for (position, code) in CODES.iter().enumerate() {
        let path = folder.join(format!("{code}.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        for word in text.lines().map(str::trim).filter(|word| !word.is_empty()) {
            *words.entry(casefold::casefold(word)).or_default() |= 1 << position;
        }
    }
    let mut out = String::new();
    writeln!(out, "/// The stopword lists' language codes, in bit order.").unwrap();
    writeln!(out, "pub static CODES: [&str; {}] = {CODES:?};", CODES.len()).unwrap();
    assert!(words.len() * 3 <= 2 << SLOT_BITS, "the stopword table needs more slots");
    // Each full slot packs a word's lists (bits 40..64), its length in bytes (32..40) and where
    // it starts in WORD_TEXT (0..32); its tag, in TAGS, lets most other words pass it unread.
    let mut text = String::new();
    let mut tags = vec![0u8; 1 << SLOT_BITS];
    let mut slots = vec![0u64; 1 << SLOT_BITS];
    for (word, &lists) in &words {
        assert!(word.len() < 1 << 8 && lists < 1 << 24);
        let hash = wordhash::word_hash(word.as_bytes());
        let mut slot = wordhash::first_slot(hash, SLOT_BITS);
        while tags[slot] != 0 {
            slot = (slot + 1) & (slots.len() - 1);
        }
        tags[slot] = wordhash::tag(hash);
        slots[slot] = (lists as u64) << 40 | (word.len() as u64) << 32 | text.len() as u64;
        text.push_str(word);
    }
    writeln!(out, "/// The case-folded stopwords, one after another.").unwrap();
    writeln!(out, "pub static WORD_TEXT: &str = {text:?};").unwrap();
    writeln!(out, "/// log2 of the table's size.").unwrap();
    writeln!(out, "pub const SLOT_BITS: u32 = {SLOT_BITS};").unwrap();
    writeln!(out, "/// Each slot's tag: 0 when empty (linear probing from `first_slot`).").unwrap();
    writeln!(out, "pub static TAGS: [u8; {}] = {tags:?};", tags.len()).unwrap();
    writeln!(out, "/// Each full slot's word, packed as build.rs says.").unwrap();
    writeln!(out, "pub static SLOTS: [u64; {}] = {slots:?};", slots.len()).unwrap();
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("stopwords.rs");
    std::fs::write(target, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/casefold.rs");
    println!("cargo:rerun-if-changed=src/wordhash.rs");
}
