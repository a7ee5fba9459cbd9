"""What site profiles gain: same-site corpora built from the article-extraction benchmark's dumps.

A site prints the same header and footer around every story, with its dates
and counters changing from page to page. This script builds such corpora
from the shipped dumps: for each of several template pages, the lines of its
dump above and below its gold body are the site's chrome; every page of the
site is that chrome (its digits and month names varied) around the gold body
of another page. Lines that legitimately recur are put into the bodies too:
a standard correction notice under a share of a site's stories, and a slogan
quoted by two of them. Both are gold, so removing them costs recall.

It reports the benchmark's shingle precision and recall of cleaning without
profiles and with the profiles learned from each site's pages, and how many
of the recurring body lines survive.

    python benchmarks/site_profiles.py [--sites 6] [--pages 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import scrapeclean
from scrapeclean.corpus.profiles import ProfileLearner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.datasets import read_aeb  # noqa: E402
from benchmarks.metrics import shingle_counts, shingle_scores  # noqa: E402

AEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "aeb"
MONTHS = "January February March April May June July August September October November December".split()
MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
CORRECTION = (
    "Correction: An earlier version of this article misstated a figure given by officials; it has been corrected."
)
SLOGAN = "Build the future together, not apart"
# Chrome of a template page: at least this many lines above and below its body.
MIN_HEADER, MIN_FOOTER = 5, 3
# A dump line longer than this many words found inside the gold body marks the body.
BODY_LINE_WORDS = 6


def body_bounds(lines: list[str], gold: str) -> tuple[int, int] | None:
    flat = " ".join(gold.split())
    inside = [
        index
        for index, line in enumerate(lines)
        if len(line.split()) >= BODY_LINE_WORDS and " ".join(line.split()) in flat
    ]
    return (inside[0], inside[-1]) if inside else None


def templates(pages: list, count: int) -> list[tuple[str, list[str], list[str]]]:
    found = []
    for page in pages:
        lines = page.shipped_dump.splitlines()
        bounds = body_bounds(lines, page.gold_body)
        if bounds is None:
            continue
        header, footer = lines[: bounds[0]], lines[bounds[1] + 1 :]
        shown = [sum(1 for line in part if line.strip()) for part in (header, footer)]
        if shown[0] >= MIN_HEADER and shown[1] >= MIN_FOOTER:
            found.append((page.page_id, header, footer))
        if len(found) == count:
            break
    return found


def vary(lines: list[str], rng: random.Random) -> str:
    text = "\n".join(lines)
    text = re.sub(r"\d+", lambda match: str(rng.randrange(1, 10 ** len(match.group()))), text)
    return MONTH.sub(lambda match: rng.choice(MONTHS), text)


def build(pages_per_site: int, site_count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    pages = [page for page in read_aeb(AEB) if page.shipped_dump and page.gold_body.strip()]
    sites = templates(pages, site_count)
    used = {page_id for page_id, _, _ in sites}
    bodies = [page.gold_body for page in pages if page.page_id not in used]
    corpus = []
    for site_number, (page_id, header, footer) in enumerate(sites):
        chosen = rng.sample(bodies, pages_per_site)
        for number, body in enumerate(chosen):
            paragraphs = [line for line in body.splitlines() if line.strip()]
            if number % 3 == 0:
                paragraphs.append(CORRECTION)
            if number in (1, 2):
                paragraphs.insert(len(paragraphs) // 2, f"\u201c{SLOGAN},\u201d the campaign's posters read.")
            gold = "\n".join(paragraphs)
            text = vary(header, rng) + "\n" + gold + "\n" + vary(footer, rng) + "\n"
            site = f"site{site_number}"
            corpus.append({"id": f"{site}-{number}", "site": site, "text": text, "gold": gold})
    return corpus


def evaluate(corpus: list[dict], **settings: float) -> dict:
    learner = ProfileLearner()
    for item in corpus:
        learner.add(item["site"], item["text"])
    profiles = learner.profiles()
    plain, profiled = [], []
    survived = {"correction": [0, 0, 0], "slogan": [0, 0, 0]}
    for item in corpus:
        without = scrapeclean.to_text(scrapeclean.clean(item["text"]))
        pipeline = scrapeclean.default_pipeline()
        chrome = profiles.chrome_pass(item["site"], **settings)
        pipeline = scrapeclean.Pipeline((chrome, *pipeline.passes))
        with_profiles = scrapeclean.to_text(scrapeclean.clean(item["text"], pipeline=pipeline))
        plain.append(shingle_counts(item["gold"], without))
        profiled.append(shingle_counts(item["gold"], with_profiles))
        for name, marker in (("correction", CORRECTION), ("slogan", SLOGAN)):
            if marker in item["gold"]:
                survived[name][0] += marker in without
                survived[name][1] += marker in with_profiles
                survived[name][2] += 1
    before, after = shingle_scores(plain), shingle_scores(profiled)
    return {
        "pages": len(corpus),
        "sites": len(profiles.sites),
        "without": before._asdict(),
        "with": after._asdict(),
        "recurring_lines_kept": {
            name: {"without": f"{plain_kept}/{total}", "with": f"{kept}/{total}"}
            for name, (plain_kept, kept, total) in survived.items()
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=6)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--min-share", type=float, default=None, help="remove-profiled-chrome.min_share")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    if not AEB.exists():
        print(f"no dataset at {AEB}", file=sys.stderr)
        return 2
    settings = {} if options.min_share is None else {"min_share": options.min_share}
    result = evaluate(build(options.pages, options.sites), **settings)
    if options.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['pages']} pages, {result['sites']} sites")
    print("| profiles | precision | recall | F1 |\n| --- | --- | --- | --- |")
    for name in ("without", "with"):
        scores = result[name]
        print(f"| {name} | {scores['precision']:.4f} | {scores['recall']:.4f} | {scores['f1']:.4f} |")
    print("recurring body lines kept:", result["recurring_lines_kept"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
