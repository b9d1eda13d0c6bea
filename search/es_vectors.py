"""Passage vectors in Elasticsearch: the `dense_vector` field and the `knn` search option.

Both are in the basic licence of Elasticsearch 8 (checked on the 8.19 integ-test node CI runs); the
`rrf` retriever is not, so candidate lists are fused in the application (search/fusion.py). Filters go
*inside* the knn option: Elasticsearch then finds the k nearest among the filtered passages, rather
than the k nearest overall of which the filter might leave none.
"""

from elasticsearch.dsl import DenseVector, Q, Search

VECTOR_FIELD = "embedding"
# Candidates each shard examines per wanted hit in its HNSW graph: recall close to exact search at this
# scale for a few milliseconds (Elasticsearch's own default is 1.5 × k, tuned for larger k).
CANDIDATES_PER_HIT = 10
MAX_CANDIDATES = 10_000  # Elasticsearch's upper limit for num_candidates


def vector_field(dimensions):
    """The field declaration for a Document class: normalised vectors compared by cosine, indexed (HNSW)."""
    return DenseVector(dims=dimensions, index=True, similarity="cosine")


def vector_mapping(dimensions):
    """The same as a mapping fragment: {"embedding": {...}} to merge into an index's properties."""
    return {VECTOR_FIELD: vector_field(dimensions).to_dict()}


def knn_filter(locales=None, facets=None):
    """The filter of a knn search: the passage's language and the reader's facet choices.

    `facets` maps a keyword field to the values a reader chose ({"topic": ["bydleni"]}); a passage
    needs one of the values of every field, as in the lexical query.
    """
    clauses = []
    if locales:
        clauses.append(Q("terms", locale=list(locales)))
    clauses += [
        Q("terms", **{name: list(values)}) for name, values in (facets or {}).items() if values
    ]
    return Q("bool", filter=clauses) if clauses else None


def knn_search(search, query_vector, k, locales=None, facets=None, num_candidates=None):
    """`search` (an elasticsearch.dsl Search) with the knn option for the k passages nearest the query.

    Hits come back with `_score` = (1 + cosine) / 2, Elasticsearch's mapping of cosine into [0, 1].
    """
    if num_candidates is None:
        num_candidates = min(max(k * CANDIDATES_PER_HIT, 100), MAX_CANDIDATES)
    return search.knn(
        field=VECTOR_FIELD,
        k=k,
        num_candidates=max(num_candidates, k),
        query_vector=[float(value) for value in query_vector],
        filter=knn_filter(locales, facets),
    )[:k]


def knn_request(
    index, query_vector, k, locales=None, facets=None, source=("passage_key", "page_id", "locale")
):
    """A ready Search on `index` for the vector candidate list alone (no lexical query, no aggregations)."""
    return knn_search(Search(index=index).source(list(source)), query_vector, k, locales, facets)
