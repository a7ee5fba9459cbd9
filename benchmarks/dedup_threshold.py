"""How similar different stories get: the measurement behind the default dedup threshold and shingle size.

Cleans the development dumps (the article-extraction benchmark's shipped
dumps and the composites), maps every article to the gold story it holds,
and, for every pair of articles, compares the exact Jaccard similarity of
their word shingles with whether they hold the same gold story. A pair of
different stories at or above a threshold is a false pair. Articles that
hold no gold story (the cleaner kept chrome instead of the body) are counted
apart: two such pages of one site share their chrome. The two seed
dumps (one agency story printed by two outlets and edited) are measured the
same way: their shared story must reach the threshold.

    python benchmarks/dedup_threshold.py [--sizes 2,3,5] [--thresholds 0.2,0.3,0.4,0.5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from itertools import combinations
from pathlib import Path

import scrapeclean
from scrapeclean.corpus.dedup import shingles

SHARED = Path(__file__).resolve().parents[2] / "shared"
# An article holds a gold story when this share of its shingles are the story's.
HOLDS = 0.5


def dev_articles(size: int) -> list[tuple[str, frozenset[str], str]]:
    """(article id, shingles, gold story key) for every cleaned article of the development dumps."""
    pages: list[tuple[str, str, list[str]]] = []
    aeb = SHARED / "data" / "aeb"
    gold = json.loads((aeb / "ground-truth.json").read_text())
    shipped = json.loads((aeb / "output" / "html-text.json").read_text())["output"]
    for page_id in sorted(shipped):
        pages.append((f"aeb/{page_id}", shipped[page_id]["articleBody"], [gold[page_id].get("articleBody") or ""]))
    with gzip.open(SHARED / "data" / "composites-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            pages.append((record["id"], record["text"], [story["body"] for story in record["gold"]]))
    found = []
    for page_id, text, stories in pages:
        story_sets = [(body[:80], frozenset(shingles(body, size))) for body in stories if body.strip()]
        for article in scrapeclean.clean(text):
            mine = frozenset(shingles(article.text, size))
            if not mine:
                continue
            key, share = max(((name, len(mine & gold) / len(mine)) for name, gold in story_sets), key=lambda x: x[1])
            found.append((f"{page_id}#{article.index}", mine, key if share >= HOLDS else f"none:{page_id}"))
    return found


def seed_similarity(size: int) -> float:
    texts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "seeds").glob("*.txt"))]
    articles = [[frozenset(shingles(a.text, size)) for a in scrapeclean.clean(text)] for text in texts]
    return max(jaccard(first, second) for first in articles[0] for second in articles[1])


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2,3,5")
    parser.add_argument("--thresholds", default="0.2,0.3,0.4,0.5")
    options = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"no shared data at {SHARED}", file=sys.stderr)
        return 2
    thresholds = [float(value) for value in options.thresholds.split(",")]
    print(
        "| shingle words | articles | seeds' similarity | highest false pair | "
        + " | ".join(f"false pairs ≥ {value}" for value in thresholds)
        + " | true pairs | highest pair holding no gold story |"
    )
    print("| --- " * (6 + len(thresholds)) + "|")
    for size in map(int, options.sizes.split(",")):
        articles = dev_articles(size)
        false_scores, true_pairs, unheld = [], 0, [0.0]
        for (_, first, story), (_, second, other) in combinations(articles, 2):
            if story == other:
                true_pairs += 1
            elif story.startswith("none:") or other.startswith("none:"):
                unheld.append(jaccard(first, second))  # an article holding no gold story: a failed extraction
            else:
                false_scores.append(jaccard(first, second))
        counts = [sum(score >= value for score in false_scores) for value in thresholds]
        print(
            f"| {size} | {len(articles)} | {seed_similarity(size):.3f} | {max(false_scores):.3f} | "
            + " | ".join(map(str, counts))
            + f" | {true_pairs} | {max(unheld):.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
