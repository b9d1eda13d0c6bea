"""Passage vectors in Elasticsearch: the `dense_vector` field and the `knn` search option.

Both are in the basic licence of Elasticsearch 8 (checked on the 8.19 integ-test node CI runs); the
`rrf` retriever is not, so candidate lists are fused in the application (search/query/fusion.py). Filters go
*inside* the knn option: Elasticsearch then finds the k nearest among the filtered passages, rather
than the k nearest overall of which the filter might leave none.
"""

from elasticsearch.dsl import DenseVector, Q, Search

VECTOR_FIELD = "embedding"
# The model each passage's vector comes from: a kNN search filters on it, so vectors of a model the hub no
# longer uses (until re-embedded) are never compared with a query vector of the current one.
MODEL_FIELD = "vector_model"
# Candidates each shard examines per wanted hit in its HNSW graph: recall close to exact search at this
# scale for a few milliseconds (Elasticsearch's own default is 1.5 × k, tuned for larger k).
CANDIDATES_PER_HIT = 10
MAX_CANDIDATES = 10_000  # Elasticsearch's upper limit for num_candidates


def vector_field(dimensions=None):
    """The field declaration for a Document class: normalised vectors compared by cosine, indexed (HNSW).
    Without `dimensions` Elasticsearch takes them from the first vector indexed, so the mapping does not
    depend on which embedder is configured (or whether one loads)."""
    options = {"dims": dimensions} if dimensions else {}
    return DenseVector(index=True, similarity="cosine", **options)


def vector_mapping(dimensions=None):
    """The same as a mapping fragment to merge into an index's properties: the vector and its model."""
    return {VECTOR_FIELD: vector_field(dimensions).to_dict(), MODEL_FIELD: {"type": "keyword"}}


def knn_filter(locales=None, facets=None, model_name=None):
    """The filter of a knn search: the passage's language, the reader's facet choices and the model.

    `facets` maps a keyword field to the values a reader chose ({"topic": ["bydleni"]}); a passage
    needs one of the values of every field, as in the lexical query.
    """
    clauses = [Q("term", **{MODEL_FIELD: model_name})] if model_name else []
    if locales:
        clauses.append(Q("terms", locale=list(locales)))
    clauses += [
        Q("terms", **{name: list(values)}) for name, values in (facets or {}).items() if values
    ]
    return Q("bool", filter=clauses) if clauses else None


def knn_search(search, query_vector, k, locales=None, facets=None, num_candidates=None, model_name=None):
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
        filter=knn_filter(locales, facets, model_name),
    )[:k]


def knn_request(
    index, query_vector, k, locales=None, facets=None, source=("passage_key", "page_id", "locale"), model_name=None
):
    """A ready Search on `index` for the vector candidate list alone (no lexical query, no aggregations)."""
    search = Search(index=index).source(list(source))
    return knn_search(search, query_vector, k, locales, facets, model_name=model_name)
