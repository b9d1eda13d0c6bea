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

# The model is no faster per text in batches; a batch only bounds how much work a crash loses and how
# often the progress bar moves. Lookups go in chunks that stay under every database's parameter limit.
EMBED_BATCH = 8
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


def embed_passages_cached(texts, progress=None, embedder=None, batch_size=EMBED_BATCH):
    """Vectors for every text: from the cache where present, from the model (in batches) where not.

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
    for start in range(0, len(missing), batch_size):
        batch = missing[start : start + batch_size]
        began = time.perf_counter()
        vectors = embedder.embed_passages([text for _, text in batch])
        seconds += time.perf_counter() - began
        PassageEmbedding.objects.bulk_create(
            [
                PassageEmbedding(
                    model_name=embedder.model_name,
                    text_hash=digest,
                    dimensions=embedder.dimensions,
                    vector=vector_to_bytes(vector),
                )
                for (digest, _), vector in zip(batch, vectors, strict=True)
            ],
            # Two workers embedding the same new text both store it; the second insert is a no-op.
            ignore_conflicts=True,
        )
        known.update(
            (digest, np.asarray(vector, dtype=VECTOR_DTYPE))
            for (digest, _), vector in zip(batch, vectors, strict=True)
        )
        if progress:
            progress(min(start + batch_size, len(missing)), len(missing))
    matrix = np.empty((len(texts), embedder.dimensions), dtype=VECTOR_DTYPE)
    for row, digest in enumerate(hashes):
        matrix[row] = known[digest]
    return EmbeddedPassages(vectors=matrix, computed=len(missing), reused=reused, seconds=seconds)


def vectors_for(texts):
    """What the outbox worker calls: vectors for a page's passages, or None when semantic search is off.

    None means "index this page lexically only"; an index records the `embedding_signature()` it was
    built with, so a rebuild can tell which vectors are missing or from another model.
    """
    embedder = get_embedder()
    if embedder is None:
        return None
    return embed_passages_cached(texts, embedder=embedder).vectors
