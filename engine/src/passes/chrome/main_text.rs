//! Picking the main text: the strong runs of each stretch between page breaks, their
//! headline zones and bylines, comment threads cut below the text, forum posts, and
//! on a page of little prose the list of records the block model likes best.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::cues::title_keys;
use crate::model::Role;
use crate::regions::{dense_runs_of, Run, Stretch};

use super::classes::{Class, LABEL_WORDS};
use super::explicit::{Phrases, TEXT_BEFORE_END};
use super::page::Page;
use super::threads::{is_signature, thread_posts};
use super::{Prepared, RemoveSiteChrome, PRINTED_WORDS};

/// A comments heading: a count of comments ("34 responses", "12 komentářů", "댓글 5") or the word alone.
static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b\d+\s+(?:\w+\s+){{0,2}}(?:{COMMENT_WORDS}|responses?|replies|thoughts)\b|^\W*(?:{COMMENT_WORDS})\W*\d*\W*$|{}",
        r"^\W*(?:leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion))\W*$",
    ))
    .unwrap()
});
/// "Comments" in the languages of the phrase lists (en, de, fr, es, pt, it, ru, cs, pl, nl, sv, tr, ar, ko, id, vi, ja, zh).
const COMMENT_WORDS: &str = concat!(
    "comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|комментари[йеия]в?|",
    "komentář[eů]?|diskuse|komentarz[ey]?|reacties?|kommentarer|yorum(?:lar)?|komentar|bình luận|",
    "تعليقات|تعليق|댓글|コメント|评论|留言",
);
/// A comment form: the article is over where it stands ("Leave a reply" in the languages of the phrase lists).
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^\W*(?:leave a (?:reply|comment)|post a comment|",
        // WordPress's own comment form and its anti-spam notice
        r"save my name, email,? and website in this browser|this site uses akismet to reduce spam|kommentar schreiben|",
        r"laisser un commentaire|deja un comentario|deixe um comentário|deixe uma resposta|",
        r"lascia un commento|оставить комментарий|добавить комментарий|napsat komentář|přidat komentář|",
        r"dodaj komentarz|zostaw komentarz|laat een reactie achter|geef een reactie|lämna en kommentar|",
        r"lämna ett svar|bir yanıt yazın|yorum yap|tinggalkan balasan|tinggalkan komentar|",
        r"để lại (?:một )?bình luận)\b|^\W*(?:اترك تعليق|اترك رد|أضف تعليق|댓글 (?:남기기|쓰기|작성))|",
        // a subscription bar over the comments: the whole line, whatever punctuation ends it ("Notify of:")
        r"^\W*notify of\W*$",
    ))
    .unwrap()
});
/// Teaser records signed with bylines below the text (see `signed_teasers`).
const SIGNED_RECORDS: usize = 3;
/// A record has no sentence of its own: a listing's records carry a summary.
const RECORD_PROSE: usize = 12;
const RECORD_TAIL: usize = 2;
const THREAD_HEADING_WINDOW: usize = 8;
/// A side of the `<title>` line's separator this long can be the headline (shorter: the site's name).
const TITLE_PIECE_WORDS: usize = 3;
const UNDER_HEADLINE: usize = 8;
const THREAD_TEXT_WORDS: usize = 150;
/// ... or 40 where the text's own header carries no stamp (a forum's first post has one).
const SHORT_THREAD_TEXT_WORDS: usize = 40;
const OWN_STAMP_WINDOW: usize = 3;
const THREAD_GAP: usize = 25;
/// A comments heading has at most this many words: "10 thoughts on “…”" quotes a whole headline.
const COMMENTS_HEADING_WORDS: usize = 30;
/// Signed entries ("Alex says:") in a row that make a thread without a heading.
const SIGNED_POSTS: usize = 5;

impl RemoveSiteChrome {
    /// Positions to keep: the strong runs, their headline zones and bylines next to them.
    pub(super) fn main_text(&self, prepared: &mut Prepared<'_, '_>) -> Vec<bool> {
        let count = prepared.live.len();
        let mut keep = vec![false; count];
        for segment in segments(prepared) {
            let scored = &prepared.scored[segment];
            let (kept, thread) = self.segment_text(prepared, scored);
            for position in kept {
                keep[position] = true;
            }
            if let Some(thread) = thread {
                for &position in scored.iter().filter(|position| **position >= thread) {
                    prepared.thread[position] = true;
                }
            }
        }
        if let Some(headline) = title_repeat(prepared) {
            if text_under(prepared, &keep, headline) {
                keep[..headline].fill(false); // the header, however prose-like
            }
        }
        if let Some(records) = signed_teasers(prepared, &keep) {
            keep[records].fill(false);
        }
        crate::dom::keep_content(prepared.edits.document, &prepared.live, &mut keep);
        for (position, kept) in keep.iter_mut().enumerate() {
            *kept = *kept && prepared.edits.is_kept(prepared.live[position]);
        }
        keep
    }

    /// The kept positions of one stretch between page breaks (a page break is never crossed),
    /// and where a comment thread starts in it when a run was kept.
    fn segment_text(&self, prepared: &Prepared<'_, '_>, scored: &[usize]) -> (Vec<usize>, Option<usize>) {
        let mut runs = dense_runs_of(scored.len(), |at| prepared.scores[scored[at]]);
        if runs.is_empty() {
            // Nothing the model likes: fall back on the jusText-style shape scores.
            runs = dense_runs_of(scored.len(), |at| prepared.base_score(scored[at]));
        }
        let Some(best) = runs.iter().map(|run| run.score).reduce(f64::max) else {
            return (Vec::new(), None);
        };
        let threshold = self.min_run_score.max(self.relative_run * best);
        let best_run = runs.iter().find(|run| run.score == best).expect("the best score is a run's");
        let text_start = scored[best_run.start];
        let (zone, posts) = self.forum_posts(prepared, scored, &runs, threshold, text_start);
        let mut thread = None;
        if self.cut_threads && posts.is_empty() {
            let (comments, form) =
                (self.thread_start(prepared, text_start), comment_form(prepared, scored, text_start));
            thread = match (comments, form) {
                (Some(comments), Some(form)) => Some(comments.min(form)),
                (comments, form) => comments.or(form),
            };
        }
        let mut keep = Vec::new();
        let mut marked = None;
        for run in runs.iter().filter(|run| run.score >= threshold || run.score >= best) {
            let (first, mut last) = (scored[run.start], scored[run.end - 1]);
            if let Some(thread) = thread {
                marked = Some(thread);
                if first >= thread {
                    continue;
                }
                last = last.min(thread - 1);
            }
            keep.extend(first..=last);
            self.headline_zone(prepared, first, &mut keep);
            self.tail(prepared, last, &mut keep);
        }
        if !posts.is_empty() {
            // Inside the thread, the posts are the text and the rest is metadata.
            keep.retain(|position| !zone.contains(position));
            keep.extend(posts);
        }
        keep.sort_unstable();
        keep.dedup();
        let listed = self.list_content(prepared, scored, &keep);
        keep.extend(listed);
        (keep, marked)
    }

    /// A forum: the text is a thread of posts, with no strong run of prose away from it
    /// and no comments heading after its first post ("34 responses to …"). The thread's
    /// lines and its posts; no posts where the page is no forum.
    fn forum_posts(
        &self,
        prepared: &Prepared<'_, '_>,
        scored: &[usize],
        runs: &[Run],
        threshold: f64,
        text_start: usize,
    ) -> (Range<usize>, Vec<usize>) {
        let (first, last) = (scored[0], scored[scored.len() - 1]);
        let low = prepared.stamps.partition_point(|stamp| *stamp < first);
        let high = prepared.stamps.partition_point(|stamp| *stamp <= last);
        let stamps: Vec<usize> =
            prepared.stamps[low..high].iter().copied().filter(|stamp| prepared.is_scored[*stamp]).collect();
        let (zone, posts) = thread_posts(scored, prepared, text_start, &stamps);
        if posts.is_empty() {
            return (zone, posts);
        }
        let prose_away =
            runs.iter().any(|run| run.score >= threshold && !zone.contains(&scored[(run.start + run.end - 1) / 2]));
        let headed =
            (zone.start + 1..zone.end.min(prepared.live.len())).any(|position| is_comments_heading(prepared, position));
        if prose_away || headed {
            return (0..0, Vec::new());
        }
        (zone, posts)
    }
}

impl RemoveSiteChrome {
    /// On a page with little prose, the list of records the block model likes best, if it outweighs the text.
    ///
    /// Listings, product grids and rankings print their content as records of
    /// one repeated shape (title / meta line / rating); the prose-seeking runs
    /// find little there. Menus are lists too, of one- to three-word items, so
    /// a list counts only when its records carry `list_record_words` words;
    /// of those, the one with most words in blocks of positive score wins (a
    /// long footer or teaser list loses to a product grid with its prices).
    /// `keep` is the stretch's kept positions, without repeats.
    fn list_content(&self, prepared: &Prepared<'_, '_>, scored: &[usize], keep: &[usize]) -> Vec<usize> {
        if prepared.prose >= self.list_prose || scored.is_empty() {
            return Vec::new();
        }
        let Some((best, best_words)) = self.best_list(prepared, scored) else {
            return Vec::new();
        };
        let kept_words: usize = keep.iter().map(|&position| prepared.feature(position).words()).sum();
        if best_words <= kept_words {
            return Vec::new();
        }
        let (first, last) = (scored[0], scored[scored.len() - 1]);
        let inside = first.max(best.start())..(last + 1).min(best.end());
        let mut listed: Vec<usize> = inside
            .clone()
            .filter(|&position| prepared.classes[position] != Class::Bad || prepared.is_scored[position])
            .collect();
        self.headline_zone(prepared, inside.start, &mut listed);
        listed
    }

    /// The list with enough words per record whose blocks of positive score hold most words, and its words.
    fn best_list(&self, prepared: &Prepared<'_, '_>, scored: &[usize]) -> Option<(Stretch, usize)> {
        let mut best: Option<(Stretch, usize)> = None;
        let mut best_liked: Option<usize> = None;
        let mut seen: FxHashSet<Range<usize>> = FxHashSet::default();
        for &position in scored {
            let Some(stretch) = prepared.lists.at(position) else {
                continue;
            };
            if !seen.insert(stretch.positions()) {
                continue;
            }
            let (mut words, mut liked) = (0, 0);
            for step in stretch.positions() {
                words += prepared.feature(step).words();
                // The list the block model likes best: menus and footers are lists too.
                if prepared.scores[step] > 0.0 {
                    liked += prepared.feature(step).words();
                }
            }
            if words as f64 / stretch.records() >= self.list_record_words && best_liked.is_none_or(|most| liked > most)
            {
                best = Some((stretch, words));
                best_liked = Some(liked);
            }
        }
        best
    }

    /// Where a comment thread begins below the text: the first of several stamped entries.
    ///
    /// Comments stamp each entry ("Alex on September 17, 2018 at 6:34 am said:",
    /// "2 days ago"). A thread counts when its stamps stand after some text of
    /// the article and at least two of them are separated by prose. Under a
    /// text whose own header carries a stamp (a forum's first post) that text
    /// must be long; under any other a short one will do.
    fn thread_start(&self, prepared: &Prepared<'_, '_>, text_start: usize) -> Option<usize> {
        let after = prepared.stamps.partition_point(|stamp| *stamp <= text_start);
        let stamps = &prepared.stamps[after..];
        let own_from = text_start.saturating_sub(OWN_STAMP_WINDOW);
        let own = after > prepared.stamps.partition_point(|stamp| *stamp < own_from);
        let needed = if own { THREAD_TEXT_WORDS } else { SHORT_THREAD_TEXT_WORDS };
        let mut text_words = 0;
        let mut previous = None;
        let mut seen = 0; // stamps passed so far: the next one is stamps[seen]
        for position in text_start..prepared.live.len() {
            if stamps.get(seen) == Some(&position) {
                seen += 1;
                let following = stamps.get(seen);
                if previous.is_some()
                    && text_words >= needed
                    && following.is_some_and(|following| following - position <= THREAD_GAP)
                    && (opens_comments(prepared, position)
                        || signed_thread(prepared, &self.phrases, &stamps[seen - 1..], text_words))
                {
                    return Some(position);
                }
                previous = Some(position);
            } else if prepared.feature(position).terminal {
                text_words += prepared.feature(position).words();
            }
        }
        None
    }

    /// The headline zone above a run: titles, labels, captions and bylines, past removed widgets.
    fn headline_zone(&self, prepared: &Prepared<'_, '_>, first: usize, zone: &mut Vec<usize>) {
        let mut seen = 0;
        for step in (0..first).rev() {
            if seen >= self.header_window {
                break;
            }
            let index = prepared.live[step];
            if !prepared.edits.is_kept(index) {
                continue; // share bars and other widgets often stand between a headline and its text
            }
            seen += 1;
            let feature = prepared.feature(step);
            if matches!(prepared.edits.role(index), Some(Role::Caption | Role::Byline)) {
                zone.push(step);
            } else if prepared.classes[step] == Class::Bad {
                continue;
            } else if feature.heading_like() || feature.words() <= LABEL_WORDS {
                zone.push(step);
            } else {
                break;
            }
        }
    }

    /// Bylines and captions just under a run.
    fn tail(&self, prepared: &Prepared<'_, '_>, last: usize, zone: &mut Vec<usize>) {
        let end = prepared.live.len().min(last + 1 + self.tail_window);
        zone.extend((last + 1..end).filter(|&position| {
            matches!(prepared.edits.role(prepared.live[position]), Some(Role::Byline | Role::Caption))
        }));
    }
}

/// Entries signed "Name says:" over their date, or "by Name writes:", follow one another closely below
/// a long text: readers' comments, whatever the language of the heading above them (or with none).
///
/// A live blog stamps its entries with bare times, a forum's "Name said:"
/// opens a quote rather than standing over a date, and a forum's first post
/// is short. A signature that opens with a byline marker ("by", "von") signs
/// an entry wherever its date stands, or with none.
fn signed_thread(prepared: &Prepared<'_, '_>, phrases: &Phrases, stamps: &[usize], text_words: usize) -> bool {
    if text_words < THREAD_TEXT_WORDS {
        return false;
    }
    let mut signed = 0;
    for pair in stamps.windows(2) {
        if pair[1] - pair[0] > THREAD_GAP {
            break;
        }
        // "Alex says:" right over its date, or "by Alex writes:": a comment's signature (a forum's "Alex
        // said:" opens a quote). The signature test comes first: it turns most stamps down at their last letter.
        let text = prepared.text(pair[0]);
        if is_signature(text) && (pair[1] == pair[0] + 1 || phrases.opens_with_byline(prepared.feature(pair[0]))) {
            signed += 1;
            if signed >= SIGNED_POSTS {
                return true;
            }
        }
    }
    false
}

/// A comments heading ("10 Comments", "Leave a reply") stands just above the first stamped entry.
///
/// On a forum the entries are the page; only a thread under its own heading
/// is the comments of an article.
fn opens_comments(prepared: &Prepared<'_, '_>, position: usize) -> bool {
    // A heading is a short line: the pattern never reads a paragraph (once per stamp below it).
    let above = position.saturating_sub(THREAD_HEADING_WINDOW)..position;
    above.into_iter().any(|other| is_comments_heading(prepared, other))
}

/// A short line that heads comments ("10 Comments", "Leave a reply").
fn is_comments_heading(prepared: &Prepared<'_, '_>, position: usize) -> bool {
    prepared.feature(position).words() <= COMMENTS_HEADING_WORDS && COMMENTS_HEADING.is_match(prepared.text(position))
}

/// A comment form below the text ("Leave a reply", "Post a comment"): the text ends there.
///
/// It counts only once more prose stands above it than below it, and only
/// when the page prints it once (a question-and-answer page has one under
/// every answer).
fn comment_form(prepared: &Prepared<'_, '_>, scored: &[usize], text_start: usize) -> Option<usize> {
    let end = scored[scored.len() - 1] + 1;
    let total: usize = (text_start..end).map(|position| prepared.feature(position).prose_words()).sum();
    let mut before = 0;
    for position in text_start..end {
        let feature = prepared.feature(position);
        before += feature.prose_words();
        // The cheap conditions first: the pattern runs on few lines.
        if feature.words() <= PRINTED_WORDS
            && prepared.printed.get(feature) == 1
            && before >= TEXT_BEFORE_END
            && total - before < before
            && CLOSING.is_match(prepared.text(position))
        {
            return Some(position);
        }
    }
    None
}

/// The judged positions split at page breaks (the story separator of scrapeclean's text form),
/// as ranges of `prepared.scored`.
fn segments(prepared: &Prepared<'_, '_>) -> Vec<Range<usize>> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut previous = 0;
    for (number, &position) in prepared.scored.iter().enumerate() {
        if number > start && prepared.hard_breaks[previous + 1..=position].iter().any(|hard| *hard) {
            segments.push(start..number);
            start = number;
        }
        previous = position;
    }
    if start < prepared.scored.len() {
        segments.push(start..prepared.scored.len());
    }
    segments
}

/// Where the page's headline repeats its `<title>` line (the first line), if it does.
///
/// The first line of a dump is often the page's `<title>`: the headline, a
/// separator and the site's name. Where a later headline-shaped line repeats
/// the side of the separator that is not the site's name (at least
/// `TITLE_PIECE_WORDS` words) and the text starts just under it, the
/// article starts there and what stands above is the header.
fn title_repeat(prepared: &Prepared<'_, '_>) -> Option<usize> {
    if prepared.live[0] != 0 || !prepared.feature(0).heading_like() {
        return None;
    }
    let keys = title_keys(prepared.text(0), TITLE_PIECE_WORDS);
    if keys.is_empty() {
        return None;
    }
    (1..prepared.live.len())
        .find(|&position| prepared.feature(position).heading_like() && keys.contains(prepared.feature(position).key()))
}

/// Whether kept prose starts within a few lines under `headline` (past its byline, date and caption).
fn text_under(prepared: &Prepared<'_, '_>, keep: &[bool], headline: usize) -> bool {
    let end = prepared.live.len().min(headline + 1 + UNDER_HEADLINE);
    (headline + 1..end).any(|position| keep[position] && prepared.feature(position).prose_words() > 0)
}

/// Kept teaser records below the text that each carry a byline ("headline / By Reuters / date").
///
/// A story has one byline. Where `SIGNED_RECORDS` or more kept bylines
/// follow one another below a signed text with no sentence between them
/// (fewer than `RECORD_PROSE` words of prose each), they sign the records of a
/// list of other stories: the lines from the headline above the first to
/// the date under the last go. Several stories in one dump keep theirs:
/// each byline there has its story's prose under it; and a listing of
/// signed records under an unsigned intro is the page's content.
fn signed_teasers(prepared: &Prepared<'_, '_>, keep: &[bool]) -> Option<Range<usize>> {
    let mut group: Vec<usize> = Vec::new();
    let mut prose = 0;
    let mut signed = false; // a byline so far had its text under it: a listing's records never do
    let mut seen = false;
    for position in (0..keep.len()).filter(|&position| keep[position]) {
        if prepared.edits.role(prepared.live[position]) == Some(Role::Byline) {
            if seen && prose >= RECORD_PROSE {
                if group.len() >= SIGNED_RECORDS {
                    break;
                }
                signed = true;
                group = vec![position];
            } else if signed {
                group.push(position);
            }
            seen = true;
            prose = 0;
        } else {
            prose += prepared.feature(position).prose_words();
        }
    }
    if group.len() < SIGNED_RECORDS {
        return None;
    }
    Some(group[0].saturating_sub(1)..(group[group.len() - 1] + RECORD_TAIL + 1).min(keep.len()))
}

#[cfg(test)]
mod tests {
    use crate::model::Document;
    use crate::passes::chrome::page::Page;
    use crate::passes::chrome::RemoveSiteChrome;
    use crate::settings::Settings;

    use crate::passes::chrome::reasons;
    use crate::passes::chrome::SEAL_PARAGRAPHS as PARAGRAPHS;

    #[test]
    fn a_comment_thread_under_the_text_is_cut() {
        let mut lines = vec!["Harbour seals return to the estuary after forty years".to_string()];
        lines.extend(PARAGRAPHS.iter().map(|paragraph| paragraph.to_string()));
        lines.push("4 Comments".to_string());
        for (name, day) in [("Milan", 12), ("Catherine", 13), ("Alex", 17), ("Gary", 19)] {
            lines.push(format!("{name} on September {day}, 2018 at 4:47 pm said:"));
            lines.push(format!("Good to read, thanks {name}."));
        }
        let decisions = reasons(&lines.join("\n\n"));
        assert!(decisions[1..4].iter().all(|(_, reason)| reason == "kept"));
        assert!(decisions[7..].iter().all(|(_, reason)| reason == "comment-thread"));
    }

    #[test]
    fn signed_comments_without_a_heading_are_cut() {
        let mut lines = vec!["Harbour seals return to the estuary after forty years".to_string()];
        for _ in 0..3 {
            lines.extend(PARAGRAPHS.iter().map(|paragraph| paragraph.to_string()));
            // a long text: 150 words and more
        }
        lines.push("Komentáře čtenářů".to_string());
        for (name, day) in [("Milan", 12), ("Catherine", 13), ("Alex", 17), ("Gary", 19), ("Ann", 20), ("Lee", 21)] {
            lines.push(format!("{name} says:"));
            lines.push(format!("September {day}, 2018 at 4:47 pm"));
            lines.push(format!("Good to read, thanks {name}."));
        }
        let decisions = reasons(&lines.join("\n\n"));
        assert!(decisions[1..10].iter().all(|(_, reason)| reason == "kept"));
        assert!(decisions[11..].iter().all(|(_, reason)| reason != "kept"));
        assert!(decisions[12..].iter().all(|(_, reason)| reason == "comment-thread"), "{decisions:?}");
    }

    #[test]
    fn comments_signed_by_a_byline_are_cut_wherever_their_date_stands() {
        let mut lines = vec!["Harbour seals return to the estuary after forty years".to_string()];
        for _ in 0..3 {
            lines.extend(PARAGRAPHS.iter().map(|paragraph| paragraph.to_string()));
        }
        let names = [
            ("Milan", 1204),
            ("Catherine", 88),
            ("Alex", 31337),
            ("Gary", 7),
            ("Ann", 542),
            ("Lee", 9001),
            ("Ruth", 66),
            ("Omar", 4096),
        ];
        for (name, id) in names {
            lines.push(format!("Re: Seals are back (Score: {})", id % 5));
            lines.push(format!("by {name} ( {id} ) writes:"));
            lines.push(format!("Good to read about the seals, thanks {name}."));
        }
        let decisions = reasons(&lines.join("\n\n"));
        assert!(decisions[1..10].iter().all(|(_, reason)| reason == "kept"));
        assert!(decisions[11..].iter().all(|(_, reason)| reason != "kept"), "{decisions:?}");
        // Without the byline marker, "Name writes:" with no date under it may open a quote in a forum's post.
        let unsigned: Vec<String> = lines.iter().map(|line| line.replacen("by ", "", 1)).collect();
        let decisions = reasons(&unsigned.join("\n\n"));
        assert!(decisions[11..].iter().all(|(_, reason)| reason != "comment-thread"), "{decisions:?}");
    }

    #[test]
    fn comments_headings_in_more_languages() {
        for heading in ["4 Comments", "12 komentářů", "Komentarze (3)", "7 reacties", "댓글 5", "Yorumlar", "تعليقات"]
        {
            assert!(super::COMMENTS_HEADING.is_match(heading), "{heading}");
        }
        assert!(super::COMMENTS_HEADING.is_match("124 Reader Comments"));
        assert!(!super::COMMENTS_HEADING.is_match("Comments on the new bridge plan were mixed"));
    }

    #[test]
    fn comment_forms_in_more_languages() {
        for form in [
            "Tinggalkan Balasan",
            "Zostaw komentarz",
            "Laat een reactie achter",
            "اترك تعليقاً",
            "댓글 남기기",
            "Notify of",
            "Notify of:",
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "Save my name, email, and website in this browser for the next time I comment.",
        ] {
            assert!(super::CLOSING.is_match(form), "{form}");
        }
        assert!(!super::CLOSING.is_match("The council will leave a comment period open"));
        assert!(!super::CLOSING.is_match("Notify of changes to the schedule by email"));
    }

    #[test]
    fn a_comment_form_ends_the_text() {
        let form = [
            "Leave a Reply Cancel reply",
            "Your email address will not be published. Required fields are marked with a star below.",
            "By submitting this form you agree to our using your data for the purposes of publishing your comment.",
        ];
        let raw = format!("{}\n\n{}", PARAGRAPHS.join("\n\n"), form.join("\n\n"));
        let decisions = reasons(&raw);
        assert!(decisions[..3].iter().all(|(_, reason)| reason == "kept"));
        assert!(decisions[3..].iter().all(|(_, reason)| reason != "kept"));
        assert_eq!(decisions[5].1, "comment-thread");
    }

    /// The lines `signed_teasers` takes when every block is kept.
    fn signed(raw: &str) -> Vec<String> {
        let document = Document::new(raw);
        let chrome = RemoveSiteChrome::new(&Settings::default());
        let prepared = chrome.prepare(&document).expect("a document with blocks");
        let everything = vec![true; prepared.live.len()];
        super::signed_teasers(&prepared, &everything)
            .map(|range| range.map(|position| prepared.text(position).to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn teaser_records_signed_with_bylines_below_a_signed_text_go() {
        let title = "Harbour seals return to the estuary after forty years";
        let body = PARAGRAPHS.join("\n");
        let headlines = ["Ferry fares to rise in spring", "Council approves cycle lanes", "Storm closes coast road"];
        let records: Vec<String> = headlines
            .iter()
            .enumerate()
            .flat_map(|(number, headline)| {
                [headline.to_string(), "By Reuters".into(), format!("11/2{number}/2019 01:14 PM")]
            })
            .collect();
        let dropped = signed(&format!("{title}\nBy Ana Ruiz\n{body}\n{}", records.join("\n")));
        assert!(headlines.iter().all(|headline| dropped.iter().any(|line| line == headline)));
        assert!(dropped.iter().any(|line| line == "11/22/2019 01:14 PM"));
        assert!(!dropped.iter().any(|line| line == title || PARAGRAPHS.contains(&line.as_str())));
        // Stories with their prose under each byline are no teaser records.
        let stories: Vec<String> = headlines.iter().map(|headline| format!("{headline}\nBy Reuters\n{body}")).collect();
        assert!(signed(&format!("{title}\nBy Ana Ruiz\n{body}\n{}", stories.join("\n"))).is_empty());
        // Signed records under an unsigned intro are a listing's content.
        assert!(signed(&format!("{title}\n{body}\n{}", records.join("\n"))).is_empty());
    }

    fn listing(records: usize) -> String {
        let mut rows = Vec::new();
        for number in 0..records {
            rows.push(format!("Trail {number} along the Cypress Creek and back"));
            rows.push(format!("{}.4 mi 15.2 km 49 ft up", number % 9 + 1));
            rows.push("Spring, Texas, United States".to_string());
            rows.push("A flat loop under the pines, quiet in every season.".to_string());
            rows.push(String::new());
        }
        format!("Home\nShop\nBrands\nDeals\nSign in\n\n{}\nAbout us\nCareers\nPrivacy\nTerms", rows.join("\n"))
    }

    #[test]
    fn a_menu_of_one_word_items_is_not_a_list_of_records() {
        let menu = ["Books", "Music", "Games", "Garden", "Toys", "Tools", "Sports", "Travel"].repeat(2).join("\n");
        let document = Document::new(&menu);
        let chrome = RemoveSiteChrome::new(&Settings::default());
        let prepared = chrome.prepare(&document).expect("a document with blocks");
        assert!(chrome.list_content(&prepared, &prepared.scored, &[]).is_empty());
    }

    #[test]
    fn of_several_lists_of_records_the_one_the_block_model_likes_is_kept() {
        let links: Vec<String> = ["red", "blue", "green", "grey"]
            .repeat(10)
            .iter()
            .map(|name| format!("Shop the {name} range of the season now"))
            .collect();
        let raw = format!("{}\n\n{}", listing(6), links.join("\n"));
        let document = Document::new(&raw);
        let chrome = RemoveSiteChrome::new(&Settings::default());
        let mut prepared = chrome.prepare(&document).expect("a document with blocks");
        let group = |prefix: &str| -> Vec<usize> {
            (0..prepared.live.len()).filter(|&position| prepared.text(position).starts_with(prefix)).collect()
        };
        let (trails, shop) = (group("Trail "), group("Shop the "));
        let words =
            |positions: &[usize]| positions.iter().map(|&position| prepared.feature(position).words()).sum::<usize>();
        assert!(words(&shop) > words(&trails)); // the larger list by words ...
        for &position in &shop {
            prepared.scores[position] = -1.0;
        }
        for &position in &trails {
            prepared.scores[position] = 1.0;
        }
        let scored = prepared.scored.clone();
        let chosen = chrome.list_content(&prepared, &scored, &[]);
        // ... loses to the list the model scores as text.
        assert!(trails.iter().all(|position| chosen.contains(position)));
        assert!(!shop.iter().any(|position| chosen.contains(position)));
    }
}
