use super::*;
use crate::model::Role;
use crate::reasons;

const PORT: [&str; 4] = [
    "Dock workers at the northern port ended a nine-day strike on Thursday after union leaders accepted a pay offer of six percent over two years.",
    "The stoppage had left more than forty container ships waiting offshore and forced two supermarket chains to ration imported fruit.",
    "\"Nobody wanted this to drag on, but the members needed a fair deal,\" union organiser Dana Whitlock told reporters outside the gates.",
    "The port authority said it expected to clear the backlog of ships by the end of next week, working around the clock.",
];
const CHOIR: [&str; 4] = [
    "A children's choir from the mountain town of Velden won first prize at the international youth music festival on Saturday night.",
    "The forty singers, aged nine to fourteen, performed a programme of folk songs that their teacher had collected from elderly residents.",
    "Judges praised the choir's clear tone and said the arrangements showed a rare understanding of the old melodies.",
    "The choir will use the prize money to pay for a new rehearsal room in the town's former post office.",
];
const PORT_TITLE: &str = "Dock workers end strike as union accepts pay offer";
const CHOIR_TITLE: &str = "Mountain town choir wins youth music festival";

fn dump(between: &str) -> String {
    let port: Vec<&str> = [PORT_TITLE].into_iter().chain(PORT).collect();
    let choir: Vec<&str> = [CHOIR_TITLE].into_iter().chain(CHOIR).collect();
    port.join("\n\n") + between + &choir.join("\n\n")
}

/// The pass with the story lengths these short fixtures (stories of some 100 words) are written for.
fn fixture_pass() -> SplitStories {
    SplitStories { min_story_words: 60, unsure_story_words: 120, ..SplitStories::default() }
}

fn stories_with(pass: &SplitStories, document: &Document) -> Vec<u32> {
    pass.run(document).iter().map(|note| note.story).collect()
}

fn stories(raw: &str) -> Vec<u32> {
    stories_with(&fixture_pass(), &Document::new(raw))
}

/// A document over `raw` with the annotations `annotate` leaves.
fn annotated(
    raw: &str,
    annotate: impl FnOnce(&mut crate::model::Edits),
) -> (Vec<crate::segment::Line>, Vec<Annotation>) {
    let document = Document::new(raw);
    let mut edits = document.edit("earlier");
    annotate(&mut edits);
    (document.blocks.clone(), edits.finish())
}

#[test]
fn a_page_break_always_starts_a_new_story() {
    assert_eq!(
        stories("One story.\nMore of it.\n\x0c\nThe same story, continued.\n\x0cAnd a third."),
        vec![0, 0, 1, 2]
    );
    let paragraph = "The choir sang folk songs collected from elderly residents of the mountain town.";
    assert_eq!(stories(&format!("{paragraph}\n\x0c\n{paragraph}")), vec![0, 1]);
}

#[test]
fn a_new_headline_after_blank_lines_and_a_topic_change_starts_a_story() {
    assert_eq!(stories(&dump("\n\n\n\n")), [vec![0; 5], vec![1; 5]].concat());
    let raised = SplitStories { min_story_words: 10_000, ..fixture_pass() };
    assert_eq!(stories_with(&raised, &Document::new(&dump("\n\n\n\n"))), vec![0; 10]);
}

#[test]
fn removed_chrome_between_stories_is_evidence_and_stays_with_the_first() {
    let raw = dump("\n\nAdvertisement\nShare on Facebook\nShare on X\n\n");
    let (blocks, notes) = annotated(&raw, |edits| {
        for index in [5, 6, 7] {
            edits.remove(index, reasons::UI_PHRASE, "navigation or widget text");
        }
    });
    let document = Document::with_blocks(&raw, blocks, notes);
    assert_eq!(stories_with(&fixture_pass(), &document), [vec![0; 8], vec![1; 5]].concat());
}

#[test]
fn a_subheading_on_the_same_topic_does_not_split_the_story() {
    let subheading = "Ships wait offshore as the port backlog grows";
    let raw = [PORT_TITLE, PORT[0], PORT[1], subheading, PORT[2], PORT[3]].join("\n\n");
    assert_eq!(stories(&raw), vec![0; 6]);
}

#[test]
fn a_caption_kept_above_a_headline_moves_with_its_story() {
    let caption = "Singers rehearse in the old post office on Friday. (AP Photo/Rosa Lind)";
    let raw = dump(&format!("\n\n\n\n{caption}\n\n"));
    let (blocks, notes) = annotated(&raw, |edits| edits.set_role(5, Some(Role::Caption), None));
    let document = Document::with_blocks(&raw, blocks, notes);
    assert_eq!(stories_with(&fixture_pass(), &document), [vec![0; 5], vec![1; 6]].concat());
}

#[test]
fn a_numbered_item_a_lead_in_or_a_closing_section_does_not_start_a_story() {
    let fazit = format!("{CHOIR_TITLE}\n\nFazit");
    let numbered = format!("2. {CHOIR_TITLE}");
    let lead_in = format!("{CHOIR_TITLE}:");
    for headline in [numbered.as_str(), lead_in.as_str(), "Conclusion: the choir wins", fazit.as_str()] {
        let raw = dump("\n\n\n\n").replace(CHOIR_TITLE, headline);
        assert!(stories(&raw).iter().all(|&story| story == 0), "{headline}");
    }
}

fn long_story_and_short_one(between: &str, furniture: &[&str]) -> String {
    let story: Vec<&str> = [PORT_TITLE].into_iter().chain(PORT).chain(PORT.into_iter().rev()).chain(PORT).collect();
    let short: Vec<&str> = [CHOIR_TITLE].into_iter().chain(furniture.iter().copied()).chain(CHOIR).collect();
    story.join("\n\n") + between + &short.join("\n\n")
}

#[test]
fn a_short_story_after_a_long_one_is_joined_to_it_unless_dated() {
    let raw = long_story_and_short_one("\n\n\n\n", &[]);
    assert!(stories(&raw).iter().all(|&story| story == 0));
    let allowed = SplitStories { short_story_words: 1, ..fixture_pass() };
    assert_eq!(stories_with(&allowed, &Document::new(&raw)).last(), Some(&1));
    let raw = long_story_and_short_one("\n\n", &["March 3, 2024"]);
    let found = stories(&raw);
    assert_eq!(found[found.len() - 6..], [1; 6]);
    assert_eq!(found[found.len() - 7], 0);
}

#[test]
fn items_of_a_list_printing_the_same_label_lines_are_one_story() {
    let port: Vec<&str> = [PORT_TITLE, "Author: Dana Whitlock"].into_iter().chain(PORT).collect();
    let choir: Vec<&str> = [CHOIR_TITLE, "Author: Rosa Lind"].into_iter().chain(CHOIR).collect();
    let raw = port.join("\n\n") + "\n\n\n\n" + &choir.join("\n\n");
    assert_eq!(stories(&raw), vec![0; 12]);
    let raw = raw.replace("Author: Rosa Lind", "Rosa Lind reports");
    assert_eq!(stories(&raw), [vec![0; 6], vec![1; 6]].concat());
}

#[test]
fn a_heading_printed_twice_is_a_sign() {
    let raw = dump("\n\n") + "\n\n" + CHOIR_TITLE;
    let document = Document::new(&raw);
    let plain = View::new(&document, document.live(), 250);
    let (blocks, notes) = annotated(&raw, |edits| {
        edits.remove_copy(10, reasons::REPEATED_HEADING, "copy of block 5", 5);
    });
    let copied = Document::with_blocks(&raw, blocks, notes);
    let with_copy = View::new(&copied, copied.live(), 250);
    assert_eq!(signs::evidence(&with_copy, 5), signs::evidence(&plain, 5) + 1);
}

#[test]
fn fewer_than_two_kept_blocks_are_left_alone() {
    let document = Document::new("Only one line.");
    assert_eq!(fixture_pass().run(&document), document.notes);
}

#[test]
fn strengths_order_by_score_then_sharpness() {
    let strong = Strength { score: 3, similarity: 0.05 };
    let sharp = Strength { score: 2, similarity: 0.0 };
    let mild = Strength { score: 2, similarity: 0.04 };
    assert_eq!(strong.compare(&sharp), Ordering::Greater);
    assert_eq!(sharp.compare(&mild), Ordering::Greater);
    assert_eq!(mild.compare(&mild), Ordering::Equal);
}

#[test]
fn a_table_of_contents_starts_no_story() {
    // The contents list under the port story's text names the choir section, which follows with its own heading.
    let contents = format!("\n\n\n\n{CHOIR_TITLE}\nHow the judges voted\nWhat the prize pays for\n\n");
    let raw = dump(&contents);
    assert!(stories(&raw).iter().all(|&story| story == 0), "{:?}", stories(&raw));
    let without = dump("\n\n\n\nHow the judges voted\nWhat the prize pays for\n\n");
    assert!(stories(&without).contains(&1), "a headline over its text still starts a story");
}

const MENU: &str = "Home\nNews\nSport\nCulture\n";

/// The port story under the site's menu, then `between` and the choir story.
fn menu_dump(between: &str) -> String {
    let port: Vec<&str> = [PORT_TITLE].into_iter().chain(PORT).collect();
    let choir: Vec<&str> = [CHOIR_TITLE].into_iter().chain(CHOIR).collect();
    format!("{MENU}{}\n{between}{}", port.join("\n"), choir.join("\n"))
}

#[test]
fn the_sites_menu_printed_again_between_two_stories_is_a_sign() {
    let raw = menu_dump("");
    let document = Document::new(&raw);
    let view = View::new(&document, document.live(), 250);
    let headline = 4 + 5; // the choir's headline, under the menu and the port story
    assert_eq!(signs::menu_before(&view, headline, view.text_start), 0, "no menu between the stories");
    let raw = menu_dump(MENU);
    let document = Document::new(&raw);
    let view = View::new(&document, document.live(), 250);
    assert_eq!(signs::menu_before(&view, headline + 4, view.text_start), 2, "the page's own menu again");
    let other_menu = "Weather\nTravel\nPuzzles\n";
    let raw = menu_dump(other_menu);
    let document = Document::new(&raw);
    let view = View::new(&document, document.live(), 250);
    assert_eq!(signs::menu_before(&view, headline + 3, view.text_start), 1, "short lines the page did not print above");
    // Signs beyond a sharp change of topic needed: the menu's two give them.
    let demanding = SplitStories { min_evidence: 2, ..fixture_pass() };
    let found = stories_with(&demanding, &Document::new(&menu_dump(MENU)));
    assert_eq!(found, [vec![0; 13], vec![1; 5]].concat(), "the menu stays with the story before");
    assert_eq!(stories_with(&demanding, &Document::new(&menu_dump(""))), vec![0; 14]);
}

#[test]
fn a_list_the_text_leads_in_is_no_menu() {
    let raw = menu_dump(MENU).replacen(PORT[3], "The port authority listed the berths it will open first:", 1);
    let document = Document::new(&raw);
    let view = View::new(&document, document.live(), 250);
    assert_eq!(signs::menu_before(&view, 13, view.text_start), 0);
    let raw = menu_dump("Berth one\nBerth two\nBerth three\n");
    let document = Document::new(&raw);
    let view = View::new(&document, document.live(), 250);
    let without_stop =
        raw.replacen(PORT[3], "The port authority said it expected to clear the backlog by next week", 1);
    let unfinished = Document::new(&without_stop);
    let unfinished_view = View::new(&unfinished, unfinished.live(), 250);
    assert_eq!(signs::menu_before(&view, 12, view.text_start), 1);
    assert_eq!(signs::menu_before(&unfinished_view, 12, unfinished_view.text_start), 0, "a row of a table above");
}

#[test]
fn a_milder_change_of_topic_needs_a_headline_that_is_a_phrase() {
    // every change counts as mild here, so the headline's two signs (blank lines, its words below) must carry it
    let mild = SplitStories {
        max_similarity: -1.0,
        relaxed_similarity: 1.0,
        short_story_words: 0,
        unsure_story_words: 60,
        ..fixture_pass()
    };
    let raw = dump("\n\n\n\n");
    assert_eq!(stories_with(&mild, &Document::new(&raw)), [vec![0; 5], vec![1; 5]].concat());
    let labelled = raw.replace(CHOIR_TITLE, "Choir festival");
    assert_eq!(stories_with(&mild, &Document::new(&labelled)), vec![0; 10], "a short label heads an item");
}

/// The port story's page again below the choir story: its later coverage, in the port's words.
const PORT_TAIL: [&str; 5] = [
    "More from the harbour desk",
    "Dock workers at the northern port returned to the container ships on Friday morning, union organisers said.",
    "The port authority thanked the dock workers and the union for ending the strike before the supermarket chains ran short of imported fruit.",
    "Ships waiting offshore began to berth at the northern port, and the backlog of containers should clear by the end of next week.",
    "Union leaders said the pay offer would be put to the dock workers in a formal vote at the port gates.",
];

#[test]
fn a_pages_tail_that_takes_up_an_earlier_story_starts_none() {
    // stories of some 100 words each: none is joined to a neighbour for its length, and a window sees one
    let pass = SplitStories { short_story_words: 0, unsure_story_words: 60, window_words: 40, ..fixture_pass() };
    let stories = |raw: &str| stories_with(&pass, &Document::new(raw));
    let tail = PORT_TAIL.join("\n\n");
    let found = stories(&(dump("\n\n\n\n") + "\n\n\n\n" + &tail));
    assert_eq!(found, [vec![0; 5], vec![1; 10]].concat(), "the tail stays with the story above it");
    // after a page break, the text before the break is an earlier story too
    let found = stories(&(dump("\n\x0c\n") + "\n\n\n\n" + &tail));
    assert_eq!(found, [vec![0; 5], vec![1; 10]].concat());
}

#[test]
fn a_story_whose_headline_the_chrome_pass_removed_starts_at_that_headline() {
    let pass = SplitStories { short_story_words: 0, unsure_story_words: 60, ..fixture_pass() };
    let removed_headline = |raw: &str| {
        let (blocks, notes) = annotated(raw, |edits| edits.remove(5, reasons::BOILERPLATE, "outside the main text"));
        stories_with(&pass, &Document::with_blocks(raw, blocks, notes))
    };
    let raw = dump("\n\n");
    assert_eq!(removed_headline(&raw), [vec![0; 5], vec![1; 5]].concat(), "the removed headline opens the story");
    let labelled = raw.replace(CHOIR_TITLE, "Choir news");
    assert_eq!(removed_headline(&labelled), vec![0; 10], "a removed label is no headline");
    let teaser = raw.replace(CHOIR_TITLE, "Harbour cranes return to the northern port");
    assert_eq!(removed_headline(&teaser), vec![0; 10], "a removed line whose words the text below does not take up");
}
