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
pub mod html;
pub mod keys;
pub mod language;
pub mod model;
pub mod passes;
pub mod phrases;
pub mod pipeline;
pub mod reasons;
pub mod records;
pub mod regions;
pub mod segment;
pub mod settings;
pub mod text;
pub mod wordhash;

#[cfg(feature = "python")]
mod python;
