//! Runs passes in order over one document.

use crate::model::Document;
use crate::passes::Pass;

pub fn run(document: &mut Document, passes: &[Box<dyn Pass>]) {
    for pass in passes {
        document.notes = pass.run(document);
    }
}
