"""The embedded engine: SQLite FTS5 in one file (store.py), read by retrieval.py, vectors in vector_store.py,
queries compiled by fts_query.py."""

from search.engines.embedded.retrieval import EmbeddedBackend
from search.engines.embedded.store import LAYOUT_VERSION

__all__ = ["LAYOUT_VERSION", "EmbeddedBackend"]
