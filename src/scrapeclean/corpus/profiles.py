"""Site profiles: the lines a site prints around every story, learned from many of its pages.

One dump alone cannot tell a site's chrome from a short body line; a corpus
can. For every site (the host of a record's URL, a field the user names, or
the folder a file lies in) a profile counts in how many of its documents
each normalised line appears. A line that recurs on a large share of a
site's pages is chrome *for that site*; :class:`RemoveProfiledChrome`
removes it before the built-in passes run.

Lines are compared by a key that folds what changes from page to page of
the same template: case, punctuation, digits and their count, month and
weekday names, units of time ("Updated 3 hours ago" and "Updated 1 day ago"
share a key; so do "20 comments" and "3 comments"). Keys are stored hashed
(64 bits), so a profile holds no text of the corpus and stays small.

Profiles are memory-bounded and mergeable. While learning, a site's table is
pruned of lines seen on a single page whenever it outgrows ``max_lines``,
and every site's whenever all together outgrow ``max_total_lines`` (the
rarest lines go first, as in lossy counting); a saved profile keeps
only lines seen on ``min_count`` pages or more. Counts from shards add up:
merging the profiles of two halves of a corpus gives the profile of the
whole, up to the rare lines pruned. The file form is versioned JSON.

>>> learner = ProfileLearner()
>>> for number, topic in enumerate("rain bridge vote fire harbour school train market river park".split()):
...     learner.add("news.example", f"Home | World | Sport\\nA story about the {topic}.\\nUpdated {number} hours ago")
>>> profiles = learner.profiles(min_count=2)
>>> profiles.sites["news.example"].documents, len(profiles.sites["news.example"].lines)
(10, 2)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import regex
from attrs import field, frozen

from ..errors import ConfigError, InputError
from ..fingerprint import key
from ..segment import segment

FORMAT = "scrapeclean-site-profiles"
VERSION = 1

# A site's table of line counts is pruned when it holds more lines than this while
# learning: 200,000 hashed keys are a few tens of megabytes per site at most, and a
# template's chrome is a few hundred lines.
MAX_LINES = 200_000
# And all sites together hold at most this many (about 150 bytes each in memory): a corpus of
# many small sites is bounded too. Past it, the rarest lines of every site go first.
MAX_TOTAL_LINES = 2_000_000
# A saved profile keeps lines seen on at least this many pages: a line on one page
# tells nothing about the site.
MIN_COUNT = 2

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januar februar märz mai juni juli oktober dezember "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo"
).split()
_UNITS = (
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month months year years "
    "am pm st nd rd th"
).split()
_COUNTED = (
    "comment comments reply replies share shares view views like likes vote votes reader readers "
    "follower followers subscriber subscribers photo photos image images video videos"
).split()


def _alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` as a whole word, longest first."""
    return r"\b(?:" + "|".join(sorted(map(regex.escape, set(words)), key=len, reverse=True)) + r")\b"


_MONTH = regex.compile(_alternation(_MONTHS))
_WEEKDAY = regex.compile(_alternation(_WEEKDAYS))
_UNIT = regex.compile(_alternation(_UNITS))
_COUNT = regex.compile(_alternation(_COUNTED))
_NUMBER = regex.compile(r"0+")


def line_key(text: str) -> str:
    """The key a profile compares lines by: :func:`scrapeclean.fingerprint.key` with dates and counters folded.

    >>> line_key("Updated 3 hours ago") == line_key("Updated 12 days ago")
    True
    >>> line_key("20 comments") == line_key("1 comment"), line_key("Tuesday, March 3") == line_key("Fri, 14 Nov")
    (True, False)
    """
    folded = key(text)
    if not folded:
        return folded
    folded = _NUMBER.sub("#", folded)
    folded = _MONTH.sub("M", folded)
    folded = _WEEKDAY.sub("D", folded)
    folded = _UNIT.sub("U", folded)
    return _COUNT.sub("C", folded)


def line_hash(text: str) -> str | None:
    """The hashed key of a line (16 hex digits), or ``None`` for a line with no word."""
    folded = line_key(text)
    if not folded:
        return None
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).hexdigest()


def document_hashes(text: str) -> set[str]:
    """The distinct hashed line keys of a dump: what one document adds to its site's counts."""
    found = {line_hash(block.text) for block in segment(text).blocks}
    found.discard(None)
    return found  # type: ignore[return-value]


def site_of(url: str | None = None, group: Any = None, source: str | None = None) -> str:
    """A document's site: ``group`` when given, else the host of ``url`` (``www.`` dropped), else ``source``'s folder.

    >>> site_of("https://www.News.example/a/b"), site_of(None, None, "crawl/site-a/page.txt"), site_of(group=7)
    ('news.example', 'crawl/site-a', '7')
    """
    if group is not None:
        return str(group)
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    if source and source != "-":
        return os.path.dirname(source.rstrip("/")) or "."
    return ""


@frozen
class SiteProfile:
    """What a profile knows of one site: how many of its documents were read, and per hashed line on how many."""

    site: str
    documents: int
    lines: Mapping[str, int] = field(repr=lambda lines: f"<{len(lines)} lines>")

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "lines": dict(sorted(self.lines.items()))}


@frozen
class Profiles:
    """The site profiles of a corpus; :meth:`save` / :meth:`load` give the versioned JSON form."""

    sites: Mapping[str, SiteProfile] = field(factory=dict, repr=lambda sites: f"<{len(sites)} sites>")

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "hash": "blake2b-64 of scrapeclean.corpus.profiles.line_key",
            "sites": {site: self.sites[site].to_dict() for site in sorted(self.sites)},
        }

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), indent=1, sort_keys=False) + "\n"

    def save(self, path: str) -> None:
        from ..io.fs import write_bytes

        write_bytes(path, self.dumps().encode("utf-8"))

    @classmethod
    def from_dict(cls, data: Any, where: str = "profiles") -> Profiles:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f'{where}: not a scrapeclean site-profile file (no "format": {FORMAT!r})')
        if data.get("version") != VERSION:
            raise InputError(f"{where}: site-profile version {data.get('version')!r}; this scrapeclean reads {VERSION}")
        sites = {}
        for site, entry in dict(data.get("sites") or {}).items():
            try:
                sites[site] = SiteProfile(
                    site, int(entry["documents"]), {str(k): int(v) for k, v in entry["lines"].items()}
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                raise InputError(f"{where}: site {site!r} is malformed (needs documents and lines)") from None
        return cls(sites)

    @classmethod
    def load(cls, path: str) -> Profiles:
        from ..io.text import read_bytes

        try:
            data = json.loads(read_bytes(path).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise InputError(f"{path}: not a JSON site-profile file ({error})") from None
        return cls.from_dict(data, path)

    def merge(self, other: Profiles) -> Profiles:
        """The profiles of both corpora: documents and line counts add up, site by site."""
        learner = ProfileLearner(max_lines=None)
        for profiles in (self, other):
            learner.absorb(profiles)
        return learner.profiles(min_count=1)

    def chrome_pass(self, site: str, **settings: Any) -> Any:
        """The pass removing ``site``'s profiled chrome, or ``None`` when the profile knows too little of it."""
        from ..passes.profiled import RemoveProfiledChrome

        profile = self.sites.get(site)
        if profile is None:
            return None
        return RemoveProfiledChrome.from_profile(profile, **settings)


class ProfileLearner:
    """Accumulates line counts per site, document by document; bounded by ``max_lines`` per site."""

    def __init__(self, max_lines: int | None = MAX_LINES, max_total_lines: int | None = MAX_TOTAL_LINES) -> None:
        for name, value in (("max_lines", max_lines), ("max_total_lines", max_total_lines)):
            if value is not None and value < 1:
                raise ConfigError(f"{name} must be at least 1 (or None: unbounded), not {value}")
        self.max_lines = max_lines
        self.max_total_lines = max_total_lines if max_lines is not None else None
        self.documents: Counter[str] = Counter()
        self.counts: dict[str, Counter[str]] = {}
        self.total = 0  # lines held, all sites together

    def add(self, site: str, text: str) -> None:
        self.add_hashes(site, document_hashes(text))

    def add_hashes(self, site: str, hashes: Iterable[str], documents: int = 1) -> None:
        self.documents[site] += documents
        self._count(site, hashes)

    def absorb(self, profiles: Profiles) -> None:
        """Add a profile's counts (a shard's) to these."""
        for site, profile in profiles.sites.items():
            self.documents[site] += profile.documents
            self._count(site, profile.lines)

    def _count(self, site: str, lines: Iterable[str] | Mapping[str, int]) -> None:
        table = self.counts.setdefault(site, Counter())
        before = len(table)
        table.update(lines)
        if self.max_lines is not None and len(table) > self.max_lines:
            _prune(table, self.max_lines // 2)
        self.total += len(table) - before
        if self.max_total_lines is not None and self.total > self.max_total_lines:
            self._prune_all()

    def _prune_all(self) -> None:
        """Drop the rarest lines of every site until all of them hold half the total bound."""
        assert self.max_total_lines is not None
        floor = 1
        while self.total > self.max_total_lines // 2:
            for table in self.counts.values():
                for line in [line for line, count in table.items() if count <= floor]:
                    del table[line]
            self.total = sum(map(len, self.counts.values()))
            floor += 1

    def profiles(self, min_count: int = MIN_COUNT) -> Profiles:
        sites = {}
        for site in sorted(self.documents):
            lines = {line: count for line, count in self.counts.get(site, {}).items() if count >= min_count}
            sites[site] = SiteProfile(site, self.documents[site], lines)
        return Profiles(sites)


def _prune(table: Counter[str], limit: int) -> None:
    """Drop the rarest lines until the table holds at most ``limit`` (half its bound, so pruning is rare)."""
    floor = 1
    while len(table) > limit:
        for line in [line for line, count in table.items() if count <= floor]:
            del table[line]
        floor += 1


def learn(
    records: Iterable[Any],
    *,
    group_field: str | None = None,
    max_lines: int | None = MAX_LINES,
    min_count: int = MIN_COUNT,
) -> Profiles:
    """Learn the profiles of a stream of :class:`scrapeclean.Record` s (see :func:`scrapeclean.read_corpus`)."""
    learner = ProfileLearner(max_lines)
    for record in records:
        learner.add(record_site(record, group_field), record.text)
    return learner.profiles(min_count)


def record_site(record: Any, group_field: str | None = None) -> str:
    """The site of a :class:`scrapeclean.Record`: its ``group_field``, the host of its URL, or its folder."""
    group = record.fields.get(group_field) if group_field else None
    return site_of(record.url, group, record.source)


def fields_site(fields: Mapping[str, Any], group_field: str | None = None) -> str:
    """The site of a row or a document's metadata: its ``group_field``, else the host of its ``url``."""
    url = fields.get("url")
    return site_of(url if isinstance(url, str) else None, fields.get(group_field) if group_field else None, None)


def dump_site(dump: Any, group_field: str | None = None, text_field: str = "text", id_field: str = "id") -> str:
    """The site of a dump the readers produced (see :mod:`scrapeclean.io.units`), as :func:`record_site` finds it."""
    from ..io.records import Record

    return record_site(Record.from_dump(dump, text_field, id_field), group_field)


class ProfiledPipelines:
    """Gives each dump the pipeline for its site: the site's :class:`RemoveProfiledChrome` in front of ``base``.

    Sites the profiles do not know get ``base`` unchanged. One pipeline is made per site and reused.
    """

    def __init__(
        self,
        profiles: Profiles,
        base: Any,
        group_field: str | None = None,
        text_field: str = "text",
        id_field: str = "id",
    ) -> None:
        self.profiles = profiles
        self.base = base
        self.group_field = group_field
        self.text_field = text_field
        self.id_field = id_field
        self._made: dict[str, Any] = {}

    def for_site(self, site: str) -> Any:
        made = self._made.get(site)
        if made is None:
            chrome = self.profiles.chrome_pass(site)
            made = self.base if chrome is None else type(self.base)((chrome, *self.base.passes))
            self._made[site] = made
        return made

    def __call__(self, dump: Any) -> Any:
        return self.for_site(dump_site(dump, self.group_field, self.text_field, self.id_field))
