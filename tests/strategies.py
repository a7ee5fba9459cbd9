"""Hypothesis strategies for page dumps: prose, and the noise scraped pages add to it.

Prose is built from word lists into sentences with terminal punctuation, so
that it reads like a news story to the passes (stopwords, sentence ends,
paragraph lengths). Each topic has its own vocabulary, so two stories drawn
from two topics differ the way two real stories on one page do.

The noise strategies mirror what real dumps carry: menu lines, share bars,
"You may also like:" teaser lists, cookie notices, widgets (``TT``, ``20``,
``-``), photo captions with credits printed two to four times, a body printed
twice (typographic quotes, or only part of it), several stories in one dump.

A generated dump is a :class:`Dump`: its text and what a careful editor would
keep of it (:class:`StorySpec` per story), so properties can compare.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from scrapeclean.fingerprint import key

# -- prose ----------------------------------------------------------------------------------

# fmt: off
_TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "river": {
        "subjects": (
            "The wildlife trust", "Volunteers from the village", "The harbour master", "A team of ecologists",
            "Local fishermen", "The water company", "Researchers at the marine station", "The county council",
        ),
        "verbs": ("counted", "found", "reported", "photographed", "recorded", "monitored", "tagged", "measured"),
        "objects": (
            "nesting birds on the sandbanks", "young salmon in the shallow channel", "otters near the old weir",
            "the level of the estuary", "seals resting on the mudflats", "eels below the ferry crossing",
            "the clarity of the water", "oyster beds along the northern shore",
        ),
        "places": (
            "at low tide", "below the stone bridge", "along the tidal creek", "after the spring floods",
            "near the river mouth", "during the autumn survey", "beside the reed beds", "upstream of the mill",
        ),
        "headline": (  # present-tense verbs, as headlines use them
            "Count", "Find", "Report", "Photograph", "Record", "Monitor", "Tag", "Measure",
        ),
    },
    "election": {
        "subjects": (
            "The opposition leader", "Party officials", "The electoral commission", "Several candidates",
            "The prime minister", "Campaign volunteers", "The governing coalition", "Independent observers",
        ),
        "verbs": ("criticised", "defended", "promised", "rejected", "debated", "announced", "questioned", "supported"),
        "objects": (
            "the proposed budget for schools", "a referendum on the voting age", "the count of postal ballots",
            "new rules for campaign spending", "a reform of the upper chamber", "the timetable for the runoff",
            "the turnout in rural districts", "a coalition with the greens",
        ),
        "places": (
            "in the capital on Sunday", "before the televised debate", "at a rally in the north",
            "in a statement to parliament", "after the first round", "in the southern provinces",
            "ahead of the vote", "during a press conference",
        ),
        "headline": (  # present-tense verbs, as headlines use them
            "Criticise", "Defend", "Promise", "Reject", "Debate", "Announce", "Question", "Back",
        ),
    },
    "football": {
        "subjects": (
            "The home side", "The visiting captain", "The young striker", "The club's manager",
            "The goalkeeper", "Thousands of supporters", "The league's referees", "The reserve team",
        ),
        "verbs": ("scored", "missed", "celebrated", "conceded", "defended", "won", "lost", "dominated"),
        "objects": (
            "a penalty in the second half", "the derby against their rivals", "a header from the corner",
            "the final match of the season", "a late equaliser", "the cup semi-final",
            "three points on the road", "the opening goal of the game",
        ),
        "places": (
            "at the packed stadium", "in front of the away fans", "on a wet pitch", "in extra time",
            "after a goalless first half", "under the floodlights", "in the final minute", "before the break",
        ),
        "headline": (  # present-tense verbs, as headlines use them
            "Score", "Miss", "Celebrate", "Concede", "Defend", "Win", "Lose", "Dominate",
        ),
    },
    "bakery": {
        "subjects": (
            "The baker", "Her apprentice", "The family bakery", "Customers from the neighbourhood",
            "The flour mill", "A food critic", "The market traders", "The head pastry chef",
        ),
        "verbs": ("baked", "sold", "tasted", "praised", "kneaded", "delivered", "shaped", "glazed"),
        "objects": (
            "sourdough loaves with a dark crust", "rye bread from an old recipe", "cinnamon buns for the morning rush",
            "the dough for the festival", "almond pastries with apricot jam", "flatbreads in the wood oven",
            "a wedding cake with three tiers", "sacks of stoneground flour",
        ),
        "places": (
            "before dawn", "in the narrow back kitchen", "at the Saturday market", "for the harvest fair",
            "in the stone oven", "on the corner of the square", "throughout the winter", "for the village school",
        ),
        "headline": (  # present-tense verbs, as headlines use them
            "Bake", "Sell", "Taste", "Praise", "Knead", "Deliver", "Shape", "Glaze",
        ),
    },
}
TOPICS = tuple(sorted(_TOPICS))

_LINKS = (
    "and", "but", "while", "because", "although", "so", "after", "as",
)
_SPEAKERS = (
    "said a spokesperson", "said one of the organisers", "he told reporters", "she said in an interview",
    "they wrote in a letter", "said a local resident",
)
# fmt: on
_SMALL_WORDS = frozenset({"in", "of", "for", "on", "at", "after", "with", "to", "and", "the", "a", "an", "from", "by"})


def _sentence(topic: str, rng: random.Random) -> str:
    words = _TOPICS[topic]
    clause = (
        f"{rng.choice(words['subjects'])} {rng.choice(words['verbs'])} "
        f"{rng.choice(words['objects'])} {rng.choice(words['places'])}"
    )
    if rng.random() < 0.4:
        clause += (
            f", {rng.choice(_LINKS)} {rng.choice(words['subjects']).lower()} {rng.choice(words['verbs'])} "
            f"{rng.choice(words['objects'])}"
        )
    shape = rng.randrange(8)
    if shape == 0:
        return f'"{clause}, which is what matters to us," {rng.choice(_SPEAKERS)}.'
    if shape == 1:
        return f"Who would have guessed that {clause[0].lower()}{clause[1:]}?"
    if shape == 2:
        return f"{clause}, and {rng.randint(2, 400)} people came to see it."
    return f"{clause}."


def _paragraph(topic: str, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(_sentence(topic, rng) for _ in range(rng.randint(2, 4)))


# Sentences, paragraphs and headlines are drawn as one seed each: generating
# dumps stays fast enough for hundreds of examples per property, and a failing
# example still shrinks to fewer paragraphs, stories and noise lines.
_SEEDS = st.integers(0, 2**32 - 1)


@st.composite
def sentences(draw: st.DrawFn, topic: str) -> str:
    """A sentence on ``topic`` with terminal punctuation: plain, quoted (straight quotes), a question, with a number."""
    return _sentence(topic, random.Random(draw(_SEEDS)))


@st.composite
def paragraphs(draw: st.DrawFn, topic: str) -> str:
    """Two to four sentences on ``topic``: a paragraph of news prose."""
    return _paragraph(topic, draw(_SEEDS))


def _title_case(text: str) -> str:
    return " ".join(word if word in _SMALL_WORDS else word[:1].upper() + word[1:] for word in text.split())


def _headline(topic: str, seed: int) -> str:
    rng = random.Random(seed)
    words = _TOPICS[topic]
    subject = rng.choice(words["subjects"]).removeprefix("The ").removeprefix("A ")
    text = f"{subject} {rng.choice(words['headline'])} {rng.choice(words['objects'])}"
    if rng.random() < 0.5:
        text += " " + rng.choice(words["places"])
    return _title_case(text)


@st.composite
def headlines(draw: st.DrawFn, topic: str) -> str:
    """A title-cased headline on ``topic`` ("Local Fishermen Count Otters Near the Old Weir"): no sentence end, no digits."""
    return _headline(topic, draw(_SEEDS))


@attrs.frozen
class StorySpec:
    """What an editor keeps of one story: its title, captions (text, credit) and body paragraphs."""

    title: str
    body: tuple[str, ...]
    captions: tuple[tuple[str, str], ...] = ()
    topic: str = ""

    def text(self) -> str:
        """The story as a clean dump: title, then paragraphs, blank lines between."""
        return "\n\n".join((self.title, *self.body))


@st.composite
def prose_stories(
    draw: st.DrawFn, topic: str | None = None, min_paragraphs: int = 3, max_paragraphs: int = 7
) -> StorySpec:
    """A clean story: a headline and distinct paragraphs on one topic."""
    topic = topic or draw(st.sampled_from(TOPICS))
    count = draw(st.integers(min_paragraphs, max_paragraphs))
    rng = random.Random(draw(_SEEDS))
    paragraphs_by_key: dict[str, str] = {}
    while len(paragraphs_by_key) < count:  # distinct: a paragraph printed twice is a repeat, not clean prose
        paragraph = _paragraph(topic, rng.getrandbits(32))
        paragraphs_by_key.setdefault(key(paragraph), paragraph)
    body = tuple(paragraphs_by_key.values())
    return StorySpec(title=draw(headlines(topic)), body=body, topic=topic)


# -- chrome ---------------------------------------------------------------------------------

MENU_LINES = ("Home", "News", "Sport", "Menu", "Search", "Sign in", "Subscribe", "Skip to main content", "Log in")
SHARE_LINES = ("Share on Facebook", "Share on Twitter", "Share on X", "Share via Email", "Print", "Copy link")
COOKIE_NOTICES = (
    "Accept all",
    "Cookie settings",
    "Privacy policy",
    "Accept cookies",
)
WIDGETS = ("TT", "20", "-", "A A", "|", "12", "+")
RELATED_OPENERS = ("You may also like:", "Related articles", "Read more", "Recommended for you", "More stories")
SECTION_LABELS = ("World", "Business", "Science", "Culture", "Sport", "Environment")


@st.composite
def chrome_lines(draw: st.DrawFn) -> list[str]:
    """A short run of navigation, share-bar, cookie or widget lines, as pages print them between blocks."""
    pool = st.sampled_from(MENU_LINES + SHARE_LINES + COOKIE_NOTICES + WIDGETS)
    return draw(st.lists(pool, min_size=1, max_size=5))


@st.composite
def related_lists(draw: st.DrawFn, topic: str | None = None) -> list[str]:
    """ "You may also like:" followed by label and headline pairs of teasers."""
    lines = [draw(st.sampled_from(RELATED_OPENERS))]
    for _ in range(draw(st.integers(1, 4))):
        lines.append(draw(st.sampled_from(SECTION_LABELS)))
        teaser = draw(headlines(topic or draw(st.sampled_from(TOPICS))))
        if draw(st.booleans()):
            teaser += "..."
        lines.append(teaser)
    return lines


# -- captions ---------------------------------------------------------------------------------

_PHOTOGRAPHERS = ("Jane Doe", "Marta Keller", "John Smith", "Ahmed Saleh", "Lucia Romero", "Kim Min-jun")
_AGENCIES = ("AFP", "Reuters", "AP", "EPA")


@st.composite
def credits(draw: st.DrawFn) -> tuple[str, str]:
    """A credit as it is printed after a caption, and the credit text itself: ``(suffix, credit)``."""
    name = draw(st.sampled_from(_PHOTOGRAPHERS))
    agency = draw(st.sampled_from(_AGENCIES))
    shape = draw(st.integers(0, 4))
    if shape == 0:
        credit = f"{agency} Photo/{name.upper()}"
        return f" ({credit})", credit
    if shape == 1:
        credit = f"File/{agency}"
        return f" ({credit})", credit
    if shape == 2:
        return f" Photo: {name}", name
    if shape == 3:
        credit = f"{name}/Getty Images"
        return f" {credit}", credit
    credit = f"AP Photo/{name}"
    return f" ({credit})", credit


@st.composite
def captions(draw: st.DrawFn, topic: str) -> tuple[str, str]:
    """A photo caption on ``topic`` ending with a credit: ``(caption text, credit)``."""
    words = _TOPICS[topic]
    rng = random.Random(draw(_SEEDS))
    subject, verb, thing, place = (rng.choice(words[part]) for part in ("subjects", "verbs", "objects", "places"))
    scene = f"{subject} {verb} {thing} {place}."
    suffix, credit = draw(credits())
    return scene + suffix, credit


# -- repeats and stories --------------------------------------------------------------------------------


def typographic(text: str) -> str:
    """``text`` with typographic quotes: ’ for apostrophes, “ ” for straight double quotes."""
    out = []
    opening = True
    for char in text:
        if char == "'":
            out.append("’")
        elif char == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(char)
    return "".join(out)


@st.composite
def repeated_bodies(draw: st.DrawFn, body: Sequence[str]) -> list[str]:
    """The second copy of a body: all of it with typographic quotes, or only a stretch of its paragraphs."""
    if draw(st.booleans()):
        return [typographic(paragraph) for paragraph in body]
    start = draw(st.integers(0, len(body) - 1))
    end = draw(st.integers(start + 1, len(body)))
    return list(body[start:end])


@attrs.frozen
class Dump:
    """A generated page dump and the stories an editor would keep of it."""

    text: str
    stories: tuple[StorySpec, ...]


def _join(lines: Sequence[str]) -> str:
    return "\n\n".join(lines)


@st.composite
def noisy_stories(draw: st.DrawFn, topic: str) -> tuple[str, StorySpec]:
    """One story with the furniture pages print around it; the dump text and the story's clean form."""
    story = draw(prose_stories(topic=topic, min_paragraphs=2, max_paragraphs=4))
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(SECTION_LABELS)))
    parts.append(story.title)
    caption_list: tuple[tuple[str, str], ...] = ()
    if draw(st.booleans()):
        caption, credit = draw(captions(topic))
        caption_list = ((caption, credit),)
        parts.append("\n".join([caption] * draw(st.integers(2, 4))))
    if draw(st.booleans()):
        parts.append("\n".join(draw(chrome_lines())))
    parts.extend(story.body)
    if draw(st.booleans()):
        parts.extend(draw(repeated_bodies(story.body)))
    return _join(parts), attrs.evolve(story, captions=caption_list)


@st.composite
def dumps(draw: st.DrawFn, max_stories: int = 3) -> Dump:
    """A noisy page dump: header chrome, one to ``max_stories`` stories on distinct topics, trailing chrome."""
    count = draw(st.integers(1, max_stories))
    topics = draw(st.lists(st.sampled_from(TOPICS), min_size=count, max_size=count, unique=True))
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("\n".join(draw(chrome_lines())))
    specs = []
    for number, topic in enumerate(topics):
        text, spec = draw(noisy_stories(topic))
        if number:
            parts.append(draw(story_breaks()))
        parts.append(text)
        specs.append(spec)
    if draw(st.booleans()):
        parts.append(_join(draw(related_lists())))
    if draw(st.booleans()):
        parts.append("We use cookies to improve your experience on our site.\nAccept all")
    return Dump(text=_join(parts), stories=tuple(specs))


@st.composite
def story_breaks(draw: st.DrawFn) -> str:
    """What stands between two stories of one dump: extra blank lines, chrome, or a page break."""
    shape = draw(st.sampled_from(("blank", "chrome", "page-break")))
    if shape == "blank":
        return ""  # joined with blank lines on both sides: two or more blank lines in all
    if shape == "chrome":
        return "\n".join(draw(chrome_lines()) + ["Advertisement", "Share on Facebook"])
    return "\f"


@st.composite
def multi_story_dumps(draw: st.DrawFn) -> Dump:
    """Two or three clean stories on distinct topics in one dump, separated by story breaks."""
    count = draw(st.integers(2, 3))
    topics = draw(st.lists(st.sampled_from(TOPICS), min_size=count, max_size=count, unique=True))
    stories = [draw(prose_stories(topic=topic, min_paragraphs=3, max_paragraphs=4)) for topic in topics]
    parts = [stories[0].text()]
    for story in stories[1:]:
        parts.extend((draw(story_breaks()), story.text()))
    return Dump(text=_join(parts), stories=tuple(stories))


# -- arbitrary text -----------------------------------------------------------------------------------

# Characters real dumps carry that trip naive line handling: CR, CRLF, form feed,
# vertical tab, the Unicode line and paragraph separators, NEL, zero-width
# characters and BOM, RTL marks and embeddings, no-break and ideographic spaces.
SPECIAL_CHARS = (
    "\r", "\r\n", "\n", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\t", "\x00",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e",
    "\u2066", "\u2069", "\xa0", "\u3000", "\u0301", "’", "“", "”", "—", "…", "©",
)  # fmt: skip


def unicode_texts(max_size: int = 200) -> st.SearchStrategy[str]:
    """Any string without surrogates: every category, control characters, line and paragraph separators."""
    characters = st.characters(exclude_categories=("Cs",))
    piece = st.one_of(
        st.text(characters, max_size=12),
        st.sampled_from(SPECIAL_CHARS),
        st.sampled_from(("TT", "Share on Facebook", "Home", "By Jane Doe", "You may also like:", "(AFP Photo/X Y)")),
        st.sampled_from(("The army said on Friday that it had entered the town.", "A Headline Over the Story")),
    )
    return st.one_of(
        st.text(characters, max_size=max_size),
        st.lists(piece, max_size=30).map("".join),
    )
