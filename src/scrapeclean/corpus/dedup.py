"""Syndicated copies: near-duplicate articles found with MinHash and LSH.

The same agency story printed by ten outlets is one story, edited a little
by each. Each article's text is cut into word shingles (``shingle_size``
words, on the folded text of :mod:`scrapeclean.fingerprint`: case,
punctuation, quotes and digits do not count); its MinHash signature
(``num_perm`` 32-bit minima, computed by rensa, a Rust MinHash library)
estimates the Jaccard similarity of two shingle sets as the share of equal
minima. LSH banding (``bands`` bands of ``num_perm / bands`` rows: two
articles are candidates when one band agrees) finds candidate pairs without
comparing all pairs; a candidate pair is a duplicate when its estimated
similarity reaches ``threshold``. Duplicates are joined into clusters
(transitively), and one member is kept: the one with the most shingles
(the fullest copy), ties to the smallest id.

Results do not depend on input order: items are sorted by id before
anything is decided, and every choice is made on sorted data.

Why rensa: on the 381 dumps of the development data (1.35 million
shingles) rensa computes the signatures in 0.05 s, datasketch in 2.5 s,
with the same estimates up to sampling noise. The banding is done here,
over plain lists of integers, so signatures made on worker machines (Ray)
merge on the driver exactly as signatures made locally.

Why trigrams and 0.3: on the development data (543 articles, see
``benchmarks/dedup_threshold.py`` and docs/scale.md) the highest Jaccard
similarity of word trigrams between two different stories is 0.222 (two
press releases of one company), and the two seed dumps (one agency report
printed by two outlets and edited) share 0.375 of theirs; with five-word
shingles they share only 0.272, under a false pair at 0.222's side.

>>> story = "The army said on Friday that it had entered the town after a night of heavy fighting near the river. "
>>> found = find_duplicates([("a", story * 3), ("b", story * 3 + "Reporting by our staff."), ("c", "Other words " * 20)])
>>> [(cluster.members, cluster.kept) for cluster in found]
[(('a', 'b'), 'b')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import field, frozen

from ..errors import ConfigError
from ..fingerprint import key

# Set on the development data: different stories stay under it, the syndicated seeds over it.
THRESHOLD = 0.3
# 256 minima: the estimate's standard error at similarity 0.3 is 0.03.
NUM_PERM = 256
# 85 bands of 3 rows: a pair at similarity 0.3 is a candidate with probability 0.90, at 0.375 with 0.99,
# at 0.1 with 0.08 (candidates are then checked against the threshold).
BANDS = 85
# Word trigrams: edits of a syndicated story (a changed word every few sentences) break
# fewer of them than of longer shingles, and different stories share few (measured).
SHINGLE_SIZE = 3
SEED = 1


def shingles(text: str, size: int = SHINGLE_SIZE) -> list[str]:
    """The distinct word ``size``-grams of folded ``text``, in first-seen order (a short text is one shingle).

    >>> shingles("The Army said: 3 units went", size=3)
    ['the army said', 'army said 0', 'said 0 units', '0 units went']
    """
    words = key(text).split()
    if not words:
        return []
    grams = (" ".join(words[start : start + size]) for start in range(max(1, len(words) - size + 1)))
    return list(dict.fromkeys(grams))


def _rensa() -> Any:
    try:
        import rensa
    except ImportError:
        raise ConfigError("finding duplicates needs rensa; install it with: pip install 'scrapeclean[dedup]'") from None
    return rensa


@frozen
class MinHasher:
    """Signatures of texts: ``num_perm`` minima over word shingles."""

    num_perm: int = NUM_PERM
    shingle_size: int = SHINGLE_SIZE
    seed: int = SEED

    def signature(self, text: str) -> tuple[int, ...]:
        grams = shingles(text, self.shingle_size)
        if not grams:
            return ()
        minhash = _rensa().RMinHash(num_perm=self.num_perm, seed=self.seed)
        minhash.update(grams)
        return tuple(minhash.digest())


def similarity(first: Sequence[int] | bytes, second: Sequence[int] | bytes) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal minima."""
    first, second = _packed(first), _packed(second)
    if not first or len(first) != len(second):
        return 0.0
    import numpy

    equal = numpy.count_nonzero(numpy.frombuffer(first, "<u4") == numpy.frombuffer(second, "<u4"))
    return int(equal) / (len(first) // 4)


def _packed(signature: Sequence[int] | bytes) -> bytes:
    """A signature as little-endian 32-bit minima: 1 KiB for 256 of them, where a tuple of ints takes 9."""
    if isinstance(signature, bytes):
        return signature
    import numpy

    return numpy.asarray(signature, dtype="<u4").tobytes()


@frozen
class Cluster:
    """Near-duplicate articles: their ids (sorted), the lowest similarity of a member to the kept one, the kept id."""

    members: tuple[Any, ...] = field(converter=tuple)
    similarity: float
    kept: Any

    def to_dict(self) -> dict[str, Any]:
        return {"members": list(self.members), "similarity": self.similarity, "kept": self.kept}


def _order(ident: Any) -> tuple[str, str]:
    return (type(ident).__name__, str(ident))


def find_duplicates(
    items: Iterable[tuple[Any, str]],
    *,
    threshold: float = THRESHOLD,
    hasher: MinHasher | None = None,
    bands: int = BANDS,
) -> list[Cluster]:
    """Clusters of near-duplicate texts among ``(id, text)`` items; ids must be distinct."""
    hasher = hasher or MinHasher()
    signed = ((ident, hasher.signature(text), len(shingles(text, hasher.shingle_size))) for ident, text in items)
    return cluster_signatures(signed, threshold=threshold, bands=bands)


def cluster_signatures(
    signed: Iterable[tuple[Any, Sequence[int], int]], *, threshold: float = THRESHOLD, bands: int = BANDS
) -> list[Cluster]:
    """Clusters from ``(id, signature, size)`` triples (size: the shingle count, which decides the kept copy)."""
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(f"dedup threshold must be in (0, 1], not {threshold!r}")
    entries = sorted(
        ((ident, _packed(signature), size) for ident, signature, size in signed), key=lambda e: _order(e[0])
    )
    for previous, current in zip(entries, entries[1:]):
        if _order(previous[0]) == _order(current[0]):
            raise ConfigError(f"dedup needs distinct ids; {current[0]!r} appears twice")
    parent = list(range(len(entries)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    same: dict[bytes, int] = {}
    for position, (_, signature, _) in enumerate(entries):
        if signature:  # copies with one signature join at once, so no bucket holds them pairwise
            parent[position] = same.setdefault(signature, position)
    for first, second in _candidates(entries, bands, same):
        if similarity(entries[first][1], entries[second][1]) >= threshold:
            low, high = sorted((root(first), root(second)))
            parent[high] = low
    groups: dict[int, list[int]] = defaultdict(list)
    for position in range(len(entries)):
        groups[root(position)].append(position)
    clusters = [_cluster(entries, members) for members in groups.values() if len(members) > 1]
    return sorted(clusters, key=lambda cluster: _order(cluster.members[0]))


def _candidates(
    entries: Sequence[tuple[Any, bytes, int]], bands: int, distinct: dict[bytes, int]
) -> list[tuple[int, int]]:
    """Pairs of distinct signatures that agree on at least one band, in order.

    One band at a time: the buckets of a single band are held, never all of
    them, so memory grows with the number of signatures, not with bands times that.
    """
    pairs: set[tuple[int, int]] = set()
    length = max((len(signature) for signature in distinct), default=0)
    width = 4 * max(1, length // 4 // bands)  # bytes of one band's rows
    for band in range(0, length - width + 1, width):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        for signature, position in distinct.items():
            buckets[signature[band : band + width]].append(position)
        for bucket in buckets.values():
            pairs.update(
                (bucket[first], bucket[second])
                for first in range(len(bucket))
                for second in range(first + 1, len(bucket))
            )
    return sorted(pairs)


def _cluster(entries: Sequence[tuple[Any, bytes, int]], members: list[int]) -> Cluster:
    kept = min(members, key=lambda position: (-entries[position][2], _order(entries[position][0])))
    lowest = min(similarity(entries[kept][1], entries[other][1]) for other in members if other != kept)
    return Cluster(tuple(entries[position][0] for position in members), round(lowest, 4), entries[kept][0])
