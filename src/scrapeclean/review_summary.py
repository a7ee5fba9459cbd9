"""The static parts of the review page: the summary, the chart of kept shares and the table of contents.

They are written once, as escaped HTML, when the page is built; the page's
script only shows, hides and highlights them.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .review import Overview

# The chart's drawing area, in its own units (the SVG scales to the window).
CHART_HEIGHT = 100
BAR_GAP = 0.15
# So that a handful of records still gives thin bars rather than slabs.
CHART_MIN_BARS = 60


def _escape(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'s' * (count != 1)}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def summary_html(views: Sequence[Overview], pass_names: Sequence[str]) -> str:
    """Records, articles, words kept and removed, and the removed blocks per pass and reason."""
    kept = sum(view.kept_words for view in views)
    removed = sum(view.removed_words for view in views)
    articles = sum(view.stories for view in views)
    flagged = Counter(flag for view in views for flag in view.flags)
    numbers = [
        _plural(len(views), "record"),
        _plural(articles, "article"),
        f"{_plural(kept, 'word')} kept ({_percent(kept, kept + removed)})",
        f"{_plural(removed, 'word')} removed",
        *(f"{count:,} {_escape(flag)}" for flag, count in sorted(flagged.items())),
    ]
    parts = [
        '<section id="summary">\n<p class="numbers">',
        " · ".join(numbers),
        "</p>\n",
        _removals_table(views, pass_names),
    ]
    parts.append("</section>\n")
    return "".join(parts)


def _removals_table(views: Sequence[Overview], pass_names: Sequence[str]) -> str:
    by_reason: Counter[str] = Counter()
    records: Counter[str] = Counter()
    for view in views:
        by_reason.update(view.removals)
        records.update(view.removals.keys())
    if not by_reason:
        return '<p class="none">Nothing removed.</p>\n'
    order = {name: position for position, name in enumerate(pass_names)}

    def sort_key(label: str) -> tuple[int, int, str]:
        name = label.split("/", 1)[0]
        return order.get(name, len(order)), -by_reason[label], label

    rows = [
        '<details class="removals" open><summary>removed blocks by pass and reason</summary>\n<table>\n',
        "<thead><tr><th>pass / reason</th><th>blocks</th><th>records</th></tr></thead>\n<tbody>\n",
    ]
    current = None
    for label in sorted(by_reason, key=sort_key):
        name, reason = label.split("/", 1)
        if name != current:
            current = name
            total = sum(count for key, count in by_reason.items() if key.split("/", 1)[0] == name)
            hit = sum(1 for view in views if any(key.split("/", 1)[0] == name for key in view.removals))
            rows.append(
                f'<tr class="pass pass-{order.get(name, len(order))}"><td><button type="button" '
                f'data-filter="{_escape(name)}">{_escape(name)}</button></td>'
                f"<td>{total:,}</td><td>{hit:,}</td></tr>\n"
            )
        rows.append(
            f'<tr class="reason"><td><button type="button" data-filter="{_escape(label)}">'
            f"{_escape(reason)}</button></td><td>{by_reason[label]:,}</td><td>{records[label]:,}</td></tr>\n"
        )
    rows.append("</tbody></table></details>\n")
    return "".join(rows)


def chart_svg(views: Sequence[Overview]) -> str:
    """One bar per record, as high as the share of its words kept; flagged records in another colour."""
    count = max(len(views), CHART_MIN_BARS)
    bars = []
    for number, view in enumerate(views):
        height = round(CHART_HEIGHT * view.kept_share, 2)
        flagged = " flagged" if view.flags else ""
        label = f"{number + 1}: {view.where} — {view.kept_share:.0%} kept"
        bars.append(
            f'<rect class="bar{flagged}" data-record="{number}" x="{number + BAR_GAP / 2}" '
            f'y="{CHART_HEIGHT - height}" width="{1 - BAR_GAP}" height="{max(height, 0.5)}">'
            f"<title>{_escape(label)}</title></rect>"
        )
    return (
        '<figure id="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="share of words kept, per record" viewBox="0 0 {count} {CHART_HEIGHT}" '
        f'preserveAspectRatio="none">{"".join(bars)}</svg>'
        "<figcaption>share of words kept, one bar per record (flagged records in red); "
        "click a bar to open the record</figcaption></figure>\n"
    )


def toc_html(views: Sequence[Overview]) -> str:
    """The table of contents: number, where (and id), kept share, stories and flags of every record."""
    rows = [
        '<nav id="toc"><table>\n<thead><tr><th>#</th><th>record</th><th>kept</th><th>stories</th>',
        "<th>flags</th></tr></thead>\n<tbody>\n",
    ]
    for number, view in enumerate(views):
        name = view.where if view.ident is None else f"{view.where} (id {view.ident})"
        flags = "".join(f'<span class="flag">{_escape(flag)}</span>' for flag in view.flags)
        rows.append(
            f'<tr data-record="{number}"><td>{number + 1}</td><td><a href="#r{number}">{_escape(name)}</a></td>'
            f"<td>{view.kept_share:.0%}</td><td>{view.stories}</td><td>{flags}</td></tr>\n"
        )
    rows.append("</tbody></table></nav>\n")
    return "".join(rows)
