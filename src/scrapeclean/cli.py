"""The ``scrapeclean`` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import json
import sys


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8-sig", errors="strict")
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8-sig", errors="strict")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scrapeclean")
    commands = parser.add_subparsers(dest="command", required=True)
    clean_parser = commands.add_parser("clean", help="print cleaned output")
    clean_parser.add_argument("paths", nargs="+")
    clean_parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    options = parser.parse_args(argv)

    import scrapeclean

    out = sys.stdout
    for path in options.paths:
        articles = scrapeclean.clean(_read(path), source=None if path == "-" else path)
        if options.format == "text":
            out.write(scrapeclean.to_text(articles) + "\n")
        elif options.format == "json":
            out.write(json.dumps([a.to_dict() for a in articles], ensure_ascii=False, indent=2) + "\n")
        else:
            for article in articles:
                out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
