"""Passage vectors for the pages engines index, and the vector of a query: the embedder meets the index here.

Engines receive IndexedPages with `vectors` already attached, one per passage (None where a passage has
none yet), and store them beside the passage; they never run the model. Nothing here embeds in an
editor's publish request either:

- `attach_cached(pages)` only reads the embedding cache (search/vectors/cache.py), so a publish indexes
  at once: passages embedded before (any unchanged text) carry their vectors, new text is lexical for now;
- `embed_missing(pages)` runs the model for what the cache lacks: the outbox worker's enrichment step
  (search/changes/outbox.py), which then logs the page again so every engine picks the vectors up, and
  `with_vectors(pages)` for a rebuild (`rebuild_search_index` shows the progress and throughput); a
  rebuild of an unchanged site finds every vector in the cache and embeds nothing.

What the model reads of a passage is the page title and the heading path above its text: a section titled
"Bydlení" whose text never says "housing" still lands near a question about housing.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from search.vectors.cache import cached_vectors, embed_passages_cached, text_hash
from search.vectors.embedding import get_embedder

logger = logging.getLogger(__name__)

# The model reads ~512 tokens (about 300 Czech words); text beyond that is cut by the model anyway, so
# it is cut here first, which keeps hashing and the cache independent of text nobody embeds.
MAX_EMBEDDED_CHARACTERS = 2500
# A rebuild embeds what the cache lacks this many pages at a time, before indexing them.
EMBED_CHUNK_PAGES = 20
# Query vectors of recent queries: a reader paging through results, or the cross-language lists of one
# search, embed the query once.
QUERY_CACHE_SIZE = 512


def embedding_text(page, passage):
    """The text the model embeds for one passage: where it stands (title › headings), then what it says."""
    where = " › ".join(part for part in (page.title, *passage.heading) if part)
    return f"{where}\n{passage.text}".strip()[:MAX_EMBEDDED_CHARACTERS]


def passage_texts(page):
    return [embedding_text(page, passage) for passage in page.indexed_passages()]


def attach_cached(pages, embedder=None):
    """Give each IndexedPage the cached vectors of its passages (None where not embedded yet); returns
    the pages. Without an embedder (switched off, failed to load) the pages stay lexical."""
    pages = list(pages)
    embedder = embedder or get_embedder()
    if embedder is None or not pages:
        return pages
    texts = {page.page_id: passage_texts(page) for page in pages}
    hashes = {page_id: [text_hash(text) for text in page_texts] for page_id, page_texts in texts.items()}
    found = cached_vectors(embedder.model_name, embedder.dimensions, {h for row in hashes.values() for h in row})
    for page in pages:
        page.vectors = [found.get(digest) for digest in hashes[page.page_id]]
        page.vector_model = embedder.model_name
    return pages


def missing_count(pages):
    """Passages of these pages (as attach_cached left them) that have no vector yet."""
    return sum(1 for page in pages for vector in (page.vectors or ()) if vector is None)


def embed_missing(pages, progress=None, embedder=None):
    """Embed what the cache lacks for these pages and attach every vector; returns the EmbeddedPassages
    (what it cost), or None without an embedder. `progress(done, total)` counts texts being embedded."""
    pages = list(pages)
    embedder = embedder or get_embedder()
    if embedder is None or not pages:
        return None
    texts = [passage_texts(page) for page in pages]
    embedded = embed_passages_cached(
        [text for page_texts in texts for text in page_texts], progress=progress, embedder=embedder
    )
    row = 0
    for page, page_texts in zip(pages, texts, strict=True):
        page.vectors = list(embedded.vectors[row : row + len(page_texts)])
        page.vector_model = embedder.model_name
        row += len(page_texts)
    return embedded


@dataclass
class EmbeddingTally:
    """What embedding cost over a rebuild: passages the model embedded, passages found in the cache."""

    computed: int = 0
    reused: int = 0
    seconds: float = 0.0
    tokens: int = 0
    cut: int = 0  # passages longer than the model's window, cut to fit
    in_progress: int = 0  # of the current chunk, embedded so far
    passages: int = 0  # indexed, with or without a vector

    def add(self, embedded):
        self.computed += embedded.computed
        self.reused += embedded.reused
        self.seconds += embedded.seconds
        self.tokens += embedded.tokens
        self.cut += embedded.cut
        self.in_progress = 0

    @property
    def per_second(self):
        return self.computed / self.seconds if self.seconds else 0.0

    def summary(self):
        line = (
            f"{self.computed} passages embedded in {self.seconds:.1f} s of model time "
            f"({self.per_second:.1f} passages/s"
        )
        if self.tokens and self.seconds:
            line += f", {self.tokens / self.seconds:.0f} tokens/s"
        line += f"), {self.reused} found in the embedding cache"
        if self.cut:
            line += f"; {self.cut} longer than the model's window, cut to fit (their ends are found by words)"
        return line


def with_vectors(pages, tally=None, progress=None):
    """IndexedPages with all their vectors, embedding what the cache lacks, a chunk of pages at a time
    (a rebuild); without an embedder the pages pass through lexical. `progress()` is called as passages
    are embedded, `tally` (an EmbeddingTally) adds up the cost."""
    tally = tally if tally is not None else EmbeddingTally()
    embedder = get_embedder()
    if embedder is None:
        for page in pages:
            tally.passages += len(page.indexed_passages())
            yield page
        return

    def advance(done, total):
        tally.in_progress = done
        if progress:
            progress()

    chunk = []
    for page in pages:
        tally.passages += len(page.indexed_passages())
        chunk.append(page)
        if len(chunk) >= EMBED_CHUNK_PAGES:
            tally.add(embed_missing(chunk, progress=advance, embedder=embedder))
            yield from chunk
            chunk = []
    if chunk:
        tally.add(embed_missing(chunk, progress=advance, embedder=embedder))
        yield from chunk


def query_vector(text):
    """(model name, vector) for a query, or None when semantic search is off or the model fails."""
    embedder = get_embedder()
    if embedder is None or not text.strip():
        return None
    try:
        vector = cached_query_vector(embedder, text)
    except Exception:  # the model failing on one query must not fail the search: answer lexically
        logger.exception("Embedding the query failed; answering lexically")
        return None
    return embedder.model_name, vector


@lru_cache(maxsize=QUERY_CACHE_SIZE)
def cached_query_vector(embedder, text):
    vector = np.asarray(embedder.embed_query(text), dtype=np.float32)
    vector.setflags(write=False)
    return vector
