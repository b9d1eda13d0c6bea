"""Search without a server: SQLite FTS5 in its own file, beside whatever database Django uses.

Two FTS5 tables: one row of page text per page (title, lead, labels, facts) and one row per passage of
its own text (heading, text, attachment). Each field is stored twice, as in Elasticsearch: the raw words
(unicode61, diacritics kept) and the app-analysed terms (search/analysis.py) in *_stem columns. A passage
matches what its own row and its page's row match together, the same rule as Elasticsearch's passage
documents that repeat the page text; keeping page text once per page means a title word is scored once,
not once per passage of a long manual. Ranking is FTS5's bm25 with the schema's field weights; the
compiler is search/backends/fts_query.py and everything above retrieval (levels, ranking, excerpts) is
the shared pipeline (search/pipeline.py).
"""

import json
import os
import sqlite3
import threading
import time
import uuid
from functools import cache
from pathlib import Path

from django.conf import settings

from search import vector_store
from search.analysis import allowed_edits, analyse, analysed_text, fold, tokens, within_edits
from search.backends import fts_query
from search.backends.base import SearchBackend, SearchUnavailable, passage_id
from search.embedding import EmbeddingSignature
from search.matching import (
    CORRECTION_BOOST,
    PHRASE_BOOST,
    TITLE_PHRASE_BOOST,
    Vocabulary,
    terms_to_count,
    truncation,
    words_to_check,
)
from search.ranking import Candidate, Retrieval, StoredPassage

PAGES, PASSAGES = fts_query.PAGE_TABLE, fts_query.PASSAGE_TABLE
# Bump when SCHEMA changes: a file with another layout is rebuilt rather than read or written
# (6: passages with the page's fingerprint and the change-log position in `meta`; 7: passage vectors).
LAYOUT_VERSION = 7
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
""" + vector_store.SCHEMA


class EmbeddedBackend(SearchBackend):
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
            CREATE TEMP TABLE page_hits (page_id INTEGER, slot INTEGER, score REAL);
            CREATE TEMP TABLE passage_hits (id INTEGER, slot INTEGER, score REAL);
            CREATE TEMP TABLE page_slots (
                page_id INTEGER, slot INTEGER, PRIMARY KEY (page_id, slot)
            ) WITHOUT ROWID;
            CREATE TEMP TABLE page_scores (page_id INTEGER PRIMARY KEY, score REAL);
            CREATE TEMP TABLE passage_scores (id INTEGER PRIMARY KEY, score REAL);
            CREATE TEMP TABLE pairs (id INTEGER, slot INTEGER, PRIMARY KEY (id, slot)) WITHOUT ROWID;
            CREATE TEMP TABLE slot_weights (slot INTEGER PRIMARY KEY, weight INTEGER);
            CREATE TEMP TABLE matched (
                id INTEGER PRIMARY KEY, page_id INTEGER, position INTEGER, score REAL, slots TEXT, own INTEGER,
                page_slots TEXT
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
    def _insert(connection, page):
        page_texts = {"title": page.title, **page.texts}
        page_stems = {name: analysed_text(text, page.locale) for name, text in page_texts.items()}
        connection.execute(
            f"INSERT INTO page_fts (rowid, {', '.join(PAGES.columns)}) VALUES (?{', ?' * len(PAGES.columns)})",
            [
                page.page_id,
                *(page_texts.get(name, "") for name in PAGES.raw),
                *(page_stems.get(name, "") for name in PAGES.raw),
            ],
        )
        terms = set(" ".join(page_stems.values()).split())
        for passage in page.indexed_passages():
            texts = {"heading": " › ".join(passage.heading), passage.role: passage.text}
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
                [
                    cursor.lastrowid,
                    *(texts.get(name, "") for name in PASSAGES.raw),
                    *(stems.get(name, "") for name in PASSAGES.raw),
                ],
            )
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
        EmbeddedBackend._insert_vectors(connection, page)

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
            connection.executescript(SCHEMA)
            with connection:
                for page in pages:
                    self._insert(connection, page)
                    if progress:
                        progress(1)
                if start_position is not None:
                    self._store_position(connection, start_position, {})
            connection.close()
            if catch_up is not None:
                catch_up(EmbeddedBackend(temporary))
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

    def indexed_fingerprints(self):
        """{page_id: fingerprint} of every indexed page (check_search_index compares them)."""
        try:
            rows = self._current().execute("SELECT page_id, fingerprint FROM pages").fetchall()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error
        return {row["page_id"]: row["fingerprint"] for row in rows}

    # --- reading: the pipeline's three questions -------------------------------------------------

    def _read(self, work):
        """Run `work(connection)` in one read transaction, so every query sees the same index."""
        try:
            connection = self._current()
            connection.execute("BEGIN")
            try:
                return work(connection)
            finally:
                connection.rollback()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error

    def vocabulary(self, parsed):
        terms, raw = terms_to_count(parsed)

        def work(connection):
            counts = self._row_counts(connection, "vocabulary_rows", raw)
            for word, pages in self._row_counts(connection, "page_text_rows", raw).items():
                counts[word] = counts.get(word, 0) + pages
            pages = self._row_counts(connection, "page_vocabulary", terms)
            unknown = [
                word
                for word in words_to_check(parsed)
                if not any(pages.get(term) for term in analyse(word, parsed.locale))
            ]
            prefixes = {truncation(word) for word in unknown if truncation(word)}
            return Vocabulary(
                pages=connection.execute("SELECT count(*) FROM pages").fetchone()[0],
                documents={term: pages.get(term, 0) for term in terms},
                raw={word: counts.get(word, 0) for word in raw},
                spellings={word: self._spellings(connection, word) for word in unknown},
                prefixes={prefix: self._prefix_count(connection, prefix) for prefix in prefixes},
            )

        return self._read(work)

    @staticmethod
    def _prefix_count(connection, prefix):
        """Pages holding an analysed term that starts with `prefix` (an upper bound: a page with two
        such forms counts twice)."""
        return connection.execute(
            "SELECT coalesce(sum(doc), 0) FROM page_vocabulary WHERE term >= ? AND term < ?",
            [prefix, prefix + "\uffff"],
        ).fetchone()[0]

    @staticmethod
    def _row_counts(connection, table, terms):
        """{term: rows holding it} from an fts5vocab 'row' table; one lookup per term, because fts5vocab
        seeks only on `term = ?` and scans the whole vocabulary for `term IN (…)`."""
        counts = {}
        for term in terms:
            row = connection.execute(f"SELECT doc FROM {table} WHERE term = ?", [term]).fetchone()
            if row:
                counts[term] = row["doc"]
        return counts

    @staticmethod
    def _spellings(connection, word):
        """Raw words of the index within AUTO edit distance of `word` (compared without diacritics)."""
        folded = fold(word)
        edits = allowed_edits(folded)
        if not edits:
            return []
        first = folded[0]
        # Same first letter, with or without diacritics: "č" words sort after "d", so ask for both ranges.
        ranges = {(first, chr(ord(first) + 1))}
        ranges |= {(char, chr(ord(char) + 1)) for char in variants_of(first)}
        found = {}
        for table, columns in (("vocabulary", PASSAGES.raw), ("page_text_vocabulary", PAGES.raw)):
            placeholders = ", ".join("?" * len(columns))
            for low, high in ranges:
                rows = connection.execute(
                    f"SELECT term, sum(doc) AS rows FROM {table}"
                    f" WHERE term >= ? AND term < ? AND col IN ({placeholders})"
                    " AND length(term) BETWEEN ? AND ? GROUP BY term",
                    [low, high, *columns, len(folded) - edits, len(folded) + edits],
                ).fetchall()
                for row in rows:
                    if within_edits(folded, fold(row["term"]), edits):
                        found[row["term"]] = found.get(row["term"], 0) + row["rows"]
        return sorted(found.items(), key=lambda item: -item[1])[:MAX_SPELLINGS]

    def retrieve(self, plan, level, size):
        return self._read(lambda connection: self._retrieve(connection, plan, level, size))

    def _retrieve(self, connection, plan, level, size):
        for table in (
            "page_hits", "passage_hits", "page_slots", "page_scores", "passage_scores", "pairs", "slot_weights",
            "matched",
        ):
            connection.execute(f"DELETE FROM temp.{table}")
        for index, planned in enumerate(plan.slots):
            if not planned.matchable:
                continue
            connection.execute("INSERT INTO temp.slot_weights VALUES (?, ?)", [index, planned.weight])
            boost = CORRECTION_BOOST if any(c.is_typo for c in planned.corrections) else 1.0
            self._hits(connection, "page_hits", PAGES, index, boost, fts_query.slot_expression(planned, PAGES))
            if planned.is_common:
                # bm25 costs ~1.5 µs a row: for a word in most passages, score only its headings; the
                # running text counts, at a fixed small score, for matching and coverage.
                headings = fts_query.slot_expression(planned, fts_query.HEADING_COLUMNS)
                self._hits(connection, "passage_hits", PASSAGES, index, boost, headings)
                connection.execute(
                    "INSERT INTO temp.passage_hits SELECT rowid, ?, ? FROM fts WHERE fts MATCH ?",
                    [index, COMMON_TEXT_SCORE * boost, fts_query.slot_expression(planned, PASSAGES)],
                )
            else:
                expression = fts_query.slot_expression(planned, PASSAGES)
                self._hits(connection, "passage_hits", PASSAGES, index, boost, expression)
        # Bonuses (slot -1): the query's terms as a phrase, and as typed inside a title.
        for table, hits in ((PAGES, "page_hits"), (PASSAGES, "passage_hits")):
            if expression := fts_query.phrase_expression(plan, table):
                self._hits(connection, hits, table, -1, PHRASE_BOOST, expression)
        if expression := fts_query.title_phrase_expression(plan):
            self._hits(connection, "page_hits", PAGES, -1, TITLE_PHRASE_BOOST, expression)
        connection.execute(
            "INSERT OR IGNORE INTO temp.page_slots SELECT page_id, slot FROM temp.page_hits WHERE slot >= 0"
        )
        connection.execute(
            "INSERT INTO temp.page_scores SELECT page_id, sum(score) FROM temp.page_hits GROUP BY page_id"
        )
        connection.execute(
            "INSERT INTO temp.passage_scores SELECT id, sum(score) FROM temp.passage_hits GROUP BY id"
        )
        # A passage matches its own slots and its page's: (passage, slot) pairs of passages with own hits.
        connection.execute("INSERT OR IGNORE INTO temp.pairs SELECT id, slot FROM temp.passage_hits WHERE slot >= 0")
        connection.execute(
            "INSERT OR IGNORE INTO temp.pairs SELECT p.id, s.slot"
            " FROM temp.passage_scores h JOIN passages p ON p.id = h.id"
            " JOIN temp.page_slots s ON s.page_id = p.page_id"
        )
        where, parameters = filter_conditions(plan.parsed)
        # Passages with hits of their own: their score and the page's; the level on both together.
        connection.execute(
            "INSERT INTO temp.matched"
            " SELECT c.id, p.page_id, p.position, own.score + coalesce(ps.score, 0), c.slots, 1,"
            "  (SELECT group_concat(slot) FROM temp.page_slots s WHERE s.page_id = p.page_id)"
            " FROM (SELECT x.id AS id, sum(w.weight) AS weight, group_concat(x.slot) AS slots"
            "   FROM temp.pairs x JOIN temp.slot_weights w ON w.slot = x.slot GROUP BY x.id) c"
            " JOIN temp.passage_scores own ON own.id = c.id"
            " JOIN passages p ON p.id = c.id JOIN pages d ON d.page_id = p.page_id"
            " LEFT JOIN temp.page_scores ps ON ps.page_id = p.page_id"
            f" WHERE c.weight >= ? AND {where}",
            [level.required, *parameters],
        )
        # Pages whose own text reaches the level: their first passage stands for them (the top of the page).
        connection.execute(
            "INSERT OR IGNORE INTO temp.matched"
            " SELECT p.id, d.page_id, 0, ps.score, c.slots, 0, c.slots"
            " FROM (SELECT s.page_id AS page_id, sum(w.weight) AS weight, group_concat(s.slot) AS slots"
            "   FROM temp.page_slots s JOIN temp.slot_weights w ON w.slot = s.slot GROUP BY s.page_id) c"
            " JOIN pages d ON d.page_id = c.page_id JOIN temp.page_scores ps ON ps.page_id = c.page_id"
            " JOIN passages p ON p.page_id = d.page_id AND p.position = 0"
            f" WHERE c.weight >= ? AND {where}",
            [level.required, *parameters],
        )
        rows = connection.execute(
            "SELECT page_id, position, score, slots, own, page_slots FROM temp.matched"
            " ORDER BY score DESC, page_id, position LIMIT ?",
            [size],
        ).fetchall()
        candidates = [
            Candidate(
                page_id=row["page_id"],
                position=row["position"],
                score=round(row["score"], 4),
                slots=slot_set(row["slots"]),
                own=bool(row["own"]),
                page_slots=slot_set(row["page_slots"]),
            )
            for row in rows
        ]
        total = connection.execute("SELECT count(DISTINCT page_id) FROM temp.matched").fetchone()[0]
        facets = self._facet_counts(connection, "SELECT DISTINCT page_id FROM temp.matched", [])
        return Retrieval(candidates=candidates, total=total, facets=facets)

    @staticmethod
    def _hits(connection, hits, table, slot, boost, expression):
        connection.execute(
            f"INSERT INTO temp.{hits} SELECT rowid, ?, -{table.bm25} * ? FROM {table.name} WHERE {table.name} MATCH ?",
            [slot, boost, expression],
        )

    def browse(self, plan):
        parsed = plan.parsed

        def work(connection):
            where, parameters = filter_conditions(parsed)
            pages = f"SELECT d.page_id FROM pages d WHERE {where}"
            rows = connection.execute(
                f"{pages} ORDER BY d.published_at DESC, d.page_id LIMIT ? OFFSET ?",
                [*parameters, parsed.per_page, parsed.offset],
            ).fetchall()
            total = connection.execute(f"SELECT count(*) FROM ({pages})", parameters).fetchone()[0]
            return Retrieval(
                candidates=[Candidate(page_id=row["page_id"], position=0, score=0.0) for row in rows],
                total=total,
                facets=self._facet_counts(connection, pages, parameters),
            )

        return self._read(work)

    def nearest(self, parsed, vector, model_name, locales, k):
        def work(connection):
            signature = vector_store.stored_signature(connection)
            if signature is None or signature.model_name != model_name:
                return []
            page_ids = None
            if parsed.filters:
                where, parameters = facet_conditions(parsed.filters)
                rows = connection.execute(f"SELECT d.page_id FROM pages d WHERE {where}", parameters).fetchall()
                page_ids = [row[0] for row in rows]
            hits = vector_store.nearest(connection, vector, k, locales=locales, page_ids=page_ids)
            return [
                Candidate(page_id=hit.page_id, position=int(hit.passage_key.rsplit("-", 1)[1]), score=hit.score, own=True)
                for hit in hits
            ]

        return self._read(work)

    def stored_passages(self, passage_ids):
        wanted = [tuple(int(part) for part in key.rsplit("-", 1)) for key in passage_ids]
        if not wanted:
            return {}

        def work(connection):
            values = ", ".join("(?, ?)" for _ in wanted)
            rows = connection.execute(
                f"WITH wanted (page_id, position) AS (VALUES {values})"
                " SELECT p.page_id, p.position, p.anchor, p.heading, p.text, d.title, d.url, d.type, d.locale,"
                " d.translation_key"
                " FROM wanted w JOIN passages p ON p.page_id = w.page_id AND p.position = w.position"
                " JOIN pages d ON d.page_id = p.page_id",
                [number for pair in wanted for number in pair],
            ).fetchall()
            return {
                f"{row['page_id']}-{row['position']}": StoredPassage(
                    page_id=row["page_id"],
                    position=row["position"],
                    title=row["title"],
                    url=row["url"],
                    content_type=row["type"],
                    locale=row["locale"],
                    anchor=row["anchor"],
                    heading=tuple(part for part in row["heading"].split(HEADING_SEPARATOR) if part),
                    text=row["text"],
                    translation_key=row["translation_key"] or "",
                )
                for row in rows
            }

        return self._read(work)

    @staticmethod
    def _facet_counts(connection, pages_query, parameters):
        rows = connection.execute(
            f"SELECT field, value, count(*) AS n FROM facets WHERE page_id IN ({pages_query})"
            " GROUP BY field, value ORDER BY field, n DESC, value",
            parameters,
        ).fetchall()
        facets = {}
        for row in rows:
            values = facets.setdefault(row["field"], [])
            if len(values) < FACET_SIZE:
                values.append((row["value"], row["n"]))
        return facets

    def autocomplete(self, prefix, locale, limit=8):
        words = tokens(fold(prefix))
        if not words:
            return []
        try:
            rows = self._current().execute(
                "SELECT d.title, d.url FROM titles t JOIN pages d ON d.page_id = t.rowid"
                " WHERE titles MATCH ? AND d.locale = ? ORDER BY bm25(titles), length(d.title) LIMIT ?",
                [fts_query.title_prefix_expression(words), locale, limit],
            ).fetchall()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error
        return [{"title": row["title"], "url": row["url"]} for row in rows]


def stored_layout(connection):
    """The LAYOUT_VERSION an index file was written with (None for a file without the meta table)."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row else None


def slot_set(joined):
    """Slot indexes from SQLite's group_concat ("0,2")."""
    return frozenset(int(slot) for slot in (joined or "").split(",") if slot)


def filter_conditions(parsed):
    """SQL conditions on `pages d` for the query's language and filters, with their parameters."""
    where, parameters = facet_conditions(parsed.filters)
    return f"d.locale = ? AND {where}", [parsed.locale, *parameters]


def facet_conditions(filters):
    """SQL conditions on `pages d` for facet filters ({field: values}), with their parameters."""
    conditions, parameters = ["1"], []
    for field, values in filters.items():
        placeholders = ", ".join("?" * len(values))
        conditions.append(
            f"d.page_id IN (SELECT page_id FROM facets WHERE field = ? AND value IN ({placeholders}))"
        )
        parameters += [field, *values]
    return " AND ".join(conditions), parameters


@cache
def variants_of(letter):
    """Latin letters with diacritics that fold to `letter` ("c" → "č", "ć"…), for vocabulary ranges."""
    return {chr(code) for code in range(0xC0, 0x250) if fold(chr(code)) == letter and chr(code).islower()}
