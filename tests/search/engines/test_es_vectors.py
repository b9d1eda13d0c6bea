"""search/engines/elasticsearch/vectors.py: the dense_vector field and filtered kNN, proven on the real Elasticsearch node."""

import numpy as np
import pytest
from elasticsearch.dsl import Search

from search.engines.elasticsearch.vectors import (
    VECTOR_FIELD,
    knn_request,
    knn_search,
    vector_mapping,
)


def unit(*values):
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


PASSAGES = [
    # passage key, page, locale, topic, vector
    ("1#bydleni", 1, "cs", "bydleni", unit(1, 0, 0, 0)),
    ("1#skola", 1, "cs", "vzdelavani", unit(0, 1, 0, 0)),
    ("2#housing", 2, "en", "bydleni", unit(0.9, 0.1, 0, 0)),
    ("3#prace", 3, "cs", "zamestnani", unit(0.7, 0, 0.7, 0)),
    ("4#житло", 4, "uk", "bydleni", unit(0.8, 0, 0, 0.6)),
]


def test_knn_option_carries_the_filters_inside():
    facets = {"topic": ["bydleni"], "region": []}
    request = knn_search(
        Search(index="x"), unit(1, 0, 0, 0), k=5, locales=["cs"], facets=facets
    ).to_dict()
    knn = request["knn"]
    assert (knn["field"], knn["k"], knn["num_candidates"]) == (VECTOR_FIELD, 5, 100)
    assert knn["filter"] == {
        "bool": {"filter": [{"terms": {"locale": ["cs"]}}, {"terms": {"topic": ["bydleni"]}}]}
    }
    assert request["size"] == 5
    assert "filter" not in knn_search(Search(), unit(1, 0, 0, 0), k=3).to_dict()["knn"]


@pytest.fixture
def vector_index(elasticsearch_backend):
    """An index of five passages under the backend fixture's unique test prefix (deleted afterwards)."""
    client = elasticsearch_backend.client
    name = f"{elasticsearch_backend.index_prefix}-vectors"
    client.indices.create(
        index=name,
        mappings={
            "dynamic": "strict",
            "properties": {
                "passage_key": {"type": "keyword"},
                "page_id": {"type": "long"},
                "locale": {"type": "keyword"},
                "topic": {"type": "keyword"},
                **vector_mapping(4),
            },
        },
        settings={"number_of_shards": 1, "number_of_replicas": 0},
    )
    for key, page_id, locale, topic, vector in PASSAGES:
        client.index(
            index=name,
            id=key,
            document={
                "passage_key": key,
                "page_id": page_id,
                "locale": locale,
                "topic": topic,
                VECTOR_FIELD: vector.tolist(),
            },
        )
    client.indices.refresh(index=name)
    yield client, name
    client.indices.delete(index=name)


def found(client, index, vector, **options):
    response = knn_request(index, vector, **options).using(client).execute()
    # Scores to two places: the default index (int8 HNSW) quantises the vectors it compares.
    return [(hit.passage_key, round(hit.meta.score, 2)) for hit in response]


@pytest.mark.elasticsearch
def test_knn_finds_the_nearest_passages_within_locale_and_facets(vector_index):
    client, index = vector_index
    mapping = client.indices.get_mapping(index=index)[index]["mappings"]["properties"][VECTOR_FIELD]
    assert (
        mapping["type"] == "dense_vector"
        and mapping["dims"] == 4
        and mapping["similarity"] == "cosine"
    )
    # Elasticsearch reports cosine as (1 + cos) / 2.
    assert found(client, index, unit(1, 0, 0, 0), k=3) == [
        ("1#bydleni", 1.0),
        ("2#housing", 1.0),
        ("4#житло", 0.9),
    ]
    assert [key for key, _ in found(client, index, unit(1, 0, 0, 0), k=3, locales=["cs"])] == [
        "1#bydleni",
        "3#prace",
        "1#skola",
    ]
    assert [
        key
        for key, _ in found(
            client,
            index,
            unit(1, 0, 0, 0),
            k=5,
            locales=["cs", "uk"],
            facets={"topic": ["bydleni"]},
        )
    ] == ["1#bydleni", "4#житло"]
    assert found(client, index, unit(1, 0, 0, 0), k=5, facets={"topic": ["neexistuje"]}) == []
