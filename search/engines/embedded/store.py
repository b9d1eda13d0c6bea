"""Search without a server: SQLite FTS5 in its own file, beside whatever database Django uses. This is
the store: the file, its layout and writing; reading is in retrieval.py, vectors in vector_store.py.

Two FTS5 tables: one row of page text per page (title, lead, labels, facts) and one row per passage of
its own text (heading, text, attachment). Each field is stored twice, as in Elasticsearch: the raw words
(unicode61, diacritics kept) and the app-analysed terms (search/analysis.py) in *_stem columns. A passage
matches what its own row and its page's row match together, the same rule as Elasticsearch's passage
documents that repeat the page text; keeping page text once per page means a title word is scored once,
not once per passage of a long manual. Ranking is FTS5's bm25 with the schema's field weights; the
compiler is fts_query.py and everything above retrieval (levels, ranking, excerpts) is the shared
pipeline (search/query/pipeline.py).
"""

import json
import os
import sqlite3
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings

from search.documents.indexed import passage_id
from search.engines.base import SearchBackend, SearchUnavailable
from search.engines.embedded import fts_query, passage_words, vector_store
from search.vectors.embedding import EmbeddingSignature
from search.vocabulary.analysis import analysed_text, fold

PAGES, PASSAGES = fts_query.PAGE_TABLE, fts_query.PASSAGE_TABLE
# Bump when SCHEMA changes: a file with another layout is rebuilt rather than read or written
# (6: passages with the page's fingerprint and the change-log position in `meta`; 7: passage vectors;
# 8: passage_words, int8 vectors).
LAYOUT_VERSION = 8
# Like Elasticsearch's fuzzy max_expansions: at most this many spellings are considered per word.
MAX_SPELLINGS = 20
FACET_SIZE = 50
# Per connection: 32 MB of page cache, and up to 1 GB of the index file mapped into memory.
CACHE_KIB = 32_768
# The score a common word earns in a passage's running text (see PlannedSlot.is_common): about what its
# near-zero idf would give.
COMMON_TEXT_SCORE = 0.1
MMAP_BYTES = 1 << 30
# Heading paths are stored as one text; this separator never occurs in a heading.
HEADING_SEPARATOR = "\x1f"

# Temporary files of a rebuild that died (kill -9) are removed by the next one after this long.
STALE_BUILD_SECONDS = 3600

SCHEMA = f"""
CREATE TABLE pages (
    page_id INTEGER PRIMARY KEY, locale TEXT NOT NULL, type TEXT NOT NULL, title TEXT NOT NULL,
    url TEXT NOT NULL, published_at TEXT, translation_key TEXT, fingerprint TEXT NOT NULL DEFAULT ''
);
-- The file's place in the change log (search/indexing.py), written in the same transaction as the
-- pages, so a copy swapped in by a rebuild or restored from a backup knows what it still lacks.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('layout', '{LAYOUT_VERSION}');
CREATE INDEX pages_locale ON pages (locale, published_at);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, position INTEGER NOT NULL,
    anchor TEXT NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL
);
CREATE UNIQUE INDEX passages_page ON passages (page_id, position);
CREATE TABLE facets (page_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX facets_lookup ON facets (field, value, page_id);
CREATE INDEX facets_page ON facets (page_id);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(PASSAGES.columns)}, tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE page_fts USING fts5({", ".join(PAGES.columns)}, tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(fts, 'col');
CREATE VIRTUAL TABLE page_text_vocabulary USING fts5vocab(page_fts, 'col');
CREATE VIRTUAL TABLE vocabulary_rows USING fts5vocab(fts, 'row');
CREATE VIRTUAL TABLE page_text_rows USING fts5vocab(page_fts, 'row');
CREATE VIRTUAL TABLE titles USING fts5(title, tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE page_terms USING fts5(terms, tokenize="unicode61 remove_diacritics 0", detail=none);
CREATE VIRTUAL TABLE page_vocabulary USING fts5vocab(page_terms, 'row');
""" + passage_words.SCHEMA + vector_store.SCHEMA


class EmbeddedStore(SearchBackend):
    name = "embedded"

    def __init__(self, path):
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()

    @classmethod
    def from_settings(cls):
        return cls(path=settings.SEARCH_EMBEDDED_PATH)

    # --- connections -----------------------------------------------------------------------------

    def _open(self, path):
        connection = sqlite3.connect(path, timeout=10)
        connection.row_factory = sqlite3.Row
        # A search writes thousands of candidate rows to temporary tables: keep them in memory, and read
        # the index through the page cache of the operating system rather than copying it.
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        # Per connection: the matches of the search in progress, so count, page and facets read them once.
        connection.executescript(
            """
            CREATE TEMP TABLE page_hits (page_id INTEGER PRIMARY KEY, score REAL, slots INTEGER);
            CREATE TEMP TABLE passage_hits (id INTEGER PRIMARY KEY, score REAL, slots INTEGER);
            CREATE TEMP TABLE matched (
                id INTEGER PRIMARY KEY, page_id INTEGER, position INTEGER, score REAL, slots INTEGER, own INTEGER,
                page_slots INTEGER
            );
            """
        )
        return connection

    def _connection(self):
        """This thread's connection to the current file; reopened after a rebuild swapped the file."""
        if not self.path.exists():
            self._create(self.path)
        inode = self.path.stat().st_ino
        local = self._local
        if getattr(local, "inode", None) != inode:
            if getattr(local, "connection", None) is not None:
                local.connection.close()
            local.connection, local.inode = self._open(self.path), inode
        return local.connection

    def _create(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex}.new")
        connection = self._open(temporary)
        connection.executescript(SCHEMA)
        connection.close()
        if not path.exists():
            os.replace(temporary, path)
        else:
            temporary.unlink()

    def layout_version(self):
        """LAYOUT_VERSION of the index file, or None when there is none yet."""
        if not self.path.exists():
            return None
        return stored_layout(self._connection())

    def layout_is_current(self):
        """True when the index file has this code's layout; None when there is no file yet."""
        version = self.layout_version()
        return None if version is None else version == LAYOUT_VERSION

    def _current(self):
        """The connection, refusing an index file written with another layout (it needs a rebuild)."""
        connection = self._connection()
        version = stored_layout(connection)
        if version != LAYOUT_VERSION:
            raise SearchUnavailable(
                f"The embedded search index {self.path} has layout {version}, this code needs "
                f"{LAYOUT_VERSION}: run `manage.py rebuild_search_index`."
            )
        return connection

    def is_available(self):
        try:
            self._current().execute("SELECT count(*) FROM pages").fetchone()
        except (sqlite3.Error, SearchUnavailable):
            return False
        return True

    # --- writing ---------------------------------------------------------------------------------

    @staticmethod
    def _delete(connection, page_ids):
        ids = [(page_id,) for page_id in page_ids]
        passage_words.remove(connection, EmbeddedStore._stored_word_counts(connection, page_ids))
        connection.executemany(
            "DELETE FROM fts WHERE rowid IN (SELECT id FROM passages WHERE page_id = ?)", ids
        )
        connection.executemany("DELETE FROM page_fts WHERE rowid = ?", ids)
        for table in ("passages", "pages", "facets"):
            connection.executemany(f"DELETE FROM {table} WHERE page_id = ?", ids)
        connection.executemany("DELETE FROM titles WHERE rowid = ?", ids)
        connection.executemany("DELETE FROM page_terms WHERE rowid = ?", ids)
        vector_store.delete_pages(connection, page_ids)

    @staticmethod
    def _stored_word_counts(connection, page_ids):
        """The passage_words counts the pages' stored FTS rows hold, read back before they are deleted."""
        columns = []
        for page_id in page_ids:
            rows = connection.execute(
                f"SELECT {', '.join(PAGES.raw)} FROM page_fts WHERE rowid = ?", [page_id]
            ).fetchall()
            rows += connection.execute(
                f"SELECT {', '.join(PASSAGES.raw)} FROM fts WHERE rowid IN (SELECT id FROM passages WHERE page_id = ?)",
                [page_id],
            ).fetchall()
            columns += [text or "" for row in rows for text in row]
        return passage_words.word_counts(columns)

    @staticmethod
    def _insert(connection, page):
        page_texts = {"title": page.title, **page.texts}
        page_stems = {name: analysed_text(text, page.locale) for name, text in page_texts.items()}
        # Every raw column of the page's rows, for passage_words.
        raw_columns = [page_texts.get(name, "") for name in PAGES.raw]
        connection.execute(
            f"INSERT INTO page_fts (rowid, {', '.join(PAGES.columns)}) VALUES (?{', ?' * len(PAGES.columns)})",
            [page.page_id, *raw_columns, *(page_stems.get(name, "") for name in PAGES.raw)],
        )
        terms = set(" ".join(page_stems.values()).split())
        for passage in page.indexed_passages():
            texts = {"heading": " › ".join(passage.heading), passage.role: passage.text}
            raw = [texts.get(name, "") for name in PASSAGES.raw]
            raw_columns += raw
            stems = {name: analysed_text(text, page.locale) for name, text in texts.items()}
            terms.update(" ".join(stems.values()).split())
            cursor = connection.execute(
                "INSERT INTO passages (page_id, position, anchor, heading, text) VALUES (?, ?, ?, ?, ?)",
                [
                    page.page_id,
                    passage.position,
                    passage.anchor,
                    HEADING_SEPARATOR.join(passage.heading),
                    passage.text,
                ],
            )
            connection.execute(
                f"INSERT INTO fts (rowid, {', '.join(PASSAGES.columns)}) VALUES (?{', ?' * len(PASSAGES.columns)})",
                [cursor.lastrowid, *raw, *(stems.get(name, "") for name in PASSAGES.raw)],
            )
        passage_words.add(connection, passage_words.word_counts(raw_columns))
        connection.execute("INSERT INTO titles (rowid, title) VALUES (?, ?)", [page.page_id, fold(page.title)])
        # One row of distinct terms per page: its vocabulary counts pages, which is how rare a word is.
        connection.execute("INSERT INTO page_terms (rowid, terms) VALUES (?, ?)", [page.page_id, " ".join(terms)])
        connection.execute(
            "INSERT INTO pages (page_id, locale, type, title, url, published_at, translation_key, fingerprint)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                page.page_id,
                page.locale,
                page.content_type,
                page.title,
                page.url,
                page.published_at.isoformat() if page.published_at else None,
                page.translation_key,
                page.fingerprint,
            ],
        )
        connection.executemany(
            "INSERT INTO facets (page_id, field, value) VALUES (?, ?, ?)",
            [
                (page.page_id, field, value)
                for field, values in page.facet_values().items()
                for value in dict.fromkeys(values)
            ],
        )
        EmbeddedStore._insert_vectors(connection, page)

    @staticmethod
    def _insert_vectors(connection, page):
        """The page's passage vectors beside its FTS rows. The store holds one model's vectors: a page
        embedded by another model (the configured one changed) empties it, the rest follows as re-embedded."""
        rows = [
            (passage_id(page.page_id, passage.position), page.locale, vector)
            for passage, vector in zip(page.indexed_passages(), page.vectors or (), strict=False)
            if vector is not None
        ]
        if not rows:
            return
        signature = EmbeddingSignature(page.vector_model, len(rows[0][2]))
        if vector_store.stored_signature(connection) != signature:
            vector_store.set_signature(connection, signature)
        vector_store.replace_page(connection, page.page_id, rows)

    def index_pages(self, pages):
        pages = list(pages)
        with self._write_lock:
            connection = self._current()
            with connection:
                self._delete(connection, [page.page_id for page in pages])
                for page in pages:
                    self._insert(connection, page)

    def delete_pages(self, page_ids):
        with self._write_lock:
            connection = self._current()
            with connection:
                self._delete(connection, list(page_ids))

    def rebuild(self, pages, progress=None, start_position=None, catch_up=None):
        """Write a complete new file, then swap it in with one rename: readers see the old or the new index.

        The new file starts at `start_position` in the change log; `catch_up(backend)` then replays into
        it what changed while it was loading, before the swap (search/rebuilding.py).
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.remove_stale_builds()
        temporary = self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex}.new")
        try:
            connection = self._open(temporary)
            # The new file is private until the swap and deleted if the build fails: no rollback journal
            # and no sync per commit while loading (a tenth of the load), one fsync before the swap.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.executescript(SCHEMA)
            with connection:
                for page in pages:
                    self._insert(connection, page)
                    if progress:
                        progress(1)
                if start_position is not None:
                    self._store_position(connection, start_position, {})
            with connection:
                merge_segments(connection)
            connection.close()
            if catch_up is not None:
                catch_up(type(self)(temporary))
            sync_to_disk(temporary)
            with self._write_lock:
                # Hold the live file exclusively so no writer is mid-transaction (with a journal) at the swap.
                live = self._open(self.path) if self.path.exists() else None
                if live:
                    live.execute("BEGIN EXCLUSIVE")
                os.replace(temporary, self.path)
                if live:
                    live.rollback()
                    live.close()
        finally:
            temporary.unlink(missing_ok=True)

    def remove_stale_builds(self):
        """Delete temporary files that a rebuild killed mid-way left behind (never a running one's)."""
        cutoff = time.time() - STALE_BUILD_SECONDS
        for leftover in self.path.parent.glob(f"{self.path.name}.*.new"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except FileNotFoundError:
                pass

    # --- the change log position (search/indexing.py) --------------------------------------------

    def log_position(self):
        """(position, gaps) in the change log, or (None, {}) when the file's content has no known
        position (new, or another layout): it must be rebuilt before it can follow the log."""
        try:
            connection = self._connection()
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            return None, {}
        if rows.get("layout") != str(LAYOUT_VERSION) or "position" not in rows:
            return None, {}
        return int(rows["position"]), json.loads(rows.get("gaps", "{}"))

    @staticmethod
    def _store_position(connection, position, gaps):
        connection.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("position", str(position)), ("gaps", json.dumps(gaps))],
        )

    def apply_changes(self, pages, deleted_ids, position, gaps):
        """Write pages, remove pages and move the position, all in one transaction."""
        pages = list(pages)
        with self._write_lock:
            connection = self._current()
            with connection:
                self._delete(connection, [*deleted_ids, *(page.page_id for page in pages)])
                for page in pages:
                    self._insert(connection, page)
                self._store_position(connection, position, gaps)

    def vector_coverage(self):
        try:
            connection = self._current()
            return (
                connection.execute("SELECT count(*) FROM passages").fetchone()[0],
                vector_store.count(connection),
            )
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error

    def indexed_fingerprints(self):
        """{page_id: fingerprint} of every indexed page (check_search_index compares them)."""
        try:
            rows = self._current().execute("SELECT page_id, fingerprint FROM pages").fetchall()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error
        return {row["page_id"]: row["fingerprint"] for row in rows}



def sync_to_disk(path):
    """Flush a finished file to disk, so the live index a swap puts in place survives a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def stored_layout(connection):
    """The LAYOUT_VERSION an index file was written with (None for a file without the meta table)."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row else None


# The full-text tables of SCHEMA (fts5vocab tables read them and hold nothing of their own).
FTS_TABLES = ("fts", "page_fts", "titles", "page_terms")


def merge_segments(connection):
    """Merge each full-text table's segments into one. A rebuild writes page by page, into a dozen
    segments, and FTS5 seeks a word in every segment: on 1,000 generated pages a long question's
    matching read 3,117 index pages instead of 2,432 (39.8 → 31.3 ms), another's 850 instead of 361."""
    for table in FTS_TABLES:
        connection.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
