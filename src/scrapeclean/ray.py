"""scrapeclean on a Ray cluster (``pip install 'scrapeclean[ray]'``): functions over Ray Datasets of records.

A record is a row with an id column and a text column (``id`` and ``text``
by default), the way ``ray.data.read_json`` reads a JSONL corpus; its other
columns are carried through.

- :func:`clean_dataset`: one row per article, the columns
  ``clean --format jsonl`` writes (the record's columns, then the article's
  keys), optionally with site profiles applied;
- :func:`learn_profiles`: site profiles as a distributed reduction (line
  counts per site made by the workers, batch by batch, and added up), the
  same profiles ``scrapeclean learn`` writes for the same records;
- :func:`signatures` and :func:`find_clusters`: MinHash signatures computed on
  the workers, clusters of near-duplicate articles joined on the driver;
- :func:`clean_units`: what ``scrapeclean clean --engine ray`` runs, the
  command line's ordered stream cleaned by Ray tasks, so its output is the
  same, byte for byte, as a run with ``-j 1``.

Cleaning is deterministic and each row is cleaned on its own, so results do
not depend on how rows are split into blocks or which worker runs them.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .corpus.dedup import THRESHOLD, Cluster, MinHasher, cluster_signatures, shingles
from .corpus.profiles import (
    MAX_LINES,
    MIN_COUNT,
    ProfiledPipelines,
    ProfileLearner,
    Profiles,
    document_hashes,
    fields_site,
)
from .errors import ConfigError
from .pipeline import Pipeline

# Dumps per Ray task on the command line: enough to amortise a task's overhead (a few
# milliseconds) over the tens of milliseconds a dump takes, few enough to spread work.
TASK_DUMPS = 16
# Tasks in flight per CPU of the cluster: keeps every worker busy while bounding memory.
TASKS_PER_CPU = 4


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("the Ray engine needs Ray; install it with: pip install 'scrapeclean[ray]'") from None
    return ray


def connect(address: str | None = None) -> Any:
    """Ray, initialised: joined to the cluster at ``address``, or a local one started when none is given."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False, include_dashboard=False, configure_logging=False)
    return ray


# Datasets


class _Cleaner:
    """Cleans one row into its article rows (a callable class, so Ray ships the settings once per worker)."""

    def __init__(
        self,
        pipeline: Pipeline | None,
        text_field: str,
        id_field: str,
        profiles: Profiles | None,
        group_field: str | None,
    ) -> None:
        from .api import default_pipeline

        self.base = pipeline or default_pipeline()
        self.text_field = text_field
        self.id_field = id_field
        self.group_field = group_field
        self.pipelines = None if profiles is None else ProfiledPipelines(profiles, self.base)

    def __call__(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        from .api import clean

        pipeline = self.base if self.pipelines is None else self.pipelines.for_site(fields_site(row, self.group_field))
        head = {key: value for key, value in row.items() if key != self.text_field}
        head[self.id_field] = row.get(self.id_field)
        return [{**head, **_flat(article.to_dict())} for article in clean(row[self.text_field], pipeline=pipeline)]


def _flat(article: dict[str, Any]) -> dict[str, Any]:
    """The article's nested values (captions, spans, removals) as JSON text, so every row has one column type."""
    nested = ("captions", "body", "spans", "removed", "title_span", "body_spans")
    return {key: json.dumps(value, ensure_ascii=False) if key in nested else value for key, value in article.items()}


def clean_dataset(
    dataset: Any,
    *,
    pipeline: Pipeline | None = None,
    text_field: str = "text",
    id_field: str = "id",
    profiles: Profiles | None = None,
    group_field: str | None = None,
    preserve_order: bool = True,
) -> Any:
    """A dataset of the articles of ``dataset``'s records, one row per article, in the records' order.

    With ``preserve_order`` (the default) the dataset's execution keeps rows in
    order (Ray's ``execution_options.preserve_order``), so the articles come
    out as the command line writes them; without it Ray may reorder blocks.

    The article's list and object values (``body``, ``captions``, ``spans``,
    ``removed``, ``title_span``, ``body_spans``) are JSON text in their
    columns: an Arrow column needs one type, and an empty list has none.
    """
    if preserve_order:
        dataset.context.execution_options.preserve_order = True
    cleaner = _Cleaner(pipeline, text_field, id_field, profiles, group_field)
    return dataset.flat_map(cleaner)


def _partial_profile(batch: dict[str, Any], text_field: str, group_field: str | None) -> dict[str, list[str]]:
    """One batch's line counts per site, unpruned, as one row of profile JSON (shards add up exactly)."""
    learner = ProfileLearner(max_lines=None)
    for position in range(len(batch[text_field])):
        row = {name: batch[name][position] for name in batch}
        learner.add_hashes(fields_site(row, group_field), document_hashes(str(row[text_field])))
    return {"profile": [learner.profiles(min_count=1).dumps()]}


def learn_profiles(
    dataset: Any,
    *,
    text_field: str = "text",
    group_field: str | None = None,
    min_count: int = MIN_COUNT,
    max_lines: int | None = MAX_LINES,
) -> Profiles:
    """The site profiles of ``dataset``: line counts made on the workers batch by batch, added up on the driver.

    The driver holds one site table at most ``max_lines`` long per site (see
    :class:`~scrapeclean.corpus.profiles.ProfileLearner`), whatever the corpus size.
    """
    partials = dataset.map_batches(
        _partial_profile, fn_kwargs={"text_field": text_field, "group_field": group_field}, batch_format="numpy"
    )
    learner = ProfileLearner(max_lines=max_lines)
    for row in partials.iter_rows():
        learner.absorb(Profiles.from_dict(json.loads(row["profile"])))
    return learner.profiles(min_count=min_count)


def signatures(dataset: Any, *, text_field: str = "text", hasher: MinHasher | None = None) -> Any:
    """``dataset`` with a ``signature`` column (MinHash minima) and a ``shingles`` column (how many)."""
    hasher = hasher or MinHasher()

    def sign(row: dict[str, Any]) -> dict[str, Any]:
        text = str(row[text_field])
        return {**row, "signature": list(hasher.signature(text)), "shingles": len(shingles(text, hasher.shingle_size))}

    return dataset.map(sign)


def find_clusters(
    dataset: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    threshold: float = THRESHOLD,
    hasher: MinHasher | None = None,
) -> list[Cluster]:
    """Clusters of near-duplicate texts of ``dataset`` (ids distinct), as :func:`scrapeclean.corpus.dedup.find_duplicates`."""
    signed = signatures(dataset.select_columns([id_field, text_field]), text_field=text_field, hasher=hasher)
    triples = (
        (_plain(row[id_field]), tuple(int(value) for value in row["signature"]), int(row["shingles"]))
        for row in signed.select_columns([id_field, "signature", "shingles"]).iter_rows()
    )
    return cluster_signatures(triples, threshold=threshold)


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (ids come back from Arrow as numpy scalars)."""
    return value.item() if hasattr(value, "item") else value


# The command line's engine


def _clean_batch(texts: list[str], pipelines: list[Pipeline], articles: bool) -> list[Any]:
    from .corpus.work import clean_text

    return [clean_text(text, pipeline, articles) for text, pipeline in zip(texts, pipelines)]


def clean_units(
    units: Iterable[Any],
    pipeline_for: Callable[[Any], Pipeline],
    articles: bool = False,
    address: str | None = None,
) -> Iterator[tuple[Any, Any]]:
    """Each unit with its outcome, in input order, the dumps cleaned by Ray tasks (see corpus.work.clean_units)."""
    from .io.units import Dump

    ray = connect(address)
    task = ray.remote(_clean_batch)
    window = max(2, int(ray.cluster_resources().get("CPU", 1)) * TASKS_PER_CPU)
    pending: deque[tuple[list[Any], Any]] = deque()  # (units of the batch, the task's result)
    batch: list[Any] = []

    def submit() -> None:
        dumps = [unit for unit in batch if isinstance(unit, Dump)]
        future = task.remote([d.text for d in dumps], [pipeline_for(d) for d in dumps], articles) if dumps else None
        pending.append((list(batch), future))
        batch.clear()

    def drain(limit: int) -> Iterator[tuple[Any, Any]]:
        while len(pending) > limit:
            done, future = pending.popleft()
            outcomes = iter(ray.get(future) if future is not None else ())
            for unit in done:
                yield unit, next(outcomes) if isinstance(unit, Dump) else None

    for unit in units:
        batch.append(unit)
        if sum(isinstance(item, Dump) for item in batch) >= TASK_DUMPS:
            submit()
            yield from drain(window)
    if batch:
        submit()
    yield from drain(0)
