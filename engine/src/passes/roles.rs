//! `assign-roles`: label each story's headline zone: title, section, byline, dateline.
//!
//! The headline zone is what a story keeps above its first paragraph of prose.
//! Its title is the headline-shaped line there (several words, no sentence
//! end; not a list item such as `* Home` nor a breadcrumb trail) with the most
//! evidence: the page's own `<title>` line (the first line of a browser or
//! html-text dump) holding it whole, beside the site's name, or, for less,
//! a piece of it cut at a separator starting or ending with it, or it starting
//! with such a piece (then the first line is that `<title>` line); its copy below it;
//! its length and title case; its content words being those the text opens
//! with (a menu's are not); a breadcrumb trail ending with it; a byline or date
//! just under it; standing just above the text, or first. A headline the chrome
//! pass took for boilerplate, above menus it left, is restored. The evidence
//! must hold in the text cleaning gives, where the title stands first and the
//! `<title>` line, trail and copies are gone, so that cleaning it again picks
//! the same line: there a first line the text's opening repeats stands first
//! even when the chrome pass took it.
//! The short label just above the title is its section; a line that is mostly
//! a date is the dateline (not one of a run of dates: a calendar), and a
//! second such line (updated, beside published) leaves the text too; bylines
//! were found by the chrome pass. Other lines
//! above the title (breadcrumbs, labels) are removed as `header-line`, in a
//! story that has prose below its zone (in one with none, such as a shop's
//! grid of product names, every line is zone and those lines are its text,
//! none of them a section).
//!
//! Needs: story numbers (`split-stories`) when a dump holds several stories;
//! works on one story otherwise.

use crate::cues::is_dateline;
use crate::model::{Annotation, Document, Edits, Role};
use crate::passes::titles::{Shaped, View};
use crate::passes::Pass;
use crate::reasons::{BOILERPLATE, HEADER_LINE, REPEATED_HEADING};
use crate::settings::Settings;

pub const NAME: &str = "assign-roles";

/// A label this short just above the title is its section.
const SECTION_WORDS: usize = 4;
/// This many date lines in a row are a calendar: none of them is the story's dateline.
const CALENDAR_DATES: usize = 3;
/// A line this long is prose even without a full stop.
const PROSE_WORDS: usize = 30;
/// A line this long in the headline zone is a deck or a paragraph: the text starts there.
const LONG_WORDS: usize = 20;
/// A restored headline's copy this many shown lines under it at most goes (the repeats pass's
/// `heading_distance`, by which a second cleaning would take it out).
const COPY_DISTANCE: usize = 12;
/// The evidence of a line the `<title>` line holds whole.
const NAMED: f64 = 6.0;
/// The evidence of a line that starts or ends the `<title>` line's headline side, or that it starts or ends.
const LOOSE: f64 = 3.0;

pub struct AssignRoles {
    /// How far around the headline zone (in blocks) a headline is looked for.
    pub search_window: usize,
}

impl AssignRoles {
    pub fn new(settings: &Settings) -> Self {
        AssignRoles { search_window: settings.usize("search_window", 40) }
    }

    pub fn boxed(settings: &Settings) -> Box<dyn Pass> {
        Box::new(Self::new(settings))
    }

    /// Label one story's headline zone (`blocks` are its kept blocks, in order).
    fn story(&self, view: &View, blocks: &[usize], previous_end: Option<usize>, first: bool, edits: &mut Edits) {
        let document = view.document;
        let zone_len = blocks.iter().position(|&index| is_prose(view, index)).unwrap_or(blocks.len());
        let zone = &blocks[..zone_len];
        let body_start = blocks.get(zone_len).copied().unwrap_or(blocks[blocks.len() - 1] + 1);
        let mut candidates = self.removed_headlines(view, blocks[0], previous_end);
        // The page's <title> line taken for chrome still stands before the text.
        let title_line_removed = candidates.first() == Some(&0);
        candidates.extend_from_slice(zone);
        if first && view.first_heading_like && zone.len() + usize::from(title_line_removed) > 1 {
            // The page's own <title> names the headline: look for it a little into the text too.
            let further = &blocks[zone_len..(zone_len + self.search_window).min(blocks.len())];
            candidates.extend(further.iter().filter(|&&index| document.role(index).is_none()));
        }
        // A headline-shaped first line with more lines before the text is the page's <title>
        // line; a first line directly above the text is the headline itself.
        let title = title(view, &candidates, body_start, first && body_start > 1);
        // A story with no prose (a shop's grid, a list of links) is all zone: its lines above the title are its text.
        label_zone(view, blocks, zone_len, title, edits);
        if let Some(title) = title {
            if document.kept(title) {
                edits.set_role(title, Some(Role::Title), None);
            } else {
                edits.restore(title, Some(Role::Title));
                // It may stand above the story's first line.
                edits.set_story(title, document.notes[blocks[0]].story);
                remove_copies_under(view, blocks, title, edits);
            }
        }
    }

    /// Headline-shaped lines the chrome pass removed as boilerplate just above the story.
    fn removed_headlines(&self, view: &View, story_start: usize, previous_end: Option<usize>) -> Vec<usize> {
        let low = previous_end.map_or(0, |end| end + 1).max(story_start.saturating_sub(self.search_window));
        (low..story_start)
            .filter(|&index| {
                view.document.notes[index].removal.as_ref().is_some_and(|removal| *removal.reason == *BOILERPLATE)
                    && view.features[index].heading_like()
            })
            .collect()
    }
}

impl Pass for AssignRoles {
    fn name(&self) -> &'static str {
        NAME
    }

    fn run(&self, document: &Document) -> Vec<Annotation> {
        let kept = document.live();
        let Some(&first_kept) = kept.first() else {
            return document.notes.clone();
        };
        let view = View::new(document);
        let mut edits = document.edit(NAME);
        let story_of = |index: usize| document.notes[index].story;
        let mut previous_end = None;
        for blocks in kept.chunk_by(|&one, &next| story_of(one) == story_of(next)) {
            let first = story_of(blocks[0]) == story_of(first_kept);
            self.story(&view, blocks, previous_end, first, &mut edits);
            previous_end = blocks.last().copied();
        }
        edits.finish()
    }
}

/// Remove the copies of a restored headline that stand close under it, as the copies of a kept one went.
///
/// The repeats pass removed the copies of kept headlines before this pass
/// restored this one; in the cleaned text the headline is kept, and cleaning
/// it again would take its copy below out then. So the copy goes now, by the
/// same measure: a heading-shaped line with its key within
/// [`COPY_DISTANCE`] shown lines under it.
fn remove_copies_under(view: &View, blocks: &[usize], title: usize, edits: &mut Edits) {
    let key = &view.features[title].key;
    let mut shown = 0;
    for &index in blocks.iter().filter(|&&index| index > title) {
        let metadata = matches!(edits.role(index), Some(Role::Caption | Role::Byline | Role::Section | Role::Dateline));
        if !edits.is_kept(index) || metadata {
            continue;
        }
        shown += 1;
        if shown > COPY_DISTANCE {
            break;
        }
        let feature = &view.features[index];
        if feature.key == *key && feature.heading_like() {
            edits.remove_copy(index, REPEATED_HEADING, format!("copy of heading block {title}"), title);
        }
    }
}

fn is_prose(view: &View, index: usize) -> bool {
    let feature = &view.features[index];
    view.document.role(index).is_none()
        && (feature.terminal || feature.words() > PROSE_WORDS)
        && !feature.heading_like()
}

/// Dateline, section and header lines of a story's zone, around its title.
///
/// `blocks` are the story's kept blocks, the first `zone_len` of them its zone
/// (all of them in a story with no prose).
fn label_zone(view: &View, blocks: &[usize], zone_len: usize, title: Option<usize>, edits: &mut Edits) {
    let zone = &blocks[..zone_len];
    let has_text = zone_len < blocks.len();
    let date_runs = date_runs(view, blocks, zone_len);
    for (position, &index) in zone.iter().enumerate() {
        if view.document.role(index).is_some() || Some(index) == title {
            continue;
        }
        let feature = &view.features[index];
        // A date in a run of dates is a line of a calendar or a list of events, not the story's dateline:
        // taken for one, it would leave the text, and the next date would take its place on a second cleaning.
        // Every other date of the zone is metadata (published and updated, a byline's two dates): the first
        // is the story's dateline, and one left in the text would become it when the text is cleaned again.
        if (1..CALENDAR_DATES).contains(&date_runs[position]) {
            edits.set_role(index, Some(Role::Dateline), None);
        } else if let Some(title) = title.filter(|&title| index < title) {
            // The zone is in order: the title is the line right under this one.
            if !has_text {
                continue;
            }
            if feature.words() <= SECTION_WORDS && zone.get(position + 1) == Some(&title) {
                edits.set_role(index, Some(Role::Section), None);
            } else {
                edits.remove(index, HEADER_LINE, "above the title");
            }
        }
    }
}

/// For each position of the zone (the first `zone_len` of `blocks`), how many date lines in a row stand
/// there (0: it is no date line). A run may go on past the zone; each line is read once.
fn date_runs(view: &View, blocks: &[usize], zone_len: usize) -> Vec<usize> {
    let mut runs = Vec::with_capacity(zone_len + 1);
    let mut start = 0;
    for position in 0..=blocks.len() {
        let dated =
            blocks.get(position).is_some_and(|&index| is_dateline(view.document.text(index), &view.features[index]));
        if dated {
            continue;
        }
        runs.extend(std::iter::repeat_n(position - start, position - start));
        if position >= zone_len {
            break;
        }
        runs.push(0);
        start = position + 1;
    }
    runs.truncate(zone_len);
    runs
}

/// The headline among the candidates, by the evidence each has.
///
/// Evidence: the page's `<title>` line naming it; its copy below it; its
/// shape (length, title case); its words being those the text starts
/// with; standing just above the text, or first.
fn title(view: &View, candidates: &[usize], body_start: usize, title_line: bool) -> Option<usize> {
    let body_start = text_start(view, candidates, body_start);
    let shaped: Vec<Shaped> = candidates
        .iter()
        .filter(|&&index| view.headline_shaped(index))
        .map(|&index| Shaped { index, evidence: if title_line { evidence(view, index, body_start) } else { 0.0 } })
        .collect();
    // The first line is the page's <title> only when it names a headline further down.
    let confirmed = shaped.iter().any(|candidate| candidate.evidence >= NAMED);
    // A headline under the first line that the first line names loosely: the first line is the <title> line.
    let named_below = shaped.iter().any(|candidate| candidate.index < body_start && candidate.evidence >= LOOSE);
    let zone: Vec<Shaped> = shaped.iter().filter(|candidate| candidate.index < body_start).copied().collect();
    let opening = view.opening_words(body_start);
    let first_shaped = zone.iter().map(|candidate| candidate.index).find(|&index| view.leads(index, &opening, &zone));
    let scores = view.zone_scores(&zone, &opening, body_start, title_line);
    let mut best = None;
    let mut best_score = 0.0;
    for (candidate, zone_score) in zone.iter().zip(scores) {
        if confirmed && candidate.index == 0 {
            continue;
        }
        let mut score = zone_score;
        if Some(candidate.index) == first_shaped {
            score += 1.0; // headlines come first; menus above them are mostly gone by now
            if candidate.index == 0 && !confirmed && !named_below {
                score += 2.0; // a text that starts with its headline (cleaned text, a page with no <title> line)
            }
        }
        score += view.presence(candidate.index);
        if score > best_score {
            (best, best_score) = (Some(candidate.index), score);
        }
    }
    let past = shaped.iter().filter(|candidate| candidate.index >= body_start && candidate.evidence != 0.0);
    for candidate in past {
        let score = candidate.evidence + view.presence(candidate.index);
        if score > best_score {
            (best, best_score) = (Some(candidate.index), score);
        }
    }
    best
}

/// Where the text starts for the headline: at the first prose, or at a first long line above it.
///
/// A long line in the headline zone is a deck or a paragraph the dump wrote
/// without its full stop; the headline stands above it.
fn text_start(view: &View, candidates: &[usize], body_start: usize) -> usize {
    candidates
        .iter()
        .copied()
        .find(|&index| view.document.kept(index) && body_start > index && view.features[index].words() >= LONG_WORDS)
        .unwrap_or(body_start)
}

/// The `<title>` line's evidence, as far as it counts where the line stands.
///
/// Past the headline zone only a line the `<title>` line holds whole, with
/// the site's name beside it, counts: a plain copy of the first line far
/// down the text is a subheading repeating the headline.
fn evidence(view: &View, index: usize, body_start: usize) -> f64 {
    let evidence = title_line_evidence(view, index);
    if index < body_start {
        return evidence;
    }
    let whole_copy = view.features[index].key == view.features[0].key;
    if evidence >= NAMED && !whole_copy {
        evidence
    } else {
        0.0
    }
}

/// How surely the page's `<title>` line names this line: it holds the line, plus the site's name,
/// or, for less, a piece its separator cuts off starts or ends the line, or the line goes on from it.
///
/// A line longer than the first line is never named by it whole: in the text
/// cleaning gives, the first line is the headline and longer lines below
/// it are its deck or subheadings. A loose naming needs a separator, which
/// such a headline seldom has.
fn title_line_evidence(view: &View, index: usize) -> f64 {
    let feature = &view.features[index];
    if !view.first_heading_like || feature.words() < 2 || index == 0 {
        return 0.0;
    }
    if view.title_parts.contains(feature.key()) && 2 * feature.words() > view.features[0].words() {
        return NAMED; // "Headline | Site" or "Site - Headline"
    }
    // A headline the chrome pass took, reworded from the <title> line ("Top 11 SEO Strategies for 2025 | Site"
    // over "11 SEO Strategies for 2025 to Boost Rankings"); kept lines are left out, since in cleaned text
    // the section heads below the headline reword it too.
    if view.loosely_named(&feature.key) || (!view.document.kept(index) && view.reworded(&feature.key)) {
        return LOOSE; // "Headline [2025]: Tips" over "Headline", or "Headline" over "Headline, Reviewed"
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Removal;

    fn roles(document: &Document) -> Vec<Option<&'static str>> {
        let notes = AssignRoles::new(&Settings::default()).run(document);
        notes
            .iter()
            .map(|note| match &note.removal {
                Some(removal) if *removal.reason == *HEADER_LINE => Some("header-line"),
                _ => note.role.map(Role::as_str),
            })
            .collect()
    }

    /// Mark a line as the chrome pass's boilerplate.
    fn taken_for_chrome(document: &mut Document, index: usize) {
        document.notes[index].removal = Some(std::sync::Arc::new(Removal {
            pass_name: "remove-site-chrome".into(),
            reason: BOILERPLATE.into(),
            detail: "".into(),
            copy_of: None,
        }));
    }

    #[test]
    fn section_title_and_text() {
        let document =
            Document::new("World\nA headline over the story\nThe story starts here, and goes on for a while.");
        assert_eq!(roles(&document), vec![Some("section"), Some("title"), None]);
    }

    /// A title, its date and the story's first sentence.
    macro_rules! seals_story {
        () => {
            concat!(
                "Seals Return To The Estuary After Years\n",
                "November 20, 2019\n",
                "The seals have returned to the estuary after years away, the wardens said.",
            )
        };
    }

    #[test]
    fn a_short_trail_over_the_title_is_its_section_and_the_date_its_dateline() {
        let document = Document::new(concat!("Home > News > Local\n", seals_story!()));
        assert_eq!(roles(&document), vec![Some("section"), Some("title"), Some("dateline"), None]);
    }

    #[test]
    fn a_calendar_under_the_title_has_no_dateline_and_one_date_has() {
        let calendar = Document::new(concat!(
            "Stock Car Calendar For The Season\n",
            "Round 1: 10 March 2018, Interlagos\n",
            "Round 2: 8 April 2018, Curitiba\n",
            "Round 3: 22 April 2018, Velopark\n",
            "Dates may change; the series publishes every change on its own site as soon as it is known.",
        ));
        let found = roles(&calendar);
        assert_eq!(found[0], Some("title"));
        assert!(found[1..].iter().all(|role| role.is_none()), "{found:?}");
        let story = Document::new(seals_story!());
        assert_eq!(roles(&story), vec![Some("title"), Some("dateline"), None]);
    }

    #[test]
    fn published_and_updated_dates_both_leave_the_text() {
        // Left in the text, the second date would be the dateline when the text is cleaned again.
        let story = Document::new(concat!(
            "Seals Return To The Estuary After Years\n",
            "Published: November 18, 2019\n",
            "By the wardens' office\n",
            "Updated: November 20, 2019\n",
            "The seals have returned to the estuary after years away, the wardens said.",
        ));
        let found = roles(&story);
        assert_eq!((found[1], found[3]), (Some("dateline"), Some("dateline")), "{found:?}");
    }

    #[test]
    fn a_story_without_prose_keeps_the_lines_above_its_title() {
        // A shop's grid: product names, no sentence; none of them is a header line.
        let document = Document::new(concat!(
            "Storefront\n",
            "Shop Here\n",
            "Check out my favorites!\n",
            "Dr. Praeger's Frozen Gluten Free Pizza Stars - 9oz\n",
            "Kidfresh Frozen Chicken Meatballs - 16.45oz\n",
            "Kidfresh Frozen Fish Sticks - 8.45oz\n",
            "Happy Baby Nutty Blends Organic Bananas & Almond Butter Baby Food Pouch - 4oz\n",
            "Women's Ribbed Crewneck Cardigan - Wild Fable Light Yellow 1X\n",
            "Women's High-Rise Piped 7/8 Leggings - JoyLab Brown XL",
        ));
        assert!(roles(&document).iter().all(|role| *role != Some("header-line")));
    }

    #[test]
    fn the_title_line_names_the_headline_below_the_menus() {
        let document = Document::new(concat!(
            "Seals return to the estuary | The Coast News\n",
            "Home\n",
            "Seals return to the estuary\n",
            "The seals have returned to the estuary after years away, the wardens said.",
        ));
        assert_eq!(roles(&document), vec![Some("header-line"), Some("section"), Some("title"), None]);
    }

    #[test]
    fn a_headline_the_title_line_names_loosely_wins_over_it() {
        // The <title> line's headline side goes on ("[2025]: ...") past the page's headline.
        let document = Document::new(concat!(
            "Average Cost of Online College [2025]: Yearly Tuition + Fees\n",
            "Research by Topic\n",
            "Average Cost of Online College\n",
            "Last Updated: 2025-02-22\n",
            "The average cost of an online college is lower than that of a campus, the data show.",
        ));
        let found = roles(&document);
        assert_eq!(found[2], Some("title"));
        assert_eq!(found[0], Some("header-line"));
        // Cleaned, the headline stands first and its own section heads do not unseat it.
        let cleaned = Document::new(concat!(
            "Average Cost of Online College in the United States\n",
            "Average Cost of Online College\n",
            "The average cost of an online college is lower than that of a campus, the data show.",
        ));
        assert_eq!(roles(&cleaned)[0], Some("title"));
    }

    #[test]
    fn a_removed_title_line_lets_the_headline_be_found_in_the_text() {
        let mut document = Document::new(concat!(
            "Data Blog: Small adventures with small language models\n",
            "Data Blog\n",
            "Thoughts on data and analytics, written every week for readers who work with numbers.\n",
            "Small adventures with small language models\n",
            "I have been talking to people about small language models for a while now, and they like them.",
        ));
        taken_for_chrome(&mut document, 0);
        let notes = AssignRoles::new(&Settings::default()).run(&document);
        assert_eq!(notes[3].role, Some(Role::Title));
        assert!(notes[0].removal.is_some());
    }

    #[test]
    fn a_restored_headline_takes_its_copy_under_it_out() {
        let mut document = Document::new(concat!(
            "Seals Return To The Estuary\n",
            "The seals have returned to the estuary after years away, the wardens said.\n",
            "Seals Return To The Estuary\n",
            "Forty-six adults and eleven pups were counted on the sandbanks below the old ferry.",
        ));
        taken_for_chrome(&mut document, 0);
        let notes = AssignRoles::new(&Settings::default()).run(&document);
        assert_eq!((notes[0].role, notes[0].removal.is_none()), (Some(Role::Title), true));
        // Kept, the copy would go when the cleaned text is cleaned again.
        let removal = notes[2].removal.as_ref().expect("the copy goes");
        assert_eq!((&*removal.reason, removal.copy_of), (REPEATED_HEADING, Some(0)));
    }

    #[test]
    fn a_headline_taken_for_boilerplate_is_restored() {
        let mut document = Document::new(concat!(
            "Seals Return To The Estuary\n",
            "The seals have returned to the estuary after years away, the wardens said.",
        ));
        taken_for_chrome(&mut document, 0);
        let notes = AssignRoles::new(&Settings::default()).run(&document);
        assert_eq!((notes[0].role, notes[0].removal.is_none()), (Some(Role::Title), true));
    }
}
