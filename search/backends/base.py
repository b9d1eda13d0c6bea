"""The search contract every backend fulfils; the contract tests in tests/search/ run against each.

Backends receive already-serialised IndexedPages (search/pages.py) and never touch page models. Reading is
one engine-neutral pipeline (search/pipeline.py) that asks a backend three things: what its vocabulary
knows about the query's words, which passages match (a ranked candidate list with page totals and facet
counts), and the stored text of the passages it will show. So both engines rank, relax and label alike.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime

from search.passages import Passage
from search.schema import LOCALE_FACET, TYPE_FACET


@dataclass
class IndexedPage:
    """One live page in one language as the index holds it: page text, passages and facet values."""

    page_id: int
    locale: str
    content_type: str  # stable key such as "manual", "good_practice", "organisation"
    title: str
    url: str
    texts: dict[str, str] = field(default_factory=dict)  # page text by role: lead, labels, facts
    passages: list[Passage] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)  # declared facets (schema.facet_names)
    published_at: datetime | None = None
    translation_key: str = ""
    # What the page's row says about this copy (search/fingerprint.py): check_search_index compares it.
    fingerprint: str = ""
    # One vector per indexed passage (None where not embedded yet), and the model they come from; none
    # at all while semantic search is off (search/vectors.py attaches them).
    vectors: list | None = None
    vector_model: str = ""

    def passage_id(self, position):
        return passage_id(self.page_id, position)

    def indexed_passages(self):
        """The passages as indexed; a page without text still has one (empty) passage to be found by."""
        return self.passages or [Passage(0, "", (), "")]

    def facet_values(self):
        """Values per facet, as both backends index and count them."""
        return {TYPE_FACET: [self.content_type], LOCALE_FACET: [self.locale], **self.facets}


def passage_id(page_id, position):
    return f"{page_id}-{position}"


@dataclass
class SearchQuery:
    text: str
    locale: str = "cs"
    filters: dict[str, list[str]] = field(default_factory=dict)  # keys from schema.facet_names()
    page: int = 1
    per_page: int = 10


@dataclass(frozen=True)
class PassageLink:
    """Where in a page a result points: the section's heading path and its address on the page."""

    heading: tuple[str, ...]
    anchor: str
    url: str


@dataclass
class SearchHit:
    page_id: int
    title: str
    url: str
    excerpt: str  # HTML-safe: escaped text of the best passage with <mark> around matches
    content_type: str
    locale: str
    score: float
    passage: PassageLink | None = None  # the best passage; None when browsing
    more_passages: list[PassageLink] = field(default_factory=list)  # other matching sections, the first few
    more_count: int = 0  # how many other sections of the page match on their own
    missing: tuple[str, ...] = ()  # query words this page does not contain (a partial match)
    translation_key: str = ""  # shared by a page's translations (Wagtail's translation_key)
    related: bool = False  # found by meaning (vectors) or through another language, not by the words
    cross_lingual: bool = False  # in another language than the query's (a Czech answer to a uk question)


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None
    # True when no page had all the query's words and pages with some of them are shown instead.
    partial: bool = False
    # Set (to "cs") when nothing matched in query.locale and these are Czech pages instead.
    fallback_locale: str | None = None
    # True when the primary engine could not answer and the backup engine (embedded index) did.
    from_backup: bool = False
    # True when no word of the query matched and no passage is near its meaning: the few hits are only
    # "maybe related", never answers (nonsense, a stray paste, a word no page holds).
    weak: bool = False
    # The language the query was written in, when it is not the interface's (a Russian question on the
    # Czech site); its answers come from pages in Czech or in that language.
    query_language: str | None = None


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

    def search(self, query):
        """SearchResults for a SearchQuery; raises SearchUnavailable when the engine is down."""
        from search.pipeline import answer

        return answer(self, query)

    @abstractmethod
    def vocabulary(self, parsed):
        """A search.matching.Vocabulary: how many passages hold each analysed term of the query, and the
        closest indexed spellings of the words it does not know."""

    @abstractmethod
    def retrieve(self, plan, level, size):
        """A search.ranking.Retrieval for one match level: the best `size` passages, the number of pages
        that match and the facet counts of those pages."""

    @abstractmethod
    def browse(self, plan):
        """A Retrieval of every page in the plan's language and filters, newest first (an empty query)."""

    def nearest(self, parsed, vector, model_name, locales, k):
        """search.ranking.Candidates: the `k` passages nearest `vector` (embedded by `model_name`; vectors of
        another model never count) among passages in `locales` and the query's filters, best first. An
        engine that stores no vectors has none: search through it stays lexical."""
        return []

    @abstractmethod
    def stored_passages(self, passage_ids):
        """{passage id: search.ranking.StoredPassage} for the passages a results page shows."""

    @abstractmethod
    def autocomplete(self, prefix, locale, limit=8):
        """Return up to `limit` page titles that complete `prefix`."""

    @abstractmethod
    def is_available(self):
        """True when the engine answers."""
