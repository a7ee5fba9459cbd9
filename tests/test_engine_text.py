"""The engine's text semantics against their definitions in Python's ``regex`` and ``unicodedata``.

Words, keys, folding, segmentation and features are computed by the
compiled core. Their documented meaning is the one written here in a few
lines of Python, the reference: these tests hold the engine to it on every
assigned code point and on real dumps. Characters assigned after Python's
Unicode database (``unicodedata.unidata_version``) are left out: the two
sides' tables need not know them yet.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.dev_dumps import dumps
from scrapeclean import segment
from scrapeclean.features import LANGUAGES, analyse, stopwords
from scrapeclean.fingerprint import cut, fold, key

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# -- the reference definitions --------------------------------------------------------------

_IDEOGRAPHIC = r"\p{Han}\p{Hiragana}\p{Katakana}"
_UNSPACED = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_TOKEN = regex.compile(rf"[{_IDEOGRAPHIC}]|[{_UNSPACED}]{{1,4}}|[^\W{_IDEOGRAPHIC}{_UNSPACED}]+")
_UNSPACED_CHAR = regex.compile(rf"[{_IDEOGRAPHIC}{_UNSPACED}]")
_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = regex.compile(f"\r\n|[{_BREAK_CHARS}]")
_INVISIBLE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)
_CONTENT = regex.compile(f"[^{regex.escape(_INVISIBLE)}](?:[^{_BREAK_CHARS}]*[^{regex.escape(_INVISIBLE)}])?")
_TERMINAL = regex.compile(r"[.!?…。！？]['\"’”»)\]]*$")
_QUESTION = regex.compile(r"[?!？！]['\"’”»)\]]*$")
_CAPITAL = regex.compile(r"(?<!\w)\p{Lu}")


def reference_fold(text: str) -> str:
    return (text if text.isascii() else unicodedata.normalize("NFKC", text)).casefold()


def reference_cut(folded: str) -> tuple[list[str], int]:
    found = _TOKEN.findall(folded)
    return found, sum(1 for token in found if _UNSPACED_CHAR.match(token))


def reference_key(text: str) -> str:
    return regex.sub(r"\d", "0", " ".join(reference_cut(reference_fold(text))[0]))


def reference_segment(text: str) -> list[tuple[int, int, int, bool]]:
    blocks = []
    previous_end = 0
    for line in _CONTENT.finditer(text):
        start, end = line.span()
        between = text[previous_end:start]
        breaks = len(_BREAK.findall(between))
        gap = (breaks - 1 if breaks else 0) if blocks else breaks
        blocks.append((start, end, gap, bool(blocks) and "\x0c" in between))
        previous_end = end
    return blocks


def reference_features(text: str, stops: frozenset[str]) -> tuple:
    tokens, unspaced = reference_cut(reference_fold(text))
    words = len(tokens)
    tail = text[-16:]
    return (
        words,
        sum(token in stops for token in tokens),
        regex.search(r"\p{L}", text) is not None,
        _TERMINAL.search(tail) is not None,
        _QUESTION.search(tail) is not None,
        len(_CAPITAL.findall(text)) / words if words else 0.0,
        len(text),
        reference_key(text),
        unspaced,
    )


def reference_language(texts: list[str]) -> str:
    sample: list[str] = []
    for text in texts:
        sample += reference_cut(reference_fold(text))[0]
        if len(sample) >= 4000:
            break
    if not sample:
        return ""
    counts = Counter(sample)
    hits = [sum(count for word, count in counts.items() if word in stopwords(code)) for code in LANGUAGES]
    best = max(range(len(LANGUAGES)), key=lambda position: (hits[position], -position))
    return LANGUAGES[best] if hits[best] >= max(2, len(sample) // 20) else ""


def engine_features(text: str, stops_language: str = "") -> tuple:
    from scrapeclean.features import features

    found = features(text, stops_language)
    return (
        found.words,
        found.stopwords,
        found.letters,
        found.terminal,
        found.question,
        found.capitalised,
        found.chars,
        found.key,
        found.unspaced,
    )


# -- the tests ------------------------------------------------------------------------------

ASSIGNED = [
    chr(point)
    for point in range(0x110000)
    if not 0xD800 <= point < 0xE000 and unicodedata.category(chr(point)) != "Cn"
]


def test_fold_key_and_words_agree_on_every_assigned_code_point():
    differ = []
    for char in ASSIGNED:
        text = f"a{char}b {char}Ab {char}{char}"
        folded = fold(text)
        if folded != reference_fold(text) or key(text) != reference_key(text) or cut(folded) != reference_cut(folded):
            differ.append(f"U+{ord(char):04X}")
    assert not differ, f"{len(differ)} code points differ, first: {differ[:10]}"


def test_features_agree_on_every_assigned_code_point_in_a_line():
    differ = []
    for start in range(0, len(ASSIGNED), 64):
        chunk = ASSIGNED[start : start + 64]
        for text in (" ".join(chunk), "".join(chunk) + ".", "Ab " + " x".join(chunk)):
            if engine_features(text) != reference_features(text, frozenset()):
                differ.append(f"U+{ord(chunk[0]):04X}")
    assert not differ, f"{len(differ)} chunks differ, first at: {differ[:10]}"


@given(st.lists(st.sampled_from(list(_INVISIBLE) + ["a", "é", "市", " ", "x", "\r\n"]), max_size=60).map("".join))
def test_segmentation_agrees_with_its_definition(text):
    blocks = [(block.start, block.end, block.gap, block.hard_break) for block in segment(text).blocks]
    assert blocks == reference_segment(text)


ASSIGNED_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cn", "Cs")), max_size=200)


@given(ASSIGNED_TEXT)
def test_segmentation_and_features_agree_on_any_text(text):
    document = segment(text)
    assert [(b.start, b.end, b.gap, b.hard_break) for b in document.blocks] == reference_segment(text)
    for block in document.blocks:
        assert engine_features(block.text, "en") == reference_features(block.text, stopwords("en"))


def test_lone_surrogates_keep_their_offsets():
    text = "caf\udce9 ok\nnext line"
    document = segment(text)
    assert [block.text for block in document.blocks] == ["caf\udce9 ok", "next line"]
    assert key(text) == "caf ok next line"


def _dev_dumps() -> list[str]:
    if not (SHARED / "aeb").exists() or not (SHARED / "composites-dev.jsonl.gz").exists():
        pytest.skip(f"the dev dumps are not beside the project ({SHARED} is missing)")
    return [text for _, text in dumps(("aeb", "composites"), data=SHARED)]


def test_every_dev_dump_segments_and_analyses_as_defined():
    differ = []
    for number, dump in enumerate(_dev_dumps()):
        document = segment(dump)
        if [(b.start, b.end, b.gap, b.hard_break) for b in document.blocks] != reference_segment(dump):
            differ.append((number, "segment"))
            continue
        texts = [block.text for block in document.blocks]
        analysis = analyse(document)
        if analysis.language != reference_language(texts):
            differ.append((number, "language"))
            continue
        stops = stopwords(analysis.language)
        for text, found in zip(texts, analysis.features):
            ours = (found.words, found.stopwords, found.letters, found.terminal, found.question,
                    found.capitalised, found.chars, found.key, found.unspaced)  # fmt: skip
            if ours != reference_features(text, stops):
                differ.append((number, text[:60]))
                break
    assert not differ, differ[:10]
