"""Elasticsearch 8 backend: queries from search/query.py, index management from search/es_index.py.

The index holds the same analysed *_stem terms as the embedded backend (search/analysis.py), so the node
needs only the standard analyzer: the integ-test node in CI and the production node behave the same.
"""

import logging

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError
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
from search.query import autocomplete_request, known_term_clause, parse_query, search_request
from search.snippets import did_you_mean, make_snippet

logger = logging.getLogger(__name__)
ENGINE_ERRORS = (ApiError, TransportError)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, index_prefix, timeout=5.0):
        self.url = url
        self.index_prefix = index_prefix
        # No retries: while the node is down a search should fail fast and fall back, not hang.
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)

    @classmethod
    def from_settings(cls):
        return cls(
            url=settings.ELASTICSEARCH_URL,
            index_prefix=settings.ELASTICSEARCH_INDEX_PREFIX,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
        )

    @property
    def alias(self):
        return es_index.alias_name(self.index_prefix)

    def _unavailable(self, error):
        logger.warning("Elasticsearch at %s failed: %s", self.url, error)
        return SearchUnavailable(f"Elasticsearch does not answer: {error.__class__.__name__}")

    def is_available(self):
        # Cluster health rather than ping(): ping is a HEAD on "/", which proxies may refuse.
        try:
            self.client.cluster.health()
        except ENGINE_ERRORS:
            return False
        return True

    # --- writing: index layout and bulk loading live in search/es_index.py -----------------------

    def index_documents(self, documents):
        try:
            es_index.index_documents(self.client, self.index_prefix, documents)
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def delete_documents(self, page_ids):
        try:
            es_index.delete_documents(self.client, self.index_prefix, page_ids)
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error

    def rebuild(self, documents, progress=None):
        try:
            es_index.rebuild(self.client, self.index_prefix, documents, progress=progress)
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
        try:
            response = search_request(parsed, self.alias).using(self.client).execute()
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error
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
            suggestion=self._suggestion(parsed, response),
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
        response = request.using(self.client).execute()
        return {term for number, term in enumerate(sorted(terms)) if response.aggregations[f"t{number}"].doc_count}

    def autocomplete(self, prefix, locale, limit=8):
        if not prefix.strip():
            return []
        try:
            response = autocomplete_request(prefix, locale, self.alias, limit).using(self.client).execute()
        except ENGINE_ERRORS as error:
            raise self._unavailable(error) from error
        return [{"title": hit.title, "url": hit.url} for hit in response.hits]
