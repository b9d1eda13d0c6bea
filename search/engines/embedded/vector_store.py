"""Passage vectors beside the embedded (SQLite FTS5) index, searched exactly with numpy.

At the hub's scale (thousands to tens of thousands of passages, 384 dimensions) an exact dot product
over the whole matrix takes a few milliseconds, so no approximate index is needed and results are
exact. The matrix is read once per process and kept in memory; every write stamps the store with a
fresh generation token, and a search that sees another token reloads. The token is random, so a
rebuilt file swapped in under the same path is never mistaken for the one cached.

The functions take an open sqlite3 connection, so the embedded backend can keep one connection per
thread for FTS and vectors alike and write both in one transaction: writes never commit, the caller does.
"""

import threading
import uuid
from dataclasses import dataclass

import numpy as np

from search.vectors.embedding import VECTOR_DTYPE, EmbeddingSignature, vector_to_bytes

SCHEMA = """
CREATE TABLE IF NOT EXISTS passage_vectors (
    passage_key TEXT PRIMARY KEY, page_id INTEGER NOT NULL, locale TEXT NOT NULL, vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS passage_vectors_page ON passage_vectors (page_id);
CREATE TABLE IF NOT EXISTS vector_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class VectorStoreError(ValueError):
    """Vectors that do not fit the store (wrong dimensions, another model's signature)."""


@dataclass(frozen=True)
class VectorHit:
    passage_key: str
    page_id: int
    locale: str
    score: float  # cosine similarity (vectors are normalised)


@dataclass
class LoadedMatrix:
    """All vectors of one generation, rows grouped by locale so each locale is one contiguous slice."""

    generation: str
    keys: np.ndarray
    page_ids: np.ndarray
    locales: np.ndarray
    matrix: np.ndarray
    slices: dict  # locale -> slice of rows


def create_schema(connection):
    connection.executescript(SCHEMA)


def _state(connection, name):
    row = connection.execute("SELECT value FROM vector_state WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def _set_state(connection, name, value):
    connection.execute(
        "INSERT INTO vector_state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        (name, value),
    )


def _touch(connection):
    _set_state(connection, "generation", uuid.uuid4().hex)


def stored_signature(connection):
    """The EmbeddingSignature the stored vectors were made with, or None for an empty store."""
    model_name = _state(connection, "model_name")
    if model_name is None:
        return None
    return EmbeddingSignature(model_name, int(_state(connection, "dimensions")))


def set_signature(connection, signature):
    """Record which model the vectors come from; a different one empties the store (they cannot mix)."""
    if stored_signature(connection) not in (None, signature):
        connection.execute("DELETE FROM passage_vectors")
    _set_state(connection, "model_name", signature.model_name)
    _set_state(connection, "dimensions", str(signature.dimensions))
    _touch(connection)


def replace_page(connection, page_id, passages):
    """Store a page's passages [(passage_key, locale, vector)], dropping the vectors it had before."""
    dimensions = _state(connection, "dimensions")
    if dimensions is None:
        raise VectorStoreError(
            "Record the embedding signature (set_signature) before storing vectors."
        )
    rows = []
    for passage_key, locale, vector in passages:
        vector = np.asarray(vector, dtype=VECTOR_DTYPE)
        if vector.shape != (int(dimensions),):
            raise VectorStoreError(
                f"{passage_key}: vector of shape {vector.shape}, the store holds {dimensions} dimensions"
            )
        rows.append((passage_key, page_id, locale, vector_to_bytes(vector)))
    connection.execute("DELETE FROM passage_vectors WHERE page_id = ?", (page_id,))
    connection.executemany(
        "INSERT OR REPLACE INTO passage_vectors (passage_key, page_id, locale, vector) VALUES (?, ?, ?, ?)",
        rows,
    )
    _touch(connection)


def delete_pages(connection, page_ids):
    connection.executemany("DELETE FROM passage_vectors WHERE page_id = ?", [(page_id,) for page_id in page_ids])
    _touch(connection)


def count(connection):
    return connection.execute("SELECT COUNT(*) FROM passage_vectors").fetchone()[0]


class MatrixCache:
    """The loaded matrix of each store file in this process, shared by threads.

    A store is reloaded when its generation token changed, i.e. after any write by any process.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._loaded = {}  # database file -> LoadedMatrix

    def matrix(self, connection):
        generation = _state(connection, "generation")
        path = connection.execute("PRAGMA database_list").fetchone()[2]
        loaded = self._loaded.get(path)
        if loaded is not None and loaded.generation == generation:
            return loaded
        with self._lock:
            loaded = self._loaded.get(path)
            if loaded is None or loaded.generation != generation:
                loaded = self._loaded[path] = self._load(connection, generation)
            return loaded

    @staticmethod
    def _load(connection, generation):
        dimensions = int(_state(connection, "dimensions") or 0)
        rows = connection.execute(
            "SELECT passage_key, page_id, locale, vector FROM passage_vectors ORDER BY locale, page_id, passage_key"
        ).fetchall()
        width = dimensions * VECTOR_DTYPE.itemsize
        broken = next((row[0] for row in rows if len(row[3]) != width), None)
        if broken is not None:
            raise VectorStoreError(f"{broken}: stored vector is not {dimensions} float32 values")
        matrix = np.frombuffer(b"".join(row[3] for row in rows), dtype=VECTOR_DTYPE).reshape(
            len(rows), dimensions
        )
        locales = np.array([row[2] for row in rows], dtype=object)
        slices, start = {}, 0
        for index in range(1, len(rows) + 1):
            if index == len(rows) or locales[index] != locales[start]:
                slices[locales[start]] = slice(start, index)
                start = index
        return LoadedMatrix(
            generation=generation,
            keys=np.array([row[0] for row in rows], dtype=object),
            page_ids=np.array([row[1] for row in rows], dtype=np.int64),
            locales=locales,
            matrix=matrix,
            slices=slices,
        )


matrix_cache = MatrixCache()


def nearest(connection, query_vector, k=50, locales=None, page_ids=None, cache=matrix_cache):
    """The k passages most similar to `query_vector`, best first.

    `locales` limits the search to passages in those languages (None: all); `page_ids` to those pages,
    which is how facet filters apply: the backend resolves the filters to page ids first.
    """
    loaded = cache.matrix(connection)
    if k <= 0 or not len(loaded.keys):
        return []
    query_vector = np.asarray(query_vector, dtype=VECTOR_DTYPE)
    if query_vector.shape != (loaded.matrix.shape[1],):
        raise VectorStoreError(
            f"query vector of shape {query_vector.shape}, the store holds {loaded.matrix.shape[1]} dimensions"
        )
    if locales is None:
        ranges = [slice(0, len(loaded.keys))]
    else:
        ranges = [loaded.slices[locale] for locale in locales if locale in loaded.slices]
    rows = (
        np.concatenate([np.arange(r.start, r.stop) for r in ranges])
        if ranges
        else np.empty(0, dtype=np.int64)
    )
    if page_ids is None:  # whole locale slices: scored in place, no copy of the matrix
        scores = (
            np.concatenate([loaded.matrix[r] @ query_vector for r in ranges]) if ranges else np.empty(0)
        )
    else:  # filtered first: only the chosen pages' passages are scored
        rows = rows[np.isin(loaded.page_ids[rows], np.fromiter(page_ids, dtype=np.int64))]
        scores = loaded.matrix[rows] @ query_vector
    if len(rows) > k:
        top = np.argpartition(-scores, k - 1)[:k]
        rows, scores = rows[top], scores[top]
    order = np.lexsort((rows, -scores))  # best score first; equal scores in stored order
    return [
        VectorHit(
            passage_key=str(loaded.keys[rows[i]]),
            page_id=int(loaded.page_ids[rows[i]]),
            locale=str(loaded.locales[rows[i]]),
            score=float(scores[i]),
        )
        for i in order
    ]
