"""The contract every engine fulfils; the contract tests in tests/search/engines/ run against each.

Engines receive already-serialised IndexedPages (search/documents/) and never touch page models. They store
and retrieve; answering is one engine-neutral pipeline (search/query/pipeline.py) that asks an engine
three things: what its vocabulary knows about the query's words, which passages match (a ranked candidate
list with page totals and facet counts), and the stored text of the passages it will show. So both engines
rank, relax and label alike, and an engine never calls the pipeline.
"""

from abc import ABC, abstractmethod


class SearchUnavailable(Exception):
    """The engine cannot answer right now (e.g. Elasticsearch is down)."""


class SearchBackend(ABC):
    name = "abstract"
    # A remote engine has a circuit breaker (search/breaker.py); a local file needs none.
    breaker = None

    def with_timeout(self, seconds):
        """This backend with writes bounded by `seconds`; local backends do not wait on a network."""
        return self

    # --- writing ---------------------------------------------------------------------------------

    @abstractmethod
    def index_pages(self, pages):
        """Add or replace IndexedPages (by page_id, all their passages)."""

    @abstractmethod
    def delete_pages(self, page_ids):
        """Remove pages with all their passages; unknown ids are ignored."""

    @abstractmethod
    def rebuild(self, pages, progress=None):
        """Replace the whole index with `pages`, readers never seeing an empty or half index."""

    @abstractmethod
    def layout_is_current(self):
        """True when the live index has this code's layout, False when it needs a rebuild, None when
        there is no index yet."""

    # --- reading ---------------------------------------------------------------------------------

    @abstractmethod
    def vocabulary(self, parsed):
        """A search.query.matching.Vocabulary: how many passages hold each analysed term of the query, and the
        closest indexed spellings of the words it does not know."""

    @abstractmethod
    def retrieve(self, plan, level, size):
        """A search.query.ranking.Retrieval for one match level: the best `size` passages, the number of pages
        that match and the facet counts of those pages."""

    @abstractmethod
    def browse(self, plan):
        """A Retrieval of every page in the plan's language and filters, newest first (an empty query)."""

    def nearest(self, parsed, vector, model_name, locales, k, page_ids=None):
        """search.query.ranking.Candidates: the `k` passages nearest `vector` (embedded by `model_name`; vectors of
        another model never count) among passages in `locales` (None: all), the query's filters and, when
        given, the pages `page_ids`, best first. An engine that stores no vectors has none: search through
        it stays lexical."""
        return []

    def vector_coverage(self):
        """(passages, passages with a vector) in the live index, for the admin's progress of embedding;
        None when the engine stores no vectors."""
        return None

    @abstractmethod
    def stored_passages(self, passage_ids):
        """{passage id: search.query.ranking.StoredPassage} for the passages a results page shows."""

    @abstractmethod
    def autocomplete(self, prefix, locale, limit=8):
        """Return up to `limit` page titles that complete `prefix`."""

    @abstractmethod
    def is_available(self):
        """True when the engine answers."""
