"""``scrapeclean dedup``: clean every dump, find the articles printed more than once, report or mark them.

Every article of every dump is one item. Its id is the record's id (a whole
file's: its path) when the dump holds one article, and ``ID-INDEX`` when it
holds several (see :func:`scrapeclean.io.jsonl.derived_id`). Output:

- ``--format clusters`` (the default): one JSON line per cluster,
  ``{"members": [ids], "similarity": …, "kept": id}``, in order of the
  smallest member id;
- ``--format jsonl``: the article records ``clean --format jsonl`` writes,
  with ``article_id`` (the id clusters name), each not-kept copy marked with ``"duplicate_of": KEPT_ID`` (or left out
  with ``--drop``); the clusters can go to a file with ``--clusters FILE``.

Articles wait in a temporary file between the two passes, so memory holds
only the signatures (1 KiB per article).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..io.jsonl import derived_id
from ..io.records import Record
from ..pipeline import Pipeline
from .dedup import THRESHOLD, Cluster, MinHasher, _packed, cluster_signatures, shingles


def article_items(
    records: Iterable[Record], pipeline: Pipeline | None = None, jobs: int = 1
) -> Iterator[tuple[Any, dict[str, Any]]]:
    """``(article id, article record)`` for every article of every record, in input order (``jobs`` processes)."""
    from ..io.records import clean_record

    cleaned: Iterator[tuple[Record, list[dict[str, Any]]]]
    if jobs <= 1:
        cleaned = ((record, clean_record(record, pipeline=pipeline)) for record in records)
    else:
        cleaned = _in_parallel(records, pipeline, jobs)
    for record, articles in cleaned:
        for article in articles:
            ident = record.id if len(articles) == 1 else derived_id(record.id, record.line or 0, article["index"])
            yield ident, article


def _in_parallel(
    records: Iterable[Record], pipeline: Pipeline | None, jobs: int
) -> Iterator[tuple[Record, list[dict[str, Any]]]]:
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    from itertools import islice

    from ..io.records import clean_record

    stream = iter(records)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # Bounded batches: map() keeps their order, and memory stays flat.
        while batch := list(islice(stream, 32 * jobs)):
            yield from zip(batch, pool.map(partial(clean_record, pipeline=pipeline), batch, chunksize=4))


def dedup_records(
    records: Iterable[Record],
    *,
    pipeline: Pipeline | None = None,
    threshold: float = THRESHOLD,
    hasher: MinHasher | None = None,
    spool: IO[str] | None = None,
    jobs: int = 1,
) -> list[Cluster]:
    """The clusters of near-duplicate articles among ``records``; each article is written to ``spool`` if given."""
    hasher = hasher or MinHasher()
    signed = []
    for ident, article in article_items(records, pipeline, jobs):
        signature = _packed(hasher.signature(article["text"]))
        signed.append((ident, signature, len(shingles(article["text"], hasher.shingle_size))))
        if spool is not None:
            spool.write(json.dumps([ident, article], ensure_ascii=False) + "\n")
    return cluster_signatures(signed, threshold=threshold)


def dedup_command(options: Any, records: Iterable[Record], pipeline: Pipeline, out: IO[str]) -> int:
    from .output import json_line

    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        clusters = dedup_records(
            records,
            pipeline=pipeline,
            threshold=options.threshold,
            spool=spool if options.format == "jsonl" else None,
            jobs=options.jobs,
        )
        lines = [json_line(cluster.to_dict()) + "\n" for cluster in clusters]
        if options.format == "clusters":
            out.writelines(lines)
            return 0
        if options.clusters:
            from ..io.fs import write_bytes

            write_bytes(options.clusters, "".join(lines).encode("utf-8"))
        kept_of = {member: cluster.kept for cluster in clusters for member in cluster.members if member != cluster.kept}
        spool.seek(0)
        for line in spool:
            ident, article = json.loads(line)
            kept = kept_of.get(ident)
            if kept is not None and options.drop:
                continue
            article["article_id"] = ident
            if kept is not None:
                article["duplicate_of"] = kept
            out.write(json_line(article) + "\n")
    return 0
