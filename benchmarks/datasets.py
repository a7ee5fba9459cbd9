"""Readers for the public datasets, in the layouts they are published in.

Every reader yields :class:`Page` s: one scoring unit with its gold text and
where its input comes from (a dump shipped with the dataset, or an HTML file
that a renderer turns into a dump).

* article-extraction benchmark: ``ground-truth.json``, ``html/<id>.html.gz``,
  ``output/html-text.json`` (the html-text dumps it ships).
* WCXB: ``<split>/html/<id>.html.gz``, ``<split>/ground-truth/<id>.json``,
  ``metadata.json``. The split is a parameter, so a full checkout's other
  splits read the same way.
* Composite dumps: JSON lines ``{"id", "kind", "text", "gold": [{"title", "body"}, …]}``
  (``kind`` is ``dup``, ``captions`` or ``multi``),
  optionally gzipped, as :mod:`benchmarks.composites` writes them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SHIPPED = "shipped"  # the renderer name for dumps that come with the dataset
DUPLICATE_KINDS = ("dup", "captions")  # composites scored against the same page without the copy


HALVES = ("A", "B")  # the dev pages split in two by a hash of their id: tune on A, check on B


def half_of(page_id: str) -> str:
    """Which half of the dev data a page falls in, by a hash of its own id.

    A composite falls in its host page's half (``wcxb-dev/0417+multi`` goes
    with WCXB page ``0417``), so a page and the composites it hosts are never
    split across halves.

    >>> half_of("0417") == half_of("wcxb-dev/0417+multi")
    True
    """
    base = page_id.rsplit("/", 1)[-1].split("+", 1)[0]
    return HALVES[hashlib.sha256(base.encode("utf-8")).digest()[0] % 2]


@dataclass(frozen=True)
class Story:
    title: str | None
    body: str


@dataclass(frozen=True)
class Page:
    """One page (or composite dump) to score.

    ``kind`` is ``single`` for ordinary pages, ``dup`` for a page whose story
    is printed twice, ``multi`` for several stories in one dump. ``html_path``
    is the page's HTML where there is one; for ``dup`` and ``captions``
    composites it is the page without the copy, rendered for the precision
    baseline (or given as ``baseline_dump``).
    """

    set_name: str
    page_id: str
    page_type: str
    stories: tuple[Story, ...]
    html_path: Path | None = None
    shipped_dump: str | None = None
    shipped_renderer: str | None = None
    kind: str = "single"
    baseline_dump: str | None = None  # for dup kinds without HTML: the page without the copy
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def gold_body(self) -> str:
        return "\n\n".join(story.body for story in self.stories)

    @property
    def gold_title(self) -> str | None:
        return self.stories[0].title if self.stories else None


def read_json(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def read_aeb(root: Path) -> Iterator[Page]:
    """The article-extraction benchmark: gold bodies, HTML and the html-text dumps it ships."""
    ground_truth = read_json(root / "ground-truth.json")
    shipped_path = root / "output" / "html-text.json"
    shipped = read_json(shipped_path)["output"] if shipped_path.exists() else {}
    for page_id in sorted(ground_truth):
        html_path = root / "html" / f"{page_id}.html.gz"
        dump = shipped.get(page_id, {}).get("articleBody")
        yield Page(
            set_name="aeb",
            page_id=page_id,
            page_type="article",
            stories=(Story(None, ground_truth[page_id].get("articleBody") or ""),),
            html_path=html_path if html_path.exists() else None,
            shipped_dump=dump,
            shipped_renderer="html-text" if dump is not None else None,
        )


def wcxb_page_type(file_id: str, ground_truth: dict, metadata: dict) -> str:
    """The page type from ``metadata.json``, else from the ground-truth file, as WCXB's evaluator reads it."""
    listed = metadata.get(file_id, {}).get("page_type")
    if listed:
        return listed
    page_type = (ground_truth.get("_internal") or {}).get("page_type", "article")
    if isinstance(page_type, dict):
        page_type = page_type.get("primary", "article")
    # WCXB's own evaluator folds the older name into the newer one.
    return "collection" if page_type == "category" else str(page_type)


def read_wcxb(root: Path, split: str = "dev") -> Iterator[Page]:
    """WCXB pages of one split. Gold body is ``main_content`` (empty where missing, as WCXB scores it)."""
    metadata_path = root / "metadata.json"
    metadata = read_json(metadata_path).get("files", {}) if metadata_path.exists() else {}
    for gold_path in sorted((root / split / "ground-truth").glob("*.json")):
        file_id = gold_path.stem
        data = read_json(gold_path)
        gold = data.get("ground_truth") if isinstance(data.get("ground_truth"), dict) else {}
        html_path = root / split / "html" / f"{file_id}.html.gz"
        yield Page(
            set_name="wcxb",
            page_id=file_id,
            page_type=wcxb_page_type(file_id, data, metadata),
            stories=(Story(gold.get("title") or None, gold.get("main_content") or ""),),
            html_path=html_path if html_path.exists() else None,
        )


def read_composites(path: Path, html_root: Path | None = None, set_name: str = "composites") -> Iterator[Page]:
    """Composite dumps. ``html_root`` is where the ``html_path`` of each line is relative to."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            html_path = None
            if html_root is not None and record.get("html_path"):
                candidate = html_root / record["html_path"]
                html_path = candidate if candidate.exists() else None
            yield Page(
                set_name=set_name,
                page_id=record["id"],
                page_type=record.get("page_type") or "article",
                stories=tuple(Story(gold.get("title"), gold.get("body") or "") for gold in record["gold"]),
                html_path=html_path,
                shipped_dump=record["text"],
                shipped_renderer=record.get("renderer") or SHIPPED,
                kind=record.get("kind") or "multi",
                baseline_dump=record.get("original_text"),
            )
