"""Passage vectors beside the embedded (SQLite FTS5) index, every one compared with the query by numpy.

At the hub's scale (thousands to tens of thousands of passages, 384 dimensions) a dot product with
every stored vector takes milliseconds, so no approximate index is needed. Each vector is stored as
int8 values with a float32 scale: a quarter of float32's memory (the 82,000 passages of
bench/embedded_search.py's 10,000 pages: 31 MB instead of 126), and a cosine within about 0.002 of
the float one, far less than separates a good passage from a poor one. The matrix is read once per
process and kept in memory; every write stamps the store with a fresh generation token, and a search
that sees another token reloads. The token is random, so a rebuilt file swapped in under the same
path is never mistaken for the one cached.

The functions take an open sqlite3 connection, so the embedded backend can keep one connection per
thread for FTS and vectors alike and write both in one transaction: writes never commit, the caller does.
"""

import threading
import uuid
from dataclasses import dataclass

import numpy as np

from search.vectors.embedding import VECTOR_DTYPE, EmbeddingSignature

SCHEMA = """
CREATE TABLE IF NOT EXISTS passage_vectors (
    passage_key TEXT PRIMARY KEY, page_id INTEGER NOT NULL, locale TEXT NOT NULL, vector BLOB NOT NULL,
    scale REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS passage_vectors_page ON passage_vectors (page_id);
CREATE TABLE IF NOT EXISTS vector_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# The largest int8 value a vector's largest component is scaled to.
INT8_PEAK = 127


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
    matrix: np.ndarray  # int8, one row per passage
    scales: np.ndarray  # float32: row × scale is the unit vector the passage was embedded as
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
        values, scale = quantised(vector)
        rows.append((passage_key, page_id, locale, values.tobytes(), scale))
    connection.execute("DELETE FROM passage_vectors WHERE page_id = ?", (page_id,))
    connection.executemany(
        "INSERT OR REPLACE INTO passage_vectors (passage_key, page_id, locale, vector, scale) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    _touch(connection)


def quantised(vector):
    """(int8 values, scale) of a float vector: its largest component becomes ±INT8_PEAK, and the scale
    brings the int8 vector back to length 1, so its dot product with a unit query is a cosine."""
    peak = float(np.abs(vector).max())
    if peak == 0:
        return np.zeros(len(vector), dtype=np.int8), 0.0
    values = np.round(vector * (INT8_PEAK / peak)).astype(np.int8)
    return values, float(1 / np.linalg.norm(values.astype(np.float32)))


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
            "SELECT passage_key, page_id, locale, vector, scale FROM passage_vectors"
            " ORDER BY locale, page_id, passage_key"
        ).fetchall()
        broken = next((row[0] for row in rows if len(row[3]) != dimensions), None)
        if broken is not None:
            raise VectorStoreError(f"{broken}: stored vector is not {dimensions} int8 values")
        matrix = np.frombuffer(b"".join(row[3] for row in rows), dtype=np.int8).reshape(len(rows), dimensions)
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
            scales=np.array([row[4] for row in rows], dtype=np.float32),
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
            np.concatenate([cosines(loaded.matrix[r], loaded.scales[r], query_vector) for r in ranges])
            if ranges
            else np.empty(0)
        )
    else:  # filtered first: only the chosen pages' passages are scored
        rows = rows[np.isin(loaded.page_ids[rows], np.fromiter(page_ids, dtype=np.int64))]
        scores = cosines(loaded.matrix[rows], loaded.scales[rows], query_vector)
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


def cosines(matrix, scales, query_vector):
    """Cosine of the unit `query_vector` with each int8 row of `matrix` (times its scale). einsum converts
    the int8 values a buffer at a time, so no float copy of the matrix undoes the int8 saving, and it
    starts no BLAS threads, which on a busy two-core host cost a search more than they save."""
    return np.einsum("ij,j->i", matrix, query_vector) * scales
