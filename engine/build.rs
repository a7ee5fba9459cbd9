//! Folds the stopword lists once, at build time, into a sorted table of each
//! word with the lists that hold it (so the engine builds no table of its own
//! from 42,000 words at start-up).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

#[path = "src/casefold.rs"]
mod casefold;

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
    writeln!(out, "/// Each case-folded stopword with the lists that hold it (bit `i`: `CODES[i]`), sorted.").unwrap();
    writeln!(out, "pub static WORDS: [(&str, u32); {}] = [", words.len()).unwrap();
    for (word, lists) in &words {
        writeln!(out, "({word:?}, {lists}),").unwrap();
    }
    writeln!(out, "];").unwrap();
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("stopwords.rs");
    std::fs::write(target, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/casefold.rs");
}
