"""Search without a server: SQLite FTS5 in its own file, beside whatever database Django uses.

Each text field is stored twice in one FTS5 table, as in Elasticsearch: the raw words (unicode61, diacritics
kept) and the app-analysed terms (search/analysis.py) in the *_stem columns. Ranking is FTS5's bm25 with
the same field weights and boosts as the Elasticsearch query (search/query.py); typo tolerance expands a
query term to close terms from the index vocabulary (fts5vocab), weighted down like Elasticsearch's fuzzy.
"""

import json
import os
import sqlite3
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings

from search.analysis import WORD_RE, allowed_edits, analysed_text, fold, tokens, within_edits
from search.backends.base import (
    SearchBackend,
    SearchHit,
    SearchResults,
    SearchUnavailable,
    search_with_fallback,
)
from search.query import (
    EXACT_FORM_BOOST,
    FACET_SIZE,
    FIELD_WEIGHTS,
    FUZZY_BOOST,
    PHRASE_BOOST,
    TEXT_FIELDS,
    parse_query,
)
from search.snippets import did_you_mean, make_snippet

STEM_COLUMNS = tuple(f"{name}_stem" for name in TEXT_FIELDS)
FTS_COLUMNS = TEXT_FIELDS + STEM_COLUMNS
# bm25 weight per FTS column, in FTS_COLUMNS order: exact forms count a little more than lemmas.
COLUMN_WEIGHTS = tuple(FIELD_WEIGHTS[name] * EXACT_FORM_BOOST for name in TEXT_FIELDS) + tuple(
    FIELD_WEIGHTS[name] for name in TEXT_FIELDS
)
BM25 = f"bm25(fts, {', '.join(str(weight) for weight in COLUMN_WEIGHTS)})"
# Like Elasticsearch's fuzzy max_expansions: a term expands to at most this many close terms.
MAX_EXPANSIONS = 20
SUGGEST_MIN_LENGTH = 4

# Bump when SCHEMA changes: a file with another layout is rebuilt rather than read or written.
LAYOUT_VERSION = 2
# Temporary files of a rebuild that died (kill -9) are removed by the next one after this long.
STALE_BUILD_SECONDS = 3600

SCHEMA = f"""
CREATE TABLE documents (
    page_id INTEGER PRIMARY KEY, locale TEXT NOT NULL, type TEXT NOT NULL, title TEXT NOT NULL,
    url TEXT NOT NULL, published_at TEXT, fingerprint TEXT NOT NULL DEFAULT ''
);
-- The file's place in the change log (search/indexing.py), written in the same transaction as the
-- documents, so a copy swapped in by a rebuild or restored from a backup knows what it still lacks.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('layout', '{LAYOUT_VERSION}');
CREATE INDEX documents_locale ON documents (locale, published_at);
CREATE TABLE facets (page_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX facets_lookup ON facets (field, value, page_id);
CREATE INDEX facets_page ON facets (page_id);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(fts, 'col');
CREATE VIRTUAL TABLE titles USING fts5(title, tokenize="unicode61 remove_diacritics 0");
"""


def fts_phrase(words):
    """An FTS5 phrase; the words come from WORD_RE, and quotes are doubled anyway so nothing is syntax."""
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def in_columns(columns, expression):
    return "{" + " ".join(columns) + "} : " + expression


def any_of(expressions):
    return "(" + " OR ".join(expressions) + ")"


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
        # Per connection: the matches of the search in progress, so count, page and facets read them once.
        connection.execute("CREATE TEMP TABLE hits (page_id INTEGER PRIMARY KEY, score REAL)")
        connection.execute("CREATE TEMP TABLE matches (page_id INTEGER, score REAL, base INTEGER)")
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

    def is_available(self):
        try:
            self._connection().execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.Error:
            return False
        return True

    # --- writing ---------------------------------------------------------------------------------

    @staticmethod
    def _delete(connection, page_ids):
        for table, column in (("fts", "rowid"), ("titles", "rowid"), ("documents", "page_id"), ("facets", "page_id")):
            connection.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(page_id,) for page_id in page_ids])

    @staticmethod
    def _insert(connection, document):
        texts = [document.title, document.summary, document.body, document.attachments]
        stems = [analysed_text(text, document.locale) for text in texts]
        connection.execute(
            f"INSERT INTO fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?{', ?' * len(FTS_COLUMNS)})",
            [document.page_id, *texts, *stems],
        )
        connection.execute("INSERT INTO titles (rowid, title) VALUES (?, ?)", [document.page_id, fold(document.title)])
        connection.execute(
            "INSERT INTO documents (page_id, locale, type, title, url, published_at, fingerprint)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                document.page_id,
                document.locale,
                document.content_type,
                document.title,
                document.url,
                document.published_at.isoformat() if document.published_at else None,
                document.fingerprint,
            ],
        )
        connection.executemany(
            "INSERT INTO facets (page_id, field, value) VALUES (?, ?, ?)",
            [
                (document.page_id, field, value)
                for field, values in document.facet_values().items()
                for value in dict.fromkeys(values)
            ],
        )

    def index_documents(self, documents):
        documents = list(documents)
        with self._write_lock:
            connection = self._connection()
            with connection:
                self._delete(connection, [document.page_id for document in documents])
                for document in documents:
                    self._insert(connection, document)

    def delete_documents(self, page_ids):
        with self._write_lock:
            connection = self._connection()
            with connection:
                self._delete(connection, list(page_ids))

    def rebuild(self, documents, progress=None, start_position=None, catch_up=None):
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
                for document in documents:
                    self._insert(connection, document)
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

    def apply_changes(self, documents, deleted_ids, position, gaps):
        """Write documents, remove pages and move the position, all in one transaction."""
        documents = list(documents)
        with self._write_lock:
            connection = self._connection()
            with connection:
                self._delete(connection, [*deleted_ids, *(document.page_id for document in documents)])
                for document in documents:
                    self._insert(connection, document)
                self._store_position(connection, position, gaps)

    def indexed_fingerprints(self):
        """{page_id: fingerprint} of every indexed page (check_search_index compares them)."""
        try:
            rows = self._connection().execute("SELECT page_id, fingerprint FROM documents").fetchall()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error
        return {row["page_id"]: row["fingerprint"] for row in rows}

    # --- reading ---------------------------------------------------------------------------------

    def search(self, query):
        return search_with_fallback(self._search_locale, query)

    def _search_locale(self, query):
        parsed = parse_query(query)
        try:
            connection = self._connection()
            # One read transaction: count, page and facets see the same index even while a writer commits.
            connection.execute("BEGIN")
            try:
                self._collect_hits(connection, parsed)
                total = connection.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
                rows = connection.execute(
                    "SELECT h.page_id, h.score, d.title, d.url, d.type, d.locale, f.summary, f.body, f.attachments"
                    " FROM temp.hits h JOIN documents d USING (page_id) JOIN fts f ON f.rowid = h.page_id"
                    " ORDER BY h.score DESC, d.published_at DESC, h.page_id LIMIT ? OFFSET ?",
                    [parsed.per_page, parsed.offset],
                ).fetchall()
                facets = self._facet_counts(connection)
                suggestion = self._suggestion(connection, parsed) if parsed.slots else None
            finally:
                connection.rollback()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error
        hits = [
            SearchHit(
                page_id=row["page_id"],
                title=row["title"],
                url=row["url"],
                snippet=make_snippet(parsed, [row["summary"], row["body"], row["attachments"]]),
                content_type=row["type"],
                locale=row["locale"],
                score=round(row["score"], 4),
            )
            for row in rows
        ]
        return SearchResults(query=query, total=total, hits=hits, facets=facets, suggestion=suggestion)

    def _collect_hits(self, connection, parsed):
        """Fill temp.hits with the matching pages of the locale after filters, and their scores."""
        connection.execute("DELETE FROM temp.hits")
        conditions = ["d.locale = ?"]
        parameters = [parsed.locale]
        for field, values in parsed.filters.items():
            placeholders = ", ".join("?" * len(values))
            conditions.append(f"d.page_id IN (SELECT page_id FROM facets WHERE field = ? AND value IN ({placeholders}))")
            parameters += [field, *values]
        where = " AND ".join(conditions)
        if parsed.is_browse:
            connection.execute(
                f"INSERT INTO temp.hits SELECT d.page_id, 0 FROM documents d WHERE {where}", parameters
            )
            return
        self._score_matches(connection, parsed)
        connection.execute(
            "INSERT INTO temp.hits SELECT m.page_id, sum(m.score) FROM temp.matches m"
            f" JOIN documents d ON d.page_id = m.page_id WHERE {where}"
            " GROUP BY m.page_id HAVING max(m.base) = 1",
            parameters,
        )

    def _score_matches(self, connection, parsed):
        """Fill temp.matches with (page_id, score, base) of every page matching `parsed` in any locale.

        Mirrors the Elasticsearch query: all slots must match (exactly, or failing that with typos at a
        fifth of the weight); an exact phrase of all terms adds PHRASE_BOOST but is not a match alone.
        """
        connection.execute("DELETE FROM temp.matches")
        expansions = {term: self._close_terms(connection, term, STEM_COLUMNS) for term in parsed.terms}
        exact = " AND ".join(self._slot_expression(slot) for slot in parsed.slots)
        parts = [(exact, 1.0, 1)]
        if any(expansions.values()):
            fuzzy = " AND ".join(self._slot_expression(slot, expansions) for slot in parsed.slots)
            parts.append((fuzzy, FUZZY_BOOST, 1))
        if len(parsed.terms) >= 2:
            parts.append((in_columns(STEM_COLUMNS, fts_phrase(parsed.terms)), PHRASE_BOOST, 0))
        for expression, boost, base in parts:
            connection.execute(
                f"INSERT INTO temp.matches SELECT rowid, -{BM25} * ?, ? FROM fts WHERE fts MATCH ?",
                [boost, base, expression],
            )

    @staticmethod
    def _slot_expression(slot, expansions=None):
        """FTS5 for one slot: the exact form, or every word's lemma (or a close term), or a synonym."""
        words = [word.lower() for word in tokens(slot.surface)]
        alternatives = [in_columns(TEXT_FIELDS, fts_phrase(words))]
        if slot.terms:
            alternatives.append(
                "("
                + " AND ".join(
                    in_columns(STEM_COLUMNS, any_of([fts_phrase([t]) for t in [term, *(expansions or {}).get(term, [])]]))
                    for term in slot.terms
                )
                + ")"
            )
        # FTS5 has no per-phrase boost; a synonym counts as the word itself (ES: SYNONYM_BOOST, close to 1).
        alternatives += [in_columns(STEM_COLUMNS, fts_phrase(phrase)) for phrase in slot.synonyms if phrase]
        return any_of(alternatives)

    @staticmethod
    def _close_terms(connection, term, columns):
        edits = allowed_edits(term)
        if not edits:
            return []
        placeholders = ", ".join("?" * len(columns))
        rows = connection.execute(
            "SELECT term, sum(doc) AS documents FROM vocabulary"
            f" WHERE term >= ? AND term < ? AND col IN ({placeholders})"
            " AND length(term) BETWEEN ? AND ? GROUP BY term",
            [term[0], chr(ord(term[0]) + 1), *columns, len(term) - edits, len(term) + edits],
        ).fetchall()
        close = [
            (row["term"], row["documents"])
            for row in rows
            if row["term"] != term and within_edits(term, row["term"], edits)
        ]
        # Like Elasticsearch's suggester: the closest spelling first, then the most common one.
        close.sort(key=lambda item: (not within_edits(term, item[0], 1), -item[1]))
        return [found for found, _ in close[:MAX_EXPANSIONS]]

    @staticmethod
    def _facet_counts(connection):
        rows = connection.execute(
            "SELECT field, value, count(*) AS n FROM facets WHERE page_id IN (SELECT page_id FROM temp.hits)"
            " GROUP BY field, value ORDER BY field, n DESC, value"
        ).fetchall()
        facets = {}
        for row in rows:
            values = facets.setdefault(row["field"], [])
            if len(values) < FACET_SIZE:
                values.append((row["value"], row["n"]))
        return facets

    def _suggestion(self, connection, parsed):
        """Replace each typed word the body text never contains by its most frequent close spelling."""
        corrections = {}
        for word in {word.lower() for word in WORD_RE.findall(parsed.text)}:
            if len(word) < SUGGEST_MIN_LENGTH:
                continue
            known = connection.execute(
                "SELECT 1 FROM vocabulary WHERE term = ? AND col = 'body' LIMIT 1", [word]
            ).fetchone()
            if known:
                continue
            candidates = self._close_terms(connection, word, ("body",))
            if candidates:
                corrections[word] = candidates[0]
        return did_you_mean(parsed, corrections, lambda terms: self._known_terms(connection, terms))

    @staticmethod
    def _known_terms(connection, terms):
        terms = list(terms)
        rows = connection.execute(
            f"SELECT DISTINCT term FROM vocabulary WHERE term IN ({', '.join('?' * len(terms))})"
            f" AND col IN ({', '.join('?' * len(STEM_COLUMNS))})",
            [*terms, *STEM_COLUMNS],
        ).fetchall()
        return {row["term"] for row in rows}

    def autocomplete(self, prefix, locale, limit=8):
        words = tokens(fold(prefix))
        if not words:
            return []
        expression = " ".join([fts_phrase([word]) for word in words[:-1]] + [fts_phrase([words[-1]]) + "*"])
        try:
            rows = self._connection().execute(
                "SELECT d.title, d.url FROM titles t JOIN documents d ON d.page_id = t.rowid"
                " WHERE titles MATCH ? AND d.locale = ? ORDER BY bm25(titles), length(d.title) LIMIT ?",
                [expression, locale, limit],
            ).fetchall()
        except sqlite3.Error as error:
            raise SearchUnavailable(f"The embedded search index cannot be read: {error}") from error
        return [{"title": row["title"], "url": row["url"]} for row in rows]
