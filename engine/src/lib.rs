//! The compiled core of scrapeclean.
//!
//! `lib.rs` is only the Python boundary (feature `python`): argument
//! conversion, releasing the GIL, errors. Offsets cross it as code points of
//! the Python `str`; everything inside works on UTF-8 bytes.

pub mod assemble;
pub mod casefold;
pub mod copies;
pub mod cues;
pub mod dom;
pub mod features;
pub mod language;
pub mod model;
pub mod passes;
pub mod phrases;
pub mod pipeline;
pub mod reasons;
pub mod regions;
pub mod segment;
pub mod settings;
pub mod text;

#[cfg(feature = "python")]
mod python;

/// mimalloc: the engine makes and frees many small buffers per block, which it serves
/// faster than glibc's allocator (about 7% of a clean), each thread from its own heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h: milliseconds before freed memory goes back to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system at once, so a document's peak is its own, not that of
/// the documents before it (this costs no measurable time: the engine frees in large runs).
pub fn return_freed_memory_at_once() {
    // SAFETY: setting an option is safe at any time; mimalloc reads it on its next purge.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}
