//! The hash of the stopword table, shared with `build.rs` (which lays the table out at build time).
//!
//! The same on every platform (64-bit arithmetic on little-endian words), so the slots
//! `build.rs` computed are where the engine looks a word up, cross-compiled or not.

/// The multiplier of rustc's Fx hash.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(SEED)
}

/// The hash of a word's bytes: its length, eight bytes at a time, then the rest read as at most
/// two overlapping words (no copy of the tail, which most words are).
pub fn word_hash(word: &[u8]) -> u64 {
    let mut hash = mix(0, word.len() as u64);
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        hash = mix(hash, u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
    }
    let rest = chunks.remainder();
    let tail = match rest.len() {
        0 => return hash,
        1..=3 => rest[0] as u64 | (rest[rest.len() / 2] as u64) << 8 | (rest[rest.len() - 1] as u64) << 16,
        _ => {
            let head = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
            let last = u32::from_le_bytes(rest[rest.len() - 4..].try_into().expect("four bytes"));
            head as u64 | (last as u64) << 32
        }
    };
    mix(hash, tail)
}

/// The first slot a word's hash points to, in a table of `1 << bits` slots (the hash's high bits).
pub fn first_slot(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize
}

/// The tag a slot of the word carries: seven low bits of its hash, and the high bit set (0 is empty).
pub fn tag(hash: u64) -> u8 {
    (hash & 0x7f) as u8 | 0x80
}
