"""search/engines/embedded/vector_store.py: passage vectors beside the FTS5 index, exact top-k with numpy."""

import sqlite3

import numpy as np
import pytest

from search.engines.embedded import vector_store
from search.engines.embedded.vector_store import MatrixCache, VectorStoreError
from search.vectors.embedding import EmbeddingSignature

SIGNATURE = EmbeddingSignature("test-model", 4)


def unit(*values):
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def store(tmp_path):
    connection = sqlite3.connect(tmp_path / "search.sqlite3")
    vector_store.create_schema(connection)
    with connection:  # the store never commits: its caller writes FTS rows in the same transaction
        vector_store.set_signature(connection, SIGNATURE)
        vector_store.replace_page(
            connection,
            1,
            [
                ("1#bydleni", "cs", unit(1, 0, 0, 0)),
                ("1#skola", "cs", unit(0, 1, 0, 0)),
            ],
        )
        vector_store.replace_page(connection, 2, [("2#housing", "en", unit(0.9, 0.1, 0, 0))])
        vector_store.replace_page(connection, 3, [("3#prace", "cs", unit(0.7, 0, 0.7, 0))])
    yield connection
    connection.close()


def nearest(connection, vector, **options):
    return [
        (hit.passage_key, round(hit.score, 3))
        for hit in vector_store.nearest(connection, vector, cache=MatrixCache(), **options)
    ]


def test_nearest_passages_come_best_first_with_cosine_scores(store):
    assert nearest(store, unit(1, 0, 0, 0), k=3) == [
        ("1#bydleni", 1.0),
        ("2#housing", 0.994),
        ("3#prace", 0.707),
    ]


def test_int8_scores_are_the_float_cosines_and_keep_their_order(tmp_path):
    rng = np.random.default_rng(5)
    query = unit(*rng.standard_normal(384))
    # Passages ever farther from the query: cosines about 0.9, 0.7 … 0.1 apart by 0.2.
    noise = [unit(*rng.standard_normal(384)) for _ in range(5)]
    shares = (0.9, 0.7, 0.5, 0.3, 0.1)
    passages = [unit(*(share * query + np.sqrt(1 - share**2) * other)) for share, other in zip(shares, noise, strict=True)]
    connection = sqlite3.connect(tmp_path / "search.sqlite3")
    vector_store.create_schema(connection)
    vector_store.set_signature(connection, EmbeddingSignature("test-model", 384))
    vector_store.replace_page(connection, 1, [(f"1#{n}", "cs", vector) for n, vector in enumerate(passages)])
    hits = vector_store.nearest(connection, query, k=5, cache=MatrixCache())
    assert [hit.passage_key for hit in hits] == ["1#0", "1#1", "1#2", "1#3", "1#4"]
    for hit in hits:
        assert hit.score == pytest.approx(float(passages[int(hit.passage_key[2:])] @ query), abs=0.01)


def test_locale_and_page_filters_apply_before_the_top_k(store):
    assert nearest(store, unit(1, 0, 0, 0), k=2, locales=["cs"]) == [
        ("1#bydleni", 1.0),
        ("3#prace", 0.707),
    ]
    assert nearest(store, unit(1, 0, 0, 0), k=5, locales=["en", "uk"]) == [("2#housing", 0.994)]
    assert nearest(store, unit(1, 0, 0, 0), k=1, page_ids={3}) == [("3#prace", 0.707)]
    assert nearest(store, unit(1, 0, 0, 0), k=5, locales=["uk"]) == []


def test_the_cached_matrix_reloads_after_a_write_from_another_connection(store, tmp_path):
    cache = MatrixCache()
    hits = vector_store.nearest(store, unit(0, 0, 0, 1), k=1, cache=cache)
    assert hits[0].passage_key != "4#new"
    other = sqlite3.connect(tmp_path / "search.sqlite3")
    with other:
        vector_store.replace_page(other, 4, [("4#new", "cs", unit(0, 0, 0, 1))])
    other.close()
    [hit] = vector_store.nearest(store, unit(0, 0, 0, 1), k=1, cache=cache)
    assert (hit.passage_key, hit.page_id, hit.locale) == ("4#new", 4, "cs")
    vector_store.delete_pages(store, [4])
    assert vector_store.nearest(store, unit(0, 0, 0, 1), k=1, cache=cache)[0].passage_key != "4#new"


def test_replacing_a_page_drops_its_old_passages(store):
    vector_store.replace_page(store, 1, [("1#nove", "cs", unit(0, 0, 0, 1))])
    assert vector_store.count(store) == 3
    assert "1#bydleni" not in [key for key, _ in nearest(store, unit(1, 0, 0, 0), k=10)]


def test_another_model_empties_the_store_and_wrong_shapes_are_refused(store):
    with pytest.raises(VectorStoreError, match="4 dimensions"):
        vector_store.replace_page(store, 9, [("9#x", "cs", np.ones(3))])
    with pytest.raises(VectorStoreError, match="query vector"):
        vector_store.nearest(store, np.ones(5), cache=MatrixCache())
    assert vector_store.stored_signature(store) == SIGNATURE
    vector_store.set_signature(store, EmbeddingSignature("other-model", 4))
    assert vector_store.count(store) == 0
    assert vector_store.stored_signature(store) == EmbeddingSignature("other-model", 4)


def test_storing_before_the_signature_is_known_is_an_error(tmp_path):
    connection = sqlite3.connect(tmp_path / "empty.sqlite3")
    vector_store.create_schema(connection)
    assert vector_store.stored_signature(connection) is None
    assert vector_store.nearest(connection, unit(1, 0, 0, 0), cache=MatrixCache()) == []
    with pytest.raises(VectorStoreError, match="set_signature"):
        vector_store.replace_page(connection, 1, [("1#a", "cs", unit(1, 0, 0, 0))])
