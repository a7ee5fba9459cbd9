//! Runs passes over one document, to the fixed point of its plain-text form.

use crate::assemble::{render, shown_stories};
use crate::model::{Document, Edits, Removal, Role};
use crate::passes::Pass;
use rustc_hash::FxHashSet;

/// Confirming rounds allowed before giving up on a fixed point. Real pages
/// settle in one confirming round; the bound keeps hostile input linear.
pub const MAX_ROUNDS: usize = 12;

/// After cleaning a text of this many bytes or more, free memory goes back to the system.
pub const GIVE_BACK_AFTER_BYTES: usize = 4 << 20;

/// Hand the allocator's free memory back to the system, after a large text.
///
/// glibc's allocator keeps most of what a large document freed (its blocks are many
/// small allocations), so the articles Python builds next would add to that peak
/// instead of reusing it. Elsewhere the allocator decides by itself.
pub fn give_back_free_memory(text_bytes: usize) {
    if text_bytes < GIVE_BACK_AFTER_BYTES {
        return;
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns free pages to the system; it may run at any time, on any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Every pass once, in order.
pub fn run(document: &mut Document, passes: &[Box<dyn Pass>]) {
    for pass in passes {
        document.notes = pass.run(document);
    }
}

/// Run the passes, then confirming rounds on the plain-text form until it is stable.
///
/// Cleaning the text form again must remove nothing and split no story
/// differently. Where a confirming round on that text would still change it,
/// its decisions are carried back onto the input's blocks, and the rounds repeat.
pub fn process<'a>(raw: &'a str, passes: &[Box<dyn Pass>]) -> Document<'a> {
    process_rounds(raw, passes, MAX_ROUNDS)
}

/// [`process`] with at most `rounds` confirming rounds (0: the passes once).
pub fn process_rounds<'a>(raw: &'a str, passes: &[Box<dyn Pass>], rounds: usize) -> Document<'a> {
    let mut document = Document::new(raw);
    run_rounds(&mut document, passes, rounds);
    document
}

/// Every pass once, then at most `rounds` confirming rounds, over a document already made.
pub(crate) fn run_rounds(document: &mut Document, passes: &[Box<dyn Pass>], rounds: usize) {
    run(document, passes);
    for _ in 0..rounds {
        if !settle(document, passes) {
            break;
        }
    }
}

/// [`process_rounds`] over many texts on `threads` threads (at least one), results in input order.
pub fn process_many<'a, S: AsRef<str> + Sync>(
    texts: &'a [S],
    passes: &[Box<dyn Pass>],
    threads: usize,
    rounds: usize,
) -> Vec<Document<'a>> {
    map_parallel(texts, threads, |text| process_rounds(text.as_ref(), passes, rounds))
}

/// `work` over every item on `threads` threads (at least one), results in input order.
pub fn map_parallel<'a, T: Sync, R: Send>(items: &'a [T], threads: usize, work: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(work).collect();
    }
    // Each thread takes the next item not yet taken: long and short documents balance out.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break };
                        mine.push((index, work(item)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().expect("a cleaning thread panicked")).collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, found)| found).collect()
}

/// One confirming round; whether it changed the document.
fn settle(document: &mut Document, passes: &[Box<dyn Pass>]) -> bool {
    let shown = shown_stories(document);
    let text = render(document, &shown);
    let flat: Vec<usize> = shown.iter().flatten().copied().collect();
    let lengths: Vec<usize> = shown.iter().map(Vec::len).collect();
    drop(shown);
    let lines = crate::segment::segment(&text);
    if lines.len() != flat.len() {
        return false; // the text form is a fixed point (segmenting it maps shown blocks one to one)
    }
    if flat.len() == document.len() && lines == document.blocks {
        // The input is already its own text form, blank lines and all (a text cleaned before,
        // with or without a final newline): the round would read the very blocks the passes
        // just read, and decide as they did.
        return false;
    }
    // The round's lines are the shown blocks' texts: their features carry over.
    let texts: Vec<&str> = flat.iter().map(|&index| document.text(index)).collect();
    let known = flat.iter().map(|&index| document.features(index).clone()).collect();
    let before = document.analysis();
    // The blocks the first round sampled are the first ones: the shown ones among them lead `flat`.
    let sampled: Vec<_> = flat.iter().map_while(|&index| before.sample.get(index).copied()).collect();
    let analysis = crate::features::reanalyse(&texts, known, before.language, &sampled, before.keys);
    drop(texts);
    let mut again = Document::with_analysis(&text, lines, analysis);
    again.dom = document.dom.as_ref().map(|dom| dom.project(&flat));
    run(&mut again, passes);
    let shown_again = shown_stories(&again);
    let titles = untitled_headlines(document, &again, &flat);
    if render(&again, &shown_again) == text {
        if titles.is_empty() {
            return false;
        }
        // The text reads the same, but its headline is a title now: a title the round before gave a line it
        // then removed leaves the story none, and the text form prints the headline as its first line either way.
        return carry_back(document, |edits| {
            for original in titles {
                edits.set_role(original, Some(Role::Title), None);
            }
        });
    }
    let mut visible = vec![false; again.len()];
    for &index in shown_again.iter().flatten() {
        visible[index] = true;
    }
    let changed = carry_back(document, |edits| {
        for (second, &original) in flat.iter().enumerate() {
            if visible[second] {
                continue;
            }
            let note = &again.notes[second];
            match note.removal.as_deref() {
                Some(Removal { pass_name, reason, detail, copy_of }) => {
                    let copy_of = copy_of.map(|copied| flat[copied]);
                    edits.remove_moved(original, reason, detail.clone(), pass_name, copy_of);
                }
                None => {
                    let offset =
                        edits.document.blocks[original].start() as isize - again.blocks[second].start() as isize;
                    let credit = note.credit.as_deref().map(|&(start, end)| moved(start, offset)..moved(end, offset));
                    edits.set_role(original, note.role, credit.map(|span| (span.start, span.end)));
                }
            }
        }
        if run_lengths(again.notes.iter().map(|note| note.story)) != lengths {
            renumber(edits, &flat, &again);
        }
    });
    changed
}

/// The round's decisions made on the document's own annotations (taken out of it while `decide` runs,
/// not copied: a copy beside them would be the peak of a large text's round); whether they changed any.
fn carry_back(document: &mut Document, decide: impl FnOnce(&mut Edits)) -> bool {
    let notes = std::mem::take(&mut document.notes);
    let mut edits = document.edit_from(notes, "");
    decide(&mut edits);
    let changed = edits.changed();
    let notes = edits.finish();
    document.notes = notes;
    changed
}

/// The blocks the round titles that stand shown in a story of `document` with no title: the text form
/// prints a title as its story's first line, so a shown block titled there is not carried back as moved.
fn untitled_headlines(document: &Document, again: &Document, flat: &[usize]) -> Vec<usize> {
    let mut titled: FxHashSet<u32> = (0..document.len())
        .filter(|&index| document.kept(index) && document.notes[index].role == Some(Role::Title))
        .map(|index| document.notes[index].story)
        .collect();
    let mut found: Vec<usize> = Vec::new();
    for (second, &original) in flat.iter().enumerate() {
        let note = &document.notes[original];
        // `insert` holds a story to one title: the first the round gives.
        if again.notes[second].role == Some(Role::Title)
            && again.kept(second)
            && note.role.is_none()
            && titled.insert(note.story)
        {
            found.push(original);
        }
    }
    found
}

fn moved(position: usize, offset: isize) -> usize {
    (position as isize + offset) as usize
}

fn run_lengths(numbers: impl Iterator<Item = u32>) -> Vec<usize> {
    let mut sizes: Vec<usize> = Vec::new();
    let mut previous = None;
    for number in numbers {
        if Some(number) != previous {
            sizes.push(0);
            previous = Some(number);
        }
        *sizes.last_mut().expect("a run was opened") += 1;
    }
    sizes
}

/// Carry the confirming round's story split back onto every block of the input.
///
/// Shown blocks take their story from the confirming round; a block it did not
/// see (a caption, a removed line) goes with the next shown block of its old
/// story, or else with the shown block before it, so stories stay in order.
fn renumber(edits: &mut Edits, flat: &[usize], again: &Document) {
    let count = edits.document.len();
    let mut mapped: Vec<Option<u32>> = vec![None; count];
    for (second, &original) in flat.iter().enumerate() {
        mapped[original] = Some(again.notes[second].story);
    }
    // The first shown block after the block at hand (`count`: none), found walking forward. Stories are read
    // from the edits: a block's story there is still its old one until the walk reaches it.
    let mut ahead = 0;
    let mut current = 0;
    for index in 0..count {
        let story = match mapped[index] {
            Some(story) => story,
            None => {
                if ahead <= index {
                    ahead = (index + 1..count).find(|&next| mapped[next].is_some()).unwrap_or(count);
                }
                match mapped.get(ahead) {
                    Some(&Some(story)) if edits.story(ahead) == edits.story(index) => story,
                    _ => current,
                }
            }
        };
        current = current.max(story);
        edits.set_story(index, current);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_that_is_its_own_text_form_is_settled_after_the_passes() {
        let settings = crate::settings::Settings::default();
        let passes: Vec<Box<dyn Pass>> =
            crate::passes::names().map(|name| crate::passes::build(name, &settings).unwrap()).collect();
        let story = "The council voted on Monday to build a new bridge over the river, after a long debate.";
        let form = format!("A bridge for the town\n\n{story}\n\n{story} It opens next year.");
        for raw in [form.clone(), format!("{form}\n")] {
            let settled = process(&raw, &passes);
            assert_eq!(render(&settled, &shown_stories(&settled)), form, "the text is its own text form");
            assert_eq!(settled.notes, process_rounds(&raw, &passes, 0).notes);
        }
    }

    #[test]
    fn run_lengths_count_runs() {
        assert_eq!(run_lengths([0, 0, 1, 1, 1, 0].into_iter()), vec![2, 3, 1]);
        assert_eq!(run_lengths(std::iter::empty()), Vec::<usize>::new());
    }
}
