"""Reading the embedded index: the pipeline's questions (vocabulary, retrieve, browse, nearest, stored
passages) and autocomplete, each in one read transaction over the store (store.py)."""

import sqlite3

from search.engines.base import SearchUnavailable
from search.engines.embedded import fts_query, passage_words, vector_store
from search.engines.embedded.store import (
    COMMON_TEXT_SCORE,
    FACET_SIZE,
    HEADING_SEPARATOR,
    MAX_SPELLINGS,
    PAGES,
    PASSAGES,
    EmbeddedStore,
)
from search.query.matching import (
    CORRECTION_BOOST,
    PHRASE_BOOST,
    TITLE_PHRASE_BOOST,
    Vocabulary,
    terms_to_count,
    truncation,
    words_to_check,
)
from search.query.types import Candidate, Retrieval, StoredPassage
from search.vocabulary.analysis import analyse, fold, tokens


class EmbeddedBackend(EmbeddedStore):
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
        return passage_words.near_spellings(connection, word, MAX_SPELLINGS)

    def retrieve(self, plan, level, size):
        return self._read(lambda connection: self._retrieve(connection, plan, level, size))

    def _retrieve(self, connection, plan, level, size):
        for table in ("page_hits", "passage_hits", "matched"):
            connection.execute(f"DELETE FROM temp.{table}")
        for index, planned in enumerate(plan.slots):
            if not planned.matchable:
                continue
            slot = 1 << index
            boost = CORRECTION_BOOST if any(c.is_typo for c in planned.corrections) else 1.0
            self._hits(connection, "page_hits", PAGES, slot, fts_query.slot_expression(planned, PAGES), boost)
            expression = fts_query.slot_expression(planned, PASSAGES)
            if planned.is_common:
                # bm25 costs ~1.5 µs a row: for a word in most passages, score only its headings; the
                # running text counts, at a fixed small score, for matching and coverage.
                headings = fts_query.slot_expression(planned, fts_query.HEADING_COLUMNS)
                self._hits(connection, "passage_hits", PASSAGES, slot, headings, boost)
                self._hits(connection, "passage_hits", PASSAGES, slot, expression, COMMON_TEXT_SCORE * boost, bm25=False)
            else:
                self._hits(connection, "passage_hits", PASSAGES, slot, expression, boost)
        # Bonuses, in no slot: the query's terms as a phrase, and as typed inside a title.
        for table, hits in ((PAGES, "page_hits"), (PASSAGES, "passage_hits")):
            if expression := fts_query.phrase_expression(plan, table):
                self._hits(connection, hits, table, 0, expression, PHRASE_BOOST)
        if expression := fts_query.title_phrase_expression(plan):
            self._hits(connection, "page_hits", PAGES, 0, expression, TITLE_PHRASE_BOOST)
        where, parameters = filter_conditions(plan.parsed)
        # Passages with hits of their own match their own slots and their page's: their score and the
        # page's, the level on both together.
        connection.execute(
            "INSERT INTO temp.matched SELECT id, page_id, position, score, slots, 1, page_slots FROM ("
            "  SELECT h.id AS id, p.page_id AS page_id, p.position AS position,"
            "   h.score + coalesce(ps.score, 0) AS score, h.slots | coalesce(ps.slots, 0) AS slots,"
            "   coalesce(ps.slots, 0) AS page_slots"
            "  FROM temp.passage_hits h JOIN passages p ON p.id = h.id JOIN pages d ON d.page_id = p.page_id"
            "  LEFT JOIN temp.page_hits ps ON ps.page_id = p.page_id"
            f"  WHERE {where})"
            f" WHERE {slots_weight(plan, 'slots')} >= ?",
            [*parameters, level.required],
        )
        # Pages whose own text reaches the level: their first passage stands for them (the top of the page).
        connection.execute(
            "INSERT OR IGNORE INTO temp.matched"
            " SELECT p.id, d.page_id, 0, ps.score, ps.slots, 0, ps.slots"
            " FROM temp.page_hits ps JOIN pages d ON d.page_id = ps.page_id"
            " JOIN passages p ON p.page_id = d.page_id AND p.position = 0"
            f" WHERE {slots_weight(plan, 'ps.slots')} >= ? AND {where}",
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
    def _hits(connection, hits, table, slots, expression, boost, bm25=True):
        """Add the rows of `table` matching `expression` to temp.`hits`, one row per passage or page
        however many expressions it matches: its slots (a slot mask) and its score, bm25 × boost (or
        boost alone), summed as they come, so no later GROUP BY sorts the hits."""
        score = f"-{table.bm25} * ?" if bm25 else "?"
        connection.execute(
            f"INSERT INTO temp.{hits} SELECT rowid, {score}, ? FROM {table.name} WHERE {table.name} MATCH ?"
            " ON CONFLICT DO UPDATE SET score = score + excluded.score, slots = slots | excluded.slots",
            [boost, slots, expression],
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

    def nearest(self, parsed, vector, model_name, locales, k, page_ids=None):
        def work(connection):
            signature = vector_store.stored_signature(connection)
            if signature is None or signature.model_name != model_name:
                return []
            chosen = page_ids
            if parsed.filters:
                where, parameters = facet_conditions(parsed.filters)
                rows = connection.execute(f"SELECT d.page_id FROM pages d WHERE {where}", parameters).fetchall()
                filtered = [row[0] for row in rows]
                chosen = filtered if page_ids is None else set(filtered) & set(page_ids)
            hits = vector_store.nearest(connection, vector, k, locales=locales, page_ids=chosen)
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



# The slots a passage or page matches are one integer, a slot mask: slot i is bit i (parsing.MAX_SLOTS
# keeps them within 64 bits). A passage's slots and its page's together are their OR, and their weight is
# arithmetic in SQL, with no table of (passage, slot) pairs to build and group.
def slot_set(mask):
    """Slot indexes from a slot mask (0b101: slots 0 and 2)."""
    return frozenset(index for index in range(mask.bit_length()) if mask >> index & 1)


def slots_weight(plan, mask):
    """SQL for the summed weight of the plan's slots in the slot mask column `mask`."""
    return " + ".join(
        f"(({mask} >> {index}) & 1) * {planned.weight}"
        for index, planned in enumerate(plan.slots)
        if planned.matchable
    )


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
