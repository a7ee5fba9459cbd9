"""Golden files: page dumps and what a careful editor keeps of them.

``cases/seeds/``: the project's two seed dumps and their ``*.expected.json``.
``cases/*.txt`` + ``cases/*.json``: more dumps in the same format. They are
checked the way the seeds always have been: each article's title, section,
byline (and dateline), caption texts and credits, and its body paragraphs (or
one of ``body_alternatives``); no ``must_not_appear`` line may be kept as a
body paragraph or title. Whitespace runs compare equal.

``cases/negative/*.txt``: clean articles that must pass through unchanged.

An expectation with an ``"xfail"`` reason is a known failure, kept visible
as a strict expected failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scrapeclean

CASES = Path(__file__).parent / "cases"


def _norm(text: object) -> str:
    return " ".join(str(text or "").split())


def _golden_cases() -> list:
    pairs = [
        (path, path.with_name(path.name[: -len(".txt")] + ".expected.json"))
        for path in sorted((CASES / "seeds").glob("*.txt"))
    ]
    pairs += [(path, path.with_suffix(".json")) for path in sorted(CASES.glob("*.txt"))]
    params = []
    for dump, expected_path in pairs:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=expected["xfail"])] if "xfail" in expected else []
        params.append(pytest.param(dump, expected, id=dump.relative_to(CASES).as_posix(), marks=marks))
    return params


def _mismatches(got: list[dict], expected: dict) -> list[str]:
    """Every difference between the articles and the expectation, one line each."""
    errors = []
    wanted = expected["articles"]
    if len(got) != len(wanted):
        errors.append(f"{len(got)} articles, expected {len(wanted)}")
    for number, (article, want) in enumerate(zip(got, wanted)):
        where = f"article {number}"
        for name in ("title", "section", "byline", "dateline"):
            if name in want and _norm(article[name]) != _norm(want[name]):
                errors.append(f"{where}: {name} {_norm(article[name])!r}, expected {_norm(want[name])!r}")
        captions = [_norm(caption["text"]) for caption in article["captions"]]
        if captions != [_norm(text) for text in want.get("captions", [])]:
            errors.append(f"{where}: captions {captions!r}, expected {want.get('captions')!r}")
        if "credits" in want:
            credits = [_norm(caption["credit"]) for caption in article["captions"] if caption["credit"]]
            if credits != [_norm(credit) for credit in want["credits"]]:
                errors.append(f"{where}: credits {credits!r}, expected {want['credits']!r}")
        body = [_norm(paragraph) for paragraph in article["body"] if _norm(paragraph)]
        bodies = [[_norm(paragraph) for paragraph in want["body"]]]
        bodies += [[_norm(paragraph) for paragraph in other] for other in want.get("body_alternatives", [])]
        if body not in bodies:
            differing = next((a for a, b in zip(body, bodies[0]) if a != b), None)
            errors.append(
                f"{where}: body has {len(body)} paragraphs, not the expected {len(bodies[0])}"
                f" (first differing: {differing!r})"
            )
    shown = {_norm(line) for article in got for line in [*article["body"], article["title"]]}
    for line in expected.get("must_not_appear", []):
        if _norm(line) and _norm(line) in shown:
            errors.append(f"chrome kept: {line[:60]!r}")
    return errors


@pytest.mark.parametrize(("dump", "expected"), _golden_cases())
def test_golden_case(dump, expected):
    got = [article.to_dict() for article in scrapeclean.clean(dump.read_text(encoding="utf-8"))]
    assert _mismatches(got, expected) == []


@pytest.mark.parametrize("dump", sorted(CASES.rglob("*.txt")), ids=lambda path: path.relative_to(CASES).as_posix())
def test_golden_dumps_are_stable_when_cleaned_again(dump):
    once = scrapeclean.to_text(scrapeclean.clean(dump.read_text(encoding="utf-8")))
    assert scrapeclean.to_text(scrapeclean.clean(once)) == once


@pytest.fixture(scope="module")
def dev_dumps_cleaned_twice() -> list[tuple[str, list, list]]:
    """The AEB dumps and the composites (381 pages of the wild): each dump's name, its articles, and the
    articles of its text form cleaned again."""
    from benchmarks.dev_dumps import DATA, dumps

    if not (DATA / "aeb").exists() or not (DATA / "composites-dev.jsonl.gz").exists():
        pytest.skip(f"the dev dumps are not beside the project ({DATA} is missing)")
    named = list(dumps(("aeb", "composites"), data=DATA))
    once = scrapeclean.clean_many([text for _, text in named], threads=2)
    twice = scrapeclean.clean_many([scrapeclean.to_text(found) for found in once], threads=2)
    return [(name, first, second) for (name, _), first, second in zip(named, once, twice)]


def test_every_shipped_dev_dump_is_stable_when_cleaned_again(dev_dumps_cleaned_twice):
    changed = [
        name
        for name, first, second in dev_dumps_cleaned_twice
        if scrapeclean.to_text(first) != scrapeclean.to_text(second)
    ]
    assert changed == []


# Shipped dev dumps whose text form, cleaned again, titles a story otherwise (10 before a title given in a
# confirming round to a line the text form shows was kept; a fix that gets these right lowers the bound).
TITLES_CHANGED_AT_MOST = 4


def test_a_shipped_dev_dump_cleaned_again_keeps_its_titles(dev_dumps_cleaned_twice):
    changed = [
        name
        for name, first, second in dev_dumps_cleaned_twice
        if [article.title for article in first] != [article.title for article in second]
    ]
    assert len(changed) <= TITLES_CHANGED_AT_MOST, changed


def _negative_cases() -> list:
    params = []
    for path in sorted((CASES / "negative").glob("*.txt")):
        sidecar = path.with_suffix(".json")
        marks = []
        if sidecar.exists():
            marks = [pytest.mark.xfail(strict=True, reason=json.loads(sidecar.read_text(encoding="utf-8"))["xfail"])]
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize("path", _negative_cases())
def test_clean_article_passes_through_unchanged(path):
    title, *paragraphs = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = scrapeclean.clean(path.read_text(encoding="utf-8"))
    assert len(articles) == 1
    article = articles[0]
    assert article.title == title
    assert list(article.body) == paragraphs
    assert article.captions == ()
    assert [(item.reason, item.detail) for item in article.removed] == []


def test_the_checker_reports_what_differs():
    expected = {
        "articles": [{"title": "A", "section": None, "captions": ["C (AFP)"], "credits": ["AFP"], "body": ["x", "y"]}],
        "must_not_appear": ["Share"],
    }
    right = {
        "title": "A",
        "section": None,
        "byline": None,
        "dateline": None,
        "body": ["x", " y "],
        "captions": [{"text": "C  (AFP)", "credit": "AFP"}],
    }
    assert _mismatches([right], expected) == []
    wrong = {**right, "title": "B", "body": ["x", "Share"], "captions": [{"text": "C (AFP)", "credit": None}]}
    assert _mismatches([wrong], expected) == [
        "article 0: title 'B', expected 'A'",
        "article 0: credits [], expected ['AFP']",
        "article 0: body has 2 paragraphs, not the expected 2 (first differing: 'Share')",
        "chrome kept: 'Share'",
    ]
    assert _mismatches([], expected) == ["0 articles, expected 1"]
