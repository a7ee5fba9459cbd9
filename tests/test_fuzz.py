"""Fuzzing: adversarial text through the whole pipeline, every regular expression on pathological input, bytes.

* Whole pipeline (hypothesis): text built to stress line handling, the
  credit and date patterns, the repeat and story logic; every example must
  clean without an exception, give a valid and stable result, and stay
  within a generous linear CPU-time bound (a hang detector, not a speed test).
* Regular expressions: every pattern compiled in ``src/`` is listed, with a
  verdict, in docs/robustness.md (a test keeps the two in step), and each is
  run on pathological strings at two sizes: time must grow about linearly.
* Bytes: the decoding policy of the command line returns text or refuses
  with ``InputError``, never anything else, and what it calls reversible
  gives back exactly the bytes it read.

atheris (coverage-guided fuzzing) was considered; hypothesis with targeted
strategies finds the same classes of problem here and runs as ordinary
tests in CI, so it is not used.
"""

from __future__ import annotations

import ast
import importlib
import re
import time
from pathlib import Path

import pytest
import regex
from hostile_support import Hang, check_stable, check_valid, time_limit
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import SPECIAL_CHARS, dumps, unicode_texts

import scrapeclean
from scrapeclean.errors import InputError
from scrapeclean.io.encoding import decode

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "scrapeclean"
ROBUSTNESS_DOC = ROOT / "docs" / "robustness.md"

# Generous: ordinary text cleans at about 3 µs per character and the worst shapes
# measured (one-character lines) at about 20 µs; a catastrophic pattern is orders
# of magnitude beyond this.
BASE_SECONDS = 1.0
SECONDS_PER_CHAR = 200e-6

# -- adversarial text ------------------------------------------------------------------------------

# Pieces that steer the passes into their rarer paths: credit and date shapes with
# long runs inside, chrome phrases, bylines, headings, prose.
_FRAGMENTS = (
    "(AFP Photo/",
    "(Reuters)",
    "Photo: ",
    "Photograph by: ",
    "© ",
    "Copyright ",
    "Getty Images",
    "Jane Doe/Getty Images",
    "AP Photo/John Smith",
    "By Jane Doe",
    "12 March 2024",
    "March 12, 2024",
    "2024-03-12",
    "12/03/2024",
    "Share on Facebook",
    "You may also like:",
    "Advertisement",
    "Menu",
    "Home",
    "TT",
    "Read more",
    "A Headline Over the Story",
    "The army said on Friday that it had entered the town after a week of fighting.",
    "Troops walk along the road near the town. (File/Reuters)",
    "«",
    "»",
    "…",
    "|",
    "/",
    ":",
    ".",
    "(",
    ")",
)
# Fragments that reach patterns once superlinear in a backtracking engine: a credit's
# "via" tail and a comment stamp's "said".
_REACHING = (" via ", "Getty Images via ", " said")
_RUN_CHARS = (" ", "a", "A", "1", ".", "(", ")", "/", ":", "©", "-", "'", "’", "\t", "\u200b", "x", "中", "\x00")
_LINE_BREAKS = ("\n", "\n\n", "\r\n", "\r", "\f", "\u2028", "\x85", "\n\n\n\n")


@st.composite
def _runs(draw: st.DrawFn) -> str:
    """One character repeated: the input that makes a backtracking pattern try every split."""
    return draw(st.sampled_from(_RUN_CHARS)) * draw(st.integers(1, 1500))


# Patterns known to be far from linear (none at present; see docs/robustness.md).
_SUPERLINEAR: set[str] = set()
_ACTIVE_FRAGMENTS = _FRAGMENTS + _REACHING

_PIECES = st.one_of(
    st.sampled_from(_ACTIVE_FRAGMENTS),
    st.sampled_from(SPECIAL_CHARS),
    _runs(),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)


@st.composite
def hostile_lines(draw: st.DrawFn) -> str:
    """Lines made of fragments, long runs, special characters and random text, some lines repeated."""
    lines = draw(st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=25))
    if lines and draw(st.booleans()):
        repeated = draw(st.sampled_from(lines))
        lines += [repeated] * draw(st.integers(1, 40))
    breaks = draw(st.lists(st.sampled_from(_LINE_BREAKS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + brk for line, brk in zip(lines, breaks))


@st.composite
def mutated_dumps(draw: st.DrawFn) -> str:
    """A realistic noisy dump with special characters, runs and fragments spliced in at random places."""
    text = draw(dumps()).text
    for _ in range(draw(st.integers(1, 12))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(_PIECES) + text[position:]
    return text


def hostile_texts() -> st.SearchStrategy[str]:
    return st.one_of(hostile_lines(), mutated_dumps(), unicode_texts(max_size=300))


def _clean_within_linear_time(text: str) -> None:
    bound = BASE_SECONDS + SECONDS_PER_CHAR * len(text)
    start = time.process_time()
    with time_limit(max(10 * bound, 30), "cleaning a fuzzed text"):
        articles = scrapeclean.clean(text)
    seconds = time.process_time() - start
    assert seconds <= bound, f"{seconds:.2f} s of CPU for {len(text)} characters (bound {bound:.2f} s)"
    check_valid(text, articles)
    check_stable(scrapeclean.to_text(articles))


@settings(max_examples=150, suppress_health_check=(HealthCheck.too_slow, HealthCheck.data_too_large))
@given(hostile_texts())
@example("(" + "photo " * 30 + "x" * 200)
@example("Photo:" + " " * 190 + "x:")
@example("©" + " " * 190 + "©x")
@example("1" + " " * 5000 + "March")
@example("Getty Images\n" * 200)
@example("\f\n" * 500)
def test_adversarial_text_cleans_validly_stably_and_in_linear_time(text):
    _clean_within_linear_time(text)


# -- regular expressions -----------------------------------------------------------------------------

_PATTERN_CALLS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"})


def _patterns_in_source() -> dict[str, tuple[str, int]]:
    """Every regular expression in src/: ``module.NAME`` for module-level compiled patterns, else ``module:line``."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        module = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named: dict[int, str] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                named[id(node.value)] = node.targets[0].id
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("re", "regex")
                and node.func.attr in _PATTERN_CALLS
            ):
                name = named.get(id(node))
                key = f"{module}.{name}" if name and node.func.attr == "compile" else f"{module}:{node.lineno}"
                found[key] = (module, node.lineno)
    return found


def _patterns_in_doc() -> set[str]:
    text = ROBUSTNESS_DOC.read_text(encoding="utf-8")
    section = text.split("## Regular expressions", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(scrapeclean[\w.:]+)` \|", section, flags=re.MULTILINE))


def test_every_regular_expression_in_src_is_reviewed_in_the_docs():
    in_source, in_doc = set(_patterns_in_source()), _patterns_in_doc()
    assert in_source, "no pattern found: the source scan is broken"
    assert not in_source - in_doc, f"review these patterns and list them in docs/robustness.md: {in_source - in_doc}"
    assert not in_doc - in_source, f"docs/robustness.md lists patterns that are gone: {in_doc - in_source}"


_OWN_TESTS = ("test_hostile_inputs.py", "test_fuzz.py", "test_cli_faults.py", "test_cli_attacks.py")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_the_robustness_doc_names_every_test_of_these_files_and_only_tests_that_exist():
    text = ROBUSTNESS_DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"tests/(test_\w+\.py)::(test_\w+)", text))
    missing = {(file, name) for file, name in named if name not in _test_names(ROOT / "tests" / file)}
    assert named and not missing, f"docs/robustness.md names tests that do not exist: {sorted(missing)}"
    for file in _OWN_TESTS:
        unnamed = {name for name in _test_names(ROOT / "tests" / file) if name not in text}
        assert not unnamed, f"tests of {file} missing from docs/robustness.md: {sorted(unnamed)}"


def _compiled(key: str) -> regex.Pattern | re.Pattern:
    module, _, name = key.rpartition(".")
    return getattr(importlib.import_module(module), name)


# Strings that make a backtracking pattern try many ways to match before failing:
# long runs of what a repeated group accepts, after the text that lets it start,
# and before a tail that makes the whole match fail at the very end.
_PATHOLOGICAL = {
    "spaces": lambda n: " " * n + "x",
    "letters": lambda n: "a" * n + "!",
    "capitals": lambda n: "A" * n + " ,,x",
    "capitalised-words": lambda n: "Aa " * (n // 3) + ",,x",
    "digits": lambda n: "1" * n + "x",
    "digit-spaces": lambda n: "1" + " " * n + "x",
    "digit-dots": lambda n: "1." * (n // 2) + "x",
    "month-words": lambda n: "jan " * (n // 4) + "x",
    "years": lambda n: "2024 " * (n // 5) + "x",
    "clock-times": lambda n: "12:30 " * (n // 6) + "x",
    "said-then-spaces": lambda n: "said" + " " * n + "x",
    "count-then-spaces": lambda n: "12" + " " * n + "x",
    "open-parens": lambda n: "(" * n,
    "parenthesised-credit-words": lambda n: "(" + "photo " * (n // 6) + "x",
    "labelled-spaces": lambda n: "photo:" + " " * n + "x:",
    "labels": lambda n: "photo credit:" * (n // 13),
    "copyright-spaces": lambda n: "©" + " " * n + "©x",
    "copyrights": lambda n: "© " * (n // 2),
    "agency-then-capitals": lambda n: ". Getty Images via " + "A" * n + " ,,x",
    "separators": lambda n: "/ A" * (n // 3),
    "dots": lambda n: ". " * (n // 2),
    "quotes-after-stop": lambda n: "." + "'" * n + "x",
    "line-breaks": lambda n: "\r\n\r" * (n // 3),
    "invisible": lambda n: "\u200b\xa0" * (n // 2) + "x",
    "noncharacters": lambda n: "\ufdd0 \ufdd1" * (n // 3),
}
SMALL, LARGE = 1_000, 4_000


def _pattern_params() -> list:
    params = []
    for key in sorted(key for key in _patterns_in_source() if ":" not in key):
        marks = ()
        if key in _SUPERLINEAR:
            marks = pytest.mark.xfail(strict=True, raises=(Hang, AssertionError), reason="backtracks superlinearly")
        params.append(pytest.param(key, marks=marks))
    return params


def _findall_seconds(pattern: regex.Pattern | re.Pattern, text: str) -> float:
    """The CPU time of a findall, the better of two runs (a collection or a busy moment adds to one only)."""
    times = []
    for _ in range(2):
        start = time.process_time()
        pattern.findall(text)
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("key", _pattern_params())
def test_regular_expression_runs_in_linear_time_on_pathological_strings(key):
    pattern = _compiled(key)
    slow = []
    with time_limit(2, key):
        for name, make in _PATHOLOGICAL.items():
            small, large = _findall_seconds(pattern, make(SMALL)), _findall_seconds(pattern, make(LARGE))
            # 4x the input: about 4x the time when linear, 16x quadratic; small times are noise.
            if large > 0.02 and large > 10 * small:
                slow.append(f"{name}: {small * 1000:.1f} ms -> {large * 1000:.1f} ms")
    assert not slow, f"{key} grows faster than linearly on: {slow}"


def test_globs_from_a_configuration_cannot_backtrack_catastrophically():
    from scrapeclean.io.paths import FileFilter

    hostile = FileFilter(include=("*a*a*a*a*a*a*a*a*b",), exclude=("*a*a*a*a*a*a*a*a*b/*",))
    name = "a" * 200
    with time_limit(5, "matching hostile globs"):
        assert not hostile.included(name) and not hostile.excluded(name + "/" + name)


# -- bytes -----------------------------------------------------------------------------------------


@st.composite
def broken_utf8(draw: st.DrawFn) -> bytes:
    """UTF-8 text with stray bytes (Latin-1 letters, cut sequences, BOM pieces) spliced in."""
    data = draw(unicode_texts(max_size=80)).encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        stray = draw(st.sampled_from((b"\xe9", b"\xff", b"\xe2\x82", b"\xc3", b"\x80", b"\xef\xbb", b"\xfe\xff")))
        data = data[:position] + stray + data[position:]
    return data


def _encoded_texts() -> st.SearchStrategy[bytes]:
    encodings = st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "cp1251"))
    text = st.text(st.characters(codec="latin-1", exclude_characters="\x00"), max_size=200)
    return st.tuples(text, encodings).map(lambda pair: pair[0].encode(pair[1], "replace"))


@settings(max_examples=100)
@given(st.one_of(st.binary(max_size=300), broken_utf8(), _encoded_texts()))
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe\x00")
@example(b"\xfe\xff\xd8\x00")  # UTF-16 with a lone surrogate
@example("Caf\xe9 au lait, na\xefve fa\xe7ade".encode("latin-1"))
def test_decoding_gives_text_or_a_clear_refusal_and_reversible_means_reversible(data):
    with time_limit(30, "decoding"):
        try:
            decoded = decode(data, "fuzz.txt")
        except InputError as error:
            assert "fuzz.txt" in str(error)
            return
    assert isinstance(decoded.text, str) and "\x00" not in decoded.text
    if decoded.reversible:
        assert decoded.encode(decoded.text) == data
    if not decoded.guessed and not decoded.bom:
        assert decoded.encoding == "utf-8" and data.decode("utf-8") == decoded.text
