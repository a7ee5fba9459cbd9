//! Where blocks' normalised keys are kept: one after another in a document's shared key text.
//!
//! Every block has a key (its folded words joined by single spaces, digits
//! written `0`; see [`crate::text`]), and a page's keys add up to about the
//! page's own size. A key in an allocation of its own would cost a header and
//! the allocator's rounding per block on top of its text, and a page has
//! hundreds of thousands of blocks; so the keys of a document are written into
//! one text, and a block's [`Key`] is a range of it. A key written already is
//! not written again: the lines a page repeats (menus, footers, the chrome of
//! every page of a concatenated dump) share one range.

use std::fmt;
use std::hash::BuildHasher;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxBuildHasher, FxHashMap};

/// The most a key text holds: a [`Key`] keeps its range in `u32` offsets.
const TEXT_CAPACITY: usize = u32::MAX as usize;

/// One block's key: a range of a shared key text, so copying it copies no text.
#[derive(Clone)]
pub struct Key {
    /// Written once, when the [`KeyWriter`] that hands out its keys is done.
    text: Arc<OnceLock<String>>,
    start: u32,
    len: u32,
}

impl Key {
    /// A key of its own text (for a block read alone).
    pub fn new(key: &str) -> Key {
        KeyWriter::with_capacity(key.len()).push(key)
    }
}

impl Deref for Key {
    type Target = str;

    fn deref(&self) -> &str {
        let text = self.text.get().expect("a key is read after its writer is done");
        let start = self.start as usize;
        &text[start..start + self.len as usize]
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        **self == **other
    }
}

impl Eq for Key {}

impl fmt::Debug for Key {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, formatter)
    }
}

/// Writes keys one after another into a shared text; the keys it handed out can be read once it is
/// dropped.
pub struct KeyWriter {
    text: String,
    shared: Arc<OnceLock<String>>,
    /// The range of the text each key was written to, by the hash of the key (the first key of a
    /// hash only: a key whose hash another key has is written again, which is rare and harmless).
    written: FxHashMap<u64, (u32, u32)>,
}

impl KeyWriter {
    /// A writer whose text has room for `bytes` bytes of keys before it grows.
    pub fn with_capacity(bytes: usize) -> KeyWriter {
        KeyWriter {
            text: String::with_capacity(bytes.min(TEXT_CAPACITY)),
            shared: Arc::default(),
            written: FxHashMap::default(),
        }
    }

    pub fn push(&mut self, key: &str) -> Key {
        let hash = FxBuildHasher.hash_one(key);
        if let Some(&(start, len)) = self.written.get(&hash) {
            if &self.text[start as usize..(start + len) as usize] == key {
                return Key { text: Arc::clone(&self.shared), start, len };
            }
        }
        if self.text.len() + key.len() > TEXT_CAPACITY {
            // The text is full (a document of more than 4 GiB of keys): the next keys go to a new one.
            self.seal();
            self.shared = Arc::default();
            self.written.clear();
        }
        let start = self.text.len() as u32;
        self.text.push_str(key);
        let len = u32::try_from(key.len()).expect("a block's key holds less than 4 GiB");
        self.written.entry(hash).or_insert((start, len));
        Key { text: Arc::clone(&self.shared), start, len }
    }

    fn seal(&mut self) {
        self.written = FxHashMap::default();
        let mut text = std::mem::take(&mut self.text);
        text.shrink_to_fit();
        self.shared.set(text).expect("a key text is written once");
    }
}

impl Drop for KeyWriter {
    fn drop(&mut self) {
        self.seal();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_ranges_of_one_text() {
        let mut writer = KeyWriter::with_capacity(8);
        let keys = ["the cat", "", "sat on the mat", "the cat"].map(|key| writer.push(key));
        drop(writer);
        assert_eq!(keys.iter().map(|key| &**key).collect::<Vec<_>>(), ["the cat", "", "sat on the mat", "the cat"]);
        assert!(Arc::ptr_eq(&keys[0].text, &keys[2].text), "one text");
        assert_eq!(keys[0], keys[3]);
        assert_eq!((keys[3].start, keys[3].len), (keys[0].start, keys[0].len), "a key written once");
        assert_eq!(keys[2].start, 7, "after the first key alone");
        assert_ne!(keys[0], keys[2]);
        assert_eq!(&*Key::new("ün 0"), "ün 0");
    }
}
