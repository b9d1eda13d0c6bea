"""Elasticsearch 8 backend: queries from search/query.py, index management from search/es_index.py.

The index holds the same analysed *_stem terms as the embedded backend (search/analysis.py), so the node
needs only the standard analyzer: the integ-test node in CI and the production node behave the same.
"""

import copy
import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError
from elasticsearch.dsl import Search

from search import es_index
from search.backends.base import (
    FACET_FIELDS,
    SearchBackend,
    SearchHit,
    SearchResults,
    SearchUnavailable,
    search_with_fallback,
)
from search.breaker import breaker_for
from search.query import (
    QueryError,
    autocomplete_request,
    known_term_clause,
    parse_query,
    search_request,
)
from search.snippets import did_you_mean, make_snippet

logger = logging.getLogger(__name__)
ENGINE_ERRORS = (ApiError, TransportError)
# Connections kept open per node and process: one per gunicorn thread is enough, more only idle.
CONNECTIONS_PER_NODE = 10

_clients = {}
_clients_lock = threading.Lock()


def shared_client(url):
    """One client (and so one connection pool) per node URL and process.

    A client per request opened a TCP connection per search (1,760 for 2,100 searches under load).
    The client is thread-safe; per-call timeouts come from `client.options()`, which shares the pool.
    """
    client = _clients.get(url)
    if client is None:
        with _clients_lock:
            client = _clients.get(url)
            if client is None:
                # No retries: while the node is down a call should fail fast and use the backup engine.
                # A cluster: comma-separated node URLs; the client spreads requests and skips dead nodes.
                client = _clients[url] = Elasticsearch(
                    [node.strip() for node in url.split(",") if node.strip()],
                    max_retries=0,
                    retry_on_timeout=False,
                    connections_per_node=CONNECTIONS_PER_NODE,
                )
    return client


class SearchRejected(QueryError):
    """Elasticsearch refused the request as malformed (HTTP 400): the reader's input, not an outage."""


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, index_prefix, timeout=5.0, search_timeout=None):
        self.url = url
        self.index_prefix = index_prefix
        base = shared_client(url)
        # Writes, rebuilds and commands may take seconds; a reader's search gives up much sooner.
        self.client = base.options(request_timeout=timeout)
        self.search_client = base.options(request_timeout=search_timeout or timeout)
        self.breaker = breaker_for(url, self.is_available)

    @classmethod
    def from_settings(cls):
        return cls(
            url=settings.ELASTICSEARCH_URL,
            index_prefix=settings.ELASTICSEARCH_INDEX_PREFIX,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
            search_timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT,
        )

    def with_timeout(self, seconds):
        """This backend with writes bounded by `seconds` (the publish request's share of the outbox)."""
        bounded = copy.copy(self)
        bounded.client = self.client.options(request_timeout=seconds)
        return bounded

    @property
    def alias(self):
        return es_index.alias_name(self.index_prefix)

    def _unavailable(self, error):
        logger.warning("Elasticsearch at %s failed: %s", self.url, error)
        return SearchUnavailable(f"Elasticsearch does not answer: {error.__class__.__name__}")

    @contextmanager
    def engine_call(self):
        """Every call to the node: a 400 is the reader's bad input, anything else an outage."""
        try:
            yield
        except BadRequestError as error:
            logger.info("Elasticsearch refused a request as malformed: %s", error)
            raise SearchRejected("The search engine refused this query; shorten or simplify it.") from error
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def is_available(self):
        # Cluster health rather than ping(): ping is a HEAD on "/", which proxies may refuse.
        try:
            self.search_client.cluster.health()
        except ENGINE_ERRORS:
            return False
        return True

    # --- writing: index layout and bulk loading live in search/es_index.py -----------------------

    # Writes go to the alias, or to `target_index` on a copy made by for_index() (a rebuild catching up).
    target_index = None

    def for_index(self, name):
        """This backend writing into one concrete index (a new one a rebuild is about to swap in)."""
        pinned = copy.copy(self)
        pinned.target_index = name
        return pinned

    def index_documents(self, documents):
        try:
            es_index.index_documents(self.client, self.index_prefix, documents, index=self.target_index)
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def delete_documents(self, page_ids):
        try:
            es_index.delete_documents(self.client, self.index_prefix, page_ids, index=self.target_index)
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def rebuild(self, documents, progress=None, catch_up=None):
        """See es_index.rebuild; `catch_up(backend)` receives this backend pinned to the new index."""
        replay = (lambda name: catch_up(self.for_index(name))) if catch_up else None
        try:
            es_index.rebuild(self.client, self.index_prefix, documents, progress=progress, catch_up=replay)
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def indexed_fingerprints(self):
        try:
            return es_index.indexed_fingerprints(self.client, self.index_prefix)
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def drop_indices(self):
        """Delete every index under this backend's prefix (tests only ever use a test prefix)."""
        es_index.drop_indices(self.client, self.index_prefix)

    # --- reading ---------------------------------------------------------------------------------

    def search(self, query):
        return search_with_fallback(self._search_locale, query)

    def _search_locale(self, query):
        parsed = parse_query(query)
        # One guard around the main query and the spelling lookups (_known_terms) alike.
        with self.engine_call():
            response = search_request(parsed, self.alias).using(self.search_client).execute()
            suggestion = self._suggestion(parsed, response)
        hits = [
            SearchHit(
                page_id=hit.page_id,
                title=hit.title,
                url=hit.url,
                snippet=make_snippet(
                    parsed, [hit.to_dict().get(name, "") for name in ("summary", "body", "attachments")]
                ),
                content_type=hit.type,
                locale=hit.locale,
                score=round(hit.meta.score or 0.0, 4),
            )
            for hit in response.hits
        ]
        facets = {
            name: [(str(bucket.key), bucket.doc_count) for bucket in response.aggregations[name].buckets]
            for name in FACET_FIELDS
        }
        return SearchResults(
            query=query,
            total=response.hits.total.value,
            hits=hits,
            facets={name: values for name, values in facets.items() if values},
            suggestion=suggestion,
        )

    def _suggestion(self, parsed, response):
        if "suggest" not in response:
            return None
        corrections = {
            entry.text.lower(): entry.options[0].text for entry in response.suggest.spelling if entry.options
        }
        return did_you_mean(parsed, corrections, self._known_terms)

    def _known_terms(self, terms):
        """Which analysed terms occur in any *_stem field: one size-0 request with a filter per term."""
        request = Search(index=self.alias).extra(size=0)
        for number, term in enumerate(sorted(terms)):
            request.aggs.bucket(f"t{number}", "filter", known_term_clause(term))
        response = request.using(self.search_client).execute()
        return {term for number, term in enumerate(sorted(terms)) if response.aggregations[f"t{number}"].doc_count}

    def autocomplete(self, prefix, locale, limit=8):
        if not prefix.strip():
            return []
        with self.engine_call():
            response = (
                autocomplete_request(prefix, locale, self.alias, limit).using(self.search_client).execute()
            )
        return [{"title": hit.title, "url": hit.url} for hit in response.hits]
