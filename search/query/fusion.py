"""Reciprocal rank fusion: one ranking from several candidate lists whose scores cannot be compared.

bm25 scores (unbounded, per engine) and cosine similarities (squeezed into ~0.75–0.9 by e5) share no
scale, so fusion uses ranks only: each list gives an item weight / (k + rank). Items found by several
lists rise; an item at the top of one list still beats the tail of all others. Elasticsearch's `rrf`
retriever needs a paid licence, so both backends fuse here, in the application, the same way.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

# Cormack, Clarke & Büttcher (2009): k=60 damps the difference between ranks 1 and 2 enough that one
# list alone cannot dominate, and is the default of Elasticsearch's and OpenSearch's RRF.
DEFAULT_K = 60


@dataclass(frozen=True)
class Fused:
    key: Hashable
    score: float
    ranks: tuple[int | None, ...]  # 1-based rank in each input list, None where the item was absent


def reciprocal_rank_fusion(lists: Sequence[Sequence[Hashable]], k=DEFAULT_K, weights=None, shares=None):
    """Fuse ranked lists of keys (best first) into one list of Fused, best first.

    `weights` (one per list, default 1.0) let evidence of one kind count more, e.g. lexical matches
    over vector neighbours for a precise query. `shares` (one {key: factor} per list, default 1.0 for
    every key) weaken single items of a list, e.g. a page matching one word of five. A key repeated
    within a list counts at its best rank. Ties go to the better best rank, then to the earlier list,
    so the order is deterministic.
    """
    weights = [1.0] * len(lists) if weights is None else list(weights)
    if len(weights) != len(lists) or (shares is not None and len(shares) != len(lists)):
        raise ValueError(f"{len(weights)} weights and {len(shares or lists)} shares for {len(lists)} lists")
    if k < 0 or any(weight < 0 for weight in weights):
        raise ValueError("k and the weights must not be negative")
    ranks = {}
    for position, ranked in enumerate(lists):
        for rank, key in enumerate(ranked, start=1):
            seen = ranks.setdefault(key, [None] * len(lists))
            if seen[position] is None:
                seen[position] = rank
    fused = [
        Fused(
            key=key,
            score=sum(
                weights[i] * (shares[i].get(key, 1.0) if shares else 1.0) / (k + rank)
                for i, rank in enumerate(item_ranks)
                if rank is not None
            ),
            ranks=tuple(item_ranks),
        )
        for key, item_ranks in ranks.items()
    ]

    def order(item):
        best = min(rank for rank in item.ranks if rank is not None)
        first_list = next(i for i, rank in enumerate(item.ranks) if rank is not None)
        return (-item.score, best, first_list)

    return sorted(fused, key=order)
