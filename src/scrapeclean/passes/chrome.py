"""Remove site chrome: menus, widgets, share bars, related-content lists, bio boxes, notices.

Five kinds of evidence, general rather than per site:

* phrase lists per language (``data/phrases``): whole-line UI text ("Connect
  with us", "Share on Facebook"), markers that open a trailing section of
  related links or comments ("You may also like:"), byline and bio markers;
* the shape of blocks, as jusText classifies them: length, stopword density,
  sentence punctuation, widgets with no words (``TT``, ``20``, ``-``), short
  lines the page repeats (section labels of teaser lists);
* position: the article is the densest run of prose (:mod:`scrapeclean.regions`);
  what lies outside every strong run is boilerplate, except the headline zone
  just above a run (title, section, byline, dateline, captions), which is kept
  for :class:`~scrapeclean.passes.roles.AssignRoles` to label;
* lists of records of one repeated shape (listings, product grids): on a page
  with little prose, the one the block model likes best is its main text;
* threads of stamped posts (:mod:`scrapeclean.threads`): on a forum every post
  is text and the repeated metadata is not; below an article, under a
  comments heading, the thread is the comments.

Needs nothing from earlier passes; blocks already removed are ignored and
caption blocks are kept where they stand next to the text.

>>> from scrapeclean.segment import segment
>>> prose = "It was a long day in the city, and the people of the town were tired of it. " * 3
>>> doc = RemoveSiteChrome()(segment("Home\\n\\n" + prose + "\\n\\nShare on Facebook\\nOur team\\nContact us"))
>>> [(b.text[:12], b.removal.reason if b.removal else "kept") for b in doc.blocks]
[('Home', 'ui-phrase'), ('It was a lon', 'kept'), ('Share on Fac', 'ui-phrase'), ('Our team', 'boilerplate'), ('Contact us', 'ui-phrase')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import regex
from attrs import Factory, define, field, frozen

from ..engine import run_builtin
from ..features import Features, analyse
from ..fingerprint import title_keys
from ..model import Block, Document, Edits, Role
from ..phrases import PHRASE_LANGUAGES, check_languages, phrase_set
from ..regions import Stretch, dense_runs
from ..threads import is_stamp, thread_posts
from ._settings import at_least
from .teasers import TEASER_LIST, headline_runs

if TYPE_CHECKING:
    import numpy as np

UI_PHRASE = "ui-phrase"
WIDGET = "widget"
RELATED = "related-content"
AUTHOR_BIO = "author-bio"
BYLINE_MARKER = "byline-marker"
BOILERPLATE = "boilerplate"
COMMENT_THREAD = "comment-thread"
CONSENT_NOTICE = "consent-notice"

GOOD, NEAR, SHORT, LABEL, BAD = "good", "near-good", "short", "repeated-label", "bad"

# A label repeated this often in one dump is navigation or a teaser-list
# label ("World", "Business" in seed 000's "You may also like" list).
_REPEATED_LABEL = 3
_LABEL_WORDS = 4
# Teasers after an end marker are short; a paragraph this long is text again.
_TEASER_WORDS = 30
_BIO_WORDS = 120
_COMMENTS_HEADING = regex.compile(
    r"\b\d+\s+(?:comments?|responses?|replies|thoughts|kommentare|commentaires?|comentarios?|comentários?)\b|"
    r"^\W*(?:comments?|leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion)|"
    r"kommentare|commentaires|comentarios|comentários)\W*$",
    regex.IGNORECASE,
)
# A comment form: the article is over where it stands.
_CLOSING = regex.compile(
    r"^\W*(?:leave a (?:reply|comment)|post a comment|kommentar schreiben|"
    r"laisser un commentaire|deja un comentario|deixe um comentário|deixe uma resposta)\b",
    regex.IGNORECASE,
)
_CLOSING_WORDS = 6
# Comment threads: entries stamped with a date or time and "said"/"says" (see threads.py).
# Cookie banners and consent dialogs: a line naming cookies and the site, consent or privacy
# (en, de, fr, es, pt, it, ru). An article on baking names cookies too, but none of these.
_COOKIE = regex.compile(r"\b(?:cookies?|куки)\b", regex.IGNORECASE)
_CONSENT = regex.compile(
    r"\b(?:websites?|site|browser|browsing|consent|privacy|necessary|essential|analytics|third[- ]party|"
    r"opt[- ]out|accept|preferences|settings|policy|tracking|verwendet|verwenden|nutzen|einwilligung|"
    r"datenschutz|utilise|utilisons|consentement|utiliza|utilizamos|usamos|consentimiento|privacidad|"
    r"privacidade|aceitar|aceptar|accepter|akzeptieren|utilizza|utilizziamo|consenso|accetta|"
    r"сайт|согласие|конфиденциальности|принять)\b",
    regex.IGNORECASE,
)
_CONSENT_WORDS = 150
_COOKIE_MARKS = ("ook", "OOK", "ук", "УК")  # what any case of "cookie" or "куки" holds
# Teaser records signed with bylines below the text (see _signed_teasers).
_SIGNED_RECORDS = 3
_RECORD_PROSE = 12  # a record has no sentence of its own: a listing's records carry a summary
_RECORD_TAIL = 2
_THREAD_HEADING_WINDOW = 8
# A side of the <title> line's separator this long can be the headline (shorter: the site's name).
_TITLE_PIECE_WORDS = 3
_UNDER_HEADLINE = 8
_THREAD_TEXT_WORDS = 150
# ... or 40 where the text's own header carries no stamp (a forum's first post has one).
_SHORT_THREAD_TEXT_WORDS = 40
_OWN_STAMP_WINDOW = 3
_THREAD_GAP = 25
# A trailing-section marker ("Related", "Newsletter") closes a text only once
# this much prose has been read; in a page's header the same words are menu links.
_TEXT_BEFORE_END = 60
_BYLINE_NAME_WORDS = 6


@frozen
class RemoveSiteChrome:
    """Remove navigation, widgets and related-content chrome; keep the densest runs of prose."""

    name: ClassVar[str] = "remove-site-chrome"

    phrase_languages: tuple[str, ...] = field(default=PHRASE_LANGUAGES, converter=check_languages)
    length_low: int = field(default=70, validator=at_least(0, "remove-site-chrome"))
    length_high: int = field(default=200, validator=at_least(0, "remove-site-chrome"))
    stopwords_low: float = field(default=0.30, validator=at_least(0, "remove-site-chrome"))
    stopwords_high: float = field(default=0.32, validator=at_least(0, "remove-site-chrome"))
    min_run_score: float = field(default=30.0, validator=at_least(0, "remove-site-chrome"))
    relative_run: float = field(default=0.0, validator=at_least(0, "remove-site-chrome"))
    header_window: int = field(default=8, validator=at_least(0, "remove-site-chrome"))
    tail_window: int = field(default=4, validator=at_least(0, "remove-site-chrome"))

    cut_threads: bool = True
    use_model: bool = True
    model_threshold: float = field(default=0.40, validator=at_least(0, "remove-site-chrome"))
    list_prose: float = field(default=0.5, validator=at_least(0, "remove-site-chrome"))
    list_record_words: float = field(default=4.0, validator=at_least(0, "remove-site-chrome"))

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))

    def reference(self, document: Document) -> Document:
        """The Python implementation the engine's pass is checked against (benchmarks/differential.py)."""
        prepared = self.prepare(document)
        if prepared is None:
            return document
        live, feats, classes, edits = prepared.live, prepared.feats, prepared.classes, prepared.edits
        keep = self._main_text(prepared)
        teasers = self._teaser_lists(prepared, keep)
        for position, block in enumerate(live):
            if classes[position] == BAD and _is_widget(feats[position]) and edits.role(block.index) is None:
                edits.remove(block.index, WIDGET, "counter, toggle or separator")
            elif position in teasers and edits.is_kept(block.index):
                edits.remove(block.index, TEASER_LIST, "a run of headlines with no text under them")
            elif position not in keep and edits.is_kept(block.index):
                if position in prepared.thread:
                    edits.remove(block.index, COMMENT_THREAD, "in the comments below the text")
                else:
                    edits.remove(block.index, BOILERPLATE, f"{classes[position]} block outside the main text")
        return edits.apply()

    def _teaser_lists(self, prepared: Prepared, keep: set[int]) -> set[int]:
        if prepared.prose < self.list_prose:
            return set()  # a page of little prose: its lists may be its content
        kept = [p for p in sorted(keep) if prepared.edits.role(prepared.live[p].index) is None]
        texts = [block.text for block in prepared.live]
        return {p for run in headline_runs(texts, prepared.feats, kept) for p in run}

    def prepare(self, document: Document, keep_vectors: bool = False) -> Prepared | None:
        """Phrase-list removals, block classes and the score of every block that is left to judge.

        With ``keep_vectors``, the result also holds every block's feature
        vector (what fitting the block model needs).
        """
        # The Python block model (and NumPy) load only where the reference or fitting runs.
        from ..blockmodel import BlockInputs, block_columns, block_vectors, default_model, list_stretches, prose_share

        live = [block for block in document.blocks if block.removal is None]
        if not live:
            return None
        analysis = analyse(document)
        feats = [analysis.features[block.index] for block in live]
        edits = document.edit(self.name)
        # How often the page prints each short line: repeated labels, per-entry widgets.
        printed = Counter(feature.key for feature in feats if feature.words <= _CLOSING_WORDS)
        explicit = self._explicit_chrome(live, feats, edits, printed)
        classes = self._classify(feats, explicit, printed)
        scored = [p for p, block in enumerate(live) if edits.is_kept(block.index) and edits.role(block.index) is None]
        base = [0.0] * len(live)
        for position in scored:
            base[position] = _score(classes[position], feats[position])
        texts = [block.text for block in live]
        lists = list_stretches(texts, feats)
        inputs = BlockInputs(
            texts=texts,
            feats=feats,
            classes=classes,
            explicit=[position in explicit for position in range(len(live))],
            captions=[edits.role(block.index) == Role.CAPTION for block in live],
            gaps=[block.gap for block in live],
            base_scores=base,
            language_known=bool(analysis.language),
            lists=lists,
        )
        model = default_model() if self.use_model else None
        scores = {}
        probabilities = model.probabilities(block_columns(inputs)).tolist() if model is not None else None
        for position in scored:
            if probabilities is None:
                scores[position] = base[position]
            else:
                weight = max(feats[position].words, feats[position].chars // 6, 1)
                scores[position] = (probabilities[position] - self.model_threshold) * 2 * weight
        vectors = block_vectors(inputs) if keep_vectors else None
        stamps = [position for position, block in enumerate(live) if is_stamp(block.text, feats[position])]
        return Prepared(
            live, feats, classes, edits, scored, scores, base, vectors, lists, prose_share(feats), printed, stamps
        )

    # -- evidence from phrases and structure -------------------------------------------------

    def _explicit_chrome(
        self, live: Sequence[Block], feats: Sequence[Features], edits: Edits, printed: Counter[str]
    ) -> set[int]:
        """Remove lines the phrase lists name; return the positions removed here."""
        ui = phrase_set("ui", self.phrase_languages)
        end = phrase_set("end", self.phrase_languages)
        bio = phrase_set("bio", self.phrase_languages)
        byline = phrase_set("byline", self.phrase_languages)
        removed: set[int] = set()
        prose_words = 0  # words of sentence-shaped blocks so far: text comes before its trailing sections
        position = 0
        while position < len(live):
            block, feature = live[position], feats[position]
            if _is_consent_notice(block.text, feature):
                removed.add(position)
                edits.remove(block.index, CONSENT_NOTICE, "cookie or consent notice")
                position += 1
                continue
            prose_words += feature.prose_words
            if block.role == Role.CAPTION or feature.words > 12:
                position += 1
                continue
            if byline.matches(feature.key) and feature.words <= 3:
                removed.add(position)
                edits.remove(block.index, BYLINE_MARKER, "marks the byline")
                self._byline_beside(live, feats, position, edits)
                if bio.matches(feature.key):
                    removed.update(self._bio_after(live, feats, position, edits))
            elif bio.matches(feature.key):
                removed.add(position)
                edits.remove(block.index, AUTHOR_BIO, "opens an author box")
                removed.update(self._bio_after(live, feats, position, edits))
            elif (
                (end.matches(feature.key) or (block.text.rstrip().endswith(":") and end.opens(feature.key)))
                and prose_words >= _TEXT_BEFORE_END
                # A marker the page prints under every entry ("Add a comment" under each
                # answer) opens no trailing section: it is the entries' widget.
                and not (feature.words <= _LABEL_WORDS and printed[feature.key] >= _REPEATED_LABEL)
            ):
                removed.add(position)
                edits.remove(block.index, RELATED, "opens a related-content section")
                removed.update(self._teasers_after(live, feats, position, edits))
            elif ui.matches(feature.key, prefixes=not feature.terminal):
                removed.add(position)
                edits.remove(block.index, UI_PHRASE, "navigation or widget text")
            else:
                self._byline_inline(block, feature, byline, edits)
            position += 1
        return removed

    def _byline_inline(self, block: Block, feature: Features, byline: object, edits: Edits) -> None:
        """A line "By Jane Doe": marker then a short capitalised name."""
        words = feature.key.split(" ")
        for size in (1, 2):
            head = " ".join(words[:size])
            rest = feature.words - size
            if (
                head in byline.exact  # type: ignore[attr-defined]
                and 1 <= rest <= _BYLINE_NAME_WORDS
                and not feature.terminal
                and feature.capitalised >= 0.5
            ):
                edits.set_role(block.index, Role.BYLINE)
                return

    def _byline_beside(self, live: Sequence[Block], feats: Sequence[Features], position: int, edits: Edits) -> None:
        """The name next to a lone marker ("AFP" above "Written By", or below "By")."""
        candidates = []
        if position > 0 and live[position].gap == 0:
            candidates.append(position - 1)
        if position + 1 < len(live):
            candidates.append(position + 1)
        for candidate in candidates:
            feature = feats[candidate]
            if (
                feature.letters
                and 1 <= feature.words <= _BYLINE_NAME_WORDS
                and not feature.terminal
                and edits.is_kept(live[candidate].index)
                and live[candidate].role is None
            ):
                edits.set_role(live[candidate].index, Role.BYLINE)
                return

    def _bio_after(self, live: Sequence[Block], feats: Sequence[Features], position: int, edits: Edits) -> set[int]:
        """The paragraph of an author or agency box after its marker (and the name line, if any)."""
        removed = set()
        step = position + 1
        while step < len(live) and live[step].role == Role.BYLINE:
            step += 1
        if step < len(live) and feats[step].terminal and feats[step].words <= _BIO_WORDS:
            edits.remove(live[step].index, AUTHOR_BIO, f"author box opened by block {live[position].index}")
            removed.add(step)
        return removed

    def _teasers_after(self, live: Sequence[Block], feats: Sequence[Features], position: int, edits: Edits) -> set[int]:
        """Label and headline lines of a related-content list, up to the next real paragraph."""
        removed = set()
        opener = live[position].index
        step = position + 1
        previous_label = True
        while step < len(live):
            feature = feats[step]
            truncated = live[step].text.endswith(("...", "…"))
            is_label = feature.words <= _LABEL_WORDS
            if not (is_label or truncated or feature.words < _TEASER_WORDS and (previous_label or not feature.terminal)):
                break
            if live[step].role != Role.CAPTION:
                edits.remove(live[step].index, RELATED, f"teaser list opened by block {opener}")
                removed.add(step)
            previous_label = is_label
            step += 1
        return removed

    # -- classes and the main text -----------------------------------------------------------

    def _classify(self, feats: Sequence[Features], explicit: set[int], printed: Counter[str]) -> list[str]:
        return [self._class_of(feature, printed, position in explicit) for position, feature in enumerate(feats)]

    def _class_of(self, feature: Features, labels: Counter[str], explicit: bool) -> str:
        if explicit or not feature.letters or _is_widget(feature):
            return BAD
        if feature.words <= _LABEL_WORDS and labels[feature.key] >= _REPEATED_LABEL:
            return LABEL
        if feature.length < self.length_low:
            return SHORT
        density = feature.stopword_density
        if density == 0 and feature.stopwords == 0:
            # No stopword list fits the language: fall back on sentence shape (Thai, Lao and
            # Khmer end no sentence with a mark, so text mostly in those scripts passes too).
            if feature.terminal or feature.unspaced * 2 > feature.words:
                return GOOD if feature.length > self.length_high else NEAR
            return SHORT
        if density >= self.stopwords_high:
            return GOOD if feature.length > self.length_high else NEAR
        if density >= self.stopwords_low:
            return NEAR
        return BAD

    def _main_text(self, prepared: Prepared) -> set[int]:
        """Positions to keep: the strong runs, their headline zones and bylines next to them."""
        keep: set[int] = set()
        for segment in _segments(prepared):
            keep.update(self._segment_text(prepared, segment))
        headline = _title_repeat(prepared)
        if headline is not None and _text_under(prepared, keep, headline):
            keep = {position for position in keep if position >= headline}  # the header, however prose-like
        keep.difference_update(_signed_teasers(prepared, keep))
        return {p for p in keep if prepared.edits.is_kept(prepared.live[p].index)}

    def _segment_text(self, prepared: Prepared, scored: list[int]) -> set[int]:
        """The kept positions of one stretch between page breaks (a page break is never crossed)."""
        live, edits = prepared.live, prepared.edits
        runs = dense_runs([prepared.scores[position] for position in scored])
        if not runs:
            # Nothing the model likes: fall back on the jusText-style shape scores.
            runs = dense_runs([prepared.base[position] for position in scored])
        if not runs:
            return set()
        best = max(run.score for run in runs)
        threshold = max(self.min_run_score, self.relative_run * best)
        best_run = next(run for run in runs if run.score == best)
        low, high = bisect_left(prepared.stamps, scored[0]), bisect_right(prepared.stamps, scored[-1])
        stamps = [position for position in prepared.stamps[low:high] if position in prepared.scores]
        zone, posts = thread_posts(scored, live, prepared.feats, scored[best_run.start], stamps)
        # A forum: the text is a thread of posts, with no strong run of prose away from it
        # and no comments heading after its first post ("34 responses to …").
        forum = (
            bool(posts)
            and not any(run.score >= threshold and scored[(run.start + run.end - 1) // 2] not in zone for run in runs)
            and not any(_COMMENTS_HEADING.search(block.text) for block in live[zone.start + 1 : zone.stop])
        )
        thread = None
        if self.cut_threads and not forum:
            thread = self._thread_start(prepared, scored[best_run.start])
            form = _comment_form(prepared, scored, scored[best_run.start])
            thread = form if thread is None or (form is not None and form < thread) else thread
        keep: set[int] = set()
        for run in runs:
            if run.score < threshold and run.score < best:
                continue
            first, last = scored[run.start], scored[run.end - 1]
            if thread is not None:
                prepared.thread.update(position for position in scored if position >= thread)
                if first >= thread:
                    continue
                last = min(last, thread - 1)
            keep.update(range(first, last + 1))
            keep.update(self._headline_zone(live, prepared.feats, prepared.classes, first, edits))
            keep.update(self._tail(live, last, edits))
        if forum:  # inside the thread, the posts are the text and the rest is metadata
            keep = {position for position in keep if position not in zone} | posts
        keep.update(self._list_content(prepared, scored, keep))
        return keep

    def _list_content(self, prepared: Prepared, scored: list[int], keep: set[int]) -> set[int]:
        """On a page with little prose, the list of records the block model likes best, if it outweighs the text.

        Listings, product grids and rankings print their content as records of
        one repeated shape (title / meta line / rating); the prose-seeking runs
        find little there. Menus are lists too, of one- to three-word items, so
        a list counts only when its records carry ``list_record_words`` words;
        of those, the one with most words in blocks of positive score wins (a
        long footer or teaser list loses to a product grid with its prices).
        """
        if prepared.prose >= self.list_prose or not scored:
            return set()
        first, last = scored[0], scored[-1]
        best: Stretch | None = None
        best_words = 0
        best_liked = -1
        seen: set[tuple[int, int]] = set()
        for position in scored:
            stretch = prepared.lists[position]
            if stretch is None or (stretch.start, stretch.end) in seen:
                continue
            seen.add((stretch.start, stretch.end))
            inside = range(stretch.start, stretch.end)
            words = sum(prepared.feats[step].words for step in inside)
            # The list the block model likes best: menus and footers are lists too.
            liked = sum(prepared.feats[step].words for step in inside if prepared.scores.get(step, 0.0) > 0)
            if words / stretch.records >= self.list_record_words and liked > best_liked:
                best, best_words, best_liked = stretch, words, liked
        kept_words = sum(prepared.feats[position].words for position in keep)
        if best is None or best_words <= kept_words:
            return set()
        inside = range(max(first, best.start), min(last + 1, best.end))
        zone = self._headline_zone(prepared.live, prepared.feats, prepared.classes, inside.start, prepared.edits)
        return {position for position in inside if prepared.classes[position] != BAD or position in prepared.scores} | zone

    def _thread_start(self, prepared: Prepared, text_start: int) -> int | None:
        """Where a comment thread begins below the text: the first of several stamped entries.

        Comments stamp each entry ("Alex on September 17, 2018 at 6:34 am said:",
        "2 days ago"). A thread counts when its stamps stand after some text of
        the article and at least two of them are separated by prose. Under a
        text whose own header carries a stamp (a forum's first post) that text
        must be long; under any other a short one will do.
        """
        after = bisect_right(prepared.stamps, text_start)
        stamps = prepared.stamps[after:]
        own = after > bisect_left(prepared.stamps, text_start - _OWN_STAMP_WINDOW)
        needed = _THREAD_TEXT_WORDS if own else _SHORT_THREAD_TEXT_WORDS
        stamp_set = set(stamps)
        text_words = 0
        previous = None
        seen = 0  # stamps passed so far: the next one is stamps[seen]
        for position in range(text_start, len(prepared.live)):
            if position in stamp_set:
                seen += 1
                following = stamps[seen] if seen < len(stamps) else None
                if (
                    previous is not None
                    and text_words >= needed
                    and following is not None
                    and following - position <= _THREAD_GAP
                    and self._opens_comments(prepared, position)
                ):
                    return position
                previous = position
            elif prepared.feats[position].terminal:
                text_words += prepared.feats[position].words
        return None

    def _opens_comments(self, prepared: Prepared, position: int) -> bool:
        """A comments heading ("10 Comments", "Leave a reply") stands just above the first stamped entry.

        On a forum the entries are the page; only a thread under its own heading
        is the comments of an article.
        """
        return any(
            _COMMENTS_HEADING.search(block.text) is not None
            for block in prepared.live[max(0, position - _THREAD_HEADING_WINDOW) : position]
        )

    def _headline_zone(
        self, live: Sequence[Block], feats: Sequence[Features], classes: list[str], first: int, edits: Edits
    ) -> set[int]:
        zone: set[int] = set()
        step = first - 1
        seen = 0
        while step >= 0 and seen < self.header_window:
            block, feature = live[step], feats[step]
            step -= 1
            if not edits.is_kept(block.index):
                continue  # share bars and other widgets often stand between a headline and its text
            seen += 1
            if edits.role(block.index) in (Role.CAPTION, Role.BYLINE):
                zone.add(step + 1)
            elif classes[step + 1] == BAD:
                continue
            elif feature.heading_like or feature.words <= _LABEL_WORDS:
                zone.add(step + 1)
            else:
                break
        return zone

    def _tail(self, live: Sequence[Block], last: int, edits: Edits) -> set[int]:
        end = min(len(live), last + 1 + self.tail_window)
        return {p for p in range(last + 1, end) if edits.role(live[p].index) in (Role.BYLINE, Role.CAPTION)}


@define
class Prepared:
    """The chrome pass's view of a document before it picks the main text."""

    live: list[Block]
    feats: list[Features]
    classes: list[str]
    edits: Edits
    scored: list[int]  # positions (into ``live``) of the blocks left to judge
    scores: dict[int, float]
    base: list[float]  # jusText-style scores by shape alone
    vectors: np.ndarray | None
    lists: list[Stretch | None]  # the list of records each position stands in
    prose: float  # the page's share of words in sentences
    printed: Counter[str]  # how often the page prints each line of up to _CLOSING_WORDS words, by key
    stamps: list[int]  # positions of post and comment stamps (threads.is_stamp), in order
    thread: set[int] = Factory(set)  # positions found in a comment thread below the text


def _is_consent_notice(text: str, feature: Features) -> bool:
    """A cookie banner's line: it names cookies and what a banner speaks of (the site, consent, privacy)."""
    if feature.words > _CONSENT_WORDS or not any(mark in text for mark in _COOKIE_MARKS):
        return False  # most lines: no regular expression runs
    return _COOKIE.search(text) is not None and _CONSENT.search(text) is not None


def _signed_teasers(prepared: Prepared, keep: set[int]) -> set[int]:
    """Kept teaser records below the text that each carry a byline ("headline / By Reuters / date").

    A story has one byline. Where ``_SIGNED_RECORDS`` or more kept bylines
    follow one another below a signed text with no sentence between them
    (fewer than ``_RECORD_PROSE`` words of prose each), they sign the records of a
    list of other stories: the lines from the headline above the first to
    the date under the last go. Several stories in one dump keep theirs:
    each byline there has its story's prose under it; and a listing of
    signed records under an unsigned intro is the page's content.
    """
    live, feats, edits = prepared.live, prepared.feats, prepared.edits
    group: list[int] = []
    prose = 0
    signed = False  # a byline so far had its text under it: a listing's records never do
    seen = False
    for position in sorted(keep):
        feature = feats[position]
        if edits.role(live[position].index) == Role.BYLINE:
            if seen and prose >= _RECORD_PROSE:
                if len(group) >= _SIGNED_RECORDS:
                    break
                signed, group = True, [position]
            elif signed:
                group.append(position)
            seen, prose = True, 0
        else:
            prose += feature.prose_words
    if len(group) < _SIGNED_RECORDS:
        return set()
    first, last = group[0] - 1, group[-1] + _RECORD_TAIL
    return {position for position in keep if first <= position <= last}


def _title_repeat(prepared: Prepared) -> int | None:
    """Where the page's headline repeats its <title> line (the first line), if it does.

    The first line of a dump is often the page's <title>: the headline, a
    separator and the site's name. Where a later headline-shaped line repeats
    the side of the separator that is not the site's name (at least
    ``_TITLE_PIECE_WORDS`` words) and the text starts just under it, the
    article starts there and what stands above is the header.
    """
    live, feats = prepared.live, prepared.feats
    if not live or live[0].index != 0 or not feats[0].heading_like:
        return None
    keys = title_keys(live[0].text, min_words=_TITLE_PIECE_WORDS)
    for position in range(1, len(live)):
        if feats[position].heading_like and feats[position].key in keys:
            return position
    return None


def _text_under(prepared: Prepared, keep: set[int], headline: int) -> bool:
    """Whether kept prose starts within a few lines under ``headline`` (past its byline, date and caption)."""
    for position in range(headline + 1, min(len(prepared.live), headline + 1 + _UNDER_HEADLINE)):
        feature = prepared.feats[position]
        if position in keep and feature.prose_words:
            return True
    return False


def _segments(prepared: Prepared) -> list[list[int]]:
    """The judged positions split at page breaks (the story separator of scrapeclean's text form)."""
    segments: list[list[int]] = [[]]
    previous = -1
    for position in prepared.scored:
        if segments[-1] and any(block.hard_break for block in prepared.live[previous + 1 : position + 1]):
            segments.append([])
        segments[-1].append(position)
        previous = position
    return [segment for segment in segments if segment]


def _comment_form(prepared: Prepared, scored: list[int], text_start: int) -> int | None:
    """A comment form below the text ("Leave a reply", "Post a comment"): the text ends there.

    It counts only once more prose stands above it than below it, and only
    when the page prints it once (a question-and-answer page has one under
    every answer).
    """
    before = 0
    total = sum(feature.prose_words for feature in prepared.feats[text_start : scored[-1] + 1])
    for position in range(text_start, scored[-1] + 1):
        feature = prepared.feats[position]
        before += feature.prose_words
        if (
            feature.words <= _CLOSING_WORDS
            and _CLOSING.match(prepared.live[position].text) is not None
            and prepared.printed[feature.key] == 1
            and before >= _TEXT_BEFORE_END
            and total - before < before
        ):
            return position
    return None


def _is_widget(feature: Features) -> bool:
    """Counters, toggles and separators: ``TT``, ``20``, ``A A``, ``|``."""
    return feature.words <= 3 and all(len(word) <= 2 for word in feature.key.split(" "))


def _score(kind: str, feature: Features) -> float:
    weight = max(feature.words, feature.chars // 6)
    if kind == GOOD:
        return float(weight)
    if kind == NEAR:
        return weight * 0.5
    if kind == SHORT:
        return -0.5 if feature.terminal else -1.5
    return -3.0 - weight * 0.25
