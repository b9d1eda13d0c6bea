"""Elasticsearch 8 backend: requests from search/engines/elasticsearch/query.py, index layout from search/engines/elasticsearch/index.py.

The index holds one document per passage with the same analysed *_stem terms as the embedded backend
(search/vocabulary/analysis.py), so the node needs only the standard analyzer: the integ-test node in CI and the
production node behave the same. Ranking above retrieval is the shared pipeline (search/query/pipeline.py).
"""

import copy
import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError
from elasticsearch.dsl import Search

from search.documents.schema import facet_names
from search.engines.base import SearchBackend, SearchUnavailable
from search.engines.breaker import breaker_for
from search.engines.elasticsearch import index as es_index
from search.engines.elasticsearch import query as es_query
from search.engines.elasticsearch.vectors import VECTOR_FIELD, knn_search
from search.query.matching import Vocabulary, prefixes_to_count, terms_to_count, words_to_check
from search.query.types import Candidate, QueryError, Retrieval, StoredPassage
from search.vocabulary.analysis import analyse

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

    def layout_is_current(self):
        with self.engine_call():
            return es_index.layout_is_current(self.client, self.index_prefix)

    # --- writing: index layout and bulk loading live in search/engines/elasticsearch/index.py -----------------------

    # Writes go to the alias, or to `target_index` on a copy made by for_index() (a rebuild catching up).
    target_index = None

    def for_index(self, name):
        """This backend writing into one concrete index (a new one a rebuild is about to swap in)."""
        pinned = copy.copy(self)
        pinned.target_index = name
        return pinned

    def index_pages(self, pages):
        with self.engine_call():
            es_index.index_pages(self.client, self.index_prefix, pages, index=self.target_index)

    def delete_pages(self, page_ids):
        with self.engine_call():
            es_index.delete_pages(self.client, self.index_prefix, page_ids, index=self.target_index)

    def rebuild(self, pages, progress=None, catch_up=None):
        """See es_index.rebuild; `catch_up(backend)` receives this backend pinned to the new index."""
        replay = (lambda name: catch_up(self.for_index(name))) if catch_up else None
        with self.engine_call():
            es_index.rebuild(self.client, self.index_prefix, pages, progress=progress, catch_up=replay)

    def vector_coverage(self):
        with self.engine_call():
            if not self.search_client.indices.exists_alias(name=self.alias):
                return 0, 0
            total = self.search_client.count(index=self.alias)["count"]
            embedded = self.search_client.count(index=self.alias, query={"exists": {"field": VECTOR_FIELD}})
            return total, embedded["count"]

    def indexed_fingerprints(self):
        with self.engine_call():
            return es_index.indexed_fingerprints(self.client, self.index_prefix)

    def drop_indices(self):
        """Delete every index under this backend's prefix (tests only ever use a test prefix)."""
        es_index.drop_indices(self.client, self.index_prefix)

    # --- reading: the pipeline's three questions -------------------------------------------------

    def _execute(self, request):
        """The raw JSON of a search: the DSL builds the request, but wrapping hundreds of candidate hits
        in its response objects costs more than the engine takes to find them."""
        with self.engine_call():
            return self.search_client.search(index=self.alias, body=request.to_dict())

    def vocabulary(self, parsed):
        terms, raw = terms_to_count(parsed)
        prefixes = prefixes_to_count(parsed)
        response = self._execute(es_query.vocabulary_request(terms, raw, prefixes, self.alias))
        aggregations = response["aggregations"]
        documents = {term: aggregations[f"t{n}"]["pages"]["value"] for n, term in enumerate(terms)}
        # A second request only when some word is unknown: most queries need no spelling help.
        unknown = [
            word
            for word in words_to_check(parsed)
            if not any(documents.get(term) for term in analyse(word, parsed.locale))
        ]
        spellings = {}
        if unknown:
            response = self._execute(es_query.spelling_request(unknown, self.alias))
            suggestions, typed = response.get("suggest", {}), response["aggregations"]
            for number, word in enumerate(unknown):
                found = [(option["text"], option["freq"]) for option in suggestions[f"w{number}"][0]["options"]]
                if as_typed := typed[f"s{number}"]["doc_count"]:
                    found.insert(0, (word, as_typed))
                spellings[word] = found
        return Vocabulary(
            pages=aggregations["pages"]["value"],
            documents=documents,
            raw={word: aggregations[f"r{n}"]["doc_count"] for n, word in enumerate(raw)},
            spellings=spellings,
            prefixes={prefix: aggregations[f"p{n}"]["pages"]["value"] for n, prefix in enumerate(prefixes)},
        )

    def retrieve(self, plan, level, size):
        response = self._execute(es_query.retrieval_request(plan, level, size, self.alias))
        slot_names = {f"slot-{index}": index for index in range(len(plan.slots))}
        page_names = {f"page-{index}": index for index in range(len(plan.slots))}
        candidates = []
        for hit in response["hits"]["hits"]:
            matched = set(hit.get("matched_queries") or ())
            candidates.append(
                Candidate(
                    page_id=hit["fields"]["page_id"][0],
                    position=hit["fields"]["position"][0],
                    score=round(hit["sort"][0], 4),
                    slots=frozenset(slot_names[name] for name in matched if name in slot_names),
                    own="own" in matched,
                    page_slots=frozenset(page_names[name] for name in matched if name in page_names),
                )
            )
        return Retrieval(
            candidates=candidates,
            total=response["aggregations"]["pages"]["value"],
            facets=self._facets(response, lambda bucket: bucket["pages"]["value"]),
        )

    def browse(self, plan):
        response = self._execute(es_query.browse_request(plan.parsed, self.alias))
        return Retrieval(
            candidates=[
                Candidate(page_id=hit["fields"]["page_id"][0], position=0, score=0.0)
                for hit in response["hits"]["hits"]
            ],
            total=response["hits"]["total"]["value"],
            facets=self._facets(response, lambda bucket: bucket["doc_count"]),
        )

    @staticmethod
    def _facets(response, count):
        facets = {}
        for name in facet_names():
            buckets = [(str(bucket["key"]), count(bucket)) for bucket in response["aggregations"][name]["buckets"]]
            if buckets:
                facets[name] = buckets
        return facets

    def nearest(self, parsed, vector, model_name, locales, k, page_ids=None):
        facets = parsed.filters if page_ids is None else {**parsed.filters, "page_id": sorted(page_ids)}
        request = knn_search(
            Search(index=self.alias).source(False).extra(fields=["page_id", "position"]),
            vector,
            k,
            locales=locales,
            facets=facets,
            model_name=model_name,
        )
        return [
            Candidate(
                page_id=hit["fields"]["page_id"][0],
                position=hit["fields"]["position"][0],
                # Elasticsearch reports (1 + cosine) / 2; the cosine itself, as the embedded backend gives.
                score=round(2 * hit["_score"] - 1, 4),
                own=True,
            )
            for hit in self._execute(request)["hits"]["hits"]
        ]

    def stored_passages(self, passage_ids):
        if not passage_ids:
            return {}
        with self.engine_call():
            response = self.search_client.mget(index=self.alias, ids=list(passage_ids), source=es_index.STORED_SOURCE)
        stored = {}
        for document in response["docs"]:
            if not document.get("found"):
                continue
            source = document["_source"]
            stored[document["_id"]] = StoredPassage(
                page_id=source["page_id"],
                position=source["position"],
                title=source["title"],
                url=source["url"],
                content_type=source["type"],
                locale=source["locale"],
                anchor=source.get("anchor", ""),
                heading=tuple(source.get("heading_path") or ()),
                text=source.get("text") or source.get("attachment") or "",
                translation_key=source.get("translation_key") or "",
            )
        return stored

    def autocomplete(self, prefix, locale, limit=8):
        if not prefix.strip():
            return []
        response = self._execute(es_query.autocomplete_request(prefix, locale, self.alias, limit))
        return [{"title": hit["_source"]["title"], "url": hit["_source"]["url"]} for hit in response["hits"]["hits"]]
