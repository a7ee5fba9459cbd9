//! Evidence from phrases and structure: lines the phrase lists name (menus, share
//! bars, related-content markers, author boxes, byline markers) and cookie notices.

use std::sync::LazyLock;

use regex::Regex;

use crate::cues::before_ellipsis;
use crate::features::{Features, KeyCounts};
use crate::model::{Edits, Role};
use crate::phrases::{phrase_set, PhraseSet};
use crate::reasons::{AUTHOR_BIO, BYLINE_MARKER, CONSENT_NOTICE, RELATED, UI_PHRASE, WIDGET};

use super::classes::{LABEL_WORDS, REPEATED_LABEL};
use super::page::{Live, Page};
use super::teasers::rstrip;

/// Cookie banners and consent dialogs: a line naming cookies and the site, consent or privacy
/// (en, de, fr, es, pt, it, ru). An article on baking names cookies too, but none of these.
static COOKIE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:cookies?|куки)\b").unwrap());
static CONSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:websites?|site|browser|browsing|consent|privacy|necessary|essential|analytics|third[- ]party|",
        r"opt[- ]out|accept|preferences|settings|policy|tracking|verwendet|verwenden|nutzen|einwilligung|",
        r"datenschutz|utilise|utilisons|consentement|utiliza|utilizamos|usamos|consentimiento|privacidad|",
        r"privacidade|aceitar|aceptar|accepter|akzeptieren|utilizza|utilizziamo|consenso|accetta|",
        r"сайт|согласие|конфиденциальности|принять)\b",
    ))
    .unwrap()
});
const CONSENT_WORDS: usize = 150;
/// What any case of "cookie" or "куки" holds: most lines run no regular expression.
const COOKIE_MARKS: [&str; 4] = ["ook", "OOK", "ук", "УК"];
/// Lines longer than this are no phrase-list lines.
const PHRASE_LINE_WORDS: usize = 12;
const BYLINE_MARKER_WORDS: usize = 3;
const BIO_WORDS: usize = 120;
/// An author box's name line (a name and a title, no sentence) has at most this many words.
const BIO_NAME_WORDS: usize = 24;
/// A line this long under an author box's marker is its paragraph even with no sentence end.
const BIO_CUT_WORDS: usize = 20;
/// Teasers after an end marker are short; a paragraph this long is text again.
const TEASER_WORDS: usize = 30;
/// A trailing-section marker ("Related", "Newsletter") closes a text only once
/// this much prose has been read; in a page's header the same words are menu links.
pub const TEXT_BEFORE_END: usize = 60;
const BYLINE_NAME_WORDS: usize = 6;
const BYLINE_CAPITALISED: f64 = 0.5;
/// An end marker opens its section with a phrase of this many words at most.
const END_PHRASE_WORDS: usize = 4;

/// A cookie banner's line: it names cookies and what a banner speaks of (the site, consent, privacy).
fn is_consent_notice(text: &str, feature: &Features) -> bool {
    if feature.words() > CONSENT_WORDS || !COOKIE_MARKS.iter().any(|mark| text.contains(mark)) {
        return false;
    }
    COOKIE.is_match(text) && CONSENT.is_match(text)
}

/// Networks and channels a share or follow bar names ("Facebook X LinkedIn Email Copy Link"), in any language.
const SHARE_CHANNELS: [&str; 30] = [
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "pinterest",
    "whatsapp",
    "telegram",
    "reddit",
    "email",
    "mail",
    "bluesky",
    "mastodon",
    "threads",
    "tumblr",
    "flipboard",
    "pocket",
    "messenger",
    "sms",
    "instagram",
    "youtube",
    "vimeo",
    "tiktok",
    "xing",
    "vk",
    "weibo",
    "wechat",
    "line",
    "print",
    "clipboard",
    "rss",
];
/// The words around the channels in an English share bar ("Share this page via Email", "Click to share on X
/// (Opens in new window)").
const SHARE_GLUE: [&str; 18] = [
    "share", "on", "to", "this", "page", "via", "copy", "link", "url", "click", "opens", "in", "new", "window",
    "tweet", "pin", "it", "flip",
];
/// Distinct channels a share bar names at least, and the share of its words they make up (or, with the words
/// around them, `SHARE_BAR_GLUED`).
const SHARE_BAR_CHANNELS: usize = 3;
const SHARE_BAR_SHARE: f64 = 0.4;
const SHARE_BAR_GLUED: f64 = 0.9;
const SHARE_BAR_WORDS: usize = 40;

/// A share or follow bar printed as one line: three channels or more, making up much of a line with no sentence
/// end ("Share this page to Facebook Share this page to X Share this page via Email Copy this page to clipboard").
fn is_share_bar(text: &str, feature: &Features) -> bool {
    if feature.terminal || feature.words() > SHARE_BAR_WORDS || feature.words() < SHARE_BAR_CHANNELS {
        return false;
    }
    let mut named = [false; SHARE_CHANNELS.len()];
    let (mut words, mut channel_words, mut glue_words) = (0, 0, 0);
    // "E-mail" is one channel: its "E" is no word of its own
    let split =
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty() && !word.eq_ignore_ascii_case("e"));
    for word in split {
        words += 1;
        if let Some(found) = SHARE_CHANNELS.iter().position(|channel| channel.eq_ignore_ascii_case(word)) {
            named[found] = true;
            channel_words += 1;
        } else if SHARE_GLUE.iter().any(|glue| glue.eq_ignore_ascii_case(word)) {
            glue_words += 1;
        }
    }
    let distinct = named.iter().filter(|named| **named).count();
    distinct >= SHARE_BAR_CHANNELS
        && (channel_words as f64 >= SHARE_BAR_SHARE * words as f64
            || (channel_words + glue_words) as f64 >= SHARE_BAR_GLUED * words as f64)
}

/// A line of TeX source a page prints as a formula's alternative text ("{\\displaystyle x^{2}}"):
/// the formula itself is rendered beside it, so the source line is markup, in any language.
fn is_formula_source(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.starts_with("{\\") && trimmed.ends_with('}')
}

/// The live blocks as the explicit pass reads them (by position).
pub struct Blocks<'p, 'a> {
    /// Block indices of the live blocks.
    pub live: &'p [usize],
    /// Their texts, features and gaps.
    pub page: &'p Live<'p, 'a>,
    /// Each block's role before this pass.
    pub roles: &'p [Option<Role>],
}

/// The phrase sets the explicit pass matches, for the configured languages.
pub struct Phrases {
    ui: &'static PhraseSet,
    end: &'static PhraseSet,
    bio: &'static PhraseSet,
    byline: &'static PhraseSet,
}

impl Phrases {
    pub fn new(languages: &[String]) -> Self {
        Phrases {
            ui: phrase_set("ui", languages),
            end: phrase_set("end", languages),
            bio: phrase_set("bio", languages),
            byline: phrase_set("byline", languages),
        }
    }

    /// Whether a line opens with a byline marker and names someone after it ("by Alex ( 1234 ) writes:").
    pub fn opens_with_byline(&self, feature: &Features) -> bool {
        [1, 2]
            .into_iter()
            .any(|size| feature.words() > size && self.byline.exact.contains(key_head(&feature.key, size)))
    }
}

/// Remove lines the phrase lists name; the positions removed here are marked in the result.
pub fn explicit_chrome(
    blocks: &Blocks<'_, '_>,
    phrases: &Phrases,
    edits: &mut Edits<'_, '_>,
    printed: &KeyCounts,
) -> Vec<bool> {
    let count = blocks.live.len();
    let mut removed = vec![false; count];
    let mut prose_words = 0; // words of sentence-shaped blocks so far: text comes before its trailing sections
    for position in 0..count {
        let (index, text, feature) = (blocks.live[position], blocks.page.text(position), blocks.page.feature(position));
        if is_formula_source(text) {
            removed[position] = true;
            edits.remove(index, WIDGET, "formula source (TeX alternative text)");
            continue;
        }
        if is_consent_notice(text, feature) {
            removed[position] = true;
            edits.remove(index, CONSENT_NOTICE, "cookie or consent notice");
            continue;
        }
        if is_share_bar(text, feature) {
            removed[position] = true;
            edits.remove(index, UI_PHRASE, "share or follow bar");
            continue;
        }
        prose_words += feature.prose_words();
        if blocks.roles[position] == Some(Role::Caption) || feature.words() > PHRASE_LINE_WORDS {
            continue;
        }
        let key = feature.key();
        if phrases.byline.matches(key, true) && feature.words() <= BYLINE_MARKER_WORDS {
            removed[position] = true;
            edits.remove(index, BYLINE_MARKER, "marks the byline");
            byline_beside(blocks, position, edits);
            if phrases.bio.matches(key, true) {
                bio_after(blocks, position, edits, &mut removed, false);
            }
        } else if phrases.bio.matches(key, true) {
            removed[position] = true;
            edits.remove(index, AUTHOR_BIO, "opens an author box");
            bio_after(blocks, position, edits, &mut removed, prose_words >= TEXT_BEFORE_END);
        } else if opens_trailing_section(text, feature, phrases.end, printed) && prose_words >= TEXT_BEFORE_END {
            removed[position] = true;
            edits.remove(index, RELATED, "opens a related-content section");
            teasers_after(blocks, position, edits, &mut removed);
        } else if phrases.ui.matches(key, !feature.terminal) {
            removed[position] = true;
            edits.remove(index, UI_PHRASE, "navigation or widget text");
        } else {
            byline_inline(blocks.live[position], feature, phrases.byline, edits);
        }
    }
    removed
}

/// An end marker ("You may also like:"), unless the page prints it under every entry
/// ("Add a comment" under each answer): then it is the entries' widget.
fn opens_trailing_section(text: &str, feature: &Features, end: &PhraseSet, printed: &KeyCounts) -> bool {
    let key = feature.key();
    let marker = end.matches(key, true) || (rstrip(text).ends_with(':') && end.opens(key, END_PHRASE_WORDS));
    let repeated = feature.words() <= LABEL_WORDS && printed.get(feature) >= REPEATED_LABEL;
    marker && !repeated
}

/// A line "By Jane Doe": marker then a short capitalised name.
fn byline_inline(index: usize, feature: &Features, byline: &PhraseSet, edits: &mut Edits<'_, '_>) {
    for size in [1, 2] {
        let rest = feature.words() as i64 - size as i64;
        if byline.exact.contains(key_head(&feature.key, size))
            && (1..=BYLINE_NAME_WORDS as i64).contains(&rest)
            && !feature.terminal
            && feature.capitalised >= BYLINE_CAPITALISED
        {
            edits.set_role(index, Some(Role::Byline), None);
            return;
        }
    }
}

/// The first `size` words of a key (a key's words are joined by single spaces).
fn key_head(key: &str, size: usize) -> &str {
    match key.match_indices(' ').nth(size - 1) {
        Some((at, _)) => &key[..at],
        None => key,
    }
}

/// The name next to a lone marker ("AFP" above "Written By", or below "By").
fn byline_beside(blocks: &Blocks<'_, '_>, position: usize, edits: &mut Edits<'_, '_>) {
    let above = (position > 0 && blocks.page.gap(position) == 0).then(|| position - 1);
    let below = (position + 1 < blocks.live.len()).then_some(position + 1);
    for candidate in [above, below].into_iter().flatten() {
        let feature = blocks.page.feature(candidate);
        let index = blocks.live[candidate];
        if feature.letters
            && (1..=BYLINE_NAME_WORDS).contains(&feature.words())
            && !feature.terminal
            && edits.is_kept(index)
            && blocks.roles[candidate].is_none()
        {
            edits.set_role(index, Some(Role::Byline), None);
            return;
        }
    }
}

/// The paragraph of an author or agency box after its marker, and the bylines above it.
///
/// Below the text (`below_text`), where a box follows the article, its name
/// line may be a short line with no sentence end ("Maureen Salamon, Executive
/// Editor, Harvard Women's Health Watch"), and its paragraph may be cut short
/// ("… See Full Bio"); above the text the same marker ("About us" in a menu) is
/// trusted with a byline and a whole paragraph only.
fn bio_after(
    blocks: &Blocks<'_, '_>,
    position: usize,
    edits: &mut Edits<'_, '_>,
    removed: &mut [bool],
    below_text: bool,
) {
    let mut step = position + 1;
    while step < blocks.live.len() && blocks.roles[step] == Some(Role::Byline) {
        step += 1;
    }
    let named = below_text
        && step + 1 < blocks.live.len()
        && step == position + 1
        && !blocks.page.feature(step).terminal
        && blocks.page.feature(step).words() <= BIO_NAME_WORDS
        && blocks.roles[step].is_none();
    let paragraph = if named { step + 1 } else { step };
    let feature = (paragraph < blocks.live.len()).then(|| blocks.page.feature(paragraph));
    // A box may cut its paragraph short ("… See Full Bio"): a long line is a paragraph however it ends.
    if feature.is_some_and(|feature| {
        (feature.terminal || (below_text && feature.words() >= BIO_CUT_WORDS)) && feature.words() <= BIO_WORDS
    }) {
        let detail = format!("author box opened by block {}", blocks.live[position]);
        for (box_line, removed) in removed.iter_mut().enumerate().take(paragraph + 1).skip(step) {
            edits.remove(blocks.live[box_line], AUTHOR_BIO, detail.clone());
            *removed = true;
        }
    }
}

/// Label and headline lines of a related-content list, up to the next real paragraph.
fn teasers_after(blocks: &Blocks<'_, '_>, position: usize, edits: &mut Edits<'_, '_>, removed: &mut [bool]) {
    let opener = blocks.live[position];
    let mut previous_label = true;
    for (step, removed) in removed.iter_mut().enumerate().skip(position + 1) {
        let feature = blocks.page.feature(step);
        let text = blocks.page.text(step);
        let truncated = before_ellipsis(text).is_some();
        let is_label = feature.words() <= LABEL_WORDS;
        let short = feature.words() < TEASER_WORDS && (previous_label || !feature.terminal);
        if !(is_label || truncated || short) {
            break;
        }
        if blocks.roles[step] != Some(Role::Caption) {
            edits.remove(blocks.live[step], RELATED, format!("teaser list opened by block {opener}"));
            *removed = true;
        }
        previous_label = is_label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::chrome::{reasons, SEAL_PARAGRAPHS};

    const NAME_LINE: &str = "Ada Brook, Science Editor, The Coastal Review; Contributor";
    const CUT_BIO: &str = "Ada Brook is the science editor of The Coastal Review. She has written about estuaries, \
                           seals and the people who count them for twenty years … See Full Bio";

    #[test]
    fn an_author_box_below_the_text_goes_with_its_name_line_and_cut_paragraph() {
        let raw = format!("{}\n\nAbout the Author\n\n{NAME_LINE}\n\n{CUT_BIO}", SEAL_PARAGRAPHS.join("\n\n"));
        let decisions = reasons(&raw);
        let last = decisions.len() - 1;
        assert!(decisions[..last - 2].iter().all(|(_, reason)| reason == "kept"), "{decisions:?}");
        assert!(decisions[last - 2..].iter().all(|(_, reason)| reason == "author-bio"), "{decisions:?}");
    }

    #[test]
    fn above_the_text_the_same_marker_takes_no_name_line() {
        // "About the author" in a menu: the line under it is no name line, and the text stays.
        let raw = format!("About the Author\n\n{NAME_LINE}\n\n{CUT_BIO}\n\n{}", SEAL_PARAGRAPHS.join("\n\n"));
        let decisions = reasons(&raw);
        assert_eq!(decisions[0].1, "author-bio");
        assert!(decisions[1..].iter().all(|(_, reason)| reason != "author-bio"), "{decisions:?}");
    }

    #[test]
    fn share_bars_printed_as_one_line() {
        for bar in [
            "Facebook X LinkedIn Email Copy Link",
            "Share this page to Facebook Share this page to X Share this page via Email Copy this page to clipboard",
            "Print Facebook X Email More Options WhatsApp LinkedIn Reddit Pinterest Copy Link",
            "E-Mail Subscriptions Volunteer Newsletter Facebook Twitter Instagram Pinterest YouTube Vimeo",
        ] {
            assert!(is_share_bar(bar, &crate::features::features(bar, crate::language::stopwords("en"))), "{bar}");
        }
        for line in [
            "Facebook, X and LinkedIn all changed their feeds this year.",
            "Facebook Share on Facebook",
            "The council will email residents and post notices on Facebook, X and its website before the vote",
        ] {
            assert!(!is_share_bar(line, &crate::features::features(line, crate::language::stopwords("en"))), "{line}");
        }
    }

    #[test]
    fn formula_source_lines() {
        assert!(is_formula_source("  {\\displaystyle E=mc^{2}} "));
        assert!(!is_formula_source("The energy {\\displaystyle E} of a body at rest."));
        assert!(!is_formula_source("{braces} in prose"));
    }

    #[test]
    fn phrase_lists_of_more_languages() {
        let languages = crate::phrases::all_languages();
        let phrases = Phrases::new(&languages);
        for line in [
            "sdílet",
            "udostępnij",
            "lees ook",
            "läs också",
            "paylaş",
            "اقرأ أيضا",
            "관련기사",
            "baca juga",
            "tin liên quan",
        ] {
            let key = crate::text::key(line);
            assert!(phrases.ui.matches(&key, true) || phrases.end.matches(&key, true), "{line}");
        }
    }

    #[test]
    fn toggles_with_a_count_are_widget_text() {
        let phrases = Phrases::new(&["en".to_string()]);
        for line in ["Show 2 More ▼", "Show 12 less ▲", "Load 5 more", "See 3 more", "Show less"] {
            assert!(phrases.ui.matches(&crate::text::key(line), true), "{line}");
        }
        assert!(!phrases.ui.matches(&crate::text::key("Show 2 more seals on the sandbank"), true));
        // A comment count is widget text, whatever its length; only a one-digit count ends the text.
        assert!(phrases.ui.matches(&crate::text::key("31 comments"), true));
        assert!(phrases.end.matches(&crate::text::key("3 comments"), true));
        assert!(!phrases.end.matches(&crate::text::key("31 comments"), true));
    }
}
