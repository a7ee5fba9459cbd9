"""The DOM walk's speed: walk.py over selectolax against the engine's port, with resiliparse as the reference.

Run from the project root::

    python benchmarks/html_walk.py              # the 181 AEB pages
    python benchmarks/html_walk.py --set wcxb   # the 1,497 WCXB dev pages
    python benchmarks/html_walk.py --set both

Prints MB of HTML per second of CPU time (best of ``--repetitions`` runs), one
line each, in one run: selectolax's parse alone, selectolax's parse with
walk.py (``place_streamed_segments`` then ``walk``: what ``read_html`` does
before its evidence), the engine's parse and walk (``_engine.walk_html``),
and resiliparse's ``extract_plain_text(main_content=True)`` over its own
lexbor parse when resiliparse is installed. Pages are decoded as
``read_html`` decodes bytes, outside the timing.
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SETS = {"aeb": Path("aeb") / "html", "wcxb": Path("wcxb-dev") / "dev" / "html"}


def texts_of(data: Path, names: list[str]) -> list[str]:
    from scrapeclean.page.decode import decode_html

    paths = [path for name in names for path in sorted((data / SETS[name]).glob("*.html.gz"))]
    if not paths:
        raise SystemExit(f"no pages under {data} (the shared benchmark data): give --data")
    return [decode_html(gzip.decompress(path.read_bytes()), None)[0] for path in paths]


def timed(name: str, megabytes: float, work: Callable[[], object], repetitions: int) -> float:
    best = float("inf")
    for _ in range(repetitions):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    print(f"{name:58s} {megabytes / best:7.1f} MB/s  ({best:.2f} s CPU)")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--set", choices=["aeb", "wcxb", "both"], default="aeb")
    parser.add_argument("--repetitions", type=int, default=2)
    args = parser.parse_args()
    from selectolax.lexbor import LexborHTMLParser

    from scrapeclean import _engine
    from scrapeclean.page.walk import place_streamed_segments, walk

    texts = texts_of(args.data, ["aeb", "wcxb"] if args.set == "both" else [args.set])
    size = sum(len(text.encode()) for text in texts) / 1e6
    print(f"{len(texts)} pages ({args.set}), {size:.1f} MB of HTML; MB of HTML per second of CPU time")

    def python_walk() -> None:
        for text in texts:
            tree = LexborHTMLParser(text)
            root = tree.body if tree.body is not None else tree.root
            if root is not None:
                place_streamed_segments(root)
                walk(root)

    def engine_walk() -> None:
        for text in texts:
            _engine.walk_html(text)

    timed("selectolax (lexbor) parse alone", size, lambda: [LexborHTMLParser(text) for text in texts], args.repetitions)
    python = timed("selectolax parse + walk.py", size, python_walk, args.repetitions)
    engine = timed("engine walk_html (html5ever parse + walk)", size, engine_walk, args.repetitions)
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        print("resiliparse is not installed: no reference line")
    else:

        def resiliparse() -> None:
            for text in texts:
                extract_plain_text(HTMLTree.parse(text), main_content=True)

        timed("resiliparse parse + extract_plain_text(main_content=True)", size, resiliparse, args.repetitions)
    print(f"engine walk / walk.py: {python / engine:.1f}x")


if __name__ == "__main__":
    main()
