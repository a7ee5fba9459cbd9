"""Make composite dumps from any dataset, to stress a cleaner on your own pages.

Three kinds, written as JSON lines in the layout of ``composites-dev.jsonl.gz``:

* ``dup``: the story (title to last body line) printed a second time right
  after itself, the copy with typographic variants (straight quotes made
  curly, or curly made straight where the page already uses curly ones), as
  pages that render a story twice (AMP/print/"read more" copies) produce.
* ``multi``: 2–3 pages' dumps inside one another, as infinite-scroll pages
  produce: the host page up to the end of its story, then each guest page's
  whole dump, then the rest of the host page.
* ``captions``: every photo caption (``<figcaption>``) line printed twice.
* ``stacked``: 2–3 stories of pages of one half of the data stacked as a
  site's endless page prints them: the host page up to the end of its story,
  then each guest's story (title to last body line) after one of four joins
  picked at random: the site's own chrome above the host's story repeated
  (its short menu and section lines), one section label, the story straight
  after the last line with no blank line between, or a blank line. Scored as
  ``multi``.
* ``guide``: a listicle or guide (a story with several heading lines between
  its paragraphs) left as it is, scored as ``multi`` with one story: it must
  not be split at its headings.

``dup`` and ``captions`` records keep the page's HTML path (or its plain
dump), so the benchmark can score the same page without the copy.

    python benchmarks/composites.py --set wcxb --root ../shared/data/wcxb-dev --count 30 --out my.jsonl.gz
    python benchmarks/composites.py --dumps my-pages.jsonl --out my.jsonl.gz   # {"id","text","title","body"} lines
    python benchmarks/quality.py --sets composites --composites my.jsonl.gz --composites-html ../shared/data/wcxb-dev
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import datasets
from benchmarks.renderers import read_html, render_file

KINDS = ("dup", "multi", "captions", "stacked", "guide")
JOINS = ("chrome", "label", "tight", "blank")  # how ``stacked`` joins one story to the next
CHROME_WORDS = 6  # a line of the site's chrome above a story: a menu entry or section label
CHROME_LINES = 6  # how many of them the site repeats between stories
HEADING_WORDS = 12  # a heading inside a guide: a short line without sentence punctuation
MIN_HEADINGS = 3
MIN_BODY_WORDS = 150  # short gold bodies make stories that are hard to locate in the dump
MIN_MATCH_WORDS = 5  # a dump line shorter than this says little about where the story is
TITLE_REACH = 12  # how many lines above the first body line the title may stand
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def story_region(lines: list[str], body: str, title: str | None) -> tuple[int, int] | None:
    """The dump's lines ``[start, end)`` that hold the story: from its title (when near) to its last body line."""
    gold = normalise(body)
    matched = [
        number for number, line in enumerate(lines) if len(line.split()) >= MIN_MATCH_WORDS and normalise(line) in gold
    ]
    if len(matched) < 2:
        return None
    start, end = matched[0], matched[-1] + 1
    if title:
        for number in range(start - 1, max(-1, start - TITLE_REACH), -1):
            if normalise(lines[number]) == normalise(title):
                return number, end
    return start, end


_OPEN_AFTER = r"(^|(?<=[\s(\[{—–-]))"


def typographic_variant(text: str) -> str:
    """Straight quotes made curly; where there are none, curly quotes made straight.

    >>> typographic_variant('He said "it\\'s fine" and left')
    'He said “it’s fine” and left'
    >>> typographic_variant("“Fine,” she’d say")
    '"Fine," she\\'d say'
    """
    if '"' in text or "'" in text:
        text = re.sub(_OPEN_AFTER + '"', "\\1“", text, flags=re.MULTILINE).replace('"', "”")
        return re.sub(_OPEN_AFTER + "'", "\\1‘", text, flags=re.MULTILINE).replace("'", "’")
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def make_dup(dump: str, page: datasets.Page) -> str | None:
    lines = dump.split("\n")
    region = story_region(lines, page.gold_body, page.gold_title)
    if region is None:
        return None
    start, end = region
    copy = typographic_variant("\n".join(lines[start:end]))
    if copy == "\n".join(lines[start:end]):
        return None  # no quotes to vary: the copy would be an exact repeat, which is another test
    return "\n".join([*lines[:end], "", copy, *lines[end:]])


def make_multi(host_dump: str, host: datasets.Page, guest_dumps: list[str]) -> str | None:
    lines = host_dump.split("\n")
    region = story_region(lines, host.gold_body, host.gold_title)
    if region is None:
        return None
    end = region[1]
    inserted = [line for dump in guest_dumps for line in ("", *dump.strip("\n").split("\n"))]
    return "\n".join([*lines[:end], *inserted, "", *lines[end:]])


def site_chrome(lines: list[str], story_start: int) -> list[str]:
    """The short lines above a story (menu entries, section labels), the last few of them, as the site prints them."""
    short = [line for line in lines[:story_start] if line.strip() and len(line.split()) <= CHROME_WORDS]
    return short[-CHROME_LINES:]


def make_stacked(host_dump: str, host: datasets.Page, guests: list[tuple[str, datasets.Page]], rng) -> str | None:
    """The host page with each guest's story inside it after its own story, each after a join picked by ``rng``."""
    lines = host_dump.split("\n")
    region = story_region(lines, host.gold_body, host.gold_title)
    if region is None:
        return None
    start, end = region
    chrome = site_chrome(lines, start)
    inserted: list[str] = []
    for guest_dump, guest in guests:
        guest_lines = guest_dump.split("\n")
        guest_region = story_region(guest_lines, guest.gold_body, guest.gold_title)
        if guest_region is None or normalise(guest_lines[guest_region[0]]) != normalise(guest.gold_title or ""):
            return None  # a guest's story starts at its title, as an endless page prints it
        story = guest_lines[guest_region[0] : guest_region[1]]
        join = rng.choice(JOINS)
        if join == "chrome" and chrome:
            inserted += ["", *chrome, *story]
        elif join == "label" and chrome:
            inserted += ["", rng.choice(chrome), *story]
        elif join == "tight":
            inserted += story
        else:
            inserted += ["", *story]
    return "\n".join([*lines[:end], *inserted, "", *lines[end:]])


def is_guide(dump: str, page: datasets.Page) -> bool:
    """A story with several heading lines between its paragraphs (a listicle, a how-to), found in the dump."""
    lines = dump.split("\n")
    region = story_region(lines, page.gold_body, page.gold_title)
    if region is None:
        return False
    gold = normalise(page.gold_body)
    headings = [
        line
        for line in lines[region[0] + 1 : region[1]]
        if 0 < len(line.split()) <= HEADING_WORDS and line.rstrip()[-1:] not in ".!?:;," and normalise(line) in gold
    ]
    return len(headings) >= MIN_HEADINGS


def figure_captions(html: str) -> list[str]:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    captions = (normalise(node.text_content()) for node in tree.iter("figcaption"))
    return [caption for caption in captions if len(caption.split()) >= 3]


def make_captions(dump: str, captions: Iterable[str]) -> str | None:
    wanted = set(captions)
    lines = dump.split("\n")
    doubled = []
    for line in lines:
        if normalise(line) in wanted:
            doubled.append(line)
        doubled.append(line)
    return "\n".join(doubled) if len(doubled) > len(lines) else None


def read_dump_pages(path: Path) -> Iterator[datasets.Page]:
    """Your own pages: JSON lines ``{"id", "text", "title", "body"}`` (text: the dump; title and body: the gold)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in filter(str.strip, handle):
            record = json.loads(line)
            yield datasets.Page(
                set_name=path.name.split(".")[0],
                page_id=str(record["id"]),
                page_type=record.get("page_type") or "article",
                stories=(datasets.Story(record.get("title"), record["body"]),),
                shipped_dump=record["text"],
            )


def page_dump(page: datasets.Page, renderer: str, cache_dir) -> str | None:
    if page.shipped_dump is not None and (renderer == datasets.SHIPPED or page.html_path is None):
        return page.shipped_dump
    return render_file(page.html_path, renderer, cache_dir) if page.html_path is not None else None


def record_for(page: datasets.Page, kind: str, text: str, stories, renderer: str, html_root: Path | None) -> dict:
    record = {
        "id": f"{page.set_name}/{page.page_id}+{kind}",
        "dataset": page.set_name,
        "renderer": renderer,
        "page_type": page.page_type,
        "kind": "multi" if kind in ("stacked", "guide") else kind,
        "text": text,
        "gold": [{"title": story.title, "body": story.body} for story in stories],
        "html_path": None,
    }
    if page.html_path is not None and html_root is not None:
        record["html_path"] = page.html_path.resolve().relative_to(html_root.resolve()).as_posix()
    if record["kind"] != "multi" and (record["html_path"] is None or renderer == datasets.SHIPPED):
        record["original_text"] = page_dump(page, renderer, None)  # the page without the copy
    return record


def generate(
    pages, kinds, count: int, renderer: str, seed: int, html_root: Path | None, cache_dir=None
) -> Iterator[dict]:
    """Up to ``count`` composites of each kind, from pages with a gold body long enough to find in the dump."""
    candidates = [page for page in pages if len(page.gold_body.split()) >= MIN_BODY_WORDS]
    rng = random.Random(seed)
    rng.shuffle(candidates)
    for kind in kinds:
        made = 0
        for page in candidates:
            if made >= count:
                break
            dump = page_dump(page, renderer, cache_dir)
            if dump is None:
                continue
            stories = page.stories
            if kind == "dup":
                text = make_dup(dump, page)
            elif kind == "guide":
                text = dump if is_guide(dump, page) else None
            elif kind == "stacked":
                # Guests come from the host's half of the data, so a half's composites hold only its own pages.
                same_half = [
                    other
                    for other in candidates
                    if other is not page and datasets.half_of(other.page_id) == datasets.half_of(page.page_id)
                ]
                guests = rng.sample(same_half, rng.choice((1, 2)))
                guest_dumps = [page_dump(guest, renderer, cache_dir) for guest in guests]
                text = None if None in guest_dumps else make_stacked(dump, page, list(zip(guest_dumps, guests)), rng)
                stories = (*page.stories, *(story for guest in guests for story in guest.stories))
            elif kind == "captions":
                html = read_html(page.html_path) if page.html_path is not None else ""
                text = make_captions(dump, figure_captions(html)) if html else None
            else:
                guests = rng.sample([other for other in candidates if other is not page], rng.choice((1, 2)))
                guest_dumps = [page_dump(guest, renderer, cache_dir) for guest in guests]
                text = None if None in guest_dumps else make_multi(dump, page, guest_dumps)
                stories = (*page.stories, *(story for guest in guests for story in guest.stories))
            if text is not None:
                made += 1
                yield record_for(page, kind, text, stories, renderer, html_root)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Make composite dumps (dup, multi, captions) from a dataset.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--set", choices=("aeb", "wcxb"), help="read a published dataset from --root")
    source.add_argument("--dumps", type=Path, help='your own JSON lines {"id", "text", "title", "body"}')
    parser.add_argument("--root", type=Path, help="the dataset checkout (for --set)")
    parser.add_argument("--split", default="dev", help="WCXB split (default dev)")
    parser.add_argument(
        "--renderer", default="html-text", help="html-text, inscriptis, or shipped (the dataset's own dumps)"
    )
    parser.add_argument("--page-types", default="article", help="comma list of page types to use, or 'all'")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma list of {', '.join(KINDS)}")
    parser.add_argument("--count", type=int, default=50, help="composites of each kind (default 50)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache-dir", type=Path, help="rendered dump cache to read and fill (default: none)")
    parser.add_argument("--out", type=Path, required=True, help="JSONL to write (.gz compresses)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.set:
        if args.root is None:
            raise SystemExit("--set needs --root, the dataset checkout")
        pages = datasets.read_aeb(args.root) if args.set == "aeb" else datasets.read_wcxb(args.root, args.split)
    else:
        pages = read_dump_pages(args.dumps)
    wanted_types = None if args.page_types == "all" else set(args.page_types.split(","))
    pages = [page for page in pages if wanted_types is None or page.page_type in wanted_types]
    kinds = [kind for kind in args.kinds.split(",") if kind]
    opener = gzip.open if args.out.suffix == ".gz" else open
    written = 0
    with opener(args.out, "wt", encoding="utf-8") as out:
        for record in generate(pages, kinds, args.count, args.renderer, args.seed, args.root, args.cache_dir):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print(f"wrote {written} composites to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
