//! The built-in passes, one module each. A pass reads the document and the
//! annotations earlier passes left, and returns the annotations after it.

pub mod captions;
pub mod chrome;
pub mod repeats;
pub mod roles;
mod titles;

use crate::model::{Annotation, Document};
use crate::settings::Settings;

pub mod stories;

pub trait Pass: Send + Sync {
    fn name(&self) -> &'static str;
    /// The annotations of every block after this pass.
    fn run(&self, document: &Document) -> Vec<Annotation>;
}

type Build = fn(&Settings) -> Box<dyn Pass>;

/// The built-in passes the engine runs, by name, with how to build each from its settings.
const BUILT_IN: &[(&str, Build)] = &[
    (captions::NAME, captions::DedupCaptions::boxed),
    (chrome::RemoveSiteChrome::NAME, chrome::RemoveSiteChrome::build),
    (repeats::NAME, repeats::CollapseRepeatedBlocks::boxed),
    (stories::SplitStories::NAME, stories::SplitStories::build),
    (roles::NAME, roles::AssignRoles::boxed),
];

/// The built-in pass called `name`, configured; None when the engine has no such pass.
pub fn build(name: &str, settings: &Settings) -> Option<Box<dyn Pass>> {
    BUILT_IN.iter().find(|(known, _)| *known == name).map(|(_, make)| make(settings))
}

pub fn names() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(name, _)| *name)
}
