"""The search contract every backend fulfils; the contract tests in tests/search/ run against each.

Backends receive already-serialised SearchDocuments (search/documents.py) and a parsed SearchQuery
(search/query.py); they never touch page models, so the same behaviour holds for both engines.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from datetime import datetime

# Facets every backend counts, in the order the search page shows them.
FACET_FIELDS = ("type", "region", "topic", "target_group", "organisation", "locale", "year")


@dataclass
class SearchDocument:
    """One live page in one locale, flattened for indexing."""

    page_id: int
    locale: str
    content_type: str  # stable key such as "manual", "good_practice", "organisation"
    title: str
    url: str
    summary: str = ""
    body: str = ""
    attachments: str = ""  # text extracted from attached PDF/DOCX documents
    regions: list[str] = field(default_factory=list)  # taxonomy slugs
    topics: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # organisation names
    year: int | None = None
    published_at: datetime | None = None
    translation_key: str = ""
    # What the page's row says about this copy (search/fingerprint.py): check_search_index compares it.
    fingerprint: str = ""

    @property
    def doc_id(self):
        return f"{self.page_id}"

    def facet_values(self):
        """Values per facet field (FACET_FIELDS), as both backends index and count them."""
        return {
            "type": [self.content_type],
            "region": list(self.regions),
            "topic": list(self.topics),
            "target_group": list(self.target_groups),
            "organisation": list(self.organisations),
            "locale": [self.locale],
            "year": [str(self.year)] if self.year else [],
        }


@dataclass
class SearchQuery:
    text: str
    locale: str = "cs"
    filters: dict[str, list[str]] = field(default_factory=dict)  # keys from FACET_FIELDS
    page: int = 1
    per_page: int = 10


@dataclass
class SearchHit:
    page_id: int
    title: str
    url: str
    snippet: str  # HTML-safe: escaped text with <mark> around matches
    content_type: str
    locale: str
    score: float


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None
    # Set (to "cs") when nothing matched in query.locale and these are Czech pages instead.
    fallback_locale: str | None = None
    # True when the primary engine could not answer and the backup engine (embedded index) did.
    from_backup: bool = False


# Content is written in Czech first; a uk/en query with no translated match is answered from Czech pages.
FALLBACK_LOCALE = "cs"


def search_with_fallback(search_locale, query):
    """Run `search_locale(query)`; when a non-Czech query finds nothing, search the Czech pages instead."""
    results = search_locale(query)
    if results.total or query.locale == FALLBACK_LOCALE or not query.text.strip():
        return results
    czech = search_locale(replace(query, locale=FALLBACK_LOCALE))
    if not czech.total:
        return results
    czech.query = query
    czech.fallback_locale = FALLBACK_LOCALE
    return czech


class SearchUnavailable(Exception):
    """The engine cannot answer right now (e.g. Elasticsearch is down)."""


class SearchBackend(ABC):
    name = "abstract"
    # A remote engine has a circuit breaker (search/breaker.py); a local file needs none.
    breaker = None

    def with_timeout(self, seconds):
        """This backend with writes bounded by `seconds`; local backends do not wait on a network."""
        return self

    @abstractmethod
    def index_documents(self, documents):
        """Add or replace documents (by page_id)."""

    @abstractmethod
    def delete_documents(self, page_ids):
        """Remove documents; unknown ids are ignored."""

    @abstractmethod
    def rebuild(self, documents, progress=None):
        """Replace the whole index with `documents`, readers never seeing an empty or half index."""

    @abstractmethod
    def search(self, query):
        """Return SearchResults for a SearchQuery; raise SearchUnavailable when the engine is down."""

    @abstractmethod
    def autocomplete(self, prefix, locale, limit=8):
        """Return up to `limit` page titles that complete `prefix`."""

    @abstractmethod
    def is_available(self):
        """True when the engine answers."""
